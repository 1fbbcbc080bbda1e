"""Full-batch gradient descent that records every iteration: :func:`run` → :class:`Run`.

The update is the note's ``b ← b − η·∂E/∂b``. With an L1 penalty the default is the proximal
(soft-threshold) step on b1, ``z = b1 − η·∂E/∂b1``, ``b1 ← sign(z)·max(|z| − η·λ, 0)``, which
lands on exactly 0; ``l1_method="subgradient"`` takes the plain step with λ·sign(b1) instead.
Every new parameter value goes through the zero band (see :mod:`gdapp.core.objective`): an
update that cancels to within 1e−12 of its operands is exactly 0, as in a spreadsheet.

Row k of a run is iterate k (row 0 = the start): parameters, the gradient of the objective
there (the slope of the note's tangent), cost, penalty, objective, the step that produced it
(row 0: zeros) and whether that step was within the tolerance.

Stopping: ``converged`` at the first update whose every |Δb| ≤ tolerance (a mini-batch run:
where the epoch rule of :mod:`gdapp.core.batches` says so); ``max_iterations``
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
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from gdapp.core.batches import PATIENCE, BatchGradient, epoch_rule, epoch_stopping
from gdapp.core.kernels import (
    PSI_CODES,
    compiled_loaded,
    compiled_optimizer,
    descend_batches_compiled,
    descend_compiled,
)
from gdapp.core.loops import (
    ASK_EVERY_UPDATE_SAMPLES,
    DIVERGENCE_LIMIT,
    Stepping,
    Trace,
    asking_first,
    descend,
    descend_affine,
    descend_linear,
    descend_squared,
)
from gdapp.core.messages import Message
from gdapp.core.models import model_rule
from gdapp.core.objective import Objective
from gdapp.core.optimum import Optimum, exact_optimum, stability_limit
from gdapp.core.spec import RunSpec

FloatArray = NDArray[np.float64]
Status = Literal["converged", "max_iterations", "diverged"]

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
    lr : ndarray of shape (m,)              η_t of the update that produced row t (row 0: nan)
    state : dict of name → ndarray (m, p)   the optimizer's state after each update (row 0:
                                            its start, 0); empty for gradient descent
    l1_rule : str                           "proximal", "subgradient", or "" without L1
    batches : BatchGradient or None         a mini-batch run's orders (see :meth:`batch`)
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
    lr: FloatArray = field(default_factory=lambda: np.zeros(0))
    state: dict[str, FloatArray] = field(default_factory=dict)
    l1_rule: str = ""
    batches: BatchGradient | None = None

    @cached_property
    def batch_gradient(self) -> FloatArray | None:
        """For a mini-batch run, the gradient that made each step: the batch's cost gradient
        (plus the penalty's, but for the proximal L1 step, which takes the penalty apart) at
        the iterate before; row 0 is nan. None for a full-batch run (there it is
        :attr:`gradient` of the row before). Computed once, at the first use."""
        if self.batches is None:
            return None
        m, q = self.params.shape
        out = np.full((m, q), np.nan)
        if m > 1:
            out[1:] = np.array(self.batches.gradients[:m - 1], dtype=np.float64).reshape(-1, q)
            if self.l1_rule != "proximal":
                obj = Objective.of(self.spec)
                out[1:] += obj.penalty_gradient(self.params[:-1])
        return out

    @cached_property
    def accuracy(self) -> FloatArray | None:
        """For a classifier (logistic): the share of samples with (p ≥ 0.5) = y at each
        iterate; None for a regression model. Computed once, at the first use."""
        if model_rule(self.spec.model).targets != "binary":  # (no objective built for None)
            return None
        return Objective.of(self.spec).accuracy(self.params)

    @cached_property
    def test_objective(self) -> FloatArray | None:
        """With held-out samples: the cost (no penalty) on them at each iterate, by the same
        cost entry; None without. Computed once, at the first use."""
        held = self.spec.holdout
        if held is None:
            return None
        return Objective(held.data, model=self.spec.model, cost=self.spec.cost,
                         settings=self.spec.cost_settings()).cost(self.params)

    def batch(self, t: int) -> NDArray[np.intp]:
        """The sample indices (0-based) update t used: all of them for a full-batch run."""
        if self.batches is None:
            return np.arange(self.spec.data.n)
        return self.batches.batch(t)

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
        bottoms = self.optimum.local_minima or (opt,)  # ending in any valley is settling
        left = min(math.dist(self.params[-1], m) for m in bottoms)
        scale = max(1.0, math.dist(self.params[0], opt))
        return left if left > STOPPED_SHORT_SHARE * scale else None

    @property
    def local_minimum(self) -> tuple[float, ...] | None:
        """For a cost of several valleys: the local minimum the run ended in, when it is not
        the global one (None otherwise)."""
        bottoms = self.optimum.local_minima
        if self.status != "converged" or len(bottoms) < 2 or self.optimum.params is None:
            return None
        nearest = min(bottoms, key=lambda m: math.dist(self.params[-1], m))
        if math.dist(self.params[-1], nearest) > STOPPED_SHORT_SHARE * max(
                1.0, math.dist(self.params[0], nearest)):
            return None  # ended outside the searched valleys
        return None if nearest == self.optimum.params else nearest


#: The kernels :func:`_iterate` may choose ("general" is :func:`descend`; tests force each).
KERNELS = ("auto", "general", "squared", "linear", "compiled")


def _iterate(spec: RunSpec, obj: Objective, stepping: Stepping, stop: bool,
             cancel: Callable[[], bool] | None, kernel: str = "auto",
             updates: int | None = None) -> Trace:
    """The iterates, by the fastest kernel that computes this run: the note's own case (one
    parameter, MSE, plain descent, no L1) inlined until numba is loaded (the same bits as the
    compiled loop, without its loading time at start-up); MSE with any other optimizer, schedule
    or number of parameters, full-batch or in mini-batches, compiled (:mod:`gdapp.core.
    kernels`); where numba is missing, MSE on more than two parameters a vector at a time
    (plain descent without L1: a block of linear updates at a time); the general loop
    otherwise (each kernel is tested equal to the general loop)."""
    start = spec.resolved_start()
    tol, n_max = spec.tolerance, spec.max_iterations if updates is None else updates
    stats, q = obj.stats, len(start)
    squared = stats is not None and not obj.rule.outer and not spec.minibatch
    if kernel == "auto" and squared and q == 1 and stepping.plain \
            and stepping.mode in ("plain", "l2") and not compiled_loaded():
        assert stats is not None
        return descend_affine(2.0 * stats.sxx, stats.bstar, start[0], stepping.eta,
                              stepping.lam if stepping.mode == "l2" else 0.0, n_max, tol, stop)
    if kernel in ("auto", "compiled") and compiled_optimizer(stepping):
        if squared:
            assert stats is not None
            return descend_compiled(stats, start, stepping, n_max, tol, stop, cancel)
        if from_samples(obj, spec):
            return descend_compiled(None, start, stepping, n_max, tol, stop, cancel,
                                    samples=(spec.data, spec.model, spec.cost,
                                             float(obj.settings.get("delta", 0.0))))
        if spec.minibatch and stats is not None and not obj.rule.outer:
            # the mean squared error of a linear model on well-conditioned samples (the
            # conditioning check of the statistics guards the batches' sums too)
            return _batches(spec, obj, stepping, start, n_max, stop, cancel, compiled=True)
    if kernel == "compiled":
        raise ValueError(Message("the compiled kernel cannot compute this run"))
    linear = squared and stepping.plain and stepping.mode in ("plain", "l2")
    if linear and (kernel == "linear" or (kernel == "auto" and q > 2)):
        assert stats is not None
        return descend_linear(stats.hessian(), stats.optimum(), start, stepping, n_max,
                              tol, stop, cancel)
    if squared and (kernel == "squared" or (kernel == "auto" and q > 2)):
        assert stats is not None
        return descend_squared(stats.hessian(), stats.optimum(), start, stepping, n_max,
                               tol, stop, cancel)
    if spec.minibatch:
        return _batches(spec, obj, stepping, start, n_max, stop, cancel, compiled=False)
    grad = obj.scalar_cost_gradient()
    if cancel is not None and obj.per_sample and spec.data.n > ASK_EVERY_UPDATE_SAMPLES:
        grad = asking_first(grad, cancel)
    return descend(grad, start, stepping, n_max, tol, stop, cancel)


def from_samples(obj: Objective, spec: RunSpec) -> bool:
    """Whether a full-batch run of a linear model takes its gradient from the samples in the
    compiled loop, which sums it as the general loop does: a cost the compiled loop knows
    (:data:`gdapp.core.kernels.PSI_CODES`) on the model's score (cross-entropy) or through
    the identity link, where no statistics give it (the mean squared error on data too
    ill-conditioned for them)."""
    m, rule = obj.model_rule, obj.rule
    return obj.stats is None and spec.cost in PSI_CODES and not rule.outer \
        and m.linear and (rule.on_raw or m.link == "identity") and not spec.minibatch \
        and obj.breakpoints is None


def _check_start_size(spec: RunSpec) -> None:
    """Refuse a start that is itself past the divergence limit: a run from there would be
    reported as diverged at update 1, blaming η for what the start did."""
    for name, value in zip(spec.param_names, spec.resolved_start(), strict=True):
        if not abs(value) <= DIVERGENCE_LIMIT:
            raise ValueError(Message("the start {name} = {value} is too large: a run counts "
                                     "as diverged beyond ±{limit}; start nearer 0", name=name,
                                     value=f"{value:g}", limit=f"{DIVERGENCE_LIMIT:g}"))


def _batches(spec: RunSpec, obj: Objective, stepping: Stepping, start: tuple[float, ...],
             n_max: int, stop: bool, cancel: Callable[[], bool] | None, compiled: bool
             ) -> Trace:
    """A mini-batch run: by the compiled kernel (``compiled``, where it applies) or the
    general loop."""
    assert spec.batch_size is not None
    tol = spec.tolerance
    batches = BatchGradient(spec.data, spec.model, spec.cost, spec.batch_size,
                            spec.shuffle, spec.seed, spec.cost_settings())
    rule = epoch_stopping(batches.per_epoch,
                          lambda b: float(obj.value(np.array([b]))[0]), tol)
    if compiled:
        return descend_batches_compiled(batches, start, stepping, n_max, tol, stop, cancel,
                                        rule)
    trace = descend(batches, start, stepping, n_max, tol, stop, cancel, rule)
    trace.batches = batches
    return trace


def run(spec: RunSpec, *, stop_at_convergence: bool = True,
        cancel: Callable[[], bool] | None = None, kernel: str = "auto",
        updates: int | None = None) -> Run:
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
    kernel : {"auto", "general", "squared", "linear", "compiled"}, keyword-only
        Which loop computes the iterates; "auto" (the default) picks the fastest that
        applies. The others exist so that tests can prove the kernels equal ("compiled"
        raises ``ValueError`` for a run it cannot compute).
    updates : int, keyword-only
        At most this many updates instead of ``spec.max_iterations``, which still sets the
        cosine schedule's length (a workbook's rows after an early stop).
    """
    if kernel not in KERNELS:
        raise ValueError(Message("kernel must be one of {choices}, got {got}",
                                 choices=", ".join(KERNELS), got=repr(kernel)))
    spec = spec.validated()
    tol = spec.tolerance
    lam = spec.lam if spec.penalty != "none" else 0.0
    obj = Objective.of(spec)
    stepping = Stepping.of(spec, obj.first)
    with np.errstate(over="ignore", invalid="ignore"):  # a huge η·g is divergence, said so
        trace = _iterate(spec, obj, stepping, stop_at_convergence, cancel, kernel, updates)
    params, diverged_at = trace.params, trace.diverged_at
    lr = trace.lr if trace.lr is not None else np.concatenate(
        [[np.nan], np.full(params.shape[0] - 1, spec.learning_rate)])
    state = trace.state
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
            raise ValueError(Message("the objective at the start is too large to compute "
                                     "(not a finite number): try a smaller start, λ or data "
                                     "values"))
        diverged_at = first_bad if diverged_at is None else min(diverged_at, first_bad)
        keep = first_bad
        params, cost, penalty = params[:keep], cost[:keep], penalty[:keep]
        objective, gradient, lr = objective[:keep], gradient[:keep], lr[:keep]
        state = {name: values[:keep] for name, values in state.items()}
    if diverged_at == 1:
        _check_start_size(spec)
    step = np.zeros_like(params)
    step[1:] = np.diff(params, axis=0)
    converged = np.zeros(params.shape[0], dtype=bool)
    if trace.batches is None:
        converged[1:] = np.all(np.abs(step[1:]) <= tol, axis=1)
        if state:  # and the slope too: a velocity can pass 0 mid-flight (see loops.descend)
            with np.errstate(over="ignore", invalid="ignore"):
                moved = np.abs(lr[1:, None] * gradient[:-1])
            converged[1:] &= np.all(moved <= tol, axis=1)
    else:  # the epoch rule (batches.epoch_rule), row by row; a stopped run ends at its first
        converged = epoch_rule(objective, trace.batches.per_epoch, tol)[1] >= PATIENCE
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
        converged_at=converged_at, diverged_at=diverged_at, lr=lr, state=state,
        batches=trace.batches,
        l1_rule=_l1_rule(stepping),
        optimum=exact_optimum(spec.data, spec.model, spec.cost, spec.penalty, lam,
                              spec.cost_settings()),
        stability_limit=_stability(spec, lam),
    )


def _stability(spec: RunSpec, lam: float) -> float | None:
    """The largest stable constant η: 2/λ_max for gradient descent, (2 + 2μ)/λ_max for
    heavy-ball momentum (undamped); None where no such limit applies (other optimizers,
    schedules, MAE/RMSE)."""
    limit = stability_limit(spec.data, spec.model, spec.cost, spec.penalty, lam)
    if limit is None or spec.schedule != "constant" or spec.minibatch:
        return None  # (a batch's updates have Hessians of their own)
    if spec.optimizer == "gd":
        return limit
    h = spec.hyper()
    if spec.optimizer == "momentum" and h.dampening == 0:
        return limit * (1.0 + h.momentum)
    return None


def _l1_rule(stepping: Stepping) -> str:
    """How an L1 penalty moves the slopes: "proximal", "subgradient" or "" without L1."""
    return {"l1prox": "proximal", "l1sub": "subgradient"}.get(stepping.mode, "")


def rerun_for_rows(spec: RunSpec, rows: int) -> Run:
    """Run exactly ``rows − 1`` updates (as a workbook with ``rows`` iterate rows holds)."""
    return run(spec, stop_at_convergence=False, updates=max(1, rows - 1))
