"""Workbooks exported by an earlier gdapp (tests/fixtures/released/, see its README) keep
verifying: a user's file must not stop agreeing because a later gdapp changed a help text, a
label or an explanation. Every file is recalculated in LibreOffice (one launch for all)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gdapp.excel.verify import verify_workbooks

RELEASED = Path(__file__).resolve().parent / "fixtures" / "released"
RUNS = sorted(p for p in RELEASED.glob("*.xlsx") if not p.name.startswith("path"))
PATHS = sorted(RELEASED.glob("path*.xlsx"))


def test_the_readme_lists_every_released_workbook_and_its_command():
    readme = (RELEASED / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| (\S+\.xlsx) \|", readme, flags=re.M))
    assert listed == {p.name for p in RELEASED.glob("*.xlsx")}
    assert "commit 4c473af" in readme


def test_the_released_set_covers_the_kinds_of_run():
    names = {p.stem for p in RUNS}
    assert {"note", "l1", "l2", "line", "features", "adam", "schedule-step", "minibatch",
            "sine", "mae", "rmse", "korean-momentum"} <= names
    assert PATHS


@pytest.fixture(scope="module")
def reports():
    """Every released workbook, runs and paths, verified in one LibreOffice launch."""
    return dict(zip(RUNS + PATHS, verify_workbooks(RUNS + PATHS), strict=True))


@pytest.mark.parametrize("path", RUNS, ids=[p.stem for p in RUNS])
def test_a_released_run_workbook_agrees_with_this_gdapp(reports, path):
    report = reports[path]
    assert report.first_difference is None
    assert report.agree and report.sensitive == 0
    assert report.cells_compared > 300
    assert report.max_deviation < 1e-12


def test_a_reworded_help_text_or_label_leaves_released_workbooks_verifying(monkeypatch):
    """Before, rewording the cost's help ("MSE, MAE or RMSE") made every earlier workbook
    fail ("Settings!D3: the workbook has …, gdapp writes … there"): text is now named in a
    note, while numbers and formulas are judged as before."""
    from gdapp.excel import export
    from gdapp.excel.labels import Words

    plain = export._help
    monkeypatch.setattr(export, "_help",
                        lambda run, name, default: "Reworded. " + plain(run, name, default))
    translate = Words.__call__
    monkeypatch.setattr(Words, "__call__",
                        lambda self, english: translate(self, english).replace("b1", "b₁"))
    books = [RELEASED / "note.xlsx", RELEASED / "korean-momentum.xlsx", RELEASED / "mae.xlsx"]
    for report in verify_workbooks(books):
        assert report.agree, report.first_difference
        assert report.max_deviation < 1e-12
        prose = [n for n in report.notes if n.startswith("note: text is not judged")]
        assert len(prose) == 1 and "Settings!D" in prose[0] and "Reworded." in prose[0]


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_a_released_path_workbook_agrees_with_this_gdapp(reports, path):
    report = reports[path]
    assert report.agree, report.first_difference
    assert report.cells_compared >= 7 and report.max_deviation < 1e-12


def test_an_optimizers_update_as_gdapp_0_1_0_spelled_it_is_accepted_and_noted(reports):
    """gdapp 0.1.0 read the direction as a plain reference (J4), today OFFSET(J4,0,0)."""
    report = reports[RELEASED / "adam.xlsx"]
    assert any("spelled as an earlier gdapp wrote them" in n for n in report.notes)
    assert not any("earlier gdapp" in n for n in reports[RELEASED / "note.xlsx"].notes)


def test_earlier_spellings_undo_only_the_direction_offset():
    from gdapp.excel.earlier import earlier_spellings

    today = "=IF(ABS(B3-I4*OFFSET(J4,0,0))<=1E-12*(ABS(B3)+ABS(I4*OFFSET(J4,0,0))),0," \
            "B3-I4*OFFSET(J4,0,0))"
    assert earlier_spellings(today) == [
        "=IF(ABS(B3-I4*J4)<=1E-12*(ABS(B3)+ABS(I4*J4)),0,B3-I4*J4)"]
    assert earlier_spellings("=-SUMPRODUCT(OFFSET(Order!$D$1,4,0,2))/2") == []
    assert earlier_spellings("=B2-eta*C2") == []
