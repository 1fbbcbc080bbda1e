"""What a run is called on the plots, and which runs a plot can compare.

* :func:`run_label` — this run's legend label (η and, if any, its penalty);
* :func:`difference_label` — a pinned run named by what sets it apart from the run shown;
* :func:`same_cost_surface` / :func:`same_objective` — whether a pinned run shares the cost
  plot's axes / the objective plot's quantity.
"""

from __future__ import annotations

from typing import Any

from gdapp.core import RunSpec
from gdapp.core.costs import cost_rule
from gdapp.gui.data_names import shown_name
from gdapp.gui.i18n import tr
from gdapp.gui.optimizer_texts import optimizer_label
from gdapp.gui.rule_names import optimizer_word
from gdapp.gui.rule_texts import cost_word, model_word, setting_symbol


def penalty_on(spec: RunSpec) -> bool:
    """True when the spec adds a penalty term that is not identically zero (λ > 0)."""
    return spec.penalty != "none" and spec.lam > 0


def penalty_formula(spec: RunSpec) -> str:
    """The penalty term as the note writes it: ``λ·b1²`` (L2) or ``λ·|b1|`` (L1)."""
    return "λ·b1²" if spec.penalty == "l2" else "λ·|b1|"


def run_label(spec: RunSpec) -> str:
    """A short legend label for a run: its learning rate and, if any, its penalty."""
    label = f"η = {spec.learning_rate:g}"
    if optimizer_label(spec):  # adam, momentum μ = 0.9, a schedule, mini-batches
        label = f"{optimizer_label(spec)}, {label}"
    if penalty_on(spec):
        label += f", {spec.penalty.upper()} λ = {spec.lam:g}"
    return label


def cost_identity(spec: RunSpec) -> tuple[Any, ...]:
    """What makes a cost surface: the model, the cost and the value of every setting the
    cost has (Huber's δ), from the cost's entry."""
    settings = tuple((s.name, float(getattr(spec, s.name)))
                     for s in cost_rule(spec.cost).settings)
    return (spec.model, spec.cost, settings)


def objective_identity(spec: RunSpec) -> tuple[Any, ...]:
    """What makes an objective: its cost surface and the penalty with its λ (none when
    λ = 0)."""
    pen = (spec.penalty, spec.lam) if penalty_on(spec) else ("none", 0.0)
    return (*cost_identity(spec), pen)


def same_cost_surface(a: RunSpec, b: RunSpec) -> bool:
    """Whether two specs' cost plots share their axes: same samples, model, cost and cost
    settings (the penalty may differ; the cost plot then draws the other run's objective
    curve too)."""
    return cost_identity(a) == cost_identity(b) and a.data.same_samples(b.data)


def difference_label(other: RunSpec, spec: RunSpec) -> str:
    """A pinned run named by what sets it apart from ``spec`` (the run on screen), e.g.
    ``"η = 0.1"`` or ``"MAE, η = 0.01"``; η is always named."""
    parts = []
    if other.cost != spec.cost:
        parts.append(cost_word(other.cost))
    elif cost_identity(other) != cost_identity(spec):  # the same cost, another setting
        parts += [f"{setting_symbol(s)} = {getattr(other, s.name):g}"
                  for s in cost_rule(other.cost).settings
                  if getattr(other, s.name) != getattr(spec, s.name)]
    if other.model != spec.model:
        parts.append(model_word(other.model))
    if not other.data.same_samples(spec.data):
        parts.append(tr("data {name}").format(name=shown_name(other.data.name)))
    pen_other = (other.penalty, other.lam) if penalty_on(other) else ("none", 0.0)
    pen_this = (spec.penalty, spec.lam) if penalty_on(spec) else ("none", 0.0)
    if pen_other != pen_this:
        parts.append(tr("no penalty") if pen_other[0] == "none"
                     else f"{other.penalty.upper()} λ = {other.lam:g}")
    if other.penalty == "l1" and spec.penalty == "l1" and other.l1_method != spec.l1_method:
        parts.append({"proximal": tr("proximal"), "subgradient": tr("subgradient")}.get(
            other.l1_method, other.l1_method))
    if optimizer_label(other) != optimizer_label(spec):
        parts.append(optimizer_label(other) or optimizer_word("gd"))
    parts.append(f"η = {other.learning_rate:g}")
    if other.resolved_start() != spec.resolved_start() and other.model == spec.model:
        parts.append(tr("from {start}").format(
            start=", ".join(f"{v:g}" for v in other.resolved_start())))
    if other.max_iterations != spec.max_iterations:
        parts.append(tr("max {n:,} updates").format(n=other.max_iterations))
    if other.tolerance != spec.tolerance:
        parts.append(tr("tolerance {t:g}").format(t=other.tolerance))
    return ", ".join(parts)


def same_objective(a: RunSpec, b: RunSpec) -> bool:
    """Whether two specs minimise the same function (same samples, model, cost, cost
    settings, penalty and λ)."""
    return objective_identity(a) == objective_identity(b) and a.data.same_samples(b.data)
