"""The window's optimizers, schedules, mini-batches and the sine model's cost of many valleys."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import numpy as np
import pytest
from patience import HANG_S
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget
from pytestqt.qtbot import QtBot
from qt_typing import type_into

from gdapp.core import EXAMPLES, RunSpec, make_spec, run
from gdapp.gui.controls import ControlsPanel
from gdapp.gui.cost_minima import rounded
from gdapp.gui.optimizer_controls import NumberSpinBox, OptimizerControls, optimizer_fields
from gdapp.gui.optimizer_texts import optimizer_field_texts
from gdapp.gui.plots import CostCurvePlot
from gdapp.gui.step_text import describe_step
from gdapp.gui.table_model import IterationTableModel
from gdapp.gui.viewmodel import RunViewModel

NONCONVEX = make_spec(data=EXAMPLES["nonconvex"], model="sine", learning_rate=0.05,
                      start=(3.0,))


def panel_for(qtbot: QtBot, spec: RunSpec | None = None
              ) -> tuple[RunViewModel, ControlsPanel, OptimizerControls]:
    vm = RunViewModel(spec)
    panel = ControlsPanel(vm)
    qtbot.addWidget(panel)
    return vm, panel, panel.optimizer_controls


def shown_rows(panel: ControlsPanel, oc: OptimizerControls) -> set[str]:
    form = panel.layout()
    return {name for name, box in oc.boxes.items() if form.isRowVisible(box)}


def choose(box: QWidget, value: str) -> None:
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData(value))


def cost_plot_for(qtbot: QtBot, spec: RunSpec) -> tuple[RunViewModel, CostCurvePlot]:
    vm = RunViewModel(spec)
    plot = CostCurvePlot(vm)
    qtbot.addWidget(plot)
    plot.resize(700, 500)
    plot.show()
    qtbot.waitExposed(plot)
    return vm, plot


# ---- the generated boxes -----------------------------------------------------------------
def test_a_box_per_optimizer_schedule_and_batch_field_with_its_label_and_help(
        qtbot: QtBot) -> None:
    _, _, oc = panel_for(qtbot)
    # every flagged field but a cost's settings (Huber's δ: the cost controls' rows)
    expected = [f.name for f in fields(RunSpec) if "flag" in f.metadata
                and f.metadata.get("cost_setting") is None]
    assert list(oc.boxes) == expected == [f.name for f in optimizer_fields()]
    assert {"optimizer", "beta1", "momentum", "schedule", "gamma", "batch_size",
            "seed"} <= set(expected)
    meta = {f.name: f.metadata for f in fields(RunSpec)}
    for name, box in oc.boxes.items():
        assert oc.labels[name].text() == meta[name]["label"]
        assert box.toolTip() == meta[name]["help"] == oc.labels[name].toolTip()
    assert isinstance(oc.boxes["amsgrad"], QCheckBox)
    assert isinstance(oc.boxes["optimizer"], QComboBox)


def test_the_optimizer_texts_are_the_run_specs_own() -> None:
    meta = {f.name: (f.metadata["label"], f.metadata["help"]) for f in fields(RunSpec)}
    texts = optimizer_field_texts()
    assert set(texts) == {f.name for f in optimizer_fields()}
    for name, pair in texts.items():
        assert pair == meta[name], name


def test_gradient_descent_shows_no_hyper_parameter(qtbot: QtBot) -> None:
    _, panel, oc = panel_for(qtbot)
    assert shown_rows(panel, oc) == {"optimizer", "schedule", "batch_size"}


def test_adam_shows_beta1_beta2_eps_amsgrad_and_not_momentum(qtbot: QtBot) -> None:
    vm, panel, oc = panel_for(qtbot)
    choose(oc.boxes["optimizer"], "adam")
    assert vm.spec.optimizer == "adam"
    rows = shown_rows(panel, oc)
    assert {"beta1", "beta2", "eps", "amsgrad"} <= rows
    assert not {"momentum", "dampening", "alpha", "centered"} & rows
    choose(oc.boxes["optimizer"], "momentum")
    rows = shown_rows(panel, oc)
    assert {"momentum", "dampening"} <= rows
    assert not {"beta1", "beta2", "eps", "amsgrad"} & rows
    choose(oc.boxes["optimizer"], "gd")
    assert shown_rows(panel, oc) == {"optimizer", "schedule", "batch_size"}


def test_the_boxes_show_torchs_defaults_for_the_chosen_optimizer(qtbot: QtBot) -> None:
    vm, _, oc = panel_for(qtbot)
    choose(oc.boxes["optimizer"], "momentum")
    momentum = oc.boxes["momentum"]
    assert isinstance(momentum, NumberSpinBox)
    assert momentum.value() == 0.9
    choose(oc.boxes["optimizer"], "rmsprop")
    assert momentum.value() == 0.0
    eps = oc.boxes["eps"]
    assert isinstance(eps, NumberSpinBox)
    assert eps.value() == 1e-8
    choose(oc.boxes["optimizer"], "adagrad")
    assert eps.value() == 1e-10
    assert vm.spec.momentum is None and vm.spec.eps is None  # still the defaults


def test_typing_beta1_reruns_adam_as_the_engine_does(qtbot: QtBot) -> None:
    vm, _, oc = panel_for(qtbot, make_spec(optimizer="adam", learning_rate=0.5))
    before = vm.run.params.copy()
    beta1 = oc.boxes["beta1"]
    assert isinstance(beta1, NumberSpinBox)
    with qtbot.waitSignal(vm.runChanged):
        type_into(qtbot, beta1, "0.8")
    assert vm.spec.beta1 == 0.8
    expected = run(make_spec(optimizer="adam", learning_rate=0.5, beta1=0.8))
    assert np.array_equal(vm.run.params, expected.params)
    assert not np.array_equal(vm.run.params[: len(before)][:5], before[:5])


def test_a_schedule_shows_its_parameters_and_changes_eta_per_update(qtbot: QtBot) -> None:
    vm, panel, oc = panel_for(qtbot)
    choose(oc.boxes["schedule"], "step")
    rows = shown_rows(panel, oc)
    assert {"gamma", "step_size"} <= rows and "power_t" not in rows
    gamma = oc.boxes["gamma"]
    assert isinstance(gamma, NumberSpinBox)
    assert gamma.value() == 0.5  # the step schedule's default γ
    with qtbot.waitSignal(vm.runChanged):
        type_into(qtbot, oc.boxes["step_size"], "10")  # type: ignore[arg-type]
    expected = run(make_spec(schedule="step", step_size=10))
    assert np.array_equal(vm.run.params, expected.params)
    assert vm.run.lr[10] == 0.01 and vm.run.lr[11] == 0.005


def test_batch_size_shuffle_and_seed_make_the_engines_mini_batch_run(qtbot: QtBot) -> None:
    vm, panel, oc = panel_for(qtbot)
    assert "shuffle" not in shown_rows(panel, oc)
    with qtbot.waitSignal(vm.runChanged):
        type_into(qtbot, oc.boxes["batch_size"], "1")  # type: ignore[arg-type]
    assert vm.spec.batch_size == 1
    assert "shuffle" in shown_rows(panel, oc) and "seed" not in shown_rows(panel, oc)
    shuffle = oc.boxes["shuffle"]
    assert isinstance(shuffle, QCheckBox)
    shuffle.setChecked(True)
    assert "seed" in shown_rows(panel, oc)
    with qtbot.waitSignal(vm.runChanged):
        type_into(qtbot, oc.boxes["seed"], "3")  # type: ignore[arg-type]
    expected = run(make_spec(batch_size=1, shuffle=True, seed=3))
    assert np.array_equal(vm.run.params, expected.params)
    # the whole batch again: the note's full-batch run
    with qtbot.waitSignal(vm.runChanged):
        type_into(qtbot, oc.boxes["batch_size"], "2")  # type: ignore[arg-type]
    assert vm.spec.batch_size is None and vm.spec.plain_descent


def test_a_refused_hyper_parameter_says_why_and_keeps_the_run(qtbot: QtBot) -> None:
    vm, panel, oc = panel_for(qtbot, make_spec(optimizer="adam"))
    before = vm.run
    type_into(qtbot, oc.boxes["beta1"], "1.5")  # type: ignore[arg-type]
    assert vm.run is before
    assert "β1 must be in [0, 1)" in panel.message.text()


def test_the_model_box_offers_the_sine_model(qtbot: QtBot) -> None:
    vm, panel, _ = panel_for(qtbot)
    choose(panel.model, "sine")
    assert vm.spec.model == "sine" and vm.spec.resolved_start() == (15.0,)


# ---- stability and L1 ---------------------------------------------------------------------
def test_the_stability_line_gives_gd_and_heavy_ball_limits(qtbot: QtBot) -> None:
    vm, _, oc = panel_for(qtbot)
    assert oc.stability.text() == "stable for η < 0.4 (GD: η < 2/L, L: the largest curvature)"
    choose(oc.boxes["optimizer"], "momentum")
    assert vm.run.stability_limit == pytest.approx(0.76)  # (2 + 2·0.9)/5
    assert oc.stability.text() == ("stable for η < 0.76 (heavy ball: η·L < 2 + 2μ, "
                                   "μ = 0.9)")
    choose(oc.boxes["optimizer"], "adam")
    assert oc.stability.text().startswith("no simple limit of η for adam")


def test_an_eta_past_the_limit_turns_the_stability_line_red(qtbot: QtBot) -> None:
    vm, _, oc = panel_for(qtbot)
    assert "b00020" not in oc.stability.styleSheet()
    vm.update(learning_rate=0.5)
    assert "b00020" in oc.stability.styleSheet()


def test_l1_with_another_optimizer_says_it_takes_the_subgradient(qtbot: QtBot) -> None:
    vm, panel, oc = panel_for(qtbot, make_spec(penalty="l1", lam=1.0))
    form = panel.layout()
    assert not form.isRowVisible(oc.l1_note)
    assert panel.l1_method.isEnabled()
    choose(oc.boxes["optimizer"], "momentum")
    assert vm.run.l1_rule == "subgradient"
    assert form.isRowVisible(oc.l1_note)
    assert "subgradient λ·sign(b1)" in oc.l1_note.text()
    assert not panel.l1_method.isEnabled()  # the L1 step is gradient descent's choice
    # the line sits right under the L1 step
    row_l1, _ = form.getWidgetPosition(panel.l1_method)
    assert form.getWidgetPosition(oc.l1_note)[0] == row_l1 + 1


# ---- the grid -----------------------------------------------------------------------------
def _column(model: IterationTableModel, key: str) -> int:
    keys = [model.column_key(c) for c in range(model.columnCount())]
    return keys.index(key)


def test_the_grid_shows_adams_state_as_the_engine_computes_it(qtbot: QtBot) -> None:
    vm = RunViewModel(make_spec(optimizer="adam", learning_rate=0.5))
    model = IterationTableModel(vm)
    r = run(make_spec(optimizer="adam", learning_rate=0.5))
    m, v = _column(model, "m b1"), _column(model, "v b1")
    for row in (1, 2, 50, r.iterations):
        assert model.cell_value(row, m) == r.state["m"][row, 0]
        assert model.cell_value(row, v) == r.state["v"][row, 0]
    assert model.cell_text(1, m) == "6.1"  # (1 − 0.9)·61
    keys = [model.column_key(c) for c in range(model.columnCount())]
    assert "v_max b1" not in keys  # all zeros without AMSGrad
    vm.update(optimizer="gd")
    assert "m b1" not in [model.column_key(c) for c in range(model.columnCount())]


def test_the_grid_shows_eta_k_of_a_schedule_and_the_momentum_velocity(qtbot: QtBot) -> None:
    spec = make_spec(optimizer="momentum", schedule="exponential", gamma=0.9)
    model = IterationTableModel(RunViewModel(spec))
    r = run(spec)
    eta, vel = _column(model, "η_k"), _column(model, "velocity b1")
    assert model.cell_text(0, eta) == "nan"
    for row in (1, 2, 3, r.iterations):
        assert model.cell_value(row, eta) == r.lr[row]
        assert model.cell_value(row, vel) == r.state["velocity"][row, 0]
    assert model.cell_value(3, eta) == pytest.approx(0.01 * 0.9 ** 2)


def test_a_mini_batch_run_shows_its_batch_and_the_batch_gradient(qtbot: QtBot) -> None:
    spec = make_spec(batch_size=1, shuffle=True, seed=3)
    model = IterationTableModel(RunViewModel(spec))
    r = run(spec)
    batch, grad = _column(model, "batch"), _column(model, "∂/∂b1 (batch)")
    assert batch == _column(model, "objective") + 1  # beside the full-data objective
    assert model.cell_text(0, batch) == ""
    g = r.batch_gradient
    assert g is not None
    for t in (1, 2, 3, 4):
        assert model.cell_text(t, batch) == str(int(r.batch(t)[0]) + 1)
        assert model.cell_value(t, grad) == g[t, 0]
    assert {model.cell_text(t, batch) for t in range(1, 9)} == {"1", "2"}
    tsv = model.rows_as_tsv([1], [0, batch]).splitlines()
    assert tsv[1] == f"1\t{int(r.batch(1)[0]) + 1}"


def test_the_step_line_of_adam_is_its_own_update(qtbot: QtBot) -> None:
    vm = RunViewModel(make_spec(optimizer="adam", learning_rate=0.5))
    lines = describe_step(vm.run, 0, vm.objective)
    # the first Adam step is about η·sign(g) (m̂/√v̂ = g/(|g| + ε)): 15 − 0.5 × 1 ≈ 14.5
    new = vm.run.params[1, 0]
    assert new == pytest.approx(14.5)
    [line] = [x for x in lines if "η·d" in x]
    assert line.strip().startswith("b1 ← b1 − η·d = 15 − 0.5 × 0.99999999")
    assert f"= {new:.10g}" in line
    assert any(x.strip().startswith("m̂ = m/(1 − β1^t) = 6.1/(1 − 0.9^1) = 61") for x in lines)
    assert not any(x.strip().startswith("b1 ← 15 − 0.01") for x in lines)


# ---- the cost curve -----------------------------------------------------------------------
def test_the_sine_curve_spans_the_searched_range_with_a_mark_on_every_minimum(
        qtbot: QtBot) -> None:
    vm, plot = cost_plot_for(qtbot, NONCONVEX)
    samples = plot.samples
    assert samples[0] <= -1.0 and samples[-1] >= 5.0
    minima = vm.run.optimum.local_minima
    assert len(minima) == 6
    x, y = plot.minima.local_item.getData()
    assert np.array_equal(x, [m[0] for m in minima])
    assert np.allclose(y, vm.objective.value(np.asarray(minima)))
    assert plot.minima.global_label.isVisible()
    assert plot.minima.global_label.value() == vm.run.optimum.params[0]
    assert "global minimum b1 = 1.5" in plot.minima.global_label.label.toPlainText()
    labels = [label.text for _, label in plot.legend.items]
    assert "local minima (6, dense search)" in labels
    assert plot.tangent.isVisible()
    tx, ty = plot.tangent.getData()
    k = vm.current
    slope = (ty[-1] - ty[0]) / (tx[-1] - tx[0])
    assert slope == pytest.approx(vm.run.gradient[k, 0], rel=1e-6, abs=1e-9)


def test_a_convex_cost_has_no_minima_marks(qtbot: QtBot) -> None:
    _, plot = cost_plot_for(qtbot, make_spec())
    assert not plot.minima.local_item.isVisible()
    assert not plot.minima.global_label.isVisible()


def test_a_click_on_the_cost_curve_starts_a_run_at_the_clicked_b1(qtbot: QtBot) -> None:
    vm, plot = cost_plot_for(qtbot, NONCONVEX)
    vb = plot.plot_item.getViewBox()
    (x0, x1), _ = vb.viewRange()
    widget_point = plot.plot_widget.mapFromScene(vb.mapViewToScene(QPointF(1.2, 0.5)))
    with qtbot.waitSignal(vm.runChanged):
        qtbot.mouseClick(plot.plot_widget.viewport(), Qt.MouseButton.LeftButton,
                         pos=widget_point)
    (b1,) = vm.spec.resolved_start()
    assert b1 == pytest.approx(1.2, abs=(x1 - x0) / 200)
    assert b1 == rounded(b1, x1 - x0)
    expected = run(dataclasses.replace(NONCONVEX, start=(b1,)))
    assert np.array_equal(vm.run.params, expected.params)
    assert vm.run.final[0] == pytest.approx(1.5, abs=1e-3)  # from 1.2: the global valley


def test_a_click_on_the_line_models_map_starts_from_the_clicked_b0_b1(qtbot: QtBot) -> None:
    vm, plot = cost_plot_for(qtbot, make_spec(model="line"))
    vb = plot.plot_item.getViewBox()
    (x0, x1), (y0, y1) = vb.viewRange()
    bx, by = x0 + 0.3 * (x1 - x0), y0 + 0.6 * (y1 - y0)
    plot.click_to_start.start_at(QPointF(bx, by))
    b0, b1 = vm.spec.resolved_start()
    assert b0 == pytest.approx(bx, abs=(x1 - x0) / 500)
    assert b1 == pytest.approx(by, abs=(y1 - y0) / 500)


def test_pinned_adam_and_the_current_gd_run_share_the_cost_curve(qtbot: QtBot) -> None:
    vm, plot = cost_plot_for(qtbot, make_spec(optimizer="adam", learning_rate=0.5))
    vm.pin_current()
    adam = vm.pinned[0].run
    vm.update(optimizer="gd", learning_rate=0.1)
    [path] = plot.pinned_items
    assert path.isVisible()
    x, _ = path.getData()
    assert x[0] == adam.params[0, 0] and x[-1] == adam.params[-1, 0]
    assert set(x) <= set(adam.params[:, 0])
    labels = [label.text for _, label in plot.legend.items]
    assert "adam, η = 0.5" in labels and "this run: η = 0.1" in labels
    vm.pin_current()
    vm.update(optimizer="adam", learning_rate=0.5)
    labels = [label.text for _, label in plot.legend.items]
    assert "gd, η = 0.1" in labels and "this run: adam, η = 0.5" in labels


# ---- the door -----------------------------------------------------------------------------
@pytest.mark.parametrize("flags", [
    ["--example", "nonconvex"],
    ["--optimizer", "adam", "--schedule", "cosine", "--batch-size", "1", "--shuffle",
     "--seed", "3"],
])
def test_the_window_opens_these_runs(tmp_path: Path, flags: list[str]) -> None:
    shot = tmp_path / "shot.png"
    done = subprocess.run([sys.executable, "-m", "gdapp.cli", "gui", *flags,
                           "--screenshot", str(shot)], capture_output=True, text=True,
                          timeout=HANG_S, check=False)
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 10_000
    assert "Traceback" not in done.stderr


def test_rounded_keeps_about_a_thousandth_of_the_span() -> None:
    assert rounded(1.23456, 6.0) == 1.235
    assert rounded(123.456, 600.0) == 123.5
    assert rounded(2.5, 0.0) == 2.5  # no span: as it is


def test_the_step_lines_of_l1_with_momentum_add_the_subgradient_not_the_shrink(
        qtbot: QtBot) -> None:
    vm = RunViewModel(make_spec(optimizer="momentum", penalty="l1", lam=1.0))
    lines = describe_step(vm.run, 0, vm.objective)
    assert any("λ·sign(b1) = 1 × 1 = 1" in line for line in lines), lines
    assert not any("shrink toward 0" in line for line in lines)
    # the first momentum step is the gradient itself: 15 − 0.01 × (61 + 1)
    assert vm.run.params[1, 0] == pytest.approx(15 - 0.01 * 62)
    assert any(line.strip().startswith("b1 ← b1 − η·d = 15 − 0.01 × 62 = 14.38")
               for line in lines), lines


def test_a_narrow_grid_survives_runs_that_drop_columns(qtbot: QtBot) -> None:
    # Adam's state columns, then plain descent: fewer sections while some were hidden for
    # room (this crashed Qt in the view's updateGeometries)
    from gdapp.gui.table_model import IterationTableView

    vm = RunViewModel(make_spec(optimizer="adam", learning_rate=0.05))
    grid = IterationTableView(vm)
    qtbot.addWidget(grid)
    grid.fit_to_width = True
    grid.resize(400, 500)
    grid.show()
    qtbot.waitExposed(grid)
    assert grid.table_model.columnCount() == 9
    vm.update(optimizer="gd")
    assert grid.table_model.columnCount() == 7
    vm.update(model="line", optimizer="momentum")
    vm.update(model="origin", optimizer="gd")
    assert grid.table_model.columnCount() == 7
    qtbot.wait(10)
    current = grid.visualRect(grid.table_model.index(vm.current, 0))
    assert grid.viewport().rect().contains(current)  # the last iterate still in view


def test_a_click_on_the_legend_starts_no_run(qtbot: QtBot) -> None:
    vm, plot = cost_plot_for(qtbot, NONCONVEX)
    before = vm.run
    centre = plot.legend.sceneBoundingRect().center()
    assert plot.plot_item.getViewBox().sceneBoundingRect().contains(centre)
    qtbot.mouseClick(plot.plot_widget.viewport(), Qt.MouseButton.LeftButton,
                     pos=plot.plot_widget.mapFromScene(centre))
    assert vm.run is before and vm.spec.start == (3.0,)


def test_classroom_mode_enlarges_the_global_minimums_label(qtbot: QtBot) -> None:
    _, plot = cost_plot_for(qtbot, NONCONVEX)
    label = plot.minima.global_label.label
    before = label.textItem.font().pointSizeF()
    plot.set_scale(1.5)
    assert label.textItem.font().pointSizeF() == pytest.approx(1.5 * 9)
    assert before == pytest.approx(9)
