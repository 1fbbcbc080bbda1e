"""The main window, driven as a user drives it: controls, stepping, pins, status, launch."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from patience import HANG_MS, HANG_S
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from gdapp.core import RunSpec
from gdapp.gui.app import launch
from gdapp.gui.window import MainWindow, describe_status


def test_changing_eta_changes_the_grid_and_the_plots(window: MainWindow,
                                                     qtbot: QtBot) -> None:
    grid = window.grid.table_model
    before = np.array(window.objective_plot.objective_curve.getData()[1])
    tangent_before = np.array(window.cost_plot.tangent.getData()[1])
    window.controls.eta.lineEdit().selectAll()
    qtbot.keyClicks(window.controls.eta.lineEdit(), "0.1")
    qtbot.keyClick(window.controls.eta.lineEdit(), Qt.Key.Key_Return)
    assert grid.rowCount() == 35
    assert grid.data(grid.index(1, 1)) == "8.9"
    after = np.array(window.objective_plot.objective_curve.getData()[1])
    assert len(after) != len(before) or not np.array_equal(before, after)
    assert not np.array_equal(tangent_before, window.cost_plot.tangent.getData()[1])


def test_step_and_step_back_move_the_grid_and_the_marker_together(
        window: MainWindow, qtbot: QtBot) -> None:
    window.reset_action.trigger()
    assert window.vm.current == 0
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Space)
    qtbot.keyClick(window.grid, Qt.Key.Key_Space)
    assert window.vm.current == 2
    qtbot.keyClick(window.grid, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert window.vm.current == 1
    model = window.grid.table_model
    assert model.row_color(1) is not None and model.row_note(1).startswith("current")
    marker_x = window.cost_plot.marker.getData()[0]
    assert marker_x is not None and marker_x[0] == pytest.approx(14.39)
    assert "distance from k = 1" in window.status_label.text()


def test_step_stays_in_the_run(window: MainWindow) -> None:
    window.step_back_action.trigger()
    window.reset_action.trigger()
    window.step_back_action.trigger()
    assert window.vm.current == 0
    window.run_to_end_action.trigger()
    window.step_action.trigger()
    assert window.vm.current == window.vm.run.iterations


def test_play_advances_and_stops_at_the_end(window: MainWindow, qtbot: QtBot) -> None:
    window.vm.update(learning_rate=0.1)      # 34 updates
    window.speed.setValue(1000)
    window.reset_action.trigger()
    window.play_action.trigger()
    assert window.play_timer.isActive()
    qtbot.waitUntil(lambda: not window.play_timer.isActive(), timeout=HANG_MS)
    assert window.vm.current == 34
    assert window.play_action.text() == "Play"


def test_while_stepping_a_new_eta_keeps_k(window: MainWindow) -> None:
    window.reset_action.trigger()
    window.step_action.trigger()
    window.vm.update(learning_rate=0.1)
    assert window.vm.current == 1
    window.run_to_end_action.trigger()
    window.vm.update(learning_rate=0.05)
    assert window.vm.current == window.vm.run.iterations


def test_pinning_adds_a_run_to_the_list_and_to_both_plots(window: MainWindow) -> None:
    window.pin_action.trigger()
    window.vm.update(learning_rate=0.1)
    assert [p.label for p in window.vm.pinned] == ["η = 0.01"]
    assert window.pins.list.count() == 1
    for plot in (window.objective_plot, window.cost_plot):
        shown = [item for item in plot.pinned_items if item.isVisible()]
        assert len(shown) == 1          # the pinned η = 0.01 beside the current η = 0.1
        assert len(shown[0].getData()[0]) > 0


def test_status_line_tells_the_ending_the_optimum_and_the_stability_limit(
        window: MainWindow) -> None:
    text = window.status_label.text()
    assert "converged at k = 396" in text
    assert "b1* = 2.8" in text
    assert "η < 2/E'' = 0.4" in text
    assert window.warning_label.isHidden()


def test_eta_04_warns_in_colour_that_it_sits_on_the_limit(window: MainWindow) -> None:
    window.vm.update(learning_rate=0.4, max_iterations=200)
    assert window.warning_label.isVisible()
    assert "sits on the stability limit" in window.warning_label.text()
    assert "#b00020" in window.warning_label.styleSheet()
    assert "stopped at max iterations (200)" in window.status_label.text()


def test_eta_041_diverges_and_says_so() -> None:
    from gdapp.core import run

    info, warning = describe_status(r := run(RunSpec(learning_rate=0.41)), r.iterations)
    assert info.startswith(f"diverged at k = {r.diverged_at}")
    assert "diverges" in warning


def test_mae_on_the_line_model_states_the_optimums_note() -> None:
    from gdapp.core import run

    r = run(RunSpec(cost="mae", model="line"))
    info, _ = describe_status(r, 0)
    assert r.optimum.note and r.optimum.note in info


def test_launch_with_a_screenshot_writes_a_1280_by_800_png(tmp_path: Path,
                                                          qtbot: QtBot) -> None:
    shot = tmp_path / "shot.png"
    assert launch(RunSpec(learning_rate=0.1), screenshot=str(shot)) == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)


def test_launch_without_pyside_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pyside(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("PySide6"):
            raise ImportError("No module named 'PySide6'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyside)
    with pytest.raises(RuntimeError, match=r"needs PySide6, which a headless install leaves "
                       r"out: pip install 'PySide6-Essentials>=6.8,<6.12' pyqtgraph"):
        launch()


def test_importing_the_entry_point_needs_no_qt() -> None:
    import subprocess
    import sys

    code = "import sys, gdapp.gui.app; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=HANG_S).stdout
    assert out.strip() == "False"
