"""The iteration grid: a lazy table model over a run's arrays, and the view that shows it.

Row k is iterate k (row 0 = the start). Columns: k, the parameters b, the gradient ∂E/∂b
(the slope of the note's tangent), the cost E, the penalty, the objective E + penalty and the
step Δb = b_k − b_(k−1) that produced the row. ``data()`` reads ``run.params[row]`` and friends
only when a cell is painted, so a million rows cost nothing until they are scrolled to.

Painting: every new run repaints the whole visible grid (some 35 rows × 5 columns). Qt's
standard delegate asks the model for eight roles per cell and lays each text out with a
``QTextLayout``, about 25 µs a cell; the view paints the cells itself
(:class:`~gdapp.gui.grid_painter.CellPainter`), reading each row's colour and text straight
from the model, in 40 % of the time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QWidget,
)

from gdapp.core import Run
from gdapp.gui.gradient_check_view import check_columns
from gdapp.gui.gradient_check_view import column_tip as check_tip
from gdapp.gui.gradient_check_view import column_title as check_title
from gdapp.gui.grid_columns import FIT_DIGITS, FittingColumns
from gdapp.gui.grid_painter import CellDelegate, CellPainter
from gdapp.gui.i18n import tr
from gdapp.gui.optimizer_columns import batch_columns, batch_text, extra_title, optimizer_columns
from gdapp.gui.viewmodel import RunViewModel

ModelIndex = QModelIndex | QPersistentModelIndex

#: Display precision of the grid (the copy to the clipboard keeps every digit).
SIGNIFICANT_DIGITS = 10
#: The fewest significant digits a number is shortened to when its column is too narrow.
MIN_SIGNIFICANT_DIGITS = 2
#: What a cell shows when not even its shortest form fits (as a spreadsheet does).
OVERFLOW_TEXT = "###"

CURRENT_COLOR = QColor("#fff2a8")     # the current iterate (where the tangent is drawn)
CONVERGED_COLOR = QColor("#c8f0c8")   # the first row whose every |Δb| ≤ tolerance
DIVERGED_COLOR = QColor("#f6c0c0")    # the last finite row before the run blew up
STOPPED_COLOR = QColor("#dde4f0")     # the last row of a run stopped at max iterations


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


def feature_of(run: Run, header: str) -> str | None:
    """With several features, the feature a column's parameter multiplies (``b2``, ``∂b2``,
    ``Δb2`` → ``sleep_hours``); None otherwise."""
    spec = run.spec
    param = header.lstrip("∂Δ/")  # "∂/∂b2", "Δb2" → "b2"
    if spec.data.p < 2 or param not in spec.param_names:
        return None
    return spec.feature_of(param)


def format_number(value: float) -> str:
    """A grid cell's text: up to 10 significant digits, e.g. ``14.39`` or ``1.234567891e-09``."""
    return f"{value:.{SIGNIFICANT_DIGITS}g}"


def shorter_numbers(value: float) -> Iterator[str]:
    """``value`` with 9, 8, … down to :data:`MIN_SIGNIFICANT_DIGITS` significant digits,
    each text once: ``1.46233581e-08``, ``1.4623358e-08``, …, ``1.5e-08``.

    The exponent is always kept (a spreadsheet's General format): a shortened number is the
    same number, rounded, never a mantissa cut short.
    """
    previous = f"{value:.{SIGNIFICANT_DIGITS}g}"  # format_number(value)
    for digits in range(SIGNIFICANT_DIGITS - 1, MIN_SIGNIFICANT_DIGITS - 1, -1):
        text = f"{value:.{digits}g}"
        if text != previous:  # "g" drops trailing zeros: 2.8 stays 2.8
            yield text
            previous = text


def _column_getters(run: Run) -> list[tuple[str, Callable[[int], float]]]:
    """(header, row → value) per column, in display order."""
    names = run.spec.param_names

    def of_matrix(a: NDArray[np.float64], j: int) -> Callable[[int], float]:
        return lambda r: float(a[r, j])

    def of_vector(a: NDArray[np.float64]) -> Callable[[int], float]:
        return lambda r: float(a[r])

    cols: list[tuple[str, Callable[[int], float]]] = [("k", float)]
    cols += [(n, of_matrix(run.params, j)) for j, n in enumerate(names)]
    cols += [(f"∂/∂{n}", of_matrix(run.gradient, j)) for j, n in enumerate(names)]
    cols += check_columns(run)  # Run ▸ Check the gradient: the central differences
    cols += [("cost E", of_vector(run.cost))]
    if run.accuracy is not None:  # a classifier: the share of samples it gets right
        cols.append(("accuracy", of_vector(run.accuracy)))
    cols += [("penalty", of_vector(run.penalty)), ("objective", of_vector(run.objective))]
    if run.test_objective is not None:  # the cost on the held-out samples
        cols.append(("test cost", of_vector(run.test_objective)))
    if run.batches is not None:  # the batch (a text column) and its gradient
        cols += [("batch", lambda r: float("nan")), *batch_columns(run)]
    cols += [(f"Δ{n}", of_matrix(run.step, j)) for j, n in enumerate(names)]
    return cols + optimizer_columns(run)


