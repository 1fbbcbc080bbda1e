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

The tolerance rule for values is :mod:`gdapp.excel.compare`'s.

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

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import NamedTuple

from gdapp.core import Run, rerun_for_rows
from gdapp.excel.compare import (
    ITERATIONS_SHEET,
    RELATIVE_TOLERANCE,
    Expected,
    Tally,
    VerifyReport,
    check_diverged_rows,
    compare_cells,
    compare_workbooks,
    opened,
    report_from,
)
from gdapp.excel.export import AT_EXPORT, expected_cells
from gdapp.excel.readback import WorkbookError, read_workbook
from gdapp.excel.recalc import RecalcUnavailable, VerifyUnavailable, recalculate_all
from gdapp.excel.scratch import VERIFY_PREFIX, tagged
from gdapp.excel.streaming import StreamedWorkbook

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
                     cancel: threading.Event | None = None) -> list[VerifyReport]:
    """:func:`verify_workbook` for several workbooks, recalculated by one LibreOffice launch.

    Every workbook is read and rerun first, so one that cannot be verified raises
    :class:`VerifyUnavailable` (naming it) before LibreOffice starts. ``progress`` counts the
    cells of all workbooks together.
    """
    sources = [Path(p) for p in paths]
    prepared = [_prepare(source, named=len(sources) > 1) for source in sources]
    total = sum(item.cells for item in prepared)
    if progress is not None:
        progress(0, total)
    reports = []
    with TemporaryDirectory(prefix=tagged(VERIFY_PREFIX)) as scratch:
        # Links named 0.xlsx, 1.xlsx, … so that workbooks with the same name share a launch.
        links = Path(scratch) / "in"
        links.mkdir()
        for i, source in enumerate(sources):
            (links / f"{i}.xlsx").symlink_to(source.absolute())
        started = time.perf_counter()
        copies = recalculate_all([links / f"{i}.xlsx" for i in range(len(sources))],
                                 Path(scratch) / "out", timeout=timeout, cancel=cancel)
        recalc_seconds = time.perf_counter() - started
        done = 0
        for item, copy in zip(prepared, copies, strict=True):
            def shifted(n: int, _total: int, before: int = done) -> None:
                if progress is not None:
                    progress(before + n, total)

            tally, notes = _verify_one(item, copy, progress=shifted, cancel=cancel)
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


def _prepare(source: Path, *, named: bool) -> _Prepared:
    """Read a workbook and rerun the engine for as many rows as it has (and time the run)."""
    prefix = f"cannot verify {source.name}: " if named else "cannot verify: "
    try:
        book = read_workbook(source)
    except WorkbookError as exc:
        raise VerifyUnavailable(f"{prefix}{exc}") from None
    except OSError as exc:
        raise VerifyUnavailable(f"{prefix}{source}: {exc.strerror or exc}") from None
    started = time.perf_counter()
    try:
        engine_run = rerun_for_rows(book.spec, book.iteration_rows)
    except ValueError as exc:
        raise VerifyUnavailable(
            f"{prefix}the workbook's settings do not make a run ({exc})") from None
    seconds = time.perf_counter() - started
    return _Prepared(source, book.iteration_rows, engine_run, seconds,
                     _count(expected_cells(engine_run)))


def _verify_one(item: _Prepared, copy: Path, *, progress: Callable[[int, int], None] | None,
                cancel: threading.Event | None) -> tuple[Tally, tuple[str, ...]]:
    """Compare one workbook with its recalculated copy; return the tally and any notes."""
    truncated = item.run.params.shape[0] < item.rows
    with opened(item.source, copy) as (original, recalculated):
        tally, last_row = compare_cells(
            original, recalculated, expected_cells(item.run),
            skip_sheet=lambda title: truncated and title != ITERATIONS_SHEET,
            total=item.cells, progress=progress, cancel=cancel)
        notes = settings_edits(original)
        if truncated:
            beyond = check_diverged_rows(tally, recalculated, last_row,
                                          item.run.diverged_at or 0)
            notes = (*notes, _divergence_note(item.run, item.rows, beyond))
    return tally, notes


def settings_edits(original: StreamedWorkbook) -> tuple[str, ...]:
    """Notes naming each Settings value that differs from its copy in "value at export".

    An edited setting is not a disagreement — the engine reran with the edited value, which
    is the point of a live workbook — but the report says which cells were edited, so a
    tampered workbook never passes unremarked.
    """
    notes = []
    for number, row in original.parse_rows("Settings"):
        if number == 1:
            if len(row) < 5 or row[4] != AT_EXPORT:
                return ()  # written before gdapp kept the exported values
            continue
        if len(row) < 5 or row[4] is None:
            continue
        now, then = row[1], row[4]
        same = now == then or (isinstance(now, int | float) and isinstance(then, int | float)
                               and float(now) == float(then))
        if not same:
            notes.append(f"note: Settings!B{number} ({row[2]}) was {then!r} at export and is "
                         f"{now!r} now; the run was checked with the value it has now")
    return tuple(notes)


def _count(cells: Iterable[Expected]) -> int:
    return sum(1 for _ in cells)


def _divergence_note(engine_run: Run, workbook_rows: int, beyond: int) -> str:
    last = engine_run.params.shape[0]
    return (f"note: with these settings the run diverges at update {engine_run.diverged_at:,}: "
            f"the first {last:,} of {workbook_rows:,} iterate rows were compared, the "
            f"{beyond:,} later rows were checked to show the divergence too, and the Summary "
            "and Data sheets (which describe the last row) were not compared")
