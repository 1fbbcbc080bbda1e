"""Where the cost slice of a run on several features looks: around the slice's own minimum.

The slice through iterate b_k along bj is a curve f(t) of one number. Its lowest point m is
where the descent would put bj if the other parameters stayed where they are; the exact
optimum's bj* is where they all end. A view that holds the whole path and the slices through
the first and the last iterate (as the view of one feature does) is useless with several
features: the start b = 0 of the features example costs about 7,900 while the bowl near the
optimum spans a few dozen, so the bowl is a flat line at the bottom. So the view is chosen
for each iterate (:func:`slice_range`):

* across, centred on m, reaching ``REACH`` times as far as the farther of the current bj,k
  and bj* (at least half the spread of bj's path, so a converged run still shows its bowl);
* up, from the lowest to the highest point of the slice in that range: the bowl fills the
  view whatever the start cost.

m is found on samples of the slice (:func:`slice_minimum`), widening the search while the
lowest sample lies on its edge.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from gdapp.gui.plot_base import FloatArray

#: The view reaches this many times the distance from the slice's minimum to the farther of
#: the current value and the exact optimum's.
REACH = 1.3
#: Samples of the search for the slice's minimum, and how often the search widens at most.
SEARCH_SAMPLES = 201
SEARCH_WIDENINGS = 8

Slice = Callable[[FloatArray], FloatArray]


def slice_minimum(f: Slice, lo: float, hi: float) -> float:
    """The t in (or beyond) [lo, hi] where the sampled slice ``f`` is lowest: the search
    widens fourfold towards an edge while its lowest sample lies on that edge, then narrows
    once around the lowest sample."""
    if not hi > lo:
        lo, hi = lo - max(abs(lo), 1.0), hi + max(abs(hi), 1.0)
    for _ in range(SEARCH_WIDENINGS):
        t = np.linspace(lo, hi, SEARCH_SAMPLES)
        with np.errstate(over="ignore", invalid="ignore"):
            v = f(t)
        if not np.isfinite(v).any():
            return float(0.5 * (lo + hi))
        i = int(np.nanargmin(np.where(np.isfinite(v), v, np.inf)))
        span = hi - lo
        if i == 0:
            lo -= 3 * span
        elif i == t.size - 1:
            hi += 3 * span
        else:
            step = span / (SEARCH_SAMPLES - 1)
            fine = np.linspace(t[i] - step, t[i] + step, SEARCH_SAMPLES)
            with np.errstate(over="ignore", invalid="ignore"):
                w = f(fine)
            if np.isfinite(w).any():
                return float(fine[int(np.nanargmin(np.where(np.isfinite(w), w, np.inf)))])
            return float(t[i])
    return float(t[i])


def slice_range(f: Slice, current: float, optimum: float | None, spread: float
                ) -> tuple[float, float, float]:
    """(x_lo, x_hi, the slice's minimum m): the view across for the slice ``f`` through an
    iterate whose value of the chosen parameter is ``current``; ``optimum`` is bj* (None
    when unknown), ``spread`` the span of bj along the run's path."""
    points = [current] + ([optimum] if optimum is not None and np.isfinite(optimum) else [])
    lo, hi = min(points), max(points)
    m = slice_minimum(f, lo - 0.5 * (hi - lo), hi + 0.5 * (hi - lo))
    reach = REACH * max(abs(p - m) for p in points)
    floor = max(0.5 * spread, 0.1 * abs(m))
    reach = max(reach, floor)
    if not reach > 0:
        reach = 1.0
    return m - reach, m + reach, m
