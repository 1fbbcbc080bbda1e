"""The regularization path as a workbook (``gdapp path … -o FILE.xlsx``).

Sheets:

* **Path**: one row per λ — λ, the exact optimum gdapp found (numbers: the path comes from
  a solver, not a formula), and live formulas that check each row's optimality over the
  samples on the Data sheet: the slope of the MSE in every parameter,
  ∂E/∂bj = −(2/n)·Σ xj·(y − ŷ), and the conditions an optimum meets

      L1 (λ·Σ|bj|):  |∂E/∂bj| ≤ λ where bj = 0,   ∂E/∂bj + λ·sign(bj) = 0 elsewhere
      L2 (λ·Σbj²):   ∂E/∂bj + 2λ·bj = 0
      b0 (line):     ∂E/∂b0 = 0

  each "= 0" to within ``KKT_SLACK``·λ_max (spreadsheets sum raw samples, which rounds);
  the last column is TRUE when every condition of the row holds. A native chart draws each
  slope against λ on a log axis.
* **Data**: the samples, one column per feature (defined names ``x1_data`` … ``xp_data``,
  ``y_data``).
* **Settings**: the penalty, the model, n and λ_max (defined name ``lambda_max``).

With held-out samples (``--test-fraction``) the workbook computes the validation curve too:
each λ's training and test cost and the best λ (:mod:`gdapp.excel.path_validation`).

Change a coefficient on the Path sheet and its row's check turns FALSE: the workbook proves
the path, in Excel, LibreOffice or Gnumeric.
"""

from __future__ import annotations

import contextlib
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree
from openpyxl import Workbook
from openpyxl.chart import Reference, Series
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName

from gdapp import __version__
from gdapp.core import Dataset, RegularizationPath
from gdapp.core.holdout import Holdout
from gdapp.core.messages import Message
from gdapp.excel import path_validation as pv
from gdapp.excel.cells import number, text
from gdapp.excel.charts import _scatter
from gdapp.excel.export import _discard, write_failure
from gdapp.excel.target import (
    ExportError,
    check_target,
    reserve_temporary,
    save_atomically,
    signals_held,
)

#: How far from 0 an optimality condition may be, relative to λ_max.
KKT_SLACK = 1e-9

PATH_SHEET, DATA_SHEET, SETTINGS_SHEET = "Path", "Data", "Settings"


def feature_names(p: int) -> list[str]:
    """The defined names of the feature columns: ``x1_data`` … ``xp_data``."""
    return [f"x{j}_data" for j in range(1, p + 1)]


def _residual(path: RegularizationPath, row: int) -> str:
    """y − ŷ over the samples for the parameters on Path row ``row``."""
    names = feature_names(len(path.features))
    first = len(path.param_names) - len(names)
    terms = []
    for j in range(len(path.param_names)):
        ref = f"${get_column_letter(2 + j)}{row}"
        terms.append(ref if j < first else f"{ref}*{names[j - first]}")
    return f"(y_data-({'+'.join(terms)}))"


def _conditions(path: RegularizationPath, row: int, q: int) -> list[str]:
    """The optimality conditions of Path row ``row`` (formulas without ``=``)."""
    lam = f"$A{row}"
    slack = f"{KKT_SLACK:.0E}*lambda_max"
    first = len(path.param_names) - len(path.features)
    out = []
    for j in range(q):
        g = f"{get_column_letter(2 + q + j)}{row}"
        b = f"{get_column_letter(2 + j)}{row}"
        if j < first:
            out.append(f"ABS({g})<={slack}")
        elif path.penalty == "l1":
            out.append(f"IF({b}=0,ABS({g})<={lam}+{slack},ABS({g}+{lam}*SIGN({b}))<={slack})")
        else:
            out.append(f"ABS({g}+2*{lam}*{b})<={slack}")
    return out


def export_path(path: RegularizationPath, data: Dataset, model: str, target: str | Path,
                *, holdout: Holdout | None = None) -> Path:
    """Write ``path`` (found on ``data`` with ``model``) as a workbook at ``target``; with
    ``holdout``, the validation curve too (:mod:`gdapp.excel.path_validation`).

    Raises :class:`~gdapp.excel.export.ExportError` for a bad target; nothing is left
    behind when writing fails.
    """
    out = check_target(target)
    wb = Workbook(write_only=True)
    when = datetime.now(tz=UTC).replace(tzinfo=None)
    wb.properties.created = wb.properties.modified = when
    wb.properties.creator = f"gdapp {__version__}"
    tmp: Path | None = None
    try:
        with signals_held():  # a signal now finds the name kept, and the file is removed
            tmp = reserve_temporary(out)
        _write(wb, path, data, model, holdout)
        save_atomically(wb, tmp, out)
    except BaseException as exc:
        _discard(wb)
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        if isinstance(exc, OSError | etree.SerialisationError):  # a full disk, as export says
            raise ExportError(write_failure(exc, Path(tempfile.gettempdir()),
                                            Message("the workbook's sheets"))) from None
        raise
    return out


