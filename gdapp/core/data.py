"""Reading samples: numbers as people type them, tables of rows, CSV files.

The data set itself is :class:`gdapp.core.dataset.Dataset` (re-exported here). Loading from
.xlsx lives in :mod:`gdapp.excel` (the core stays numpy-only).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike, NDArray

from gdapp.core.classes import map_classes, two_words_hint
from gdapp.core.csv_fast import plain_dataset
from gdapp.core.data_messages import (
    ambiguous_column,
    at_cell,
    bad_position,
    comment_line,
    feature_role,
    no_such_column,
    said,
    title_line,
    too_few_columns,
    too_wide,
)
from gdapp.core.dataset import (
    DOCUMENT,
    MAX_ABS_VALUE,
    MAX_FEATURES,
    MIN_ABS_VALUE,
    DataError,
    Dataset,
    document_example,
    too_small_message,
)
from gdapp.core.encodings import ENCODING_NAMES, UndecodableText, decode_text
from gdapp.core.files import csv_records, read_regular_file
from gdapp.core.messages import Message

FloatArray = NDArray[np.float64]

__all__ = ["DOCUMENT", "MAX_ABS_VALUE", "MAX_CSV_BYTES", "MAX_FEATURES",
           "MIN_ABS_VALUE", "DataError", "Dataset", "csv_columns", "document_example", "load_csv",
           "parse_number", "parse_sample", "rows_to_dataset", "too_small_message"]

#: Largest CSV file we read, in bytes (a million samples of two long numbers fit easily).
MAX_CSV_BYTES = 512 * 1024 * 1024


def parse_sample(text: str) -> float:
    """:func:`parse_number` for a typed sample value; also refuses a non-zero value nearer 0
    than :data:`MIN_ABS_VALUE` (ValueError, with :func:`too_small_message`)."""
    value = parse_number(text)
    if value != 0 and abs(value) < MIN_ABS_VALUE:
        raise ValueError(too_small_message(value))
    return value




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
            raise ValueError(Message("'{text}' is ambiguous (decimal or thousands comma?): "
                                     "write {point} or {plain}", text=text.strip(),
                                     point=s.replace(",", "."), plain=s.replace(",", "")))
        s = s.replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        raise ValueError(Message("'{text}' is not a number", text=text.strip())) from None
    if not math.isfinite(value):
        raise ValueError(Message("'{text}' is not a finite number", text=text.strip()))
    if value == 0 and _NONZERO_MANTISSA.match(s):
        raise RoundsToZero(Message("'{text}' is too small: it rounds to 0", text=text.strip()))
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
            raise DataError(ambiguous_column(role, wanted, matches))
        index = matches[0] - 1
    elif isinstance(choice, int) or (wanted is not None and wanted.isdigit()):
        index = int(choice) - 1  # positions are 1-based, as a person counts columns
        if index < 0:
            raise DataError(bad_position(role, choice))
    else:
        raise DataError(no_such_column(choice, role, names))
    if index >= width:
        raise DataError(too_few_columns(width, role, index + 1))
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
            raise DataError(too_wide(where, line_no, width, bool(header), expected,
                                     comma_separated))


def _refuse_line_above(first: Sequence[str], line: int,
                      body: Sequence[tuple[int, list[object]]], where: str) -> None:
    """Refuse a title or ``# comment`` line above the header or the numbers."""
    filled = [c.strip() for c in first if c.strip()]
    second = [str(c).strip() for c in body[0][1] if c is not None and str(c).strip()]
    comment = filled[0].startswith("#") and len(filled[0]) > 1
    text_below = bool(second) and not any(_is_number(c) for c in second) and second != filled
    if comment and (text_below or len(filled) < len(second)):
        raise DataError(comment_line(where, line))
    if text_below and len(filled) == 1 and len(second) >= 2:
        raise DataError(title_line(where, line, filled[0], body[0][0], len(second)))


ColumnChoice = str | int
#: What ``x`` may name: one column, or several (the features, in that order).
FeatureChoice = ColumnChoice | Sequence[ColumnChoice]


