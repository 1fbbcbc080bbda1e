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
    assert "no samples" in window.statusBar().currentMessage()  # where the eye may be too


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
    grid.fit_to_width = False  # columns wider than the grid, as the user may drag them
    grid.setColumnWidth(1, 300)
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
        assert plot.width() >= 220
        right = plot.mapTo(window, QPoint(plot.width(), 0)).x()
        assert right <= window.width()


def _columns_fit(window: MainWindow) -> bool:
    grid = window.grid
    right = max(grid.columnViewportPosition(c) + grid.columnWidth(c)
                for c in grid.visible_columns())
    return right <= grid.viewport().width() + 1 and grid.horizontalScrollBar().value() == 0


def test_a_penalty_runs_columns_all_fit_at_the_default_size(window: MainWindow,
                                                            qtbot: QtBot) -> None:
    window.resize(1280, 800)
    window.vm.update(penalty="l2", lam=0.5)
    qtbot.wait(30)
    headers = [window.grid.table_model.headerData(c, Qt.Orientation.Horizontal)
               for c in window.grid.visible_columns()]
    # the cost and the penalty make way for the note's columns: the gradient and the step
    assert {"b1", "∂/∂b1", "objective", "Δb1"} <= set(headers)
    assert _columns_fit(window)
    # the numbers keep at least 5 significant digits: 13.8105 at k = 2 stays whole
    assert window.grid._cells.fitted_text(2, 1, "13.8105", window.grid.columnWidth(1) - 7,
                                          False) == "13.8105"
    window.vm.update(penalty="none")
    qtbot.wait(30)
    assert _columns_fit(window)  # k, b1, ∂/∂b1, cost E, Δb1: all of them
    assert len(window.grid.visible_columns()) == 5


def test_at_1024_the_header_menu_chooses_the_columns(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1024, 768)
    window.vm.update(penalty="l2", lam=0.5)
    qtbot.wait(30)
    menu = window.grid.column_menu()
    cost = next(a for a in menu.actions() if a.text() == "cost E")
    cost.setChecked(False)  # the user's choice
    qtbot.wait(30)
    headers = [window.grid.table_model.headerData(c, Qt.Orientation.Horizontal)
               for c in window.grid.visible_columns()]
    assert "cost E" not in headers and {"b1", "∂/∂b1", "Δb1"} <= set(headers)
    assert _columns_fit(window)
    window.vm.update(lam=1.0)  # a new run keeps the choice
    assert "cost E" not in [window.grid.table_model.headerData(c, Qt.Orientation.Horizontal)
                            for c in window.grid.visible_columns()]


def test_the_window_never_opens_larger_than_the_screen(window: MainWindow) -> None:
    free = window.screen().availableGeometry()
    window.resize(free.width() * 3, free.height() * 3)  # as at QT_SCALE_FACTOR=2 on a laptop
    window.fit_to_screen()
    assert free.contains(window.frameGeometry())


def test_own_data_moving_the_start_says_so(window: MainWindow) -> None:
    window.data_editor.paste_text("1\t1\n2\t3\n3\t4")
    assert window.vm.spec.resolved_start() == (0.0,)
    message = window.statusBar().currentMessage()
    assert "b1 = 15" in message and "b1 = 0" in message


def test_at_the_dividers_limit_the_legend_leaves_the_cost_curve_visible(
        window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1280, 800)
    window.vm.update(penalty="l2", lam=0.5)
    for v in (0.1, 0.2):
        window.vm.pin_current()
        window.vm.update(learning_rate=v)
    qtbot.wait(30)
    window.splitter.moveSplitter(1270, 2)
    window.plots.moveSplitter(10, 1)
    qtbot.wait(50)
    plot = window.cost_plot
    view = plot.plot_item.getViewBox()
    if plot.legend.isVisible():
        covered = plot.legend.width() * plot.legend.height()
        assert covered <= 0.3 * view.width() * view.height()
    else:
        assert "this run" in view.toolTip()  # the entries are still one hover away
