"""The compiled kernels: every optimizer and schedule at machine speed where the cost is the
mean squared error, full-batch or in mini-batches, and full-batch for the costs of
:data:`PSI_CODES` (Huber's, a classifier's cross-entropy) on a linear model.

:func:`descend_compiled` runs :func:`gdapp.core.compiled.advance` on the gradient the
sufficient statistics give (the note's case and a line through one feature by the general
loop's own scalar formulas, bit for bit; more parameters by the Hessian, to 1e−12), or, on
data too ill-conditioned for them, on the gradient from the samples, summed as the general
loop sums it (bit for bit: a degree-9 polynomial's 200,000 updates take a second, not 36).
:func:`descend_batches_compiled` does the same for a mini-batch run: at the start of each
epoch (or of a group of short epochs) it gathers, for every batch of the epoch's order, the
batch's means of xa·xaᵀ and xa·y (one numpy pass over the samples), so that an update costs
O(q²) instead of O(B·q); the epoch rule is asked at each epoch's end, as the general loop
asks it.

Which run a kernel can compute is its capability (:func:`compiled_optimizer`): an
optimizer of :data:`gdapp.core.optimizers.OPTIMIZERS` the compiled loop knows, any
schedule (one it does not know has its η_t computed here, update by update, by the
schedule's own ``rate``). The compiled loop needs numba; where numba cannot be imported
(:func:`compiled_loop` is then None) the engine keeps its numpy and Python loops.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import numpy as np
from numpy.typing import NDArray

from gdapp.core.batches import BatchGradient
from gdapp.core.dataset import Dataset
from gdapp.core.loops import RunCancelled, Stepping, Trace
from gdapp.core.models import model_rule
from gdapp.core.objective import SquaredStats

FloatArray = NDArray[np.float64]

#: The compiled loop's codes (see :mod:`gdapp.core.compiled`).
OPTIMIZER_CODES = {"gd": 0, "momentum": 1, "nesterov": 2, "adagrad": 3, "rmsprop": 4,
                   "adam": 5}
SCHEDULE_CODES = {"constant": 0, "step": 1, "exponential": 2, "invscaling": 3, "cosine": 4}
MODE_CODES = {"plain": 0, "l2": 1, "l1prox": 2, "l1sub": 3}
#: The costs whose gradient the compiled loop takes from the samples (their ψ = −∂ρ/∂u in
#: :func:`gdapp.core.compiled._psi`); another cost runs in the general loop.
PSI_CODES = {"mse": 0, "huber": 1, "bce": 2}

#: Updates between two questions to ``cancel``.
CHUNK = 1 << 15

_loaded: list[ModuleType | None] = []


def compiled_loop() -> ModuleType | None:
    """:mod:`gdapp.core.compiled`, imported at the first call (numba loads then), or None
    when numba cannot be imported here."""
    if not _loaded:
        try:
            from gdapp.core import compiled
        except Exception:  # no numba here (or none that can load its code: a slower loop)
            _loaded.append(None)
        else:
            _loaded.append(compiled)
    return _loaded[0]


def compiled_loaded() -> bool:
    """Whether the compiled loop is loaded already (a run needing it costs no loading)."""
    return bool(_loaded) and _loaded[0] is not None


def compiled_optimizer(s: Stepping) -> bool:
    """Whether the compiled loop computes this stepping's optimizer (and numba is here)."""
    return s.rule.name in OPTIMIZER_CODES and compiled_loop() is not None


def _hyper(s: Stepping) -> FloatArray:
    h = s.hyper
    return np.array([h.momentum, h.dampening, h.beta1, h.beta2, h.eps, h.alpha,
                     float(h.centered), float(h.amsgrad)], dtype=np.float64)


def _gradient_of(stats: SquaredStats | None, q: int) -> tuple[int, FloatArray, FloatArray,
                                                       FloatArray]:
    """(kind, consts, hessian, centre) of :func:`gdapp.core.compiled.advance`."""
    empty = np.zeros((1, 1))
    assert stats is not None
    if stats.S.shape[0] == 1 and not model_rule(stats.model).intercept and q == 1:
        return 0, np.array([2.0 * stats.sxx, stats.bstar]), empty, np.zeros(1)
    if stats.S.shape[0] == 1 and q == 2:   # the line through one feature
        return 1, np.array([2.0 * stats.sxx, stats.bstar, stats.mean_x, stats.mean_y]), \
            empty, np.zeros(1)
    return 2, np.zeros(1), np.ascontiguousarray(stats.hessian()), stats.optimum()


