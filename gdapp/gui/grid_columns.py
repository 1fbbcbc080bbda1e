"""A table view whose number columns fit its width, and whose header chooses its columns.

The iteration grid's base class: :meth:`FittingColumns.fit_columns` narrows the number columns
(down to ``FIT_DIGITS`` significant digits) so that every shown column fits the viewport; when
even that is too wide the optimizer's state, the batch, the penalty, the cost and at last the
objective make way for the note's own columns: k, the parameters b, the gradient ∂/∂b and the
step Δb, which always stay in view, narrower still if need be (fewer digits). With several
parameters, when those columns of every parameter do not fit the grid's width even at
``FIT_DIGITS`` digits, the grid shows each iterate as a band of one row per parameter
(:mod:`gdapp.gui.grid_bands`) rather than scroll sideways. A right-click on the header chooses
the columns (kept across runs); a drag on the header keeps the user's widths from then on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QTableView

from gdapp.gui.grid_bands import KEPT, PARAMETER, BandTableModel

#: Columns narrowed to fit the grid still show this many significant digits.
FIT_DIGITS = 5


class FittingColumns(QTableView):
    """Column fitting and the header's column menu; a subclass sets ``table_model`` and
    fills ``_natural``/``_narrowest`` (per column: its full and its narrowest width) in its
    ``_size_columns``."""

    table_model: Any
    #: The grid's layout changed (bands or one row per iterate, or another run's number of
    #: parameters): the rows it needs in view (:meth:`rows_needed`) may have changed.
    layoutChosen = Signal()
    _cells: Any  # the subclass's CellPainter
    _resetting: bool

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        #: Narrow the columns to the grid's width (the window's grid; off for a bare view).
        self.fit_to_width = False
        self._natural: dict[int, int] = {}
        self._narrowest: dict[int, int] = {}
        #: columns hidden for want of room (shown again when the grid is wider)
        self._squeezed: list[int] = []
        self._fitting = False
        self._user_sized = False
        self._sized_for: tuple[object, ...] = ()
        #: headers the user chose to hide (kept across runs)
        self.hidden_by_user: set[str] = set()
        #: One band of rows per iterate (several parameters on a narrow grid); the model
        #: shown is then ``band_model``, else ``wide_model`` (see :meth:`attach_models`).
        self.bands = False
        self._choosing = False
        self._refitting = False
        self._rows_told = 1  # the rows of one iterate layoutChosen last told of
        self.viewport().installEventFilter(self)  # its width follows the vertical scroll bar

    # ---- one row per iterate, or a band of rows ----------------------------------------
    def attach_models(self, wide: Any) -> None:
        """Show ``wide`` (the model of one row per iterate) and make its bands' model; the
        view's hooks follow the model shown."""
        self.wide_model = self.table_model = wide
        self.band_model = BandTableModel(wide, self)
        self.setModel(wide)
        for model in (wide, self.band_model):
            model.modelAboutToBeReset.connect(lambda m=model: self._reset_started(m))
            model.modelReset.connect(lambda m=model: self._reset_done(m))

    def _reset_started(self, model: QAbstractItemModel) -> None:
        if model is self.table_model:
            self._resetting = True

    def _reset_done(self, model: QAbstractItemModel) -> None:
        if model is not self.table_model:
            return
        self._resetting = False
        self._size_columns()
        self._follow_current()
        self._choose_later()
        self._refit_later()  # once the header has laid the new columns out
        if self.rows_needed() != self._rows_told:  # another number of parameters
            self._rows_told = self.rows_needed()
            self.layoutChosen.emit()

    def wide_width(self) -> int:
        """The width the note's columns of every parameter (k, b, ∂/∂b, Δb) need in one
        row per iterate, each at ``FIT_DIGITS`` significant digits."""
        from gdapp.gui.table_model import column_title

        cells, fm = self._cells, self.fontMetrics()
        d = max("0123456789", key=cells.bold_metrics.horizontalAdvance)
        shortest = cells.column_width(f"-{d}.{d * (FIT_DIGITS - 1)}e-{d * 2}", bold=True)
        k_digits = max(3, len(str(self.wide_model.run.iterations)))
        width = int(cells.column_width(d * k_digits, bold=True))
        for name in self.wide_model.run.spec.param_names:
            for key in (name, f"∂/∂{name}", f"Δ{name}"):
                width += max(shortest, fm.horizontalAdvance(column_title(key)) + 16)
        return width

    def wants_bands(self) -> bool:
        """Whether the grid shows bands: several parameters whose note's columns do not fit
        its width (the room of a vertical scroll bar left out, so that the choice does not
        depend on the layout it makes)."""
        if not self.fit_to_width or len(self.wide_model.run.spec.param_names) < 2:
            return False
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return self.wide_width() > self.width() - 2 * self.frameWidth() - bar - 1

    def _choose_later(self) -> None:
        # never from inside a resize or a reset (a new model there crashed Qt)
        if not self._choosing:
            self._choosing = True
            QTimer.singleShot(0, self, self.choose_layout)

    def choose_layout(self) -> None:
        """Show bands or one row per iterate, as :meth:`wants_bands` says."""
        self._choosing = False
        bands = self.wants_bands()
        if bands == self.bands:
            return
        self.bands = bands
        old = self.selectionModel()
        self.table_model = self.band_model if bands else self.wide_model
        self.setModel(self.table_model)
        if old is not None:
            old.deleteLater()
        self.selectionModel().selectionChanged.connect(self._on_selection)
        self._squeezed = []
        self._sized_for = ()
        self._size_columns()
        self._follow_current()
        self._rows_told = self.rows_needed()
        self.layoutChosen.emit()

    def rows_needed(self) -> int:
        """The rows that show one whole iterate: its band's, else one."""
        return self.band_model.p if self.bands else 1

    def current_rows(self) -> list[int]:
        """The rows of the current iterate: its band, or its one row."""
        k = self.wide_model.current
        return list(self.band_model.rows_of(k)) if self.bands else [k]

    def iterate_of(self, row: int) -> int:
        """The iterate k a row shows."""
        return int(self.band_model.k_of(row)) if self.bands else row

    def text_width(self, column: int) -> int | None:
        """The width of a column of names (the bands' parameters), None for numbers."""
        if self.table_model.column_key(column) != PARAMETER:
            return None
        texts = [n[1:] for n in self.wide_model.run.spec.param_names]
        header = str(self.table_model.headerData(column, Qt.Orientation.Horizontal))
        return max(max(int(self._cells.column_width(t, bold=True)) for t in texts),
                   self.fontMetrics().horizontalAdvance(header) + 16,
                   self.horizontalHeader().minimumSectionSize())

    def _size_columns(self) -> None:
        raise NotImplementedError

    def _follow_current(self, k: int | None = None) -> None:
        raise NotImplementedError

    def _on_selection(self, *_: Any) -> None:
        raise NotImplementedError

    def connect_header(self) -> None:
        """Follow the header's drags and offer its column menu (after the model is set)."""
        hh = self.horizontalHeader()
        hh.sectionResized.connect(self._on_section_resized)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._column_menu)

    def column_menu(self) -> QMenu:
        """The header's menu: one checkable entry per column (k stays)."""
        menu = QMenu(self)
        model = self.table_model
        for c in range(1, model.columnCount()):
            key = model.column_key(c)
            action = menu.addAction(str(model.headerData(c, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(key not in self.hidden_by_user)
            action.toggled.connect(lambda on, h=key: self.show_column(h, on))
        return menu

    def _column_menu(self, pos: QPoint) -> None:
        self.column_menu().popup(self.horizontalHeader().mapToGlobal(pos))

    def show_column(self, header: str, on: bool) -> None:
        """Show or hide the column whose English name (``column_key``) is ``header`` (the
        user's choice, kept across runs)."""
        if on:
            self.hidden_by_user.discard(header)
        else:
            self.hidden_by_user.add(header)
        self._sized_for = ()
        self._size_columns()

    def fit_columns(self) -> None:
        """Narrow the number columns (down to ``FIT_DIGITS`` significant digits) so that every
        shown column fits the viewport — a penalty lesson's penalty and objective included —
        unless the user has sized the columns by hand."""
        if not self.fit_to_width or self._user_sized or not self._natural:
            return
        self._fitting = True
        # the columns hidden for room get another chance (shown again only if they now fit:
        # hidden and shown again at every η change, they repainted the window twice more)
        # (a new model shows every column again: only those still hidden count as hidden)
        before = {c for c in self._squeezed if self.isColumnHidden(c)}
        self._squeezed = []
        # (a resize while a new run's columns replace the old ones may come before
        # _size_columns has measured them: the old widths of columns now gone are skipped)
        count = self.table_model.columnCount()
        shown = [c for c in self._natural
                 if c < count and (c in before or not self.isColumnHidden(c))]
        # (the room of a vertical scroll bar left out: one that comes later, with more rows,
        # would push the last column out of view)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = min(self.viewport().width(), self.width() - 2 * self.frameWidth() - bar)
        room = width - self.columnWidth(0) - 1
        # still too narrow at FIT_DIGITS: the other columns make way (the optimizer's state
        # first, the objective last) for the note's own: k, b, ∂/∂b and Δb, which stay
        for c in sorted((c for c in shown if self._make_way_rank(c) is not None),
                        key=lambda c: (self._make_way_rank(c), -c)):
            if sum(self._narrowest[c] for c in shown) <= room:
                break
            self._squeezed.append(c)
            shown.remove(c)
        for c in before.difference(self._squeezed):
            self.setColumnHidden(c, False)
        for c in set(self._squeezed).difference(before):
            self.setColumnHidden(c, True)
        targets: dict[int, int] = {}
        natural = sum(self._natural[c] for c in shown)
        if natural <= room or room <= 0:
            for c in shown:
                targets[c] = self._natural[c]
        elif sum(self._narrowest[c] for c in shown) > room:
            # the note's columns fit whatever the width (the gradient check's too), each
            # number with the digits its column has room for (a spreadsheet's General format)
            names = [c for c in shown if self._natural[c] == self._narrowest[c]]
            numbers = [c for c in shown if c not in names]
            left = room - sum(self._natural[c] for c in names)
            for c in names:
                targets[c] = self._natural[c]
            for c in numbers:
                targets[c] = max(1, left // max(1, len(numbers)))
        else:  # a column that cannot be narrower keeps its width, the others share the rest
            fixed = sum(self._natural[c] for c in shown if self._natural[c] == self._narrowest[c])
            share = (room - fixed) / max(1, natural - fixed)
            for c in shown:
                targets[c] = max(self._narrowest[c], int(self._natural[c] * share))
        self._set_widths(targets)
        self._fitting = False

    def _set_widths(self, targets: dict[int, int]) -> None:
        """Give the columns their widths; the last one only if the header, which stretches it
        to the viewport's edge, does not hold it at that width or wider already: narrowed, the
        header would widen it again at once, and every η change would repaint the window
        twice more for nothing."""
        if not targets:
            return
        last = max(targets)
        for c, width in targets.items():
            if c != last:
                self.setColumnWidth(c, width)
        header = self.horizontalHeader()
        others = sum(self.columnWidth(c) for c in range(header.count())
                     if c != last and not self.isColumnHidden(c))
        fill = self.viewport().width() - others
        if header.stretchLastSection() and self.columnWidth(last) == fill >= targets[last]:
            return
        self.setColumnWidth(last, targets[last])

    def _make_way_rank(self, column: int) -> int | None:
        """When ``column`` makes way for want of room (lower first); None: it stays."""
        key = self.table_model.column_key(column)
        names = self.table_model.run.spec.param_names
        if key in names or key in KEPT or key.startswith(("Δ", "check ∂/∂")) or (
                key.startswith("∂/∂") and not key.endswith("(batch)")):
            return None
        order = ("batch", "penalty", "cost E", "objective")
        if key in order:
            return 1 + order.index(key)
        return 0  # the optimizer's state, a batch's gradient

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        # a drag on the header (not the stretching of the last section): the user's widths
        # are kept from now on
        dragging = QApplication.mouseButtons() != Qt.MouseButton.NoButton
        if not self._fitting and old != new and dragging:
            self._user_sized = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the viewport narrowed or widened (a vertical scroll bar came or went), and the
        # header may have stretched the last column meanwhile: fit the columns again, later
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self._refit_later()
        return super().eventFilter(watched, event)

    def _refit_later(self) -> None:
        if not self._refitting:
            self._refitting = True
            QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        self._refitting = False
        self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
        if event.size().width() != event.oldSize().width():
            self._choose_later()
