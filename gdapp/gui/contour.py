"""The objective over (b0, b1) on a grid, its contour lines and shading (numpy only).

For the ``line`` model the objective is a bowl over the plane of (b0, b1). The cost plot shows
it as a shaded map with contour lines, the descent's path drawn on top.

* :func:`objective_grid` evaluates the objective at every grid node in one vectorized call.
* :func:`contour_levels` spaces the levels so that, for a quadratic bowl, neighbouring
  contour ellipses are evenly spaced: level_i = f_min + (f_max − f_min)·t_i², t_i evenly spaced
  (the radius of a quadratic's level set grows as √(f − f_min)).
* :func:`contour_segments` is marching squares: on each grid cell the level crosses an edge
  where the corner values lie on opposite sides of it, at the linearly interpolated point;
  a cell crossed on two edges holds one segment, on four (a saddle) two segments, paired by
  the value at the cell's centre.
* :func:`geometric_levels` spaces the levels geometrically above f_min instead, so that in a
  long narrow valley they close around the optimum (the map the window draws), and
  :func:`log_height` is the matching shading, log10(f − f_min + a small floor).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from gdapp.core import Objective

FloatArray = NDArray[np.float64]

#: Grid nodes per axis of the contour map…
GRID_SIZE = 120
#: …fewer (down to ``MIN_GRID_SIZE``) for a cost evaluated sample by sample (MAE), so that
#: nodes × samples stays within this budget: the map of 100,000 samples takes ~0.5 s, not 20.
GRID_WORK = 20_000_000
MIN_GRID_SIZE = 24
#: Number of contour lines.
LEVELS = 12
#: Largest number of (grid node × sample) evaluations at once, to bound the memory of costs
#: that are evaluated sample by sample (MAE).
CHUNK_WORK = 4_000_000


def evaluate(objective: Objective, params: FloatArray, part: str = "value") -> FloatArray:
    """``objective.value`` (or ``.cost``/``.penalty``) at each row of ``params`` (m, p),
    evaluated in chunks so that a large data set never needs an (m × n) array at once."""
    fn = {"value": objective.value, "cost": objective.cost, "penalty": objective.penalty}[part]
    rows = max(1, CHUNK_WORK // max(objective.data.n, 1))
    if params.shape[0] <= rows:
        return fn(params)
    return np.concatenate([fn(params[i:i + rows]) for i in range(0, params.shape[0], rows)])


def grid_size(objective: Objective) -> int:
    """Grid nodes per axis for this objective: ``GRID_SIZE``, unless each evaluation walks
    every sample (MAE) and the data set is large (see ``GRID_WORK``)."""
    if objective.stats is not None:  # squared-error costs: O(1) per node
        return GRID_SIZE
    fit = int(np.sqrt(GRID_WORK / max(objective.data.n, 1)))
    return max(MIN_GRID_SIZE, min(GRID_SIZE, fit))


def objective_grid(objective: Objective, b0_range: tuple[float, float],
                   b1_range: tuple[float, float], size: int | None = None
                   ) -> tuple[FloatArray, FloatArray, FloatArray]:
    """The objective on a size × size grid (size from :func:`grid_size` unless given).

    Returns
    -------
    b0 : ndarray of shape (size,)
    b1 : ndarray of shape (size,)
    z : ndarray of shape (size, size)      z[i, j] = objective(b0[i], b1[j])
    """
    size = grid_size(objective) if size is None else size
    b0 = np.linspace(b0_range[0], b0_range[1], size)
    b1 = np.linspace(b1_range[0], b1_range[1], size)
    g0, g1 = np.meshgrid(b0, b1, indexing="ij")
    params = np.column_stack([g0.ravel(), g1.ravel()])
    z = evaluate(objective, params).reshape(size, size)
    return b0, b1, z


def contour_levels(z: FloatArray, count: int = LEVELS) -> FloatArray:
    """``count`` levels between the grid's minimum and maximum, evenly spaced in √(f − f_min)."""
    finite = z[np.isfinite(z)]
    if finite.size == 0:
        return np.empty(0)
    lo, hi = float(finite.min()), float(finite.max())
    if not hi > lo:
        return np.empty(0)
    t = np.arange(1, count + 1) / (count + 1)
    return np.asarray(lo + (hi - lo) * t * t, dtype=np.float64)


def geometric_levels(z: FloatArray, count: int = LEVELS, reach: float = 1e-4) -> FloatArray:
    """``count`` levels f_min + (f_max − f_min)·g_i with g_i geometric from ``reach`` to
    about 1: in a long narrow valley (the line model at a small η) contours close around
    the optimum instead of crossing the view as near-parallel lines."""
    finite = z[np.isfinite(z)]
    if finite.size == 0:
        return np.empty(0)
    lo, hi = float(finite.min()), float(finite.max())
    if not hi > lo:
        return np.empty(0)
    g = np.geomspace(reach, 1.0, count + 1)[:-1]
    return np.asarray(lo + (hi - lo) * g, dtype=np.float64)


