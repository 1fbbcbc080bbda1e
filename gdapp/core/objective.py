"""The objective of a run: its cost (from the cost table) plus its penalty, evaluated directly
or from sufficient statistics.

Conventions (see docs/worked-example in shared/, :mod:`gdapp.core.costs` and
:mod:`gdapp.core.models`):

* the model gives a raw score z and an output ŷ (origin: ŷ = b1·x1 + … + bp·xp; line: ŷ =
  b0 + b1·x1 + … + bp·xp; sine: ŷ = sin(b1·x); logistic: p = σ(b0 + b1·x1 + …));
* the cost is E = outer((1/n)·Σ ρ) and ∂E/∂b = outer'·(−(1/n)·Σ ψ·∂u/∂b), u = ŷ (a residual
  cost, r = y − ŷ) or z (cross-entropy); e.g. MSE ∂E/∂bj = −(2/n)·Σ xj·r, MAE
  −(1/n)·Σ xj·sign(r), cross-entropy (1/n)·Σ (p − y)·xj;
* L2   P = λ·Σ bj²                ∂P/∂bj = 2λ·bj          (slopes only, never b0)
* L1   P = λ·Σ |bj|               ∂P/∂bj = λ·sign(bj)     (sign(0) = 0)

Nothing here asks for a cost's or a model's name: it reads their entries' capabilities.

**The zero band.** Spreadsheets snap a subtraction of two nearly equal numbers to 0 (LibreOffice
and Gnumeric give ``=6-2*A1`` = 0 for A1 = 3.0000000000000004, numpy gives −8.9e−16). Wherever
a *sign* decides the step, the engine and the exported formulas therefore both treat a
difference as 0 when it is within ``ZERO_BAND`` (1e−12) of the size of its operands:
``s = 0 if |y − ŷ| ≤ 1e−12·(|y| + |ŷ|)``. The band is far wider than the spreadsheets' snapping
(about 3.6e−15) and far narrower than any difference a learner could see, so both engines take
the same decision.

For squared-error costs on a model linear in b every quantity is computed from sufficient
statistics gathered once (O(1) per iteration at any n), *centered* at the least-squares fit so
that the cost stays accurate near the optimum: MSE(b) = MSE(b*) + (b − b*)ᵀ·H/2·(b − b*), with
MSE(b*) evaluated directly from the residuals of b*. It agrees with direct evaluation to ~1e−12
relative where gdapp/core/conditioning.py finds the data well-conditioned; elsewhere, direct.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from gdapp.core.breakpoints import SortedBreakpoints
from gdapp.core.conditioning import TRUSTED_GRADIENT_ERROR, gradient_error
from gdapp.core.costs import COST_SETTINGS, ZERO_BAND, CostRule, band_sign, cost_rule
from gdapp.core.data import Dataset
from gdapp.core.models import ModelRule, model_rule, predictions

if TYPE_CHECKING:
    from gdapp.core.spec import RunSpec

FloatArray = NDArray[np.float64]

__all__ = ["ZERO_BAND", "Objective", "SquaredStats", "band_sign", "direct_cost",
           "direct_gradient", "model_predictions", "penalty_gradient", "penalty_value",
           "predictions", "slope_start"]

#: Above this many samples, MAE for ``origin`` is evaluated from sorted breakpoints
#: (O(log n) per iterate; agrees with direct evaluation to ~1e−12 relative, not bit for bit).
SORTED_MAE_MIN_SAMPLES = 20_000

#: Largest (rows × samples) temporary built when costs are evaluated directly.
CHUNK_ELEMENTS = 1 << 22


def slope_start(model: str) -> int:
    """Index of b1 in a parameter vector: 1 after b0 (a model with an intercept), else 0."""
    return 1 if model_rule(model).intercept else 0


def default_settings() -> dict[str, float]:
    """Every cost setting at its default (δ = 1)."""
    return {name: s.default for name, s in COST_SETTINGS.items()}


def centred_columns(data: Dataset) -> tuple[FloatArray, FloatArray, FloatArray]:
    """(means of the features (p,), centred features (p, n), their row sums of squares (p,)).

    A feature whose samples are all equal is centred to exactly 0 (its mean may leave ±1-ulp
    residues, e.g. 0.1, 0.1, 0.1, which would pass for a tiny real spread)."""
    means = np.array([np.mean(col) for col in data.X.T], dtype=np.float64)
    rows = []
    for col, m in zip(data.X.T, means, strict=True):
        rows.append(np.zeros_like(col) if col.min() == col.max() else col - m)
    u = np.array(rows, dtype=np.float64).reshape(data.p, data.n)
    return means, u, np.array([np.sum(r * r) for r in u], dtype=np.float64)


def gram(rows: FloatArray, target: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(Σ u_j·u_k (p, p), Σ u_j·v (p,)) over the samples. One feature's are numpy's 1-D
    pairwise sums, bit for bit the note's scalars; several features' a matrix product."""
    if rows.shape[0] == 1:
        return (np.array([[np.sum(rows[0] * rows[0])]]),
                np.array([np.sum(rows[0] * target)]))
    g = rows @ rows.T
    return np.asarray((g + g.T) / 2.0, dtype=np.float64), np.asarray(rows @ target,
                                                                     dtype=np.float64)


