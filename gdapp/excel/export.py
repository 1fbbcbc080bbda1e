"""Write a run as a live-formula .xlsx workbook: :func:`export_workbook`.

Sheets: Settings (every input, each a defined name), Data (the samples, the final fit),
Iterations (one row per iterate, every cell after the start a formula), Summary (final
values, exact optimum and stability limit as formulas, a sampled cost curve, two charts).
The layout and the formulas live in :mod:`gdapp.excel.layout`, :mod:`gdapp.excel.summary`
and :mod:`gdapp.excel.formulas`; :func:`expected_cells` walks the same plan and pairs each
formula with the engine's value.

The workbook is built in openpyxl's write-only mode (rows streamed in order, flat memory) and
saved atomically: to a temporary file in the target's folder, then ``os.replace``. That file
is made before the first row is written (so an unwritable folder is refused at once), the
sheets' XML streams into a private folder of :mod:`gdapp.excel.scratch`, and the temporaries
a killed export left behind are removed at the start of the next one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lxml import etree
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter
from openpyxl.worksheet.formula import ArrayFormula

from gdapp import __version__
from gdapp.core import MAX_EXPORTABLE_ROWS, MODEL_RULES, Run, spec_fields
from gdapp.core.batches import PATIENCE
from gdapp.core.messages import Message
from gdapp.excel import charts, shaped
from gdapp.excel import formulas as fx
from gdapp.excel.cells import COLUMN_WIDTHS, DEFAULT_COLUMN_WIDTH, array_formula, number, text
from gdapp.excel.formulas import Samples
from gdapp.excel.labels import Language, Words, words
from gdapp.excel.layout import (
    FIRST_ROW,
    Column,
    column_letter,
    iteration_columns,
    iteration_row,
    unsupported,
)
from gdapp.excel.order import Order, order_plan
from gdapp.excel.scratch import (
    EXPORT_PREFIX,
    remove_stale_temporaries,
    tagged,
)
from gdapp.excel.setting_help import setting_help
from gdapp.excel.summary import (
    BLOCK_COLUMN,
    CURVE_POINTS,
    STATUS_LABEL,
    block_rows,
    curve_formula,
    curve_point_formula,
    data_formulas,
    summary_rows,
)
from gdapp.excel.target import (
    ExportError,
    check_target,
    reserve_temporary,
    save_atomically,
    signals_held,
)

Progress = Callable[[int, int], None]

#: The marker a reader looks for on the Settings sheet, and the format it announces.
MARKER = "gdapp workbook format"
FORMAT_VERSION = 1
#: Iterate rows between two progress reports.
PROGRESS_EVERY = 4096


def export_workbook(run: Run, path: str | Path, *, progress: Progress | None = None,
                    lang: Language = "en") -> Path:
    """Write ``run`` as a live-formula workbook at ``path`` and return the path.

    Parameters
    ----------
    run : Run
        A finished run; at most ``MAX_EXPORTABLE_ROWS`` iterates and samples.
    path : path-like
        Target ``.xlsx`` file; its folder must exist. An existing file is replaced only
        once the new one is complete.
    progress : callable(done_rows, total_rows), optional
        Called every few thousand iterate rows and once at the end.
    lang : "en" or "ko", keyword-only
        The language of the labels, headers, explanations and chart titles; formulas,
        defined names, numbers and sheet names are the same in every language
        (:mod:`gdapp.excel.labels`).

    Raises
    ------
    ExportError
        Before anything is written, for too many rows, a bad path or an unknown language;
        or when saving fails (then no partial file is left and an existing target is
        untouched).
    """
    return _export(run, path, progress=progress, timestamp=None, lang=lang)


def _export(run: Run, path: str | Path, *, progress: Progress | None,
            timestamp: datetime | None, lang: Language = "en") -> Path:
    try:
        tr = words(lang)
    except ValueError as exc:
        raise ExportError(str(exc)) from None
    target = check_target(path)
    _check_size(run)
    why = unsupported(run.spec)
    if why is not None:
        raise ExportError(why)
    remove_stale_temporaries(target.parent)
    wb = Workbook(write_only=True)
    when = timestamp or datetime.now(tz=UTC).replace(tzinfo=None)
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.creator = f"gdapp {__version__}"
    scratch: Path | None = None
    tmp: Path | None = None
    try:
        with signals_held():  # a signal now finds both names kept, and both are removed
            tmp = reserve_temporary(target)
            scratch = Path(tempfile.mkdtemp(prefix=tagged(EXPORT_PREFIX)))
        setattr(wb, _SCRATCH, scratch)
        _write_settings(wb, run, tr)
        _write_data(wb, run, tr)
        order = order_plan(run)
        if order is not None:
            _write_order(wb, run, order, tr)
        columns = iteration_columns(run)
        iterations = _write_iterations(wb, run, columns, order, progress, tr)
        _write_summary(wb, run, columns, iterations, tr)
        for name, place in defined_names(run).items():
            wb.defined_names[name] = DefinedName(name, attr_text=place)
        save_atomically(wb, tmp, target)
    except (OSError, etree.SerialisationError) as exc:
        _abandon(wb, tmp)
        raise ExportError(write_failure(exc, Path(tempfile.gettempdir()),
                                        Message("the workbook's sheets"))) from None
    except BaseException:
        _abandon(wb, tmp)
        raise
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    return target


#: Attribute of the workbook naming the folder its sheets' XML streams into.
_SCRATCH = "_gdapp_scratch"


def _abandon(wb: Workbook, tmp: Path | None) -> None:
    """Undo a failed or interrupted export: the sheets' temporaries and the half-saved file."""
    _discard(wb)
    if tmp is not None:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_failure(exc: OSError | etree.SerialisationError, folder: Path, what: str) -> str:
    """One sentence for a failed write of ``what`` into ``folder``: a full disk says so and
    how to get round it (lxml reports ``IO_ENOSPC``, the system ``No space left on
    device``)."""
    if isinstance(exc, OSError):
        code, reason = exc.errno, exc.strerror or str(exc)
    else:
        name = str(exc).removeprefix("IO_")
        code = getattr(errno, name, None)
        reason = os.strerror(code) if isinstance(code, int) else str(exc)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return Message("could not write {what}: the folder {folder} is full ({reason}); free "
                       "some space there, or set TMPDIR to a folder with room", what=what,
                       folder=str(folder), reason=reason)
    return Message("could not write {what} in the folder {folder} ({reason})", what=what,
                   folder=str(folder), reason=reason)


