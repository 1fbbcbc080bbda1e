"""The cost of a run on several features, along one parameter the user picks.

With p features the objective lives over p (or p + 1) parameters, so no single curve or map
shows it. :class:`CostSlicePlot` draws the slice through the current iterate b_k along one
parameter bj (a combo box chooses it; the others are held at their values in b_k): the cost
E in black and, with a penalty, the objective in blue, the iterate on it and the tangent

    y = f(b_k) + ∂f/∂bj(b_k)·(bj − bj,k),

whose slope is the component of the gradient that the update of bj uses. The exact optimum's
bj* is a vertical line. Stepping moves the iterate, and with it the slice (the other
parameters move too). The view follows the iterate: around the slice's own minimum, with
the current value and bj* inside, the bowl from its bottom up (:mod:`gdapp.gui.slice_view`).

:class:`OneFeatureCostPlot` is :class:`~gdapp.gui.cost_plot.CostCurvePlot` drawing runs on
one feature only; the window shows one or the other.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from gdapp.core import Objective, Run, RunSpec
from gdapp.gui.contour import evaluate
from gdapp.gui.core_messages import translated
from gdapp.gui.cost_minima import one_parameter
from gdapp.gui.cost_plot import TANGENT_HEIGHT, TANGENT_WIDTH, CostCurvePlot
from gdapp.gui.i18n import tr
from gdapp.gui.legend_outside import SHORT_AT
from gdapp.gui.pinned_optima import draw_pinned_stars
from gdapp.gui.plot_base import (
    COST_COLOR,
    MARKER_COLOR,
    OBJECTIVE_COLOR,
    OPTIMUM_COLOR,
    TANGENT_COLOR,
    FloatArray,
    RunPlotWidget,
    padded,
    pen,
    penalty_formula,
    penalty_on,
    readable_rows,
)
from gdapp.gui.rule_texts import cost_word
from gdapp.gui.slice_view import slice_range

if TYPE_CHECKING:
    from gdapp.gui.viewmodel import RunViewModel

#: Points at which the slice is sampled.
SLICE_SAMPLES = 300
#: Pixels between the legend and the highest point of the curves below it.
LEGEND_GAP = 10


def parameter_labels(spec: RunSpec) -> list[str]:
    """Each parameter with what it multiplies: ``b0 (intercept)``, ``b1 (study_hours)``…"""
    intercept = tr("intercept")
    return [f"{name} ({spec.feature_of(name) or intercept})" for name in spec.param_names]


class OneFeatureCostPlot(CostCurvePlot):
    """The note's cost curve (or the line model's map) for runs on one feature; a run on
    several draws nothing here (:class:`CostSlicePlot` shows it)."""

    def _redraw(self) -> None:
        if self.vm.run.spec.data.p == 1:
            super()._redraw()
            draw_pinned_stars(self, one_parameter(self.vm.run.spec.model))

    def _draw_current(self, placed: bool = False) -> None:
        if self.vm.run.spec.data.p == 1:
            super()._draw_current(placed)

    def _on_resized(self) -> None:
        if self.vm.run.spec.data.p == 1:
            super()._on_resized()


class CostSlicePlot(RunPlotWidget):
    """The objective along one parameter through the current iterate (several features).

    Items for reading back: ``cost_curve``, ``objective_curve`` (shown with a penalty),
    ``marker`` (the current iterate), ``tangent``, ``optimum_line``; ``samples`` holds the
    chosen parameter's values; ``parameter`` is the combo box that chooses it.
    """

    legend_max_height = 0.3

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, parent)
        self.parameter = QComboBox()
        self.parameter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.parameter.setToolTip(tr("The parameter along which the cost is drawn; the "
                                     "others stay at their values in iterate k."))
        label = QLabel(tr("cost along"))
        label.setBuddy(self.parameter)
        row = QHBoxLayout()
        row.setContentsMargins(6, 0, 6, 2)
        row.addStretch(1)
        row.addWidget(label)
        row.addWidget(self.parameter)
        self.column.addLayout(row)
        self.cost_curve = pg.PlotDataItem(pen=pen(COST_COLOR, 2))
        self.objective_curve = pg.PlotDataItem(pen=pen(OBJECTIVE_COLOR, 2.5))
        self.tangent = pg.PlotDataItem(pen=pen(TANGENT_COLOR, 2.5, Qt.PenStyle.DashLine))
        self.marker = pg.PlotDataItem(
            pen=None, symbol="o", symbolSize=13, symbolBrush=pg.mkBrush(MARKER_COLOR),
            symbolPen=pen("#000000", 1.5))
        self.optimum_line = pg.PlotDataItem(pen=pen(OPTIMUM_COLOR, 2, Qt.PenStyle.DotLine))
        for z, item in enumerate((self.optimum_line, self.cost_curve, self.objective_curve,
                                  self.tangent, self.marker), start=1):
            item.setZValue(z)
            self.plot_item.addItem(item)
        self.samples: FloatArray = np.empty(0)
        self._labels: list[str] = []
        self._x_span = self._y_span = 1.0
        self._objective: tuple[RunSpec, Objective] | None = None
        #: (run, parameter, iterate) the view was fitted to
        self._fitted: tuple[Run, int, int] | None = None
        self._headroom = 0.0
        self.parameter.currentIndexChanged.connect(lambda _i: self._redraw())
        self.plot_item.getViewBox().sigResized.connect(self._on_resized)
        self.connect_view_model()

    # signals -----------------------------------------------------------------------------
    def _on_run_changed(self) -> None:
        self._redraw()

    def _on_pinned_changed(self) -> None:
        # pinned runs are compared on the other plots: a slice belongs to one iterate
        self._redraw()

    # the chosen parameter ----------------------------------------------------------------
    def axis(self) -> int:
        """The index (in ``spec.param_names``) of the parameter the cost is drawn along."""
        return max(self.parameter.currentIndex(), 0)

    def choose(self, name: str) -> None:
        """Draw the cost along the parameter called ``name`` (``"b2"``…)."""
        names = self.vm.run.spec.param_names
        if name in names:
            self.parameter.setCurrentIndex(list(names).index(name))

    def _fill_choices(self, spec: RunSpec) -> None:
        labels = parameter_labels(spec)
        if labels == self._labels:
            return
        chosen = self.parameter.currentText().split(" ")[0]
        blocker = QSignalBlocker(self.parameter)
        self.parameter.clear()
        self.parameter.addItems(labels)
        names = list(spec.param_names)
        self.parameter.setCurrentIndex(names.index(chosen) if chosen in names
                                       else names.index("b1"))
        del blocker
        self._labels = labels

    # drawing -----------------------------------------------------------------------------
    def _slice(self, run: Run, k: int, samples: FloatArray | None = None
               ) -> tuple[FloatArray, FloatArray]:
        """The cost and the penalty along the chosen parameter through iterate k, at
        ``samples`` (default: the drawn ones)."""
        spec = run.spec
        xs = self.samples if samples is None else samples
        grid = np.repeat(run.params[k][None, :], xs.size, axis=0)
        grid[:, self.axis()] = xs
        if self._objective is None or self._objective[0] is not spec:
            # built once per run, not at every step of the slider (its sufficient statistics
            # walk every sample)
            self._objective = (spec, Objective.of(spec))
        obj = self._objective[1]
        with np.errstate(over="ignore", invalid="ignore"):
            cost = evaluate(obj, grid, "cost")
            penalty = evaluate(obj, grid, "penalty") if penalty_on(spec) else \
                np.zeros_like(cost)
        return cost, penalty

    def _redraw(self) -> None:
        run = self.vm.run
        spec = run.spec
        if spec.data.p == 1:
            return  # the cost curve of one feature is OneFeatureCostPlot's
        self._fill_choices(spec)
        j = self.axis()
        opt = run.optimum.params
        name, label = spec.param_names[j], self._labels[j]
        extra = f" + {penalty_formula(spec)}" if penalty_on(spec) else ""
        self.set_texts(tr("Cost along {b} — {cost}").format(
            b=name, cost=cost_word(spec.cost) + extra), f"E{extra}", label)
        entries: list[tuple[object, str]] = [
            # (cut at " — " where the legend must be small: a projector)
            (self.cost_curve, tr("cost E along {b}").format(b=name) + SHORT_AT
             + tr("the others at iterate k"))]
        if penalty_on(spec):
            entries.append((self.objective_curve, tr("objective E + {formula}").format(
                formula=penalty_formula(spec))))
        entries.append((self.tangent, tr("tangent at iterate k") + SHORT_AT
                        + tr("slope ∂/∂{b}").format(b=name)))
        self.optimum_line.setVisible(opt is not None and bool(np.isfinite(opt[j])))
        if opt is not None and np.isfinite(opt[j]):
            entries.append((self.optimum_line, tr("exact optimum {b}* = {v}").format(
                b=name, v=f"{float(opt[j]):.4g}")))
        self.set_legend(entries)
        notes = []
        if run.status == "diverged":
            notes.append(tr("diverged at update {k}: showing the first {rows} of {n} "
                            "iterates").format(k=run.diverged_at, rows=readable_rows(run),
                                               n=run.params.shape[0]))
        if opt is None and run.optimum.note:
            notes.append(translated(run.optimum.note))
        self.set_note("\n".join(notes))
        self._fitted = None
        self._draw_current(placed=True)

    def _fit_view(self, run: Run, k: int) -> None:
        """The view around the slice through iterate k (:mod:`gdapp.gui.slice_view`): its
        minimum in the middle, the current value and the exact optimum's inside, the bowl
        from its bottom to the view's edges up."""
        j, rows = self.axis(), readable_rows(run)
        k = min(k, rows - 1)  # past a divergence: the last readable iterate's slice
        path = run.params[:rows, j]
        opt = run.optimum.params
        star = float(opt[j]) if opt is not None and np.isfinite(opt[j]) else None
        b = float(run.params[k, j])
        if np.isfinite(b) and np.isfinite(path).all():
            def along(t: FloatArray) -> FloatArray:
                cost, penalty = self._slice(run, k, t)
                return cost + penalty

            x_lo, x_hi, _ = slice_range(along, b, star, float(np.ptp(path)))
        else:
            x_lo, x_hi = padded(float(np.nanmin(path)), float(np.nanmax(path)), 0.08)
        self.samples = np.linspace(x_lo, x_hi, SLICE_SAMPLES)
        cost, penalty = self._slice(run, k)
        top = cost + penalty
        heights = [float(v) for v in np.concatenate([cost, top]) if np.isfinite(v)]
        f = float(run.objective[k])
        heights += [f] if np.isfinite(f) else []
        y_lo, y_hi = padded(min(heights, default=0.0), max(heights, default=1.0), 0.04)
        headroom = self._band()  # a band above the curves for the legend
        self._headroom = headroom
        curves_top = y_hi
        y_hi = y_lo + (y_hi - y_lo) / (1 - headroom)
        self._x_span, self._y_span = x_hi - x_lo, y_hi - y_lo
        self.set_view(x_lo, x_hi, y_lo, y_hi)
        if star is not None:
            self.optimum_line.setData([star] * 2, [y_lo, curves_top])  # under the legend
        self._fitted = (run, self.axis(), k)  # k: the readable iterate the view is of
        self.place_legend([(self.samples, top, 1.0), (self.samples, cost, 1.0)],
                          (x_lo, x_hi, y_lo, y_hi))

    def _band(self) -> float:
        """The share of the view's height kept free above the curves: the legend's, with a
        gap of ``LEGEND_GAP`` pixels (the slice is highest at the view's sides, under the
        legend's corner)."""
        share = self.legend_share()[1]
        height = self.plot_item.getViewBox().height()
        gap = LEGEND_GAP / height if share > 0 and height > 1 else 0.0
        return min(share + gap, 0.55)

    def _on_resized(self) -> None:
        """The legend's band above the curves keeps its height in pixels."""
        run = self.vm.run
        if run.spec.data.p > 1 and self._fitted is not None and \
                abs(self._band() - self._headroom) > 0.01:
            self._fitted = None
            self._draw_current(placed=True)

    def _draw_current(self, placed: bool = False) -> None:
        """The slice through iterate k, its point and its tangent, in a view around the
        slice's minimum."""
        run = self.vm.run
        if run.spec.data.p == 1 or self.parameter.count() == 0:
            return
        k = self.current_index()
        self.mark_current_drawn(run, k)
        fitted = self._fitted
        if fitted is None or fitted[0] is not run or \
                fitted[1:] != (self.axis(), min(k, readable_rows(run) - 1)):
            self._fit_view(run, k)
            placed = True
        cost, penalty = self._slice(run, k)
        lo, hi = -1e300, 1e300
        self.cost_curve.setData(self.samples, np.clip(cost, lo, hi))
        on = penalty_on(run.spec)
        self.objective_curve.setVisible(on)
        if on:
            self.objective_curve.setData(self.samples, np.clip(cost + penalty, lo, hi))
        else:
            self.objective_curve.setData([], [])
        j = self.axis()
        b, f = float(run.params[k, j]), float(run.objective[k])
        self.marker.setData([b], [f])
        self.tangent.setData(*self._tangent(run, k))
        self.show_off_plot(k, (b, f), tr("{b} = {v}, objective {f}").format(
            b=run.spec.param_names[j], v=f"{b:.4g}", f=f"{f:.4g}"))
        if not placed:
            self.keep_current_visible()

    def _tangent(self, run: Run, k: int) -> tuple[FloatArray, FloatArray]:
        """The tangent's two ends, at most ``TANGENT_WIDTH`` of the view wide to each side
        and ``TANGENT_HEIGHT`` of its height up or down."""
        j = self.axis()
        b, f, g = float(run.params[k, j]), float(run.objective[k]), float(run.gradient[k, j])
        h = TANGENT_WIDTH * self._x_span
        if g != 0.0 and np.isfinite(g):
            h = min(h, TANGENT_HEIGHT * self._y_span / abs(g))
        return np.asarray([b - h, b + h]), np.asarray([f - g * h, f + g * h])

    def current_points(self) -> tuple[FloatArray, FloatArray]:
        """The current iterate and points along its tangent."""
        run = self.vm.run
        if run.spec.data.p == 1:
            return np.empty(0), np.empty(0)
        x, y = self._tangent(run, self.current_index())
        t = np.linspace(0.0, 1.0, 9)
        xs = np.concatenate([a + t * (c - a) for a, c in itertools.pairwise(x)])
        ys = np.concatenate([a + t * (c - a) for a, c in itertools.pairwise(y)])
        return xs, ys
