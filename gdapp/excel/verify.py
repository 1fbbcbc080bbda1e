"""The proof: recalculate a gdapp workbook in LibreOffice and compare it with the engine.

:func:`verify_workbook` takes four steps:

1. read the workbook's Settings and Data back into a :class:`~gdapp.core.RunSpec` (a workbook
   whose η was edited is verified against the edited η);
2. rerun the engine for exactly as many updates as the Iterations sheet has rows
   (:func:`~gdapp.core.rerun_for_rows`);
3. recalculate the workbook in LibreOffice headless (:mod:`gdapp.excel.recalc`);
4. walk every formula cell the exporter writes for that run (``expected_cells``) in order,
   streaming the original (formula text) and the recalculated copy (values) row by row, so a
   1,048,575-row workbook is compared in bounded memory.

For each cell the formula text must be exactly what gdapp writes there, and the value must
match the engine's.

The tolerance rule for values is :mod:`gdapp.excel.tolerance`'s: relative to the size of a
cell's operands (for a sum over the samples, of its terms), and, where the run is chaotic, to
the spread of the engine's own re-runs (:func:`sensitivity_of`); the report's notes say where
that wider rule, or a converged flag decided within rounding of the tolerance, was needed.

A run that diverges before the workbook's last row
--------------------------------------------------
If the engine diverges (a value beyond ``DIVERGENCE_LIMIT`` = 1e100, or not finite) before the
workbook's last row — e.g. η was raised in Settings past the stability limit — the engine has
no numbers for the workbook's later rows. Then the Iterations cells are compared up to the
engine's last row; every later Iterations row must show the divergence too (an error value,
or some number of size ≥ 1e94, a margin below the limit for the two engines' rounding); the
Summary and Data cells, which describe the last row, are not compared, and the report says so.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import TYPE_CHECKING, NamedTuple

from lxml import etree

from gdapp.core import Run, cost_rule, rerun_for_rows
from gdapp.core.data_messages import said
from gdapp.core.messages import Message
from gdapp.excel.accounting import (
    IterationRows,
    prose_note,
    unaccounted_cells,
    unaccounted_names,
    unaccounted_order,
)
from gdapp.excel.compare import (
    Expected,
    VerifyReport,
    check_diverged_rows,
    compare_cells,
    compare_workbooks,
    opened,
    report_from,
)
from gdapp.excel.expected import expected_cells
from gdapp.excel.export import (
    AT_EXPORT,
    defined_names,
    write_failure,
)
from gdapp.excel.formulas import ORDER_SHEET
from gdapp.excel.gradient_check import verify_notes as check_notes
from gdapp.excel.labels import Language, in_every_language
from gdapp.excel.layout import Cell as PlanCell
from gdapp.excel.layout import iteration_columns
from gdapp.excel.order import order_plan
from gdapp.excel.package import GDAPP_SHEETS, OPTIONAL_SHEETS
from gdapp.excel.preflight import (
    check_part_sizes,
    foreign_formulas,
    not_recalculated,
    planned_formulas,
)
from gdapp.excel.readback import WorkbookError, open_untrusted, read_workbook
from gdapp.excel.recalc import RecalcUnavailable, VerifyUnavailable, recalculate_all
from gdapp.excel.reference import reference_workbook
from gdapp.excel.scratch import VERIFY_PREFIX, tagged
from gdapp.excel.sensitivity import CHAOS_ULPS, PERTURBATION_ULPS, sensitivity_of
from gdapp.excel.solved_optimum import untrusted_note
from gdapp.excel.stored_optimum import with_stored_optimum
from gdapp.excel.streaming import StreamedWorkbook
from gdapp.excel.target import ExportError
from gdapp.excel.tolerance import (
    ITERATIONS_SHEET,
    RELATIVE_TOLERANCE,
    SPREAD_FACTOR,
    Sensitivity,
    Tally,
)

if TYPE_CHECKING:
    from gdapp.excel.path_verify import PreparedPath

__all__ = ["RELATIVE_TOLERANCE", "RecalcUnavailable", "VerifyReport", "VerifyUnavailable",
           "compare_workbooks", "verify_workbook", "verify_workbooks"]


# -------------------------------------------------------------------------------------------
# The proof


def verify_workbook(path: str | Path, *, timeout: float = 600,
                    progress: Callable[[int, int], None] | None = None,
                    cancel: threading.Event | None = None) -> VerifyReport:
    """Recalculate a gdapp workbook in LibreOffice and compare it with the engine.

    Parameters
    ----------
    path : path-like
        A workbook written by gdapp (possibly edited since).
    timeout : float, keyword-only
        Seconds LibreOffice may take to recalculate.
    progress : callable(done, total), optional
        Called once before the recalculation (done = 0) and every few thousand cells while
        comparing; ``total`` is the number of cells gdapp expects.
    cancel : threading.Event, optional
        Set from another thread to stop (raises :class:`VerifyUnavailable`).

    Returns
    -------
    VerifyReport
        ``agree`` is False when any formula or value differs (``first_difference`` names
        the first such cell).

    Raises
    ------
    VerifyUnavailable
        The workbook cannot be verified: not a gdapp workbook, nonsense settings, LibreOffice
        missing, too slow or failing, or cancelled. The message says why in one sentence.
    """
    return verify_workbooks([path], timeout=timeout, progress=progress, cancel=cancel)[0]


def verify_workbooks(paths: Sequence[str | Path], *, timeout: float = 600,
                     progress: Callable[[int, int], None] | None = None,
                     cancel: threading.Event | None = None,
                     keep_copies: Path | None = None) -> list[VerifyReport]:
    """:func:`verify_workbook` for several workbooks, recalculated by one LibreOffice launch.

    Every workbook is read and rerun first, so one that cannot be verified raises
    :class:`VerifyUnavailable` (naming it) before LibreOffice starts. ``progress`` counts the
    cells of all workbooks together. A regularization path's workbook (``gdapp path -o``) is
    compared as :func:`gdapp.excel.path_verify.verify_path_workbook` does, recalculated in
    the same launch. With ``keep_copies`` (a folder, created if missing) LibreOffice's
    recalculated copy of the i-th workbook is left there as ``i.xlsx`` (none for a workbook
    refused before the recalculation), to read what LibreOffice computed.
    """
    sources = [Path(p) for p in paths]
    from gdapp.excel.path_verify import is_path_workbook, prepare_path
    prepared: list[_Prepared | PreparedPath] = [
        prepare_path(source) if is_path_workbook(source)
        else _prepare(source, named=len(sources) > 1) for source in sources]
    total = sum(item.cells for item in prepared)
    if progress is not None:
        progress(0, total)
    try:
        return _verify_prepared(sources, prepared, total, timeout=timeout, progress=progress,
                                cancel=cancel, keep_copies=keep_copies)
    except (OSError, etree.SerialisationError) as exc:
        raise VerifyUnavailable(Message("cannot verify: {problem}", problem=write_failure(
            exc, Path(tempfile.gettempdir()), Message("the verification's copies")))) from None
    except ExportError as exc:      # the workbook gdapp writes, to compare every cell with
        raise VerifyUnavailable(Message("cannot verify: {problem}",
                                        problem=said(exc))) from None


def _verify_prepared(sources: list[Path], prepared: list[_Prepared | PreparedPath],
                     total: int, *, timeout: float,
                     progress: Callable[[int, int], None] | None,
                     cancel: threading.Event | None,
                     keep_copies: Path | None) -> list[VerifyReport]:
    from gdapp.excel.path_verify import PreparedPath  # (it imports this module)
    reports = []
    with TemporaryDirectory(prefix=tagged(VERIFY_PREFIX)) as scratch:
        # Links named 0.xlsx, 1.xlsx, … so that workbooks with the same name share a launch.
        links = Path(scratch) / "in"
        links.mkdir()
        clean = [i for i, item in enumerate(prepared) if item.foreign is None]
        for i in clean:
            (links / f"{i}.xlsx").symlink_to(sources[i].absolute())
        started = time.perf_counter()
        copies = dict(zip(clean, recalculate_all(
            [links / f"{i}.xlsx" for i in clean], Path(scratch) / "out", timeout=timeout,
            cancel=cancel) if clean else [], strict=True))
        recalc_seconds = time.perf_counter() - started
        if keep_copies is not None:
            keep_copies.mkdir(parents=True, exist_ok=True)
            for i, copy in copies.items():
                shutil.copyfile(copy, keep_copies / f"{i}.xlsx")
        done = 0
        for i, item in enumerate(prepared):
            if isinstance(item, PreparedPath):
                reports.append(item.finish(copies[i], Path(scratch) / f"path-{i}"))
                done += item.cells
                if progress is not None:
                    progress(done, total)
                continue
            if item.foreign is not None:       # a difference already: not recalculated
                reports.append(not_recalculated(item.foreign, rows=item.rows,
                                                learning_rate=item.run.spec.learning_rate,
                                                engine_seconds=item.engine_seconds))
                done += item.cells
                if progress is not None:
                    progress(done, total)
                continue
            copy = copies[i]
            def shifted(n: int, _total: int, before: int = done) -> None:
                if progress is not None:
                    progress(before + n, total)

            # what gdapp writes around the formulas (of the run's end, not of its length)
            reference = reference_workbook(item.run, Path(scratch) / f"gdapp-{done}.xlsx",
                                           lang=item.lang)
            tally, notes = _verify_one(item, copy, reference, progress=shifted,
                                       cancel=cancel)
            done += item.cells
            reports.append(report_from(
                tally, rows=item.rows, learning_rate=item.run.spec.learning_rate, notes=notes,
                recalc_seconds=recalc_seconds, engine_seconds=item.engine_seconds))
    return reports


class _Prepared(NamedTuple):
    source: Path
    rows: int               # iterate rows of the workbook
    run: Run                # the engine's run for that many rows
    engine_seconds: float
    cells: int              # how many cells gdapp expects
    sensitivity: Sensitivity | None   # where the run is chaotic (None: nowhere)
    lang: Language          # the language of its labels
    foreign: tuple[str, int] | None = None   # a formula gdapp does not write, how many
    notes: tuple[str, ...] = ()     # what the verifier checked otherwise than usual


def _prepare(source: Path, *, named: bool) -> _Prepared:
    """Read a workbook and rerun the engine for as many rows as it has (and time the run)."""
    prefix = Message("cannot verify {name}: ", name=source.name) if named else \
        Message("cannot verify: ")
    try:
        book = read_workbook(source, strict=True)
    except WorkbookError as exc:
        raise VerifyUnavailable(Message("{prefix}{problem}", prefix=prefix,
                                        problem=said(exc))) from None
    except OSError as exc:
        raise VerifyUnavailable(Message("{prefix}{path}: {reason}", prefix=prefix,
                                        path=str(source),
                                        reason=str(exc.strerror or exc))) from None
    _require_summary(source, prefix)
    started = time.perf_counter()
    try:
        engine_run = rerun_for_rows(book.spec, book.iteration_rows)
    except ValueError as exc:
        raise VerifyUnavailable(Message("{prefix}the workbook's settings do not make a run "
                                        "({problem})", prefix=prefix,
                                        problem=said(exc))) from None
    sensitivity = sensitivity_of(book.spec, engine_run)
    seconds = time.perf_counter() - started
    # what it may cost is bounded by what gdapp writes, before LibreOffice sees it
    check_part_sizes(source, engine_run, book.iteration_rows,
                     lambda message: VerifyUnavailable(Message("{prefix}{problem}",
                                                               prefix=prefix, problem=message)))
    whole = engine_run.params.shape[0] >= book.iteration_rows   # the plan is expected_cells
    planned = _Counted(planned_formulas(engine_run, book.iteration_rows))
    foreign = foreign_formulas(source, planned, skip_sheet=lambda title: not whole
                               and title != ITERATIONS_SHEET)
    engine_run, moved = with_stored_optimum(source, engine_run)
    # (the preflight walked them already: counting them once more was a third walk)
    cells = planned.count if whole and not moved else _count(expected_cells(engine_run))
    return _Prepared(source, book.iteration_rows, engine_run, seconds, cells, sensitivity,
                     book.lang, foreign, (moved,) if moved else ())


class _Counted:
    """An iterable that counts what was taken from it."""

    def __init__(self, items: Iterable[PlanCell]) -> None:
        self._items, self.count = items, 0

    def __iter__(self) -> Iterator[PlanCell]:
        for item in self._items:
            self.count += 1
            yield item


def _require_summary(source: Path, prefix: str) -> None:
    """Refuse a workbook without the Summary sheet gdapp compares: ``read_workbook`` needs
    Settings, Data and Iterations only, so a renamed or deleted Summary would otherwise be
    reported as a workbook that disagrees, cell after missing cell."""
    with open_untrusted(source, WorkbookError) as wb:
        if "Summary" not in wb.sheetnames:
            raise VerifyUnavailable(Message("{prefix}{name} is not a gdapp workbook (no Summary "
                                            "sheet)", prefix=prefix, name=source.name))


def _verify_one(item: _Prepared, copy: Path, reference: Path, *,
                progress: Callable[[int, int], None] | None,
                cancel: threading.Event | None) -> tuple[Tally, tuple[str, ...]]:
    """Compare one workbook with its recalculated copy, and every other cell and name with
    ``reference`` (the workbook gdapp writes for the run); return the tally and any notes."""
    truncated = item.run.params.shape[0] < item.rows
    with opened(item.source, copy) as (original, recalculated):
        rows = IterationRows(len(iteration_columns(item.run)), item.rows)
        original.cursor(ITERATIONS_SHEET).watch = rows
        tally, last_row = compare_cells(
            original, recalculated, expected_cells(item.run),
            skip_sheet=lambda title: truncated and title != ITERATIONS_SHEET,
            total=item.cells, progress=progress, cancel=cancel,
            sensitivity=item.sensitivity)
        wanted = defined_names(item.run)
        for problem in moved_names(original, wanted):
            tally.differ(problem, 0)
        for problem in unaccounted_names(original, wanted):
            tally.differ(problem, 0)
        cursor = original.cursor(ITERATIONS_SHEET)
        while cursor.advance():                 # the rows below the last one compared
            pass
        for problem in rows.problems:
            tally.differ(problem, 0)
        prose: list[str] = []
        _account_for_cells(tally, original, reference, item.run, truncated=truncated,
                           prose=prose)
        notes = (settings_edits(original) + prose_note(prose) + item.notes
                 + _numerics_notes(tally, item.run) + check_notes(item.run)
                 + untrusted_note(item.run))
        if truncated:
            beyond = check_diverged_rows(tally, recalculated, last_row,
                                          item.run.diverged_at or 0)
            notes = (*notes, _divergence_note(item.run, item.rows, beyond))
    return tally, notes


def _account_for_cells(tally: Tally, original: StreamedWorkbook, reference: Path, run: Run, *,
                       truncated: bool, prose: list[str]) -> None:
    """Every stored cell that is not a formula gdapp compares must be what gdapp writes there
    (:mod:`gdapp.excel.accounting`; the Iterations rows past the start are watched as they
    are compared); past a divergence the Data and Summary sheets, which describe the last
    row, are not looked at. Text that differs from gdapp's is appended to ``prose``."""
    sheets = ("Settings", ITERATIONS_SHEET) if truncated else GDAPP_SHEETS + OPTIONAL_SHEETS
    mine = StreamedWorkbook(reference, data_only=False)
    try:
        # the Order sheet's rows past the header are the plan's, not the reference's
        for problem in unaccounted_cells(original, mine, sheets,
                                         last_row={ITERATIONS_SHEET: 2, ORDER_SHEET: 1},
                                         prose=prose):
            tally.differ(problem, 0)
        order = order_plan(run)
        if order is not None and not truncated:
            for problem in unaccounted_order(original, order.update.tolist(),
                                             order.epoch.tolist(), order.sample.tolist(),
                                             run.spec.data.p + 4):
                tally.differ(problem, 0)
    finally:
        mine.close()


