"""The tolerance rule: when a recalculated value agrees with the engine's.

:mod:`gdapp.excel.compare` walks a workbook cell by cell; this module decides, for one cell,
how large a deviation its value may have (and keeps the running :class:`Tally` the rule
needs: the scales of the cells compared shortly before, of each column so far, of the
one-cell names). Formulas are compared exactly, by the walk.

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
  ``=Iterations!$F$398`` as that cell was, a curve point against ``curve_from``/``curve_to``;
  a range such as the path ``Iterations!$C$2:$C$22`` of the Summary's MIN/MAX by the largest
  scale its columns were compared at);
* column so far: on the Iterations and Data sheets, which hold one quantity per column, the
  largest engine value seen earlier in that column (the slope at the start for a gradient
  that tends to 0; the first cost for a cost that tends to 0);
* terms: a sum over the samples (``SUMPRODUCT`` over ``x_data``/``y_data``, whose names hide
  the samples from the operands) cancels to noise of the size of its *terms*, whatever its
  own size (−(2/3)·(0.1 + 0.2 − 0.3) is −3.7e−17 in numpy, 0 in LibreOffice; the engine
  even sums differently, from centred statistics). The plan that wrote the cell states that
  size with it (:attr:`gdapp.excel.layout.Cell.terms`, from
  :func:`gdapp.excel.layout.sample_terms`: R², Xj·R, R, Xj or 1 with R = Y + |b0| +
  Σ|bj|·Xj), so nothing here reads a cell's role from its formula text; likewise a
  converged flag's steps and the flags "the first k flagged converged" searches.

A cell's relative deviation is ``|workbook − engine| / scale`` (0 when both are 0); it agrees
when that is at most ``RELATIVE_TOLERANCE`` = 1e−12 — a thousand times the 15-digit storage
error, a thousand times smaller than any difference a learner could see.
An empty cell, an error (``#VALUE!``, ``#NUM!``…) or text where a number is expected is a
difference.

True/false cells must be equal, except a converged flag ``ABS(step)<=tolerance`` (or the
``AND`` of two) decided by a step within rounding of the tolerance: with δ the step's
allowed deviation (its tolerance times the scale it was compared at), a side with
||step| − tolerance| ≤ δ may go either way (at b ≈ 4e99 LibreOffice snaps a step of a few
units in the last place to 0 and flags it, numpy does not), so the flag is accepted either
way when some side is undecided and none is decided false. "The first k flagged converged"
(``IFERROR(MATCH(TRUE,flags,0)-1,…)``) then may be the first k the workbook flags.

A run that is sensitive to rounding
-----------------------------------
With a fixed η, RMSE near an exact fit (and MAE near a kink) bounces around the optimum for
ever: the map is chaotic, and a 1e−16 difference between numpy's and LibreOffice's rounding
grows until the paths separate. No two implementations agree there, so the verifier
(:func:`gdapp.excel.verify.sensitivity_of`) re-runs the engine with η moved a few units in
the last place and passes the spread of those runs (a :class:`Sensitivity`: per Iterations
column, a running maximum of the relative spread by row; for the Data and Summary cells the
last row's). A cell's tolerance is then ``max(RELATIVE_TOLERANCE, SPREAD_FACTOR · spread)``;
for a contracting run the spread stays ~1e−16 and nothing changes. Formulas are still
compared exactly, so an edited formula is caught anywhere; the report counts the values that
needed the wider tolerance.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from openpyxl.utils.cell import column_index_from_string

from gdapp.core.messages import Message
from gdapp.excel.layout import FIRST_ROW
from gdapp.excel.streaming import StreamedWorkbook

__all__ = ["ITERATIONS_SHEET", "RELATIVE_TOLERANCE", "SPREAD_FACTOR", "Sensitivity", "Tally",
           "compare_value", "first_flagged_either_way", "flag_either_way", "operand_scale",
           "show_value"]

#: A cell agrees when |workbook − engine| ≤ RELATIVE_TOLERANCE · scale (see the module doc).
RELATIVE_TOLERANCE = 1e-12

ITERATIONS_SHEET = "Iterations"

#: Where the run is sensitive to rounding, a value may stray this many times the spread of
#: the engine's own re-runs (see the module doc).
SPREAD_FACTOR = 100.0

#: Sheets that hold one quantity per column (the tolerance uses a column's earlier values).
HOMOGENEOUS_SHEETS = (ITERATIONS_SHEET, "Data", "Order")

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


def show_value(value: object) -> str:
    """A value as a difference's message shows it."""
    if value is None:
        return "(empty)"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return format(value, ".15g")
    return str(value)


