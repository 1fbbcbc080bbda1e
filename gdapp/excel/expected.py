"""What a verifier compares: every formula cell the exporter writes, with the engine's value
and what the plan knows of its rounding (:class:`gdapp.excel.layout.Cell`)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from openpyxl.utils import get_column_letter

from gdapp.core import Run
from gdapp.core.models import model_rule
from gdapp.excel import formulas as fx
from gdapp.excel.layout import FIRST_ROW, iteration_cells, iteration_columns
from gdapp.excel.layout import Cell as PlanCell
from gdapp.excel.order import ORDER_FIRST_ROW, Order, order_plan
from gdapp.excel.shaped import data_cells, shape_of
from gdapp.excel.solved_optimum import allowance
from gdapp.excel.summary import (
    BLOCK_COLUMN,
    CURVE_POINTS,
    block_rows,
    curve_expected,
    curve_formula,
    curve_grid,
    curve_point_formula,
    curve_terms,
    data_expected,
    data_formulas,
    summary_rows,
)


def expected_cells(run: Run) -> Iterator[PlanCell]:
    """For every formula cell :func:`export_workbook` writes on the Data (prediction,
    residual), Order (a mini-batch run's samples), Iterations and Summary sheets, a
    :class:`~gdapp.excel.layout.Cell`: sheet title, "B7"-style ref, the formula text exactly
    as written, the value the engine says it must have, and what the verifier needs to know
    of its rounding (the size of the terms of a sum over the samples; a converged flag's
    steps).

    Lazy, in sheet and row order. Every formula the exporter writes is numeric or boolean
    (the converged flags); text cells (status, method notes) are constants, not formulas,
    and are not listed.
    """
    yhat, resid = data_expected(run)
    p = run.spec.data.p
    pred_col, res_col = get_column_letter(p + 3), get_column_letter(p + 4)
    if shape_of(run.spec) is not None:   # every sample, powers and z-scores: shaped.py
        yield from data_cells(run, data_formulas)
    for i in range(run.spec.data.n if shape_of(run.spec) is None else 0):
        row = i + FIRST_ROW
        pred, res = data_formulas(run, row)
        yield PlanCell("Data", f"{pred_col}{row}", pred, float(yhat[i]))
        yield PlanCell("Data", f"{res_col}{row}", res, float(resid[i]))
    order = order_plan(run)
    if order is not None:
        yield from order_cells(run, order)
    columns = iteration_columns(run)
    yield from iteration_cells("Iterations", columns, int(run.params.shape[0]), order)
    rows = summary_rows(run, columns)
    block = block_rows(run)
    grid = curve_grid(run)
    curve = curve_expected(run, grid)
    terms = curve_terms(run, grid, curve)
    for r in range(2, max(len(rows), CURVE_POINTS, len(block)) + 2):
        if r - 1 < len(block):
            for c, cell in enumerate(block[r - 1]):
                if cell.expected is not None:
                    yield PlanCell("Summary", f"{get_column_letter(BLOCK_COLUMN + c + 1)}{r}",
                                   cell.value, cell.expected, cell.terms)
        if r - 2 < len(rows):
            entry = rows[r - 2]
            if entry.formula and entry.expected is not None:
                assert isinstance(entry.value, str)
                # the objective at the optimum is a minimum: a solve that lost digits to a
                # large condition number moves it visibly, so it is checked tightly
                tight = entry.label == "Objective at the optimum" and p > 1
                # … except where a ridge block's MINVERSE is not trusted (solved_optimum)
                scale = optimum_scale(run) + allowance(run, "objective") if tight else \
                    entry.terms + (allowance(run, "b0") if entry.label == "Optimum b0"
                                   and p > 1 else 0.0)
                yield PlanCell("Summary", f"B{r}", entry.value, entry.expected, scale,
                               flags=entry.flags, tight=tight)
        if r - 2 < CURVE_POINTS:
            yield PlanCell("Summary", f"E{r}", curve_point_formula(r - 2), float(grid[r - 2]))
            yield PlanCell("Summary", f"F{r}", curve_formula(run, r), float(curve[r - 2]),
                           float(terms[r - 2]))


def order_cells(run: Run, order: Order) -> Iterator[PlanCell]:
    """The Order sheet's formulas (each sample's features and target, by ``INDEX``)."""
    data = run.spec.data
    samples = fx.Samples.of(data.p)
    names = [*samples.xs, "y_data"]
    values = np.column_stack([data.X, data.y])
    letters = [get_column_letter(4 + j) for j in range(len(names))]
    for i, s in enumerate(order.sample.tolist()):
        row = i + ORDER_FIRST_ROW
        for j, name in enumerate(names):
            yield PlanCell(fx.ORDER_SHEET, f"{letters[j]}{row}",
                       "=" + fx.excel("order sample", data=name, sample=f"$C{row}"),
                       float(values[s - 1, j]))


def optimum_scale(run: Run) -> float:
    """What rounding moves the objective at the least-squares optimum by: 2·mean(|r|·R),
    R = |y| + |b0| + Σ|bj·xj| (a squared residual r² computed from terms of size R errs by
    about 2·|r|·R·eps), plus λ·Σbj² for ridge; for RMSE, over 2·RMSE. Not R² (the rule of
    a squared error elsewhere): at an optimum r is small, and so must the error be."""
    spec, opt = run.spec, run.optimum
    assert opt.params is not None
    data = spec.data
    b = np.asarray(opt.params, dtype=np.float64)
    slopes = b[1:] if model_rule(spec.model).intercept else b
    b0 = float(b[0]) if model_rule(spec.model).intercept else 0.0
    r = data.y - (b0 + data.X @ slopes)
    size = np.abs(data.y) + abs(b0) + np.abs(data.X) @ np.abs(slopes)
    scale = float(np.mean(2.0 * np.abs(r) * size))
    if spec.cost == "rmse":
        root = float(np.sqrt(np.mean(r * r)))
        scale = scale / (2.0 * root) if root > 0 else float(np.mean(size))
    if spec.penalty == "l2":
        scale += spec.lam * float(slopes @ slopes)
    return scale
