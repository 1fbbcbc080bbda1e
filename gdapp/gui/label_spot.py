"""A clear spot for a label that names a point of a plot (the validation curve's "best λ").

:func:`clear_spot` tries boxes of the label's size around the point — above, below, beside, at
growing distances — then anywhere in the view, and takes the nearest one that covers no drawn
line (each sampled every few pixels), not the point's own mark and none of the boxes to avoid
(a legend), or says there is none (the caller then writes the label elsewhere). Everything is
in the view box's pixels, so the label sits as clear on a projector as on a laptop.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, QRectF

FloatArray = NDArray[np.float64]

#: Distances (pixels) from the point at which the label is tried, nearest first.
GAPS = (6.0, 16.0, 32.0, 56.0, 90.0, 140.0)
#: Directions from the point: (across, down) unit steps, above first.
DIRECTIONS = ((0, -1), (1, -1), (-1, -1), (1, 0), (-1, 0), (0, 1), (1, 1), (-1, 1))
#: Pixels between samples of a line, and kept free around the label.
STEP, PAD = 3.0, 3.0
#: The point's own mark (a star of about 16 pixels): kept free this far around it.
MARK = 9.0
#: What covering a box to avoid counts against a spot.
COVERS_BOX = 1_000_000


def sampled(polyline: list[QPointF]) -> tuple[FloatArray, FloatArray]:
    """The points of ``polyline`` every ``STEP`` pixels or closer (its corners included)."""
    if not polyline:
        return np.empty(0), np.empty(0)
    x = np.asarray([p.x() for p in polyline], dtype=np.float64)
    y = np.asarray([p.y() for p in polyline], dtype=np.float64)
    keep = np.isfinite(x) & np.isfinite(y)
    x, y = x[keep], y[keep]
    if x.size < 2:
        return x, y
    xs, ys = [x[:1]], [y[:1]]
    for x0, y0, x1, y1 in zip(x[:-1], y[:-1], x[1:], y[1:], strict=True):
        n = int(min(np.ceil(np.hypot(x1 - x0, y1 - y0) / STEP), 2000))
        t = np.linspace(0.0, 1.0, max(n, 1) + 1)[1:]
        xs.append(x0 + t * (x1 - x0))
        ys.append(y0 + t * (y1 - y0))
    return np.concatenate(xs), np.concatenate(ys)


def _candidates(at: QPointF, width: float, height: float, bounds: QRectF
                ) -> list[tuple[float, float]]:
    """Top-left corners of the boxes tried: around ``at``, then over the whole of
    ``bounds`` (each kept inside it)."""
    ax, ay = at.x(), at.y()
    spots = []
    for gap in GAPS:
        for dx, dy in DIRECTIONS:
            left = ax - width / 2 if dx == 0 else ax + gap if dx > 0 else ax - gap - width
            top = ay - height / 2 if dy == 0 else ay + gap if dy > 0 else ay - gap - height
            spots.append((left, top))
    for fx in np.linspace(0.0, 1.0, 11):
        for fy in np.linspace(0.0, 1.0, 9):
            spots.append((bounds.left() + fx * (bounds.width() - width),
                          bounds.top() + fy * (bounds.height() - height)))
    inside = []
    for left, top in spots:
        left = min(max(left, bounds.left()), bounds.right() - width)
        top = min(max(top, bounds.top()), bounds.bottom() - height)
        inside.append((left, top))
    return inside


def clear_spot(at: QPointF, width: float, height: float, polylines: list[list[QPointF]],
               avoid: list[QRectF], bounds: QRectF) -> QPointF | None:
    """The top-left corner of a ``width`` × ``height`` label naming the point ``at``: the
    nearest place inside ``bounds`` that covers none of ``polylines``, the point's mark and
    the ``avoid`` boxes (all in the same pixels); None when there is none."""
    px, py = [np.empty(0)], [np.empty(0)]
    for line in polylines:
        x, y = sampled(line)
        px.append(x)
        py.append(y)
    xs, ys = np.concatenate(px), np.concatenate(py)
    spots = _candidates(at, width, height, bounds)
    lefts = np.asarray([s[0] for s in spots])
    tops = np.asarray([s[1] for s in spots])
    covered = ((xs[None, :] >= lefts[:, None] - PAD)
               & (xs[None, :] <= lefts[:, None] + width + PAD)
               & (ys[None, :] >= tops[:, None] - PAD)
               & (ys[None, :] <= tops[:, None] + height + PAD)).sum(axis=1).astype(np.float64)
    # the point's mark
    covered += ((lefts < at.x() + MARK) & (lefts + width > at.x() - MARK)
                & (tops < at.y() + MARK) & (tops + height > at.y() - MARK)) * float(COVERS_BOX)
    for box in avoid:
        covered += ((lefts < box.right()) & (lefts + width > box.left())
                    & (tops < box.bottom()) & (tops + height > box.top())) * float(COVERS_BOX)
    distance = np.hypot(lefts + width / 2 - at.x(), tops + height / 2 - at.y())
    best = int(np.lexsort((distance, covered))[0])
    if covered[best] > 0 or width > bounds.width() or height > bounds.height():
        return None
    return QPointF(float(lefts[best]), float(tops[best]))
