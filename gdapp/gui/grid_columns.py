"""A table view whose number columns fit its width, and whose header chooses its columns.

The iteration grid's base class: :meth:`FittingColumns.fit_columns` narrows the number columns
(down to ``FIT_DIGITS`` significant digits) so that every shown column fits the viewport; when
even that is too wide the optimizer's state, the batch, the penalty, the cost and at last the
objective make way for the note's own columns: k, the parameters b, the gradient ∂/∂b and the
step Δb, which always stay (a narrower grid scrolls sideways). A right-click on the header
chooses the columns (kept across runs); a drag on the header keeps the user's widths from then
on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QMenu, QTableView

#: Columns narrowed to fit the grid still show this many significant digits.
FIT_DIGITS = 5


class FittingColumns(QTableView):
    """Column fitting and the header's column menu; a subclass sets ``table_model`` and
    fills ``_natural``/``_narrowest`` (per column: its full and its narrowest width) in its
    ``_size_columns``."""

    table_model: Any

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

    def _size_columns(self) -> None:
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
        for c in self._squeezed:  # give the columns hidden for room another chance
            self.setColumnHidden(c, False)
        self._squeezed = []
        # (a resize while a new run's columns replace the old ones may come before
        # _size_columns has measured them: the old widths of columns now gone are skipped)
        count = self.table_model.columnCount()
        shown = [c for c in self._natural if c < count and not self.isColumnHidden(c)]
        room = self.viewport().width() - self.columnWidth(0) - 1
        # still too narrow at FIT_DIGITS: the other columns make way (the optimizer's state
        # first, the objective last) for the note's own: k, b, ∂/∂b and Δb, which stay
        for c in sorted((c for c in shown if self._make_way_rank(c) is not None),
                        key=lambda c: (self._make_way_rank(c), -c)):
            if sum(self._narrowest[c] for c in shown) <= room:
                break
            self.setColumnHidden(c, True)
            self._squeezed.append(c)
            shown.remove(c)
        natural = sum(self._natural[c] for c in shown)
        if natural <= room or room <= 0:
            for c in shown:
                self.setColumnWidth(c, self._natural[c])
        else:
            share = room / natural
            for c in shown:
                self.setColumnWidth(c, max(self._narrowest[c], int(self._natural[c] * share)))
        self._fitting = False

    def _make_way_rank(self, column: int) -> int | None:
        """When ``column`` makes way for want of room (lower first); None: it stays."""
        key = self.table_model.column_key(column)
        names = self.table_model.run.spec.param_names
        if key in names or key.startswith(("Δ", "check ∂/∂")) or (key.startswith("∂/∂")
                                                   and not key.endswith("(batch)")):
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
