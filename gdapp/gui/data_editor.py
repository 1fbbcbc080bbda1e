"""The sample editor: the data in a small editable grid, one column per feature under its
name and the target last, with import and paste.

Every edit is checked at once. A cell that is not a finite number is refused in place (red,
with the reason as its tooltip and in the message line) and the run keeps the last valid data;
once every cell is a number the samples go to the view-model as a new :class:`Dataset`.

A file larger than :data:`BACKGROUND_IMPORT_BYTES` is read in a worker thread (the editor
says "reading FILE…" meanwhile) and applied on the GUI thread when it is read.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gdapp.core import DOCUMENT, DataError, Dataset, parse_sample, rows_to_dataset
from gdapp.core.data import csv_columns
from gdapp.gui.core_messages import problem_text
from gdapp.gui.i18n import tr
from gdapp.gui.import_dialog import ColumnsDialog
from gdapp.gui.sample_text import (
    DataEditError,
    encoding_notice,
    format_sample,
    parse_pasted_rows,
    read_samples,
    split_rows,
)
from gdapp.gui.viewmodel import RunViewModel

__all__ = ["BACKGROUND_IMPORT_BYTES", "INVALID_COLOR", "MAX_EDITABLE_ROWS", "DataEditError",
           "DataEditor", "SampleTable", "format_sample", "parse_pasted_rows", "read_samples"]


INVALID_COLOR = QColor("#f6c0c0")
#: Larger data sets are shown (first rows only) but not edited here: edit the file instead.
MAX_EDITABLE_ROWS = 2_000
#: Files larger than this (bytes) are read in a worker thread (a 1,000,000-row CSV: ~4 s).
BACKGROUND_IMPORT_BYTES = 4_000_000


class SampleTable(QTableWidget):
    """A column per feature, then y; Ctrl+V asks for a paste (``pasteRequested``), Delete
    clears cells."""

    pasteRequested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.pasteRequested.emit(QApplication.clipboard().text())
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Delete) and \
                self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers:
            for item in self.selectedItems():
                item.setText("")
            event.accept()
            return
        super().keyPressEvent(event)


class DataEditor(QWidget):
    """The samples as an editable grid, with Add/Remove row, Import CSV/XLSX and the
    document example one click away."""

    #: A background import ended: True when its samples went to the view-model.
    importFinished = Signal(bool)
    #: (import number, Dataset or error message, file name) from the reading thread
    _read = Signal(int, object, str)
    #: The message line said something new (the window scrolls it into view).
    messageShown = Signal(str)

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        self._imports = 0  # numbers the background imports; only the latest is applied
        self._reader: threading.Thread | None = None
        self._read.connect(self._on_read, Qt.ConnectionType.QueuedConnection)
        self._shown: Dataset | None = None
        self.editable = True
        #: shows the dialog that chooses a CSV file's columns; True when the user chose
        self.choose_columns: Callable[[ColumnsDialog], bool] = \
            lambda dialog: dialog.exec() == QDialog.DialogCode.Accepted
        self.table = SampleTable(0, 2)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setToolTip(tr("The samples (x, y). Type, or paste rows from a spreadsheet "
                                 "(Ctrl+V); a header row is ignored."))
        self.add_button = QPushButton(tr("Add"))
        self.add_button.setToolTip(tr("Add an empty sample row at the end."))
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setToolTip(tr("Remove the selected sample rows."))
        self.csv_button = QPushButton("CSV…")
        self.csv_button.setAccessibleName(tr("Import CSV"))
        self.xlsx_button = QPushButton("XLSX…")
        self.xlsx_button.setAccessibleName(tr("Import XLSX"))
        self.document_button = QPushButton(tr("Document example"))
        self.document_button.setToolTip(tr("The note's samples x = 1, 2; y = 2, 6 "
                                           "(E = 2.5·b1² − 14·b1 + 20)."))
        self.csv_button.setToolTip(tr("Import samples from a CSV file; of more than two "
                                      "columns you choose the features and the target."))
        self.xlsx_button.setToolTip(tr("Import samples from an .xlsx workbook "
                                       "(first sheet, first two columns)."))
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        row1 = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.csv_button, self.xlsx_button):
            b.setMinimumWidth(b.fontMetrics().horizontalAdvance(b.text()) + 18)
            row1.addWidget(b)
        row2 = QHBoxLayout()
        row2.addWidget(self.document_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the message above the grid: where the eye is after typing or importing, never
        # below the fold of the side panel
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addLayout(row1)
        layout.addLayout(row2)
        self.message.hide()  # shown only while it has something to say
        # Tab leaves the grid (arrow keys move between its cells)
        self.table.setTabKeyNavigation(False)

        self.table.itemChanged.connect(self._on_item_changed)
        self.table.pasteRequested.connect(self.paste_text)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected_rows)
        self.document_button.clicked.connect(self.use_document_example)
        self.csv_button.clicked.connect(lambda: self.import_file(kind="csv"))
        self.xlsx_button.clicked.connect(lambda: self.import_file(kind="xlsx"))
        vm.specChanged.connect(self._show_spec_data)
        self.show_dataset(vm.spec.data)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:  # the status bar shows plain text: the line's markup becomes text
            self.messageShown.emit(QTextDocumentFragment.fromHtml(text).toPlainText()
                                   if text.startswith("<") else text)

    # ---- showing ---------------------------------------------------------------------
    def show_dataset(self, data: Dataset) -> None:
        """Fill the grid with ``data`` (without writing back)."""
        editable = data.n <= MAX_EDITABLE_ROWS
        shown = min(data.n, MAX_EDITABLE_ROWS)
        blocker = QSignalBlocker(self.table)
        self.table.clearContents()
        self.table.setRowCount(shown)
        self.table.setColumnCount(data.p + 1)
        self.table.setHorizontalHeaderLabels([*data.feature_names, data.y_name])
        # one feature: x and y share the width; several: each column as wide as its name
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch if data.p == 1
            else QHeaderView.ResizeMode.ResizeToContents)
        columns = [*(data.X[:, j] for j in range(data.p)), data.y]
        for c, column in enumerate(columns):
            for i in range(shown):
                self.table.setItem(i, c, QTableWidgetItem(format_sample(column[i])))
        del blocker
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers)
        for button in (self.add_button, self.remove_button):
            button.setEnabled(editable)
        self.editable = editable
        self.table.viewport().update()
        self._shown = data
        self.message.setStyleSheet("" if not editable else "color: #b00020;")
        self._say("" if editable else (
            tr("Showing the first {shown} of {n} samples; a data set this large is edited in "
               "its file, not here.").format(shown=f"{shown:,}", n=f"{data.n:,}")))

    def _show_spec_data(self) -> None:
        data = self._vm.spec.data
        if self._shown is None or not (data is self._shown or data == self._shown):
            self.show_dataset(data)

    # ---- reading the grid ------------------------------------------------------------
    def _cell_text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def _column_names(self) -> list[str]:
        """What messages call each column: x and y for one feature, else their names."""
        width, data = self.table.columnCount(), self._vm.spec.data
        if width == 2:
            return ["x", "y"]
        if data.p + 1 == width:
            return [*data.feature_names, data.y_name]
        return [*(f"x{j + 1}" for j in range(width - 1)), "y"]

    def dataset_from_cells(self) -> Dataset:
        """The samples in the grid; rows whose cells are all empty are skipped.

        Raises
        ------
        DataEditError
            Naming the first cell that is not a finite number.
        """
        xs: list[list[float]] = []
        ys: list[float] = []
        names = self._column_names()
        for r in range(self.table.rowCount()):
            texts = [self._cell_text(r, c) for c in range(len(names))]
            if not any(texts):
                continue
            pair: list[float] = []
            for text, name in zip(texts, names, strict=True):
                if not text:
                    raise DataEditError(tr("row {row}: {name} is empty").format(
                        row=r + 1, name=name))
                try:
                    pair.append(parse_sample(text))
                except ValueError as exc:
                    raise DataEditError(tr("row {row}: {name} {problem}").format(
                        row=r + 1, name=name, problem=problem_text(exc))) from None
            xs.append(pair[:-1])
            ys.append(pair[-1])
        if not xs:
            raise DataEditError(tr("there are no samples: at least one (x, y) pair is needed"))
        old = self._vm.spec.data
        name = old.name if old.name != "document" else "edited"
        features = old.feature_names if old.p == len(names) - 1 else names[:-1]
        return Dataset(xs, ys, feature_names=features, y_name=old.y_name, name=name)

    def _mark_cells(self) -> None:
        """Colour every cell that is not a finite number; tooltips say why."""
        blocker = QSignalBlocker(self.table)
        columns = range(self.table.columnCount())
        for r in range(self.table.rowCount()):
            filled = any(self._cell_text(r, c) for c in columns)
            for c in columns:
                item = self.table.item(r, c)
                text = self._cell_text(r, c)
                problem = ""
                if filled and not text:
                    problem = tr("empty: type a number")
                elif text:
                    try:
                        parse_sample(text)
                    except ValueError as exc:
                        problem = problem_text(exc)
                if item is None and not problem:
                    continue
                if item is None:
                    item = QTableWidgetItem("")
                    self.table.setItem(r, c, item)
                item.setBackground(QBrush(INVALID_COLOR) if problem else QBrush())
                item.setToolTip(problem)
        del blocker

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        self.apply_cells()

    def apply_cells(self) -> bool:
        """Check the grid; send valid samples to the view-model, or refuse with a message.

        Returns True when the samples were accepted.
        """
        if not self.editable:
            return False
        self._mark_cells()
        try:
            data = self.dataset_from_cells()
        except (DataEditError, DataError) as exc:
            self._say(tr("{problem} — the run keeps the last valid data.").format(
                problem=problem_text(exc)))
            return False
        self._say("")
        if data.same_samples(self._vm.spec.data):
            return True
        self._shown = data
        return self._vm.update(data=data)

    # ---- pasting ---------------------------------------------------------------------
    def paste_text(self, text: str) -> bool:
        """Paste spreadsheet rows (tab-separated, a header row skipped).

        Into the grid at the current cell when the result stays small enough to edit here;
        a larger paste at the top-left cell (or into a large data set) replaces the samples.
        Returns True when the samples changed.
        """
        rows = parse_pasted_rows(text)
        if not rows:
            self._say(tr("The clipboard holds no rows of numbers to paste."))
            return False
        r0, c0 = max(self.table.currentRow(), 0), max(self.table.currentColumn(), 0)
        if self.editable and r0 + len(rows) <= MAX_EDITABLE_ROWS:
            blocker = QSignalBlocker(self.table)
            if self.table.rowCount() < r0 + len(rows):
                self.table.setRowCount(r0 + len(rows))
            for i, cells in enumerate(rows):
                for j, cell in enumerate(cells[: self.table.columnCount() - c0]):
                    self.table.setItem(r0 + i, c0 + j, QTableWidgetItem(cell))
            del blocker
            return self.apply_cells()
        if (r0, c0) != (0, 0) and self.editable:
            self._say(tr("{n} rows do not fit here; paste them at the top-left cell to replace "
                         "the samples.").format(n=f"{len(rows):,}"))
            return False
        try:
            # the rows as pasted, header included: a repeated header is then named as such,
            # and row numbers count the clipboard's lines
            width = self.table.columnCount()  # as many features as the grid shows
            data = rows_to_dataset(split_rows(text), x=list(range(1, width)), y=width,
                                   name="pasted")
        except DataError as exc:
            self._say(tr("Cannot paste: {problem}").format(problem=problem_text(exc)))
            return False
        if self._vm.update(data=data):
            self.show_dataset(data)
            return True
        return False

    # ---- buttons ---------------------------------------------------------------------
    def add_row(self) -> None:
        """Append an empty row and start editing its x (typing goes into the cell)."""
        r = self.table.rowCount()
        blocker = QSignalBlocker(self.table)
        self.table.setRowCount(r + 1)
        for c in range(self.table.columnCount()):
            self.table.setItem(r, c, QTableWidgetItem(""))
        del blocker
        self.table.setCurrentCell(r, 0)
        self.table.setFocus()
        cell = self.table.item(r, 0)
        if cell is not None:
            self.table.editItem(cell)

    def remove_selected_rows(self) -> None:
        """Remove the rows of the selected cells (the last row when none is selected)."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.rowCount():
            rows = [self.table.rowCount() - 1]
        blocker = QSignalBlocker(self.table)
        for r in rows:
            self.table.removeRow(r)
        del blocker
        self.apply_cells()

    def use_document_example(self) -> None:
        """Back to the note's samples (x = 1, 2; y = 2, 6)."""
        self._vm.update(data=DOCUMENT)
        self.show_dataset(DOCUMENT)

    def import_file(self, path: str | None = None, *, kind: str | None = None) -> bool:
        """Import samples from a CSV or XLSX file (asks for one when ``path`` is None).

        Returns True when the samples changed. A file larger than
        :data:`BACKGROUND_IMPORT_BYTES` is read in a worker thread: this returns True at once
        and ``importFinished`` says how it ended.
        """
        if path is None:
            filters = (tr("CSV files (*.csv *.txt *.tsv)") if kind == "csv"
                       else tr("Excel workbooks (*.xlsx)"))
            path, _ = QFileDialog.getOpenFileName(self, tr("Import samples"), "", filters)
            if not path:
                return False
        try:
            columns = self._columns_of(path)
        except (DataError, ValueError, OSError) as exc:
            self._say(tr("Could not import {name}: {problem}").format(name=Path(path).name,
                                                                     problem=problem_text(exc)))
            return False
        if columns is None:
            return False  # the user cancelled the choice of columns
        self._imports += 1  # a newer import (or a synchronous one) supersedes a running one
        try:
            size = Path(path).stat().st_size
        except OSError:
            size = 0  # the reader below says what is wrong with it
        if size > BACKGROUND_IMPORT_BYTES:
            self._start_reading(path, columns)
            return True
        try:
            data = read_samples(path, x=columns[0], y=columns[1])
        except (DataError, ValueError, OSError) as exc:
            self._say(tr("Could not import {name}: {problem}").format(name=Path(path).name,
                                                                     problem=problem_text(exc)))
            return False
        return self._apply_import(data)

    def _columns_of(self, path: str) -> tuple[list[int] | None, int | None] | None:
        """The feature and target columns to read (None, None: the first two); a CSV file
        of more than two columns asks the user (None when they cancel)."""
        if Path(path).suffix.lower() in (".xlsx", ".xlsm"):
            return None, None
        header, width, rows = csv_columns(path)
        if width <= 2:
            return None, None
        dialog = ColumnsDialog(Path(path).name, header, width, rows, self)
        try:
            if not self.choose_columns(dialog):
                return None
            return dialog.features(), dialog.target_column()
        finally:
            dialog.deleteLater()

    def _apply_import(self, data: Dataset) -> bool:
        if self._vm.update(data=data):
            self.show_dataset(data)
            note = encoding_notice(data)
            if note:  # a notice, not an error: grey, whatever the line's error colour
                shown = self.message.text()
                self._say(f'<span style="color: #555555;">{html.escape(note)}.</span>'
                          + (f"<br>{html.escape(shown)}" if shown else ""))
            return True
        return False

    # ---- reading a large file in the background -------------------------------------
    @property
    def reading(self) -> bool:
        """True while a large file is read in the background."""
        return self._reader is not None and self._reader.is_alive()

    def _start_reading(self, path: str,
                       columns: tuple[list[int] | None, int | None]) -> None:
        number = self._imports
        name = Path(path).name
        self.message.setStyleSheet("")
        self._say(tr("reading {name}…").format(name=name))

        def read() -> None:
            result: Dataset | str
            try:
                result = read_samples(path, x=columns[0], y=columns[1])
            except (DataError, ValueError, OSError) as exc:
                result = problem_text(exc)
            except MemoryError:
                result = tr("not enough memory to read it")
            if number == self._imports:
                self._read.emit(number, result, name)

        self._reader = threading.Thread(target=read, name="gdapp-import", daemon=True)
        self._reader.start()

    def _on_read(self, number: int, result: object, name: str) -> None:
        """On the GUI thread: apply the samples read (unless a newer import came since)."""
        if number != self._imports:
            return
        if isinstance(result, Dataset):
            self._say("")
            ok = self._apply_import(result)
        else:
            self.message.setStyleSheet("color: #b00020;")
            self._say(tr("Could not import {name}: {problem}").format(name=name, problem=result))
            ok = False
        self.importFinished.emit(ok)

    def stop_import(self, timeout: float = 10.0) -> bool:
        """Drop a background import's result and wait for its thread (a file cannot be read
        halfway); True when no reading thread is left."""
        self._imports += 1
        if self._reader is not None:
            self._reader.join(timeout)
        return not self.reading
