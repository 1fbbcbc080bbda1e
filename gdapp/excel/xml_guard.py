"""The XML parts of an untrusted workbook, looked at before any XML parser sees them.

* **No DTD, no entities.** A document type declaration (``<!DOCTYPE``) or an entity
  (``<!ENTITY``) is how an "XML bomb" works (a billion laughs: ten levels of ten references
  expand to 10⁹ strings) and how an external entity reads a local file into a document. A
  spreadsheet never needs either, so a part whose prolog has one is refused. A DOCTYPE can only
  stand before the root element, so the first :data:`PROLOG_BYTES` of each part are enough.
  Every part is looked at, whatever its name (a chart renamed ``chart1.dat`` is still XML to
  a reader that follows the package's relationships), and the prolog is read the way a parser
  reads it — the XML declaration, comments and processing instructions are skipped — so a
  comment holding ``<a`` is not taken for the root element. A part that does not start with
  ``<`` is not XML (a picture, a macro project) and is left to
  :mod:`gdapp.excel.package`.
* **Sheets state their size.** openpyxl's read-only loader reads a whole worksheet just to
  size it when ``<dimension>`` is missing (a million junk rows: ~20 s). When asked, a large
  sheet without it is refused.

openpyxl itself parses with lxml without resolving entities (or with defusedxml when it falls
back to the standard library), so this is the first of two walls.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from gdapp.core.messages import Message

#: Bytes at the start of an XML part searched for a document type declaration.
PROLOG_BYTES = 1 << 16
_XML_PART = (".xml", ".rels", ".vml")
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_SPACE = b" \t\r\n"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
#: A sheet's ``<dimension>`` before its ``<sheetData>`` (namespace prefixes allowed).
_SHEET_PART = re.compile(rb"<(?:\w+:)?(dimension|sheetData)\b")
#: Worksheet parts up to this size may omit ``<dimension>``.
UNSIZED_SHEET_BYTES = 4 * 1024**2


def check_xml_parts(p: Path, members: list[zipfile.ZipInfo], error: type[ValueError], *,
                    sheets_record_size: bool = False) -> None:
    """Refuse XML parts whose prolog declares a document type or entities.

    A DOCTYPE can only stand before the root element, so the start of each part is enough;
    NUL bytes are dropped first so UTF-16 text is searched too.
    """
    try:
        with zipfile.ZipFile(p) as archive:
            for info in members:
                if info.is_dir():
                    continue
                with archive.open(info) as part:
                    head = part.read(PROLOG_BYTES).replace(b"\0", b"")
                declares, root = _prolog(head)
                if root is None and not declares and not _looks_like_xml(head) \
                        and not info.filename.lower().endswith(_XML_PART):
                    continue                  # not XML at all: a picture, a macro project
                if declares:
                    raise error(Message("{name} is refused: its part {part} declares XML "
                                        "entities or a document type, which workbooks never "
                                        "need and which can make a reader hang", name=p.name,
                                        part=info.filename))
                if root is None and info.file_size > PROLOG_BYTES:
                    raise error(Message("{name} is refused: its part {part} does not start "
                                        "like spreadsheet XML", name=p.name,
                                        part=info.filename))
                if sheets_record_size and info.file_size > UNSIZED_SHEET_BYTES \
                        and info.filename.startswith("xl/worksheets/") \
                        and not _states_size(head[root or 0:]):
                    raise error(Message("{name} is not a gdapp workbook: its sheet part "
                                        "{part} ({size} MB) does not state its size, so it is "
                                        "not read", name=p.name, part=info.filename,
                                        size=f"{info.file_size / 1e6:,.0f}"))
    except (OSError, zipfile.BadZipFile, RuntimeError, EOFError, NotImplementedError,
            zlib.error) as exc:
        raise error(Message("{name} is damaged: a part of it cannot be unpacked ({reason})",
                            name=p.name, reason=str(exc))) from None


def _states_size(head: bytes) -> bool:
    """True when a sheet's ``<dimension>`` comes before its ``<sheetData>``."""
    first = _SHEET_PART.search(head)
    return first is not None and first.group(1) == b"dimension"


def _looks_like_xml(head: bytes) -> bool:
    """True when the part's first character (after a byte-order mark and space) is ``<``."""
    for bom in _BOMS:
        head = head.removeprefix(bom)
    return head.lstrip(_SPACE)[:1] == b"<"


def _prolog(head: bytes) -> tuple[bool, int | None]:
    """Read the prolog as a parser does: (declares a DTD or entity, where the root element
    starts — None when not within ``head``). Skips the XML declaration, processing
    instructions, comments and space; any other ``<!`` before the root is a declaration."""
    for bom in _BOMS:
        if head.startswith(bom):
            head = b" " * len(bom) + head[len(bom):]
            break
    i, n = 0, len(head)
    while True:
        while i < n and head[i] in _SPACE:
            i += 1
        if i >= n:
            return False, None
        if head.startswith(b"<?", i):
            end = head.find(b"?>", i + 2)
        elif head.startswith(b"<!--", i):
            end = head.find(b"-->", i + 4)
        elif head.startswith(b"<!", i):
            return True, None
        elif _ROOT_START.match(head, i):
            return False, i
        else:
            return False, None
        if end < 0:
            return False, None
        i = end + (2 if head[i + 1:i + 2] == b"?" else 3)
