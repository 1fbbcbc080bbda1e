"""Full-batch gradient descent that records every iteration: :func:`run` → :class:`Run`.

The update is the note's ``b ← b − η·∂E/∂b``. With an L1 penalty the default is the proximal
(soft-threshold) step on b1, ``z = b1 − η·∂E/∂b1``, ``b1 ← sign(z)·max(|z| − η·λ, 0)``, which
lands on exactly 0; ``l1_method="subgradient"`` takes the plain step with λ·sign(b1) instead.
Every new parameter value goes through the zero band (see :mod:`gdapp.core.objective`): an
update that cancels to within 1e−12 of its operands is exactly 0, as in a spreadsheet.

Row k of a run is iterate k (row 0 = the start): parameters, the gradient of the objective
there (the slope of the note's tangent), cost, penalty, objective, the step that produced it
(row 0: zeros) and whether that step was within the tolerance.

Stopping: ``converged`` at the first update whose every |Δb| ≤ tolerance; ``max_iterations``
after that many updates; ``diverged`` as soon as a parameter, gradient or the objective is not
finite or exceeds ``DIVERGENCE_LIMIT`` in size — the rows stop before the offending iterate,
so a run never holds NaN or inf. ``stop_at_convergence=False`` keeps iterating to
``max_iterations`` (what a workbook with a fixed number of rows does).

The loop runs on Python floats with an O(1) gradient for squared-error costs; costs,
penalties and gradients for the record are then computed for all rows at once with numpy.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from gdapp.core.objective import ZERO_BAND, Objective
from gdapp.core.optimum import Optimum, exact_optimum, stability_limit
from gdapp.core.spec import RunSpec

FloatArray = NDArray[np.float64]
Status = Literal["converged", "max_iterations", "diverged"]

class RunCancelled(Exception):
    """A run stopped because its ``cancel`` callback said so (at update ``args[0]``)."""


#: A parameter or objective larger than this in size counts as divergence.
DIVERGENCE_LIMIT = 1e100

#: See :attr:`Run.stopped_short`.
STOPPED_SHORT_SHARE = 1e-3


@dataclass(frozen=True, eq=False)
class Run:
    """The record of one run; arrays have one row per iterate (row 0 = the start).

    Attributes
    ----------
    spec : RunSpec  (validated; ``start`` filled in)
    params : ndarray of shape (m, p)        b per iterate, columns in ``spec.param_names``
    gradient : ndarray of shape (m, p)      ∂(cost + penalty)/∂b at each iterate
    cost, penalty, objective : ndarray of shape (m,)
    step : ndarray of shape (m, p)          b_k − b_(k−1) (row 0: zeros)
    converged : ndarray of shape (m,), bool every |step| ≤ tolerance (row 0: False)
    status : "converged" | "max_iterations" | "diverged"
    converged_at : int or None              first k flagged converged
    diverged_at : int or None               the update that produced a non-finite/huge value
    optimum : Optimum
    stability_limit : float or None         η must stay below it (squared error only)
    """

    spec: RunSpec
    params: FloatArray
    gradient: FloatArray
    cost: FloatArray
    penalty: FloatArray
    objective: FloatArray
    step: FloatArray
    converged: NDArray[np.bool_]
    status: Status
    converged_at: int | None
    diverged_at: int | None
    optimum: Optimum
    stability_limit: float | None

    @property
    def iterations(self) -> int:
        """Number of updates performed (rows − 1)."""
        return int(self.params.shape[0] - 1)

    @property
    def final(self) -> tuple[float, ...]:
        """The last iterate's parameters."""
        return tuple(float(v) for v in self.params[-1])

    def column(self, name: str) -> FloatArray:
        """A parameter's values by name, e.g. ``run.column("b1")``."""
        return self.params[:, self.spec.param_names.index(name)]

    @property
    def stopped_short(self) -> float | None:
        """For a converged run that the stopping rule ended far from the exact optimum (the
        steps fell below the tolerance because η is tiny, not because the slope vanished):
        the distance still left. Far means more than ``STOPPED_SHORT_SHARE`` of the start's
        distance (at least 1). None otherwise, and when the optimum is unknown."""
        opt = self.optimum.params
        if self.status != "converged" or opt is None:
            return None
        left = math.dist(self.params[-1], opt)
        scale = max(1.0, math.dist(self.params[0], opt))
        return left if left > STOPPED_SHORT_SHARE * scale else None


