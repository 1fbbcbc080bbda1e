"""The data and the model: the samples, the line of the current iterate and its residuals.

The first picture of a lesson on regression: the samples (x, y) as dots, the fitted line
ŷ = b1·x (or b0 + b1·x) of iterate k, which swings toward the data as one steps, and each
residual y − ŷ as a vertical segment from the sample to the line. Optionally each residual's
square is drawn as a square on it — the squares MSE adds up (their mean is E). A square is
square on screen: its side is |y − ŷ| in the y axis's units, and as many pixels wide as it is
high.

The view is fixed per run (so the line moves, not the axes): every sample, x = 0 for the
origin model (the line passes through it), and the lines of the run's first and last
(readable) iterates. Large data sets are thinned for drawing: at most ``MAX_DOTS`` samples
are drawn, and residuals for at most ``MAX_RESIDUALS`` of them (an even stride).

Changing the current iterate moves the line and the residuals only.

Which picture a model gets is its entry's ``view`` (:mod:`gdapp.core.models`): ``"line"``
and ``"sine"`` are drawn here, ``"logistic"`` (a classifier: samples by class, the S-curve
or the decision boundary) by :mod:`gdapp.gui.logistic_view` on the same plot.

With several features there is no line to draw over one x: the plot shows each sample's
prediction ŷ of iterate k (up) against its actual y (across), with the diagonal ŷ = y on
which a perfect fit would put every dot; a residual y − ŷ is then the vertical segment from
the dot to the diagonal. Changing the iterate moves the dots and the residuals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath
from PySide6.QtWidgets import QCheckBox, QGraphicsPathItem, QHBoxLayout, QWidget

from gdapp.core import Dataset, Run
from gdapp.core.models import model_rule
from gdapp.gui.i18n import tr
from gdapp.gui.logistic_view import LogisticLayer
from gdapp.gui.plot_base import (
    FloatArray,
    RunPlotWidget,
    current_color,
    padded,
    pen,
    readable_rows,
)

if TYPE_CHECKING:
    from gdapp.gui.viewmodel import RunViewModel

#: At most this many samples are drawn as dots…
MAX_DOTS = 5_000
#: …and at most this many get their residual (and square) drawn.
MAX_RESIDUALS = 200
# Points along the curve ŷ = sin(b1·x) of the sine model.
SINE_SAMPLES = 400
SAMPLE_COLOR = "#222222"
RESIDUAL_COLOR = "#d62728"
SQUARE_FILL = QColor(214, 39, 40, 40)


def thinned(n: int, limit: int) -> np.ndarray:
    """Indices of at most ``limit`` of ``n`` samples, evenly spread (all when n ≤ limit)."""
    if n <= limit:
        return np.arange(n)
    return np.unique(np.linspace(0, n - 1, limit).astype(np.intp))


def predictions(run: Run, k: int, x: FloatArray) -> FloatArray:
    """ŷ of iterate k at ``x`` (n,): b1·x, b0 + b1·x, or sin(b1·x); at samples ``x`` of
    shape (n, p): b1·x1 + … + bp·xp, plus b0 for ``line`` (the model entry's own score and
    output, so a dot sits where the workbook's prediction is)."""
    rule = model_rule(run.spec.model)
    X = x[:, None] if x.ndim == 1 else x
    return np.asarray(rule.output(rule.raw(run.params[k][None, :], X))[0], dtype=np.float64)


def model_formula(model: str) -> str:
    """The model's formula as its label writes it after the comma (``ŷ = b0 + b1·x``)."""
    label = model_rule(model).label
    return label.split(", ", 1)[1] if ", " in label else label


def _view(run: Run) -> str:
    """The picture the run's model asks for (its entry's ``view``)."""
    return model_rule(run.spec.model).view


class DataPlot(RunPlotWidget):
    """The samples with the line of the current iterate and its residuals.

    Items for reading back: ``samples_item`` (the dots), ``line_item`` (two points at the
    view's x limits), ``residual_item`` (segments in pairs: sample, line), ``square_item``
    (a ``QGraphicsPathItem`` of squares, shown when ``squares_box`` is checked).
    """

    legend_least_view = 100.0  # (the grid's band of rows keeps its room)

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, parent)
        self.squares_box = QCheckBox(tr("squares (what MSE adds up)"))
        self.squares_box.setToolTip(tr("Draw each residual's square: the mean of their "
                                       "areas is the cost E (MSE)."))
        self.squares_box.toggled.connect(lambda _on: self._draw_current())
        row = QHBoxLayout()
        row.setContentsMargins(6, 0, 6, 2)
        row.addStretch(1)
        row.addWidget(self.squares_box)
        self.column.addLayout(row)
        self.samples_item = pg.PlotDataItem(
            pen=None, symbol="o", symbolSize=9, symbolBrush=pg.mkBrush(SAMPLE_COLOR),
            symbolPen=pen("#ffffff", 1))
        self.line_item = pg.PlotDataItem(pen=pen(current_color(vm), 2.5))
        self.residual_item = pg.PlotDataItem(pen=pen(RESIDUAL_COLOR, 1.5), connect="pairs")
        self.square_item = QGraphicsPathItem()
        self.square_item.setPen(pen(RESIDUAL_COLOR, 1))
        self.square_item.setBrush(QBrush(SQUARE_FILL))
        for z, item in enumerate((self.square_item, self.residual_item, self.line_item,
                                  self.samples_item)):
            item.setZValue(z)
            self.plot_item.addItem(item)
        self._data: Dataset | None = None
        self._shown = np.empty(0, dtype=np.intp)
        self._with_residual = np.empty(0, dtype=np.intp)
        self._x_range = (0.0, 1.0)
        #: lines and residuals are cut at these heights (the view and twice its height)
        self._y_reach = (-1e300, 1e300)
        self._color = ""
        self.plot_item.getViewBox().sigResized.connect(self._draw_squares)
        #: a classifier's picture (samples by class, S-curve or decision boundary)
        self.logistic = LogisticLayer(self)
        self.connect_view_model()

    # signals -----------------------------------------------------------------------------
    def _on_run_changed(self) -> None:
        self._redraw()

    def _on_pinned_changed(self) -> None:
        self._redraw()

    # drawing -----------------------------------------------------------------------------
    def _show_regression(self, on: bool) -> None:
        """Show the regression's items (or hide them for the classifier's layer)."""
        for item in (self.residual_item, self.line_item, self.samples_item):
            item.setVisible(on)
        self.squares_box.setVisible(on)
        if not on:
            self.square_item.setVisible(False)
        self.logistic.show(not on)

    def _redraw(self) -> None:
        run = self.vm.run
        if _view(run) == "logistic":
            self._data = None
            self._show_regression(False)
            self.logistic.redraw(run)
            self.mark_current_drawn(run, self.current_index())
            return
        if self.logistic.active:
            self._show_regression(True)
        data = run.spec.data
        if data is not self._data:
            self._data = data
            self._shown = thinned(data.n, MAX_DOTS)
            self._with_residual = thinned(data.n, MAX_RESIDUALS)
            if data.p == 1:
                self.samples_item.setData(data.x[self._shown], data.y[self._shown])
        color = current_color(self.vm)
        if color != self._color:
            self.line_item.setPen(pen(color, 2.5))
            self._color = color
        if data.p > 1:
            self._redraw_fit(run)
            return
        x = data.x
        x_lo, x_hi = float(np.min(x)), float(np.max(x))
        if not model_rule(run.spec.model).intercept:  # the line passes through x = 0
            x_lo, x_hi = min(x_lo, 0.0), max(x_hi, 0.0)
        x_lo, x_hi = padded(x_lo, x_hi, 0.06)
        self._x_range = (x_lo, x_hi)
        ends = np.asarray([x_lo, x_hi])
        rows = readable_rows(run)
        heights = [float(np.min(data.y)), float(np.max(data.y))]
        reach = np.linspace(x_lo, x_hi, SINE_SAMPLES) if _view(run) == "sine" else ends
        # the first and last lines, and those of the extreme coefficients (a b1 that swings
        # negative on the way, as at η = 0.4), so the view follows every line of the run
        shown = run.params[:rows]
        extremes = {0, rows - 1, *np.argmin(shown, axis=0).tolist(),
                    *np.argmax(shown, axis=0).tolist()}
        for k in sorted(extremes):
            heights += [float(v) for v in predictions(run, k, reach)]
        finite = [h for h in heights if np.isfinite(h)]
        y_lo, y_hi = padded(min(finite), max(finite), 0.06)
        self._y_reach = (y_lo - 2 * (y_hi - y_lo), y_hi + 2 * (y_hi - y_lo))
        self.set_view(x_lo, x_hi, y_lo, y_hi)
        names = (data.x_name, data.y_name)
        model = model_formula(run.spec.model)
        sine = _view(run) == "sine"  # a curve, not a line
        self.set_texts((tr("Data and the curve {model} at k") if sine else
                        tr("Data and the line {model} at k")).format(model=model),
                       names[1], names[0])
        self.set_legend([(self.samples_item, tr("samples ({n})").format(n=data.n)),
                         (self.line_item, tr("curve of iterate k") if sine
                          else tr("line of iterate k")),
                         (self.residual_item, tr("residuals y − ŷ"))])
        note = ""
        if data.n > MAX_RESIDUALS:
            note = tr("{m} of {n} samples drawn; residuals of {r} of them").format(
                m=self._shown.size, n=data.n, r=self._with_residual.size)
        self.set_note(note)
        self._draw_current(placed=True)
        self.place_legend([(data.x[self._shown], data.y[self._shown], 1.0)],
                          (x_lo, x_hi, y_lo, y_hi))

    def _redraw_fit(self, run: Run) -> None:
        """Several features: ŷ of iterate k against y, the diagonal ŷ = y, the residuals."""
        data = run.spec.data
        shown = self._shown
        y_lo, y_hi = padded(float(np.min(data.y)), float(np.max(data.y)), 0.06)
        self._x_range = (y_lo, y_hi)
        heights = [y_lo, y_hi]
        for k in (0, readable_rows(run) - 1):
            fit = predictions(run, k, data.X[shown])
            heights += [float(np.min(fit[np.isfinite(fit)], initial=y_lo)),
                        float(np.max(fit[np.isfinite(fit)], initial=y_hi))]
        lo, hi = padded(min(heights), max(heights), 0.06)
        self._y_reach = (lo - 2 * (hi - lo), hi + 2 * (hi - lo))
        self.set_view(y_lo, y_hi, lo, hi)
        self.set_texts(tr("Predicted ŷ at k against the actual {y}").format(y=data.y_name),
                       tr("predicted ŷ"), tr("actual {y}").format(y=data.y_name),
                       shorter=("ŷ",))
        self.set_legend([(self.samples_item, tr("samples ({n})").format(n=data.n)),
                         (self.line_item, tr("ŷ = y (a perfect fit)")),
                         (self.residual_item, tr("residuals y − ŷ"))])
        self.set_note(tr("{p} features: {names}").format(p=data.p, names=data.x_name)
                      if data.n <= MAX_RESIDUALS else
                      tr("{m} of {n} samples drawn; residuals of {r} of them").format(
                          m=shown.size, n=data.n, r=self._with_residual.size))
        self._draw_current(placed=True)
        last = predictions(run, readable_rows(run) - 1, data.X[shown])
        self.place_legend([(data.y[shown], last, 1.0)], (y_lo, y_hi, lo, hi))

    def _residual_points(self, run: Run, k: int) -> tuple[FloatArray, FloatArray, FloatArray]:
        """For the samples with a residual: where each stands across (x, or y with several
        features), its y, and ŷ of iterate k cut to the view's reach."""
        idx = self._with_residual
        data = run.spec.data
        across = data.y[idx] if data.p > 1 else data.x[idx]
        samples = data.X[idx] if data.p > 1 else data.x[idx]
        return across, data.y[idx], np.clip(predictions(run, k, samples), *self._y_reach)

    def _draw_current(self, placed: bool = False) -> None:
        """Move the line and the residuals to iterate k."""
        run = self.vm.run
        k = self.current_index()
        self.mark_current_drawn(run, k)
        if self.logistic.active:
            self.logistic.draw_current(run, k)
            if not placed:
                self.keep_current_visible()
            return
        xs_line, ys_line = self._line_in_view(run, k)
        self.line_item.setData(xs_line, ys_line)
        data = run.spec.data
        if data.p > 1:  # the dots are the predictions: they move with k
            fit = predictions(run, k, data.X[self._shown])
            self.samples_item.setData(data.y[self._shown], np.clip(fit, *self._y_reach))
        # a diverged line: to the view's edge
        x, y, fit = self._residual_points(run, k)
        xs = np.repeat(x, 2)
        ys = np.column_stack([y, fit]).ravel()
        self.residual_item.setData(xs, ys, connect="pairs")
        self._draw_squares()
        if not placed:
            self.keep_current_visible()

    def _line_in_view(self, run: Run, k: int) -> tuple[FloatArray, FloatArray]:
        """The line of iterate k cut to the view (with a margin): its two ends, or none when
        it passes outside (a diverged iterate's line is nearly vertical, far off)."""
        x_lo, x_hi = self._x_range
        lo, hi = self._y_reach
        b = run.params[k]
        if run.spec.data.p > 1:  # the diagonal ŷ = y
            ends = np.asarray([x_lo, x_hi])
            return ends, ends.copy()
        if _view(run) == "sine":  # the curve, sampled across the view
            xs = np.linspace(x_lo, x_hi, SINE_SAMPLES)
            return xs, np.clip(predictions(run, k, xs), lo, hi)
        b0, b1 = (float(b[0]), float(b[1])) if model_rule(run.spec.model).intercept \
            else (0.0, float(b[0]))
        if b1 != 0.0:
            cut = sorted(((lo - b0) / b1, (hi - b0) / b1))
            x_lo, x_hi = max(x_lo, cut[0]), min(x_hi, cut[1])
        elif not lo <= b0 <= hi:
            return np.empty(0), np.empty(0)
        if not x_lo < x_hi:
            return np.empty(0), np.empty(0)
        ends = np.asarray([x_lo, x_hi])
        return ends, b0 + b1 * ends

    def _draw_squares(self) -> None:
        """The residuals' squares, as wide on screen as they are high (hidden unless asked)."""
        on = self.squares_box.isChecked() and not self.logistic.active
        self.square_item.setVisible(on)
        if not on:
            return
        run = self.vm.run
        x, y, fit = self._residual_points(run, k=self.current_index())
        (x0, x1), (y0, y1) = self.plot_item.getViewBox().viewRange()
        px, py = self.pixels_per_unit(x1 - x0, y1 - y0)
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # overlapping squares stay filled
        middle = (x0 + x1) / 2
        for xi, yi, fi in zip(x, y, fit, strict=True):
            side = abs(float(yi - fi))
            if not np.isfinite(side) or side == 0.0:
                continue
            width = side * py / px  # as many pixels wide as high
            left = float(xi) if xi <= middle else float(xi) - width  # toward the middle
            path.addRect(left, float(min(yi, fi)), width, side)
        self.square_item.setPath(path)

    def current_points(self) -> tuple[FloatArray, FloatArray]:
        """The line (or curve) of iterate k and its residuals, sampled densely, for keeping
        the legend off them: a residual of a diverged iterate runs across the whole view."""
        run = self.vm.run
        if self.logistic.active:
            return self.logistic.current_points()
        k = self.current_index()
        xs, ys = self._line_in_view(run, k)
        _, _, v0, v1 = self._legend_view
        t = np.linspace(0.0, 1.0, 41)  # dense: a steep line crosses the view in a few
        if xs.size == 2:  # a line: its part inside the view (a curve is sampled already)
            (xa, xb), (ya, yb) = xs, ys
            if ya != yb:
                ta, tb = sorted(((v0 - ya) / (yb - ya), (v1 - ya) / (yb - ya)))
                xa, xb, ya, yb = (xa + max(ta, 0.0) * (xb - xa), xa + min(tb, 1.0) * (xb - xa),
                                  ya + max(ta, 0.0) * (yb - ya), ya + min(tb, 1.0) * (yb - ya))
            xs, ys = xa + t * (xb - xa), ya + t * (yb - ya)
        x, y, fit = self._residual_points(run, k)
        lo, hi = np.minimum(y, fit), np.maximum(y, fit)  # each residual, cut to the view
        lo, hi = np.clip(lo, v0, v1), np.clip(hi, v0, v1)
        rx = np.repeat(x, t.size)
        ry = (lo[:, None] + t * (hi - lo)[:, None]).ravel()
        return np.concatenate([xs, rx]), np.concatenate([ys, ry])

    def squares_shown(self) -> int:
        """How many squares are drawn (0 when the box is unchecked)."""
        if not self.square_item.isVisible():
            return 0
        path = self.square_item.path()
        return sum(1 for i in range(path.elementCount())
                   if path.elementAt(i).type == QPainterPath.ElementType.MoveToElement)

