"""The models, one entry each: what a prediction is, how it moves with the parameters, and how
the exact answer of its cost is found.

A model maps the parameters b and a sample's features x to a raw score z and an output
ŷ = link⁻¹(z): the identity for regression, the logistic σ for classification (scikit-learn
keeps the link apart from the loss in ``sklearn/_loss/link.py``; so does this table)::

    origin    z = b1·x1 + … + bp·xp            ŷ = z       (the note's, p = 1: ŷ = b1·x)
    line      z = b0 + b1·x1 + … + bp·xp       ŷ = z
    sine      z = sin(b1·x)                    ŷ = z       (one feature, many valleys)
    logistic  z = b0 + b1·x1 + … + bp·xp       p = σ(z) = 1/(1 + e^(−z)), targets 0 or 1

An entry holds its parameters, raw score and ∂z/∂b, the spreadsheet template of a non-linear
score, how its exact answer is found (``closed form``: normal equation, ridge, lasso, weighted
median; ``newton``: Newton's method / proximal Newton to a gradient or KKT gap ≤ 1e−12;
``dense search``: every valley on a range), the costs it pairs with (its default first), the
targets it takes and the data view that draws it. Adding a model is one entry here (plus its
exact method if it has a new one, its data view, tests and Korean strings).

**The sine model**, for the note's point that a real cost is not a parabola: ŷ = sin(b1·x).
Its MSE E(b1) = (1/n)·Σ (y − sin(b1·x))² has many valleys, so there is no normal equation:
setting E'(b1) = 0 has many solutions, and gradient descent ends in the valley it starts in.
The exact answer is found by dense search instead: E on ``SEARCH_POINTS`` values of b1 over
the searched range, each valley's bottom refined by bisection of E' to adjacent floats, the
global minimum the lowest of them.

    ŷ = sin(b1·x)          ∂ŷ/∂b1 = x·cos(b1·x)
    ∂E/∂b1 = −(1/n)·Σ ψ(r)·x·cos(b1·x),  with the cost's ψ (MSE: 2r)

Spreadsheets compute it with SIN and COS, which Excel, LibreOffice and Gnumeric share.

The ``nonconvex`` example: eight samples at x = 0.2, 0.4, …, 1.6 and two at x = 5 and 6,
y = sin(1.5·x) rounded to 4 decimals. The small x make a wide bowl around b1 = 1.5, the two
large ones ripples on it: on b1 from −1 to 5 the MSE has six valleys (near −0.54, 0.48,
1.50, 2.53, 3.78, 4.25), the deepest at b1 = 1.5. From b1 = 3 gradient descent (η = 0.05)
settles in the shallow valley at 2.53; momentum (μ = 0.9) rolls through it to 1.5.

**Logistic regression** (classification): the probability that y = 1 is p = σ(z). Its cost
is the cross-entropy (``bce``), convex in b, with ∂E/∂bj = (1/n)·Σ (p − y)·xj. MSE on p is
allowed too, as the lesson of why cross-entropy is used: (y − σ(z))² is not convex in b, and
its gradient vanishes where σ saturates, so descent crawls where it is most wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from gdapp.core.dataset import Dataset
from gdapp.core.messages import Message

FloatArray = NDArray[np.float64]

#: Where the valleys of a non-linear model's cost are searched, and how densely.
SEARCH_RANGE = (-1.0, 5.0)
SEARCH_POINTS = 24_001


def sine_predictions(params: FloatArray, x: FloatArray) -> FloatArray:
    """ŷ = sin(b1·x) for each row of ``params`` (m, 1) and sample of ``x`` (n,) → (m, n)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return np.asarray(np.sin(params[:, :1] * x[None, :]), dtype=np.float64)


