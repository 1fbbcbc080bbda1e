"""MAE on the one-feature ``origin`` model from sorted breakpoints: O(log n) per iterate."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from gdapp.core.costs import band_sign
from gdapp.core.dataset import Dataset

FloatArray = NDArray[np.float64]


class SortedBreakpoints:
    """O(log n) MAE gradient for the ``origin`` model.

    With t_i = y_i/x_i and w_i = |x_i|: x_i·sign(y_i − b·x_i) = w_i·sign(t_i − b), so
    Σ x_i·s_i = W(t > b) − W(t < b), read off prefix sums of w over sorted t. Samples whose
    breakpoint lies within a relative 1e−10 of b (a window 100× wider than the zero band)
    are evaluated exactly as the direct formula does, so the zero band decides as before.
    """

    WINDOW = 1e-10

    def __init__(self, data: Dataset) -> None:
        nz = data.x != 0
        with np.errstate(over="ignore"):
            t = data.y[nz] / data.x[nz]
        order = np.argsort(t, kind="stable")
        self.t = t[order]
        self.x = data.x[nz][order]
        self.y = data.y[nz][order]
        w = np.abs(self.x)
        self.cum = np.concatenate([[0.0], np.cumsum(w)])
        with np.errstate(over="ignore", invalid="ignore"):
            self.cum_wt = np.concatenate([[0.0], np.cumsum(w * self.t)])
        self.constant = float(np.sum(np.abs(data.y[~nz])))  # samples with x = 0
        self.n = data.n

    def gradients(self, b: FloatArray) -> FloatArray:
        """∂MAE/∂b1 at each value of ``b`` (vectorized :meth:`gradient`)."""
        d = self.WINDOW * np.abs(b)
        lo = np.searchsorted(self.t, b - d, side="left")
        hi = np.searchsorted(self.t, b + d, side="right")
        total = (self.cum[-1] - self.cum[hi]) - self.cum[lo]
        for i in np.flatnonzero(hi > lo):  # the few rows with a breakpoint at b
            x, y = self.x[lo[i]:hi[i]], self.y[lo[i]:hi[i]]
            yhat = b[i] * x
            total[i] += float(np.sum(x * band_sign(y - yhat, np.abs(y) + np.abs(yhat))))
        return np.asarray(-total / self.n, dtype=np.float64)

    def costs(self, b: FloatArray) -> FloatArray:
        """MAE at each value of ``b``.

        (1/n)·[Σ_(t>b) w·(t − b) + Σ_(t<b) w·(b − t) + Σ_(x=0) |y|], from prefix sums.
        """
        k = np.searchsorted(self.t, b, side="left")
        w_lo, wt_lo = self.cum[k], self.cum_wt[k]
        w_hi, wt_hi = self.cum[-1] - w_lo, self.cum_wt[-1] - wt_lo
        with np.errstate(over="ignore", invalid="ignore"):
            value = (wt_hi - b * w_hi) + (b * w_lo - wt_lo) + self.constant
        return np.asarray(value / self.n, dtype=np.float64)

    def gradient(self, b: float) -> float:
        """∂MAE/∂b1 at b1 = b: −(1/n)·Σ x_i·s_i."""
        d = self.WINDOW * abs(b)
        lo = int(np.searchsorted(self.t, b - d, side="left"))
        hi = int(np.searchsorted(self.t, b + d, side="right"))
        below = self.cum[lo]                    # t < b: x·s = −|x|
        above = self.cum[-1] - self.cum[hi]     # t > b: x·s = +|x|
        x, y = self.x[lo:hi], self.y[lo:hi]
        yhat = b * x
        s = band_sign(y - yhat, np.abs(y) + np.abs(yhat))
        return -float(above - below + float(np.sum(x * s))) / self.n
