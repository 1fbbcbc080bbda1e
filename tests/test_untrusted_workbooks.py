"""Opening a workbook someone emailed you: nothing runs, nothing hangs, nothing is a formula.

XML entity bombs and zip bombs are refused before openpyxl parses anything; a sheet with a
million rows of junk is refused by the Settings check in a moment; text from a file that
looks like a formula is stored (and stays, after LibreOffice recalculates) as text.
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest

from gdapp.cli import main
from gdapp.core import RunSpec, load_csv, run
from gdapp.excel import WorkbookError, export_workbook, load_data_xlsx, read_workbook, readback
from gdapp.excel.recalc import recalculate_all

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
    started = time.perf_counter()
    with pytest.raises(WorkbookError, match=f"its part {member.replace('[', '.')}"
                       r" declares XML entities or a document type"):
        read_workbook(bomb)
    assert time.perf_counter() - started < 1.0
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
    started = time.perf_counter()
    with pytest.raises(WorkbookError, match=r"bomb\.xlsx unpacks to 2\.5 GiB; the limit is 2 GiB"):
        read_workbook(bomb)
    assert time.perf_counter() - started < 1.0
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
    ("settings-sized", r"is not a gdapp workbook \(its Settings sheet has no 'gdapp workbook "
                       r"format' marker\)"),
    ("settings-unsized", r"is not a gdapp workbook: its sheet part xl/worksheets/sheet1\.xml "
                         r"\(\d+ MB\) does not state its size, so it is not read"),
    ("iterations", "the Iterations sheet holds no iterates"),
])
def test_a_million_rows_of_junk_are_refused_in_a_moment_not_read(
        junk: dict[str, Path], name: str, message: str) -> None:
    started = time.perf_counter()
    with pytest.raises(WorkbookError, match=message):
        read_workbook(junk[name])
    # openpyxl alone needs ~20 s to scan an unsized sheet of this size
    assert time.perf_counter() - started < 1.5


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
                                   timeout=120)
    for (book, x_name, source), copy in zip(books.values(), recalculated, strict=True):
        wb = openpyxl.load_workbook(copy, data_only=True)
        assert wb["Data"]["B1"].value == x_name, book.name   # not "click", not an error
        values = {r[0]: r[1] for r in wb["Settings"].iter_rows(values_only=True)}
        assert values["data source"] == source
        assert read_workbook(book).spec.data.x_name == x_name
