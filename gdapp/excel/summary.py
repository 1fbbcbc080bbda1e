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

from gdapp.core import MODEL_RULES, Objective, Run, stability_is_bound
from gdapp.core.batches import PATIENCE
from gdapp.core.costs import cost_rule
from gdapp.core.models import SEARCH_RANGE, model_rule
from gdapp.core.objective import model_predictions
from gdapp.excel import formulas as fx
from gdapp.excel import sample_sums as sums
from gdapp.excel.layout import FIRST_ROW, Column, column_index, column_letter, sample_terms
from gdapp.excel.optimum_rows import iterative_rows, stability_bound_rows, unstable_why
from gdapp.excel.summary_row import AT_EXPORT, SummaryRow
from gdapp.excel.summary_row import formula_row as _f

#: Points of the sampled cost curve on the Summary sheet.
CURVE_POINTS = 61
#: A path whose b1 spread is below this share of its size is drawn around one point (the
#: "curve from"/"curve to" formulas write it as 1E-9).
CURVE_POINT_SPREAD = 1e-9
#: The curve spans the first iterates of the path (and its end).
PATH_ROWS = 21
#: The label of the row that holds the run's status (a status word, not a free text).
STATUS_LABEL = "Status at export"


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
                   "the first k flagged converged, else the last k" + _rounding_rule(run),
                   float(used), flags=flags))
    if run.batches is not None:
        rows.append(SummaryRow(
            "Stopping rule", f"{PATIENCE} epochs without a better objective",
            f"at the end of each epoch ({run.batches.per_epoch} updates), the objective over "
            "every sample must go below the best so far by tolerance·max(1, |best|)"))
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


def _rounding_rule(run: Run) -> str:
    """Said beside "Iterations used" when the tolerance is finer than the rounding of the
    final parameters (a step of a b of size |b| is a multiple of about 2.2e−16·|b|): then which
    update first steps within it is decided by rounding, and engines may stop apart."""
    size = float(np.max(np.abs(run.params[-1]))) if run.params.size else 0.0
    if run.batches is not None or run.status == "diverged" \
            or not run.spec.tolerance < 4 * np.finfo(float).eps * size:
        return ""
    return (f"; the tolerance ({run.spec.tolerance:g}) is finer than the rounding of b (about "
            f"{np.finfo(float).eps * size:.1g}): which update first steps within it is "
            "decided by rounding, so another spreadsheet may count other iterations")


def _optimum_rows(run: Run, first_row: int) -> list[SummaryRow]:
    spec, opt = run.spec, run.optimum
    closed = {"normal equation": "normal equation", "ridge": "ridge",
              "soft threshold": "soft threshold optimum"}
    if opt.params is None or opt.objective is None:
        return [SummaryRow("Exact optimum", opt.note or "no optimum", AT_EXPORT)]
    if opt.local_minima:
        return _valley_rows(run, first_row)
    if opt.method not in closed:
        rule = cost_rule(spec.cost)
        why = rule.short if rule.sign_decides or spec.penalty == "none" else \
            f"{rule.short} with an {spec.penalty.upper()}"
        if rule.smooth and opt.method in ITERATIVE:
            return iterative_rows(run, why, first_row, _objective_at)
        out = [SummaryRow("Exact optimum", f"no closed form for {why} "
                          f"({opt.method}); the values below were {AT_EXPORT}", AT_EXPORT)]
        for name, v in zip(spec.param_names, opt.params, strict=True):
            out.append(SummaryRow(f"Optimum {name} ({AT_EXPORT})", float(v), opt.note or
                                  opt.method))
        out.append(SummaryRow(f"Objective at the optimum ({AT_EXPORT})", float(opt.objective),
                              opt.method))
        return out
    model = _design(spec.model)
    if spec.data.p > 1:
        return _solved_rows(run, first_row)
    x, y = spec.data.x, spec.data.y
    if model_rule(model).intercept:
        u, w = x - np.mean(x), y - np.mean(y)
        sxy, sxx = float(np.sum(u * w)), float(np.sum(u * u))
    else:
        sxy, sxx = float(np.sum(x * y)), float(np.sum(x * x))
    r_sxy, r_sxx = f"B{first_row}", f"B{first_row + 1}"
    sums = "Σuv (u = x − x̄, v = y − ȳ)" if model_rule(model).intercept else "Σxy"
    out = [
        _f(sums, fx.excel(f"sum xy {model}"), "over the Data sheet", sxy),
        _f("Σu²" if model_rule(model).intercept else "Σx²", fx.excel(f"sum xx {model}"),
           "over the Data sheet", sxx),
    ]
    b1_row = first_row + 2
    b1 = fx.excel(closed[opt.method], sxy=r_sxy, sxx=r_sxx)
    out.append(_f("Optimum b1", b1, f"exact: {opt.method}", float(opt.params[-1])))
    b0_ref = ""
    if model_rule(model).intercept:
        out.append(_f("Optimum b0", fx.excel("intercept", b1=f"B{b1_row}"),
                      "exact: b0 = ȳ − b1·x̄", float(opt.params[0])))
        b0_ref = f"B{b1_row + 1}"
    out.append(_objective_at(run, b0_ref, [f"B{b1_row}"]))
    return out


