"""Several features: the engine, the exact optima and the regularization path for p ≥ 1.

The optima are checked against scikit-learn with the mappings of worked-example.md
(LinearRegression; Ridge(alpha = n·λ); Lasso(alpha = λ/2); lasso_path on centred data at
alphas = λ/2), for p up to 8 with and without an intercept.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn.linear_model import Lasso, LinearRegression, Ridge, lasso_path

from gdapp.core import (
    DOCUMENT,
    DataError,
    Dataset,
    RunSpec,
    exact_optimum,
    features_example,
    regularization_path,
    rows_to_dataset,
    run,
    stability_limit,
)
from gdapp.core.lasso import KKT_TOLERANCE, kkt_gap
from gdapp.core.optimum import Design

SEEDS = range(12)


def problem(seed: int, *, p: int | None = None) -> Dataset:
    """A random regression problem with 1 to 8 features of unequal scales."""
    rng = np.random.default_rng(seed)
    p = p or int(rng.integers(1, 9))
    n = int(rng.integers(p + 3, 40))
    scale = rng.uniform(0.5, 3.0, p)
    X = rng.normal(rng.uniform(-2, 2, p), scale, (n, p))
    truth = rng.normal(0, 2, p) * (rng.random(p) < 0.6)
    y = X @ truth + rng.uniform(-3, 3) + rng.normal(0, 0.5, n)
    return Dataset(X, y, feature_names=[f"f{j}" for j in range(p)], name=f"random-{seed}")


def slopes_and_intercept(opt_params: tuple[float, ...], model: str) -> tuple[np.ndarray, float]:
    b = np.array(opt_params)
    return (b[1:], b[0]) if model == "line" else (b, 0.0)


@pytest.mark.parametrize("model", ["origin", "line"])
@pytest.mark.parametrize("seed", SEEDS)
def test_least_squares_matches_linear_regression(seed: int, model: str) -> None:
    data = problem(seed)
    opt = exact_optimum(data, model, "mse", "none", 0.0)
    ref = LinearRegression(fit_intercept=model == "line").fit(data.X, data.y)
    slopes, b0 = slopes_and_intercept(opt.params, model)
    np.testing.assert_allclose(slopes, ref.coef_, rtol=1e-9, atol=1e-9)
    assert b0 == pytest.approx(float(ref.intercept_), rel=1e-9, abs=1e-9)
    assert opt.method == "normal equation"


@pytest.mark.parametrize("model", ["origin", "line"])
@pytest.mark.parametrize("seed", SEEDS)
def test_ridge_matches_scikit_learn_with_alpha_n_lambda(seed: int, model: str) -> None:
    data = problem(seed)
    lam = 0.05 + seed / 4
    opt = exact_optimum(data, model, "mse", "l2", lam)
    ref = Ridge(alpha=data.n * lam, fit_intercept=model == "line", solver="cholesky",
                tol=1e-14).fit(data.X, data.y)
    slopes, b0 = slopes_and_intercept(opt.params, model)
    np.testing.assert_allclose(slopes, ref.coef_, rtol=1e-9, atol=1e-9)
    assert b0 == pytest.approx(float(ref.intercept_), rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("model", ["origin", "line"])
@pytest.mark.parametrize("seed", SEEDS)
def test_lasso_matches_scikit_learn_and_meets_its_kkt_conditions(seed: int, model: str) -> None:
    data = problem(seed)
    design = Design.of(data, model)
    top = 2.0 * float(np.max(np.abs(design.t))) / data.n
    lam = top * (0.02 + 0.9 * (seed % 4) / 4)
    opt = exact_optimum(data, model, "mse", "l1", lam)
    assert opt.gap <= KKT_TOLERANCE
    slopes, b0 = slopes_and_intercept(opt.params, model)
    assert kkt_gap(design.g, design.t, data.n, lam, slopes) <= KKT_TOLERANCE
    ref = Lasso(alpha=lam / 2, fit_intercept=model == "line", tol=1e-14,
                max_iter=1_000_000).fit(data.X, data.y)
    np.testing.assert_allclose(slopes, ref.coef_, rtol=1e-6, atol=1e-8)
    assert np.all((slopes == 0) == (np.abs(ref.coef_) < 1e-10))  # the same slopes are 0
    assert b0 == pytest.approx(float(ref.intercept_), rel=1e-6, abs=1e-7)


@pytest.mark.parametrize("model", ["origin", "line"])
@pytest.mark.parametrize("seed", range(6))
def test_the_l1_path_matches_scikit_learns_lasso_path(seed: int, model: str) -> None:
    data = problem(seed, p=2 + seed)
    path = regularization_path(data, model, "l1")
    assert path.lambdas.size == 50
    assert path.lambdas[0] == pytest.approx(path.lambda_max, rel=1e-15)
    assert path.lambdas[-1] == pytest.approx(1e-3 * path.lambda_max)
    assert np.all(path.slopes()[0] == 0)            # at λ_max every slope is 0 …
    assert np.any(path.slopes()[1] != 0)            # … and just below it one is not
    design = Design.of(data, model)
    _, coefs, _ = lasso_path(design.rows.T, design.target, alphas=path.lambdas / 2,
                             tol=1e-14, max_iter=1_000_000)
    np.testing.assert_allclose(path.slopes(), coefs.T, rtol=1e-6, atol=1e-8)


def test_the_l2_path_shrinks_every_slope_but_never_to_zero() -> None:
    data = features_example()
    path = regularization_path(data, "line", "l2")
    assert np.all(path.slopes() != 0)
    sizes = np.abs(path.slopes()).sum(axis=1)
    assert np.all(np.diff(sizes) > 0)  # λ decreases along the path: the slopes grow


def test_the_features_example_drops_its_useless_features_first() -> None:
    data = features_example()
    assert data.p == 5 and data.n == 30
    assert data.feature_names[:3] == ("study_hours", "sleep_hours", "coffee_cups")
    path = regularization_path(data, "line", "l1")
    useful, useless = path.slopes()[:, :3], path.slopes()[:, 3:]
    # wherever all three useful slopes are in the model, some λ has both useless at exactly 0
    both_in = np.all(useful != 0, axis=1)
    assert np.any(both_in & np.all(useless == 0, axis=1))
    # and no useless feature enters before every useful one has
    entered_useless = np.any(useless != 0, axis=1)
    assert np.all(both_in[entered_useless])
    zero_from = path.zero_from()
    assert max(z for z in zero_from[3:] if z is not None) < min(
        z for z in zero_from[:3] if z is not None)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize(("penalty", "lam", "l1_method"),
                         [("none", 0.0, "proximal"), ("l2", 0.3, "proximal"),
                          ("l1", 0.4, "proximal"), ("l1", 0.4, "subgradient")])
def test_the_vector_kernel_walks_the_general_loops_path(seed: int, penalty: str, lam: float,
                                                         l1_method: str) -> None:
    data = problem(seed, p=2 + seed % 6)
    eta = 0.9 * stability_limit(data, "line", "mse", penalty, lam)
    spec = RunSpec(data=data, model="line", penalty=penalty, lam=lam, l1_method=l1_method,
                   learning_rate=eta, max_iterations=400)
    general = run(spec, kernel="general")
    scale = np.max(np.abs(general.params), axis=0)
    for kernel in ("squared", "linear") if penalty != "l1" else ("squared",):
        vector = run(spec, kernel=kernel)
        assert general.iterations == vector.iterations
        np.testing.assert_allclose(vector.params, general.params, rtol=0,
                                   atol=1e-12 * scale.max())
        assert np.array_equal(vector.params == 0, general.params == 0) or penalty != "l1"


def test_the_linear_kernel_hands_a_landing_on_zero_to_the_exact_loop() -> None:
    # orthogonal features with E'' = 2 on each: η = 0.5 lands every slope on its optimum in
    # one update, and the second one's optimum is 0: the zero band decides, update by update
    x1 = np.array([1.0, -1.0, 1.0, -1.0])
    x2 = np.array([1.0, 1.0, -1.0, -1.0])
    x3 = np.array([1.0, -1.0, -1.0, 1.0])
    data = Dataset(np.column_stack([x1, x2, x3]), 2.0 * x1 + 0.5 * x3)
    spec = RunSpec(data=data, learning_rate=0.5, start=(3.0, 7.0, -2.0), max_iterations=500)
    general, linear = run(spec, kernel="general"), run(spec, kernel="linear")
    assert np.array_equal(linear.params, general.params)
    assert linear.params[1].tolist() == [2.0, 0.0, 0.5] and linear.status == "converged"


def test_the_notes_inlined_case_is_bit_for_bit_the_general_loop() -> None:
    for penalty, lam in (("none", 0.0), ("l2", 0.5)):
        spec = RunSpec(penalty=penalty, lam=lam)
        assert np.array_equal(run(spec).params, run(spec, kernel="general").params)


@pytest.mark.parametrize("seed", range(6))
def test_descent_reaches_the_exact_optimum_with_several_features(seed: int) -> None:
    data = problem(seed, p=3 + seed % 4)
    for penalty, lam in (("none", 0.0), ("l2", 0.2), ("l1", 0.3)):
        eta = 0.9 * stability_limit(data, "line", "mse", penalty, lam)
        r = run(RunSpec(data=data, model="line", penalty=penalty, lam=lam,
                        learning_rate=eta, max_iterations=200_000, tolerance=1e-13))
        assert r.status == "converged"
        np.testing.assert_allclose(r.final, r.optimum.params, rtol=1e-7, atol=1e-7)
        if penalty == "l1":
            assert np.array_equal(np.array(r.final) == 0, np.array(r.optimum.params) == 0)


@pytest.mark.parametrize("seed", range(6))
def test_the_stability_limit_is_two_over_the_hessians_largest_eigenvalue(seed: int) -> None:
    data = problem(seed, p=2 + seed)
    ones = np.column_stack([np.ones(data.n), data.X])
    hessian = 2.0 * ones.T @ ones / data.n
    limit = stability_limit(data, "line", "mse", "none", 0.0)
    assert limit == pytest.approx(2.0 / np.linalg.eigvalsh(hessian)[-1], rel=1e-12)
    below = run(RunSpec(data=data, model="line", learning_rate=0.98 * limit,
                        max_iterations=100_000))
    above = run(RunSpec(data=data, model="line", learning_rate=1.02 * limit,
                        max_iterations=100_000))
    assert below.status == "converged" and above.status == "diverged"


def test_a_constant_feature_makes_least_squares_not_unique_but_ridge_and_lasso_fine() -> None:
    rng = np.random.default_rng(3)
    X = np.column_stack([rng.normal(size=20), np.full(20, 0.1)])
    y = 2 * X[:, 0] + rng.normal(size=20)
    data = Dataset(X, y, feature_names=["a", "flat"])
    none = exact_optimum(data, "line", "mse", "none", 0.0)
    assert none.params is None and "not unique" in none.note and "'flat'" in none.note
    assert exact_optimum(data, "line", "mse", "l2", 0.1).params is not None
    lasso = exact_optimum(data, "line", "mse", "l1", 0.1)
    assert lasso.params is not None and lasso.params[2] == 0.0


def test_a_copied_feature_makes_the_optimum_not_unique() -> None:
    rng = np.random.default_rng(4)
    a, b = rng.normal(size=25), rng.normal(size=25)
    scaled = Dataset(np.column_stack([a, b, 2.0 * a]), 3 * a + 1,
                     feature_names=["a", "b", "twice_a"])
    copied = Dataset(np.column_stack([a, b, a]), 3 * a + 1, feature_names=["a", "b", "same_a"])
    for model in ("origin", "line"):
        none = exact_optimum(scaled, model, "mse", "none", 0.0)
        assert none.params is None
        assert "'a'" in none.note and "'twice_a'" in none.note and "'b'" not in none.note
        # L1 prefers the larger copy (half the penalty for the same fit): unique, a = 0
        l1 = exact_optimum(scaled, model, "mse", "l1", 0.01)
        assert l1.params is not None and l1.params[-3] == 0.0 and l1.params[-1] != 0.0
        # an exact copy: every split of the weight between the two is as good
        same = exact_optimum(copied, model, "mse", "l1", 0.01)
        assert same.params is None and "not unique" in same.note
        assert exact_optimum(copied, model, "mse", "l2", 0.01).params is not None


def test_one_constant_x_with_an_intercept_is_not_unique_not_a_made_up_fit() -> None:
    data = rows_to_dataset([["x", "y"], ["0.1", "1"], ["0.1", "2"], ["0.1", "4"]])
    opt = exact_optimum(data, "line", "mse", "none", 0.0)
    assert opt.params is None and "not unique" in opt.note
    assert exact_optimum(data, "line", "mse", "l1", 0.5).params[1] == 0.0
    r = run(RunSpec(data=data, model="line", learning_rate=0.1))
    b0, b1 = r.final
    assert r.status == "converged" and b0 + 0.1 * b1 == pytest.approx(7 / 3)


def test_one_feature_keeps_the_notes_numbers() -> None:
    assert exact_optimum(DOCUMENT, "origin", "mse", "none", 0.0).params == (2.8,)
    assert exact_optimum(DOCUMENT, "origin", "mse", "l2", 0.5).params == (14 / 6,)
    assert exact_optimum(DOCUMENT, "origin", "mse", "l1", 1.0).params == (2.6,)
    assert exact_optimum(DOCUMENT, "origin", "mse", "l1", 14.0).params == (0.0,)
    assert run(RunSpec()).params[1, 0] == 14.39


def test_rows_with_several_feature_columns_keep_their_order_and_names() -> None:
    rows = [["a", "b", "c", "y"], ["1", "2", "3", "4"], ["2", "1", "0", "5"], ["0", "4", "1", "2"]]
    data = rows_to_dataset(rows, x=["c", 1], y="y")
    assert data.feature_names == ("c", "a")
    np.testing.assert_array_equal(data.X, [[3, 1], [0, 2], [1, 0]])
    assert RunSpec(data=data, model="line").param_names == ("b0", "b1", "b2")
    with pytest.raises(DataError, match="both a feature and the target"):
        rows_to_dataset(rows, x=["a", "y"], y="y")
    with pytest.raises(DataError, match="chosen twice"):
        rows_to_dataset(rows, x=["a", 1], y="y")
    with pytest.raises(DataError, match="no column named 'z'"):
        rows_to_dataset(rows, x=["a", "z"], y="y")


def test_twenty_features_run_and_have_an_optimum() -> None:
    data = problem(99, p=8)
    rng = np.random.default_rng(5)
    X = np.column_stack([data.X[:, :8], rng.normal(size=(data.n, 12))])
    big = Dataset(np.vstack([X, rng.normal(size=(30, 20))]), rng.normal(size=data.n + 30))
    assert big.p == 20 and big.feature_names[-1] == "x20"
    r = run(RunSpec(data=big, model="line", learning_rate=0.05, max_iterations=20_000))
    assert r.params.shape[1] == 21 and r.status == "converged"
    np.testing.assert_allclose(r.final, r.optimum.params, atol=1e-6)


def test_nearly_dependent_features_still_get_the_exact_lasso() -> None:
    # b is a up to 1e-4 noise: coordinate descent alone creeps along the valley with both
    # non-zero; the active-set search finds the optimum, where a is exactly 0
    rng = np.random.default_rng(0)
    a = rng.normal(size=200)
    b, c = a + 1e-4 * rng.normal(size=200), rng.normal(size=200)
    data = Dataset(np.column_stack([a, b, c]), 3 * a + 2 * c + rng.normal(size=200))
    opt = exact_optimum(data, "line", "mse", "l1", 0.01)
    assert opt.gap <= KKT_TOLERANCE and opt.note == ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn finds it slow going too
        ref = Lasso(alpha=0.005, tol=1e-16, max_iter=10_000_000).fit(data.X, data.y)
    assert opt.params[1] == 0.0 and ref.coef_[0] == 0.0
    np.testing.assert_allclose(opt.params[1:], ref.coef_, rtol=1e-7, atol=1e-9)
