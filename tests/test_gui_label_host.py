"""The status line and the step text sit in a LabelHost: a new text of the same size does not
re-lay out the window, a taller one makes room (the grid below gives it up), and the labels
read and move between the frame and the window as before."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from gdapp.core import RunSpec
from gdapp.gui.label_host import LabelHost, LabelScrollArea
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

QT_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class LayoutRequests(QObject):
    """Counts the layout requests each watched widget receives."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.seen: dict[int, int] = {id(w): 0 for w in widgets}
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and id(obj) in self.seen:
            self.seen[id(obj)] += 1
        return False

    def of(self, w: QWidget) -> int:
        return self.seen[id(w)]


def settle() -> None:
    for _ in range(5):  # a request travels up one parent per round of posted events
        QApplication.processEvents()


def hosted(qtbot: Any, text: str) -> tuple[QWidget, LabelHost, QLabel, QLabel]:
    """A column: a word-wrapped label in a host, above a plain label taking the rest."""
    page = QWidget()
    qtbot.addWidget(page)
    label = QLabel(text)
    label.setWordWrap(True)
    below = QLabel("below")
    column = QVBoxLayout(page)
    host = LabelHost(label)
    column.addWidget(host)
    column.addWidget(below, 1)
    page.resize(300, 400)
    page.show()
    qtbot.waitExposed(page)
    settle()
    return page, host, label, below


def test_a_new_text_of_the_same_height_stays_in_the_host(qtbot: Any) -> None:
    page, host, label, _ = hosted(qtbot, "stopped after 10,000 updates · b1 = 2.8001")
    watch = LayoutRequests(page, host)
    label.setText("stopped after 10,000 updates · b1 = 2.8002")
    settle()
    assert watch.of(host) == 1  # the label asked…
    assert watch.of(page) == 0  # …and the page was not laid out again
    assert label.geometry() == host.rect()
    assert label.text().endswith("2.8002")


def test_a_taller_text_makes_room_and_a_shorter_gives_it_back(qtbot: Any) -> None:
    _page, host, label, below = hosted(qtbot, "one line")
    one_line, below_top = host.height(), below.y()
    label.setText(" ".join(["a long status line that wraps"] * 8))
    settle()
    assert host.height() > 2 * one_line
    assert host.height() == label.heightForWidth(host.width())
    assert label.height() == host.height()
    assert below.y() > below_top  # the label below moved down
    label.setText("one line")
    settle()
    assert host.height() == one_line and below.y() == below_top


def test_the_host_stands_for_its_label_in_the_layout(qtbot: Any) -> None:
    page, host, label, _ = hosted(qtbot, "a status line")
    assert page.isVisible() and host.hasHeightForWidth()
    assert host.heightForWidth(120) == label.heightForWidth(120)
    assert host.minimumSizeHint() == label.minimumSizeHint()
    assert host.sizeHint() == label.sizeHint()
    assert host.release() is label
    assert not host.hasHeightForWidth() and host.sizeHint().isNull()


@QT_NOISE
def test_a_new_learning_rate_does_not_re_lay_out_the_window(qtbot: Any) -> None:
    """The status line and the step text change with η; when their height does not, the
    splitters and the main window are not laid out again."""
    window = MainWindow(RunViewModel(RunSpec(learning_rate=0.9e-4, max_iterations=2000)))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    settle()
    status_host = window.status_label.parentWidget()
    assert isinstance(status_host, LabelHost)
    assert window.step_label.parentWidget() is window.step_host
    watch = LayoutRequests(status_host, window.step_host, window.middle)
    before = (window.status_label.text(), window.step_label.text())
    heights = (status_host.height(), window.step_host.height())
    window.controls.eta.setValue(1.0e-4)
    settle()
    assert (window.status_label.text(), window.step_label.text()) != before
    assert (status_host.height(), window.step_host.height()) == heights
    assert watch.of(status_host) + watch.of(window.step_host) >= 1
    assert watch.of(window.middle) == 0


@QT_NOISE
def test_the_step_text_goes_to_its_frame_and_back(qtbot: Any) -> None:
    window = MainWindow(RunViewModel(RunSpec()))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.vm.update(optimizer="adam")  # a rule's worked arithmetic scrolls in the frame
    assert window.step_scroll.widget() is window.step_label
    assert window.step_host.label is None and not window.step_host.isVisible()
    # (at the run's end: its last update, with Adam's numbers, never "b1 ← b1 − η·d" alone)
    assert "m = β1·m + (1 − β1)·g = " in window.step_label.text()
    window.vm.update(optimizer="gd")
    assert window.step_label.parentWidget() is window.step_host
    assert window.step_host.isVisible() and window.step_label.isVisible()
    settle()
    assert window.step_label.geometry() == window.step_host.rect()
    assert "b1 ← " in window.step_label.text()


def test_the_host_hides_and_shows_with_its_label(qtbot: Any) -> None:
    """The warning line comes and goes: its host leaves no gap while it is hidden."""
    page, host, label, below = hosted(qtbot, "a warning")
    shown_top = below.y()
    label.hide()
    settle()
    assert page.isVisible() and not host.isVisible() and below.y() < shown_top
    label.show()
    settle()
    assert host.isVisible() and label.isVisible() and below.y() == shown_top


def test_the_scroll_area_follows_a_taller_or_shorter_text_and_a_new_width(qtbot: Any) -> None:
    """The step text's frame skips a new text of the same height, but a text of another
    height, or a new width, still re-sizes the label and its scroll bar."""
    area = LabelScrollArea()
    qtbot.addWidget(area)
    area.setWidgetResizable(True)
    label = QLabel("\n".join(f"line {i}" for i in range(4)))
    label.setWordWrap(True)
    area.setWidget(label)
    area.resize(300, 80)
    area.show()
    qtbot.waitExposed(area)
    settle()
    bar = area.verticalScrollBar()
    short = bar.maximum()
    label.setText("\n".join(f"line {i}" for i in range(20)))  # taller: more to scroll
    settle()
    assert bar.maximum() > short and label.height() > 80
    tall = label.height()
    label.setText("\n".join(f"LINE {i}" for i in range(20)))  # same height: same place
    settle()
    assert label.height() == tall and "LINE 19" in label.text()
    area.resize(120, 80)  # narrower: the long lines wrap, and the label grows
    label.setText(" ".join(["a word"] * 60))
    settle()
    assert label.width() <= area.viewport().width()
    assert label.height() == label.heightForWidth(label.width())
    label.setText("one line")
    settle()
    assert bar.maximum() == 0  # everything fits again
