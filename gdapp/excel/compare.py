"""Comparing a workbook, cell by cell, with what gdapp writes and the engine computes.

:func:`compare_workbooks` walks the cells gdapp expects (``expected_cells(run)``: sheet,
reference, formula text, engine value) in order, alongside a workbook as written (its
formula text) and a spreadsheet engine's recalculated copy (its values), each streamed row
by row (:mod:`gdapp.excel.streaming`), so a million-row workbook needs constant memory.
Every formula must be exactly gdapp's; every value must match the engine's, as follows.

The tolerance rule
------------------
LibreOffice stores 15 significant digits and, like every spreadsheet, snaps a subtraction of
nearly equal numbers to exactly 0 (``=6-2*A1`` is 0 for A1 = 3.0000000000000004, numpy says
−8.9e−16). A gradient or a step that tends to 0 is such a difference, so its value near 0 is
noise of the size of its *operands*, not of itself. The scale of a cell is therefore

    scale = max(|workbook|, |engine|, |operands|, |column so far|)

* operands: the cells its formula refers to — a cell of its own row by its recalculated
  value, a cell compared shortly before (the previous row, the last row for the Summary)
  by the scale it was compared at, a name standing for one cell by its value (the residual
  ``=C2-D2`` is measured against y and ŷ, the step ``=B3-B2`` against b,
  ``=Iterations!$F$398`` as that cell was, a curve point against ``curve_from``/``curve_to``);
* column so far: on the Iterations and Data sheets, which hold one quantity per column, the
  largest engine value seen earlier in that column (the slope at the start for a gradient
  that tends to 0; the first cost for a cost that tends to 0 — the samples' size, which the
  names ``x_data``/``y_data`` hide from the operands).

A cell's relative deviation is ``|workbook − engine| / scale`` (0 when both are 0); it agrees
when that is at most ``RELATIVE_TOLERANCE`` = 1e−12 — a thousand times the 15-digit storage
error, a thousand times smaller than any difference a learner could see.
True/false cells must be equal exactly. An empty cell, an error (``#VALUE!``, ``#NUM!``…) or
text where a number is expected is a difference.
"""

from __future__ import annotations

import functools
import math
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from gdapp.core import DIVERGENCE_LIMIT
from gdapp.excel.recalc import VerifyUnavailable
from gdapp.excel.streaming import StreamedWorkbook

__all__ = ["ITERATIONS_SHEET", "RELATIVE_TOLERANCE", "Tally", "VerifyReport",
           "check_diverged_rows", "compare_cells", "compare_workbooks", "opened", "report_from"]

#: A cell agrees when |workbook − engine| ≤ RELATIVE_TOLERANCE · scale (see the module doc).
RELATIVE_TOLERANCE = 1e-12

#: Past the engine's divergence a workbook row must hold a number at least this large.
DIVERGED_SIZE = DIVERGENCE_LIMIT * 1e-6

ITERATIONS_SHEET = "Iterations"

#: Sheets that hold one quantity per column (the tolerance uses a column's earlier values).
HOMOGENEOUS_SHEETS = (ITERATIONS_SHEET, "Data")

# A cell reference inside a formula — B7, $B$7, Iterations!$F$398, $B$2:$B$22 — but not a name
# (b1_start), a function (LOG10) or a number (1E-12).
_REFERENCE = re.compile(
    r"(?<![A-Za-z0-9_!$.'])"
    r"(?:(?:'(?P<quoted>[^']*)'|(?P<sheet>[A-Za-z_][A-Za-z0-9_.]*))!)?"
    r"\$?(?P<col>[A-Z]{1,3})\$?(?P<row>[0-9]+)"
    r"(?::\$?(?P<col2>[A-Z]{1,3})\$?(?P<row2>[0-9]+))?"
    r"(?![0-9A-Za-z_(!])")

# A name inside a formula (eta, b1_final, curve_from; also function names, filtered by lookup).
_NAME = re.compile(r"(?<![A-Za-z0-9_.!$'])([A-Za-z_][A-Za-z0-9_.]*)(?![A-Za-z0-9_.(!])")

