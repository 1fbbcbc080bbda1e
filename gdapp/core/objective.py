"""Costs, penalties and their gradients, evaluated directly or from sufficient statistics.

Conventions (see docs/worked-example in shared/ and docs/engine.md):

* prediction ŷ = b1·x1 + … + bp·xp (``origin``) or ŷ = b0 + b1·x1 + … + bp·xp (``line``);
  residual r = y − ŷ. With one feature (the note's) ŷ = b1·x or b0 + b1·x.
* MSE  E = (1/n)·Σ r²             ∂E/∂bj = −(2/n)·Σ xj·r,  ∂E/∂b0 = −(2/n)·Σ r
* MAE  E = (1/n)·Σ |r|            ∂E/∂bj = −(1/n)·Σ xj·s,  ∂E/∂b0 = −(1/n)·Σ s,  s = sign(r)
* RMSE E = √MSE                   ∂E = ∂MSE / (2·√MSE)   (0 where MSE = 0)
* L2   P = λ·Σ bj²                ∂P/∂bj = 2λ·bj          (slopes only, never b0)
* L1   P = λ·Σ |bj|               ∂P/∂bj = λ·sign(bj)     (sign(0) = 0)

**The zero band.** Spreadsheets snap a subtraction of two nearly equal numbers to 0 (LibreOffice
and Gnumeric give ``=6-2*A1`` = 0 for A1 = 3.0000000000000004, numpy gives −8.9e−16). Wherever
a *sign* decides the step, the engine and the exported formulas therefore both treat a
difference as 0 when it is within ``ZERO_BAND`` (1e−12) of the size of its operands:
``s = 0 if |y − ŷ| ≤ 1e−12·(|y| + |ŷ|)``. The band is far wider than the spreadsheets' snapping
(about 3.6e−15) and far narrower than any difference a learner could see, so both engines take
the same decision.

For squared-error costs every quantity is computed from sufficient statistics gathered once
(O(1) per iteration at any n), *centered* at the least-squares fit so that the cost stays
accurate near the optimum: MSE(b) = MSE(b*) + (b − b*)ᵀ·H/2·(b − b*), with MSE(b*) evaluated
directly from the residuals of b*. It agrees with direct evaluation to ~1e−12 relative
where gdapp/core/conditioning.py finds the data well-conditioned; elsewhere, direct.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from gdapp.core.conditioning import TRUSTED_GRADIENT_ERROR, gradient_error
from gdapp.core.data import Dataset
from gdapp.core.models import NONLINEAR_MODELS, sine_predictions, sine_slope

if TYPE_CHECKING:
    from gdapp.core.spec import RunSpec

FloatArray = NDArray[np.float64]

#: Relative width of the band inside which a difference counts as exactly zero.
ZERO_BAND = 1e-12

#: Above this many samples, MAE for ``origin`` is evaluated from sorted breakpoints
#: (O(log n) per iterate; agrees with direct evaluation to ~1e−12 relative, not bit for bit).
SORTED_MAE_MIN_SAMPLES = 20_000

#: Largest (rows × samples) temporary built when costs are evaluated directly.
CHUNK_ELEMENTS = 1 << 22


def band_sign(diff: FloatArray | float, scale: FloatArray | float) -> FloatArray:
    """sign(diff), with 0 where |diff| ≤ ZERO_BAND·scale (see the module docstring)."""
    d = np.asarray(diff, dtype=np.float64)
    s = np.asarray(scale, dtype=np.float64)
    return np.where(np.abs(d) <= ZERO_BAND * s, 0.0, np.sign(d))


def slope_start(model: str) -> int:
    """Index of b1 in a parameter vector: 1 after b0 (``line``), else 0."""
    return 1 if model == "line" else 0


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
        if model == "origin":
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
            if self.model == "line":
                c = self._offset(params)
                value = value + c * c
        return np.asarray(value, dtype=np.float64)

    def mse_gradient(self, params: FloatArray) -> FloatArray:
        """∂MSE/∂b at each row of ``params`` → shape (m, q)."""
        first = slope_start(self.model)
        with np.errstate(over="ignore", invalid="ignore"):
            g = 2.0 * ((params[:, first:] - self.slopes) @ self.S)
            if self.model == "origin":
                return np.asarray(g, dtype=np.float64)
            c = self._offset(params)
            g0 = -2.0 * c
            g = g - (2.0 * c)[:, None] * self.means[None, :]
        return np.column_stack([g0, g])

    def hessian(self) -> FloatArray:
        """The Hessian of the MSE in all parameters, (q, q): 2·mean(xa·xaᵀ), xa = (1, x)."""
        if self.model == "origin":
            return 2.0 * self.S
        m = self.means
        top = np.concatenate([[1.0], m])
        body = np.column_stack([m, self.S + np.outer(m, m)])
        return 2.0 * np.vstack([top, body])

    def optimum(self) -> FloatArray:
        """The least-squares parameters b* (with b0* = ȳ − x̄·b* for ``line``)."""
        if self.model == "origin":
            return self.slopes.copy()
        return np.concatenate([[self.mean_y - float(self.means @ self.slopes)], self.slopes])

    def scalar_gradient(self) -> Callable[..., tuple[float, ...]]:
        """A fast pure-Python ∂MSE/∂b for the descent loop (same maths as mse_gradient)."""
        if self.S.shape[0] > 1:
            return self._vector_gradient()
        sxx2, bstar, mx, my = 2.0 * self.sxx, self.bstar, self.mean_x, self.mean_y
        if self.model == "origin":
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


def predictions(params: FloatArray, x: FloatArray) -> FloatArray:
    """ŷ = (b0 +) b1·x1 + … + bp·xp for each row of ``params`` (m, q) and each sample of
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


