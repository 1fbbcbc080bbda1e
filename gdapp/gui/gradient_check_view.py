"""The finite-difference check of the gradient in the window (Run ▸ Check the gradient):
beside each gradient column of the grid, the central difference
(F(b + s·ej) − F(b − s·ej))/(2s), s = h·max(1, |bj|), of the objective F = E + P the run
descends (:mod:`gdapp.core.gradient_check`), and a line in the written-out step.

The check is the spec's ``check_h`` (None: off), so an exported workbook carries the same
columns as live formulas and the session keeps the choice. The grid computes a row's central
differences only when the row is painted (2·q evaluations of the objective), so a run of a
million iterates costs nothing until its rows are scrolled to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtGui import QAction

from gdapp.core import Objective, Run
from gdapp.core.gradient_check import (
    DEFAULT_H,
    central_difference,
    check_steps,
    relative_difference,
)
from gdapp.gui.i18n import tr

# A check column's key (its English name, as the session keeps hidden columns).
PREFIX = "check ∂/∂"


def check_columns(run: Run) -> list[tuple[str, Callable[[int], float]]]:
    """(key, row → central difference) per parameter when the run's spec asks for the
    check, else none."""
    h = run.spec.check_h
    if h is None:
        return []
    cache: dict[int, np.ndarray[Any, np.dtype[np.float64]]] = {}
    objective: list[Objective] = []

    def row_of(r: int) -> np.ndarray[Any, np.dtype[np.float64]]:
        if r not in cache:
            if not objective:
                objective.append(Objective.of(run.spec))
            if len(cache) > 4096:
                cache.clear()
            cache[r] = central_difference(objective[0], run.params[r:r + 1], h)[0]
        return cache[r]

    def column(j: int) -> Callable[[int], float]:
        return lambda r: float(row_of(r)[j])

    return [(f"{PREFIX}{name}", column(j)) for j, name in enumerate(run.spec.param_names)]


def column_title(key: str) -> str | None:
    """The title of a check column in the window's language, or None for another key."""
    if not key.startswith(PREFIX):
        return None
    return tr("≈ ∂/∂{name}").format(name=key.removeprefix(PREFIX))


def column_tip(key: str) -> str | None:
    """The header's tooltip of a check column, or None for another key."""
    if not key.startswith(PREFIX):
        return None
    return tr("central difference (E({name} + s) − E({name} − s))/(2s), s = h·max(1, "
              "|{name}|): ≈ ∂/∂{name} beside it").format(name=key.removeprefix(PREFIX))


def check_lines(run: Run, k: int, objective: Objective) -> list[str]:
    """The written-out step's line of the check per parameter at iterate k (none when the
    check is off)."""
    h = run.spec.check_h
    if h is None:
        return []
    from gdapp.gui.step_numbers import num as number

    row = run.params[k:k + 1]
    steps = check_steps(row, h)[0]
    cd = central_difference(objective, row, h)[0]
    analytic = run.gradient[k]
    rel = relative_difference(analytic, cd)[0]
    f = "E" if run.spec.penalty == "none" else "(E+P)"
    return [tr("check: central difference ({f}({name} + s) − {f}({name} − s))/(2s) = {cd}, "
               "s = {s}; analytic slope {g}; relative difference {d}").format(
                   f=f, name=name, cd=number(float(cd[j])), s=number(float(steps[j])),
                   g=number(float(analytic[j])), d=f"{rel[j]:.2g}")
            for j, name in enumerate(run.spec.param_names)]


def check_action(window: Any) -> QAction:
    """Run ▸ Check the gradient: checkable, following the spec (a session restored with the
    check, a workbook opened with it)."""
    action = QAction(tr("Check the gradient"), window)
    tip = tr("Beside each gradient, the central difference (F(b + s) − F(b − s))/(2s), "
             "s = h·max(1, |b|), h = {h}: where they agree to many digits, the gradient is "
             "right").format(h=f"{DEFAULT_H:g}")
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.setCheckable(True)
    vm = window.vm

    def follow() -> None:
        action.blockSignals(True)
        action.setChecked(vm.spec.check_h is not None)
        action.blockSignals(False)

    action.toggled.connect(lambda on: vm.update(check_h=DEFAULT_H if on else None))
    vm.specChanged.connect(follow)
    follow()
    window.addAction(action)
    return action
