"""The descent loops: one general loop over a parameter vector, and the fast kernels.

Every update, for each parameter b (the slopes, from index ``first`` on, are penalized):

    g = ∂E/∂b  (+ 2λ·b with L2, + λ·sign(b) with the L1 subgradient)
    d = the optimizer's direction from g and its state      (gd: d = g, the note's)
    z = b − η_t·d                                           (η_t from the schedule)

then, in this order: divergence when |z| is not ≤ ``DIVERGENCE_LIMIT`` (before the band,
which an overflow to inf would pass); z = 0 inside the zero band |z| ≤ 1e−12·(|b| + |η_t·d|);
with the proximal L1 step (gradient descent only) the soft threshold
z ← sign(z)·max(|z| − η_t·λ, 0), banded too. A run converges at the first update whose every
|Δb| ≤ tolerance.

:func:`descend` is that loop on Python floats, any number of parameters, any optimizer and
schedule. The kernels compute the same updates faster where they apply, and are tested equal
to it: :func:`descend_affine` (the note's own case, one parameter, MSE, plain descent, bit for
bit) and :func:`descend_squared` (MSE on many parameters, whole vectors at a time: the
gradient H·(b − b*) from the sufficient statistics; the optimizers' rules are written once
for floats and arrays alike, see :mod:`gdapp.core.optimizers`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from gdapp.core.objective import ZERO_BAND
from gdapp.core.optimizers import (
    OPTIMIZERS,
    SCHEDULES,
    Hyper,
    OptimizerRule,
    Schedule,
    corrections,
)
from gdapp.core.spec import RunSpec

FloatArray = NDArray[np.float64]

#: A parameter or objective larger than this in size counts as divergence.
DIVERGENCE_LIMIT = 1e100

#: From this many samples an O(n)-per-update loop asks ``cancel`` before every update
#: (one update then costs milliseconds), not only every 256th.
ASK_EVERY_UPDATE_SAMPLES = 4096


class RunCancelled(Exception):
    """A run stopped because its ``cancel`` callback said so (at update ``args[0]``)."""


@dataclass(frozen=True)
class Stepping:
    """How one run turns gradients into updates (from its :class:`RunSpec`)."""

    eta: float
    lam: float
    mode: str                 # "plain", "l2", "l1prox" or "l1sub"
    first: int                # index of b1
    rule: OptimizerRule
    hyper: Hyper
    schedule: Schedule
    total: int                # the run's updates (the cosine schedule spans them)
    gamma: float
    step_size: int
    power_t: float

    @classmethod
    def of(cls, spec: RunSpec, first: int) -> Stepping:
        lam = spec.lam if spec.penalty != "none" else 0.0
        rule = OPTIMIZERS[spec.optimizer]
        if spec.penalty == "l1":
            # the proximal step is gradient descent's; other optimizers take the subgradient
            proximal = spec.l1_method == "proximal" and rule.name == "gd"
            mode = "l1prox" if proximal else "l1sub"
        else:
            mode = "l2" if spec.penalty == "l2" else "plain"
        return cls(spec.learning_rate, lam, mode, first, rule, spec.hyper(),
                   SCHEDULES[spec.schedule], spec.max_iterations, spec.resolved_gamma,
                   spec.step_size,
                   spec.power_t)

    @property
    def plain(self) -> bool:
        """The note's own stepping: gradient descent at a constant η."""
        return self.rule.name == "gd" and self.schedule.name == "constant"

    def rate(self, t: int) -> float:
        """η_t for update t. A power past the largest float is η_t = inf (γ^(t−1) with
        γ > 1: the run diverges and says so), or 0 for η/t^power_t."""
        try:
            return self.schedule.rate(self.eta, t, self.total, self.gamma, self.step_size,
                                      self.power_t)
        except OverflowError:
            return 0.0 if self.schedule.name == "invscaling" else math.inf


