"""The exact optimum of a run's objective, and the learning-rate stability limit.

Closed forms, in sums over the samples of the features U (for ``line`` centred, u = x − x̄,
v = y − ȳ, a feature whose samples are all equal exactly 0; b0 = ȳ − x̄·b), G = UᵀU, t = Uᵀv.
With one feature these are the note's scalar formulas, bit for bit:

* MSE or RMSE, no penalty:  least squares, b = G⁻¹·t (one feature: Σxy / Σx²; several:
                            ``lstsq`` on U). A constant feature or one that is a combination of
                            others makes it not unique: said so, no optimum printed.
* MSE + L2 (λ·Σbj²):        ridge, b = (G + n·λ·I)⁻¹·t               (always unique)
* MSE + L1 (λ·Σ|bj|):       lasso (:mod:`gdapp.core.lasso`): one feature, the soft threshold
                            sign(Σxy)·max(|Σxy| − n·λ/2, 0) / Σx²; several, coordinate descent
                            to a KKT gap ≤ 1e−12 of λ_max, then the active set solved exactly.
* RMSE + a penalty:         one feature: no closed form; the derivative of the convex 1-D
                            objective in b1 (b0 profiled out) is bisected to machine precision.
                            Several features: reported as having no closed form here.
* MAE, ``origin``, one feature: exact: the objective is convex and piecewise linear in b1 with
                            breakpoints y_i/x_i (weights |x_i|); the optimum is a weighted
                            median, found from sorted breakpoints (L1 adds a breakpoint at 0 of
                            weight n·λ; L2 may put it inside a segment, solved linearly).
* MAE otherwise:            no closed form here (a linear programme); reported honestly.
* A smooth convex cost without a closed form (cross-entropy, Huber): Newton's method
                            (:mod:`gdapp.core.newton`; proximal Newton with L1) to a gradient
                            or KKT gap ≤ 1e−12 of its scale. Separated classes: no finite
                            optimum, said so.
* MSE on the logistic model: not convex; no optimum is computed (said so).

Which of these applies is read from the cost's and the model's entries (their capabilities:
``squared``, ``breakpoints``, ``curvature``; the model's ``exact``), never from their names.

Stability (squared error): the update multiplies the distance to the optimum by
(I − η·H), H = the Hessian of MSE (+ L2), so descent converges iff η < 2/λ_max(H).
For the document example H = 5 → η < 0.4 (with L2: 2/(5 + 2λ)). A smooth cost whose curvature
is at most κ_max (Huber 1, cross-entropy 1/4) has H ≼ κ_max·XaᵀXa/n (+ 2λ on the slopes), so
η < 2/λ_max of that bound is safe: a bound, not the exact limit (:func:`stability_is_bound`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from gdapp.core.costs import cost_rule
from gdapp.core.data import Dataset
from gdapp.core.lasso import KKT_TOLERANCE, lasso
from gdapp.core.messages import Message
from gdapp.core.models import SEARCH_RANGE, model_rule, valleys
from gdapp.core.newton import newton_optimum
from gdapp.core.objective import (
    Objective,
    SquaredStats,
    centred_columns,
    default_settings,
    direct_cost,
    gram,
    penalty_value,
    slope_start,
)

FloatArray = NDArray[np.float64]


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
    gap : float
        For the lasso: the largest violation of its optimality (KKT) conditions, relative
        to λ_max (at most 1e−12 when it converged).
    local_minima : tuple of parameter tuples
        Every valley found on the searched range for a model whose cost has several
        (``params`` is the lowest); empty for the convex costs, whose one minimum is
        ``params``.
    """

    params: tuple[float, ...] | None
    objective: float | None
    method: str
    note: str = ""
    gap: float = 0.0
    local_minima: tuple[tuple[float, ...], ...] = ()


def _finish(data: Dataset, model: str, cost: str, penalty: str, lam: float,
            slopes: ArrayLike, method: str, note: str = "",
            gap: float = 0.0, *, settings: Mapping[str, float] | None = None,
            with_intercept: bool = False) -> Optimum:
    """The optimum from its slopes (the intercept ȳ − x̄·b added for ``line``; already in
    ``slopes`` when ``with_intercept``), its objective evaluated directly."""
    b = [float(v) for v in np.asarray(slopes, dtype=np.float64).reshape(-1)]
    if model_rule(model).intercept and not with_intercept:
        b = [data.intercept(b), *b]
    row = np.array([b], dtype=np.float64)
    value = float(direct_cost(cost, row, data, model, settings)[0]
                  + penalty_value(penalty, lam, row, slope_start(model))[0])
    return Optimum(tuple(b), value, method, note, gap)


