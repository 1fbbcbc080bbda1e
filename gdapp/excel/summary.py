"""The Summary sheet's plan (final values, exact optimum, stability limit, cost curve) and
the Data sheet's prediction/residual columns, each cell with the engine's value.

Summary columns: A label, B value, C how it is computed; E:F the sampled cost curve the chart
draws (b1 evenly spaced over the path's first iterates and its end, the objective there; for
``line`` with b0 held at its final value) — all formulas, so the curve follows an edited run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from gdapp.core import Objective, Run
from gdapp.core.objective import predictions
from gdapp.excel import formulas as fx
from gdapp.excel.layout import FIRST_ROW, Column, column_index, column_letter

#: Points of the sampled cost curve on the Summary sheet.
CURVE_POINTS = 61
#: A path whose b1 spread is below this share of its size is drawn around one point (the
#: "curve from"/"curve to" formulas write it as 1E-9).
CURVE_POINT_SPREAD = 1e-9
#: The curve spans the first iterates of the path (and its end).
PATH_ROWS = 21
AT_EXPORT = "computed by gdapp at export"
#: The label of the row that holds the run's status (a status word, not a free text).
STATUS_LABEL = "Status at export"


@dataclass(frozen=True)
class SummaryRow:
    """One labelled quantity: a formula (``formula=True``), a number or a text."""

    label: str
    value: str | float | None
    how: str
    expected: float | bool | None = None
    formula: bool = False
    name: str | None = None


def _f(label: str, formula: str, how: str, expected: float | bool,
       name: str | None = None) -> SummaryRow:
    return SummaryRow(label, "=" + formula, how, expected, formula=True, name=name)


def summary_rows(run: Run, columns: list[Column]) -> list[SummaryRow]:
    """The Summary sheet's rows A:C (row 1 is the header, so entry i sits on row i + 2)."""
    spec = run.spec
    names = spec.param_names
    m = run.params.shape[0]
    last = m + FIRST_ROW - 1

    def it(header: str) -> str:
        return f"Iterations!${column_letter(column_index(columns, header))}${last}"

    rows: list[SummaryRow] = [
        SummaryRow(STATUS_LABEL, run.status, AT_EXPORT),
        _f("Updates performed (last k)", fx.excel("reference", ref=it("k")),
           "the last row of the Iterations sheet", float(run.iterations)),
    ]
    conv = column_letter(column_index(columns, "converged"))
    flags = f"Iterations!${conv}${FIRST_ROW}:${conv}${last}"
    used = run.converged_at if run.converged_at is not None else run.iterations
    rows.append(_f("Iterations used", fx.excel("first converged", flags=flags,
                                               last_k=it("k")),
                   "the first k flagged converged, else the last k", float(used)))
    for j, name in enumerate(names):
        rows.append(_f(f"Final {name}", fx.excel("reference", ref=it(name)),
                       "the last iterate", float(run.params[-1, j]), name=f"{name}_final"))
    rows.append(_f("Final cost", fx.excel("reference", ref=it("cost")), "the last iterate",
                   float(run.cost[-1])))
    rows.append(_f("Final objective", fx.excel("reference", ref=it("objective")),
                   "the last iterate", float(run.objective[-1])))
    rows.extend(_optimum_rows(run, first_row=len(rows) + 2))
    rows.extend(_stability_rows(run, first_row=len(rows) + 2))
    rows.extend(_curve_rows(run, columns, first_row=len(rows) + 2))
    return rows


