"""Optimizers and schedules: PyTorch's torch.optim equations (shared/docs/optimizers.md).

First updates on the note's example are worked out by hand (E'(b1) = 5·b1 − 14, from 15:
g = 61); longer runs are checked against the algorithms as PyTorch's documentation writes
them, coded here independently of gdapp (and, for Adam, in the order of PyTorch's code).
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from gdapp.core import Dataset, RunSpec, run
from gdapp.core.optimizers import SCHEDULES


def note(**settings: object) -> RunSpec:
    return RunSpec(max_iterations=3, **settings)  # type: ignore[arg-type]


def b1(r: object) -> list[float]:
    return [float(v) for v in r.params[:, 0]]  # type: ignore[attr-defined]


# --- first updates by hand ----------------------------------------------------------------
def test_momentum_first_steps_by_hand() -> None:
    # t = 1: buf = g = 61 → 15 − 0.61; t = 2: g = 5·14.39 − 14 = 57.95, buf = 0.9·61 + 57.95
    r = run(note(optimizer="momentum"))
    assert b1(r)[:3] == [15.0, pytest.approx(14.39), pytest.approx(14.39 - 0.01 * 112.85)]
    assert r.state["velocity"][1:3, 0].tolist() == [61.0, pytest.approx(112.85)]


def test_nesterov_first_step_looks_ahead() -> None:
    # buf = 61; d = 61 + 0.9·61 = 115.9 → 15 − 1.159
    assert b1(run(note(optimizer="nesterov")))[1] == pytest.approx(13.841)


def test_dampening_leaves_part_of_each_new_gradient_out() -> None:
    # t = 2: buf = 0.9·61 + (1 − 0.5)·57.95 = 83.875
    r = run(note(optimizer="momentum", dampening=0.5))
    assert r.state["velocity"][2, 0] == pytest.approx(0.9 * 61 + 0.5 * 57.95)


def test_adagrad_first_step_is_eta_times_almost_one() -> None:
    # S = 61², d = 61/(61 + 1e−10)
    r = run(note(optimizer="adagrad"))
    assert b1(r)[1] == pytest.approx(15 - 0.01 * 61 / (61 + 1e-10), rel=1e-15)
    assert r.state["sum_sq"][1, 0] == 3721.0


def test_rmsprop_first_step_divides_by_a_tenth_of_the_gradient() -> None:
    # v = 0.01·3721 = 37.21, √v = 6.1, d = 61/(6.1 + 1e−8) ≈ 10 → 15 − 0.1
    r = run(note(optimizer="rmsprop"))
    assert b1(r)[1] == pytest.approx(15 - 0.01 * 61 / (math.sqrt(37.21) + 1e-8), rel=1e-15)


def test_adam_first_step_is_eta_times_the_sign() -> None:
    # m̂ = 61, v̂ = 3721: d = 61/(61 + 1e−8)
    r = run(note(optimizer="adam"))
    assert b1(r)[1] == pytest.approx(15 - 0.01 * 61 / (61 + 1e-8), rel=1e-15)
    assert r.state["m"][1, 0] == pytest.approx(6.1)
    assert r.state["v"][1, 0] == pytest.approx(3.721)


def test_plain_gradient_descent_has_no_state_and_the_notes_numbers() -> None:
    r = run(note())
    assert r.state == {} and b1(r) == [15.0, 14.39, pytest.approx(13.8105),
                                       pytest.approx(13.259975)]
    assert math.isnan(r.lr[0]) and r.lr[1:].tolist() == [0.01] * 3


# --- the documented algorithms, written out ----------------------------------------------
def torch_reference(optimizer: str, grad: object, theta: np.ndarray, lr: float, steps: int,
                    **h: float) -> np.ndarray:
    """torch.optim's documented algorithm, step by step (no gdapp code)."""
    mu, tau = h.get("momentum", 0.9 if optimizer in ("momentum", "nesterov") else 0.0), \
        h.get("dampening", 0.0)
    b1_, b2_ = h.get("beta1", 0.9), h.get("beta2", 0.999)
    alpha = h.get("alpha", 0.99)
    eps = h.get("eps", 1e-10 if optimizer == "adagrad" else 1e-8)
    centered, amsgrad = bool(h.get("centered", 0)), bool(h.get("amsgrad", 0))
    buf = np.zeros_like(theta)
    s = np.zeros_like(theta)
    v = np.zeros_like(theta)
    a = np.zeros_like(theta)
    m = np.zeros_like(theta)
    vmax = np.zeros_like(theta)
    out = [theta.copy()]
    for t in range(1, steps + 1):
        g = grad(theta)  # type: ignore[operator]
        if optimizer in ("momentum", "nesterov"):
            buf = g.copy() if t == 1 else mu * buf + (1 - tau) * g
            g = g + mu * buf if optimizer == "nesterov" else buf
            theta = theta - lr * g
        elif optimizer == "adagrad":
            s = s + g * g
            theta = theta - lr * g / (np.sqrt(s) + eps)
        elif optimizer == "rmsprop":
            v = alpha * v + (1 - alpha) * g * g
            avg = v
            if centered:
                a = alpha * a + (1 - alpha) * g
                avg = v - a * a
            if mu > 0:
                buf = mu * buf + g / (np.sqrt(avg) + eps)
                theta = theta - lr * buf
            else:
                theta = theta - lr * g / (np.sqrt(avg) + eps)
        elif optimizer == "adam":  # the order of torch's code: step_size, denom
            m = b1_ * m + (1 - b1_) * g
            v = b2_ * v + (1 - b2_) * g * g
            c1, c2 = 1 - b1_ ** t, 1 - b2_ ** t
            if amsgrad:
                vmax = np.maximum(vmax, v)
                denom = np.sqrt(vmax) / math.sqrt(c2) + eps
            else:
                denom = np.sqrt(v) / math.sqrt(c2) + eps
            theta = theta - (lr / c1) * m / denom
        out.append(theta.copy())
    return np.array(out)


