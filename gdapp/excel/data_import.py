"""Samples from an .xlsx file: :func:`load_data_xlsx` (the twin of ``gdapp.core.load_csv``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gdapp.core import DataError, Dataset, rows_to_dataset
from gdapp.core.data import ColumnChoice, FeatureChoice
from gdapp.core.messages import Message
from gdapp.excel.readback import NO_SAVED_VALUE, _first_line, holds_formula, open_untrusted

#: Rows and columns read at most (a sheet holds 1,048,576 rows).
MAX_ROWS = 1_048_576
MAX_COLUMNS = 256


def load_data_xlsx(path: str | Path, *, sheet: str | None = None,
                   x: FeatureChoice | None = None, y: ColumnChoice | None = None,
                   classes: Sequence[str] | None = None) -> Dataset:
    """Load samples from a worksheet (header optional).

    Parameters
    ----------
    path : path-like
        An .xlsx workbook.
    sheet : str, optional
        Worksheet by name; default the first one.
    x, y : str or int, optional
        Column by header name or 1-based position (default: the first two columns).

    Returns
    -------
    Dataset
        Named after the file (and the sheet, when the one read is hidden); column names
        from the header when there is one.

    Raises
    ------
    DataError
        For a missing or unreadable file, an unknown sheet, or cells that are not numbers
        (naming the row and column at fault).
    """
    p = Path(path)
    with open_untrusted(p, DataError) as wb:
        if sheet is None:
            if not wb.worksheets:
                raise DataError(Message("{name} has no worksheet", name=p.name))
            ws = wb.worksheets[0]
        elif sheet in wb.sheetnames:
            ws = wb[sheet]
        else:
            known = ", ".join(repr(s) for s in wb.sheetnames)
            raise DataError(Message("{name} has no sheet named {sheet}; sheets: {known}",
                                    name=p.name, sheet=repr(sheet), known=known))
        title = ws.title
        # a hidden first sheet is still the one read, but never silently: the data set's
        # name (shown with every run, kept as the workbook's data source) says which it was
        name = p.name if getattr(ws, "sheet_state", "visible") == "visible" else \
            f"{p.name}, hidden sheet '{title}'"
        rows: list[Sequence[object]] = []
        # openpyxl fills the rows a sheet does not store with one shared tuple of empty
        # cells: each is kept as () at once, never copied (a sample in row 1,048,576 of a
        # 4.9 KB file made a million copies of 256 cells and took 40 s)
        blank: object = None
        try:
            for values in ws.iter_rows(max_col=MAX_COLUMNS, values_only=True):
                if len(rows) >= MAX_ROWS:
                    raise DataError(Message("{name}: the sheet has more than {n} rows",
                                            name=p.name, n=f"{MAX_ROWS:,}"))
                if values is blank or values.count(None) == len(values):
                    blank = values
                    rows.append(())
                    continue
                row = list(values)
                while row and row[-1] is None:
                    row.pop()
                rows.append(row)
        except DataError:
            raise
        except Exception as exc:  # the sheet is parsed lazily: a damaged one fails here
            raise DataError(Message("{name} is damaged and cannot be read ({why})",
                                    name=p.name, why=_first_line(exc))) from None

    def empty_note(row: int, column: int) -> str | None:
        return NO_SAVED_VALUE if holds_formula(p, title, row, column + 1) else None

    return rows_to_dataset(rows, x=x, y=y, name=name, where="row", empty_note=empty_note,
                           classes=classes)
