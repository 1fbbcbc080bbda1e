"""A table view whose number columns fit its width, and whose header chooses its columns.

The iteration grid's base class: :meth:`FittingColumns.fit_columns` narrows the number columns
(down to ``FIT_DIGITS`` significant digits) so that every shown column fits the viewport; when
even that is too wide the steps Δb, then the slopes ∂/∂b make way for the parameters, cost,
penalty and objective (a penalty lesson's numbers). A right-click on the header chooses the
columns (kept across runs); a drag on the header keeps the user's widths from then on.
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
        shown = [c for c in self._natural if not self.isColumnHidden(c)]
        room = self.viewport().width() - self.columnWidth(0) - 1
        # still too narrow at FIT_DIGITS: the steps Δb, then the slopes ∂/∂b make way for
        # the parameters, the cost, the penalty and the objective
        headers = {c: self.table_model.column_key(c) for c in shown}
        for prefix in ("Δ", "∂"):
            if sum(self._narrowest[c] for c in shown) <= room:
                break
            for c in [c for c in shown if headers[c].startswith(prefix)][::-1]:
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

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        # a drag on the header (not the stretching of the last section): the user's widths
        # are kept from now on
        dragging = QApplication.mouseButtons() != Qt.MouseButton.NoButton
        if not self._fitting and old != new and dragging:
            self._user_sized = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
