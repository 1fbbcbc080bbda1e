"""Runs that never settle say why; L1's kink shows what the step does there."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from gdapp.core import run
from gdapp.gui.viewmodel import default_spec
from gdapp.gui.window import MainWindow, describe_status


def test_mae_bouncing_around_its_kink_is_explained() -> None:
    r = run(dataclasses.replace(default_spec(), cost="mae"))
    assert r.status == "max_iterations"
    _, warning = describe_status(r, r.iterations)
    assert "hop between b1 = 2.995 and 3" in warning
    assert "smaller η" in warning and "0.005" in warning


def test_the_slow_line_model_gets_an_estimate_of_the_updates_left() -> None:
    r = run(dataclasses.replace(default_spec(), model="line", start=(0.0, 15.0)))
    assert r.status == "max_iterations"
    _, warning = describe_status(r, r.iterations)
    assert "creeping" in warning and "narrow valley" in warning
    more = int(warning.split("about ")[1].split(" more")[0].replace(",", ""))
    # the estimate holds: that many more updates do converge
    longer = run(dataclasses.replace(r.spec, max_iterations=r.iterations + more + 5))
    assert longer.status == "converged"
    assert longer.converged_at == pytest.approx(r.iterations + more, abs=5)


def test_a_converged_run_gets_no_hint() -> None:
    r = run(default_spec())
    assert describe_status(r, r.iterations)[1] == ""


def test_at_l1s_kink_the_plot_shows_both_one_sided_slopes(window: MainWindow) -> None:
    window.vm.update(penalty="l1", lam=20.0)
    window.run_to_end()
    assert window.vm.run.final == (0.0,)
    x, y = (np.asarray(v, dtype=float) for v in window.cost_plot.tangent.getData())
    assert x.size == 3 and x[1] == 0.0
    left = (y[1] - y[0]) / (x[1] - x[0])
    right = (y[2] - y[1]) / (x[2] - x[1])
    # E'(0) = −14: the V's arms have slopes −14 − 20 and −14 + 20
    assert left == pytest.approx(-34.0) and right == pytest.approx(6.0)
    # both pieces touch the V at 0 and stay under its (convex) arms
    values = window.vm.objective.value(x[:, None])
    assert y[1] == pytest.approx(values[1]) and np.all(y <= values + 1e-9)
