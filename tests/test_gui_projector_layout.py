"""On a projector with a lesson open: at 1024×768 in classroom mode and at 1280×800, with the
lesson's paragraph, a long warning or the regularization path's dock, in both languages, no
text is cut at its widget's edge and the toolbars share their room. (The grid's whole rows
beside a lesson are checked in the scene walk: ``scene_checks_more.py``.)"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gdapp.gui.fitted_label import FittedLabel
from gdapp.gui.i18n import install_language
from gdapp.gui.lessons import all_scenes
from gdapp.gui.lessons_more import scene_groups
from gdapp.gui.screenshot import Shot, prepare
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

#: Scenes (1-based): the note's step from 15 (one parameter), the L1 path (its dock shown,
#: five features), the optimizers on one cost and the students who passed or failed (a long
#: status and warning).
NOTE_STEP, PATH, OPTIMIZERS = 3, 10, 11
CLASSES = next(r.stop for title, r in scene_groups(len(all_scenes()))  # the group's last
               if "lassification" in title)
VIEWS = {"classroom 1024×768": Shot(size=(1024, 768), classroom=True),
         "1280×800": Shot(size=(1280, 800))}


def _window(qtbot: QtBot, lang: str, view: str, scene: int) -> MainWindow:
    install_language(lang)
    window = MainWindow(RunViewModel())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    shot = VIEWS[view]
    prepare(window, Shot(size=shot.size, classroom=shot.classroom, lesson=scene))
    qtbot.wait(60)  # laid out, and the grid placed in whole rows
    settle()
    return window


def settle() -> None:
    """Let the layout's deferred steps run (the grid's bands, then the room they take:
    each a zero timer after the one before), in rounds of events, not of time."""
    for _ in range(12):
        QApplication.processEvents()


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("scene", [PATH, CLASSES])
def test_no_text_is_cut_at_its_widgets_edge(qtbot: QtBot, lang: str, scene: int) -> None:
    window = _window(qtbot, lang, "classroom 1024×768", scene)
    for label in window.findChildren(QLabel):
        if label.isVisible() and not label.wordWrap() and label.text():
            assert label.sizeHint().width() <= label.width() + 1, label.text()
    # the status and its warning keep to two lines each (the status to three where what the
    # lessons point at needs them: scene 10's optimum); the whole text is their tooltip
    lines = window.status_label.fontMetrics().lineSpacing()
    for label in (window.status_label, window.warning_label):
        assert label.height() <= (2 + label.spare_lines) * lines + 2
        if label.is_cut():
            assert label.toolTip() == label.text() and label.shown_text().endswith("…")
    if scene == CLASSES:  # the long warning, which filled the area before (then its first
        warning = window.warning_label  # words, "…"): in fewer words, whole, its advice first
        assert not warning.is_cut() and warning.shown_text() != warning.text()
        assert warning.toolTip() == warning.text()
    # the lesson's paragraph is whole, or scrolls to its last line: never cut for good
    paragraph = window.lesson.text
    scroll = window.lesson.text_scroll
    hidden = paragraph.heightForWidth(paragraph.width()) - scroll.viewport().height()
    assert hidden <= 0 or scroll.verticalScrollBar().maximum() >= hidden
    # the objective plot's axis label fits along its axis ("…and test co" was cut)
    items = [window.objective_plot.plot_item]
    if scene == PATH:  # and the regularization path's ("…cient at the exact op…" was cut)
        items += [plot.getPlotItem() for plot in window.path_plot.plots.values()]
    for item in items:
        label = item.getAxis("left").label
        assert label.boundingRect().width() <= item.getViewBox().height() + 20


def test_the_toolbars_share_one_row_where_they_fit(qtbot: QtBot) -> None:
    window = _window(qtbot, "en", "classroom 1024×768", NOTE_STEP)
    assert window.file_toolbar.y() == window.toolbar.y()  # one row: the grid keeps it
    window.resize(700, 768)
    qtbot.wait(30)
    assert window.toolbar.y() > window.file_toolbar.y()  # two rows, nothing behind »


def test_a_fitted_label_keeps_to_its_lines(qtbot: QtBot) -> None:
    label = FittedLabel(2)
    qtbot.addWidget(label)
    label.resize(200, 200)
    label.show()
    text = "a long status line " * 20
    label.setText(text)
    assert label.text() == text and label.is_cut()
    assert label.shown_text().count("\n") == 1 and label.shown_text().endswith("…")
    assert label.heightForWidth(200) <= 2 * label.fontMetrics().lineSpacing() + 2
    assert label.toolTip() == text
    label.setText("short")
    assert not label.is_cut() and label.shown_text() == "short" and label.toolTip() == ""


def test_in_classroom_mode_the_path_dock_takes_the_data_views_place(qtbot: QtBot) -> None:
    window = _window(qtbot, "en", "classroom 1024×768", PATH)
    assert window.path_dock.isVisible() and not window.data_plots.isVisible()
    assert window.path_dock.height() >= 0.28 * window.height()  # a plot, not a strip
    # the objective plot folds too: the cost plot beside the lesson is a plot, not a strip
    assert not window.objective_plot.isVisible()
    assert window.cost_slice.plot_item.getViewBox().height() >= 120
    window.path_dock.close()
    assert window.data_plots.isVisible() and window.objective_plot.isVisible()
    window.set_zoom(1.0)
    window.path_dock.show()
    assert window.data_plots.isVisible()  # out of classroom mode there is room for both


def test_in_classroom_mode_the_optimizers_scene_folds_the_data_and_objective_views(
        qtbot: QtBot) -> None:
    """Scene 11 gives its map the plots' column and Adam's first block the numbers' (the
    scene walk checks the room); closing the lesson, leaving classroom mode or another scene
    brings the two views back."""
    window = _window(qtbot, "en", "classroom 1024×768", OPTIMIZERS)
    assert not window.data_plots.isVisible() and not window.objective_plot.isVisible()
    window.lesson.close_button.click()
    assert window.data_plots.isVisible() and window.objective_plot.isVisible()
    window.show_scene(OPTIMIZERS - 1)
    assert not window.data_plots.isVisible()
    window.show_scene(OPTIMIZERS)  # the next scene folds nothing
    assert window.data_plots.isVisible() and window.objective_plot.isVisible()
    window.show_scene(OPTIMIZERS - 1)
    window.set_zoom(1.0)  # a laptop's window has room for every view
    assert window.data_plots.isVisible() and window.objective_plot.isVisible()