def moved_names(original: StreamedWorkbook, wanted: dict[str, str]) -> list[str]:
    """A sentence for each name gdapp defines that is missing or stands for another place:
    ``b1_final`` moved to an earlier iterate changes the Data and Summary values without
    changing any formula. Names a person added are left alone."""
    have = original.defined_names()
    problems: list[str] = []
    for name, place in wanted.items():
        if name not in have:
            problems.append(Message("the workbook has no name {name} (gdapp defines it as "
                                    "{place})", name=name, place=place))
        elif have[name].replace("$", "").upper() != place.replace("$", "").upper():
            problems.append(Message("the name {name} stands for {have}, gdapp defines it as "
                                    "{place}", name=name, have=have[name], place=place))
    return problems


def settings_edits(original: StreamedWorkbook) -> tuple[str, ...]:
    """Notes naming each Settings value that differs from its copy in "value at export".

    An edited setting is not a disagreement — the engine reran with the edited value, which
    is the point of a live workbook — but the report says which cells were edited, so a
    tampered workbook never passes unremarked.
    """
    notes: list[str] = []
    for number, row in original.parse_rows("Settings"):
        if number == 1:
            if len(row) < 5 or row[4] not in in_every_language(AT_EXPORT):
                return ()  # written before gdapp kept the exported values
            continue
        if len(row) < 5 or row[4] is None:
            continue
        now, then = row[1], row[4]
        same = now == then or (isinstance(now, int | float) and isinstance(then, int | float)
                               and float(now) == float(then))
        if not same:
            notes.append(Message("note: Settings!B{row} ({name}) was {then} at export and is "
                                 "{now} now; the run was checked with the value it has now",
                                 row=str(number), name=str(row[2]), then=repr(then),
                                 now=repr(now)))
    return tuple(notes)


