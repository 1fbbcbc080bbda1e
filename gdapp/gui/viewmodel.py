"""The view-model: one :class:`RunSpec`, its :class:`Run`, the current iterate and pinned runs.

Widgets write to it (:meth:`RunViewModel.update`, :meth:`RunViewModel.set_current`, …);
plots and tables only read from it and connect to its signals. No widget reaches into another.

Order of signals after a spec change: ``specChanged``, ``runChanged``, ``currentChanged(k)``.

A run that would take a noticeable time (:func:`run_cost` above :data:`BACKGROUND_COST`:
MAE on many samples, or very many updates) is computed in a worker thread: ``set_spec``
returns at once, ``busyChanged(True)`` is emitted and the old spec and run stay on screen; a
newer spec cancels it (the engine's ``cancel`` callback) and a cancelled or stale result is
dropped. When it is done the same signals follow as for a synchronous change.

Where ``current`` goes after a new run (the documented choice): to the run's last iterate,
unless the user is *stepping* (:attr:`RunViewModel.stepping`, switched on by Step, Step back,
Play, Reset and selecting a grid row, switched off by Run to end); then k stays where it was,
clamped to the new run.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from gdapp.core import DOCUMENT, Objective, Run, RunCancelled, RunSpec, default_start, run
from gdapp.core.costs import cost_rule
from gdapp.core.models import MODEL_RULES, model_rule
from gdapp.core.objective import SORTED_MAE_MIN_SAMPLES
from gdapp.gui.core_messages import problem_text
from gdapp.gui.data_names import shown_name
from gdapp.gui.holdout_shape import ShapingHolder
from gdapp.gui.i18n import tr
from gdapp.gui.optimizer_texts import optimizer_label
from gdapp.gui.rule_texts import cost_word, model_word, setting_symbol

#: The current run's colour, on every plot, whatever is pinned.
THIS_RUN_COLOR = "#1f77b4"
#: Colours for pinned runs, clear of the black (cost), the red tangent, the orange penalty
#: the note's figures use and of this run's blue.
PIN_COLORS: tuple[str, ...] = (
    "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79",
)
#: At most this many runs can be pinned at once (one colour each).
MAX_PINS = len(PIN_COLORS)

#: The fixed cost of one update, in sample-updates (one ≈ 0.1–0.2 µs): the note's own loop
#: (origin, MSE, no or L2 penalty: ~0.35 µs), the other O(1) loops of MSE/RMSE (~2 µs), MAE
#: origin from sorted breakpoints (~70 µs with its record), a direct MAE loop (~30 µs).
UPDATE_OVERHEAD = {"affine": 2, "stats": 12, "sorted": 450, "direct": 200}
#: Runs estimated above this many sample-updates (~0.5 s) are computed in the background.
BACKGROUND_COST = 4_000_000


def run_cost(spec: RunSpec) -> int:
    """The estimated work of running ``spec``, in sample-updates, from the capabilities of
    its cost and model entries (as :class:`~gdapp.core.Objective` chooses its evaluation).

    A squared cost (MSE, RMSE) on a model linear in b with the identity link is O(1) per
    update (sufficient statistics); the note's loop (such a cost without a square root, no
    intercept, no L1) cheaper still. A breakpoint cost (MAE) on the one-feature origin model
    with more than ``SORTED_MAE_MIN_SAMPLES`` samples is O(log n) (sorted breakpoints).
    Those count as a fixed overhead only. Every other update (MAE, Huber, cross-entropy, a
    non-linear model) is O(n) in the samples (direct evaluation), and the record of such a
    run is then O(rows · n) too: cost = max_iterations · (n + overhead).
    """
    rule, m = cost_rule(spec.cost), model_rule(spec.model)
    plain = m.linear and m.link == "identity"
    if rule.squared and plain:
        affine = not rule.outer and not m.intercept and spec.penalty != "l1"
        return spec.max_iterations * UPDATE_OVERHEAD["affine" if affine else "stats"]
    if rule.breakpoints and plain and not m.intercept and spec.data.p == 1 and \
            spec.data.n > SORTED_MAE_MIN_SAMPLES:
        return spec.max_iterations * UPDATE_OVERHEAD["sorted"]
    return spec.max_iterations * (spec.data.n + UPDATE_OVERHEAD["direct"])


def is_background_run(spec: RunSpec) -> bool:
    """Whether the window computes ``spec`` in a worker thread (see :func:`run_cost`)."""
    return run_cost(spec) > BACKGROUND_COST


def describe_busy(spec: RunSpec) -> str:
    """The status line while ``spec`` is computed, e.g.
    ``"computing… (a large run: 1,000,000 samples × 10,000 updates)"``."""
    return tr("computing… (a large run: {n} samples × {updates} updates)").format(
        n=f"{spec.data.n:,}", updates=f"{spec.max_iterations:,}")


class _Job:
    """One background computation: its spec, generation and cancel flag."""

    def __init__(self, spec: RunSpec, generation: int) -> None:
        self.spec = spec
        self.generation = generation
        self.cancelled = threading.Event()
        self.thread: threading.Thread | None = None


def default_spec() -> RunSpec:
    """The window's opening run: the document example, η = 0.01, from b1 = 15."""
    return RunSpec(data=DOCUMENT, learning_rate=0.01).validated()


