"""What a class could still not read in the lesson's screenshots: the objective plot's axis
label cut to "objective E + λ·…" (and shrunk), the validation curve at a laptop's size in
classroom mode, the plots beside a long paragraph at 1024×768 a strip of 57 pixels, and five
features' update running together — in both languages."""

from __future__ import annotations

import re

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gdapp.gui.i18n import install_language, tr
from gdapp.gui.lessons import scenes
from gdapp.gui.plot_room import view_height
from gdapp.gui.screenshot import Shot, prepare
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

#: Scenes (1-based, as the Lesson menu numbers them).
NOTE, PATH, OVERFITTING = 1, 10, 21
NORMAL, PROJECTOR = Shot(size=(1280, 800)), Shot(size=(1024, 768), classroom=True)
SMALL = Shot(size=(1024, 768))
#: A view box a class can read, in pixels (57 and 59 were the strips at 1024×768).
READABLE = 90
#: The scenes whose plots' axis labels were cut ("…") or shrunk, by view.
CUT = {"classroom": [3, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20],
       "1280×800": [10, 20, 21], "1024×768": [10, 15, 16, 18, 20, 21]}
#: Where the objective plot's own label was cut, as the last screenshots showed it.
OBJECTIVE_CUT = {("classroom", 9), ("classroom", 15), ("1280×800", 10)}
VIEWS = {"classroom": PROJECTOR, "1280×800": NORMAL, "1024×768": SMALL}


def _settle() -> None:
    """The layout's deferred steps (each a zero timer after the one before), in rounds of
    events, not of time."""
    for _ in range(24):
        QApplication.processEvents()


def _window(qtbot: QtBot, lang: str) -> MainWindow:
    install_language(lang)
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _show(window: MainWindow, shot: Shot, scene: int) -> None:
    at_start = scenes()[scene - 1].at_start
    prepare(window, Shot(size=shot.size, classroom=shot.classroom, lesson=scene,
                         step=3 if at_start else None))
    _settle()


def _points(axis: pg.AxisItem) -> float:
    return float(axis.labelStyle.get("font-size", "9pt").removesuffix("pt"))


def _shown_plots(window: MainWindow) -> list[pg.PlotWidget]:
    return [p for p in window.findChildren(pg.PlotWidget) if p.isVisible()]


def _placed_along_the_view(item: pg.PlotItem, axis: pg.AxisItem, side: str,
                           where: str) -> None:
    """The label lies along its view box (pyqtgraph places it only on a resize: a label
    shortened since was drawn off its place, "optimum bj*" cut to "num bj*")."""
    label = axis.label.mapRectToScene(axis.label.boundingRect())
    view = item.getViewBox().sceneBoundingRect()
    if side == "left":
        assert view.top() - 16 <= label.top() and label.bottom() <= view.bottom() + 16, where
    else:
        assert view.left() - 16 <= label.left() and label.right() <= view.right() + 16, where


# ---- the axis labels --------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("view", list(CUT))
def test_no_plots_axis_label_is_cut_or_shrunk_in_the_lesson(qtbot: QtBot, lang: str,
                                                             view: str) -> None:
    window = _window(qtbot, lang)
    shot = VIEWS[view]
    for scene in CUT[view]:
        _show(window, shot, scene)
        for plot in _shown_plots(window):
            item = plot.getPlotItem()
            for side, length in (("left", item.getViewBox().height()),
                                 ("bottom", item.getViewBox().width())):
                axis = item.getAxis(side)
                if not axis.isVisible() or not axis.labelText:
                    continue
                where = f"scene {scene}, {type(plot.parent()).__name__}, {side}"
                assert "…" not in axis.labelText, where
                assert _points(axis) >= 9 * window.zoom - 0.01, where
                assert axis.label.boundingRect().width() <= length + 16, where
                _placed_along_the_view(item, axis, side, where)
        if (view, scene) in OBJECTIVE_CUT:  # was "objective E + λ·|…", and small
            text = window.objective_plot.plot_item.getAxis("left").labelText
            assert text.startswith(tr("objective")), text  # the formula, else its name
            assert lang == "en" or text.startswith("목적함수")


def test_a_long_label_is_kept_where_it_fits(qtbot: QtBot) -> None:
    window = _window(qtbot, "en")
    _show(window, Shot(size=(1600, 1000)), 9)  # a tall window: room for the formula
    text = window.objective_plot.plot_item.getAxis("left").labelText
    assert text.startswith("objective E + λ·") and "…" not in text