def _discard(wb: Workbook) -> None:
    """Close the half-written sheets and delete openpyxl's temporary files for them."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            ws.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def _check_size(run: Run) -> None:
    m = int(run.params.shape[0])
    if m > MAX_EXPORTABLE_ROWS:
        raise ExportError(Message(
            "the run has {m} iterates but a sheet holds at most {most} (use at most {iters} "
            "iterations)", m=f"{m:,}", most=f"{MAX_EXPORTABLE_ROWS:,}",
            iters=f"{MAX_EXPORTABLE_ROWS - 1:,}"))
    n = run.spec.data.n
    if n > MAX_EXPORTABLE_ROWS:
        raise ExportError(Message("the data has {n} samples but a sheet holds at most {most}",
                                  n=f"{n:,}", most=f"{MAX_EXPORTABLE_ROWS:,}"))


# ---- cells ------------------------------------------------------------------------------
def _sheet(wb: Workbook, title: str, columns: int, rows: int) -> WriteOnlyWorksheet:
    """A write-only sheet that records its size (``<dimension>``) up front.

    Without it openpyxl's read-only loader scans a whole sheet just to size it; with it a
    reader opens a million-row workbook at once. The size must be known before the first row
    is appended (that is when the sheet's header is written).
    """
    ws = wb.create_sheet(title)
    # wide enough for each column's label and a number's 15 digits (set before the sheet's
    # top is written)
    widths = COLUMN_WIDTHS.get(title, ())
    for c in range(1, columns + 1):
        ws.column_dimensions[get_column_letter(c)].width = \
            widths[c - 1] if c <= len(widths) else DEFAULT_COLUMN_WIDTH
    ref = f"A1:{get_column_letter(columns)}{rows}"
    setattr(ws, _SIZE_HOOK, lambda: ref)
    scratch = getattr(wb, _SCRATCH, None)
    if scratch is not None:
        # what ws._get_writer() does, with the sheet's XML in our folder instead of /tmp
        out = str(Path(scratch) / f"{title}.xml")
        ALL_TEMP_FILES.append(out)  # openpyxl's writer.cleanup() takes it off this list
        ws._writer = WorksheetWriter(ws, out=out)
        ws._writer.write_top()
    return ws


#: The attribute openpyxl's sheet writer asks for the sheet's size.
_SIZE_HOOK = "calculate_dimension"


def defined_names(run: Run) -> dict[str, str]:
    """The workbook-level names gdapp defines for ``run`` and the places they stand for:
    each setting (``eta`` → ``Settings!$B$7``), the samples (``x_data``, ``y_data``) and the
    Summary's named values (``b1_final``…). The verifier checks a workbook's names against
    these, since a name moved elsewhere changes values without changing any formula."""
    names = {name: f"Settings!$B${row}"
             for row, name in enumerate(run.spec.settings(), start=2)}
    data = run.spec.data
    last = data.n + FIRST_ROW - 1
    for j, x in enumerate(Samples.of(data.p).xs, start=1):
        col = get_column_letter(j + 1)
        names[x] = f"Data!${col}${FIRST_ROW}:${col}${last}"
    col = get_column_letter(data.p + 2)
    names["y_data"] = f"Data!${col}${FIRST_ROW}:${col}${last}"
    names.update(shaped.defined_names(run.spec))   # the held-out samples
    for r, entry in enumerate(summary_rows(run, iteration_columns(run)), start=2):
        if entry.name:
            names[entry.name] = f"Summary!$B${r}"
    return names


# ---- sheets -----------------------------------------------------------------------------
def _write_settings(wb: Workbook, run: Run, tr: Words) -> None:
    spec = run.spec
    settings = spec.settings()
    extra = shaped.extra_settings(spec)   # degree, standardize: read back, not named
    ws = _sheet(wb, "Settings", 5, len(settings) + len(extra) + 1 + len(_MARKER_ROWS) + 1)
    ws.append([text(ws, tr(h)) for h in ("setting", "value", "defined name", "what it means",
                                         AT_EXPORT)])
    meta = {f.metadata["name"]: f.metadata for f in spec_fields().values()}
    row = 1
    for name, value in {**settings, **extra}.items():
        row += 1
        if name in shaped.SETTINGS_META:
            label, help_ = shaped.SETTINGS_META[name]
        elif name.endswith("_start"):
            label = f"{meta['start']['label']} {name.removesuffix('_start')}"
            help_ = meta["start"]["help"]
        else:
            label, help_ = meta[name]["label"], _help(run, name, meta[name]["help"])
        # column E keeps the value as exported, so an edit of column B can be reported
        cell, at_export = (_setting_cell(ws, value) for _ in range(2))
        ws.append([text(ws, tr(label)), cell, text(ws, name), text(ws, tr(help_)), at_export])
    ws.append([])
    values: list[str | int] = [FORMAT_VERSION, __version__, spec.data.name, spec.data.n,
                               int(run.params.shape[0]), tr.status(run.status)]
    for label, value in zip(_MARKER_ROWS, values, strict=True):
        cell = text(ws, value) if isinstance(value, str) else value
        note = "identifies a workbook gdapp wrote" if label == MARKER else ""
        ws.append([text(ws, tr(label)), cell, None, text(ws, tr(note)) if note else None])


#: A setting's help where the run gives it another meaning than RunSpec's help (which
#: describes the note's runs, and so the reference workbooks' Settings): (setting, test).
_RUN_HELP: dict[str, tuple[Callable[[Run], bool], str]] = {
    "tolerance": (lambda r: r.batches is not None,
                  "Stopping: an epoch's end whose objective is not below the best so far by "
                  f"this times max(1, |best|) counts toward the {PATIENCE} in a row that end "
                  "the run."),
}


def _help(run: Run, name: str, default: str) -> str:
    """The help of setting ``name`` in this run's workbook."""
    own = setting_help(run, name)
    if own is not None:
        return own
    applies, text_ = _RUN_HELP.get(name, (None, ""))
    return text_ if applies is not None and applies(run) else default


#: Header of the Settings column that keeps each value as it was exported.
AT_EXPORT = "value at export"


def _setting_cell(ws: WriteOnlyWorksheet, value: object
                  ) -> str | float | int | bool | Cell:
    if isinstance(value, str):
        return text(ws, value)
    if isinstance(value, bool):       # TRUE/FALSE, as the formulas' IF(centered, …) test it
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return number(ws, float(value))  # type: ignore[arg-type]


#: Labels of the rows below the settings; the first is the marker a reader looks for.
_MARKER_ROWS = (MARKER, "gdapp version", "data source", "samples", "iterate rows",
                "status at export")


def _write_data(wb: Workbook, run: Run, tr: Words) -> None:
    data = run.spec.data
    if shaped.shape_of(run.spec) is not None:
        _write_shaped_data(wb, run, tr)
        return
    ws = _sheet(wb, "Data", data.p + 4, data.n + 1)
    # the column names are the data's own (a CSV's header), written as they came
    ws.append([text(ws, tr("sample")), *[text(ws, name) for name in data.feature_names],
               text(ws, data.y_name), text(ws, tr("prediction ŷ at the final iterate")),
               text(ws, tr("residual y − ŷ"))])
    for i, (xs, y) in enumerate(zip(data.X.tolist(), data.y.tolist(), strict=True)):
        row = i + FIRST_ROW
        ws.append([i + 1, *[number(ws, x) for x in xs], number(ws, y),
                   *data_formulas(run, row)])


def _write_shaped_data(wb: Workbook, run: Run, tr: Words) -> None:
    """The Data sheet of shaped samples: every sample, powers and z-scores as formulas
    (:mod:`gdapp.excel.shaped`)."""
    data = run.spec.data
    shape = shaped.shape_of(run.spec)
    assert shape is not None
    ws = _sheet(wb, "Data", shape.width, max(shape.last_row, data.p + 1))
    ws.append([text(ws, tr("sample")), *[text(ws, name) for name in data.feature_names],
               text(ws, data.y_name), text(ws, tr("prediction ŷ at the final iterate")),
               text(ws, tr("residual y − ŷ")),
               *[text(ws, tr(h) if translate else h) if h else None
                 for h, translate in shaped.headers(run.spec, shape)]])
    for row in shaped.data_rows(run, data_formulas):
        ws.append([text(ws, v[1]) if isinstance(v, tuple)
                   else number(ws, v) if isinstance(v, float) else v for v in row])


def _write_order(wb: Workbook, run: Run, order: Order, tr: Words) -> None:
    """The Order sheet: the samples of every batch, update by update (see :class:`Order`)."""
    data = run.spec.data
    ws = _sheet(wb, fx.ORDER_SHEET, data.p + 4, order.sample.size + 1)
    ws.append([text(ws, tr(h)) for h in ("update k", "epoch", "sample")] +
              [text(ws, name) for name in (*data.feature_names, data.y_name)])
    names = [*fx.Samples.of(data.p).xs, "y_data"]
    rows = zip(order.update.tolist(), order.epoch.tolist(), order.sample.tolist(), strict=True)
    for i, (k, epoch, sample) in enumerate(rows):
        at = f"$C{i + FIRST_ROW}"
        ws.append([k, epoch, sample,
                   *["=" + fx.excel("order sample", data=name, sample=at) for name in names]])


def _write_iterations(wb: Workbook, run: Run, columns: list[Column], order: Order | None,
                      progress: Progress | None, tr: Words) -> WriteOnlyWorksheet:
    m = int(run.params.shape[0])
    ws = _sheet(wb, "Iterations", len(columns), m + 1)
    ws.append([text(ws, tr(c.header)) for c in columns])
    templates = [c.template or "" for c in columns[1:]]
    arrays = [fx.written_as_array(t) for t in templates]
    if any(arrays) or order is not None:
        _write_rows_one_by_one(ws, columns, arrays, order, m, progress)
        return ws
    ws.append(iteration_row(columns, 0))
    append = ws.append
    for k in range(1, m):
        row = k + FIRST_ROW
        append([k, *[t.format(p=row, q=row - 1) for t in templates]])
        if progress is not None and k % PROGRESS_EVERY == 0:
            progress(k, m)
    if progress is not None:
        progress(m, m)
    return ws


def _write_rows_one_by_one(ws: WriteOnlyWorksheet, columns: list[Column], arrays: list[bool],
                           order: Order | None, m: int, progress: Progress | None) -> None:
    """The Iterations rows of a run some of whose formulas are array formulas or name the
    rows of the Order sheet (a mini-batch run)."""
    letters = [column_letter(i) for i in range(1, len(columns))]
    for k in range(m):
        row = k + FIRST_ROW
        out: list[Any] = iteration_row(columns, k, order)
        for j, array in enumerate(arrays):
            if array and isinstance(out[j + 1], str):
                out[j + 1] = array_formula(f"{letters[j]}{row}", str(out[j + 1]))
        ws.append(out)
        if progress is not None and k % PROGRESS_EVERY == 0:
            progress(k, m)


def _write_summary(wb: Workbook, run: Run, columns: list[Column],
                   iterations: WriteOnlyWorksheet, tr: Words) -> None:
    rows = summary_rows(run, columns)
    block = block_rows(run)
    height = max(len(rows), CURVE_POINTS, len(block)) + 1
    width = BLOCK_COLUMN + len(block[0]) if block else 6
    ws = _sheet(wb, "Summary", width, height)
    curve_head = "objective at b1" + (
        " (the other parameters at their final values)" if run.spec.data.p > 1
        else " (b0 = final b0)" if MODEL_RULES[run.spec.model].intercept else "")
    for r in range(1, height + 1):
        left: list[str | float | Cell | ArrayFormula | None] = [None, None, None]
        if r == 1:
            left = [text(ws, tr(h)) for h in ("quantity", "value", "how it is computed")]
        elif r - 2 < len(rows):
            entry = rows[r - 2]
            if entry.formula and fx.written_as_array(str(entry.value)):
                value: str | float | Cell | ArrayFormula | None = \
                    array_formula(f"B{r}", str(entry.value))
            elif entry.formula or entry.value is None:
                value = entry.value
            elif isinstance(entry.value, str):
                value = text(ws, tr.status(entry.value) if entry.label == STATUS_LABEL
                             else tr(entry.value))
            else:
                value = number(ws, entry.value)
            left = [text(ws, tr(entry.label)), value, text(ws, tr(entry.how))]
        right: list[str | float | Cell | ArrayFormula | None] = []
        if r == 1:
            right = [text(ws, tr("b1 (curve)")), text(ws, tr(curve_head))]
        elif r - 2 < CURVE_POINTS:
            curve: str | ArrayFormula = curve_formula(run, r)
            if fx.written_as_array(curve):
                curve = array_formula(f"F{r}", curve)
            right = [curve_point_formula(r - 2), curve]
        far: list[str | float | Cell | None] = []
        if r - 1 < len(block):
            far = [None] * (BLOCK_COLUMN - 6 + (not right) * 2)
            far += [c.value if c.expected is not None else text(ws, tr(c.value))
                    for c in block[r - 1]]
        ws.append([*left, None, *right, *far])
    charts.add_charts(ws, iterations, run, columns, tr)