def model_predictions(params: FloatArray, data: Dataset, model: str) -> FloatArray:
    """ŷ of the model (linear or sine) for each row of ``params``, shape (m, n)."""
    return sine_predictions(params, data.x) if model == "sine" else predictions(params, data.X)


def _direct_cost(cost: str, params: FloatArray, data: Dataset, model: str) -> FloatArray:
    yhat = model_predictions(params, data, model)
    with np.errstate(over="ignore", invalid="ignore"):
        r = data.y[None, :] - yhat
        if cost == "mae":
            return np.asarray(np.mean(np.abs(r), axis=1), dtype=np.float64)
        mse = np.mean(r * r, axis=1)
    return np.asarray(np.sqrt(mse) if cost == "rmse" else mse, dtype=np.float64)


def _direct_gradient(cost: str, params: FloatArray, data: Dataset, model: str) -> FloatArray:
    y = data.y
    yhat = model_predictions(params, data, model)
    intercept = params.shape[1] > data.p
    # ∂ŷ/∂bj: xj for a line; x·cos(b1·x) for the sine model
    slopes = [sine_slope(params, data.x)] if model == "sine" else [xj[None, :] for xj in data.X.T]
    with np.errstate(over="ignore", invalid="ignore"):
        r = y[None, :] - yhat
        if cost == "mae":  # ∂E/∂bj = −(1/n)·Σ xj·s
            w, k = band_sign(r, np.abs(y[None, :]) + np.abs(yhat)), 1.0
        else:              # ∂E/∂bj = −(2/n)·Σ xj·r
            w, k = r, 2.0
        cols = [-k * np.mean(w * dj, axis=1) for dj in slopes]
        if intercept:
            cols.insert(0, -k * np.mean(w, axis=1))
        if cost == "rmse":  # ∂RMSE = ∂MSE/(2·RMSE), 0 at an exact fit
            root = np.sqrt(np.mean(r * r, axis=1))
            safe = np.where(root > 0, root, 1.0)
            cols = [np.where(root > 0, g / (2.0 * safe), 0.0) for g in cols]
    return np.asarray(np.column_stack(cols), dtype=np.float64)


