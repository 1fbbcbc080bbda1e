"""Read back the Data sheet of a shaped run (:mod:`gdapp.excel.shaped`): the samples as read
(column A's file rows, x or the "before standardizing" columns, y), then the same shaping as
the command line's, so ``gdapp verify`` and ``gdapp run --from`` rerun the same run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from openpyxl.workbook.workbook import Workbook

from gdapp.core import DataError, Dataset
from gdapp.core.data import MIN_ABS_VALUE, too_small_message
from gdapp.core.data_messages import said
from gdapp.core.holdout import Holdout, polynomial, split, standardize
from gdapp.core.messages import Message
from gdapp.core.models import MODEL_RULES


def is_shaped(values: dict[str, Any]) -> bool:
    """Whether the Settings describe shaped samples (held out, powers or standardized)."""
    return any(key in values for key in ("test_fraction", "degree", "standardize"))


def read_shaped(wb: Workbook, path: Path, values: dict[str, Any], *, source: str
                ) -> tuple[Dataset, Holdout | None]:
    """The training samples and the held-out ones the Data sheet and the Settings describe."""
    from gdapp.excel.readback import (
        NO_SAVED_VALUE,
        WorkbookError,
        _data_range,
        _feature_keys,
        holds_formula,
    )
    name = path.name
    keys = _feature_keys(wb)
    p = len(keys)
    yc, y0, y1 = _data_range(wb, "y_data", name)
    last = y1
    held_out = "y_test" in wb.defined_names
    if held_out:
        _, t0, t1 = _data_range(wb, "y_test", name)
        if t0 != y1 + 1:
            raise WorkbookError(Message("{name}: the held-out samples (y_test) must follow "
                                        "the training ones (y_data) on the Data sheet",
                                        name=name))
        last = t1
    scaled = values.get("standardize") is True
    powers = "degree" in values
    first_raw = p + 5 + held_out if scaled else 2       # 1-based columns
    raw_cols = [first_raw] if powers else list(range(first_raw, first_raw + p))
    ws = wb["Data"]
    hi = max(yc, *raw_cols)
    header = next(ws.iter_rows(min_row=y0 - 1, max_row=y0 - 1, min_col=1, max_col=hi,
                               values_only=True), ())

    def label(col: int, default: str) -> str:
        v = header[col - 1] if col - 1 < len(header) else None
        return str(v) if v not in (None, "") else default

    names = tuple(label(j + 2, f"x{j + 1}") for j in range(p))
    samples: list[tuple[int, list[float], float]] = []
    test_rows: list[int] = []
    for i, row in enumerate(ws.iter_rows(min_row=y0, max_row=last, min_col=1, max_col=hi,
                                         values_only=True)):
        at = y0 + i
        cells = []
        for col, role in [(1, "sample"), *((c, "x") for c in raw_cols), (yc, "y")]:
            v = row[col - 1] if col - 1 < len(row) else None
            where = Message("{name}, Data row {row}: {role}", name=name, row=str(at),
                            role=role)
            if v is None and holds_formula(path, "Data", at, col):
                raise WorkbookError(Message("{at} {note}", at=where, note=NO_SAVED_VALUE))
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise WorkbookError(Message("{at} is {value}, not a number", at=where,
                                            value=repr(v)))
            if v != 0 and abs(v) < MIN_ABS_VALUE:
                raise WorkbookError(Message("{at}: {problem}", at=where,
                                            problem=too_small_message(float(v))))
            cells.append(float(v))
        if not cells[0].is_integer():
            raise WorkbookError(Message("{name}, Data row {row}: the sample's row {value} is "
                                        "not a whole number", name=name, row=str(at),
                                        value=str(cells[0])))
        samples.append((int(cells[0]), cells[1:-1], cells[-1]))
        if at > y1:
            test_rows.append(int(cells[0]) - 1)
    if len(samples) != last - y0 + 1:
        raise WorkbookError(Message("{name}: the Data sheet ends before the end of its samples",
                                    name=name))
    try:
        return reshape(samples, names, label(yc, "y"), source, values,
                       str(values.get("model", "")).strip(),
                       tuple(sorted(test_rows)) if held_out else None)
    except (DataError, KeyError) as exc:
        raise WorkbookError(Message("{name}, Data: {problem}", name=name,
                                    problem=said(exc))) from None


_SUFFIXES = (", standardized", ", training")


def base_name(name: str) -> str:
    """The data's name before the shaping added its suffixes."""
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if name.endswith(suffix):
                name, changed = name.removesuffix(suffix), True
        head, sep, tail = name.rpartition(", degree ")
        if sep and tail.isdigit():
            name, changed = head, True
    return name


def reshape(samples: list[tuple[int, list[float], float]], names: tuple[str, ...],
            y_name: str, source: str, settings: dict[str, Any], model: str,
            test_rows: tuple[int, ...] | None) -> tuple[Dataset, Holdout | None]:
    """The training samples and the held-out ones, rebuilt as the command line builds them
    from the samples as read: (file row 1-based, features, y) per sample, the training ones
    first. ``test_rows``: the file rows (0-based) the Data sheet holds out, checked against
    the Settings' test fraction and split seed."""
    order = sorted(s[0] for s in samples)
    if order != list(range(1, len(samples) + 1)):
        raise DataError(Message("the Data sheet's sample numbers must be 1, 2, … once each "
                                "(the rows of the data file)"))
    by_row = sorted(samples)
    degree = settings.get("degree")
    X = np.array([s[1] for s in by_row], dtype=np.float64)
    y = np.array([s[2] for s in by_row], dtype=np.float64)
    name = base_name(source)
    if degree is not None:
        if isinstance(degree, bool) or not isinstance(degree, int | float) \
                or degree != len(names):
            raise DataError(Message("degree {degree} does not match the Data sheet's {n} "
                                    "power columns (export the run again to change the "
                                    "degree)", degree=repr(degree), n=str(len(names))))
        data = polynomial(Dataset(X[:, 0], y, x_name=names[0], y_name=y_name, name=name),
                          int(degree))
    else:
        data = Dataset(X, y, feature_names=list(names), y_name=y_name, name=name)
    held: Holdout | None = None
    if test_rows is not None:
        fraction, seed = settings.get("test_fraction"), settings.get("split_seed")
        if not isinstance(fraction, int | float) or isinstance(fraction, bool) \
                or not isinstance(seed, int | float) or isinstance(seed, bool) \
                or not float(seed).is_integer():
            raise DataError(Message("test_fraction must be a number and split_seed a whole "
                                    "number"))
        data, held = split(data, float(fraction), int(seed))
        if held.test_rows != test_rows:
            raise DataError(Message("test_fraction {fraction} with split_seed {seed} holds out "
                                    "other samples than the Data sheet does (export the run "
                                    "again to change the split)", fraction=f"{fraction:g}",
                                    seed=str(int(seed))))
    if settings.get("standardize") is True:
        data, held = standardize(data, held, centre=MODEL_RULES[model].intercept)
    return data, held