def solve_normal(g: FloatArray, s: FloatArray) -> FloatArray:
    """The solution of g·b = s (a 1×1 system is one division, as the note writes it)."""
    if g.shape[0] == 1:
        return np.array([s[0] / g[0, 0]]) if g[0, 0] != 0 else np.zeros(1)
    return np.asarray(np.linalg.lstsq(g, s, rcond=None)[0], dtype=np.float64)


@dataclass(frozen=True)
class SquaredStats:
    """Sufficient statistics of the samples for squared-error costs.

    ``origin``: S = mean(x·xᵀ) (p × p), b* solves S·b* = mean(x·y).
    ``line``: with u = x − x̄, v = y − ȳ: S = mean(u·uᵀ), b* solves S·b* = mean(u·v),
    b0* = ȳ − x̄·b*; MSE(b0, b) = c² + (b − b*)ᵀ·S·(b − b*) + MSE*, c = ȳ − b0 − x̄·b.
    ``sxx``, ``bstar`` and ``mean_x`` are the one-feature scalars (the first feature's).
    """

    model: str
    n: int
    means: FloatArray   # x̄ per feature (zeros for origin)
    mean_y: float
    S: FloatArray       # (p, p)
    slopes: FloatArray  # b* (zeros where undefined)
    floor: float        # MSE at the least-squares fit, evaluated directly
    error: float = 0.0  # the gradient's error / its scale (gdapp.core.conditioning)

    @classmethod
    def of(cls, data: Dataset, model: str) -> SquaredStats:
        y, n = data.y, data.n
        if not model_rule(model).intercept:
            means, my = np.zeros(data.p), 0.0
            rows, v = np.ascontiguousarray(data.X.T), y
        else:
            means, rows, _ = centred_columns(data)
            my = float(np.mean(y))
            v = y - my
        g, s = gram(rows, v)
        S, sv = g / n, s / n
        if data.p == 1:  # the note's scalars: mean(x²), mean(x·y)
            S = np.array([[float(np.mean(rows[0] * rows[0]))]])
            sv = np.array([float(np.mean(rows[0] * v))])
        bstar = solve_normal(S, sv)
        fit = bstar[0] * rows[0]
        for j in range(1, data.p):
            fit = fit + bstar[j] * rows[j]
        floor = float(np.mean((v - fit) ** 2))
        error = 0.0 if data.p == 1 else gradient_error(rows, v, S, bstar)
        return cls(model, n, means, my, S, bstar, floor, error)

    @property
    def sxx(self) -> float:
        return float(self.S[0, 0])

    @property
    def bstar(self) -> float:
        return float(self.slopes[0])

    @property
    def mean_x(self) -> float:
        return float(self.means[0])

    def _offset(self, params: FloatArray) -> FloatArray:
        """c = ȳ − b0 − x̄·b at each row (``line``)."""
        first = slope_start(self.model)
        c = self.mean_y - params[:, 0]
        for j, m in enumerate(self.means):
            c = c - params[:, first + j] * m
        return np.asarray(c, dtype=np.float64)

    def mse(self, params: FloatArray) -> FloatArray:
        """MSE at each row of ``params`` (shape (m, q)) → shape (m,)."""
        first = slope_start(self.model)
        with np.errstate(over="ignore", invalid="ignore"):
            d = params[:, first:] - self.slopes
            value = self.floor + np.sum((d @ self.S) * d, axis=1)
            if model_rule(self.model).intercept:
                c = self._offset(params)
                value = value + c * c
        return np.asarray(value, dtype=np.float64)

    def mse_gradient(self, params: FloatArray) -> FloatArray:
        """∂MSE/∂b at each row of ``params`` → shape (m, q)."""
        first = slope_start(self.model)
        with np.errstate(over="ignore", invalid="ignore"):
            g = 2.0 * ((params[:, first:] - self.slopes) @ self.S)
            if not model_rule(self.model).intercept:
                return np.asarray(g, dtype=np.float64)
            c = self._offset(params)
            g0 = -2.0 * c
            g = g - (2.0 * c)[:, None] * self.means[None, :]
        return np.column_stack([g0, g])

    def hessian(self) -> FloatArray:
        """The Hessian of the MSE in all parameters, (q, q): 2·mean(xa·xaᵀ), xa = (1, x)."""
        if not model_rule(self.model).intercept:
            return 2.0 * self.S
        m = self.means
        top = np.concatenate([[1.0], m])
        body = np.column_stack([m, self.S + np.outer(m, m)])
        return 2.0 * np.vstack([top, body])

    def optimum(self) -> FloatArray:
        """The least-squares parameters b* (with b0* = ȳ − x̄·b* for ``line``)."""
        if not model_rule(self.model).intercept:
            return self.slopes.copy()
        return np.concatenate([[self.mean_y - float(self.means @ self.slopes)], self.slopes])

    def scalar_gradient(self) -> Callable[..., tuple[float, ...]]:
        """A fast pure-Python ∂MSE/∂b for the descent loop (same maths as mse_gradient)."""
        if self.S.shape[0] > 1:
            return self._vector_gradient()
        sxx2, bstar, mx, my = 2.0 * self.sxx, self.bstar, self.mean_x, self.mean_y
        if not model_rule(self.model).intercept:
            def g_origin(b1: float) -> tuple[float, ...]:
                return (sxx2 * (b1 - bstar),)
            return g_origin

        def g_line(b0: float, b1: float) -> tuple[float, ...]:
            c2 = -2.0 * (my - b0 - b1 * mx)
            return (c2, sxx2 * (b1 - bstar) + c2 * mx)
        return g_line

    def _vector_gradient(self) -> Callable[..., tuple[float, ...]]:
        hessian, centre = self.hessian(), self.optimum()

        def g(*b: float) -> tuple[float, ...]:
            return tuple((hessian @ (np.array(b) - centre)).tolist())
        return g


