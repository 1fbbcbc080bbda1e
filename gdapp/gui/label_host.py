"""A word-wrapped label whose new text re-lays out the window only when its size changes.

A ``QLabel``'s new text asks its parent's layout to lay out again, and that layout asks its
parent, up to the main window: every new learning rate re-lays out the whole window (the
splitters, the settings' form, the toolbars) and measures every label in it again, although
the status line and the step text almost always keep their height. :class:`LabelHost` holds
one label without a layout of its own: the label's request stops at the host, which passes
it on only when the label's height at the host's width has changed. (Its minimum size, the
longest word, is read again with each change of height or font; a longer word at the same
height waits for the next one. Measuring it at every text would cost three text layouts,
more than the layout it saves.) For the layout around it the host is the label: same size
policy, size hints and height for a width.

The status line, its warning and the step text are word-wrapped and selectable: Qt lays such
a label's text out as a whole text document each time it is asked its height for a width,
and a new learning rate asks it several times for the same text and width (the label fitting
its lines, the host, the step text's frame), about 1 M instructions each.
:class:`HeightCachedLabel` answers a repeated question from memory. Its key is what Qt's
answer depends on: the text, the width (raised to the minimum width, as Qt does), the
margins, indent, alignment, wrapping, text format, interaction flags and direction; any
change event (font, style, palette, language, contents rectangle…) forgets everything. Qt
never answers below the label's minimum height, so a height is remembered with the minimum
it was measured at: a larger minimum is applied to it; a smaller one asks Qt again when the
remembered height was that minimum itself (the text's own height could be less).

A selectable label costs more than its height: Qt keeps its text as a text document, laid
out anew for each text (about 2 M instructions for the step text, a tenth of what a plain
label's measuring and drawing cost), although a selection can only start under the pointer.
:class:`HeightCachedLabel` is selectable while the pointer is over it or it holds a selection
(its text interaction flags are applied then and taken back after), so a new learning rate
re-lays out a plain label. A plain and a selectable label of the same text are the same
height and the same pixels (a test compares them).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QEnterEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

#: Heights kept per label (the texts of one run's steps and widths; then all are forgotten).
KEPT = 16


class HeightCachedLabel(QLabel):
    """A ``QLabel`` whose :meth:`heightForWidth` is computed once per text, width and form
    (see the module)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._heights: dict[tuple[object, ...], tuple[int, int]] = {}
        #: the text interaction asked for: applied under the pointer or with a selection
        self._interaction = Qt.TextInteractionFlag.NoTextInteraction

    def setTextInteractionFlags(self, flags: Qt.TextInteractionFlag) -> None:
        """Ask for ``flags`` (selecting the text by mouse…): in force while the pointer is
        over the label or it holds a selection (see the module)."""
        self._interaction = flags
        self._interact(self.underMouse())

    def wanted_interaction(self) -> Qt.TextInteractionFlag:
        """The text interaction asked for (``textInteractionFlags`` is the one in force)."""
        return self._interaction

    def _interact(self, pointed: bool, selection: bool = True) -> None:
        """Apply the asked-for interaction when ``pointed`` at or holding a selection (if
        ``selection`` counts); else none (a plain label: no text document)."""
        keep = pointed or (selection and self.hasSelectedText())
        flags = self._interaction if keep else Qt.TextInteractionFlag.NoTextInteraction
        if flags != super().textInteractionFlags():
            super().setTextInteractionFlags(flags)

    def before_new_text(self) -> None:
        """A new text drops any selection: away from the pointer the label is plain again
        before it takes the text (which a selectable label would lay out as a document)."""
        if not self.underMouse():
            self._interact(False, selection=False)

    def enterEvent(self, event: QEnterEvent) -> None:
        self._interact(True)  # before the press that may start a selection
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._interact(False)

    def _height_key(self, width: int) -> tuple[object, ...]:
        margins = self.contentsMargins()
        least = self.minimumWidth()
        return (QLabel.text(self), max(width, least) if least > 0 else width, self.margin(),
                self.indent(), margins.left(), margins.top(), margins.right(),
                margins.bottom(), self.alignment(), self.wordWrap(), self.textFormat(),
                self.textInteractionFlags(), self.layoutDirection())

    def heightForWidth(self, width: int) -> int:
        """Qt's height for ``width``, from memory when asked before."""
        if not self.wordWrap():  # one line: Qt's answer is cheap
            return int(super().heightForWidth(width))
        key = self._height_key(width)
        floor = self.minimumHeight()
        known = self._heights.get(key)
        if known is not None:
            height, measured_at = known
            if height > measured_at:  # the text's own height
                return max(height, floor)
            if floor >= measured_at:  # the text is at most that high: the minimum wins
                return floor
        height = int(super().heightForWidth(width))
        if len(self._heights) >= KEPT:
            self._heights.clear()
        self._heights[key] = (height, floor)
        return height

    def setText(self, text: str) -> None:
        """Set the text and measure it at once, before the label paints: measured first by
        its host after the paint, a selectable label lays the text out anew and paints
        again."""
        if text != QLabel.text(self):
            self.before_new_text()
        super().setText(text)
        if self.wordWrap() and self.isVisible():
            self.heightForWidth(self.width())

    def changeEvent(self, event: QEvent) -> None:
        """A new font, style, palette, language or contents rectangle: heights anew."""
        self._heights.clear()
        super().changeEvent(event)


