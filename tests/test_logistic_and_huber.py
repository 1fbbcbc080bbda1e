"""Logistic regression and the Huber cost against independent references.

Logistic: our objective mean(bce) + λ·Σbj² is scikit-learn's LogisticRegression with
C = 1/(2nλ) (no penalty when λ = 0), λ·Σ|bj| is C = 1/(nλ) with the saga solver, which leaves
the intercept unpenalized (shared/docs/worked-example.md). Huber: scipy's minimiser on the
same objective, written here from its definition.
"""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gdapp.cli import main
from gdapp.core import EXAMPLES, Dataset, RunSpec, exact_optimum, run

sklearn_linear = pytest.importorskip("sklearn.linear_model")
scipy_optimize = pytest.importorskip("scipy.optimize")


def _classes(seed: int, p: int, n: int = 60) -> Dataset:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * rng.uniform(0.5, 2.0, size=p)
    z = 0.4 + X @ rng.normal(size=p)
    y = (rng.uniform(size=n) < 1.0 / (1.0 + np.exp(-z))).astype(float)
    y[:2] = (0.0, 1.0)
    return Dataset(X, y)


def _sklearn(data: Dataset, penalty: str, lam: float) -> np.ndarray:
    n = data.n
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn's deprecation notes on `penalty`
        if penalty == "none":
            model = sklearn_linear.LogisticRegression(C=np.inf, solver="lbfgs", tol=1e-12,
                                                      max_iter=100_000)
        elif penalty == "l2":
            model = sklearn_linear.LogisticRegression(C=1.0 / (2 * n * lam), solver="lbfgs",
                                                      tol=1e-12, max_iter=100_000)
        else:
            model = sklearn_linear.LogisticRegression(C=1.0 / (n * lam), solver="saga",
                                                      l1_ratio=1.0, tol=1e-12,
                                                      max_iter=200_000)
        model.fit(data.X, data.y)
    return np.concatenate([model.intercept_, model.coef_[0]])


def _bce(data: Dataset, b: np.ndarray) -> float:
    z = b[0] + data.X @ b[1:]
    return float(np.mean(np.logaddexp(0.0, z) - data.y * z))


@settings(max_examples=12, deadline=None, derandomize=True)
@given(seed=st.integers(0, 10_000), p=st.integers(1, 5),
       penalty=st.sampled_from(["none", "l2", "l1"]))
def test_the_logistic_optimum_is_scikit_learns(seed: int, p: int, penalty: str) -> None:
    data = _classes(seed, p)
    lam = {"none": 0.0, "l2": 0.02, "l1": 0.01}[penalty]
    opt = exact_optimum(data, "logistic", "bce", penalty, lam)
    if opt.params is None:  # a line separates these classes: no finite optimum exists
        assert penalty == "none" and "separates" in opt.note
        return
    ours = np.array(opt.params)
    theirs = _sklearn(data, penalty, lam)
    assert ours == pytest.approx(theirs, rel=1e-5, abs=1e-6)
    # ours is the exact one: scikit-learn's iterate is never lower
    pen = {"none": 0.0, "l2": lam * float(theirs[1:] @ theirs[1:]),
           "l1": lam * float(np.abs(theirs[1:]).sum())}[penalty]
    assert opt.objective is not None
    assert opt.objective <= _bce(data, theirs) + pen + 1e-13
    assert opt.gap <= 1e-12


def test_the_passfail_example_has_scikit_learns_optimum_and_is_not_separable() -> None:
    data = EXAMPLES["passfail"]
    assert data.n == 40 and set(data.y) == {0.0, 1.0}
    opt = exact_optimum(data, "logistic", "bce", "none", 0.0)
    assert opt.params is not None and opt.method == "Newton"
    assert np.array(opt.params) == pytest.approx(_sklearn(data, "none", 0.0), rel=1e-6)


def test_separated_classes_have_no_finite_optimum_and_the_descent_grows_for_ever() -> None:
    data = Dataset([1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 1.0, 1.0])
    r = run(RunSpec(data=data, model="logistic", learning_rate=1.0, max_iterations=3000))
    assert r.optimum.params is None and "separates the two classes" in r.optimum.note
    slope = r.column("b1")
    assert np.all(np.diff(slope[-2000:]) > 0)  # the weight never stops growing
    assert slope[-1] > slope[1000] > 4.0
    assert r.accuracy is not None and r.accuracy[-1] == 1.0
    assert r.status == "max_iterations"
    # with a penalty the optimum is finite
    assert exact_optimum(data, "logistic", "bce", "l2", 0.1).params is not None


def test_one_class_only_has_no_finite_optimum_even_with_a_penalty() -> None:
    data = Dataset([1.0, 2.0, 3.0], [1.0, 1.0, 1.0])
    opt = exact_optimum(data, "logistic", "bce", "l2", 0.5)
    assert opt.params is None and "one class" in opt.note


