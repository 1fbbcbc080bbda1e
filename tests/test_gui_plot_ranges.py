"""Where the plots look on several features: the cost slice around its own minimum (the bowl
visible from any iterate, standardized or not), and the curve of standardized powers of x
drawn over x."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from gdapp.core import EXAMPLES, RunSpec, run
from gdapp.gui.holdout_shape import Shaping
from gdapp.gui.polynomial_view import curve, dense_grid, shows_polynomial
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

FEATURES = EXAMPLES["features"]


def _window(qtbot: Any, spec: RunSpec) -> MainWindow:
    win = MainWindow(RunViewModel(spec), store=None)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _slice_minimum(win: MainWindow, k: int, j: int) -> float:
    """The lowest point of the slice through iterate k along parameter j, on a fine grid
    far wider than any view (computed here, not by the plot)."""
    r = win.vm.run
    t = np.linspace(-300.0, 300.0, 600_001)
    grid = np.repeat(r.params[k][None, :], t.size, axis=0)
    grid[:, j] = t
    from gdapp.core import Objective

    return float(t[int(np.argmin(Objective.of(r.spec).value(grid)))])


@pytest.mark.parametrize("standardize", [False, True])
def test_the_cost_slice_shows_the_bowl_around_its_minimum(qtbot: Any,
                                                          standardize: bool) -> None:
    data = FEATURES.standardized(centre=True) if standardize else FEATURES
    eta = 0.1 if standardize else 0.0009  # the README's runs
    spec = RunSpec(data=data, model="line", penalty="l1", lam=2.0, learning_rate=eta)
    win = _window(qtbot, spec)
    plot = win.cost_slice
    assert win.cost_plots.currentWidget() is plot
    r = win.vm.run
    for name in ("b1", "b0", "b4"):
        plot.choose(name)
        j = list(r.spec.param_names).index(name)
        for k in (0, 3, 40, r.iterations):
            win.vm.set_current(k)
            (x0, x1), (y0, y1) = plot.plot_item.getViewBox().viewRange()
            m, b = _slice_minimum(win, k, j), float(r.params[k, j])
            star = float(r.optimum.params[j])
            assert x0 < m < x1 and x0 <= b <= x1 and x0 <= star <= x1, (name, k)
            # centred on the minimum, reaching a sensible multiple of the distance to the
            # current value and the optimum (or of the path's spread, once converged)
            spread = float(np.ptp(r.params[:, j]))
            far = max(abs(b - m), abs(star - m))
            half = (x1 - x0) / 2
            assert abs((x0 + x1) / 2 - m) < 0.02 * half, (name, k)
            assert far <= half <= 3 * max(far, 0.5 * spread, 0.1 * abs(m)) + 1e-9, (name, k)
            # the bowl fills the view: the curves drawn (E and E + penalty) rise over most
            # of its height (the rest is the legend's band)
            ys = np.concatenate([plot.cost_curve.getData()[1], plot.objective_curve.getData()[1]])
            assert (np.nanmax(ys) - np.nanmin(ys)) > 0.5 * (y1 - y0), (name, k)
            assert y0 <= float(r.objective[k]) <= y1


def test_the_standardized_polynomial_is_drawn_over_x(qtbot: Any) -> None:
    data, held = Shaping(EXAMPLES["overfit"], 3, 0.3, 1, standardize=True).shaped()
    spec = RunSpec(data=data, holdout=held, model="line", learning_rate=0.3,
                   max_iterations=3000).validated()
    assert shows_polynomial(spec)
    win = _window(qtbot, spec)
    assert win.data_plots.currentWidget() is win.polynomial_plot
    plot = win.polynomial_plot
    raw, _ = Shaping(EXAMPLES["overfit"], 3, 0.3, 1).shaped()
    xs, _ = plot.train_item.getData()
    np.testing.assert_allclose(xs, raw.X[:, 0], atol=1e-12)  # the samples at their own x
    k = win.vm.run.iterations
    win.vm.set_current(k)
    gx, gy = plot.curve_item.getData()
    assert gx.size > 100 and np.isfinite(gy).all()
    # the curve at a training sample's x is the run's ŷ there (the z-scores' sums)
    r = run(spec)
    i = int(np.argmin(np.abs(gx - raw.X[0, 0])))
    _, X = dense_grid(float(gx[i]), float(gx[i]), 3, "x", data)
    expected = curve(r.params[k], X)[0]
    assert gy[i] == pytest.approx(expected, rel=1e-9)
    one = float(r.params[k, 0] + data.X[0] @ r.params[k, 1:])
    assert curve(r.params[k], dense_grid(raw.X[0, 0], raw.X[0, 0], 3, "x", data)[1])[0] == \
        pytest.approx(one, rel=1e-9)
