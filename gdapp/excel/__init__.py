"""The workbook layer: live-formula .xlsx export, reading it back, importing data (openpyxl).

Public API::

    from gdapp.excel import export_workbook, read_workbook, expected_cells
    export_workbook(run(RunSpec(learning_rate=0.01)), "eta-0.01.xlsx")

Never imports Qt.
"""

from gdapp.excel.data_import import load_data_xlsx
from gdapp.excel.examples import write_examples
from gdapp.excel.expected import expected_cells
from gdapp.excel.export import export_workbook
from gdapp.excel.readback import GdappWorkbook, WorkbookError, read_workbook
from gdapp.excel.target import ExportError

__all__ = [
    "ExportError",
    "GdappWorkbook",
    "WorkbookError",
    "expected_cells",
    "export_workbook",
    "load_data_xlsx",
    "read_workbook",
    "write_examples",
]

# --- verification (gdapp/excel/recalc.py, verify.py; added by its engineer) -------------
from gdapp.excel.recalc import RecalcUnavailable, find_soffice, recalculate
from gdapp.excel.verify import VerifyReport, VerifyUnavailable, verify_workbook

__all__ += [
    "RecalcUnavailable", "VerifyReport", "VerifyUnavailable", "find_soffice", "recalculate",
    "verify_workbook",
]