#: Methods that approach the optimum step by step (no closed form): the Summary proves their
#: answer with a live gradient at it.
ITERATIVE = ("Newton", "proximal Newton")


def _design(model: str) -> str:
    """The closed forms' name of a linear model's design: "line" (centred, with b0) or
    "origin"."""
    return "line" if MODEL_RULES[model].intercept else "origin"


def _objective_at(run: Run, b0: str, slopes: list[str], label: str = "Objective at the optimum",
                  at: tuple[float, ...] | None = None) -> SummaryRow:
    """The objective formula at parameters held in cells ``b0``, ``slopes`` (by default the
    optimum's)."""
    spec, opt = run.spec, run.optimum
    point = opt.params if at is None else at
    assert point is not None
    samples = fx.Samples.of(spec.data.p)
    objective = fx.excel("objective", cost=sums.cost(spec.cost, spec.model, b0, slopes,
                                                     samples),
                         penalty=fx.penalty(spec.penalty, slopes))
    params = np.array([point], dtype=np.float64)
    value = float(opt.objective) if at is None and opt.objective is not None else \
        float(Objective.of(spec).value(params)[0])
    terms = sample_terms(spec, params, np.array([value]))["cost"]
    return _f(label, objective, "cost + penalty at that b1" if at is not None
              else "cost + penalty at the optimum", value, terms=float(terms[0]))


def _valley_rows(run: Run, first_row: int) -> list[SummaryRow]:
    """A cost of several valleys (the sine model): no normal equation. Each valley's b1 was
    found by gdapp's dense search at export; its objective is a live formula."""
    opt = run.optimum
    assert opt.params is not None
    out = [SummaryRow("Exact optimum", f"no normal equation: the cost has "
                      f"{len(opt.local_minima)} valleys on the searched range; their b1 "
                      f"below were {AT_EXPORT} (dense search)", AT_EXPORT)]
    for i, valley in enumerate(opt.local_minima, start=1):
        lowest = " (the global minimum)" if tuple(valley) == tuple(opt.params) else ""
        out.append(SummaryRow(f"Local minimum {i}: b1{lowest}", float(valley[0]),
                              f"{AT_EXPORT}: dense search"))
        out.append(_objective_at(run, "", [f"B{first_row + 2 * i - 1}"],
                                 f"Local minimum {i}: objective",
                                 at=tuple(valley)))
    return out


#: The normal equations of several features sit on the Summary from this column (0-based,
#: H): a label column, the p × p matrix Σ u·uᵀ (+ n·λ·I), then the vector Σ u·v.
BLOCK_COLUMN = 7


@dataclass(frozen=True)
class BlockCell:
    """One cell of the normal equations' block: a text or a formula with its value."""

    value: str
    expected: float | None = None
    terms: float = 0.0


def _block_ranges(p: int) -> tuple[str, str]:
    """(the matrix, the vector) of the block as absolute ranges on the Summary sheet."""
    first, last = column_letter(BLOCK_COLUMN + 1), column_letter(BLOCK_COLUMN + p)
    moment = column_letter(BLOCK_COLUMN + p + 1)
    return f"${first}$2:${last}${p + 1}", f"${moment}$2:${moment}${p + 1}"


