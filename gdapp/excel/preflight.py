"""What an untrusted workbook may cost, bounded by what gdapp writes for its run — checked
after its settings are read and the engine has rerun it, before LibreOffice starts.

:func:`check_part_sizes` bounds the unpacked size of every part: a sheet by its expected
cells (rows × columns of what gdapp writes there, :data:`BYTES_PER_CELL` each — a formula, its
saved value and the XML around them), a chart by the points a spreadsheet program may cache
in it, any other part by :data:`SMALL_PART_BYTES`. A 1.9 MB workbook whose chart part
unpacked to 1.8 GiB made LibreOffice use 9.5 GB for a minute; an Order sheet padded to
1,048,576 rows took verify 1–2 minutes.

:func:`foreign_formulas` walks the formula cells gdapp writes, in the workbook as written, and
counts the formulas of each sheet: a formula that differs from gdapp's (an ``OFFSET`` height
edited from 5 to 1,048,000 kept LibreOffice busy until verify's time limit) or a sheet with
more formulas than gdapp writes is a difference found without recalculating anything, so
the workbook is never handed to LibreOffice.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from openpyxl.utils.cell import (
    column_index_from_string,
    coordinate_from_string,
    get_column_letter,
)

from gdapp.core import Run
from gdapp.core.messages import Message
from gdapp.excel.compare import VerifyReport, report_from
from gdapp.excel.earlier import earlier_spellings
from gdapp.excel.expected import expected_cells
from gdapp.excel.formula_text import same_formula
from gdapp.excel.layout import FIRST_ROW, Cell, Column, column_letter, iteration_columns
from gdapp.excel.order import Order, order_plan
from gdapp.excel.package import sheet_members
from gdapp.excel.streaming import StreamedWorkbook
from gdapp.excel.tolerance import Tally

#: Bytes one cell of a sheet may take, unpacked: gdapp's longest formulas (a mini-batch
#: row's SUMPRODUCT over OFFSET ranges of several features) with a saved value and the XML.
BYTES_PER_CELL = 2048
#: Bytes of a sheet besides its cells (column widths, views, merged cells…).
SHEET_SLACK = 1 << 20
#: Any part other than a sheet, the shared strings or a chart: styles, theme, workbook,
#: drawings, relationships, properties (gdapp's are a few KB each).
SMALL_PART_BYTES = 1 << 20
#: Bytes a chart may cache per point and series: ``<c:pt idx="…"><c:v>…</c:v></c:pt>``.
CHART_BYTES_PER_POINT = 128
#: Series × (x, y) references of gdapp's charts, at most.
CHART_REFERENCES = 8

ITERATIONS = "Iterations"
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f[\s>/]")


def _mib(size: float) -> str:
    return f"{size / 2**20:,.1f} MiB" if size < 2**30 else f"{size / 2**30:,.1f} GiB"


def sheet_cells(run: Run, rows: int) -> dict[str, int]:
    """Cells gdapp writes on each sheet of ``run``'s workbook of ``rows`` iterate rows, at
    most (headers included)."""
    data = run.spec.data
    order_rows = rows * int(run.spec.batch_size or 0) if run.spec.minibatch else 0
    return {
        "Settings": 200 * 8, "Summary": 400 * 40,
        "Data": (data.n + 2) * (data.p + 8),
        "Iterations": (rows + 2) * (len(iteration_columns(run)) + 2),
        "Order": (order_rows + 2) * (data.p + 6),
    }


def check_part_sizes(source: Path, run: Run, rows: int,
                     error: Callable[[str], Exception]) -> None:
    """Raise ``error(message)`` for a part of ``source`` larger than gdapp writes for
    ``run`` with ``rows`` iterate rows."""
    cells = sheet_cells(run, rows)
    chart = SMALL_PART_BYTES + CHART_REFERENCES * CHART_BYTES_PER_POINT * (rows + 2)
    name = source.name
    with zipfile.ZipFile(source) as archive:
        titles = {member: title for title, member in sheet_members(archive).items()}
        for info in archive.infolist():
            member = info.filename
            title = titles.get(member)
            if title is not None:
                limit = SHEET_SLACK + BYTES_PER_CELL * cells.get(title, 0)
                what = Message("its {title} sheet", title=title)
            elif member.startswith("xl/charts/") and not member.endswith(".rels"):
                limit, what = chart, Message("its chart part {member}", member=member)
            elif member in ("xl/sharedStrings.xml", "xl/calcChain.xml"):
                continue                      # bounded by the package audit / the sheets
            else:
                limit, what = SMALL_PART_BYTES, Message("its part {member}", member=member)
            if info.file_size > limit:
                raise error(Message("{name}: {what} unpacks to {size}; gdapp writes at most "
                                    "{limit} there for this run", name=name, what=what,
                                    size=_mib(info.file_size), limit=_mib(limit)))
    calc = _size(source, "xl/calcChain.xml")
    if calc > SMALL_PART_BYTES + 64 * sum(cells.values()):
        raise error(Message("{name}: its part xl/calcChain.xml unpacks to {size}, more than "
                            "the formulas gdapp writes could need", name=name, size=_mib(calc)))


def _size(source: Path, member: str) -> int:
    with zipfile.ZipFile(source) as archive:
        try:
            return archive.getinfo(member).file_size
        except KeyError:
            return 0


def planned_formulas(run: Run, rows: int) -> Iterator[Cell]:
    """The formula cells gdapp writes for ``run`` in a workbook of ``rows`` iterate rows:
    :func:`expected_cells`, or, for a run that diverged before the workbook's last row, the
    Iterations sheet's formulas for every row (their text does not depend on the values)."""
    if run.params.shape[0] >= rows:
        return expected_cells(run)
    order = order_plan(run)
    if order is not None and order.lo.size < rows:
        return expected_cells(run)                # the batches stop with the run
    return _iteration_formulas(iteration_columns(run), rows, order)


