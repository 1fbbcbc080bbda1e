"""An untrusted workbook costs no more than what gdapp writes for its run: every part's
unpacked size is bounded, and a formula gdapp does not write is a difference found before
LibreOffice starts (it never sees the workbook). Speed is never measured: the tests show
that LibreOffice was not started (``subprocess.Popen`` is replaced by a recorder).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from gdapp.cli import main
from gdapp.core import EXAMPLES, RunSpec, run
from gdapp.excel import export_workbook
from gdapp.excel.preflight import NOT_RECALCULATED


def _edited(source: Path, target: Path, member: str, change: object) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED,
                                                         compresslevel=1) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, change(data) if item.filename == member else data)  # type: ignore[operator]
    return target


def _member(book: Path, title: str) -> str:
    with zipfile.ZipFile(book) as z:
        workbook = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'name="{title}"[^>]*r:id="(rId\d+)"', workbook)
    assert rid is not None
    target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*'
                       rf'Id="{rid.group(1)}"', rels)
    assert target is not None
    return "xl/" + (target.group(1) or target.group(2)).removeprefix("/xl/")


@pytest.fixture(scope="module")
def note(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_workbook(run(RunSpec()), tmp_path_factory.mktemp("bounds") / "note.xlsx")


@pytest.fixture(scope="module")
def batches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = RunSpec(data=EXAMPLES["features"], batch_size=5, max_iterations=60,
                   learning_rate=0.001)
    return export_workbook(run(spec), tmp_path_factory.mktemp("bounds") / "batches.xlsx")



def test_a_chart_part_that_unpacks_to_far_more_than_gdapp_writes_is_refused(
        note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        no_libreoffice: list[list[str]]) -> None:
    """Before: a 1.9 MB workbook whose chart unpacked to 1.8 GiB made LibreOffice use 9.5 GB
    for a minute, and verify then agreed."""
    book = _edited(note, tmp_path / "chart.xlsx", "xl/charts/chart1.xml",
                   lambda xml: xml + b" " * (8 * 2**20))
    assert main(["verify", str(book)]) == 2
    err = capsys.readouterr().err
    assert re.fullmatch(r"gdapp: cannot verify: chart\.xlsx: its chart part "
                        r"xl/charts/chart1\.xml unpacks to 8\.0 MiB; gdapp writes at most "
                        r"1\.\d MiB there for this run\n", err), err
    assert no_libreoffice == []


def test_an_order_sheet_padded_to_the_last_row_is_refused(
        batches: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        no_libreoffice: list[list[str]]) -> None:
    """Before: an Order sheet padded to 1,048,576 rows took verify 1–2 min and 1.1 GiB."""
    padding = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r)
                       for r in range(400, 1_048_577))
    book = _edited(batches, tmp_path / "padded.xlsx", _member(batches, "Order"),
                   lambda xml: xml.replace(b"</sheetData>", padding + b"</sheetData>"))
    assert main(["verify", str(book)]) == 2
    err = capsys.readouterr().err
    assert re.fullmatch(r"gdapp: cannot verify: padded\.xlsx: its Order sheet unpacks to "
                        r"[\d.]+ MiB; gdapp writes at most [\d.]+ MiB there for this run\n",
                        err), err
    assert no_libreoffice == []


def test_an_edited_offset_height_is_a_difference_found_before_libreoffice(
        batches: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        no_libreoffice: list[list[str]]) -> None:
    """Before: OFFSET(Order!$D$1,k,0,5) edited to a height of 1,048,000 kept LibreOffice
    busy until verify's time limit."""
    book = _edited(batches, tmp_path / "offset.xlsx", _member(batches, "Iterations"),
                   lambda xml: xml.replace(b",0,5)", b",0,1048000)"))
    assert main(["verify", str(book)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"first difference: Iterations!\w+: the workbook has =.*OFFSET\(Order!"
                     r"\$\w+\$1,\d+,0,1048000\).*, gdapp writes =", out), out
    assert NOT_RECALCULATED in out
    assert "verdict: the workbook does NOT agree with gdapp" in out
    assert no_libreoffice == []


def test_a_formula_where_gdapp_writes_none_is_found_before_libreoffice(
        note: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        no_libreoffice: list[list[str]]) -> None:
    cell = (b'<c r="H2"><f>SUMPRODUCT(OFFSET(Iterations!$B$1,0,0,1048000,300))</f>'
            b"<v>0</v></c>")
    summary = _member(note, "Summary")
    book = _edited(note, tmp_path / "extra.xlsx", summary,
                   lambda xml: re.sub(rb'(<row r="2"[^>]*>)((?:(?!</row>).)*)</row>',
                                      lambda m: m.group(1) + m.group(2) + cell + b"</row>",
                                      xml, count=1, flags=re.S))
    assert main(["verify", str(book)]) == 1
    out = capsys.readouterr().out
    assert ("first difference: Summary!H2: the workbook has =SUMPRODUCT(OFFSET(Iterations!"
            "$B$1,0,0,1048000,300)), gdapp writes nothing there") in out
    assert no_libreoffice == []


def test_the_workbooks_gdapp_writes_pass_the_bounds(
        note: Path, batches: Path, no_libreoffice: list[list[str]],
        capsys: pytest.CaptureFixture[str]) -> None:
    """The bounds refuse nothing gdapp writes: verify goes on to start LibreOffice."""
    for book in (note, batches):
        assert main(["verify", str(book)]) == 2
        err = capsys.readouterr().err
        assert "not started by this test" in err or "LibreOffice" in err, err
    assert len(no_libreoffice) == 2