def _descend(grad: Callable[..., tuple[float, ...]], start: tuple[float, ...], first: int,
             eta: float, lam: float, mode: str, n_max: int, tol: float, stop: bool,
             cancel: Callable[[], bool] | None = None
             ) -> tuple[list[tuple[float, ...]], int | None]:
    """The descent loop for any number of parameters; those from index ``first`` on (the
    slopes) are penalized. Returns the iterates and the diverging update (or None).

    Each coordinate's update: g ← ∂E/∂b (+ 2λ·b with L2, + λ·sign(b) with the L1
    subgradient), z = b − η·g; divergence when |z| is not ≤ ``DIVERGENCE_LIMIT`` (tested
    before the band, which inf would pass); z = 0 inside the zero band; with the L1 proximal
    step the soft threshold z ← sign(z)·max(|z| − η·λ, 0), its result banded too."""
    b = list(start)
    out = [tuple(b)]
    append = out.append
    eta_lam = eta * lam
    band = ZERO_BAND
    limit = DIVERGENCE_LIMIT
    coords = range(len(b))
    for k in range(1, n_max + 1):
        if cancel is not None and not k & 255 and cancel():
            raise RunCancelled(k)
        g = grad(*b)
        z = []
        for j in coords:
            bj, gj = b[j], g[j]
            if j >= first:
                if mode == "l1sub":
                    gj += lam * (1.0 if bj > 0 else -1.0 if bj < 0 else 0.0)
                elif mode == "l2":
                    gj += 2.0 * lam * bj
            eg = eta * gj
            zj = bj - eg
            if not abs(zj) <= limit:  # also NaN and inf
                return out, k
            if abs(zj) <= band * (abs(bj) + abs(eg)):
                zj = 0.0
            if mode == "l1prox" and j >= first:  # only shrinks |z|
                a = abs(zj) - eta_lam
                zj = 0.0 if a <= band * (abs(zj) + eta_lam) else math.copysign(a, zj)
            z.append(zj)
        converged = stop and all(abs(zj - bj) <= tol for zj, bj in zip(z, b, strict=True))
        b = z
        append(tuple(b))
        if converged:
            break
    return out, None


def _descend_squared(hessian: FloatArray, centre: FloatArray, start: tuple[float, ...],
                     first: int, eta: float, lam: float, mode: str, n_max: int, tol: float,
                     stop: bool) -> tuple[FloatArray, int | None]:
    """:func:`_descend` for MSE on many parameters, whole vectors at a time: ∂E/∂b =
    H·(b − b*) from the sufficient statistics (H the Hessian, b* the least-squares fit)."""
    b = np.array(start, dtype=np.float64)
    out = np.empty((n_max + 1, b.size))  # untouched rows cost no memory
    out[0] = b
    eta_lam = eta * lam
    band = ZERO_BAND
    # |z| ≤ band·(|b| + |η·g|) with |η·g| = |b − z| ≤ |b| + |z| implies |z| ≤ 2.000001·band·|b|:
    # when no coordinate passes that cheap test, none is in the band
    near = 2.000001 * band
    limit = DIVERGENCE_LIMIT
    size_b = np.abs(b)
    absolute, matmul, subtract, multiply = np.abs, np.dot, np.subtract, np.multiply
    d, g, eg = np.empty_like(b), np.empty_like(b), np.empty_like(b)
    slopes = slice(first, None)
    for k in range(1, n_max + 1):
        matmul(hessian, subtract(b, centre, out=d), out=g)
        if mode == "l2":
            g[slopes] += 2.0 * lam * b[slopes]
        elif mode == "l1sub":
            g[slopes] += lam * np.sign(b[slopes])
        multiply(g, eta, out=eg)
        z = subtract(b, eg, out=out[k])   # the new iterate, written in place into its row
        size = absolute(z)
        if not size.max() <= limit:  # also NaN and inf
            return out[:k].copy(), k
        if (size <= near * size_b).any():
            zero = size <= band * (size_b + absolute(eg))
            z[zero] = 0.0
            size[zero] = 0.0
        if mode == "l1prox":
            zs = z[slopes]
            a = size[slopes] - eta_lam
            z[slopes] = np.where(a <= band * (size[slopes] + eta_lam), 0.0, np.copysign(a, zs))
            size = absolute(z)
        if stop and absolute(subtract(z, b, out=d)).max() <= tol:
            return out[:k + 1].copy(), None
        b, size_b = z, size
    return out.copy(), None