def _count(cells: Iterable[Expected]) -> int:
    return sum(1 for _ in cells)


def _divergence_note(engine_run: Run, workbook_rows: int, beyond: int) -> str:
    last = engine_run.params.shape[0]
    return Message("note: with these settings the run diverges at update {k}: the first "
                   "{last} of {rows} iterate rows were compared, the {beyond} later rows were "
                   "checked to show the divergence too, and the Summary and Data sheets (which "
                   "describe the last row) were not compared", k=f"{engine_run.diverged_at:,}",
                   last=f"{last:,}", rows=f"{workbook_rows:,}", beyond=f"{beyond:,}")


def _numerics_notes(tally: Tally, engine_run: Run) -> tuple[str, ...]:
    """Notes on values compared by the wider rules: within the engine's own spread, and
    converged flags decided by a step within rounding of the tolerance."""
    notes: list[str] = []
    widened = tally.widened
    if widened.cells:
        where = Message("from Iterations row {row}", row=f"{widened.first_row:,}") \
            if widened.first_row else Message("on the Data and Summary sheets")
        rule, optimum = cost_rule(engine_run.spec.cost), engine_run.optimum.objective
        why = Message(" ({cost} bounces around an exact fit)", cost=rule.short) if rule.outer \
            and optimum is not None and optimum <= RELATIVE_TOLERANCE else ""
        notes.append(Message(
            "note: {where} the run is sensitive to rounding{why}: {n} values there were "
            "compared within the spread of the engine's own re-runs (η moved by {ulps}, from "
            "there on {chaos}, units in the last place, and every sample by one) times "
            "{factor}, not 1e-12 (largest relative deviation {deviation}, at {cell}, within "
            "{tolerance}); every formula was still compared exactly", where=where, why=why,
            n=f"{widened.cells:,}", ulps=f"{PERTURBATION_ULPS:,}", chaos=f"{CHAOS_ULPS:,}",
            factor=f"{SPREAD_FACTOR:g}", deviation=f"{widened.deviation:.2g}",
            cell=widened.cell, tolerance=f"{widened.tolerance:.2g}"))
    if tally.earlier:
        notes.append(Message(
            "note: {n} formula(s) are spelled as an earlier gdapp wrote them (gdapp.excel.earlier "
            "says which and why they changed); they compute the same, and their values were "
            "compared as any other", n=f"{tally.earlier:,}"))
    if tally.flags_either:
        notes.append(Message(
            "note: {n} converged flag(s) (or the count of iterations used that follows them) "
            "differ from the engine's where the step is within rounding of the tolerance; "
            "either value was accepted there", n=f"{tally.flags_either:,}"))
    if tally.stopped_either is not None:
        notes.append(stopped_note(tally, engine_run))
    return tuple(notes)


def stopped_note(tally: Tally, engine_run: Run) -> str:
    """One sentence on a stopping rule that fired at another row in the workbook than in the
    engine, because steps within rounding of the tolerance decide it."""
    assert tally.stopped_either is not None
    workbook, engine = (int(k) for k in tally.stopped_either)
    agree = Message("; the parameters agree within rounding (largest relative deviation "
                    "{d})", d=f"{tally.max_deviation:.2g}") if not tally.differences else ""
    return Message("note: the stopping rule fired at a different row in the workbook "
                   "(Iterations used {workbook}) than in the engine ({engine}), because there "
                   "the steps are within rounding of the tolerance ({tol}) and the iterates "
                   "differ in their last digits{agree}", workbook=f"{workbook:,}",
                   engine=f"{engine:,}", tol=f"{engine_run.spec.tolerance:g}", agree=agree)
