"""The status line's warning in fewer words, its advice first, for a label of two lines.

On a projector (classroom mode at 1024×768 or 1280×800) the red warning under the status
line keeps to two lines (:data:`gdapp.gui.classroom.STATUS_LINES`: more would take the grid's
rows, the path dock's and the cost slice's room). The whole warning of a run that never
settles — "The iterates hop between b1 = 4.82782 and 4.87384 for ever: each step stays
0.046 long, above the tolerance 1e-09. Try a smaller η or a tolerance above 0.046." — took
four lines there, and the class read "each step stays 0.0…": never the advice. Where the
whole warning does not fit, the window shows :func:`brief_warning` instead (the whole one is
its tooltip): what to try first, then why ("Try a smaller η or a tolerance above 0.046: b1
hops between 4.828 and 4.874 for ever."). :func:`warning_choices` gives the label both, the
whole one first.

:func:`brief_warning` says the same warning :func:`gdapp.gui.status_text.status_texts` gives,
chosen in the same order: η at or past the stability limit, else (once the run's end shows) a
local minimum, a run stopped short by its tolerance, or one that never settles.
"""

from __future__ import annotations

import math

from gdapp.core import Run, stability_is_bound
from gdapp.gui.i18n import tr
from gdapp.gui.run_hints import never_settles_brief


def brief_warning(run: Run, k: int, *, stepping: bool) -> str:
    """The warning of iterate ``k`` of ``run`` in fewer words, its advice first ("" when the
    status line gives none)."""
    spec = run.spec
    limit, eta = run.stability_limit, spec.learning_rate
    if limit is not None and not stability_is_bound(spec.model, spec.cost):
        if math.isclose(eta, limit, rel_tol=1e-9):
            return tr("η = {eta} is the stability limit: the iterates bounce back and forth "
                      "for ever.").format(eta=f"{eta:g}")
        if eta > limit:
            return tr("Try η below {limit}: at η = {eta} each step overshoots further, the "
                      "descent diverges.").format(limit=f"{limit:.4g}", eta=f"{eta:g}")
    if stepping and k < run.iterations:  # (how the run ends is not given away)
        return ""
    names = spec.param_names
    if run.optimum.params is not None and run.local_minimum is not None:
        return tr("Start elsewhere to reach the lowest valley, {lowest}: stuck at "
                  "{stuck}.").format(
            lowest=", ".join(f"{n}* = {v:.4g}" for n, v in
                             zip(names, run.optimum.params, strict=True)),
            stuck=", ".join(f"{n} = {v:.4g}" for n, v in
                            zip(names, run.local_minimum, strict=True)))
    if run.optimum.params is not None and run.stopped_short is not None:
        return tr("Try a larger η or a smaller tolerance: the run stopped {left} from the "
                  "optimum.").format(left=f"{run.stopped_short:.3g}")
    return never_settles_brief(run)


def warning_choices(whole: str, brief: str) -> tuple[tuple[str, int], ...]:
    """The warning label's choices (:meth:`gdapp.gui.fitted_label.FittedLabel.set_choices`):
    the whole warning where all of it fits, else the brief one, whole too where it fits."""
    if not brief or brief == whole:
        return ((whole, len(whole)),)
    return (whole, len(whole)), (brief, len(brief))
