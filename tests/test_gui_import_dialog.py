"""The import dialog: a CSV file of more than two columns asks for its features and target."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gdapp.core import load_csv
from gdapp.core.data import csv_columns
from gdapp.gui.data_editor import DataEditor
from gdapp.gui.import_dialog import FEATURE_COLOR, TARGET_COLOR, ColumnsDialog
from gdapp.gui.viewmodel import RunViewModel

ROWS = ["hours,sleep,shoe,score", "1,7,26,50", "2,6,27,55", "3,8,25,66", "4,5,26,64",
        "5,7,28,75", "6,6,26,80"]


def csv_file(tmp_path: Path, lines: list[str] = ROWS, name: str = "exam.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dialog_for(qtbot: QtBot, path: Path) -> ColumnsDialog:
    header, width, rows = csv_columns(path)
    dialog = ColumnsDialog(path.name, header, width, rows)
    qtbot.addWidget(dialog)
    return dialog


def editor(qtbot: QtBot) -> tuple[RunViewModel, DataEditor]:
    vm = RunViewModel()
    ed = DataEditor(vm)
    qtbot.addWidget(ed)
    return vm, ed


def test_the_dialog_lists_the_columns_and_previews_the_first_rows(
        qtbot: QtBot, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, csv_file(tmp_path))
    assert [b.text() for b in dialog.feature_boxes] == ["hours", "sleep", "shoe", "score"]
    assert [dialog.target.itemText(i) for i in range(4)] == ["hours", "sleep", "shoe",
                                                             "score"]
    assert dialog.preview.rowCount() == 5  # the first five rows under the header
    assert [dialog.preview.item(0, c).text() for c in range(4)] == ["1", "7", "26", "50"]
    # at first: the last column is the target, the others the features
    assert dialog.target.currentText() == "score"
    assert dialog.features() == [1, 2, 3] and dialog.ok_button.isEnabled()
    assert dialog.preview.item(0, 3).background().color() == TARGET_COLOR
    assert dialog.preview.item(0, 0).background().color() == FEATURE_COLOR


def test_ok_is_refused_with_a_reason_when_no_feature_is_ticked(
        qtbot: QtBot, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, csv_file(tmp_path))
    for box in dialog.feature_boxes:
        box.setChecked(False)
    assert not dialog.ok_button.isEnabled()
    assert dialog.reason_label.text() == "Tick at least one feature."
    qtbot.mouseClick(dialog.feature_boxes[1], Qt.MouseButton.LeftButton)
    assert dialog.feature_boxes[1].isChecked()
    assert dialog.ok_button.isEnabled() and dialog.reason == ""
    assert not dialog.reason_label.isVisibleTo(dialog)


def test_ok_is_refused_when_the_target_is_also_a_feature(qtbot: QtBot,
                                                         tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, csv_file(tmp_path))
    dialog.target.setCurrentIndex(0)  # hours, still ticked
    assert not dialog.ok_button.isEnabled()
    assert dialog.reason == ("The target hours is also ticked as a feature: untick it or "
                             "choose another target.")
    dialog.feature_boxes[0].setChecked(False)
    assert dialog.ok_button.isEnabled()
    assert (dialog.features(), dialog.target_column()) == ([2, 3], 1)


def test_the_chosen_columns_are_the_loaded_data_set(qtbot: QtBot, tmp_path: Path) -> None:
    path = csv_file(tmp_path)
    vm, ed = editor(qtbot)

    def tick_hours_and_sleep(dialog: ColumnsDialog) -> bool:
        dialog.choose(["hours", "sleep"], "score")
        assert dialog.ok_button.isEnabled()
        return True

    ed.choose_columns = tick_hours_and_sleep
    assert ed.import_file(str(path))
    data = vm.spec.data
    assert data.feature_names == ("hours", "sleep") and data.y_name == "score"
    np.testing.assert_array_equal(data.X, [[1, 7], [2, 6], [3, 8], [4, 5], [5, 7], [6, 6]])
    assert list(data.y) == [50, 55, 66, 64, 75, 80]
    assert data == load_csv(path, x=["hours", "sleep"], y="score")
    assert [ed.table.horizontalHeaderItem(c).text() for c in range(3)] == [
        "hours", "sleep", "score"]
    assert vm.run.params.shape[1] == 2  # b1, b2


def test_a_target_in_the_middle_and_features_in_the_files_order(
        qtbot: QtBot, tmp_path: Path) -> None:
    vm, ed = editor(qtbot)

    def choose(dialog: ColumnsDialog) -> bool:
        dialog.choose(["score", "hours"], "shoe")
        return True

    ed.choose_columns = choose
    assert ed.import_file(str(csv_file(tmp_path)))
    assert vm.spec.data.feature_names == ("hours", "score")
    assert vm.spec.data.y_name == "shoe" and vm.spec.data.y[0] == 26


def test_cancelling_the_dialog_keeps_the_samples(qtbot: QtBot, tmp_path: Path) -> None:
    vm, ed = editor(qtbot)
    before = vm.spec.data
    ed.choose_columns = lambda dialog: False
    assert not ed.import_file(str(csv_file(tmp_path)))
    assert vm.spec.data is before
    assert ed.message.text() == ""


def test_a_two_column_file_loads_directly_without_the_dialog(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    vm, ed = editor(qtbot)

    def never(dialog: ColumnsDialog) -> bool:
        raise AssertionError("no dialog for two columns")

    ed.choose_columns = never
    assert ed.import_file(str(csv_file(tmp_path, ["h,s", "1,2", "2,5"], "two.csv")))
    assert vm.spec.data.feature_names == ("h",) and list(vm.spec.data.y) == [2, 5]


def test_a_file_without_a_header_names_its_columns_by_position(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = csv_file(tmp_path, ["1,2,3", "2,3,5", "4,1,6"], "bare.csv")
    dialog = dialog_for(qtbot, path)
    assert [b.text() for b in dialog.feature_boxes] == ["column 1", "column 2", "column 3"]
    assert dialog.preview.rowCount() == 3
    vm, ed = editor(qtbot)
    ed.choose_columns = lambda d: True  # the first choice: columns 1, 2 → column 3
    assert ed.import_file(str(path))
    assert vm.spec.data.feature_names == ("x1", "x2")
    assert list(vm.spec.data.y) == [3, 5, 6]


def test_a_bad_value_in_a_chosen_column_is_one_sentence(qtbot: QtBot,
                                                        tmp_path: Path) -> None:
    path = csv_file(tmp_path, [*ROWS, "7,six,27,82"], "typo.csv")
    vm, ed = editor(qtbot)
    before = vm.spec.data
    ed.choose_columns = lambda d: True
    assert not ed.import_file(str(path))
    assert ed.message.text() == ("Could not import typo.csv: line 8, column 2 (x2): 'six' "
                                 "is not a number")
    assert vm.spec.data is before


def test_an_unreadable_file_is_one_sentence_before_any_dialog(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    _, ed = editor(qtbot)
    ed.choose_columns = lambda d: pytest.fail("no dialog for a missing file")
    assert not ed.import_file(str(tmp_path / "gone.csv"))
    assert ed.message.text().startswith("Could not import gone.csv: ")
    assert "no such file" in ed.message.text()
