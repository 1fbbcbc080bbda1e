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


def _descend_1(grad: Callable[..., tuple[float, ...]], b: float, eta: float, lam: float,
               mode: str, n_max: int, tol: float, stop: bool,
               cancel: Callable[[], bool] | None = None) -> tuple[list[float], int | None]:
    """The loop for one parameter. Returns the iterates and the diverging update (or None)."""
    out = [b]
    append = out.append
    eta_lam = eta * lam
    band = ZERO_BAND
    limit = DIVERGENCE_LIMIT
    for k in range(1, n_max + 1):
        if cancel is not None and not k & 255 and cancel():
            raise RunCancelled(k)
        g = grad(b)[0]
        if mode == "l1sub":
            g += lam * (1.0 if b > 0 else -1.0 if b < 0 else 0.0)
        elif mode == "l2":
            g += 2.0 * lam * b
        eg = eta * g
        z = b - eg
        if not abs(z) <= limit:  # also NaN and inf; before the band, which inf would pass
            return out, k
        if abs(z) <= band * (abs(b) + abs(eg)):
            z = 0.0
        if mode == "l1prox":  # only shrinks |z|
            a = abs(z) - eta_lam
            z = 0.0 if a <= band * (abs(z) + eta_lam) else math.copysign(a, z)
        step = z - b
        b = z
        append(b)
        if stop and abs(step) <= tol:
            break
    return out, None


def _descend_affine(curvature: float, centre: float, b: float, eta: float, l2: float,
                    n_max: int, tol: float, stop: bool) -> tuple[list[float], int | None]:
    """The loop for one parameter when ∂E/∂b = curvature·(b − centre) (+ 2λ·b with L2):
    the note's own case (origin, MSE). Same updates as :func:`_descend_1`, inlined for speed."""
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


def _descend_2(grad: Callable[..., tuple[float, ...]], b0: float, b1: float, eta: float,
               lam: float, mode: str, n_max: int, tol: float, stop: bool,
               cancel: Callable[[], bool] | None = None
               ) -> tuple[list[tuple[float, float]], int | None]:
    """The loop for (b0, b1); only b1 is penalized."""
    out = [(b0, b1)]
    append = out.append
    eta_lam = eta * lam
    band = ZERO_BAND
    limit = DIVERGENCE_LIMIT
    for k in range(1, n_max + 1):
        if cancel is not None and not k & 255 and cancel():
            raise RunCancelled(k)
        g0, g1 = grad(b0, b1)
        if mode == "l1sub":
            g1 += lam * (1.0 if b1 > 0 else -1.0 if b1 < 0 else 0.0)
        elif mode == "l2":
            g1 += 2.0 * lam * b1
        e0, e1 = eta * g0, eta * g1
        z0, z1 = b0 - e0, b1 - e1
        if not (abs(z0) <= limit and abs(z1) <= limit):  # before the band (see _descend_1)
            return out, k
        if abs(z0) <= band * (abs(b0) + abs(e0)):
            z0 = 0.0
        if abs(z1) <= band * (abs(b1) + abs(e1)):
            z1 = 0.0
        if mode == "l1prox":
            a = abs(z1) - eta_lam
            z1 = 0.0 if a <= band * (abs(z1) + eta_lam) else math.copysign(a, z1)
        s0, s1 = z0 - b0, z1 - b1
        b0, b1 = z0, z1
        append((b0, b1))
        if stop and abs(s0) <= tol and abs(s1) <= tol:
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


def run(spec: RunSpec, *, stop_at_convergence: bool = True,
        cancel: Callable[[], bool] | None = None) -> Run:
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
    """
    spec = spec.validated()
    lam = spec.lam if spec.penalty != "none" else 0.0
    obj = Objective(spec.data, spec.model, spec.cost, spec.penalty, lam)
    grad = obj.scalar_cost_gradient()
    if spec.penalty == "l1":
        mode = "l1prox" if spec.l1_method == "proximal" else "l1sub"
    else:
        mode = spec.penalty if spec.penalty == "l2" else "plain"
    if cancel is not None and obj.breakpoints is None and spec.cost == "mae" \
            and spec.data.n > ASK_EVERY_UPDATE_SAMPLES:
        grad = _asking_first(grad, cancel)
    start = spec.resolved_start()
    eta, tol, n_max = spec.learning_rate, spec.tolerance, spec.max_iterations
    diverged_at: int | None
    stats = obj.stats
    if len(start) == 1 and spec.cost == "mse" and mode in ("plain", "l2") and stats is not None:
        seq, diverged_at = _descend_affine(2.0 * stats.sxx, stats.bstar, start[0], eta,
                                           lam if mode == "l2" else 0.0, n_max, tol,
                                           stop_at_convergence)
        params = np.array(seq, dtype=np.float64).reshape(-1, 1)
    elif len(start) == 1:
        seq, diverged_at = _descend_1(grad, start[0], eta, lam, mode, n_max, tol,
                                      stop_at_convergence, cancel)
        params = np.array(seq, dtype=np.float64).reshape(-1, 1)
    else:
        pairs, diverged_at = _descend_2(grad, start[0], start[1], eta, lam, mode, n_max, tol,
                                        stop_at_convergence, cancel)
        params = np.array(pairs, dtype=np.float64).reshape(-1, 2)

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
