"""The iteration grid: a lazy table model read through model.data, and the view's copy."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gdapp.core import RunSpec
from gdapp.gui import table_model
from gdapp.gui.table_model import (
    CONVERGED_COLOR,
    CURRENT_COLOR,
    DIVERGED_COLOR,
    IterationTableModel,
    IterationTableView,
    format_number,
)
from gdapp.gui.viewmodel import RunViewModel

Display = Qt.ItemDataRole.DisplayRole


def cell(model: IterationTableModel, row: int, col: int,
         role: Qt.ItemDataRole = Display) -> object:
    return model.data(model.index(row, col), role)


def test_first_rows_show_the_notes_numbers(qtbot: QtBot) -> None:
    model = IterationTableModel(RunViewModel())
    assert [cell(model, r, 1) for r in range(4)] == ["15", "14.39", "13.8105", "13.259975"]
    assert cell(model, 0, 2) == "61"            # E'(15) = 5·15 − 14, the tangent's slope
    assert cell(model, 0, 3) == "372.5"         # E(15)


def test_columns_are_k_parameters_gradients_cost_penalty_objective_step(qtbot: QtBot) -> None:
    vm = RunViewModel()
    model = IterationTableModel(vm)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in
               range(model.columnCount())]
    assert headers == ["k", "b1", "∂/∂b1", "cost E", "penalty", "objective", "Δb1"]
    vm.update(model="line")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in
               range(model.columnCount())]
    assert headers == ["k", "b0", "b1", "∂/∂b0", "∂/∂b1", "cost E", "penalty", "objective",
                       "Δb0", "Δb1"]


def test_a_new_run_resets_the_model(qtbot: QtBot) -> None:
    vm = RunViewModel()
    model = IterationTableModel(vm)
    with qtbot.waitSignal(model.modelReset):
        vm.update(learning_rate=0.1)
    assert model.rowCount() == 35
    assert cell(model, 1, 1) == "8.9"


def test_numbers_show_at_most_ten_significant_digits() -> None:
    assert format_number(1 / 3) == "0.3333333333"
    assert format_number(-1.23456789012345e-9) == "-1.23456789e-09"


def test_the_current_row_is_highlighted_and_moves_with_the_view_model(qtbot: QtBot) -> None:
    vm = RunViewModel()
    model = IterationTableModel(vm)
    last = vm.run.iterations
    assert cell(model, last, 1, Qt.ItemDataRole.BackgroundRole).color() == CURRENT_COLOR
    with qtbot.waitSignal(model.dataChanged):
        vm.set_current(5)
    assert cell(model, 5, 1, Qt.ItemDataRole.BackgroundRole).color() == CURRENT_COLOR
    assert cell(model, 4, 1, Qt.ItemDataRole.BackgroundRole) is None


def test_the_converged_row_is_marked_with_colour_and_tooltip(qtbot: QtBot) -> None:
    vm = RunViewModel()
    model = IterationTableModel(vm)
    vm.set_current(0)
    k = vm.run.converged_at
    assert k == 396
    assert cell(model, k, 1, Qt.ItemDataRole.BackgroundRole).color() == CONVERGED_COLOR
    assert "converged at k = 396" in str(cell(model, k, 1, Qt.ItemDataRole.ToolTipRole))


def test_the_last_row_of_a_diverged_run_is_marked(qtbot: QtBot) -> None:
    vm = RunViewModel(RunSpec(learning_rate=0.41))
    model = IterationTableModel(vm)
    vm.set_current(0)
    last = vm.run.iterations
    assert cell(model, last, 1, Qt.ItemDataRole.BackgroundRole).color() == DIVERGED_COLOR
    assert "diverged" in str(cell(model, last, 0, Qt.ItemDataRole.ToolTipRole))


@pytest.fixture
def formatted(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every number the grid turns into text, in order: how much of the run it touched."""
    seen: list[float] = []

    def counting(value: float) -> str:
        seen.append(value)
        return format_number(value)

    monkeypatch.setattr(table_model, "format_number", counting)
    return seen


