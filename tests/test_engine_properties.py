"""Properties of the engine over random data (hypothesis, seeded): gradients, optima, runs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from sklearn.linear_model import Lasso, LinearRegression, Ridge

from gdapp.core import MODEL_RULES, Dataset, Objective, RunSpec, exact_optimum, run
from gdapp.core.objective import direct_cost, direct_gradient

values = st.floats(-50, 50, allow_nan=False, allow_infinity=False)


@st.composite
def datasets(draw: st.DrawFn, min_n: int = 2, max_n: int = 12) -> Dataset:
    n = draw(st.integers(min_n, max_n))
    x = np.array(draw(st.lists(values, min_size=n, max_size=n)))
    y = np.array(draw(st.lists(values, min_size=n, max_size=n)))
    assume(np.ptp(x) > 0.5)  # x spread out: every optimum well defined
    return Dataset(x, y)


models = st.sampled_from(["origin", "line"])
penalties = st.sampled_from(["none", "l1", "l2"])


def _params(model: str, b: list[float]) -> np.ndarray:
    return np.array([b[:1] if model == "origin" else b[:2]], dtype=float)


@given(datasets(), models, st.sampled_from(["mse", "rmse"]), penalties,
       st.floats(0, 5), st.lists(values, min_size=2, max_size=2))
def test_gradient_matches_a_central_finite_difference(
        data: Dataset, model: str, cost: str, penalty: str, lam: float, b: list[float]) -> None:
    obj = Objective(data, model=model, cost=cost, penalty=penalty, lam=lam)
    p = _params(model, b)
    assume(abs(p[0, -1]) > 1e-3)  # away from the L1 kink at 0
    g = obj.gradient(p)[0]
    for i in range(p.shape[1]):
        h = 1e-6 * max(1.0, abs(p[0, i]))
        up, down = p.copy(), p.copy()
        up[0, i] += h
        down[0, i] -= h
        fd = (obj.value(up)[0] - obj.value(down)[0]) / (2 * h)
        assert g[i] == pytest.approx(fd, rel=1e-4, abs=1e-4 * (1 + abs(obj.value(p)[0])))


@given(datasets(), models, st.lists(values, min_size=2, max_size=2))
def test_mae_subgradient_matches_finite_difference_away_from_kinks(
        data: Dataset, model: str, b: list[float]) -> None:
    obj = Objective(data, model=model, cost="mae", penalty="none", lam=0.0)
    p = _params(model, b)
    yhat = p[0, -1] * data.x + (p[0, 0] if model == "line" else 0.0)
    assume(np.min(np.abs(data.y - yhat)) > 1e-3)
    g = obj.gradient(p)[0]
    f = abs(obj.value(p)[0])
    for i in range(p.shape[1]):
        h = 1e-7
        up, down = p.copy(), p.copy()
        up[0, i] += h
        down[0, i] -= h
        fd = (obj.value(up)[0] - obj.value(down)[0]) / (2 * h)
        # rounding in the difference quotient is about eps·|E|/h
        assert g[i] == pytest.approx(fd, rel=1e-5, abs=1e-6 + 1e-14 * (1 + f) / h)


@given(datasets(max_n=30), models, st.lists(values, min_size=2, max_size=2),
       st.floats(1e-9, 1.0))
def test_sufficient_statistics_agree_with_direct_evaluation_to_1e_9(
        data: Dataset, model: str, b: list[float], near: float) -> None:
    obj = Objective(data, model=model, cost="mse", penalty="none", lam=0.0)
    opt = exact_optimum(data, model, "mse", "none", 0.0)
    assert opt.params is not None
    points = np.vstack([_params(model, b), np.array([opt.params]) + near])
    fast = obj.cost(points)
    slow = direct_cost("mse", points, data)
    assert fast == pytest.approx(slow, rel=1e-9, abs=1e-12 * float(np.mean(data.y**2) + 1))
    assert obj.cost_gradient(points) == pytest.approx(
        direct_gradient("mse", points, data), rel=1e-9, abs=1e-9)


def test_sufficient_statistics_stay_accurate_at_100k_samples_near_the_optimum() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(3, 2, 100_000)
    y = 1.5 * x + rng.normal(0, 0.1, x.size)
    data = Dataset(x, y)
    for model in ("origin", "line"):
        opt = exact_optimum(data, model, "mse", "none", 0.0)
        assert opt.params is not None
        p = np.array([opt.params]) + np.array([[1e-7] * len(opt.params)])
        obj = Objective(data, model=model, cost="mse", penalty="none", lam=0.0)
        assert obj.cost(p)[0] == pytest.approx(direct_cost("mse", p, data)[0], rel=1e-9)


def _sklearn_fit(data: Dataset, model: str, penalty: str, lam: float) -> tuple[float, ...]:
    X = data.x.reshape(-1, 1)
    intercept = model == "line"
    if penalty == "l2":
        est = Ridge(alpha=data.n * lam, fit_intercept=intercept, solver="cholesky")
    elif penalty == "l1":
        # one feature: coordinate descent is exact after its first sweep; a tighter tol only
        # makes the duality-gap check trip over rounding (ConvergenceWarning)
        est = Lasso(alpha=lam / 2, fit_intercept=intercept, tol=1e-8, max_iter=100_000)
    else:
        est = LinearRegression(fit_intercept=intercept)
    est.fit(X, data.y)
    b1 = float(est.coef_[0])
    return (b1,) if not intercept else (float(est.intercept_), b1)


@given(datasets(), models, penalties, st.floats(0.01, 5))
def test_mse_optima_match_scikit_learn(data: Dataset, model: str, penalty: str,
                                       lam: float) -> None:
    opt = exact_optimum(data, model, "mse", penalty, lam)
    assert opt.params is not None
    ref = _sklearn_fit(data, model, penalty, lam)
    scale = 1 + float(np.max(np.abs(data.y))) / max(float(np.min(np.abs(data.x[data.x != 0]),
                                                               initial=1.0)), 1e-3)
    assert opt.params == pytest.approx(ref, rel=1e-6, abs=1e-7 * scale)


@given(datasets(), models, st.sampled_from(["mse", "rmse"]), penalties, st.floats(0, 3),
       st.lists(st.floats(-20, 20), min_size=2, max_size=2))
def test_converged_runs_land_on_the_exact_optimum(
        data: Dataset, model: str, cost: str, penalty: str, lam: float, b: list[float]) -> None:
    opt = exact_optimum(data, model, cost, penalty, lam)
    assert opt.params is not None and opt.objective is not None
    limit = run(RunSpec(data=data, model=model, penalty=penalty, lam=lam,
                        max_iterations=1)).stability_limit
    assert limit is not None
    eta = 0.5 * limit
    start = tuple(_params(model, b)[0])
    r = run(RunSpec(data=data, model=model, cost=cost, penalty=penalty, lam=lam,
                    learning_rate=eta, start=start, tolerance=1e-12, max_iterations=20_000))
    # RMSE near a perfect fit can crawl: such a draw is set aside after 20,000 updates (at
    # 200,000 a third of the draws crawled to the end and took nine tenths of the time)
    assume(r.status == "converged")
    # the objective cannot beat the exact optimum and must get within a whisker of it
    assert r.objective[-1] >= opt.objective - 1e-9 * (1 + abs(opt.objective))
    assert r.objective[-1] == pytest.approx(opt.objective, rel=1e-6, abs=1e-8)


@given(datasets(), penalties, st.floats(0, 3))
def test_mae_exact_optimum_is_no_worse_than_any_breakpoint_or_grid_point(
        data: Dataset, penalty: str, lam: float) -> None:
    opt = exact_optimum(data, "origin", "mae", penalty, lam)
    assert opt.params is not None and opt.objective is not None
    obj = Objective(data, model="origin", cost="mae", penalty=penalty, lam=lam)
    nz = data.x != 0
    with np.errstate(over="ignore"):
        breaks = data.y[nz] / data.x[nz]
    cands = np.concatenate([breaks[np.isfinite(breaks)], np.linspace(-60, 60, 4001), [0.0]])
    assert opt.objective <= float(np.min(obj.value(cands[:, None]))) + 1e-9


@given(datasets(), models, st.sampled_from(["l1", "l2"]), st.floats(0.01, 3))
def test_rmse_penalised_optimum_is_no_worse_than_a_fine_grid(
        data: Dataset, model: str, penalty: str, lam: float) -> None:
    opt = exact_optimum(data, model, "rmse", penalty, lam)
    assert opt.params is not None and opt.objective is not None
    obj = Objective(data, model=model, cost="rmse", penalty=penalty, lam=lam)
    b1 = np.linspace(opt.params[-1] - 1, opt.params[-1] + 1, 2001)
    if model == "line":
        b0 = np.mean(data.y) - b1 * np.mean(data.x)  # the profiled intercept
        grid = np.column_stack([b0, b1])
    else:
        grid = b1[:, None]
    assert opt.objective <= float(np.min(obj.value(grid))) + 1e-12


@given(datasets(min_n=1), models, st.sampled_from(MODEL_RULES["line"].costs), penalties,
       st.floats(0, 10), st.floats(1e-4, 5), st.sampled_from(["proximal", "subgradient"]))
def test_runs_never_raise_and_never_hold_nan(
        data: Dataset, model: str, cost: str, penalty: str, lam: float, eta: float,
        l1_method: str) -> None:
    r = run(RunSpec(data=data, model=model, cost=cost, penalty=penalty, lam=lam,
                    learning_rate=eta, l1_method=l1_method, max_iterations=300))
    for arr in (r.params, r.gradient, r.cost, r.penalty, r.objective, r.step):
        assert np.all(np.isfinite(arr))
    assert r.params.shape[0] == r.iterations + 1
    if r.status == "diverged":
        assert r.diverged_at is not None and r.diverged_at <= 300
    else:
        assert r.diverged_at is None


def test_all_x_zero_leaves_the_optimum_undefined_but_the_run_still_runs() -> None:
    data = Dataset([0.0, 0.0, 0.0], [1.0, 2.0, 3.0])
    r = run(RunSpec(data=data))
    assert r.optimum.params is None
    assert "undefined" in r.optimum.note
    assert r.status == "converged" and r.iterations == 1


@given(st.lists(st.tuples(st.integers(-4, 4), st.integers(-6, 6)), min_size=1, max_size=40),
       st.lists(st.floats(-8, 8), min_size=1, max_size=20))
def test_sorted_breakpoint_mae_gradient_equals_the_direct_one_even_on_kinks(
        pairs: list[tuple[int, int]], extra: list[float]) -> None:
    from gdapp.core.objective import SortedBreakpoints
    data = Dataset([float(p[0]) for p in pairs], [float(p[1]) for p in pairs])
    nz = data.x != 0
    b = np.concatenate([np.array(extra), data.y[nz] / data.x[nz], [0.0]])
    fast = SortedBreakpoints(data)
    assert fast.gradients(b) == pytest.approx(direct_gradient("mae", b[:, None], data)[:, 0],
                                              abs=1e-12)
    assert fast.costs(b) == pytest.approx(direct_cost("mae", b[:, None], data),
                                          rel=1e-12, abs=1e-12)


def test_mae_on_a_million_samples_keeps_memory_bounded_and_matches_direct() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=1_000_000)
    data = Dataset(x, 2 * x + rng.normal(size=x.size))
    r = run(RunSpec(data=data, cost="mae", learning_rate=0.05, max_iterations=300))
    rows = r.params[::60]
    assert r.cost[::60] == pytest.approx(direct_cost("mae", rows, data), rel=1e-10)
    assert r.gradient[::60] == pytest.approx(direct_gradient("mae", rows, data), abs=1e-12)


def test_a_slow_run_stops_when_its_cancel_callback_says_so() -> None:
    from gdapp.core import RunCancelled
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) >= 3

    spec = RunSpec(cost="mae", model="line", learning_rate=0.01, max_iterations=100_000)
    with pytest.raises(RunCancelled) as stopped:
        run(spec, cancel=cancel)
    assert stopped.value.args[0] == 3 * 256  # asked every 256 updates
    assert run(RunSpec(cost="mae", max_iterations=500), cancel=lambda: False).iterations == 500
