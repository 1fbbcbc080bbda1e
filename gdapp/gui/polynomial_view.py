"""The data view of a polynomial of one x: the curve of iterate k over a dense x grid, and the
training and held-out samples apart.

With polynomial features (x, x², …, x^D of one x) the model ŷ = b0 + b1·x + … + bD·x^D is a
curve over x, not a line; drawn only at the samples it would hide what overfitting is — a
curve that passes near every training sample and swings wildly between them. So the curve
of iterate k is drawn over ``GRID_POINTS`` evenly spaced x across the view (each x raised to
its powers as :func:`gdapp.core.holdout.polynomial` does), the exact optimum's curve dashed
beside it (where the descent is heading). The training samples are dark dots; the held-out
samples, which the descent never sees, are orange diamonds: the gap between them and the
curve is the test cost.

The view is fixed per run: every sample, training and held out, with room above and below;
a curve that leaves it is cut at its edge (twice the view's height away).

On a projector (classroom mode) the view is low and its legend, beside the note under it,
had no room but the tooltip: the class could not tell the dots, the diamonds and the two
curves apart. There the legend takes the note's row instead, in short names on one line
("training (11)", "held-out (4)", …), and the note (which the lesson's paragraph says too)
is the plot's tooltip: the view keeps its height and the grid beside it its rows.

:func:`shows_polynomial` says when the window shows this view instead of the plain data
plot: the origin or line model on one x with either powers of it or held-out samples, as
loaded or standardized. Standardized features are drawn against the x they were made from
(x = z·s + c for the first feature), and the curve's grid is raised to its powers and
standardized with the run's own scaling before the coefficients multiply it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gdapp.core import Dataset, RunSpec
from gdapp.core.holdout import apply_scaling, polynomial
from gdapp.core.objective import predictions as linear_predictions
from gdapp.gui.holdout_shape import is_polynomial
from gdapp.gui.i18n import tr
from gdapp.gui.legend_outside import LEAST_VIEW
from gdapp.gui.on_demand import OnDemandStack
from gdapp.gui.plot_base import (
    OPTIMUM_COLOR,
    FloatArray,
    RunPlotWidget,
    current_color,
    padded,
    pen,
)

if TYPE_CHECKING:
    from gdapp.gui.viewmodel import RunViewModel

#: The curve is drawn through this many x across the view.
GRID_POINTS = 400
TRAIN_COLOR = "#222222"
HELD_OUT_COLOR = "#ff7f0e"


def shows_polynomial(spec: RunSpec) -> bool:
    """Whether the data view of ``spec`` is this one (see the module docstring)."""
    data = spec.data
    if spec.model not in ("origin", "line"):
        return False
    degree = _scaled_degree(data) if data.scaling is not None else is_polynomial(data)
    return degree > 1 or (degree == 1 and spec.holdout is not None)


def _scaled_degree(data: Dataset) -> int:
    """The degree of standardized powers of one x (their names x, x^2, … say so), else 0."""
    names = data.feature_names
    if any(names[k] != f"{names[0]}^{k + 1}" for k in range(1, data.p)):
        return 0
    return data.p


def original_x(data: Dataset) -> FloatArray:
    """The one x the samples' features were made from (standardized: z·s + c)."""
    x = np.asarray(data.X[:, 0], dtype=np.float64)
    if data.scaling is not None:
        x = x * data.scaling.scales[0] + data.scaling.centres[0]
    return x


def dense_grid(lo: float, hi: float, degree: int, name: str, data: Dataset | None = None
               ) -> tuple[FloatArray, FloatArray]:
    """(x, its features x … x^degree) at ``GRID_POINTS`` evenly spaced x in [lo, hi];
    standardized as ``data``'s features were when they were."""
    x = np.linspace(lo, hi, GRID_POINTS)
    one = Dataset(x[:, None], np.zeros(GRID_POINTS), feature_names=[name])
    powers = polynomial(one, degree) if degree > 1 else one
    if data is not None and data.scaling is not None:
        powers = apply_scaling(powers, data.scaling)
    return x, powers.X