def _in_chunks(fn: Callable[[str, FloatArray, Dataset, str], FloatArray], cost: str,
               params: FloatArray, data: Dataset, model: str) -> FloatArray:
    """Apply ``fn`` to blocks of rows so that no (rows × samples) temporary exceeds
    ``CHUNK_ELEMENTS`` (a 10,000-iteration run on a million samples stays in memory)."""
    rows = max(1, CHUNK_ELEMENTS // max(1, data.n))
    if params.shape[0] <= rows:
        return fn(cost, params, data, model)
    return np.concatenate([fn(cost, params[i:i + rows], data, model)
                           for i in range(0, params.shape[0], rows)])


def direct_cost(cost: str, params: FloatArray, data: Dataset, model: str = "linear"
                ) -> FloatArray:
    """The cost at each row of ``params`` by direct evaluation over the samples (O(m·n));
    ``model`` "sine" for ŷ = sin(b1·x), else the linear models (told apart by b0)."""
    return _in_chunks(_direct_cost, cost, params, data, model)


def direct_gradient(cost: str, params: FloatArray, data: Dataset, model: str = "linear"
                    ) -> FloatArray:
    """∂cost/∂b at each row of ``params`` by direct evaluation (MAE with the zero band)."""
    return _in_chunks(_direct_gradient, cost, params, data, model)


class SortedBreakpoints:
    """O(log n) MAE gradient for the ``origin`` model.

    With t_i = y_i/x_i and w_i = |x_i|: x_i·sign(y_i − b·x_i) = w_i·sign(t_i − b), so
    Σ x_i·s_i = W(t > b) − W(t < b), read off prefix sums of w over sorted t. Samples whose
    breakpoint lies within a relative 1e−10 of b (a window 100× wider than the zero band)
    are evaluated exactly as the direct formula does, so the zero band decides as before.
    """

    WINDOW = 1e-10

    def __init__(self, data: Dataset) -> None:
        nz = data.x != 0
        with np.errstate(over="ignore"):
            t = data.y[nz] / data.x[nz]
        order = np.argsort(t, kind="stable")
        self.t = t[order]
        self.x = data.x[nz][order]
        self.y = data.y[nz][order]
        w = np.abs(self.x)
        self.cum = np.concatenate([[0.0], np.cumsum(w)])
        with np.errstate(over="ignore", invalid="ignore"):
            self.cum_wt = np.concatenate([[0.0], np.cumsum(w * self.t)])
        self.constant = float(np.sum(np.abs(data.y[~nz])))  # samples with x = 0
        self.n = data.n

    def gradients(self, b: FloatArray) -> FloatArray:
        """∂MAE/∂b1 at each value of ``b`` (vectorized :meth:`gradient`)."""
        d = self.WINDOW * np.abs(b)
        lo = np.searchsorted(self.t, b - d, side="left")
        hi = np.searchsorted(self.t, b + d, side="right")
        total = (self.cum[-1] - self.cum[hi]) - self.cum[lo]
        for i in np.flatnonzero(hi > lo):  # the few rows with a breakpoint at b
            x, y = self.x[lo[i]:hi[i]], self.y[lo[i]:hi[i]]
            yhat = b[i] * x
            total[i] += float(np.sum(x * band_sign(y - yhat, np.abs(y) + np.abs(yhat))))
        return np.asarray(-total / self.n, dtype=np.float64)

    def costs(self, b: FloatArray) -> FloatArray:
        """MAE at each value of ``b``.

        (1/n)·[Σ_(t>b) w·(t − b) + Σ_(t<b) w·(b − t) + Σ_(x=0) |y|], from prefix sums.
        """
        k = np.searchsorted(self.t, b, side="left")
        w_lo, wt_lo = self.cum[k], self.cum_wt[k]
        w_hi, wt_hi = self.cum[-1] - w_lo, self.cum_wt[-1] - wt_lo
        with np.errstate(over="ignore", invalid="ignore"):
            value = (wt_hi - b * w_hi) + (b * w_lo - wt_lo) + self.constant
        return np.asarray(value / self.n, dtype=np.float64)

    def gradient(self, b: float) -> float:
        """∂MAE/∂b1 at b1 = b: −(1/n)·Σ x_i·s_i."""
        d = self.WINDOW * abs(b)
        lo = int(np.searchsorted(self.t, b - d, side="left"))
        hi = int(np.searchsorted(self.t, b + d, side="right"))
        below = self.cum[lo]                    # t < b: x·s = −|x|
        above = self.cum[-1] - self.cum[hi]     # t > b: x·s = +|x|
        x, y = self.x[lo:hi], self.y[lo:hi]
        yhat = b * x
        s = band_sign(y - yhat, np.abs(y) + np.abs(yhat))
        return -float(above - below + float(np.sum(x * s))) / self.n


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
    """Cost + penalty for one spec, with both vectorized and fast scalar evaluation."""

    def __init__(self, data: Dataset, model: str, cost: str, penalty: str, lam: float) -> None:
        self.data = data
        self.model = model
        self.cost_name = cost
        self.penalty_name = penalty
        self.lam = float(lam) if penalty != "none" else 0.0
        stats = (SquaredStats.of(data, model)
                 if cost in ("mse", "rmse") and model not in NONLINEAR_MODELS else None)
        self.stats = stats if stats is not None and stats.error <= TRUSTED_GRADIENT_ERROR \
            else None  # ill-conditioned: the gradient from the samples themselves
        # many samples: MAE (origin) from sorted breakpoints instead of O(n) per iterate
        self.first = slope_start(model)
        self.breakpoints = (SortedBreakpoints(data) if cost == "mae" and model == "origin"
                            and data.p == 1 and data.n > SORTED_MAE_MIN_SAMPLES else None)

    @classmethod
    def of(cls, spec: RunSpec) -> Objective:
        """The objective of a run's settings."""
        return cls(spec.data, spec.model, spec.cost, spec.penalty, spec.lam)

    # vectorized over rows of params (m, p) --------------------------------------------
    def cost(self, params: FloatArray) -> FloatArray:
        if self.breakpoints is not None:
            return self.breakpoints.costs(params[:, 0])
        if self.stats is None:
            return direct_cost(self.cost_name, params, self.data, self.model)
        mse = self.stats.mse(params)
        if self.cost_name == "rmse":
            return np.asarray(np.sqrt(np.maximum(mse, 0.0)), dtype=np.float64)
        return mse

    def cost_gradient(self, params: FloatArray) -> FloatArray:
        if self.breakpoints is not None:
            return self.breakpoints.gradients(params[:, 0])[:, None]
        if self.stats is None:
            return direct_gradient(self.cost_name, params, self.data, self.model)
        g = self.stats.mse_gradient(params)
        if self.cost_name == "rmse":
            root = np.sqrt(np.maximum(self.stats.mse(params), 0.0))
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                g = np.where(root[:, None] > 0, g / (2.0 * root[:, None]), 0.0)
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

    # fast scalar gradient of the *cost* for the descent loop ---------------------------
    def scalar_cost_gradient(self) -> Callable[..., tuple[float, ...]]:
        """∂cost/∂b as a function of the parameters (floats) → tuple of floats."""
        if self.stats is not None and self.cost_name == "mse":
            return self.stats.scalar_gradient()
        if self.stats is not None:  # rmse
            stats = self.stats
            g_mse = stats.scalar_gradient()
            if stats.S.shape[0] > 1:
                def g_rmse_p(*b: float) -> tuple[float, ...]:
                    mse = float(stats.mse(np.array([b]))[0])
                    if not mse > 0.0:
                        return tuple(0.0 for _ in b)
                    root2 = 2.0 * mse ** 0.5
                    return tuple(gi / root2 for gi in g_mse(*b))
                return g_rmse_p
            sxx, bstar, floor, mx, my = stats.sxx, stats.bstar, stats.floor, stats.mean_x, \
                stats.mean_y
            line = self.model == "line"

            def g_rmse(*b: float) -> tuple[float, ...]:
                d = b[-1] - bstar
                mse = floor + sxx * d * d
                if line:
                    c = my - b[0] - b[-1] * mx
                    mse += c * c
                if not mse > 0.0:
                    return tuple(0.0 for _ in b)
                root2 = 2.0 * mse ** 0.5
                return tuple(gi / root2 for gi in g_mse(*b))
            return g_rmse
        data, cost, model = self.data, self.cost_name, self.model
        if self.model == "origin" and data.p == 1 and cost == "mae":
            breakpoints = self.breakpoints or SortedBreakpoints(data)

            def g_sorted(b1: float) -> tuple[float, ...]:
                return (breakpoints.gradient(b1),)
            return g_sorted

        def g_direct(*b: float) -> tuple[float, ...]:
            row = np.array([b], dtype=np.float64)
            return tuple(float(v) for v in direct_gradient(cost, row, data, model)[0])
        return g_direct
