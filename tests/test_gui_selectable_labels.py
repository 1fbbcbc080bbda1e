"""The status line and the step text are selectable where a selection can start: under the
pointer, or while they hold one. Elsewhere they are plain labels, which Qt measures and
draws without a text document, and they look exactly the same."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QEnterEvent, QImage
from PySide6.QtWidgets import QApplication, QLabel

from gdapp.core import RunSpec
from gdapp.gui.fitted_label import FittedLabel
from gdapp.gui.label_host import HeightCachedLabel
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

QT_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SELECT = Qt.TextInteractionFlag.TextSelectableByMouse
NONE = Qt.TextInteractionFlag.NoTextInteraction


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _enter(label: QLabel) -> None:
    """The pointer moves onto ``label`` (as Qt marks a widget under the mouse)."""
    label.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)
    QApplication.sendEvent(label, QEnterEvent(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2)))


def _leave(label: QLabel) -> None:
    label.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, False)
    QApplication.sendEvent(label, QEvent(QEvent.Type.Leave))


def _image(label: QLabel) -> QImage:
    return label.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


@pytest.mark.parametrize("kind", [HeightCachedLabel, FittedLabel])
def test_a_label_is_selectable_under_the_pointer_and_while_it_holds_a_selection(
        qtbot: Any, kind: type[HeightCachedLabel]) -> None:
    label = kind()
    qtbot.addWidget(label)
    label.setWordWrap(True)
    label.setTextInteractionFlags(SELECT)
    label.setText("stopped after 10,000 updates · b1 = 2.80809")
    label.show()
    assert label.wanted_interaction() == SELECT
    assert label.textInteractionFlags() == NONE  # away from the pointer: plain
    _enter(label)
    assert label.textInteractionFlags() == SELECT
    label.setSelection(0, 7)
    assert label.selectedText() == "stopped"
    _leave(label)  # the selection stays, and so does the interaction
    assert label.textInteractionFlags() == SELECT and label.selectedText() == "stopped"
    label.setText(label.text())  # the same text again keeps it
    assert label.textInteractionFlags() == SELECT and label.selectedText() == "stopped"
    label.setText("stopped after 10,001 updates")  # a new text drops the selection
    assert label.textInteractionFlags() == NONE and not label.hasSelectedText()
    _enter(label)
    label.setText("a new text under the pointer")
    assert label.textInteractionFlags() == SELECT  # still selectable where it is pointed at
    _leave(label)
    assert label.textInteractionFlags() == NONE


@QT_NOISE
@pytest.mark.parametrize("optimizer", ["gd", "adam"])
def test_after_a_new_learning_rate_the_labels_are_plain_and_look_as_selectable_ones(
        qtbot: Any, optimizer: str) -> None:
    """A new η lays out no text document for the status line and the step text; pointing at
    either makes it selectable without moving a pixel or changing its height."""
    window = MainWindow(RunViewModel(RunSpec(optimizer=optimizer, learning_rate=0.9e-4,
                                             max_iterations=2000)))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    _settle()
    window.controls.eta.setValue(1.0e-4)
    _settle()
    for label in (window.status_label, window.step_label):
        assert label.isVisible() and label.text()
        assert label.wanted_interaction() == SELECT
        assert label.textInteractionFlags() == NONE
        plain, height = _image(label), label.heightForWidth(label.width())
        _enter(label)
        assert label.textInteractionFlags() == SELECT
        _settle()
        assert _image(label) == plain
        assert QLabel.heightForWidth(label, label.width()) == height
        _leave(label)
        assert label.textInteractionFlags() == NONE