def model_predictions(params: FloatArray, data: Dataset, model: str) -> FloatArray:
    """ŷ of the model (its output: p = σ(z) for logistic) for each row of ``params``,
    shape (m, n)."""
    rule = model_rule(model)
    return rule.output(rule.raw(params, data.X))


def _direct_cost(rule: CostRule, m: ModelRule, settings: Mapping[str, float],
                 params: FloatArray, data: Dataset) -> FloatArray:
    z = m.raw(params, data.X)
    u = z if rule.on_raw else m.output(z)
    terms = rule.values(data.y[None, :], u, settings)
    with np.errstate(over="ignore", invalid="ignore"):
        return rule.finish(np.mean(terms, axis=1))


def _direct_gradient(rule: CostRule, m: ModelRule, settings: Mapping[str, float],
                     params: FloatArray, data: Dataset) -> FloatArray:
    z = m.raw(params, data.X)
    u = z if rule.on_raw else m.output(z)
    y = data.y[None, :]
    psi = rule.weights(y, u, settings)
    with np.errstate(over="ignore", invalid="ignore"):
        if not rule.on_raw:  # through the link: ∂ŷ/∂b = (dŷ/dz)·∂z/∂b
            psi = psi * m.output_slope(z)
        cols = [-np.mean(psi * dz, axis=1) for dz in m.raw_slopes(params, data.X)]
        g = np.column_stack(cols)
        if rule.outer:
            g = rule.finish_gradient(g, rule.finish(np.mean(rule.values(y, u, settings),
                                                            axis=1)))
    return np.asarray(g, dtype=np.float64)


