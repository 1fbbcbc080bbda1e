"""Verifying workbooks a spreadsheet has saved, damaged sheets, and the CLI's edges.

* A workbook saved once by LibreOffice spells gdapp's formulas differently (``1E-12`` →
  ``0.000000000001``, ``TRUE`` → ``TRUE()``); that is not a disagreement, a real edit is
  (gdapp.excel.formula_text).
* A workbook without its Summary sheet cannot be verified; messages have no doubled brackets.
* ``verify --json`` prints strict JSON; ``--timeout`` must be > 0; LibreOffice failures name
  the user's file; run flags that do nothing say so on stderr.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from patience import HANG_S

from gdapp.cli import main
from gdapp.core import NOTE_RUNS
from gdapp.excel.formula_text import same_formula, tokens
from gdapp.excel.recalc import RecalcUnavailable, recalculate_all
from gdapp.excel.verify import compare_workbooks, verify_workbooks

WORKBOOKS = Path(__file__).resolve().parent.parent / "workbooks"

# -------------------------------------------------------------------------------------------
# Formula text: spelling versus edits (no LibreOffice)

UPDATE = "=IF(ABS(B2-eta*C2)<=1E-12*(ABS(B2)+ABS(eta*C2)),0,B2-eta*C2)"
FIRST = "=IFERROR(MATCH(TRUE,Iterations!$H$2:$H$398,0)-1,Iterations!$A$398)"


@pytest.mark.parametrize(("written", "wanted"), [
    # what LibreOffice 7.4 saves for gdapp's formulas (seen on every reference workbook)
    (UPDATE.replace("1E-12", "0.000000000001"), UPDATE),
    (FIRST.replace("TRUE", "TRUE()"), FIRST),
    # and what it saves for other spellings (probed)
    ("=SUM( A1 , 2)", "=sum(A1,2)"),
    ("=S!A1", "='S'!A1"),
    ("=B1*eta", "=b1*ETA"),
    ("=1500+0.5", "=1.5E+3+.5"),
    ("=0.3", "=0.30000000000000004"),      # 15 significant digits
    ("=1.23456789012346E+017", "=123456789012345678"),
    ("=IF(A1>0, TRUE(), FALSE())", "=IF(A1>0,TRUE,FALSE)"),
    ("=_xlfn.STDEV.S(A1:A2)", "=STDEV.S(A1:A2)"),   # Excel's file prefix
    ("='It''s'!A1", "='It''s'!A1"),
    ("=A1 -1", "=A1-1"),
])
def test_a_harmless_change_of_spelling_is_the_same_formula(written: str, wanted: str) -> None:
    assert same_formula(written, wanted)


@pytest.mark.parametrize(("written", "wanted"), [
    (UPDATE.replace("1E-12", "0.00000000001"), UPDATE),          # another number
    (UPDATE.replace("1E-12", "1.0001E-12"), UPDATE),
    ("=0.25*(B2-A2)", "=0.5*(B2-A2)"),
    (UPDATE.replace("ABS(B2)+", "ABS(B3)+"), UPDATE),              # another cell
    ("=Data!A1", "=Iterations!A1"),
    ("=SUMSQ(x_data)", "=SUM(x_data)"),                            # another function
    (UPDATE.replace("B2-eta*C2)<=", "B2+eta*C2)<="), UPDATE),      # another operator
    ("=A1<B1", "=A1<=B1"),
    ("=-A1", "=A1"),
    (FIRST.replace("TRUE", "FALSE()"), FIRST),
    (FIRST.replace("$H$2", "H2"), FIRST),                          # a $ marker moved
    ("=SUM(A1:B2 B1:B2)", "=SUM(A1:B2,B1:B2)"),                    # intersection vs union
    ('="a"', '="A"'),                                              # text keeps its case
    ("=(A1+B1)*2", "=A1+B1*2"),                                    # brackets
    ("=SUM(A1", "=SUM(A1)"),
    ("=SUM(A1))", "=SUM(A1)"),                                     # not a formula
    (None, UPDATE),                                                # no formula at all
])
def test_an_edit_is_a_different_formula(written: str | None, wanted: str) -> None:
    assert not same_formula(written, wanted)


def test_a_verdict_remembered_for_one_row_is_not_applied_to_an_edited_row() -> None:
    def update(row: int, band: str = "0.000000000001", first: str = "B") -> str:
        return (f"=IF(ABS({first}{row - 1}-eta*C{row - 1})<={band}*(ABS(B{row - 1})"
                f"+ABS(eta*C{row - 1})),0,B{row - 1}-eta*C{row - 1})")

    wanted = [update(r, "1E-12") for r in range(3, 400)]
    assert all(same_formula(update(r), w) for r, w in zip(range(3, 400), wanted, strict=True))
    assert not same_formula(update(200, "0.00000000001"), wanted[200 - 3])
    assert not same_formula(update(201).replace("C200", "C199", 1), wanted[201 - 3])
    # a row left out of step with its neighbours (lower case, so not seen as a reference)
    assert same_formula(update(9, first="b"), wanted[9 - 3])
    assert not same_formula(update(9, first="b").replace("b8", "b7"), wanted[10 - 3])
    assert not same_formula(update(10, first="b").replace("b9", "b8"), wanted[10 - 3])


def test_a_formula_the_tokenizer_cannot_read_has_no_tokens() -> None:
    assert tokens("=A1)") is None
    assert tokens('="abc') is None
    assert tokens("A1") is None
    assert same_formula("=A1)", "=A1)")
    assert not same_formula("=A1))", "=A1)")


def test_a_missing_formula_is_named_without_doubled_brackets(tmp_path: Path) -> None:
    expected = [("Iterations", "B3", "=B2-1", 14.0), ("Iterations", "B4", "=B3-1", 13.0)]
    paths = []
    for name, cells in (("original", {"B4": 13.0}), ("recalculated", {"B3": 14.0, "B4": 13.0})):
        wb = openpyxl.Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "Iterations"
        for ref, value in cells.items():
            ws[ref] = value
        wb.save(tmp_path / f"{name}.xlsx")
        paths.append(tmp_path / f"{name}.xlsx")
    report = compare_workbooks(paths[0], paths[1], expected)
    assert report.first_difference == \
        "Iterations!B3: the workbook has an empty cell, gdapp writes =B2-1"
    assert report.differences == 2
    assert not any("((" in line or "))" in line for line in report.summary())


# -------------------------------------------------------------------------------------------
# Workbooks saved by LibreOffice (one launch converts them all, one more verifies them)


def _saved_by_libreoffice(paths: list[Path], out: Path) -> list[Path]:
    """What ``soffice --convert-to xlsx`` saves (as a user's "save" in LibreOffice does)."""
    return recalculate_all(paths, out, timeout=600)


def _row_of(ws: Any, label: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == label)


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The reference workbooks and an MAE line export, each saved once by LibreOffice."""
    here = tmp_path_factory.mktemp("saved")
    sources = sorted(WORKBOOKS.glob("*.xlsx"))
    mae = here / "mae-line.xlsx"
    assert main(["export", "--model", "line", "--cost", "mae", "--iterations", "300",
                 "-o", str(mae)]) == 0
    copies = _saved_by_libreoffice([*sources, mae], here / "out")
    return {p.stem: p for p in copies}


@pytest.mark.libreoffice
def test_every_reference_workbook_saved_by_libreoffice_still_agrees(
        saved: dict[str, Path]) -> None:
    assert sorted(NOTE_RUNS) == sorted(n for n in saved if n != "mae-line")
    wb = openpyxl.load_workbook(saved["eta-0.01"])
    respelled = wb["Iterations"]["B3"].value
    assert "0.000000000001" in respelled and "1E-12" not in respelled   # the case at hand
    names = sorted(saved)
    reports = verify_workbooks([saved[n] for n in names], timeout=600)
    for name, report in zip(names, reports, strict=True):
        assert report.agree, f"{name}: {report.first_difference}"
        assert report.cells_compared > 0


def _edited(src: Path, dst: Path, sheet: str, ref: str, old: str, new: str) -> None:
    wb = openpyxl.load_workbook(src)
    text = wb[sheet][ref].value
    assert isinstance(text, str) and old in text, text
    wb[sheet][ref] = text.replace(old, new, 1)
    wb.save(dst)


@pytest.mark.libreoffice
def test_a_saved_workbook_with_an_edited_eta_agrees_and_an_edited_constant_is_caught(
        saved: dict[str, Path], tmp_path: Path) -> None:
    eta = tmp_path / "eta.xlsx"
    wb = openpyxl.load_workbook(saved["eta-0.01"])
    row = _row_of(wb["Settings"], "eta")
    wb["Settings"].cell(row, 2).value = 0.05
    wb.save(eta)
    band = tmp_path / "band.xlsx"
    _edited(saved["eta-0.01"], band, "Iterations", "B3", "0.000000000001", "0.00000000001")
    margin = tmp_path / "margin.xlsx"      # the cost curve's 10 % margin made 20 %
    _edited(saved["mae-line"], margin, "Summary", "B13", "0.1*", "0.2*")

    agree, caught_band, caught_margin = verify_workbooks([eta, band, margin], timeout=600)

    assert agree.agree, agree.first_difference
    assert agree.learning_rate == 0.05
    assert any(f"Settings!B{row} (eta) was 0.01 at export and is 0.05" in n
               for n in agree.notes)
    assert not caught_band.agree
    assert caught_band.first_difference is not None
    assert caught_band.first_difference.startswith(
        "Iterations!B3: the workbook has =IF(ABS(B2-eta*C2)<=0.00000000001*")
    assert not caught_margin.agree
    assert caught_margin.first_difference is not None
    assert caught_margin.first_difference.startswith("Summary!B13: the workbook has ")
    assert "0.2*" in caught_margin.first_difference


# -------------------------------------------------------------------------------------------
# The CLI


def _export(tmp_path: Path, name: str, *argv: str) -> Path:
    out = tmp_path / name
    assert main(["export", "--iterations", "20", *argv, "-o", str(out)]) == 0
    return out


def _strict_json(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise ValueError(f"not JSON: {constant}")
    return json.loads(text, parse_constant=refuse)


@pytest.mark.libreoffice
def test_verify_json_is_strict_json_when_the_deviation_is_infinite(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _export(tmp_path, "error.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Iterations"]["C3"] = "=1/0"          # an error value where a number belongs
    wb.save(path)
    capsys.readouterr()
    assert main(["verify", "--json", str(path)]) == 1
    report = _strict_json(capsys.readouterr().out)
    assert report["verdict"] == "disagree"
    assert report["max_deviation"] is None
    assert report["first_difference"].startswith("Iterations!C3: the workbook has =1/0")


@pytest.mark.parametrize("damage", ["rename", "delete"])
def test_a_workbook_without_its_summary_sheet_cannot_be_verified(
        damage: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDAPP_SOFFICE", "/nonexistent/soffice")   # refused before LibreOffice
    path = _export(tmp_path, "book.xlsx")
    wb = openpyxl.load_workbook(path)
    if damage == "rename":
        wb["Summary"].title = "Résumé"
    else:
        del wb["Summary"]
    wb.save(path)
    capsys.readouterr()
    assert main(["verify", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == \
        "gdapp: cannot verify: book.xlsx is not a gdapp workbook (no Summary sheet)\n"
    assert main(["verify", "--json", str(path)]) == 2
    report = _strict_json(capsys.readouterr().out)
    assert report == {"verdict": "cannot verify", "reason": captured.err[7:].strip()}


def test_a_workbook_without_settings_keeps_its_own_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _export(tmp_path, "book.xlsx")
    wb = openpyxl.load_workbook(path)
    del wb["Summary"]
    del wb["Settings"]
    wb.save(path)
    capsys.readouterr()
    assert main(["verify", str(path)]) == 2
    assert "(no Settings sheet)" in capsys.readouterr().err


@pytest.mark.parametrize(("given", "shown"), [("0", "0"), ("-1", "-1"), ("-0.5", "-0.5")])
def test_a_timeout_that_is_not_positive_is_refused(
        given: str, shown: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _export(tmp_path, "book.xlsx")
    capsys.readouterr()
    assert main(["verify", "--timeout", given, str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"gdapp: error: --timeout must be > 0 seconds, got {shown}\n"


@pytest.mark.parametrize("timeout", [0.0, -1.0, math.nan])
def test_recalculate_refuses_a_timeout_that_is_not_positive(
        timeout: float, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="time limit must be > 0 seconds"):
        recalculate_all([tmp_path / "x.xlsx"], tmp_path / "out", timeout=timeout)


def test_a_libreoffice_that_writes_nothing_is_reported_with_the_users_file_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = _export(tmp_path, "base.xlsx")
    monkeypatch.setenv("GDAPP_SOFFICE", "/bin/true")
    capsys.readouterr()
    assert main(["verify", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "gdapp: cannot verify: LibreOffice wrote no recalculated copy of base.xlsx "), err
    assert "0.xlsx" not in err.replace("base.xlsx", "")


def test_recalculate_names_a_linked_workbook_by_the_file_it_points_to(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _export(tmp_path, "mine.xlsx")
    (tmp_path / "links").mkdir()
    link = tmp_path / "links" / "7.xlsx"
    os.symlink(target, link)
    monkeypatch.setenv("GDAPP_SOFFICE", "/bin/true")
    with pytest.raises(RecalcUnavailable, match=r"copy of mine\.xlsx \(") as caught:
        recalculate_all([link], tmp_path / "out", timeout=HANG_S)
    assert "7.xlsx" not in str(caught.value)


@pytest.mark.parametrize(("argv", "note"), [
    (["--lam", "1"], "--lam has no effect without --penalty l1 or l2"),
    (["--l1-method", "subgradient"], "--l1-method has no effect without --penalty l1"),
    (["--penalty", "l2", "--lam", "1", "--l1-method", "subgradient"],
     "--l1-method has no effect without --penalty l1"),
])
def test_a_flag_that_does_nothing_gets_a_note_on_stderr_only(
        argv: list[str], note: str, capsys: pytest.CaptureFixture[str]) -> None:
    for json_flag in ([], ["--json"]):
        assert main(["run", *argv, *json_flag]) == 0
        captured = capsys.readouterr()
        assert captured.err == f"gdapp: note: {note}\n"
        # stdout is what it would be without the ignored flag
        without = [a for a in argv if a not in ("--l1-method", "subgradient")] \
            if "l1-method" in note else []
        assert main(["run", *without, *json_flag]) == 0
        plain = capsys.readouterr()
        if json_flag:
            got, want = json.loads(captured.out), json.loads(plain.out)
            for d in (got, want):
                d["settings"].pop("lambda_")
                d["settings"].pop("l1_method")
            assert got == want
        else:
            assert captured.out == plain.out


@pytest.mark.parametrize("argv", [
    ["--penalty", "l1", "--lam", "1", "--l1-method", "subgradient"],
    ["--penalty", "l2", "--lam", "0.5"],
    [],
])
def test_flags_that_take_effect_get_no_note(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", *argv]) == 0
    assert capsys.readouterr().err == ""


def test_lam_with_a_penalty_read_from_a_workbook_gets_no_note(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--from", str(WORKBOOKS / "l2-lambda-1.xlsx"), "--lam", "2"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["export", "--lam", "2", "-o", str(tmp_path / "x.xlsx")]) == 0
    assert capsys.readouterr().err == \
        "gdapp: note: --lam has no effect without --penalty l1 or l2\n"
