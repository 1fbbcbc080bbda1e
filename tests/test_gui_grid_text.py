"""The grid's numbers when their cell is too narrow, bold or cut: fewer digits, never cut short.

A spreadsheet's General format: a number that does not fit its column shows fewer significant
digits with its exponent kept, or ``###``; a cell cut by the viewport's edge shows its text
elided with "…"; the tooltip of such a cell gives every digit. And the grid opens (and follows
each new run) with the current row in view.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pytest
from patience import HANG_MS
from PySide6.QtCore import QRect
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractSlider
from pytestqt.qtbot import QtBot

from gdapp.core import RunSpec
from gdapp.gui.table_model import (
    OVERFLOW_TEXT,
    IterationTableModel,
    IterationTableView,
    shorter_numbers,
)
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

#: A number's text with an exponent: "1.4623358e-08", "-2.3e+100".
EXPONENT = re.compile(r"-?\d(\.\d+)?e[-+]\d\d\d?")
MARGINS = 7  # a cell's text box: its width less the grid line and 3 pixels either side


def _view(qtbot: QtBot, spec: RunSpec, width: int = 700, height: int = 400) -> IterationTableView:
    view = IterationTableView(RunViewModel(spec))
    view.resize(width, height)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.rowAt(0) >= 0)  # laid out
    return view


def _painted(view: IterationTableView, monkeypatch: pytest.MonkeyPatch
             ) -> dict[tuple[int, int], tuple[QRect, str]]:
    """(row, column) → (box, text) of every text the grid draws on a repaint."""
    drawn: list[tuple[QRect, str]] = []
    draw = QPainter.drawText

    def recording(painter: QPainter, *args: Any) -> None:
        rect = QRect(*args[:4]) if len(args) == 6 else QRect(args[0])
        drawn.append((rect, args[-1]))
        draw(painter, *args)

    with monkeypatch.context() as patch:
        patch.setattr(QPainter, "drawText", recording)
        view.viewport().grab()
    return {(view.rowAt(r.center().y()), view.columnAt(r.center().x())): (r, t)
            for r, t in drawn}


def _width(view: IterationTableView, text: str, row: int) -> float:
    cells = view._cells
    metrics = cells.bold_metrics if row == view.table_model.current else cells.metrics
    return metrics.horizontalAdvance(text)


def test_a_shorter_number_keeps_its_exponent_and_drops_digits_one_by_one() -> None:
    texts = list(shorter_numbers(1.4623358083962e-08))
    assert texts[:3] == ["1.46233581e-08", "1.4623358e-08", "1.462336e-08"]
    assert texts[-1] == "1.5e-08" and len(texts) == 8
    assert all(EXPONENT.fullmatch(t) for t in texts)
    assert list(shorter_numbers(-2.3333333333333e100))[-1] == "-2.3e+100"
    assert list(shorter_numbers(0.000123456789))[-1] == "0.00012"
    # trailing zeros dropped: 2.8 and 15 have no shorter text; nor have inf and nan
    assert list(shorter_numbers(2.8)) == list(shorter_numbers(15.0)) == []
    assert list(shorter_numbers(math.inf)) == list(shorter_numbers(math.nan)) == []


def test_a_cell_that_cannot_fit_two_digits_or_its_row_number_shows_hashes() -> None:
    model = IterationTableModel(RunViewModel())
    assert model.shorter_text(3, 1, lambda t: len(t) <= 5) == "13.26"
    assert model.shorter_text(3, 1, lambda t: len(t) <= 1) == OVERFLOW_TEXT
    assert model.shorter_text(396, 0, lambda t: True) == OVERFLOW_TEXT  # k: never "4e+02"


def test_the_current_rows_gradient_shows_all_ten_digits_in_bold(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    # η = 0.05 converges at k = 77, where ∂E/∂b1 = 1.46e-08: the note's teacher points at it
    view = _view(qtbot, RunSpec(learning_rate=0.05))
    model = view.table_model
    assert model.current == 77
    painted = _painted(view, monkeypatch)
    box, text = painted[77, 2]
    assert text == model.cell_text(77, 2) == "1.462335808e-08"
    assert _width(view, text, 77) < box.width()


def test_the_columns_fit_ten_digits_in_bold_and_a_three_digit_exponent(qtbot: QtBot) -> None:
    view = _view(qtbot, RunSpec(penalty="l1", lam=5.0))
    cells = view._cells
    for c in view.visible_columns()[1:]:
        box = view.columnWidth(c) - MARGINS
        assert cells.fits("-8.888888888e-88", box, bold=True)
        assert cells.fits("-0.0008888888888", box, bold=False)
        assert cells.fits("-8.888888888e+888", box, bold=False)
    # k: room for the run's last k in bold (at least three digits), no wider
    digits = max(3, len(str(view.table_model.run.iterations)))
    assert cells.fits("8" * digits, view.columnWidth(0) - MARGINS, bold=True)
    assert not cells.fits("8" * (digits + 2), view.columnWidth(0) - MARGINS, bold=True)


def test_a_number_too_wide_for_its_column_shows_fewer_digits_and_its_exponent(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, RunSpec(learning_rate=0.05))
    model = view.table_model
    # ∂/∂b1 just wide enough for "1.46233581e-08", nine digits: ten do not fit
    view.setColumnWidth(2, view._cells.column_width("1.46233581e-08"))
    painted = _painted(view, monkeypatch)
    rows = {row for row, c in painted if c == 2 and row >= 0}
    assert 77 in rows and len(rows) > 10
    for row in rows:
        box, text = painted[row, 2]
        full = model.cell_text(row, 2)
        assert _width(view, text, row) < box.width()
        if text != full:
            assert text in shorter_numbers(model.cell_value(row, 2))
            assert EXPONENT.fullmatch(text) or "e" not in full, (full, text)
    assert painted[74, 2][1] == "3.46627749e-08"
    bold = painted[77, 2][1]  # the current row's bold is wider: fewer digits still
    assert bold in shorter_numbers(model.cell_value(77, 2)) and len(bold) < 14
    assert EXPONENT.fullmatch(bold)


def test_a_column_too_narrow_for_two_digits_shows_hashes(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, RunSpec())
    view.setColumnWidth(0, 10)  # the header's minimum: too narrow for "396"
    view.setColumnWidth(2, 40)  # too narrow for "3.3e-09"
    painted = _painted(view, monkeypatch)
    assert painted[396, 0][1] == painted[395, 0][1] == OVERFLOW_TEXT
    assert painted[396, 2][1] == painted[395, 2][1] == OVERFLOW_TEXT
    assert painted[396, 1][1] == "2.800000018"


def test_a_cell_cut_by_the_viewports_edge_shows_its_text_elided_within_it(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    # the window's Δb1 at the default size: half of it off the grid's right edge
    view = _view(qtbot, RunSpec(learning_rate=0.05), width=500)
    model = view.table_model
    last = view.visible_columns()[-1]
    edge = view.viewport().width()
    x = view.columnViewportPosition(last)
    assert x + 40 < edge < x + view.columnWidth(last) - MARGINS
    painted = _painted(view, monkeypatch)
    texts = {row: (box, text) for (row, c), (box, text) in painted.items() if c == last}
    assert len(texts) > 10
    for row, (box, text) in texts.items():
        assert box.left() >= x and box.right() < edge
        assert _width(view, text, row) < box.width()
        assert text == model.cell_text(row, last) or text.endswith("…"), text
    assert any(text.endswith("…") for _, text in texts.values())
    # too little visible for even "…": nothing drawn
    before = view.visible_columns()[-2]
    view.setColumnWidth(before, view.columnWidth(before) + edge - x - 6)
    painted = _painted(view, monkeypatch)
    assert not any(c == last for _, c in painted)


def test_a_cell_that_shows_less_than_its_number_has_every_digit_as_tooltip(
        qtbot: QtBot) -> None:
    view = _view(qtbot, RunSpec(learning_rate=0.05))
    model = view.table_model
    delegate = view.itemDelegate()
    index = model.index(77, 2)
    assert delegate.tooltip(index, view.visualRect(index)) is None  # all ten digits shown
    view.setColumnWidth(2, 85)
    tip = delegate.tooltip(index, view.visualRect(index))
    assert tip is not None
    number, note = tip.split("\n")
    assert number == f"∂/∂b1 = {model.cell_value(77, 2)!r}"
    assert float(number.split(" = ")[1]) == model.run.gradient[77, 0]
    assert "current iterate k = 77" in note


def test_only_a_text_longer_than_its_columns_budget_is_measured(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, RunSpec(learning_rate=0.05), width=760)
    view.scrollToTop()
    cells = view._cells
    measured: list[str] = []

    class Counting:
        def __init__(self, metrics: Any) -> None:
            self.metrics = metrics

        def horizontalAdvance(self, text: str) -> float:
            measured.append(text)
            return float(self.metrics.horizontalAdvance(text))

        def elidedText(self, *args: Any) -> str:
            return str(self.metrics.elidedText(*args))

    monkeypatch.setattr(cells, "metrics", Counting(cells.metrics))
    monkeypatch.setattr(cells, "bold_metrics", Counting(cells.bold_metrics))
    view.viewport().grab()
    assert measured == []  # every number of the first rows is within the budget
    view.setColumnWidth(2, 85)
    view.viewport().grab()
    assert 0 < len(measured) < 200


def _current_row_in_view(view: IterationTableView) -> bool:
    rect = view.visualRect(view.table_model.index(view.table_model.current, 0))
    return rect.top() >= 0 and rect.bottom() < view.viewport().height()


def test_the_window_opens_with_the_current_row_in_view(window: MainWindow,
                                                       qtbot: QtBot) -> None:
    grid = window.grid
    grid.fit_to_width = False
    grid.setColumnWidth(1, 400)  # wider than the grid: a horizontal scroll bar
    assert window.vm.current == 396  # the note's run ends far below the first screen
    qtbot.waitUntil(lambda: grid.rowAt(0) > 300 and _current_row_in_view(grid))
    # Qt shows the scroll bar once the layout has run (later on a loaded machine)
    qtbot.waitUntil(grid.horizontalScrollBar().isVisible)
    qtbot.wait(100)
    assert _current_row_in_view(grid)  # the row is not under the scroll bar


@pytest.mark.parametrize("change", [
    {"learning_rate": 0.05},
    {"model": "line", "learning_rate": 0.01},                # more columns
    {"learning_rate": 1e-5, "max_iterations": 200_000},      # computed in the background
])
def test_a_new_run_scrolls_its_current_row_fully_into_view(
        window: MainWindow, qtbot: QtBot, change: dict[str, Any]) -> None:
    grid = window.grid
    window.vm.update(learning_rate=0.1)  # 35 rows: the grid's scroll range shrinks
    qtbot.waitUntil(lambda: _current_row_in_view(grid))
    window.vm.update(**change)
    qtbot.waitUntil(lambda: not window.vm.busy, timeout=HANG_MS)
    assert window.vm.current > 60
    qtbot.waitUntil(lambda: grid.rowAt(0) > 30 and _current_row_in_view(grid))
    qtbot.wait(100)  # the status line above may take another line: the grid shrinks
    assert _current_row_in_view(grid)


def test_scrolling_by_hand_stops_following_until_the_current_row_moves(
        window: MainWindow, qtbot: QtBot) -> None:
    grid = window.grid
    qtbot.waitUntil(lambda: _current_row_in_view(grid))
    grid.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
    assert not grid.following and grid.rowAt(0) == 0
    window.splitter.setSizes([200, 520, 560])  # a new layout keeps the user's scroll
    qtbot.wait(20)
    assert grid.rowAt(0) == 0
    window.step_back()
    assert grid.following and _current_row_in_view(grid)
