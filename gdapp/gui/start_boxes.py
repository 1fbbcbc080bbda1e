"""The start of the descent: one box per parameter, b0 (a model with an intercept: line,
logistic) and b1 … bp.

One or two parameters show as stacked boxes, as the note's run has them; with more than
:data:`STACKED_MAX` shown the boxes scroll inside a frame of that height, so many features do
not push the other settings out of the panel.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from gdapp.core import MODEL_RULES, RunSpec
from gdapp.gui.controls import WIDE, NumberSpinBox
from gdapp.gui.i18n import tr

#: At most this many start boxes are stacked as they are; more scroll.
STACKED_MAX = 4


class StartBoxes(QWidget):
    """The start values: ``b0`` and ``b1`` always exist (b0 shown for ``line`` only); b2 …
    bp are made when a data set has that many features. ``startEdited`` gives every start
    value the run uses (b0 first for ``line``) after the user changed one; ``refused`` the
    reason a typed value was not accepted."""

    startEdited = Signal(tuple)
    refused = Signal(str)

    def __init__(self, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tip = tip
        self._inner = QWidget()
        self._column = QVBoxLayout(self._inner)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(2)
        self._scroll = QScrollArea()
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._inner)
        self._layout.addWidget(self._scroll)
        self._line = False
        self.b0 = self._box("b0")
        #: b1 … bp (the slopes), as many as the largest data set shown so far
        self.slopes = [self._box("b1")]
        self._shown = 1

    def _box(self, name: str) -> NumberSpinBox:
        box = NumberSpinBox(-WIDE, WIDE, tr("start {name}").format(name=name))
        box.setPrefix(f"{name} = ")
        box.setToolTip(self._tip)
        box.valueChanged.connect(self._edited)
        box.refused.connect(self.refused)
        self._column.addWidget(box)
        return box

    @property
    def boxes(self) -> list[NumberSpinBox]:
        """The boxes the run uses, b0 first for ``line``."""
        shown = self.slopes[: self._shown]
        return [self.b0, *shown] if self._line else shown

    def _edited(self) -> None:
        self.startEdited.emit(tuple(box.value() for box in self.boxes))

    def show_spec(self, spec: RunSpec) -> None:
        """Show the run's start values (without emitting ``startEdited``)."""
        p = spec.data.p
        while len(self.slopes) < p:
            self.slopes.append(self._box(f"b{len(self.slopes) + 1}"))
        self._line, self._shown = MODEL_RULES[spec.model].intercept, p
        start = spec.resolved_start()
        blockers = [QSignalBlocker(box) for box in (self.b0, *self.slopes)]
        for box, value in zip(self.boxes, start, strict=True):
            if box.value() != value:
                box.setValue(value)
        if not self._line and self.b0.value() != 0.0:
            self.b0.setValue(0.0)
        del blockers
        self.b0.setVisible(self._line)
        for j, box in enumerate(self.slopes):
            box.setVisible(j < p)
        self._place(len(self.boxes))

    def _place(self, count: int) -> None:
        """Stack the boxes as they are, or in the scrolling frame when there are many."""
        scrolled = count > STACKED_MAX
        if scrolled == (self._scroll.widget() is self._inner):
            return
        if scrolled:
            self._layout.removeWidget(self._inner)
            self._scroll.setWidget(self._inner)
            self._inner.show()
            step = self.b0.sizeHint().height() + self._column.spacing()
            self._scroll.setFixedHeight(STACKED_MAX * step)
            self._scroll.show()
        else:
            self._scroll.takeWidget()
            self._scroll.hide()
            self._layout.insertWidget(0, self._inner)
            self._inner.show()
