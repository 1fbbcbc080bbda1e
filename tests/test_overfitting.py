"""Polynomial features, held-out samples and the validation curve, against scikit-learn.

Ours: MSE + λ·Σbj² is scikit-learn's Ridge(alpha = n·λ), MSE + λ·Σ|bj| is Lasso(alpha = λ/2),
both with an unpenalized intercept, fitted on the same training rows of
PolynomialFeatures(D, include_bias=False), standardized by a StandardScaler fitted on the
training rows only (shared/docs/worked-example.md).
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from gdapp.cli import main
from gdapp.core import EXAMPLES, Dataset, RunSpec, exact_optimum, regularization_path, run
from gdapp.core.dataset import DataError
from gdapp.core.holdout import polynomial, split, split_rows, standardize
from gdapp.core.path import validation_curve

sk_linear = pytest.importorskip("sklearn.linear_model")
sk_pre = pytest.importorskip("sklearn.preprocessing")

OVERFIT = EXAMPLES["overfit"]


def _prepared(degree: int, fraction: float, seed: int, *, scale: bool = True
              ) -> tuple[Dataset, Dataset, tuple[int, ...], tuple[int, ...]]:
    train, held = split(polynomial(OVERFIT, degree), fraction, seed)
    if scale:
        train, held2 = standardize(train, held, centre=True)
        assert held2 is not None
        held = held2
    return train, held.data, held.train_rows, held.test_rows


@pytest.mark.parametrize("degree", [1, 3, 9])
@pytest.mark.parametrize(("penalty", "lam"), [("none", 0.0), ("l2", 0.01), ("l1", 0.002)])
def test_the_fit_is_scikit_learns_on_the_same_training_rows(degree: int, penalty: str,
                                                            lam: float) -> None:
    train, _held, rows, _ = _prepared(degree, 0.3, 1)
    x = OVERFIT.x[list(rows)].reshape(-1, 1)
    powers = sk_pre.PolynomialFeatures(degree, include_bias=False).fit_transform(x)
    z = sk_pre.StandardScaler().fit(powers).transform(powers)
    assert pytest.approx(z, rel=1e-12, abs=1e-12) == train.X
    n, y = train.n, OVERFIT.y[list(rows)]
    opt = exact_optimum(train, "line", "mse", penalty, lam)
    assert opt.params is not None
    ours = np.array(opt.params)
    if penalty == "none":
        # degree 9 on 11 samples is ill-conditioned (condition ~1e8): scikit-learn's
        # LinearRegression stops at a worse fit there, so the reference is the least-squares
        # solution of its design, and LinearRegression is never better than ours
        design = np.column_stack([np.ones(n), z])
        reference = np.linalg.lstsq(design, y, rcond=None)[0]
        assert ours == pytest.approx(reference, rel=1e-6, abs=1e-6)
        model = sk_linear.LinearRegression().fit(z, y)
        assert opt.objective is not None
        assert opt.objective <= np.mean((y - model.predict(z)) ** 2) + 1e-15
        return
    model = {"l2": sk_linear.Ridge(alpha=n * lam, tol=1e-14),
             "l1": sk_linear.Lasso(alpha=lam / 2, tol=1e-14, max_iter=1_000_000)}[penalty]
    model.fit(z, y)
    assert ours == pytest.approx(np.concatenate([[model.intercept_], model.coef_]),
                                 rel=1e-6, abs=1e-8)


def test_the_test_cost_is_the_mse_of_the_held_out_rows_recomputed_by_hand() -> None:
    train, held, _, test_rows = _prepared(3, 0.3, 1, scale=False)
    r = run(RunSpec(data=train, model="line", holdout=split(polynomial(OVERFIT, 3), 0.3, 1)[1],
                    learning_rate=0.05, max_iterations=40))
    assert r.test_objective is not None
    for k in (0, 7, 40):
        b = r.params[k]
        x = OVERFIT.x[list(test_rows)]
        yhat = b[0] + b[1] * x + b[2] * x ** 2 + b[3] * x ** 3
        assert r.test_objective[k] == pytest.approx(
            np.mean((OVERFIT.y[list(test_rows)] - yhat) ** 2), rel=1e-12)
    assert held.n == len(test_rows) == 4 and train.n == 11


def test_the_split_is_deterministic_disjoint_and_complete() -> None:
    a = split_rows(15, 0.3, 1)
    assert a == split_rows(15, 0.3, 1) != split_rows(15, 0.3, 2)
    train, test = a
    assert sorted(train + test) == list(range(15)) and len(test) == 4


@pytest.mark.parametrize(("n", "fraction", "why"), [(15, 0.0, "between 0 and 1"),
                                                    (15, 1.0, "between 0 and 1"),
                                                    (3, 0.5, "leaving 1 to train on"),
                                                    (3, 0.9, "leaving 0 to train on")])
def test_a_split_that_leaves_too_little_is_refused(n: int, fraction: float, why: str) -> None:
    with pytest.raises(DataError, match=why):
        split_rows(n, fraction, 0)


def test_powers_of_several_features_are_refused_in_one_sentence() -> None:
    with pytest.raises(DataError, match="made from one feature x; these data have 5"):
        polynomial(EXAMPLES["features"], 2)


def test_the_overfit_example_overfits_plainly_on_the_validation_curve() -> None:
    train, held, _, _ = _prepared(9, 0.3, 1)
    path = regularization_path(train, "line", "l2")
    curve = validation_curve(path, train, held, "line")
    assert curve.test_cost[-1] > 5 * curve.test_cost.min()       # the smallest λ overfits
    assert np.all(np.diff(curve.train_cost[::-1]) >= 0)          # training cost rises with λ
    assert 0 < curve.best_index < path.lambdas.size - 1
    # without a penalty, degree 9 fits the training samples far better and the held-out far
    # worse than degree 3
    costs = {}
    for d in (3, 9):
        tr, he, _, _ = _prepared(d, 0.3, 1)
        opt = exact_optimum(tr, "line", "mse", "none", 0.0)
        assert opt.params is not None
        test = np.mean((he.y - (opt.params[0] + he.X @ np.array(opt.params[1:]))) ** 2)
        costs[d] = (opt.objective, test)
    assert costs[9][0] < costs[3][0] / 10 and costs[9][1] > 50 * costs[3][1]


def test_path_json_adds_the_validation_curve_and_the_split(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["path", "--example", "overfit", "--degree", "9", "--model", "line",
                 "--standardize", "--penalty", "l2", "--test-fraction", "0.3",
                 "--split-seed", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["train_cost"]) == len(out["test_cost"]) == len(out["lambdas"])
    best = int(np.argmin(out["test_cost"]))
    assert out["best_lambda"] == out["lambdas"][best]
    assert out["split"]["test"] == [1, 7, 10, 12]
    assert out["features"] == ["x", *(f"x^{k}" for k in range(2, 10))]


def test_run_json_adds_the_split_and_the_test_cost_per_iterate(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--example", "overfit", "--degree", "3", "--test-fraction", "0.3",
                 "--split-seed", "1", "--standardize", "--eta", "0.1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["split"] == {"train": [0, 2, 3, 4, 5, 6, 8, 9, 11, 13, 14], "test": [1, 7, 10, 12]}
    h = out["history"]
    assert len(h["test_objective"]) == len(h["objective"])
    assert out["settings"]["test_fraction"] == 0.3 and out["settings"]["split_seed"] == 1
    assert out["data"]["n"] == 11


@pytest.mark.parametrize(("argv", "message"), [
    (["--example", "features", "--degree", "2"], "made from one feature x"),
    (["--example", "overfit", "--degree", "16"], "from 1 to 15"),
    (["--example", "document", "--test-fraction", "0.5"], "leaving 1 to train on"),
    (["--example", "overfit", "--split-seed", "3"], "--split-seed chooses"),
])
def test_bad_shaping_flags_are_one_sentence_and_exit_2(
        argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_a_start_for_the_powers_is_checked_once_they_are_made(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--example", "overfit", "--degree", "2", "--start", "0,1,2",
                 "--iterations", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["history"]["b2"][0] == 2.0
    assert main(["run", "--example", "overfit", "--degree", "2", "--start", "0,1"]) == 2
    assert "has 3 parameter(s) (b0, b1, b2) but the start has 2" in capsys.readouterr().err
