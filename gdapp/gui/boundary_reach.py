"""Where the decision boundary of two features lies against the samples' view.

The data view of a classifier of two features is the samples' extent, and the boundary
b0 + b1·x1 + b2·x2 = 0 moves into it as one steps. In the first steps of a run from b = 0 it
lies beside the samples (the passfail scene at k = 3: at x1 ≈ −1 to −2.4, left of the samples'
0.6 to 7.8), and the class, told to watch it move into place, saw only a remark that it was
outside the view. :func:`widened` widens the view, along one axis, to where the boundary
crosses the samples' band when that is near (at most :data:`REACH` times the view's width or
height beyond it); :func:`side` says on which side a farther one lies, for the remark.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from gdapp.gui.plot_base import FloatArray

#: How far beyond the samples' view the view widens to show the boundary, in views.
REACH = 1.0
#: The margin added beyond a boundary the view widens to (a share of the widened view).
MARGIN = 0.06

View = tuple[float, float, float, float]
Side = Literal["left", "right", "below", "above"]


def _crossings(b: FloatArray, view: View) -> list[tuple[Side, float, float]]:
    """Where the line crosses the band of the view's heights beside it (left or right) and the
    band of its widths above or below it: (side, nearest, farthest) coordinates along the
    axis it lies along, for each band the line crosses outside the view."""
    b0, b1, b2 = (float(v) for v in b[:3])
    x0, x1, y0, y1 = view
    out: list[tuple[Side, float, float]] = []
    if b1 != 0.0:  # across the heights y0..y1: x1 = −(b0 + b2·x2)/b1
        lo, hi = sorted(-(b0 + b2 * y) / b1 for y in (y0, y1))
        if hi < x0:
            out.append(("left", hi, lo))
        elif lo > x1:
            out.append(("right", lo, hi))
    if b2 != 0.0:  # across the widths x0..x1: x2 = −(b0 + b1·x1)/b2
        lo, hi = sorted(-(b0 + b1 * x) / b2 for x in (x0, x1))
        if hi < y0:
            out.append(("below", hi, lo))
        elif lo > y1:
            out.append(("above", lo, hi))
    return [c for c in out if np.isfinite(c[1]) and np.isfinite(c[2])]


def _gap(view: View, crossing: tuple[Side, float, float]) -> float:
    """How far beyond ``view`` the nearest crossing lies, in the view's widths or heights."""
    x0, x1, y0, y1 = view
    where, near, _far = crossing
    edge, size = {"left": (x0, x1 - x0), "right": (x1, x1 - x0),
                  "below": (y0, y1 - y0), "above": (y1, y1 - y0)}[where]
    return abs(near - edge) / size


def widened(view: View, b: FloatArray, reach: float = REACH) -> View:
    """``view`` widened along one axis to the boundary of ``b`` (b0, b1, b2) where it crosses
    the samples' band beside the view, when the nearest crossing is at most ``reach`` views
    beyond it: the whole crossing with a margin, or ``reach`` views when it runs farther.
    ``view`` itself when the boundary crosses it, lies farther, or is undefined."""
    near = [c for c in _crossings(b, view) if _gap(view, c) <= reach]
    if not near:
        return view
    where, _near, far = min(near, key=lambda c: _gap(view, c))
    x0, x1, y0, y1 = view
    width, height = x1 - x0, y1 - y0
    if where == "left":
        edge = max(far, x0 - reach * width)
        return (edge - MARGIN * (x1 - edge) if edge == far else edge), x1, y0, y1
    if where == "right":
        edge = min(far, x1 + reach * width)
        return x0, (edge + MARGIN * (edge - x0) if edge == far else edge), y0, y1
    if where == "below":
        edge = max(far, y0 - reach * height)
        return x0, x1, (edge - MARGIN * (y1 - edge) if edge == far else edge), y1
    edge = min(far, y1 + reach * height)
    return x0, x1, y0, (edge + MARGIN * (edge - y0) if edge == far else edge)


def side(view: View, b: FloatArray) -> Side | None:
    """On which side of ``view`` the boundary of ``b`` lies, when it misses the view: the
    side of its point nearest the view's centre (in shares of the view's width and height);
    None when it is undefined (b1 = b2 = 0)."""
    b0, b1, b2 = (float(v) for v in b[:3])
    x0, x1, y0, y1 = view
    w, h = x1 - x0, y1 - y0
    # in shares of the view: u = (x − x0)/w, v = (y − y0)/h; the line a·u + c·v + d = 0
    a, c = b1 * w, b2 * h
    d = b0 + b1 * x0 + b2 * y0
    norm = a * a + c * c
    if norm == 0.0 or not np.isfinite(norm):
        return None
    t = (a * 0.5 + c * 0.5 + d) / norm
    u, v = 0.5 - t * a, 0.5 - t * c
    beyond: dict[Side, float] = {"left": -u, "right": u - 1.0, "below": -v, "above": v - 1.0}
    where = max(beyond, key=lambda s: beyond[s])
    return where if beyond[where] > 0.0 else None