CASES = [("momentum", {}), ("momentum", {"momentum": 0.5, "dampening": 0.3}),
         ("nesterov", {"momentum": 0.8}), ("adagrad", {}), ("rmsprop", {}),
         ("rmsprop", {"momentum": 0.6, "centered": 1}), ("adam", {}),
         ("adam", {"beta1": 0.8, "beta2": 0.99, "amsgrad": 1})]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize(("optimizer", "hyper"), CASES)
def test_every_optimizer_follows_torchs_documented_algorithm(
        seed: int, optimizer: str, hyper: dict[str, float]) -> None:
    rng = np.random.default_rng(seed)
    p = int(rng.integers(1, 5))
    X = rng.normal(size=(12, p))
    y = X @ rng.normal(size=p) + 0.5 + rng.normal(0, 0.3, 12)
    data = Dataset(X, y)
    xa = np.column_stack([np.ones(12), X])

    def grad(theta: np.ndarray) -> np.ndarray:
        return -2.0 * xa.T @ (y - xa @ theta) / 12

    start = tuple(rng.normal(size=p + 1).tolist())
    spec = RunSpec(data=data, model="line", optimizer=optimizer, learning_rate=0.02,
                   start=start, max_iterations=150, **hyper)  # type: ignore[arg-type]
    for kernel in ("general", "squared"):
        r = run(spec, stop_at_convergence=False, kernel=kernel)
        ref = torch_reference(optimizer, grad, np.array(start), 0.02, 150, **hyper)
        np.testing.assert_allclose(r.params, ref, rtol=1e-9, atol=1e-11)


@pytest.mark.parametrize(("optimizer", "hyper"), CASES)
@pytest.mark.parametrize("schedule", sorted(SCHEDULES))
def test_the_vector_kernel_equals_the_general_loop_for_every_optimizer_and_schedule(
        optimizer: str, hyper: dict[str, float], schedule: str) -> None:
    rng = np.random.default_rng(7)
    X = rng.normal(size=(30, 4))
    data = Dataset(X, X @ [1.0, -2.0, 0.0, 0.5] + rng.normal(0, 0.1, 30))
    for penalty, lam in (("none", 0.0), ("l2", 0.1), ("l1", 0.05)):
        spec = RunSpec(data=data, model="line", optimizer=optimizer, schedule=schedule,
                       learning_rate=0.05, penalty=penalty, lam=lam, max_iterations=200,
                       step_size=20, gamma=0.9, **hyper)  # type: ignore[arg-type]
        general = run(spec, kernel="general")
        vector = run(spec, kernel="squared")
        assert general.iterations == vector.iterations
        np.testing.assert_allclose(vector.params, general.params, rtol=1e-12, atol=1e-13)
        np.testing.assert_allclose(vector.lr[1:], general.lr[1:], rtol=0)
        for name in general.state:
            np.testing.assert_allclose(vector.state[name], general.state[name], rtol=1e-11,
                                       atol=1e-12)


