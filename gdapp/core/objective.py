"""Costs, penalties and their gradients, evaluated directly or from sufficient statistics.

Conventions (see docs/worked-example in shared/ and docs/engine.md):

* prediction ŷ = b1·x (``origin``) or ŷ = b0 + b1·x (``line``); residual r = y − ŷ.
* MSE  E = (1/n)·Σ r²             ∂E/∂b1 = −(2/n)·Σ x·r,  ∂E/∂b0 = −(2/n)·Σ r
* MAE  E = (1/n)·Σ |r|            ∂E/∂b1 = −(1/n)·Σ x·s,  ∂E/∂b0 = −(1/n)·Σ s,  s = sign(r)
* RMSE E = √MSE                   ∂E = ∂MSE / (2·√MSE)   (0 where MSE = 0)
* L2   P = λ·b1²                  ∂P/∂b1 = 2λ·b1
* L1   P = λ·|b1|                 ∂P/∂b1 = λ·sign(b1)     (sign(0) = 0)

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
directly from the residuals of b*. It agrees with direct evaluation to ~1e−12 relative.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from gdapp.core.data import Dataset

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


@dataclass(frozen=True)
class SquaredStats:
    """Sufficient statistics of the samples for squared-error costs.

    ``origin``: b* = mean(xy)/mean(x²); H = 2·mean(x²).
    ``line``: with u = x − x̄, v = y − ȳ: b1* = mean(uv)/mean(u²), b0* = ȳ − b1*·x̄;
    MSE(b0, b1) = c² + mean(u²)·(b1 − b1*)² + MSE*, where c = ȳ − b0 − b1·x̄.
    """

    model: str
    n: int
    mean_x: float
    mean_y: float
    sxx: float      # mean(x²) (origin) or mean(u²) (line)
    sxy: float      # mean(x·y) (origin) or mean(u·v) (line)
    bstar: float    # least-squares slope (0 when undefined)
    floor: float    # MSE at the least-squares fit, evaluated directly

    @classmethod
    def of(cls, data: Dataset, model: str) -> SquaredStats:
        x, y = data.x, data.y
        if model == "origin":
            mx, my = 0.0, 0.0
            sxx = float(np.mean(x * x))
            sxy = float(np.mean(x * y))
            bstar = sxy / sxx if sxx > 0 else 0.0
            floor = float(np.mean((y - bstar * x) ** 2))
        else:
            mx, my = float(np.mean(x)), float(np.mean(y))
            u, v = x - mx, y - my
            sxx = float(np.mean(u * u))
            sxy = float(np.mean(u * v))
            bstar = sxy / sxx if sxx > 0 else 0.0
            floor = float(np.mean((v - bstar * u) ** 2))
        return cls(model, data.n, mx, my, sxx, sxy, bstar, floor)

    def mse(self, params: FloatArray) -> FloatArray:
        """MSE at each row of ``params`` (shape (m, p)) → shape (m,)."""
        b1 = params[:, -1]
        with np.errstate(over="ignore", invalid="ignore"):
            d = b1 - self.bstar
            value = self.floor + self.sxx * d * d
            if self.model == "line":
                c = self.mean_y - params[:, 0] - b1 * self.mean_x
                value = value + c * c
        return np.asarray(value, dtype=np.float64)

    def mse_gradient(self, params: FloatArray) -> FloatArray:
        """∂MSE/∂b at each row of ``params`` → shape (m, p)."""
        b1 = params[:, -1]
        with np.errstate(over="ignore", invalid="ignore"):
            g1 = 2.0 * self.sxx * (b1 - self.bstar)
            if self.model == "origin":
                return np.asarray(g1[:, None], dtype=np.float64)
            c = self.mean_y - params[:, 0] - b1 * self.mean_x
            g0 = -2.0 * c
            g1 = g1 - 2.0 * c * self.mean_x
        return np.column_stack([g0, g1])

    def scalar_gradient(self) -> Callable[..., tuple[float, ...]]:
        """A fast pure-Python ∂MSE/∂b for the descent loop (same maths as mse_gradient)."""
        sxx2, bstar, mx, my = 2.0 * self.sxx, self.bstar, self.mean_x, self.mean_y
        if self.model == "origin":
            def g_origin(b1: float) -> tuple[float, ...]:
                return (sxx2 * (b1 - bstar),)
            return g_origin

        def g_line(b0: float, b1: float) -> tuple[float, ...]:
            c2 = -2.0 * (my - b0 - b1 * mx)
            return (c2, sxx2 * (b1 - bstar) + c2 * mx)
        return g_line


def predictions(params: FloatArray, x: FloatArray) -> FloatArray:
    """ŷ for each row of ``params`` (m, p) and each sample → shape (m, n)."""
    b1 = params[:, -1:]
    with np.errstate(over="ignore", invalid="ignore"):
        yhat = b1 * x[None, :]
        if params.shape[1] == 2:
            yhat = params[:, :1] + yhat
    return np.asarray(yhat, dtype=np.float64)


def _direct_cost(cost: str, params: FloatArray, data: Dataset) -> FloatArray:
    yhat = predictions(params, data.x)
    with np.errstate(over="ignore", invalid="ignore"):
        r = data.y[None, :] - yhat
        if cost == "mae":
            return np.asarray(np.mean(np.abs(r), axis=1), dtype=np.float64)
        mse = np.mean(r * r, axis=1)
    return np.asarray(np.sqrt(mse) if cost == "rmse" else mse, dtype=np.float64)


def _direct_gradient(cost: str, params: FloatArray, data: Dataset) -> FloatArray:
    x, y = data.x, data.y
    yhat = predictions(params, x)
    with np.errstate(over="ignore", invalid="ignore"):
        r = y[None, :] - yhat
        if cost == "mae":
            s = band_sign(r, np.abs(y[None, :]) + np.abs(yhat))
            g1 = -np.mean(s * x[None, :], axis=1)
            g0 = -np.mean(s, axis=1)
        else:
            g1 = -2.0 * np.mean(r * x[None, :], axis=1)
            g0 = -2.0 * np.mean(r, axis=1)
            if cost == "rmse":
                root = np.sqrt(np.mean(r * r, axis=1))
                safe = np.where(root > 0, root, 1.0)
                g1 = np.where(root > 0, g1 / (2.0 * safe), 0.0)
                g0 = np.where(root > 0, g0 / (2.0 * safe), 0.0)
    cols = [g1] if params.shape[1] == 1 else [g0, g1]
    return np.asarray(np.column_stack(cols), dtype=np.float64)


def _in_chunks(fn: Callable[[str, FloatArray, Dataset], FloatArray], cost: str,
               params: FloatArray, data: Dataset) -> FloatArray:
    """Apply ``fn`` to blocks of rows so that no (rows × samples) temporary exceeds
    ``CHUNK_ELEMENTS`` (a 10,000-iteration run on a million samples stays in memory)."""
    rows = max(1, CHUNK_ELEMENTS // max(1, data.n))
    if params.shape[0] <= rows:
        return fn(cost, params, data)
    return np.concatenate([fn(cost, params[i:i + rows], data)
                           for i in range(0, params.shape[0], rows)])


def direct_cost(cost: str, params: FloatArray, data: Dataset) -> FloatArray:
    """The cost at each row of ``params`` by direct evaluation over the samples (O(m·n))."""
    return _in_chunks(_direct_cost, cost, params, data)


def direct_gradient(cost: str, params: FloatArray, data: Dataset) -> FloatArray:
    """∂cost/∂b at each row of ``params`` by direct evaluation (MAE with the zero band)."""
    return _in_chunks(_direct_gradient, cost, params, data)


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


def penalty_value(penalty: str, lam: float, params: FloatArray) -> FloatArray:
    """λ·b1² (L2), λ·|b1| (L1) or 0, at each row of ``params``."""
    b1 = params[:, -1]
    with np.errstate(over="ignore", invalid="ignore"):
        if penalty == "l2":
            return np.asarray(lam * b1 * b1, dtype=np.float64)
        if penalty == "l1":
            return np.asarray(lam * np.abs(b1), dtype=np.float64)
    return np.zeros(params.shape[0])


def penalty_gradient(penalty: str, lam: float, params: FloatArray) -> FloatArray:
    """∂P/∂b at each row (only the slope b1 is penalized; sign(0) = 0)."""
    g = np.zeros_like(params)
    b1 = params[:, -1]
    with np.errstate(over="ignore", invalid="ignore"):
        if penalty == "l2":
            g[:, -1] = 2.0 * lam * b1
        elif penalty == "l1":
            g[:, -1] = lam * np.sign(b1)
    return g


class Objective:
    """Cost + penalty for one spec, with both vectorized and fast scalar evaluation."""

    def __init__(self, data: Dataset, model: str, cost: str, penalty: str, lam: float) -> None:
        self.data = data
        self.model = model
        self.cost_name = cost
        self.penalty_name = penalty
        self.lam = float(lam) if penalty != "none" else 0.0
        self.stats = SquaredStats.of(data, model) if cost in ("mse", "rmse") else None
        # many samples: MAE (origin) from sorted breakpoints instead of O(n) per iterate
        self.breakpoints = (SortedBreakpoints(data) if cost == "mae" and model == "origin"
                            and data.n > SORTED_MAE_MIN_SAMPLES else None)

    # vectorized over rows of params (m, p) --------------------------------------------
    def cost(self, params: FloatArray) -> FloatArray:
        if self.breakpoints is not None:
            return self.breakpoints.costs(params[:, 0])
        if self.stats is None:
            return direct_cost(self.cost_name, params, self.data)
        mse = self.stats.mse(params)
        if self.cost_name == "rmse":
            return np.asarray(np.sqrt(np.maximum(mse, 0.0)), dtype=np.float64)
        return mse

    def cost_gradient(self, params: FloatArray) -> FloatArray:
        if self.breakpoints is not None:
            return self.breakpoints.gradients(params[:, 0])[:, None]
        if self.stats is None:
            return direct_gradient(self.cost_name, params, self.data)
        g = self.stats.mse_gradient(params)
        if self.cost_name == "rmse":
            root = np.sqrt(np.maximum(self.stats.mse(params), 0.0))
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                g = np.where(root[:, None] > 0, g / (2.0 * root[:, None]), 0.0)
        return np.asarray(g, dtype=np.float64)

    def penalty(self, params: FloatArray) -> FloatArray:
        return penalty_value(self.penalty_name, self.lam, params)

    def gradient(self, params: FloatArray) -> FloatArray:
        """∂(cost + penalty)/∂b: the slope of the tangent the note draws."""
        return self.cost_gradient(params) + penalty_gradient(self.penalty_name, self.lam, params)

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
        data = self.data
        if self.model == "origin":
            breakpoints = self.breakpoints or SortedBreakpoints(data)

            def g_sorted(b1: float) -> tuple[float, ...]:
                return (breakpoints.gradient(b1),)
            return g_sorted

        def g_direct(*b: float) -> tuple[float, ...]:
            row = np.array([b], dtype=np.float64)
            return tuple(float(v) for v in direct_gradient("mae", row, data)[0])
        return g_direct