def _optimum_rows(run: Run, first_row: int) -> list[SummaryRow]:
    spec, opt = run.spec, run.optimum
    x, y = spec.data.x, spec.data.y
    closed = {"normal equation": "normal equation", "ridge": "ridge",
              "soft threshold": "soft threshold optimum"}
    if opt.params is None or opt.objective is None:
        return [SummaryRow("Exact optimum", opt.note or "no optimum", AT_EXPORT)]
    if opt.method not in closed:
        why = "MAE" if spec.cost == "mae" else f"{spec.cost.upper()} with an {spec.penalty.upper()}"
        out = [SummaryRow("Exact optimum", f"no closed form for {why} "
                          f"({opt.method}); the values below were {AT_EXPORT}", AT_EXPORT)]
        for name, v in zip(spec.param_names, opt.params, strict=True):
            out.append(SummaryRow(f"Optimum {name} ({AT_EXPORT})", float(v), opt.note or
                                  opt.method))
        out.append(SummaryRow(f"Objective at the optimum ({AT_EXPORT})", float(opt.objective),
                              opt.method))
        return out
    model = spec.model
    if model == "line":
        u, w = x - np.mean(x), y - np.mean(y)
        sxy, sxx = float(np.sum(u * w)), float(np.sum(u * u))
    else:
        sxy, sxx = float(np.sum(x * y)), float(np.sum(x * x))
    r_sxy, r_sxx = f"B{first_row}", f"B{first_row + 1}"
    sums = "Σuv (u = x − x̄, v = y − ȳ)" if model == "line" else "Σxy"
    out = [
        _f(sums, fx.excel(f"sum xy {model}"), "over the Data sheet", sxy),
        _f("Σu²" if model == "line" else "Σx²", fx.excel(f"sum xx {model}"),
           "over the Data sheet", sxx),
    ]
    b1_row = first_row + 2
    b1 = fx.excel(closed[opt.method], sxy=r_sxy, sxx=r_sxx)
    out.append(_f("Optimum b1", b1, f"exact: {opt.method}", float(opt.params[-1])))
    b0_ref = ""
    if model == "line":
        out.append(_f("Optimum b0", fx.excel("intercept", b1=f"B{b1_row}"),
                      "exact: b0 = ȳ − b1·x̄", float(opt.params[0])))
        b0_ref = f"B{b1_row + 1}"
    objective = fx.excel("objective", cost=fx.cost(spec.cost, model, b0_ref, f"B{b1_row}"),
                         penalty=fx.penalty(spec.penalty, f"B{b1_row}"))
    out.append(_f("Objective at the optimum", objective, "cost + penalty at the optimum",
                  float(opt.objective)))
    return out


def _stability_rows(run: Run, first_row: int) -> list[SummaryRow]:
    spec = run.spec
    limit = run.stability_limit
    label = "Stability limit 2/λmax(H): η must stay below"
    if spec.cost != "mse" or limit is None:
        why = ("it is defined for MSE only (the step of MAE and RMSE is not a fixed "
               "multiple of the distance to the optimum)" if spec.cost != "mse"
               else "the Hessian is 0 here (all x are 0)")
        return [SummaryRow(label, "none", why)]
    x = spec.data.x
    l2 = "+2*lambda_" if spec.penalty == "l2" else ""
    lam2 = 2.0 * spec.lam if spec.penalty == "l2" else 0.0
    c = 2.0 * float(np.mean(x * x)) + lam2
    hess_c = fx.excel("hessian origin", mxx=fx.excel("mean square x"), l2=l2)
    if spec.model == "origin":
        rows = [_f("Hessian H = ∂²(E+P)/∂b1²", hess_c, "2·mean(x²) (+ 2λ with L2)", c)]
    else:
        top = (2.0 + c) / 2.0 + math.hypot((2.0 - c) / 2.0, 2.0 * float(np.mean(x)))
        rows = [
            _f("Hessian entry ∂²(E+P)/∂b1²", hess_c, "2·mean(x²) (+ 2λ with L2)", c),
            _f("Largest eigenvalue of H", fx.excel("hessian line top", c=f"B{first_row}"),
               "H = [[2, 2·x̄], [2·x̄, 2·mean(x²) (+ 2λ)]]", top),
        ]
    h_ref = f"B{first_row + len(rows) - 1}"
    rows.append(_f(label, fx.excel("stability limit", h=h_ref), "2/λmax(H)", limit))
    return rows


