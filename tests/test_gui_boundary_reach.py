"""The decision boundary of two features in the first steps: the classification scene tells
the class to step and watch the boundary move into place, but from b = 0 the boundary of
k = 1 … 5 lies left of the students (at k = 3 from x1 ≈ −1 to −2.4; they studied 0.6 to 7.8
hours) and the plot only said it was outside the view. The view now widens to a boundary
near the samples and names the side of a farther one."""

from __future__ import annotations

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from gdapp.core import EXAMPLES, RunSpec
from gdapp.gui.boundary_reach import side, widened
from gdapp.gui.data_plot import DataPlot
from gdapp.gui.viewmodel import RunViewModel

PASSFAIL = EXAMPLES["passfail"]


def _boundary(plot: DataPlot) -> tuple[np.ndarray, np.ndarray]:
    x, y = plot.logistic.curve_item.getData()
    return (np.asarray([] if x is None else x, dtype=float),
            np.asarray([] if y is None else y, dtype=float))


def _view(plot: DataPlot) -> tuple[float, float, float, float]:
    (x0, x1), (y0, y1) = plot.plot_item.getViewBox().viewRange()
    return x0, x1, y0, y1


def test_the_first_steps_boundary_is_drawn_beside_the_samples(qtbot: QtBot) -> None:
    """The scene's run (b = 0, η = 0.1, cross-entropy) at k = 0, 1, 2, 3, 10, 200, the end."""
    vm = RunViewModel(RunSpec(data=PASSFAIL, model="logistic", cost="bce",
                              learning_rate=0.1))
    plot = DataPlot(vm)
    qtbot.addWidget(plot)
    vm.stepping = True
    X = PASSFAIL.X
    lo, hi = X.min(axis=0), X.max(axis=0)
    vm.set_current(0)
    samples_view = _view(plot)
    for k in (1, 2, 3, 10, 200, vm.run.iterations):
        vm.set_current(k)
        xs, ys = _boundary(plot)
        b0, b1, b2 = vm.run.params[k]
        assert xs.size == 2, f"k = {k}: no boundary drawn ({plot.note_text!r})"
        np.testing.assert_allclose(b0 + b1 * xs + b2 * ys, 0.0, atol=1e-9)
        x0, x1, y0, y1 = view = _view(plot)
        assert x0 <= lo[0] and hi[0] <= x1 and y0 <= lo[1] and hi[1] <= y1  # every sample
        # the boundary crosses the samples' band of sleep hours inside the view
        assert xs.min() >= x0 - 1e-9 and xs.max() <= x1 + 1e-9
        assert "outside" not in plot.note_text and "view" not in plot.note_text
        if k <= 3:  # left of the students: the view reaches out to it, at most a view more
            assert xs.max() < lo[0] and x0 < samples_view[0], k
            assert x0 >= samples_view[0] - (samples_view[1] - samples_view[0]) - 1e-9
            assert (x1, y0, y1) == pytest.approx(samples_view[1:])
        else:  # among them: the samples' own view again
            assert view == pytest.approx(samples_view), k
    vm.set_current(0)  # every b is 0: no boundary, and the remark says what follows
    assert _boundary(plot)[0].size == 0 and _view(plot) == pytest.approx(samples_view)
    assert plot.note_text == ("No boundary at this k: with b1 = b2 = 0 every sample has the "
                              "same p = σ(b0) = 0.5, so all are put in class 1.")


def test_a_far_boundary_keeps_the_view_and_says_where_it_lies(qtbot: QtBot) -> None:
    # b0 + 0.01·x1 + 1·x2 = 0 → x2 = −b0 − 0.01·x1: 50 hours of sleep, far above
    vm = RunViewModel(RunSpec(data=PASSFAIL, model="logistic", cost="bce",
                              start=(-50.0, 0.01, 1.0), max_iterations=3))
    plot = DataPlot(vm)
    qtbot.addWidget(plot)
    vm.stepping = True
    vm.set_current(0)
    assert _boundary(plot)[0].size == 0
    assert plot.note_text == "↑ The boundary of this k lies above the view."
    assert _view(plot)[3] < 20  # the view kept to the samples


def test_the_view_widens_along_the_nearer_side_only_up_to_one_view() -> None:
    view = (0.0, 10.0, 0.0, 10.0)
    assert widened(view, np.array([-5.0, 1.0, 1.0])) == view  # crosses it: as it is
    # x1 = −3 (upright, 3 left of the view): the whole crossing with a margin
    x0, x1, y0, y1 = widened(view, np.array([3.0, 1.0, 0.0]))
    assert (x1, y0, y1) == (10.0, 0.0, 10.0) and x0 == pytest.approx(-3.0 - 0.06 * 13.0)
    # 2·x1 + x2 = −8: crosses the band of heights at x1 = −4 … −9 (and that of widths
    # farther below, at x2 = −8 … −28): the left, wholly
    assert widened(view, np.array([8.0, 2.0, 1.0])) == pytest.approx(
        (-9.0 - 0.06 * 19.0, 10.0, 0.0, 10.0))
    # x1 + 0.5·x2 = −6: at x1 = −6 … −11, one view more is −10
    assert widened(view, np.array([6.0, 1.0, 0.5])) == (-10.0, 10.0, 0.0, 10.0)
    # x2 = 14: above, within a view
    assert widened(view, np.array([-14.0, 0.0, 1.0]))[3] == pytest.approx(14 + 0.06 * 14)
    # farther than a view beyond: as it is, and the remark's side
    far_right = np.array([-25.0, 1.0, 0.0])
    assert widened(view, far_right) == view and side(view, far_right) == "right"
    assert side(view, np.array([30.0, 1.0, 0.5])) == "left"  # x1 + 0.5·x2 = −30
    assert side(view, np.array([30.0, 0.0, 1.0])) == "below"
    assert side(view, np.array([1.0, 0.0, 0.0])) is None  # b1 = b2 = 0: no line
