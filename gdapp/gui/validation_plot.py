"""The validation curve: the cost on the training and on the held-out samples against λ.

The note's reason for a penalty — without it large coefficients make the model overfit, the
penalty makes it robust — as one picture. For each λ the exact optimum of MSE + penalty on the
training samples (:func:`gdapp.core.regularization_path`) is scored on both parts
(:func:`gdapp.core.path.validation_curve`, MSE without the penalty): the training cost rises
with λ, while the test cost first falls — the penalty keeps the curve from bending through
every training sample — and rises again once the penalty flattens the model too much. The
λ with the lowest test cost is marked; a click on the plot sets the run's λ there (with the
run's penalty, or L2 when it has none).

λ runs on a log axis over ``LAMBDA_COUNT`` values from λ_max (every L1 coefficient is 0) down
to ``LAMBDA_RATIO``·λ_max: unless "Standardize the features" is checked, the powers of x keep
their own scales and need far smaller λ than the CLI's default grid before the polynomial
overfits.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gdapp.core import regularization_path
from gdapp.core.lasso import geometric_grid
from gdapp.core.models import model_rule
from gdapp.core.path import ValidationCurve, validation_curve
from gdapp.gui.i18n import tr
from gdapp.gui.label_spot import clear_spot
from gdapp.gui.plot_base import OPTIMUM_COLOR, pen
from gdapp.gui.plot_title import left_label, set_fitted_title
from gdapp.gui.test_cost import TEST_COST_COLOR

if TYPE_CHECKING:
    from gdapp.core import RegularizationPath, RunSpec
    from gdapp.gui.viewmodel import RunViewModel

LAMBDA_COUNT, LAMBDA_RATIO = 60, 1e-7
TRAIN_COST_COLOR = "#1f77b4"
CURRENT_LAMBDA_COLOR = "#444444"


def curve_penalty(spec: RunSpec) -> str:
    """The penalty the curve is drawn for: the run's, or L2 when it has none."""
    return spec.penalty if spec.penalty in ("l1", "l2") else "l2"


#: The legends' text: dark on their light ground, as the run plots' (pyqtgraph's default grey
#: is faint on a projector).
LEGEND_TEXT = "#222222"


def legend_text_size(legend: pg.LegendItem, points: float) -> None:
    """The legend's entries in ``points`` (pyqtgraph's setLabelTextSize only notes the size
    for the entries: they kept their old one on screen)."""
    size = f"{points:g}pt"
    legend.setLabelTextSize(size)
    for _, label in legend.items:
        label.setText(label.text, size=size)


def shows_validation(spec: RunSpec) -> bool:
    """Whether ``spec`` has a validation curve: held-out samples, MSE, origin or line."""
    return spec.holdout is not None and spec.cost == "mse" \
        and model_rule(spec.model).exact == "closed form"


