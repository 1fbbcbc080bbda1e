"""Stepping through a long run, the objective plot shows the steps taken: before, η = 0.4
(bouncing for 10,000 updates) drew its first three steps as a dot at the edge of a
0–10,000 axis (lesson scenes 5 and 16)."""

from __future__ import annotations

from typing import Any

from gdapp.core import RunSpec
from gdapp.gui.objective_plot import STEPPING_ROWS, stepping_rows


def test_stepping_rows_grow_in_a_few_jumps() -> None:
    assert [stepping_rows(k) for k in (0, 3, 12, 13, 25, 26)] == [20, 20, 20, 40, 40, 80]
    assert all(stepping_rows(k) > k for k in range(2000))


def test_the_first_steps_of_a_bouncing_run_fill_the_objective_plot(qtbot: Any,
                                                                    window: Any) -> None:
    window.vm.set_spec(RunSpec(learning_rate=0.4).validated())
    window.vm.stepping = True
    window.vm.set_current(3)
    plot = window.objective_plot
    (x0, x1), _ = plot.plot_item.getViewBox().viewRange()
    assert window.vm.run.iterations == 10_000
    assert x1 - x0 <= STEPPING_ROWS + 1
    xs, _ys = plot.objective_curve.getData()
    assert xs is not None and xs[-1] == 3            # drawn up to k, not beyond
    assert (xs[-1] - xs[0]) / (x1 - x0) > 0.1        # a tenth of the axis, not a dot
    # stepping on, the axis widens once k needs it, and the curve stays in view
    window.vm.set_current(25)
    (x0, x1), _ = plot.plot_item.getViewBox().viewRange()
    assert 25 < x1 <= stepping_rows(25) + 1
    # run to the end: the whole run's view again
    window.vm.stepping = False
    window.vm.set_current(window.vm.run.iterations)
    (x0, x1), _ = plot.plot_item.getViewBox().viewRange()
    assert x1 > 1000
