"""The arithmetic of one update, written out with its numbers as the note writes it.

For iterate k of a run, :func:`describe_step` gives the lines a student can read aloud:

* the slope of the cost at b_k, for the note's case with its formula evaluated
  (``∂E/∂b1 = 5·b1 − 14 = 5 × 15 − 14 = 61``): for MSE through the origin
  ∂E/∂b1 = 2·mean(x²)·b1 − 2·mean(x·y);
* with an L2 penalty its part 2λ·b1, with L1 (subgradient) λ·sign(b1), and their sum;
* the update itself, ``b1 ← 15 − 0.01 × 61 = 14.39``; with L1's proximal step its two stages,
  ``z = b1 − η·∂E/∂b1`` and the shrink toward 0, ``b1 ← sign(z)·max(|z| − η·λ, 0)``.

The new value shown is the run's own next iterate when the run has one (so the line agrees
with the grid to the last digit), else the update computed from the same numbers. At the end
of a run it is the last update the run made, k − 1 → k (the note's diverging update excepted:
its would-be value shows why the run stops).

Several parameters' blocks are kept apart by a blank line (:func:`separate_blocks`) when there
are more than two parameters or a block runs longer than its slope and its update (a
penalty's part, an optimizer's state): five features' Adam steps ran together otherwise.
"""

from __future__ import annotations

import math

import numpy as np

from gdapp.core import Objective, Run
from gdapp.core.costs import cost_rule
from gdapp.core.models import model_rule
from gdapp.gui.cost_step import gradient_formula
from gdapp.gui.gradient_check_view import check_lines
from gdapp.gui.i18n import tr
from gdapp.gui.rule_steps import rule_lines
from gdapp.gui.step_numbers import MINUS
from gdapp.gui.step_numbers import num as number
from gdapp.gui.step_numbers import opd as operand


def _coefficient(v: float) -> str:
    return f"{v:.6g}"


def slope_formula(run: Run, k: int, g_cost: float, name: str) -> str:
    """The cost's slope at iterate k, with its formula and numbers (evaluated as a
    polynomial in the note's case: a squared cost without a root, ŷ = b1·x, one feature);
    every other cost and model from their entries (:mod:`gdapp.gui.cost_step`)."""
    spec = run.spec
    b = run.params[k]
    rule, m = cost_rule(spec.cost), model_rule(spec.model)
    if rule.squared and not rule.outer and m.linear and m.link == "identity" \
            and not m.intercept and spec.data.p == 1:
        x, y = spec.data.x, spec.data.y
        a = 2.0 * float(np.mean(x * x))
        c = 2.0 * float(np.mean(x * y))
        sign = MINUS if c >= 0 else "+"
        return (f"∂E/∂b1 = {_coefficient(a)}·b1 {sign} {_coefficient(abs(c))} = "
                f"{_coefficient(a)} × {operand(float(b[0]))} {sign} {_coefficient(abs(c))}"
                f" = {number(g_cost)}")
    return gradient_formula(run, k, g_cost, name)


