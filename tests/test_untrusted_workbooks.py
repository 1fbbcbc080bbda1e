"""Opening a workbook someone emailed you: nothing runs, nothing hangs, nothing is a formula.

XML entity bombs and zip bombs are refused before openpyxl parses anything; a sheet with a
million rows of junk is refused by the Settings check in a moment; text from a file that
looks like a formula is stored (and stays, after LibreOffice recalculates) as text.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
from lxml import etree
from patience import HANG_S

from gdapp.cli import main
from gdapp.core import RunSpec, load_csv, run
from gdapp.excel import (
    WorkbookError,
    export_workbook,
    load_data_xlsx,
    read_workbook,
    readback,
)
from gdapp.excel.recalc import recalculate_all
from gdapp.excel.verify import verify_workbooks

#: A billion laughs: ten levels of ten references, 10⁹ "lol"s if a parser expanded them.
LAUGHS = b'<!DOCTYPE lolz [<!ENTITY lol0 "lol">' + b"".join(
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">'.encode() for i in range(1, 10)) + b"]>"
#: An external entity that would read a local file into the sheet.
EXTERNAL = b'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


@pytest.fixture(scope="module")
def note(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("untrusted")
    return export_workbook(run(RunSpec()), folder / "note.xlsx")


def _rewrite(source: Path, target: Path, member: str, data: bytes) -> Path:
    """A copy of ``source`` with ``member`` replaced by (or added as) ``data``."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED,
                                                         compresslevel=1) as dst:
        for item in src.infolist():
            if item.filename != member:
                dst.writestr(item, src.read(item.filename))
        dst.writestr(member, data)
    return target


def _with_declaration(source: Path, target: Path, member: str, declaration: bytes,
                      use: bytes, *, utf16: bool = False) -> Path:
    """Insert ``declaration`` after the XML declaration of ``member`` and use the entity."""
    with zipfile.ZipFile(source) as src:
        names = src.namelist()
        original = src.read(member) if member in names else (
            b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
            b'.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>x</t></si></sst>')
    head, sep, rest = original.partition(b"?>")
    body = head + sep + declaration + rest if sep else declaration + original
    body = body.replace(b"<t>", b"<t>" + use, 1).replace(b"<v>", b"<v>" + use, 1)
    if utf16:
        body = body.replace(b'encoding="UTF-8"', b'encoding="UTF-16"')
        body = b"\xff\xfe" + body.decode("utf-8").encode("utf-16-le")
    return _rewrite(source, target, member, body)


@pytest.mark.parametrize(("member", "declaration", "use", "utf16"), [
    ("xl/worksheets/sheet1.xml", LAUGHS, b"&lol9;", False),     # the Settings sheet
    ("xl/worksheets/sheet3.xml", LAUGHS, b"&lol9;", False),     # the Iterations sheet
    ("xl/sharedStrings.xml", LAUGHS, b"&lol9;", False),
    ("xl/workbook.xml", LAUGHS, b"", False),
    ("[Content_Types].xml", LAUGHS, b"", False),
    ("xl/worksheets/sheet1.xml", EXTERNAL, b"&xxe;", False),
    ("xl/worksheets/sheet1.xml", LAUGHS, b"&lol9;", True),      # hidden in UTF-16
], ids=["settings", "iterations", "shared-strings", "workbook", "content-types", "external",
        "utf16"])
