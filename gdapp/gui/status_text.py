"""The status line under the toolbar: how a run ended, where its optimum is, and the warning
or hint beside it (η at or past the stability limit, a run stopped short or never settling).
"""

from __future__ import annotations

import math

from gdapp.core import Run
from gdapp.gui.i18n import tr
from gdapp.gui.run_hints import never_settles_hint


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
        ending = f"converged at k = {run.converged_at}"
    elif run.status == "diverged":
        ending = f"diverged at k = {run.diverged_at}"
    else:
        ending = f"stopped at max iterations ({spec.max_iterations:,}) without converging"
    parts = [ending]
    opt = run.optimum
    warning = ""
    if opt.params is not None:
        where = ", ".join(f"{n}* = {_g(v)}" for n, v in zip(names, opt.params, strict=True))
        value = f", objective {_g(opt.objective)}" if opt.objective is not None else ""
        distance = math.dist(run.params[k], opt.params)
        parts.append(f"exact optimum {where}{value} ({opt.method}); "
                     f"distance from k = {k}: {distance:.3g}")
        warning = "" if hide_ending else _stalled_warning(run)
    if opt.note:
        parts.append(opt.note)
    limit = run.stability_limit
    eta = spec.learning_rate
    if limit is not None:
        parts.append(f"stable for η < 2/E'' = {limit:.6g}")
        if math.isclose(eta, limit, rel_tol=1e-9):
            warning = (f"η = {eta:g} sits on the stability limit {limit:.6g}: "
                       "the iterates bounce back and forth for ever")
        elif eta > limit:
            warning = (f"η = {eta:g} ≥ the stability limit {limit:.6g}: each step overshoots "
                       "further, the descent diverges")
    return " · ".join(parts), warning or ("" if hide_ending else never_settles_hint(run))


def _stalled_warning(run: Run) -> str:
    """A warning when the stopping rule ended a run far from the exact optimum."""
    left = run.stopped_short
    if left is None:
        return ""
    return (f"converged only by the stopping rule: every step was below the tolerance "
            f"{run.spec.tolerance:g}, yet the last iterate is still {left:.3g} from the "
            f"optimum (η = {run.spec.learning_rate:g} is too small, or the tolerance too large)")