@dataclass(frozen=True)
class Design:
    """The features as the closed forms use them: centred for ``line`` (constant features
    exactly 0), with the Gram sums G = UᵀU (p, p) and t = Uᵀv (p,)."""

    rows: FloatArray   # U as (p, n)
    target: FloatArray
    g: FloatArray
    t: FloatArray

    @classmethod
    def of(cls, data: Dataset, model: str) -> Design:
        if model_rule(model).intercept:
            _, rows, _ = centred_columns(data)
            target = data.y - np.mean(data.y)
        else:
            rows, target = np.ascontiguousarray(data.X.T), data.y
        g, t = gram(rows, target)
        return cls(rows, target, g, t)

    def dependence(self, names: tuple[str, ...], model: str) -> str:
        """Why the least-squares optimum is not unique, or "" when it is."""
        p = self.g.shape[0]
        null = [j for j in range(p) if not np.any(self.rows[j])]
        if null:
            return Message("the optimum is not unique: feature {name} is constant, so its "
                           "coefficient does not change the cost" if model_rule(model).intercept
                           else "the optimum is not unique: feature {name} is 0 in every "
                           "sample, so its coefficient does not change the cost",
                           name=repr(names[null[0]]))
        if p == 1:
            return ""
        u = self.rows / np.sqrt(np.diag(self.g))[:, None]
        left, sv, _ = np.linalg.svd(u, full_matrices=False)
        if sv[-1] > sv[0] * max(u.shape) * np.finfo(float).eps:
            return ""
        weights = np.abs(left[:, -1])  # the features' combination that is (nearly) 0
        combo = np.flatnonzero(weights > 1e-6 * np.max(weights))
        listed = ", ".join(repr(names[j]) for j in combo)
        return Message("the optimum is not unique: the features {listed} are linearly "
                       "dependent (one is a combination of the others), so many coefficient "
                       "sets fit equally well", listed=listed)


def exact_optimum(data: Dataset, model: str, cost: str, penalty: str, lam: float,
                  settings: Mapping[str, float] | None = None) -> Optimum:
    """The exact optimum of cost + penalty for these samples (see the module docstring)."""
    lam = float(lam) if penalty != "none" else 0.0
    if penalty != "none" and lam == 0.0:
        penalty = "none"
    n = data.n
    m, c = model_rule(model), cost_rule(cost)
    if m.exact == "dense search":
        return _dense_search(data, model, cost, penalty, lam, settings)
    if not c.on_raw and m.link != "identity":
        return Optimum(None, None, "none", Message(
            "{cost} on the {model} model is not convex (σ flattens it): no exact optimum is "
            "computed; the cross-entropy's is convex", cost=c.short, model=model))
    if m.exact == "newton" or not (c.squared or c.breakpoints):
        if c.curvature is None:
            return Optimum(None, None, "none", Message("{cost} has no closed form here",
                                                       cost=c.short))
        if penalty == "none" and m.linear:  # a feature the cost cannot tell apart
            flat = _flat_feature(data, model, cost, penalty, lam, Design.of(data, model))
            if flat is not None:
                return flat
        newton = newton_optimum(data, m, c, {**default_settings(), **(settings or {})},
                                penalty, lam)
        if newton.params is None:
            return Optimum(None, None, "none", newton.note)
        return _finish(data, model, cost, penalty, lam, newton.params,
                       "proximal Newton" if penalty == "l1" else "Newton", newton.note,
                       newton.gap, settings=settings, with_intercept=True)
    if c.breakpoints:
        if m.intercept or data.p > 1:
            return Optimum(None, None, "none", Message(
                "MAE with an intercept has no closed form (it is a linear programme)"
                if m.intercept else
                "MAE on several features has no closed form (it is a linear programme)"))
        return _mae_origin(data, penalty, lam)
    design = Design.of(data, model)
    if data.p == 1:
        one = _one_feature(data, model, cost, penalty, lam, design)
        if one is not None:
            return one
    elif c.outer and penalty != "none":
        return Optimum(None, None, "none", Message(
                       "{cost} with a penalty on several features has no closed form here",
                       cost=c.short))
    g, t = design.g, design.t
    if penalty == "l2":
        b = np.linalg.solve(g + n * lam * np.eye(g.shape[0]), t) if data.p > 1 else \
            np.array([t[0] / (g[0, 0] + n * lam)])
        return _finish(data, model, cost, penalty, lam, b, "ridge")
    if penalty == "l1":
        fit = lasso(g, t, n, lam)
        if not fit.unique:
            return Optimum(None, None, "none", Message(
                           "the optimum is not unique: features that the penalty keeps are "
                           "linearly dependent (a copy or a combination of others)"))
        method = "soft threshold" if data.p == 1 else "coordinate descent"
        note = "" if fit.gap <= KKT_TOLERANCE else (
            Message("coordinate descent stopped at a KKT gap of {gap} of the penalty that zeroes "
                    "every coefficient (the features "
                    "are nearly dependent): close to the optimum, not exact",
                    gap=f"{fit.gap:.1g}"))
        return _finish(data, model, cost, penalty, lam, fit.slopes, method, note, fit.gap)
    why = design.dependence(data.feature_names, model)
    if why:
        return Optimum(None, None, "none", why)
    if data.p == 1:
        b = np.array([t[0] / g[0, 0]])
    else:
        b = np.linalg.lstsq(design.rows.T, design.target, rcond=None)[0]
    return _finish(data, model, cost, penalty, lam, b, "normal equation")


