"""The cost curve of the note's figures, with the descent's path and the red tangent line.

``origin`` model (one parameter b1): the cost E(b1) in black, the penalty term in red and, when
a penalty is on, their sum (the objective) in blue, each sampled at ``SAMPLES`` points over a
range centred on the exact optimum that covers the (readable) path and the start, so that
the bowl shows on both sides of the minimum. The iterates are drawn
on the objective curve; the current iterate b_k carries the tangent

    y = f(b_k) + f'(b_k)·(b − b_k),        f = E + penalty,  f'(b_k) = run.gradient[k]

whose slope is the gradient the update ``b ← b − η·f'(b)`` uses.

``line`` model (b0, b1): a shaded contour map of the objective over the plane with the path,
the current iterate and the optimum on it (see :mod:`gdapp.gui.contour`); no tangent.

The view follows this run and its optimum only: pinned runs are drawn where they fall inside
it and clipped where they leave it, so a pinned diverged run cannot squash this one. When the
current iterate of a diverged run lies outside the view, a remark at the edge towards it says
so and gives its values.

Changing the current iterate moves only the marker and the tangent; a new run resamples the
curves once (or, for the contour map, only when the objective or the needed range changed).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gdapp.core import Objective, Run, RunSpec
from gdapp.gui.contour import evaluate
from gdapp.gui.contour_map import ContourMap
from gdapp.gui.core_messages import translated
from gdapp.gui.cost_legend import curve_entries
from gdapp.gui.cost_minima import ClickToStart, MinimaMarkers, curve_range, one_parameter
from gdapp.gui.i18n import tr
from gdapp.gui.path_drawing import (
    MAX_PATH_DOTS,
    PATH_EXACT_ROWS,
    PathDots,
    decimate_indices,
    on_screen_indices,
)
from gdapp.gui.plot_base import (
    COST_COLOR,
    MARKER_COLOR,
    OBJECTIVE_COLOR,
    OPTIMUM_COLOR,
    PENALTY_COLOR,
    TANGENT_COLOR,
    FloatArray,
    RunPlotWidget,
    centred,
    current_color,
    difference_label,
    padded,
    pen,
    penalty_formula,
    penalty_on,
    readable_rows,
    run_label,
    same_cost_surface,
    same_objective,
)
from gdapp.gui.plot_legend import HIDES_OPTIMUM
from gdapp.gui.rule_texts import cost_word

if TYPE_CHECKING:
    from gdapp.gui.viewmodel import PinnedRun, RunViewModel

#: Points at which the cost, penalty and objective curves are sampled.
SAMPLES = 400
#: The tangent reaches this fraction of the view's width to each side of the current iterate…
TANGENT_WIDTH = 0.12
#: …but at most this fraction of the view's height up or down.
TANGENT_HEIGHT = 0.3


class CostCurvePlot(RunPlotWidget):
    """The cost curve (``origin``) or contour map (``line``) of the view-model's run.

    Items (pyqtgraph) for reading back: ``cost_curve``, ``penalty_curve``,
    ``objective_curve``, ``path_item`` (the path's line), ``path_dots`` (a dot per iterate,
    at most ``MAX_PATH_DOTS``), ``marker``, ``tangent``, ``optimum_marker``,
    ``contour_image``, ``contour_lines``, ``pinned_items`` (one path per pinned run, hidden
    for a run of the other model) and ``pinned_curves`` (one objective curve per pinned run,
    shown only where it differs from this run's); ``samples`` holds the curves' b1 values.
    """

    legend_max_height = 0.3
    contour_image = property(lambda self: self.contour.image)
    contour_lines = property(lambda self: self.contour.lines)

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        self._headroom = 0.0
        super().__init__(vm, parent)
        self.contour = ContourMap(self.plot_item)
        self.cost_curve = pg.PlotDataItem(pen=pen(COST_COLOR, 2))
        self.penalty_curve = pg.PlotDataItem(pen=pen(PENALTY_COLOR, 2.5, Qt.PenStyle.DotLine))
        self.objective_curve = pg.PlotDataItem(pen=pen(OBJECTIVE_COLOR, 2.5))
        self.path_item = pg.PlotDataItem()
        self.path_dots = PathDots(size=6)
        self._color = ""
        self.tangent = pg.PlotDataItem(pen=pen(TANGENT_COLOR, 2.5, Qt.PenStyle.DashLine))
        self.marker = pg.PlotDataItem(
            pen=None, symbol="o", symbolSize=13, symbolBrush=pg.mkBrush(MARKER_COLOR),
            symbolPen=pen("#000000", 1.5))
        self.optimum_marker = pg.PlotDataItem(
            pen=None, symbol="star", symbolSize=18, symbolBrush=pg.mkBrush(OPTIMUM_COLOR),
            symbolPen=pen("#145214", 1))
        for z, item in enumerate((self.cost_curve, self.penalty_curve,
                                  self.objective_curve, self.path_item, self.path_dots,
                                  self.tangent,
                                  self.optimum_marker, self.marker), start=1):
            item.setZValue(z)
            self.plot_item.addItem(item)
        # the optimum's star above the current iterate's dot or ring (scene 2's iterate sits
        # on the optimum the lesson points at: the dot hid the star)
        self.optimum_marker.setZValue(9)
        self.minima = MinimaMarkers(self.plot_item)
        self.click_to_start = ClickToStart(self.plot_widget, vm, lambda: (self.legend,))
        self._map_shown = False
        self.pinned_items: list[pg.PlotDataItem] = []
        self.pinned_curves: list[pg.PlotDataItem] = []
        self.samples: FloatArray = np.empty(0)
        self._path_indices = np.empty(0, dtype=np.intp)
        #: while stepping, the last iterate the path is drawn to (None: the whole path)
        self._path_upto: int | None = None
        self._rows = 0
        self._x_span = self._y_span = 1.0
        # what the samples, the pinned paths and the optimum marker were last drawn for
        self._curve_key: tuple[tuple[float, float, tuple[int, ...]], RunSpec] | None = None
        self._pinned_drawn: dict[int, Run] = {}
        self._tops: list[FloatArray] = []
        self._optimum_drawn: tuple[float, float] | None = None
        self._path_base: tuple[Run, int, tuple[float, float], NDArray[np.intp]] | None = None
        # a long path is decimated for the view's size in pixels: follow its resizing
        self.plot_item.getViewBox().sigResized.connect(self._on_resized)
        self.connect_view_model()

    def set_scale(self, scale: float) -> None:
        super().set_scale(scale)
        self.minima.set_scale(scale)  # the global minimum's label too
        self.contour.set_scale(scale)  # and the colour bar's

    # signals -----------------------------------------------------------------------------
    def _on_run_changed(self) -> None:
        self._redraw()

    def _on_pinned_changed(self) -> None:
        for item in (*self.pinned_items, *self.pinned_curves):
            self.plot_item.removeItem(item)
        self.pinned_items, self.pinned_curves = [], []
        self._pinned_drawn = {}
        self._curve_key = None
        for pinned in self.vm.pinned:
            path = pg.PlotDataItem(
                pen=pen(pinned.color, 1.5), symbol="t", symbolSize=7,
                symbolBrush=pg.mkBrush(pinned.color), symbolPen=None)
            curve = pg.PlotDataItem(pen=pen(pinned.color, 1.5, Qt.PenStyle.DashLine))
            path.setZValue(3.5)
            curve.setZValue(2.5)
            self.plot_item.addItem(path)
            self.plot_item.addItem(curve)
            self.pinned_items.append(path)
            self.pinned_curves.append(curve)
        self._redraw()

    def _on_resized(self) -> None:
        if one_parameter(self.vm.run.spec.model) and \
                abs(self.legend_share()[1] - self._headroom) > 0.01:
            self._redraw()  # the legend's band above the curve keeps its height in pixels
            return
        if self._rows > PATH_EXACT_ROWS:
            self._draw_path(self.vm.run, dots=False)
        if self._map_shown:  # equal scales widen the view with its box: the map covers it
            self.contour.cover_view(self._chosen_view)

    # drawing -----------------------------------------------------------------------------
    def _redraw(self) -> None:
        run = self.vm.run
        self._rows = readable_rows(run)
        color = current_color(self.vm)
        if color != self._color:
            self.path_item.setPen(pen(color, 1.5))
            self.path_dots.setColor(color)
            self._color = color
        origin = one_parameter(run.spec.model)  # a curve over b1 (origin, sine)
        for item in (self.cost_curve, self.penalty_curve, self.objective_curve, self.tangent):
            item.setVisible(origin)
        if self._map_shown != (not origin):
            self._map_shown = not origin
            self.contour.show(not origin)
            self.marker.setSymbolBrush(None if not origin else pg.mkBrush(MARKER_COLOR))
            self.marker.setSymbolPen(pen("#000000", 2.5 if not origin else 1.5))
        pinned = list(zip(self.vm.pinned, self.pinned_items, strict=True))
        shown: list[tuple[Run, pg.PlotDataItem, pg.PlotDataItem]] = []
        for (p, path), curve in zip(pinned, self.pinned_curves, strict=True):
            # a pinned run of another model, cost or data lives on other axes: listed only
            path.setVisible(same_cost_surface(p.run.spec, run.spec))
            curve.setVisible(False)
            if path.isVisible():
                shown.append((p.run, path, curve))
                self._draw_pinned_path(p.run, path)
        self.minima.draw(run)
        self._update_legend(run, pinned)
        if origin:
            self._draw_origin(run, shown)
        else:
            self._draw_line(run, shown)
        self._draw_path(run)
        opt = run.optimum
        star = None
        if opt.params is not None:
            height = opt.objective if origin else opt.params[1]
            star = (float(opt.params[0]), float("nan") if height is None else float(height))
        if star != self._optimum_drawn:  # a new learning rate keeps the optimum: skip it
            self.optimum_marker.setData(*(([star[0]], [star[1]]) if star else ([], [])))
            self._optimum_drawn = star
        self._draw_current(placed=True)
        notes = []
        if run.status == "diverged":
            notes.append(tr("diverged at update {k}: showing the first {rows} of {n} "
                            "iterates").format(k=run.diverged_at, rows=self._rows,
                                               n=run.params.shape[0]))
        if opt.params is None and opt.note:
            notes.append(translated(opt.note))
        self.set_note("\n".join(notes))

    def _draw_pinned_path(self, other: Run, path: pg.PlotDataItem) -> None:
        """A pinned run's (readable, decimated) path: on its objective curve or in the plane
        (drawn once: a pinned run never changes)."""
        if self._pinned_drawn.get(id(path)) is other:
            return
        self._pinned_drawn[id(path)] = other
        idx = decimate_indices(readable_rows(other), limit=MAX_PATH_DOTS,
                               head=MAX_PATH_DOTS // 2)
        y = other.objective if one_parameter(other.spec.model) else other.params[:, 1]
        path.setData(other.params[idx, 0], y[idx])

    def _draw_origin(self, run: Run,
                     shown: list[tuple[Run, pg.PlotDataItem, pg.PlotDataItem]]) -> None:
        spec = run.spec
        path = run.params[: self._rows, 0]
        x_lo, x_hi = curve_range(run, path) or self._range_around_optimum(run, 0, path)
        tops = self._draw_curves(run, shown, x_lo, x_hi)
        y_lo = min(float(np.min(t)) for t in tops)
        y_hi = max(float(np.max(t)) for t in tops)
        y_lo, y_hi = padded(min(y_lo, 0.0), y_hi, 0.04)
        # a band above the curve for the legend: the arms reach the top at the view's edges,
        # so a legend in a top corner would hide them
        self._headroom = min(self.legend_share()[1], 0.5)
        y_hi = y_lo + (y_hi - y_lo) / (1 - self._headroom)
        self._x_span, self._y_span = x_hi - x_lo, y_hi - y_lo
        self.set_view(x_lo, x_hi, y_lo, y_hi)
        points = [self.along(path, run.objective[: self._rows]),
                  *((self.samples, t, 1.0) for t in tops), *self._optimum_point(run),
                  *self._pinned_points(shown),
                  *(self.along(*curve.getOriginalDataset()) for _, _, curve in shown
                    if curve.isVisible() and curve.getOriginalDataset()[0] is not None)]
        self.place_legend(points, (x_lo, x_hi, y_lo, y_hi))
        name = cost_word(spec.cost)
        extra = f" + {penalty_formula(spec)}" if penalty_on(spec) else ""
        # (a projector's plot, low under its legend: "E + λ·|b1|", then "objective")
        self.set_texts(tr("Cost curve — E(b1) = {cost}").format(cost=name + extra),
                       f"E(b1){extra}", "b1",
                       shorter=(f"E{extra}", tr("objective")) if extra else ("E",))

    @staticmethod
    def _range_around_optimum(run: Run, axis: int, path: FloatArray,
                              fraction: float = 0.08) -> tuple[float, float]:
        """The view's range along parameter ``axis``: centred on the exact optimum and holding
        the (readable) ``path``; around the path alone when there is no optimum."""
        lo, hi = float(path.min()), float(path.max())
        opt = run.optimum.params
        if opt is None or not np.isfinite(opt[axis]):
            return padded(lo, hi, fraction)
        return centred(float(opt[axis]), lo, hi, fraction)

    @staticmethod
    def _pinned_points(shown: list[tuple[Run, pg.PlotDataItem, pg.PlotDataItem]]
                       ) -> list[tuple[FloatArray, FloatArray, float]]:
        """The pinned paths' drawn (decimated) points, for placing the legend."""
        points: list[tuple[FloatArray, FloatArray, float]] = []
        for _, path, _ in shown:
            x, y = path.getOriginalDataset()
            if x is not None:
                points.append(RunPlotWidget.along(np.asarray(x, dtype=np.float64),
                                                  np.asarray(y, dtype=np.float64)))
        return points

    @staticmethod
    def _optimum_point(run: Run) -> list[tuple[FloatArray, FloatArray, float]]:
        """The optimum marker as a point the legend should not hide."""
        opt = run.optimum
        if opt.params is None:
            return []
        height = opt.objective if one_parameter(run.spec.model) else opt.params[1]
        if height is None:
            return []
        return [(np.asarray([opt.params[0]], dtype=np.float64),
                 np.asarray([height], dtype=np.float64), float(HIDES_OPTIMUM))]

    def _draw_curves(self, run: Run,
                     shown: list[tuple[Run, pg.PlotDataItem, pg.PlotDataItem]],
                     x_lo: float, x_hi: float) -> list[FloatArray]:
        """Sample the cost (and penalty, objective, pinned objectives) over [x_lo, x_hi];
        return this run's sampled curves (the pinned ones do not set the view's height). A new
        learning rate with the same range and objective
        keeps the drawn curves (the usual case: the path still runs from the start to near
        the optimum)."""
        spec = run.spec
        key = (x_lo, x_hi, tuple(id(other) for other, _, _ in shown))
        if self._curve_key is not None and self._curve_key[0] == key and \
                same_objective(self._curve_key[1], spec):
            for other, _, curve in shown:
                curve.setVisible(not same_objective(other.spec, spec))
            self.penalty_curve.setVisible(penalty_on(spec))
            self.objective_curve.setVisible(penalty_on(spec))
            return list(self._tops)
        self.samples = np.linspace(x_lo, x_hi, SAMPLES)
        grid = self.samples[:, None]
        obj = Objective.of(spec)
        cost = evaluate(obj, grid, "cost")
        self.cost_curve.setData(self.samples, cost)
        tops = [cost]
        if penalty_on(spec):
            penalty = evaluate(obj, grid, "penalty")
            self.penalty_curve.setData(self.samples, penalty)
            self.objective_curve.setData(self.samples, cost + penalty)
            tops += [penalty, cost + penalty]
        else:
            self.penalty_curve.setData([], [])
            self.objective_curve.setData([], [])
        self.penalty_curve.setVisible(penalty_on(spec))
        self.objective_curve.setVisible(penalty_on(spec))
        self._draw_pinned_curves(run, shown)
        self._curve_key, self._tops = (key, spec), list(tops)
        return tops

    def _draw_pinned_curves(self, run: Run,
                            shown: list[tuple[Run, pg.PlotDataItem, pg.PlotDataItem]]
                            ) -> None:
        """A pinned run's objective curve (dashed, its colour) where it differs from this
        run's — the note's L1 against L2; the same curve is not drawn twice."""
        for other, _, curve in shown:
            if same_objective(other.spec, run.spec):
                curve.setData([], [])
                continue
            s = other.spec
            obj = Objective.of(s)
            values = evaluate(obj, self.samples[:, None])
            curve.setData(self.samples, values)
            curve.setVisible(True)

    def _draw_line(self, run: Run,
                   shown: list[tuple[Run, pg.PlotDataItem, pg.PlotDataItem]]) -> None:
        spec = run.spec
        path = run.params[: self._rows]
        x_lo, x_hi = self._range_around_optimum(run, 0, path[:, 0], 0.12)
        y_lo, y_hi = self._range_around_optimum(run, 1, path[:, 1], 0.12)
        self._x_span, self._y_span = x_hi - x_lo, y_hi - y_lo
        self.set_view(x_lo, x_hi, y_lo, y_hi)
        # equal scales widen one of the ranges: the map covers what the view shows
        (vx0, vx1), (vy0, vy1) = self.plot_item.getViewBox().viewRange()
        self._draw_contours(spec, (min(vx0, x_lo), max(vx1, x_hi), min(vy0, y_lo),
                                   max(vy1, y_hi)))
        self.place_legend([self.along(path[:, 0], path[:, 1]), *self._optimum_point(run),
                           *self._pinned_points(shown)], (x_lo, x_hi, y_lo, y_hi))
        extra = f" + {penalty_formula(spec)}" if penalty_on(spec) else ""
        self.set_texts(tr("Objective over (b0, b1) — {cost}").format(cost=cost_word(spec.cost)
                       + extra), tr("b1 (coefficient)"), tr("b0 (intercept)"), shorter=("b1",))

    def _draw_contours(self, spec: RunSpec, box: tuple[float, float, float, float]) -> None:
        """Shade and contour the objective over ``box`` unless the drawn map already covers
        it for the same objective, at most three times too wide in each direction."""
        drawn = self.contour.drawn_spec
        if drawn is not None and self.contour.covers(box) and same_objective(drawn, spec):
            return
        self.contour.draw(spec, box)

    def _draw_path(self, run: Run, *, dots: bool = True) -> None:
        """The path's line through (decimated) iterates, always through the current one, and
        a dot on each of at most ``MAX_PATH_DOTS`` iterates."""
        y = run.objective if one_parameter(run.spec.model) else run.params[:, 1]
        rows = self._rows
        scale = self.pixels_per_unit(self._x_span, self._y_span)
        cached = self._path_base
        if cached is None or cached[0] is not run or cached[1:3] != (rows, scale):
            # one pass over the rows per run and view size; stepping only adds iterate k
            cached = (run, rows, scale, on_screen_indices(run.params[:rows, 0], y[:rows], scale))
            self._path_base = cached
        k = self.current_index()
        base = cached[3]
        idx = base if k >= rows - 1 else np.union1d(base, np.asarray([k], dtype=np.intp))
        so_far = self.vm.stepping and k < rows - 1
        if so_far:  # while stepping, the path so far: the iterates to come are not given away
            idx = idx[idx <= k]
        self._path_indices = idx
        self._path_upto = k if so_far else None
        self.path_item.setData(run.params[idx, 0], y[idx])
        if dots:
            idx = decimate_indices(self._rows, limit=MAX_PATH_DOTS, head=MAX_PATH_DOTS // 2)
            if so_far:
                idx = idx[idx <= k]
            self.path_dots.setData(run.params[idx, 0], y[idx])

    def _draw_current(self, placed: bool = False) -> None:
        """Move the marker (and the tangent) to the current iterate b_k; ``placed``: the
        legend was just placed with the current iterate in view."""
        run = self.vm.run
        k = self.current_index()
        self.mark_current_drawn(run, k)
        if self._path_upto is not None or (self.vm.stepping and k < self._rows - 1):
            self._draw_path(run)  # the path so far grows (or shrinks) with k
        elif self._rows > len(self._path_indices) and k < self._rows and k not in \
                self._path_indices[np.searchsorted(self._path_indices, k):][:1]:  # (sorted)
            self._draw_path(run, dots=False)
        if not one_parameter(run.spec.model):
            b0, b1 = float(run.params[k, 0]), float(run.params[k, 1])
            self.marker.setData([b0], [b1])
            per_pixel = self.plot_item.getViewBox().viewPixelSize()[0]
            self.contour.point_arrow((b0, b1), (float(run.gradient[k, 0]),
                                                float(run.gradient[k, 1])),
                                     1.0 / per_pixel if per_pixel > 0 else 0.0)
            self.show_off_plot(k, (b0, b1), f"b0 = {b0:.4g}, b1 = {b1:.4g}")
        else:
            b, f = float(run.params[k, 0]), float(run.objective[k])
            self.marker.setData([b], [f])
            x, y = self._tangent(run, k)
            self.tangent.setData(x, y)
            self.show_off_plot(k, (b, f), tr("b1 = {b}, objective {f}").format(
                b=f"{b:.4g}", f=f"{f:.4g}"))
        if not placed:
            self.keep_current_visible()
        elif self.off_plot.isVisible():
            self._choose_corner()

    def _tangent(self, run: Run, k: int) -> tuple[FloatArray, FloatArray]:
        """The tangent y = f + g·(x − b) at iterate k over [b − h, b + h], h kept inside the
        view's proportions; its two ends."""
        b, f, g = float(run.params[k, 0]), float(run.objective[k]), float(run.gradient[k, 0])
        h = TANGENT_WIDTH * self._x_span
        spec = run.spec
        if spec.penalty == "l1" and spec.lam > 0 and b == 0.0:
            # at the kink of λ·|b1| there is no tangent: the V's two one-sided slopes,
            # E'(0) − λ to the left and E'(0) + λ to the right (the recorded slope there is
            # E'(0), the penalty's sign(0) being 0); both ≥ 0 on their side: 0 is the minimum
            left, right = g - spec.lam, g + spec.lam
            steepest = max(abs(left), abs(right))
            if steepest > 0:
                h = min(h, TANGENT_HEIGHT * self._y_span / steepest)
            return np.asarray([-h, 0.0, h]), np.asarray([f - left * h, f, f + right * h])
        if g != 0.0:
            h = min(h, TANGENT_HEIGHT * self._y_span / abs(g))
        return np.asarray([b - h, b + h]), np.asarray([f - g * h, f + g * h])

    def current_points(self) -> tuple[FloatArray, FloatArray]:
        """The current iterate and, for ``origin``, points along its tangent."""
        run = self.vm.run
        k = self.current_index()
        if not one_parameter(run.spec.model):
            return run.params[k : k + 1, 0], run.params[k : k + 1, 1]
        x, y = self._tangent(run, k)
        t = np.linspace(0.0, 1.0, 9)
        # along the tangent's (one or two) pieces
        xs = np.concatenate([a + t * (b - a) for a, b in itertools.pairwise(x)])
        ys = np.concatenate([a + t * (b - a) for a, b in itertools.pairwise(y)])
        return xs, ys

    def _update_legend(self, run: Run, pinned: list[tuple[PinnedRun, pg.PlotDataItem]]
                       ) -> None:
        spec = run.spec
        entries = curve_entries(self, spec)  # the curves, or the map's lines and arrow
        entries.append((self.path_item, tr("this run: {label}").format(label=run_label(spec))))
        for p, item in pinned:
            label = difference_label(p.run.spec, spec)
            if not item.isVisible():
                label += tr(" — another cost: not drawn")
            entries.append((item, label))
        minima = self.minima.legend_entry()
        if minima is not None:
            entries.append(minima)
        opt = run.optimum
        if opt.params is not None:
            where = ", ".join(f"{n} = {v:.4g}" for n, v in
                              zip(spec.param_names, opt.params, strict=True))
            best = tr("lowest valley {where}") if opt.local_minima else tr("exact optimum {where}")
            entries.append((self.optimum_marker, best.format(where=where)))

        # the map's shading fills its view: no free corner, the legend goes under the plot
        self.set_legend(entries, inside=one_parameter(spec.model))
