"""Samples (x, y): the document's example and CSV loading.

A :class:`Dataset` is immutable: its arrays are read-only copies, so a run that holds it can
never see the data change under it. Loading from .xlsx lives in :mod:`gdapp.excel` (the core
stays numpy-only).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]

#: Largest size of a sample value: squares and sums of squares of up to 1e100 stay finite.
MAX_ABS_VALUE = 1e100

#: Largest CSV file we read, in bytes (a million samples of two long numbers fit easily).
MAX_CSV_BYTES = 512 * 1024 * 1024


class DataError(ValueError):
    """The samples cannot be used; the message says why in the learner's terms."""


@dataclass(frozen=True, eq=False)
class Dataset:
    """Samples of one input ``x`` and one target ``y``.

    Parameters
    ----------
    x, y : array_like of shape (n_samples,)
        Finite numbers, n_samples >= 1.
    x_name, y_name : str
        The column names the samples came with (shown in the grid and the workbook).
    name : str
        Where the samples came from: ``"document"`` or a file name.
    """

    x: FloatArray
    y: FloatArray
    x_name: str = "x"
    y_name: str = "y"
    name: str = "data"
    _fingerprint: bytes = field(default=b"", repr=False, compare=False)

    def __init__(
        self,
        x: ArrayLike,
        y: ArrayLike,
        *,
        x_name: str = "x",
        y_name: str = "y",
        name: str = "data",
    ) -> None:
        xa = np.array(x, dtype=np.float64, copy=True).reshape(-1)
        ya = np.array(y, dtype=np.float64, copy=True).reshape(-1)
        if xa.shape != ya.shape:
            raise DataError(f"x has {xa.size} values but y has {ya.size}; they must pair up")
        if xa.size == 0:
            raise DataError("there are no samples: at least one (x, y) pair is needed")
        for label, arr in (("x", xa), ("y", ya)):
            bad = np.flatnonzero(~np.isfinite(arr))
            if bad.size:
                raise DataError(
                    f"{label} in sample {int(bad[0]) + 1} is {arr[bad[0]]}: "
                    "every value must be a finite number"
                )
            big = np.flatnonzero(np.abs(arr) > MAX_ABS_VALUE)
            if big.size:
                raise DataError(
                    f"{label} in sample {int(big[0]) + 1} is {arr[big[0]]:g}: values beyond "
                    f"±{MAX_ABS_VALUE:g} are too large (their squares would overflow)"
                )
        xa.setflags(write=False)
        ya.setflags(write=False)
        object.__setattr__(self, "x", xa)
        object.__setattr__(self, "y", ya)
        object.__setattr__(self, "x_name", str(x_name) or "x")
        object.__setattr__(self, "y_name", str(y_name) or "y")
        object.__setattr__(self, "name", str(name))
        object.__setattr__(self, "_fingerprint", xa.tobytes() + b"|" + ya.tobytes())

    @property
    def n(self) -> int:
        """Number of samples."""
        return int(self.x.size)

    def same_samples(self, other: Dataset) -> bool:
        """True when both hold exactly the same numbers in the same order."""
        return self._fingerprint == other._fingerprint

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return (
            self.same_samples(other)
            and self.x_name == other.x_name
            and self.y_name == other.y_name
            and self.name == other.name
        )

    def __hash__(self) -> int:
        return hash((self._fingerprint, self.x_name, self.y_name, self.name))

    def is_document_example(self) -> bool:
        """True for the lecture note's two samples (x = 1, 2; y = 2, 6)."""
        return self.same_samples(DOCUMENT)


def document_example() -> Dataset:
    """The lecture note's example: x = (1, 2), y = (2, 6); E(b1) = 2.5·b1² − 14·b1 + 20."""
    return DOCUMENT


DOCUMENT = Dataset([1.0, 2.0], [2.0, 6.0], name="document")

#: Built-in data sets by name (the CLI's ``--example``).
EXAMPLES: dict[str, Dataset] = {"document": DOCUMENT}


#: One comma before exactly three digits after a 1–3 digit whole part: ``1,000`` is a
#: thousand to some readers and one to others.
_AMBIGUOUS_COMMA = re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")