def column_title(key: str) -> str:
    """A column's header in the window's language (the parameters' names stay as they are)."""
    return {"cost E": tr("cost E"), "penalty": tr("penalty"),
            "objective": tr("objective"), "accuracy": tr("accuracy"),
            "test cost": tr("test cost")}.get(key) \
        or check_title(key) or extra_title(key)


class IterationTableModel(QAbstractTableModel):
    """Read-only table over ``vm.run``; follows ``runChanged`` and ``currentChanged``."""

    def __init__(self, vm: RunViewModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        self._bold = QFont()
        self._bold.setBold(True)
        self._run = vm.run
        self._columns = _column_getters(self._run)
        self._texts = self._text_columns()
        self._current = vm.current
        self.marks: dict[int, QColor] = {}
        self._mark_rows()
        vm.runChanged.connect(self._on_run_changed)
        vm.currentChanged.connect(self._on_current_changed)

    # ---- following the view-model ----------------------------------------------------
    def _on_run_changed(self) -> None:
        self.beginResetModel()
        self._run = self._vm.run
        self._columns = _column_getters(self._run)
        self._texts = self._text_columns()
        self._current = self._vm.current
        self._mark_rows()
        self.endResetModel()

    def _on_current_changed(self, k: int) -> None:
        old, self._current = self._current, k
        self._mark_rows()
        last = self.columnCount() - 1
        for row in {old, k}:
            if 0 <= row < self.rowCount():
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _text_columns(self) -> dict[int, Callable[[int], str]]:
        """The columns that show text, not a number (a mini-batch run's batch)."""
        text = batch_text(self._run)
        keys = [key for key, _ in self._columns]
        return {keys.index("batch"): text} if text is not None and "batch" in keys else {}

    # ---- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else int(self._run.params.shape[0])

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == _TOOLTIP and horizontal and 0 <= section < len(self._columns):
            key = self._columns[section][0]
            return check_tip(key) or feature_of(self._run, key)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal:
            return column_title(self._columns[section][0]) \
                if 0 <= section < len(self._columns) else None
        return str(section)

    def column_key(self, section: int) -> str:
        """The column's name in English (``"cost E"``, ``"Δb1"``…), as the session keeps the
        columns the user hid; :meth:`headerData` shows it in the window's language."""
        return self._columns[section][0]

    def cell_text(self, row: int, col: int) -> str:
        """The text of a cell as the grid shows it (the display role)."""
        if col in self._texts:
            return self._texts[col](row)
        return str(row) if col == 0 else format_number(self._columns[col][1](row))

    def cell_value(self, row: int, col: int) -> float:
        """The full-precision number of a cell (the row number in column k)."""
        return float(row) if col == 0 else self._columns[col][1](row)

    def shorter_text(self, row: int, col: int, fits: Callable[[str], bool]) -> str:
        """A cell's text when :meth:`cell_text` does not ``fit``: the number with fewer
        significant digits, or :data:`OVERFLOW_TEXT` (always for the row number k)."""
        if col == 0 or col in self._texts:
            return OVERFLOW_TEXT
        value = self._columns[col][1](row)
        return next((t for t in shorter_numbers(value) if fits(t)), OVERFLOW_TEXT)

    @property
    def current(self) -> int:
        """The row of the current iterate (drawn bold on its own colour)."""
        return self._current

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Roles as plain ints: a view asks ~8 roles per painted cell, so this path is hot.
        if role == _DISPLAY:
            row, col = index.row(), index.column()
            if col == 0:
                return str(row)
            if col in self._texts:
                return self._texts[col](row)
            return format_number(self._columns[col][1](row))
        if role == _ALIGN:
            return _RIGHT
        if role == _BACKGROUND:
            color = self.row_color(index.row())
            return QBrush(color) if color is not None else None
        if role == _FONT:
            return self._bold if index.row() == self._current else None
        if role == _TOOLTIP:
            return self.row_note(index.row()) or None
        if role == _USER:  # the full-precision number
            return self.cell_value(index.row(), index.column())
        return None

    # ---- the run's story per row -----------------------------------------------------
    @property
    def run(self) -> Run:
        """The run the table shows."""
        return self._run

    def _mark_rows(self) -> None:
        """Work out once per run (and per current iterate) which rows have a colour, so that
        painting a cell is a dictionary look-up."""
        r = self._run
        marks: dict[int, QColor] = {}
        if r.status == "diverged":
            marks[r.iterations] = DIVERGED_COLOR
        elif r.status == "max_iterations":
            marks[r.iterations] = STOPPED_COLOR
        if r.converged_at is not None:
            marks[r.converged_at] = CONVERGED_COLOR
        marks[self._current] = CURRENT_COLOR
        self.marks = marks

    def row_color(self, row: int) -> QColor | None:
        """Background of a row: current, converged, diverged or stopped, else None."""
        return self.marks.get(row)

    def row_note(self, row: int) -> str:
        """A sentence about a marked row (the tooltip), or an empty string."""
        r = self._run
        notes = []
        if row == self._current:
            notes.append(tr("current iterate k = {k} (the tangent is drawn here)").format(k=row))
        if r.converged_at is not None and row == r.converged_at:
            notes.append(tr("converged at k = {k}: every |Δb| ≤ {tol}").format(
                k=row, tol=f"{r.spec.tolerance:g}"))
        if row == r.iterations and r.status == "diverged":
            notes.append(tr("diverged: update k = {k} gave a number too large to hold; η is "
                            "past the stability limit").format(k=r.diverged_at))
        if row == r.iterations and r.status == "max_iterations":
            notes.append(tr("stopped at max iterations ({n}) before converging").format(
                n=r.spec.max_iterations))
        return "; ".join(notes)

    def rows_as_tsv(self, rows: Iterable[int], columns: Sequence[int] | None = None) -> str:
        """Tab-separated text of ``rows`` (header row first) with every digit kept
        (``repr`` of the float), ready to paste into a spreadsheet."""
        cols = list(range(self.columnCount())) if columns is None else sorted(columns)
        lines = ["\t".join(column_title(self._columns[c][0]) for c in cols)]
        for row in sorted(set(rows)):
            cells = [str(row) if c == 0 else self._texts[c](row) if c in self._texts
                     else repr(self._columns[c][1](row)) for c in cols]
            lines.append("\t".join(cells))
        return "\n".join(lines) + "\n"


class IterationTableView(FittingColumns):
    """The grid: fixed row heights, follows ``vm.current``, Ctrl+C copies TSV."""

    table_model: IterationTableModel

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        #: Keep the current row in view (through resizes and the layout after a new run)
        #: until the user scrolls the grid away from it.
        self.following = True
        self._resetting = False  # while a new run replaces the columns (see below)
        self.attach_models(IterationTableModel(vm, self))  # and the bands of its rows
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        font = self.font()
        self._base_points = font.pointSizeF() * 0.92  # ten digits in five columns fit
        font.setPointSizeF(self._base_points)
        self.setFont(font)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 6)
        vh.setVisible(False)
        #: Paint the cells with :class:`CellPainter` (False: Qt's item delegate, which
        #: draws the same from the model's roles, twice as slowly).
        self.fast_paint = True
        self._cells = CellPainter(self)
        self.setItemDelegate(CellDelegate(self._cells))
        hh = self.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        self.setTabKeyNavigation(False)  # Tab moves on to the next control
        self.connect_header()  # the column menu; a drag keeps the user's widths
        self._size_columns()
        self.verticalScrollBar().actionTriggered.connect(self._stop_following)
        # no scrolling while a new run's columns replace the old ones (Qt crashed scrolling
        # from updateGeometries with the sections half reset); modelReset follows k after
        # (attach_models: a reset of the model shown sizes the columns and follows k)
        self.selectionModel().selectionChanged.connect(self._on_selection)
        vm.currentChanged.connect(self._follow_current)
        self.setToolTip(tr("The iterations, one row per update; select a row to move the "
                           "tangent there. Ctrl+C copies the selection for a spreadsheet."))

    def _size_columns(self) -> None:
        # Room for ten significant digits in the current row's bold, "-1.234567891e-09", and
        # in the other rows also with a 3-digit exponent, "-1.234567891e+100" (a number that
        # does not fit shows fewer digits); k gets room for the run's last k (at least 3
        # digits), bold. Room for both at once would push the third number column off the
        # grid at the window's default size.
        spec = self.table_model.run.spec
        k_digits = max(3, len(str(self.table_model.run.iterations)))
        layout = (spec.model, spec.penalty == "none", k_digits,
                  tuple(self.table_model.column_key(c)
                        for c in range(self.table_model.columnCount())))
        if layout == self._sized_for:
            return  # same columns as before: keep the widths (and the user's)
        self._sized_for = layout
        fm = self.fontMetrics()
        cells = self._cells
        d = max("0123456789", key=cells.bold_metrics.horizontalAdvance)  # the widest digit
        number = max(cells.column_width(f"-{d}.{d * 9}e-{d * 2}", bold=True),
                     cells.column_width(f"-{d}.{d * 9}e+{d * 3}", bold=False))
        self._fitting = True
        self.setColumnWidth(0, cells.column_width(d * k_digits, bold=True))
        no_penalty = self.table_model.run.spec.penalty == "none"
        self._natural = {}
        self._narrowest: dict[int, int] = {}
        shortest = cells.column_width(f"-{d}.{d * (FIT_DIGITS - 1)}e-{d * 2}", bold=True)
        for c in range(1, self.table_model.columnCount()):
            header = str(self.table_model.headerData(c, Qt.Orientation.Horizontal))
            key = self.table_model.column_key(c)
            self._natural[c] = max(number, fm.horizontalAdvance(header) + 16)
            self._narrowest[c] = max(shortest, fm.horizontalAdvance(header) + 16)
            if (names := self.text_width(c)) is not None:  # the bands' parameters
                self._natural[c] = self._narrowest[c] = names
            self.setColumnWidth(c, self._natural[c])
            # Without a penalty the penalty is 0 and the objective is the cost: hide both.
            self.setColumnHidden(c, (no_penalty and key in ("penalty", "objective"))
                                 or key in self.hidden_by_user)
        self._fitting = False
        self._user_sized = False
        self.fit_columns()

    def set_scale(self, scale: float) -> None:
        """Classroom mode: the grid's font ``scale`` times its size, rows and columns
        following."""
        font = self.font()
        font.setPointSizeF(self._base_points * scale)
        self.setFont(font)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self._cells = CellPainter(self)
        self.setItemDelegate(CellDelegate(self._cells))
        self._sized_for = ()
        self._size_columns()
        self.viewport().update()

    def visible_columns(self) -> list[int]:
        """The columns shown."""
        return [c for c in range(self.table_model.columnCount()) if not self.isColumnHidden(c)]

    def copied_columns(self) -> list[int]:
        """The columns the copy takes: those shown and those only squeezed out for room."""
        return sorted({*self.visible_columns(), *self._squeezed})

    def _on_selection(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._vm.stepping = True  # the user chose k: a new run keeps it
            self._vm.set_current(self.iterate_of(indexes[-1].row()))

    def _follow_current(self, k: int | None = None) -> None:
        """Scroll the current row into view, and keep it there while the view lays out."""
        self.following = True
        self._scroll_to_current()

    def _scroll_to_current(self) -> None:
        # Fully visible, in the column shown at the left (no horizontal jump). Right after a
        # new run or before the first show the scroll bars still have their old range and
        # the scroll is cut short: updateGeometries, which sets the ranges, repeats it.
        column = min(max(self.columnAt(0), 0), self.table_model.columnCount() - 1)
        for row in self.current_rows()[::-1]:  # a band: its last row, then its first
            self.scrollTo(self.table_model.index(row, column),
                          QAbstractItemView.ScrollHint.EnsureVisible)

    def _stop_following(self) -> None:
        self.following = False

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if self.following and not self._resetting:
            self._scroll_to_current()

    def scrollToTop(self) -> None:
        self.following = False
        super().scrollToTop()

    def scrollToBottom(self) -> None:
        self.following = False
        super().scrollToBottom()

    def selected_rows(self) -> list[int]:
        """The rows of the selection, in order."""
        return sorted({i.row() for i in self.selectionModel().selectedIndexes()})

    def copy_selection(self) -> str:
        """Put the selected rows (or the current row) on the clipboard as TSV; return it."""
        rows = self.selected_rows() or self.current_rows()
        text = self.table_model.rows_as_tsv(rows, self.copied_columns())
        QApplication.clipboard().setText(text)
        return text

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Scrolling sideways repaints the whole viewport: the cells cut by its edge show
        other text (elided) than when whole, so the pixels Qt moves would be stale —
        the doubled digits of a half-repainted cell."""
        super().scrollContentsBy(dx, dy)
        if dx:
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.fast_paint:
            self._cells.paint(event)
        else:
            super().paintEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)