def test_bce_never_overflows_nor_takes_the_log_of_zero() -> None:
    data = Dataset([1.0, -1.0], [1.0, 0.0])
    r = run(RunSpec(data=data, model="logistic", start=(0.0, 800.0), max_iterations=3))
    assert np.all(np.isfinite(r.cost)) and r.cost[0] == 0.0
    r = run(RunSpec(data=data, model="logistic", start=(0.0, -800.0), max_iterations=3))
    assert r.cost[0] == pytest.approx(800.0)
    assert np.all(np.isfinite(r.gradient))


def test_the_accuracy_per_iterate_is_the_share_classified_right() -> None:
    data = EXAMPLES["passfail"]
    r = run(RunSpec(data=data, model="logistic", learning_rate=0.1, max_iterations=30))
    assert r.accuracy is not None
    for k in (0, 5, 30):
        b = r.params[k]
        p = 1.0 / (1.0 + np.exp(-(b[0] + data.X @ b[1:])))
        assert r.accuracy[k] == np.mean((p >= 0.5) == (data.y == 1.0))


def test_run_json_adds_the_accuracy_history_and_a_null_optimum_with_its_note(
        capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    assert main(["run", "--example", "passfail", "--iterations", "20", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["settings"]["model"] == "logistic" and out["settings"]["cost"] == "bce"
    assert len(out["history"]["accuracy"]) == 21
    assert out["stability_is_bound"] is True
    assert out["optimum_method"] == "Newton"


def test_a_target_of_two_words_is_mapped_in_the_stated_order(tmp_path: object,
                                                             capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    from pathlib import Path
    f = Path(str(tmp_path)) / "합격.csv"
    f.write_text("hours,result\n1,불합격\n2,불합격\n3,합격\n4,불합격\n5,합격\n", encoding="utf-8")
    assert main(["run", "--data", str(f), "--model", "logistic", "--json"]) == 2
    err = capsys.readouterr().err
    assert "two labels '불합격' and '합격'" in err and "--classes" in err
    assert main(["run", "--data", str(f), "--model", "logistic", "--classes", "불합격,합격",
                 "--iterations", "5", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["data"]["n"] == 5
    f.write_text("hours,result\n1,불합격\n2,글쎄\n", encoding="utf-8")
    assert main(["run", "--data", str(f), "--model", "logistic", "--classes", "불합격,합격"]) == 2
    assert "line 3, column 2 (y) holds '글쎄'" in capsys.readouterr().err


def _huber_objective(data: Dataset, delta: float, lam: float, intercept: bool):  # type: ignore[no-untyped-def]
    def f(b: np.ndarray) -> float:
        yhat = (b[0] if intercept else 0.0) + data.X @ b[int(intercept):]
        r = data.y - yhat
        a = np.abs(r)
        h = np.where(a <= delta, 0.5 * r * r, delta * (a - 0.5 * delta))
        return float(np.mean(h) + lam * np.sum(b[int(intercept):] ** 2))
    return f


@pytest.mark.parametrize(("model", "delta", "lam"), [("line", 1.0, 0.0), ("line", 0.3, 0.1),
                                                      ("origin", 2.0, 0.0)])
def test_the_huber_optimum_is_a_minimiser_of_its_definition(model: str, delta: float,
                                                            lam: float) -> None:
    rng = np.random.default_rng(11)
    X = rng.normal(size=(30, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + rng.standard_t(2, size=30)
    data = Dataset(X, y)
    opt = exact_optimum(data, model, "huber", "l2" if lam else "none", lam, {"delta": delta})
    assert opt.params is not None and opt.gap <= 1e-12
    f = _huber_objective(data, delta, lam, model == "line")
    ref = scipy_optimize.minimize(f, np.zeros(len(opt.params)), method="BFGS",
                                  options={"gtol": 1e-12, "maxiter": 10_000})
    assert np.array(opt.params) == pytest.approx(ref.x, abs=1e-5)
    assert f(np.array(opt.params)) <= f(ref.x) + 1e-14


def test_huber_with_a_wide_delta_is_half_the_mse_and_has_its_optimum() -> None:
    r = run(RunSpec(cost="huber", delta=100.0))
    assert r.objective[0] == pytest.approx(372.5 / 2)        # the note's E(15) = 372.5
    assert r.gradient[0, 0] == pytest.approx(61.0 / 2)
    assert r.optimum.params == pytest.approx((2.8,), abs=1e-12)


def test_huber_clips_the_pull_of_an_outlier() -> None:
    data = Dataset([1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 40.0])
    mse = exact_optimum(data, "origin", "mse", "none", 0.0).params
    huber = exact_optimum(data, "origin", "huber", "none", 0.0, {"delta": 1.0}).params
    assert mse is not None and huber is not None
    assert abs(huber[0] - 1.0) < abs(mse[0] - 1.0) / 3
