"""The data view of a classifier (the model entry's ``view = "logistic"``): logistic
regression, p = σ(b0 + b1·x1 + … + bp·xp).

The samples are drawn by class, in two colours *and* two marker shapes (a class can be told
apart in print and by a colour-blind reader): y = 0 as orange circles, y = 1 as green
triangles. A sample iterate k gets wrong — (p ≥ 0.5) ≠ y — is ringed in dark red, so the
count of rings falls as the accuracy rises.

* **One feature**: the samples at heights 0 and 1 over x, and the S-curve p = σ(b0 + b1·x)
  of iterate k; where it crosses p = 0.5 (x = −b0/b1, the decision boundary of one
  feature) a dashed vertical line and a dot mark it.
* **Two features**: the samples in the plane (x1, x2) and the decision boundary
  b0 + b1·x1 + b2·x2 = 0 of iterate k, the line where p = 0.5, which moves as one steps.
* **More features**: no plane holds them; each sample's p of iterate k is drawn over the
  sample's number, with the line p = 0.5 that decides its class.

The view is fixed per run (the samples' extent), so the curve and the boundary move, not the
axes — except that a boundary of two features lying near the samples (the first steps from
b = 0) widens the view to it (:mod:`gdapp.gui.boundary_reach`); a farther one is named by a
remark with its direction. :class:`LogisticLayer` owns these items on the data plot's plot
item and is shown instead of the regression's line and residuals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from gdapp.core import Run
from gdapp.core.costs import sigmoid
from gdapp.core.models import model_rule
from gdapp.gui.boundary_reach import side, widened
from gdapp.gui.i18n import tr
from gdapp.gui.plot_base import FloatArray, current_color, padded, pen
from gdapp.gui.plot_legend import HIDES_CURRENT

if TYPE_CHECKING:
    from gdapp.gui.data_plot import DataPlot

#: Class 0 and class 1: colour (ColorBrewer's Dark2, safe for colour-blind readers) and shape.
CLASS_STYLE = (("#d95f02", "o"), ("#1b9e77", "t1"))
WRONG_COLOR = "#8b0000"
#: The share of the view's height kept free above the samples for the legend (at least).
LEGEND_ROOM = 0.3
#: At most this many samples are drawn (an even stride through the rest).
MAX_DOTS = 5_000
#: Points along the S-curve.
CURVE_SAMPLES = 400


def probabilities(run: Run, k: int, X: FloatArray) -> FloatArray:
    """p = σ(z) of iterate k at the rows of ``X`` (n, p), the engine's own score."""
    rule = model_rule(run.spec.model)
    z = rule.raw(run.params[k][None, :], X)[0]
    return np.asarray(sigmoid(z), dtype=np.float64)


def crossing(run: Run, k: int) -> float | None:
    """One feature: the x where p = 0.5 (b0 + b1·x = 0), None when b1 = 0."""
    b0, b1 = (float(v) for v in run.params[k][:2])
    return -b0 / b1 if b1 != 0.0 else None


def boundary_ends(b: FloatArray, view: tuple[float, float, float, float]
                  ) -> tuple[FloatArray, FloatArray]:
    """Two features: the line b0 + b1·x1 + b2·x2 = 0 cut to ``view`` = (x0, x1, y0, y1);
    empty when it misses the view or is undefined (b1 = b2 = 0)."""
    b0, b1, b2 = (float(v) for v in b[:3])
    x0, x1, y0, y1 = view
    points: list[tuple[float, float]] = []
    if b2 != 0.0:  # x2 = −(b0 + b1·x1)/b2 at the left and right edges
        for x in (x0, x1):
            y = -(b0 + b1 * x) / b2
            if y0 <= y <= y1:
                points.append((x, y))
    if b1 != 0.0:  # x1 = −(b0 + b2·x2)/b1 at the bottom and top edges
        for y in (y0, y1):
            x = -(b0 + b2 * y) / b1
            if x0 <= x <= x1:
                points.append((x, y))
    points = sorted(set(points))
    if len(points) < 2 or not all(np.isfinite(points[0] + points[-1])):
        return np.empty(0), np.empty(0)
    (xa, ya), (xb, yb) = points[0], points[-1]
    return np.asarray([xa, xb]), np.asarray([ya, yb])


