"""Legends a class can read: never over a curve, never wider than their plot — the
regularization path's (scene 10) at 1280×800 and on a 1024×768 projector in classroom mode,
in both languages."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
import pytest
from pytestqt.qtbot import QtBot

from gdapp.gui.i18n import install_language
from gdapp.gui.lessons import scenes
from gdapp.gui.plot_base import RunPlotWidget
from gdapp.gui.screenshot import Shot, prepare
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

VIEWS = (Shot(size=(1280, 800)), Shot(size=(1024, 768), classroom=True))


@pytest.fixture(params=["en", "ko"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    install_language(request.param)
    yield request.param
    install_language("en")


def curve_points_under_legend(plot: pg.PlotWidget) -> int:
    """How many drawn points of the plot's curves the legend's box covers (pixels of the
    view box; each curve sampled at its data points and between them, as displayed: log10 λ
    on the path's axis)."""
    item = plot.getPlotItem()
    view = item.getViewBox()
    box = item.legend.mapRectToItem(view, item.legend.boundingRect())
    (x0, x1), (y0, y1) = view.viewRange()
    hidden = 0
    t = np.linspace(0.0, 1.0, 6)[:-1]
    for curve in item.listDataItems():
        xs, ys = curve.getData()
        if xs is None or len(xs) < 2:
            continue
        # between the points too (a line between two points outside the box may cross it)
        fx = (xs[:-1, None] + t * (xs[1:] - xs[:-1])[:, None]).ravel()
        fy = (ys[:-1, None] + t * (ys[1:] - ys[:-1])[:, None]).ravel()
        px = (fx - x0) / (x1 - x0) * view.width()
        py = (y1 - fy) / (y1 - y0) * view.height()
        hidden += int(np.sum((px >= box.left()) & (px <= box.right()) & (py >= box.top())
                             & (py <= box.bottom())))
    return hidden


@pytest.mark.parametrize("shot", VIEWS, ids=["1280x800", "1024x768-classroom"])
def test_the_path_legend_is_beside_the_curves_and_inside_its_plot(
        language: str, shot: Shot, qtbot: QtBot) -> None:
    """Beside the view, not in a band above the curves (which took half of a 100-pixel view:
    the curves lay in a flat strip under it)."""
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    index = next(i for i, s in enumerate(scenes()) if s.path and not s.changes.get("holdout"))
    prepare(window, Shot(size=shot.size, classroom=shot.classroom, lesson=index + 1))
    qtbot.wait(50)
    for penalty, plot in window.path_plot.plots.items():
        item = plot.getPlotItem()
        view = item.getViewBox()
        assert view.height() > 40, penalty
        box = item.legend.mapRectToItem(item, item.legend.boundingRect())
        edge = view.geometry().right()
        assert edge <= box.left() and box.right() <= item.width() + 1, (penalty, box, edge)
        assert box.bottom() <= item.height(), (penalty, box, item.height())
        assert curve_points_under_legend(plot) == 0, penalty


def run_plot_points_under_legend(plot: RunPlotWidget) -> int:
    """How many drawn points of a run plot's visible curves and marks its legend covers."""
    if not plot.legend.isVisible():
        return 0
    item = plot.plot_item
    view = item.getViewBox()
    box = plot.legend.mapRectToItem(view, plot.legend.boundingRect())
    (x0, x1), (y0, y1) = view.viewRange()
    t = np.linspace(0.0, 1.0, 6)[:-1]
    hidden = 0
    for curve in item.listDataItems():
        xs, ys = curve.getData()
        if not curve.isVisible() or xs is None or len(xs) == 0:
            continue
        xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
        if len(xs) >= 2 and curve.curve.isVisible() and curve.opts.get("pen") is not None:
            xs = (xs[:-1, None] + t * (xs[1:] - xs[:-1])[:, None]).ravel()
            ys = (ys[:-1, None] + t * (ys[1:] - ys[:-1])[:, None]).ravel()
        px = (xs - x0) / (x1 - x0) * view.width()
        py = (y1 - ys) / (y1 - y0) * view.height()
        hidden += int(np.sum((px >= box.left()) & (px <= box.right()) & (py >= box.top())
                             & (py <= box.bottom())))
    return hidden


@pytest.mark.parametrize(("title", "shot", "plots"), [
    ("6.", Shot(size=(1024, 768), classroom=True, step=3), ("objective_plot",)),
    ("9.", Shot(size=(1280, 800)), ("objective_plot",)),
    # on a projector the pinned run's long label ("— its own objective …") is cut at its
    # " — " rather than the legend hidden: the class still tells L1 from L2
    ("9.", Shot(size=(1024, 768), classroom=True), ("objective_plot",)),
    ("15.", Shot(size=(1280, 800)), ("cost_slice", "objective_plot")),
], ids=["scene-6-classroom", "scene-9", "scene-9-classroom", "scene-15"])
def test_the_run_plots_legends_are_off_the_curves(language: str, title: str, shot: Shot,
                                                  plots: tuple[str, ...],
                                                  qtbot: QtBot) -> None:
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    index = next(i for i, s in enumerate(scenes()) if s.title.startswith(title))
    prepare(window, Shot(size=shot.size, classroom=shot.classroom, lesson=index + 1,
                         step=shot.step))
    qtbot.wait(50)
    for name in plots:
        plot = getattr(window, name)
        assert plot.isVisible() and plot.legend.isVisible(), name
        assert run_plot_points_under_legend(plot) == 0, name


def test_a_cut_legend_keeps_the_whole_labels_in_the_tooltip(qtbot: QtBot) -> None:
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    index = next(i for i, s in enumerate(scenes()) if s.title.startswith("9."))
    prepare(window, Shot(size=(1024, 768), classroom=True, lesson=index + 1))
    qtbot.wait(50)
    plot = window.objective_plot
    shown = [label.text for _, label in plot.legend.items]
    assert shown[1] == "L2 λ = 15, η = 0.01"  # cut at its " — "
    assert "its own objective" in plot.plot_item.getViewBox().toolTip()
