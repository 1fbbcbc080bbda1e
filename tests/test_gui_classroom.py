"""Classroom mode: larger fonts and thicker lines, by menu or Ctrl+= / Ctrl+−, remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import CLASSROOM_ZOOM, MainWindow


def _widths(window: MainWindow) -> tuple[float, float, float]:
    return (window.cost_plot.cost_curve.opts["pen"].widthF(),
            window.cost_plot.tangent.opts["pen"].widthF(),
            window.data_plot.line_item.opts["pen"].widthF())


def test_classroom_mode_enlarges_fonts_and_lines(window: MainWindow) -> None:
    grid_points = window.grid.font().pointSizeF()
    status_points = window.step_label.font().pointSizeF()
    lines = _widths(window)
    window.classroom_action.trigger()
    assert window.zoom == CLASSROOM_ZOOM
    assert window.grid.font().pointSizeF() > 1.4 * grid_points
    assert window.step_label.font().pointSizeF() > 1.4 * status_points
    assert all(after == 1.5 * before for after, before in
               zip(_widths(window), lines, strict=True))
    assert window.cost_plot.marker.opts["symbolSize"] == 13 * 1.5
    window.classroom_action.trigger()
    assert window.zoom == 1.0 and _widths(window) == lines


def test_ctrl_plus_and_minus_step_the_size(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom == 1.25 and window.classroom_action.isChecked()
    qtbot.keyClick(window.grid, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom == 1.0 and not window.classroom_action.isChecked()
    qtbot.keyClick(window.grid, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom == 1.0  # never smaller than normal


def test_a_run_pinned_in_classroom_mode_is_drawn_thick_too(window: MainWindow) -> None:
    window.set_zoom(2.0)
    window.vm.pin_current()
    assert window.cost_plot.pinned_items[0].opts["pen"].widthF() == 1.5 * 2.0


def test_classroom_mode_and_play_speed_are_remembered(window: MainWindow, qtbot: QtBot) -> None:
    window.set_zoom(CLASSROOM_ZOOM)
    window.speed.setValue(200)
    state = window.window_state()
    again = MainWindow(RunViewModel())
    qtbot.addWidget(again)
    again.restore_window_state(state)
    assert again.zoom == CLASSROOM_ZOOM and again.classroom_action.isChecked()
    assert again.speed.value() == 200


def test_on_a_double_density_screen_lines_are_as_thick_as_on_a_normal_one(
        window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    plot = window.cost_plot
    width = plot.cost_curve.opts["pen"].widthF()
    monkeypatch.setattr(plot, "devicePixelRatioF", lambda: 2.0)  # as at QT_SCALE_FACTOR=2
    plot.hide()
    plot.show()  # shown on that screen
    assert plot.cost_curve.opts["pen"].widthF() == 2 * width
    window.vm.pin_current()  # items made later too
    assert plot.pinned_items[0].opts["pen"].widthF() == 2 * 1.5
