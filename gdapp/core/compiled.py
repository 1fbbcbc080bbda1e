"""The compiled descent loop (numba): :func:`advance`, every optimizer, schedule and penalty
mode of :func:`gdapp.core.loops.descend` for the squared-error gradients, in machine code.

The loop is the general loop's, line for line and in the same order of floating-point
operations (IEEE double, no fast-math, ``math.pow``/``math.cos``/``math.sqrt`` as C's), so
that on the note's one-parameter case and on a line through one feature it computes the
same bits; with a Hessian it sums H·(b − b*) in its own order (equal to 1e−12).

Which gradient (``kind``):

0. the note's case, ∂E/∂b1 = c·(b1 − b1*) with c = ``consts[0]``, b1* = ``consts[1]``;
1. a line through one feature: c = −2·(ȳ − b0 − b1·x̄), (c, 2·S·(b1 − b1*) + c·x̄) with
   ``consts`` = (2·S, b1*, x̄, ȳ);
2. the Hessian, H·(b − b*) with H = ``hessian``, b* = ``centre``;
3. a mini-batch: 2·(G_j·b − h_j) for batch j = k − 1 − ``batch_offset`` of ``gram``
   (batches, q, q) and ``cross`` (batches, q), the batch's means of xa·xaᵀ and xa·y;
4. the samples themselves: −mean(ψ(y, z)·xj) for a linear score z, with ``hessian`` = the
   features (p, n), ``centre`` = y, ``consts`` = (1 with an intercept else 0, the cost's ψ
   code, Huber's δ): z summed in :func:`gdapp.core.models.predictions`' order and the mean
   as numpy's pairwise sum (:func:`_pairwise`), so the same bits as the general loop's for
   the squared error (data too ill-conditioned for the statistics) and Huber's cost; for
   cross-entropy σ(z) takes C's exp where numpy has its own (they differ in the last bit of
   some e^x), so the path is the general loop's to rounding (1e−12).

Codes: optimizer 0 gd, 1 momentum, 2 nesterov, 3 adagrad, 4 rmsprop, 5 adam (``hyper`` =
momentum, dampening, β1, β2, ε, α, centred, amsgrad); schedule −1 the rates given in
``lrs``, 0 constant, 1 step, 2 exponential, 3 invscaling, 4 cosine (``sched`` = γ, step size,
power_t); mode 0 plain, 1 L2, 2 proximal L1, 3 L1 subgradient.

This module imports numba; :mod:`gdapp.core.kernels` imports it only when a run needs it,
and numba keeps the machine code in its cache (compiled once per installation).
"""

from __future__ import annotations

import math
from typing import Any

import numba
import numpy as np

# (the limits of gdapp.core.loops and gdapp.core.objective, as literals: numba freezes them)
LIMIT = 1e100
BAND = 1e-12