def _in_chunks(fn: Callable[[CostRule, ModelRule, Mapping[str, float], FloatArray, Dataset],
                            FloatArray],
               rule: CostRule, m: ModelRule, settings: Mapping[str, float],
               params: FloatArray, data: Dataset) -> FloatArray:
    """Apply ``fn`` to blocks of rows so that no (rows × samples) temporary exceeds
    ``CHUNK_ELEMENTS`` (a 10,000-iteration run on a million samples stays in memory)."""
    rows = max(1, CHUNK_ELEMENTS // max(1, data.n))
    if params.shape[0] <= rows:
        return fn(rule, m, settings, params, data)
    return np.concatenate([fn(rule, m, settings, params[i:i + rows], data)
                           for i in range(0, params.shape[0], rows)])


def _model_of(params: FloatArray, data: Dataset, model: str | None) -> str:
    """A linear model told apart by its parameter count when not named."""
    if model is not None and model != "linear":
        return model
    return "line" if params.shape[1] > data.p else "origin"


def direct_cost(cost: str, params: FloatArray, data: Dataset, model: str | None = None,
                settings: Mapping[str, float] | None = None) -> FloatArray:
    """The cost at each row of ``params`` by direct evaluation over the samples (O(m·n));
    without ``model``, the linear model the parameter count implies."""
    return _in_chunks(_direct_cost, cost_rule(cost), model_rule(_model_of(params, data, model)),
                      settings or default_settings(), params, data)


def direct_gradient(cost: str, params: FloatArray, data: Dataset, model: str | None = None,
                    settings: Mapping[str, float] | None = None) -> FloatArray:
    """∂cost/∂b at each row of ``params`` by direct evaluation (MAE with the zero band)."""
    return _in_chunks(_direct_gradient, cost_rule(cost),
                      model_rule(_model_of(params, data, model)),
                      settings or default_settings(), params, data)


def penalty_value(penalty: str, lam: float, params: FloatArray, first: int | None = None
                  ) -> FloatArray:
    """λ·Σbj² (L2), λ·Σ|bj| (L1) or 0 over the slopes, at each row of ``params``.

    ``first`` is the index of b1 (1 after b0); by default the last column is the one slope
    (one feature)."""
    b = params[:, -1:] if first is None else params[:, first:]
    with np.errstate(over="ignore", invalid="ignore"):
        if penalty == "l2":
            return np.asarray(_row_sum(lam * b * b), dtype=np.float64)
        if penalty == "l1":
            return np.asarray(_row_sum(lam * np.abs(b)), dtype=np.float64)
    return np.zeros(params.shape[0])


def _row_sum(a: FloatArray) -> FloatArray:
    """Σ over the columns, left to right (one column: itself, bit for bit)."""
    out = a[:, 0].copy()
    for j in range(1, a.shape[1]):
        out = out + a[:, j]
    return out


def penalty_gradient(penalty: str, lam: float, params: FloatArray, first: int | None = None
                     ) -> FloatArray:
    """∂P/∂b at each row (only the slopes are penalized, never b0; sign(0) = 0)."""
    g = np.zeros_like(params)
    sl = slice(params.shape[1] - 1, None) if first is None else slice(first, None)
    b = params[:, sl]
    with np.errstate(over="ignore", invalid="ignore"):
        if penalty == "l2":
            g[:, sl] = 2.0 * lam * b
        elif penalty == "l1":
            g[:, sl] = lam * np.sign(b)
    return g


class Objective:
    """Cost + penalty for one run's settings, vectorized over iterates and as a fast scalar
    gradient for the descent loop. Build it with :meth:`of` from a spec, or with keywords."""

    def __init__(self, data: Dataset, *, model: str, cost: str, penalty: str = "none",
                 lam: float = 0.0, settings: Mapping[str, float] | None = None) -> None:
        self.data = data
        self.model = model
        self.cost_name = cost
        self.rule = cost_rule(cost)
        self.model_rule = model_rule(model)
        self.settings = {**default_settings(), **(settings or {})}
        self.penalty_name = penalty
        self.lam = float(lam) if penalty != "none" else 0.0
        plain = self.model_rule.linear and self.model_rule.link == "identity"
        self.through_origin = plain and not self.model_rule.intercept
        stats = SquaredStats.of(data, model) if self.rule.squared and plain else None
        self.stats = stats if stats is not None and stats.error <= TRUSTED_GRADIENT_ERROR \
            else None  # ill-conditioned: the gradient from the samples themselves
        self.first = slope_start(model)
        # many samples: MAE (origin) from sorted breakpoints instead of O(n) per iterate
        self.breakpoints = (SortedBreakpoints(data) if self.rule.breakpoints
                            and self.through_origin and data.p == 1
                            and data.n > SORTED_MAE_MIN_SAMPLES else None)

    @classmethod
    def of(cls, spec: RunSpec) -> Objective:
        """The objective of a run's settings (the one way the window, the workbook and the
        engine build it, so that every cost setting travels with it)."""
        return cls(spec.data, model=spec.model, cost=spec.cost, penalty=spec.penalty,
                   lam=spec.lam, settings=spec.cost_settings())

    @property
    def per_sample(self) -> bool:
        """Whether each update walks every sample (no sufficient statistics apply)."""
        return self.stats is None and self.breakpoints is None

    # vectorized over rows of params (m, p) --------------------------------------------
    def cost(self, params: FloatArray) -> FloatArray:
        if self.breakpoints is not None:
            return self.breakpoints.costs(params[:, 0])
        if self.stats is None:
            return _in_chunks(_direct_cost, self.rule, self.model_rule, self.settings, params,
                              self.data)
        return self.rule.finish(self.stats.mse(params))

    def cost_gradient(self, params: FloatArray) -> FloatArray:
        if self.breakpoints is not None:
            return self.breakpoints.gradients(params[:, 0])[:, None]
        if self.stats is None:
            return _in_chunks(_direct_gradient, self.rule, self.model_rule, self.settings,
                              params, self.data)
        g = self.stats.mse_gradient(params)
        if self.rule.outer:
            g = self.rule.finish_gradient(g, self.rule.finish(self.stats.mse(params)))
        return np.asarray(g, dtype=np.float64)

    def penalty(self, params: FloatArray) -> FloatArray:
        return penalty_value(self.penalty_name, self.lam, params, self.first)

    def penalty_gradient(self, params: FloatArray) -> FloatArray:
        return penalty_gradient(self.penalty_name, self.lam, params, self.first)

    def gradient(self, params: FloatArray) -> FloatArray:
        """∂(cost + penalty)/∂b: the slope of the tangent the note draws."""
        return self.cost_gradient(params) + self.penalty_gradient(params)

    def value(self, params: FloatArray) -> FloatArray:
        return self.cost(params) + self.penalty(params)

    def predictions(self, params: FloatArray) -> FloatArray:
        """ŷ (p for a classifier) at each row of ``params`` → (m, n)."""
        return self.model_rule.output(self.model_rule.raw(params, self.data.X))

    def accuracy(self, params: FloatArray) -> FloatArray | None:
        """For a classifier: the share of samples with (p ≥ 0.5) = y at each row; else None."""
        if self.model_rule.targets != "binary":
            return None
        out = np.empty(params.shape[0])
        rows = max(1, CHUNK_ELEMENTS // max(1, self.data.n))
        for i in range(0, params.shape[0], rows):
            z = self.model_rule.raw(params[i:i + rows], self.data.X)
            out[i:i + rows] = np.mean((z >= 0.0) == (self.data.y[None, :] == 1.0), axis=1)
        return out

    # fast scalar gradient of the *cost* for the descent loop ---------------------------
    def scalar_cost_gradient(self) -> Callable[..., tuple[float, ...]]:
        """∂cost/∂b as a function of the parameters (floats) → tuple of floats."""
        if self.stats is not None and not self.rule.outer:
            return self.stats.scalar_gradient()
        if self.stats is not None:  # the square root of the mean square (RMSE)
            return self._scalar_root_gradient(self.stats)
        if self.rule.breakpoints and self.through_origin and self.data.p == 1:
            breakpoints = self.breakpoints or SortedBreakpoints(self.data)

            def g_sorted(b1: float) -> tuple[float, ...]:
                return (breakpoints.gradient(b1),)
            return g_sorted
        rule, m, settings, data = self.rule, self.model_rule, self.settings, self.data

        def g_direct(*b: float) -> tuple[float, ...]:
            row = np.array([b], dtype=np.float64)
            return tuple(float(v) for v in _direct_gradient(rule, m, settings, row, data)[0])
        return g_direct

    def _scalar_root_gradient(self, stats: SquaredStats) -> Callable[..., tuple[float, ...]]:
        """∂√MSE/∂b = ∂MSE/∂b / (2·√MSE) (0 where MSE = 0), from the statistics."""
        g_mse = stats.scalar_gradient()
        if stats.S.shape[0] > 1:
            def g_root_p(*b: float) -> tuple[float, ...]:
                mse = float(stats.mse(np.array([b]))[0])
                if not mse > 0.0:
                    return tuple(0.0 for _ in b)
                root2 = 2.0 * mse ** 0.5
                return tuple(gi / root2 for gi in g_mse(*b))
            return g_root_p
        sxx, bstar, floor, mx, my = stats.sxx, stats.bstar, stats.floor, stats.mean_x, \
            stats.mean_y
        line = self.model_rule.intercept

        def g_root(*b: float) -> tuple[float, ...]:
            d = b[-1] - bstar
            mse = floor + sxx * d * d
            if line:
                c = my - b[0] - b[-1] * mx
                mse += c * c
            if not mse > 0.0:
                return tuple(0.0 for _ in b)
            root2 = 2.0 * mse ** 0.5
            return tuple(gi / root2 for gi in g_mse(*b))
        return g_root
