"""The status line under the toolbar: how a run ended, where its optimum is, and the warning
or hint beside it (η at or past the stability limit, a run stopped short or never settling).
"""

from __future__ import annotations

import math

from gdapp.core import Run, stability_is_bound
from gdapp.gui.core_messages import translated
from gdapp.gui.i18n import tr
from gdapp.gui.run_hints import never_settles_hint
from gdapp.gui.spec_texts import method_word
from gdapp.report import _on_original


def _g(v: float) -> str:
    return f"{v:.10g}"


def describe_status(run: Run, k: int, *, stepping: bool = False) -> tuple[str, str]:
    """The status line for iterate ``k`` of ``run``: (information, warning or "").

    The information says how the run ended, where the exact optimum is and how far
    iterate k is from it; the warning appears when η is at or past the stability limit
    2/E'' (the note's η = 0.4 lesson). While ``stepping`` short of the run's end, how the run
    ends is not given away (nor the hint about a run that never settles).
    """
    spec = run.spec
    names = spec.param_names
    hide_ending = stepping and k < run.iterations
    if hide_ending:
        ending = tr("stepping: k = {k} (End shows how the run ends)").format(k=k)
    elif run.status == "converged":
        ending = tr("converged at k = {k}").format(k=run.converged_at)
    elif run.status == "diverged":
        ending = tr("diverged at k = {k}").format(k=run.diverged_at)
    else:
        ending = tr("stopped at max iterations ({n}) without converging").format(
            n=f"{spec.max_iterations:,}")
    parts = [ending]
    if run.accuracy is not None:  # a classifier: how many samples iterate k gets right
        right = round(float(run.accuracy[k]) * spec.data.n)
        parts.append(tr("accuracy at k = {k}: {share} ({right} of {n} samples)").format(
            k=k, share=f"{float(run.accuracy[k]):.1%}", right=right, n=spec.data.n))
    opt = run.optimum
    warning = ""
    if opt.params is not None:
        where = ", ".join(f"{n}* = {_g(v)}" for n, v in zip(names, opt.params, strict=True))
        value = tr(", objective {value}").format(value=_g(opt.objective)) \
            if opt.objective is not None else ""
        distance = math.dist(run.params[k], opt.params)
        optimum = tr("exact optimum {where}{value} ({method}); distance from k = {k}: "
                     "{distance}") if not opt.local_minima else \
            tr("lowest valley {where}{value} ({method}); distance from k = {k}: {distance}")
        parts.append(optimum.format(where=where, value=value, method=method_word(opt.method),
                                    k=k, distance=f"{distance:.3g}"))
        warning = "" if hide_ending else (_local_minimum_warning(run) or _stalled_warning(run))
    if spec.data.scaling is not None:  # standardized: k's coefficients in the original units
        on = zip(("b0", *names[-spec.data.p:]), _on_original(spec, run.params[k].tolist()),
                 strict=True)
        parts.append(tr("on the original scale of the features: k = {k}: {where}").format(
            k=k, where=", ".join(f"{n} = {_g(v)}" for n, v in on)))
    if opt.note:
        parts.append(translated(opt.note))
    limit = run.stability_limit
    eta = spec.learning_rate
    if limit is not None and stability_is_bound(spec.model, spec.cost):
        # a safe bound from the Hessian's bound (cross-entropy, Huber), not the exact limit
        parts.append(tr("safe for η < {limit} (a bound: a larger η may still settle)").format(
            limit=f"{limit:.6g}"))
    elif limit is not None:
        parts.append(tr("stable for η < (2 + 2μ)/E'' = {limit}").format(limit=f"{limit:.6g}")
                     if spec.optimizer == "momentum"
                     else tr("stable for η < 2/E'' = {limit}").format(limit=f"{limit:.6g}"))
        if math.isclose(eta, limit, rel_tol=1e-9):
            warning = tr("η = {eta} sits on the stability limit {limit}: the iterates bounce "
                         "back and forth for ever").format(eta=f"{eta:g}", limit=f"{limit:.6g}")
        elif eta > limit:
            warning = tr("η = {eta} ≥ the stability limit {limit}: each step overshoots "
                         "further, the descent diverges").format(eta=f"{eta:g}",
                                                                 limit=f"{limit:.6g}")
    return " · ".join(parts), warning or ("" if hide_ending else never_settles_hint(run))


def _local_minimum_warning(run: Run) -> str:
    """What the CLI says of a run that settled in a valley that is not the lowest."""
    stuck = run.local_minimum
    if stuck is None or run.optimum.params is None:
        return ""
    names = run.spec.param_names
    return tr("stuck in a local minimum at {stuck}: the lowest valley is at {lowest} (start "
              "elsewhere to reach it)").format(
        stuck=", ".join(f"{n} = {v:.4g}" for n, v in zip(names, stuck, strict=True)),
        lowest=", ".join(f"{n}* = {v:.4g}" for n, v in
                         zip(names, run.optimum.params, strict=True)))


def _stalled_warning(run: Run) -> str:
    """A warning when the stopping rule ended a run far from the exact optimum."""
    left = run.stopped_short
    if left is None:
        return ""
    return tr("converged only by the stopping rule: every step was below the tolerance "
              "{tol}, yet the last iterate is still {left} from the optimum (η = {eta} is too "
              "small, or the tolerance too large)").format(
                  tol=f"{run.spec.tolerance:g}", left=f"{left:.3g}",
                  eta=f"{run.spec.learning_rate:g}")
