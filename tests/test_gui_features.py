"""The window on several features: every column in the editor, ŷ against y, the cost along a
chosen parameter, one start box per parameter, the session and the step text."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from patience import HANG_MS
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QScrollArea, QTableWidgetItem
from pytestqt.qtbot import QtBot

from gdapp.cli import main
from gdapp.core import EXAMPLES, Dataset, Objective, RunSpec
from gdapp.gui.settings_store import SessionStore, spec_from_json, spec_to_json
from gdapp.gui.step_text import describe_step
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

FEATURES = EXAMPLES["features"]
NAMES = ("study_hours", "sleep_hours", "coffee_cups", "shoe_size_cm", "day_of_month")


def features_window(qtbot: QtBot, **settings: object) -> MainWindow:
    spec = RunSpec(data=FEATURES, learning_rate=0.0005, max_iterations=200, **settings)
    win = MainWindow(RunViewModel(spec))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def header(table: object, c: int) -> str:
    return str(table.horizontalHeaderItem(c).text())  # type: ignore[attr-defined]


def test_the_window_opens_on_the_features_example(tmp_path: Path, qtbot: QtBot) -> None:
    shot = tmp_path / "features.png"
    assert main(["gui", "--example", "features", "--eta", "0.0005",
                 "--screenshot", str(shot)]) == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)


def test_the_editor_shows_one_column_per_feature_then_the_target(qtbot: QtBot) -> None:
    win = features_window(qtbot)
    table = win.data_editor.table
    assert table.columnCount() == 6
    assert [header(table, c) for c in range(6)] == [*NAMES, FEATURES.y_name]
    assert table.rowCount() == FEATURES.n
    row = [float(table.item(3, c).text()) for c in range(6)]
    assert row == [*FEATURES.X[3], FEATURES.y[3]]


def test_editing_any_feature_cell_keeps_every_column(qtbot: QtBot) -> None:
    win = features_window(qtbot)
    with qtbot.waitSignal(win.vm.runChanged):
        win.data_editor.table.item(2, 3).setText("31.5")
    data = win.vm.spec.data
    assert data.p == 5 and data.feature_names == NAMES
    assert data.X[2, 3] == 31.5
    expected = FEATURES.X.copy()
    expected[2, 3] = 31.5
    np.testing.assert_array_equal(data.X, expected)
    np.testing.assert_array_equal(data.y, FEATURES.y)


def test_a_bad_feature_cell_is_refused_by_its_column_name(qtbot: QtBot) -> None:
    win = features_window(qtbot)
    old = win.vm.run
    win.data_editor.table.item(0, 1).setText("late")
    assert "row 1: sleep_hours 'late' is not a number" in win.data_editor.message.text()
    assert win.vm.run is old


def test_an_added_row_has_a_cell_per_column(qtbot: QtBot) -> None:
    win = features_window(qtbot)
    editor = win.data_editor
    editor.add_row()
    r = editor.table.rowCount() - 1
    for c, v in enumerate(["1", "2", "3", "4", "5", "60"]):
        item = editor.table.item(r, c)
        assert isinstance(item, QTableWidgetItem)
        item.setText(v)
    data = win.vm.spec.data
    assert data.n == FEATURES.n + 1
    assert list(data.X[-1]) == [1, 2, 3, 4, 5] and data.y[-1] == 60


def test_the_grid_names_every_parameter(qtbot: QtBot) -> None:
    win = features_window(qtbot, model="line")
    model = win.grid.table_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["k", "b0", "b1", "b2", "b3", "b4", "b5"]
    assert model.data(model.index(1, 3)) == f"{win.vm.run.params[1, 2]:.10g}"


def test_the_data_plot_shows_predictions_against_the_targets(qtbot: QtBot) -> None:
    win = features_window(qtbot, model="line")
    plot = win.data_plot
    win.vm.set_current(40)
    run, k = win.vm.run, win.vm.current
    xs, ys = plot.samples_item.getData()
    fit = run.params[k, 0] + FEATURES.X @ run.params[k, 1:]
    np.testing.assert_allclose(xs, FEATURES.y)
    np.testing.assert_allclose(ys, fit)
    lx, ly = plot.line_item.getData()
    np.testing.assert_array_equal(lx, ly)  # the diagonal ŷ = y
    assert "exam_score" in plot.plot_item.getAxis("bottom").labelText
    assert "ŷ" in plot.plot_item.getAxis("left").labelText
    rx, ry = plot.residual_item.getData()  # from the diagonal (y, y) to the dot (y, ŷ)
    np.testing.assert_allclose(rx[0::2], FEATURES.y)
    np.testing.assert_allclose(ry[0::2], FEATURES.y)
    np.testing.assert_allclose(ry[1::2], fit)
    win.vm.set_current(80)
    assert not np.allclose(plot.samples_item.getData()[1], fit)  # the dots move with k
    plot.squares_box.setChecked(True)
    assert plot.squares_shown() == FEATURES.n


def test_one_start_box_per_parameter_scrolls_past_four(qtbot: QtBot) -> None:
    win = features_window(qtbot, model="line")
    start = win.controls.start
    assert [box.prefix() for box in start.boxes] == [f"b{j} = " for j in range(6)]
    assert all(box.isVisible() for box in start.boxes)
    assert start.findChild(QScrollArea).isVisible()
    box = start.boxes[3]
    box.lineEdit().setText("b3 = 1.5")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert win.vm.spec.start == (0.0, 0.0, 0.0, 1.5, 0.0, 0.0)
    assert win.vm.run.params[0, 3] == 1.5
    win.vm.update(data=EXAMPLES["document"], model="origin", start=None)
    assert [box.prefix() for box in start.boxes] == ["b1 = "]
    assert not start.findChild(QScrollArea).isVisible()
    assert not start.slopes[1].isVisible()


def test_the_cost_plot_shows_the_cost_along_the_chosen_parameter(qtbot: QtBot) -> None:
    win = features_window(qtbot, model="line", penalty="l2", lam=0.5)
    assert win.cost_plots.currentWidget() is win.cost_slice
    plot = win.cost_slice
    labels = [plot.parameter.itemText(i) for i in range(plot.parameter.count())]
    assert labels == ["b0 (intercept)", *(f"b{j + 1} ({n})" for j, n in enumerate(NAMES))]
    assert plot.parameter.currentText() == "b1 (study_hours)"
    plot.choose("b3")
    win.vm.set_current(25)
    run, k = win.vm.run, 25
    bx, by = plot.marker.getData()
    assert (bx[0], by[0]) == (run.params[k, 3], run.objective[k])
    # the curve: the objective with b3 moved, every other parameter at iterate k
    xs, ys = plot.objective_curve.getData()
    spec = run.spec
    obj = Objective(spec.data, model=spec.model, cost=spec.cost, penalty=spec.penalty, lam=spec.lam)
    grid = np.repeat(run.params[k][None, :], xs.size, axis=0)
    grid[:, 3] = xs
    np.testing.assert_allclose(ys, obj.value(grid), rtol=1e-12)
    tx, ty = plot.tangent.getData()  # its slope is ∂f/∂b3 at iterate k
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(run.gradient[k, 3])
    assert "b3 (coffee_cups)" in plot.plot_item.getAxis("bottom").labelText
    assert win.shown_cost_plot() is plot


def test_one_feature_keeps_the_cost_curve(qtbot: QtBot) -> None:
    win = features_window(qtbot)
    win.vm.update(data=EXAMPLES["document"], start=None)
    assert win.cost_plots.currentWidget() is win.cost_plot
    win.vm.set_current(0)
    assert win.cost_plot.marker.getData()[0][0] == 15.0  # the note's start b1 = 15
    xs, ys = win.cost_plot.cost_curve.getData()
    np.testing.assert_allclose(ys, 2.5 * xs**2 - 14 * xs + 20, rtol=1e-9)  # the note's E


def test_the_step_text_names_each_feature(qtbot: QtBot) -> None:
    spec = RunSpec(data=FEATURES, model="line", learning_rate=0.0005, max_iterations=5,
                   penalty="l2", lam=0.5)
    vm = RunViewModel(spec)
    lines = describe_step(vm.run, 1, vm.objective)
    text = "\n".join(lines)
    for j, name in enumerate(NAMES, start=1):
        assert f"∂E/∂b{j} = −(2/n)·Σ (y − ŷ)·{name} = −(2/30) × " in text
        assert f"penalty part 2λ·b{j} = 2 × 0.5 × " in text
    assert "∂E/∂b0 = −(2/n)·Σ (y − ŷ)" in text
    assert "penalty part 2λ·b0" not in text


def test_a_session_keeps_every_feature(tmp_path: Path, qtbot: QtBot) -> None:
    spec = RunSpec(data=FEATURES, model="line", learning_rate=0.0005)
    saved = spec_to_json(spec)
    assert saved["data"]["feature_names"] == list(NAMES)
    assert saved["data"]["X"][2] == list(FEATURES.X[:, 2])
    again = spec_from_json(json.loads(json.dumps(saved)))
    assert again.data == FEATURES and again.data.feature_names == NAMES


def test_an_old_session_with_one_x_still_reads() -> None:
    old = {"data": {"x": [1.0, 2.0], "y": [2.0, 6.0], "x_name": "hours", "y_name": "score",
                    "name": "mine"}, "learning_rate": 0.1}
    spec = spec_from_json(old)
    assert spec.data.feature_names == ("hours",) and list(spec.data.x) == [1.0, 2.0]
    assert spec_to_json(spec)["data"]["x"] == [1.0, 2.0]


def test_a_session_with_ragged_feature_columns_is_refused_in_a_sentence() -> None:
    from gdapp.gui.settings_store import SessionError

    bad = {"data": {"X": [[1.0, 2.0], [3.0]], "y": [1.0, 2.0]}}
    with pytest.raises(SessionError, match="the feature columns are not of one length"):
        spec_from_json(bad)


def test_the_side_file_of_a_large_data_set_follows_every_column(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "session.json")
    X = np.arange(24.0).reshape(8, 3)
    one = Dataset(X, np.ones(8), feature_names=("a", "b", "c"))
    X2 = X.copy()
    X2[5, 2] += 1.0  # only the last feature differs
    two = Dataset(X2, np.ones(8), feature_names=("a", "b", "c"))
    assert store._data_file(one) != store._data_file(two)
    single = Dataset([1.0, 2.0], [2.0, 6.0])
    assert store._data_file(single) == store._data_file(Dataset([1.0, 2.0], [2.0, 6.0]))


def test_the_step_text_of_several_features_scrolls_in_a_frame(qtbot: QtBot) -> None:
    win = features_window(qtbot, model="line")
    assert win.step_scroll.isVisible() and win.step_scroll.widget() is win.step_label
    lines = win.step_label.text().count("\n") + 1
    assert lines > 12  # two lines per parameter: more than the frame shows at once
    assert win.step_scroll.height() < win.step_label.sizeHint().height()
    win.vm.update(data=EXAMPLES["document"], model="origin", start=None)
    assert not win.step_scroll.isVisible() and win.step_label.isVisible()
    assert win.step_label.parentWidget() is not win.step_scroll.viewport()
    assert "b1 ← " in win.step_label.text()


def test_the_grid_headers_and_the_data_label_name_the_features(qtbot: QtBot) -> None:
    win = features_window(qtbot, model="line")
    model = win.grid.table_model
    tips = {str(model.headerData(c, Qt.Orientation.Horizontal)):
            model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in range(model.columnCount())}
    assert tips["b2"] == "sleep_hours" and tips["∂/∂b5"] == "day_of_month"
    assert tips["Δb1"] == "study_hours" and tips["b0"] is None
    assert win.data_label.text() == "<b>Data</b> (x1 … x5, y)"
    win.vm.update(data=EXAMPLES["document"], model="origin", start=None)
    assert win.data_label.text() == "<b>Data</b> (x, y)"
    tip = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip is None  # one feature: b1's is x, as ever


def test_pasting_rows_fills_every_feature_column(qtbot: QtBot) -> None:
    win = features_window(qtbot)
    editor = win.data_editor
    editor.table.setCurrentCell(1, 0)
    assert editor.paste_text("9\t8\t0\t25\t3\t99\n1\t4\t5\t30\t9\t40\n")
    data = win.vm.spec.data
    assert list(data.X[1]) == [9, 8, 0, 25, 3] and data.y[1] == 99
    assert list(data.X[2]) == [1, 4, 5, 30, 9] and data.y[2] == 40
    assert data.n == FEATURES.n and data.feature_names == NAMES


def test_a_run_on_several_features_exports_and_opens_again(qtbot: QtBot,
                                                          tmp_path: Path) -> None:
    win = features_window(qtbot, model="line")
    book = tmp_path / "features.xlsx"
    with qtbot.waitSignal(win.files.exported, timeout=HANG_MS):
        win.files.export_workbook(book)
    win.vm.update(data=EXAMPLES["document"], model="origin", start=None)
    assert win.files.open_workbook(book)
    data = win.vm.spec.data
    assert data.feature_names == NAMES and data == FEATURES
    assert win.data_editor.table.columnCount() == 6
    assert win.cost_plots.currentWidget() is win.cost_slice
