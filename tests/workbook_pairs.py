"""Hand-made pairs of workbooks for the comparison tests: an 'original' holding formulas and
a 'recalculated' one holding the values a spreadsheet would have computed."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName


def pair_of_books(tmp_path: Path, formulas: dict[str, object], values: dict[str, object],
                  *, sheets: tuple[str, ...] = (),
                  names: dict[str, str] | None = None) -> tuple[Path, Path]:
    """Write both workbooks; keys are ``"B7"`` (on the Iterations sheet) or ``"Sheet!B7"``.

    ``sheets`` are created in both even when empty; ``names`` (name → ``"Sheet!$B$2"``) are
    defined in both."""
    paths = []
    for label, cells in (("original", formulas), ("recalculated", values)):
        wb = openpyxl.Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "Iterations"
        for sheet in sheets:
            wb.create_sheet(sheet)
        for key, content in cells.items():
            sheet, _, ref = key.rpartition("!")
            if sheet and sheet not in wb.sheetnames:
                wb.create_sheet(sheet)
            wb[sheet or "Iterations"][ref] = content
        for name, place in (names or {}).items():
            wb.defined_names[name] = DefinedName(name, attr_text=place)
        path = tmp_path / f"{label}.xlsx"
        wb.save(path)
        paths.append(path)
    return paths[0], paths[1]
