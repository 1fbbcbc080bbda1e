"""The Data sheet of a run whose samples were shaped: polynomial features, held-out samples,
standardized features (:mod:`gdapp.core.holdout`).

A shaped run's Data sheet keeps every sample of the data file and computes what the engine
computed from them, live::

    sample | b1 … bp features | y | ŷ | y − ŷ [| held out] [| raw x … | · | centre | scale]

* **Rows.** The training samples first (rows 2 … n+1, the rows ``x_data``/``y_data`` cover
  and the descent's formulas use), then the held-out ones (the names ``x_test`` or
  ``x1_test`` … ``xp_test`` and ``y_test``, which the test cost uses). Column A holds each
  sample's row of the data file (1-based), so the split can be read off; the "held out"
  column says TRUE for the held-out ones.
* **Powers** (``--degree D``): the column of x^k is ``x^(k−1)·x``, a formula of the column
  before and of x — the engine multiplies the same way, so the powers are the engine's bit
  for bit. Edit an x and its powers follow.
* **Standardized features** (``--standardize``): the feature columns are z-score formulas
  ``(x − c)/s`` of the samples as read (the "before standardizing" columns to the right,
  their powers formulas too), with the centre c and the scale s of each feature computed by
  formulas over the **training** rows only — c = AVERAGE, s = the population sd (1 for a
  constant feature), as :meth:`gdapp.core.Dataset.standardized` and a scaler fitted on the
  training rows do; for a model without an intercept c = 0 and s = √mean(x²). Edit a
  training sample and c, s and every z follow.

The Settings sheet gains ``test_fraction`` and ``split_seed`` (from :meth:`RunSpec.settings`)
and, after the run's settings, ``degree`` and ``standardize`` rows, which the read-back
(:func:`read_shaped`) uses to rebuild the same spec: the samples in file order, then
:func:`~gdapp.core.holdout.polynomial`, :func:`~gdapp.core.holdout.split` and
:func:`~gdapp.core.holdout.standardize`, as the command line does.

A run holds standardized features but not the values it standardized: they are recovered as
z·s + c, rounded to 15 significant digits of each column's largest value, else 14, 13 or 12 —
the first rounding whose standardization gives the run's features bit for bit (the values of
a data file written with at most 12 digits come back exactly; others may differ from the
file's in the last digits, and the workbook then describes those, consistently: the read-back
standardizes what the sheet holds). The centre and the scale are formulas, so an edited
training sample moves them, as a rerun of the engine on the edited samples does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray
from openpyxl.utils import get_column_letter

from gdapp.core import Dataset, Run, RunSpec
from gdapp.core.holdout import Holdout
from gdapp.core.models import MODEL_RULES
from gdapp.core.objective import model_predictions
from gdapp.excel import formulas as fx
from gdapp.excel import sample_sums as sums
from gdapp.excel.layout import FIRST_ROW, Cell, Column, sample_terms

FloatArray = NDArray[np.float64]

#: Settings rows a shaped run adds: defined name → (label, what it means).
SETTINGS_META: dict[str, tuple[str, str]] = {
    "test_fraction": ("Test fraction", "The share of the samples held out of the fit (the "
                      "rows the Data sheet flags held out); the test cost is the cost on them."),
    "split_seed": ("Split seed", "The seed of the draw that chose the held-out samples."),
    "degree": ("Polynomial degree", "The features are x, x², …, x^D of the one feature x "
               "(the Data sheet's power columns are formulas of x)."),
    "standardize": ("Standardized", "The features are z-scores computed with the training "
                    "samples' centre and scale (the Data sheet's formulas)."),
}


@dataclass(frozen=True)
class Shape:
    """How a run's samples were shaped, and the samples as read (file order split in two).

    ``raw_train``/``raw_test``: the features before standardizing, (n, p) and (n_test, p).
    """

    p: int
    degree: int | None
    centre: bool | None          # None: not standardized
    holdout: Holdout | None
    raw_train: FloatArray
    raw_test: FloatArray | None

    @property
    def n_train(self) -> int:
        return int(self.raw_train.shape[0])

    @property
    def n_test(self) -> int:
        return 0 if self.raw_test is None else int(self.raw_test.shape[0])

    # ---- columns (0-based indices) ----------------------------------------------------
    @property
    def flag_col(self) -> int | None:
        return None if self.holdout is None else self.p + 4

    @property
    def raw_col(self) -> int:
        """The first "before standardizing" column (standardized runs only)."""
        return self.p + 4 + (self.holdout is not None)

    @property
    def block_col(self) -> int:
        """The centre/scale block's label column (standardized runs only)."""
        return self.raw_col + self.p + 1

    @property
    def width(self) -> int:
        if self.centre is None:
            return self.p + 4 + (self.holdout is not None)
        return self.block_col + 3

    @property
    def last_row(self) -> int:
        return self.n_train + self.n_test + FIRST_ROW - 1