def _pair(workbook: object, engine: object) -> tuple[str, str]:
    a, e = show_value(workbook), show_value(engine)
    if a == e and isinstance(workbook, float) and isinstance(engine, float):
        a, e = repr(workbook), repr(engine)   # they differ beyond 15 digits
    return a, e


@dataclass(frozen=True)
class Sensitivity:
    """How far the engine's own re-runs stray from it, for the tolerance of a chaotic run.

    Attributes
    ----------
    columns : dict of int to ndarray
        For an Iterations column (1-based), the largest relative spread of the re-runs up to
        each iterate (index k = iterate k).
    final : float
        The spread of the last iterate's parameters, cost and objective (for the Data and
        Summary cells, which describe the last iterate).
    """

    columns: dict[int, NDArray[np.float32]]
    final: float

    def tolerance(self, title: str, row: int, column: int) -> float:
        """The relative tolerance of a cell: ``RELATIVE_TOLERANCE``, or ``SPREAD_FACTOR``
        times the spread where that is larger."""
        if title != ITERATIONS_SHEET:
            spread = self.final
        else:
            spreads = self.columns.get(column)
            if spreads is None or not spreads.size:
                return RELATIVE_TOLERANCE
            spread = float(spreads[min(max(row - FIRST_ROW, 0), spreads.size - 1)])
        return max(RELATIVE_TOLERANCE, SPREAD_FACTOR * spread)


@dataclass
class Widened:
    """What was compared within the engine's spread instead of ``RELATIVE_TOLERANCE``."""

    cells: int = 0                # cells beyond RELATIVE_TOLERANCE but within the spread
    first_row: int = 0            # the first such Iterations row (0: none)
    tolerance: float = 0.0        # the largest relative tolerance they needed
    deviation: float = 0.0        # the largest relative deviation beyond RELATIVE_TOLERANCE
    cell: str = ""


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
    sensitivity: Sensitivity | None = None
    widened: Widened = field(default_factory=Widened)
    flags_either: int = 0       # true/false cells decided within rounding, accepted either way
    # "Iterations used" accepted either way: (the workbook's k, the engine's k), or None
    stopped_either: tuple[float, float] | None = None
    earlier: int = 0            # formulas spelled as an earlier gdapp wrote them (accepted)
    first_true: dict[tuple[str, int], int] = field(default_factory=dict)  # (sheet, col) → row
    # (sheet, col) → the largest scale a cell of an Iterations/Data column was compared at
    column_compared: dict[tuple[str, int], float] = field(default_factory=dict)

    def remember(self, cell: tuple[str, int, int], scale: float) -> None:
        """Keep the scale of a just-compared cell (the last ``_RECENT`` cells only) and the
        largest of its column (for a formula over a range of that column)."""
        self.recent[cell] = scale
        sheet, _row, column = cell
        if sheet in HOMOGENEOUS_SHEETS and math.isfinite(scale):
            key = (sheet, column)
            self.column_compared[key] = max(self.column_compared.get(key, 0.0), scale)
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

    def tolerance(self, title: str, row: int, column: int) -> float:
        """The relative tolerance of a cell (wider only where the run is chaotic)."""
        if self.sensitivity is None:
            return RELATIVE_TOLERANCE
        return self.sensitivity.tolerance(title, row, column)


def _operand_size(tally: Tally, recalculated: StreamedWorkbook, title: str, row: int,
                  reference: tuple[str, str, str, str]) -> float:
    """The size of one cell a formula refers to (``(quoted, sheet, letters, number)``)."""
    quoted, sheet, letters, number = reference
    sheet = quoted or sheet or title
    r, c = int(number), _column(letters)
    size = tally.recent.get((sheet, r, c), 0.0)
    if r == row and sheet == title:
        current = recalculated.cursor(title).row(row)
        if c <= len(current):
            value = current[c - 1]
            if isinstance(value, float) and math.isfinite(value):
                size = max(size, abs(value))
    return size


