"""The engine's gradient equals the data's gradient to ~1e−12 of its scale on any data,
however ill-conditioned: checked against exact rational arithmetic (fractions).

Before, a squared-error run on several features took ∂E/∂b = H·(b − b*) from the normal
equations, whose b* loses digits with the condition number: on the reproducer below the
gradient at b = 0 was −0.5279486211616014 where the data's is −0.5279486166226972 (8.6e−9
relative), and a 2,000-update run ended 3.6e−8 away from the spreadsheets and a plain loop.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdapp.core import Dataset, Objective, make_spec, run
from gdapp.core.objective import TRUSTED_GRADIENT_ERROR, SquaredStats

TR4 = np.array([
    [9.177261068839583, 9.177261073857006, 2.228902264136258],
    [7.049686780642611, 7.04968677978381, -2.725131743058023],
    [9.309600744215896, 9.309600749635095, 2.7092072165416505],
    [8.060474498708864, 8.060474509049866, -0.4508847873357778],
    [7.416420481661893, 7.416420480712196, -1.5576042260915623],
    [7.474730426550263, 7.474730421268626, -2.1751181602527216],
    [8.576636549378508, 8.57663654381938, 0.7959886090346194],
])

#: The engine's promise: its gradient within this share of the gradient's scale.
PROMISE = 1e-12


def _exact(X: np.ndarray, y: np.ndarray, b: np.ndarray, line: bool
           ) -> tuple[list[Fraction], list[float]]:
    """The MSE gradient −(2/n)·Σ xj·(y − ŷ) in exact rationals, and each one's scale
    (2/n)·Σ |xj|·(|y| + |ŷ|) (what rounding a sum over the samples is measured against)."""
    n = len(y)
    cols = ([[1.0] * n] if line else []) + [list(map(float, X[:, j])) for j in range(X.shape[1])]
    bf = [Fraction(float(v)) for v in b]
    yhat = [sum((bf[j] * Fraction(cols[j][i]) for j in range(len(cols))), Fraction(0))
            for i in range(n)]
    r = [Fraction(float(y[i])) - yhat[i] for i in range(n)]
    grads = [Fraction(-2, n) * sum((Fraction(c[i]) * r[i] for i in range(n)), Fraction(0))
             for c in cols]
    scales = [2.0 / n * sum(abs(c[i]) * (abs(float(y[i])) + abs(float(yhat[i])))
                            for i in range(n)) for c in cols]
    return grads, scales


def _assert_close(got: np.ndarray, exact: list[Fraction], scales: list[float]) -> None:
    for g, e, s in zip(got.tolist(), exact, scales, strict=True):
        assert abs(Fraction(g) - e) <= Fraction(PROMISE) * Fraction(s), (g, float(e), s)


def _data(X: np.ndarray, y: np.ndarray) -> Dataset:
    return Dataset(X, y, feature_names=[f"x{j + 1}" for j in range(X.shape[1])])


def test_the_reproducers_gradient_is_the_datas():
    data = _data(TR4[:, :2], TR4[:, 2])
    exact, scales = _exact(TR4[:, :2], TR4[:, 2], np.zeros(2), line=False)
    assert float(exact[0]) == pytest.approx(-0.5279486166226972, rel=1e-15)
    objective = Objective(data, model="origin", cost="mse")
    _assert_close(objective.gradient(np.zeros((1, 2)))[0], exact, scales)
    _assert_close(np.array(objective.scalar_cost_gradient()(0.0, 0.0)), exact, scales)
    # the statistics say themselves that they cannot stand in for these samples
    assert SquaredStats.of(data, "origin").error > 1e3 * TRUSTED_GRADIENT_ERROR


def test_a_long_stable_run_on_the_reproducer_follows_a_plain_loop():
    """`gdapp run … --eta 0.004 --tol 1e-300`, 2,000 updates: before, 3.6e−8 away."""
    X, y = TR4[:, :2], TR4[:, 2]
    spec = make_spec(data=_data(X, y), model="origin", learning_rate=0.004,
                     tolerance=1e-300, max_iterations=2000, start=(0.0, 0.0))
    result = run(spec)
    b = np.zeros(2)
    for _ in range(2000):
        b = b - 0.004 * (-2.0 * np.mean(X * (y - X @ b)[:, None], axis=0))
    assert result.params.shape[0] == 2001
    assert np.max(np.abs(result.params[-1] - b)) <= 1e-12 * np.max(np.abs(b))


def _collinear(seed: int, n: int, p: int, gap: float) -> tuple[np.ndarray, np.ndarray]:
    """n samples of p features, the last one x1·(1 + gap·noise): the condition number of
    XᵀX grows like 1/gap²."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(1.0, 10.0, size=(n, p))
    X[:, -1] = X[:, 0] * (1.0 + gap * rng.standard_normal(n))
    y = rng.standard_normal(n) * 3.0
    return X, y


