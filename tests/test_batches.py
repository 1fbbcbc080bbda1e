"""Mini-batch and stochastic descent: which samples each update uses, its gradient, the
stopping rule (shared/docs/optimizers.md, "Mini-batch")."""

from __future__ import annotations

import json

import numpy as np
import pytest

from gdapp.cli import main
from gdapp.core import EXAMPLES, Dataset, RunSpec, run
from gdapp.core.batches import PATIENCE, batches_per_epoch, epoch_rule
from gdapp.core.objective import direct_gradient


def test_sgd_on_the_notes_samples_by_hand() -> None:
    # update 1 uses (1, 2): g = −2·1·(2 − 15) = 26 → 15 − 0.05·26 = 13.7;
    # update 2 uses (2, 6): g = −2·2·(6 − 2·13.7) = 85.6 → 13.7 − 4.28 = 9.42
    r = run(RunSpec(batch_size=1, learning_rate=0.05, max_iterations=2))
    assert r.params[:, 0].tolist() == [15.0, 13.7, pytest.approx(9.42)]
    assert r.batch(1).tolist() == [0] and r.batch(2).tolist() == [1]


@pytest.mark.parametrize("cost", ["mse", "mae", "rmse"])
@pytest.mark.parametrize("model", ["origin", "line"])
def test_each_update_uses_the_gradient_of_its_batch_alone(cost: str, model: str) -> None:
    rng = np.random.default_rng(2)
    X = rng.normal(size=(23, 3))
    data = Dataset(X, X @ [1.0, -1.0, 2.0] + rng.normal(size=23))
    spec = RunSpec(data=data, model=model, cost=cost, batch_size=5, shuffle=True, seed=11,
                   learning_rate=0.01, max_iterations=12)
    r = run(spec, stop_at_convergence=False)
    for t in range(1, 13):
        idx = r.batch(t)
        part = Dataset(X[idx], data.y[idx])
        g = direct_gradient(cost, r.params[t - 1:t], part)[0]
        np.testing.assert_allclose(r.params[t], r.params[t - 1] - 0.01 * g, rtol=1e-12,
                                   atol=1e-14)


@pytest.mark.parametrize("cost", ["mse", "mae", "rmse"])
def test_a_sine_batch_takes_the_sine_models_gradient(cost: str) -> None:
    # ŷ = sin(b1·x): the batch gradient is −(2/B)·Σ x·cos(b1·x)·r over its samples (MSE),
    # not the straight line's −(2/B)·Σ x·r
    data = EXAMPLES["nonconvex"]
    spec = RunSpec(data=data, model="sine", cost=cost, batch_size=3, shuffle=True, seed=4,
                   start=(2.0,), learning_rate=0.05, max_iterations=9)
    r = run(spec, stop_at_convergence=False)
    x, y = data.X[:, 0], data.y
    for t in range(1, 10):
        idx = r.batch(t)
        part = Dataset(x[idx], y[idx])
        g = direct_gradient(cost, r.params[t - 1:t], part, "sine")[0]
        np.testing.assert_allclose(r.params[t], r.params[t - 1] - 0.05 * g, rtol=1e-12,
                                   atol=1e-14)
    b, i = r.params[1, 0], r.batch(2)
    linear = -2.0 * np.mean(x[i] * (y[i] - b * x[i]))
    if cost == "mse":
        assert abs(r.batch_gradient[2, 0] - linear) > 1e-3


def test_epochs_take_every_sample_once_and_the_last_batch_is_smaller() -> None:
    data = Dataset(np.arange(7.0), np.arange(7.0) * 2 + 1)
    r = run(RunSpec(data=data, batch_size=3, shuffle=True, seed=5, max_iterations=9),
            stop_at_convergence=False)
    sizes = [r.batch(t).size for t in range(1, 10)]
    assert sizes == [3, 3, 1] * 3
    for epoch in range(3):
        seen = np.concatenate([r.batch(3 * epoch + j) for j in (1, 2, 3)])
        assert sorted(seen.tolist()) == list(range(7))
    orders = [np.concatenate([r.batch(3 * e + j) for j in (1, 2, 3)]).tolist()
              for e in range(3)]
    assert orders[0] != orders[1] or orders[1] != orders[2]  # shuffled anew each epoch
    in_order = run(RunSpec(data=data, batch_size=3, max_iterations=3))
    assert [in_order.batch(t).tolist() for t in (1, 2, 3)] == [[0, 1, 2], [3, 4, 5], [6]]


