"""Painting the iteration grid's visible cells in one pass (what Qt's item delegate would draw).

Every new run repaints the whole visible grid (some 35 rows × 5 columns). Qt's own pass asks
the model for eight roles per cell and lays each text out with a ``QTextLayout``: about 25 µs
a cell, 4 ms for the grid. :class:`CellPainter` reads each row's colour and text straight from
the model and draws each text with one ``drawText``: the same pixels in 40 % of the time.

A number never shows cut short. When its text does not fit its column (in the font of its row:
the current row is bold) the cell shows the same number with fewer significant digits, the
exponent kept (``1.4623358e-08``), or ``###`` when not even two digits fit, as a spreadsheet's
General format does. A cell cut by the viewport's edge shows its text elided with "…" within
the part that is visible. :class:`CellDelegate` paints a cell the same way through Qt's style
(the focused cell, or every cell with ``fast_paint`` off) and gives a cell that shows less
than its number a tooltip with every digit.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLine, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

if TYPE_CHECKING:
    from gdapp.gui.table_model import IterationTableView

_TEXT_FLAGS = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
#: Room left and right of a cell's text, in pixels (the standard delegate's: focus margin + 1).
_MARGIN = 3
#: The characters of a number's text (``format_number``, row numbers, inf and nan) but "+",
#: the widest, which occurs at most once (in the exponent).
_NUMBER_CHARS = "0123456789-.einfa"


class CellPainter:
    """Paints the visible cells of an :class:`IterationTableView` in one pass: the rows'
    colours and the selection, each cell's right-aligned text (bold on the current row,
    shortened to fit its column, elided with "…" where the viewport cuts the cell), then the
    grid lines, where Qt's standard delegate would have put them.

    Qt's own pass asks the model for eight roles per cell and lays each text out with a
    ``QTextLayout`` (about 25 µs a cell, 4 ms for a 35 × 5 grid); this one reads the model's
    arrays and draws each text with one ``drawText`` (about half). A text is measured only
    when it is longer than its column's :meth:`budget`, so the cells of a column wide enough
    cost no measuring at all.
    """

    def __init__(self, view: IterationTableView) -> None:
        self.view = view
        option = QStyleOptionViewItem()
        option.initFrom(view)
        hint = view.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, view)
        self.grid = QColor.fromRgba(hint & 0xFFFFFFFF)
        self.font = QFont(view.font())
        self.bold = QFont(view.font())
        self.bold.setBold(True)
        self.metrics = QFontMetricsF(self.font)
        self.bold_metrics = QFontMetricsF(self.bold)
        # A number's text of n characters is at most plus + (n − 1)·widest pixels wide.
        self._bounds: dict[bool, tuple[float, float]] = {}
        for bold, metrics in ((False, self.metrics), (True, self.bold_metrics)):
            widest = max(map(metrics.horizontalAdvance, _NUMBER_CHARS))
            self._bounds[bold] = (widest, max(widest, metrics.horizontalAdvance("+")))
        self._budgets: dict[tuple[int, bool], int] = {}
        self._ellipsis = {False: self.metrics.horizontalAdvance("…") + 1.0,
                          True: self.bold_metrics.horizontalAdvance("…") + 1.0}

    # ---- what a cell shows -------------------------------------------------------------
    def budget(self, width: int, bold: bool = False) -> int:
        """How many characters of a number's text surely fit ``width`` pixels (in bold on the
        current row); computed once per width and font."""
        key = (width, bold)
        n = self._budgets.get(key)
        if n is None:
            widest, plus = self._bounds[bold]
            n = self._budgets[key] = max(0, math.floor((width - 1.0 - plus) / widest) + 1)
        return n

    def fits(self, text: str, width: int, bold: bool = False) -> bool:
        """Whether ``text`` fits ``width`` pixels, with a pixel to spare (measured only when
        it is longer than the :meth:`budget`)."""
        if len(text) <= self.budget(width, bold):
            return True
        metrics = self.bold_metrics if bold else self.metrics
        return metrics.horizontalAdvance(text) + 1.0 <= width

    def fitted_text(self, row: int, col: int, text: str, width: int, bold: bool) -> str:
        """What the cell (``row``, ``col``) shows in ``width`` pixels: its ``text`` when it
        fits, else the same number with fewer significant digits, else ``###``."""
        if len(text) <= self.budget(width, bold):
            return text
        metrics = self.bold_metrics if bold else self.metrics
        full = metrics.horizontalAdvance(text)
        if full + 1.0 <= width:
            return text
        widest = self._bounds[bold][0]

        def fits(shorter: str) -> bool:
            # each character fewer saves at most the widest one's advance: a text still
            # surely too wide is not measured (a text a few digits shorter is, once)
            if full - (len(text) - len(shorter)) * widest > width:
                return False
            return self.fits(shorter, width, bold)

        return self.view.table_model.shorter_text(row, col, fits)

    def column_width(self, text: str, bold: bool = False) -> int:
        """The narrowest column in which ``text`` fits without being shortened."""
        metrics = self.bold_metrics if bold else self.metrics
        return math.ceil(metrics.horizontalAdvance(text) + 1.0) + 2 * _MARGIN + 1

    def visible_part(self, left: int, width: int) -> tuple[int, int]:
        """(left, width) of the part of the text box [left, left + width) inside the
        viewport."""
        right = min(left + width, self.view.viewport().width())
        left = max(left, 0)
        return left, right - left

    def cut_text(self, text: str, width: int, bold: bool) -> str:
        """``text`` for the ``width`` pixels left visible of a cut cell: itself when it fits,
        else elided with "…" (nothing when not even "…" fits), never its leading digits
        alone."""
        if self.fits(text, width, bold):
            return text
        if width < self._ellipsis[bold]:
            return ""
        metrics = self.bold_metrics if bold else self.metrics
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - 1)

    def shows_less(self, row: int, col: int, rect: QRect) -> bool:
        """Whether the cell (``row``, ``col``) at ``rect`` shows less than its full text
        (shortened, ``###`` or cut by the viewport's edge)."""
        text = self.view.table_model.cell_text(row, col)
        bold = row == self.view.table_model.current
        box = rect.width() - 2 * _MARGIN
        shown = self.fitted_text(row, col, text, box, bold)
        _, visible = self.visible_part(rect.x() + _MARGIN, box)
        if visible < box:
            shown = self.cut_text(shown, visible, bold)
        return shown != text

    # ---- painting ----------------------------------------------------------------------
    def paint(self, event: QPaintEvent) -> None:
        view, model = self.view, self.view.table_model
        viewport = view.viewport()
        height = view.verticalHeader().defaultSectionSize()  # fixed row heights
        area = event.rect()
        first = view.rowAt(area.top())
        if first < 0 or height <= 0:
            return
        last = view.rowAt(area.bottom())
        last = model.rowCount() - 1 if last < 0 else last
        columns = [(c, view.columnViewportPosition(c), view.columnWidth(c))
                   for c in range(model.columnCount()) if not view.isColumnHidden(c)]
        columns = [(c, x, w) for c, x, w in columns
                   if x + w > area.left() and x <= area.right() and w > 0]
        if not columns:
            return
        left = columns[0][1]
        right = columns[-1][1] + columns[-1][2]
        # per column: its text box, the part of it inside the viewport, and how many
        # characters surely fit the box (normal, bold)
        boxes = []
        for c, x, w in columns:
            box = w - 1 - 2 * _MARGIN
            vx, vw = self.visible_part(x + _MARGIN, box)
            boxes.append((c, x, w, box, vx, vw if vw < box else None,
                          (self.budget(box, False), self.budget(box, True))))
        selection = view.selectionModel()
        any_selected = selection.hasSelection()
        marks, current, text_of = model.marks, model.current, model.cell_text
        # the cell with the keyboard focus gets Qt's own painting, focus frame included
        focus = view.currentIndex() if view.hasFocus() or viewport.hasFocus() else None
        focus_cell = (focus.row(), focus.column()) if focus is not None and focus.isValid() \
            else (-1, -1)
        palette = view.palette()
        group = QPalette.ColorGroup.Active if view.isActiveWindow() else \
            QPalette.ColorGroup.Inactive
        highlight = palette.brush(group, QPalette.ColorRole.Highlight)
        highlight_text = palette.color(group, QPalette.ColorRole.HighlightedText)
        painter = QPainter(viewport)
        painter.setPen(palette.color(group, QPalette.ColorRole.Text))
        top = view.rowViewportPosition(first)
        y = top
        for row in range(first, last + 1):
            # a cell is (x, y, w − 1, h − 1): the grid line takes the last pixel
            selected = any_selected and selection.isRowSelected(row)
            color = marks.get(row)
            bold = row == current
            special = selected or color is not None or bold
            if special:
                painter.save()
                for _, x, w in columns:
                    if selected:
                        painter.fillRect(x, y, w - 1, height - 1, highlight)
                    elif color is not None:
                        painter.fillRect(x, y, w - 1, height - 1, color)
                if selected:
                    painter.setPen(highlight_text)
                if bold:
                    painter.setFont(self.bold)
            for c, x, w, box, vx, cut, budgets in boxes:
                if (row, c) == focus_cell:
                    self._paint_focus_cell(painter, row, c, QRect(x, y, w - 1, height - 1),
                                           selected)
                    continue
                text = text_of(row, c)
                if len(text) > budgets[bold]:  # may not fit: measure
                    text = self.fitted_text(row, c, text, box, bold)
                if cut is None:
                    painter.drawText(x + _MARGIN, y, box, height - 1, _TEXT_FLAGS, text)
                else:  # cut by the viewport's edge
                    text = self.cut_text(text, cut, bold)
                    if text:
                        painter.drawText(vx, y, cut, height - 1, _TEXT_FLAGS, text)
            if special:
                painter.restore()
            y += height
        painter.setPen(self.grid)
        lines = [QLine(x + w - 1, top, x + w - 1, y - 1) for _, x, w in columns]
        lines += [QLine(left, yy + height - 1, right - 1, yy + height - 1)
                  for yy in range(top, y, height)]
        painter.drawLines(lines)
        painter.end()

    def _paint_focus_cell(self, painter: QPainter, row: int, col: int, rect: QRect,
                          selected: bool) -> None:
        """One cell through the view's item delegate, as Qt paints the focused cell."""
        view = self.view
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = rect
        state = option.state | QStyle.StateFlag.State_HasFocus
        if selected:
            state |= QStyle.StateFlag.State_Selected
        option.state = state
        painter.save()
        view.itemDelegate().paint(painter, option, view.table_model.index(row, col))
        painter.restore()


