"""The line model's contour map on the cost plot: shading, contour lines, colour bar and the
gradient arrow at the current iterate.

* The shading is log10(f − f_min + 1e−4·(f_max − f_min)) of the objective over the view
  (:func:`gdapp.gui.contour.log_height`), in a colour map from pale yellow through green to
  dark blue, with a colour bar that names its scale: a narrow valley shows as many shades
  near its floor as on its walls.
* The contour lines are spaced geometrically above f_min (:func:`geometric_levels`), so
  they close around the optimum instead of running across the view side by side.
* The plot's axes keep equal scales (one unit of b0 as long as one of b1): the bowl's true
  shape, and a gradient that is perpendicular to the contours on screen.
* The arrow at the current iterate points along −∇f, the direction of the next step, a fixed
  number of pixels long.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF

from gdapp.core import Objective, RunSpec
from gdapp.gui.contour import contour_segments, geometric_levels, log_height, objective_grid
from gdapp.gui.i18n import tr

#: The shading: pale (low objective) to dark blue (high), through green.
SHADES = pg.ColorMap([0.0, 0.45, 1.0], [(255, 252, 225), (140, 200, 160), (40, 70, 140)])
LINE_COLOR = "#2b3a4a"
ARROW_COLOR = "#c2185b"
# The colour bar's label and numbers: the axes' dark text.
BAR_TEXT = "#222222"
#: The gradient arrow's length on screen, in pixels.
ARROW_PIXELS = 46


class _Items:
    """The map's pyqtgraph items, added to the plot when built."""

    def __init__(self, plot_item: pg.PlotItem) -> None:
        self.image = pg.ImageItem()
        self.image.setZValue(-20)
        self.lines = pg.PlotDataItem(pen=pg.mkPen(LINE_COLOR, width=1), connect="pairs")
        self.lines.setZValue(0)
        self.arrow = pg.ArrowItem(angle=0, headLen=13, tailLen=ARROW_PIXELS - 13, tailWidth=3,
                                  pen=pg.mkPen(ARROW_COLOR), brush=pg.mkBrush(ARROW_COLOR),
                                  pxMode=True)
        self.arrow.setZValue(7)
        # what the legend shows for the lines and the arrow (not drawn themselves)
        self.lines_sample = pg.PlotDataItem(pen=pg.mkPen(LINE_COLOR, width=1))
        self.arrow_sample = pg.PlotDataItem(pen=pg.mkPen(ARROW_COLOR, width=3), symbol="t2",
                                            symbolSize=9, symbolBrush=pg.mkBrush(ARROW_COLOR),
                                            symbolPen=None)
        plot_item.addItem(self.image)
        plot_item.addItem(self.lines)
        plot_item.addItem(self.arrow, ignoreBounds=True)
        self.colour_bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=SHADES, interactive=False,
                                          width=12)
        self.colour_bar.setImageItem(self.image, insert_in=plot_item)
        self.colour_bar.axis.setTextPen(pg.mkPen(BAR_TEXT))  # (its numbers)

    def style_bar(self, scale: float) -> None:
        """The colour bar's label as dark and as large as the plot's axis labels (at
        ``scale``: classroom mode); pyqtgraph's own was a faint grey."""
        self.colour_bar.getAxis("left").setLabel(tr("log₁₀ (f − f*)"), color=BAR_TEXT,
                                                 **{"font-size": f"{9 * scale:.3g}pt"})