def _curve_bounds(run: Run) -> tuple[float, float, float, float]:
    """(lowest, highest, from, to) of the curve, mirroring the "curve ..." formulas: the
    path's first iterates and its end (a diverged end replaced by the start), 10 % margin."""
    b1 = run.params[:, -1]
    first = b1[:PATH_ROWS]
    final, start = float(b1[-1]), float(b1[0])
    keep = final if abs(final) <= 100 * (abs(start) + 1) else start
    lo, hi = min(float(first.min()), keep), max(float(first.max()), keep)
    wide = hi - lo > CURVE_POINT_SPREAD * max(1.0, abs(lo), abs(hi))
    margin = 0.1 * (hi - lo) if wide else 1.0
    return lo, hi, lo - margin, hi + margin


def _curve_rows(run: Run, columns: list[Column], first_row: int) -> list[SummaryRow]:
    b1_col = column_letter(column_index(columns, "b1"))
    last = FIRST_ROW + min(int(run.params.shape[0]), PATH_ROWS) - 1
    path = f"Iterations!${b1_col}${FIRST_ROW}:${b1_col}${last}"
    keep = fx.excel("curve keep final")
    lo, hi, start, end = _curve_bounds(run)
    r_lo, r_hi = f"B{first_row}", f"B{first_row + 1}"
    how = f"over the first {PATH_ROWS} iterates and the last"
    return [
        _f("Cost curve: lowest b1 of the path", fx.excel("curve low", path=path, keep=keep),
           how, lo),
        _f("Cost curve: highest b1 of the path", fx.excel("curve high", path=path, keep=keep),
           how, hi),
        _f("Cost curve from b1", fx.excel("curve from", lo=r_lo, hi=r_hi), "10 % margin",
           start, name="curve_from"),
        _f("Cost curve to b1", fx.excel("curve to", lo=r_lo, hi=r_hi), "10 % margin", end,
           name="curve_to"),
    ]


def curve_grid(run: Run) -> NDArray[np.float64]:
    """The curve's b1 values, as the "curve point" formulas compute them."""
    _, _, start, end = _curve_bounds(run)
    last = CURVE_POINTS - 1
    return np.array([start + (end - start) * i / last for i in range(CURVE_POINTS)])


def curve_point_formula(i: int) -> str:
    """Formula of the curve's i-th b1 value (Summary column E)."""
    return "=" + fx.excel("curve point", start="curve_from", end="curve_to", i=str(i),
                          last=str(CURVE_POINTS - 1))


def curve_expected(run: Run, grid: NDArray[np.float64]) -> NDArray[np.float64]:
    """The objective at (final b0, grid b1): what the curve's formulas must give."""
    spec = run.spec
    obj = Objective(spec.data, spec.model, spec.cost, spec.penalty, spec.lam)
    if spec.model == "line":
        params = np.column_stack([np.full(grid.size, run.params[-1, 0]), grid])
    else:
        params = grid.reshape(-1, 1)
    return np.asarray(obj.value(params), dtype=np.float64)


def curve_formula(run: Run, row: int) -> str:
    """The objective formula for the curve point on Summary row ``row`` (b1 in column E)."""
    spec = run.spec
    b0 = "b0_final" if spec.model == "line" else ""
    b1 = f"E{row}"
    return "=" + fx.excel("objective", cost=fx.cost(spec.cost, spec.model, b0, b1),
                          penalty=fx.penalty(spec.penalty, b1))


def data_formulas(run: Run, row: int) -> tuple[str, str]:
    """Data sheet row ``row``: prediction at the final iterate and the residual."""
    pred = fx.excel(f"final prediction {run.spec.model}", x=f"B{row}")
    return "=" + pred, "=" + fx.excel("final residual", y=f"C{row}", yhat=f"D{row}")


def data_expected(run: Run) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(ŷ, y − ŷ) at the final iterate, as the engine computes them."""
    yhat = predictions(run.params[-1:], run.spec.data.x)[0]
    return yhat, run.spec.data.y - yhat