def test_xml_entity_declarations_are_refused_at_once_by_every_reader(
        note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], member: str,
        declaration: bytes, use: bytes, utf16: bool) -> None:
    bomb = _with_declaration(note, tmp_path / "bomb.xlsx", member, declaration, use,
                             utf16=utf16)
    with no_openpyxl(), pytest.raises(  # refused before any parser sees it
            WorkbookError, match=f"its part {member.replace('[', '.')}"
            r" declares XML entities or a document type"):
        read_workbook(bomb)
    with pytest.raises(ValueError, match="declares XML entities"):
        load_data_xlsx(bomb)
    for argv in (["run", "--from", str(bomb)], ["verify", str(bomb)],
                 ["run", "--data", str(bomb)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "declares XML entities" in err, err


def test_openpyxl_parses_with_defusedxml_and_never_expands_entities() -> None:
    """The second line of defence, behind the refusal above: openpyxl's own parsers."""
    from defusedxml import EntitiesForbidden
    from openpyxl.xml import functions

    assert openpyxl.DEFUSEDXML is True
    declared = b'<!DOCTYPE r [<!ENTITY a "expanded">]><r>&a;</r>'
    assert functions.fromstring(declared).text != "expanded"   # lxml, resolve_entities=False
    with pytest.raises(EntitiesForbidden):
        for _ in functions.iterparse(io.BytesIO(declared)):     # how sheets are read
            pass


def _overlapping_zip_bomb(path: Path, *, copies: int, size: int) -> Path:
    """One deflated run of zeros that ``copies`` directory entries all point at."""
    zeros = b"\0" * size
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(zeros) + packer.flush()
    crc = zlib.crc32(zeros)
    first = b"xl/worksheets/sheet1.xml"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(packed), size,
                        len(first), 0) + first
    central = b""
    for i in range(copies):
        name = f"xl/worksheets/sheet{i + 1}.xml".encode()
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc,
                               len(packed), size, len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, copies, copies, len(central),
                      len(local) + len(packed), 0)
    path.write_bytes(local + packed + central + end)
    return path


def test_a_zip_bomb_is_refused_by_its_declared_size_before_anything_unpacks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    bomb = _overlapping_zip_bomb(tmp_path / "bomb.xlsx", copies=40, size=64 * 2**20)
    assert bomb.stat().st_size < 200_000            # 2.5 GiB when unpacked

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl was asked to open a zip bomb")

    monkeypatch.setattr(readback, "load_workbook", never)
    with pytest.raises(WorkbookError, match=r"bomb\.xlsx unpacks to 2\.5 GiB; the limit is 2 GiB"):
        read_workbook(bomb)
    assert main(["verify", str(bomb)]) == 2
    assert capsys.readouterr().err == (
        "gdapp: cannot verify: bomb.xlsx unpacks to 2.5 GiB; the limit is 2 GiB\n")


def test_an_archive_of_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "parts.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        for i in range(readback.MAX_MEMBERS + 1):
            z.writestr(f"p{i}.bin", b"")
    with pytest.raises(WorkbookError, match="has 10,001 parts; a workbook has far fewer"):
        read_workbook(path)


# ---- a million rows of junk ------------------------------------------------------------------
JUNK_ROWS = 1_000_000
#: The junk parts are ~110 MB of XML; a refusal may look at their start, never read them.
JUNK_BYTES_READ_AT_MOST = 8 * 2**20


@contextmanager
def counting_unpacked_bytes() -> Iterator[list[int]]:
    """Count the bytes any reader unpacks from any zip member meanwhile: how much of a
    file was read, a measure that does not depend on the machine's speed."""
    unpacked = [0]
    read, read1 = zipfile.ZipExtFile.read, zipfile.ZipExtFile.read1

    def counted(method: Callable[..., bytes]) -> Callable[..., bytes]:
        def wrapper(self: zipfile.ZipExtFile, *args: object) -> bytes:
            data = method(self, *args)
            unpacked[0] += len(data)
            return data
        return wrapper

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(zipfile.ZipExtFile, "read", counted(read))
        patch.setattr(zipfile.ZipExtFile, "read1", counted(read1))
        yield unpacked


@contextmanager
def no_openpyxl() -> Iterator[None]:
    """openpyxl may not open the workbook meanwhile: it is refused before any parser."""
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl was asked to open a refused workbook")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readback, "load_workbook", never)
        yield


def _junk_sheet(*, sized: bool) -> bytes:
    rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>junk %d</t></is></c>'
                    b'<c r="B%d"><v>%d</v></c></row>' % (i, i, i, i, i)
                    for i in range(1, JUNK_ROWS + 1))
    size = b'<dimension ref="A1:B%d"/>' % JUNK_ROWS if sized else b""
    return (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
            b'openxmlformats.org/spreadsheetml/2006/main">' + size + b"<sheetData>" + rows
            + b"</sheetData></worksheet>")


