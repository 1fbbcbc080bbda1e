"""The plots' legend: a compact box in the corner that hides the fewest drawn points.

One entry per ``LEGEND_ROW`` pixels in an 8 pt font on a see-through white box, in more columns
when the entries would fill more than ``legend_max_height`` of the view. It sits in the corner
of the view that hides the fewest drawn points and never the current iterate (its marker and
tangent) or the off-plot remark while another corner is free; it is laid out again only when
its entries change (or the view's height asks for another number of columns).

The off-plot remark: when the current iterate lies outside the view, a remark at the view's
edge towards it says "k = … is off the plot" with an arrow and the iterate's values, where it
hides the fewest drawn points (:mod:`gdapp.gui.off_plot`).

The points the legend avoids are the drawn ones handed to :meth:`LegendPlacement.place_legend`
and the current iterate's marks where they are now (:meth:`current_points`: a data plot's
line and residuals, a cost plot's tangent…). When every corner would hide a current mark, the
middles of the edges are tried too.

A legend too large for its view (a projector's small plots), or with no place in it that
covers nothing drawn, sits under the plot instead, in as many columns as the plot's width
holds (:mod:`gdapp.gui.legend_outside`); only a plot too low even for that keeps it in the
view where it covers least, or, when it does not fit there either, in the view's tooltip.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from gdapp.gui.legend_outside import SHORT_AT, LegendUnderPlot, UnderRow, place_in_rows
from gdapp.gui.off_plot import OffPlotRemark

FloatArray = NDArray[np.float64]

#: The legend: one entry per ``LEGEND_ROW`` pixels in an 8 pt font on a see-through white,
#: in as many columns as it takes to stay within ``LEGEND_MAX_HEIGHT`` of the view's height.
LEGEND_ROW = 14
LEGEND_FONT = "8pt"
LEGEND_MAX_HEIGHT = 0.45
LEGEND_MARGIN = 6
#: A legend that would cover more of the view than this share of its area leaves it (after
#: trying its entries' texts up to ``SHORT_AT``): under the plot, else into the tooltip.
LEGEND_MAX_AREA = 0.3
#: Drawn points the legend's placement looks at per curve or path, at most.
LEGEND_SAMPLE = 400
#: A polyline's segments are sampled every this share of the view, at most this many times.
SEGMENT_STEP, SEGMENT_POINTS = 0.01, 100
#: The legend's corners: (x, y) fractions of the view box, y from the top…
CORNERS = ((1.0, 0.0), (0.0, 0.0), (1.0, 1.0), (0.0, 1.0))
#: …and, when every corner would hide a current mark, the middles of the edges.
PLACES = (*CORNERS, (0.5, 0.0), (0.5, 1.0), (1.0, 0.5), (0.0, 0.5))
#: Penalties of placing the legend over a point: the current iterate (and its tangent) must
#: never be hidden, the optimum should not be; any other drawn point counts once.
HIDES_CURRENT = 1_000_000
HIDES_OPTIMUM = 1_000


class LegendPlacement(LegendUnderPlot, OffPlotRemark):
    """The legend and the off-plot remark of a :class:`~gdapp.gui.plot_base.RunPlotWidget`:
    call :meth:`_init_legend` once ``plot_item`` exists; subclasses tell where the current
    iterate's marks are through :meth:`current_points`."""

    #: The legend takes more columns rather than more than this share of the view's height.
    legend_max_height = LEGEND_MAX_HEIGHT
    #: One entry per this many pixels, in a font of this many points (classroom mode
    #: scales both).
    legend_row = LEGEND_ROW
    legend_points = 8.0

    plot_item: pg.PlotItem
    legend: pg.LegendItem
    off_plot: pg.TextItem
    _legend_entries: list[tuple[object, str]]
    _legend_short: bool
    _legend_corner: tuple[float, float]
    _legend_columns: int
    _legend_points: tuple[FloatArray, FloatArray, FloatArray]
    _share: tuple[float, float]
    #: The view (x0, x1, y0, y1) the legend and the remark are placed in.
    _legend_view: tuple[float, float, float, float]

    def _init_legend(self) -> None:
        """Create the (empty) legend and the hidden off-plot remark on ``plot_item``."""
        self.legend = self._new_legend()
        self._legend_entries = []
        self._legend_short = False
        self._init_under(UnderRow(self.plot_item))
        self._legend_corner = CORNERS[0]
        self._legend_columns = 1
        self._legend_points = (np.empty(0), np.empty(0), np.empty(0))
        self._share = (0.0, 0.0)
        self._legend_view = (0.0, 1.0, 0.0, 1.0)
        self._init_remark()  # "k = 100 is off the plot": the iterate lies outside the view
        self.plot_item.getViewBox().sigResized.connect(self._fit_to_size)

    def _new_legend(self, outside: bool = False) -> pg.LegendItem:
        legend = pg.LegendItem(labelTextColor="#222222", labelTextSize=LEGEND_FONT,
                               horSpacing=3, verSpacing=0, brush=pg.mkBrush(255, 255, 255, 200),
                               pen=pg.mkPen(color="#bbbbbb", width=1),
                               sampleType=LegendSample)
        if not outside:  # (under the plot: put_under places it)
            legend.setParentItem(self.plot_item.getViewBox())
        return legend

    def set_legend(self, entries: list[tuple[object, str]], inside: bool = True) -> None:
        """Show exactly these (item, label) entries: relabels in place when only the labels
        changed, lays the legend out anew (and chooses its corner again) when the items did;
        ``inside`` False: under the plot whatever the room in the view (a map)."""
        if entries == self._legend_entries and inside == self._may_sit_inside:
            return
        old_items = [item for item, _ in self._legend_entries]
        if [item for item, _ in entries] == old_items and inside == self._may_sit_inside:
            resized = False
            for (item, label), (_, old) in zip(entries, self._legend_entries, strict=True):
                if label != old:
                    text = self.legend.getLabel(item)
                    width = text.minimumWidth()
                    text.setText(self._legend_text(label))
                    resized = resized or text.minimumWidth() != width
            self._legend_entries = list(entries)
            if resized and self._legend_outside:
                self._lay_out_legend()
            elif resized:  # a new learning rate seldom changes the label's width
                self._size_legend()
                if not self.legend.isVisible():
                    self._lay_out_legend()  # no longer fits the view: under the plot
                self._choose_corner()
            return
        self._legend_entries = list(entries)
        self._may_sit_inside = inside
        self._crowded, self._moves, self._too_low_at = False, 0, -math.inf
        self._lay_out_legend()

    def legend_columns(self) -> int:
        """How many columns the legend needs so that its rows fill at most
        ``legend_max_height`` of the view's height."""
        height = self.plot_item.getViewBox().height()
        height = height + self._outside_room if height > 1 else 400.0
        max_rows = max(3, int(self.legend_max_height * height / self.legend_row))
        return max(1, math.ceil(len(self._legend_entries) / max_rows))

    def _lay_out_legend(self, inside: bool = True) -> None:
        """Build the legend afresh: the entries top to bottom, then column by column, one
        ``LEGEND_ROW`` apart (a rebuilt pyqtgraph legend keeps its old, empty rows, which
        spread the new entries over the plot); in the view if it fits there (and
        ``inside``), else under the plot; a plot too low for a row under it has it in the
        view after all, where it covers least (if it fits at all)."""
        self._drop_legend()
        if not (self._may_sit_inside and inside and self._lay_out_inside()):
            self._put_legend_under(tried_inside=self._may_sit_inside and inside)
            if not self._under.fits and self._may_sit_inside and not inside:
                self._drop_legend()
                if not self._lay_out_inside():
                    self._put_legend_under(tried_inside=True)  # (hidden: the tooltip)
        self._legend_corner = (-1.0, -1.0)  # anchor it anew
        self._choose_corner()
        self._laid_out_for = self._plot_size()

    def _lay_out_inside(self) -> bool:
        """The legend in the view, its labels whole or else cut at their " — " (a
        projector's small plot still tells its curves apart; the whole labels in the
        tooltip); False when neither fits (nothing left on the plot)."""
        cuts = (False, True) if any(SHORT_AT in t for _, t in self._legend_entries) else (False,)
        for short in cuts:
            self.legend = legend = self._new_legend()
            self._build_legend(legend, short=short)
            if legend.isVisible():
                return True
            self._drop_legend()
        return False

    def _text_width(self, text: str) -> float:
        """An entry's text's width in the legend's font, in pixels."""
        points = self.legend_points * self._outside_scale
        return float(LegendLabel(text, self.legend_row, size=f"{points:g}pt").minimumWidth())

    def _legend_text(self, text: str) -> str:
        """An entry's text as the legend shows it (short: up to its " — ")."""
        return text.split(SHORT_AT)[0] if self._legend_short else text

    def _build_legend(self, legend: pg.LegendItem, short: bool, columns: int = 0) -> None:
        """Fill ``legend`` with the entries (``short``: their texts up to " — ") in
        ``columns`` columns (0: as many as the view's height asks for) and size it."""
        self._legend_short = short
        scale = self._outside_scale if self._legend_outside else 1.0
        height, points = round(self.legend_row * scale), self.legend_points * scale
        columns = self._legend_columns = columns or self.legend_columns()
        rows = max(1, math.ceil(len(self._legend_entries) / columns))
        flow = self._legend_flow if self._legend_outside else None  # left to right
        for i, (item, text) in enumerate(self._legend_entries):
            sample = LegendSample(item, height)
            label = LegendLabel(self._legend_text(text), height, color="#222222",
                                justify="left", size=f"{points:g}pt")
            legend.items.append((sample, label))
            row, column = i % rows, 2 * (i // rows)
            if flow is None:
                legend.layout.addItem(sample, row, column, Qt.AlignmentFlag.AlignVCenter)
                legend.layout.addItem(label, row, column + 1, Qt.AlignmentFlag.AlignVCenter)
        if flow is not None:
            place_in_rows(legend, legend.items, flow)
            rows = len(flow)
        for row in range(rows):
            legend.layout.setRowFixedHeight(row, height)
        for column in range(1, 2 * columns, 2):
            legend.layout.setColumnSpacing(column, 8)
        legend.layout.setContentsMargins(4, 2, 2, 2)
        self._size_legend()

    def _size_legend(self) -> None:
        """Fit the legend's box to its entries."""
        legend = self.legend
        legend.layout.invalidate()
        hint = legend.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize)
        legend.setGeometry(QRectF(0, 0, hint.width(), hint.height()))
        self._measure_legend()

    def _measure_legend(self) -> None:
        """Remember the legend's share of the view box (see :meth:`legend_share`)."""
        if self._legend_outside:  # under the plot: covers nothing in the view
            shown = self._under.fits  # (a plot too low for it: in the tooltip)
            self.legend.setVisible(shown)
            self._share = (0.0, 0.0)
            self.plot_item.getViewBox().setToolTip("\n".join(
                text for _, text in self._legend_entries) if self._legend_short or not shown
                else "")
            return
        view = self.plot_item.getViewBox()
        width = view.width() if view.width() > 1 else 600.0
        height = view.height() + self._outside_room if view.height() > 1 else 400.0
        share = ((self.legend.width() + LEGEND_MARGIN) / width,
                 (self.legend.height() + LEGEND_MARGIN) / height)
        # a plot made small (a divider dragged to its limit) keeps its curves: a legend
        # that would cover more than LEGEND_MAX_AREA of it steps aside (under the plot)
        fits = share[0] * share[1] <= LEGEND_MAX_AREA and share[0] <= 1 and share[1] <= 1
        if fits != self.legend.isVisible():
            self.legend.setVisible(fits)
        self._share = share if fits else (0.0, 0.0)
        self.plot_item.getViewBox().setToolTip("" if fits and not self._legend_short else "\n".join(
            text for _, text in self._legend_entries))

    def _fit_to_size(self) -> None:
        """After a resize: more or fewer legend columns if the height asks for it, and the
        least crowded corner for the new proportions; a legend under the plot is laid out
        again when the plot's size changed (it may fit in the view now)."""
        self._outside_room = 0.0  # the layout has run: the view box has its size
        if self._legend_outside:
            moved = max(abs(a - b) for a, b in zip(self._plot_size(), self._laid_out_for,
                                                    strict=True))
            if self._legend_entries and moved > 1:
                self._lay_out_later()  # more or fewer columns; in the view if it grew
            self.place_remark()
            return
        self._measure_legend()
        if self._legend_entries and not self.legend.isVisible():
            self._lay_out_later()  # under the plot, or cut at " — "
        elif self._legend_entries and self.legend_columns() != self._legend_columns:
            self._lay_out_legend()
        else:
            self._choose_corner()
        self.place_remark()  # off the legend, in the new proportions

    def place_legend(self, points: list[tuple[FloatArray, FloatArray, float]],
                     view: tuple[float, float, float, float]) -> None:
        """Put the legend in the corner of ``view`` = (x0, x1, y0, y1) where it hides the
        least of the drawn ``points`` = [(x, y, weight), …] (view coordinates; a long array is
        thinned to ``LEGEND_SAMPLE`` points; a :class:`Polyline`, made by :meth:`along`, is
        sampled along its segments too); the current iterate, given by
        :meth:`current_points`, is never hidden when a corner is free."""
        self._legend_view = view
        xs, ys, ws = [], [], []
        for series in points:
            x, y, weight = series
            step = max(1, x.size // LEGEND_SAMPLE)
            x, y = x[::step], y[::step]
            if isinstance(series, Polyline):  # along its segments too
                x, y = self._densified(x, y)
            xs.append(x)
            ys.append(y)
            ws.append(np.full(xs[-1].size, weight))
        # the drawn points only: the current iterate's marks move with k, and are added
        # where they are whenever the corner is chosen
        u, v, inside = self._view_fractions(np.concatenate([np.empty(0), *xs]),
                                            np.concatenate([np.empty(0), *ys]))
        self._legend_points = (u, v, np.concatenate([np.empty(0), *ws])[inside])
        self._remark_stale = True  # placed for the points before: placed again after this
        self._choose_corner()

    @staticmethod
    def along(x: FloatArray, y: FloatArray, weight: float = 1.0) -> Polyline:
        """Drawn points joined by lines (a path, a curve): the legend and the off-plot remark
        avoid its segments too, not only its points."""
        return Polyline(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64), weight)

    def _densified(self, x: FloatArray, y: FloatArray) -> tuple[FloatArray, FloatArray]:
        """The polyline (x, y) with points inserted every ``SEGMENT_STEP`` of the view along
        each segment (at most ``SEGMENT_POINTS`` per segment)."""
        if x.size < 2:
            return x, y
        x0, x1, y0, y1 = self._shown_view()
        dx, dy = np.diff(x), np.diff(y)
        with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
            reach = np.maximum(np.abs(dx / (x1 - x0)), np.abs(dy / (y1 - y0))) / SEGMENT_STEP
        n = np.clip(np.nan_to_num(np.ceil(reach), nan=1.0, posinf=SEGMENT_POINTS),
                    1, SEGMENT_POINTS).astype(np.intp)
        seg = np.repeat(np.arange(n.size), n)
        t = (np.arange(seg.size) - np.repeat(np.cumsum(n) - n, n)) / np.repeat(n, n)
        with np.errstate(invalid="ignore", over="ignore"):
            return (np.append(x[:-1][seg] + t * dx[seg], x[-1]),
                    np.append(y[:-1][seg] + t * dy[seg], y[-1]))

    def _shown_view(self) -> tuple[float, float, float, float]:
        """The view (x0, x1, y0, y1) as the view box shows it: wider than the one asked for
        where the axes keep equal scales (the cost map)."""
        view = self.plot_item.getViewBox()
        if view.width() > 1 and view.height() > 1:
            (x0, x1), (y0, y1) = view.viewRange()
            if np.isfinite([x0, x1, y0, y1]).all() and x1 > x0 and y1 > y0:
                return float(x0), float(x1), float(y0), float(y1)
        return self._legend_view

    def _view_fractions(self, x: FloatArray, y: FloatArray
                        ) -> tuple[FloatArray, FloatArray, NDArray[np.bool_]]:
        """Points as fractions (u across from the left, v down from the top) of the view:
        those inside it, and which they were."""
        x0, x1, y0, y1 = self._shown_view()
        with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
            u = (x - x0) / (x1 - x0)
            v = (y1 - y) / (y1 - y0)
        inside = (u >= 0) & (u <= 1) & (v >= 0) & (v <= 1)
        return u[inside], v[inside], inside

    def current_points(self) -> tuple[FloatArray, FloatArray]:
        """The current iterate's marks in view coordinates (the legend must not hide them)."""
        return np.empty(0), np.empty(0)

    def legend_share(self) -> tuple[float, float]:
        """The legend's box (with its margin) as fractions of the view box's width and
        height."""
        return self._share

    def _hidden_weights(self, u: FloatArray, v: FloatArray, weight: FloatArray
                        ) -> dict[tuple[float, float], float]:
        """The summed weight of the points (u, v) the legend would hide, per place (a corner
        or an edge's middle: the legend's point at those fractions of its box sits at the
        same fractions of the view)."""
        fw, fh = self._share
        hidden = {}
        for fx, fy in PLACES:
            left, top = fx * (1 - fw), fy * (1 - fh)
            inside = (u >= left) & (u <= left + fw) & (v >= top) & (v <= top + fh)
            hidden[fx, fy] = float(weight[inside].sum())
        return hidden

    def _choose_corner(self) -> None:
        """Anchor the legend in the corner hiding the least (the one it is in on a tie; an
        edge's middle when it hides less than every corner), the current iterate's marks
        counted where they are now."""
        if self._legend_outside:
            return  # under the plot
        u, v, w = self._legend_points
        cu, cv, _ = self._view_fractions(*self.current_points())
        u, v = np.concatenate([u, cu]), np.concatenate([v, cv])
        w = np.concatenate([w, np.full(cu.size, float(HIDES_CURRENT))])
        scores = self._hidden_weights(u, v, w)
        best = min(PLACES, key=lambda c: (scores[c] + self._hides_remark(c), c not in CORNERS,
                                          c != self._legend_corner, PLACES.index(c)))
        if scores[best] + self._hides_remark(best) > 0 and self._legend_entries and \
                not self._crowded and self.plot_item.getViewBox().height() > 1:
            self._crowded = True  # no place in the view covers nothing: under the plot
            self._lay_out_later()
        if best != self._legend_corner:
            fx, fy = best
            self.legend.anchor(itemPos=best, parentPos=best,
                               offset=(LEGEND_MARGIN * (1 - 2 * fx), LEGEND_MARGIN * (1 - 2 * fy)))
            self._legend_corner = best

    def keep_current_visible(self) -> None:
        """After the current iterate moved: move the legend if it now hides it."""
        if self._legend_outside:
            return
        u, v, _ = self._view_fractions(*self.current_points())
        corner = self._legend_corner
        if self._hidden_weights(u, v, np.ones(u.size))[corner] > 0 or \
                self._hides_remark(corner) > 0:
            self._choose_corner()

    def legend_rect(self, corner: tuple[float, float] | None = None) -> QRectF:
        """The legend's box in the view box's pixels, in ``corner`` (default: where it is)."""
        view = self.plot_item.getViewBox()
        fx, fy = self._legend_corner if corner is None else corner
        w, h = self.legend.width(), self.legend.height()
        x = fx * (view.width() - w) + LEGEND_MARGIN * (1 - 2 * fx)
        y = fy * (view.height() - h) + LEGEND_MARGIN * (1 - 2 * fy)
        return QRectF(x, y, w, h)

    def _hides_remark(self, corner: tuple[float, float]) -> float:
        """``HIDES_CURRENT`` when the legend in ``corner`` would cover the off-plot remark."""
        box = self.remark_rect()
        if box is None or self._legend_outside:
            return 0.0
        return float(HIDES_CURRENT) if self.legend_rect(corner).intersects(box) else 0.0