def _dense_search(data: Dataset, model: str, cost: str, penalty: str, lam: float,
                  settings: Mapping[str, float] | None) -> Optimum:
    """A cost with several valleys: every local minimum on the searched range, the lowest
    as the optimum — no normal equation here (see :mod:`gdapp.core.models`)."""
    obj = Objective(data, model=model, cost=cost, penalty=penalty, lam=lam, settings=settings)

    def value(b: FloatArray) -> FloatArray:
        return obj.value(b.reshape(-1, 1))

    def slope(b: FloatArray) -> FloatArray:
        return obj.gradient(b.reshape(-1, 1))[:, 0]

    found = valleys(value, slope)
    lo, hi = SEARCH_RANGE
    if not found:
        return Optimum(None, None, "dense search", Message(
                       "no valley of the cost on b1 from {lo} to {hi}", lo=f"{lo:g}",
                       hi=f"{hi:g}"))
    best = min(found, key=lambda v: v[1])
    note = Message("no normal equation here: the cost has {n} valleys on b1 from {lo} to {hi} "
                   "(found by dense search); plain gradient descent ends in the one it starts "
                   "in", n=str(len(found)), lo=f"{lo:g}", hi=f"{hi:g}")
    return Optimum((best[0],), best[1], "dense search", note,
                   local_minima=tuple((b,) for b, _ in found))


def _flat_feature(data: Dataset, model: str, cost: str, penalty: str, lam: float,
                  design: Design) -> Optimum | None:
    """Without a penalty: why the optimum is not unique or undefined when a feature is
    constant or a combination of others (None when every feature counts)."""
    if data.p == 1:
        return _one_feature(data, model, cost, penalty, lam, design) \
            if float(design.g[0, 0]) == 0.0 else None
    why = design.dependence(data.feature_names, model)
    return Optimum(None, None, "none", why) if why else None


