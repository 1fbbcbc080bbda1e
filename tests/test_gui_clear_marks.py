"""What a class reads on the plots and in the text is not covered by what else is drawn: the data
plot's legend is off the residuals of η = 0.41's diverging run, the "k = … is off the plot"
remark off the objective's flat tail, the validation curve's "best λ" off both curves, and
Adam's m̂ and v̂ keep their hats — in both languages, at 1280×800 and on a 1024×768 projector
in classroom mode."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QComboBox, QLabel, QToolTip
from pytestqt.qtbot import QtBot

from gdapp.gui.accents import glyph_rects
from gdapp.gui.i18n import install_language
from gdapp.gui.lessons import scenes
from gdapp.gui.plot_base import RunPlotWidget
from gdapp.gui.screenshot import Shot, prepare
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

VIEWS = (Shot(size=(1280, 800)), Shot(size=(1024, 768), classroom=True))
VIEW_IDS = ["1280x800", "1024x768-classroom"]


@pytest.fixture(params=["en", "ko"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    install_language(request.param)
    yield request.param
    install_language("en")


def _scene(title: str) -> int:
    """The Lesson menu's number of the scene whose title starts with ``title``."""
    return next(i for i, s in enumerate(scenes()) if s.title.startswith(title)) + 1


def _window(qtbot: QtBot, shot: Shot) -> MainWindow:
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    prepare(window, shot)
    qtbot.wait(50)
    return window


