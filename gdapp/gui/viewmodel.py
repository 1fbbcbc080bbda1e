"""The view-model: one :class:`RunSpec`, its :class:`Run`, the current iterate and pinned runs.

Widgets write to it (:meth:`RunViewModel.update`, :meth:`RunViewModel.set_current`, …);
plots and tables only read from it and connect to its signals. No widget reaches into another.

Order of signals after a spec change: ``specChanged``, ``runChanged``, ``currentChanged(k)``.

Where ``current`` goes after a new run (the documented choice): to the run's last iterate,
unless the user is *stepping* (:attr:`RunViewModel.stepping`, switched on by Step, Step back,
Play, Reset and selecting a grid row, switched off by Run to end); then k stays where it was,
clamped to the new run.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from gdapp.core import DOCUMENT, Objective, Run, RunSpec, default_start, run

#: Colours for pinned runs, clear of the black (cost) and red (penalty) the note uses.
PIN_COLORS: tuple[str, ...] = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
)
#: At most this many runs can be pinned at once (one colour each).
MAX_PINS = len(PIN_COLORS)

_COST_LABELS = {"mse": "MSE", "mae": "MAE", "rmse": "RMSE"}


def default_spec() -> RunSpec:
    """The window's opening run: the document example, η = 0.01, from b1 = 15."""
    return RunSpec(data=DOCUMENT, learning_rate=0.01).validated()


def describe_spec(spec: RunSpec) -> str:
    """A short label for a run, e.g. ``"η = 0.01"`` or ``"η = 0.01, L2 λ = 0.5, line"``.

    η always appears; other settings only when they differ from the defaults.
    """
    parts = [f"η = {spec.learning_rate:g}"]
    if spec.penalty != "none":
        parts.append(f"{spec.penalty.upper()} λ = {spec.lam:g}")
        if spec.penalty == "l1" and spec.l1_method != "proximal":
            parts.append(spec.l1_method)
    if spec.cost != "mse":
        parts.append(_COST_LABELS.get(spec.cost, spec.cost))
    if spec.model != "origin":
        parts.append(spec.model)
    start = spec.resolved_start()
    if start != default_start(spec.data, spec.model):
        parts.append("from " + ", ".join(f"{v:g}" for v in start))
    if not spec.data.is_document_example():
        parts.append(spec.data.name)
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


class RunViewModel(QObject):
    """Holds the current spec and run; emits one signal per kind of change."""

    specChanged = Signal()
    runChanged = Signal()
    currentChanged = Signal(int)
    pinnedChanged = Signal()
    errorOccurred = Signal(str)

    def __init__(self, spec: RunSpec | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._spec = (spec or default_spec()).validated()
        self._run = run(self._spec)
        self._objective: Objective | None = None
        self._current = self._run.iterations
        self._pinned: list[PinnedRun] = []
        self.stepping = False

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
            s = self._spec
            self._objective = Objective(s.data, s.model, s.cost, s.penalty,
                                        s.lam if s.penalty != "none" else 0.0)
        return self._objective

    # ---- writing ---------------------------------------------------------------------
    def set_spec(self, spec: RunSpec) -> bool:
        """Validate and run ``spec`` synchronously, then emit the signals.

        Returns False (and emits ``errorOccurred`` with the reason) when the spec is invalid;
        the old spec and run stay.
        """
        try:
            valid = spec.validated()
            new_run = run(valid)
        except (ValueError, OverflowError) as exc:
            self.errorOccurred.emit(str(exc))
            return False
        self._spec = valid
        self._run = new_run
        self._objective = None
        # k is valid for the new run before anyone hears of it; currentChanged always follows.
        k = min(self._current, new_run.iterations) if self.stepping else new_run.iterations
        self._current = k
        self.specChanged.emit()
        self.runChanged.emit()
        self.currentChanged.emit(k)
        return True

    def update(self, **changes: Any) -> bool:
        """Change some fields of the spec (``dataclasses.replace``) and rerun.

        When the model or the data change and no start is given, the start follows: it goes
        to the new default if it was at the old default, otherwise b1 is kept (b0 = 0 is added
        or dropped). Invalid values emit ``errorOccurred`` and keep the old spec.
        """
        old = self._spec
        if "start" not in changes and ("model" in changes or "data" in changes):
            changes["start"] = self._follow_start(old, changes)
        try:
            new = dataclasses.replace(old, **changes)
        except TypeError as exc:
            self.errorOccurred.emit(str(exc))
            return False
        if new == old:
            return True
        return self.set_spec(new)

    @staticmethod
    def _follow_start(old: RunSpec, changes: dict[str, Any]) -> tuple[float, ...] | None:
        start = old.resolved_start()
        if start == default_start(old.data, old.model):
            return None
        model = changes.get("model", old.model)
        b1 = start[-1]
        return (b1,) if model == "origin" else ((start[0], b1) if len(start) == 2 else (0.0, b1))

    def set_current(self, k: int) -> None:
        """Move to iterate ``k`` (clamped to [0, run.iterations]); emits on a change."""
        k = max(0, min(int(k), self._run.iterations))
        if k != self._current:
            self._current = k
            self.currentChanged.emit(k)

    # ---- pinned runs -----------------------------------------------------------------
    def pin_current(self) -> PinnedRun | None:
        """Pin the current run for comparison; None when it is already pinned or all
        colours are taken (``errorOccurred`` says which)."""
        if any(p.run.spec == self._spec for p in self._pinned):
            self.errorOccurred.emit("this run is already pinned")
            return None
        if len(self._pinned) >= MAX_PINS:
            self.errorOccurred.emit(f"at most {MAX_PINS} runs can be pinned; unpin one first")
            return None
        used = {p.color for p in self._pinned}
        color = next(c for c in PIN_COLORS if c not in used)
        pinned = PinnedRun(describe_spec(self._spec), self._run, color)
        self._pinned.append(pinned)
        self.pinnedChanged.emit()
        return pinned

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
