"""Comparing a workbook, cell by cell, with what gdapp writes and the engine computes.

:func:`compare_workbooks` walks the cells gdapp expects (``expected_cells(run)``: sheet,
reference, formula text, engine value) in order, alongside a workbook as written (its
formula text) and a spreadsheet engine's recalculated copy (its values), each streamed row
by row (:mod:`gdapp.excel.streaming`), so a million-row workbook needs constant memory.
Every formula must be exactly gdapp's; every value must match the engine's within the
tolerance rule of :mod:`gdapp.excel.tolerance` (relative to the size of a cell's operands,
of its column so far and of the terms of a sum over the samples, which the plan states with
each cell — :class:`gdapp.excel.layout.Cell`; a converged flag decided
within rounding of the tolerance may go either way; a run that is sensitive to rounding is
compared within the spread of the engine's own re-runs, a :class:`Sensitivity`).
"""

from __future__ import annotations

import functools
import math
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import column_index_from_string

from gdapp.core import DIVERGENCE_LIMIT
from gdapp.core.messages import Message
from gdapp.excel.earlier import earlier_spellings
from gdapp.excel.formula_text import same_formula
from gdapp.excel.layout import Cell
from gdapp.excel.recalc import VerifyUnavailable
from gdapp.excel.streaming import StreamedWorkbook
from gdapp.excel.tolerance import (
    ITERATIONS_SHEET,
    Sensitivity,
    Tally,
    compare_value,
    first_flagged_either_way,
    flag_either_way,
    operand_scale,
    show_value,
)

__all__ = ["VerifyReport", "check_diverged_rows", "compare_cells", "compare_workbooks",
           "opened", "report_from"]

#: Past the engine's divergence a workbook row must hold a number at least this large.
DIVERGED_SIZE = DIVERGENCE_LIMIT * 1e-6

# Progress is reported every this many cells (and at the end).
_PROGRESS_EVERY = 4096

#: What the comparison walks: the plan's cells (a bare (sheet, ref, formula, value) tuple is
#: a cell with no sum over the samples and no steps).
Expected = Cell | tuple[str, str, str, float | bool]


@dataclass(frozen=True)
class VerifyReport:
    """The verdict of :func:`verify_workbook`.

    Attributes
    ----------
    agree : bool
        Every compared cell has gdapp's formula and the engine's value.
    cells_compared : int
    max_deviation : float
        The largest relative deviation (see :mod:`gdapp.excel.tolerance`), over agreeing and
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
    sensitive : int
        How many values were compared within the spread of the engine's own re-runs, not
        1e−12, because the run is sensitive to rounding (0: none). The verdict says so.
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
    sensitive: int = 0

    def summary(self) -> list[str]:
        """The lines ``gdapp verify`` prints."""
        where = f" ({self.max_deviation_cell})" if self.max_deviation_cell else ""
        lines = [f"compared {self.cells_compared:,} cells; largest relative deviation "
                 f"{self.max_deviation:.2g}{where}" if not math.isnan(self.max_deviation)
                 else "compared the formulas only: no value was recalculated"]
        lines.extend(self.notes)
        if self.agree and self.sensitive:
            lines.append(f"verdict: the workbook agrees with gdapp only within rounding: the "
                         f"run is sensitive to it, and {self.sensitive:,} values were compared "
                         "within the engine's own spread, not 1e-12 (--strict refuses this)")
        elif self.agree:
            lines.append("verdict: the workbook agrees with gdapp")
        else:
            lines.append(f"first difference: {self.first_difference}")
            count = "1 cell differs" if self.differences == 1 else \
                f"{self.differences:,} cells differ"
            lines.append(f"verdict: the workbook does NOT agree with gdapp ({count})")
        return lines

# -------------------------------------------------------------------------------------------
# Comparing cells


def _place(ref: str) -> tuple[int, int]:
    """``"B7"`` → (row 7, column 2): the plan's references are plain letters and digits."""
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters):]), _column(letters)


_column = functools.lru_cache(maxsize=1024)(column_index_from_string)


def _formula_text(value: object) -> str | None:
    """The formula of a cell as ``=…`` text, or None when the cell holds no formula."""
    return value if isinstance(value, str) and value.startswith("=") else None


