"""File actions: export, open and verify workbooks; export plot images.

Long work (writing a large workbook, recalculating one in LibreOffice) runs in a worker
thread; its progress comes back through Qt signals (queued into the GUI thread), so the window
stays responsive and a progress dialog can cancel a verification. Every failure ends in a
one-sentence message box, never a traceback. The workbook functions live in
:mod:`gdapp.excel` and are imported when an action runs.
"""

from __future__ import annotations

import math
import re
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QProcess, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from gdapp.gui.core_messages import problem_text, translated
from gdapp.gui.i18n import current_language, tr
from gdapp.gui.viewmodel import RunViewModel

if TYPE_CHECKING:
    from gdapp.excel.compare import VerifyReport

#: Seconds LibreOffice may take to recalculate a workbook before Verify gives up.
VERIFY_TIMEOUT = 600.0
#: Runs with more rows than this export behind a progress dialog.
PROGRESS_ROWS = 20_000
#: The width offered for an exported PNG of a plot, in pixels.
PLOT_EXPORT_WIDTH = 1600


class _Worker(QObject):
    """Runs one function in a Python thread and reports back through signals."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable[[Callable[..., None]], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.job_thread = threading.Thread(target=self._main, name="gdapp-file-job", daemon=True)

    def _progress(self, *args: Any) -> None:
        # progress(done, total) from gdapp.excel; a bare fraction is accepted too.
        if len(args) >= 2:
            self.progressed.emit(int(args[0]), max(int(args[1]), 1))
        elif args:
            self.progressed.emit(int(float(args[0]) * 1000), 1000)

    def _main(self) -> None:
        try:
            result = self._job(self._progress)
        except Exception as exc:  # reported as a sentence; the job's own types say why
            self.failed.emit(_sentence(exc))
        else:
            self.succeeded.emit(result)


def _sentence(exc: BaseException) -> str:
    """The exception's message as a sentence: capitalised, unless it starts with a file name
    or path (``notes.xlsx is not …`` keeps the name as it is spelt)."""
    text = problem_text(exc).strip() or (
        tr("There is not enough memory for this.") if isinstance(exc, MemoryError) else
        tr("This failed for a reason gdapp did not foresee; the window keeps working."))
    first = text.split(" ", 1)[0].rstrip(",:")
    if "." in first or "/" in first:
        return text
    return text[0].upper() + text[1:]


#: A cell reference such as ``Iterations!C3`` or ``Summary!$F$35``.
_CELL = re.compile(r"(\b[A-Za-z][\w ]*?!)(\$?[A-Z]{1,3}\$?\d+)")
#: Joins the parts of a cell reference: no line break inside it.
WORD_JOINER = "\u2060"


def unbreakable_cells(text: str) -> str:
    """``text`` with a word joiner after each ``Sheet!`` of a cell reference, so a message
    box never wraps ``Iterations!C3`` across two lines."""
    return _CELL.sub(lambda m: m.group(1) + WORD_JOINER + m.group(2), text)


def verdict_lines(report: VerifyReport) -> list[str]:
    """What the verification's message box says: :meth:`VerifyReport.summary`'s lines in
    the window's language (the verifier's notes and its first difference too)."""
    where = f" ({report.max_deviation_cell})" if report.max_deviation_cell else ""
    lines = [tr("compared {n} cells; largest relative deviation {d}{where}").format(
        n=f"{report.cells_compared:,}", d=f"{report.max_deviation:.2g}", where=where)
        if not math.isnan(report.max_deviation)
        else tr("compared the formulas only: no value was recalculated")]
    lines.extend(translated(note) for note in report.notes)
    if report.agree and report.sensitive:
        lines.append(tr("verdict: the workbook agrees with gdapp only within rounding: the run "
                        "is sensitive to it, and {n} values were compared within the engine's "
                        "own spread, not 1e-12 (--strict refuses this)").format(
                            n=f"{report.sensitive:,}"))
    elif report.agree:
        lines.append(tr("verdict: the workbook agrees with gdapp"))
    else:
        lines.append(tr("first difference: {cell}").format(
            cell=translated(report.first_difference or "")))
        count = tr("1 cell differs") if report.differences == 1 else \
            tr("{n} cells differ").format(n=f"{report.differences:,}")
        lines.append(tr("verdict: the workbook does NOT agree with gdapp ({count})").format(
            count=count))
    return lines


def spreadsheet_program() -> list[str] | None:
    """The command that opens a workbook in LibreOffice Calc, which shows the workbook's
    charts (Gnumeric, a desktop's other usual choice, drops them); None when not installed."""
    for name in ("localc", "libreoffice", "soffice"):
        found = shutil.which(name)
        if found:
            return [found] if name == "localc" else [found, "--calc"]
    return None


class FileActions(QObject):
    """The window's file actions, bound to a view-model and a parent window.

    Signals (for the window's status line and for tests): ``exported(path)``,
    ``verified(report)``, ``failed(message)``, ``opened(path)``.
    """

    exported = Signal(str)
    verified = Signal(object)
    opened = Signal(str)
    failed = Signal(str)

    def __init__(self, vm: RunViewModel, window: QWidget) -> None:
        super().__init__(window)
        self._vm = vm
        self._window = window
        self.last_export: Path | None = None
        #: The folder workbooks were last exported to (kept in the session).
        self.export_folder: Path | None = None
        self.last_message: QMessageBox | None = None
        self.progress_dialog: QProgressDialog | None = None
        self._worker: _Worker | None = None
        self._cancel: threading.Event | None = None
        self.ask_before_overwrite = True

    # ---- helpers -----------------------------------------------------------------------
    def busy(self) -> bool:
        """True while an export or a verification runs."""
        return self._worker is not None

    def tell(self, title: str, text: str, *, error: bool = False) -> QMessageBox:
        """Show a non-blocking message box (kept in ``last_message``)."""
        box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information,
                          title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        box.show()
        self.last_message = box
        return box

    def _fail(self, title: str, message: str) -> None:
        self.tell(title, message, error=True)
        self.failed.emit(message)

    def _start(self, job: Callable[[Callable[..., None]], object], title: str, label: str,
               done: Callable[[object], None], *, cancellable: bool, show_now: bool,
               busy_first: str | None = None) -> None:
        """Run ``job`` in a worker thread behind a progress dialog. ``busy_first``: until the
        job reports some progress the bar is a busy indicator with this label (LibreOffice's
        recalculation reports none), then a percentage with ``label``."""
        if self._worker is not None:
            self._fail(title, tr("Another file action is still running; wait for it to "
                                 "finish."))
            return
        dialog = QProgressDialog(label, tr("Cancel") if cancellable else "", 0, 1000,
                                 self._window)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0 if show_now else 400)
        if not cancellable:
            dialog.setCancelButton(None)
        else:
            dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        if busy_first is not None:
            dialog.setRange(0, 0)  # moving, not stuck at 0 %
            dialog.setLabelText(busy_first)
        if show_now:
            dialog.show()
        self.progress_dialog = dialog
        worker = _Worker(job, self)

        def progressed(done_: int, total: int) -> None:
            if dialog.maximum() == 0:
                if done_ <= 0:
                    return
                dialog.setRange(0, 1000)
                dialog.setLabelText(label)
            dialog.setValue(min(1000, int(1000 * done_ / max(total, 1))))

        worker.progressed.connect(progressed)
        worker.succeeded.connect(lambda result: self._finish(dialog, done, result))
        worker.failed.connect(lambda message: self._finish(
            dialog, lambda _r: self._fail(title, message), None))
        self._worker = worker
        worker.job_thread.start()

    def _finish(self, dialog: QProgressDialog, then: Callable[[object], None],
                result: object) -> None:
        if self._worker is not None:
            self._worker.job_thread.join(timeout=5)
        self._worker = None
        self._cancel = None
        dialog.canceled.disconnect()
        dialog.close()
        dialog.deleteLater()
        self.progress_dialog = None
        then(result)

    def cancel(self) -> None:
        """Ask a running verification to stop (LibreOffice is killed)."""
        if self._cancel is not None:
            self._cancel.set()

    # ---- Export workbook ---------------------------------------------------------------
    def export_workbook(self, path: str | Path | None = None) -> None:
        """Write the current run as a live-formula .xlsx (asks for a path when None)."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self._window, tr("Export workbook"), str(self._suggested_name()),
                tr("Excel workbooks (*.xlsx)"))
            if not chosen:
                return
            path = chosen
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        the_run = self._vm.run
        lang = current_language()  # the window in Korean writes a Korean workbook

        def job(progress: Callable[..., None]) -> object:
            from gdapp.excel import export_workbook

            export_workbook(the_run, target, progress=progress, lang=lang)
            return target

        self._start(job, tr("Export workbook"),
                    tr("Writing {name} …").format(name=target.name), self._exported,
                    cancellable=False, show_now=the_run.iterations > PROGRESS_ROWS)

    def _suggested_name(self) -> Path:
        spec = self._vm.spec
        base = self.export_folder if self.export_folder else Path.home()
        return base / f"gradient-descent-eta-{spec.learning_rate:g}.xlsx"

    def _exported(self, result: object) -> None:
        self.last_export = Path(str(result))
        self.export_folder = self.last_export.parent
        self.exported.emit(str(result))

    # ---- Open workbook -----------------------------------------------------------------
    def open_workbook(self, path: str | Path | None = None) -> bool:
        """Read a gdapp workbook's settings and data and make them the current run."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self._window, tr("Open workbook"), "",
                                                    tr("Excel workbooks (*.xlsx)"))
            if not chosen:
                return False
            path = chosen
        try:
            from gdapp.excel import read_workbook

            spec = read_workbook(path).spec
        except Exception as exc:  # WorkbookError and whatever a damaged file provokes
            self._fail(tr("Open workbook"), _sentence(exc))
            return False
        if not self._vm.set_spec(spec):
            self._fail(tr("Open workbook"), tr("{name} holds settings gdapp cannot run.").format(
                name=Path(path).name))
            return False
        self.opened.emit(str(path))
        return True

    # ---- Open in spreadsheet -----------------------------------------------------------
    def open_in_spreadsheet(self) -> bool:
        """Open the last exported workbook in the desktop's spreadsheet program."""
        if self.last_export is None or not self.last_export.exists():
            self._fail(tr("Open in spreadsheet"), tr("Export a workbook first (File ▸ Export)."))
            return False
        program = spreadsheet_program()
        if program is not None and QProcess.startDetached(
                program[0], [*program[1:], str(self.last_export)])[0]:
            return True
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export))):
            self._fail(tr("Open in spreadsheet"),
                       tr("No program is set up to open {name}.").format(
                           name=self.last_export.name))
            return False
        return True

    # ---- Verify workbook ---------------------------------------------------------------
    def verify_workbook(self, path: str | Path | None = None) -> None:
        """Recalculate a workbook in LibreOffice and compare it with gdapp's engine."""
        if path is None:
            start = str(self.last_export) if self.last_export else ""
            chosen, _ = QFileDialog.getOpenFileName(self._window, tr("Verify workbook"), start,
                                                    tr("Excel workbooks (*.xlsx)"))
            if not chosen:
                return
            path = chosen
        target = Path(path)
        cancel = threading.Event()

        def job(progress: Callable[..., None]) -> object:
            from gdapp.excel import verify_workbook

            return verify_workbook(target, timeout=VERIFY_TIMEOUT, progress=progress,
                                   cancel=cancel)

        self._start(job, tr("Verify workbook"),
                    tr("Comparing the cells of {name} with gdapp …").format(name=target.name),
                    self._verified, cancellable=True, show_now=True,
                    busy_first=tr("Recalculating {name} in LibreOffice …").format(
                        name=target.name))
        self._cancel = cancel

    def _verified(self, report: object) -> None:
        from gdapp.excel.compare import VerifyReport

        lines = verdict_lines(report) if isinstance(report, VerifyReport) else [str(report)]
        text = "\n".join(lines)
        text = unbreakable_cells(text)
        agree = bool(getattr(report, "agree", False))
        self.tell(tr("Verify workbook"), text, error=not agree)
        self.verified.emit(report)

    # ---- Export plot -------------------------------------------------------------------
    def export_plot(self, plot: QWidget, path: str | Path | None = None,
                    width: int | None = None) -> bool:
        """Save a plot as PNG or SVG through its ``export_image``; a PNG ``width`` pixels
        wide (asked for, default ``PLOT_EXPORT_WIDTH``, when the path is asked for)."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self._window, tr("Export plot"), str(Path.home() / "plot.png"),
                tr("PNG image (*.png);;SVG image (*.svg)"))
            if not chosen:
                return False
            path = chosen
            if not chosen.lower().endswith(".svg"):
                asked, ok = QInputDialog.getInt(
                    self._window, tr("Export plot"),
                    tr("Width of the image in pixels (the height follows the plot's "
                       "shape; 1600 prints well on A4 at 200 dpi):"),
                    PLOT_EXPORT_WIDTH, 200, 20_000, 100)
                if not ok:
                    return False
                width = asked
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_name(target.name + ".png")
        try:
            plot.export_image(str(target), width=width)  # type: ignore[attr-defined]
        except (OSError, ValueError, RuntimeError) as exc:
            self._fail(tr("Export plot"), _sentence(exc))

            return False
        return True
