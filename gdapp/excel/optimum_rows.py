"""The Summary rows of an optimum found step by step, and of a stability bound.

An optimum without a closed form that Newton's method found (the Huber cost, the
cross-entropy of logistic regression; :mod:`gdapp.core.newton`) is written as the values
gdapp computed at export, beside live formulas that prove it: the objective there, and the
gradient of the objective at those values, which the spreadsheet recomputes ≈ 0 (with L1:
≈ 0 where a slope is not 0, within ±λ where it is — the optimum's KKT conditions).

A smooth cost whose curvature is at most κ (Huber 1, cross-entropy 1/4) has a safe learning
rate from the bound H ≼ κ·XᵀX/n (:func:`gdapp.core.stability_is_bound`): the row says it is a
bound, not the exact limit. Where no limit applies, :func:`unstable_why` says why.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from gdapp.core import MODEL_RULES, Objective, Run, RunSpec
from gdapp.core.costs import cost_rule
from gdapp.excel import formulas as fx
from gdapp.excel import sample_sums as sums
from gdapp.excel.summary_row import AT_EXPORT, SummaryRow
from gdapp.excel.term_sizes import term_sizes

ObjectiveAt = Callable[[Run, str, list[str]], SummaryRow]


def iterative_rows(run: Run, why: str, first_row: int, objective_at: ObjectiveAt
                   ) -> list[SummaryRow]:
    """The optimum's values (first on Summary row ``first_row + 1``), the objective there
    and the gradient there, both live (see the module docstring)."""
    spec, opt = run.spec, run.optimum
    assert opt.params is not None
    names = spec.param_names
    out = [SummaryRow("Exact optimum", f"no closed form for {why} ({opt.method}); the values "
                      f"below were {AT_EXPORT}", AT_EXPORT)]
    refs = []
    for name, v in zip(names, opt.params, strict=True):
        refs.append(f"B{first_row + len(out)}")
        out.append(SummaryRow(f"Optimum {name} ({AT_EXPORT})", float(v), opt.note or opt.method))
    intercept = MODEL_RULES[spec.model].intercept
    b0, slopes = (refs[0], refs[1:]) if intercept else ("", refs)
    out.append(objective_at(run, b0, slopes))
    params = np.array([opt.params], dtype=np.float64)
    objective = Objective.of(spec)
    gradient = objective.gradient(params)[0]
    terms = term_sizes(spec, params, objective.cost(params))
    samples = fx.Samples.of(spec.data.p)
    cost_cell = "(" + sums.cost(spec.cost, spec.model, b0, slopes, samples) + ")"
    how = ("≈ 0 where the parameter is not 0, within ±λ where it is 0: the optimum's "
           "conditions, recomputed live" if spec.penalty == "l1" else
           "≈ 0: recomputed live, it proves the values above are the optimum")
    for j, name in enumerate(names):
        g = sums.cost_gradient(spec.cost, spec.model, b0, slopes, samples, cost_cell,
                               j + (0 if intercept else 1))
        if name != "b0":
            g += fx.penalty_gradient(spec.penalty, refs[j])
        out.append(SummaryRow(f"Gradient ∂(E+P)/∂{name} at the optimum", "=" + g, how,
                              float(gradient[j]), formula=True, terms=float(terms[name][0])))
    return out


def stability_bound_rows(run: Run) -> list[SummaryRow]:
    """The safe learning rate of a cost whose curvature is bounded (a value, computed at
    export)."""
    spec = run.spec
    assert run.stability_limit is not None
    rule = cost_rule(spec.cost)
    momentum = spec.optimizer == "momentum"
    label = ("Safe bound (2 + 2μ)/L (L: the largest eigenvalue of κ·XᵀX/n): η below it is "
             "stable" if momentum else
             "Safe bound 2/L (L: the largest eigenvalue of κ·XᵀX/n): η below it is stable")
    kappa = f"{rule.curvature_bound:g}"
    how = (f"{AT_EXPORT}: a bound, not the exact limit: the Hessian H ≼ κ·XᵀX/n "
           f"(+ 2λ with L2), κ = {kappa} the largest curvature of the {rule.short} cost "
           "(X with a column of ones for b0)")
    return [SummaryRow(label, float(run.stability_limit), how)]


def unstable_why(spec: RunSpec) -> str:
    """Why no single stability limit of η applies to this run."""
    rule, model = cost_rule(spec.cost), MODEL_RULES[spec.model]
    if model.exact == "dense search":
        return f"the {spec.model} model's curvature changes with b1: no single limit applies"
    if rule.curvature_bound is None or rule.outer:
        return ("it is defined for MSE only (the step of MAE and RMSE is not a fixed "
                "multiple of the distance to the optimum)")
    if not rule.on_raw and model.link != "identity":
        return (f"{rule.short} on the {spec.model} model is not convex (σ flattens it): its "
                "curvature has no useful bound")
    if spec.minibatch:
        return ("each update takes the gradient of its batch, whose curvature is its own: "
                "no single limit applies")
    if spec.schedule != "constant":
        return f"η changes with the {spec.schedule} schedule: no single limit applies"
    if spec.optimizer != "gd":
        return (f"{spec.optimizer} has no simple limit (it rescales or carries its steps; "
                "only gradient descent and undamped momentum have one)")
    return "the Hessian is 0 here (all x are 0)"
