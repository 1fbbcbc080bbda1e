"""A workbook opened from the window ("Open in spreadsheet") shows its labels whole."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from gdapp.core import run
from gdapp.excel import export_workbook
from gdapp.gui.viewmodel import default_spec


def test_every_column_is_wide_enough_for_its_label(tmp_path: Path) -> None:
    target = tmp_path / "run.xlsx"
    export_workbook(run(default_spec()), target)
    wb = openpyxl.load_workbook(target)
    for ws in wb.worksheets:
        for cell in ws[1]:
            if cell.value is None:
                continue
            width = ws.column_dimensions[get_column_letter(cell.column)].width
            assert width >= len(str(cell.value)) + 1, (ws.title, cell.value, width)
        # the row labels of the settings and the summary too
        if ws.title in ("Settings", "Summary"):
            longest = max(len(str(c.value)) for c in ws["A"] if c.value is not None)
            assert ws.column_dimensions["A"].width >= longest, ws.title