@numba.njit(cache=True, nogil=True)
def _rate(schedule: int, eta: float, t: int, total: int, sched: Any) -> float:
    """η_t of :data:`gdapp.core.optimizers.SCHEDULES`, with C's pow and cos as Python's."""
    if schedule == 1:
        return eta * math.pow(sched[0], float((t - 1) // int(sched[1])))
    if schedule == 2:
        return eta * math.pow(sched[0], float(t - 1))
    if schedule == 3:
        return eta / math.pow(float(t), sched[2])
    if schedule == 4:
        return eta * (1.0 + math.cos(math.pi * float(t - 1) / float(total))) / 2.0
    return eta


@numba.njit(cache=True, nogil=True)
def _block(a: Any, lo: int, n: int) -> float:
    """Σ a[lo:lo + n] for n ≤ 128 as numpy adds it: in turn below 8, else with eight
    accumulators and the rest added in turn."""
    res = 0.0
    if n < 8:
        for i in range(lo, lo + n):
            res += a[i]
        return res
    r0, r1, r2, r3 = a[lo], a[lo + 1], a[lo + 2], a[lo + 3]
    r4, r5, r6, r7 = a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]
    i, m = 8, n - n % 8
    while i < m:
        j = lo + i
        r0 += a[j]
        r1 += a[j + 1]
        r2 += a[j + 2]
        r3 += a[j + 3]
        r4 += a[j + 4]
        r5 += a[j + 5]
        r6 += a[j + 6]
        r7 += a[j + 7]
        i += 8
    res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < n:
        res += a[lo + i]
        i += 1
    return float(res)


@numba.njit(cache=True, nogil=True)
def _pairwise(a: Any, n: int) -> float:
    """Σ a[:n] as numpy adds a row: blocks of at most 128 (:func:`_block`), a longer run
    split at half its length rounded down to a multiple of 8 and its halves' sums added
    (numpy recurses; here a stack does, as numba's cache cannot keep a recursive function)."""
    if n <= 128:
        return _block(a, 0, n)
    los = np.empty(128, np.int64)
    ns = np.empty(128, np.int64)
    phase = np.zeros(128, np.int64)
    values = np.empty(128)
    top, count = 0, 0
    los[0], ns[0] = 0, n
    while top >= 0:
        lo, m = los[top], ns[top]
        if m <= 128:
            values[count] = _block(a, lo, m)
            count += 1
            top -= 1
            continue
        half = m // 2
        half -= half % 8
        if phase[top] == 0:
            phase[top] = 1
            top += 1
            los[top], ns[top], phase[top] = lo, half, 0
        elif phase[top] == 1:
            phase[top] = 2
            top += 1
            los[top], ns[top], phase[top] = lo + half, m - half, 0
        else:
            count -= 1
            values[count - 1] = values[count - 1] + values[count]
            top -= 1
    return float(values[0])


@numba.njit(cache=True, nogil=True)
def _psi(code: int, y: float, z: float, delta: float) -> float:
    """ψ = −∂ρ/∂u of one sample for the cost ``code`` (the score z of a linear model):
    0 squared error 2·(y − z), 1 Huber clip(y − z, −δ, δ), 2 cross-entropy y − σ(z) (σ as
    :func:`gdapp.core.costs.sigmoid` writes it, with C's exp)."""
    if code == 1:
        r = y - z
        if r < -delta:
            return -delta
        if r > delta:
            return delta
        return r                      # (NaN stays NaN, as numpy's clip keeps it)
    if code == 2:
        e = math.exp(-abs(z))
        return y - (1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e))
    return 2.0 * (y - z)


@numba.njit(cache=True, nogil=True)
def _direct(b: Any, g: Any, consts: Any, x: Any, y: Any) -> None:
    """Kind 4: ∂E/∂b from the samples (see the module docstring)."""
    p, n = x.shape
    first = 1 if consts[0] != 0.0 else 0
    code, delta = int(consts[1]), consts[2]
    psi = np.empty(n)
    term = np.empty(n)
    for s in range(n):
        z = b[first] * x[0, s]
        if first:
            z = b[0] + z
        for j in range(1, p):
            z = z + b[first + j] * x[j, s]
        psi[s] = _psi(code, y[s], z, delta)
    if first:
        g[0] = -(_pairwise(psi, n) / n)
    for j in range(p):
        for s in range(n):
            term[s] = psi[s] * x[j, s]
        g[first + j] = -(_pairwise(term, n) / n)


@numba.njit(cache=True, nogil=True)
def _gradient(kind: int, b: Any, g: Any, k: int, consts: Any, hessian: Any, centre: Any,
              gram: Any, cross: Any, batch_offset: int) -> None:
    q = b.size
    if kind == 0:
        g[0] = consts[0] * (b[0] - consts[1])
    elif kind == 1:
        c = -2.0 * (consts[3] - b[0] - b[1] * consts[2])
        g[0] = c
        g[1] = consts[0] * (b[1] - consts[1]) + c * consts[2]
    elif kind == 2:
        for i in range(q):
            s = 0.0
            for j in range(q):
                s += hessian[i, j] * (b[j] - centre[j])
            g[i] = s
    elif kind == 4:
        _direct(b, g, consts, hessian, centre)
    else:
        jb = k - 1 - batch_offset
        for i in range(q):
            s = 0.0
            for j in range(q):
                s += gram[jb, i, j] * b[j]
            g[i] = 2.0 * (s - cross[jb, i])