class LogisticLayer:
    """The classifier's items on a :class:`DataPlot` (see the module docstring).

    Items for reading back: ``class_items`` (class 0, class 1), ``wrong_item`` (the rings),
    ``curve_item`` (the S-curve, the boundary, or the 0.5 line), ``cross_item`` (the 0.5
    crossing's dashed line) and ``cross_dot``; ``mode`` is ``"curve"``, ``"plane"`` or
    ``"index"``.
    """

    def __init__(self, plot: DataPlot) -> None:
        self.plot = plot
        self.class_items = tuple(
            pg.PlotDataItem(pen=None, symbol=shape, symbolSize=10,
                            symbolBrush=pg.mkBrush(color), symbolPen=pen("#ffffff", 1))
            for color, shape in CLASS_STYLE)
        self.wrong_item = pg.PlotDataItem(pen=None, symbol="o", symbolSize=17,
                                          symbolBrush=None, symbolPen=pen(WRONG_COLOR, 1.8))
        self.curve_item = pg.PlotDataItem(pen=pen(current_color(plot.vm), 2.5))
        self.cross_item = pg.PlotDataItem(pen=pen("#555555", 1.5, Qt.PenStyle.DashLine))
        self.cross_dot = pg.PlotDataItem(pen=None, symbol="o", symbolSize=10,
                                         symbolBrush=pg.mkBrush("#ffffff"),
                                         symbolPen=pen("#000000", 2))
        self.items = (self.cross_item, self.curve_item, self.wrong_item, *self.class_items,
                      self.cross_dot)
        for z, item in enumerate(self.items, start=10):
            item.setZValue(z)
            item.setVisible(False)
            plot.plot_item.addItem(item)
        self.active = False
        self.mode = ""
        self._note = ""
        self._view = self._samples_view = (0.0, 1.0, 0.0, 1.0)
        self._room = LEGEND_ROOM

    def show(self, on: bool) -> None:
        """Show (a classifier's run) or hide (a regression's) every item of the layer."""
        self.active = on
        for item in self.items:
            item.setVisible(on)

    # a new run -----------------------------------------------------------------------
    def redraw(self, run: Run) -> None:
        """Draw the samples and fix the view for ``run``, then iterate k."""
        plot = self.plot
        data = run.spec.data
        self.curve_item.setPen(pen(current_color(plot.vm), 2.5))
        counts = [int(np.sum(data.y == 0.0)), int(np.sum(data.y == 1.0))]
        # a large data set is thinned for drawing (an even stride), as the regression's
        shown = np.arange(data.n) if data.n <= MAX_DOTS else \
            np.unique(np.linspace(0, data.n - 1, MAX_DOTS).astype(np.intp))
        self._X, self._y = data.X[shown], data.y[shown]
        classes = [self._y == 0.0, self._y == 1.0]
        names = [tr("{y} = 0 ({n})").format(y=data.y_name, n=counts[0]),
                 tr("{y} = 1 ({n})").format(y=data.y_name, n=counts[1])]
        self.mode = "curve" if data.p == 1 else "plane" if data.p == 2 else "index"
        if self.mode == "curve":
            across, up = self._X[:, 0], self._y
            x_lo, x_hi = padded(float(np.min(across)), float(np.max(across)), 0.06)
            self._view = (x_lo, x_hi, -0.12, 1.12)
            plot.set_texts(tr("S-curve at k"),
                           tr("p = probability that {y} = 1").format(y=data.y_name),
                           data.x_name, shorter=_short_p(data.y_name))
            curve = tr("S-curve p = σ(b0 + b1·x) of iterate k")
            cross = tr("p = 0.5: the boundary x = −b0/b1")
        elif self.mode == "plane":
            across, up = self._X[:, 0], self._X[:, 1]
            x_lo, x_hi = padded(float(np.min(across)), float(np.max(across)), 0.06)
            y_lo, y_hi = padded(float(np.min(up)), float(np.max(up)), 0.06)
            self._view = (x_lo, x_hi, y_lo, y_hi)
            plot.set_texts(tr("Decision boundary at k"),
                           data.feature_names[1], data.feature_names[0])
            curve = "b0 + b1·x1 + b2·x2 = 0"  # the title names it: the decision boundary
            cross = ""
        else:
            across = np.asarray(shown + 1, dtype=np.float64)
            up = probabilities(run, 0, self._X)
            self._view = (0.0, data.n + 1.0, -0.06, 1.06)
            plot.set_texts(tr("p at k for every sample, by class"),
                           tr("p = probability that {y} = 1").format(y=data.y_name),
                           tr("sample"), shorter=_short_p(data.y_name))
            curve = tr("p = 0.5: the class changes")
            cross = ""
        self._across, self._up, self._classes = across, up, classes
        if self.mode != "index":
            for item, c in zip(self.class_items, classes, strict=True):
                item.setData(across[c], up[c])
        entries: list[tuple[object, str]] = [
            (self.class_items[0], names[0]), (self.class_items[1], names[1]),
            (self.curve_item, curve), (self.wrong_item, tr("wrong at k"))]
        if cross:
            entries.append((self.cross_item, cross))
        plot.set_legend(entries)
        # room above the samples for the legend (as the cost curve has)
        self._samples_view = self._view
        self._room = min(max(plot.legend_share()[1], LEGEND_ROOM), 0.45)
        self._view = self._with_room(self._view)
        plot.set_view(*self._view)
        self._note = tr("{p} features: {names}").format(p=data.p, names=data.x_name) \
            if data.p > 2 else "" if shown.size == data.n else \
            tr("{m} of {n} samples drawn").format(m=shown.size, n=data.n)
        plot.set_note(self._note)
        self.draw_current(run, plot.current_index())
        # a hidden sample is as bad as a hidden piece of the curve or boundary: the
        # legend goes to the empty room above the samples
        plot.place_legend([(across, up, float(HIDES_CURRENT))], self._view)

    # iterate k -----------------------------------------------------------------------
    def draw_current(self, run: Run, k: int) -> None:
        """Move the curve or the boundary, the crossing and the rings to iterate k."""
        p = probabilities(run, k, self._X)
        wrong = (p >= 0.5) != (self._y == 1.0)
        x0, x1, y0, y1 = self._view
        if self.mode == "index":
            for item, c in zip(self.class_items, self._classes, strict=True):
                item.setData(self._across[c], p[c])
            self._up = p
            self.curve_item.setData([x0, x1], [0.5, 0.5])
        elif self.mode == "curve":
            xs = np.linspace(x0, x1, CURVE_SAMPLES)
            self.curve_item.setData(xs, probabilities(run, k, xs[:, None]))
        else:
            self._follow_boundary(run.params[k])
            ends = boundary_ends(run.params[k], self._view)
            self.curve_item.setData(*ends)
            # (a widened view says so by its axis: a remark would cost the legend its room)
            self.plot.set_note(self._note if ends[0].size
                               else self._no_boundary(run.params[k], self._view))
        self.wrong_item.setData(self._across[wrong], self._up[wrong])
        at = crossing(run, k) if self.mode == "curve" else None
        if at is not None and x0 <= at <= x1:
            self.cross_item.setData([at, at], [y0, y1])
            self.cross_dot.setData([at], [0.5])
        else:
            self.cross_item.setData([], [])
            self.cross_dot.setData([], [])

    def _with_room(self, view: tuple[float, float, float, float]
                   ) -> tuple[float, float, float, float]:
        """``view`` with the legend's room above it."""
        x0, x1, y0, y1 = view
        return x0, x1, y0, y0 + (y1 - y0) / (1 - self._room)

    def _follow_boundary(self, b: FloatArray) -> None:
        """The view of the samples, widened to iterate k's boundary when it lies near them
        (:func:`gdapp.gui.boundary_reach.widened`); the legend placed for the new view."""
        view = self._with_room(self._samples_view)
        if not boundary_ends(b, view)[0].size:
            view = self._with_room(widened(self._samples_view, b))
        if view != self._view:
            self._view = view
            self.plot.set_view(*view)
            self.plot.place_legend([(self._across, self._up, float(HIDES_CURRENT))], view)

    @staticmethod
    def _no_boundary(b: FloatArray, view: tuple[float, float, float, float]) -> str:
        """Why iterate k draws no boundary, and where it is."""
        where = side(view, b)
        if where is None:
            p = float(sigmoid(np.asarray(b[:1], dtype=np.float64))[0])
            return tr("No boundary at this k: with b1 = b2 = 0 every sample has the same p "
                      "= σ(b0) = {p}, so all are put in class {c}.").format(
                          p=f"{p:.3g}", c=int(p >= 0.5))
        return {"left": tr("← The boundary of this k lies left of the view."),
                "right": tr("The boundary of this k lies right of the view. →"),
                "below": tr("↓ The boundary of this k lies below the view."),
                "above": tr("↑ The boundary of this k lies above the view.")}[where]

    def current_points(self) -> tuple[FloatArray, FloatArray]:
        """The curve or boundary of iterate k, sampled (the legend keeps off it)."""
        xs, ys = self.curve_item.getData()
        if xs is None or not len(xs):
            return np.empty(0), np.empty(0)
        idx = np.linspace(0, len(xs) - 1, 9).astype(np.intp)
        if len(xs) == 2:  # a straight line: points along it
            t = np.linspace(0.0, 1.0, 9)
            return xs[0] + t * (xs[1] - xs[0]), ys[0] + t * (ys[1] - ys[0])
        return np.asarray(xs)[idx], np.asarray(ys)[idx]


def _short_p(y: str) -> tuple[str, ...]:
    """The probability axis's shorter labels, for a plot too short for the sentence."""
    return (f"p = P({y} = 1)", "p")
