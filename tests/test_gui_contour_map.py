"""The line model's contour map: equal scales, a colour bar, contours that close around the
optimum, the star above the current iterate, and an arrow along −∇f."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gdapp.gui.contour import contour_levels, geometric_levels, objective_grid
from gdapp.gui.window import MainWindow


@pytest.fixture
def line_window(window: MainWindow) -> MainWindow:
    window.vm.update(model="line", start=(0.0, 15.0))
    window.reset()
    for _ in range(30):
        window.step()
    return window


def test_the_map_keeps_equal_scales_and_has_a_colour_bar(line_window: MainWindow) -> None:
    plot = line_window.cost_plot
    view = plot.plot_item.getViewBox()
    assert view.state["aspectLocked"] == 1.0
    per_x, per_y = view.viewPixelSize()
    assert per_x == pytest.approx(per_y, rel=0.02)
    assert plot.contour.colour_bar.isVisible()
    # the shading covers the whole view, not only the path's box
    (vx0, vx1), _ = view.viewRange()
    rect = plot.contour.image.mapRectToParent(plot.contour.image.boundingRect())
    assert rect.left() <= vx0 + 1e-9 and rect.right() >= vx1 - 1e-9
    line_window.vm.update(model="origin", start=(15.0,))
    assert not view.state["aspectLocked"] and not plot.contour.colour_bar.isVisible()


def test_the_arrow_points_down_the_gradient(line_window: MainWindow) -> None:
    run, k = line_window.vm.run, line_window.vm.current
    g = run.gradient[k]
    dx, dy = line_window.cost_plot.contour.arrow_direction()
    assert line_window.cost_plot.contour.arrow.isVisible()
    assert (dx, dy) == pytest.approx(tuple(-g / np.hypot(*g)), abs=1e-9)
    # and the next iterate lies that way
    step = run.params[k + 1] - run.params[k]
    assert math.isclose(math.atan2(step[1], step[0]), math.atan2(dy, dx), abs_tol=1e-9)


def test_the_optimum_star_is_drawn_above_the_current_iterate(line_window: MainWindow) -> None:
    plot = line_window.cost_plot
    assert plot.optimum_marker.zValue() > plot.marker.zValue()


def test_geometric_levels_close_around_the_optimum_of_a_narrow_valley(
        line_window: MainWindow) -> None:
    obj = line_window.vm.objective
    _, _, z = objective_grid(obj, (-15.0, 10.0), (-8.0, 16.0))
    low = np.min(z)
    near = 0.01 * (np.max(z) - low)
    # half the new levels lie in the bottom 1 % of the valley; of the old ones at most one
    assert np.sum(geometric_levels(z) - low < near) >= 6
    assert np.sum(contour_levels(z) - low < near) <= 1