@numba.njit(cache=True, nogil=True)
def advance(out: Any, states: Any, lrs: Any, grads: Any, k0: int, k1: int, kind: int,
            consts: Any, hessian: Any, centre: Any, gram: Any, cross: Any,
            batch_offset: int, optimizer: int, width: int, hyper: Any, schedule: int,
            sched: Any, total: int, mode: int, first: int, lam: float, eta: float,
            tol: float, stop: bool) -> tuple[int, int]:
    """Updates k0 + 1 … k1 from row k0 of ``out`` (and of ``states``, (width, rows, q)),
    written into their rows (and η_t into ``lrs`` when the schedule is not constant; the
    batch gradients into ``grads`` row k − 1 for kind 3). Returns (k, how): how = 0 ran to
    k1, 1 converged at update k, 2 diverged at update k (row k is not written)."""
    q = out.shape[1]
    b = out[k0].copy()
    z = np.empty(q)
    g = np.empty(q)
    slope = np.empty(q)
    st = np.zeros((3, q))
    for w in range(width):
        for i in range(q):
            st[w, i] = states[w, k0, i]
    mu, damp, beta1, beta2 = hyper[0], hyper[1], hyper[2], hyper[3]
    eps, alpha, centred, amsgrad = hyper[4], hyper[5], hyper[6] != 0.0, hyper[7] != 0.0
    c1 = c2 = 1.0
    lr = eta
    for k in range(k0 + 1, k1 + 1):
        if schedule > 0:
            lr = _rate(schedule, eta, k, total, sched)
            lrs[k] = lr
        elif schedule < 0:
            lr = lrs[k]
        lr_lam = lr * lam
        if optimizer == 5:
            c1 = 1.0 - math.pow(beta1, float(k))
            c2 = 1.0 - math.pow(beta2, float(k))
        _gradient(kind, b, g, k, consts, hessian, centre, gram, cross, batch_offset)
        if kind == 3:
            for i in range(q):
                grads[k - 1, i] = g[i]
        for i in range(q):
            bi, d = b[i], g[i]
            if i >= first:
                if mode == 3:
                    d += lam * (1.0 if bi > 0 else -1.0 if bi < 0 else 0.0)
                elif mode == 1:
                    d += 2.0 * lam * bi
            slope[i] = d
            if optimizer == 1 or optimizer == 2:
                buf = d if k == 1 else mu * st[0, i] + (1.0 - damp) * d
                st[0, i] = buf
                d = buf if optimizer == 1 else d + mu * buf
            elif optimizer == 3:
                s = st[0, i] + d * d
                st[0, i] = s
                d = d / (math.sqrt(s) + eps)
            elif optimizer == 4:
                v = alpha * st[0, i] + (1.0 - alpha) * (d * d)
                avg = v
                if centred:
                    a = alpha * st[1, i] + (1.0 - alpha) * d
                    st[1, i] = a
                    x = v - a * a
                    avg = 0.0 if x < 0.0 else x   # Python's max(x, 0.0)
                st[0, i] = v
                scaled = d / (math.sqrt(avg) + eps)
                if mu > 0:
                    st[2, i] = mu * st[2, i] + scaled
                    d = st[2, i]
                else:
                    d = scaled
            elif optimizer == 5:
                m = beta1 * st[0, i] + (1.0 - beta1) * d
                v = beta2 * st[1, i] + (1.0 - beta2) * (d * d)
                st[0, i], st[1, i] = m, v
                second = v
                if amsgrad:
                    if v > st[2, i]:        # Python's max(v_max, v)
                        st[2, i] = v
                    second = st[2, i]
                d = (m / c1) / (math.sqrt(second / c2) + eps)
            eg = lr * d
            zi = bi - eg
            if not abs(zi) <= LIMIT:   # also NaN and inf
                return k, 2
            if abs(zi) <= BAND * (abs(bi) + abs(eg)):
                zi = 0.0
            if mode == 2 and i >= first:
                a = abs(zi) - lr_lam
                zi = 0.0 if a <= BAND * (abs(zi) + lr_lam) else math.copysign(a, zi)
            z[i] = zi
        converged = stop
        if stop:
            for i in range(q):
                if not abs(z[i] - b[i]) <= tol:
                    converged = False
            if converged and width:
                for i in range(q):
                    if not abs(lr * slope[i]) <= tol:
                        converged = False
        for i in range(q):
            out[k, i] = z[i]
            b[i] = z[i]
        for w in range(width):
            for i in range(q):
                states[w, k, i] = st[w, i]
        if converged:
            return k, 1
    return k1, 0
