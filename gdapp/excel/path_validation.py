"""The validation curve in the path workbook (``gdapp path … --test-fraction F -o FILE.xlsx``).

With held-out samples, the path workbook computes what ``gdapp path --json`` reports as
``train_cost``, ``test_cost`` and ``best_lambda``, live:

* **Path** gains two columns per λ: the training cost and the test cost of the row's
  coefficients, the MSE without the penalty, ``SUMPRODUCT((y − ŷ)²)/COUNT(y)`` over the
  training samples (``x1_data`` …, ``y_data``) and over the held-out ones (``x1_test`` …,
  ``y_test``), and a chart draws both against λ on a log axis.
* **Data** holds the held-out samples below the training ones, column A the sample's row of
  the data file (1-based) and a "held out" column TRUE for them.
* **Settings** gains the best λ, ``INDEX(λ, MATCH(MIN(test cost), test cost, 0))`` (the first
  λ of lowest test cost, as the engine's ``argmin``; defined name ``best_lambda``), the lowest
  test cost, the test fraction and the split seed.

Change a coefficient or a held-out sample and the costs and the best λ follow.
"""

from __future__ import annotations

from typing import Any

from openpyxl.chart import Reference, Series
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName

from gdapp.core import RegularizationPath
from gdapp.core.holdout import Holdout

#: Headers of the two cost columns of the Path sheet.
COST_HEADERS = ("training cost (MSE, no penalty)", "test cost (MSE, no penalty)")


def test_feature_names(p: int) -> list[str]:
    """The defined names of the held-out samples' feature columns: ``x1_test`` …"""
    return [f"x{j}_test" for j in range(1, p + 1)]


def cost_formulas(path: RegularizationPath, row: int) -> list[str]:
    """The training and the test cost of Path row ``row``'s coefficients."""
    p = len(path.features)
    first = len(path.param_names) - p
    out = []
    for xs, y in ((tuple(f"x{j}_data" for j in range(1, p + 1)), "y_data"),
                  (tuple(test_feature_names(p)), "y_test")):
        terms = []
        for j in range(len(path.param_names)):
            ref = f"${get_column_letter(2 + j)}{row}"
            terms.append(ref if j < first else f"{ref}*{xs[j - first]}")
        out.append(f"=SUMPRODUCT(({y}-({'+'.join(terms)}))^2)/COUNT({y})")
    return out


def cost_columns(path: RegularizationPath) -> tuple[int, int]:
    """The 1-based columns of the training and the test cost on the Path sheet."""
    q = len(path.param_names)
    return 2 * q + 3, 2 * q + 4


def best_formulas(path: RegularizationPath) -> tuple[str, str]:
    """The best λ (the first of lowest test cost) and the lowest test cost."""
    last = len(path.lambdas) + 1
    test = get_column_letter(cost_columns(path)[1])
    costs = f"Path!${test}$2:${test}${last}"
    return (f"=INDEX(Path!$A$2:$A${last},MATCH(MIN({costs}),{costs},0))",
            f"=MIN({costs})")


def settings_rows(path: RegularizationPath, holdout: Holdout) -> list[tuple[str, Any]]:
    """(label, value or formula) rows the Settings sheet gains."""
    best, lowest = best_formulas(path)
    return [("held-out samples", holdout.data.n), ("test fraction", holdout.fraction),
            ("split seed", holdout.seed),
            ("best λ (the lowest test cost)", best), ("lowest test cost", lowest)]


def name_best(wb: Any, row: int) -> None:
    """Define ``best_lambda`` at Settings row ``row``."""
    wb.defined_names["best_lambda"] = DefinedName("best_lambda",
                                                  attr_text=f"Settings!$B${row}")


def name_test_samples(wb: Any, p: int, first: int, last: int) -> None:
    """Define ``x1_test`` … and ``y_test`` on Data rows ``first`` … ``last``."""
    for j, name in enumerate([*test_feature_names(p), "y_test"]):
        letter = get_column_letter(2 + j)
        wb.defined_names[name] = DefinedName(name, attr_text=f"Data!${letter}${first}:"
                                                             f"${letter}${last}")


def cost_chart(path: RegularizationPath, ws: Any, scatter: Any) -> Any:
    """Training and test cost against λ (log axis)."""
    chart = scatter("Validation curve: training and test cost against λ", "λ (log scale)",
                    "MSE (no penalty)")
    chart.x_axis.scaling.logBase = 10
    last = len(path.lambdas) + 1
    xs = Reference(ws, min_col=1, min_row=2, max_row=last)
    for col, title, colour in zip(cost_columns(path), ("training cost", "test cost"),
                                  ("1F77B4", "E8731A"), strict=True):
        series = Series(Reference(ws, min_col=col, min_row=2, max_row=last), xs, title=title)
        series.marker.symbol = "none"
        series.graphicalProperties.line.solidFill = colour
        chart.series.append(series)
    return chart