def describe_step(run: Run, k: int, objective: Objective) -> list[str]:
    """The lines of the update from iterate ``k`` to ``k + 1`` of ``run`` (see the module
    docstring); ``objective`` is the run's (for the cost's own slope)."""
    spec = run.spec
    names = spec.param_names
    k = max(0, min(int(k), run.iterations))
    # at the end of a run: the last update it made, with its numbers (a rule's update that
    # would follow has no state to write out: it was "b0 ← b0 − η_t·d"); the note's update
    # that overflows stays, it shows why the run diverged
    last = 0 < k == run.iterations and not (run.status == "diverged" and spec.plain_descent)
    if last:
        k -= 1
    b = run.params[k]
    g_cost = objective.cost_gradient(run.params[k : k + 1])[0]
    eta = spec.learning_rate
    lam = spec.lam if spec.penalty != "none" else 0.0
    has_next = k < run.iterations
    lines = [(tr("Last update k = {k} → {k1}:") if last else
              tr("Update k = {k} → {k1}:")).format(k=k, k1=k + 1)]
    checks = check_lines(run, k, objective)   # Run ▸ Check the gradient
    starts = []  # where each parameter's block begins
    for j, name in enumerate(names):
        starts.append(len(lines))
        bj, gc = float(b[j]), float(g_cost[j])
        lines.append("  " + slope_formula(run, k, gc, name))
        slope = gc
        penalised = name != "b0" and lam > 0  # every slope, never the intercept
        if penalised and spec.penalty == "l2":
            part = 2.0 * lam * bj
            lines.append("  " + tr("penalty part 2λ·{name} = 2 × {lam} × {b} = {p}").format(
                name=name, lam=number(lam), b=operand(bj), p=number(part)))
            slope = gc + part
            lines.append("  " + tr("slope of the objective = {g} + {p} = {s}").format(
                g=number(gc), p=operand(part), s=number(slope)))
        elif penalised and spec.penalty == "l1" and run.l1_rule == "subgradient":
            part = lam * (1.0 if bj > 0 else -1.0 if bj < 0 else 0.0)
            lines.append("  " + tr("penalty part λ·sign({name}) = {lam} × {s} = {p}").format(
                name=name, lam=number(lam), s=operand(part / lam), p=number(part)))
            slope = gc + part
            lines.append("  " + tr("slope of the objective = {g} + {p} = {s}").format(
                g=number(gc), p=operand(part), s=number(slope)))
        if checks:
            lines.append("  " + checks[j])
        if penalised and spec.penalty == "l1" and run.l1_rule == "proximal":
            # the grid's ∂/∂bj is the objective's (sub)gradient: say how it follows from the
            # cost's, which this step takes (a class saw 50.16 here and 65.16 in the grid)
            part = lam * (1.0 if bj > 0 else -1.0 if bj < 0 else 0.0)
            lines.append("  " + tr("the grid's ∂/∂{name} = {g} + λ·sign({name}) = {s}: the "
                                   "objective's slope; this step takes the cost's, then "
                                   "shrinks").format(
                name=name, g=number(gc), s=number(float(run.gradient[k, j])
                                                 if k < run.gradient.shape[0] else gc + part)))
            z = bj - eta * gc
            lines.append("  " + tr("step on the cost: z = {name} − η·∂E/∂{name} = {b} − "
                                   "{eta} × {g} = {z}").format(
                name=name, b=number(bj), eta=number(eta), g=operand(gc), z=number(z)))
            shrunk = math.copysign(max(abs(z) - eta * lam, 0.0), z)
            new = float(run.params[k + 1, j]) if has_next else shrunk
            lines.append("  " + tr("shrink toward 0 by η·λ = {s}: {name} ← sign(z)·max(|z| "
                                   "− {s}, 0) = {new}").format(
                s=number(eta * lam), name=name, new=number(new)))
            continue
        worked = rule_lines(run, k, j)  # a batch, η_k, an optimizer's state and direction
        if worked is not None:
            lines += ["  " + line for line in worked]
            continue
        new = float(run.params[k + 1, j]) if has_next else bj - eta * slope
        lines.append("  " + f"{name} ← {number(bj)} {MINUS} {number(eta)} × {operand(slope)}"
                     f" = {number(new)}")
    lines = separate_blocks(lines, starts)
    if last:
        lines.append("  " + (tr("(the run diverged at k = {k}: no update follows, the next "
                                "value is too large to hold)") if run.status == "diverged"
                             else tr("(the run stopped at k = {k}: this was its last update, "
                                     "no update follows)")).format(k=k + 1))
    elif not has_next:
        if run.status == "diverged":
            lines.append("  " + tr("(the run stops here: the next value is too large to "
                                   "hold)"))
        else:
            lines.append("  " + tr("(the run stopped at k = {k}; this is the update that "
                                   "would follow)").format(k=k))
    return lines


def separate_blocks(lines: list[str], starts: list[int]) -> list[str]:
    """``lines`` with an empty line before every parameter's block but the first (the
    blocks begin at ``starts``), when there are more than two blocks or one of them is
    longer than two lines; else as they are (the note's steps keep their few lines)."""
    ends = [*starts[1:], len(lines)]
    longest = max((end - start for start, end in zip(starts, ends, strict=True)), default=0)
    if len(starts) <= 2 and longest <= 2:
        return lines
    out = lines[: starts[0]] if starts else list(lines)
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if i:
            out.append("")
        out += lines[start:end]
    return out
