"""Where things sit on the plots: the legend off the data, the view around the optimum and
the current run, the remark for an iterate off the plot, and readable axes."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from pytestqt.qtbot import QtBot

from gdapp.core import Dataset, RunSpec
from gdapp.gui.plot_base import RunPlotWidget
from gdapp.gui.plot_legend import LEGEND_ROW
from gdapp.gui.plots import CostCurvePlot, ObjectivePlot
from gdapp.gui.viewmodel import RunViewModel

PIN_ETAS = (0.01, 0.1, 0.3, 0.39)


def _shown(qtbot: QtBot, plot: RunPlotWidget, size: tuple[int, int] = (500, 420)
           ) -> RunPlotWidget:
    qtbot.addWidget(plot)
    plot.resize(*size)
    plot.show()
    qtbot.waitExposed(plot)
    return plot


def _pin(vm: RunViewModel, *etas: float, **changes: object) -> None:
    for eta in etas:
        vm.update(learning_rate=eta, **changes)
        vm.pin_current()


def _eight_pins(vm: RunViewModel) -> None:
    _pin(vm, 0.01, penalty="l2", lam=1.0)
    _pin(vm, 0.01, penalty="l1", lam=1.0)
    _pin(vm, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, penalty="none")
    vm.update(learning_rate=0.35)


def _legend_box(plot: RunPlotWidget) -> QRectF:
    return plot.legend.mapRectToScene(plot.legend.boundingRect())


def _scene(plot: RunPlotWidget, x: float, y: float) -> QPointF:
    return plot.plot_item.getViewBox().mapViewToScene(QPointF(x, y))


def _view(plot: RunPlotWidget) -> tuple[float, float, float, float]:
    (x0, x1), (y0, y1) = plot.plot_item.getViewBox().viewRange()
    return x0, x1, y0, y1


def _data(item: object) -> tuple[np.ndarray, np.ndarray]:
    x, y = item.getData()  # type: ignore[attr-defined]
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def _assert_legend_leaves_marks_free(plot: CostCurvePlot) -> None:
    """Neither the current marker nor the visible part of its tangent lies under the legend."""
    box = _legend_box(plot)
    view = plot.plot_item.getViewBox()
    inside = view.mapRectToScene(view.boundingRect())
    (bx,), (by,) = _data(plot.marker)
    assert not box.contains(_scene(plot, bx, by))
    x, y = _data(plot.tangent)
    for t in np.linspace(0.0, 1.0, 21):
        point = _scene(plot, x[0] + t * (x[1] - x[0]), y[0] + t * (y[1] - y[0]))
        assert not (inside.contains(point) and box.contains(point)), t


@pytest.mark.parametrize("k", [0, 1, 2, 3, 5, 10, 40])
def test_with_eight_pinned_runs_the_legend_hides_neither_the_marker_nor_the_tangent(
        qtbot: QtBot, k: int) -> None:
    vm = RunViewModel()
    plot = _shown(qtbot, CostCurvePlot(vm))
    _eight_pins(vm)
    vm.set_current(k)
    _assert_legend_leaves_marks_free(plot)


@pytest.mark.parametrize("size", [(500, 420), (505, 430), (700, 400)])
def test_at_eta_04_and_k_1_the_legend_leaves_the_tangent_at_minus_9_4_free(
        qtbot: QtBot, size: tuple[int, int]) -> None:
    vm = RunViewModel()
    plot = _shown(qtbot, CostCurvePlot(vm), size)
    vm.update(learning_rate=0.4)
    vm.set_current(1)
    assert _data(plot.marker)[0][0] == pytest.approx(-9.4)
    _assert_legend_leaves_marks_free(plot)


@pytest.mark.parametrize("make", [CostCurvePlot, ObjectivePlot])
def test_every_legend_entry_of_eight_pinned_runs_stays_inside_the_plot(
        qtbot: QtBot, make: type[RunPlotWidget]) -> None:
    vm = RunViewModel()
    plot = _shown(qtbot, make(vm), (500, 300))
    _eight_pins(vm)
    view = plot.plot_item.getViewBox()
    inside = view.mapRectToScene(view.boundingRect())
    assert len(plot.legend.items) >= 9
    for sample, label in plot.legend.items:
        for part in (sample, label):
            assert inside.contains(part.mapRectToScene(part.boundingRect())), label.text


def test_the_legend_rows_stay_one_fixed_row_apart_after_pinning_and_unpinning(
        qtbot: QtBot) -> None:
    vm = RunViewModel()
    plot = _shown(qtbot, CostCurvePlot(vm))
    _pin(vm, 0.01, 0.1, 0.3, 0.39, 0.45)
    vm.unpin(0)
    vm.update(learning_rate=0.01, penalty="l1", lam=5.0)
    vm.pin_current()
    vm.update(learning_rate=0.02)
    tops = sorted({round(label.mapToScene(QPointF(0, 0)).y(), 3)
                   for _, label in plot.legend.items})
    assert np.allclose(np.diff(tops), LEGEND_ROW)
    assert plot.legend.height() <= len(tops) * LEGEND_ROW + 8


def test_the_legend_background_lets_the_data_show_through(qtbot: QtBot) -> None:
    plot = _shown(qtbot, CostCurvePlot(RunViewModel()))
    assert 0 < plot.legend.brush().color().alpha() <= 210


def test_a_new_learning_rate_keeps_the_legend_laid_out(qtbot: QtBot) -> None:
    vm = RunViewModel()
    plot = _shown(qtbot, CostCurvePlot(vm))
    _pin(vm, 0.1, 0.3)
    legend = plot.legend
    vm.update(learning_rate=0.05)
    vm.update(learning_rate=0.06)
    assert plot.legend is legend
    assert [label.text for _, label in legend.items][2] == "this run: η = 0.06"


@pytest.mark.parametrize(("spec", "optimum"), [
    (RunSpec(), 2.8),
    (RunSpec(cost="mae"), 3.0),
    (RunSpec(data=Dataset([1.0, 2.0, 3.0], [2.0, 4.5, 5.5], name="csv"), start=(-4.0,)), None),
])
def test_the_cost_curve_shows_room_on_both_sides_of_the_optimum_and_the_start(
        qtbot: QtBot, spec: RunSpec, optimum: float | None) -> None:
    vm = RunViewModel(spec)
    plot = _shown(qtbot, CostCurvePlot(vm))
    b_star = float(vm.run.optimum.params[0])  # type: ignore[index]
    if optimum is not None:
        assert b_star == pytest.approx(optimum)
    x0, x1, _, _ = _view(plot)
    assert min(b_star - x0, x1 - b_star) >= 0.4 * (x1 - x0)
    assert x0 < vm.run.params[0, 0] < x1


def test_a_pinned_diverged_run_does_not_change_the_view_of_the_current_run(
        qtbot: QtBot) -> None:
    vm = RunViewModel()
    cost = _shown(qtbot, CostCurvePlot(vm))
    objective = _shown(qtbot, ObjectivePlot(vm))
    vm.update(learning_rate=0.45)
    assert vm.run.status == "diverged"
    vm.pin_current()
    vm.update(learning_rate=0.1)
    with_pin = (*_view(cost)[:2], *_view(objective)[:3])
    top = _view(objective)[3]
    vm.clear_pins()
    assert (*_view(cost)[:2], *_view(objective)[:3]) == pytest.approx(with_pin)
    # only the legend's band above the curves is shorter (one entry instead of two)
    assert vm.run.objective.max() < _view(objective)[3] <= top
    assert max(abs(v) for v in _view(cost)[:2]) < 20


def test_the_current_run_stays_inside_the_view_with_pins(qtbot: QtBot) -> None:
    vm = RunViewModel()
    plot = _shown(qtbot, CostCurvePlot(vm))
    _pin(vm, 0.45, 0.3)
    vm.update(learning_rate=0.05, penalty="l1", lam=5.0)
    x0, x1, y0, y1 = _view(plot)
    b, f = vm.run.params[:, 0], vm.run.objective
    assert np.all((x0 < b) & (b < x1) & (y0 < f) & (f < y1))
    # the path spans a good part of the width, not a blob
    assert np.ptp(b) > 0.3 * (x1 - x0)


@pytest.mark.parametrize("make", [CostCurvePlot, ObjectivePlot])
def test_an_iterate_off_the_plot_is_named_at_the_edge(
        qtbot: QtBot, make: type[RunPlotWidget]) -> None:
    vm = RunViewModel()
    plot = _shown(qtbot, make(vm))
    vm.update(learning_rate=0.41)
    vm.set_current(3)
    assert not plot.off_plot.isVisible()
    vm.set_current(100)
    assert plot.off_plot.isVisible()
    text = plot.off_plot.toPlainText()
    assert text.startswith("k = 100 is off the plot")
    assert f"{vm.run.objective[100]:.4g}" in text
    view = plot.plot_item.getViewBox()
    remark = plot.remark_rect()
    assert remark is not None
    assert view.boundingRect().adjusted(-0.5, -0.5, 0.5, 0.5).contains(remark)
    assert not _legend_box(plot).intersects(view.mapRectToScene(remark))
    vm.set_current(2)
    assert not plot.off_plot.isVisible()


def test_the_axes_show_small_numbers_without_a_scale_suffix(qtbot: QtBot) -> None:
    spec = RunSpec(data=Dataset([1.0], [0.001], name="tiny"), learning_rate=0.1)
    plot = _shown(qtbot, CostCurvePlot(RunViewModel(spec)))
    for side in ("left", "bottom"):
        axis = plot.plot_item.getAxis(side)
        assert not axis.autoSIPrefix
        assert "(x" not in axis.labelString()


def test_the_iteration_axis_has_whole_number_ticks_on_a_short_run(qtbot: QtBot) -> None:
    vm = RunViewModel(RunSpec(learning_rate=0.2))  # lands on 2.8 in one update
    plot = _shown(qtbot, ObjectivePlot(vm))
    assert vm.run.iterations <= 3
    axis = plot.plot_item.getAxis("bottom")
    x0, x1, _, _ = _view(plot)
    ticks = [v for _, values in axis.tickValues(x0, x1, 400) for v in values]
    assert ticks and all(float(v).is_integer() for v in ticks)


def test_a_long_note_wraps_to_the_plot_and_does_not_widen_it(qtbot: QtBot) -> None:
    spec = RunSpec(data=Dataset([3.0], [5.0], name="one"), model="line", learning_rate=0.01)
    plot = _shown(qtbot, CostCurvePlot(RunViewModel(spec)), (480, 420))
    assert "not unique" in plot.note_text
    assert plot.plot_item.width() <= plot.plot_widget.width()
    note = plot.note.mapRectToScene(plot.note.boundingRect())
    assert note.right() <= plot.plot_widget.width()