def parse_number(text: str, *, decimal_comma: bool = False) -> float:
    """Read one number as a person typed it: ``0.01``, ``1e-3``, ``0,01`` (decimal comma).

    Parameters
    ----------
    text : str
    decimal_comma : bool, keyword-only
        The context says a comma marks decimals (a semicolon-separated file). Otherwise text
        such as ``1,000`` or ``12,500`` could mean thousands and is refused as ambiguous;
        ``0,125`` or ``2,5`` are not ambiguous and read as decimals.

    Raises
    ------
    ValueError
        With a message naming the text, when it is not a finite number or is ambiguous.
    """
    s = text.strip().replace("\u2212", "-")
    if s.count(",") == 1 and "." not in s:
        if not decimal_comma and _AMBIGUOUS_COMMA.fullmatch(s):
            raise ValueError(f"'{text.strip()}' is ambiguous (decimal or thousands comma?): "
                             f"write {s.replace(',', '.')} or {s.replace(',', '')}")
        s = s.replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        raise ValueError(f"'{text.strip()}' is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"'{text.strip()}' is not a finite number")
    return value


def _sniff_delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        for d in ("\t", ";", ","):
            if d in sample:
                return d
        return ","


def _is_number(text: str) -> bool:
    try:
        parse_number(text, decimal_comma=True)
    except ValueError:
        return False
    return True


def _column_index(choice: str | int | None, header: Sequence[str] | None, default: int,
                  width: int, role: str) -> int:
    if choice is None:
        index = default
    elif isinstance(choice, int) or (isinstance(choice, str) and choice.strip().isdigit()):
        index = int(choice) - 1  # positions are 1-based, as a person counts columns
        if index < 0:
            raise DataError(f"{role} column position must be 1 or more, got {choice}")
    else:
        names = [h.strip() for h in header] if header else []
        if choice.strip() not in names:
            known = ", ".join(repr(n) for n in names) if names else "none: the file has no header"
            raise DataError(f"no column named {choice!r} for {role}; columns: {known}")
        index = names.index(choice.strip())
    if index >= width:
        raise DataError(f"the file has {width} column(s); {role} asks for column {index + 1}")
    return index


def _filled_width(row: Sequence[object]) -> int:
    filled = [i for i, c in enumerate(row) if c is not None and str(c).strip()]
    return filled[-1] + 1 if filled else 0


def _check_row_widths(header: Sequence[str] | None, body: Sequence[tuple[int, list[object]]],
                      where: str, comma_separated: bool) -> None:
    """Refuse ragged rows: a row wider than the header (or than the first row) would have its
    extra fields silently dropped, or its decimal commas split into two columns."""
    expected = _filled_width(header) if header else _filled_width(body[0][1])
    for line_no, row in body:
        if len(row) <= expected:
            continue  # cannot be wider (skips the per-cell look on a million-row file)
        width = _filled_width(row)
        if width > expected:
            hint = (" — decimal commas in a comma-separated file are ambiguous: use ';' or "
                    "tabs between columns, or decimal points" if comma_separated else "")
            raise DataError(f"{where} {line_no} has {width} fields but the "
                            f"{'header' if header else 'first row'} has {expected}{hint}")


def rows_to_dataset(
    rows: Sequence[Sequence[object]],
    *,
    x: str | int | None = None,
    y: str | int | None = None,
    name: str = "data",
    where: str = "row",
    comma_separated: bool = False,
    decimal_comma: bool = False,
) -> Dataset:
    """Turn table rows (first row optionally a header) into a :class:`Dataset`.

    Parameters
    ----------
    rows : sequence of rows
        Cells as text or numbers. Blank rows are ignored.
    x, y : str or int, optional
        Column by header name or 1-based position; defaults are the first two columns.
    where : str
        Word used in messages for a row ("row", "line").
    comma_separated : bool
        The rows came from a comma-separated file: a row wider than the others then most
        likely holds decimal commas, which is ambiguous — refused with that explanation.
    decimal_comma : bool
        Commas in cells mark decimals (a semicolon-separated file); see :func:`parse_number`.
    """
    table = [(i, list(r)) for i, r in enumerate(rows, start=1) if not _blank(r)]
    if not table:
        raise DataError("the file is empty: no samples found")
    first = [("" if c is None else str(c)) for c in table[0][1]]
    has_header = any(c.strip() and not _is_number(c) for c in first)
    header = first if has_header else None
    body = table[1:] if has_header else table
    width = max(len(r) for _, r in table)
    if width < 2:
        raise DataError("the file has one column: two are needed (x and y)")
    xi = _column_index(x, header, 0, width, "x")
    yi = _column_index(y, header, 1, width, "y")
    if xi == yi:
        raise DataError("x and y are the same column; choose two different columns")
    if not body:
        raise DataError("the file has a header but no samples under it")
    _check_row_widths(header, body, where, comma_separated)
    fast = _plain_columns(body, xi, yi)
    if fast is not None:
        return _named_dataset(fast[0], fast[1], header, xi, yi, name)
    xs: list[float] = []
    ys: list[float] = []
    for line_no, row in body:
        pair = []
        for col, role in ((xi, "x"), (yi, "y")):
            cell = row[col] if col < len(row) else None
            if isinstance(cell, bool):
                cell = None
            if isinstance(cell, int | float):
                value = float(cell)
                if not math.isfinite(value):
                    raise DataError(f"{where} {line_no}, column {col + 1} ({role}): "
                                    f"{value} is not a finite number")
            else:
                text = "" if cell is None else str(cell)
                if not text.strip():
                    raise DataError(f"{where} {line_no}, column {col + 1} ({role}) is empty")
                try:
                    value = parse_number(text, decimal_comma=decimal_comma)
                except ValueError as exc:
                    if has_header and [str(c).strip() for c in row] == [h.strip() for h in first]:
                        raise DataError(f"{where} {line_no} repeats the header row; remove it "
                                        "(only the first row may be a header)") from None
                    raise DataError(f"{where} {line_no}, column {col + 1} ({role}): {exc}") \
                        from None
            pair.append(value)
        xs.append(pair[0])
        ys.append(pair[1])
    return _named_dataset(xs, ys, header, xi, yi, name)


def _named_dataset(xs: ArrayLike, ys: ArrayLike, header: Sequence[str] | None, xi: int, yi: int,
                   name: str) -> Dataset:
    x_name = header[xi].strip() if header and header[xi].strip() else "x"
    y_name = header[yi].strip() if header and header[yi].strip() else "y"
    return Dataset(xs, ys, x_name=x_name, y_name=y_name, name=name)


def _blank(row: Sequence[object]) -> bool:
    """True when no cell of the row holds anything but spaces."""
    try:
        return not "".join(row).strip()  # type: ignore[arg-type]
    except TypeError:  # numbers or None among the cells
        return not any(str(c).strip() for c in row if c is not None)


def _plain_columns(body: Sequence[tuple[int, list[object]]], xi: int, yi: int
                   ) -> tuple[FloatArray, FloatArray] | None:
    """Columns xi and yi read at C speed when every cell is text that ``float`` reads as a
    finite number (what :func:`parse_number` gives for such text); None otherwise, and the
    cell-by-cell reading then names the first cell at fault."""
    try:
        cols = [[row[col] for _, row in body] for col in (xi, yi)]
    except IndexError:
        return None
    if not all(type(c) is str for col in cols for c in col):
        return None
    try:
        xa, ya = (np.array(col, dtype=np.float64) for col in cols)
    except ValueError:  # decimal commas, '−', empty cells, words: the careful path
        return None
    if not (np.isfinite(xa).all() and np.isfinite(ya).all()):
        return None
    return xa, ya


def load_csv(path: str | Path, *, x: str | int | None = None,
             y: str | int | None = None) -> Dataset:
    """Load samples from a CSV file (header optional; comma, semicolon or tab).

    Parameters
    ----------
    path : path-like
    x, y : str or int, optional
        Column by header name or 1-based position (default: the first two columns).

    Raises
    ------
    DataError
        For a missing, unreadable or malformed file, with the row and column at fault.
    """
    p = Path(path)
    if not p.exists():
        raise DataError(f"{p}: no such file")
    if p.is_dir():
        raise DataError(f"{p} is a folder, not a CSV file")
    try:
        size = p.stat().st_size
        if size > MAX_CSV_BYTES:
            raise DataError(f"{p} is {size // 2**20} MiB; "
                            f"the limit is {MAX_CSV_BYTES // 2**20} MiB")
        raw = p.read_bytes()
    except PermissionError:
        raise DataError(f"{p}: permission denied") from None
    except OSError as exc:
        raise DataError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in raw[:4096]:
        raise DataError(f"{p} is not a text (CSV) file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    delimiter = _sniff_delimiter(text[:8192])
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    return rows_to_dataset(rows, x=x, y=y, name=p.name, where="line",
                           comma_separated=delimiter == ",", decimal_comma=delimiter == ";")