# How many just-compared cells are remembered as operands of the next ones.
_RECENT = 512

# Progress is reported every this many cells (and at the end).
_PROGRESS_EVERY = 4096

Expected = tuple[str, str, str, float | bool]


@dataclass(frozen=True)
class VerifyReport:
    """The verdict of :func:`verify_workbook`.

    Attributes
    ----------
    agree : bool
        Every compared cell has gdapp's formula and the engine's value.
    cells_compared : int
    max_deviation : float
        The largest relative deviation (see the module docstring), over agreeing and
        differing numeric cells alike.
    max_deviation_cell : str
        Where it occurred, e.g. ``"Iterations!E5"`` ("" when no number was compared).
    first_difference : str or None
        The first differing cell, e.g. ``"Iterations!C7: workbook 2.81, engine 2.8"``.
    differences : int
        How many cells differ.
    rows : int
        Iterate rows on the workbook's Iterations sheet (start row included).
    learning_rate : float
        The η the engine was run with (read from the workbook's Settings).
    notes : tuple of str
        Anything else the reader must know (e.g. a divergence before the last row).
    recalc_seconds, engine_seconds : float
        Time LibreOffice and the engine took.
    """

    agree: bool
    cells_compared: int
    max_deviation: float
    max_deviation_cell: str
    first_difference: str | None
    differences: int = 0
    rows: int = 0
    learning_rate: float = math.nan
    notes: tuple[str, ...] = ()
    recalc_seconds: float = 0.0
    engine_seconds: float = 0.0

    def summary(self) -> list[str]:
        """The lines ``gdapp verify`` prints."""
        where = f" ({self.max_deviation_cell})" if self.max_deviation_cell else ""
        lines = [f"compared {self.cells_compared:,} cells; largest relative deviation "
                 f"{self.max_deviation:.2g}{where}"]
        lines.extend(self.notes)
        if self.agree:
            lines.append("verdict: the workbook agrees with gdapp")
        else:
            lines.append(f"first difference: {self.first_difference}")
            count = "1 cell differs" if self.differences == 1 else \
                f"{self.differences:,} cells differ"
            lines.append(f"verdict: the workbook does NOT agree with gdapp ({count})")
        return lines

# -------------------------------------------------------------------------------------------
# Comparing cells


def _formula_text(value: object) -> str | None:
    """The formula of a cell as ``=…`` text, or None when the cell holds no formula."""
    return value if isinstance(value, str) and value.startswith("=") else None


def _show(value: object) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return format(value, ".15g")
    return str(value)


def _pair(workbook: object, engine: object) -> tuple[str, str]:
    a, e = _show(workbook), _show(engine)
    if a == e and isinstance(workbook, float) and isinstance(engine, float):
        a, e = repr(workbook), repr(engine)   # they differ beyond 15 digits
    return a, e


@dataclass
class Tally:
    """Running totals of a comparison (bounded: one scale per sheet column).

    The difference reported first is the most likely cause, not merely the first met: a
    formula that differs from gdapp's, else a differing Iterations value, else any other
    (the Data and Summary sheets only follow from the iterations).
    """

    compared: int = 0
    differences: int = 0
    max_deviation: float = 0.0
    max_cell: str = ""
    first: dict[int, str] = field(default_factory=dict)          # rank → first message
    column_scale: dict[tuple[str, int], float] = field(default_factory=dict)
    recent: dict[tuple[str, int, int], float] = field(default_factory=dict)  # scale by cell
    names: dict[str, float] = field(default_factory=dict)   # |value| of one-cell names

    def remember(self, cell: tuple[str, int, int], scale: float) -> None:
        """Keep the scale of a just-compared cell (the last ``_RECENT`` cells only)."""
        self.recent[cell] = scale
        if len(self.recent) > _RECENT:
            del self.recent[next(iter(self.recent))]

    def differ(self, message: str, rank: int) -> None:
        self.differences += 1
        self.first.setdefault(rank, message)

    @property
    def first_difference(self) -> str | None:
        return self.first[min(self.first)] if self.first else None

    def deviation(self, where: str, deviation: float) -> None:
        if deviation > self.max_deviation or not self.max_cell:
            self.max_deviation, self.max_cell = deviation, where