def sine_slope(params: FloatArray, x: FloatArray) -> FloatArray:
    """∂ŷ/∂b1 = x·cos(b1·x) → (m, n)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return np.asarray(x[None, :] * np.cos(params[:, :1] * x[None, :]), dtype=np.float64)


def nonconvex_example() -> Dataset:
    """The built-in ``nonconvex`` example (see the module docstring)."""
    x = np.array([0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 5.0, 6.0])
    y = np.round(np.sin(1.5 * x), 4)
    return Dataset(x, y, name="nonconvex")


def valleys(value: Callable[[FloatArray], FloatArray],
            slope: Callable[[FloatArray], FloatArray],
            lo: float = SEARCH_RANGE[0], hi: float = SEARCH_RANGE[1],
            points: int = SEARCH_POINTS) -> list[tuple[float, float]]:
    """The local minima (b1, E) of a one-parameter objective on [lo, hi], by b1.

    ``value`` and ``slope`` take an array of b1 values. A grid point lower than both
    neighbours marks a valley; its bottom is where the slope changes sign, bisected between
    the neighbours to adjacent floats.
    """
    grid = np.linspace(lo, hi, points)
    e = value(grid)
    inner = np.flatnonzero((e[1:-1] < e[:-2]) & (e[1:-1] <= e[2:])) + 1
    out = []
    for i in inner:
        a, b = float(grid[i - 1]), float(grid[i + 1])
        for _ in range(200):
            mid = 0.5 * (a + b)
            if mid in (a, b):
                break
            if float(slope(np.array([mid]))[0]) > 0:
                b = mid
            else:
                a = mid
        best = min((a, b), key=lambda t: float(value(np.array([t]))[0]))
        out.append((best, float(value(np.array([best]))[0])))
    return out


def predictions(params: FloatArray, x: FloatArray) -> FloatArray:
    """z = (b0 +) b1·x1 + … + bp·xp for each row of ``params`` (m, q) and each sample of
    ``x`` (shape (n,) for one feature or (n, p)) → shape (m, n); the sum runs in the order
    a spreadsheet's formula adds its terms."""
    X = x[:, None] if x.ndim == 1 else x
    first = params.shape[1] - X.shape[1]
    with np.errstate(over="ignore", invalid="ignore"):
        yhat = params[:, first:first + 1] * X[None, :, 0]
        if first:
            yhat = params[:, :1] + yhat
        for j in range(1, X.shape[1]):
            yhat = yhat + params[:, first + j:first + j + 1] * X[None, :, j]
    return np.asarray(yhat, dtype=np.float64)


def _linear_slopes(params: FloatArray, X: FloatArray) -> list[FloatArray]:
    """∂z/∂b of a linear score: xj for bj (and 1 for b0), each of shape (1, n)."""
    cols = [np.asarray(xj[None, :], dtype=np.float64) for xj in X.T]
    if params.shape[1] > X.shape[1]:
        cols.insert(0, np.ones((1, X.shape[0])))
    return cols


def _linear_raw(params: FloatArray, X: FloatArray) -> FloatArray:
    return predictions(params, X)


def _sine_raw(params: FloatArray, X: FloatArray) -> FloatArray:
    return sine_predictions(params, X[:, 0])


def _sine_slopes(params: FloatArray, X: FloatArray) -> list[FloatArray]:
    return [sine_slope(params, X[:, 0])]


