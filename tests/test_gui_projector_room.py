"""What a class could not read on a projector, made readable: the data and objective plots
beside the L1 path at 1280×800, the objective plot in classroom mode at 1024×768 after
another scene, the path's dock after any scene, a divider the user
moved, and the whole of an update too long for the step frame (Adam's m, v, m̂, v̂…, several
features) in a window of its own — in both languages. (How scene 6 opens on a projector, and
the path plots' axis label, are checked in the scene walk:
``scene_checks_more.py``.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from gdapp.core import EXAMPLES, RunSpec
from gdapp.gui.accents import plain_text
from gdapp.gui.i18n import install_language
from gdapp.gui.plot_room import READABLE_VIEW, view_height
from gdapp.gui.screenshot import Shot, prepare
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

#: Scenes (1-based, as the Lesson menu numbers them).
PAST_THE_LIMIT, PATH, OPTIMIZERS = 6, 10, 11
NORMAL, PROJECTOR = Shot(size=(1280, 800)), Shot(size=(1024, 768), classroom=True)
#: A view box a class can read, in pixels (40 and 60 were the strips at 1280×800).
READABLE = 90
#: A 1024×768 projector's free area for a window of its own (less its frame).
ROOM = QSize(1024, 728)


def _settle() -> None:
    """The layout's deferred steps (each a zero timer after the one before), in rounds of
    events, not of time."""
    for _ in range(16):
        QApplication.processEvents()


def _window(qtbot: QtBot, lang: str, shot: Shot, scene: int, step: int | None = None
            ) -> MainWindow:
    install_language(lang)
    window = MainWindow(RunViewModel())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    prepare(window, Shot(size=shot.size, classroom=shot.classroom, lesson=scene, step=step))
    qtbot.wait(60)
    _settle()
    return window


# ---- the plots' room ------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_beside_the_l1_path_at_1280x800_the_data_and_objective_plots_are_readable(
        qtbot: QtBot, lang: str) -> None:
    window = _window(qtbot, lang, NORMAL, PATH)
    assert window.path_dock.isVisible() and window.data_plots.isVisible()
    assert view_height(window.data_plot) >= READABLE  # was 40: a strip
    assert view_height(window.objective_plot) >= READABLE  # was 59
    assert view_height(window.cost_slice) >= READABLE
    for plot in window.path_plot.plots.values():  # the path gave the room, not all of it
        assert view_height(plot) >= READABLE
    # the grid still shows the whole band of the current iterate (six parameters)
    grid, row = window.grid, window.grid.verticalHeader().defaultSectionSize()
    assert grid.viewport().height() // row >= len(grid.current_rows())


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_in_classroom_mode_at_1024x768_the_objective_plot_is_readable_after_scene_1(
        qtbot: QtBot, lang: str) -> None:
    # paging through the lesson: a longer paragraph before kept its height (as scene 6
    # opens in the scene walk: scene_checks_more.py)
    window = _window(qtbot, lang, PROJECTOR, 1)
    prepare(window, Shot(size=PROJECTOR.size, classroom=True, lesson=PAST_THE_LIMIT, step=3))
    _settle()
    text, frame = window.lesson.text, window.lesson.text_scroll
    assert frame.height() <= text.heightForWidth(text.width()) + 2 * frame.frameWidth() + 1
    objective, cost = view_height(window.objective_plot), view_height(window.cost_plot)
    # was 88, under the lesson's paragraph and two lines of note (110 before the cost plot's
    # legend, hidden then, took its row under the plot: plot_room's readable view now)
    assert objective >= READABLE_VIEW
    assert cost >= READABLE_VIEW
    assert objective >= 0.6 * cost  # the two plots share the column's room


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_short_paragraph_leaves_no_blank_band_above_the_plots(qtbot: QtBot,
                                                                 lang: str) -> None:
    window = _window(qtbot, lang, NORMAL, 1)  # a paragraph of five lines, then a short one
    prepare(window, Shot(size=NORMAL.size, lesson=4))
    _settle()
    text, frame = window.lesson.text, window.lesson.text_scroll
    need = text.heightForWidth(text.width())
    assert need < QScrollArea.minimumSizeHint(frame).height()  # shorter than a scroll area's
    assert frame.height() <= need + 2 * frame.frameWidth() + 1  # was a scroll area's 68 pixels


@pytest.mark.parametrize("before", [PAST_THE_LIMIT, 1])
def test_in_classroom_mode_the_path_dock_keeps_its_share_after_any_scene(
        qtbot: QtBot, before: int) -> None:
    window = _window(qtbot, "en", PROJECTOR, before, step=3)
    prepare(window, Shot(size=PROJECTOR.size, classroom=True, lesson=PATH))
    _settle()
    # it was 131 pixels after scene 6: sized while the views it folds still held their room
    assert window.path_dock.height() >= 0.28 * window.height()
    for plot in window.path_plot.plots.values():
        assert view_height(plot) >= READABLE


def test_a_divider_the_user_moved_stays_where_it_was_put(qtbot: QtBot) -> None:
    window = _window(qtbot, "en", NORMAL, PAST_THE_LIMIT, step=3)
    plots = window.plots
    plots.moveSplitter(plots.sizes()[0] + 120, 1)  # what a drag of the handle does
    sizes = plots.sizes()
    window.resize(1200, 780)
    _settle()
    window.resize(1280, 800)
    _settle()
    assert abs(plots.sizes()[0] - sizes[0]) <= 2  # not shared again by the view boxes


# ---- the whole update ---------------------------------------------------------------------
def _all_lines_of(window: MainWindow) -> list[str]:
    return plain_text(window.step_label).split("\n")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_adams_whole_update_shows_in_a_window_of_its_own(qtbot: QtBot, lang: str) -> None:
    window = _window(qtbot, lang, PROJECTOR, OPTIMIZERS, step=3)
    assert window.vm.spec.optimizer == "adam"
    scroll = window.step_scroll
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the frame beside the grid holds a few of its lines
    button = window.step_all_button
    assert button.isVisible()  # … and says so, beside the text (not over it)
    assert button.geometry().left() >= scroll.viewport().geometry().right()
    button.click()
    popup = window.step_window
    assert popup.isVisible()
    popup.fit(ROOM)
    _settle()
    text = plain_text(window.step_label)
    assert popup.text() == text
    lines = _all_lines_of(window)
    assert sum(line.strip().startswith(("m = ", "v = ", "d = ")) for line in lines) == 6
    # every line whole, unwrapped, and none scrolled away, on a 1024×768 projector
    assert popup.width() <= ROOM.width() and popup.height() <= ROOM.height()
    assert popup.area.verticalScrollBar().maximum() == 0
    assert popup.area.horizontalScrollBar().maximum() == 0
    metrics = popup.label.fontMetrics()
    assert popup.label.contentsRect().width() >= max(metrics.horizontalAdvance(x) for x in lines)
    assert popup.label.height() >= len(lines) * metrics.lineSpacing()
    assert popup.label.font().pointSizeF() == pytest.approx(window.step_label.font().pointSizeF())
    # it follows the run: the next update, and Space works in it
    assert window.step_action in popup.actions()
    window.step_action.trigger()
    assert popup.text() == plain_text(window.step_label) != text
    assert "4 → 5" in popup.text()


def test_the_one_feature_adam_update_is_whole_at_classroom_size(qtbot: QtBot) -> None:
    window = _window(qtbot, "en", PROJECTOR, OPTIMIZERS, step=3)
    window.vm.set_spec(RunSpec(optimizer="adam", learning_rate=0.5).validated())
    window.vm.stepping = True
    window.vm.set_current(3)
    window.step_window_action.trigger()  # View ▸ The update in a window
    popup = window.step_window
    popup.fit(ROOM)
    _settle()
    assert popup.text() == plain_text(window.step_label) and "m̂ = " in popup.text()
    # the hats drawn as in the step frame, never the markup that draws them shown as text
    assert popup.label.textFormat() == window.step_label.textFormat()
    assert "<span" not in popup.label.text() or \
        popup.label.textFormat() == Qt.TextFormat.RichText
    assert popup.area.verticalScrollBar().maximum() == 0
    assert popup.label.heightForWidth(popup.label.width()) <= popup.area.viewport().height()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_an_update_of_several_features_scrolls_to_its_last_line(qtbot: QtBot,
                                                                  lang: str) -> None:
    window = _window(qtbot, lang, PROJECTOR, PATH)
    window.vm.set_spec(RunSpec(data=EXAMPLES["features"], model="line", optimizer="adam",
                               learning_rate=0.5, penalty="l1", lam=2.0,
                               max_iterations=50).validated())
    window.vm.stepping = True
    window.vm.set_current(3)
    _settle()
    assert window.step_all_button.isVisible()
    window.step_all_button.click()
    popup = window.step_window
    popup.fit(ROOM)
    _settle()
    assert popup.text() == plain_text(window.step_label)
    assert popup.text().count("b5 ← ") == 1  # the last parameter's update is there
    assert popup.height() == ROOM.height()  # as tall as the projector allows
    # taller than that: it scrolls, and the scroll reaches the last line
    bar = popup.area.verticalScrollBar()
    hidden = popup.label.heightForWidth(popup.label.width()) - popup.area.viewport().height()
    assert hidden > 0 and bar.maximum() >= hidden and bar.isVisible()
    assert popup.area.horizontalScrollBar().maximum() == 0  # never sideways


def test_the_update_window_fits_its_screen_and_stays_on_it(qtbot: QtBot) -> None:
    window = _window(qtbot, "en", PROJECTOR, PATH)  # five features: taller than any screen
    window.vm.stepping = True
    window.vm.set_current(3)
    window.step_window_action.trigger()
    popup = window.step_window
    _settle()
    screen = window.screen().availableGeometry()
    assert popup.width() <= screen.width() and popup.height() <= screen.height()
    assert screen.contains(popup.frameGeometry())  # not hanging off the projector's edge
    assert popup.area.verticalScrollBar().maximum() > 0  # the rest scrolls into view