@pytest.mark.parametrize("gap", [1e-1, 1e-3, 1e-5, 1e-7])
@pytest.mark.parametrize("model", ["origin", "line"])
def test_the_gradient_is_exact_to_its_scale_up_to_condition_1e14(gap, model):
    X, y = _collinear(7, 9, 3, gap)
    line = model == "line"
    design = np.column_stack([np.ones(len(y)), X]) if line else X
    condition = np.linalg.cond(design.T @ design)
    assert condition > 1e-2 / gap ** 2        # 1e−7: a condition number beyond 1e14
    objective = Objective(_data(X, y), model=model, cost="mse")
    rng = np.random.default_rng(3)
    for b in (np.zeros(design.shape[1]), rng.standard_normal(design.shape[1])):
        exact, scales = _exact(X, y, b, line)
        _assert_close(objective.gradient(b[None, :])[0], exact, scales)
        _assert_close(np.array(objective.scalar_cost_gradient()(*b.tolist())), exact, scales)


@given(seed=st.integers(0, 2**32 - 1), n=st.integers(4, 12), p=st.integers(2, 4),
       digits=st.floats(0.0, 7.5), line=st.booleans(), scale=st.floats(-3.0, 3.0))
def test_property_the_engine_gradient_is_the_datas_on_any_conditioning(
        seed, n, p, digits, line, scale):
    """Data with condition numbers from 1 to ~1e15 (the gap 10^−digits), features scaled by
    10^scale: the gradient the engine's loop uses and the one it records, at the start and
    after a step, equal the exact rational gradient within 1e−12 of its scale."""
    X, y = _collinear(seed, n, p, 10.0 ** -digits)
    X = X * 10.0 ** scale
    model = "line" if line else "origin"
    spec = make_spec(data=_data(X, y), model=model, learning_rate=1e-6 * 10.0 ** (-2 * scale),
                     tolerance=1e-300, max_iterations=2, start=(0.0,) * (p + line))
    result = run(spec, stop_at_convergence=False)
    for row in range(result.params.shape[0]):
        b = result.params[row]
        exact, scales = _exact(X, y, b, line)
        _assert_close(result.gradient[row], exact, scales)
    # the first step is −η times the loop's gradient at the start, rounded once
    exact, scales = _exact(X, y, result.params[0], line)
    step = -result.params[1] / spec.learning_rate
    for g, e, s in zip(step.tolist(), exact, scales, strict=True):
        assert abs(Fraction(g) - e) <= Fraction(PROMISE) * Fraction(s) + abs(e) * Fraction(1e-15)


@pytest.mark.libreoffice
def test_the_reproducers_workbook_agrees_with_the_engine(tmp_path):
    """Before, `gdapp verify` blamed the workbook (exit 1): LibreOffice was right."""
    from gdapp.cli import main

    csv = tmp_path / "tr4.csv"
    csv.write_text("x1,x2,y\n" + "\n".join(",".join(repr(float(v)) for v in row)
                                          for row in TR4) + "\n")
    book = tmp_path / "tr4.xlsx"
    assert main(["export", "--data", str(csv), "--x", "x1,x2", "--y", "y", "--model",
                 "origin", "--eta", "0.004", "--tol", "1e-300", "--iterations", "600",
                 "-o", str(book)]) == 0
    assert main(["verify", str(book)]) == 0
