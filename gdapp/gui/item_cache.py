"""Curves and marks a new learning rate leaves as they are, painted from a picture of them.

A new η redraws the path, the current iterate's marks, the legend's label and the other
plots; the cost curve, the optimum's star and the data's samples stay. They are painted again
all the same wherever a changed item's region overlaps them (the path runs along the cost
curve, the legend sits on its arm): the cost curve's 400 samples stroked as 400 segments of a
2-pixel pen, the star and the samples through pyqtgraph's scatter item. With Qt's device
cache (``QGraphicsItem.DeviceCoordinateCache``) such an item is painted once into a pixmap of
its screen pixels and copied from it afterwards; a change of its data, pen or the view's
range repaints the pixmap. The pixels are the same (a test compares the window's images),
also at a device pixel ratio of 2.

An exported image must not be a copy of a screen pixmap (an SVG would hold a bitmap, a PNG of
another width a scaled picture): :func:`without_cache` switches the cache off while a plot is
exported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

#: Per plot class (by name, also for its subclasses): the items a new learning rate keeps.
UNCHANGED_BY_ETA: dict[str, tuple[str, ...]] = {
    "CostCurvePlot": ("cost_curve", "penalty_curve", "objective_curve", "optimum_marker"),
    "DataPlot": ("samples_item",),
}

_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
_NONE = QGraphicsItem.CacheMode.NoCache


def drawn_parts(item: Any) -> list[QGraphicsItem]:
    """The items that paint ``item``: a pyqtgraph data item's line and symbols (its own
    ``paint`` draws nothing), else the item itself."""
    parts = [getattr(item, name, None) for name in ("curve", "scatter")]
    found = [part for part in parts if isinstance(part, QGraphicsItem)]
    return found or [item]


def cache_unchanged(plot: object) -> list[QGraphicsItem]:
    """Give the items of ``plot`` that a new learning rate keeps (:data:`UNCHANGED_BY_ETA`)
    Qt's device cache; return the items now cached."""
    cached: list[QGraphicsItem] = []
    for cls in type(plot).__mro__:
        for name in UNCHANGED_BY_ETA.get(cls.__name__, ()):
            item = getattr(plot, name, None)
            if item is None:
                continue
            for part in drawn_parts(item):
                part.setCacheMode(_CACHED)
                cached.append(part)
    return cached


def without_cache(scene: QGraphicsScene | None) -> Callable[[], None]:
    """Switch off the cache of every item of ``scene`` (for an export); return the function
    that switches it back on."""
    if scene is None:
        return lambda: None
    modes = [(item, item.cacheMode()) for item in scene.items() if item.cacheMode() != _NONE]
    for item, _ in modes:
        item.setCacheMode(_NONE)

    def restore() -> None:
        for item, mode in modes:
            item.setCacheMode(mode)

    return restore