def solved(run: Run) -> bool:
    """Whether the Summary solves the normal equations of several features by formulas."""
    opt = run.optimum
    return run.spec.data.p > 1 and opt.params is not None and \
        opt.method in ("normal equation", "ridge")


def block_rows(run: Run) -> list[list[BlockCell]]:
    """The normal equations' block (row 1 its header, then one row per feature), or []."""
    if not solved(run):
        return []
    spec = run.spec
    data, model = spec.data, _design(spec.model)
    samples = fx.Samples.of(data.p)
    X, y = data.X, data.y
    u = X - X.mean(axis=0) if model_rule(model).intercept else X
    v = y - y.mean() if model_rule(model).intercept else y
    gram, moment = u.T @ u, u.T @ v
    ridge = spec.penalty == "l2" and spec.lam > 0
    size_x = np.max(np.abs(X), axis=0)
    size_y = float(np.max(np.abs(y)))
    head = "Σ u·uᵀ (u = x − x̄)" if model_rule(model).intercept else "Σ x·xᵀ"
    if ridge:
        head += " + n·λ on the diagonal"
    rows = [[BlockCell(head), *[BlockCell(name) for name in data.feature_names],
             BlockCell("Σ u·v (v = y − ȳ)" if model_rule(model).intercept else "Σ x·y")]]
    for j, xj in enumerate(samples.xs):
        row = [BlockCell(data.feature_names[j])]
        for k, xk in enumerate(samples.xs):
            g = fx.excel(f"gram {model}", xj=xj, xk=xk)
            value = float(gram[j, k])
            if ridge and j == k:
                g = fx.excel("gram ridge", gram=g)
                value += data.n * spec.lam
            row.append(BlockCell("=" + g, value, float(size_x[j] * size_x[k])))
        row.append(BlockCell("=" + fx.excel(f"moment {model}", xj=xj), float(moment[j]),
                             float(size_x[j]) * size_y))
        rows.append(row)
    return rows


def _solved_rows(run: Run, first_row: int) -> list[SummaryRow]:
    """The optimum of several features: least squares by LINEST (QR), ridge by MINVERSE of
    the normal equations' block (why: :mod:`gdapp.excel.solved_optimum`)."""
    spec, opt = run.spec, run.optimum
    assert opt.params is not None
    names = spec.param_names
    samples = fx.Samples.of(spec.data.p)
    intercept = MODEL_RULES[spec.model].intercept
    slopes = np.asarray(opt.params[1:] if intercept else opt.params, dtype=np.float64)
    gram, moment = _block_ranges(spec.data.p)
    # a solve's rounding grows with the condition number κ of the matrix: its cells are
    # measured against κ·|b|·1e−3, so 1e−12 of that allows κ·1e−15·|b|
    ridge = spec.penalty == "l2" and spec.lam > 0
    matrix = np.array([[c.expected for c in row[1:-1]] for row in block_rows(run)[1:]],
                      dtype=np.float64)
    kappa = float(np.linalg.cond(matrix))
    size = kappa * float(np.max(np.abs(slopes))) * 1e-3 if np.isfinite(kappa) else 0.0
    how = "exact: ridge, (Σ u·uᵀ + n·λ·I)⁻¹·Σ u·v" if ridge else \
        "exact: least squares by LINEST (QR), the b of Σ u·uᵀ·b = Σ u·v"
    if np.isfinite(kappa) and kappa > 1e8:
        # MINVERSE keeps about 16 − log10 κ digits; LINEST's QR of the samples loses
        # log10 √κ (κ is the block's, the square of the samples' own) plus, where the fit
        # leaves residuals, up to log10 κ: as few as MINVERSE's at worst
        digits = max(0, 16 - int(np.log10(kappa)))
        how += (f"; condition number κ = {kappa:.1e}: a spreadsheet's MINVERSE keeps about "
                f"{digits} digits here, do not trust these cells" if ridge else
                f"; condition number κ = {kappa:.1e}: a spreadsheet's LINEST may keep as few "
                f"as {digits} digits here, do not trust these cells")
    out: list[SummaryRow] = []
    slope_refs = []
    p = spec.data.p
    xs = f"Data!$B${FIRST_ROW}:${column_letter(p)}${spec.data.n + FIRST_ROW - 1}"
    for j, b in enumerate(slopes, start=1):
        slope_refs.append(f"B{first_row + len(out)}")
        solve = fx.excel("solve", gram=gram, moment=moment, j=str(j)) if ridge else \
            fx.excel("least squares", xs=xs, const="TRUE" if intercept else "FALSE",
                     column=str(p - j + 1))
        out.append(_f(f"Optimum b{j}", solve, how, float(b), terms=size))
    b0_ref = ""
    if intercept:
        data = spec.data
        terms = "+".join(fx.excel("mean product", b=ref, x=x)
                         for ref, x in zip(slope_refs, samples.xs, strict=True))
        size_b0 = float(np.max(np.abs(data.y)) + np.abs(slopes) @ np.max(np.abs(data.X), 0))
        b0_ref = f"B{first_row + len(out)}"
        out.append(_f("Optimum b0", fx.excel("intercept p", terms=terms),
                      "exact: b0 = ȳ − Σ bj·x̄j", float(opt.params[0]), terms=size_b0))
    out.append(_objective_at(run, b0_ref, slope_refs))
    assert len(out) == len(names) + 1
    return out


