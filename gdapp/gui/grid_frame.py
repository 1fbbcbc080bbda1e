"""The grid in a frame that gives it a whole number of rows.

A table scrolled to its last row shows that row at the viewport's bottom edge, so when the
viewport is not a whole number of rows high its top row is cut in half — at the end of every
run. :class:`WholeRows` holds the grid and makes it exactly as high as its header, its
horizontal scroll bar and as many whole rows as fit; the rest of a row's height stays blank
under it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStyle, QTableView, QWidget


class WholeRows(QWidget):
    """A frame for ``table``: the table's height is a whole number of rows."""

    def __init__(self, table: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        table.setParent(self)
        # placed again once the table has laid itself out (never from inside its own
        # updateGeometries, where resizing it crashed Qt during a new run's reset)
        self._pending = False
        table.horizontalScrollBar().rangeChanged.connect(lambda *_: self._place_later())
        table.verticalHeader().sectionResized.connect(lambda *_: self._place_later())

    def sizeHint(self) -> QSize:
        return self.table.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.table.minimumSize().expandedTo(self.table.minimumSizeHint())

    def table_height(self, height: int) -> int:
        """The table's height in a frame ``height`` pixels high."""
        table = self.table
        row = table.verticalHeader().defaultSectionSize()
        fixed = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        bar = table.horizontalScrollBar()
        if bar.maximum() > bar.minimum():  # the sideways bar takes a row's room
            fixed += table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        if row <= 0 or height <= fixed:
            return height
        rows = (height - fixed) // row
        return max(table.minimumHeight(), min(height, fixed + rows * row))

    def _place_later(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._place)

    def _place(self) -> None:
        self._pending = False
        self.table.setGeometry(0, 0, self.width(), self.table_height(self.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()