def _one_feature(data: Dataset, model: str, cost: str, penalty: str, lam: float,
                 design: Design) -> Optimum | None:
    """The one-feature cases with answers of their own (None: the general closed forms)."""
    sxx = float(design.g[0, 0])
    if sxx == 0.0 and penalty == "l1":
        # the cost does not depend on b1 (once b0 fits): the penalty alone picks b1 = 0
        return _finish(data, model, cost, penalty, lam, [0.0], "soft threshold")
    if sxx == 0.0 and penalty != "l2":
        if not model_rule(model).intercept:
            note = Message(
                "the optimum is undefined: all x are 0, so every b1 gives the same cost")
        else:
            c = f"{float(data.x[0]):.10g}"
            note = Message("the optimum is not unique: all x are {c}, so the cost depends "
                           "on b0 + {c}·b1 only, and every (b0, b1) with b0 + {c}·b1 = mean(y) "
                           "fits equally well", c=c)
        return Optimum(None, None, "none", note)
    if cost_rule(cost).outer and penalty != "none":
        return _rmse_penalized(data, model, penalty, lam)
    return None


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
        return _finish(data, model, "rmse", penalty, lam, [0.0], "bisection")
    if penalty == "l1":
        d0 = abs(d_rmse(-bstar))
        if d0 <= lam:  # 0 is in the subdifferential
            return _finish(data, model, "rmse", penalty, lam, [0.0], "bisection")
    lo, hi = (0.0, bstar) if bstar > 0 else (bstar, 0.0)
    for _ in range(2200):  # enough to halve any float interval down to adjacent floats
        mid = 0.5 * (lo + hi)
        if mid in (lo, hi):
            break
        if slope(mid) > 0:
            hi = mid
        else:
            lo = mid
    return _finish(data, model, "rmse", penalty, lam, [0.5 * (lo + hi)], "bisection",
                   Message("no closed form: the derivative was bisected to machine precision"))


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
            return _finish(data, "origin", "mae", penalty, lam, [0.0], "weighted median")
        return Optimum(None, None, "none", Message(
                       "the optimum is undefined: all x are 0, so every b1 gives the same cost"))
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
        return _finish(data, "origin", "mae", penalty, lam, [-(total / n) / l2],
                       "weighted median")
    j = int(idx[0])
    if left[j] <= 0 or l2 == 0:
        note = ""
        if right[j] == 0 and j + 1 < pts.size and l2 == 0:
            note = Message("not unique: every b1 from {lo} to {hi} gives the same MAE",
                           lo=f"{pts[j]:g}", hi=f"{pts[j + 1]:g}")
        return _finish(data, "origin", "mae", penalty, lam, [float(pts[j])],
                       "weighted median", note)
    b1 = -(2.0 * below_left[j] - total) / (n * l2)
    return _finish(data, "origin", "mae", penalty, lam, [float(b1)], "weighted median")


def stability_is_bound(model: str, cost: str) -> bool:
    """Whether :func:`stability_limit` is a safe bound (from κ_max) rather than the exact
    limit (squared error on a linear model)."""
    m = model_rule(model)
    return not (cost_rule(cost).squared and m.link == "identity")


def stability_limit(data: Dataset, model: str, cost: str, penalty: str,
                    lam: float) -> float | None:
    """The largest stable learning rate 2/λ_max(H) for MSE, or a safe one from the bound
    H ≼ κ_max·XaᵀXa/n for another smooth cost on a model linear in b (None where neither
    applies: MAE, RMSE, the sine model, MSE through σ, flat data).

    H is the Hessian of the cost (+ 2λ on each slope with L2), λ_max its largest eigenvalue.
    With L1 the smooth part decides (the penalty's step is taken separately).
    """
    m, rule = model_rule(model), cost_rule(cost)
    if not m.linear or rule.curvature_bound is None or rule.outer \
            or (not rule.on_raw and m.link != "identity"):
        return None
    l2 = 2.0 * float(lam) if penalty == "l2" else 0.0
    if stability_is_bound(model, cost):
        return _bounded_limit(data, m.intercept, rule.curvature_bound, l2)
    if data.p == 1 and not m.intercept:
        h = 2.0 * float(np.mean(data.x * data.x)) + l2
    elif data.p == 1:
        x = data.x
        a, b, c = 2.0, 2.0 * float(np.mean(x)), 2.0 * float(np.mean(x * x)) + l2
        h = (a + c) / 2.0 + math.hypot((a - c) / 2.0, b)
    else:
        hessian = SquaredStats.of(data, model).hessian()
        first = slope_start(model)
        hessian[first:, first:] += l2 * np.eye(data.p)
        with np.errstate(over="ignore", invalid="ignore"):
            h = float(np.linalg.eigvalsh(hessian)[-1]) if np.isfinite(hessian).all() else math.inf
    return 2.0 / h if h > 0 and math.isfinite(h) else None




def _bounded_limit(data: Dataset, intercept: bool, kappa: float, l2: float) -> float | None:
    """2/λ_max(κ·XaᵀXa/n + l2 on the slopes)."""
    cols = [data.X[:, j] for j in range(data.p)]
    if intercept:
        cols.insert(0, np.ones(data.n))
    xa = np.column_stack(cols)
    with np.errstate(over="ignore", invalid="ignore"):
        h = kappa * (xa.T @ xa) / data.n
        first = 1 if intercept else 0
        h[first:, first:] += l2 * np.eye(data.p)
        top = float(np.linalg.eigvalsh(h)[-1]) if np.isfinite(h).all() else math.inf
    return 2.0 / top if top > 0 and math.isfinite(top) else None