@dataclass
class Trace:
    """What a loop hands back: the iterates, and for other optimizers or schedules the
    state after each update and η_t (row 0: the start, state 0, η_0 undefined)."""

    params: FloatArray
    diverged_at: int | None
    state: dict[str, FloatArray] = field(default_factory=dict)
    lr: FloatArray | None = None
    batches: Any = None       # the BatchGradient of a mini-batch run


def descend(grad: Callable[..., tuple[float, ...]], start: tuple[float, ...], s: Stepping,
            n_max: int, tol: float, stop: bool, cancel: Callable[[], bool] | None = None,
            stop_rule: Callable[[int, tuple[float, ...]], bool] | None = None) -> Trace:
    """The general loop (see the module docstring). ``stop_rule(k, b)``, when given, decides
    convergence after update k instead of |Δb| ≤ tolerance (mini-batch runs)."""
    b = list(start)
    q = len(b)
    out = [tuple(b)]
    append = out.append
    band, limit, lam, first, mode = ZERO_BAND, DIVERGENCE_LIMIT, s.lam, s.first, s.mode
    rule, h = s.rule, s.hyper
    gd, constant = rule.name == "gd", s.schedule.name == "constant"
    biased = rule.name == "adam"  # only Adam corrects its means' bias
    direction = rule.direction
    width = len(rule.state)
    state = [tuple(0.0 for _ in range(width)) for _ in range(q)]
    states: list[tuple[float, ...]] = [tuple(0.0 for _ in range(q * width))]
    lrs: list[float] = [math.nan]
    corr = (1.0, 1.0)
    coords = range(q)
    diverged_at: int | None = None
    lr = s.eta
    for k in range(1, n_max + 1):
        if cancel is not None and not k & 255 and cancel():
            raise RunCancelled(k)
        if not constant:
            lr = s.rate(k)
            lrs.append(lr)
        lr_lam = lr * lam
        if biased:
            corr = corrections(h, k)
        g = grad(*b)
        z = []
        slope: list[float] = []   # ∂(E + P) at b, for a stateful optimizer's stopping
        for j in coords:
            bj, dj = b[j], g[j]
            if j >= first:
                if mode == "l1sub":
                    dj += lam * (1.0 if bj > 0 else -1.0 if bj < 0 else 0.0)
                elif mode == "l2":
                    dj += 2.0 * lam * bj
            if width:
                slope.append(dj)
            if not gd:
                dj, state[j] = direction(dj, state[j], k, h, math.sqrt, max, corr)
            eg = lr * dj
            zj = bj - eg
            if not abs(zj) <= limit:  # also NaN and inf
                diverged_at = k
                break
            if abs(zj) <= band * (abs(bj) + abs(eg)):
                zj = 0.0
            if mode == "l1prox" and j >= first:  # only shrinks |z|
                a = abs(zj) - lr_lam
                zj = 0.0 if a <= band * (abs(zj) + lr_lam) else math.copysign(a, zj)
            z.append(zj)
        if diverged_at is not None:
            if not constant:
                lrs.pop()
            break
        if stop_rule is None:
            converged = stop and all(abs(zj - bj) <= tol for zj, bj in zip(z, b, strict=True))
            if converged and width:  # a velocity can pass 0 mid-flight: the slope must too
                converged = all(abs(lr * gj) <= tol for gj in slope)
        else:
            converged = stop and stop_rule(k, tuple(z))
        b = z
        append(tuple(b))
        if width:
            states.append(tuple(v for st in state for v in st))
        if converged:
            break
    params = np.array(out, dtype=np.float64).reshape(-1, q)
    trace = Trace(params, diverged_at)
    if width:
        flat = np.array(states, dtype=np.float64).reshape(-1, q, width)
        trace.state = {name: flat[:, :, i] for i, name in enumerate(rule.state)}
    if not constant:
        trace.lr = np.array(lrs, dtype=np.float64)
    return trace