@pytest.fixture(scope="module")
def junk(note: Path) -> dict[str, Path]:
    """The note's workbook with a million junk rows as Settings (sized or not) or Iterations."""
    sized, unsized = _junk_sheet(sized=True), _junk_sheet(sized=False)
    folder = note.parent
    return {
        "settings-sized": _rewrite(note, folder / "junk-settings.xlsx",
                                   "xl/worksheets/sheet1.xml", sized),
        "settings-unsized": _rewrite(note, folder / "junk-settings-unsized.xlsx",
                                     "xl/worksheets/sheet1.xml", unsized),
        "iterations": _rewrite(note, folder / "junk-iterations.xlsx",
                               "xl/worksheets/sheet3.xml", sized),
    }


@pytest.mark.parametrize(("name", "message"), [
    ("settings-sized", r"junk-settings\.xlsx: its Settings sheet is 108 MiB; gdapp writes a "
                       r"few KB there"),
    ("settings-unsized", r"is not a gdapp workbook: its sheet part xl/worksheets/sheet1\.xml "
                         r"\(\d+ MB\) does not state its size, so it is not read"),
    ("iterations", "the Iterations sheet holds no iterates"),
])
def test_a_million_rows_of_junk_are_refused_in_a_moment_not_read(
        junk: dict[str, Path], name: str, message: str) -> None:
    with counting_unpacked_bytes() as unpacked, pytest.raises(WorkbookError, match=message):
        read_workbook(junk[name])
    # openpyxl alone scans the whole of an unsized sheet of this size (~20 s); refused, the
    # junk is hardly read at all
    assert unpacked[0] < JUNK_BYTES_READ_AT_MOST


