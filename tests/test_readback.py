"""Reading a gdapp workbook back (read_workbook) and importing samples from .xlsx."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from gdapp.core import DataError, Dataset, RunSpec, run
from gdapp.excel import (
    WorkbookError,
    export_workbook,
    load_data_xlsx,
    read_workbook,
    readback,
    row_count,
)

SAMPLES = Dataset([0.5, 1.25, 2.0, 3.5], [1.1, 1.9, 2.4, 4.2], x_name="hours",
                  y_name="=score", name="study.csv")

SPECS = {
    "note": RunSpec(learning_rate=0.01),
    "line-l1": RunSpec(data=SAMPLES, model="line", penalty="l1", lam=0.3,
                       l1_method="subgradient", learning_rate=0.05, start=(0.5, -1.0),
                       max_iterations=300, tolerance=1e-7),
    "mae-l2": RunSpec(data=SAMPLES, cost="mae", penalty="l2", lam=0.1, learning_rate=0.02,
                      max_iterations=40),
}


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("books")
    return {name: export_workbook(run(spec), folder / f"{name}.xlsx")
            for name, spec in SPECS.items()}


def _edit(path: Path, target: Path, **cells: object) -> Path:
    """Copy ``path`` to ``target`` with ``{"Sheet!A1": value}`` cells changed."""
    wb = openpyxl.load_workbook(path)
    for where, value in cells.items():
        sheet, ref = where.split("__")
        wb[sheet][ref] = value
    wb.save(target)
    return target


def _settings_ref(path: Path, name: str) -> str:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        (_, ref), = wb.defined_names[name].destinations
    finally:
        wb.close()
    return ref.replace("$", "")


@pytest.mark.parametrize("name", list(SPECS))
def test_reading_back_an_export_rebuilds_the_same_spec(workbooks, name):
    book = read_workbook(workbooks[name])
    assert book.spec == SPECS[name].validated()


def test_column_names_and_the_data_source_survive_as_text(workbooks):
    data = read_workbook(workbooks["line-l1"]).spec.data
    assert (data.x_name, data.y_name, data.name) == ("hours", "=score", "study.csv")


def test_iteration_rows_count_the_start_row_too(workbooks):
    assert read_workbook(workbooks["note"]).iteration_rows == run(SPECS["note"]).iterations + 1


def test_an_eta_edited_in_the_spreadsheet_is_the_eta_read_back(workbooks, tmp_path):
    source = workbooks["note"]
    edited = _edit(source, tmp_path / "edited.xlsx",
                   **{f"Settings__{_settings_ref(source, 'eta')}": 0.02, "Data__C3": 7})
    spec = read_workbook(edited).spec
    assert spec.learning_rate == 0.02
    assert spec.data.y.tolist() == [2.0, 7.0]


def test_a_workbook_from_another_program_is_refused(tmp_path):
    wb = openpyxl.Workbook()
    for title in ("Settings", "Data", "Iterations"):
        wb.create_sheet(title)["A1"] = "hello"
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(WorkbookError, match=r"not a gdapp workbook .*marker"):
        read_workbook(tmp_path / "other.xlsx")


def test_a_workbook_without_an_iterations_sheet_is_refused(workbooks, tmp_path):
    wb = openpyxl.load_workbook(workbooks["note"])
    del wb["Iterations"]
    wb.save(tmp_path / "cut.xlsx")
    with pytest.raises(WorkbookError, match="no Iterations sheet"):
        read_workbook(tmp_path / "cut.xlsx")


@pytest.mark.parametrize(("name", "value", "message"), [
    ("eta", "fast", r"η .*must be a number"),
    ("eta", -0.5, "learning rate η must be > 0"),
    ("model", "cubic", "model must be one of"),
    ("max_iterations", 2.5, "whole number"),
    ("max_iterations", 10**9, "max iterations 1,000,000,000 is beyond what a workbook holds"),
])
def test_nonsense_settings_are_refused(workbooks, tmp_path, name, value, message):
    source = workbooks["note"]
    edited = _edit(source, tmp_path / "bad.xlsx",
                   **{f"Settings__{_settings_ref(source, name)}": value})
    with pytest.raises(WorkbookError, match=message):
        read_workbook(edited)


def test_a_data_cell_that_is_not_a_number_is_refused(workbooks, tmp_path):
    edited = _edit(workbooks["note"], tmp_path / "bad.xlsx", Data__B3="two")
    with pytest.raises(WorkbookError, match="Data row 3: x is 'two', not a number"):
        read_workbook(edited)


def test_a_broken_iteration_counter_is_refused(workbooks, tmp_path):
    edited = _edit(workbooks["note"], tmp_path / "bad.xlsx", Iterations__A6=99)
    with pytest.raises(WorkbookError, match="row 6: k should be 4"):
        read_workbook(edited)


def test_rows_are_counted_alike_when_the_fast_pattern_does_not_apply(workbooks, monkeypatch):
    expected = read_workbook(workbooks["note"]).iteration_rows
    monkeypatch.setattr(row_count, "_A_CELL", re.compile(rb"(?!x)x"))
    assert read_workbook(workbooks["note"]).iteration_rows == expected


def test_missing_files_folders_and_non_workbooks_are_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("x,y\n1,2\n")
    (tmp_path / "folder.xlsx").mkdir()
    with zipfile.ZipFile(tmp_path / "empty.xlsx", "w") as z:
        z.writestr("hello.txt", "not a workbook")
    for name, message in [("nothing.xlsx", "no such file"), ("folder.xlsx", "not a file"),
                          ("notes.txt", "not a zip archive"),
                          ("empty.xlsx", "not a readable .xlsx workbook")]:
        with pytest.raises(WorkbookError, match=message):
            read_workbook(tmp_path / name)


def test_an_archive_that_unpacks_too_large_is_refused_before_openpyxl_opens_it(
        workbooks, monkeypatch):
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl was asked to open an oversized archive")

    monkeypatch.setattr(readback, "MAX_UNCOMPRESSED", 10_000)
    monkeypatch.setattr(readback, "load_workbook", never)
    with pytest.raises(WorkbookError, match=r"unpacks to .* the limit is"):
        read_workbook(workbooks["note"])


# ---- load_data_xlsx ---------------------------------------------------------------------
@pytest.fixture
def data_book(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "first"
    for row in (["id", "hours", "score"], [1, 0.5, 1.1], [2, 1.25, "1,9"], [3, 2, 2.4]):
        ws.append(row)
    bare = wb.create_sheet("bare")
    for row in ([1, 2], [2, 6]):
        bare.append(row)
    wb.save(tmp_path / "samples.xlsx")
    return tmp_path / "samples.xlsx"


def test_columns_are_chosen_by_header_name(data_book):
    data = load_data_xlsx(data_book, x="hours", y="score")
    assert (data.x.tolist(), data.y.tolist()) == ([0.5, 1.25, 2.0], [1.1, 1.9, 2.4])
    assert (data.x_name, data.y_name, data.name) == ("hours", "score", "samples.xlsx")


def test_columns_are_chosen_by_position_counting_from_one(data_book):
    data = load_data_xlsx(data_book, x=2, y=3)
    assert data.y.tolist() == [1.1, 1.9, 2.4]


def test_a_named_sheet_without_a_header_is_read_whole(data_book):
    data = load_data_xlsx(data_book, sheet="bare")
    assert data.is_document_example()


def test_an_unknown_sheet_is_named_in_the_message(data_book):
    with pytest.raises(DataError, match="no sheet named 'third'; sheets: 'first', 'bare'"):
        load_data_xlsx(data_book, sheet="third")


def test_a_cell_that_is_not_a_number_names_its_row_and_column(tmp_path):
    wb = openpyxl.Workbook()
    for row in (["x", "y"], [1, 2], [2, "six"]):
        wb.active.append(row)
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(DataError, match="row 3, column 2 \\(y\\): 'six' is not a number"):
        load_data_xlsx(tmp_path / "bad.xlsx")


def test_a_text_file_is_not_taken_for_a_workbook(tmp_path):
    (tmp_path / "data.xlsx").write_text("x,y\n1,2\n")
    with pytest.raises(DataError, match="not a zip archive"):
        load_data_xlsx(tmp_path / "data.xlsx")
