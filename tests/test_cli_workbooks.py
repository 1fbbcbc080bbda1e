"""The CLI end to end on files: export, verify in LibreOffice, --from, examples."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from gdapp.cli import main


def _export(tmp_path: Path, name: str, *argv: str) -> Path:
    out = tmp_path / name
    assert main(["export", *argv, "-o", str(out)]) == 0
    return out


def _tamper_formula(src: Path, dst: Path, old: str, new: str) -> None:
    """Rewrite one formula inside the sheet XML, as a hand edit in a spreadsheet would."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(old.encode(), new.encode(), 1)
            zout.writestr(item, data)


def test_export_then_verify_agrees_and_tampering_is_caught(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _export(tmp_path, "good.xlsx", "--eta", "0.1", "--penalty", "l2", "--lam", "0.5")
    wb = openpyxl.load_workbook(good, read_only=True)
    b1_formula = wb["Iterations"]["B3"].value
    wb.close()
    assert isinstance(b1_formula, str) and b1_formula.startswith("=")
    bad = tmp_path / "bad.xlsx"
    _tamper_formula(good, bad, "eta*", "1.01*eta*")
    capsys.readouterr()

    assert main(["verify", str(good)]) == 0
    out = capsys.readouterr().out
    assert "agrees" in out and "compared" in out

    assert main(["verify", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "Iterations!" in out  # names the first differing cell


def test_a_workbook_with_eta_edited_by_hand_still_verifies_and_run_from_reads_the_new_eta(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _export(tmp_path, "edit.xlsx", "--eta", "0.01", "--iterations", "60")
    wb = openpyxl.load_workbook(path)
    ws = wb["Settings"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "eta")
    ws.cell(row, 2).value = 0.05
    wb.save(path)
    capsys.readouterr()
    assert main(["run", "--from", str(path), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["settings"]["eta"] == 0.05
    assert d["history"]["b1"][1] == pytest.approx(15 - 0.05 * 61)
    assert main(["verify", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"] == "agree"
    # the edit is named, even though the run agrees at the new η
    assert any(f"Settings!B{row} (eta) was 0.01 at export and is 0.05" in n
               for n in report["notes"])


def test_an_untouched_workbook_verifies_without_notes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _export(tmp_path, "plain.xlsx", "--iterations", "20")
    capsys.readouterr()
    assert main(["verify", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"] == []


def test_examples_regenerates_the_reference_workbooks(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["examples", "--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.glob("*.xlsx"))
    committed = sorted(p.name for p in Path("workbooks").glob("*.xlsx"))
    assert written == committed and len(written) == 7


def test_verify_of_something_that_is_not_a_workbook_exits_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "notes.xlsx"
    p.write_text("hello")
    assert main(["verify", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gdapp: cannot verify:") and err.count("\n") == 1


def test_export_json_reports_the_file_and_rows(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.xlsx"
    assert main(["export", "--eta", "0.41", "-o", str(out), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["status"] == "diverged" and d["rows"] == d["iterations"] + 1
    assert Path(d["workbook"]) == out and out.stat().st_size > 0
