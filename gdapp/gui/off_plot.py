"""The off-plot remark: "k = … is off the plot →" when the current iterate lies outside the view.

The remark sits at the view's edge towards the iterate (an arrow points at it) with the
iterate's values on a second line. Along that edge it takes the place that hides the fewest
drawn points — the points the legend's placement weighs (:mod:`gdapp.gui.plot_legend`) and the
current iterate's marks — and never the legend's box: the objective's flat tail, which runs
along the bottom of the view to its right edge, keeps its curve in sight, and the remark moves
up above it. Among equally clear places it takes the one nearest the iterate's own height (or,
for an iterate above or below the view, its own position across).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont

from gdapp.gui.i18n import tr

FloatArray = NDArray[np.float64]

#: Places tried along the edge (evenly spread, from one end to the other).
REMARK_PLACES = 25
#: What covering the legend's box, or a current mark, counts (as plot_legend.HIDES_CURRENT).
COVERS_LEGEND = 1_000_000
ARROWS = {(1, 0): "→", (-1, 0): "←", (0, 1): "↑", (0, -1): "↓", (1, 1): "↗", (-1, 1): "↖",
          (1, -1): "↘", (-1, -1): "↙"}


class OffPlotRemark:
    """The remark of a :class:`~gdapp.gui.plot_legend.LegendPlacement` (which supplies the
    view, the drawn points, the current marks and the legend's box)."""

    plot_item: pg.PlotItem
    legend: pg.LegendItem
    off_plot: pg.TextItem
    _legend_outside: bool
    _legend_view: tuple[float, float, float, float]
    _legend_points: tuple[FloatArray, FloatArray, FloatArray]
    #: (iterate's x, y, which edges) of the shown remark, to place it again after a resize
    _remark_at: tuple[float, float, tuple[bool, bool, bool, bool]] | None
    #: the remark's place is from before the drawn points changed (place_legend)
    _remark_stale: bool
    #: the remark with its hint, without it, and its first line alone
    _remark_texts: tuple[str, str, str]

    def _init_remark(self) -> None:
        """Create the hidden remark on ``plot_item``."""
        self.off_plot = pg.TextItem("", color="#8a1c00", fill=pg.mkBrush(255, 255, 255, 215))
        font = QFont()
        font.setPointSize(8)
        self.off_plot.setFont(font)
        self.off_plot.setZValue(50)
        self.off_plot.setVisible(False)
        self.plot_item.addItem(self.off_plot, ignoreBounds=True)
        self._remark_at = None
        self._remark_stale = False
        self._remark_texts = ("", "", "")

    def scale_remark(self, scale: float) -> None:
        """Classroom mode: the remark's font ``scale`` times its 8 points (placed anew)."""
        font = self.off_plot.textItem.font()
        if font.pointSizeF() != 8.0 * scale:
            font.setPointSizeF(8.0 * scale)
            self.off_plot.setFont(font)
            self.place_remark()

    # what the legend's placement provides --------------------------------------------
    def current_points(self) -> tuple[FloatArray, FloatArray]:
        raise NotImplementedError

    def legend_rect(self, corner: tuple[float, float] | None = None) -> QRectF:
        raise NotImplementedError

    def _shown_view(self) -> tuple[float, float, float, float]:
        raise NotImplementedError

    def _view_fractions(self, x: FloatArray, y: FloatArray
                        ) -> tuple[FloatArray, FloatArray, NDArray[np.bool_]]:
        raise NotImplementedError

    # the remark ------------------------------------------------------------------------
    def remark_rect(self) -> QRectF | None:
        """The off-plot remark's box in the view box's pixels (None when hidden, or placed
        for points drawn before); computed, since pyqtgraph places the text only when it
        paints it."""
        if not self.off_plot.isVisible() or self._remark_stale:
            return None
        view = self.plot_item.getViewBox()
        at = view.mapFromView(self.off_plot.pos())
        size = self.off_plot.textItem.boundingRect()
        ax, ay = self.off_plot.anchor.x(), self.off_plot.anchor.y()
        return QRectF(at.x() - ax * size.width(), at.y() - ay * size.height(),
                      size.width(), size.height())

    def show_off_plot(self, k: int, where: tuple[float, float], text: str,
                      hint: str = "") -> None:
        """Say on the plot that iterate ``k`` at ``where`` (view coordinates) lies outside the
        view, at the edge towards it (``text`` gives its values, ``hint`` what to do, left
        out when the remark finds no clear place with it), where it hides the least; hide
        the remark when the iterate is inside."""
        x0, x1, y0, y1 = self._legend_view
        x, y = where
        inside = x0 <= x <= x1 and y0 <= y <= y1
        self._remark_stale = False
        if inside or not (math.isfinite(x0) and math.isfinite(y0)):
            self._remark_at = None
            if self.off_plot.isVisible():
                self.off_plot.setVisible(False)
            return
        right, left = x > x1 or x != x, x < x0
        up, down = y > y1 or y != y, y < y0
        arrow = ARROWS[(int(right) - int(left), int(up) - int(down))]
        head = tr("k = {k} is off the plot {arrow}").format(k=k, arrow=arrow)
        self._remark_texts = (f"{head}\n{text}{hint}", f"{head}\n{text}", head)
        self._remark_at = (x, y, (right, left, up, down))
        self.place_remark()

    def place_remark(self) -> None:
        """Put the shown remark where it hides no drawn point and not the legend: along its
        edge, nearest the iterate, else anywhere in the view; else without its hint, else as
        its first line alone ("k = … is off the plot →": the grid gives the values); else
        not at all (a plot too small for it: the grid and the note still tell)."""
        if self._remark_at is None:
            return
        x, y, edges = self._remark_at
        x0, x1, y0, y1 = self._shown_view()
        view = self.plot_item.getViewBox()
        width = view.width() if view.width() > 1 else 600.0
        height = view.height() if view.height() > 1 else 400.0
        iu = (x - x0) / (x1 - x0) if math.isfinite(x) and x1 > x0 else 0.5
        iv = (y1 - y) / (y1 - y0) if math.isfinite(y) and y1 > y0 else 0.0
        best = (math.inf, "", 0.0, 0.0)  # (what it hides, text, left, top)
        for text in dict.fromkeys(self._remark_texts):  # (the same twice without a hint)
            if self.off_plot.toPlainText() != text:
                self.off_plot.setText(text)
            size = self.off_plot.textItem.boundingRect()
            rw, rh = min(size.width() / width, 1.0), min(size.height() / height, 1.0)
            for anywhere in (False, True):
                lefts, tops, distance = _places(edges, (iu, iv), (rw, rh), anywhere)
                hidden = self._remark_hides(lefts, tops, rw, rh, (6 / width, 6 / height))
                i = int(np.lexsort((distance, hidden))[0])
                if hidden[i] == 0:
                    best = (0.0, text, float(lefts[i]), float(tops[i]))
                    break
            if best[0] == 0:
                break
        clear, text, u, v = best[0] == 0, best[1], best[2], best[3]
        if self.off_plot.isVisible() != clear:  # nowhere clear: not shown
            self.off_plot.setVisible(clear)
        if not clear:
            return
        if self.off_plot.toPlainText() != text:
            self.off_plot.setText(text)
        self.off_plot.setAnchor((0.0, 0.0))
        self.off_plot.setPos(QPointF(x0 + u * (x1 - x0), y1 - v * (y1 - y0)))

    def _remark_hides(self, lefts: FloatArray, tops: FloatArray, rw: float, rh: float,
                      pad: tuple[float, float]) -> FloatArray:
        """What the remark would hide at each place (left, top: fractions of the view): the
        weight of the drawn points and current marks under it or within ``pad`` of it, and
        the legend's box."""
        u, v, w = self._legend_points
        cu, cv, _ = self._view_fractions(*self.current_points())
        u, v = np.concatenate([u, cu]), np.concatenate([v, cv])
        w = np.concatenate([w, np.full(cu.size, float(COVERS_LEGEND))])
        px, py = pad
        inside = ((u[None, :] >= lefts[:, None] - px) & (u[None, :] <= lefts[:, None] + rw + px)
                  & (v[None, :] >= tops[:, None] - py)
                  & (v[None, :] <= tops[:, None] + rh + py))
        hidden = (inside * w[None, :]).sum(axis=1)
        if self.legend.isVisible() and not self._legend_outside:  # (in the view)
            view = self.plot_item.getViewBox()
            width = view.width() if view.width() > 1 else 600.0
            height = view.height() if view.height() > 1 else 400.0
            box = self.legend_rect()
            bl, bt = box.left() / width, box.top() / height
            br, bb = box.right() / width, box.bottom() / height
            covers = (lefts < br) & (lefts + rw > bl) & (tops < bb) & (tops + rh > bt)
            hidden = hidden + covers * float(COVERS_LEGEND)
        return np.asarray(hidden, dtype=np.float64)


def _places(edges: tuple[bool, bool, bool, bool], at: tuple[float, float],
            size: tuple[float, float], anywhere: bool
            ) -> tuple[FloatArray, FloatArray, FloatArray]:
    """The remark's places (left, top: fractions of the view) and each one's distance from
    the place beside the iterate at ``at``: along the edge towards it (``edges``: right,
    left, up, down), or over the whole view (``anywhere``)."""
    right, left, up, down = edges
    iu, iv = at
    rw, rh = size
    wanted_u = 1.0 - rw if right else 0.0 if left else min(max(iu - rw / 2, 0.0), 1.0 - rw)
    wanted_v = 0.0 if up else 1.0 - rh if down else min(max(iv - rh / 2, 0.0), 1.0 - rh)
    if anywhere:
        lefts, tops = (a.ravel() for a in np.meshgrid(np.linspace(0.0, 1.0 - rw, 13),
                                                      np.linspace(0.0, 1.0 - rh, 9)))
    elif right or left:  # along the side, from top to bottom
        tops = np.linspace(0.0, 1.0 - rh, REMARK_PLACES)
        lefts = np.full(tops.size, wanted_u)
    else:  # along the top or the bottom, from left to right
        lefts = np.linspace(0.0, 1.0 - rw, REMARK_PLACES)
        tops = np.full(lefts.size, wanted_v)
    distance = np.hypot(lefts - wanted_u, tops - wanted_v)
    return lefts, tops, np.asarray(distance, dtype=np.float64)
