"""The sample editor: typing, pasting, importing; invalid cells are refused in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QTableWidgetItem
from pytestqt.qtbot import QtBot

from gdapp.core import DOCUMENT
from gdapp.gui.data_editor import INVALID_COLOR, DataEditor, parse_pasted_rows
from gdapp.gui.viewmodel import RunViewModel


def make(qtbot: QtBot) -> tuple[RunViewModel, DataEditor]:
    vm = RunViewModel()
    editor = DataEditor(vm)
    qtbot.addWidget(editor)
    return vm, editor


def set_cell(editor: DataEditor, row: int, col: int, text: str) -> None:
    item = editor.table.item(row, col)
    if item is None:
        editor.table.setItem(row, col, QTableWidgetItem(text))
    else:
        item.setText(text)


def test_the_editor_shows_the_document_samples(qtbot: QtBot) -> None:
    _, editor = make(qtbot)
    cells = [[editor.table.item(r, c).text() for c in (0, 1)] for r in range(2)]
    assert cells == [["1", "2"], ["2", "6"]]


def test_editing_a_cell_reruns_on_the_new_samples(qtbot: QtBot) -> None:
    vm, editor = make(qtbot)
    with qtbot.waitSignal(vm.runChanged):
        set_cell(editor, 1, 1, "4")
    assert list(vm.spec.data.y) == [2.0, 4.0]
    # E'(b1) = 0 at Σxy/Σx² = (2 + 8)/5 = 2
    assert vm.run.optimum.params == pytest.approx((2.0,))


def test_a_text_cell_is_refused_in_place_and_the_run_keeps_the_last_valid_data(
        qtbot: QtBot) -> None:
    vm, editor = make(qtbot)
    old_run = vm.run
    set_cell(editor, 0, 1, "two")
    item = editor.table.item(0, 1)
    assert item.background().color() == INVALID_COLOR
    assert item.toolTip() == "'two' is not a number"
    assert "row 1: y 'two' is not a number" in editor.message.text()
    assert vm.run is old_run


@pytest.mark.parametrize("text", ["nan", "inf", "-inf"])
def test_nan_and_inf_are_refused(qtbot: QtBot, text: str) -> None:
    vm, editor = make(qtbot)
    set_cell(editor, 1, 0, text)
    assert editor.table.item(1, 0).background().color() == INVALID_COLOR
    assert vm.spec.data.is_document_example()


def test_a_value_whose_square_underflows_is_refused_in_place(qtbot: QtBot) -> None:
    vm, editor = make(qtbot)
    set_cell(editor, 0, 0, "1e-200")
    item = editor.table.item(0, 0)
    assert item.background().color() == INVALID_COLOR
    assert item.toolTip() == ("1e-200 is too small: the squares of values below 1e-100 "
                              "underflow; rescale the data")
    assert editor.message.text().startswith("row 1: x 1e-200 is too small")
    assert vm.spec.data.is_document_example()
    set_cell(editor, 0, 0, "0")  # exactly 0 is a value like any other
    assert list(vm.spec.data.x) == [0.0, 2.0]


def test_fixing_the_cell_clears_the_mark_and_applies(qtbot: QtBot) -> None:
    vm, editor = make(qtbot)
    set_cell(editor, 0, 1, "two")
    set_cell(editor, 0, 1, "3")
    assert editor.table.item(0, 1).background().color() != INVALID_COLOR
    assert editor.message.text() == ""
    assert list(vm.spec.data.y) == [3.0, 6.0]


def test_a_new_row_is_used_once_both_cells_are_filled(qtbot: QtBot) -> None:
    vm, editor = make(qtbot)
    editor.add_button.click()
    assert vm.spec.data.n == 2               # an empty row is ignored
    set_cell(editor, 2, 0, "3")
    assert "row 3: y is empty" in editor.message.text()
    assert vm.spec.data.n == 2
    set_cell(editor, 2, 1, "9")
    assert list(vm.spec.data.x) == [1.0, 2.0, 3.0]


def test_remove_deletes_the_selected_row(qtbot: QtBot) -> None:
    vm, editor = make(qtbot)
    editor.table.setCurrentCell(0, 0)
    editor.remove_button.click()
    assert list(vm.spec.data.x) == [2.0]


def test_pasting_spreadsheet_rows_skips_the_header(qtbot: QtBot) -> None:
    vm, editor = make(qtbot)
    editor.table.setCurrentCell(0, 0)
    QApplication.clipboard().setText("hours\tscore\r\n1\t3\r\n2\t5\r\n4\t9\r\n")
    qtbot.keySequence(editor.table, QKeySequence.StandardKey.Paste)
    assert list(vm.spec.data.x) == [1.0, 2.0, 4.0]
    assert list(vm.spec.data.y) == [3.0, 5.0, 9.0]


def test_parse_pasted_rows_splits_tabs_and_newlines() -> None:
    assert parse_pasted_rows("x\ty\n1\t2\n\n3,5\t4\n") == [["1", "2"], ["3,5", "4"]]


def test_import_csv_replaces_the_samples(qtbot: QtBot, tmp_path: Path) -> None:
    vm, editor = make(qtbot)
    csv = tmp_path / "study.csv"
    csv.write_text("hours,score\n1,2\n2,4\n3,6\n", encoding="utf-8")
    assert editor.import_file(str(csv))
    assert vm.spec.data.name == "study.csv"
    assert vm.spec.data.n == 3
    assert editor.table.rowCount() == 3
    assert editor.table.horizontalHeaderItem(0).text() == "hours"
    assert vm.run.optimum.params == pytest.approx((2.0,))


def test_a_broken_csv_is_refused_with_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    vm, editor = make(qtbot)
    csv = tmp_path / "bad.csv"
    csv.write_text("x,y\n1,2\n2,oops\n", encoding="utf-8")
    assert not editor.import_file(str(csv))
    assert "bad.csv" in editor.message.text() and "oops" in editor.message.text()
    assert vm.spec.data.is_document_example()


def test_document_example_is_one_click_away(qtbot: QtBot) -> None:
    vm, editor = make(qtbot)
    set_cell(editor, 0, 0, "5")
    assert not vm.spec.data.is_document_example()
    editor.document_button.click()
    assert vm.spec.data.is_document_example()
    assert vm.spec.start == (15.0,)
    assert editor.table.item(0, 0).text() == "1"


def test_data_set_from_elsewhere_refills_the_grid(qtbot: QtBot) -> None:
    vm, editor = make(qtbot)
    from gdapp.core import Dataset

    vm.update(data=Dataset([1, 2, 3], [1, 1, 1], name="flat"))
    assert editor.table.rowCount() == 3
    vm.update(data=DOCUMENT)
    assert editor.table.rowCount() == 2


def test_import_xlsx_reads_the_first_two_columns(qtbot: QtBot, tmp_path: Path) -> None:
    from openpyxl import Workbook

    vm, editor = make(qtbot)
    wb = Workbook()
    ws = wb.active
    for row in (("size", "price"), (1, 3), (2, 5), (3, 7)):
        ws.append(row)
    book = tmp_path / "houses.xlsx"
    wb.save(book)
    assert editor.import_file(str(book))
    assert list(vm.spec.data.y) == [3.0, 5.0, 7.0]
    assert editor.table.horizontalHeaderItem(1).text() == "price"


def test_samples_show_as_the_shortest_text_that_reads_back(qtbot: QtBot) -> None:
    from gdapp.gui.data_editor import format_sample

    assert [format_sample(v) for v in (0.1, 2.0, -1e-20, 1 / 3)] == [
        "0.1", "2", "-1e-20", "0.3333333333333333"]


def test_a_large_data_set_shows_its_first_rows_read_only(qtbot: QtBot) -> None:
    from gdapp.core import Dataset
    from gdapp.gui.data_editor import MAX_EDITABLE_ROWS

    vm, editor = make(qtbot)
    n = 50_000
    vm.update(data=Dataset(range(n), [2.0 * i for i in range(n)], name="big"))
    assert editor.table.rowCount() == MAX_EDITABLE_ROWS   # thousands of items, no crash
    assert not editor.editable and not editor.add_button.isEnabled()
    assert "first 2,000 of 50,000 samples" in editor.message.text()
    editor.table.item(0, 0).setText("oops")               # refused: nothing changes
    assert vm.spec.data.n == n


def test_a_paste_larger_than_the_editor_replaces_the_samples(qtbot: QtBot) -> None:
    vm, editor = make(qtbot)
    editor.table.setCurrentCell(0, 0)
    text = "x\ty\n" + "".join(f"{i}\t{3 * i + 1}\n" for i in range(5_000))
    assert editor.paste_text(text)
    assert vm.spec.data.n == 5_000 and vm.spec.data.name == "pasted"
    assert vm.run.optimum.params is not None


def test_a_paste_of_text_cells_is_refused_in_place(qtbot: QtBot) -> None:
    vm, editor = make(qtbot)
    editor.table.setCurrentCell(1, 0)
    assert not editor.paste_text("3\tabc\n")
    assert editor.table.item(1, 1).background().color() == INVALID_COLOR
    assert vm.spec.data.is_document_example()
