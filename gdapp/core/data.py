"""Samples (x, y): the document's example and CSV loading.

A :class:`Dataset` is immutable: its arrays are read-only copies, so a run that holds it can
never see the data change under it. Loading from .xlsx lives in :mod:`gdapp.excel` (the core
stays numpy-only).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike, NDArray

from gdapp.core.files import csv_records, read_regular_file

FloatArray = NDArray[np.float64]

#: Largest size of a sample value: squares and sums of squares of up to 1e100 stay finite.
MAX_ABS_VALUE = 1e100
#: Smallest size of a non-zero sample value (0 itself is allowed): squares and products of
#: smaller values underflow towards 0, and the run would treat the samples as zeros.
MIN_ABS_VALUE = 1e-100

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


def too_small_message(value: float) -> str:
    """Why a file's, a paste's or a typed non-zero sample nearer 0 than 1e-100 is refused."""
    return (f"{value:g} is too small: the squares of values below {MIN_ABS_VALUE:g} "
            "underflow; rescale the data")


def parse_sample(text: str) -> float:
    """:func:`parse_number` for a typed sample value; also refuses a non-zero value nearer 0
    than :data:`MIN_ABS_VALUE` (ValueError, with :func:`too_small_message`)."""
    value = parse_number(text)
    if value != 0 and abs(value) < MIN_ABS_VALUE:
        raise ValueError(too_small_message(value))
    return value


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
    if value == 0 and _NONZERO_MANTISSA.match(s):
        raise RoundsToZero(f"'{text.strip()}' is too small: it rounds to 0")
    return value


class RoundsToZero(ValueError):
    """A number such as 1e-400: not 0 as written, but 0 as a float."""


#: A number whose digits before any exponent are not all 0 (so it is not 0 as written).
_NONZERO_MANTISSA = re.compile(r"\s*[+-]?[0.]*[1-9]")


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
    except ValueError as exc:
        return isinstance(exc, RoundsToZero)  # a number, if one too small to use
    return True


def _column_index(choice: str | int | None, header: Sequence[str] | None, default: int,
                  width: int, role: str) -> int:
    """The 0-based column ``choice`` names: a header name first (a column may be named "2"),
    else a 1-based position; a name two columns share is refused as ambiguous."""
    names = [h.strip() for h in header] if header else []
    wanted = choice.strip() if isinstance(choice, str) else None
    if choice is None:
        index = default
    elif wanted is not None and wanted in names:
        matches = [i + 1 for i, n in enumerate(names) if n == wanted]
        if len(matches) > 1:
            cols = ", ".join(str(m) for m in matches[:-1]) + f" and {matches[-1]}"
            raise DataError(f"the {role} column {wanted!r} is ambiguous: it matches columns "
                            f"{cols}; choose one by its position")
        index = matches[0] - 1
    elif isinstance(choice, int) or (wanted is not None and wanted.isdigit()):
        index = int(choice) - 1  # positions are 1-based, as a person counts columns
        if index < 0:
            raise DataError(f"{role} column position must be 1 or more, got {choice}")
    else:
        known = ", ".join(repr(n) for n in names) if names else "none: the file has no header"
        raise DataError(f"no column named {choice!r} for {role}; columns: {known}")
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


def _refuse_line_above(first: Sequence[str], line: int,
                      body: Sequence[tuple[int, list[object]]], where: str) -> None:
    """Refuse a title or ``# comment`` line above the header or the numbers."""
    filled = [c.strip() for c in first if c.strip()]
    second = [str(c).strip() for c in body[0][1] if c is not None and str(c).strip()]
    comment = filled[0].startswith("#") and len(filled[0]) > 1
    text_below = bool(second) and not any(_is_number(c) for c in second) and second != filled
    if comment and (text_below or len(filled) < len(second)):
        raise DataError(f"{where} {line} looks like a comment (it starts with '#'): remove "
                        "it; only one header line may come before the numbers")
    if text_below and len(filled) == 1 and len(second) >= 2:
        raise DataError(f"{where} {line} holds one field ({filled[0][:40]!r}) but {where} "
                        f"{body[0][0]} holds {len(second)}: remove title lines above the "
                        "header and the numbers")


