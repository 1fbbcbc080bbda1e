"""How a descent path is drawn: which iterates make its line, and the dots on them.

A run of 10,000 or 1,000,000 updates cannot be drawn vertex by vertex within a frame, and need
not be: most late steps are far shorter than a pixel.

* :func:`decimate_indices` — the first iterates one by one, an even stride through the rest,
  the last one and the current one (for the dots and for pinned paths).
* :func:`on_screen_indices` — a long path's line reduced to one vertex per ``PATH_PIXEL_STEP``
  pixels of arc length on screen, keeping the first, last and current iterates.
* :class:`PathDots` — a few hundred identical round dots stamped from one small pixmap, in
  place of pyqtgraph's scatter item, whose ``setData`` alone costs about half a millisecond.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

FloatArray = NDArray[np.float64]

#: A path with more iterates than this is decimated for drawing its line…
MAX_PATH_POINTS = 2_000
#: …of which the first iterates are always drawn one by one (where the path is spread out).
PATH_HEAD = 1_000
#: At most this many iterates get a dot (a dot costs far more to draw than a line vertex).
MAX_PATH_DOTS = 300
#: A path of up to this many iterates is drawn through every one of them; a longer one
#: merges consecutive iterates closer than ``PATH_PIXEL_STEP`` pixels on screen.
PATH_EXACT_ROWS = 1_000
PATH_PIXEL_STEP = 1.5


def decimate_indices(m: int, keep: int | None = None, limit: int = MAX_PATH_POINTS,
                     head: int = PATH_HEAD) -> NDArray[np.intp]:
    """Row indices to draw of an m-row path: all of them when m ≤ ``limit``; otherwise the
    first ``head`` rows (head < limit), an even stride through the rest, the last row and
    ``keep``."""
    if m <= limit:
        return np.arange(m)
    head_rows = np.arange(min(head, m))
    tail = np.linspace(head_rows.size, m - 1, limit - head_rows.size).astype(np.intp)
    extra = [m - 1] if keep is None else [m - 1, min(max(keep, 0), m - 1)]
    rows = np.sort(np.concatenate([head_rows, tail, np.asarray(extra, dtype=np.intp)]))
    # drop repeats (cheaper than np.unique's hashing for a sorted array)
    keep_row = np.ones(rows.size, dtype=bool)
    keep_row[1:] = rows[1:] != rows[:-1]
    return np.asarray(rows[keep_row], dtype=np.intp)


def on_screen_indices(x: FloatArray, y: FloatArray, pixels: tuple[float, float],
                      keep: int | None = None, step: float = PATH_PIXEL_STEP,
                      limit: int = MAX_PATH_POINTS) -> NDArray[np.intp]:
    """Row indices of the path (x, y) worth drawing at the scale ``pixels`` = (pixels per
    unit of x, pixels per unit of y): every row of a path of up to ``PATH_EXACT_ROWS`` rows;
    of a longer one the first and last rows, ``keep``, and the first row of every further
    ``step`` pixels of arc length.

    With s_k = Σ_(i≤k) √((Δx_i·px)² + (Δy_i·py)²) the path's length in pixels up to row k,
    row k starts a new piece when ⌊s_k / step⌋ grows; the polyline through the first row of
    each piece strays less than ``step`` pixels from the full one. At most about ``limit``
    rows are returned (see :func:`decimate_indices`, applied to the kept rows).
    """
    m = int(x.shape[0])
    if m <= PATH_EXACT_ROWS:
        return np.arange(m)
    px, py = pixels
    with np.errstate(invalid="ignore", over="ignore"):
        dx, dy = np.diff(x) * px, np.diff(y) * py
        # (√ of the squares: libm's hypot takes 1 ms for 10,000 steps; a step too long to
        # square is not finite here and counts as a new piece below, as its hypot would)
        length = np.sqrt(dx * dx + dy * dy)
    length = np.where(np.isfinite(length), length, step)
    piece = np.floor(np.cumsum(length) / step)
    rows = np.flatnonzero(np.diff(piece, prepend=0.0) > 0) + 1
    extra = [0, m - 1] if keep is None else [0, m - 1, min(max(keep, 0), m - 1)]
    rows = with_rows(rows, extra)
    if rows.size > limit:
        kept = decimate_indices(int(rows.size), limit=limit, head=limit // 2)
        rows = with_rows(rows[kept], extra)
    return rows


def with_rows(rows: NDArray[np.intp], extra: list[int]) -> NDArray[np.intp]:
    """The sorted, distinct ``rows`` with the few ``extra`` rows added: ``np.union1d``'s
    result, without its general sort (which takes most of a millisecond for 2,000 rows)."""
    rows = np.asarray(rows, dtype=np.intp)
    more = np.asarray(sorted(set(extra)), dtype=np.intp)
    at = np.searchsorted(rows, more)
    new = more[(at >= rows.size) | (rows[np.minimum(at, max(rows.size - 1, 0))] != more)] \
        if rows.size else more
    return np.insert(rows, np.searchsorted(rows, new), new)


class PathDots(pg.GraphicsObject):  # type: ignore[misc]
    """A round dot of ``size`` pixels at each of a few hundred points: on screen one small
    pre-drawn dot stamped at every point in one ``drawPixmapFragments`` call; in an exported
    image or SVG one ``drawPoints`` call with a round-capped pen (vector dots).

    A light stand-in for pyqtgraph's scatter item, whose ``setData`` rebuilds a record per
    point (about half a millisecond for 300 dots) although every dot here looks the same.
    """

    def __init__(self, size: float = 6.0, color: str = "#444444") -> None:
        super().__init__()
        self._size = float(size)
        self._pen = QPen(QColor(color), self._size, Qt.PenStyle.SolidLine,
                         Qt.PenCapStyle.RoundCap)
        self._x: FloatArray = np.empty(0)
        self._y: FloatArray = np.empty(0)
        self._bounds = QRectF()
        self._stamp: tuple[float, QPixmap] | None = None  # (device pixel ratio, dot)
        self._fragments = pg.Qt.internals.PrimitiveArray(QPainter.PixmapFragment, 10)

    def setData(self, x: Any, y: Any) -> None:
        """Place the dots at (x[i], y[i]); points that are not finite are left out."""
        xa, ya = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        ok = np.isfinite(xa) & np.isfinite(ya)
        self.prepareGeometryChange()
        self._x, self._y = xa[ok], ya[ok]
        if self._x.size:
            x0, x1 = float(self._x.min()), float(self._x.max())
            y0, y1 = float(self._y.min()), float(self._y.max())
            self._bounds = QRectF(x0, y0, x1 - x0, y1 - y0)
        else:
            self._bounds = QRectF()
        self.informViewBoundsChanged()
        self.update()

    def getData(self) -> tuple[FloatArray, FloatArray]:
        """The dots' x and y."""
        return self._x, self._y

    def size(self) -> float:
        """The dots' diameter in pixels."""
        return self._size

    def setSize(self, size: float) -> None:
        """Dots of ``size`` pixels."""
        self.prepareGeometryChange()
        self._size = float(size)
        self._pen.setWidthF(self._size)
        self._stamp = None
        self.update()

    def setColor(self, color: str) -> None:
        """Fill every dot with ``color``."""
        self._pen.setColor(QColor(color))
        self._stamp = None
        self.update()

    def dataBounds(self, ax: int, frac: float = 1.0,
                   orthoRange: Any = None) -> tuple[float | None, float | None]:
        """The smallest and largest x (ax = 0) or y (ax = 1), for the view's auto-range."""
        values = self._x if ax == 0 else self._y
        if not values.size:
            return None, None
        return float(values.min()), float(values.max())

    def pixelPadding(self) -> float:
        """The dots reach this many pixels past their centres."""
        return self._size / 2

    def boundingRect(self) -> QRectF:
        """The dots' centres widened by a dot's radius, in data units."""
        px, py = self.pixelVectors()
        pad_x = 0.0 if px is None else px.length() * self._size
        pad_y = 0.0 if py is None else py.length() * self._size
        return self._bounds.adjusted(-pad_x, -pad_y, pad_x, pad_y)

    def viewTransformChanged(self) -> None:
        """The padding in data units follows the zoom."""
        self.prepareGeometryChange()
        super().viewTransformChanged()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if not self._x.size:
            return
        # device point = (m11·x + m21·y + dx, m12·x + m22·y + dy): the view's affine map
        t = painter.transform()
        px = np.clip(t.m11() * self._x + t.m21() * self._y + t.dx(), -2.0**30, 2.0**30)
        py = np.clip(t.m12() * self._x + t.m22() * self._y + t.dy(), -2.0**30, 2.0**30)
        painter.save()
        painter.resetTransform()
        if self._exportOpts is False:  # on screen
            dpr = widget.devicePixelRatioF() if widget is not None else 1.0
            stamp = self._dot(dpr)
            side = stamp.width()
            self._fragments.resize(px.size)
            frags = self._fragments.ndarray()
            # (x, y) the centre; source rect (0, 0, side, side); scale 1/dpr; no rotation
            frags[:, 0], frags[:, 1] = px, py
            frags[:, 2:10] = [0.0, 0.0, side, side, 1 / dpr, 1 / dpr, 0.0, 1.0]
            painter.drawPixmapFragments(*self._fragments.drawargs(), stamp)  # type: ignore[call-arg]
        else:
            poly = pg.functions.create_qpolygonf(px.size)
            xy = pg.functions.ndarray_from_qpolygonf(poly)
            xy[:, 0], xy[:, 1] = px, py
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(self._pen)
            painter.drawPoints(poly)
        painter.restore()

    def _dot(self, dpr: float) -> QPixmap:
        """The dot, antialiased, drawn once per colour and device pixel ratio."""
        if self._stamp is None or self._stamp[0] != dpr:
            side = int(np.ceil((self._size + 2) * dpr))
            stamp = QPixmap(side, side)
            stamp.fill(Qt.GlobalColor.transparent)
            p = QPainter(stamp)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._pen.color())
            r = self._size * dpr / 2
            p.drawEllipse(QRectF(side / 2 - r, side / 2 - r, 2 * r, 2 * r))
            p.end()
            self._stamp = (dpr, stamp)
        return self._stamp[1]