def _operand_scale(tally: Tally, recalculated: StreamedWorkbook, title: str, row: int,
                   formula: str) -> float:
    """The largest size among the values a formula refers to (see the module docstring).

    A cell in the formula's own row is read from the recalculated row (inputs included); any
    other cell counts with the scale it was compared at, if it was compared recently; a name
    that stands for one cell (``b1_final``, ``curve_from``) with its recalculated value.
    """
    size = 0.0
    if tally.names:
        for name in set(_NAME.findall(formula)):
            size = max(size, tally.names.get(name, 0.0))
    current = recalculated.cursor(title).row(row)
    for quoted, sheet, *ends in set(_REFERENCE.findall(formula)):
        sheet = quoted or sheet or title
        for letters, number in (ends[:2], ends[2:]):
            if not letters:
                continue
            r, c = int(number), _column(letters)
            size = max(size, tally.recent.get((sheet, r, c), 0.0))
            if r == row and sheet == title and c <= len(current):
                value = current[c - 1]
                if isinstance(value, float) and math.isfinite(value):
                    size = max(size, abs(value))
    return size


_column = functools.lru_cache(maxsize=1024)(column_index_from_string)


def _compare_value(tally: Tally, where: str, key: tuple[str, int], actual: object,
                   expected: object, operands: float) -> tuple[str | None, float]:
    """Compare one recalculated value with the engine's by the module's tolerance rule.

    Returns None when they agree, else ``"workbook …, engine …"``; and the scale used.
    """
    if isinstance(expected, bool):
        if isinstance(actual, bool | int | float) and actual in (0, 1) \
                and bool(actual) == expected:
            return None, 1.0
        return "workbook {}, engine {}".format(*_pair(actual, expected)), 1.0
    if not isinstance(expected, int | float):   # text: must be equal
        return (None if actual == expected else
                f"workbook {_show(actual)}, engine {_show(expected)}"), 0.0
    e = float(expected)
    scale_seen = operands
    if key[0] in HOMOGENEOUS_SHEETS:
        seen = tally.column_scale.get(key, 0.0)
        scale_seen = max(seen, operands)
        if math.isfinite(e):
            tally.column_scale[key] = max(seen, abs(e))
    if isinstance(actual, bool) or not isinstance(actual, int | float) \
            or not math.isfinite(actual):
        scale, deviation = max(abs(e), scale_seen), math.inf
    else:
        scale = max(abs(actual), abs(e), scale_seen)
        deviation = abs(actual - e) / scale if scale > 0 else 0.0
    tally.deviation(where, deviation)
    if deviation <= RELATIVE_TOLERANCE:
        return None, scale
    return "workbook {}, engine {}".format(*_pair(actual, e)), scale


