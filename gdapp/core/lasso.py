"""The lasso and the regularization path, by coordinate descent on the Gram matrix.

The objective (MSE + L1 on the slopes, the note's convention, no ½):

    F(b) = (1/n)·‖v − U·b‖² + λ·Σ|bj|

with U the features (centred for ``line``, whose intercept is then ȳ − x̄·b) and v the target
(centred for ``line``). In sums, G = UᵀU and t = Uᵀv, coordinate j minimises F with the others
fixed at

    bj = soft(t_j − Σ_(k≠j) G_jk·b_k, n·λ/2) / G_jj,      soft(z, a) = sign(z)·max(|z| − a, 0)

which for one feature is the note's soft threshold, bit for bit. The optimality (KKT)
conditions, with ∂_j = (2/n)·(G·b − t)_j the slope of the MSE:

    ∂_j + λ·sign(bj) = 0  where bj ≠ 0,        |∂_j| ≤ λ  where bj = 0.

:func:`lasso` sweeps until the largest violation is at most ``KKT_TOLERANCE`` times
λ_max = (2/n)·max_j |t_j| (the smallest λ at which every slope is 0); every few sweeps and at
the end it solves the active set's equations exactly (G_AA·b_A = t_A − (n·λ/2)·sign(b_A)) and
keeps that solution when it satisfies the conditions at least as well. A cold start walks
down from λ_max (see :func:`lasso`). When the gap stays above the tolerance the optimum says
so (``Optimum.note``). The solution is unique when the features of the
equicorrelation set (|∂_j| = λ) are linearly independent; otherwise :func:`lasso` says so.

The path follows scikit-learn's ``lasso_path``: a geometric grid from λ_max down, each fit
warm-started from the previous one (``lasso_path(U, v, alphas=λ/2)`` gives the same numbers).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

#: The largest KKT violation accepted, relative to λ_max.
KKT_TOLERANCE = 1e-12

#: Sweeps over the coordinates at most, and how often the active set is solved exactly.
MAX_SWEEPS = 100_000
EXACT_EVERY = 64

#: A cold start walks down from λ_max in this many geometric steps, each fitted this well.
WARM_STEPS = 20
WARM_TOLERANCE = 1e-6
WARM_SWEEPS = 500


@dataclass(frozen=True)
class LassoFit:
    """One lasso solution: ``slopes`` (p,), its KKT ``gap`` (relative to λ_max) and whether
    it is the only one (``unique``)."""

    slopes: FloatArray
    gap: float
    unique: bool


def soft_threshold(z: float, a: float) -> float:
    """sign(z)·max(|z| − a, 0)."""
    return math.copysign(max(abs(z) - a, 0.0), z) if abs(z) > a else 0.0


def lambda_max(t: FloatArray, n: int) -> float:
    """The smallest λ at which every L1 slope is 0: (2/n)·max_j |Σ_i u_ij·v_i|."""
    return 2.0 * float(np.max(np.abs(t), initial=0.0)) / n


def kkt_gap(g: FloatArray, t: FloatArray, n: int, lam: float, b: FloatArray) -> float:
    """The largest violation of the lasso's optimality conditions, relative to λ_max."""
    slope = 2.0 * (g @ b - t) / n
    with np.errstate(invalid="ignore"):
        violation = np.where(b != 0, np.abs(slope + lam * np.sign(b)),
                             np.maximum(np.abs(slope) - lam, 0.0))
    scale = max(lambda_max(t, n), lam, np.finfo(float).tiny)
    return float(np.max(violation, initial=0.0)) / scale


def _sweeps(g: FloatArray, t: FloatArray, half: float, b: FloatArray, limit: float,
            n: int, lam: float, most: int = MAX_SWEEPS) -> float:
    """Coordinate descent in place on ``b`` until the KKT gap is at most ``limit``; every
    ``EXACT_EVERY`` sweeps the active set is solved exactly, which ends the sweeps as soon as
    the set of non-zero slopes is right (coordinate descent alone creeps along a valley of
    nearly dependent features)."""
    p = b.size
    diag = np.diag(g).tolist()
    q = g @ b - t                       # ∂_j·n/2, kept up to date as b moves
    gap = kkt_gap(g, t, n, lam, b)
    for sweep in range(most):
        if gap <= limit:
            break
        for j in range(p):
            d = diag[j]
            if d == 0.0:                # a feature that is 0 everywhere: the penalty picks 0
                continue
            old = float(b[j])
            new = soft_threshold(d * old - float(q[j]), half) / d
            if new != old:
                b[j] = new
                q += g[:, j] * (new - old)
        if p == 1 or sweep % 8 == 7:
            q = g @ b - t               # no drift from the incremental updates
            gap = kkt_gap(g, t, n, lam, b)
        if p > 1 and sweep % EXACT_EVERY == EXACT_EVERY - 1 and gap > limit:
            gap = _try_exact(g, t, n, lam, half, b, gap)
            q = g @ b - t
    return gap


