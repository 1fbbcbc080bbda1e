"""A wrapped label of at most a few lines: a longer text ends in "…" on its last line, and
the whole text is its tooltip.

The status line and its warning sit above the grid; on a projector (classroom mode at
1024×768) a run of ten parameters wrote seven lines there and left the grid one row. A
:class:`FittedLabel` keeps its height to ``max_lines`` lines at any width; :meth:`text`
still returns the whole text (what the window said), the tooltip shows it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QWidget

from gdapp.gui.label_host import HeightCachedLabel

ELLIPSIS = "…"


def fitted_lines(text: str, label: QLabel, width: int, max_lines: int) -> str:
    """``text`` as ``label``'s font wraps it at ``width`` pixels, cut to ``max_lines`` lines
    with "…" at the end of the last one (``text`` itself when it fits)."""
    if width <= 0 or max_lines <= 0 or not text:
        return text
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    starts: list[int] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
        if len(starts) > max_lines:
            break
    layout.endLayout()
    if len(starts) <= max_lines:
        return text
    # each line ends in a line break of its own, so the label does not wrap them otherwise
    lines = [text[a:b].strip() for a, b in itertools.pairwise(starts[:max_lines])]
    rest = text[starts[max_lines - 1]:].replace("\n", " ").strip()
    metrics = label.fontMetrics()
    tail = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    if not tail.endswith(ELLIPSIS):  # elidedText keeps a text that fits: mark the cut anyway
        tail = metrics.elidedText(rest + ELLIPSIS * 3, Qt.TextElideMode.ElideRight, width)
    return "\n".join([*lines, tail])


def _unspaced(text: str) -> str:
    """``text`` without its spaces and line breaks (where lines break, a space goes)."""
    return "".join(text.split())


class FittedLabel(HeightCachedLabel):
    """A word-wrapped plain-text label of at most :attr:`max_lines` lines (see the module)."""

    def __init__(self, max_lines: int = 3, parent: QWidget | None = None, *,
                 spare_lines: int = 0) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._full = self._brief = ""
        self._choices: tuple[tuple[str, int], ...] = (("", 0),)
        self.max_lines = max_lines
        #: lines beyond :attr:`max_lines` a text may take when its beginning that must show
        #: (:meth:`set_choices`) does not fit in them otherwise
        self.spare_lines = spare_lines

    def set_max_lines(self, lines: int) -> None:
        """At most ``lines`` lines from now on."""
        self.max_lines = lines
        self._fit()

    def setText(self, text: str, brief: str | None = None) -> None:
        """Show ``text``, or ``brief`` in its place (the same with fewer digits): the tooltip
        then gives ``text``."""
        self.set_choices(text, ((text if brief is None else brief, 0),))

    def set_choices(self, text: str, choices: Sequence[tuple[str, int]]) -> None:
        """Show ``text`` as the first of ``choices`` — each a text to show in its place and
        the length of its beginning that must show — whose beginning fits in
        :attr:`max_lines` lines, else in up to :attr:`spare_lines` more (the last choice
        when none does); the tooltip then gives ``text``."""
        choices = tuple(choices)
        if (text, choices) != (self._full, self._choices):
            self.before_new_text()
        self._full, self._choices = text, choices
        self._fit()

    def set_choices_if_new(self, text: str, choices: Sequence[tuple[str, int]]) -> None:
        """:meth:`set_choices`, only when ``text`` or ``choices`` differ from the last (an
        unchanged label, even a hidden one, is not laid out again)."""
        if (text, tuple(choices)) != (self._full, self._choices):
            self.set_choices(text, choices)

    def text(self) -> str:
        """The whole text, also when the label shows it cut."""
        return self._full

    def shown_text(self) -> str:
        """What the label shows (the text, or its first lines ending in "…")."""
        return super().text()

    def is_cut(self) -> bool:
        """Whether the label shows less than its text (its first lines ending in "…")."""
        return self.shown_text() != self._brief

    def _fit(self) -> None:
        margins = self.contentsMargins()
        # (less the 4-pixel margins of the text document a wrapped label lays out in)
        width = self.width() - margins.left() - margins.right() - 2 * self.margin() - 10
        self._brief, shown = self._choose(width)
        if shown != super().text():
            QLabel.setText(self, shown)  # (measured below)
        tip = self._full if shown != self._full else ""
        if tip != self.toolTip():
            self.setToolTip(tip)
        # its lines' height as its minimum: a layout short of room squeezes the others
        # (a wrapped label's minimum is otherwise one line, and its lines would overlap)
        # (QLabel's heightForWidth is never below its minimum: the old one goes first)
        self.setMinimumHeight(0)
        self.setMinimumHeight(max(0, self.heightForWidth(self.width())) if shown else 0)

    def _choose(self, width: int) -> tuple[str, str]:
        """(the choice shown, its lines as shown) at ``width`` pixels."""
        for lines in range(self.max_lines, self.max_lines + self.spare_lines + 1):
            for text, key in self._choices:
                shown = fitted_lines(text, self, width, lines)
                if _unspaced(shown).removesuffix(ELLIPSIS).startswith(_unspaced(text[:key])):
                    return text, shown
        text = self._choices[-1][0]
        return text, fitted_lines(text, self, width, self.max_lines + self.spare_lines)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new font: the lines again
            self._fit()
