"""The cost along one parameter and the polynomial view are built the first time a run needs
them (gdapp.gui.on_demand): at the window's zoom, watched for room, and in their place."""

from __future__ import annotations

from typing import Any

import pytest

from gdapp.cli import build_parser, spec_from_args
from gdapp.core import EXAMPLES
from gdapp.gui.cost_slice import CostSlicePlot
from gdapp.gui.on_demand import PLOT_MIN_HEIGHT, PLOT_MIN_WIDTH
from gdapp.gui.polynomial_view import PolynomialPlot


def _tick_size(plot: Any) -> float:
    size: float = plot.plot_item.getAxis("bottom").style["tickFont"].pointSizeF()
    return size


def test_the_note_s_window_builds_neither_and_zoom_or_reset_builds_none(window: Any) -> None:
    """Before, every window built both (a sixth of its build) for runs that show neither."""
    assert not window.cost_plots.is_built(window.SLICE_PAGE)
    assert not window.data_plots.is_built(window.data_plots.POLYNOMIAL_PAGE)
    assert len(window.built_plots()) == 3
    window.set_zoom(1.5)
    window.reset_plot_views()
    window.set_zoom(1.0)
    assert not window.cost_plots.is_built(window.SLICE_PAGE)
    assert not window.data_plots.is_built(window.data_plots.POLYNOMIAL_PAGE)


def test_a_run_on_several_features_builds_the_slice_in_place_at_the_classroom_zoom(
        qtbot: Any, window: Any) -> None:
    window.set_zoom(1.5)
    plain = _tick_size(window.cost_plot)
    window.vm.update(data=EXAMPLES["features"], model="line", start=None)
    qtbot.wait(0)
    assert window.cost_plots.is_built(window.SLICE_PAGE)
    slice_plot = window.cost_slice
    assert isinstance(slice_plot, CostSlicePlot)
    assert window.cost_plots.currentWidget() is slice_plot is window.shown_cost_plot()
    assert slice_plot.isVisible() and slice_plot.scale == 1.5
    assert _tick_size(slice_plot) == pytest.approx(plain)
    assert (slice_plot.minimumWidth(), slice_plot.minimumHeight()) == (PLOT_MIN_WIDTH,
                                                                       PLOT_MIN_HEIGHT)
    assert window.cost_plots.count() == 2           # the placeholder went
    assert slice_plot.samples.size > 0              # drawn for the run it came for
    assert slice_plot in window.built_plots()
    window.set_zoom(1.0)
    assert slice_plot.scale == 1.0
    # back to one feature: the curve again, the slice kept for the next time
    window.vm.update(data=EXAMPLES["document"], model="origin", start=None)
    assert window.cost_plots.currentWidget() is window.cost_plot


def test_a_polynomial_run_builds_the_polynomial_view_and_shows_it(qtbot: Any) -> None:
    from gdapp.gui.viewmodel import RunViewModel
    from gdapp.gui.window import MainWindow

    spec = spec_from_args(build_parser().parse_args(
        ["gui", "--example", "overfit", "--degree", "9", "--test-fraction", "0.3"]))
    win = MainWindow(RunViewModel(spec))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.data_plots.is_built(win.data_plots.POLYNOMIAL_PAGE)
    assert isinstance(win.polynomial_plot, PolynomialPlot)
    assert win.data_plots.currentWidget() is win.polynomial_plot
    assert win.polynomial_plot.isVisible()
    assert win.polynomial_plot.train_item.xData is not None