class _Loop:
    """One run's arrays and settings for :func:`gdapp.core.compiled.advance`."""

    def __init__(self, start: tuple[float, ...], s: Stepping, n_max: int) -> None:
        q = len(start)
        self.s, self.width = s, len(s.rule.state)
        self.out = np.empty((n_max + 1, q))   # untouched rows cost no memory
        self.out[0] = start
        # (width, rows, q): each state's rows are one contiguous block
        self.states = np.zeros((self.width, n_max + 1, q)) if self.width else \
            np.zeros((1, 1, q))
        code = SCHEDULE_CODES.get(s.schedule.name, -1)
        self.schedule = code
        self.lrs = np.full(n_max + 1, np.nan) if code else np.zeros(1)
        if code < 0:  # a schedule the compiled loop does not know: its own rate, here
            self.lrs[1:] = [s.rate(t) for t in range(1, n_max + 1)]
        self.sched = np.array([s.gamma, float(s.step_size), s.power_t])
        self.hyper = _hyper(s)
        self.mode = MODE_CODES[s.mode]

    def advance(self, k0: int, k1: int, stop: bool, tol: float, kind: int, consts: FloatArray,
                hessian: FloatArray, centre: FloatArray, gram: FloatArray, cross: FloatArray,
                grads: FloatArray, batch_offset: int = 0) -> tuple[int, int]:
        loop = compiled_loop()
        assert loop is not None
        s = self.s
        # (every scalar as the one type compiled for: another would compile the loop anew)
        k, how = loop.advance(self.out, self.states, self.lrs, grads, int(k0), int(k1), kind,
                              consts, hessian, centre, gram, cross, int(batch_offset),
                              OPTIMIZER_CODES[s.rule.name], self.width, self.hyper,
                              self.schedule, self.sched, int(s.total), self.mode,
                              int(s.first), float(s.lam), float(s.eta), float(tol), bool(stop))
        return int(k), int(how)

    def trace(self, rows: int, diverged_at: int | None) -> Trace:
        """The first ``rows`` rows (views: the rows never written cost no memory)."""
        trace = Trace(self.out[:rows], diverged_at)
        if self.width:
            trace.state = {name: self.states[i, :rows]
                           for i, name in enumerate(self.s.rule.state)}
        if self.schedule:
            trace.lr = self.lrs[:rows]
        return trace


def _ended(k: int, how: int) -> tuple[int, int | None] | None:
    """(rows, diverged_at) when the compiled loop ended the run at update k, else None."""
    if how == 1:
        return k + 1, None
    if how == 2:
        return k, k
    return None


def samples_gradient(data: Dataset, model: str, cost: str = "mse", delta: float = 0.0
                     ) -> tuple[int, FloatArray, FloatArray, FloatArray]:
    """(kind, consts, hessian, centre) of :func:`gdapp.core.compiled.advance` for a cost of
    :data:`PSI_CODES` of a linear model from the samples themselves (kind 4): the mean
    squared error on data too ill-conditioned for the statistics (see
    :mod:`gdapp.core.conditioning`), Huber's cost, a classifier's cross-entropy."""
    intercept = 1.0 if model_rule(model).intercept else 0.0
    # writable copies: a read-only array is another type to numba (the loop compiled anew)
    return 4, np.array([intercept, float(PSI_CODES[cost]), delta]), \
        np.array(data.X.T, order="C"), np.array(data.y)


#: Sample-terms an update from the samples may cost (n·q) times the updates between two
#: questions to ``cancel``.
CHUNK_WORK = 1 << 24


