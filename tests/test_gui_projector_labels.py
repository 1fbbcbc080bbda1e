"""What a class could still not read in the lesson's screenshots: the objective plot's axis
label cut to "objective E + λ·…" (and shrunk), the validation curve at a laptop's size in
classroom mode, the plots beside a long paragraph at 1024×768 a strip of 57 pixels, and five
features' update running together — in both languages. (The same checks of every scene are
``scene_checks.py``'s, in one walk per language and view.)"""

from __future__ import annotations

import re

import pytest
from pytestqt.qtbot import QtBot
from scene_checks import placed_along_the_view, points, readable, shown_plots
from scene_tour import settle, show

from gdapp.gui.i18n import install_language
from gdapp.gui.screenshot import Shot
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

#: Scenes (1-based, as the Lesson menu numbers them).
NOTE, PATH, OVERFITTING = 1, 10, 21


def _window(qtbot: QtBot, lang: str) -> MainWindow:
    install_language(lang)
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


# ---- the axis labels --------------------------------------------------------------------
def test_a_long_label_is_kept_where_it_fits(qtbot: QtBot) -> None:
    window = _window(qtbot, "en")
    show(window, Shot(size=(1600, 1000)), 9)  # a tall window: room for the formula
    text = window.objective_plot.plot_item.getAxis("left").labelText
    assert text.startswith("objective E + λ·") and "…" not in text


# ---- the validation curve at classroom size ---------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_validation_curve_follows_classroom_mode(qtbot: QtBot, lang: str) -> None:
    window = _window(qtbot, lang)
    show(window, "classroom", OVERFITTING)
    for plot in shown_plots(window):  # the path's label too, whole and in its place
        item = plot.getPlotItem()
        placed_along_the_view(item, item.getAxis("left"), "left", type(plot).__name__)
    validation = window.path_plot.validation
    assert validation.isVisible()
    zoom = window.zoom
    assert zoom > 1
    item = validation.plot.getPlotItem()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        assert axis.style["tickFont"].pointSizeF() == pytest.approx(9 * zoom)
        assert points(axis) == pytest.approx(9 * zoom)
        assert "…" not in axis.labelText
    # the title at 11 points times the zoom, smaller only where it would run past the plot
    title = float(item.titleLabel.opts["size"].removesuffix("pt"))
    assert 0.8 * 11 * zoom <= title <= 11 * zoom + 1e-6
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
    settle()
    assert item.getAxis("left").style["tickFont"].pointSizeF() == pytest.approx(9)
    assert validation.train_item.opts["pen"].widthF() == pytest.approx(2)


# ---- the plots beside a long paragraph at 1024×768 --------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_beside_the_l1_path_at_1024x768_the_right_columns_plots_are_readable(
        qtbot: QtBot, lang: str) -> None:
    window = _window(qtbot, lang)
    show(window, "1024×768", PATH)
    assert not window.classroom_layout and window.lesson.isVisible()
    readable(window, f"scene {PATH}")  # were 57 and 59 pixels under a paragraph of 170
    lesson = window.lesson
    assert lesson.scrolls()  # the paragraph scrolls instead
    assert lesson.height() >= lesson.minimumSizeHint().height()
    line = lesson.text.fontMetrics().lineSpacing()  # whole lines, none cut in half
    assert lesson.text_scroll.viewport().height() % line == 0
    # a window given more height gives the paragraph its room back
    window.resize(1024, 1000)
    settle()
    assert lesson.height() > 150
    readable(window, f"scene {PATH}")


# ---- the update of several parameters ----------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_each_parameters_block_of_the_update_stands_apart(qtbot: QtBot, lang: str) -> None:
    window = _window(qtbot, lang)
    show(window, "1280×800", PATH)  # five features, L1 with Adam
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
    show(window, "1280×800", NOTE)
    assert re.fullmatch(r"[^\n]+\n  ∂E/∂b1 = [^\n]+\n  b1 ← [^\n]+", window.step_label.text())