def rows_to_dataset(
    rows: Sequence[Sequence[object]], *, x: str | int | None = None,
    y: str | int | None = None, name: str = "data", where: str = "row",
    comma_separated: bool = False, decimal_comma: bool = False,
    empty_note: Callable[[int, int], str | None] | None = None,
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
    empty_note : callable(row, column) -> str or None, optional
        Asked about a cell that holds no value (``None``): what it holds instead, e.g. "holds
        a formula with no saved value (…)"; the message then says that, not "is empty".
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
    if has_header:
        _refuse_line_above(first, table[0][0], body, where)
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
            at = f"{where} {line_no}, column {col + 1} ({role})"
            if isinstance(cell, bool):
                raise DataError(f"{at} holds {str(cell).upper()}, not a number")
            if isinstance(cell, int | float):
                value = float(cell)
                if not math.isfinite(value):
                    raise DataError(f"{at}: {value} is not a finite number")
            else:
                text = "" if cell is None else str(cell)
                if not text.strip():
                    note = empty_note(line_no, col) if cell is None and empty_note else None
                    raise DataError(f"{at} {note}" if note else f"{at} is empty")
                try:
                    value = parse_number(text, decimal_comma=decimal_comma)
                except ValueError as exc:
                    if has_header and [str(c).strip() for c in row] == [h.strip() for h in first]:
                        raise DataError(f"{where} {line_no} repeats the header row; remove it "
                                        "(only the first row may be a header)") from None
                    raise DataError(f"{at}: {exc}") from None
            if value != 0 and abs(value) < MIN_ABS_VALUE:
                raise DataError(f"{at}: {too_small_message(value)}")
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
    for arr, col in ((xa, cols[0]), (ya, cols[1])):  # the careful path names the line of a
        if ((arr != 0) & (np.abs(arr) < MIN_ABS_VALUE)).any() or any(  # tiny value, or of one
                _NONZERO_MANTISSA.match(str(col[i])) for i in np.flatnonzero(arr == 0)):
            return None  # like 1e-400 (read as 0)
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
    try:  # a regular file only (not /dev/zero, not a FIFO), and never more than the limit
        raw = read_regular_file(p, MAX_CSV_BYTES, DataError)
    except PermissionError:
        raise DataError(f"{p}: permission denied") from None
    except OSError as exc:
        raise DataError(f"{p}: cannot read ({exc.strerror or exc})") from None
    text = _decode(raw, p)
    delimiter = _sniff_delimiter(text[:8192])
    rows = _csv_rows(text.splitlines(), delimiter)
    return rows_to_dataset(rows, x=x, y=y, name=p.name, where="line",
                           comma_separated=delimiter == ",", decimal_comma=delimiter == ";")


#: Byte-order marks of "Unicode text" exports (UTF-32's first: they begin like UTF-16's).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _decode(raw: bytes, p: Path) -> str:
    """The text: UTF-16/32 with a BOM or UTF-16 without one, else UTF-8, else Latin-1."""
    codec = next((c for bom, c in _BOMS if raw.startswith(bom)), None) or _utf16_codec(raw)
    if codec is not None:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            raise DataError(f"{p} looks like {codec.upper()} text but cannot be read as it; "
                            "save it as UTF-8 CSV") from None
        if "\x00" not in text[:4096]:
            return text.removeprefix("\ufeff")
    if b"\x00" in raw[:4096]:
        raise DataError(f"{p} is not a text (CSV) file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _utf16_codec(raw: bytes) -> str | None:
    """UTF-16 without a BOM: NUL in (nearly) every other byte and never in the others."""
    head = raw[: min(len(raw), 4096) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    for codec, nul, text in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if len(head) >= 4 and b"\x00" not in text and nul.count(0) >= 0.9 * len(nul):
            return codec
    return None


def _csv_rows(lines: list[str], delimiter: str) -> list[list[str]]:
    """The CSV records, record i on line i. A quote left open joins lines into one value ("2"
    and "2,6" into "22,6"): refused. Only a header may hold a quoted line break (Alt+Enter in
    a spreadsheet; dropped), and only when the lines it joins hold no numbers."""
    reader = csv.reader(lines, delimiter=delimiter)
    rows = list(csv_records(reader, DataError))
    if reader.line_num == len(rows) and not (lines and '"' in lines[-1]
                                              and _unclosed(lines[-1:], delimiter)):
        return rows  # every record is one line (blank lines are empty records)
    reader = csv.reader(lines, delimiter=delimiter)
    rows, start = [], 1
    for row in csv_records(reader, DataError):
        end = reader.line_num
        if end == len(lines) and _unclosed(lines[start - 1:], delimiter):
            raise DataError(f'line {start}: a quote (") is opened and never closed')
        header = not any(r for r in rows) and not any(
            _is_number(c) for line in lines[start:end] for c in line.split(delimiter))
        if end > start and not header:
            raise DataError(f'line {start}: a quote (") opened here closes only on line '
                            f"{end}; a value cannot run across lines")
        rows.append(row)
        rows.extend([] for _ in range(end - start))  # keep record i on line i
        start = end + 1
    return rows


def _unclosed(lines: list[str], delimiter: str) -> bool:
    """True when these lines end inside a quoted value."""
    try:
        list(csv.reader(lines, delimiter=delimiter, strict=True))
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False
