"""The cost-curve and objective plots draw the view-model's run, as the note's figures do."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from gdapp.core import NOTE_RUNS, Dataset, Objective, RunSpec
from gdapp.gui.contour import contour_levels, contour_segments
from gdapp.gui.plot_base import MAX_PATH_POINTS, PlotExportError, decimate_indices
from gdapp.gui.plots import CostCurvePlot, ObjectivePlot
from gdapp.gui.viewmodel import RunViewModel


@pytest.fixture
def vm(qtbot: QtBot) -> RunViewModel:
    return RunViewModel()


@pytest.fixture
def cost_plot(vm: RunViewModel, qtbot: QtBot) -> CostCurvePlot:
    plot = CostCurvePlot(vm)
    plot.resize(800, 500)
    qtbot.addWidget(plot)
    return plot


@pytest.fixture
def objective_plot(vm: RunViewModel, qtbot: QtBot) -> ObjectivePlot:
    plot = ObjectivePlot(vm)
    plot.resize(800, 400)
    qtbot.addWidget(plot)
    return plot


def _data(item: object) -> tuple[np.ndarray, np.ndarray]:
    x, y = item.getOriginalDataset()  # type: ignore[attr-defined]
    if x is None:
        return np.empty(0), np.empty(0)
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def _legend_labels(plot: CostCurvePlot | ObjectivePlot) -> list[str]:
    return [label.text for _, label in plot.legend.items]


def _view(plot: CostCurvePlot | ObjectivePlot) -> list[list[float]]:
    return [list(r) for r in plot.plot_item.getViewBox().viewRange()]


def test_the_black_curve_is_the_engines_cost_at_its_samples(
        vm: RunViewModel, cost_plot: CostCurvePlot) -> None:
    x, y = _data(cost_plot.cost_curve)
    assert x.size >= 200
    expected = Objective(vm.spec.data, model="origin", cost="mse").cost(x[:, None])
    assert np.allclose(y, expected, rtol=1e-12, atol=0)
    assert cost_plot.cost_curve.opts["pen"].color().name() == "#000000"
    # the samples cover the whole path and the optimum 2.8
    assert x.min() < 2.8 and x.max() > 15.0


def test_the_tangent_at_the_start_has_the_notes_slope_61_through_e15_3725(
        vm: RunViewModel, cost_plot: CostCurvePlot) -> None:
    vm.set_current(0)
    (x0, x1), (y0, y1) = _data(cost_plot.tangent)
    assert (y1 - y0) / (x1 - x0) == pytest.approx(61.0, rel=1e-12)
    assert (x0 + x1) / 2 == pytest.approx(15.0) and (y0 + y1) / 2 == pytest.approx(372.5)


@pytest.mark.parametrize("k", [1, 3, 57])
def test_the_tangent_slope_is_the_runs_gradient_at_the_current_iterate(
        vm: RunViewModel, cost_plot: CostCurvePlot, k: int) -> None:
    vm.update(penalty="l2", lam=0.5)
    vm.set_current(k)
    (x0, x1), (y0, y1) = _data(cost_plot.tangent)
    assert (y1 - y0) / (x1 - x0) == pytest.approx(vm.run.gradient[k, 0], rel=1e-9)
    assert cost_plot.tangent.opts["pen"].color().name() == "#d62728"


def test_moving_the_current_iterate_moves_both_markers_to_it(
        vm: RunViewModel, cost_plot: CostCurvePlot, objective_plot: ObjectivePlot) -> None:
    run = vm.run
    for k in (0, 5, run.iterations):
        vm.set_current(k)
        assert tuple(_data(cost_plot.marker)) == ([run.params[k, 0]], [run.objective[k]])
        assert tuple(_data(objective_plot.marker)) == ([k], [run.objective[k]])
        assert objective_plot.current_line.value() == k


def test_a_current_iterate_change_does_not_resample_the_curves(
        vm: RunViewModel, cost_plot: CostCurvePlot) -> None:
    before = _data(cost_plot.cost_curve)[0]
    items = list(cost_plot.plot_item.items)
    vm.set_current(2)
    assert _data(cost_plot.cost_curve)[0] is before
    assert cost_plot.plot_item.items == items


def test_a_new_run_reuses_the_plot_items(
        vm: RunViewModel, cost_plot: CostCurvePlot, objective_plot: ObjectivePlot) -> None:
    vm.pin_current()
    cost_items, objective_items = list(cost_plot.plot_item.items), \
        list(objective_plot.plot_item.items)
    vm.update(learning_rate=0.1)
    vm.update(penalty="l1", lam=1.0)
    assert cost_plot.plot_item.items == cost_items
    assert objective_plot.plot_item.items == objective_items
    assert tuple(_data(objective_plot.objective_curve)[1]) == tuple(vm.run.objective)


def test_the_penalty_curve_and_the_sum_are_drawn_only_with_a_penalty(
        vm: RunViewModel, cost_plot: CostCurvePlot) -> None:
    assert not cost_plot.penalty_curve.isVisible()
    assert _data(cost_plot.penalty_curve)[0].size == 0
    vm.update(penalty="l2", lam=0.5)
    assert cost_plot.penalty_curve.isVisible() and cost_plot.objective_curve.isVisible()
    x, penalty = _data(cost_plot.penalty_curve)
    assert np.allclose(penalty, 0.5 * x**2)
    _, cost = _data(cost_plot.cost_curve)
    assert np.allclose(_data(cost_plot.objective_curve)[1], cost + penalty)
    # the penalty is told apart from the note's red dashed tangent by colour and by style
    penalty_pen, tangent_pen = cost_plot.penalty_curve.opts["pen"], cost_plot.tangent.opts["pen"]
    assert penalty_pen.color().name() != tangent_pen.color().name()
    assert penalty_pen.style() != tangent_pen.style()
    assert "penalty λ·b1², λ = 0.5" in _legend_labels(cost_plot)
    vm.update(penalty="none")
    assert not cost_plot.penalty_curve.isVisible()
    assert not any(label.startswith("penalty") for label in _legend_labels(cost_plot))


@pytest.mark.parametrize(("lam", "b1"), [(0.5, 14 / 6), (1.0, 2.0)])
def test_the_optimum_marker_sits_at_the_ridge_optimum(
        vm: RunViewModel, cost_plot: CostCurvePlot, lam: float, b1: float) -> None:
    vm.update(penalty="l2", lam=lam)
    x, y = _data(cost_plot.optimum_marker)
    assert x[0] == pytest.approx(b1, rel=1e-14)
    assert y[0] == pytest.approx(2.5 * b1**2 - 14 * b1 + 20 + lam * b1**2, rel=1e-12)


def test_the_line_model_shows_a_contour_map_with_the_path_and_no_tangent(
        vm: RunViewModel, cost_plot: CostCurvePlot) -> None:
    vm.update(model="line", learning_rate=0.05, max_iterations=500)
    run = vm.run
    assert cost_plot.contour_image.isVisible() and cost_plot.contour_image.image is not None
    assert cost_plot.contour_image.image.shape == (120, 120)
    assert _data(cost_plot.contour_lines)[0].size > 100
    assert not cost_plot.tangent.isVisible() and not cost_plot.cost_curve.isVisible()
    x, y = _data(cost_plot.path_item)
    assert np.array_equal(x, run.params[:, 0]) and np.array_equal(y, run.params[:, 1])
    vm.set_current(7)
    assert tuple(_data(cost_plot.marker)) == ([run.params[7, 0]], [run.params[7, 1]])
    assert tuple(_data(cost_plot.optimum_marker)) == ([-2.0], [4.0])
    (x0, x1), (y0, y1) = _view(cost_plot)
    assert x0 < -2.0 < x1 and y0 < 4.0 < y1 and y0 < 15.0 < y1


def test_contour_segments_of_a_round_bowl_lie_on_circles() -> None:
    b = np.linspace(-2.0, 2.0, 121)
    z = b[:, None] ** 2 + b[None, :] ** 2
    levels = contour_levels(z, 6)
    x, y = contour_segments(b, b, z, levels)
    assert x.size % 2 == 0 and x.size > 0
    radii = np.hypot(x, y)
    nearest = np.min(np.abs(radii[:, None] - np.sqrt(levels)[None, :]), axis=1)
    assert nearest.max() < 1e-3


def test_a_diverged_run_is_shown_over_finite_readable_ranges(
        vm: RunViewModel, cost_plot: CostCurvePlot, objective_plot: ObjectivePlot) -> None:
    vm.set_spec(NOTE_RUNS["eta-0.41-diverges"])
    assert vm.run.status == "diverged"
    (x0, x1), (y0, y1) = _view(cost_plot)
    assert all(math.isfinite(v) for v in (x0, x1, y0, y1))
    assert -100 < x0 < 2.8 < x1 < 100 and y1 < 1e5
    assert "diverged at update" in cost_plot.note_text
    (k0, k1), (f0, f1) = _view(objective_plot)
    assert k0 <= 0 < k1 and f0 <= 0 < f1
    assert k1 < 100 and f1 < 1e5
    objective_plot.set_log_scale(True)
    (_, k1), (_, f1) = _view(objective_plot)
    assert k1 > vm.run.iterations * 0.9 and math.isfinite(f1) and f1 < 250  # log10 units


def test_pinning_adds_a_legend_entry_and_a_second_curve_on_both_plots(
        vm: RunViewModel, cost_plot: CostCurvePlot, objective_plot: ObjectivePlot) -> None:
    vm.pin_current()
    pinned = vm.pinned[0]
    vm.update(learning_rate=0.1)
    assert len(cost_plot.pinned_items) == len(objective_plot.pinned_items) == 1
    x, y = _data(cost_plot.pinned_items[0])
    k = np.searchsorted(-pinned.run.params[:, 0], -x)  # b1 falls monotonically from 15
    assert k[0] == 0 and k[-1] == pinned.run.iterations
    assert np.array_equal(x, pinned.run.params[k, 0])
    assert np.array_equal(y, pinned.run.objective[k])
    assert np.array_equal(_data(objective_plot.pinned_items[0])[1], pinned.run.objective)
    for plot in (cost_plot, objective_plot):
        labels = _legend_labels(plot)
        assert "η = 0.01" in labels and "this run: η = 0.1" in labels
    assert objective_plot.pinned_items[0].opts["pen"].color().name() == pinned.color
    vm.clear_pins()
    assert cost_plot.pinned_items == objective_plot.pinned_items == []
    assert "η = 0.01" not in _legend_labels(cost_plot)


def test_an_l1_run_pinned_beside_an_l2_run_shows_both_objective_curves(
        vm: RunViewModel, cost_plot: CostCurvePlot) -> None:
    vm.update(penalty="l1", lam=1.0)
    vm.pin_current()
    vm.update(penalty="l2")
    [curve] = cost_plot.pinned_curves
    x, y = _data(curve)
    assert curve.isVisible() and np.allclose(y, 2.5 * x**2 - 14 * x + 20 + np.abs(x))
    assert np.array_equal(x, _data(cost_plot.cost_curve)[0])
    vm.update(penalty="l1")  # the same objective as the pinned run: no second curve
    assert not curve.isVisible()


def test_the_log_toggle_switches_the_objective_axis_to_log_and_back(
        objective_plot: ObjectivePlot) -> None:
    axis = objective_plot.plot_item.getAxis("left")
    assert not objective_plot.log_scale and not axis.logMode
    objective_plot.log_box.setChecked(True)
    assert objective_plot.log_scale and axis.logMode
    (_, _), (f0, f1) = _view(objective_plot)
    top = math.log10(372.5)  # the highest value, below the legend's band
    assert f0 == pytest.approx(math.log10(0.4), abs=0.2) and top < f1
    assert (top - f0) / (f1 - f0) > 0.5
    objective_plot.set_log_scale(False)
    assert not axis.logMode and not objective_plot.log_box.isChecked()


def test_the_log_toggle_is_disabled_with_a_reason_when_the_objective_reaches_zero(
        vm: RunViewModel, objective_plot: ObjectivePlot) -> None:
    objective_plot.set_log_scale(True)
    exact = Dataset([1.0, 2.0], [2.0, 4.0], name="exact")
    vm.set_spec(RunSpec(data=exact, learning_rate=0.2))  # lands on b1 = 2 in one step
    assert vm.run.objective[-1] == 0.0
    assert not objective_plot.log_box.isEnabled() and not objective_plot.log_scale
    assert not objective_plot.plot_item.getAxis("left").logMode
    assert "reaches 0 at k = 1" in objective_plot.log_box.toolTip()
    vm.set_spec(RunSpec(learning_rate=0.1))
    assert objective_plot.log_scale  # the wish is remembered


def test_a_long_path_is_decimated_but_keeps_first_last_and_current_iterates(
        vm: RunViewModel, cost_plot: CostCurvePlot) -> None:
    vm.update(learning_rate=0.0002)
    run = vm.run
    assert run.iterations == 10_000
    vm.set_current(7_777)
    x, _ = _data(cost_plot.path_item)
    assert x.size <= MAX_PATH_POINTS + 2
    assert {run.params[0, 0], run.params[-1, 0], run.params[7_777, 0]} <= set(x.tolist())
    idx = decimate_indices(10_001, keep=4_321)
    assert idx[0] == 0 and idx[-1] == 10_000 and 4_321 in idx and np.all(np.diff(idx) > 0)


def test_export_image_writes_a_png_and_an_svg_and_refuses_other_suffixes(
        cost_plot: CostCurvePlot, objective_plot: ObjectivePlot, tmp_path: Path) -> None:
    png, svg = tmp_path / "cost.png", tmp_path / "objective.svg"
    cost_plot.export_image(str(png))
    objective_plot.export_image(str(svg))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5_000
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Objective per iteration" in text
    with pytest.raises(PlotExportError, match=r"must end in \.png or \.svg"):
        cost_plot.export_image(str(tmp_path / "cost.jpg"))
    with pytest.raises(PlotExportError, match="does not exist"):
        cost_plot.export_image(str(tmp_path / "missing" / "cost.png"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cost.png", "objective.svg"]


def test_the_rendered_cost_plot_shows_the_black_curve(
        vm: RunViewModel, cost_plot: CostCurvePlot) -> None:
    image = cost_plot.grab().toImage()
    assert image.width() == 800
    pixels = [image.pixelColor(x, y).name() for x in range(0, 800, 4)
              for y in range(0, 500, 4)]
    assert pixels.count("#ffffff") > len(pixels) / 2  # a white background
    assert "#000000" in pixels  # the black cost curve
