"""Count the iterates on a workbook's Iterations sheet without building its cells.

Split from :mod:`gdapp.excel.readback`, which calls :func:`count_iterations` with its own
error type, so a damaged sheet is refused with the read-back's one-sentence message.
"""

from __future__ import annotations

import math
import re
from typing import IO, Any

from lxml import etree
from openpyxl.workbook.workbook import Workbook

from gdapp.core import MAX_EXPORTABLE_ROWS
from gdapp.core.messages import Message


def count_iterations(wb: Workbook, name: str, error: type[ValueError]) -> int:
    """Iterate rows on the Iterations sheet: k = 0, 1, 2, … in column A from row 2.

    A million-row sheet is ~600 MB of XML; openpyxl would build every cell and even lxml
    takes ~25 s, so column A's cells are first found by a pattern over the decompressed
    stream (~3 s). Sheets whose cells the pattern does not recognise are parsed with lxml.
    """
    ws = wb["Iterations"]
    source = ws._get_source()
    try:
        count = _count_by_pattern(source, name, error)
    finally:
        source.close()
    if count == 0:
        source = ws._get_source()
        try:
            count = _count_by_parsing(source, name, error)
        finally:
            source.close()
    if count == 0:
        raise error(Message("{name}: the Iterations sheet holds no iterates", name=name))
    return count


#: A cell in column A with its attributes and value (writers put ``r`` first).
_A_CELL = re.compile(rb'<c r="A(\d+)"([^>]*?)(?:/>|>(?:<f[^>]*(?:/>|>[^<]*</f>))?'
                     rb'(?:<v>([^<]*)</v>)?)')
_CHUNK = 1 << 20
_OVERLAP = 1 << 16


def _count_by_pattern(source: IO[bytes], name: str, error: type[ValueError]) -> int:
    count = 0
    carry = b""
    while True:
        chunk = source.read(_CHUNK)
        buf = carry + chunk
        limit = len(buf) if not chunk else len(buf) - _OVERLAP
        pos = 0
        for match in _A_CELL.finditer(buf):
            if match.start() >= limit:
                break
            pos = match.end()
            row = int(match.group(1))
            if row == 1:
                continue
            attrs, value = match.group(2), match.group(3)
            if row != count + 2 or value is None or (b' t="' in attrs and b' t="n"' not in attrs):
                return count
            _check_k(value, count, row, name, error)
            count += 1
        if not chunk:
            return count
        carry = buf[max(pos, limit):]


def _check_k(value: bytes, count: int, row: int, name: str, error: type[ValueError]) -> None:
    try:
        k = float(value)
    except ValueError:
        k = math.nan
    if k != count:
        raise error(Message("{name}, Iterations row {row}: k should be {count}, got {got}",
                            name=name, row=str(row), count=str(count),
                            got=repr(value.decode(errors="replace"))))
    if count + 1 > MAX_EXPORTABLE_ROWS:
        raise error(Message("{name}: the Iterations sheet has more rows than gdapp writes",
                            name=name))


def _count_by_parsing(source: IO[bytes], name: str, error: type[ValueError]) -> int:
    count = 0
    try:
        rows = etree.iterparse(source, events=("end",), tag=_ROW, resolve_entities=False,
                               no_network=True)
        for _, row in rows:
            number = int(row.get("r") or count + 2)
            if number == 1:
                row.clear()
                continue
            if number != count + 2:
                break  # a blank row ends the iterates
            k = _first_cell_value(row, number)
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]
            if k is None:
                break
            _check_k(k, count, number, name, error)
            count += 1
    except etree.XMLSyntaxError as exc:
        raise error(Message("{name}: the Iterations sheet is damaged ({reason})", name=name,
                            reason=str(exc))) from None
    return count


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE = f"{_NS}row", f"{_NS}c", f"{_NS}v"


def _first_cell_value(row: Any, number: int) -> bytes | None:
    """The number text in cell A of a sheet-XML ``<row>``; None when A is blank or text."""
    cell = row.find(_CELL)
    if cell is None or cell.get("r", f"A{number}") != f"A{number}":
        return None
    if cell.get("t", "n") != "n":
        return None
    text = cell.findtext(_VALUE)
    return str(text).encode() if text else None