def test_a_million_row_run_answers_at_its_last_row_by_reading_that_row_only(
        qtbot: QtBot, formatted: list[float]) -> None:
    vm = RunViewModel(RunSpec(learning_rate=1e-6, max_iterations=1_000_000))
    model = IterationTableModel(vm)
    rows = model.rowCount()
    text = cell(model, rows - 1, 1)
    assert rows == 1_000_001
    assert text == format_number(float(vm.run.params[-1, 0]))
    assert formatted == [float(vm.run.params[-1, 0])]      # nothing built ahead of time


def test_a_million_row_grid_scrolls_to_its_end_painting_the_visible_rows_only(
        qtbot: QtBot, formatted: list[float]) -> None:
    vm = RunViewModel(RunSpec(learning_rate=1e-6, max_iterations=1_000_000))
    view = IterationTableView(vm)
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.show()
    qtbot.waitExposed(view)
    formatted.clear()
    view.scrollToBottom()
    view.grab()
    assert view.rowAt(view.viewport().height() - 2) == 1_000_000
    first = view.rowAt(0)
    visible_rows = 1_000_000 - first + 1
    assert 5 < visible_rows < 40
    numeric_columns = view.model().columnCount() - 1       # k is written without formatting
    assert 0 < len(formatted) <= visible_rows * numeric_columns
    assert float(vm.run.params[-1, 0]) in formatted       # the last row was painted


def test_rows_as_tsv_has_a_header_and_every_digit(qtbot: QtBot) -> None:
    model = IterationTableModel(RunViewModel())
    run = model.run
    text = model.rows_as_tsv([2, 1], [0, 1, 2])
    header, *rows = text.splitlines()
    assert header == "k\tb1\t∂/∂b1"
    assert [r.split("\t")[0] for r in rows] == ["1", "2"]
    assert float(rows[1].split("\t")[1]) == run.params[2, 0]   # round-trips exactly
    assert float(rows[1].split("\t")[2]) == run.gradient[2, 0]


def test_ctrl_c_puts_the_selected_rows_on_the_clipboard_as_tsv(qtbot: QtBot) -> None:
    view = IterationTableView(RunViewModel())
    qtbot.addWidget(view)
    view.show()
    model = view.table_model
    flags = (QItemSelectionModel.SelectionFlag.Select
             | QItemSelectionModel.SelectionFlag.Rows)
    view.selectionModel().select(model.index(0, 0), flags)
    view.selectionModel().select(model.index(1, 0), flags)
    QApplication.clipboard().clear()
    qtbot.keySequence(view, QKeySequence.StandardKey.Copy)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0] == "k\tb1\t∂/∂b1\tcost E\tΔb1"   # no penalty: penalty/objective hidden
    assert [float(v) for v in lines[1].split("\t")] == pytest.approx([0, 15, 61, 372.5, 0])
    assert [float(v) for v in lines[2].split("\t")[:2]] == [1, 14.39]
    assert len(lines) == 3


def test_selecting_a_row_moves_the_current_iterate(qtbot: QtBot) -> None:
    vm = RunViewModel()
    view = IterationTableView(vm)
    qtbot.addWidget(view)
    with qtbot.waitSignal(vm.currentChanged) as blocker:
        view.selectRow(7)
    assert blocker.args == [7]
    assert vm.current == 7


def test_with_a_penalty_the_grid_shows_penalty_and_objective(qtbot: QtBot) -> None:
    vm = RunViewModel()
    view = IterationTableView(vm)
    qtbot.addWidget(view)
    assert len(view.visible_columns()) == 5
    vm.update(penalty="l2", lam=0.5)
    assert len(view.visible_columns()) == 7
    model = view.table_model
    assert float(cell(model, 0, 4)) == pytest.approx(0.5 * 15**2)   # λ·b1²


def test_a_selected_row_stays_current_when_eta_changes(qtbot: QtBot) -> None:
    vm = RunViewModel()
    view = IterationTableView(vm)
    qtbot.addWidget(view)
    view.selectRow(4)
    vm.update(learning_rate=0.02)
    assert vm.current == 4
