"""Why a run never settled, and what to try: the hint under the status line.

A run that stops at max iterations either *bounces* — its steps keep their length and flip
their sign, as MAE does around its kink, where the slope jumps between fixed values instead
of shrinking — or *creeps* — its steps keep their sign and shrink by a factor r close to 1
per update, as the line model does at η = 0.01 in its long narrow valley. For a creeping run
the number of further updates until a step falls below the tolerance is
log(tolerance / |Δb|) / log r.
"""

from __future__ import annotations

import math

import numpy as np

from gdapp.core import Run
from gdapp.core.costs import cost_rule
from gdapp.core.models import model_rule
from gdapp.gui.i18n import tr
from gdapp.gui.rule_texts import cost_word

#: A bounce keeps at least this share of its length over two updates.
BOUNCE_KEEPS = 0.9


def never_settles_hint(run: Run) -> str:
    """A sentence for a run stopped at max iterations (empty for any other run, and for one
    whose η is at or past the stability limit: that has its own warning)."""
    spec = run.spec
    if run.status != "max_iterations" or run.iterations < 3:
        return ""
    limit = run.stability_limit
    if limit is not None and spec.learning_rate >= limit * (1 - 1e-9):
        return ""
    steps = run.step[-3:]
    j = int(np.argmax(np.abs(steps[-1])))
    last, before, earlier = (float(v) for v in steps[::-1, j])
    tol = spec.tolerance
    if last * before < 0 and abs(last) >= BOUNCE_KEEPS * abs(earlier) > 0:
        name = spec.param_names[j]
        values = sorted(float(v) for v in run.params[-2:, j])
        why = tr("the slope of {cost} does not shrink near its minimum — it jumps between "
                 "fixed values — ").format(cost=cost_word(spec.cost)) \
            if cost_rule(spec.cost).sign_decides else ""
        return tr("The iterates hop between {name} = {a:.6g} and {b:.6g} for ever: {why}each "
                  "step stays {step:.3g} long, above the tolerance {tol:g}. Try a smaller η "
                  "or a tolerance above {step:.3g}.").format(
            name=name, a=values[0], b=values[1], why=why, step=abs(last), tol=tol)
    if last * before > 0 and 0 < abs(last) < abs(before):
        r = abs(last) / abs(before)
        more = math.ceil(math.log(tol / abs(last)) / math.log(r)) if abs(last) > tol else 0
        valley = tr(" b0 and b1 pull against each other: a long narrow valley whose steep "
                    "side holds η back.") if len(spec.param_names) == 2 \
            and model_rule(spec.model).intercept and model_rule(spec.model).link == "identity" \
            else ""
        stable = tr(" (stable below {limit:.6g})").format(limit=limit) if limit else ""
        share = f"{1 - r:.2%}"
        if share == f"{0:.2%}":  # too small for two decimals: its first digit ("0.00006%")
            share = f"{100 * (1 - r):.{-math.floor(math.log10(100 * (1 - r)))}f}%"
        model = model_rule(spec.model)
        if model.link != "identity" and not cost_rule(spec.cost).on_raw:  # MSE on σ
            return tr("Still creeping ({share} shorter a step, about {more:,} more updates): "
                      "{cost} through σ is not convex and flat where σ is; the model's own "
                      "cost, {own}, descends here.").format(
                share=share, more=more, cost=cost_word(spec.cost),
                own=cost_word(model.own_cost))
        return tr("Still creeping: each step only {share} shorter than the last, about "
                  "{more:,} more updates to the tolerance.{valley} Raise max iterations, or "
                  "η{stable}.").format(
            share=share, more=more, valley=valley, stable=stable)
    return ""