def descend_squared(hessian: FloatArray, centre: FloatArray, start: tuple[float, ...],
                    s: Stepping, n_max: int, tol: float, stop: bool,
                    cancel: Callable[[], bool] | None = None) -> Trace:
    """:func:`descend` for MSE on many parameters, whole vectors at a time: ∂E/∂b =
    H·(b − b*) from the sufficient statistics (H the Hessian, b* the least-squares fit)."""
    b = np.array(start, dtype=np.float64)
    q = b.size
    out = np.empty((n_max + 1, q))  # untouched rows cost no memory
    out[0] = b
    band, limit, lam, mode = ZERO_BAND, DIVERGENCE_LIMIT, s.lam, s.mode
    rule, h = s.rule, s.hyper
    gd, constant = rule.name == "gd", s.schedule.name == "constant"
    biased = rule.name == "adam"
    width = len(rule.state)
    state = tuple(np.zeros(q) for _ in range(width))
    states = np.zeros((n_max + 1, width, q)) if width else None
    lrs = np.full(n_max + 1, np.nan) if not constant else None
    # |z| ≤ band·(|b| + |η·d|) with |η·d| = |b − z| ≤ |b| + |z| implies |z| ≤ 2.000001·band·|b|,
    # and so min|z| ≤ 2.000001·band·max|b|: when that cheap test fails, no coordinate is in
    # the band
    near = 2.000001 * band
    size_b = np.abs(b)
    largest_b = float(size_b.max())
    absolute, matmul, subtract, multiply = np.abs, np.dot, np.subtract, np.multiply
    d, g, eg = np.empty_like(b), np.empty_like(b), np.empty_like(b)
    slopes = slice(s.first, None)
    lr = s.eta
    corr = (1.0, 1.0)
    rows = n_max + 1
    diverged_at: int | None = None
    for k in range(1, n_max + 1):
        if cancel is not None and not k & 255 and cancel():
            raise RunCancelled(k)
        if not constant:
            lr = s.rate(k)
            assert lrs is not None
            lrs[k] = lr
        if gd:
            matmul(hessian, subtract(b, centre, out=d), out=g)
        else:  # a fresh array: an optimizer's state may keep it
            g = matmul(hessian, subtract(b, centre, out=d))
        if mode == "l2":
            g[slopes] += 2.0 * lam * b[slopes]
        elif mode == "l1sub":
            g[slopes] += lam * np.sign(b[slopes])
        step_dir = g
        if not gd:
            if biased:
                corr = corrections(h, k)
            step_dir, state = rule.direction(g, state, k, h, np.sqrt, np.maximum, corr)
        multiply(step_dir, lr, out=eg)
        z = subtract(b, eg, out=out[k])   # the new iterate, written in place into its row
        size = absolute(z)
        largest = size.max()
        if not largest <= limit:  # also NaN and inf
            rows, diverged_at = k, k
            break
        if size.min() <= near * largest_b:
            zero = size <= band * (size_b + absolute(eg))
            z[zero] = 0.0
            size[zero] = 0.0
        if mode == "l1prox":
            lr_lam = lr * lam
            zs = z[slopes]
            a = size[slopes] - lr_lam
            z[slopes] = np.where(a <= band * (size[slopes] + lr_lam), 0.0, np.copysign(a, zs))
            size = absolute(z)
        if states is not None:
            states[k] = state
        if stop and absolute(subtract(z, b, out=d)).max() <= tol and (
                gd or absolute(lr * g).max() <= tol):  # (see descend: a velocity passing 0)
            rows = k + 1
            break
        b, size_b, largest_b = z, size, float(largest)
    trace = Trace(out[:rows].copy(), diverged_at)
    if states is not None:
        trace.state = {name: states[:rows, i].copy() for i, name in enumerate(rule.state)}
    if lrs is not None:
        trace.lr = lrs[:rows].copy()
    return trace