class CellDelegate(QStyledItemDelegate):
    """The grid's item delegate: Qt's painting of a cell, showing the text
    :class:`CellPainter` shows (a shorter number that fits, ``###``, elided at the viewport's
    edge); a cell that shows less than its number gets the number, every digit, as tooltip."""

    def __init__(self, cells: CellPainter) -> None:
        super().__init__(cells.view)
        self.cells = cells

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect = opt.rect
        bold = opt.font.bold()
        box = rect.width() - 2 * _MARGIN
        text = self.cells.fitted_text(index.row(), index.column(), opt.text, box, bold)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        left, visible = self.cells.visible_part(rect.x() + _MARGIN, box)
        if visible >= box:
            opt.text = text
            opt.textElideMode = Qt.TextElideMode.ElideNone  # clipped as CellPainter does
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
            return
        # cut by the viewport: the background, selection and focus frame as Qt draws them,
        # then the text within the visible part, in the colour Qt would use
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        text = self.cells.cut_text(text, visible, bold)
        if not text:
            return
        state = opt.state
        group = QPalette.ColorGroup.Normal if state & QStyle.StateFlag.State_Enabled else \
            QPalette.ColorGroup.Disabled
        if group == QPalette.ColorGroup.Normal and not state & QStyle.StateFlag.State_Active:
            group = QPalette.ColorGroup.Inactive
        role = QPalette.ColorRole.HighlightedText if state & QStyle.StateFlag.State_Selected \
            else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(group, role))
        painter.drawText(QRect(left, rect.y(), visible, rect.height()), _TEXT_FLAGS, text)
        painter.restore()

    def tooltip(self, index: QModelIndex | QPersistentModelIndex, rect: QRect) -> str | None:
        """The tooltip of a cell at ``rect`` that shows less than its number (shortened,
        ``###`` or cut): the number with every digit, then the row's note; else None."""
        row, col = index.row(), index.column()
        if not self.cells.shows_less(row, col, rect):
            return None
        model = self.cells.view.table_model
        header = model.headerData(col, Qt.Orientation.Horizontal)
        tip = f"{header} = {row if col == 0 else repr(model.cell_value(row, col))}"
        note = model.row_note(row)
        return f"{tip}\n{note}" if note else tip

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        tip = self.tooltip(index, option.rect) \
            if event.type() == QEvent.Type.ToolTip and index.isValid() else None
        if tip is None:
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), tip, view, option.rect)
        return True
