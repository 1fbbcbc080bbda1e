"""Where every cell of an exported workbook goes, and the value the engine gives it.

One plan serves both the writer (:mod:`gdapp.excel.export`) and :func:`expected_cells`, so
the formula text a verifier compares is the text that was written.

Iterations sheet, one row per iterate k (sheet row k + 2; row 1 is the header)::

    origin: k | b1 | ∂(E+P)/∂b1 | cost | penalty | objective | Δb1 | converged [| ∂E/∂b1 | z]
    line:   k | b0 | b1 | ∂/∂b0 | ∂/∂b1 | cost | penalty | objective | Δb0 | Δb1 | converged
            [| ∂E/∂b1 | z]

The two bracketed helper columns exist only for the proximal L1 step, which moves b1 with the
cost's gradient alone (z = b1 − η·∂E/∂b1) and then soft-thresholds z.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from openpyxl.utils import get_column_letter

from gdapp.core import MODELS, ZERO_BAND, Objective, Run, RunSpec
from gdapp.excel import formulas as fx

FloatArray = NDArray[np.float64]

#: The first iterate sits on this sheet row (row 1 holds the headers).
FIRST_ROW = 2


@dataclass(frozen=True)
class Column:
    """One column of the Iterations sheet.

    Attributes
    ----------
    header : str
    first : str | float | bool | None
        Row 0's content: a formula (``"=..."``), a constant, or None (blank).
    template : str | None
        Formula for rows k ≥ 1 with ``{p}`` = this sheet row and ``{q}`` = the previous one;
        None for the plain k column.
    expected : ndarray of shape (m,) or None
        The engine's value of every row (None for a column that holds no formulas).
    first_is_formula : bool
        Whether row 0 holds a formula to be verified.
    """

    header: str
    first: str | float | bool | None
    template: str | None
    expected: NDArray[np.generic] | None
    first_is_formula: bool = False


def unsupported(spec: RunSpec) -> str | None:
    """Why a workbook cannot hold this run yet (one sentence), or None when it can: it holds
    gradient descent at a constant η on every sample, of a linear model on one feature."""
    if spec.data.scaling is not None:
        return ("a workbook holds the samples as they are; standardized features are "
                "computed by gdapp run and gdapp path")
    if spec.model not in MODELS:
        return (f"a workbook holds the linear models (origin, line); the {spec.model} model "
                "is computed by gdapp run")
    if not spec.plain_descent:
        parts = [spec.optimizer, f"the {spec.schedule} schedule"]
        if spec.minibatch:
            parts.append(f"batches of {spec.batch_size}")
        return ("a workbook holds gradient descent at a constant η on every sample; this run "
                f"uses {', '.join(parts)}: gdapp run computes it")
    if spec.data.p > 1:
        return (f"a workbook holds runs on one feature; these data have {spec.data.p} "
                f"({spec.data.x_name}): gdapp run and gdapp path compute them")
    return None


def column_letter(index: int) -> str:
    """The sheet letter of a 0-based column index (0 → "A")."""
    return str(get_column_letter(index + 1))


def _cost_gradient_only(run: Run) -> FloatArray:
    """∂cost/∂b1 at every iterate (the engine's loop uses it for the proximal step)."""
    spec = run.spec
    obj = Objective(spec.data, spec.model, spec.cost, spec.penalty, spec.lam)
    return np.asarray(obj.cost_gradient(run.params)[:, -1], dtype=np.float64)


def _z_before_threshold(run: Run, gc1: FloatArray) -> FloatArray:
    """z_k = b1_(k−1) − η·∂E/∂b1(b_(k−1)), snapped to 0 inside the zero band (row 0: nan)."""
    b = run.params[:-1, -1]
    eg = run.spec.learning_rate * gc1[:-1]
    z = b - eg
    z = np.where(np.abs(z) <= ZERO_BAND * (np.abs(b) + np.abs(eg)), 0.0, z)
    return np.concatenate([[np.nan], z])


def iteration_columns(run: Run) -> list[Column]:
    """The Iterations sheet's columns for this run, in order."""
    spec = run.spec
    names = spec.param_names
    p = len(names)
    proximal = spec.penalty == "l1" and spec.l1_method == "proximal"
    # column indices
    i_b = {name: 1 + j for j, name in enumerate(names)}
    i_g = {name: 1 + p + j for j, name in enumerate(names)}
    i_cost, i_pen, i_obj = 1 + 2 * p, 2 + 2 * p, 3 + 2 * p
    i_step = {name: 4 + 2 * p + j for j, name in enumerate(names)}
    i_conv = 4 + 3 * p
    i_gc, i_z = i_conv + 1, i_conv + 2

    def ref(index: int, row: str = "{p}") -> str:
        return f"{column_letter(index)}{row}"

    b0 = ref(i_b["b0"]) if "b0" in i_b else ""
    b1 = ref(i_b["b1"])
    cost_ref = ref(i_cost)

    cols: list[Column] = [Column("k", 0, None, None)]
    # parameters: row 0 is the start; later rows are the update of the previous row
    for name in names:
        if proximal and name == "b1":
            template = "=" + fx.excel("soft threshold", z=ref(i_z))
        else:
            template = "=" + fx.excel("update", b=ref(i_b[name], "{q}"), g=ref(i_g[name], "{q}"))
        cols.append(Column(name, f"={name}_start", template,
                           run.params[:, names.index(name)], first_is_formula=True))
    # gradients of cost + penalty
    for name in names:
        if proximal and name == "b1":
            g = ref(i_gc) + fx.penalty_gradient("l1", b1)
        else:
            g = fx.cost_gradient(spec.cost, spec.model, b0, b1, cost_ref, name)
            if name == "b1":
                g += fx.penalty_gradient(spec.penalty, b1)
        cols.append(_same_every_row(f"gradient ∂(E+P)/∂{name}", "=" + g,
                                    run.gradient[:, names.index(name)]))
    cols.append(_same_every_row(f"cost E ({spec.cost.upper()})",
                                "=" + fx.cost(spec.cost, spec.model, b0, b1), run.cost))
    penalty_header = "penalty P" if spec.penalty == "none" else \
        f"penalty P ({spec.penalty.upper()})"
    cols.append(_same_every_row(penalty_header, "=" + fx.penalty(spec.penalty, b1),
                                run.penalty))
    cols.append(_same_every_row("objective E+P", "=" + fx.excel(
        "objective", cost=cost_ref, penalty=ref(i_pen)), run.objective))
    for name in names:
        cols.append(Column(f"step Δ{name}", 0.0, "=" + fx.excel(
            "step", b=ref(i_b[name]), b_prev=ref(i_b[name], "{q}")),
            run.step[:, names.index(name)]))
    steps = [ref(i_step[name]) for name in names]
    conv = fx.excel("converged 1", s1=steps[0]) if p == 1 else \
        fx.excel("converged 2", s0=steps[0], s1=steps[1])
    cols.append(Column("converged", False, "=" + conv, run.converged))
    if proximal:
        gc1 = _cost_gradient_only(run)
        cols.append(_same_every_row("∂E/∂b1 (cost only)", "=" + fx.cost_gradient(
            spec.cost, spec.model, b0, b1, cost_ref, "b1"), gc1))
        cols.append(Column("z = b1 − η·∂E/∂b1 (before the soft threshold)", None,
                           "=" + fx.excel("update", b=ref(i_b["b1"], "{q}"),
                                          g=ref(i_gc, "{q}")),
                           _z_before_threshold(run, gc1)))
    assert len(cols) == (i_z + 1 if proximal else i_conv + 1)
    assert cols[i_cost].header.startswith("cost") and cols[i_obj].header.startswith("obj")
    return cols


def _same_every_row(header: str, template: str, expected: NDArray[np.generic]) -> Column:
    return Column(header, template.format(p=FIRST_ROW), template, expected,
                  first_is_formula=True)


def column_index(columns: list[Column], header_start: str) -> int:
    """Index of the first column whose header starts with ``header_start``."""
    for i, c in enumerate(columns):
        if c.header.startswith(header_start):
            return i
    raise KeyError(header_start)


def iteration_row(columns: list[Column], k: int) -> list[str | float | bool | None]:
    """The contents of iterate k's row (formulas as ``"=..."`` strings)."""
    if k == 0:
        return [c.first for c in columns]
    row = k + FIRST_ROW
    out: list[str | float | bool | None] = [k]
    for c in columns[1:]:
        assert c.template is not None
        out.append(c.template.format(p=row, q=row - 1))
    return out


def iteration_cells(sheet: str, columns: list[Column], m: int
                    ) -> Iterator[tuple[str, str, str, float | bool]]:
    """(sheet, ref, formula, engine value) for every formula cell of the Iterations sheet."""
    letters = [column_letter(i) for i in range(len(columns))]
    for k in range(m):
        row = k + FIRST_ROW
        for j, c in enumerate(columns):
            if c.expected is None or (k == 0 and not c.first_is_formula):
                continue
            text = c.first if k == 0 else (c.template or "").format(p=row, q=row - 1)
            assert isinstance(text, str)
            yield sheet, f"{letters[j]}{row}", text, _py(c.expected[k])


def _py(value: np.generic | float | bool) -> float | bool:
    """A numpy scalar as a plain Python float or bool."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    return float(value)