class ValidationCurvePlot(QWidget):
    """Training and test cost against λ, the best λ marked; a click sets λ.

    Items for reading back: ``train_item``, ``test_item`` (x = log10 λ after pyqtgraph's log
    mode, y = cost), ``best_item`` (the best λ's test cost), ``current_line`` (the run's λ),
    and ``curve`` / ``path`` (the numbers drawn)."""

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.path: RegularizationPath | None = None
        self.curve: ValidationCurve | None = None
        self._key: tuple[object, ...] | None = None
        self._title = ""
        self.plot = pg.PlotWidget(background="w", enableMenu=False)  # (English only)
        self.plot.getPlotItem().setMenuEnabled(False)
        self.plot.scene().contextMenu = []
        self.plot.setLogMode(x=True, y=False)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setLabel("bottom", tr("λ (log scale)"))
        self.plot.setLabel("left", tr("MSE (no penalty)"))
        # on a light ground: a curve or the dashed λ line passing under it no longer strikes
        # through its words, and still shows faintly (it is not cut off at the legend)
        self.plot.addLegend(offset=(10, 10), brush=pg.mkBrush(255, 255, 255, 170),
                            labelTextColor=LEGEND_TEXT)  # not pyqtgraph's faint grey
        for side in ("left", "bottom"):  # numbers as they are, no "(x0.001)"
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.train_item = self.plot.plot([], [], pen=pen(TRAIN_COST_COLOR, 2.0),
                                         name=tr("training cost"))
        self.test_item = self.plot.plot([], [], pen=pen(TEST_COST_COLOR, 2.0),
                                        name=tr("test cost (held-out samples)"))
        self.best_item = pg.ScatterPlotItem(size=16, symbol="star", brush=OPTIMUM_COLOR,
                                            pen=pen("#000000", 1.0))
        self.plot.addItem(self.best_item)
        self.best_label = pg.TextItem("", color="#1b5e20", anchor=(0.5, 1.2),
                                      fill=pg.mkBrush(255, 255, 255, 210))
        self.plot.addItem(self.best_label, ignoreBounds=True)
        # beside the star, off the curves: placed again whenever the view's size changes
        self.plot.getPlotItem().getViewBox().sigResized.connect(self.place_best_label)
        self.current_line = pg.InfiniteLine(
            angle=90, movable=False, pen=pen(CURRENT_LAMBDA_COLOR, 1.5, Qt.PenStyle.DashLine))
        self.plot.addItem(self.current_line, ignoreBounds=True)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.plot.setToolTip(tr("Click to set λ there"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        #: classroom mode's factor for fonts and lines (1: normal)
        self.scale = 1.0
        self.plot.getPlotItem().getViewBox().sigResized.connect(self._fit_left_label)

    def set_scale(self, scale: float) -> None:
        """Classroom mode: the title, labels, ticks, legend, lines and star ``scale`` times
        their size, as the other plots."""
        self.scale = scale
        item = self.plot.getPlotItem()
        font = QFont()
        font.setPointSizeF(9 * scale)
        for side in ("left", "bottom"):
            item.getAxis(side).setTickFont(font)
        item.setLabel("bottom", tr("λ (log scale)"), **{"font-size": f"{9 * scale:g}pt"})
        self.left_shown = ("", 0.0)
        self._fit_left_label()
        set_fitted_title(self.plot, item.titleLabel.text, 11 * scale)  # (the title kept)
        if item.legend is not None:
            legend_text_size(item.legend, 8 * scale)
        for curve in (self.train_item, self.test_item):
            line = pg.mkPen(curve.opts["pen"])
            line.setWidthF(2.0 * scale)
            curve.setPen(line)
        self.best_item.setSize(16 * scale)
        label_font = QFont()
        label_font.setPointSizeF(9 * scale)
        self.best_label.setFont(label_font)

    def _fit_left_label(self, *_: object) -> None:
        """The left label whole along the view's height: "MSE (no penalty)" where it fits
        at its size, else "MSE"."""
        item = self.plot.getPlotItem()
        length = item.getViewBox().height()
        forms = (tr("MSE (no penalty)"), "MSE")
        text, points = left_label(forms, length if length > 1 else 1e9, 9 * self.scale)
        if (text, points) != getattr(self, "left_shown", None):
            self.left_shown = (text, points)
            item.setLabel("left", text, **{"font-size": f"{points:.3g}pt"})
            item.getAxis("left").resizeEvent()  # placed for its new length (pyqtgraph: on a resize)

    def refresh(self) -> None:
        """Recompute the curve when the data, model or penalty changed; move the λ line."""
        spec = self.vm.spec
        if not shows_validation(spec):
            self.path = self.curve = None
            self._key = None
            return
        assert spec.holdout is not None
        penalty = curve_penalty(spec)
        key = (spec.data, spec.holdout, spec.model, penalty)
        if key != self._key:
            self._key = key
            try:
                top = regularization_path(spec.data, spec.model, "l2").lambdas[0]
                grid = geometric_grid(float(top), LAMBDA_COUNT, LAMBDA_RATIO)
                self.path = regularization_path(spec.data, spec.model, penalty, grid)
                self.curve = validation_curve(self.path, spec.data, spec.holdout.data,
                                              spec.model)
            except ValueError:
                self.path = self.curve = None
            self._draw(penalty)
        self._mark_current()

    def _draw(self, penalty: str) -> None:
        path, curve = self.path, self.curve
        if path is None or curve is None:
            for item in (self.train_item, self.test_item):
                item.setData([], [])
            self.best_item.setData([], [])
            self.best_label.setText("")
            return
        lambdas = path.lambdas
        self.train_item.setData(lambdas, curve.train_cost)
        self.test_item.setData(lambdas, curve.test_cost)
        best_test = float(curve.test_cost[curve.best_index])
        self.best_item.setData([math.log10(curve.best_lambda)], [best_test])
        self.best_label.setText(tr("best λ = {lam}").format(lam=f"{curve.best_lambda:.3g}"))
        self._title = tr("Validation curve ({penalty})").format(penalty=penalty.upper())
        set_fitted_title(self.plot, self._title, 11 * self.scale)
        top = float(np.max(np.concatenate([curve.train_cost, curve.test_cost])))
        self.plot.setXRange(math.log10(lambdas[-1]), math.log10(lambdas[0]), padding=0.02)
        self.plot.setYRange(0.0, top, padding=0.05)
        self.place_best_label()

    def _mark_current(self) -> None:
        spec = self.vm.spec
        if self.curve is not None and spec.penalty in ("l1", "l2") and spec.lam > 0:
            self.current_line.setValue(math.log10(spec.lam))
            self.current_line.show()
        else:
            self.current_line.hide()
        self.place_best_label()  # off the run's λ line too

    def place_best_label(self) -> None:
        """Put "best λ = …" beside the star where it covers neither curve, the run's λ line
        nor the legend (:func:`gdapp.gui.label_spot.clear_spot`); in a plot too crowded for
        that, after the title, with the star."""
        curve, path = self.curve, self.path
        view = self.plot.getPlotItem().getViewBox()
        if curve is None or path is None or view.width() < 2 or view.height() < 2:
            return
        x, y = math.log10(curve.best_lambda), float(curve.test_cost[curve.best_index])
        star = view.mapFromView(QPointF(x, y))
        lines = [view.mapFromView(QPointF(float(a), float(b)))
                 for xs, ys in ((np.log10(path.lambdas), curve.train_cost),
                                (np.log10(path.lambdas), curve.test_cost))
                 for a, b in zip(xs, ys, strict=True)]
        n = len(path.lambdas)
        polylines = [lines[:n], lines[n:]]
        if self.current_line.isVisible():
            at = view.mapFromView(QPointF(self.current_line.value(), 0.0)).x()
            polylines.append([QPointF(at, 0.0), QPointF(at, view.height())])
        legend = self.plot.getPlotItem().legend
        avoid = [legend.mapRectToItem(view, legend.boundingRect())] if legend is not None \
            and legend.isVisible() else []
        size = self.best_label.textItem.boundingRect()
        spot = clear_spot(star, size.width(), size.height(), polylines, avoid,
                          QRectF(0.0, 0.0, view.width(), view.height()))
        self.best_label.setVisible(spot is not None)
        title = self._title if spot is not None else tr("{title} · ★ {best}").format(
            title=self._title, best=self.best_label.toPlainText())
        set_fitted_title(self.plot, title, 11 * self.scale)  # (whole at the plot's width)
        if spot is not None:
            self.best_label.setAnchor((0.0, 0.0))
            self.best_label.setPos(view.mapToView(spot))

    def _clicked(self, event: Any) -> None:
        vb = self.plot.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        self.set_lambda(10.0 ** vb.mapSceneToView(event.scenePos()).x())

    def set_lambda(self, lam: float) -> None:
        """The run's λ (what a click does), with the curve's penalty."""
        if self.curve is not None and math.isfinite(lam) and lam > 0:
            self.vm.update(penalty=curve_penalty(self.vm.spec), lam=float(f"{lam:.4g}"))
