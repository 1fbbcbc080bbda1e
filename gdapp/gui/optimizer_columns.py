"""The iteration grid's columns for optimizers, schedules and mini-batches.

A run that is not of the note's kind carries more per row than b, ∂E/∂b and the costs:

* η_k, the learning rate of the update that produced row k under a schedule (``Run.lr``;
  row 0 has none);
* the optimizer's state after each update, one column per state and parameter
  (``Run.state``: ``velocity``, ``m``, ``v``…; a state that stays 0 all run long — Adam's
  ``v_max`` without AMSGrad, RMSProp's ``grad_avg`` when not centred — is left out);
* for a mini-batch run, the samples update k used (1-based, as the data panel numbers them)
  and the gradient of that batch, which made the step, beside the full-data objective.

The columns follow ``Run.state``'s keys, whatever the optimizer.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from gdapp.core import Run
from gdapp.gui.i18n import tr

# A batch's samples shown before "…".
BATCH_SHOWN = 6

Column = tuple[str, Callable[[int], float]]


def _of(a: NDArray[np.float64], j: int | None = None) -> Callable[[int], float]:
    if j is None:
        return lambda r: float(a[r])
    return lambda r: float(a[r, j])


def batch_columns(run: Run) -> list[Column]:
    """The batch gradient per parameter (``∂/∂b1 (batch)``) of a mini-batch run (none
    otherwise); the batch itself is the text column :func:`batch_text`."""
    g = run.batch_gradient
    if g is None:
        return []
    return [(f"∂/∂{n} (batch)", _of(g, j)) for j, n in enumerate(run.spec.param_names)]


def optimizer_columns(run: Run) -> list[Column]:
    """η_k (under a schedule, where η changes) and the state columns, in
    ``Run.state``'s order."""
    spec = run.spec
    cols: list[Column] = []
    if spec.schedule != "constant" and run.lr.size:
        cols.append(("η_k", _of(run.lr)))
    for state, values in run.state.items():
        if not np.any(values):
            continue  # never used by these settings
        cols += [(f"{state} {n}", _of(values, j)) for j, n in enumerate(spec.param_names)]
    return cols


def batch_text(run: Run) -> Callable[[int], str] | None:
    """For a mini-batch run, row → the samples the update to that row used (``"2"``,
    ``"1, 2"``, ``"3, 7, 1, … (32)"``; row 0 ``""``); None for a full-batch run."""
    if run.batches is None:
        return None

    def text(row: int) -> str:
        if row == 0:
            return ""
        idx = [int(i) + 1 for i in run.batch(row)]
        shown = ", ".join(str(i) for i in idx[:BATCH_SHOWN])
        return shown if len(idx) <= BATCH_SHOWN else f"{shown}, … ({len(idx)})"

    return text


def extra_title(key: str) -> str:
    """The header of one of these columns in the window's language (the key otherwise)."""
    if key == "batch":
        return tr("batch")
    if key.endswith(" (batch)"):
        return tr("{slope} (batch)").format(slope=key[: -len(" (batch)")])
    return key
