"""What the window must never hide or trap: data errors in view, the keys after Return,
Tab out of tables, whole cells after a sideways scroll, panes that stay on the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gdapp.gui.window import MainWindow
from tests.qt_typing import type_into


def _in_view(window: MainWindow, widget: object) -> bool:
    """Whether ``widget`` lies inside the side panel's visible area and the window."""
    scroll = window.side_scroll
    top_left = widget.mapTo(scroll.viewport(), QPoint(0, 0))  # type: ignore[attr-defined]
    box = QRect(top_left, widget.size())  # type: ignore[attr-defined]
    return widget.isVisible() and scroll.viewport().rect().contains(box)  # type: ignore


def test_a_refused_cell_is_explained_in_view_at_1280x800(window: MainWindow,
                                                          qtbot: QtBot) -> None:
    window.resize(1280, 800)
    qtbot.wait(50)
    window.data_editor.table.item(0, 1).setText("two")
    message = window.data_editor.message
    assert "row 1" in message.text()
    assert _in_view(window, message)
    assert "row 1" in window.statusBar().currentMessage()


def test_removing_the_last_sample_is_explained_in_view(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1280, 800)
    editor = window.data_editor
    editor.table.clearSelection()
    editor.remove_selected_rows()
    editor.remove_selected_rows()
    assert "no samples" in editor.message.text()
    assert _in_view(window, editor.message)


def test_after_return_in_eta_space_steps(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.reset()
    window.controls.eta.setFocus()
    type_into(qtbot, window.controls.eta, "0.1")
    assert window.vm.spec.learning_rate == 0.1
    focus = QApplication.focusWidget()
    assert focus is not None and focus is not window.controls.eta.lineEdit()
    qtbot.keyClick(focus, Qt.Key.Key_Space)
    assert window.vm.current == 1
    qtbot.keyClick(focus, Qt.Key.Key_End)
    assert window.vm.current == window.vm.run.iterations


def test_refused_text_keeps_the_focus_in_its_box(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.controls.eta.setFocus()
    type_into(qtbot, window.controls.eta, "-1")
    assert QApplication.focusWidget() in (window.controls.eta, window.controls.eta.lineEdit())


def test_after_add_typing_goes_into_the_new_cell(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.mouseClick(window.data_editor.add_button, Qt.MouseButton.LeftButton)
    table = window.data_editor.table
    focus = QApplication.focusWidget()
    # the keyboard is in an editor on the new row's x cell
    assert focus is not None and focus.parent() is table.viewport()
    assert (table.currentRow(), table.currentColumn()) == (2, 0)
    qtbot.keyClicks(focus, "3")
    table.setCurrentCell(0, 0)  # moving on commits the edit
    assert table.item(2, 0).text() == "3"


def test_tab_leaves_the_data_table_and_the_grid(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    for table in (window.data_editor.table, window.grid):
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not table


class _PaintRects(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())  # type: ignore[attr-defined]
        return False


def test_a_sideways_scroll_repaints_every_cell(window: MainWindow, qtbot: QtBot) -> None:
    window.vm.update(penalty="l2", lam=0.5)
    grid = window.grid
    viewport = grid.viewport()
    qtbot.wait(50)
    bar = grid.horizontalScrollBar()
    assert bar.maximum() > 0
    watch = _PaintRects()
    viewport.installEventFilter(watch)
    bar.setValue(bar.value() + 7)
    qtbot.waitUntil(lambda: bool(watch.rects))
    viewport.removeEventFilter(watch)
    assert any(r.width() >= viewport.width() for r in watch.rects)


def test_the_dividers_cannot_push_a_plot_off_the_window(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1280, 800)
    qtbot.wait(50)
    splitter = window.splitter
    splitter.moveSplitter(1270, 2)
    splitter.moveSplitter(1270, 1)
    qtbot.wait(20)
    for plot in (window.cost_plot, window.objective_plot, window.data_plot):
        assert plot.width() >= 260
        right = plot.mapTo(window, QPoint(plot.width(), 0)).x()
        assert right <= window.width()