def test_a_damaged_sheet_is_named_in_one_sentence_not_a_parser_traceback(
        note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with zipfile.ZipFile(note) as z:
        settings = z.read("xl/worksheets/sheet1.xml")
    broken = _rewrite(note, tmp_path / "broken.xlsx", "xl/worksheets/sheet1.xml",
                      settings[: len(settings) // 2])
    with pytest.raises(WorkbookError, match=r"^broken\.xlsx is damaged and cannot be read \("):
        read_workbook(broken)
    assert main(["run", "--from", str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gdapp: error: broken.xlsx is damaged") and err.count("\n") == 1


# ---- formula injection from a file ---------------------------------------------------------
PREFIXES = {"equals": "=", "plus": "+", "minus": "-", "at": "@", "tab": "\t", "cr": "\r"}


@pytest.mark.libreoffice
def test_text_from_a_data_file_that_looks_like_a_formula_stays_text_in_libreoffice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "books"
    folder.mkdir()
    books: dict[str, tuple[Path, str, str]] = {}
    for label, prefix in PREFIXES.items():
        header = f'{prefix}HYPERLINK("http://example.invalid","click")'
        # the file's name is the data source's name; it starts with the same character
        name = f"{prefix.strip() or '='}SUM(1+1)-{label}.csv"
        csv = tmp_path / name
        quoted = header.replace('"', '""')
        csv.write_text(f'"{quoted}",y\n1,2\n2,6\n', encoding="utf-8")
        book = folder / f"{label}.xlsx"
        assert main(["export", "--data", str(csv), "--iterations", "3", "-o", str(book)]) == 0
        books[label] = (book, load_csv(csv).x_name, name)
    capsys.readouterr()
    for book, x_name, source in books.values():
        wb = openpyxl.load_workbook(book)
        header = wb["Data"]["B1"]
        assert (header.value, header.data_type) == (x_name, "s")
        data_source = next(r[1] for r in wb["Settings"].iter_rows() if r[0].value == "data source")
        assert (data_source.value, data_source.data_type) == (source, "s")
    recalculated = recalculate_all([b for b, _, _ in books.values()], tmp_path / "out",
                                   timeout=HANG_S)
    for (book, x_name, source), copy in zip(books.values(), recalculated, strict=True):
        wb = openpyxl.load_workbook(copy, data_only=True)
        assert wb["Data"]["B1"].value == x_name, book.name   # not "click", not an error
        values = {r[0]: r[1] for r in wb["Settings"].iter_rows(values_only=True)}
        assert values["data source"] == source
        assert read_workbook(book).spec.data.x_name == x_name


# ---- active and external content: refused before LibreOffice starts ------------------------
SUMMARY_SHEET = "xl/worksheets/sheet4.xml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
Edit = Callable[[bytes], bytes] | bytes


def _edited(source: Path, target: Path, edits: dict[str, Edit]) -> Path:
    """A copy of ``source`` with members changed by (or added from) ``edits``."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED,
                                                         compresslevel=1) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            edit = edits.get(item.filename)
            dst.writestr(item, data if edit is None else edit(data) if callable(edit) else edit)
        for member, edit in edits.items():
            if member not in src.namelist():
                dst.writestr(member, edit(b"") if callable(edit) else edit)
    return target


def _before(marker: bytes, insert: bytes) -> Callable[[bytes], bytes]:
    return lambda xml: xml.replace(marker, insert + marker, 1)


def _summary_cell(cell: str, row: int = 2) -> Callable[[bytes], bytes]:
    """Add a cell (XML) at the end of a row (of the Summary sheet, or any sheet)."""
    def edit(xml: bytes) -> bytes:
        head, sep, rest = xml.partition(f'<row r="{row}">'.encode())
        cells, end, tail = rest.partition(b"</row>")
        return head + sep + cells + cell.encode() + end + tail
    return edit


def _formula_cell(formula: str) -> dict[str, Edit]:
    return {SUMMARY_SHEET: _summary_cell(f'<c r="H2"><f>{escape(formula)}</f></c>')}


def _part(name: str, kind: str, data: bytes, rel: str = "") -> dict[str, Edit]:
    """A new part with its content type and (optionally) a relationship from the workbook."""
    edits: dict[str, Edit] = {
        name: data,
        "[Content_Types].xml": _before(b"</Types>", f'<Override PartName="/{name}" '
                                                    f'ContentType="{kind}"/>'.encode())}
    if rel:
        edits["xl/_rels/workbook.xml.rels"] = _before(
            b"</Relationships>", f'<Relationship Type="{_REL}/{rel}" Target="/{name}" '
                                 'Id="rId99"/>'.encode())
    return edits


def _hostile_cases() -> dict[str, tuple[dict[str, Edit], str]]:
    ooxml = "application/vnd.openxmlformats-officedocument"
    sheet = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b'<sheetData><row r="1"><c r="A1"><f>Iterations!B2*2</f></c></row></sheetData>'
             b"</worksheet>")
    hidden = _part("xl/worksheets/sheet5.xml", f"{ooxml}.spreadsheetml.worksheet+xml", sheet,
                   rel="worksheet")
    hidden["xl/workbook.xml"] = _before(b"</sheets>", f'<sheet xmlns:r="{_REL}" name="Notes" '
                                        'sheetId="5" state="hidden" r:id="rId99"/>'.encode())
    link = _part("xl/externalLinks/externalLink1.xml", f"{ooxml}.spreadsheetml.externalLink+xml",
                 b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                 b'main"><ddeLink ddeService="cmd" ddeTopic="/c calc"><ddeItems><ddeItem '
                 b'name="A0" advise="1"/></ddeItems></ddeLink></externalLink>',
                 rel="externalLink")
    link["xl/workbook.xml"] = _before(b"<definedNames>", f'<externalReferences><externalReference'
                                      f' xmlns:r="{_REL}" r:id="rId99"/></externalReferences>'
                                      .encode())
    macros = _part("xl/vbaProject.bin", "application/vnd.ms-office.vbaProject",
                   b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, rel="vbaProject")
    macros["[Content_Types].xml"] = lambda xml: xml.replace(
        b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml").replace(
        b"</Types>", b'<Override PartName="/xl/vbaProject.bin" '
                     b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    ole = _part("xl/embeddings/oleObject1.bin", f"{ooxml}.oleObject", b"\xd0\xcf\x11\xe0" * 64)
    picture = {"xl/drawings/_rels/drawing1.xml.rels": _before(
        b"</Relationships>", f'<Relationship Type="{_REL}/image" Target="http://127.0.0.1:9/'
                             'p.png" TargetMode="External" Id="rId9"/>'.encode())}
    name = {"xl/workbook.xml": _before(b"</definedNames>", b'<definedName name="leak">'
                                       b'WEBSERVICE("http://127.0.0.1:9/")</definedName>')}
    refused = "is refused: it "
    never = "; gdapp never writes that, and a spreadsheet program could act on it"
    return {
        "webservice": (_formula_cell('WEBSERVICE("http://127.0.0.1:9/x")'),
                       f"{refused}has a formula calling WEBSERVICE, which fetches a web address "
                       f"(sheet Summary, cell H2){never}"),
        "filterxml": (_formula_cell('_xlfn.FILTERXML("<a/>","//a")'),
                      f"{refused}has a formula calling FILTERXML"),
        "dde": (_formula_cell('DDE("cmd","/c calc","A1")'), f"{refused}has a formula calling DDE"),
        "dde-pipe": (_formula_cell("cmd|' /c calc'!A0"),
                     f"{refused}has a formula that refers outside the workbook, =cmd|' /c calc'!A0 "
                     "(sheet Summary, cell H2)"),
        "indirect": (_formula_cell('INDIRECT("Settings!B7")'),
                     f"{refused}has a formula calling INDIRECT, which refers to cells named by "
                     "text, out of sight of a check"),
        "hyperlink": (_formula_cell('HYPERLINK("http://127.0.0.1:9/","click")'),
                      f"{refused}has a formula calling HYPERLINK"),
        "external-reference": (_formula_cell("[1]Sheet1!$A$1"),
                               f"{refused}has a formula that refers outside the "
                               "workbook, =[1]Sheet1!$A$1 (sheet Summary, cell H2)"),
        "file-reference": (_formula_cell("'file:///etc/passwd'#$Sheet1.A1"),
                           f"{refused}has a formula that refers outside the "
                           "workbook, ='file:///etc/passwd'#$Sheet1.A1"),
        "defined-name": (name, f"{refused}has a formula calling WEBSERVICE, which fetches a web "
                               "address (a defined name)"),
        "external-link": (link, f"{refused}links to data in another file or program "
                                f"(xl/externalLinks/externalLink1.xml){never}"),
        "macros": (macros, f"{refused}holds macros"),
        "ole-object": (ole, f"{refused}embeds an object or control of another program "
                            "(xl/embeddings/oleObject1.bin)"),
        "linked-picture": (picture, f"{refused}refers to 'http://127.0.0.1:9/p.png' outside the "
                                    "workbook (xl/drawings/_rels/drawing1.xml.rels)"),
        "hidden-sheet": (hidden, "has a sheet 'Notes' that gdapp does not write, so its verdict "
                                 "could not cover it"),
        "unknown-part": ({"customXml/item1.xml": b"<note>kept out of sight</note>"},
                         "has a part customXml/item1.xml of type application/xml, which gdapp "
                         "does not write, so its verdict could not cover it"),
    }



@pytest.mark.parametrize("case", list(_hostile_cases()))
def test_active_or_external_content_is_refused_before_libreoffice_starts(
        note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        no_libreoffice: list[list[str]], case: str) -> None:
    edits, message = _hostile_cases()[case]
    book = _edited(note, tmp_path / "hostile.xlsx", edits)
    assert main(["verify", str(book)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gdapp: cannot verify: hostile.xlsx ") and err.count("\n") == 1, err
    assert message in err
    assert no_libreoffice == []
    if case in ("external-link", "macros", "ole-object", "linked-picture"):
        # the readers (which never run a formula) refuse such parts too
        assert main(["run", "--from", str(book)]) == 2
        err = capsys.readouterr().err
        assert message in err and "Error" not in err, err


def test_a_dde_link_is_refused_in_the_users_terms_not_as_an_internal_error(
        note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before, an exception of openpyxl's was the message: the probe's DDE link gave
    "(IndexError: list index out of range)", this one "(KeyError: "There is no item named
    'xl/externalLinks/_rels/externalLink1.xml.rels' in the archive")"."""
    edits, _ = _hostile_cases()["external-link"]
    book = _edited(note, tmp_path / "dde.xlsx", edits)
    assert main(["run", "--from", str(book)]) == 2
    assert capsys.readouterr().err == (
        "gdapp: error: dde.xlsx is refused: it links to data in another file or program "
        "(xl/externalLinks/externalLink1.xml); gdapp never writes that, and a spreadsheet "
        "program could act on it\n")
    # a part no reader understands is named for what it is, not by a Python exception
    broken = _rewrite(note, tmp_path / "odd.xlsx", "xl/workbook.xml",
                      b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                      b'main"><sheets><sheet name="Settings" sheetId="x"/></sheets></workbook>')
    assert main(["run", "--from", str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Error" not in err, err


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/charts/chart1.dat"],
                         ids=["comment-holding-a-tag", "part-not-named-xml"])
def test_the_entity_guard_reads_the_prolog_as_a_parser_does_in_every_part(
        note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], member: str) -> None:
    """A comment holding ``<a`` was taken for the root element, and parts not named .xml,
    .rels or .vml were not looked at."""
    comment = b"<!-- <a href='x'> -->" if member.endswith(".xml") else b""
    bomb = _with_declaration(note, tmp_path / "bomb.xlsx", member, comment + LAUGHS, b"&lol9;")
    with pytest.raises(WorkbookError, match=f"its part {re.escape(member)} declares XML "
                                            "entities or a document type"):
        read_workbook(bomb)
    assert main(["verify", str(bomb)]) == 2
    assert "declares XML entities" in capsys.readouterr().err


def _many_sheets(count: int) -> dict[str, Edit]:
    ooxml = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    edits: dict[str, Edit] = {}
    types, rels, sheets = b"", b"", b""
    for i in range(count):
        name = f"xl/worksheets/extra{i}.xml"
        edits[name] = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                       b'2006/main"><sheetData/></worksheet>')
        types += f'<Override PartName="/{name}" ContentType="{ooxml}"/>'.encode()
        rels += f'<Relationship Type="{_REL}/worksheet" Target="/{name}" Id="rIdx{i}"/>'.encode()
        sheets += f'<sheet xmlns:r="{_REL}" name="x{i}" sheetId="{i + 10}" r:id="rIdx{i}"/>' \
            .encode()
    edits["[Content_Types].xml"] = _before(b"</Types>", types)
    edits["xl/_rels/workbook.xml.rels"] = _before(b"</Relationships>", rels)
    edits["xl/workbook.xml"] = _before(b"</sheets>", sheets)
    return edits


def _shared_strings(count: int) -> dict[str, Edit]:
    ooxml = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    body = b"".join(b"<si><t>s%d</t></si>" % i for i in range(count))
    return _part("xl/sharedStrings.xml", ooxml,
                 b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                 + body + b"</sst>", rel="sharedStrings")


@pytest.mark.parametrize(("case", "message"), [
    ("sheets", r"^sheets\.xlsx has 1\d\d parts; a gdapp workbook has at most 64$"),
    ("strings", r"^strings\.xlsx holds 4 MiB of text in its shared strings; a gdapp workbook "
                r"holds a few KB$"),
])
def test_more_than_gdapp_ever_writes_is_refused_in_a_moment(
        note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        no_libreoffice: list[list[str]], case: str, message: str) -> None:
    """Before: 5,000,000 shared strings took `run --from` 61 s and 830 MB, and 3,000 tiny
    sheets kept LibreOffice busy past 60 s."""
    edits = _many_sheets(100) if case == "sheets" else _shared_strings(200_000)
    book = _edited(note, tmp_path / f"{case}.xlsx", edits)
    with pytest.raises(WorkbookError, match=message), no_openpyxl():
        read_workbook(book)
    assert main(["verify", str(book)]) == 2
    assert re.search(message[1:-1], capsys.readouterr().err)
    assert no_libreoffice == []


def test_libreoffice_is_started_with_links_and_macros_switched_off(
        note: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second wall: a fake soffice keeps the settings of the profile it was given."""
    kept = tmp_path / "settings.xcu"
    fake = tmp_path / "soffice"
    fake.write_text('#!/bin/sh\nfor a in "$@"; do case "$a" in -env:UserInstallation=file://*)'
                    ' p="${a#-env:UserInstallation=file://}";; esac; done\n'
                    f'cp "$p/user/registrymodifications.xcu" {kept}\nexit 1\n')
    fake.chmod(0o755)
    monkeypatch.setenv("GDAPP_SOFFICE", str(fake))
    assert main(["verify", str(note)]) == 2
    items = {(item.get("{http://openoffice.org/2001/registry}path"),
              item[0].get("{http://openoffice.org/2001/registry}name")): item[0][0].text
             for item in etree.parse(str(kept)).getroot()}
    assert items[("/org.openoffice.Office.Calc/Content/Update", "Link")] == "1"   # never
    scripting = "/org.openoffice.Office.Common/Security/Scripting"
    assert items[(scripting, "MacroSecurityLevel")] == "3"
    assert items[(scripting, "DisableMacrosExecution")] == "true"
    assert items[("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode")] == "0"


@pytest.mark.libreoffice
def test_every_cell_and_name_gdapp_does_not_write_is_a_named_difference(
        note: Path, tmp_path: Path) -> None:
    """Before, all of these verified as "agrees": only the cells gdapp writes were read."""
    iterations = "xl/worksheets/sheet3.xml"
    cases: dict[str, tuple[str, Edit, str]] = {
        "value": (SUMMARY_SHEET, _summary_cell('<c r="H2"><v>42</v></c>'),
                  "Summary!H2: the workbook has 42, gdapp writes nothing there"),
        "formula": (SUMMARY_SHEET, _summary_cell('<c r="H2"><f>Iterations!B2*2</f></c>'),
                    "Summary!H2: the workbook has =Iterations!B2*2, gdapp writes nothing there"),
        "name": ("xl/workbook.xml", _before(b"</definedNames>", b'<definedName name="note_to_'
                                            b'self">Summary!$H$9</definedName>'),
                 "the workbook defines a name note_to_self (= Summary!$H$9) that gdapp does "
                 "not write"),
        "iterations-right": (iterations, _summary_cell('<c r="Z50"><v>7</v></c>', row=50),
                             "Iterations!Z50: the workbook has 7, gdapp writes nothing there"),
        "iterations-below": (iterations, _before(b"</sheetData>", b'<row r="900"><c r="B900">'
                                                 b"<f>1+1</f></c></row>"),
                             "Iterations!B900: the workbook has =1+1, gdapp writes nothing "
                             "there"),
    }
    books = [_edited(note, tmp_path / f"{case}.xlsx", {member: edit})
             for case, (member, edit, _) in cases.items()]
    # an edited label is text, not a number: named in a note, not a disagreement
    label = _edited(note, tmp_path / "label.xlsx", {SUMMARY_SHEET: lambda xml: xml.replace(
        b"the last row of the Iterations sheet", b"checked by an auditor", 1)})
    reports = verify_workbooks([note, *books, label], timeout=HANG_S)
    assert reports[0].agree, reports[0].first_difference
    for report, (case, (_, _, difference)) in zip(reports[1:-1], cases.items(), strict=True):
        assert not report.agree, case
        assert (report.first_difference, report.differences) == (difference, 1)
    assert reports[-1].agree, reports[-1].first_difference
    assert any("Summary!C3: the workbook has checked by an auditor, gdapp writes the last "
               "row of the Iterations sheet there" in n for n in reports[-1].notes)
