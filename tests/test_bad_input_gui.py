"""Bad input in the window: an inline sentence (or a message box), the last valid run kept,
and no file written. Driven through the real widgets with pytest-qt."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from patience import HANG_MS
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot
from qt_typing import type_into

from gdapp.core import DOCUMENT, MAX_EXPORTABLE_ROWS, MAX_ITERATIONS, Dataset, RunSpec
from gdapp.gui.controls import ControlsPanel
from gdapp.gui.data_editor import DataEditor
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow, describe_status


def panel_for(qtbot: QtBot, spec: RunSpec | None = None) -> tuple[RunViewModel, ControlsPanel]:
    vm = RunViewModel(spec)
    panel = ControlsPanel(vm)
    qtbot.addWidget(panel)
    return vm, panel


def editor_for(qtbot: QtBot) -> tuple[RunViewModel, DataEditor]:
    vm = RunViewModel()
    editor = DataEditor(vm)
    qtbot.addWidget(editor)
    return vm, editor



# ---- settings ---------------------------------------------------------------------------
@pytest.mark.parametrize(("box", "text", "message"), [
    ("eta", "0", "η must be > 0, got 0"),
    ("eta", "-0.5", "η must be > 0, got -0.5"),
    ("eta", "nan", "η: 'nan' is not a finite number"),
    ("eta", "inf", "η: 'inf' is not a finite number"),
    ("eta", "1,000.5", "η: '1,000.5' is not a number"),
    ("eta", "1,000", "η: '1,000' is ambiguous (decimal or thousands comma?): write 1.000 or "
     "1000"),
    ("lam", "-1", "λ must be ≥ 0, got -1"),
    ("lam", "nan", "λ: 'nan' is not a finite number"),
    ("tolerance", "0", "tolerance must be > 0, got 0"),
    ("tolerance", "-1e-9", "tolerance must be > 0, got -1e-09"),
    ("start_b1", "fifteen", "start b1: 'fifteen' is not a number"),
    ("start_b1", "-inf", "start b1: '-inf' is not a finite number"),
    ("max_iterations", "0", "max iterations must be at least 1, got 0"),
    ("max_iterations", "-3", "max iterations must be at least 1, got -3"),
    ("max_iterations", "many", "max iterations: 'many' is not a number"),
    ("max_iterations", "2.5", "max iterations must be a whole number, got 2.5"),
    ("max_iterations", str(MAX_EXPORTABLE_ROWS),
     "max iterations must be at most 1,048,574 (a workbook sheet holds 1,048,575 iterate "
     "rows), got 1,048,575"),
])
def test_a_refused_value_says_why_under_the_controls_and_the_run_stays(
        qtbot: QtBot, box: str, text: str, message: str) -> None:
    vm, panel = panel_for(qtbot, RunSpec(penalty="l2", lam=0.5))
    spec, the_run = vm.spec, vm.run
    panel.show()
    type_into(qtbot, getattr(panel, box), text)
    assert panel.message.text() == message
    assert vm.spec == spec and vm.run is the_run


def test_max_iterations_take_any_whole_number_up_to_what_a_sheet_holds(qtbot: QtBot) -> None:
    vm, panel = panel_for(qtbot)
    assert MAX_ITERATIONS == MAX_EXPORTABLE_ROWS - 1
    assert panel.max_iterations.maximum() == MAX_ITERATIONS
    type_into(qtbot, panel.max_iterations, "250")
    assert vm.spec.max_iterations == 250 and panel.message.text() == ""
    type_into(qtbot, panel.max_iterations, "1e3")
    assert vm.spec.max_iterations == 1000


def test_a_start_of_the_wrong_length_is_refused_with_the_models_parameters(
        qtbot: QtBot) -> None:
    vm, panel = panel_for(qtbot)
    assert not vm.update(start=(1.0, 2.0))
    assert panel.message.text() == ("the origin model has 1 parameter(s) (b1) but the start "
                                    "has 2 value(s)")
    assert vm.spec.resolved_start() == (15.0,)


def test_a_lambda_so_large_the_objective_overflows_is_refused_not_run(qtbot: QtBot) -> None:
    vm, panel = panel_for(qtbot, RunSpec(penalty="l2", lam=0.5))
    type_into(qtbot, panel.lam, "1e300")
    assert panel.message.text() == ("the objective at the start is too large to compute (not "
                                    "a finite number): try a smaller start, λ or data values")
    assert vm.spec.lam == 0.5


def test_exporting_more_samples_than_a_sheet_holds_is_refused_and_writes_nothing(
        qtbot: QtBot, tmp_path: Path) -> None:
    # a CSV may bring more samples than a Data sheet holds; the run works, its export cannot
    x = np.linspace(-1.0, 1.0, MAX_EXPORTABLE_ROWS + 1)
    window = MainWindow(RunViewModel(RunSpec(data=Dataset(x, 2.0 * x), learning_rate=0.5)))
    qtbot.addWidget(window)
    assert window.vm.run.status == "converged"
    target = tmp_path / "too-long.xlsx"
    target.write_bytes(b"the previous export")
    with qtbot.waitSignal(window.files.failed, timeout=HANG_MS) as blocker:
        window.files.export_workbook(target)
    assert blocker.args == ["The data has 1,048,576 samples but a sheet holds at most "
                            "1,048,575"]
    box = window.files.last_message
    assert box is not None and box.text() == blocker.args[0]
    box.close()
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["too-long.xlsx"]


# ---- data typed or pasted ----------------------------------------------------------------
def set_cell(editor: DataEditor, row: int, col: int, text: str) -> None:
    item = editor.table.item(row, col)
    if item is None:
        editor.table.setItem(row, col, QTableWidgetItem(text))
    else:
        item.setText(text)


@pytest.mark.parametrize(("text", "message"), [
    ("1e200", "x in sample 1 is 1e+200: values beyond ±1e+100 are too large (their squares "
              "would overflow)"),
    ("1,000.5", "row 1: x '1,000.5' is not a number"),
    ("12,500", "row 1: x '12,500' is ambiguous (decimal or thousands comma?): write 12.500 or "
     "12500"),
    ("", "row 1: x is empty"),
])
def test_a_cell_that_cannot_be_a_sample_is_refused_and_the_run_keeps_its_data(
        qtbot: QtBot, text: str, message: str) -> None:
    vm, editor = editor_for(qtbot)
    set_cell(editor, 0, 0, text)
    assert editor.message.text() == f"{message} — the run keeps the last valid data."
    assert vm.spec.data.same_samples(DOCUMENT)


def test_a_decimal_comma_in_a_cell_is_read_as_a_decimal_point(qtbot: QtBot) -> None:
    vm, editor = editor_for(qtbot)
    set_cell(editor, 0, 0, "0,5")
    assert vm.spec.data.x.tolist() == [0.5, 2.0] and editor.message.text() == ""


def test_deleting_every_sample_is_refused(qtbot: QtBot) -> None:
    vm, editor = editor_for(qtbot)
    editor.table.selectAll()
    editor.remove_selected_rows()
    assert editor.message.text() == ("there are no samples: at least one (x, y) pair is "
                                     "needed — the run keeps the last valid data.")
    assert vm.spec.data.same_samples(DOCUMENT)


def test_a_paste_with_a_header_in_the_middle_marks_the_header_cells(qtbot: QtBot) -> None:
    vm, editor = editor_for(qtbot)
    assert not editor.paste_text("x\ty\n1\t2\nx\ty\n3\t7\n")
    assert editor.message.text() == ("row 2: x 'x' is not a number — the run keeps the last "
                                     "valid data.")
    assert editor.table.item(1, 0).toolTip() == "'x' is not a number"
    assert vm.spec.data.same_samples(DOCUMENT)


def test_a_large_paste_with_a_header_in_the_middle_is_refused_naming_the_row(
        qtbot: QtBot) -> None:
    vm, editor = editor_for(qtbot)
    rows = [f"{i}\t{2 * i}" for i in range(3000)]
    rows.insert(1500, "x\ty")
    assert not editor.paste_text("x\ty\n" + "\n".join(rows))
    assert editor.message.text() == ("Cannot paste: row 1502 repeats the header row; remove "
                                     "it (only the first row may be a header)")
    assert vm.spec.data.same_samples(DOCUMENT)


# ---- data imported -----------------------------------------------------------------------
@pytest.mark.parametrize(("content", "message"), [
    ("", "the file is empty: no samples found"),
    ("x\n1\n2\n", "the file has one column: two are needed (x and y)"),
    ("x,y\n1,2\n2,oops\n", "line 3, column 2 (y): 'oops' is not a number"),
    ("x,y\n1,2\nx,y\n3,4\n",
     "line 3 repeats the header row; remove it (only the first row may be a header)"),
    ("x,y\n1,5,2,5\n", "line 2 has 4 fields but the header has 2 — decimal commas in a "
     "comma-separated file are ambiguous: use ';' or tabs between columns, or decimal points"),
    ("x,y\n1,inf\n", "line 2, column 2 (y): 'inf' is not a finite number"),
    ("x,y\n1e150,2\n", "x in sample 1 is 1e+150: values beyond ±1e+100 are too large (their "
     "squares would overflow)"),
])
def test_a_bad_csv_import_says_why_and_keeps_the_data(
        qtbot: QtBot, tmp_path: Path, content: str, message: str) -> None:
    vm, editor = editor_for(qtbot)
    path = tmp_path / "samples.csv"
    path.write_text(content, encoding="utf-8")
    assert not editor.import_file(str(path))
    assert editor.message.text() == f"Could not import samples.csv: {message}"
    assert vm.spec.data.same_samples(DOCUMENT)


def test_files_that_cannot_be_read_are_named_in_the_message(
        qtbot: QtBot, tmp_path: Path) -> None:
    vm, editor = editor_for(qtbot)
    assert not editor.import_file(str(tmp_path / "gone.csv"))
    assert editor.message.text() == f"Could not import gone.csv: {tmp_path / 'gone.csv'}: " \
        "no such file"
    assert not editor.import_file(str(tmp_path))
    assert editor.message.text() == (f"Could not import {tmp_path.name}: {tmp_path} is a "
                                     "folder, not a CSV file")
    (tmp_path / "fake.xlsx").write_text("x,y\n1,2\n")
    assert not editor.import_file(str(tmp_path / "fake.xlsx"))
    assert editor.message.text() == ("Could not import fake.xlsx: fake.xlsx is not an .xlsx "
                                     "workbook (it is not a zip archive)")
    assert vm.spec.data.same_samples(DOCUMENT)


def test_a_semicolon_csv_with_decimal_commas_imports(qtbot: QtBot, tmp_path: Path) -> None:
    vm, editor = editor_for(qtbot)
    path = tmp_path / "komma.csv"
    path.write_text("x;y\n0,5;1,25\n1,5;2\n", encoding="utf-8")
    assert editor.import_file(str(path))
    assert vm.spec.data.x.tolist() == [0.5, 1.5] and vm.spec.data.y.tolist() == [1.25, 2.0]


def test_a_single_sample_runs(qtbot: QtBot) -> None:
    vm, editor = editor_for(qtbot)
    editor.table.removeRow(1)
    assert editor.apply_cells()
    assert vm.spec.data.n == 1 and vm.run.status == "converged"
    assert vm.run.final[0] == pytest.approx(2.0, abs=1e-6)   # y/x of the one sample


def test_all_x_zero_says_the_optimum_is_undefined_and_the_descent_still_runs(
        qtbot: QtBot) -> None:
    window = MainWindow(RunViewModel())
    qtbot.addWidget(window)
    window.vm.update(data=Dataset([0.0, 0.0, 0.0], [1.0, 2.0, 3.0], name="zeros"))
    assert window.vm.run.status == "converged"
    assert "the optimum is undefined: all x are 0, so every b1 gives the same cost" in \
        window.status_label.text()
    info, _warning = describe_status(window.vm.run, window.vm.current)
    assert info == window.status_label.text()


def test_a_million_samples_import_run_and_show_their_first_rows_read_only(
        qtbot: QtBot, tmp_path: Path) -> None:
    rng = np.random.default_rng(11)
    x = np.round(rng.normal(size=1_000_000), 4)
    y = np.round(2.0 * x + rng.normal(size=x.size), 4)
    path = tmp_path / "million.csv"
    np.savetxt(path, np.column_stack([x, y]), fmt="%.4f", delimiter=",", header="x,y",
               comments="")
    vm, editor = editor_for(qtbot)
    # a file this large is read in the background: the call returns at once
    with qtbot.waitSignal(editor.importFinished, timeout=HANG_MS):
        assert editor.import_file(str(path))
    assert vm.spec.data.n == 1_000_000 and vm.run.status == "converged"
    assert not editor.editable and editor.table.rowCount() == 2_000
    assert editor.message.text() == ("Showing the first 2,000 of 1,000,000 samples; a data "
                                     "set this large is edited in its file, not here.")
    for model in ("origin", "line"):     # squared error: computed at once, not in the background
        assert vm.update(model=model, learning_rate=0.1)
        assert not vm.busy and vm.run.spec.model == model and vm.run.status == "converged"
