"""Cells of a written workbook: text that is never taken for a formula, numbers that read
back as the same double, and the columns' widths."""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.formula import ArrayFormula

#: Excel keeps at most this many characters in one cell.
MAX_TEXT = 32_767


def text(ws: WriteOnlyWorksheet, value: str) -> Cell:
    """A cell that stores ``value`` as text, never as a formula (even "=...", "+", "@")."""
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", str(value))[:MAX_TEXT]
    cell = WriteOnlyCell(ws, value=cleaned)
    cell.data_type = "s"
    return cell


def number(ws: WriteOnlyWorksheet, value: float) -> float | Cell:
    """``value`` as a number cell that reads back as the same double.

    openpyxl writes ``%.16g``, which does not round-trip every double; then the shortest
    exact representation (Python's ``repr``) is written instead.
    """
    v = float(value)
    if float(f"{v:.16g}") == v:
        return v
    cell = WriteOnlyCell(ws, value=v)
    cell._value = repr(v)
    return cell


def array_formula(ref: str, formula: str) -> ArrayFormula:
    """``formula`` ("=…") as a one-cell array formula at ``ref`` ("D7"): it reads back with
    the same text, and every spreadsheet computes its functions for each element of a range
    (:func:`gdapp.excel.formulas.written_as_array`)."""
    return ArrayFormula(ref, formula)


#: Column widths (in characters) per sheet, so that a spreadsheet opens with every label
#: and number readable; other columns get ``DEFAULT_COLUMN_WIDTH``.
COLUMN_WIDTHS: dict[str, tuple[float, ...]] = {
    "Settings": (26, 16, 16, 70, 17),
    "Data": (9, 16, 16, 35, 18),
    "Iterations": (8,),
    "Summary": (82, 20, 60, 3, 14, 24),
}
DEFAULT_COLUMN_WIDTH = 21