def compare_cells(original: StreamedWorkbook, recalculated: StreamedWorkbook,
                  expected: Iterable[Expected], *, skip_sheet: Callable[[str], bool],
                  total: int, progress: Callable[[int, int], None] | None,
                  cancel: threading.Event | None,
                  sensitivity: Sensitivity | None = None) -> tuple[Tally, int]:
    """Walk the expected cells; return the tally and the last Iterations row compared.

    Cells on a sheet for which ``skip_sheet(title)`` is true are passed over (but counted
    for ``progress``). Setting ``cancel`` stops with :class:`VerifyUnavailable`.
    ``sensitivity``, if given, widens the tolerance where the run is chaotic (see
    :mod:`gdapp.excel.tolerance`).
    """
    tally = Tally(sensitivity=sensitivity)
    tally.names = {name: abs(v) for name, v in recalculated.named_values().items()
                   if isinstance(v, int | float) and not isinstance(v, bool)
                   and math.isfinite(v)}
    last_iterations_row = 0
    done = 0
    for item in expected:
        cell = item if isinstance(item, Cell) else Cell(*item)
        title, ref, formula, value = cell.sheet, cell.ref, cell.formula, cell.value
        done += 1
        if done % _PROGRESS_EVERY == 0:
            if cancel is not None and cancel.is_set():
                raise VerifyUnavailable(Message("cannot verify: the verification was cancelled"))
            if progress is not None:
                progress(done, total)
        if skip_sheet(title):
            continue
        row, column = _place(ref)
        where = f"{title}!{ref}"
        if title == ITERATIONS_SHEET:
            last_iterations_row = max(last_iterations_row, row)
        tally.compared += 1
        content = original.cursor(title).cell(row, column)
        written, wanted = _formula_text(content), _formula_text(formula) or f"={formula}"
        actual = recalculated.cursor(title).cell(row, column)
        tolerance = tally.tolerance(title, row, column)
        widened = tally.widened.cells
        if isinstance(actual, int | float) and not isinstance(value, bool) \
                and actual != value and first_flagged_either_way(tally, cell.flags, actual):
            tally.flags_either += 1
            tally.stopped_either = (float(actual), float(value))
            value = float(actual)
        value_difference, scale = compare_value(
            tally, where, (title, column), actual, value,
            cell.terms if cell.tight else
            max(cell.terms, operand_scale(tally, recalculated, title, row, wanted)), tolerance)
        if tally.widened.cells > widened and title == ITERATIONS_SHEET \
                and not tally.widened.first_row:
            tally.widened.first_row = row
        if value_difference is not None and isinstance(value, bool) \
                and flag_either_way(tally, recalculated, title, row, cell.steps, actual):
            tally.flags_either += 1
            value_difference = None
        if isinstance(value, bool) and actual is True:
            tally.first_true.setdefault((title, column), row)
        tally.remember((title, row, column), scale)
        if not same_formula(written, wanted) and not _earlier(tally, written, wanted):
            shown = written if written is not None else Message("an empty cell") \
                if content is None else Message("no formula ({value})",
                                                value=show_value(content))
            tally.differ(Message("{where}: the workbook has {shown}, gdapp writes {wanted}",
                                 where=where, shown=shown, wanted=wanted), 0)
        elif value_difference is not None:
            tally.differ(Message("{where}: {problem}", where=where, problem=value_difference),
                         1 if title == ITERATIONS_SHEET else 2)
    if progress is not None:
        progress(done, total)
    return tally, last_iterations_row


def _earlier(tally: Tally, written: str | None, wanted: str) -> bool:
    """Whether ``written`` is how an earlier gdapp wrote ``wanted`` (:mod:`gdapp.excel.earlier`);
    counted for the report's note."""
    if written is None or not any(same_formula(written, old)
                                  for old in earlier_spellings(wanted)):
        return False
    tally.earlier += 1
    return True


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
    expected : iterable of Cell (or (sheet, ref, formula, value))
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
    deviation, cell = tally.max_deviation, tally.max_cell
    widened = tally.widened
    if widened.cells and widened.deviation > deviation:  # the headline covers every cell
        deviation, cell = widened.deviation, widened.cell
    return VerifyReport(
        agree=tally.differences == 0, cells_compared=tally.compared,
        max_deviation=deviation, max_deviation_cell=cell,
        first_difference=tally.first_difference, differences=tally.differences,
        sensitive=widened.cells, **more)


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
            tally.differ(Message("{sheet}!row {row}: the engine diverges at update {k}, but "
                                 "this row holds only ordinary values", sheet=ITERATIONS_SHEET,
                                 row=str(cursor.number), k=f"{diverged_at:,}"), 1)
    return rows


def _shows_divergence(value: object) -> bool:
    if isinstance(value, str):
        return value.startswith("#")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return not abs(value) < DIVERGED_SIZE

