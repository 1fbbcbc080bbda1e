"""What a run and a regularization path say: to scripts (JSON) and to people (a few lines).

The JSON keys are the command line's contract (README): ``run --json`` and ``path --json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from gdapp.core import (
    COST_RULES,
    MODEL_RULES,
    Objective,
    Run,
    RunSpec,
    spec_fields,
    stability_is_bound,
)
from gdapp.core.batches import PATIENCE
from gdapp.core.gradient_check import gradient_check
from gdapp.core.path import RegularizationPath, ValidationCurve


def _fmt(v: float) -> str:
    return f"{v:.10g}"


def run_to_dict(r: Run) -> dict[str, Any]:
    """The JSON object ``gdapp run --json`` prints (keys are part of the CLI contract)."""
    names = r.spec.param_names
    opt = r.optimum
    history: dict[str, Any] = {n: r.params[:, i].tolist() for i, n in enumerate(names)}
    history["gradient"] = r.gradient.tolist()  # one list per iterate, in the order of names
    history["cost"] = r.cost.tolist()
    history["penalty"] = r.penalty.tolist()
    history["objective"] = r.objective.tolist()
    history["step"] = {n: r.step[:, i].tolist() for i, n in enumerate(names)}
    history["lr"] = [None, *r.lr[1:].tolist()]  # η_t of the update that made row t
    if r.batches is not None:  # the sample indices each update used (0-based)
        history["batch"] = [None, *(r.batch(t).tolist() for t in range(1, r.iterations + 1))]
        assert r.batch_gradient is not None  # and the gradient of that batch that moved b
        history["batch_gradient"] = [None, *r.batch_gradient[1:].tolist()]
    if r.accuracy is not None:  # a classifier: the share of samples with (p ≥ 0.5) = y
        history["accuracy"] = r.accuracy.tolist()
    if r.test_objective is not None:  # the cost on the held-out samples, no penalty
        history["test_objective"] = r.test_objective.tolist()
    if r.state:  # the optimizer's state after each update, one list per iterate
        history["state"] = {name: values.tolist() for name, values in r.state.items()}
    settings = r.spec.settings()
    if r.spec.data.scaling is not None:
        settings["standardize"] = True
    return {
        "status": r.status,
        "iterations": r.iterations,
        "converged_at": r.converged_at,
        "diverged_at": r.diverged_at,
        "params": dict(zip(names, r.final, strict=True)),
        "objective": float(r.objective[-1]),
        "optimum": None if opt.params is None else dict(zip(names, opt.params, strict=True)),
        "optimum_objective": opt.objective,
        "optimum_method": opt.method,
        "optimum_note": opt.note,
        "optimum_gap": opt.gap,  # the KKT gap (lasso) or gradient (Newton), relative
        **({} if r.spec.holdout is None else {"optimum_test_objective": _optimum_test_cost(r)}),
        # every valley found; a convex cost's one minimum is the optimum
        "local_minima": [dict(zip(names, m, strict=True)) for m in opt.local_minima]
        or ([] if opt.params is None else [dict(zip(names, opt.params, strict=True))]),
        "stability_limit": r.stability_limit,
        # True where the limit is a safe bound (H ≼ κ_max·XᵀX/n), not the exact one
        "stability_is_bound": (r.stability_limit is not None
                               and stability_is_bound(r.spec.model, r.spec.cost)),
        **({} if r.accuracy is None else {"accuracy": float(r.accuracy[-1])}),
        "settings": settings,
        **_split(r.spec),
        "features": list(r.spec.data.feature_names),
        **_original_scale(r.spec, {"params": r.final, "optimum": opt.params}),
        "data": {"name": r.spec.data.name, "n": r.spec.data.n,
                 "x_name": r.spec.data.x_name, "y_name": r.spec.data.y_name},
        "history": history,
        **_gradient_check(r),
    }


def _gradient_check(r: Run) -> dict[str, Any]:
    """``gradient_check`` (the central difference beside the gradient) when it was asked."""
    if r.spec.check_h is None:
        return {}
    return {"gradient_check": gradient_check(r).to_dict()}


def _optimum_test_cost(r: Run) -> float | None:
    """The cost (no penalty) of the exact optimum on the held-out samples, or None."""
    held, opt = r.spec.holdout, r.optimum.params
    if held is None or opt is None:
        return None
    return float(Objective(held.data, model=r.spec.model, cost=r.spec.cost,
                           settings=r.spec.cost_settings()).cost(np.array([opt]))[0])


def _split(spec: RunSpec) -> dict[str, Any]:
    """``{"split": {"train": [...], "test": [...]}}`` (0-based rows of the data) with
    held-out samples, else {}."""
    held = spec.holdout
    if held is None:
        return {}
    return {"split": {"train": list(held.train_rows), "test": list(held.test_rows)}}


def _original_scale(spec: RunSpec, values: dict[str, Any]) -> dict[str, Any]:
    """``{"original_scale": {key: {name: value}}}`` for standardized features, else {}."""
    scaling = spec.data.scaling
    if scaling is None:
        return {}
    names = ("b0", *spec.param_names[-spec.data.p:])
    out: dict[str, Any] = {}
    for key, params in values.items():
        out[key] = None if params is None else dict(
            zip(names, _on_original(spec, params), strict=True))
    return {"original_scale": out}


def _on_original(spec: RunSpec, params: Sequence[float]) -> tuple[float, ...]:
    """Parameters on the z scale → original scale; with b0 (origin: b0 = 0 is implied)."""
    assert spec.data.scaling is not None
    original = spec.data.scaling.original(params, spec.model)
    return original if MODEL_RULES[spec.model].intercept else (0.0, *original)


#: Settings sheet / JSON name → RunSpec field of the optimizer and schedule settings.
_OPTIMIZER_KEYS = {str(f.metadata["name"]): name for name, f in spec_fields().items()
                   if f.metadata.get("flag")}


def _groups(s: RunSpec) -> dict[str, list[str]]:
    """The optimizer, schedule and mini-batch settings that apply, by kind."""
    out: dict[str, list[str]] = {}
    for key, value in s.settings().items():
        name = _OPTIMIZER_KEYS.get(key)
        if name is None or not s.applies(name):
            continue
        meta = spec_fields()[name].metadata
        if meta.get("cost_setting"):
            continue  # said beside the cost
        kind = "mini-batches" if meta.get("batch") else "schedule" if (
            meta.get("schedule") or name == "schedule") else "optimizer"
        out.setdefault(kind, []).append(f"{key} = {value}")
    return out


def run_summary(r: Run) -> str:
    """A few lines for a person: what happened, where it ended, where the optimum is."""
    s = r.spec
    names = s.param_names
    pen = "" if s.penalty == "none" else f", {s.penalty.upper()} λ = {_fmt(s.lam)}"
    start = ", ".join(f"{n} = {_fmt(v)}" for n, v in
                      zip(names, s.resolved_start(), strict=True))
    cost_rule = COST_RULES[s.cost]
    cost = cost_rule.short + "".join(f" {c.label.split()[0]} = {_fmt(getattr(s, c.name))}"
                                     for c in cost_rule.settings)
    lines = [f"{s.model} model, {cost}{pen}, η = {_fmt(s.learning_rate)}, "
             f"start {start} on {s.data.name} (n = {s.data.n})"]
    for kind, group in _groups(s).items():
        lines.append(f"{kind}: " + ", ".join(group)
                     + (f"; L1 by the {r.l1_rule} step" if kind == "optimizer" and r.l1_rule
                        else ""))
    if s.data.p > 1:
        lines.append("features: " + ", ".join(
            f"b{j} = {name}" for j, name in enumerate(s.data.feature_names, start=1)))
    if r.status == "converged":
        updates = "update" if r.converged_at == 1 else "updates"
        rule = (f"the objective over all samples stopped improving for {PATIENCE} epochs"
                if s.minibatch else f"|Δb| ≤ {s.tolerance:g}")
        lines.append(f"converged after {r.converged_at} {updates} ({rule})")
        if r.local_minimum is not None:
            lines.append("  ← in a local minimum at " + ", ".join(
                f"{n} = {_fmt(v)}" for n, v in zip(names, r.local_minimum, strict=True))
                + ", not the lowest valley")
        if r.stopped_short is not None and s.minibatch:
            lines.append(f"  ← still {_fmt(r.stopped_short)} from the optimum: at a constant η "
                         "each batch pulls elsewhere, so the run hovers around it (lower η, or "
                         "a decaying --schedule)")
        elif r.stopped_short is not None:
            lines.append(f"  ← only by the stopping rule: still {_fmt(r.stopped_short)} from "
                         "the optimum (η too small, or the tolerance too large)")
    elif r.status == "diverged":
        cause = "η is too large"
        if s.schedule in ("step", "exponential") and s.resolved_gamma > 1:
            cause = f"γ = {s.resolved_gamma:g} > 1 makes η_k grow"
        lines.append(f"diverged at update {r.diverged_at}: {cause} "
                     f"(rows kept up to {r.iterations})")
    else:
        lines.append(f"stopped at the maximum of {r.iterations} updates without converging")
    accuracy = "" if r.accuracy is None else f", accuracy = {_fmt(float(r.accuracy[-1]))}"
    if r.test_objective is not None and s.holdout is not None:
        accuracy += (f", test cost = {_fmt(float(r.test_objective[-1]))} on the "
                     f"{s.holdout.data.n} held-out samples")
    lines.append("final: " + ", ".join(f"{n} = {_fmt(v)}" for n, v in
                                       zip(names, r.final, strict=True))
                 + f", objective = {_fmt(float(r.objective[-1]))}{accuracy}")
    opt = r.optimum
    if opt.params is not None:
        what = "global minimum" if opt.local_minima else "exact optimum"
        test = _optimum_test_cost(r)
        lines.append(f"{what} (" + opt.method + "): " + ", ".join(
            f"{n} = {_fmt(v)}" for n, v in zip(names, opt.params, strict=True))
            + f", objective = {_fmt(opt.objective or 0.0)}"
            + ("" if test is None else f", test cost = {_fmt(test)}"))
    else:
        lines.append(f"exact optimum: {opt.note}")
    if opt.local_minima:
        lines.append(f"  {opt.note}")
        lines.append("  local minima: " + "; ".join(
            ", ".join(f"{n} = {_fmt(v)}" for n, v in zip(names, m, strict=True))
            for m in opt.local_minima))
    if s.data.scaling is not None:
        names = ("b0", *s.param_names[-s.data.p:])
        lines.append("on the original scale of the features: final " + ", ".join(
            f"{n} = {_fmt(v)}" for n, v in zip(names, _on_original(s, r.final), strict=True)))
    if r.stability_limit is not None:
        bound = stability_is_bound(s.model, s.cost)
        beyond = s.learning_rate >= r.stability_limit
        warn = "" if not beyond else "  ← η is beyond this safe bound" if bound else \
            "  ← η is beyond it: the run cannot settle"
        if bound:
            kappa = _fmt(COST_RULES[s.cost].curvature_bound or 0.0)
            lines.append(f"safe for η < {_fmt(r.stability_limit)} (a bound, from the Hessian's "
                         f"H ≼ {kappa}·XᵀX/n; larger η may still settle){warn}")
        else:
            lines.append(f"stable for η < {_fmt(r.stability_limit)}{warn}")
    if s.check_h is not None:
        lines.append(gradient_check(r).summary())
    return "\n".join(lines)


def path_to_dict(path: RegularizationPath, spec: RunSpec | None = None,
                 curve: ValidationCurve | None = None) -> dict[str, Any]:
    """The JSON object ``gdapp path --json`` prints (keys are part of the CLI contract)."""
    extra: dict[str, Any] = {}
    if curve is not None and spec is not None:  # the validation curve over λ
        extra["train_cost"] = curve.train_cost.tolist()
        extra["test_cost"] = curve.test_cost.tolist()
        extra["best_lambda"] = curve.best_lambda
        extra.update(_split(spec))
    if spec is not None and spec.data.scaling is not None:
        names = ("b0", *spec.param_names[-spec.data.p:])
        rows = [_on_original(spec, row.tolist()) for row in path.params]
        extra["original_scale"] = {"params": {
            n: [r[i] for r in rows] for i, n in enumerate(names)}}
    return {
        "penalty": path.penalty,
        "lambdas": path.lambdas.tolist(),
        "params": {n: path.params[:, i].tolist() for i, n in enumerate(path.param_names)},
        "features": list(path.features),
        "lambda_max": path.lambda_max,
        "unique": path.unique.tolist(),
        "zero_from": path.zero_from(),
        **extra,
    }


def path_summary(path: RegularizationPath, spec: RunSpec,
                 curve: ValidationCurve | None = None) -> str:
    """The path as a table for a person, with where each feature leaves the model (and with
    held-out samples, the training and test cost of each λ and the best λ)."""
    d = spec.data
    top = "λ_max" if path.penalty == "l1" else "the grid from L1's λ_max"
    lines = [f"{path.penalty.upper()} path, {spec.model} model, MSE on {d.name} (n = {d.n}): "
             f"{path.lambdas.size} values of λ; {top} = {_fmt(path.lambda_max)}"]
    if d.p > 1 or d.feature_names != ("x",):
        lines.append("features: " + ", ".join(
            f"b{j} = {name}" for j, name in enumerate(d.feature_names, start=1)))
    width = 13
    costs = ("train cost", "test cost") if curve is not None else ()
    lines.append("".join(c.rjust(width) for c in ("λ", *path.param_names, *costs)))
    for i, (lam, row, unique) in enumerate(zip(path.lambdas, path.params, path.unique,
                                               strict=True)):
        cells = [f"{lam:.6g}", *("0" if v == 0 else f"{v:.6g}" for v in row)]  # ≤ 12 chars
        if curve is not None:
            cells += [f"{curve.train_cost[i]:.6g}", f"{curve.test_cost[i]:.6g}"]
        lines.append("".join(c.rjust(width) for c in cells) + ("" if unique else
                                                               "  (one of many optima)"))
    if curve is not None and spec.holdout is not None:
        lines.append(f"best λ = {_fmt(curve.best_lambda)}: the lowest test cost, "
                     f"{_fmt(float(curve.test_cost[curve.best_index]))}, on the "
                     f"{spec.holdout.data.n} held-out samples (MSE, without the penalty)")
    if path.penalty == "l1":
        for j, (name, lam) in enumerate(zip(d.feature_names, path.zero_from(), strict=True),
                                        start=1):
            where = "non-zero at every λ of the path" if lam is None else \
                f"exactly 0 from λ = {_fmt(lam)} up"
            lines.append(f"b{j} ({name}): {where}")
    return "\n".join(lines)
