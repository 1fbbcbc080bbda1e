"""What an untrusted workbook package holds, accounted for before anything acts on it.

:func:`audit_package` looks at every part of an .xlsx package (after
:func:`gdapp.excel.readback.check_archive` has checked its sizes and XML prologs) and refuses,
with one sentence, what a gdapp workbook never holds:

* **Active or external content**, which a spreadsheet program could act on: macros
  (``vbaProject.bin``, a macro-enabled content type), links to other files (``externalLink``
  parts, a ``[1]…`` or ``file:`` reference in a formula), embedded objects (OLE, ActiveX,
  controls), pictures, relationships to anything outside the package (a linked image, a
  hyperlink), and formulas — in cells, defined names, charts, conditional formats — that call
  WEBSERVICE, FILTERXML, DDE, INDIRECT, HYPERLINK (and RTD, CALL, REGISTER, EXEC, IMAGE) or
  use DDE's ``app|topic!item`` form. The verifier refuses these before LibreOffice starts.
* **More than gdapp ever writes**: more parts than :data:`MAX_PARTS`, a shared-strings
  table larger than :data:`MAX_SHARED_STRINGS_BYTES`, a Settings or Summary sheet larger than
  :data:`MAX_SMALL_SHEET_BYTES` (gdapp writes a few KB of each), and, for the verifier
  (``strict``), any sheet besides Settings, Data, Iterations and Summary, or a part of a kind
  gdapp does not write.

Each part's kind comes from ``[Content_Types].xml``; formulas are found by a fast search for
the suspicious words over each part's XML, and a hit counts only when it stands in the text of
a formula element (``<f>``, ``<formula>``, ``<definedName>``, a chart's ``<c:f>``), not in a
text cell or an attribute.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree

from gdapp.core.messages import Message

#: A gdapp workbook has 14 parts (as LibreOffice saves it, 18); no workbook of ours has more.
MAX_PARTS = 64
#: gdapp's shared strings (labels, help texts, the data's names) are a few KB.
MAX_SHARED_STRINGS_BYTES = 1 << 20
#: The Settings and Summary sheets gdapp writes are a few KB each.
MAX_SMALL_SHEET_BYTES = 1 << 20
#: The sheets of a gdapp workbook.
GDAPP_SHEETS = ("Settings", "Data", "Iterations", "Summary")

#: The sheet only a mini-batch run's workbook has (its batches' samples).
OPTIONAL_SHEETS = ("Order",)

_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

_OOXML = "application/vnd.openxmlformats-officedocument."
#: Content types of the parts gdapp writes, or a spreadsheet program adds when it saves one.
ALLOWED_TYPES = frozenset({
    "application/vnd.openxmlformats-package.relationships+xml",
    "application/vnd.openxmlformats-package.core-properties+xml",
    f"{_OOXML}extended-properties+xml",
    f"{_OOXML}custom-properties+xml",
    f"{_OOXML}spreadsheetml.sheet.main+xml",
    f"{_OOXML}spreadsheetml.worksheet+xml",
    f"{_OOXML}spreadsheetml.styles+xml",
    f"{_OOXML}spreadsheetml.sharedStrings+xml",
    f"{_OOXML}spreadsheetml.calcChain+xml",
    f"{_OOXML}theme+xml",
    f"{_OOXML}drawing+xml",
    f"{_OOXML}drawingml.chart+xml",
    "application/vnd.ms-office.chartstyle+xml",
    "application/vnd.ms-office.chartcolorstyle+xml",
})

#: Kinds of part (by a word in the content type or the part's name) and what they mean.
_ACTIVE_KINDS = (
    (("vba", "macroenabled", "macrosheet", "dialogsheet"), Message("holds macros")),
    (("externallink",), Message("links to data in another file or program")),
    (("oleobject", "embeddings/", "relationships/package", "activex", "ctrlprop"),
     Message("embeds an object or control of another program")),
    (("connections", "querytable"), Message("holds a connection to an outside data source")),
    (("image/", "media/"), Message("holds a picture")),
)

#: Functions that reach outside the workbook, or make what a cell refers to invisible.
ACTIVE_FUNCTIONS = {
    "WEBSERVICE": Message("fetches a web address"), "FILTERXML": Message("reads fetched XML"),
    "DDE": Message("talks to another program"), "DDEAUTO": Message("talks to another program"),
    "INDIRECT": Message("refers to cells named by text, out of sight of a check"),
    "HYPERLINK": Message("opens a link"), "RTD": Message("talks to another program"),
    "CALL": Message("calls a program library"), "REGISTER": Message("calls a program library"),
    "REGISTER.ID": Message("calls a program library"), "EXEC": Message("runs a program"),
    "IMAGE": Message("fetches a picture from a web address"),
}
#: What the search looks for (in lower case): each function's name, and the marks of a
#: reference outside the workbook ("[1]Sheet1!A1", "'file:///…'#$Sheet1.A1", "app|topic!item").
_NEEDLES = (*sorted({name.lower().split(".")[0].encode() for name in ACTIVE_FUNCTIONS}),
            b"[", b"|", b"file:", b"http:", b"https:", b"ftp:")
#: At a needle: a whole function name followed by "(", or an outside reference.
_SUSPECT = re.compile(
    rb"(?i)((?:_xlfn\.|_xlws\.)?(?:" + b"|".join(
        re.escape(name.encode()) for name in sorted(ACTIVE_FUNCTIONS, key=len, reverse=True))
    + rb"))\s*\(|(\[[^\]<>]*\]|\||file:|https?:|ftp:)")
_NAME_CHAR = re.compile(rb"[A-Za-z0-9_.]")
#: The elements whose text is a formula.
_FORMULA_TAG = re.compile(rb"<(?:[\w.-]+:)?(f|formula[12]?|definedName)[\s>]")
_CELL_REF = re.compile(rb'<(?:[\w.-]+:)?c\b[^>]*\br="([A-Z]+\d+)"')
_CHUNK = 1 << 20
_OVERLAP = 1 << 15


@dataclass(frozen=True)
class _Part:
    name: str          # the member name in the archive
    kind: str          # its content type ("" when the package names none)
    size: int


def audit_package(p: Path, error: type[ValueError], *, strict: bool,
                  titles: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> None:
    """Refuse (with ``error``) a package holding active or external content or more than gdapp
    writes; ``strict`` (the verifier, before LibreOffice opens the file) also searches every
    formula and refuses other sheets and other kinds of part. Without it (a reader that only
    takes values, never runs a formula) the parts, relationships and sizes are checked.
    ``titles`` (the sheets a workbook must have, those it may have) defaults to a run's
    workbook's (``GDAPP_SHEETS``, ``OPTIONAL_SHEETS``)."""
    name = p.name
    required, optional = titles or (GDAPP_SHEETS, OPTIONAL_SHEETS)
    try:
        with zipfile.ZipFile(p) as archive:
            parts = _parts(archive, name, error)
            if len(parts) > MAX_PARTS:
                raise error(Message("{name} has {n} parts; a gdapp workbook has at most {most}",
                                    name=name, n=f"{len(parts):,}", most=str(MAX_PARTS)))
            for part in parts:
                _check_kind(part, name, error, strict=strict)
            for part in parts:
                if part.name.endswith(".rels"):
                    _check_relationships(archive, part, name, error)
            sheets = _sheets(archive, name, error)
            if strict:
                missing = [title for title in required if title not in sheets]
                if missing:
                    raise error(Message("{name} is not a gdapp workbook (no {sheet} sheet)",
                                        name=name, sheet=missing[0]))
                extra = [title for title in sheets if title not in required + optional]
                if extra:
                    raise error(Message("{name} has a sheet {sheet} that gdapp does not write, "
                                        "so its verdict could not cover it", name=name,
                                        sheet=repr(extra[0])))
            by_member = {member: title for title, member in sheets.items()}
            for part in parts:
                title = by_member.get(part.name)
                if part.name == "xl/sharedStrings.xml" and part.size > MAX_SHARED_STRINGS_BYTES:
                    raise error(Message("{name} holds {size} MiB of text in its shared "
                                        "strings; a gdapp workbook holds a few KB", name=name,
                                        size=f"{part.size / 2**20:,.0f}"))
                if title in ("Settings", "Summary") and part.size > MAX_SMALL_SHEET_BYTES:
                    raise error(Message("{name}: its {title} sheet is {size} MiB; gdapp writes "
                                        "a few KB there", name=name, title=title,
                                        size=f"{part.size / 2**20:,.0f}"))
            for part in parts if strict else ():
                if part.kind.endswith("xml") or part.name.endswith((".xml", ".rels")):
                    _scan_formulas(archive, part, by_member.get(part.name), name, error)
    except (OSError, zipfile.BadZipFile, RuntimeError, EOFError, NotImplementedError) as exc:
        raise error(Message("{name}: cannot read the file ({reason})", name=name,
                            reason=str(exc))) from None


