"""Reading an .xlsx workbook forward, row by row, in constant memory: :class:`StreamedWorkbook`.

The verifier walks a workbook and its recalculated copy side by side, a million rows long if
need be. lxml streams each sheet's XML straight from the zip (about ten times faster than
openpyxl's read-only mode) and every row is dropped once read, so one row per sheet is held
in memory. Entities are never resolved and nothing is fetched from the network; the file is
expected to have passed :func:`gdapp.excel.readback.check_archive` (size limits) first.

What a cell reads as: with ``data_only=False`` a formula cell gives its formula as ``"=…"``
text (a shared formula, as Excel saves a filled-down column, is translated for each cell)
and other cells their values; with ``data_only=True`` every cell gives the value a
spreadsheet stored — numbers as float, true/false as bool, errors as text (``"#NUM!"``).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import Any

from lxml import etree
from openpyxl.formula.translate import Translator
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.exceptions import CellCoordinatesException

from gdapp.core.messages import Message
from gdapp.excel.recalc import VerifyUnavailable

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_ROW, _C, _F, _V, _T = (f"{_MAIN}{tag}" for tag in ("row", "c", "f", "v", "t"))
_SAFE = {"resolve_entities": False, "no_network": True}


class WorkbookUnreadable(VerifyUnavailable):
    """The .xlsx package is damaged: a part is missing or is not well-formed XML."""


def _split_ref(ref: str) -> tuple[int, int]:
    """``"$B$7"`` → (row 7, column 2)."""
    letters, row = coordinate_from_string(ref.replace("$", ""))
    return row, column_index_from_string(letters)


class SheetRows:
    """Rows of one sheet, read forward (restarting from the top if asked for an earlier row).

    ``values`` holds the current row as a list indexed from column 1 at position 0.
    """

    def __init__(self, book: StreamedWorkbook, title: str) -> None:
        self._book = book
        self.title = title
        self._rows: Generator[tuple[int, list[object]], None, None] | None = None
        self._pending: tuple[int, list[object]] | None = None
        self.number = 0                      # the row held in ``self.values`` (1-based)
        self.values: Sequence[object] = ()
        self.exhausted = False
        #: Called with (row number, contents) for every stored row as it is read.
        self.watch: Callable[[int, Sequence[object]], None] | None = None

    def _open(self) -> None:
        self.close()
        self._rows = self._book.parse_rows(self.title)
        self._pending, self.number, self.values, self.exhausted = None, 0, (), False

    def advance(self) -> bool:
        """Move to the next row (an absent row reads as empty); False at the end."""
        if self._rows is None:
            self._open()
        assert self._rows is not None
        if self._pending is None:
            self._pending = next(self._rows, None)
        if self._pending is None:
            self.exhausted, self.values = True, ()
            return False
        self.number += 1
        if self._pending[0] <= self.number:
            self.values, self._pending = self._pending[1], None
            if self.watch is not None:
                self.watch(self.number, self.values)
        else:
            self.values = ()
        return True

    def row(self, number: int) -> Sequence[object]:
        """The values of row ``number`` (1-based); empty past the end of the sheet."""
        if self._rows is None or number < self.number:
            self._open()
        while self.number < number and not self.exhausted:
            self.advance()
        return self.values if self.number == number and not self.exhausted else ()

    def cell(self, row: int, column: int) -> object:
        """The content of one cell (1-based row and column); None when empty."""
        values = self.row(row)
        return values[column - 1] if column <= len(values) else None

    def close(self) -> None:
        """Stop reading (the sheet's stream is closed)."""
        if self._rows is not None:
            self._rows.close()
            self._rows = None


class StreamedWorkbook:
    """An .xlsx workbook read forward row by row (see the module docstring).

    Call :meth:`close` when done.

    Raises
    ------
    WorkbookUnreadable
        When the package lacks its workbook part or a part is not XML.
    """

    def __init__(self, path: Path, *, data_only: bool) -> None:
        self._data_only = data_only
        self._columns: dict[str, int] = {}
        self._cursors: dict[str, SheetRows] = {}
        self._strings: list[str] | None = None
        try:
            self._zip = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            raise WorkbookUnreadable(Message("cannot verify: {name} cannot be read ({reason})",
                                             name=path.name, reason=str(exc))) from None
        try:
            workbook = self._xml("xl/workbook.xml")
            targets = {r.get("Id"): r.get("Target", "")
                       for r in self._xml("xl/_rels/workbook.xml.rels")}
        except BaseException:
            self._zip.close()
            raise
        self._sheets: dict[str, str] = {}
        for sheet in workbook.iter(f"{_MAIN}sheet"):
            target = targets.get(sheet.get(f"{_REL}id"), "")
            self._sheets[sheet.get("name", "")] = \
                target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        self._names = {d.get("name", ""): (d.text or "")
                       for d in workbook.iter(f"{_MAIN}definedName")
                       if d.get("localSheetId") is None}
        self._all_names = [(d.get("name", "") if d.get("localSheetId") is None else
                            f"{d.get('name', '')} (of sheet {d.get('localSheetId')})",
                            d.text or "") for d in workbook.iter(f"{_MAIN}definedName")]

    def _xml(self, member: str) -> Any:
        try:
            with self._zip.open(member) as stream:
                return etree.parse(stream, etree.XMLParser(**_SAFE)).getroot()
        except (KeyError, etree.XMLSyntaxError) as exc:
            raise WorkbookUnreadable(Message("cannot verify: the workbook's part {member} is "
                                             "missing or damaged ({reason})", member=member,
                                             reason=str(exc))) from None

    def _shared_strings(self) -> list[str]:
        if self._strings is None:
            self._strings = []
            if "xl/sharedStrings.xml" in self._zip.namelist():
                for item in self._xml("xl/sharedStrings.xml"):
                    self._strings.append("".join(t.text or "" for t in item.iter(_T)))
        return self._strings

    def cursor(self, title: str) -> SheetRows:
        """The row reader of sheet ``title`` (a missing sheet reads as empty)."""
        if title not in self._cursors:
            self._cursors[title] = SheetRows(self, title)
        return self._cursors[title]

    def parse_rows(self, title: str) -> Generator[tuple[int, list[object]], None, None]:
        """(row number, contents from column 1) for every row the sheet stores, in order."""
        member = self._sheets.get(title)
        if member is None or member not in self._zip.namelist():
            return
        shared: dict[str, tuple[str, str]] = {}     # shared formula id → (text, origin)
        number = 0
        with self._zip.open(member) as stream:
            try:
                for _, row in etree.iterparse(stream, events=("end",), tag=_ROW, **_SAFE):
                    number = int(row.get("r") or number + 1)
                    yield number, self._row_contents(row, number, shared)
                    row.clear()
                    while row.getprevious() is not None:
                        del row.getparent()[0]
            except (etree.XMLSyntaxError, ValueError) as exc:  # not XML, or a bad row/cell ref
                raise WorkbookUnreadable(Message("cannot verify: sheet {title} is damaged "
                                                 "({reason})", title=title,
                                                 reason=str(exc))) from None

    def _row_contents(self, row: Any, number: int,
                      shared: dict[str, tuple[str, str]]) -> list[object]:
        out: list[object] = []
        for c in row.iterchildren(_C):
            ref = c.get("r")
            if ref:
                letters = ref.rstrip("0123456789")
                column = self._columns.get(letters)
                if column is None:
                    column = self._columns[letters] = column_index_from_string(letters)
            else:
                column = len(out) + 1
            if column > len(out):
                out.extend([None] * (column - len(out)))
            formula = None if self._data_only else c.find(_F)
            if formula is not None:
                out[column - 1] = "=" + _formula(formula, ref or "", shared)
            else:
                out[column - 1] = self._value(c)
        return out

    def _value(self, c: Any) -> object:
        kind = c.get("t", "n")
        if kind == "inlineStr":
            return "".join(t.text or "" for t in c.iter(_T))
        v = c.findtext(_V)
        if not v:
            return None
        if kind == "n":
            try:
                return float(v)
            except ValueError:
                return v                            # not a number: compared as text
        if kind == "b":
            return v.strip() in ("1", "true")
        if kind == "s":
            strings = self._shared_strings()
            index = int(v) if v.strip().isdigit() else -1
            return strings[index] if 0 <= index < len(strings) else None
        return v                                    # "e" (error), "str", "d": the text

    def sheet_titles(self) -> list[str]:
        """The workbook's sheet titles, in order."""
        return list(self._sheets)

    def defined_names(self) -> dict[str, str]:
        """The workbook-level names and what they stand for (``Settings!$B$7``), with the
        sheet's quotes taken off (``'Settings'!$B$7`` → ``Settings!$B$7``)."""
        out = {}
        for name, text in self._names.items():
            sheet, bang, ref = text.rpartition("!")
            sheet = sheet.strip("'").replace("''", "'")
            out[name] = f"{sheet}{bang}{ref}"
        return out

    def all_names(self) -> list[tuple[str, str]]:
        """Every defined name and its text, a sheet's own names included (and so marked)."""
        return list(self._all_names)

    def named_values(self, *, max_row: int = 1000) -> dict[str, object]:
        """The contents of the workbook-level names that stand for one cell (``eta``,
        ``b1_final``…), for cells in the first ``max_row`` rows of their sheet."""
        places: dict[str, dict[str, tuple[int, int]]] = {}
        for name, text in self._names.items():
            sheet, _, ref = text.rpartition("!")
            sheet = sheet.strip("'").replace("''", "'")
            if not sheet or ":" in ref:
                continue
            try:
                row, column = _split_ref(ref)
            except (ValueError, CellCoordinatesException):
                continue                            # a formula or a constant, not a place
            if row <= max_row:
                places.setdefault(sheet, {})[name] = (row, column)
        values: dict[str, object] = {}
        for sheet, named in places.items():
            rows = SheetRows(self, sheet)           # its own pass, leaving the cursors alone
            for name, (row, column) in sorted(named.items(), key=lambda item: item[1]):
                values[name] = rows.cell(row, column)
            rows.close()
        return values

    def close(self) -> None:
        """Release the file."""
        for cursor in self._cursors.values():
            cursor.close()
        self._cursors.clear()
        self._zip.close()


def _formula(f: Any, ref: str, shared: dict[str, tuple[str, str]]) -> str:
    """A cell's formula text; a shared formula's dependents are translated from its origin."""
    text = f.text or ""
    if f.get("t") != "shared" or f.get("si") is None:
        return text
    index = f.get("si")
    if text:
        shared[index] = (text, ref)
        return text
    origin = shared.get(index)
    if origin is None:
        return ""
    return str(Translator("=" + origin[0], origin=origin[1]).translate_formula(ref))[1:]
