"""What a class would notice: no raw HTML on the status bar after a CP949 import, the data
plot following a coefficient that swings negative, scene 6's first oscillations readable."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gdapp.gui.window import MainWindow


def test_a_cp949_import_puts_plain_text_on_the_status_bar(window: MainWindow, qtbot: QtBot,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "점수.csv"
    path.write_bytes("공부 시간,시험 점수\r\n1,2\r\n2,5\r\n".encode("cp949"))
    assert window.data_editor.import_file(str(path))
    shown = window.statusBar().currentMessage()
    assert shown.startswith("점수.csv was read as CP949") and "<" not in shown


def test_the_data_plot_follows_a_coefficient_that_swings_negative(window: MainWindow) -> None:
    window.show_scene(4)  # η = 0.4: 15, −9.4, 15, …
    for _ in range(3):
        window.step()
    assert window.vm.run.params[3, 0] == pytest.approx(-9.4)
    _, (y_lo, y_hi) = window.data_plot.plot_item.getViewBox().viewRange()
    assert y_lo <= -9.4 * 2.0 and y_hi >= 15 * 2.0  # the line at x = 2, both ways


def test_scene_6s_first_oscillations_are_not_squashed(window: MainWindow) -> None:
    window.show_scene(5)  # η = 0.41 from 15: 15, −10.01, 16.25, −11.32, …
    (x_lo, x_hi), _ = window.cost_plot.plot_item.getViewBox().viewRange()
    assert -25 < x_lo < -10.01 and 16.25 < x_hi < 25


def test_the_data_plots_legend_is_off_a_diverged_runs_steep_line(window: MainWindow,
                                                                 qtbot: QtBot) -> None:
    window.show_scene(5)
    window.run_to_end()  # η = 0.41: the last line is nearly vertical at x = 0
    qtbot.wait(30)
    plot = window.data_plot
    view = plot.plot_item.getViewBox()
    (x0, x1), _ = view.viewRange()
    line_x = (0.0 - x0) / (x1 - x0) * view.width()  # the line's pixel column
    rect = plot.legend_rect()
    assert not rect.left() <= line_x <= rect.right()
