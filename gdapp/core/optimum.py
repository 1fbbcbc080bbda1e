"""The exact optimum of a run's objective, and the learning-rate stability limit.

Closed forms (sums over the samples; for ``line`` use u = x − x̄, v = y − ȳ and b0 = ȳ − b1·x̄):

* MSE or RMSE, no penalty:  b1 = Σxy / Σx²                      (normal equation)
* MSE + L2 (λ·b1²):         b1 = Σxy / (Σx² + n·λ)               (ridge)
* MSE + L1 (λ·|b1|):        b1 = sign(Σxy)·max(|Σxy| − n·λ/2, 0) / Σx²   (soft threshold)
* RMSE + a penalty:         no closed form; the derivative of the convex 1-D objective in b1
                            (b0 profiled out) is bisected to machine precision.
* MAE, ``origin``:          exact: the objective is convex and piecewise linear in b1 with
                            breakpoints y_i/x_i (weights |x_i|); the optimum is a weighted
                            median, found from sorted breakpoints (L1 adds a breakpoint at 0 of
                            weight n·λ; L2 may put it inside a segment, solved linearly).
* MAE, ``line``:            no closed form here (a linear programme); reported honestly.

Stability (squared error only): the update multiplies the distance to the optimum by
(I − η·H), H = the Hessian of MSE (+ L2), so descent converges iff η < 2/λ_max(H).
For the document example H = 5 → η < 0.4 (with L2: 2/(5 + 2λ)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from gdapp.core.data import Dataset
from gdapp.core.objective import Objective, SquaredStats, direct_cost, penalty_value


@dataclass(frozen=True)
class Optimum:
    """The exact minimiser of the objective, or an honest reason why there is none.

    Attributes
    ----------
    params : tuple of float or None
        Optimal parameters in the model's order, None when undefined or not computed.
    objective : float or None
        Objective (cost + penalty) at ``params``.
    method : str
        How it was found: "normal equation", "ridge", "soft threshold", "weighted median",
        "bisection", or "none".
    note : str
        A sentence for the learner (why there is no optimum, or that it is not unique).
    """

    params: tuple[float, ...] | None
    objective: float | None
    method: str
    note: str = ""


def _soft_threshold(z: float, t: float) -> float:
    return math.copysign(max(abs(z) - t, 0.0), z) if abs(z) > t else 0.0


def _sums(data: Dataset, model: str) -> tuple[float, float]:
    """(Σxy, Σx²) for origin or the centered (Σuv, Σu²) for line."""
    x, y = data.x, data.y
    if model == "line":
        x = x - np.mean(x)
        y = y - np.mean(y)
    return float(np.sum(x * y)), float(np.sum(x * x))


def _finish(data: Dataset, model: str, cost: str, penalty: str, lam: float, b1: float,
            method: str, note: str = "") -> Optimum:
    b0 = float(np.mean(data.y) - b1 * np.mean(data.x)) if model == "line" else None
    params = (b1,) if b0 is None else (b0, b1)
    row = np.array([params], dtype=np.float64)
    value = float(direct_cost(cost, row, data)[0] + penalty_value(penalty, lam, row)[0])
    return Optimum(params, value, method, note)


def exact_optimum(data: Dataset, model: str, cost: str, penalty: str, lam: float) -> Optimum:
    """The exact optimum of cost + penalty for these samples (see the module docstring)."""
    lam = float(lam) if penalty != "none" else 0.0
    n = data.n
    sxy, sxx = _sums(data, model)
    if cost == "mae":
        if model == "line":
            return Optimum(None, None, "none",
                           "MAE with an intercept has no closed form (it is a linear programme)")
        return _mae_origin(data, penalty, lam)
    if sxx == 0.0 and penalty == "l1" and lam > 0:
        # the cost does not depend on b1 (once b0 fits): the penalty alone picks b1 = 0
        return _finish(data, model, cost, penalty, lam, 0.0, "soft threshold")
    if sxx == 0.0 and not (penalty == "l2" and lam > 0):
        if model == "origin":
            note = "the optimum is undefined: all x are 0, so every b1 gives the same cost"
        else:
            c = f"{float(data.x[0]):.10g}"
            note = (f"the optimum is not unique: all x are {c}, so the cost depends on "
                    f"b0 + {c}·b1 only, and every (b0, b1) with b0 + {c}·b1 = mean(y) fits "
                    "equally well")
        return Optimum(None, None, "none", note)
    if cost == "mse" or penalty == "none":
        if penalty == "l2":
            return _finish(data, model, cost, penalty, lam, sxy / (sxx + n * lam), "ridge")
        if penalty == "l1":
            return _finish(data, model, cost, penalty, lam,
                           _soft_threshold(sxy, n * lam / 2.0) / sxx, "soft threshold")
        return _finish(data, model, cost, penalty, lam, sxy / sxx, "normal equation")
    return _rmse_penalized(data, model, penalty, lam)


def _rmse_penalized(data: Dataset, model: str, penalty: str, lam: float) -> Optimum:
    """RMSE + λ·P(b1): bisect the derivative of the convex profile in b1."""
    st = SquaredStats.of(data, model)

    root_floor, root_sxx = math.sqrt(st.floor), math.sqrt(st.sxx)

    def d_rmse(t: float) -> float:
        """∂RMSE/∂b1 at b1 = b* + t: sxx·t/√(floor + sxx·t²), written with hypot so that
        no intermediate overflows (t·√sxx may be huge for samples near 1e±100)."""
        u = root_sxx * t
        root = math.hypot(root_floor, u)
        return root_sxx * (u / root) if root > 0 else 0.0

    def slope(b1: float) -> float:
        d_pen = 2.0 * lam * b1 if penalty == "l2" else lam * math.copysign(1.0, b1)
        return d_rmse(b1 - st.bstar) + d_pen

    bstar = st.bstar
    if bstar == 0.0:
        return _finish(data, model, "rmse", penalty, lam, 0.0, "bisection")
    if penalty == "l1":
        d0 = abs(d_rmse(-bstar))
        if d0 <= lam:  # 0 is in the subdifferential
            return _finish(data, model, "rmse", penalty, lam, 0.0, "bisection")
    lo, hi = (0.0, bstar) if bstar > 0 else (bstar, 0.0)
    for _ in range(2200):  # enough to halve any float interval down to adjacent floats
        mid = 0.5 * (lo + hi)
        if mid in (lo, hi):
            break
        if slope(mid) > 0:
            hi = mid
        else:
            lo = mid
    return _finish(data, model, "rmse", penalty, lam, 0.5 * (lo + hi), "bisection",
                   "no closed form: the derivative was bisected to machine precision")


def _mae_origin(data: Dataset, penalty: str, lam: float) -> Optimum:
    x, y, n = data.x, data.y, data.n
    nz = x != 0
    with np.errstate(over="ignore"):
        t = y[nz] / x[nz]
    w = np.abs(x[nz])
    # a breakpoint that overflows (tiny x) lies beyond every finite b1: its weight only
    # shifts the slope, as if it were always above (+inf) or always below (−inf)
    below_all = float(np.sum(w[t == -np.inf]))
    above_all = float(np.sum(w[t == np.inf]))
    t, w = t[np.isfinite(t)], w[np.isfinite(t)]
    if penalty == "l1" and lam > 0:
        t = np.append(t, 0.0)
        w = np.append(w, n * lam)
    l2 = 2.0 * lam if penalty == "l2" else 0.0
    if t.size == 0:
        if l2 > 0:
            return _finish(data, "origin", "mae", penalty, lam, 0.0, "weighted median")
        return Optimum(None, None, "none",
                       "the optimum is undefined: all x are 0, so every b1 gives the same cost")
    pts, inverse = np.unique(t, return_inverse=True)
    weights = np.bincount(inverse, weights=w)
    cum = below_all + np.cumsum(weights)
    total = float(cum[-1]) + above_all
    below_left = np.concatenate([[below_all], cum[:-1]])
    with np.errstate(over="ignore"):  # a breakpoint near 1e308 (tiny x): slope ±inf there
        right = (2.0 * cum - total) / n + l2 * pts     # f'(b+) at each breakpoint
        left = (2.0 * below_left - total) / n + l2 * pts  # f'(b−)
    idx = np.flatnonzero(right >= 0)
    if idx.size == 0:  # only with L2: the zero lies beyond the last breakpoint
        return _finish(data, "origin", "mae", penalty, lam, -(total / n) / l2, "weighted median")
    j = int(idx[0])
    if left[j] <= 0 or l2 == 0:
        note = ""
        if right[j] == 0 and j + 1 < pts.size and l2 == 0:
            note = (f"not unique: every b1 from {pts[j]:g} to {pts[j + 1]:g} "
                    "gives the same MAE")
        return _finish(data, "origin", "mae", penalty, lam, float(pts[j]), "weighted median",
                       note)
    b1 = -(2.0 * below_left[j] - total) / (n * l2)
    return _finish(data, "origin", "mae", penalty, lam, float(b1), "weighted median")


def stability_limit(data: Dataset, model: str, cost: str, penalty: str,
                    lam: float) -> float | None:
    """The largest stable learning rate 2/λ_max(H) for MSE (None for MAE/RMSE or flat data).

    With L1 the smooth part decides (the penalty's step is taken separately).
    """
    if cost != "mse":
        return None
    l2 = 2.0 * float(lam) if penalty == "l2" else 0.0
    x = data.x
    if model == "origin":
        h = 2.0 * float(np.mean(x * x)) + l2
    else:
        a, b, c = 2.0, 2.0 * float(np.mean(x)), 2.0 * float(np.mean(x * x)) + l2
        h = (a + c) / 2.0 + math.hypot((a - c) / 2.0, b)
    return 2.0 / h if h > 0 and math.isfinite(h) else None


def objective_for(data: Dataset, model: str, cost: str, penalty: str, lam: float) -> Objective:
    """Convenience: the :class:`Objective` for these settings."""
    return Objective(data, model, cost, penalty, lam)
