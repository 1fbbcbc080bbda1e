"""The window at its default 1280×800 as a user sees it: nothing in the side panel is cut off,
a refused value does not linger in its box, pin refusals appear beside the pins, arrow steps
give the number the box shows, and a run the stopping rule ended early says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot
from qt_typing import type_into

from gdapp.core import RunSpec
from gdapp.gui.viewmodel import MAX_PINS, RunViewModel
from gdapp.gui.window import MainWindow, describe_status

QT_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")



def open_window(qtbot: QtBot, spec: RunSpec) -> MainWindow:
    window = MainWindow(RunViewModel(spec))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def cut_off(window: MainWindow) -> list[str]:
    """Visible widgets of the side panel that reach past its right edge."""
    scroll = window.findChild(QScrollArea)
    assert scroll is not None
    viewport = scroll.viewport()
    cut = []
    for w in scroll.widget().findChildren(QWidget):
        if w.isVisible() and w.width() > 0:
            right = w.mapTo(viewport, QPoint(w.width(), 0)).x()
            if right > viewport.width():
                cut.append(f"{type(w).__name__} {w.objectName() or w.toolTip()[:30]!r}: "
                           f"right edge {right} > {viewport.width()}")
    return cut


@QT_NOISE
@pytest.mark.parametrize("spec", [RunSpec(), RunSpec(model="line"),
                                  RunSpec(model="line", penalty="l1", lam=5.0)],
                         ids=["origin", "line", "line-l1"])
def test_nothing_in_the_side_panel_is_cut_off_at_1280_by_800(qtbot: QtBot,
                                                             spec: RunSpec) -> None:
    window = open_window(qtbot, spec)
    assert window.controls.start_b1.isVisible()
    assert window.controls.start_b0.isVisible() == (spec.model == "line")
    window.controls.show_message("a long refusal message that wraps over two lines of the "
                                 "settings panel, as the longer ones do")
    qtbot.wait(10)
    assert cut_off(window) == []
    scroll = window.findChild(QScrollArea)
    assert scroll is not None and not scroll.horizontalScrollBar().isVisible()


@QT_NOISE
def test_switching_to_the_line_model_keeps_the_panel_whole(qtbot: QtBot) -> None:
    window = open_window(qtbot, RunSpec())
    window.vm.update(model="line")
    qtbot.wait(10)
    assert window.controls.start_b0.isVisible()
    assert cut_off(window) == []


@QT_NOISE
def test_a_refused_start_goes_back_to_the_start_the_run_uses(qtbot: QtBot) -> None:
    window = open_window(qtbot, RunSpec())
    box = window.controls.start_b1
    type_into(qtbot, box, "1e200")  # a number, but the objective at it overflows
    assert window.vm.spec.resolved_start() == (15.0,)
    assert box.value() == 15.0 and box.text() == "b1 = 15"
    assert window.controls.message.isVisible()
    assert window.controls.message.text().startswith("the objective at the start is too "
                                                     "large to compute")
    type_into(qtbot, box, "12")  # an accepted value clears the message
    assert window.vm.spec.resolved_start() == (12.0,)
    assert not window.controls.message.isVisible()


@QT_NOISE
def test_pin_refusals_appear_beside_the_pins_and_a_full_set_disables_pin(
        qtbot: QtBot) -> None:
    window = open_window(qtbot, RunSpec())
    pins = window.pins
    pin_button = pins.findChild(QPushButton)
    assert pin_button is pins.pin_button
    pins.pin_button.click()
    pins.pin_button.click()  # the same run again
    assert pins.message.isVisible() and pins.message.text() == "This run is already pinned."
    assert not window.controls.message.isVisible()
    for i in range(1, MAX_PINS):
        window.vm.update(learning_rate=0.01 + i / 100)
        pins.pin_button.click()
    assert len(window.vm.pinned) == MAX_PINS
    assert not pins.message.isVisible()  # a successful pin clears the refusal
    assert not pins.pin_button.isEnabled()
    assert "unpin one" in pins.pin_button.toolTip()
    window.vm.update(learning_rate=0.3)
    window.pin_action.trigger()  # Ctrl+P still answers, beside the pins
    assert pins.message.text() == f"At most {MAX_PINS} runs can be pinned; unpin one first."
    pins.clear_button.click()
    assert pins.pin_button.isEnabled() and not pins.message.isVisible()


@QT_NOISE
@pytest.mark.parametrize(("start", "steps", "expected"), [
    (0.01, -1, 0.0099), (0.01, 1, 0.011), (0.0099, 1, 0.01), (0.07, -1, 0.069)])
def test_an_arrow_step_of_eta_gives_the_number_the_box_shows(
        qtbot: QtBot, start: float, steps: int, expected: float) -> None:
    window = open_window(qtbot, RunSpec(learning_rate=start))
    changes: list[float] = []
    window.controls.eta.valueChanged.connect(changes.append)
    window.controls.eta.stepBy(steps)
    assert window.vm.spec.learning_rate == expected
    assert changes == [expected]  # one change, with the rounded value
    assert window.controls.eta.text() == f"{expected:g}"


def test_a_run_the_stopping_rule_ended_far_from_the_optimum_is_flagged() -> None:
    from gdapp.core import run

    tiny = run(RunSpec(learning_rate=1e-20))
    assert tiny.status == "converged" and tiny.converged_at == 1
    _info, warning = describe_status(tiny, tiny.iterations)
    assert warning == ("converged only by the stopping rule: every step was below the "
                       "tolerance 1e-09, yet the last iterate is still 12.2 from the optimum "
                       "(η = 1e-20 is too small, or the tolerance too large)")
    note = run(RunSpec())
    assert describe_status(note, note.iterations)[1] == ""