# ---- the validation curve at classroom size ---------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_validation_curve_follows_classroom_mode(qtbot: QtBot, lang: str) -> None:
    window = _window(qtbot, lang)
    _show(window, PROJECTOR, OVERFITTING)
    for plot in _shown_plots(window):  # the path's label too, whole and in its place
        item = plot.getPlotItem()
        _placed_along_the_view(item, item.getAxis("left"), "left", type(plot).__name__)
    validation = window.path_plot.validation
    assert validation.isVisible()
    zoom = window.zoom
    assert zoom > 1
    item = validation.plot.getPlotItem()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        assert axis.style["tickFont"].pointSizeF() == pytest.approx(9 * zoom)
        assert _points(axis) == pytest.approx(9 * zoom)
        assert "…" not in axis.labelText
    assert float(item.titleLabel.opts["size"].removesuffix("pt")) == pytest.approx(11 * zoom)
    for curve in (validation.train_item, validation.test_item):
        assert curve.opts["pen"].widthF() == pytest.approx(2 * zoom)
    assert validation.best_item.opts["size"] == pytest.approx(16 * zoom)
    assert validation.best_label.textItem.font().pointSizeF() == pytest.approx(9 * zoom)
    # the legends' entries drawn at that size (pyqtgraph only noted it: still 8 points)
    for legend in (item.legend, window.path_plot.plots["l2"].getPlotItem().legend):
        assert legend.items
        for _, label in legend.items:
            assert f"font-size:{8 * zoom:g}pt" in label.item.toHtml()
    # and back to a laptop's size
    window.set_zoom(1.0)
    _settle()
    assert item.getAxis("left").style["tickFont"].pointSizeF() == pytest.approx(9)
    assert validation.train_item.opts["pen"].widthF() == pytest.approx(2)


# ---- the plots beside a long paragraph at 1024×768 --------------------------------------
def _readable(window: MainWindow, scene: int) -> None:
    cost = view_height(window.shown_cost_plot())
    assert cost >= READABLE, f"scene {scene}: the cost plot's view is {cost:.0f} pixels"
    if window.objective_plot.isVisible():
        objective = view_height(window.objective_plot)
        assert objective >= READABLE, f"scene {scene}: the objective's view is {objective:.0f}"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_beside_the_l1_path_at_1024x768_the_right_columns_plots_are_readable(
        qtbot: QtBot, lang: str) -> None:
    window = _window(qtbot, lang)
    _show(window, SMALL, PATH)
    assert not window.classroom_layout and window.lesson.isVisible()
    _readable(window, PATH)  # were 57 and 59 pixels under a paragraph of 170
    lesson = window.lesson
    assert lesson.scrolls()  # the paragraph scrolls instead
    assert lesson.height() >= lesson.minimumSizeHint().height()
    line = lesson.text.fontMetrics().lineSpacing()  # whole lines, none cut in half
    assert lesson.text_scroll.viewport().height() % line == 0
    # a window given more height gives the paragraph its room back
    window.resize(1024, 1000)
    _settle()
    assert lesson.height() > 150
    _readable(window, PATH)


def test_every_scene_at_1024x768_keeps_the_plots_readable(qtbot: QtBot) -> None:
    window = _window(qtbot, "en")
    lesson = window.lesson
    line = lesson.text.fontMetrics().lineSpacing()
    for scene in range(1, len(scenes()) + 1):
        _show(window, SMALL, scene)
        _readable(window, scene)
        if lesson.scrolls():  # whole lines, none cut in half (scene 15 cut one)
            assert lesson.text_scroll.viewport().height() % line == 0, f"scene {scene}"


# ---- the update of several parameters ----------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_each_parameters_block_of_the_update_stands_apart(qtbot: QtBot, lang: str) -> None:
    window = _window(qtbot, lang)
    _show(window, NORMAL, PATH)  # five features, L1 with Adam
    text = window.step_label.text()
    head, *blocks = text.split("\n\n")
    names = window.vm.spec.param_names
    assert len(blocks) == len(names) - 1 == 5  # b0's block follows the heading
    for j, block in enumerate([head.split("\n", 1)[1], *blocks]):
        lines = block.split("\n")
        assert lines[0].strip().startswith(f"∂E/∂{names[j]} = "), lines[0]
        assert any(line.strip().startswith(f"{names[j]} ← ") for line in lines)
        assert "" not in lines
    # the note's step keeps its three lines
    _show(window, NORMAL, NOTE)
    assert re.fullmatch(r"[^\n]+\n  ∂E/∂b1 = [^\n]+\n  b1 ← [^\n]+", window.step_label.text())