def describe_spec(spec: RunSpec) -> str:
    """A short label for a run, e.g. ``"η = 0.01"`` or ``"η = 0.01, L2 λ = 0.5, line"``.

    η always appears; other settings only when they differ from the defaults.
    """
    parts = [f"η = {spec.learning_rate:g}"]
    if optimizer_label(spec):
        parts.insert(0, optimizer_label(spec))
    if spec.penalty != "none":
        parts.append(f"{spec.penalty.upper()} λ = {spec.lam:g}")
        if spec.penalty == "l1" and spec.l1_method != "proximal":
            parts.append(tr("subgradient") if spec.l1_method == "subgradient" else spec.l1_method)
    if spec.cost != model_rule(spec.model).default_cost:
        parts.append(cost_word(spec.cost))
    for setting in cost_rule(spec.cost).settings:
        if getattr(spec, setting.name) != setting.default:
            parts.append(f"{setting_symbol(setting)} = {getattr(spec, setting.name):g}")
    if spec.model != next(iter(MODEL_RULES)):  # the first model, the note's
        parts.append(model_word(spec.model))
    start = spec.resolved_start()
    if start != default_start(spec.data, spec.model):
        parts.append(tr("from {start}").format(start=", ".join(f"{v:g}" for v in start)))
    if not spec.data.is_document_example():
        parts.append(shown_name(spec.data.name))
    return ", ".join(parts)


@dataclass(frozen=True)
class PinnedRun:
    """A run kept on the plots for comparison.

    Attributes
    ----------
    label : str   what sets it apart, e.g. ``"η = 0.01"``
    run : Run
    color : str   hex colour for both plots' curves and legend
    """

    label: str
    run: Run
    color: str


def _same_objective_inputs(a: RunSpec, b: RunSpec) -> bool:
    """Whether :meth:`Objective.of` builds the same objective for both specs: the same
    data object, model, cost, cost settings, penalty and λ."""
    return a.data is b.data and (a.model, a.cost, a.penalty, a.lam) == \
        (b.model, b.cost, b.penalty, b.lam) and a.cost_settings() == b.cost_settings()


