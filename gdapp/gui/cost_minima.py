"""The cost curve of a cost with many valleys, and starting a run from a click.

For the ``sine`` model (ŷ = sin(b1·x)) the cost plot draws the objective over the whole
searched range (:data:`gdapp.core.models.SEARCH_RANGE`, widened to hold the path), so every
valley shows; :class:`MinimaMarkers` puts a mark on each local minimum the core's dense search
found (``Run.optimum.local_minima``) and labels the global one.

:class:`ClickToStart`: a click (not a drag) on the cost plot starts a new run from where it
landed: on a curve of one parameter b1 from the clicked b1 (the learner picks a valley), on
the contour map of the ``line`` model from the clicked (b0, b1). The value is rounded to what
a click can mean (about a thousandth of the view's width).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt

from gdapp.core import Run
from gdapp.core.models import MODEL_RULES, SEARCH_RANGE
from gdapp.gui.i18n import tr
from gdapp.gui.plot_base import FloatArray, pen

if TYPE_CHECKING:
    from gdapp.gui.viewmodel import RunViewModel

LOCAL_COLOR = "#ff7f0e"
GLOBAL_LABEL_COLOR = "#145214"


def one_parameter(model: str) -> bool:
    """Whether the cost plot draws a curve over b1 (a model without an intercept: origin,
    sine), not a map over (b0, b1) (line, logistic)."""
    return not MODEL_RULES[model].intercept


def curve_range(run: Run, path: FloatArray) -> tuple[float, float] | None:
    """The b1 range of a cost with many valleys: the searched range, widened to hold the
    path; None for the other models (their view follows the optimum and the path)."""
    if MODEL_RULES[run.spec.model].exact != "dense search":
        return None
    finite = path[np.isfinite(path)]
    lo = min(SEARCH_RANGE[0], float(finite.min())) if finite.size else SEARCH_RANGE[0]
    hi = max(SEARCH_RANGE[1], float(finite.max())) if finite.size else SEARCH_RANGE[1]
    pad = 0.02 * (hi - lo)
    return lo - pad, hi + pad


class MinimaMarkers:
    """A diamond on every local minimum of the run's objective and a label on the global
    one. Items: ``local_item`` (the diamonds) and ``global_label`` (a labelled vertical
    line through the global minimum)."""

    def __init__(self, plot_item: pg.PlotItem) -> None:
        self.local_item = pg.PlotDataItem(
            pen=None, symbol="d", symbolSize=12, symbolBrush=pg.mkBrush(LOCAL_COLOR),
            symbolPen=pen("#7a3c00", 1))
        self.local_item.setZValue(6.5)
        # the global minimum: a thin vertical line through its star, labelled high up,
        # clear of the valleys' bottoms (where the path, the marker and the tangent are)
        self.global_label = pg.InfiniteLine(
            angle=90, movable=False, pen=pen(GLOBAL_LABEL_COLOR, 1, Qt.PenStyle.DotLine),
            label="", labelOpts={"position": 0.72, "color": GLOBAL_LABEL_COLOR,
                                 "fill": pg.mkBrush(255, 255, 255, 220), "movable": False})
        self.global_label.setZValue(0.5)
        plot_item.addItem(self.local_item)
        plot_item.addItem(self.global_label, ignoreBounds=True)
        self.minima: list[tuple[float, float]] = []
        self._drawn = True  # whether local_item may hold points (the first draw clears it)

    def draw(self, run: Run) -> None:
        """Mark ``run``'s local minima (b1, objective) when it has several, else nothing."""
        opt = run.optimum
        bottoms = [m for m in opt.local_minima if len(m) == 1]
        shown = len(bottoms) > 1 and one_parameter(run.spec.model)
        self.minima = []
        if shown:
            from gdapp.core import Objective  # the objective's heights at the bottoms
            s = run.spec
            obj = Objective.of(s)
            b = np.asarray([m[0] for m in bottoms], dtype=np.float64)
            heights = obj.value(b[:, None])
            self.minima = [(float(x), float(y)) for x, y in zip(b, heights, strict=True)]
        # none before and none now (the usual new learning rate): nothing to hand pyqtgraph
        if self.minima or self._drawn:
            self.local_item.setData([m[0] for m in self.minima], [m[1] for m in self.minima])
        self._drawn = bool(self.minima)
        self.local_item.setVisible(shown)
        best = opt.params
        if shown and best is not None and opt.objective is not None:
            self.global_label.label.setFormat(
                tr("global minimum b1 = {b}").format(b=f"{best[0]:.4g}"))
            self.global_label.setPos(float(best[0]))
            self.global_label.setVisible(True)
        else:
            self.global_label.setVisible(False)

    def legend_entry(self) -> tuple[object, str] | None:
        """The legend's line for the diamonds, when they are shown."""
        if not self.minima:
            return None
        return (self.local_item, tr("local minima ({n}, dense search)").format(
            n=len(self.minima)))

    def set_scale(self, scale: float) -> None:
        """Classroom mode: the label's font ``scale`` times its size."""
        label = self.global_label.label
        font = label.textItem.font()
        font.setPointSizeF(9 * scale)
        label.setFont(font)


def rounded(value: float, span: float) -> float:
    """``value`` to about a thousandth of ``span`` (a click cannot mean more digits)."""
    if not math.isfinite(span) or span <= 0:
        return value
    digits = max(0, 3 - math.floor(math.log10(span)))
    return round(value, digits)


class ClickToStart:
    """A left click on the plot starts a run there (see the module docstring)."""

    def __init__(self, plot_widget: pg.PlotWidget, vm: RunViewModel,
                 above: Callable[[], tuple[Any, ...]] = tuple) -> None:
        self._plot_widget = plot_widget
        self._vm = vm
        #: the items drawn over the view (the legend) that a click on does not start a run
        self._above = above
        plot_widget.scene().sigMouseClicked.connect(self._on_click)
        plot_widget.setToolTip(plot_widget.toolTip() + " · " + tr(
            "click: start a run from the clicked point"))

    def _on_click(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double() or \
                event.isAccepted():  # an item took it (the "A" button, the legend)
            return
        vb = self._plot_widget.getPlotItem().getViewBox()
        pos = event.scenePos()
        if not vb.sceneBoundingRect().contains(pos) or any(
                item.isVisible() and item.sceneBoundingRect().contains(pos)
                for item in self._above()):
            return  # on an axis, the title, the note or the legend
        self.start_at(vb.mapSceneToView(pos))
        event.accept()

    def start_at(self, point: QPointF) -> bool:
        """Start the run from the plot's ``point`` (view coordinates); False when refused."""
        (x0, x1), (y0, y1) = self._plot_widget.getPlotItem().getViewBox().viewRange()
        spec = self._vm.pending_spec or self._vm.spec
        b = rounded(point.x(), x1 - x0)
        start = (b,) if one_parameter(spec.model) else (b, rounded(point.y(), y1 - y0))
        self._vm.stepping = False
        return self._vm.update(start=start)
