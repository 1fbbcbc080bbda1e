"""Workbooks with the gradient check (``gdapp export --check-gradient``): LibreOffice and
Gnumeric recompute the central-difference columns as the engine does, ``gdapp verify``
agrees, and a check cell that was edited, or holds another number, disagrees."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from gdapp.core import EXAMPLES, make_spec, run
from gdapp.excel import expected_cells, export_workbook
from gdapp.excel.compare import compare_workbooks
from gdapp.excel.gradient_check import header
from gdapp.excel.recalc import recalculate_all
from gdapp.excel.verify import verify_workbooks
from tests.differential import disagreements

CASES = {
    # the note's run: the check is 61 at the start
    "note": dict(max_iterations=30, check_h=1e-4),
    # five features, a line and L1 (the proximal step lands slopes on the kink at 0)
    "l1-features": dict(data=EXAMPLES["features"], model="line", penalty="l1", lam=0.5,
                        learning_rate=0.01, max_iterations=40, check_h=1e-3),
}


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gradient-check")
    runs = {name: run(make_spec(**settings)) for name, settings in CASES.items()}
    files = {name: export_workbook(r, folder / f"{name}.xlsx") for name, r in runs.items()}
    return runs, files, folder


def _column_letter(path: Path, title: str) -> str:
    headers = [c.value for c in openpyxl.load_workbook(path)["Iterations"][1]]
    return openpyxl.utils.get_column_letter(headers.index(title) + 1)


def _edited(source: Path, target: Path, ref: str, value: object) -> Path:
    shutil.copy(source, target)
    wb = openpyxl.load_workbook(target)
    wb["Iterations"][ref] = value
    wb.save(target)
    return target


def test_the_cases_hold_what_they_say(books) -> None:
    runs, _, _ = books
    l1 = runs["l1-features"]
    assert (l1.params[:, 1:] == 0.0).any()        # a slope sits on the kink
    assert runs["note"].gradient[0, 0] == 61.0


@pytest.mark.libreoffice
@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_libreoffice_verifies_the_check_and_catches_an_edited_check_cell(books) -> None:
    _runs, files, folder = books
    note = files["note"]
    letter = _column_letter(note, header("b1"))
    edited = _edited(note, folder / "edited.xlsx", f"{letter}5", "=61")
    h_moved = folder / "h-moved.xlsx"
    shutil.copy(note, h_moved)
    wb = openpyxl.load_workbook(h_moved)
    row = next(r for r in wb["Settings"].iter_rows(min_row=2) if r[2].value == "check_h")
    row[1].value = 1e-2          # an edited h: the engine reruns with it
    wb.save(h_moved)
    reports = dict(zip(["note", "l1", "edited", "h"], verify_workbooks(
        [note, files["l1-features"], edited, h_moved]), strict=True))
    for name in ("note", "l1", "h"):
        assert reports[name].agree, (name, reports[name].first_difference)
        assert any("gradient check" in n for n in reports[name].notes)
    assert any("Settings!" in n and "check" in n for n in reports["h"].notes)
    assert not reports["edited"].agree
    assert reports["edited"].first_difference.startswith(f"Iterations!{letter}5")
    # compared: the check columns are part of the cells (one per parameter per row)
    plain = run(make_spec(max_iterations=30))
    assert reports["note"].cells_compared == sum(1 for _ in expected_cells(plain)) + 31


@pytest.mark.libreoffice
@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_a_check_cell_one_millionth_off_disagrees(books, tmp_path) -> None:
    runs, files, _ = books
    copy = recalculate_all([files["note"]], tmp_path)[0]
    letter = _column_letter(files["note"], header("b1"))
    wb = openpyxl.load_workbook(copy, data_only=True)      # the recalculated values
    value = wb["Iterations"][f"{letter}4"].value
    assert value == pytest.approx(runs["note"].gradient[2, 0], rel=1e-9)
    assert compare_workbooks(files["note"], copy, expected_cells(runs["note"])).agree
    wb["Iterations"][f"{letter}4"] = value * (1 + 1e-6)
    wb.save(copy)
    report = compare_workbooks(files["note"], copy, expected_cells(runs["note"]))
    assert not report.agree
    assert report.first_difference.startswith(f"Iterations!{letter}4: workbook ")


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_gnumeric_recomputes_the_check_as_the_engine(books, tmp_path) -> None:
    runs, files, _ = books
    assert disagreements({f.stem: runs[n] for n, f in files.items()},
                         list(files.values()), tmp_path) == []