def rows_to_dataset(
    rows: Sequence[Sequence[object]], *, x: FeatureChoice | None = None,
    y: ColumnChoice | None = None, name: str = "data", where: str = "row",
    comma_separated: bool = False, decimal_comma: bool = False,
    empty_note: Callable[[int, int], str | None] | None = None,
    classes: Sequence[str] | None = None,
) -> Dataset:
    """Turn table rows (first row optionally a header) into a :class:`Dataset`.

    Parameters
    ----------
    rows : sequence of rows
        Cells as text or numbers. Blank rows are ignored.
    x : str, int or a sequence of them, optional
        The feature column(s), by header name or 1-based position, in the order the
        parameters b1 … bp follow; default the first column.
    y : str or int, optional
        The target column; default the second column.
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
    classes : two labels, optional
        The target's words for 0 and 1 (:mod:`gdapp.core.classes`), e.g. ("fail", "pass").
    """
    table = [(i, list(r)) for i, r in enumerate(rows, start=1) if not _blank(r)]
    if not table:
        raise DataError(Message("the file is empty: no samples found"))
    first = [("" if c is None else str(c)) for c in table[0][1]]
    has_header = any(c.strip() and not _is_number(c) for c in first)
    header = first if has_header else None
    body = table[1:] if has_header else table
    width = max(len(r) for _, r in table)
    if width < 2:
        raise DataError(Message("the file has one column: two are needed (x and y)"))
    choices: list[ColumnChoice | None] = (
        list(x) if isinstance(x, Sequence) and not isinstance(x, str) else [x])
    if not choices:
        raise DataError(Message("no feature column chosen: name at least one x column"))
    several = len(choices) > 1
    xis = [_column_index(c, header, 0, width, feature_role(i) if several else "x")
           for i, c in enumerate(choices)]
    yi = _column_index(y, header, 1, width, "y")
    if yi in xis:
        raise DataError(Message("x and y are the same column; choose two different columns")
                        if not several else
                        Message("column {col} is both a feature and the target y; "
                                "choose the target among the other columns", col=str(yi + 1)))
    twice = sorted({i for i in xis if xis.count(i) > 1})
    if twice:
        raise DataError(Message("column {col} is chosen twice as a feature",
                                col=str(twice[0] + 1)))
    if not body:
        raise DataError(Message("the file has a header but no samples under it"))
    if has_header:
        _refuse_line_above(first, table[0][0], body, where)
    _check_row_widths(header, body, where, comma_separated)
    if classes is not None:
        body = map_classes(body, yi, classes, where)
    columns = [*xis, yi]
    fast = _plain_columns(body, columns)
    if fast is not None:
        return _named_dataset(fast[:-1], fast[-1], header, xis, yi, name)
    roles = ["x"] * len(xis) if not several else [
        f"x{j + 1}" for j in range(len(xis))]
    roles.append("y")
    values: list[list[float]] = [[] for _ in columns]
    for line_no, row in body:
        for col, role, out in zip(columns, roles, values, strict=True):
            cell = row[col] if col < len(row) else None
            at = at_cell(where, line_no, col, role)
            if isinstance(cell, bool):
                raise DataError(Message("{at} holds {value}, not a number", at=at,
                                        value=str(cell).upper()))
            if isinstance(cell, int | float):
                value = float(cell)
                if not math.isfinite(value):
                    raise DataError(Message("{at}: {value} is not a finite number", at=at,
                                            value=str(value)))
            else:
                text = "" if cell is None else str(cell)
                if not text.strip():
                    note = empty_note(line_no, col) if cell is None and empty_note else None
                    raise DataError(Message("{at} {note}", at=at, note=note) if note
                                    else Message("{at} is empty", at=at))
                try:
                    value = parse_number(text, decimal_comma=decimal_comma)
                except ValueError as exc:
                    if has_header and [str(c).strip() for c in row] == [h.strip() for h in first]:
                        raise DataError(Message(
                            "line {line} repeats the header row; remove it (only the first "
                            "row may be a header)" if where == "line" else
                            "row {line} repeats the header row; remove it (only the first "
                            "row may be a header)" if where == "row" else
                            "{where} {line} repeats the header row; remove it (only the "
                            "first row may be a header)", where=where, line=str(line_no))
                        ) from None
                    hint = two_words_hint(body, yi) if col == yi else None
                    raise DataError(Message("{at}: {problem}; {hint}" if hint else
                                            "{at}: {problem}", at=at, problem=said(exc),
                                            hint=hint or "")) from None
            if value != 0 and abs(value) < MIN_ABS_VALUE:
                raise DataError(Message("{at}: {problem}", at=at,
                                        problem=too_small_message(value)))
            out.append(value)
    return _named_dataset(values[:-1], values[-1], header, xis, yi, name)


