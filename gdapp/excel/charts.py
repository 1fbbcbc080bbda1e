"""Native spreadsheet charts on the Summary sheet (openpyxl.chart).

1. The cost curve with the descent path: the objective along b1 (Summary's sampled curve,
   formulas) and the iterates (objective against b1 on the Iterations sheet).
2. The objective per iteration.

Both read live cells, so they redraw when an input changes. A chart draws at most
:data:`CHART_ROWS` iterates (the path's shape is set in its first steps; a million-point
series would make a spreadsheet crawl).
"""

from __future__ import annotations

from openpyxl.chart import Reference, ScatterChart, Series
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from gdapp.core import Run
from gdapp.excel.labels import Words, words
from gdapp.excel.layout import FIRST_ROW, Column, column_index
from gdapp.excel.summary import CURVE_POINTS

#: Iterates drawn by a chart at most.
CHART_ROWS = 10_000


def _series(ws: WriteOnlyWorksheet, x_col: int, y_col: int, first: int, last: int,
            title: str) -> Series:
    xs = Reference(ws, min_col=x_col, min_row=first, max_row=last)
    ys = Reference(ws, min_col=y_col, min_row=first, max_row=last)
    s = Series(ys, xs, title=title)
    return s


def _scatter(title: str, x_title: str, y_title: str) -> ScatterChart:
    chart = ScatterChart()
    chart.title = title
    chart.style = 13
    chart.x_axis.title = x_title
    chart.y_axis.title = y_title
    # LibreOffice draws no tick labels on an axis without an explicit position and label
    # placement (openpyxl leaves both axes at "l"): bottom for x, left for y.
    chart.x_axis.axPos = "b"
    chart.y_axis.axPos = "l"
    for axis in (chart.x_axis, chart.y_axis):
        axis.delete = False
        axis.tickLblPos = "low"
        axis.majorTickMark = "out"
        axis.number_format = "General"
    chart.width, chart.height = 18, 9
    return chart


def add_charts(summary: WriteOnlyWorksheet, iterations: WriteOnlyWorksheet, run: Run,
               columns: list[Column], tr: Words | None = None) -> None:
    """Anchor the two charts on the Summary sheet (to the right of the curve table), their
    titles in the language of ``tr`` (default English)."""
    tr = tr or words("en")
    m = int(run.params.shape[0])
    last = FIRST_ROW + min(m, CHART_ROWS) - 1
    shown = "" if m <= CHART_ROWS else " " + tr(f"(first {CHART_ROWS:,} iterates)")
    b1 = column_index(columns, "b1") + 1
    objective = column_index(columns, "objective") + 1

    curve = _scatter(tr("Objective along b1 and the descent path") + shown, "b1",
                     tr("objective E + P"))
    line = _series(summary, 5, 6, FIRST_ROW, FIRST_ROW + CURVE_POINTS - 1, tr("objective"))
    line.marker.symbol = "none"
    line.smooth = False
    line.graphicalProperties.line.solidFill = "000000"  # the note's black cost curve
    line.graphicalProperties.line.width = 12700  # 1 pt, so the path's dots show on it
    path = _series(iterations, b1, objective, FIRST_ROW, last, tr("iterates"))
    path.marker.symbol = "circle"
    path.marker.size = 5
    path.marker.graphicalProperties.solidFill = "E8731A"
    path.marker.graphicalProperties.line.solidFill = "A04000"
    path.graphicalProperties.line.noFill = True
    curve.series.extend([line, path])
    summary.add_chart(curve, "H2")

    per_k = _scatter(tr("Objective per iteration") + shown, "k", tr("objective E + P"))
    trace = _series(iterations, 1, objective, FIRST_ROW, last, tr("objective"))
    trace.marker.symbol = "none"
    trace.graphicalProperties.line.solidFill = "E8731A"
    per_k.series.append(trace)
    if run.spec.holdout is not None:   # the cost on the held-out samples beside it
        test = _series(iterations, 1, column_index(columns, "test cost") + 1, FIRST_ROW, last,
                       tr("test cost (held-out samples)"))
        test.marker.symbol = "none"
        test.graphicalProperties.line.solidFill = "1F77B4"
        per_k.series.append(test)
    summary.add_chart(per_k, "H22")