def _letter(index: int) -> str:
    return str(get_column_letter(index + 1))


def _is_powers(X: FloatArray, names: tuple[str, ...]) -> bool:
    p = len(names)
    if p < 2 or any(names[k] != f"{names[0]}^{k + 1}" for k in range(1, p)):
        return False
    return all(np.array_equal(X[:, k], X[:, k - 1] * X[:, 0]) for k in range(1, p))


def _recovered(data: Dataset, digits: int) -> FloatArray:
    """The features before standardizing: z·s + c, rounded to ``digits`` significant digits
    of each column's largest value."""
    assert data.scaling is not None
    raw = data.X * np.array(data.scaling.scales) + np.array(data.scaling.centres)
    top = np.max(np.abs(raw), axis=0) if raw.size else np.ones(data.p)
    places = [digits - 1 - int(np.floor(np.log10(t))) if t > 0 and np.isfinite(t) else digits
              for t in top.tolist()]
    out = np.array([[round(v, k) for v, k in zip(row, places, strict=True)]
                    for row in raw.tolist()], dtype=np.float64)
    return out.reshape(raw.shape)


def _unscaled(spec: RunSpec, degree: bool) -> tuple[FloatArray, FloatArray | None]:
    """The training and held-out features before standardizing: the rounding (15 down to 12
    significant digits) whose standardization gives the run's features bit for bit, else 15
    digits."""
    data, held = spec.data, spec.holdout
    assert data.scaling is not None
    centre = MODEL_RULES[spec.model].intercept
    first: tuple[FloatArray, FloatArray | None] | None = None
    for digits in (15, 14, 13, 12):
        raw = _recovered(data, digits)
        raw_test = None if held is None else _recovered(held.data, digits)
        if degree:
            raw = _chain(raw[:, 0], data.p)
            raw_test = None if raw_test is None else _chain(raw_test[:, 0], data.p)
        first = first or (raw, raw_test)
        z = Dataset(raw, data.y, feature_names=data.feature_names).standardized(centre=centre)
        scaling = z.scaling
        assert scaling is not None
        same_test = held is None or raw_test is None or np.array_equal(
            (raw_test - np.array(scaling.centres)) / np.array(scaling.scales), held.data.X)
        if np.array_equal(z.X, data.X) and same_test:
            return raw, raw_test
    assert first is not None
    return first


def _chain(x: FloatArray, p: int) -> FloatArray:
    cols = [x]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(1, p):
            cols.append(cols[-1] * x)
    return np.column_stack(cols)


#: The last spec asked about and its shape (an export asks several times; recovering the
#: samples of a large standardized data set takes a while).
_LAST: list[tuple[RunSpec, Shape | None]] = []


def shape_of(spec: RunSpec) -> Shape | None:
    """The shape of ``spec``'s samples, or None for samples as they are (today's Data
    sheet)."""
    last = _LAST[:1]
    if last and last[0][0] is spec:
        return last[0][1]
    shape = _shape_of(spec)
    _LAST[:] = [(spec, shape)]
    return shape


def _shape_of(spec: RunSpec) -> Shape | None:
    data, held = spec.data, spec.holdout
    scaled = data.scaling is not None
    names = data.feature_names
    degree: int | None = data.p if len(names) > 1 and all(
        names[k] == f"{names[0]}^{k + 1}" for k in range(1, len(names))) else None
    if scaled:
        raw, raw_test = _unscaled(spec, degree is not None)
    else:
        raw = data.X
        raw_test = None if held is None else held.data.X
        if degree is not None and not (_is_powers(raw, names) and (
                raw_test is None or _is_powers(raw_test, names))):
            degree = None
    if degree is None and held is None and not scaled:
        return None
    centre = MODEL_RULES[spec.model].intercept if scaled else None
    return Shape(data.p, degree, centre, held, raw, raw_test)


