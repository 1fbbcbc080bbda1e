"""What a new learning rate keeps (the cost curve, the optimum's star, the data's samples) is
copied from Qt's device cache instead of being drawn again: the same pixels on screen, and
exports drawn, never copied."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pyqtgraph.graphicsItems.PlotCurveItem import PlotCurveItem
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QGraphicsItem

from gdapp.core import RunSpec
from gdapp.gui.item_cache import drawn_parts, without_cache
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

QT_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
NONE = QGraphicsItem.CacheMode.NoCache


def _window(qtbot: Any, **fields: Any) -> MainWindow:
    spec = {"learning_rate": 0.9e-4, "max_iterations": 2000, **fields}
    window = MainWindow(RunViewModel(RunSpec(**spec)))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    _settle()
    return window


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _plots(window: MainWindow) -> list[Any]:
    return [window.cost_plot, window.objective_plot, window.data_plot]


def _image(window: MainWindow) -> QImage:
    return window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


@QT_NOISE
def test_the_kept_items_are_cached_and_not_painted_again_for_a_new_learning_rate(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    painted: list[int] = []
    paint = PlotCurveItem.paint

    def counted(item: PlotCurveItem, *args: Any) -> None:
        painted.append(id(item))
        paint(item, *args)

    monkeypatch.setattr(PlotCurveItem, "paint", counted)
    window = _window(qtbot)
    plot = window.cost_plot
    for item in (plot.cost_curve, plot.optimum_marker, window.data_plot.samples_item):
        assert {part.cacheMode() for part in drawn_parts(item)} == {CACHED}
    # what changes with η is drawn as before
    assert drawn_parts(plot.path_item)[0].cacheMode() == NONE
    assert drawn_parts(window.objective_plot.objective_curve)[0].cacheMode() == NONE
    curve = id(drawn_parts(plot.cost_curve)[0])
    path = id(drawn_parts(plot.path_item)[0])
    painted.clear()
    for eta in (1.0e-4, 1.001e-4, 1.002e-4):
        window.controls.eta.setValue(eta)
        _settle()
    assert path in painted  # the path moved and was drawn
    assert curve not in painted  # the cost curve, repainted where the path crossed it, was not


@QT_NOISE
@pytest.mark.parametrize("fields", [{}, {"optimizer": "adam", "learning_rate": 0.05},
                                    {"penalty": "l2", "lam": 0.5}])
def test_the_window_looks_the_same_with_and_without_the_cache(qtbot: Any,
                                                              fields: dict[str, Any]) -> None:
    window = _window(qtbot, **fields)
    for eta in (1.0e-4, 1.003e-4) if not fields.get("optimizer") else (0.06, 0.07):
        window.controls.eta.setValue(eta)
        _settle()
    cached = _image(window)
    restore = [without_cache(plot.plot_widget.scene()) for plot in _plots(window)]
    for plot in _plots(window):
        plot.plot_widget.viewport().update()
    _settle()
    assert _image(window) == cached
    for back in restore:
        back()
    assert drawn_parts(window.cost_plot.cost_curve)[0].cacheMode() == CACHED


@QT_NOISE
def test_an_export_draws_the_cached_items_and_leaves_the_cache_on(qtbot: Any,
                                                                  tmp_path: Path) -> None:
    window = _window(qtbot)
    window.controls.eta.setValue(1.0e-4)
    _settle()
    plot = window.cost_plot
    plot.export_image(str(tmp_path / "cost.svg"))
    svg = (tmp_path / "cost.svg").read_text(encoding="utf-8")
    assert "<image" not in svg and "<path" in svg  # vectors only, no screen pixmap
    plot.export_image(str(tmp_path / "cached.png"), width=900)
    restore = without_cache(plot.plot_widget.scene())
    plot.export_image(str(tmp_path / "drawn.png"), width=900)
    restore()
    assert QImage(str(tmp_path / "cached.png")) == QImage(str(tmp_path / "drawn.png"))
    assert drawn_parts(plot.cost_curve)[0].cacheMode() == CACHED
    assert drawn_parts(plot.optimum_marker)[0].cacheMode() == CACHED
