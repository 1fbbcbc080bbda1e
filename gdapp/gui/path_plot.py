"""The regularization path: each slope's exact optimum against λ, L1 beside L2.

The note's table "L1 vs L2" made visible: on the left the L1 path, where slopes reach exactly
0 one by one as λ grows (a feature leaves the model, marked with a dot and its λ); on the
right the L2 path over the same λ, where they shrink but never reach 0. λ runs on a log
axis (50 values from λ_max, the smallest λ at which every L1 slope is 0, down to 1e−3 of it:
:func:`gdapp.core.regularization_path`). A dashed line marks the current λ on the side of the
current penalty; a click on either plot sets that penalty and the clicked λ.

With held-out samples a third plot, the validation curve (:mod:`gdapp.gui.validation_plot`),
draws the training and test cost against λ with the best λ marked; a click there sets λ too.

The paths are those of MSE (the closed forms); with another cost the title says so. They
depend on the data and the model only, so they are recomputed when those change, not on
every η or λ change.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from gdapp.core import RegularizationPath, regularization_path
from gdapp.core.models import model_rule
from gdapp.gui.i18n import tr
from gdapp.gui.path_legend import fit_legend, side_legend
from gdapp.gui.plot_base import pen
from gdapp.gui.plot_title import TITLE_MARGIN, fitted_label, set_fitted_title, title_points
from gdapp.gui.validation_plot import (
    LEGEND_TEXT,
    ValidationCurvePlot,
    curve_penalty,
    legend_text_size,
    shows_validation,
)

if TYPE_CHECKING:
    from gdapp.gui.viewmodel import RunViewModel

#: One colour per slope (b1, b2, …), repeated beyond ten.
SLOPE_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                "#7f7f7f", "#bcbd22", "#17becf")
CURRENT_LAMBDA_COLOR = "#444444"


class RegularizationPathPlot(QWidget):
    """L1 and L2 paths of the current data and model, side by side; clicks set λ."""

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.plots: dict[str, pg.PlotWidget] = {}
        self.paths: dict[str, RegularizationPath | None] = {"l1": None, "l2": None}
        self.curves: dict[str, list[Any]] = {"l1": [], "l2": []}
        self.leave_marks: list[Any] = []
        self.current_lines: dict[str, pg.InfiniteLine] = {}
        self._key: tuple[object, ...] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for penalty in ("l1", "l2"):
            plot = pg.PlotWidget(background="w", enableMenu=False)
            plot.getPlotItem().setMenuEnabled(False)  # pyqtgraph's menus are English only
            plot.scene().contextMenu = []
            plot.setLogMode(x=True, y=False)
            plot.showGrid(x=True, y=True, alpha=0.2)
            plot.setLabel("bottom", tr("λ (log scale)"))
            plot.setLabel("left", tr("coefficient at the exact optimum"))
            # along the view's height: smaller, or ending in …, rather than cut at its ends
            plot.getPlotItem().getViewBox().sigResized.connect(
                lambda *_, p=plot: self._fit_left_label(p))
            plot.getPlotItem().getViewBox().sigResized.connect(
                lambda *_, p=plot: self._refit_band(p))
            plot.getPlotItem().getViewBox().sigResized.connect(
                lambda *_: self.refresh_titles())  # whole at the plot's new width
            for side in ("left", "bottom"):  # numbers as they are, no "(x0.001)"
                plot.getAxis(side).enableAutoSIPrefix(False)
            side_legend(plot, LEGEND_TEXT)  # beside the view, dark as the other plots' legends
            line = pg.InfiniteLine(angle=90, movable=False,
                                   pen=pen(CURRENT_LAMBDA_COLOR, 1.5, Qt.PenStyle.DashLine))
            plot.addItem(line, ignoreBounds=True)
            line.hide()
            plot.scene().sigMouseClicked.connect(
                lambda event, which=penalty: self._clicked(which, event))
            self.plots[penalty] = plot
            self.current_lines[penalty] = line
            layout.addWidget(plot)
        #: classroom mode's factor for fonts (1: normal)
        self.scale = 1.0
        # with held-out samples: the training and test cost against λ beside the paths
        self.validation = ValidationCurvePlot(vm)
        self.validation.hide()
        layout.addWidget(self.validation)
        vm.specChanged.connect(self.refresh)

    def set_scale(self, scale: float) -> None:
        """Classroom mode: the titles, labels, ticks and legends ``scale`` times their size."""
        self.scale = scale
        for plot in self.plots.values():
            item = plot.getPlotItem()
            font = QFont()
            font.setPointSizeF(9 * scale)
            for side in ("left", "bottom"):
                item.getAxis(side).setTickFont(font)
            item.setLabel("bottom", tr("λ (log scale)"), **{"font-size": f"{9 * scale:g}pt"})
            self._fit_left_label(plot)
            if item.legend is not None:
                legend_text_size(item.legend, 8 * scale)
            self._refit_band(plot)
        self.validation.set_scale(scale)
        self.refresh_titles()

    def _fit_left_label(self, plot: pg.PlotWidget) -> None:
        """The left axis's label whole along the view's height: the long one where it fits
        at its size, else a short one ("optimum bj*", then "bj*"), smaller only if it must be
        (a projector's short plots cut the long one to "coefficient at the exact o…")."""
        item = plot.getPlotItem()
        length = item.getViewBox().height()
        room = length + TITLE_MARGIN if length > 1 else 1e9
        size = 9 * self.scale
        forms = (tr("coefficient at the exact optimum"), tr("optimum bj*"), "bj*")
        text = next((f for f in forms if title_points(f, room, size) >= size), forms[-1])
        text, points = fitted_label(text, room, size)
        if (text, points) != getattr(plot, "left_label", None):
            plot.left_label = (text, points)
            item.setLabel("left", text, **{"font-size": f"{points:.3g}pt"})
            item.getAxis("left").resizeEvent()  # placed for its new length (pyqtgraph: on a resize)

    # ---------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the paths when the data or model changed; move the λ marker. Nothing
        is computed while the plot is hidden (it catches up when shown)."""
        if not self.isVisible():
            return
        spec = self.vm.spec
        key = (spec.data.name, spec.data.n, spec.data.feature_names, spec.model,
               spec.data.X.tobytes()[:4096], float(np.sum(spec.data.y)))
        if key != self._key:
            self._key = key
            for penalty in ("l1", "l2"):
                try:
                    self.paths[penalty] = regularization_path(spec.data, spec.model, penalty)
                except ValueError:
                    self.paths[penalty] = None
                self._draw(penalty)
        self._mark_current()
        # with held-out samples: the path of the curve's penalty beside the curve (three
        # plots would not fit a 1024 px window)
        validating = shows_validation(spec)
        for penalty, plot in self.plots.items():
            plot.setVisible(not validating or penalty == curve_penalty(spec))
        self.validation.setVisible(validating)
        self.validation.refresh()
        self.refresh_titles()

    def refresh_titles(self) -> None:
        """The two plots' titles, at classroom mode's size."""
        spec = self.vm.spec
        # the paths are least squares' (MSE of a linear model), whatever the run's cost; a
        # classifier's own path they are not
        cost_note = tr(" (of MSE on a line, not of this classifier)") \
            if model_rule(spec.model).link != "identity" \
            else "" if spec.cost == "mse" else tr(" (of MSE)")
        size = 11 * self.scale
        set_fitted_title(self.plots["l1"], tr("L1: coefficients reach exactly 0") + cost_note,
                         size)
        set_fitted_title(self.plots["l2"], tr("L2: coefficients shrink, never to 0") + cost_note,
                         size)

    def _draw(self, penalty: str) -> None:
        plot = self.plots[penalty]
        for item in self.curves[penalty]:
            plot.removeItem(item)
        self.curves[penalty] = []
        if penalty == "l1":
            for item in self.leave_marks:
                plot.removeItem(item)
            self.leave_marks = []
        path = self.paths[penalty]
        if path is None:
            return
        lambdas = path.lambdas
        positive = lambdas > 0
        for j, (name, column) in enumerate(zip(path.features, path.slopes().T, strict=True)):
            color = SLOPE_COLORS[j % len(SLOPE_COLORS)]
            curve = plot.plot(lambdas[positive], column[positive], pen=pen(color, 2.0),
                              name=f"b{j + 1} {name}")
            self.curves[penalty].append(curve)
        if penalty == "l1":
            for j, lam in enumerate(path.zero_from()):
                if lam is None or lam <= 0:
                    continue
                color = SLOPE_COLORS[j % len(SLOPE_COLORS)]
                dot = pg.ScatterPlotItem([math.log10(lam)], [0.0], size=9, brush=color,
                                         pen=pen("#000000", 1.0))
                dot.setToolTip(tr("b{j} ({name}) is exactly 0 from λ = {lam} up").format(
                    j=j + 1, name=path.features[j], lam=f"{lam:.4g}"))
                plot.addItem(dot)
                self.leave_marks.append(dot)
        # the curves the view's whole height, the legend beside it (gdapp.gui.path_legend)
        coefficients = path.slopes()[positive]
        lo, hi = float(min(coefficients.min(), 0.0)), float(max(coefficients.max(), 0.0))
        plot.enableAutoRange(axis="x")
        plot.curve_extent = (lo, hi, len(path.features))
        fit_legend(plot, *plot.curve_extent)

    def _refit_band(self, plot: pg.PlotWidget) -> None:
        """The legend again (the view's size or the legend's font changed)."""
        extent = getattr(plot, "curve_extent", None)
        if extent is not None:
            fit_legend(plot, *extent)

    def _mark_current(self) -> None:
        spec = self.vm.spec
        for penalty, line in self.current_lines.items():
            if spec.penalty == penalty and spec.lam > 0:
                line.setValue(math.log10(spec.lam))
                line.show()
            else:
                line.hide()

    def _clicked(self, penalty: str, event: Any) -> None:
        plot = self.plots[penalty]
        vb = plot.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        x = vb.mapSceneToView(event.scenePos()).x()
        self.set_lambda(penalty, 10.0 ** x)

    def set_lambda(self, penalty: str, lam: float) -> None:
        """Take ``penalty`` at strength ``lam`` (what a click on its plot does)."""
        if math.isfinite(lam) and lam > 0:
            self.vm.update(penalty=penalty, lam=float(f"{lam:.4g}"))

    def leave_points(self) -> list[tuple[float, float]]:
        """The (log10 λ, 0) points of the 'leaves here' dots on the L1 plot."""
        out = []
        for dot in self.leave_marks:
            xs, ys = dot.getData()
            out.append((float(xs[0]), float(ys[0])))
        return out