# ---- writing ---------------------------------------------------------------------------
def extra_settings(spec: RunSpec) -> dict[str, int | bool]:
    """The Settings rows after the run's own: ``degree`` and ``standardize`` when they
    apply."""
    shape = shape_of(spec)
    out: dict[str, int | bool] = {}
    if shape is not None and shape.degree is not None:
        out["degree"] = shape.degree
    if shape is not None and shape.centre is not None:
        out["standardize"] = True
    return out


def test_names(p: int) -> fx.Samples:
    """How the test cost names the held-out samples."""
    xs = ("x_test",) if p == 1 else tuple(f"x{j}_test" for j in range(1, p + 1))
    return fx.Samples(xs, "y_test")


def defined_names(spec: RunSpec) -> dict[str, str]:
    """The held-out samples' names (``x_test`` …, ``y_test``) on the Data sheet."""
    shape = shape_of(spec)
    if shape is None or shape.holdout is None:
        return {}
    first, last = shape.n_train + FIRST_ROW, shape.last_row
    names = {}
    for j, x in enumerate(test_names(shape.p).xs, start=1):
        names[x] = f"Data!${_letter(j)}${first}:${_letter(j)}${last}"
    y = _letter(shape.p + 1)
    names["y_test"] = f"Data!${y}${first}:${y}${last}"
    return names


def headers(spec: RunSpec, shape: Shape) -> list[tuple[str, bool]]:
    """Row 1 beyond the prediction and residual: (text, translate?)."""
    out: list[tuple[str, bool]] = []
    if shape.flag_col is not None:
        out.append(("held out", True))
    if shape.centre is not None:
        out += [(f"{name} before standardizing", True) for name in spec.data.feature_names]
        out += [("", False), ("feature", True),
                ("centre c (training samples' mean)" if shape.centre else "centre c (0: "
                 "no intercept)", True),
                ("scale s (training samples' sd)" if shape.centre else "scale s (training "
                 "samples' √mean(x²))", True)]
    return out


def _feature_cells(shape: Shape, row: int) -> list[str | float | None]:
    """Columns B … of Data row ``row``: the features as the formulas use them (formulas
    where they are computed; None where the value is written as read)."""
    out: list[str | float | None] = []
    for j in range(shape.p):
        if shape.centre is not None:
            raw = f"{_letter(shape.raw_col + j)}{row}"
            c, s = (f"${_letter(shape.block_col + k)}${FIRST_ROW + j}" for k in (1, 2))
            out.append(f"=({raw}-{c})/{s}")
        elif shape.degree is not None and j > 0:
            out.append(f"={_letter(j)}{row}*$B{row}")
        else:
            out.append(None)
    return out


def _raw_cells(shape: Shape, row: int) -> list[str | None]:
    out: list[str | None] = []
    for j in range(shape.p):
        if shape.degree is not None and j > 0:
            out.append(f"={_letter(shape.raw_col + j - 1)}{row}*${_letter(shape.raw_col)}{row}")
        else:
            out.append(None)
    return out


def _block_formulas(shape: Shape, j: int) -> tuple[str, str]:
    """The centre and scale of feature j over the training rows."""
    col = _letter(shape.raw_col + j)
    rng = f"${col}${FIRST_ROW}:${col}${shape.n_train + FIRST_ROW - 1}"
    c_ref = f"${_letter(shape.block_col + 1)}${FIRST_ROW + j}"
    if shape.centre:
        ss = f"SUMPRODUCT(({rng}-{c_ref})^2)"
        return f"=AVERAGE({rng})", f"=IF({ss}=0,1,SQRT({ss}/COUNT({rng})))"
    ss = f"SUMPRODUCT({rng}^2)"
    return "=0", f"=IF({ss}=0,1,SQRT({ss}/COUNT({rng})))"