# --- schedules ------------------------------------------------------------------------------
@pytest.mark.parametrize(("schedule", "expected"), [
    ("constant", [0.1, 0.1, 0.1, 0.1, 0.1, 0.1]),
    ("step", [0.1, 0.1, 0.05, 0.05, 0.025, 0.025]),          # γ = 0.5 every s = 2 updates
    ("exponential", [0.1, 0.05, 0.025, 0.0125, 0.00625, 0.003125]),
    ("invscaling", [0.1 / t ** 0.25 for t in range(1, 7)]),
    ("cosine", [0.1 * (1 + math.cos(math.pi * (t - 1) / 6)) / 2 for t in range(1, 7)]),
])
def test_each_schedule_gives_the_documented_eta_of_every_update(
        schedule: str, expected: list[float]) -> None:
    r = run(RunSpec(learning_rate=0.1, schedule=schedule, gamma=0.5, step_size=2,
                    max_iterations=6), stop_at_convergence=False)
    assert r.lr[1:] == pytest.approx(expected, rel=1e-15)
    steps = -np.diff(r.params[:, 0])
    gradients = 5 * r.params[:-1, 0] - 14
    np.testing.assert_allclose(steps, r.lr[1:] * gradients, rtol=1e-12)


# --- stability, penalties, validation -------------------------------------------------------
def test_heavy_ball_momentum_is_stable_below_two_plus_two_mu_over_lambda_max() -> None:
    # λ_max = E'' = 5: with μ = 0.5 the limit is (2 + 1)/5 = 0.6 (gradient descent: 0.4)
    spec = RunSpec(optimizer="momentum", momentum=0.5, max_iterations=20_000)
    assert run(spec).stability_limit == pytest.approx(0.6)
    assert run(replace(spec, learning_rate=0.58)).status == "converged"
    assert run(replace(spec, learning_rate=0.62)).status == "diverged"
    assert run(replace(spec, learning_rate=0.5, optimizer="gd")).status == "diverged"


def test_l1_with_another_optimizer_takes_the_subgradient() -> None:
    r = run(RunSpec(optimizer="adam", penalty="l1", lam=1.0, learning_rate=0.1))
    assert r.l1_rule == "subgradient"
    assert run(RunSpec(penalty="l1", lam=1.0)).l1_rule == "proximal"
    assert abs(r.final[0] - 2.6) < 0.05  # near the optimum (14 − 1)/5, not necessarily on it