def _descend_affine(curvature: float, centre: float, b: float, eta: float, l2: float,
                    n_max: int, tol: float, stop: bool) -> tuple[list[float], int | None]:
    """The loop for one parameter when ∂E/∂b = curvature·(b − centre) (+ 2λ·b with L2):
    the note's own case (origin, MSE). Same updates as :func:`_descend`, inlined for speed."""
    out = [b]
    append = out.append
    band = ZERO_BAND
    limit = DIVERGENCE_LIMIT
    l2_2 = 2.0 * l2
    for k in range(1, n_max + 1):
        eg = eta * (curvature * (b - centre) + l2_2 * b)
        z = b - eg
        if not abs(z) <= limit:
            return out, k
        if abs(z) <= band * (abs(b) + abs(eg)):
            z = 0.0
        step = z - b
        b = z
        append(b)
        if stop and abs(step) <= tol:
            break
    return out, None


#: From this many samples an O(n)-per-update loop asks ``cancel`` before every update
#: (one update then costs milliseconds), not only every 256th.
ASK_EVERY_UPDATE_SAMPLES = 4096


def _asking_first(grad: Callable[..., tuple[float, ...]], cancel: Callable[[], bool]
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


#: The kernels :func:`_iterate` may choose ("general" is :func:`_descend`; tests force each).
KERNELS = ("auto", "general", "squared")


def _iterate(spec: RunSpec, obj: Objective, mode: str, lam: float, stop: bool,
             cancel: Callable[[], bool] | None, kernel: str = "auto"
             ) -> tuple[FloatArray, int | None]:
    """The iterates, by the fastest kernel that computes this run: the note's own case (one
    parameter, MSE, no L1) inlined; MSE on more than two parameters a vector at a time; the
    general loop otherwise (each kernel is tested equal to the general loop)."""
    start = spec.resolved_start()
    eta, tol, n_max = spec.learning_rate, spec.tolerance, spec.max_iterations
    stats, q = obj.stats, len(start)
    squared = spec.cost == "mse" and stats is not None
    if kernel == "auto" and squared and q == 1 and mode in ("plain", "l2"):
        assert stats is not None
        seq, diverged_at = _descend_affine(2.0 * stats.sxx, stats.bstar, start[0], eta,
                                           lam if mode == "l2" else 0.0, n_max, tol, stop)
        return np.array(seq, dtype=np.float64).reshape(-1, 1), diverged_at
    if squared and (kernel == "squared" or (kernel == "auto" and q > 2)):
        assert stats is not None
        return _descend_squared(stats.hessian(), stats.optimum(), start, obj.first, eta, lam,
                                mode, n_max, tol, stop)
    grad = obj.scalar_cost_gradient()
    if cancel is not None and obj.breakpoints is None and spec.cost == "mae" \
            and spec.data.n > ASK_EVERY_UPDATE_SAMPLES:
        grad = _asking_first(grad, cancel)
    seq2, diverged_at = _descend(grad, start, obj.first, eta, lam, mode, n_max, tol, stop,
                                 cancel)
    return np.array(seq2, dtype=np.float64).reshape(-1, q), diverged_at


def run(spec: RunSpec, *, stop_at_convergence: bool = True,
        cancel: Callable[[], bool] | None = None, kernel: str = "auto") -> Run:
    """Run gradient descent as ``spec`` describes and record every iteration.

    Parameters
    ----------
    spec : RunSpec
        Validated here (raises ``ValueError`` with a learner's message when invalid).
    stop_at_convergence : bool, keyword-only
        False runs exactly ``spec.max_iterations`` updates (unless it diverges), still
        flagging the rows whose step is within the tolerance.
    cancel : callable, keyword-only
        Asked every 256 updates of the O(n)-per-update loops (MAE, RMSE), before every update
        of an MAE loop on more than ``ASK_EVERY_UPDATE_SAMPLES`` samples; when it returns True
        the run stops by raising :class:`RunCancelled` (a window abandons a slow run this way).
    kernel : {"auto", "general", "squared"}, keyword-only
        Which loop computes the iterates; "auto" (the default) picks the fastest that
        applies. The others exist so that tests can prove the kernels equal.
    """
    if kernel not in KERNELS:
        raise ValueError(f"kernel must be one of {', '.join(KERNELS)}, got {kernel!r}")
    spec = spec.validated()
    tol = spec.tolerance
    lam = spec.lam if spec.penalty != "none" else 0.0
    obj = Objective(spec.data, spec.model, spec.cost, spec.penalty, lam)
    if spec.penalty == "l1":
        mode = "l1prox" if spec.l1_method == "proximal" else "l1sub"
    else:
        mode = spec.penalty if spec.penalty == "l2" else "plain"
    params, diverged_at = _iterate(spec, obj, mode, lam, stop_at_convergence, cancel, kernel)
    cost = obj.cost(params)
    penalty = obj.penalty(params)
    with np.errstate(over="ignore", invalid="ignore"):
        objective = cost + penalty
    gradient = obj.gradient(params)
    ok = (np.isfinite(objective) & (np.abs(objective) <= DIVERGENCE_LIMIT ** 2)
          & np.all(np.isfinite(gradient), axis=1))
    if not ok.all():
        first_bad = int(np.argmin(ok))
        if first_bad == 0:
            raise ValueError("the objective at the start is too large to compute (not a "
                             "finite number): try a smaller start, λ or data values")
        diverged_at = first_bad if diverged_at is None else min(diverged_at, first_bad)
        keep = first_bad
        params, cost, penalty = params[:keep], cost[:keep], penalty[:keep]
        objective, gradient = objective[:keep], gradient[:keep]
    step = np.zeros_like(params)
    step[1:] = np.diff(params, axis=0)
    converged = np.zeros(params.shape[0], dtype=bool)
    converged[1:] = np.all(np.abs(step[1:]) <= tol, axis=1)
    hits = np.flatnonzero(converged)
    converged_at = int(hits[0]) if hits.size else None
    status: Status
    if diverged_at is not None:
        status = "diverged"
    elif converged_at is not None:
        status = "converged"
    else:
        status = "max_iterations"
    return Run(
        spec=spec, params=params, gradient=gradient, cost=cost, penalty=penalty,
        objective=objective, step=step, converged=converged, status=status,
        converged_at=converged_at, diverged_at=diverged_at,
        optimum=exact_optimum(spec.data, spec.model, spec.cost, spec.penalty, lam),
        stability_limit=stability_limit(spec.data, spec.model, spec.cost, spec.penalty, lam),
    )


def rerun_for_rows(spec: RunSpec, rows: int) -> Run:
    """Run exactly ``rows − 1`` updates (as a workbook with ``rows`` iterate rows holds)."""
    return run(replace(spec, max_iterations=max(1, rows - 1)), stop_at_convergence=False)
