"""Why a run never settled, and what to try: the hint under the status line.

A run that stops at max iterations either *bounces* — its steps keep their length and flip
their sign, as MAE does around its kink, where the slope jumps between fixed values instead
of shrinking — or *creeps* — its steps keep their sign and shrink by a factor r close to 1
per update, as the line model does at η = 0.01 in its long narrow valley. For a creeping run
the number of further updates until a step falls below the tolerance is
log(tolerance / |Δb|) / log r.

:func:`never_settles_hint` says it whole; :func:`never_settles_brief` in fewer words, what to
try first, for a projector's two lines (:mod:`gdapp.gui.warning_briefs`).
"""

from __future__ import annotations

import math
from typing import Any

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
    found = _never_settles(run)
    if found is None:
        return ""
    kind, v = found
    if kind == "hop":
        why = tr("the slope of {cost} does not shrink near its minimum — it jumps between "
                 "fixed values — ").format(cost=cost_word(v["cost"])) if v["sign_decides"] else ""
        return tr("The iterates hop between {name} = {a:.6g} and {b:.6g} for ever: {why}each "
                  "step stays {step:.3g} long, above the tolerance {tol:g}. Try a smaller η "
                  "or a tolerance above {step:.3g}.").format(
            name=v["name"], a=v["a"], b=v["b"], why=why, step=v["step"], tol=v["tol"])
    if kind == "sigma":
        return tr("Still creeping ({share} shorter a step, about {more:,} more updates): "
                  "{cost} through σ is not convex and flat where σ is; the model's own "
                  "cost, {own}, descends here.").format(
            share=v["share"], more=v["more"], cost=cost_word(v["cost"]),
            own=cost_word(v["own"]))
    valley = tr(" b0 and b1 pull against each other: a long narrow valley whose steep "
                "side holds η back.") if v["valley"] else ""
    stable = tr(" (stable below {limit:.6g})").format(limit=v["limit"]) if v["limit"] else ""
    return tr("Still creeping: each step only {share} shorter than the last, about "
              "{more:,} more updates to the tolerance.{valley} Raise max iterations, or "
              "η{stable}.").format(share=v["share"], more=v["more"], valley=valley,
                                   stable=stable)


def never_settles_brief(run: Run) -> str:
    """:func:`never_settles_hint` in fewer words, its advice first: what a projector's two
    lines hold (the whole sentence is the label's tooltip)."""
    found = _never_settles(run)
    if found is None:
        return ""
    kind, v = found
    if kind == "hop":
        return tr("Try a smaller η or a tolerance above {step:.3g}: {name} hops between "
                  "{a:.4g} and {b:.4g} for ever.").format(
            step=v["step"], name=v["name"], a=v["a"], b=v["b"])
    if kind == "sigma":
        return tr("Use the model's own cost, {own}: {cost} through σ is flat where σ "
                  "is.").format(own=cost_word(v["own"]), cost=cost_word(v["cost"]))
    if v["limit"]:
        return tr("Raise max iterations or η (stable below {limit:.4g}): about {more:,} "
                  "more updates.").format(limit=v["limit"], more=v["more"])
    return tr("Raise max iterations or η: about {more:,} more updates.").format(
        more=v["more"])


def _never_settles(run: Run) -> tuple[str, dict[str, Any]] | None:
    """How a run stopped at max iterations never settles — ``"hop"`` (it bounces),
    ``"sigma"`` (MSE on σ creeps) or ``"creep"`` — and the figures its sentences quote;
    None for any other run (and one whose η is at or past the stability limit)."""
    spec = run.spec
    if run.status != "max_iterations" or run.iterations < 3:
        return None
    limit = run.stability_limit
    if limit is not None and spec.learning_rate >= limit * (1 - 1e-9):
        return None
    steps = run.step[-3:]
    j = int(np.argmax(np.abs(steps[-1])))
    last, before, earlier = (float(v) for v in steps[::-1, j])
    tol = spec.tolerance
    if last * before < 0 and abs(last) >= BOUNCE_KEEPS * abs(earlier) > 0:
        values = sorted(float(v) for v in run.params[-2:, j])
        return "hop", {"name": spec.param_names[j], "a": values[0], "b": values[1],
                       "step": abs(last), "tol": tol, "cost": spec.cost,
                       "sign_decides": cost_rule(spec.cost).sign_decides}
    if last * before > 0 and 0 < abs(last) < abs(before):
        r = abs(last) / abs(before)
        more = math.ceil(math.log(tol / abs(last)) / math.log(r)) if abs(last) > tol else 0
        share = f"{1 - r:.2%}"
        if share == f"{0:.2%}":  # too small for two decimals: its first digit ("0.00006%")
            share = f"{100 * (1 - r):.{-math.floor(math.log10(100 * (1 - r)))}f}%"
        model = model_rule(spec.model)
        if model.link != "identity" and not cost_rule(spec.cost).on_raw:  # MSE on σ
            return "sigma", {"share": share, "more": more, "cost": spec.cost,
                             "own": model.own_cost}
        valley = len(spec.param_names) == 2 and model.intercept and model.link == "identity"
        return "creep", {"share": share, "more": more, "valley": valley, "limit": limit}
    return None