class ContourMap:
    """The map's items on ``plot_item`` (hidden until :meth:`show`).

    The items are built the first time they are shown or read: most runs have one parameter
    and never show the map, and its items (the colour bar above all) were a sixth of a new
    window's build."""

    def __init__(self, plot_item: pg.PlotItem) -> None:
        self.plot_item = plot_item
        self._items: _Items | None = None
        self._scale = 1.0
        self._drawn: tuple[RunSpec, tuple[float, float, float, float]] | None = None

    def _built(self) -> _Items:
        if self._items is None:
            self._items = _Items(self.plot_item)
            self._items.style_bar(self._scale)
            for item in self._shown_items():
                item.setVisible(False)
        return self._items

    def set_scale(self, scale: float) -> None:
        """Classroom mode: the colour bar's label ``scale`` times its size."""
        self._scale = scale
        if self._items is not None:
            self._items.style_bar(scale)

    @property
    def image(self) -> pg.ImageItem:
        return self._built().image

    @property
    def lines(self) -> pg.PlotDataItem:
        return self._built().lines

    @property
    def arrow(self) -> pg.ArrowItem:
        return self._built().arrow

    @property
    def colour_bar(self) -> pg.ColorBarItem:
        return self._built().colour_bar

    @property
    def lines_sample(self) -> pg.PlotDataItem:
        """What the legend shows for the contour lines (not drawn itself)."""
        return self._built().lines_sample

    @property
    def arrow_sample(self) -> pg.PlotDataItem:
        """What the legend shows for the arrow (not drawn itself)."""
        return self._built().arrow_sample

    def _shown_items(self) -> tuple[pg.GraphicsObject, ...]:
        items = self._built()
        return items.image, items.lines, items.arrow, items.colour_bar

    def show(self, on: bool) -> None:
        """Show (the line model) or hide (the origin model) the map and lock equal scales."""
        if on or self._items is not None:
            for item in self._shown_items():
                item.setVisible(on)
        self.plot_item.getViewBox().setAspectLocked(on, ratio=1.0)

    def draw(self, spec: RunSpec, box: tuple[float, float, float, float]) -> None:
        """Shade and contour the objective over ``box`` = (b0 from, to, b1 from, to)."""
        x_lo, x_hi, y_lo, y_hi = box
        obj = Objective.of(spec)
        b0, b1, z = objective_grid(obj, (x_lo, x_hi), (y_lo, y_hi))
        height = log_height(z)
        lo, hi = float(height.min()), float(height.max())
        self.image.setImage(height, autoLevels=False)
        self.colour_bar.setLevels((lo, hi if hi > lo else lo + 1.0))
        dx, dy = b0[1] - b0[0], b1[1] - b1[0]
        self.image.setRect(QRectF(x_lo - dx / 2, y_lo - dy / 2, dx * b0.size, dy * b1.size))
        self.lines.setData(*contour_segments(b0, b1, z, geometric_levels(z)), connect="pairs")
        self._drawn = (spec, box)

    def cover_view(self, chosen: tuple[float, float, float, float] | None) -> None:
        """Shade the whole view (and the ``chosen`` box in it) again after its box changed
        shape: equal scales widen one range to the box's proportions, and a map drawn for
        the old ones left white bands at the sides (the optimizers' scene on a projector)."""
        spec = self.drawn_spec
        if spec is None or chosen is None:
            return
        x_lo, x_hi, y_lo, y_hi = chosen
        (vx0, vx1), (vy0, vy1) = self.plot_item.getViewBox().viewRange()
        box = (min(vx0, x_lo), max(vx1, x_hi), min(vy0, y_lo), max(vy1, y_hi))
        if not self.covers(box):
            self.draw(spec, box)

    def covers(self, box: tuple[float, float, float, float]) -> bool:
        """Whether the drawn map covers ``box`` and is at most three times too wide."""
        if self._drawn is None:
            return False
        cx0, cx1, cy0, cy1 = self._drawn[1]
        x_lo, x_hi, y_lo, y_hi = box
        covers = cx0 <= x_lo and x_hi <= cx1 and cy0 <= y_lo and y_hi <= cy1
        tight = (cx1 - cx0) <= 3 * (x_hi - x_lo) and (cy1 - cy0) <= 3 * (y_hi - y_lo)
        return covers and tight

    @property
    def drawn_spec(self) -> RunSpec | None:
        """The spec the map was last drawn for."""
        return self._drawn[0] if self._drawn is not None else None

    def point_arrow(self, at: tuple[float, float], gradient: tuple[float, float],
                    pixels_per_unit: float) -> None:
        """The arrow from ``at`` along −``gradient`` (hidden where the gradient is 0)."""
        g0, g1 = gradient
        size = math.hypot(g0, g1)
        if not (size > 0 and math.isfinite(size) and pixels_per_unit > 0):
            self.arrow.setVisible(False)
            return
        dx, dy = -g0 / size, -g1 / size
        reach = ARROW_PIXELS / pixels_per_unit  # equal scales: one length for both axes
        self.arrow.setPos(at[0] + dx * reach, at[1] + dy * reach)
        # the arrow points left at angle 0; on screen y grows downwards
        self.arrow.setStyle(angle=math.degrees(math.atan2(dy, -dx)))
        self.arrow.setVisible(True)

    def arrow_direction(self) -> tuple[float, float]:
        """The arrow's direction in data units (for reading back)."""
        angle = math.radians(float(self.arrow.opts["angle"]))
        return -math.cos(angle), math.sin(angle)