def _pixels(view: pg.ViewBox, xs: np.ndarray, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    (x0, x1), (y0, y1) = view.viewRange()
    return ((np.asarray(xs, float) - x0) / (x1 - x0) * view.width(),
            (y1 - np.asarray(ys, float)) / (y1 - y0) * view.height())


def _segment_points(px: np.ndarray, py: np.ndarray, pairs: bool) -> tuple[np.ndarray, np.ndarray]:
    """Points every pixel or so along the drawn segments (consecutive points, or pairs)."""
    if px.size < 2:
        return px, py
    a = slice(0, None, 2) if pairs else slice(0, -1)
    b = slice(1, None, 2) if pairs else slice(1, None)
    x0, y0, x1, y1 = px[a], py[a], px[b], py[b]
    finite = np.isfinite(x0) & np.isfinite(y0) & np.isfinite(x1) & np.isfinite(y1)
    x0, y0, x1, y1 = x0[finite], y0[finite], x1[finite], y1[finite]
    # long segments are cut to a little beyond the view first (a diverged residual)
    x0, x1 = np.clip(x0, -5e3, 5e3), np.clip(x1, -5e3, 5e3)
    y0, y1 = np.clip(y0, -5e3, 5e3), np.clip(y1, -5e3, 5e3)
    t = np.linspace(0.0, 1.0, 401)
    return ((x0[:, None] + t * (x1 - x0)[:, None]).ravel(),
            (y0[:, None] + t * (y1 - y0)[:, None]).ravel())


def _drawn_under(view: pg.ViewBox, box: QRectF, items: list[pg.PlotDataItem]) -> int:
    """How many drawn points of ``items`` (lines sampled along their segments, pyqtgraph's
    "pairs" as separate segments; dots as they are) lie in ``box`` and inside the view."""
    hidden = 0
    for item in items:
        xs, ys = item.getData()
        if not item.isVisible() or xs is None or len(xs) == 0:
            continue
        px, py = _pixels(view, xs, ys)
        if item.opts.get("pen") is not None and len(xs) >= 2:
            px, py = _segment_points(px, py, pairs=item.opts.get("connect") == "pairs")
        shown = (px >= 0) & (px <= view.width()) & (py >= 0) & (py <= view.height())
        hidden += int(np.sum(shown & (px >= box.left()) & (px <= box.right())
                             & (py >= box.top()) & (py <= box.bottom())))
    return hidden


# 1. the data plot's legend --------------------------------------------------------------
@pytest.mark.parametrize("shot", VIEWS, ids=VIEW_IDS)
def test_the_data_plots_legend_never_covers_a_residual_of_the_diverging_run(
        language: str, shot: Shot, qtbot: QtBot) -> None:
    window = _window(qtbot, Shot(size=shot.size, classroom=shot.classroom,
                                 lesson=_scene("6.")))
    vm, plot = window.vm, window.data_plot
    assert vm.spec.learning_rate == 0.41
    vm.stepping = True
    last = vm.run.iterations
    # the start, the first swings, and the end: b1 of either sign, far beyond the view
    for k in (0, 1, 2, 3, 999, 1000, 1001, last - 1, last):
        vm.set_current(k)
        qtbot.wait(5)
        view = plot.plot_item.getViewBox()
        box = plot.legend.mapRectToItem(view, plot.legend.boundingRect())
        assert plot.legend.isVisible()
        drawn = [plot.residual_item, plot.line_item, plot.samples_item]
        assert _drawn_under(view, box, drawn) == 0, (k, box)
        # the other plots' "k = … is off the plot": clear of their curves, or not shown
        for other in (window.cost_plot, window.objective_plot):
            if other.off_plot.isVisible():
                _assert_remark_clear(other)
        if k == 1000 and not shot.classroom:
            assert window.objective_plot.off_plot.isVisible()


# 2. the off-plot remark on the objective plot -------------------------------------------
@pytest.mark.parametrize(("title", "shot"), [
    *((t, VIEWS[0]) for t in ("10.", "15.", "19.", "20.", "21.")),
    # on the projector scenes 10 and 21 give the objective plot's room to the path's dock
    *((t, VIEWS[1]) for t in ("15.", "19.", "20."))],
    ids=["10", "15", "19", "20", "21", "15-classroom", "19-classroom", "20-classroom"])
def test_the_off_plot_remark_leaves_the_objectives_curves_in_sight(
        language: str, title: str, shot: Shot, qtbot: QtBot) -> None:
    window = _window(qtbot, Shot(size=shot.size, classroom=shot.classroom,
                                 lesson=_scene(title)))
    plot = window.objective_plot
    assert plot.isVisible() and plot.off_plot.isVisible()
    _assert_remark_clear(plot)
    assert f"k = {window.vm.current}" in plot.off_plot.toPlainText()


def _assert_remark_clear(plot: RunPlotWidget) -> None:
    """The plot's off-plot remark lies inside the view, off its curves, paths and marks and
    off the legend."""
    view = plot.plot_item.getViewBox()
    remark = view.mapRectFromScene(plot.off_plot.textItem.sceneBoundingRect())
    assert remark.toRect() == plot.remark_rect().toRect()  # where it is drawn
    assert view.boundingRect().adjusted(-1, -1, 1, 1).contains(remark)
    drawn = [item for item in plot.plot_item.listDataItems()
             if item is not getattr(plot, "marker", None)]
    assert _drawn_under(view, remark, drawn) == 0, type(plot).__name__
    legend = plot.legend.mapRectToItem(view, plot.legend.boundingRect())
    assert not plot.legend.isVisible() or not legend.intersects(remark)


# 3. the validation curve's best λ -------------------------------------------------------
@pytest.mark.parametrize("shot", VIEWS, ids=VIEW_IDS)
def test_the_best_lambda_label_covers_neither_curve(language: str, shot: Shot,
                                                    qtbot: QtBot) -> None:
    window = _window(qtbot, Shot(size=shot.size, classroom=shot.classroom,
                                 lesson=_scene("21.")))
    validation = window.path_plot.validation
    assert validation.isVisible() and validation.curve is not None
    label = validation.best_label
    assert "λ = " in label.toPlainText()
    item = validation.plot.getPlotItem()
    view = item.getViewBox()
    if not label.isVisible():
        # a plot too crowded for it anywhere (a projector's small dock): after the title
        assert shot.classroom
        assert label.toPlainText() in item.titleLabel.text
        return
    box = view.mapRectFromScene(label.textItem.sceneBoundingRect())
    assert view.boundingRect().adjusted(-1, -1, 1, 1).contains(box)
    assert _drawn_under(view, box, [validation.train_item, validation.test_item]) == 0
    star = view.mapFromView(pg.Point(*validation.best_item.getData()[0][:1],
                                     *validation.best_item.getData()[1][:1]))
    assert not box.adjusted(-4, -4, 4, 4).contains(star)
    legend = item.legend.mapRectToItem(view, item.legend.boundingRect())
    assert not legend.intersects(box)
    # near enough to name the star: within a quarter of the view's diagonal
    centre = box.center()
    assert np.hypot(centre.x() - star.x(), centre.y() - star.y()) < 0.25 * np.hypot(
        view.width(), view.height())


# 4. Adam's m̂ and v̂ ----------------------------------------------------------------------
def misplaced_marks(text: str, rich: bool, font: QFont, width: float) -> list[str]:
    """The combining marks of ``text`` (as the label shows it: rich or plain, in ``font``,
    ``width`` pixels wide) that are not drawn over their letter: above their line, missing,
    or beside the letter."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    if rich:
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    doc.setTextWidth(width)
    doc.size()  # lays it out
    wrong: list[str] = []
    block = doc.begin()
    count = 0
    while block.isValid():
        layout, chars = block.layout(), block.text()
        for i, ch in enumerate(chars):
            if not "\u0300" <= ch <= "\u036f":
                continue
            count += 1
            line = layout.lineForTextPosition(i)
            bases = glyph_rects(layout, i - 1, 1)
            marks = [r for r in glyph_rects(layout, i, 1) if all(r != b for b in bases)]
            word = chars[max(0, i - 1):i + 1]
            if not bases or not marks:
                wrong.append(f"{word}: not drawn")
                continue
            base = bases[0]
            for mark in marks:
                if mark.isEmpty() or mark.top() < line.y() - 0.25 * line.height() \
                        or mark.bottom() > base.top() + 0.25 * base.height() + 1 \
                        or not base.left() - 2 <= mark.center().x() <= base.right() + 2:
                    wrong.append(f"{word}: mark at {mark}, letter at {base}, line {line.y()}")
        block = block.next()
    assert count > 0, "no combining mark in the text"
    return wrong


def _label_marks(label: QLabel) -> list[str]:
    rich = label.textFormat() == Qt.TextFormat.RichText
    return misplaced_marks(label.text(), rich, label.font(), max(label.width(), 200))


@pytest.mark.parametrize("shot", VIEWS, ids=VIEW_IDS)
def test_adams_m_hat_and_v_hat_keep_their_hats(language: str, shot: Shot,
                                               qtbot: QtBot) -> None:
    window = _window(qtbot, Shot(size=shot.size, classroom=shot.classroom,
                                 lesson=_scene("11."), step=3))
    lesson = window.lesson.text
    assert "m\u0302" in lesson.text() and "v\u0302" in lesson.text()
    assert _label_marks(lesson) == []
    step = window.step_label
    assert step.text().count("m\u0302") >= 4  # m̂ = … and d = m̂/(√v̂ + ε), per parameter
    assert _label_marks(step) == []


def test_the_optimizer_tooltip_draws_adams_hats(qtbot: QtBot) -> None:
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    combos = [c for c in window.findChildren(QComboBox) if c.findData("adam") >= 0]
    assert combos
    tip = combos[0].itemData(combos[0].findData("adam"), Qt.ItemDataRole.ToolTipRole)
    assert "m\u0302" in tip
    rich = Qt.mightBeRichText(tip)
    assert misplaced_marks(tip, rich, QToolTip.font(), 400) == []


def test_the_off_plot_remark_grows_with_classroom_mode(qtbot: QtBot) -> None:
    window = _window(qtbot, Shot(size=(1024, 768), classroom=True, lesson=_scene("15.")))
    plot = window.objective_plot
    assert plot.scale > 1 and plot.off_plot.isVisible()
    assert plot.off_plot.textItem.font().pointSizeF() == pytest.approx(8 * plot.scale)
    assert plot.legend_points == pytest.approx(8 * plot.scale)  # as large as the legend's


@pytest.mark.parametrize("title", ["11.", "18."])
def test_the_cost_maps_legend_is_off_the_path_where_the_axes_keep_equal_scales(
        title: str, qtbot: QtBot) -> None:
    # the map's view is wider than the one asked for: the legend is placed in the one shown
    window = _window(qtbot, Shot(size=(1280, 800), lesson=_scene(title)))
    plot = window.cost_plot
    view = plot.plot_item.getViewBox()
    assert plot.legend.isVisible()
    box = plot.legend.mapRectToItem(view, plot.legend.boundingRect())
    assert _drawn_under(view, box, [plot.path_item, plot.marker, plot.optimum_marker]) == 0
