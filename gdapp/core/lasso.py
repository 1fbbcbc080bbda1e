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
λ_max = (2/n)·max_j |t_j| (the smallest λ at which every slope is 0), then solves the active
set's equations exactly (G_AA·b_A = t_A − (n·λ/2)·sign(b_A)) and keeps that solution when it
satisfies the conditions at least as well. The solution is unique when the features of the
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

#: Sweeps over the coordinates before the active set is solved exactly.
MAX_SWEEPS = 100_000


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
            n: int, lam: float) -> float:
    """Coordinate descent in place on ``b`` until the KKT gap is at most ``limit``."""
    p = b.size
    diag = np.diag(g).tolist()
    q = g @ b - t                       # ∂_j·n/2, kept up to date as b moves
    gap = kkt_gap(g, t, n, lam, b)
    for sweep in range(MAX_SWEEPS):
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
    """The lasso slopes for Gram sums ``g`` (p, p), ``t`` (p,) of n samples at strength λ."""
    b = np.zeros(t.size) if warm is None else np.array(warm, dtype=np.float64)
    half = n * lam / 2.0
    gap = _sweeps(g, t, half, b, KKT_TOLERANCE, n, lam)
    if gap > KKT_TOLERANCE:
        exact = _solve_active(g, t, half, b)
        if np.all(np.sign(exact) == np.sign(b)):
            exact_gap = kkt_gap(g, t, n, lam, exact)
            if exact_gap <= gap:
                b, gap = exact, exact_gap
    return LassoFit(b, gap, _unique(g, t, n, lam, b))


def geometric_grid(top: float, count: int = 50, ratio: float = 1e-3) -> FloatArray:
    """``count`` values from ``top`` down to ``ratio·top``, equally spaced in log λ."""
    return np.geomspace(top, top * ratio, count) if top > 0 else np.zeros(0)