def curve(params: FloatArray, X: FloatArray) -> FloatArray:
    """ŷ of the parameters ``params`` at the grid's features ``X`` (the engine's sums)."""
    return np.asarray(linear_predictions(np.asarray(params)[None, :], X)[0], dtype=np.float64)


class PolynomialPlot(RunPlotWidget):
    """Training and held-out samples with the curve of iterate k over a dense x grid.

    Items for reading back: ``train_item`` and ``held_out_item`` (the samples),
    ``curve_item`` (x and ŷ of iterate k at the grid, cut to the view), ``optimum_item``
    (the exact optimum's curve, dashed).
    """

    legend_least_view = 130.0  # (the grid's band of rows keeps its room)
    legend_lowest = True  # (on a projector the legend takes the note's row: no higher)

    @property
    def classroom(self) -> bool:
        """Classroom mode (or any zoom): the legend in short names, in the note's row."""
        return self.scale > 1

    def set_scale(self, scale: float) -> None:
        super().set_scale(scale)
        self._redraw()  # the legend's names and the note for the new mode

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, parent)
        self.train_item = pg.PlotDataItem(
            pen=None, symbol="o", symbolSize=9, symbolBrush=pg.mkBrush(TRAIN_COLOR),
            symbolPen=pen("#ffffff", 1))
        self.held_out_item = pg.PlotDataItem(
            pen=None, symbol="d", symbolSize=12, symbolBrush=pg.mkBrush(HELD_OUT_COLOR),
            symbolPen=pen("#000000", 1))
        self.curve_item = pg.PlotDataItem(pen=pen(current_color(vm), 2.5))
        self.optimum_item = pg.PlotDataItem(pen=pen(OPTIMUM_COLOR, 1.5, Qt.PenStyle.DashLine))
        for z, item in enumerate((self.optimum_item, self.curve_item, self.train_item,
                                  self.held_out_item)):
            item.setZValue(z)
            self.plot_item.addItem(item)
        self._grid_x: FloatArray = np.empty(0)
        self._grid_X: FloatArray = np.empty((0, 1))
        self._reach = (-1e300, 1e300)
        self.connect_view_model()

    # signals -----------------------------------------------------------------------------
    def _on_run_changed(self) -> None:
        self._redraw()

    def _on_pinned_changed(self) -> None:
        self._redraw()

    # drawing -----------------------------------------------------------------------------
    def _redraw(self) -> None:
        run = self.vm.run
        spec = run.spec
        if not shows_polynomial(spec):
            return
        data, held = spec.data, spec.holdout
        degree = data.p
        x_train = original_x(data)
        x_held = original_x(held.data) if held is not None else np.empty(0)
        y_held = held.data.y if held is not None else np.empty(0)
        xs = np.concatenate([x_train, x_held])
        ys = np.concatenate([data.y, y_held])
        x_lo, x_hi = padded(float(np.min(xs)), float(np.max(xs)), 0.04)
        y_lo, y_hi = padded(float(np.min(ys)), float(np.max(ys)), 0.15)
        self._reach = (y_lo - 2 * (y_hi - y_lo), y_hi + 2 * (y_hi - y_lo))
        self._grid_x, self._grid_X = dense_grid(x_lo, x_hi, degree, data.feature_names[0],
                                                   data)
        self.train_item.setData(x_train, data.y)
        self.held_out_item.setData(x_held, y_held)
        self.held_out_item.setVisible(held is not None)
        self.curve_item.setPen(pen(current_color(self.vm), 2.5))
        opt = run.optimum.params
        if opt is not None:
            self.optimum_item.setData(self._grid_x, self._cut(curve(np.asarray(opt),
                                                                    self._grid_X)))
        self.optimum_item.setVisible(opt is not None)
        self.set_view(x_lo, x_hi, y_lo, y_hi)
        x_name = data.feature_names[0]
        title = (tr("Data and the polynomial of degree {d} at k").format(d=degree)
                 if degree > 1 else tr("Data and the line at k"))
        self.set_texts(title, data.y_name, x_name)
        short = self.classroom  # a projector: short names, in the note's row
        entries: list[tuple[object, str]] = [
            (self.train_item, (tr("training ({n})") if short else
                               tr("training samples ({n})")).format(n=data.n))]
        if held is not None:
            entries.append((self.held_out_item, (tr("held-out ({n})") if short else
                                                 tr("held-out samples ({n})")).format(
                n=held.data.n)))
        entries.append((self.curve_item, tr("curve at k") if short else
                        tr("curve of iterate k")))
        if opt is not None:
            entries.append((self.optimum_item, tr("optimum") if short else
                            tr("exact optimum")))
        note = tr("The descent uses the training samples only; the held-out ones measure the "
                  "test cost.") if held is not None else ""
        self.set_note("" if short else note)
        self.setToolTip(note if short else "")
        # the least view under a legend's row: the grid's band keeps its room where the row
        # comes on top of the note's (or of nothing); on a projector it takes the note's place
        self.legend_least_view = LEAST_VIEW if short and note else 130.0
        self.set_legend(entries)
        self._draw_current(placed=True)
        drawn = [(xs, ys, 1.0)]
        if opt is not None:  # the exact optimum's dashed curve too
            drawn.append(self.along(*self.optimum_item.getOriginalDataset()))
        self.place_legend(drawn, (x_lo, x_hi, y_lo, y_hi))

    def _cut(self, y: FloatArray) -> FloatArray:
        with np.errstate(invalid="ignore"):
            return np.clip(y, *self._reach)

    def curve_at(self, k: int) -> tuple[FloatArray, FloatArray]:
        """x of the grid and ŷ of iterate ``k`` there (cut to the view's reach)."""
        return self._grid_x, self._cut(curve(self.vm.run.params[k], self._grid_X))

    def _draw_current(self, placed: bool = False) -> None:
        """Move the curve to iterate k."""
        run = self.vm.run
        k = self.current_index()
        self.mark_current_drawn(run, k)
        if not shows_polynomial(run.spec) or self._grid_X.shape[1] != run.spec.data.p:
            return
        self.curve_item.setData(*self.curve_at(k))
        if not placed:
            self.keep_current_visible()

    def current_points(self) -> tuple[FloatArray, FloatArray]:
        """The curve of iterate k, sampled, for keeping the legend off it."""
        if self._grid_X.shape[1] != self.vm.run.spec.data.p:
            return np.empty(0), np.empty(0)
        x, y = self.curve_at(self.current_index())
        return x[::5], y[::5]


class DataViews(OnDemandStack):
    """The window's data view: this plot when :func:`shows_polynomial`, else the plain
    data plot (switched on every new run); the polynomial plot is built the first time a
    run needs it (:mod:`gdapp.gui.on_demand`)."""

    POLYNOMIAL_PAGE = 1

    def __init__(self, vm: RunViewModel, data_plot: RunPlotWidget,
                 build_polynomial: Callable[[], PolynomialPlot]) -> None:
        super().__init__()
        self._vm = vm
        self.data_plot = data_plot
        self.add_page(data_plot)
        self.add_page(build_polynomial)
        vm.runChanged.connect(lambda: self.setCurrentWidget(self.shown()))
        self.setCurrentWidget(self.shown())

    @property
    def polynomial_plot(self) -> PolynomialPlot:
        """The polynomial view, built now if it was not yet."""
        plot: PolynomialPlot = self.page(self.POLYNOMIAL_PAGE)  # type: ignore[assignment]
        return plot

    def shown(self) -> RunPlotWidget:
        """The data view for the current run."""
        spec = self._vm.run.spec
        return self.polynomial_plot if shows_polynomial(spec) else self.data_plot