def test_the_same_seed_gives_the_same_run_and_another_seed_another() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=50)
    data = Dataset(x, 2 * x + rng.normal(size=50))
    spec = RunSpec(data=data, batch_size=4, shuffle=True, seed=42, learning_rate=0.05,
                   max_iterations=300)
    a, b = run(spec, stop_at_convergence=False), run(spec, stop_at_convergence=False)
    assert np.array_equal(a.params, b.params)
    other = run(RunSpec(**{**spec.__dict__, "seed": 43}), stop_at_convergence=False)
    assert not np.array_equal(a.params, other.params)


def test_a_constant_eta_sgd_run_stops_when_the_objective_stops_improving() -> None:
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 2, 200)
    data = Dataset(x, 2.8 * x + rng.normal(0, 0.5, 200))
    r = run(RunSpec(data=data, batch_size=10, shuffle=True, seed=1, learning_rate=0.05,
                    max_iterations=100_000))
    assert r.status == "converged" and r.iterations < 100_000
    assert r.iterations % 20 == 0  # at the end of an epoch (200/10 updates)
    assert r.iterations >= PATIENCE * 20
    assert abs(r.final[0] - r.optimum.params[0]) < 0.1
    # every row holds the objective over all 200 samples, not the batch's
    np.testing.assert_allclose(r.cost, np.mean((data.y - r.params * x) ** 2, axis=1),
                               rtol=1e-9)


def test_a_batch_as_large_as_the_data_is_the_full_batch() -> None:
    assert np.array_equal(run(RunSpec(batch_size=2)).params, run(RunSpec()).params)


@pytest.mark.parametrize("size", [0, 3])
def test_a_batch_size_outside_one_to_n_is_refused(size: int) -> None:
    with pytest.raises(ValueError, match="the batch size B must be a whole number from 1"):
        RunSpec(batch_size=size).validated()


def test_cli_batches_in_the_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--batch-size", "1", "--shuffle", "--seed", "7", "--iterations", "4",
                 "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["history"]["batch"][0] is None
    assert all(len(b) == 1 for b in d["history"]["batch"][1:])
    assert sorted(d["history"]["batch"][1] + d["history"]["batch"][2]) == [0, 1]
    assert d["settings"]["batch_size"] == 1 and d["settings"]["seed"] == 7


def test_each_row_records_the_batch_gradient_that_made_its_step() -> None:
    # update 1 uses (1, 2): g = 26 (by hand, as above); with L2 λ = 0.5 the step also adds
    # 2λ·b1 = 15
    r = run(RunSpec(batch_size=1, learning_rate=0.05, max_iterations=3, penalty="l2", lam=0.5),
            stop_at_convergence=False)
    g = r.batch_gradient
    assert g is not None and np.isnan(g[0, 0])
    assert g[1, 0] == pytest.approx(26.0 + 15.0)
    np.testing.assert_allclose(r.params[1:, 0], r.params[:-1, 0] - 0.05 * g[1:, 0])
    assert run(RunSpec()).batch_gradient is None


def test_cli_json_holds_the_batch_gradient(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--batch-size", "1", "--iterations", "2", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["history"]["batch_gradient"][0] is None
    assert d["history"]["batch_gradient"][1] == [pytest.approx(26.0)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_rule_row_by_row_ends_where_the_engine_stops(seed: int) -> None:
    # what a workbook's columns compute (best end-of-epoch objective, epochs without a
    # better one) reaches PATIENCE exactly at the row where the engine's run stopped
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 2, 30)
    data = Dataset(x, 2.8 * x + rng.normal(0, 0.5, 30))
    spec = RunSpec(data=data, batch_size=4, shuffle=True, seed=seed, learning_rate=0.05,
                   max_iterations=20_000)
    r = run(spec)
    assert r.status == "converged"
    best, stale = epoch_rule(r.objective, batches_per_epoch(30, 4), spec.tolerance)
    assert int(np.argmax(stale >= PATIENCE)) == r.iterations == r.converged_at
    assert stale[:-1].max() < PATIENCE
    ends = r.objective[8::8]
    assert best[-1] == ends.min() and best[7] == r.objective[0]


def test_a_run_past_the_stop_flags_the_row_the_rule_stopped_at() -> None:
    # as a workbook's rows do: run on past the epoch rule, the first flagged row is the stop
    rng = np.random.default_rng(7)
    x = rng.uniform(0, 2, 30)
    spec = RunSpec(data=Dataset(x, 2.8 * x + rng.normal(0, 0.5, 30)), batch_size=4,
                   shuffle=True, seed=7, learning_rate=0.05, max_iterations=5000)
    stopped = run(spec)
    on = run(spec, stop_at_convergence=False)
    assert stopped.status == "converged" and on.iterations == 5000
    assert on.converged_at == stopped.converged_at == stopped.iterations
    np.testing.assert_array_equal(on.params[:stopped.iterations + 1], stopped.params)