def _iteration_formulas(columns: list[Column], rows: int, order: Order | None
                        ) -> Iterator[Cell]:
    """The Iterations sheet's formula cells for ``rows`` rows (no values: none is needed)."""
    letters = [column_letter(i) for i in range(len(columns))]
    for k in range(rows):
        for j, c in enumerate(columns):
            if c.expected is None or (k == 0 and not c.first_is_formula):
                continue
            text = c.first if k == 0 else c.formula(k, order)
            yield Cell(ITERATIONS, f"{letters[j]}{k + FIRST_ROW}", str(text), 0.0)


def foreign_formulas(source: Path, expected: Iterable[Cell], *,
                     skip_sheet: Callable[[str], bool]) -> tuple[str, int] | None:
    """The first formula of ``source`` that gdapp does not write, as (a difference in the
    verifier's words, how many such cells were seen), or None when every formula is gdapp's.
    Only cells that hold a formula count: an empty or value cell where gdapp writes a
    formula is the comparison's to report after the recalculation."""
    wanted: Counter[str] = Counter()
    columns: dict[str, int] = {}
    places: dict[str, _Places] = {}
    first: str | None = None
    found = 0
    original = StreamedWorkbook(source, data_only=False)
    try:
        for cell in expected:
            if skip_sheet(cell.sheet):
                continue
            wanted[cell.sheet] += 1
            letters, row = coordinate_from_string(cell.ref)
            column = columns.get(letters) or columns.setdefault(
                letters, column_index_from_string(letters))
            places.setdefault(cell.sheet, _Places()).add(row, column)
            content = original.cursor(cell.sheet).cell(row, column)
            written = content if isinstance(content, str) and content.startswith("=") else None
            formula = cell.formula if cell.formula.startswith("=") else f"={cell.formula}"
            if written is not None and written != formula \
                    and not same_formula(written, formula) \
                    and not any(same_formula(written, f"={old.lstrip('=')}")
                                for old in earlier_spellings(formula)):  # an earlier gdapp's
                found += 1
                if first is None:
                    first = Message("{where}: the workbook has {shown}, gdapp writes {wanted}",
                                    where=f"{cell.sheet}!{cell.ref}", shown=written,
                                    wanted=formula)
    finally:
        original.close()
    if first is not None:
        return first, found
    with zipfile.ZipFile(source) as archive:
        for title, member in sheet_members(archive).items():
            if skip_sheet(title) or member not in archive.namelist():
                continue
            count = _count_formulas(archive, member)
            extra = _extra_formula(source, title, places.get(title, _Places())) \
                if count > wanted[title] else None
            if extra is not None:
                return extra, count - wanted[title]
    return None


class _Places:
    """The cells of one sheet where gdapp writes formulas, as runs of rows per column (the
    plan goes down each column in row order: a million-row column is one run)."""

    def __init__(self) -> None:
        self.runs: dict[int, list[list[int]]] = {}

    def add(self, row: int, column: int) -> None:
        runs = self.runs.setdefault(column, [])
        if runs and runs[-1][1] + 1 == row:
            runs[-1][1] = row
        else:
            runs.append([row, row])

    def __contains__(self, place: tuple[int, int]) -> bool:
        row, column = place
        return any(start <= row <= end for start, end in self.runs.get(column, ()))


#: Formulas a spreadsheet program saves for a logical value gdapp writes (the accounting
#: takes them as the value).
_LOGICAL = frozenset({"=TRUE()", "=FALSE()", "=TRUE", "=FALSE"})


def _extra_formula(source: Path, title: str, places: _Places) -> str | None:
    """The first formula on sheet ``title`` in a cell where gdapp writes none (a logical
    value saved as a formula aside), or None."""
    original = StreamedWorkbook(source, data_only=False)
    try:
        for row, contents in original.parse_rows(title):
            for column, content in enumerate(contents, start=1):
                if isinstance(content, str) and content.startswith("=") \
                        and content.upper() not in _LOGICAL and (row, column) not in places:
                    return Message("{cell}: the workbook has {have}, gdapp writes {wanted} "
                                   "there", cell=f"{title}!{get_column_letter(column)}{row}",
                                   have=content, wanted=Message("nothing"))
    finally:
        original.close()
    return None


def _count_formulas(archive: zipfile.ZipFile, member: str) -> int:
    """How many formula elements (``<f>``) a sheet part holds, counted in its bytes."""
    count, carry = 0, b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            buf = carry + chunk
            cut = buf.rfind(b"<")
            if cut < 0:
                cut = len(buf)
            count += len(_FORMULA.findall(buf, 0, cut))
            carry = buf[cut:]
    return count + len(_FORMULA.findall(carry))


#: The note of a verdict reached without LibreOffice.
NOT_RECALCULATED = Message("LibreOffice was not started: a formula gdapp does not write is a "
                           "difference already, and it could keep a spreadsheet program "
                           "computing for as long as it likes")


def not_recalculated(foreign: tuple[str, int], **more: object) -> VerifyReport:
    """The verdict on a workbook holding formulas gdapp does not write: they differ."""
    tally = Tally()
    tally.differ(foreign[0], 0)
    tally.differences = foreign[1]
    tally.max_deviation = math.nan             # nothing was recalculated (JSON: null)
    return report_from(tally, notes=(NOT_RECALCULATED,), **more)