class Polyline(NamedTuple):
    """Drawn points joined by lines, for :meth:`LegendPlacement.place_legend`."""

    x: FloatArray
    y: FloatArray
    weight: float


class LegendSample(ItemSample):  # type: ignore[misc]
    """A legend entry's line (and symbol), ``row`` pixels high instead of 20; a click does
    not hide the plotted item (pyqtgraph's sample toggles it)."""

    def __init__(self, item: Any, row: int = LEGEND_ROW) -> None:
        super().__init__(item)
        self._row = row
        self.setFixedHeight(row)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, 20, self._row)

    def paint(self, p: QPainter, *args: Any) -> None:
        p.translate(0, self._row / 2 - 11)  # pyqtgraph draws the line at y = 11
        super().paint(p, *args)

    def mouseClickEvent(self, event: Any) -> None:
        event.ignore()


class LegendLabel(pg.LabelItem):  # type: ignore[misc]
    """A legend entry's text, one ``row`` high: no margin around the text (a
    pyqtgraph label keeps 4 pixels on each side, which spreads the rows apart)."""

    def __init__(self, text: str, row: int = LEGEND_ROW, **args: Any) -> None:
        self._row = row
        super().__init__(text, **args)

    def updateMin(self) -> None:
        self.item.document().setDocumentMargin(0)
        super().updateMin()
        self.setMinimumHeight(self._row)
        self.setMaximumHeight(self._row)
        self.setPreferredHeight(self._row)
