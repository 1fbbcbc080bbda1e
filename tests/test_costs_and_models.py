"""Every cost and every model of the tables, tested alike: a new entry is covered here at once.

Properties, not literals: the gradient against a central difference of the cost, the
mini-batch gradient of a batch of every sample against the full gradient, the objective built
from a spec against direct evaluation, the exact optimum's gradient (or KKT gap) against 0.
"""

from __future__ import annotations

import numpy as np
import pytest

from gdapp.core import (
    COST_RULES,
    COSTS,
    MODEL_CHOICES,
    MODEL_RULES,
    Dataset,
    Objective,
    RunSpec,
    exact_optimum,
    run,
)
from gdapp.core.batches import BatchGradient
from gdapp.core.objective import direct_cost, direct_gradient

PAIRS = [(m, c) for m in MODEL_CHOICES for c in MODEL_RULES[m].costs]


def _data(model: str, seed: int = 0, p: int = 2) -> Dataset:
    rng = np.random.default_rng(seed)
    rule = MODEL_RULES[model]
    p = 1 if rule.max_features == 1 else p
    X = rng.normal(size=(12, p))
    if rule.targets == "binary":
        z = 0.3 + X @ np.linspace(1.0, -0.5, p)
        y = (rng.uniform(size=12) < 1 / (1 + np.exp(-z))).astype(float)
        y[:2] = (0.0, 1.0)
    else:
        y = X @ np.linspace(1.5, -1.0, p) + rng.normal(scale=0.7, size=12)
        y[0] += 6.0  # an outlier, so that Huber's two regimes both occur
    return Dataset(X, y)


def _point(model: str, data: Dataset, seed: int = 1) -> np.ndarray:
    q = len(MODEL_RULES[model].param_names(data.p))
    return np.random.default_rng(seed).normal(scale=0.8, size=(1, q))


def test_every_model_pairs_with_costs_of_the_table_and_its_default_first() -> None:
    for name, rule in MODEL_RULES.items():
        assert rule.costs, name
        assert set(rule.costs) <= set(COSTS), name
        assert RunSpec(model=name).cost == rule.default_cost


@pytest.mark.parametrize(("model", "cost"), PAIRS)
def test_the_gradient_of_every_pair_equals_a_central_difference(model: str, cost: str) -> None:
    data = _data(model)
    b = _point(model, data)
    settings = {"delta": 0.9}
    g = direct_gradient(cost, b, data, model, settings)[0]
    h = 1e-6
    for j in range(b.shape[1]):
        up, down = b.copy(), b.copy()
        up[0, j] += h
        down[0, j] -= h
        fd = (direct_cost(cost, up, data, model, settings)[0]
              - direct_cost(cost, down, data, model, settings)[0]) / (2 * h)
        assert g[j] == pytest.approx(fd, rel=1e-5, abs=1e-7), (model, cost, j)


@pytest.mark.parametrize(("model", "cost"), PAIRS)
def test_a_batch_of_every_sample_has_the_full_gradient(model: str, cost: str) -> None:
    data = _data(model, seed=3)
    b = _point(model, data, seed=4)
    full = BatchGradient(data, model, cost, data.n, False, 0, {"delta": 0.9})
    obj = Objective(data, model=model, cost=cost, settings={"delta": 0.9})
    assert full(*b[0]) == pytest.approx(tuple(obj.cost_gradient(b)[0]), rel=1e-12, abs=1e-14)


@pytest.mark.parametrize(("model", "cost"), PAIRS)
def test_the_objective_of_a_spec_is_its_cost_plus_penalty(model: str, cost: str) -> None:
    data = _data(model, seed=5)
    spec = RunSpec(data=data, model=model, cost=cost, penalty="l2", lam=0.3, delta=0.7)
    b = _point(model, data, seed=6)
    obj = Objective.of(spec)
    first = 1 if MODEL_RULES[model].intercept else 0
    expected = direct_cost(cost, b, data, model, {"delta": 0.7})[0] + 0.3 * np.sum(
        b[0, first:] ** 2)
    assert obj.value(b)[0] == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(("model", "cost"), PAIRS)
@pytest.mark.parametrize("penalty", ["none", "l2", "l1"])
def test_every_exact_optimum_is_stationary_or_says_why_not(model: str, cost: str,
                                                          penalty: str) -> None:
    data = _data(model, seed=7)
    lam = 0.05 if penalty != "none" else 0.0
    opt = exact_optimum(data, model, cost, penalty, lam, {"delta": 0.9})
    if opt.params is None:
        assert opt.note, "an optimum that is not given says why"
        return
    obj = Objective(data, model=model, cost=cost, penalty=penalty, lam=lam,
                    settings={"delta": 0.9})
    b = np.array([opt.params])
    assert obj.value(b)[0] == pytest.approx(opt.objective, rel=1e-12)
    if not COST_RULES[cost].smooth or penalty == "l1" or opt.local_minima:
        # not differentiable there (MAE, RMSE at 0, L1), or a valley of many: no other point
        # of a small neighbourhood is lower
        rng = np.random.default_rng(8)
        others = b + rng.normal(scale=1e-4, size=(200, b.shape[1]))
        assert np.min(obj.value(others)) >= opt.objective - 1e-12 * max(1.0, opt.objective)
    else:
        assert np.max(np.abs(obj.gradient(b)[0])) <= 1e-9


@pytest.mark.parametrize(("model", "cost"), PAIRS)
def test_a_run_of_every_pair_records_finite_rows_and_its_cost(model: str, cost: str) -> None:
    data = _data(model, seed=9)
    r = run(RunSpec(data=data, model=model, cost=cost, learning_rate=0.05, max_iterations=50))
    assert np.all(np.isfinite(r.objective))
    obj = Objective.of(r.spec)
    assert r.cost == pytest.approx(obj.cost(r.params), rel=1e-12)
    if MODEL_RULES[model].targets == "binary":
        assert r.accuracy is not None and r.accuracy.shape == r.cost.shape
    else:
        assert r.accuracy is None


def test_a_cost_a_model_does_not_take_is_refused_in_one_sentence() -> None:
    for name, rule in MODEL_RULES.items():
        for cost in set(COSTS) - set(rule.costs):
            with pytest.raises(ValueError, match=f"the {name} model takes the cost"):
                RunSpec(model=name, cost=cost, data=_data(name)).validated()
