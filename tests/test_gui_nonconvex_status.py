"""The non-convex run says what the command line says: stuck in a local minimum, and where
the lowest valley is — never "converged … exact optimum" of a valley it did not reach."""

from __future__ import annotations

import dataclasses

from gdapp.core import EXAMPLES, RunSpec, run
from gdapp.gui.status_text import describe_status
from gdapp.gui.window import MainWindow


def _nonconvex(start: float) -> RunSpec:
    return RunSpec(data=EXAMPLES["nonconvex"], model="sine", start=(start,)).validated()


def test_a_run_stuck_in_a_local_minimum_says_so_and_names_the_lowest_valley() -> None:
    r = run(_nonconvex(3.0))
    info, warning = describe_status(r, r.iterations)
    assert "stuck in a local minimum at b1 = 2.533" in warning
    assert "the lowest valley is at b1* = 1.5" in warning
    assert "exact optimum" not in info and "lowest valley b1* = 1.5" in info


def test_a_run_that_reaches_the_lowest_valley_is_not_called_stuck() -> None:
    r = run(_nonconvex(1.4))
    _, warning = describe_status(r, r.iterations)
    assert r.local_minimum is None and "stuck" not in warning


def test_while_stepping_the_ending_stays_hidden() -> None:
    r = run(_nonconvex(3.0))
    _, warning = describe_status(r, 3, stepping=True)
    assert "stuck" not in warning


def test_the_cost_plot_labels_the_lowest_valley_not_an_exact_optimum(
        window: MainWindow) -> None:
    window.vm.set_spec(dataclasses.replace(_nonconvex(3.0)))
    labels = [label for _, label in window.cost_plot._legend_entries]
    assert any(label.startswith("lowest valley b1 = 1.5") for label in labels)
    assert not any(label.startswith("exact optimum") for label in labels)