def log_height(z: FloatArray, reach: float = 1e-4) -> FloatArray:
    """log10(f − f_min + reach·(f_max − f_min)): the shading's scale, as many shades per
    decade near the optimum as far from it (the maximum where not finite)."""
    finite = np.isfinite(z)
    if not finite.any():
        return np.zeros_like(z)
    lo, hi = float(z[finite].min()), float(z[finite].max())
    floor = reach * (hi - lo) if hi > lo else 1.0
    with np.errstate(invalid="ignore"):
        h = np.log10(np.where(finite, z, hi) - lo + floor)
    return np.asarray(h, dtype=np.float64)


def _edge_point(za: FloatArray, zb: FloatArray, level: float, xa: FloatArray, xb: FloatArray
                ) -> FloatArray:
    """Where the level crosses the edge from a to b, by linear interpolation."""
    with np.errstate(invalid="ignore", divide="ignore"):
        t = (level - za) / (zb - za)
    return np.asarray(xa + np.nan_to_num(t) * (xb - xa), dtype=np.float64)


def contour_segments(b0: FloatArray, b1: FloatArray, z: FloatArray, levels: FloatArray
                     ) -> tuple[FloatArray, FloatArray]:
    """Contour line segments of ``z`` at ``levels`` by marching squares.

    Returns
    -------
    x, y : ndarray of shape (2·segments,)
        Segment end points in pairs (draw with ``connect="pairs"``).
    """
    X, Y = np.meshgrid(b0, b1, indexing="ij")
    # corners of each cell: (i, j), (i+1, j), (i+1, j+1), (i, j+1)
    z00, z10, z11, z01 = z[:-1, :-1], z[1:, :-1], z[1:, 1:], z[:-1, 1:]
    x00, x10, x11, x01 = X[:-1, :-1], X[1:, :-1], X[1:, 1:], X[:-1, 1:]
    y00, y10, y11, y01 = Y[:-1, :-1], Y[1:, :-1], Y[1:, 1:], Y[:-1, 1:]
    # edges in order: bottom (00→10), right (10→11), top (01→11), left (00→01)
    edges = ((z00, z10, x00, x10, y00, y10), (z10, z11, x10, x11, y10, y11),
             (z01, z11, x01, x11, y01, y11), (z00, z01, x00, x01, y00, y01))
    xs: list[FloatArray] = []
    ys: list[FloatArray] = []
    ok = np.isfinite(z00) & np.isfinite(z10) & np.isfinite(z11) & np.isfinite(z01)
    for level in levels:
        above = [za > level for za in (z00, z10, z11, z01)]
        crossed = np.stack([
            (above[0] != above[1]), (above[1] != above[2]),
            (above[3] != above[2]), (above[0] != above[3])]) & ok
        count = crossed.sum(axis=0)
        if not count.any():
            continue
        px = np.stack([_edge_point(za, zb, level, xa, xb) for za, zb, xa, xb, _, _ in edges])
        py = np.stack([_edge_point(za, zb, level, ya, yb) for za, zb, _, _, ya, yb in edges])
        # cells crossed twice: one segment between the two crossed edges
        two = count == 2
        first = np.argmax(crossed, axis=0)[two]
        second = 3 - np.argmax(crossed[::-1], axis=0)[two]
        cells = np.nonzero(two)
        a = (first, *cells)
        b = (second, *cells)
        seg_x = np.column_stack([px[a], px[b]])
        seg_y = np.column_stack([py[a], py[b]])
        # saddles (crossed four times): cut off the two corners on the centre's other side
        four = np.nonzero(count == 4)
        if four[0].size:
            centre = (z00 + z10 + z11 + z01)[four] / 4.0 > level
            joined = centre == above[0][four]  # corner 00 is joined to the centre
            bottom, top = np.zeros_like(four[0]), np.full_like(four[0], 2)
            p1 = bottom, np.where(joined, 1, 3)  # bottom–right | bottom–left
            p2 = top, np.where(joined, 3, 1)     # top–left | top–right
            for e1, e2 in (p1, p2):
                seg_x = np.vstack([seg_x, np.column_stack([px[(e1, *four)], px[(e2, *four)]])])
                seg_y = np.vstack([seg_y, np.column_stack([py[(e1, *four)], py[(e2, *four)]])])
        xs.append(seg_x.ravel())
        ys.append(seg_y.ravel())
    if not xs:
        return np.empty(0), np.empty(0)
    return np.concatenate(xs), np.concatenate(ys)
