"""The note's reference workbooks in workbooks/ (gdapp.excel.write_examples)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from gdapp.core import NOTE_RUNS, run
from gdapp.excel import read_workbook, write_examples

COMMITTED = Path(__file__).resolve().parent.parent / "workbooks"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_examples(tmp_path_factory.mktemp("examples"))


def _cells(path: Path) -> dict[str, object]:
    wb = openpyxl.load_workbook(path)
    cells: dict[str, object] = {f"name {n}": d.attr_text for n, d in wb.defined_names.items()}
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    cells[f"{ws.title}!{c.coordinate}"] = (c.value, c.data_type)
    cells["created"] = wb.properties.created
    return cells


def test_there_is_one_committed_workbook_per_note_run():
    assert sorted(p.stem for p in COMMITTED.glob("*.xlsx")) == sorted(NOTE_RUNS)


def test_write_examples_returns_the_paths_in_note_order(regenerated):
    assert [p.stem for p in regenerated] == list(NOTE_RUNS)


@pytest.mark.parametrize("name", list(NOTE_RUNS))
def test_regenerating_gives_the_committed_workbook_cell_by_cell(regenerated, name):
    fresh = {p.stem: p for p in regenerated}[name]
    assert _cells(fresh) == _cells(COMMITTED / f"{name}.xlsx")


@pytest.mark.parametrize("name", list(NOTE_RUNS))
def test_each_committed_workbook_reads_back_as_its_note_run(name):
    book = read_workbook(COMMITTED / f"{name}.xlsx")
    expected = run(NOTE_RUNS[name])
    assert book.spec == expected.spec
    assert book.iteration_rows == expected.params.shape[0]


def test_the_eta_001_workbook_starts_at_15_and_updates_with_eta():
    wb = openpyxl.load_workbook(COMMITTED / "eta-0.01.xlsx")
    settings = {r[2].value: r[1].value for r in wb["Settings"].iter_rows(min_row=2)
                if r[2].value}
    assert (settings["b1_start"], settings["eta"]) == (15, 0.01)
    assert wb["Iterations"]["B2"].value == "=b1_start"
    assert "eta*C2" in wb["Iterations"]["B3"].value


def test_the_workbooks_have_a_fixed_creation_time(regenerated):
    wb = openpyxl.load_workbook(regenerated[0], read_only=True)
    try:
        assert (wb.properties.created.year, wb.properties.modified.year) == (2024, 2024)
    finally:
        wb.close()
