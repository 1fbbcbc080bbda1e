"""The regularization path in the window: L1 beside L2, the current λ, clicks that set λ."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from patience import HANG_MS
from PySide6.QtCore import QPointF, Qt

from gdapp.core import DOCUMENT, EXAMPLES, Dataset, RunSpec
from gdapp.gui.path_plot import RegularizationPathPlot
from gdapp.gui.viewmodel import RunViewModel


@pytest.fixture
def shown(qtbot: Any) -> RegularizationPathPlot:
    vm = RunViewModel(RunSpec(penalty="l1", lam=1.0))
    plot = RegularizationPathPlot(vm)
    qtbot.addWidget(plot)
    plot.resize(900, 360)
    plot.show()
    qtbot.waitExposed(plot)
    return plot


def test_the_notes_slope_reaches_zero_at_lambda_14_with_l1_and_never_with_l2(
        shown: RegularizationPathPlot) -> None:
    l1, l2 = shown.paths["l1"], shown.paths["l2"]
    assert l1 is not None and l2 is not None
    assert l1.lambda_max == pytest.approx(14.0)
    assert l1.slopes()[0, 0] == 0.0 and np.all(l2.slopes() > 0)
    x, y = shown.curves["l1"][0].getData()
    assert len(x) == 50 and y[0] == 0.0
    # b1 = (14 − λ)/5 below λ_max: the plotted curve is the soft threshold
    np.testing.assert_allclose(y[1:], (14 - l1.lambdas[1:]) / 5, rtol=1e-12)
    assert shown.leave_points() == [(pytest.approx(math.log10(14.0)), 0.0)]


def test_the_current_lambda_is_marked_on_the_current_penaltys_side(
        shown: RegularizationPathPlot) -> None:
    assert shown.current_lines["l1"].isVisible()
    assert not shown.current_lines["l2"].isVisible()
    assert shown.current_lines["l1"].value() == pytest.approx(0.0)  # log10(1)
    shown.vm.update(penalty="l2", lam=0.5)
    assert shown.current_lines["l2"].value() == pytest.approx(math.log10(0.5))
    assert not shown.current_lines["l1"].isVisible()


def test_a_click_on_the_l2_plot_sets_l2_and_the_clicked_lambda(
        qtbot: Any, shown: RegularizationPathPlot) -> None:
    plot = shown.plots["l2"]
    vb = plot.getPlotItem().getViewBox()
    scene_point = vb.mapViewToScene(QPointF(math.log10(2.0), 1.0))
    widget_point = plot.mapFromScene(scene_point)
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)
    assert shown.vm.spec.penalty == "l2"
    assert shown.vm.spec.lam == pytest.approx(2.0, rel=0.02)
    assert shown.vm.run.optimum.params[0] == pytest.approx(14 / (5 + 2 * shown.vm.spec.lam))


def test_new_data_redraws_the_paths_with_every_feature(qtbot: Any,
                                                       shown: RegularizationPathPlot) -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=40)
    shown.vm.update(data=Dataset(x, 3 * x + rng.normal(size=40), x_name="hours"),
                    start=None)
    path = shown.paths["l1"]
    assert path is not None and path.features == ("hours",)
    assert shown.curves["l1"][0].name() == "b1 hours"
    assert path.lambda_max != pytest.approx(14.0)
    shown.vm.update(data=DOCUMENT, start=None)
    assert shown.paths["l1"].lambda_max == pytest.approx(14.0)


def test_the_window_offers_the_path_from_the_view_menu(qtbot: Any, window: Any) -> None:
    toggle = window.path_dock.toggleViewAction()
    assert toggle in window.view_menu.actions()
    assert not window.path_dock.isVisible() and window.path_plot.paths["l1"] is None
    toggle.trigger()
    assert window.path_dock.isVisible()
    assert window.path_plot.paths["l1"] is not None  # computed once shown
    # the grid and the plots keep their room
    qtbot.waitUntil(lambda: 0 < window.path_dock.height() <= window.height() // 2, timeout=HANG_MS)


def test_the_path_s_plots_are_built_when_the_dock_is_first_shown_at_the_window_s_zoom(
        qtbot: Any, window: Any) -> None:
    """A window that never opens the path does not pay for its plots; opened in classroom
    mode, they come at the classroom's size as if they had been there all along."""
    assert not window.path_dock.built
    window.set_zoom(1.5)
    assert not window.path_dock.built
    window.path_dock.toggleViewAction().trigger()
    assert window.path_dock.built and window.path_dock.widget() is window.path_plot
    assert window.path_plot.scale == 1.5
    axis = window.path_plot.plots["l1"].getPlotItem().getAxis("bottom")
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(9 * 1.5)
    window.set_zoom(1.0)
    assert window.path_plot.scale == 1.0


def test_on_the_features_example_l1_drops_the_useless_features_first(qtbot: Any) -> None:
    # shoe size and day of month do not drive the score: their L1 paths reach 0 at the
    # largest λ values, before the three useful features leave
    data = EXAMPLES["features"]
    vm = RunViewModel(RunSpec(data=data, model="line", penalty="l1", lam=1.0,
                              learning_rate=0.0005, max_iterations=200))
    plot = RegularizationPathPlot(vm)
    qtbot.addWidget(plot)
    plot.resize(900, 360)
    plot.show()
    qtbot.waitExposed(plot)
    path = plot.paths["l1"]
    assert path is not None and path.features == data.feature_names
    assert len(plot.curves["l1"]) == data.p
    slopes = path.slopes()                     # λ from the largest down, one column per bj
    leaves = {name: int(np.flatnonzero(slopes[:, j] != 0)[0]) if np.any(slopes[:, j])
              else len(path.lambdas) for j, name in enumerate(data.feature_names)}
    useless = ("shoe_size_cm", "day_of_month")
    useful = ("study_hours", "sleep_hours", "coffee_cups")
    assert min(leaves[u] for u in useless) > max(leaves[u] for u in useful), leaves
    assert len(plot.leave_points()) == data.p