def data_rows(run: Run, data_formulas: Any) -> Iterator[list[Any]]:
    """Rows 2 … of a shaped run's Data sheet, as values and ``"=..."`` strings (the writer
    wraps numbers and texts). ``data_formulas(run, row)`` gives the prediction and residual."""
    spec = run.spec
    shape = shape_of(spec)
    assert shape is not None
    held = spec.holdout
    samples = [(i, r, False) for i, r in enumerate(held.train_rows)] if held else \
        [(i, i, False) for i in range(shape.n_train)]
    if held is not None:
        samples += [(i, r, True) for i, r in enumerate(held.test_rows)]
    for at, (i, file_row, is_test) in enumerate(samples):
        row = at + FIRST_ROW
        part = held.data if is_test and held is not None else spec.data
        raw = (shape.raw_test if is_test else shape.raw_train)
        assert raw is not None
        feats = [cell if cell is not None else float(raw[i, j])
                 for j, cell in enumerate(_feature_cells(shape, row))]
        out: list[Any] = [file_row + 1, *feats, float(part.y[i]), *data_formulas(run, row)]
        if shape.flag_col is not None:
            out.append(is_test)
        if shape.centre is not None:
            out += [cell if cell is not None else float(raw[i, j])
                    for j, cell in enumerate(_raw_cells(shape, row))]
            if at < shape.p:
                c, s = _block_formulas(shape, at)
                out += [None, ("name", spec.data.feature_names[at]), c, s]
        yield out
    for extra in range(len(samples), shape.p):   # more features than samples
        if shape.centre is not None:
            c, s = _block_formulas(shape, extra)
            pad: list[Any] = [None] * shape.block_col
            yield [*pad, ("name", spec.data.feature_names[extra]), c, s]


# ---- what the verifier compares --------------------------------------------------------
def data_cells(run: Run, data_formulas: Any) -> Iterator[Cell]:
    """Every formula of a shaped run's Data sheet with the engine's value, in row order."""
    spec = run.spec
    shape = shape_of(spec)
    assert shape is not None
    held = spec.holdout
    parts = [spec.data] + ([held.data] if held is not None else [])
    yhat = [model_predictions(run.params[-1:], d, spec.model)[0] for d in parts]
    for at, row_values in enumerate(data_rows(run, data_formulas)):
        row = at + FIRST_ROW
        is_test = at >= shape.n_train
        i = at - shape.n_train if is_test else at
        part = parts[1] if is_test else parts[0]
        raw = shape.raw_test if is_test else shape.raw_train
        for col, content in enumerate(row_values):
            if not (isinstance(content, str) and content.startswith("=")):
                continue
            ref = f"{_letter(col)}{row}"
            if at >= shape.n_train + shape.n_test:
                value = 0.0
            elif 1 <= col <= shape.p:
                value = float(part.X[i, col - 1])
            elif col == shape.p + 2:
                value = float(yhat[is_test][i])
            elif col == shape.p + 3:
                value = float(part.y[i] - yhat[is_test][i])
            elif shape.centre is not None and shape.raw_col <= col < shape.raw_col + shape.p:
                assert raw is not None
                value = float(raw[i, col - shape.raw_col])
            else:
                value = 0.0
            if shape.centre is not None and col >= shape.block_col + 1:
                scaling = spec.data.scaling
                assert scaling is not None
                pick = scaling.centres if col == shape.block_col + 1 else scaling.scales
                value = float(pick[at])
            yield Cell("Data", ref, content, value)


def test_cost_column(run: Run, b0: str, slopes: list[str]) -> list[Column]:
    """The Iterations column of the test cost (the cost on the held-out samples, without the
    penalty, at each iterate), or none without held-out samples."""
    held = run.spec.holdout
    values = run.test_objective
    if held is None or values is None:
        return []
    template = "=" + sums.cost(run.spec.cost, run.spec.model, b0, slopes,
                             test_names(held.data.p))
    terms = sample_terms(replace(run.spec, data=held.data), run.params, values)["cost"]
    return [Column(f"test cost ({run.spec.cost.upper()}) on the held-out samples, "
                   "without the penalty", template.format(p=FIRST_ROW), template, values,
                   first_is_formula=True, terms=terms)]