class LabelHost(QWidget):
    """Holds ``label`` (or nothing, after :meth:`release`) and stands for it in a layout."""

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label: QLabel | None = None
        #: the label's height the layout around was last told of
        self._shape: int | None = None
        self.hold(label)

    def hold(self, label: QLabel) -> None:
        """Take ``label`` in (it fills the host; the host is shown and hidden with it)."""
        self.label = label
        label.setParent(self)
        label.installEventFilter(self)
        self.setSizePolicy(label.sizePolicy())
        label.setGeometry(self.rect())
        self._shape = None
        self.updateGeometry()

    def release(self) -> QLabel | None:
        """Give the label up (its new parent takes it); the host stays empty."""
        label, self.label = self.label, None
        if label is not None:
            label.removeEventFilter(self)
        self._shape = None
        self.updateGeometry()
        return label

    # ---- the layout sees the label --------------------------------------------------------
    def sizeHint(self) -> QSize:
        return self.label.sizeHint() if self.label is not None else QSize(0, 0)

    def minimumSizeHint(self) -> QSize:
        return self.label.minimumSizeHint() if self.label is not None else QSize(0, 0)

    def hasHeightForWidth(self) -> bool:
        return self.label is not None and self.label.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(width) if self.label is not None else 0

    def _measure(self) -> int | None:
        label = self.label
        if label is None:
            return None
        return label.heightForWidth(self.width()) if label.hasHeightForWidth() \
            else label.sizeHint().height()

    # ---- events -------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the label's text, font or wrap
            shape = self._measure()
            if shape != self._shape:
                self._shape = shape
                self.updateGeometry()  # the layout around makes room (or takes it back)
            if self.label is not None:
                self.label.setGeometry(self.rect())
            return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The label shown or hidden by its owner: so is the host (no empty gap); its font
        or style changed: its sizes are passed on."""
        if watched is not self.label:
            return False
        kind = event.type()
        if kind in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.setVisible(kind == QEvent.Type.ShowToParent)
        elif kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._shape = None  # every size is new: the layout around hears of it
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.label is not None:
            self.label.setGeometry(self.rect())
        self._shape = self._measure()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again (a label taken back while the host was hidden, whose telling went
        unheard): the layout around hears of the label's height now. The one-parameter
        update, back from the frame of a long worked update, kept that update's height."""
        super().showEvent(event)
        self.updateGeometry()


class LabelScrollArea(QScrollArea):
    """A resizable scroll area over one word-wrapped label (the step text of several
    features or of an optimizer's worked arithmetic): a new text of the same height does not
    make it measure the label again and re-place its scroll bars, as a ``QScrollArea`` does
    on every text (see :class:`LabelHost` for the minimum size)."""

    #: the area's width changed (its label wraps anew: the frame's height may have to follow)
    widthChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placed: tuple[int, int] | None = None  # (width, height for it) last placed

    def _measure(self) -> tuple[int, int] | None:
        """(the label's width, its height for that width), or None for another widget."""
        label = self.widget()
        if not isinstance(label, QLabel) or not label.hasHeightForWidth():
            return None
        width = label.width()
        return width, label.heightForWidth(width)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            placed = self._measure()  # one text layout (two: Qt restores the old width)
            if placed is not None and placed == self._placed:
                return True
            handled = super().event(event)
            label = self.widget()
            # measured again only if the scroll area gave the label another width
            same_width = placed is not None and label is not None and label.width() == placed[0]
            self._placed = placed if same_width else self._measure()
            return handled
        return super().event(event)

    def setWidget(self, widget: QWidget) -> None:
        self._placed = None
        super().setWidget(widget)

    def takeWidget(self) -> QWidget:
        self._placed = None
        return super().takeWidget()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._placed = None  # a new width: the next request measures again
        if event.size().width() != event.oldSize().width():
            self.widthChanged.emit()