#: Updates :func:`descend_linear` computes before it checks them.
BLOCK = 64


def descend_linear(hessian: FloatArray, centre: FloatArray, start: tuple[float, ...],
                   s: Stepping, n_max: int, tol: float, stop: bool,
                   cancel: Callable[[], bool] | None = None) -> Trace:
    """:func:`descend_squared` for plain gradient descent (no L1), where an update is linear:
    b ← M·b + c with M = I − η·(H + 2λ·D) and c = η·H·b* (D: 1 on the slopes). ``BLOCK``
    updates are computed at two numpy calls each, then checked at once: the first within
    the tolerance ends the run there; one that passes the zero band's cheap test or diverges
    hands the run, from that block's first iterate, to :func:`descend_squared`, which takes
    those decisions update by update. (M·b + c rounds differently from b − η·g: equal to the
    general loop to about 1e−15 of the iterates' size, not bit for bit.)"""
    q = len(start)
    l2 = np.zeros(q)
    if s.mode == "l2":
        l2[s.first:] = 2.0 * s.lam
    m = np.eye(q) - s.eta * (hessian + np.diag(l2))
    c = s.eta * (hessian @ centre)
    out = np.empty((n_max + 1, q))
    out[0] = start
    near, limit, dot, add = 2.000001 * ZERO_BAND, DIVERGENCE_LIMIT, np.dot, np.add
    k = 0
    while k < n_max:
        if cancel is not None and cancel():
            raise RunCancelled(k + 1)
        last = min(k + BLOCK, n_max)
        for i in range(k + 1, last + 1):
            add(dot(m, out[i - 1]), c, out=out[i])
        rows, before = out[k + 1:last + 1], out[k:last]
        size = np.abs(rows)
        if not (np.isfinite(size).all() and size.max() <= limit) \
                or (size <= near * np.abs(before)).any():
            rest = descend_squared(hessian, centre, tuple(out[k].tolist()), s, n_max - k, tol,
                                   stop, cancel)
            tail = rest.params
            return Trace(np.concatenate([out[:k], tail]), None if rest.diverged_at is None
                         else k + rest.diverged_at)
        if stop:
            within = np.flatnonzero(np.all(np.abs(rows - before) <= tol, axis=1))
            if within.size:
                return Trace(out[:k + 2 + int(within[0])].copy(), None)
        k = last
    return Trace(out.copy(), None)


def descend_affine(curvature: float, centre: float, b: float, eta: float, l2: float,
                   n_max: int, tol: float, stop: bool) -> Trace:
    """The loop for one parameter when ∂E/∂b = curvature·(b − centre) (+ 2λ·b with L2):
    the note's own case (origin, MSE, gradient descent at a constant η). Same updates as
    :func:`descend`, inlined for speed."""
    out = [b]
    append = out.append
    band = ZERO_BAND
    limit = DIVERGENCE_LIMIT
    l2_2 = 2.0 * l2
    diverged_at: int | None = None
    for k in range(1, n_max + 1):
        eg = eta * (curvature * (b - centre) + l2_2 * b)
        z = b - eg
        if not abs(z) <= limit:
            diverged_at = k
            break
        if abs(z) <= band * (abs(b) + abs(eg)):
            z = 0.0
        step = z - b
        b = z
        append(b)
        if stop and abs(step) <= tol:
            break
    return Trace(np.array(out, dtype=np.float64).reshape(-1, 1), diverged_at)


def asking_first(grad: Callable[..., tuple[float, ...]], cancel: Callable[[], bool]
                 ) -> Callable[..., tuple[float, ...]]:
    """``grad`` that first asks ``cancel`` (the loops call it once per update k = 1, 2, …)."""
    k = 0

    def asking(*b: float) -> tuple[float, ...]:
        nonlocal k
        k += 1
        if cancel():
            raise RunCancelled(k)
        return grad(*b)
    return asking