def _try_exact(g: FloatArray, t: FloatArray, n: int, lam: float, half: float,
               b: FloatArray, gap: float) -> float:
    """Replace ``b`` (in place) by the exact solution an active-set search finds from its
    non-zero slopes and signs, when that meets the optimality conditions better; return the
    gap.

    The search (the homotopy of Osborne, Presnell and Turlach): solve the active set's
    equations; where a slope would change sign, walk towards that solution only until the
    first slope reaches 0 and drop it; where a zero slope violates |∂_j| ≤ λ, take it in with
    the sign that lowers the objective; until neither happens (then it is exact)."""
    x = b.copy()
    slope_limit = lam * (1.0 + 1e-12)
    for _ in range(4 * b.size + 4):
        active = np.flatnonzero(x != 0)
        signs = np.sign(x[active])
        target = np.zeros_like(x)
        if active.size:
            rhs = t[active] - half * signs
            target[active] = np.linalg.lstsq(g[np.ix_(active, active)], rhs, rcond=None)[0]
        flipped = active[np.sign(target[active]) != signs]
        if flipped.size:  # walk until the first slope reaches 0, and drop it
            steps = x[flipped] / (x[flipped] - target[flipped])
            i = int(np.argmin(steps))
            x = x + float(steps[i]) * (target - x)
            x[flipped[i]] = 0.0
            continue
        x = target
        slope = 2.0 * (g @ x - t) / n
        outside = np.flatnonzero((x == 0) & (np.abs(slope) > slope_limit) & (np.diag(g) > 0))
        if not outside.size:
            break
        j = int(outside[np.argmax(np.abs(slope[outside]))])
        x[j] = -np.sign(slope[j]) * np.finfo(float).tiny  # enters with its descent sign
    exact_gap = kkt_gap(g, t, n, lam, x)
    if exact_gap <= gap:
        b[:] = x
        return exact_gap
    return gap


def _solve_active(g: FloatArray, t: FloatArray, half: float, b: FloatArray) -> FloatArray:
    """The exact solution with the signs and active set of ``b``."""
    active = np.flatnonzero(b != 0)
    out = np.zeros_like(b)
    if active.size:
        rhs = t[active] - half * np.sign(b[active])
        out[active] = np.linalg.lstsq(g[np.ix_(active, active)], rhs, rcond=None)[0]
    return out


def _unique(g: FloatArray, t: FloatArray, n: int, lam: float, b: FloatArray) -> bool:
    """Unique when the equicorrelation set's features are linearly independent."""
    slope = 2.0 * (g @ b - t) / n
    tied = np.flatnonzero((b != 0) | (np.abs(slope) >= lam * (1.0 - 1e-9)))
    tied = tied[np.diag(g)[tied] > 0]
    if tied.size <= 1:
        return True
    sub = g[np.ix_(tied, tied)]
    return bool(np.linalg.matrix_rank(sub, hermitian=True) == tied.size)


def lasso(g: FloatArray, t: FloatArray, n: int, lam: float,
          warm: FloatArray | None = None) -> LassoFit:
    """The lasso slopes for Gram sums ``g`` (p, p), ``t`` (p,) of n samples at strength λ.

    Without a ``warm`` start, several features are fitted along a geometric grid from λ_max
    down to λ, each fit starting from the previous one (as the path does, and scikit-learn
    advises): from 0 straight at a small λ, coordinate descent can creep for ever along a
    valley of nearly dependent features with the wrong slopes non-zero. One feature needs
    one exact step (the soft threshold)."""
    half = n * lam / 2.0
    if warm is not None:
        b = np.array(warm, dtype=np.float64)
    else:
        b = np.zeros(t.size)
        top = lambda_max(t, n)
        if t.size > 1 and 0 < lam < top:
            for step in np.geomspace(top, lam, WARM_STEPS)[1:-1]:
                _sweeps(g, t, n * float(step) / 2.0, b, WARM_TOLERANCE, n, float(step),
                        WARM_SWEEPS)
    gap = _sweeps(g, t, half, b, KKT_TOLERANCE, n, lam)
    if t.size > 1:
        gap = _try_exact(g, t, n, lam, half, b, gap)
    return LassoFit(b, gap, _unique(g, t, n, lam, b))


def geometric_grid(top: float, count: int = 50, ratio: float = 1e-3) -> FloatArray:
    """``count`` values from ``top`` down to ``ratio·top``, equally spaced in log λ."""
    return np.geomspace(top, top * ratio, count) if top > 0 else np.zeros(0)
