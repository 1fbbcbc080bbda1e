"""The cost and objective plots name what they draw in the lesson scenes where they did not,
at 1280×800 and on a 1024×768 projector in classroom mode, in both languages: a legend too
large for its view, or with no free corner, sits under the plot instead of being hidden
(scene 8's cost curve on the projector had no legend at all); the cost map's legend names
its contour lines and its arrow; the regularization path's legends are as dark as the
others'. One window per language and view walks through those scenes."""

from __future__ import annotations

from collections.abc import Iterator

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from test_gui_legends import run_plot_points_under_legend

from gdapp.gui.i18n import install_language
from gdapp.gui.lessons import scenes
from gdapp.gui.plot_base import RunPlotWidget
from gdapp.gui.screenshot import Shot, prepare
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

VIEWS = {"1280x800": Shot(size=(1280, 800)),
         "1024x768-classroom": Shot(size=(1024, 768), classroom=True)}
#: The scenes whose cost plot had its legend hidden, per view.
SCENES = {"1280x800": (8, 9, 14, 21), "1024x768-classroom": (4, 6, 7, 8, 9, 11, 12)}
#: A view box under a legend laid out under the plot keeps at least this many pixels.
LEAST_VIEW = 60


@pytest.fixture(scope="module", params=[(lang, view) for lang in ("en", "ko") for view in VIEWS],
                ids=lambda p: f"{p[0]}-{p[1]}")
def window(request: pytest.FixtureRequest, qapp: object) -> Iterator[MainWindow]:
    lang, view = request.param
    install_language(lang)
    shown = MainWindow(RunViewModel(), store=None)
    shown.show()
    shown.shot = VIEWS[view]
    shown.scenes = SCENES[view]
    yield shown
    shown.close()
    shown.deleteLater()
    install_language("en")


def _settled(window: MainWindow) -> bool:
    for _ in range(5):
        QCoreApplication.processEvents()
    return not window.plot_room._pending and not any(
        getattr(p, "_layout_pending", False) for p in window.findChildren(RunPlotWidget))


def _show(window: MainWindow, qtbot: QtBot, number: int) -> None:
    shot = window.shot
    prepare(window, Shot(size=shot.size, classroom=shot.classroom, lesson=number,
                         step=3 if scenes()[number - 1].at_start else None))
    try:
        qtbot.waitUntil(lambda: _settled(window), timeout=3000)
    except Exception as error:
        raise AssertionError(f"scene {number} never settles") from error


def test_every_run_plot_names_its_curves_without_covering_them(window: MainWindow,
                                                                qtbot: QtBot) -> None:
    checked, problems = 0, []
    for number in window.scenes:
        _show(window, qtbot, number)
        for plot in window.findChildren(RunPlotWidget):
            if not plot.isVisible() or not plot._legend_entries or \
                    type(plot).__name__ in ("PolynomialPlot", "DataPlot"):
                continue
            where = (number, type(plot).__name__)
            view = plot.plot_item.getViewBox()
            if not plot.legend.isVisible():
                problems.append((*where, "hidden"))
            elif getattr(plot, "_legend_outside", False):
                # under the plot: below the view box, within the plot's width, the view
                # above it still a plot
                box = plot.legend.mapRectToItem(plot.plot_item, plot.legend.boundingRect())
                if box.top() < view.geometry().bottom() or box.left() < 0 or \
                        box.right() > plot.plot_item.width() + 1 or view.height() < LEAST_VIEW:
                    problems.append((*where, "under", box, view.height()))
            elif run_plot_points_under_legend(plot):
                problems.append((*where, "covers", run_plot_points_under_legend(plot)))
            checked += 1
    assert not problems
    assert checked >= 2 * len(window.scenes)


def test_the_cost_map_names_its_lines_and_its_arrow(window: MainWindow, qtbot: QtBot) -> None:
    number = next(i for i, s in enumerate(scenes()) if s.title.startswith("11.")) + 1
    _show(window, qtbot, number)
    plot = window.cost_plot
    assert plot.legend.isVisible() and getattr(plot, "_legend_outside", False)
    items = [item for item, _ in plot._legend_entries]
    assert {getattr(plot.contour, "lines_sample", None),
            getattr(plot.contour, "arrow_sample", None)} <= set(items)
    shown = [label.text for _, label in plot.legend.items]
    assert any(("contour" in t) or ("등고선" in t) for t in shown), shown


def test_the_path_legends_are_dark(window: MainWindow, qtbot: QtBot) -> None:
    number = next(i for i, s in enumerate(scenes()) if s.path) + 1
    _show(window, qtbot, number)
    legends = [p.getPlotItem().legend for p in window.path_plot.plots.values()]
    legends.append(window.path_plot.validation.plot.getPlotItem().legend)
    for legend in legends:
        assert isinstance(legend, pg.LegendItem) and legend.items
        for _, label in legend.items:
            # (None: pyqtgraph's default, its faint grey foreground)
            color = label.opts["color"] or pg.getConfigOption("foreground")
            assert QColor(pg.mkColor(color)).name() == "#222222", label.text