def _parts(archive: zipfile.ZipFile, name: str, error: type[ValueError]) -> list[_Part]:
    types = _xml(archive, "[Content_Types].xml", name, error)
    defaults = {d.get("Extension", "").lower(): d.get("ContentType", "")
                for d in types.iter(f"{_CT}Default")}
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "")
                 for o in types.iter(f"{_CT}Override")}
    out = []
    for info in archive.infolist():
        if info.is_dir() or info.filename == "[Content_Types].xml":
            continue
        base = info.filename.rsplit("/", 1)[-1]
        extension = base.rsplit(".", 1)[-1].lower() if "." in base else ""
        kind = overrides.get(info.filename) or defaults.get(extension, "")
        out.append(_Part(info.filename, kind, info.file_size))
    return out


def _xml(archive: zipfile.ZipFile, member: str, name: str, error: type[ValueError]) -> Any:
    try:
        with archive.open(member) as stream:
            return etree.parse(stream, _SAFE_PARSER).getroot()
    except KeyError:
        raise error(Message("{name} is not a readable .xlsx workbook (it has no part "
                            "{member})", name=name, member=member)) from None
    except etree.XMLSyntaxError as exc:
        raise error(Message("{name} is damaged: its part {member} is not well-formed XML "
                            "({reason})", name=name, member=member, reason=str(exc))) from None


