"""Run ▸ Check the gradient: the central difference beside the gradient in the grid, a line in
the written-out step, the spec's check_h (so an export carries the columns), in Korean too."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from gdapp.core.gradient_check import DEFAULT_H


def _headers(win: Any) -> list[str]:
    model = win.grid.table_model
    return [model.column_key(c) for c in range(model.columnCount())]


def test_the_check_puts_the_central_difference_beside_the_gradient(window: Any) -> None:
    assert window.vm.spec.check_h is None
    assert not any(h.startswith("check") for h in _headers(window))
    assert "check:" not in window.step_label.text()
    window.check_action.trigger()
    assert window.check_action.isChecked() and window.vm.spec.check_h == DEFAULT_H
    headers = _headers(window)
    gradient = headers.index("∂/∂b1")
    assert headers[gradient + 1] == "check ∂/∂b1"       # beside the gradient
    model = window.grid.table_model
    assert model.headerData(gradient + 1, Qt.Orientation.Horizontal) == "≈ ∂/∂b1"
    tip = model.headerData(gradient + 1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "central difference" in tip
    # the note's start: the analytic 61, the central difference 61 to about 1e-11
    assert model.cell_value(0, gradient) == 61.0
    assert model.cell_value(0, gradient + 1) == pytest.approx(61.0, abs=1e-9)
    assert model.cell_text(0, gradient + 1) == "61"
    assert model.cell_value(3, gradient + 1) == pytest.approx(model.cell_value(3, gradient),
                                                              rel=1e-10)
    # the column stays when the grid is narrow (it is what was asked for)
    assert not window.grid.isColumnHidden(gradient + 1)
    window.vm.set_current(0)
    text = window.step_label.text()
    assert "check: central difference (E(b1 + s) − E(b1 − s))/(2s) = 61, s = 0.0015; " \
        "analytic slope 61; relative difference" in text
    window.check_action.trigger()
    assert window.vm.spec.check_h is None and "check:" not in window.step_label.text()
    assert not any(h.startswith("check") for h in _headers(window))


def test_the_check_follows_the_spec_and_writes_the_penalty_in(window: Any) -> None:
    window.vm.update(penalty="l2", lam=0.5, check_h=1e-3)
    window.vm.set_current(0)
    assert window.check_action.isChecked()        # a session or a workbook that has it
    text = window.step_label.text()
    # F = E + P: 61 + 2·0.5·15 = 76, s = 1e-3·15
    assert "((E+P)(b1 + s) − (E+P)(b1 − s))/(2s) = 76, s = 0.015; analytic slope 76" in text


def test_at_an_l1_kink_the_grid_shows_where_they_part(window: Any) -> None:
    # the proximal step lands b1 on 0 with λ large: there both are ∂E/∂b1 (sign(0) = 0)
    window.vm.update(penalty="l1", lam=30.0, learning_rate=0.1, check_h=1e-4)
    run = window.vm.run
    zero = next(k for k in range(run.iterations + 1) if run.params[k, 0] == 0.0)
    model = window.grid.table_model
    gradient = _headers(window).index("∂/∂b1")
    assert model.cell_value(zero, gradient + 1) == pytest.approx(
        model.cell_value(zero, gradient), abs=1e-9)


def test_the_check_speaks_korean(qtbot: Any) -> None:
    from gdapp.gui.i18n import install_language, tr
    from gdapp.gui.viewmodel import RunViewModel
    from gdapp.gui.window import MainWindow

    install_language("ko")
    win = MainWindow(RunViewModel())
    qtbot.addWidget(win)
    win.check_action.trigger()
    win.vm.set_current(0)
    assert win.check_action.text() == tr("Check the gradient") == "기울기 수치 미분 검사"
    assert "검사: 중앙 차분 (E(b1 + s) − E(b1 − s))/(2s) = 61" in win.step_label.text()
    assert "해석적 기울기 61" in win.step_label.text()


def test_an_export_from_the_window_carries_the_check(window: Any, tmp_path: Any) -> None:
    from gdapp.core import run
    from gdapp.excel import export_workbook, read_workbook

    window.check_action.trigger()
    path = export_workbook(run(window.vm.spec), tmp_path / "w.xlsx")
    assert read_workbook(path).spec.check_h == DEFAULT_H