def _stability_rows(run: Run, first_row: int) -> list[SummaryRow]:
    spec = run.spec
    limit = run.stability_limit
    label = "Stability limit 2/L (L: the largest eigenvalue of H): η must stay below"
    if limit is not None and stability_is_bound(spec.model, spec.cost):
        return stability_bound_rows(run)
    if limit is None:
        return [SummaryRow(label, "none", unstable_why(spec))]
    if spec.optimizer == "momentum":
        label = "Stability limit (2 + 2μ)/L (L: the largest eigenvalue of H): η must stay below"
    limit_name = "stability limit momentum" if spec.optimizer == "momentum" else \
        "stability limit"
    how = "(2 + 2μ)/L" if spec.optimizer == "momentum" else "2/L"
    if spec.data.p > 1:     # L itself: the momentum limit is (2 + 2μ)/L, not 2/L
        mu = spec.hyper().momentum if spec.optimizer == "momentum" else 0.0
        top = 2.0 / limit * (1.0 + mu)
        rows = [SummaryRow("Largest eigenvalue L of H", top,
                           f"{AT_EXPORT}: numpy's eigvalsh of H = (2/n)·Σ x·xᵀ (+ 2λ·I)")]
        return [*rows, _f(label, fx.excel(limit_name, h=f"B{first_row}"), how, limit)]
    x = spec.data.x
    l2 = "+2*lambda_" if spec.penalty == "l2" else ""
    lam2 = 2.0 * spec.lam if spec.penalty == "l2" else 0.0
    c = 2.0 * float(np.mean(x * x)) + lam2
    hess_c = fx.excel("hessian origin", mxx=fx.excel("mean square x"), l2=l2)
    if not MODEL_RULES[spec.model].intercept:
        rows = [_f("Hessian H = ∂²(E+P)/∂b1²", hess_c, "2·mean(x²) (+ 2λ with L2)", c)]
    else:
        top = (2.0 + c) / 2.0 + math.hypot((2.0 - c) / 2.0, 2.0 * float(np.mean(x)))
        rows = [
            _f("Hessian entry ∂²(E+P)/∂b1²", hess_c, "2·mean(x²) (+ 2λ with L2)", c),
            _f("Largest eigenvalue L of H", fx.excel("hessian line top", c=f"B{first_row}"),
               "H = [[2, 2·x̄], [2·x̄, 2·mean(x²) (+ 2λ)]]", top),
        ]
    h_ref = f"B{first_row + len(rows) - 1}"
    rows.append(_f(label, fx.excel(limit_name, h=h_ref), how, limit))
    return rows