def descend_compiled(stats: SquaredStats | None, start: tuple[float, ...], s: Stepping,
                     n_max: int, tol: float, stop: bool, cancel: Callable[[], bool] | None = None,
                     *, samples: tuple[Dataset, str, str, float] | None = None) -> Trace:
    """:func:`gdapp.core.loops.descend`, compiled: for the mean squared error from the
    statistics, or from ``samples`` (a data set, its linear model, a cost of
    :data:`PSI_CODES` and Huber's δ) when given."""
    kind, consts, hessian, centre = _gradient_of(stats, len(start)) if samples is None \
        else samples_gradient(*samples)
    chunk = CHUNK if samples is None else \
        max(1, min(CHUNK, CHUNK_WORK // (hessian.size + len(start))))
    loop = _Loop(start, s, n_max)
    none3, none2 = np.zeros((1, 1, 1)), np.zeros((1, 1))
    k = 0
    while k < n_max:
        if cancel is not None and cancel():
            raise RunCancelled(k + 1)
        last = min(k + chunk, n_max)
        end, how = loop.advance(k, last, stop, tol, kind, consts, hessian, centre, none3,
                                none2, none2)
        ended = _ended(end, how)
        if ended is not None:
            return loop.trace(*ended)
        k = last
    return loop.trace(n_max + 1, None)


def epoch_sums(xa: FloatArray, y: FloatArray, size: int) -> tuple[FloatArray, FloatArray]:
    """For consecutive batches of ``size`` rows of ``xa`` (n, q) and ``y`` (the last batch
    may be smaller): each batch's mean of xa·xaᵀ (batches, q, q) and of xa·y (batches, q).
    With a leading axis of epochs, ``xa`` (e, n, q) and ``y`` (e, n), the batches of every
    epoch in turn."""
    xs3, ys2 = (xa, y) if xa.ndim == 3 else (xa[None], y[None])
    epochs, n, q = xs3.shape
    full = n // size
    count = full + (1 if n % size else 0)
    gram, cross = np.empty((epochs, count, q, q)), np.empty((epochs, count, q))
    if full:
        xs = xs3[:, :full * size].reshape(epochs, full, size, q)
        ys = ys2[:, :full * size].reshape(epochs, full, size)
        gram[:, :full] = np.einsum("ejbi,ejbk->ejik", xs, xs) / size
        cross[:, :full] = np.einsum("ejbi,ejb->eji", xs, ys) / size
    if count > full:
        xs, ys = xs3[:, full * size:], ys2[:, full * size:]
        gram[:, full] = np.einsum("ebi,ebk->eik", xs, xs) / xs.shape[1]
        cross[:, full] = np.einsum("ebi,eb->ei", xs, ys) / xs.shape[1]
    return gram.reshape(-1, q, q), cross.reshape(-1, q)


#: A mini-batch run's updates per call of the compiled loop when epochs are short: so many
#: epochs' batch sums are gathered at once (a few MB), then their epoch ends are checked.
GROUP_UPDATES = 1 << 14


def descend_batches_compiled(batches: BatchGradient, start: tuple[float, ...], s: Stepping,
                             n_max: int, tol: float, stop: bool,
                             cancel: Callable[[], bool] | None,
                             stop_rule: Callable[[int, tuple[float, ...]], bool]) -> Trace:
    """:func:`gdapp.core.loops.descend` with a mini-batch gradient (MSE), compiled: the
    batch's gradient 2·(G_j·b − h_j) from its sums, equal to the residuals' −(2/B)·Σ xa·r
    to rounding (1e−12 of the iterates' size). Short epochs go a group at a time (1, 2, 4, …
epochs, up to ``GROUP_UPDATES`` updates); the stop
    rule is then asked at each epoch end of the group in turn, as the general loop asks it,
    and the run ends at the first that says so. Records the batch gradients in
    ``batches.gradients`` as the general loop does."""
    loop = _Loop(start, s, n_max)
    per = batches.per_epoch
    grads = np.empty((max(n_max, 1), len(start)))
    empty, none = np.zeros((1, 1)), np.zeros(1)
    rows, diverged_at = n_max + 1, None
    k, group = 0, 1   # epochs per call, doubling: a run that stops early draws few orders
    while k < n_max:
        if cancel is not None and cancel():
            raise RunCancelled(k + 1)
        epoch = k // per
        last = min((epoch + group) * per, n_max)
        group = min(2 * group, max(1, GROUP_UPDATES // per))
        epochs = range(epoch, -(-last // per))
        orders = np.stack([batches._order(e) for e in epochs])
        gram, cross = epoch_sums(np.take(batches.xa, orders, axis=0), batches.y[orders],
                                 batches.size)
        end, how = loop.advance(k, last, False, tol, 3, none, empty, none, gram, cross,
                                grads, batch_offset=epoch * per)
        valid = end - 1 if how == 2 else end   # the last update that did not diverge
        ended = False
        if stop:
            for e in range((k // per + 1) * per, valid + 1, per):
                if stop_rule(e, tuple(loop.out[e].tolist())):
                    rows, ended = e + 1, True
                    break
        if ended:
            break
        if how == 2:
            rows, diverged_at = end, end
            break
        k = last
    used = rows - 1 if diverged_at is None else rows
    batches.gradients = grads[:used]
    batches.t = used
    trace = loop.trace(rows, diverged_at)
    trace.batches = batches
    return trace


def warm_up() -> bool:
    """Load the compiled loop now (numba, and its machine code from numba's cache, or
    compiled the first time on this installation), so that no later run waits for it.
    False where numba cannot be imported."""
    from gdapp.core.engine import run
    from gdapp.core.spec import RunSpec

    if compiled_loop() is None:
        return False
    run(RunSpec(optimizer="adam", max_iterations=2), kernel="compiled")
    return True