@pytest.mark.parametrize(("settings", "message"), [
    ({"optimizer": "sgd2"}, "optimizer must be one of"),
    ({"optimizer": "nesterov", "dampening": 0.1}, "Nesterov momentum needs"),
    ({"optimizer": "nesterov", "momentum": 0.0}, "Nesterov momentum needs"),
    ({"optimizer": "adam", "beta1": 1.0}, r"β1 must be in \[0, 1\)"),
    ({"optimizer": "adam", "eps": 0.0}, "ε must be > 0"),
    ({"optimizer": "momentum", "momentum": -0.1}, r"momentum μ must be in"),
    ({"schedule": "step", "step_size": 0}, "step size s must be a whole number"),
    ({"schedule": "exponential", "gamma": 0.0}, "γ must be > 0"),
    ({"schedule": "sometimes"}, "schedule must be one of"),
])
def test_bad_optimizer_settings_say_why(settings: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RunSpec(**settings).validated()  # type: ignore[arg-type]


def test_the_notes_settings_sheet_gains_no_optimizer_rows() -> None:
    assert set(RunSpec().validated().settings()) == {
        "model", "cost", "penalty", "lambda_", "l1_method", "eta", "max_iterations",
        "tolerance", "b1_start"}
    adam = RunSpec(optimizer="adam", schedule="step").validated().settings()
    assert {"optimizer", "beta1", "beta2", "eps", "amsgrad", "schedule", "gamma",
            "step_size"} <= set(adam)
    assert "momentum" not in adam and "power_t" not in adam


# --- the command line -------------------------------------------------------------------------
def test_cli_optimizer_flags_and_the_json_of_lr_and_state(capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    import json

    from gdapp.cli import main

    assert main(["run", "--optimizer", "adam", "--beta1", "0.8", "--eta", "0.5",
                 "--schedule", "exponential", "--gamma", "0.99", "--iterations", "5",
                 "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["settings"]["optimizer"] == "adam" and d["settings"]["beta1"] == 0.8
    assert d["history"]["lr"][0] is None
    assert d["history"]["lr"][1:] == pytest.approx([0.5 * 0.99 ** (t - 1) for t in range(1, 6)])
    assert set(d["history"]["state"]) == {"m", "v", "v_max"}
    assert d["history"]["state"]["m"][1] == [pytest.approx(0.2 * 61)]
    assert d["stability_limit"] is None


def test_cli_notes_flags_the_optimizer_does_not_use(capsys: pytest.CaptureFixture[str]) -> None:
    from gdapp.cli import main

    assert main(["run", "--optimizer", "adagrad", "--beta2", "0.9", "--penalty", "l1",
                 "--lam", "1"]) == 0
    captured = capsys.readouterr()
    assert "--beta2 has no effect with --optimizer adagrad" in captured.err
    assert "L1 with adagrad takes the plain subgradient step" in captured.err
    assert "optimizer: optimizer = adagrad, eps = 1e-10; L1 by the subgradient step" \
        in captured.out


def test_workbooks_hold_every_optimizer_and_batch_and_standardized_data(
        tmp_path: object, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from gdapp.cli import main

    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]
    assert main(["export", "--optimizer", "momentum", "-o", "m.xlsx"]) == 0
    assert main(["export", "--batch-size", "1", "-o", "b.xlsx"]) == 0
    capsys.readouterr()
    # standardized features are z-score formulas of the samples as read
    # (gdapp.excel.shaped; verified in tests/test_workbook_overfit.py)
    assert main(["export", "--example", "features", "--standardize", "-o", "s.xlsx"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    # (the window shows them: tests/test_gui_optimizers.py)


def test_a_velocity_passing_zero_mid_flight_is_not_convergence() -> None:
    # μ = 0.5, η = 0.1: b1 = 15, 8.9, 2.8, −0.25 and then buf = 0.5·30.5 − 15.25 = 0: one step
    # of 0 while the slope is −15.25; the run goes on to 2.8
    r = run(RunSpec(optimizer="momentum", momentum=0.5, learning_rate=0.1))
    assert r.params[4, 0] == pytest.approx(-0.25) and r.step[4, 0] == pytest.approx(0, abs=1e-12)
    assert r.status == "converged" and r.converged_at > 4
    assert r.final[0] == pytest.approx(2.8, abs=1e-8)


def test_centred_rmsprop_on_a_constant_gradient_does_not_take_a_negative_root() -> None:
    data = Dataset([0.001, 0.001], [5.0, 5.0])
    r = run(RunSpec(data=data, cost="mae", optimizer="rmsprop", centered=True, alpha=0.5,
                    learning_rate=0.001, max_iterations=200))
    assert r.status != "diverged" and np.all(np.isfinite(r.params))


def test_each_decaying_schedule_has_a_default_of_its_own() -> None:
    # Σ η·γ^(t−1) = η/(1 − γ): with γ = 0.5 the note's run can move 2η·g in all and stops
    # 11 from the optimum; the exponential schedule's 0.99 gets within 0.1
    exponential = run(RunSpec(schedule="exponential"))
    assert exponential.spec.settings()["gamma"] == 0.99
    assert abs(exponential.final[0] - 2.8) < 0.1
    assert abs(run(RunSpec(schedule="exponential", gamma=0.5)).final[0] - 2.8) > 10
    assert RunSpec(schedule="step").validated().settings()["gamma"] == 0.5


def test_mini_batch_runs_claim_no_full_batch_stability_limit() -> None:
    assert run(RunSpec(batch_size=1, learning_rate=0.05)).stability_limit is None