def _curve_bounds(run: Run) -> tuple[float, float, float, float]:
    """(lowest, highest, from, to) of the curve, mirroring the "curve ..." formulas: the
    path's first iterates and its end (a diverged end replaced by the start), 10 % margin."""
    b1 = run.params[:, run.spec.param_names.index("b1")]
    first = b1[:PATH_ROWS]
    final, start = float(b1[-1]), float(b1[0])
    keep = final if abs(final) <= 100 * (abs(start) + 1) else start
    lo, hi = min(float(first.min()), keep), max(float(first.max()), keep)
    if MODEL_RULES[run.spec.model].exact == "dense search":   # every valley searched is drawn
        lo, hi = min(lo, SEARCH_RANGE[0]), max(hi, SEARCH_RANGE[1])
    wide = hi - lo > CURVE_POINT_SPREAD * max(1.0, abs(lo), abs(hi))
    margin = 0.1 * (hi - lo) if wide else 1.0
    return lo, hi, lo - margin, hi + margin


def _curve_rows(run: Run, columns: list[Column], first_row: int) -> list[SummaryRow]:
    b1_col = column_letter(column_index(columns, "b1"))
    last = FIRST_ROW + min(int(run.params.shape[0]), PATH_ROWS) - 1
    path = f"Iterations!${b1_col}${FIRST_ROW}:${b1_col}${last}"
    keep = fx.excel("curve keep final")
    kind = " sine" if MODEL_RULES[run.spec.model].exact == "dense search" else ""
    ends = {"lo": f"{SEARCH_RANGE[0]:g}", "hi": f"{SEARCH_RANGE[1]:g}"} if kind else {}
    lo, hi, start, end = _curve_bounds(run)
    r_lo, r_hi = f"B{first_row}", f"B{first_row + 1}"
    how = f"over the first {PATH_ROWS} iterates and the last" + (
        f" and b1 from {SEARCH_RANGE[0]:g} to {SEARCH_RANGE[1]:g}, where the valleys were "
        "searched" if kind else "")
    low = fx.excel("curve low" + kind, path=path, keep=keep, **ends)
    high = fx.excel("curve high" + kind, path=path, keep=keep, **ends)
    return [
        _f("Cost curve: lowest b1 of the path", low, how, lo),
        _f("Cost curve: highest b1 of the path", high, how, hi),
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
    obj = Objective.of(spec)
    params = np.repeat(run.params[-1:], grid.size, axis=0)
    params[:, spec.param_names.index("b1")] = grid
    return np.asarray(obj.value(params), dtype=np.float64)


def curve_terms(run: Run, grid: NDArray[np.float64], curve: NDArray[np.float64]
                ) -> NDArray[np.float64]:
    """The size of the largest term of each curve point's cost (layout.sample_terms), with
    b1 at the size of the span it is computed from (a point from + (to − from)·i/60 is known
    only to the rounding of from and to)."""
    spec = run.spec
    _, _, start, end = _curve_bounds(run)
    params = np.repeat(run.params[-1:], grid.size, axis=0)
    params[:, spec.param_names.index("b1")] = max(abs(start), abs(end))
    return sample_terms(spec, params, curve)["cost"]


def curve_formula(run: Run, row: int) -> str:
    """The objective formula for the curve point on Summary row ``row`` (b1 in column E)."""
    spec = run.spec
    b0 = "b0_final" if MODEL_RULES[spec.model].intercept else ""
    slopes = [f"E{row}", *[f"b{j}_final" for j in range(2, spec.data.p + 1)]]
    samples = fx.Samples.of(spec.data.p)
    return "=" + fx.excel("objective", cost=sums.cost(spec.cost, spec.model, b0, slopes,
                                                      samples),
                          penalty=fx.penalty(spec.penalty, slopes))


def data_formulas(run: Run, row: int) -> tuple[str, str]:
    """Data sheet row ``row`` (sample | x1 … xp | y | ŷ | y − ŷ): prediction at the final
    iterate and the residual."""
    p = run.spec.data.p
    lin = "+".join(fx.excel("product", b=f"b{j}_final", x=f"{column_letter(j)}{row}")
                   for j in range(1, p + 1))
    pred = sums.final_prediction(run.spec.model, lin)
    return "=" + pred, "=" + fx.excel("final residual", y=f"{column_letter(p + 1)}{row}",
                                      yhat=f"{column_letter(p + 2)}{row}")


def data_expected(run: Run) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(ŷ, y − ŷ) at the final iterate, as the engine computes them."""
    yhat = model_predictions(run.params[-1:], run.spec.data, run.spec.model)[0]
    return yhat, run.spec.data.y - yhat
