"""The workbook's finite-difference check of the gradient (``gdapp export --check-gradient``):
one Iterations column per parameter, right after the gradient columns, holding the central
difference of :mod:`gdapp.core.gradient_check` as a live formula::

    =((E+P at bj + s)-(E+P at bj - s))/(2*s),   s = check_h*MAX(1,ABS(bj))

where "E+P at bj ± s" is the run's own cost formula (:func:`gdapp.excel.sample_sums.cost`,
from the cost's ``excel_rho`` template) and penalty formula with that one parameter's cell
replaced by ``(bj+s)`` or ``(bj-s)``. ``check_h`` is a Settings row (a defined name, editable:
the column recalculates with the new h, and ``gdapp verify`` reruns the engine with it).

What the verifier allows
------------------------
The spreadsheet and the engine compute the same quotient at the same points, so the
central difference's truncation error s²·|F'''|/6 is the same on both sides and cancels in
the comparison. What differs is the rounding of the two objectives: each is a cost cell,
which the verifier accepts within ``RELATIVE_TOLERANCE`` (1e−12) of the largest term T of
its sum over the samples (:func:`gdapp.excel.term_sizes.term_sizes`), plus the penalty.
The quotient of two such values over 2s therefore errs by at most
2·1e−12·T/(2s) = 1e−12·T/s; so the check cell is measured against the size T/s (its
``terms``), with T the larger of the two points' terms plus the penalty there. On the note's
example (T ≈ 24² at b1 = 15, s = 1.5e−3) that allows 4e−7 against a value of 61, while the
two spreadsheets and numpy agree to about 1e−11: an edited formula or a wrong h shows,
rounding does not.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from gdapp.core import Objective, Run
from gdapp.core.gradient_check import GradientCheck, central_difference, check_steps, shifted
from gdapp.core.messages import Message
from gdapp.core.models import model_rule
from gdapp.excel import formulas as fx
from gdapp.excel import sample_sums as sums
from gdapp.excel.layout import FIRST_ROW, Column
from gdapp.excel.term_sizes import term_sizes

FloatArray = NDArray[np.float64]

#: The header of a check column ({p}: the parameter).
HEADER = "check of ∂(E+P)/∂{p}: central difference (F(+s) − F(−s))/(2s), s = h·max(1, |{p}|)"


def header(name: str) -> str:
    return HEADER.replace("{p}", name)


def check_columns(run: Run, b0: str, slopes: list[str], samples: fx.Samples) -> list[Column]:
    """The check columns of a run whose spec asks for them (``check_h``), else none.
    ``b0`` and ``slopes`` are the row's parameter cells ("B{p}")."""
    spec = run.spec
    h = spec.check_h
    if h is None:
        return []
    intercept = model_rule(spec.model).intercept
    cells = ([b0] if intercept else []) + list(slopes)
    objective = Objective.of(spec)
    central = central_difference(objective, run.params, h)
    steps = check_steps(run.params, h)
    cols = []
    for j, name in enumerate(spec.param_names):
        s = fx.excel("check step", b=cells[j])

        def at(moved: str, j: int = j) -> str:
            refs = [moved if i == j else c for i, c in enumerate(cells)]
            b0_, slopes_ = (refs[0], refs[1:]) if intercept else ("", refs)
            return fx.excel("objective", cost=sums.cost(spec.cost, spec.model, b0_, slopes_,
                                                        samples),
                            penalty=fx.penalty(spec.penalty, slopes_))

        template = "=" + fx.excel(
            "central difference", up=at(fx.excel("check up", b=cells[j], s=s)),
            down=at(fx.excel("check down", b=cells[j], s=s)), s=s)
        cols.append(Column(header(name), template.format(p=FIRST_ROW), template,
                           central[:, j], first_is_formula=True,
                           terms=check_terms(run, objective, steps, j)))
    return cols


def check_terms(run: Run, objective: Objective, steps: FloatArray, j: int) -> FloatArray:
    """T/sj at each row: the size a check cell's rounding is measured against (the module's
    docstring), T the larger of the largest terms of the cost at b ± sj·ej plus the penalty
    there."""
    spec = run.spec
    sizes = []
    for sign in (1.0, -1.0):
        moved = shifted(run.params, j, steps, sign)
        with np.errstate(over="ignore", invalid="ignore"):
            cost = objective.cost(moved)
            sizes.append(term_sizes(spec, moved, cost)["cost"] + np.abs(objective.penalty(moved)))
    with np.errstate(over="ignore", invalid="ignore"):
        return np.asarray(np.maximum(sizes[0], sizes[1]) / steps[:, j], dtype=np.float64)


def verify_notes(run: Run) -> tuple[str, ...]:
    """What ``gdapp verify`` says of a workbook with the check columns: how they were
    compared, and what the check itself shows (the engine's largest relative difference of
    the analytic gradient from the central difference)."""
    h = run.spec.check_h
    if h is None:
        return ()
    check = GradientCheck(h, run.spec.param_names, run.gradient,
                          central_difference(Objective.of(run.spec), run.params, h))
    worst, k, name = check.largest()
    return (Message("note: the gradient check's {n} column(s) of central differences (h = {h}, "
                    "s = h·max(1, |bj|)) were compared with the engine's; both compute the same "
                    "quotient, so its truncation error is common to both, and each may differ "
                    "by the rounding of its two objectives (1e-12 of their largest term, over "
                    "s); the analytic gradient and the central difference differ by at most "
                    "{worst} of the gradient's size (k = {k}, {name})",
                    n=str(len(run.spec.param_names)), h=f"{h:g}", worst=f"{worst:.2g}",
                    k=str(k), name=name),)