def _named_dataset(xs: Sequence[ArrayLike], ys: ArrayLike, header: Sequence[str] | None,
                   xis: Sequence[int], yi: int, name: str) -> Dataset:
    def label(i: int, default: str) -> str:
        return header[i].strip() if header and header[i].strip() else default

    several = len(xis) > 1
    names = [label(i, f"x{j + 1}" if several else "x") for j, i in enumerate(xis)]
    x = np.array(xs, dtype=np.float64).T if several else xs[0]
    return Dataset(x, ys, feature_names=names, y_name=label(yi, "y"), name=name)


def _blank(row: Sequence[object]) -> bool:
    """True when no cell of the row holds anything but spaces."""
    try:
        return not "".join(row).strip()  # type: ignore[arg-type]
    except TypeError:  # numbers or None among the cells
        return not any(str(c).strip() for c in row if c is not None)


def _plain_columns(body: Sequence[tuple[int, list[object]]], columns: Sequence[int]
                   ) -> list[FloatArray] | None:
    """The given columns read at C speed when every cell is text that ``float`` reads as a
    finite number (what :func:`parse_number` gives for such text); None otherwise, and the
    cell-by-cell reading then names the first cell at fault."""
    try:
        cols = [[row[col] for _, row in body] for col in columns]
    except IndexError:
        return None
    if not all(type(c) is str for col in cols for c in col):
        return None
    try:
        arrays = [np.array(col, dtype=np.float64) for col in cols]
    except ValueError:  # decimal commas, '−', empty cells, words: the careful path
        return None
    if not all(np.isfinite(a).all() for a in arrays):
        return None
    for arr, col in zip(arrays, cols, strict=True):  # the careful path names the line of a
        if ((arr != 0) & (np.abs(arr) < MIN_ABS_VALUE)).any() or any(  # tiny value, or of
                _NONZERO_MANTISSA.match(str(col[i])) for i in np.flatnonzero(arr == 0)):
            return None  # one like 1e-400 (read as 0)
    return arrays


def load_csv(path: str | Path, *, x: FeatureChoice | None = None,
             y: ColumnChoice | None = None, classes: Sequence[str] | None = None) -> Dataset:
    """Load samples from a CSV file (header optional; comma, semicolon or tab).

    Parameters
    ----------
    path : path-like
    x : str, int or a sequence of them, optional
        The feature column(s) by header name or 1-based position (default: the first).
    y : str or int, optional
        The target column (default: the second).

    Raises
    ------
    DataError
        For a missing, unreadable or malformed file, with the row and column at fault.
    """
    p = Path(path)
    raw = _read_raw(p)
    # ASCII without NUL is what decode_text reads as UTF-8: its text is made only if the
    # careful reader needs it (a 200 MB file's text would double what loading it costs)
    if raw.isascii() and b"\x00" not in raw[:4096]:
        text, encoding = "", "utf-8"
        delimiter = _sniff_delimiter(raw[:8192].decode("ascii"))
    else:
        text, encoding = _decode(raw, p)
        delimiter = _sniff_delimiter(text[:8192])
    # the C parser reads the bytes (words in the target need the careful path; the text is
    # made again if the C parser cannot read the file)
    data = None
    if encoding.startswith("utf-8") and classes is None:
        text, held = "", [raw]
        del raw
        data = plain_dataset(held, p, delimiter, p.name, rows_to_dataset, x, y)
        # the bytes, or read again where plain_dataset let them go and the careful reader
        # needs them
        raw = held[0] if held else b"" if data is not None else _read_raw(p)
    if data is None:
        data = rows_to_dataset(_csv_rows((text or _decode(raw, p)[0]).splitlines(), delimiter),
                               x=x, y=y, name=p.name, where="line",
                               comma_separated=delimiter == ",", decimal_comma=delimiter == ";",
                               classes=classes)
    if encoding == "utf-8":
        return data
    return Dataset(data.X, data.y, feature_names=data.feature_names, y_name=data.y_name,
                   name=data.name, encoding=encoding)


