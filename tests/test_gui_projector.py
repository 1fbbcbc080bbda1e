"""On a projector: screenshots of any view from the command line (size, classroom mode,
lesson scene, iterate), classroom mode's layout at 1024×768 and 1280×800, and the window
opening at the start of the note's run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from toolbar_check import assert_every_toolbar_action_on_screen

from gdapp.cli import main
from gdapp.gui.app import launch, open_session_window
from gdapp.gui.screenshot import Shot, parse_size, prepare
from gdapp.gui.settings_store import SessionStore
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import CLASSROOM_ZOOM, MainWindow


def _headers(window: MainWindow) -> list[str]:
    grid = window.grid
    return [str(grid.table_model.headerData(c, Qt.Orientation.Horizontal))
            for c in grid.visible_columns()]


# ---- screenshots -------------------------------------------------------------------------
def test_a_screenshot_takes_the_size_asked_for(tmp_path: Path, qtbot: QtBot) -> None:
    shot = tmp_path / "shot.png"
    assert launch(None, screenshot=str(shot),
                  shot=Shot(size=(1024, 768), classroom=True, lesson=3, step=1)) == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1024, 768)


def test_a_shot_puts_the_window_in_classroom_mode_at_a_scene_and_step(qtbot: QtBot) -> None:
    window = MainWindow(RunViewModel())
    qtbot.addWidget(window)
    window.show()
    prepare(window, Shot(size=(1024, 768), classroom=True, lesson=5, step=2))
    assert window.zoom == CLASSROOM_ZOOM
    assert window.lesson.index == 4 and window.vm.spec.learning_rate == 0.4
    assert window.vm.current == 2 and window.vm.run.params[2, 0] == pytest.approx(15.0)
    prepare(window, Shot(step=10**6))  # clamped to the run's last iterate
    assert window.vm.current == window.vm.run.iterations


@pytest.mark.parametrize(("text", "size"), [("1024x768", (1024, 768)),
                                             ("1280×800", (1280, 800))])
def test_sizes_are_read_as_width_by_height(text: str, size: tuple[int, int]) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize(("argv", "message"), [
    (["--size", "big"], "--size must be WIDTHxHEIGHT"),
    (["--size", "10x10"], "--size must be between"),
    (["--lesson", "30"], "--lesson must be a scene from 1 to"),
    (["--step", "-1"], "--step must be an iterate"),
])
def test_bad_screenshot_flags_are_one_sentence_and_status_2(
        argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        qtbot: QtBot) -> None:
    shot = tmp_path / "shot.png"
    assert main(["gui", "--screenshot", str(shot), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not shot.exists()


def test_view_flags_without_a_screenshot_are_refused(capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    assert main(["gui", "--classroom"]) == 2
    assert "--classroom is for a screenshot" in capsys.readouterr().err


def test_the_command_line_takes_a_korean_classroom_shot(tmp_path: Path) -> None:
    shot = tmp_path / "scene.png"
    done = subprocess.run([sys.executable, "-m", "gdapp.cli", "gui", "--lang", "ko",
                           "--screenshot", str(shot), "--size", "1024x768", "--classroom",
                           "--lesson", "3", "--step", "1"], capture_output=True, text=True,
                          check=False, env={**__import__("os").environ,
                                            "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1024, 768)


# ---- classroom mode on a projector ---------------------------------------------------------
@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
def test_classroom_mode_fits_a_projector(window: MainWindow, qtbot: QtBot,
                                         size: tuple[int, int]) -> None:
    window.resize(*size)
    window.set_zoom(CLASSROOM_ZOOM)
    window.show_scene(2)
    qtbot.wait(30)
    assert not window.side_scroll.isVisible()  # the settings fold away
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768
    # every toolbar action is on screen, none behind the » menu
    assert_every_toolbar_action_on_screen(window)
    assert {"k", "b1", "∂/∂b1", "Δb1"} <= set(_headers(window))
    assert window.grid.rowAt(window.grid.viewport().height() - 1) >= 5  # rows, not a strip


def test_the_optimizers_stability_line_grows_with_the_zoom(window: MainWindow) -> None:
    line = window.controls.optimizer_controls.stability
    before = line.font().pointSizeF()
    window.set_zoom(2.0)
    assert line.font().pointSizeF() == pytest.approx(2 * before)


def test_the_settings_come_back_in_classroom_mode_and_out_of_it(window: MainWindow) -> None:
    window.set_zoom(CLASSROOM_ZOOM)
    window.settings_action.trigger()
    assert window.side_scroll.isVisible()
    window.settings_action.trigger()
    window.set_zoom(1.0)
    assert window.side_scroll.isVisible()  # out of classroom mode, the settings are back


@pytest.mark.parametrize("changes", [{"penalty": "l2", "lam": 0.5},
                                     {"optimizer": "adam", "learning_rate": 0.5},
                                     {"batch_size": 1}])
def test_the_grid_keeps_the_gradient_and_the_step_for_every_run(
        window: MainWindow, qtbot: QtBot, changes: dict[str, object]) -> None:
    window.resize(1280, 800)
    window.vm.update(**changes)
    qtbot.wait(30)
    assert {"k", "b1", "∂/∂b1", "Δb1"} <= set(_headers(window))


def test_a_long_plot_title_shrinks_to_fit_instead_of_being_cut(window: MainWindow,
                                                               qtbot: QtBot) -> None:
    window.resize(1024, 768)
    window.set_zoom(CLASSROOM_ZOOM)
    window.splitter.setSizes([0, 300, 724])  # a narrow data plot
    qtbot.wait(30)
    plot = window.data_plot
    assert plot.width() < 320
    room = plot.width() - plot.plot_item.getAxis("left").width()  # centred on the view
    assert plot.plot_item.titleLabel.item.boundingRect().width() <= room
    window.splitter.setSizes([0, 600, 424])
    qtbot.wait(30)  # wide again: the title's full classroom size
    assert f"{11 * CLASSROOM_ZOOM:.3g}pt" in plot.plot_item.titleLabel.text or \
        plot.plot_item.titleLabel.opts["size"] == f"{11 * CLASSROOM_ZOOM:.3g}pt"


# ---- where the window opens --------------------------------------------------------------
def test_the_window_opens_at_the_start_of_the_notes_run(tmp_path: Path, qtbot: QtBot) -> None:
    window, _ = open_session_window(SessionStore(tmp_path / "session.json"))
    qtbot.addWidget(window)
    assert window.vm.current == 0 and window.vm.stepping
    assert "14.39" in window.step_label.text()  # the note's first step: 15 − 0.01 × 61
    window.vm.update(learning_rate=0.1)
    window.note_run_action.trigger()
    assert window.vm.current == 0


def test_on_a_screen_of_640_logical_pixels_the_settings_fold_away(window: MainWindow,
                                                                 qtbot: QtBot) -> None:
    from gdapp.gui.classroom import fold_for_screen

    assert window.minimumSizeHint().width() > 640  # with the settings it would not fit
    assert fold_for_screen(window, 640)  # QT_SCALE_FACTOR=2 on a 1280×800 screen
    assert not window.side_scroll.isVisible()
    qtbot.wait(20)  # laid out again
    assert window.minimumSizeHint().width() <= 640
    assert not fold_for_screen(window, 1280)


def test_the_path_dock_grows_with_classroom_mode(window: MainWindow) -> None:
    window.show_scene(9)  # the path dock shown
    axis = window.path_plot.plots["l1"].getPlotItem().getAxis("bottom")
    before = axis.style["tickFont"].pointSizeF() if axis.style["tickFont"] else 0.0
    window.set_zoom(CLASSROOM_ZOOM)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(9 * CLASSROOM_ZOOM)
    assert axis.style["tickFont"].pointSizeF() > before
    assert window.path_plot.plots["l1"].getPlotItem().titleLabel.opts["size"] == "16.5pt"