class RunViewModel(ShapingHolder, QObject):
    """Holds the current spec and run; emits one signal per kind of change."""

    specChanged = Signal()
    runChanged = Signal()
    currentChanged = Signal(int)
    pinnedChanged = Signal()
    #: why the current run was not pinned (already pinned, or every colour taken)
    pinRefused = Signal(str)
    errorOccurred = Signal(str)
    #: the start followed a change of data or model to a new default (the sentence says so)
    startMoved = Signal(str)
    busyChanged = Signal(bool)
    #: (generation, Run or error message) from a worker thread; queued to the GUI thread
    _finished = Signal(int, object)

    def __init__(self, spec: RunSpec | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        wanted = (spec or default_spec()).validated()
        self._job: _Job | None = None
        self._threads: list[threading.Thread] = []
        self._generation = 0
        self._busy_shown = False  # what busyChanged last said
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        # a large opening run: show its first few updates at once, the whole run when done
        shown = wanted
        if is_background_run(wanted):
            per_update = run_cost(dataclasses.replace(wanted, max_iterations=1))
            shown = dataclasses.replace(
                wanted, max_iterations=max(1, BACKGROUND_COST // (10 * per_update)))
        self._spec = shown
        self._run = run(shown)
        self._objective: Objective | None = None
        self._current = self._run.iterations
        self._pinned: list[PinnedRun] = []
        self.stepping = False
        if shown is not wanted:
            self._start_job(wanted)

    # ---- reading ---------------------------------------------------------------------
    @property
    def spec(self) -> RunSpec:
        """The current (validated) run description."""
        return self._spec

    @property
    def run(self) -> Run:
        """The run of :attr:`spec`."""
        return self._run

    @property
    def busy(self) -> bool:
        """True while a large run is computed in the background (:attr:`pending_spec`)."""
        return self._job is not None

    @property
    def pending_spec(self) -> RunSpec | None:
        """The spec being computed in the background, or None."""
        return self._job.spec if self._job is not None else None

    @property
    def current(self) -> int:
        """The current iterate k, 0 ≤ k ≤ run.iterations."""
        return self._current

    @property
    def pinned(self) -> list[PinnedRun]:
        """The pinned runs (a copy)."""
        return list(self._pinned)

    @property
    def objective(self) -> Objective:
        """The vectorized objective (cost + penalty) of the current spec, built once per run."""
        if self._objective is None:
            self._objective = Objective.of(self._spec)
        return self._objective

    # ---- writing ---------------------------------------------------------------------
    def set_spec(self, spec: RunSpec) -> bool:
        """Validate and run ``spec``, then emit the signals.

        A cheap run happens here, synchronously. A large one (:func:`is_background_run`)
        starts in a worker thread and this returns True at once; ``busyChanged(True)`` says
        so and the signals follow when it is done. Either way a computation still running for
        an older spec is cancelled. Returns False (and emits ``errorOccurred`` with the
        reason) when the spec is invalid; the old spec and run stay.
        """
        try:
            valid = spec.validated()
        except (ValueError, OverflowError) as exc:
            self.errorOccurred.emit(problem_text(exc))
            return False
        self._generation += 1
        self._cancel_job()
        if is_background_run(valid):
            if valid == self._spec:  # the large run on screen: nothing to compute again
                self._set_busy(False)
                self._apply(valid, self._run)
                return True
            self._start_job(valid)
            return True
        try:
            new_run = run(valid)
        except (ValueError, OverflowError) as exc:
            self._set_busy(False)
            self.errorOccurred.emit(problem_text(exc))
            return False
        self._set_busy(False)
        self._apply(valid, new_run)
        return True

    def _apply(self, valid: RunSpec, new_run: Run) -> None:
        if not _same_objective_inputs(self._spec, valid):  # a new η keeps the objective
            self._objective = None
        self._spec = valid
        self._run = new_run
        # k is valid for the new run before anyone hears of it; currentChanged always follows.
        k = min(self._current, new_run.iterations) if self.stepping else new_run.iterations
        self._current = k
        self.specChanged.emit()
        self.runChanged.emit()
        self.currentChanged.emit(k)

    # ---- the background computation --------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy_shown:
            self._busy_shown = busy
            self.busyChanged.emit(busy)

    def _cancel_job(self) -> None:
        """Tell the running computation (if any) to stop; its result will be dropped."""
        if self._job is not None:
            self._job.cancelled.set()
            self._job = None

    def _start_job(self, spec: RunSpec) -> None:
        job = _Job(spec, self._generation)
        job.thread = threading.Thread(target=self._compute, args=(job,),
                                      name="gdapp-run", daemon=True)
        self._job = job
        self._threads = [t for t in self._threads if t.is_alive()]
        self._threads.append(job.thread)
        self._set_busy(True)
        job.thread.start()

    def _compute(self, job: _Job) -> None:
        """The worker thread: run the engine, hand the result to the GUI thread."""
        result: Run | str
        try:
            result = run(job.spec, cancel=job.cancelled.is_set)
        except RunCancelled:
            return
        except (ValueError, ArithmeticError) as exc:
            result = problem_text(exc)
        except MemoryError:
            result = tr("not enough memory for this run: try fewer samples or max iterations")
        if not job.cancelled.is_set():
            self._finished.emit(job.generation, result)

    def _on_finished(self, generation: int, result: object) -> None:
        """On the GUI thread: apply the result unless a newer spec came since."""
        if generation != self._generation or self._job is None:
            return
        self._job = None
        self._set_busy(False)
        if isinstance(result, Run):
            self._apply(result.spec, result)
        else:
            self.errorOccurred.emit(str(result))

    def stop_computation(self, timeout: float = 5.0) -> bool:
        """Cancel the background computation and wait (at most ``timeout`` s in all) for
        every worker thread to end. Returns True when none is left running."""
        self._generation += 1
        self._cancel_job()
        self._set_busy(False)
        for t in self._threads:
            t.join(timeout)
        self._threads = [t for t in self._threads if t.is_alive()]
        return not self._threads

    def running_threads(self) -> list[threading.Thread]:
        """The worker threads still running (a cancelled one ends at its next update)."""
        self._threads = [t for t in self._threads if t.is_alive()]
        return list(self._threads)

    def update(self, **changes: Any) -> bool:
        """Change some fields of the spec (``dataclasses.replace``) and rerun.

        When the model or the data change and no start is given, the start follows: it goes
        to the new default if it was at the old default, otherwise b1 is kept (b0 = 0 is added
        or dropped). Invalid values emit ``errorOccurred`` and keep the old spec.
        """
        old = self.pending_spec or self._spec  # changes build on the run being computed
        if "model" in changes and "data" not in changes:  # z-scores centred for the model
            changes.update(self.restandardized(changes["model"]))
        if "start" not in changes and ("model" in changes or "data" in changes):
            changes["start"] = self._follow_start(old, changes)
        if "model" in changes and "cost" not in changes:
            changes["cost"] = self._follow_cost(old, changes["model"])
        try:
            new = dataclasses.replace(old, **changes)
        except TypeError as exc:
            self.errorOccurred.emit(str(exc))
            return False
        if new == old:
            return True
        # (validated here only when the start follows: set_spec validates it anyway)
        moved = "start" in changes and changes["start"] is None and \
            not self._invalid(new) and \
            new.validated().resolved_start() != old.resolved_start()
        if not self.set_spec(new):
            return False
        if moved:
            before = ", ".join(f"{n} = {v:g}" for n, v in
                               zip(old.param_names, old.resolved_start(), strict=True))
            after = ", ".join(f"{n} = {v:g}" for n, v in
                              zip(new.param_names, new.resolved_start(), strict=True))
            self.startMoved.emit(tr(
                "The start moved from {before} to {after}, the default for these data "
                "(set Start to choose another).").format(before=before, after=after))
        return True

    @staticmethod
    def _invalid(spec: RunSpec) -> bool:
        try:
            spec.validated()
        except (ValueError, OverflowError):
            return True
        return False

    @staticmethod
    def _follow_cost(old: RunSpec, model: str) -> str:
        """The cost after a change of model: the old one while the new model pairs with it
        and it was not just the old model's own; else the new model's default (MSE for a
        regression, cross-entropy for logistic)."""
        new = MODEL_RULES.get(model)
        if new is None:
            return old.cost
        was_default = old.cost == MODEL_RULES[old.model].default_cost
        return old.cost if old.cost in new.costs and not was_default else new.default_cost

    @staticmethod
    def _follow_start(old: RunSpec, changes: dict[str, Any]) -> tuple[float, ...] | None:
        start = old.resolved_start()
        if start == default_start(old.data, old.model):
            return None
        model = changes.get("model", old.model)
        b1 = start[-1]
        if model not in MODEL_RULES:
            return start
        return ((start[0], b1) if len(start) == 2 else (0.0, b1)) \
            if MODEL_RULES[model].intercept else (b1,)

    def set_current(self, k: int) -> None:
        """Move to iterate ``k`` (clamped to [0, run.iterations]); emits on a change."""
        k = max(0, min(int(k), self._run.iterations))
        if k != self._current:
            self._current = k
            self.currentChanged.emit(k)

    # ---- pinned runs -----------------------------------------------------------------
    def pin_current(self) -> PinnedRun | None:
        """Pin the current run for comparison; None when it is already pinned or all
        colours are taken (``pinRefused`` says which)."""
        if any(p.run.spec == self._spec for p in self._pinned):
            self.pinRefused.emit(tr("This run is already pinned."))
            return None
        if len(self._pinned) >= MAX_PINS:
            self.pinRefused.emit(tr("At most {n} runs can be pinned; unpin one first.").format(
                n=MAX_PINS))

            return None
        used = {p.color for p in self._pinned}
        color = next(c for c in PIN_COLORS if c not in used)
        pinned = PinnedRun(describe_spec(self._spec), self._run, color)
        self._pinned.append(pinned)
        self.pinnedChanged.emit()
        return pinned

    def adopt_pins(self, pins: list[PinnedRun]) -> None:
        """Pin these runs (another view-model's, as a window rebuilt in another language
        takes them over), named anew in the window's language."""
        self._pinned = [PinnedRun(describe_spec(p.run.spec), p.run, p.color) for p in pins]
        self.pinnedChanged.emit()

    def unpin(self, i: int) -> None:
        """Remove the i-th pinned run (no-op when out of range)."""
        if 0 <= i < len(self._pinned):
            del self._pinned[i]
            self.pinnedChanged.emit()

    def clear_pins(self) -> None:
        """Remove every pinned run."""
        if self._pinned:
            self._pinned.clear()
            self.pinnedChanged.emit()
