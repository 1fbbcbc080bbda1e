"""The test cost beside the training objective: the objective plot's second curve, the grid's
column and the status line's words.

With held-out samples (``spec.holdout``) a run has its cost on them at every iterate,
:attr:`gdapp.core.Run.test_objective` (the same cost, no penalty, on samples the descent never
used). The objective plot draws it dashed in the held-out samples' orange beside the training
objective, so overfitting shows as the two curves parting: the training objective keeps
falling while the test cost turns and rises.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from gdapp.core import Run
from gdapp.gui.i18n import tr
from gdapp.gui.plot_base import padded, pen

TEST_COST_COLOR = "#ff7f0e"


def test_cost_curve(plot_item: Any) -> pg.PlotDataItem:
    """The test cost's curve (empty until a run with held-out samples), on ``plot_item``."""
    item = pg.PlotDataItem(pen=pen(TEST_COST_COLOR, 2.0, Qt.PenStyle.DashLine))
    item.setZValue(2)
    plot_item.addItem(item)
    item.opts["autoDownsampleFactor"] = 1.0
    return item


def with_test_cost(run: Run, rows: int, log: bool,
                   view: tuple[float, float, float, float]
                   ) -> tuple[float, float, float, float]:
    """The objective plot's ``view`` (k0, k1, f0, f1) widened to hold the test cost of the
    first ``rows`` iterates (a log axis: only its values > 0)."""
    test = run.test_objective
    x_lo, x_hi, y_lo, y_hi = view
    if test is None:
        return view
    shown = test[:rows]
    shown = shown[np.isfinite(shown) & ((shown > 0) if log else True)]
    if not shown.size:
        return view
    lo, hi = float(np.min(shown)), float(np.max(shown))
    if log:
        lo, hi = float(np.log10(lo)), float(np.log10(hi))
    if lo >= y_lo and hi <= y_hi:
        return view
    new_lo, new_hi = padded(min(lo, y_lo), max(hi, y_hi), 0.04)
    return x_lo, x_hi, (y_lo if lo >= y_lo else new_lo), (y_hi if hi <= y_hi else new_hi)


def test_cost_label(run: Run) -> str:
    """What the objective axis adds for a run with held-out samples."""
    return tr(" and test cost") if run.test_objective is not None else ""


def test_cost_words(run: Run, k: int, *, k_named: bool = False, short: bool = False) -> str:
    """The status line's words for iterate ``k``: its test cost ("" without held-out
    samples); "at k = …" unless what comes before (``k_named``) already says which iterate
    it is ("converged at k = 250 · test cost 0.0636 …": the k once). ``short``: the two
    costs only (for a line short of room)."""
    test = run.test_objective
    if test is None:
        return ""
    if short and k_named:
        words = tr("test cost {value}, training cost {train}")
    elif k_named:
        words = tr("test cost {value} (training cost {train}, {n} held-out samples)")
    else:
        words = tr("test cost at k = {k}: {value} (training cost {train}, {n} held-out "
                   "samples)")
    return words.format(k=k, value=f"{float(test[k]):.6g}",
                                 train=f"{float(run.cost[k]):.6g}", n=run.spec.holdout.data.n
                                 if run.spec.holdout is not None else 0)
