"""The settings panel: every control writes the view-model; refused values say why."""

from __future__ import annotations

import math

import pytest
from patience import HANG_MS
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from qt_typing import type_into

from gdapp.core import COST_RULES, MODEL_RULES, RunSpec, spec_fields
from gdapp.gui.controls import ControlsPanel, PinnedRunsPanel
from gdapp.gui.viewmodel import RunViewModel

# The offscreen platform cannot propagate size hints; it says so when a window is shown.


def make(qtbot: QtBot, spec: RunSpec | None = None) -> tuple[RunViewModel, ControlsPanel]:
    vm = RunViewModel(spec)
    panel = ControlsPanel(vm)
    qtbot.addWidget(panel)
    return vm, panel



def test_controls_show_the_spec(qtbot: QtBot) -> None:
    _, panel = make(qtbot)
    assert panel.eta.text() == "0.01"
    assert panel.tolerance.text() == "1e-09"
    assert panel.start_b1.text() == "b1 = 15"
    assert panel.max_iterations.value() == 10_000
    assert panel.model.currentData() == "origin"
    assert math.isclose(panel.eta_slider.value(), -2.0)


def test_typing_eta_reruns_at_once(qtbot: QtBot) -> None:
    vm, panel = make(qtbot)
    with qtbot.waitSignal(vm.runChanged):
        type_into(qtbot, panel.eta, "0.1")
    assert vm.spec.learning_rate == 0.1
    assert vm.run.params[1, 0] == pytest.approx(15 - 0.1 * 61, rel=1e-15)


def test_eta_accepts_a_decimal_comma_and_scientific_notation(qtbot: QtBot) -> None:
    vm, panel = make(qtbot)
    type_into(qtbot, panel.eta, "0,05")
    assert vm.spec.learning_rate == 0.05
    type_into(qtbot, panel.eta, "2e-3")
    assert vm.spec.learning_rate == 0.002


def test_text_that_is_not_a_number_is_refused_with_an_inline_message(qtbot: QtBot) -> None:
    vm, panel = make(qtbot)
    panel.show()
    type_into(qtbot, panel.eta, "fast")
    assert panel.message.text() == "η: 'fast' is not a number"
    assert panel.eta.text() == "0.01"          # the box goes back to the last valid η
    assert vm.spec.learning_rate == 0.01


def test_eta_out_of_range_is_refused_with_the_range(qtbot: QtBot) -> None:
    vm, panel = make(qtbot)
    type_into(qtbot, panel.eta, "1e7")
    assert panel.message.text() == "η must be between 1e-300 and 1e+06, got 1e+07"
    assert vm.spec.learning_rate == 0.01


def test_an_eta_below_the_sliders_range_is_shown_as_it_is(qtbot: QtBot) -> None:
    vm, panel = make(qtbot, RunSpec(learning_rate=1e-8, max_iterations=10))
    assert panel.eta.text() == "1e-08"
    assert math.isclose(panel.eta_slider.value(), -3.0)
    assert vm.spec.learning_rate == 1e-8


def test_a_view_model_error_appears_under_the_controls(qtbot: QtBot) -> None:
    vm, panel = make(qtbot)
    vm.update(tolerance=-1.0)
    assert panel.message.text() == "tolerance must be > 0, got -1.0"


def test_the_log_slider_sets_eta_through_a_throttle(qtbot: QtBot) -> None:
    vm, panel = make(qtbot)
    for v in (-1.9, -1.5, -1.0):       # a drag: many values, few reruns
        panel.eta_slider.setValue(v)
    qtbot.waitUntil(lambda: vm.spec.learning_rate == 0.1, timeout=HANG_MS)
    assert panel.eta.text() == "0.1"


def test_choosing_l2_enables_lambda_and_the_run_shrinks_toward_14_over_6(
        qtbot: QtBot) -> None:
    vm, panel = make(qtbot)
    assert not panel.lam.isEnabled()
    panel.penalty.setCurrentIndex(panel.penalty.findData("l2"))
    assert panel.lam.isEnabled()
    type_into(qtbot, panel.lam, "0.5")
    assert vm.spec.penalty == "l2" and vm.spec.lam == 0.5
    assert vm.run.final[0] == pytest.approx(14 / 6, rel=1e-7)


