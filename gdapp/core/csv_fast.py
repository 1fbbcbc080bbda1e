"""A plain CSV file read at C speed into one array: :func:`plain_dataset`.

``load_csv`` reads a file as text, splits it into records and every record into fields, all
of them Python objects: a 1,000,000-row × 20-feature file (160 MiB of numbers) took 2.9 GiB,
18 times its size. Most files are plain: UTF-8, comma- or tab-separated, no quotes, a header
or not, and every other line the same number of numbers. For those numpy's C parser reads the
bytes straight into one float array, and the data set costs a few times the numbers' size.

Anything else — or anything the parser does not take — returns None, and the careful reader
(:func:`gdapp.core.data.rows_to_dataset`, which names the line and column at fault) reads the
file as before. So the two agree by construction: this path only ever accepts what the
careful one reads the same way, and checks the column choices through it.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from gdapp.core.dataset import MIN_ABS_VALUE, Dataset

#: What the careful reader refuses and the C parser would read silently: an exponent of three
#: digits (1e-400 rounds to 0 and is refused; 1e-150 is refused as too small) or a number
#: written with hundreds of digits.
_CAREFUL = re.compile(rb"[eE][-+]?\d{3}|\d{300}")
_BOM = b"\xef\xbb\xbf"


def plain_dataset(held: list[bytes], path: Path, delimiter: str, name: str,
                  rows_to_dataset: Callable[..., Dataset], x: Any, y: Any) -> Dataset | None:
    """The data set of a plain CSV file, or None when the careful reader must read it (see
    the module docstring). ``held`` holds the file's bytes, which are checked and then let
    go (``held`` is emptied: the caller reads the file again if it needs it), and numpy reads
    the numbers from ``path``, so the bytes and the array are never in memory together.
    ``rows_to_dataset`` checks the header and column choices, and gives the names, exactly
    as for any other file."""
    raw = held[0]
    if delimiter not in (",", "\t") or b'"' in raw or _CAREFUL.search(raw):
        return None
    end = raw.find(b"\n")
    first_line = (raw if end < 0 else raw[:end]).removeprefix(_BOM).decode("utf-8", "replace")
    first = first_line.rstrip("\r").split(delimiter)
    if not first_line.strip() or len(first) < 2:
        return None
    probe_rows: list[Sequence[str]] = [[str(j + 1) for j in range(len(first))]]
    try:
        header = rows_to_dataset([first], name=name)  # a header alone says "no samples"
    except ValueError as exc:
        if "header but no samples" not in str(exc):
            return None
        probe_rows.insert(0, first)
    else:
        del header
        if raw.startswith(_BOM):
            return None
    held.clear()
    del raw
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")          # "input contained no data": careful path
            table = np.loadtxt(path, delimiter=delimiter, dtype=np.float64,
                               skiprows=len(probe_rows) - 1, ndmin=2, comments=None,
                               encoding="utf-8")
    except (ValueError, UserWarning, OSError):  # (a file changed since: read it again)
        return None
    if table.shape[1] != len(first) or table.shape[0] == 0 or not np.isfinite(table).all() \
            or ((table != 0) & (np.abs(table) < MIN_ABS_VALUE)).any():
        return None
    # which columns the choices name, found by the careful reader on a row of 1, 2, 3, …
    try:
        probe = rows_to_dataset(probe_rows, x=x, y=y, name=name, where="line",
                                comma_separated=delimiter == ",")
    except ValueError:              # the careful reader says what is wrong, in its words
        return None
    xis = [int(v) - 1 for v in probe.X[0]]
    yi = int(probe.y[0]) - 1
    # the chosen columns, each contiguous as Dataset keeps them (filled column by column: no
    # temporary of the whole table), and the table let go before Dataset makes its own copy
    features = np.empty((table.shape[0], len(xis)), order="F")
    for j, i in enumerate(xis):
        features[:, j] = table[:, i]
    target = table[:, yi].copy()
    del table
    return Dataset(features, target, feature_names=probe.feature_names, y_name=probe.y_name,
                   name=name)