def compare_cells(original: StreamedWorkbook, recalculated: StreamedWorkbook,
                  expected: Iterable[Expected], *, skip_sheet: Callable[[str], bool],
                  total: int, progress: Callable[[int, int], None] | None,
                  cancel: threading.Event | None) -> tuple[Tally, int]:
    """Walk the expected cells; return the tally and the last Iterations row compared.

    Cells on a sheet for which ``skip_sheet(title)`` is true are passed over (but counted
    for ``progress``). Setting ``cancel`` stops with :class:`VerifyUnavailable`.
    """
    tally = Tally()
    tally.names = {name: abs(v) for name, v in recalculated.named_values().items()
                   if isinstance(v, int | float) and not isinstance(v, bool)
                   and math.isfinite(v)}
    last_iterations_row = 0
    done = 0
    for title, ref, formula, value in expected:
        done += 1
        if done % _PROGRESS_EVERY == 0:
            if cancel is not None and cancel.is_set():
                raise VerifyUnavailable("cannot verify: the verification was cancelled")
            if progress is not None:
                progress(done, total)
        if skip_sheet(title):
            continue
        column_letters, row = coordinate_from_string(ref)
        column = column_index_from_string(column_letters)
        where = f"{title}!{ref}"
        if title == ITERATIONS_SHEET:
            last_iterations_row = max(last_iterations_row, row)
        tally.compared += 1
        content = original.cursor(title).cell(row, column)
        written, wanted = _formula_text(content), _formula_text(formula) or f"={formula}"
        actual = recalculated.cursor(title).cell(row, column)
        value_difference, scale = _compare_value(
            tally, where, (title, column), actual, value,
            _operand_scale(tally, recalculated, title, row, wanted))
        tally.remember((title, row, column), scale)
        if written != wanted:
            shown = written if written is not None else f"no formula ({_show(content)})"
            tally.differ(f"{where}: the workbook has {shown}, gdapp writes {wanted}", 0)
        elif value_difference is not None:
            tally.differ(f"{where}: {value_difference}", 1 if title == ITERATIONS_SHEET else 2)
    if progress is not None:
        progress(done, total)
    return tally, last_iterations_row


def compare_workbooks(original: str | Path, recalculated: str | Path,
                      expected: Iterable[Expected], *, total: int = 0,
                      progress: Callable[[int, int], None] | None = None,
                      cancel: threading.Event | None = None) -> VerifyReport:
    """Compare a workbook and its recalculated copy with the cells gdapp expects.

    Parameters
    ----------
    original : path-like
        The workbook as written (its formula text is checked).
    recalculated : path-like
        The same workbook after a spreadsheet engine recalculated it (its values are checked).
    expected : iterable of (sheet, ref, formula, value)
        What gdapp writes in each formula cell and the value the engine gives it, as
        ``gdapp.excel.expected_cells(run)`` yields; fastest in row order per sheet.
    total : int
        The number of expected cells, for ``progress(done, total)``.
    """
    with opened(Path(original), Path(recalculated)) as (formulas, values):
        tally, _ = compare_cells(formulas, values, expected, skip_sheet=lambda title: False,
                                 total=total, progress=progress, cancel=cancel)
    return report_from(tally)


@contextmanager
def opened(original: Path, recalculated: Path
           ) -> Iterator[tuple[StreamedWorkbook, StreamedWorkbook]]:
    """The original (formulas) and the recalculated copy (values), closed afterwards."""
    formulas = StreamedWorkbook(original, data_only=False)
    try:
        values = StreamedWorkbook(recalculated, data_only=True)
        try:
            yield formulas, values
        finally:
            values.close()
    finally:
        formulas.close()


def report_from(tally: Tally, **more: Any) -> VerifyReport:
    """The report of a finished comparison (``more``: the report's other fields)."""
    return VerifyReport(
        agree=tally.differences == 0, cells_compared=tally.compared,
        max_deviation=tally.max_deviation, max_deviation_cell=tally.max_cell,
        first_difference=tally.first_difference, differences=tally.differences, **more)


def check_diverged_rows(tally: Tally, recalculated: StreamedWorkbook, after_row: int,
                        diverged_at: int) -> int:
    """Require every Iterations row after ``after_row`` to show a divergence; count them.

    A row shows it with an error value or a number of size ≥ :data:`DIVERGED_SIZE`; a row
    without is a difference.
    """
    cursor = recalculated.cursor(ITERATIONS_SHEET)
    cursor.row(after_row)
    rows = 0
    while cursor.advance():
        values = cursor.values
        if not any(v is not None and v != "" for v in values):
            continue
        rows += 1
        if not any(_shows_divergence(v) for v in values):
            tally.differ(f"{ITERATIONS_SHEET}!row {cursor.number}: the engine diverges at "
                         f"update {diverged_at:,}, but this row holds only ordinary values", 1)
    return rows


def _shows_divergence(value: object) -> bool:
    if isinstance(value, str):
        return value.startswith("#")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return not abs(value) < DIVERGED_SIZE

