"""The cost plot's legend entries for what it draws over b1 (the note's curves) or over
(b0, b1) (the map): the runs, pinned runs and optimum follow in
:meth:`gdapp.gui.cost_plot.CostCurvePlot._update_legend`.

A long entry carries its detail after a " — ", cut there where the legend must be small (a
projector's plot): the tangent's "at b1 = 0: both one-sided slopes" under L1.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gdapp.core import RunSpec
from gdapp.gui.cost_minima import one_parameter
from gdapp.gui.i18n import tr
from gdapp.gui.legend_outside import SHORT_AT
from gdapp.gui.plot_base import penalty_formula, penalty_on
from gdapp.gui.rule_texts import cost_word

if TYPE_CHECKING:
    from gdapp.gui.cost_plot import CostCurvePlot


def curve_entries(plot: CostCurvePlot, spec: RunSpec) -> list[tuple[object, str]]:
    """(item, label) for the cost, penalty, objective and tangent of a run over b1, or for
    the contour lines and the −∇f arrow of the map over (b0, b1)."""
    entries: list[tuple[object, str]] = []
    if not one_parameter(spec.model):
        entries.append((plot.contour.lines_sample, tr("contour lines of the objective")))
        entries.append((plot.contour.arrow_sample, tr("−∇f at iterate k (downhill)")))
        return entries
    entries.append((plot.cost_curve, tr("cost E(b1) = {cost}").format(
        cost=cost_word(spec.cost))))
    if penalty_on(spec):
        formula = penalty_formula(spec)
        entries.append((plot.penalty_curve, tr("penalty {formula}, λ = {lam}").format(
            formula=formula, lam=f"{spec.lam:g}")))
        entries.append((plot.objective_curve, tr("objective E + {formula}").format(
            formula=formula)))
    entries.append((plot.tangent, tr("tangent at iterate k") + (
        SHORT_AT + tr("at b1 = 0: both one-sided slopes") if spec.penalty == "l1" else "")))
    return entries
