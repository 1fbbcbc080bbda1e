"""Every number the lecture note quotes (docs/worked-example.md in shared/) as a test."""

from __future__ import annotations

import numpy as np
import pytest

from gdapp.core import DOCUMENT, NOTE_RUNS, Objective, RunSpec, run


def test_cost_at_the_start_15_is_372_5_with_slope_61() -> None:
    obj = Objective(DOCUMENT, model="origin", cost="mse", penalty="none", lam=0.0)
    p = np.array([[15.0]])
    assert obj.cost(p)[0] == pytest.approx(372.5, rel=1e-15)
    assert obj.gradient(p)[0, 0] == pytest.approx(61.0, rel=1e-15)


def test_first_update_from_15_with_eta_001_is_1439() -> None:
    r = run(RunSpec(learning_rate=0.01))
    assert r.params[0, 0] == 15.0
    assert r.params[1, 0] == pytest.approx(14.39, abs=1e-12)
    assert r.params[2, 0] == pytest.approx(13.8105, abs=1e-12)
    assert r.params[3, 0] == pytest.approx(13.259975, abs=1e-12)
    assert r.gradient[0, 0] == pytest.approx(61.0)


def test_eta_001_converges_to_28_with_cost_04() -> None:
    r = run(RunSpec(learning_rate=0.01))
    assert r.status == "converged"
    assert r.final[0] == pytest.approx(2.8, abs=1e-6)
    assert r.objective[-1] == pytest.approx(0.4, abs=1e-12)
    assert r.optimum.params == pytest.approx((2.8,), abs=1e-15)
    assert r.optimum.objective == pytest.approx(0.4, rel=1e-12)


def test_eta_01_needs_far_fewer_iterations_than_001() -> None:
    slow = run(RunSpec(learning_rate=0.01))
    fast = run(RunSpec(learning_rate=0.1))
    assert fast.status == slow.status == "converged"
    assert 300 <= slow.iterations <= 450  # the note's "about 400"
    assert 25 <= fast.iterations <= 40    # "about 34"
    assert fast.iterations * 8 < slow.iterations


def test_eta_01_halves_the_distance_to_28_each_step() -> None:
    r = run(RunSpec(learning_rate=0.1))
    assert r.params[1:4, 0] == pytest.approx([8.9, 5.85, 4.325], abs=1e-12)
    d = np.abs(r.params[:10, 0] - 2.8)
    assert d[1:] / d[:-1] == pytest.approx(np.full(9, 0.5), rel=1e-9)


@pytest.mark.parametrize(("lam", "optimum"), [(0.5, 14 / 6), (1.0, 14 / 7)])
def test_l2_moves_the_optimum_to_14_over_5_plus_2_lambda(lam: float, optimum: float) -> None:
    r = run(RunSpec(penalty="l2", lam=lam))
    assert r.optimum.params == pytest.approx((optimum,), rel=1e-15)
    assert r.status == "converged"
    assert r.final[0] == pytest.approx(optimum, abs=1e-6)
    assert r.stability_limit == pytest.approx(2 / (5 + 2 * lam))


@pytest.mark.parametrize("lam", [0.5, 1.0, 3.0, 13.0])
def test_l1_optimum_is_14_minus_lambda_over_5(lam: float) -> None:
    r = run(RunSpec(penalty="l1", lam=lam))
    assert r.optimum.params == pytest.approx(((14 - lam) / 5,), rel=1e-14)
    assert r.final[0] == pytest.approx((14 - lam) / 5, abs=1e-6)


@pytest.mark.parametrize("lam", [14.5, 20.0, 100.0])
def test_l1_proximal_step_lands_on_exactly_zero_beyond_lambda_14(lam: float) -> None:
    r = run(RunSpec(penalty="l1", lam=lam))
    assert r.optimum.params == (0.0,)
    assert r.status == "converged"
    assert r.final[0] == 0.0


def test_l1_subgradient_step_jitters_around_zero_instead() -> None:
    r = run(RunSpec(penalty="l1", lam=20.0, l1_method="subgradient", max_iterations=2000))
    tail = r.params[-100:, 0]
    assert r.status == "max_iterations"
    assert np.any(tail > 0) and np.any(tail < 0)
    assert np.max(np.abs(tail)) < 0.5


@pytest.mark.parametrize("lam", [0.1, 1.0, 10.0, 1000.0])
def test_l2_shrinks_but_never_reaches_zero(lam: float) -> None:
    r = run(RunSpec(penalty="l2", lam=lam, learning_rate=min(0.01, 1 / (5 + 2 * lam))))
    assert r.optimum.params is not None
    assert r.optimum.params[0] == pytest.approx(14 / (5 + 2 * lam))
    assert r.final[0] > 0


def test_eta_02_lands_on_28_in_one_step() -> None:
    r = run(RunSpec(learning_rate=0.2))
    assert r.params[1, 0] == pytest.approx(2.8, abs=1e-12)


def test_eta_04_oscillates_between_15_and_minus_94_without_drifting() -> None:
    r = run(RunSpec(learning_rate=0.4, max_iterations=10_000))
    assert r.status == "max_iterations"
    assert r.params[0::2, 0] == pytest.approx(np.full(r.params[0::2].shape[0], 15.0), abs=1e-9)
    assert r.params[1::2, 0] == pytest.approx(np.full(r.params[1::2].shape[0], -9.4), abs=1e-9)
    assert r.stability_limit == pytest.approx(0.4)


@pytest.mark.parametrize("eta", [0.41, 0.5, 1.0, 10.0])
def test_eta_beyond_04_diverges_cleanly(eta: float) -> None:
    r = run(RunSpec(learning_rate=eta))
    assert r.status == "diverged"
    assert r.diverged_at == r.iterations + 1
    for arr in (r.params, r.gradient, r.cost, r.penalty, r.objective, r.step):
        assert np.all(np.isfinite(arr))
    d = np.abs(r.params[:, 0] - 2.8)
    assert np.all(d[1:] > d[:-1])  # every update moves away from the optimum


def test_mae_optimum_is_3_with_value_05() -> None:
    r = run(RunSpec(cost="mae"))
    assert r.optimum.params == (3.0,)
    assert r.optimum.objective == pytest.approx(0.5)
    assert abs(r.final[0] - 3.0) < 0.05


def test_rmse_has_the_minimiser_of_mse_with_value_sqrt_04() -> None:
    r = run(RunSpec(cost="rmse", learning_rate=0.1))
    assert r.optimum.params == pytest.approx((2.8,))
    assert r.optimum.objective == pytest.approx(np.sqrt(0.4))
    assert r.final[0] == pytest.approx(2.8, abs=1e-6)


def test_every_note_run_ends_as_the_note_says() -> None:
    status = {name: run(spec).status for name, spec in NOTE_RUNS.items()}
    assert status == {
        "eta-0.01": "converged", "eta-0.1": "converged", "l2-lambda-0.5": "converged",
        "l2-lambda-1": "converged", "l1-lambda-1": "converged",
        "eta-0.4-oscillates": "max_iterations", "eta-0.41-diverges": "diverged",
    }