def _write(wb: Workbook, path: RegularizationPath, data: Dataset, model: str,
           holdout: Holdout | None = None) -> None:
    q = len(path.param_names)
    ws = wb.create_sheet(PATH_SHEET)
    header = ["λ", *path.param_names, *(f"∂E/∂{n}" for n in path.param_names),
              "optimal (KKT)", *(pv.COST_HEADERS if holdout is not None else ())]
    ws.append([text(ws, h) for h in header])
    for i, (lam, params) in enumerate(zip(path.lambdas, path.params, strict=True)):
        row = i + 2
        residual = _residual(path, row)
        slopes = []
        for j in range(q):
            j_feature = j - (q - len(path.features))
            weights = "" if j_feature < 0 else f"{feature_names(len(path.features))[j_feature]},"
            slopes.append(f"=-2*SUMPRODUCT({weights}{residual})/COUNT(y_data)")
        check = "=AND(" + ",".join(_conditions(path, row, q)) + ")"
        costs = pv.cost_formulas(path, row) if holdout is not None else []
        ws.append([number(ws, float(lam)), *(number(ws, float(v)) for v in params),
                   *slopes, check, *costs])
    chart = _scatter(f"{path.penalty.upper()} path: each slope at the exact optimum",
                     "λ (log scale)", "slope")
    chart.x_axis.scaling.logBase = 10
    last = len(path.lambdas) + 1
    xs = Reference(ws, min_col=1, min_row=2, max_row=last)
    first = q - len(path.features)
    for j, name in enumerate(path.features):
        ys = Reference(ws, min_col=2 + first + j, min_row=2, max_row=last)
        chart.series.append(Series(ys, xs, title=f"b{j + 1} {name}"))
    at = get_column_letter(2 * q + 3 + 2 * (holdout is not None))
    ws.add_chart(chart, f"{at}2")
    if holdout is not None:
        ws.add_chart(pv.cost_chart(path, ws, _scatter), f"{at}22")

    ds = wb.create_sheet(DATA_SHEET)
    ds.append([text(ds, "sample"), *(text(ds, f) for f in data.feature_names),
               text(ds, data.y_name), *([text(ds, "held out")] if holdout else [])])
    parts = [(data, range(1, data.n + 1) if holdout is None else
              [r + 1 for r in holdout.train_rows], False)]
    if holdout is not None:
        parts.append((holdout.data, [r + 1 for r in holdout.test_rows], True))
    for part, samples, held in parts:
        for i, sample in enumerate(samples):
            ds.append([sample, *(number(ds, float(v)) for v in part.X[i]),
                       number(ds, float(part.y[i])), *([held] if holdout else [])])
    last_row = data.n + 1
    if holdout is not None:
        pv.name_test_samples(wb, data.p, last_row + 1, last_row + holdout.data.n)
    for j, name in enumerate(feature_names(data.p)):
        letter = get_column_letter(2 + j)
        wb.defined_names[name] = DefinedName(name, attr_text=f"Data!${letter}$2:${letter}"
                                                            f"${last_row}")
    y_letter = get_column_letter(2 + data.p)
    wb.defined_names["y_data"] = DefinedName("y_data", attr_text=f"Data!${y_letter}$2:"
                                                                f"${y_letter}${last_row}")

    st = wb.create_sheet(SETTINGS_SHEET)
    st.append([text(st, "setting"), text(st, "value")])
    for label, value in (("penalty", path.penalty), ("model", model),
                         ("data", data.name), ("samples n", data.n),
                         ("λ_max (every L1 slope is 0 from here)", path.lambda_max)):
        cell = text(st, value) if isinstance(value, str) else number(st, float(value))
        st.append([text(st, label), cell])
    wb.defined_names["lambda_max"] = DefinedName("lambda_max", attr_text="Settings!$B$6")
    if holdout is not None:
        for row, (label, value) in enumerate(pv.settings_rows(path, holdout), start=7):
            if isinstance(value, str):
                cell = value
                if label.startswith("best"):
                    pv.name_best(wb, row)
            else:
                cell = value if isinstance(value, int) else number(st, float(value))
            st.append([text(st, label), cell])