def test_the_line_model_shows_a_second_start_box(qtbot: QtBot) -> None:
    vm, panel = make(qtbot)
    panel.show()
    assert not panel.start_b0.isVisible()
    panel.model.setCurrentIndex(panel.model.findData("line"))
    assert panel.start_b0.isVisible()
    panel.start_b0.lineEdit().setText("b0 = -3")
    qtbot.keyClick(panel.start_b0.lineEdit(), Qt.Key.Key_Return)
    assert vm.spec.start == (-3.0, 15.0)


def test_max_iterations_and_tolerance_reach_the_run(qtbot: QtBot) -> None:
    vm, panel = make(qtbot)
    panel.max_iterations.setValue(50)
    assert vm.run.iterations == 50 and vm.run.status == "max_iterations"
    type_into(qtbot, panel.tolerance, "1e-3")
    assert vm.spec.tolerance == 1e-3


def test_each_control_has_the_fields_help_as_its_tooltip(qtbot: QtBot) -> None:
    _, panel = make(qtbot)
    fields = spec_fields()
    for widget, name in ((panel.eta, "learning_rate"), (panel.lam, "lam"),
                         (panel.penalty, "penalty"), (panel.l1_method, "l1_method"),
                         (panel.start_b1, "start"), (panel.max_iterations, "max_iterations"),
                         (panel.tolerance, "tolerance")):
        assert widget.toolTip() == fields[name].metadata["help"]
    # the model's and the cost's come from their tables: every entry's help, a line each
    for widget, table in ((panel.cost, COST_RULES), (panel.model, MODEL_RULES)):
        lines = widget.toolTip().split("\n")
        assert len(lines) == 1 + len(table)
        for line, rule in zip(lines[1:], table.values(), strict=True):
            assert line.endswith(rule.help)


def test_a_spec_from_elsewhere_shows_without_writing_back(qtbot: QtBot) -> None:
    vm, panel = make(qtbot)
    runs: list[int] = []
    vm.runChanged.connect(lambda: runs.append(1))
    vm.set_spec(RunSpec(learning_rate=0.2, cost="mae", max_iterations=77))
    assert runs == [1]
    assert panel.eta.text() == "0.2"
    assert panel.cost.currentData() == "mae"
    assert panel.max_iterations.value() == 77


def test_pin_panel_lists_pinned_runs(qtbot: QtBot) -> None:
    vm = RunViewModel()
    panel = PinnedRunsPanel(vm)
    qtbot.addWidget(panel)
    panel.pin_button.click()
    vm.update(learning_rate=0.1)
    panel.pin_button.click()
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == [
        "η = 0.01  (converged: b1 = 2.8)", "η = 0.1  (converged: b1 = 2.8)"]
    panel.unpin_button.click()
    assert panel.list.count() == 1
    panel.clear_button.click()
    assert panel.list.count() == 0 and vm.pinned == []


def test_the_eta_slider_moves_in_small_round_steps(qtbot: QtBot) -> None:
    vm, panel = make(qtbot)
    panel.resize(300, 600)
    panel.show()
    width = panel.eta_slider.width()
    # 25 pixels of drag from η = 0.01 (the note's) …
    span = panel.eta_slider.maximum() - panel.eta_slider.minimum()
    panel.eta_slider.setValue(-2.0 + 25 * span / width)
    qtbot.waitUntil(lambda: vm.spec.learning_rate != 0.01, timeout=HANG_MS)
    eta = vm.spec.learning_rate
    assert 0.01 < eta <= 0.05  # … not to 0.219
    assert f"{eta:g}" in {"0.012", "0.015", "0.02", "0.025", "0.03", "0.04", "0.05"}


def test_lambda_has_a_throttled_slider(qtbot: QtBot) -> None:
    vm, panel = make(qtbot)
    assert not panel.lam_slider.isEnabled()
    vm.update(penalty="l1")
    assert panel.lam_slider.isEnabled()
    for v in (3.0, 9.0, 15.04):
        panel.lam_slider.setValue(v)
    qtbot.waitUntil(lambda: vm.spec.lam == 15.0, timeout=HANG_MS)
    assert panel.lam.text() == "15"
    assert vm.run.final == (0.0,)  # λ > 14: L1 sets b1 to exactly 0
