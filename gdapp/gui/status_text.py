"""The status line under the toolbar: how a run ended, where its optimum is, and the warning
or hint beside it (η at or past the stability limit, a run stopped short or never settling).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from gdapp.core import Run, stability_is_bound
from gdapp.gui.core_messages import translated
from gdapp.gui.i18n import tr
from gdapp.gui.run_hints import never_settles_hint
from gdapp.gui.spec_texts import method_word
from gdapp.gui.test_cost import test_cost_words
from gdapp.gui.warning_briefs import brief_warning, warning_choices
from gdapp.report import _on_original

# Significant digits of the coefficients and objective in the status line; in the line the
# window shows for a run of more parameters than FEW (the tooltip and the grid keep all
# the digits): with ten digits each, six parameters' optimum filled the line and pushed out
# what follows it; and of the coefficients in the original units there, as the lesson
# quotes them ("4.63 points per study hour"), so that six of them fit a projector's two lines.
DIGITS, BRIEF_DIGITS, BRIEF_ORIGINAL_DIGITS, FEW = 10, 4, 3, 2
# The clauses a status line short of room leaves out, one more at each level, the least
# wanted first: the distance from the optimum, the stability limit, the optimum's objective
# and method, a note, the optimum itself. How the run ended and what the lessons quote right
# after it (test cost, original units, accuracy; the optimum when nothing else is between)
# always stay; a line cut inside a number ("b3* = 3…") read as a number.
DROPS = 5


def status_line(run: Run, k: int, *, stepping: bool, after_ending: str = "",
                prefix: str = "") -> tuple[str, str, str]:
    """The window's status line for iterate ``k`` of ``run``: (the whole line, the line
    shown, the warning or ""). The line shown gives fewer digits when there are many
    parameters (:data:`BRIEF_DIGITS`); ``after_ending`` comes
    right after how the run ended (a long optimum would push it out of view), ``prefix``
    before everything."""
    info, _key, warning = _describe(run, k, stepping=stepping, after_ending=after_ending)
    brief = info if len(run.spec.param_names) <= FEW else \
        _describe(run, k, stepping=stepping, digits=BRIEF_DIGITS, after_ending=after_ending)[0]
    return prefix + info, prefix + brief, warning


@dataclass(frozen=True)
class StatusTexts:
    """What the window's status line says of an iterate.

    Attributes
    ----------
    whole : str     the whole line, every digit (the tooltip when the label shows less)
    shown : tuple   the lines the label may show, the most complete first, each with the
                    length of its beginning that must show: first the line and shorter ones
                    of whole clauses (:data:`DROPS`), each shown only whole; last the whole
                    line, cut, for a label too short for any of them, with the beginning that
                    must show (how the run ended and what comes right after it: what the
                    lessons point at)
    warning : str   the warning beside it, or ""
    warning_shown : tuple   the warning's label's choices: the whole warning where it fits,
                    else the same in fewer words, its advice first (a projector's two lines:
                    :mod:`gdapp.gui.warning_briefs`)
    """

    whole: str
    shown: tuple[tuple[str, int], ...]
    warning: str
    warning_shown: tuple[tuple[str, int], ...] = ()


def status_texts(run: Run, k: int, *, stepping: bool, prefix: str = "") -> StatusTexts:
    """The window's status line for iterate ``k`` of ``run`` (see :class:`StatusTexts`),
    with the test cost of a run with held-out samples right after how it ended."""
    k_named = _named(run, k, stepping) == k
    info, _key, warning = _describe(run, k, stepping=stepping,
                                    after_ending=test_cost_words(run, k, k_named=k_named))
    digits = DIGITS if len(run.spec.param_names) <= FEW else BRIEF_DIGITS
    whole, cut = [], []
    for drop in range(DROPS + 1):  # whole clauses, the least wanted gone first
        for short in (False, True):
            text, key, _ = _describe(run, k, stepping=stepping, digits=digits,
                                     short_ending=short, drop=drop,
                                     after_ending=test_cost_words(run, k, k_named=k_named,
                                                                  short=short))
            form = prefix + shown_form(text)
            if (form, len(form)) not in whole:  # (shown only when it fits whole)
                whole.append((form, len(form)))
            if drop == 0 and (form, len(prefix) + key) not in cut:
                cut.append((form, len(prefix) + key))
    brief = brief_warning(run, k, stepping=stepping) if warning else ""
    return StatusTexts(prefix + info, (*whole, *cut), warning, warning_choices(warning, brief))


def shown_form(text: str) -> str:
    """``text`` as the window shows it: with the minus sign of the lessons (−, U+2212)
    before a number, where Python writes a hyphen ("b3* = −1.8"; not in an exponent: "2e-16"
    stays), and an optimum's coefficient kept on one line with its value (no-break spaces
    around its "=": "b4*" at one line's end and "= 0" at the next's start read as two)."""
    return re.sub(r"(?<![\w.])-(?=\d)", "\u2212", text).replace("* = ", "*\u00a0=\u00a0")


def describe_status(run: Run, k: int, *, stepping: bool = False,
                    digits: int = DIGITS) -> tuple[str, str]:
    """The status line for iterate ``k`` of ``run``: (information, warning or "").

    The information says how the run ended, where the exact optimum is and how far
    iterate k is from it; the warning appears when η is at or past the stability limit
    2/E'' (the note's η = 0.4 lesson). While ``stepping`` short of the run's end, how the run
    ends is not given away (nor the hint about a run that never settles). With standardized
    features, iterate k's coefficients in the original units come right after how the run
    ended (what a class reads them for). ``digits``: the coefficients' and objective's
    significant digits.
    """
    text, _key, warning = _describe(run, k, stepping=stepping, digits=digits)
    return text, warning


def _named(run: Run, k: int, stepping: bool) -> int | None:
    """The iterate the status line's ending names ("converged at k = 250")."""
    if stepping and k < run.iterations:
        return k
    return {"converged": run.converged_at, "diverged": run.diverged_at}.get(
        run.status, run.spec.max_iterations)


def _describe(run: Run, k: int, *, stepping: bool, digits: int = DIGITS,
              after_ending: str = "", short_ending: bool = False,
              drop: int = 0) -> tuple[str, int, str]:
    """:func:`describe_status`'s (information, the length of its beginning the lessons
    point at, warning); ``after_ending`` right after how the run ended, which
    ``short_ending`` says in fewer words ("stopped at 10,000 updates"); ``drop``: how many
    of the clauses :data:`DROPS` lists are left out."""
    spec = run.spec
    names = spec.param_names

    def _g(v: float) -> str:
        return f"{v:.{digits}g}"

    hide_ending = stepping and k < run.iterations
    named = _named(run, k, stepping)  # the iterate the ending names
    if hide_ending:
        ending = (tr("stepping: k = {k}") if short_ending else
                  tr("stepping: k = {k} (End shows how the run ends)")).format(k=k)
    elif run.status == "converged":
        ending = tr("converged at k = {k}").format(k=run.converged_at)
    elif run.status == "diverged":
        ending = tr("diverged at k = {k}").format(k=run.diverged_at)
    else:
        ending = (tr("stopped at {n} updates") if short_ending else
                  tr("stopped at max iterations ({n}) without converging")).format(
            n=f"{spec.max_iterations:,}")
    parts = [ending, after_ending] if after_ending else [ending]
    key = -1  # the end of what follows the ending (-1: not yet written)
    if spec.data.scaling is not None:  # standardized: k's coefficients in the original units
        parts.append(_original_units(run, k, BRIEF_ORIGINAL_DIGITS if digits == BRIEF_DIGITS
                                     else digits, k_named=named == k))
    if run.accuracy is not None:  # a classifier: how many samples iterate k gets right
        right = round(float(run.accuracy[k]) * spec.data.n)
        parts.append((tr("accuracy: {share} ({right} of {n} samples)") if named == k else
                      tr("accuracy at k = {k}: {share} ({right} of {n} samples)")).format(
            k=k, share=f"{float(run.accuracy[k]):.1%}", right=right, n=spec.data.n))
    opt = run.optimum
    warning = ""
    if opt.params is not None:
        where = ", ".join(f"{n}* = {_g(v)}" for n, v in zip(names, opt.params, strict=True))
        value = tr(", objective {value}").format(value=_g(opt.objective)) \
            if opt.objective is not None else ""
        distance = math.dist(run.params[k], opt.params)
        if drop == 0:
            optimum = tr("exact optimum {where}{value} ({method}); distance from k = {k}: "
                         "{distance}") if not opt.local_minima else \
                tr("lowest valley {where}{value} ({method}); distance from k = {k}: "
                   "{distance}")
        elif drop <= 2:
            optimum = tr("exact optimum {where}{value} ({method})") if not opt.local_minima \
                else tr("lowest valley {where}{value} ({method})")
        else:
            optimum = tr("exact optimum {where}") if not opt.local_minima else \
                tr("lowest valley {where}")
        optimum = optimum.format(where=where, value=value, method=method_word(opt.method),
                                 k=k, distance=f"{distance:.3g}")
        if len(parts) == 1:  # right after the ending: its coefficients are what to read
            key = len(ending) + len(" · ") + optimum.find(where) + len(where)
        if drop < DROPS or len(parts) == 1:  # (then never left out)
            parts.append(optimum)
        warning = "" if hide_ending else (_local_minimum_warning(run) or _stalled_warning(run))
    if opt.note and drop < 4:
        parts.append(translated(opt.note))
    limit = run.stability_limit
    eta = spec.learning_rate
    before_limit = len(parts)
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
    if drop >= 2:  # the limit left out (its warning stays)
        del parts[before_limit:]
    if key < 0:  # the ending and what comes right after it
        key = len(" · ".join(parts[:2]))
    return (" · ".join(parts), key,
            warning or ("" if hide_ending else never_settles_hint(run)))


def _original_units(run: Run, k: int, digits: int, *, k_named: bool) -> str:
    """Iterate k's coefficients of standardized features in the features' own units, as
    ``gdapp run --standardize`` gives them: "(b0, …, b5) = (45.76, 4.635, …)" (a vector,
    whose names take little of a projector's two lines; "at k = …" unless the ending
    (``k_named``) already says which iterate it is)."""
    spec = run.spec
    names = ("b0", *spec.param_names[-spec.data.p:])
    shown = names if len(names) <= 3 else (names[0], "…", names[-1])
    values = _on_original(spec, run.params[k].tolist())
    text = tr("in the original units: {names} = {values}") if k_named else \
        tr("in the original units at k = {k}: {names} = {values}")
    # (no break inside the names: "(b0," at one line's end read as a cut)
    return text.format(k=k, names="(" + ",\u00a0".join(shown) + ")",
                       values="(" + ", ".join(f"{v:.{digits}g}" for v in values) + ")")


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