def csv_columns(path: str | Path, *, rows: int = 5
                ) -> tuple[tuple[str, ...] | None, int, list[list[str]]]:
    """A CSV file's header (None when its first row holds numbers), its number of columns
    (those of its first row) and its first ``rows`` rows under the header, as text: what
    one needs to choose the feature and target columns for :func:`load_csv`. Only the
    file's beginning is parsed.

    Raises
    ------
    DataError
        As :func:`load_csv` for a file that cannot be read.
    """
    p = Path(path)
    text, _ = _decode(_read_raw(p), p)
    head = text[:65536]
    if len(text) > len(head):  # whole lines only
        head = head[: head.rfind("\n") + 1] or head
    table = [r for r in _csv_rows(head.splitlines(), _sniff_delimiter(head[:8192]))
             if not _blank(r)]
    if not table:
        raise DataError(Message("the file is empty: no samples found"))
    has_header = any(c.strip() and not _is_number(c) for c in table[0])
    # the columns are the first row's (a wider row is load_csv's to explain)
    header = tuple(c.strip() for c in table[0])
    return (header if has_header else None), len(header), table[has_header:][:rows]


def _read_raw(p: Path) -> bytes:
    """A CSV file's bytes (a regular file, and never more than the limit)."""
    if not p.exists():
        raise DataError(Message("{path}: no such file", path=str(p)))
    if p.is_dir():
        raise DataError(Message("{path} is a folder, not a CSV file", path=str(p)))
    try:  # a regular file only (not /dev/zero, not a FIFO), and never more than the limit
        raw = read_regular_file(p, MAX_CSV_BYTES, DataError)
    except PermissionError:
        raise DataError(Message("{path}: permission denied", path=str(p))) from None
    except OSError as exc:
        raise DataError(Message("{path}: cannot read ({reason})", path=str(p),
                                reason=str(exc.strerror or exc))) from None
    return raw


def encoding_note(data: Dataset) -> str | None:
    """The notice for samples read from a file that was not UTF-8, e.g. "점수.csv was read
    as CP949 (Korean Windows, EUC-KR) text, not UTF-8"; None for UTF-8 or other sources."""
    if data.encoding is None or data.encoding == "utf-8":
        return None
    label = ENCODING_NAMES.get(data.encoding, data.encoding.upper())
    return f"{data.name} was read as {label} text, not UTF-8"


def _decode(raw: bytes, p: Path) -> tuple[str, str]:
    """:func:`~gdapp.core.encodings.decode_text`, refusing with a :class:`DataError`."""
    try:
        return decode_text(raw)
    except UndecodableText as exc:
        raise DataError(Message("{path} {problem}", path=str(p), problem=said(exc))) from None


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
            raise DataError(Message('line {line}: a quote (") is opened and never closed',
                                    line=str(start)))
        header = not any(r for r in rows) and not any(
            _is_number(c) for line in lines[start:end] for c in line.split(delimiter))
        if end > start and not header:
            raise DataError(Message('line {start}: a quote (") opened here closes only on '
                                    "line {end}; a value cannot run across lines",
                                    start=str(start), end=str(end)))
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