def _refused(name: str, what: str, where: str) -> str:
    return Message("{name} is refused: it {what} ({where}); gdapp never writes that, and a "
                   "spreadsheet program could act on it", name=name, what=what, where=where)


def _check_kind(part: _Part, name: str, error: type[ValueError], *, strict: bool) -> None:
    lowered = f"{part.kind} {part.name}".lower()
    for words, what in _ACTIVE_KINDS:
        if any(word in lowered for word in words):
            raise error(_refused(name, what, part.name))
    if strict and part.kind not in ALLOWED_TYPES:
        kind = Message("of type {kind}", kind=part.kind) if part.kind else \
            Message("of no declared type")
        raise error(Message("{name} has a part {part} {kind}, which gdapp does not write, so "
                            "its verdict could not cover it", name=name, part=part.name,
                            kind=kind))


def _check_relationships(archive: zipfile.ZipFile, part: _Part, name: str,
                         error: type[ValueError]) -> None:
    for rel in _xml(archive, part.name, name, error).iter(f"{_PR}Relationship"):
        target, kind = rel.get("Target", ""), rel.get("Type", "").lower()
        if rel.get("TargetMode", "").lower() == "external":
            raise error(_refused(name, Message("refers to {target} outside the workbook",
                                               target=repr(target[:80])), part.name))
        for words, what in _ACTIVE_KINDS:
            if any(word in kind or word in target.lower() for word in words):
                raise error(_refused(name, what, part.name))
        if kind.endswith("/hyperlink"):
            raise error(_refused(name, Message("holds a link"), part.name))


def sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title → its part's member name, of a package :func:`audit_package` passed."""
    return _sheets(archive, "", ValueError)


def _sheets(archive: zipfile.ZipFile, name: str, error: type[ValueError]) -> dict[str, str]:
    """Sheet title → its part's member name."""
    workbook = _xml(archive, "xl/workbook.xml", name, error)
    if workbook.find(f"{_MAIN}externalReferences") is not None:
        raise error(_refused(name, Message("links to data in another file or program"),
                             "xl/workbook.xml"))
    try:
        rels = _xml(archive, "xl/_rels/workbook.xml.rels", name, error)
    except ValueError:
        rels = None
    targets = {} if rels is None else {
        r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PR}Relationship")}
    out: dict[str, str] = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        out[sheet.get("name", "")] = str(PurePosixPath(member))
    return out


def _scan_formulas(archive: zipfile.ZipFile, part: _Part, title: str | None, name: str,
                   error: type[ValueError]) -> None:
    """Refuse a formula in ``part`` that calls an active function or refers outside."""
    carry = b""
    with archive.open(part.name) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            buf = carry + chunk
            if b"\0" in buf[:4096]:
                buf = buf.replace(b"\0", b"")      # UTF-16 text
            lowered = buf.lower()
            for needle in _NEEDLES:
                at = lowered.find(needle)
                while at >= 0:
                    match = _suspect_at(buf, at)
                    if match is not None and _in_formula(buf, at):
                        raise error(_formula_message(buf, match, part, title, name))
                    at = lowered.find(needle, at + 1)
            if not chunk:
                return
            carry = buf[-_OVERLAP:]


def _suspect_at(buf: bytes, at: int) -> re.Match[bytes] | None:
    """The active function or outside reference starting at ``at`` (a function name must
    stand alone: "RTD(" but not "ARTD(")."""
    start = at
    for prefix in (b"_xlfn.", b"_xlws."):
        if buf[max(0, at - len(prefix)):at].lower() == prefix:
            start = at - len(prefix)
    if buf[at:at + 1].isalpha() and start > 0 and _NAME_CHAR.match(buf, start - 1):
        return None
    return _SUSPECT.match(buf, start)


def _in_formula(buf: bytes, at: int) -> bool:
    """True when position ``at`` lies in the text of a formula element (text holds no ``<``,
    so the last ``<`` before it opened the element whose text it is)."""
    lt = buf.rfind(b"<", 0, at)
    if lt < 0:
        return False
    gt = buf.find(b">", lt, at)
    return gt >= 0 and buf[lt + 1:lt + 2] != b"/" and _FORMULA_TAG.match(buf, lt) is not None


def _formula_at(buf: bytes, match: re.Match[bytes]) -> str:
    """The start of the formula a match stands in (its element's text), for a message."""
    start = buf.find(b">", buf.rfind(b"<", 0, match.start())) + 1
    end = buf.find(b"<", match.start())
    text = html.unescape(buf[start:end if end >= 0 else len(buf)].decode(errors="replace"))
    return text if len(text) <= 60 else text[:60] + "…"


def _formula_message(buf: bytes, match: re.Match[bytes], part: _Part, title: str | None,
                     name: str) -> str:
    where = part.name
    if title is not None:
        cells = list(_CELL_REF.finditer(buf, max(0, match.start() - 4 * _OVERLAP),
                                        match.start()))
        cell = cells[-1] if cells else None
        where = Message("sheet {title}, cell {cell}", title=title,
                        cell=cell.group(1).decode()) if cell else \
            Message("sheet {title}", title=title)
    elif part.name == "xl/workbook.xml":
        where = Message("a defined name")
    if match.group(1):
        function = match.group(1).decode().upper().removeprefix("_XLFN.").removeprefix("_XLWS.")
        what = Message("has a formula calling {function}, which {does}", function=function,
                       does=ACTIVE_FUNCTIONS[function])
    else:
        what = Message("has a formula that refers outside the workbook, ={formula}",
                       formula=_formula_at(buf, match))
    return _refused(name, what, where)