def operand_scale(tally: Tally, recalculated: StreamedWorkbook, title: str, row: int,
                  formula: str) -> float:
    """The largest size among the values a formula refers to (see the module docstring).

    A cell in the formula's own row is read from the recalculated row (inputs included); any
    other cell counts with the scale it was compared at, if it was compared recently; a name
    that stands for one cell (``b1_final``, ``curve_from``) with its recalculated value. (A
    sum over the samples is measured against its terms as well, which the plan states:
    :attr:`gdapp.excel.layout.Cell.terms`.)
    """
    size = 0.0
    if tally.names:
        for name in set(_NAME.findall(formula)):
            size = max(size, tally.names.get(name, 0.0))
    for quoted, sheet, *ends in set(_REFERENCE.findall(formula)):
        for letters, number in (ends[:2], ends[2:]):
            if letters:
                size = max(size, _operand_size(tally, recalculated, title, row,
                                               (quoted, sheet, letters, number)))
        if ends[2]:  # a range (MIN/MAX of a path): its columns at the scale they were met
            first, last = sorted((_column(ends[0]), _column(ends[2])))
            for c in range(first, last + 1):
                size = max(size, tally.column_compared.get((quoted or sheet or title, c), 0.0))
    return size


_column = functools.lru_cache(maxsize=1024)(column_index_from_string)


def compare_value(tally: Tally, where: str, key: tuple[str, int], actual: object,
                  expected: object, operands: float, tolerance: float = RELATIVE_TOLERANCE
                  ) -> tuple[str | None, float]:
    """Compare one recalculated value with the engine's by the module's tolerance rule.

    Returns None when they agree, else ``"workbook …, engine …"``; and the scale used.
    ``tolerance`` is the relative tolerance (wider than ``RELATIVE_TOLERANCE`` only where
    the run is sensitive to rounding).
    """
    if isinstance(expected, bool):
        if isinstance(actual, bool | int | float) and actual in (0, 1) \
                and bool(actual) == expected:
            return None, 1.0
        return _differ(*_pair(actual, expected)), 1.0
    if not isinstance(expected, int | float):   # text: must be equal
        return (None if actual == expected else
                _differ(show_value(actual), show_value(expected))), 0.0
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
    if tolerance > RELATIVE_TOLERANCE and deviation > RELATIVE_TOLERANCE:
        widened = tally.widened
        widened.tolerance = max(widened.tolerance, tolerance)
        widened.cells += deviation <= tolerance
        if deviation > widened.deviation or not widened.cell:
            widened.deviation, widened.cell = deviation, where
    else:
        tally.deviation(where, deviation)
    if deviation <= tolerance:
        return None, scale
    return _differ(*_pair(actual, e)), scale


def _differ(workbook: str, engine: str) -> str:
    return Message("workbook {workbook}, engine {engine}", workbook=workbook, engine=engine)


def flag_either_way(tally: Tally, recalculated: StreamedWorkbook, title: str, row: int,
                    steps: tuple[str, ...], actual: object) -> bool:
    """Whether a converged flag may hold ``actual`` although the engine says otherwise.

    ``steps`` are the cells (on the flag's row, from the plan) whose ``ABS(step)<=tolerance``
    the flag tests. Each is decided by the step as the workbook has it; the engine's step
    agrees with it within the step's tolerance δ (else the step differs and is reported). A
    side with ||step| − tolerance| ≤ δ is undecided: rounding may tip it either way. The flag
    may differ when some side is undecided and no side is decided false.
    """
    if not isinstance(actual, bool) or "tolerance" not in tally.names or not steps:
        return False
    threshold = tally.names["tolerance"]
    undecided = False
    values = recalculated.cursor(title).row(row)
    for step in steps:
        letters = step.rstrip("0123456789")
        column = _column(letters)
        value = values[column - 1] if column <= len(values) else None
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        slack = tally.tolerance(title, row, column) * \
            tally.recent.get((title, row, column), abs(value))
        if abs(abs(value) - threshold) <= slack:
            undecided = True
        elif abs(value) > threshold:
            return False                      # decided false: the flag must be FALSE
    return undecided


def first_flagged_either_way(tally: Tally, flags: str, actual: object) -> bool:
    """Whether "the first k flagged converged" may be ``actual`` because flags before it
    were accepted either way: it must then be the first k the workbook flags (else its
    last k). ``flags`` is the range it searches (``Iterations!$K$2:$K$400``, from the
    plan)."""
    if not flags or not tally.flags_either or isinstance(actual, bool) \
            or not isinstance(actual, int | float):
        return False
    sheet, cells = flags.rsplit("!", 1)
    start, end = (c.replace("$", "") for c in cells.split(":"))
    letters = start.rstrip("0123456789")
    first, last = int(start[len(letters):]), int(end.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    flagged = tally.first_true.get((sheet.strip("'"), _column(letters)), last)
    return float(actual) == float(min(flagged, last) - first)