@dataclass(frozen=True)
class ModelRule:
    """One model (see the module docstring)."""

    name: str
    label: str
    label_ko: str
    help: str
    help_ko: str
    intercept: bool
    raw: Callable[[FloatArray, FloatArray], FloatArray]          # (params (m, q), X (n, p))
    raw_slopes: Callable[[FloatArray, FloatArray], list[FloatArray]]
    own_cost: str                  # the model's default cost (the others: by their links)
    exact: str                     # "closed form", "newton" or "dense search"
    view: str                      # the data view that draws it: "line", "sine", "logistic"
    link: str = "identity"         # "identity" or "logit"
    linear: bool = True            # z is linear in b (sufficient statistics may apply)
    max_features: int | None = None
    targets: str = "real"          # "real" or "binary" (0/1)
    excel_raw: str = ""            # the spreadsheet's z of a non-linear model
    excel_slope: str = ""          # and its ∂z/∂b1

    @property
    def default_cost(self) -> str:
        return self.own_cost

    @property
    def costs(self) -> tuple[str, ...]:
        """The costs this model pairs with, its own first: every cost of the table whose
        ``links`` hold this model's link (so a new cost needs no entry here)."""
        from gdapp.core.costs import COST_RULES
        return (self.own_cost, *(name for name, rule in COST_RULES.items()
                                 if name != self.own_cost and self.link in rule.links))

    def param_names(self, p: int = 1) -> tuple[str, ...]:
        """b1 … bp, after b0 for a model with an intercept (one slope if one feature only)."""
        slopes = tuple(f"b{j}" for j in range(1, (p if self.max_features is None
                                                  else min(p, self.max_features)) + 1))
        return ("b0", *slopes) if self.intercept else slopes

    def output(self, z: FloatArray) -> FloatArray:
        """ŷ from the raw score: z itself, or p = σ(z)."""
        if self.link == "logit":
            from gdapp.core.costs import sigmoid
            return sigmoid(z)
        return z

    def output_slope(self, z: FloatArray) -> FloatArray | float:
        """dŷ/dz: 1, or σ(z)·(1 − σ(z))."""
        if self.link == "logit":
            from gdapp.core.costs import sigmoid
            p = sigmoid(z)
            return np.asarray(p * (1.0 - p), dtype=np.float64)
        return 1.0


#: The models by name, in the order the choice lists show them.
MODEL_RULES: dict[str, ModelRule] = {
    rule.name: rule for rule in (
        ModelRule("origin", "through the origin, ŷ = b1·x", "원점을 지나는 직선, ŷ = b1·x",
                  "ŷ = b1·x1 + … + bp·xp (the note's, ŷ = b1·x)",
                  "ŷ = b1·x1 + … + bp·xp (강의 노트의 ŷ = b1·x)",
                  False, _linear_raw, _linear_slopes, "mse", "closed form", "line"),
        ModelRule("line", "a line, ŷ = b0 + b1·x", "직선, ŷ = b0 + b1·x",
                  "ŷ = b0 + b1·x1 + … + bp·xp (with an intercept b0)",
                  "ŷ = b0 + b1·x1 + … + bp·xp (절편 b0 포함)",
                  True, _linear_raw, _linear_slopes, "mse", "closed form", "line"),
        ModelRule("sine", "a sine, ŷ = sin(b1·x)", "사인, ŷ = sin(b1·x)",
                  "ŷ = sin(b1·x): a cost of many valleys (one feature)",
                  "ŷ = sin(b1·x): 골짜기가 여러 개인 비용 (특성 하나)",
                  False, _sine_raw, _sine_slopes, "mse", "dense search", "sine",
                  linear=False, max_features=1, excel_raw="SIN({b1}*{x})",
                  excel_slope="{x}*COS({b1}*{x})"),
        ModelRule("logistic", "logistic regression, p = σ(b0 + b1·x)",
                  "로지스틱 회귀, p = σ(b0 + b1·x)",
                  "p = σ(b0 + b1·x1 + … + bp·xp), the probability that y = 1 (targets 0/1)",
                  "p = σ(b0 + b1·x1 + … + bp·xp), y = 1일 확률 (목표값 0/1)",
                  True, _linear_raw, _linear_slopes, "bce", "newton", "logistic",
                  link="logit", targets="binary"),
    )
}

#: The model names, in the order of the table.
MODEL_CHOICES: tuple[str, ...] = tuple(MODEL_RULES)


def model_rule(name: str) -> ModelRule:
    """The entry of model ``name`` (``ValueError`` naming the choices when unknown)."""
    try:
        return MODEL_RULES[name]
    except KeyError:
        raise ValueError(Message("model must be one of {choices}, got {got}",
                                 choices=", ".join(MODEL_CHOICES), got=repr(name))) from None
