"""A model beyond the straight line, for the note's point that a real cost is not a parabola:
ŷ = sin(b1·x), the ``sine`` model (one feature, one parameter).

Its MSE E(b1) = (1/n)·Σ (y − sin(b1·x))² has many valleys, so there is no normal equation:
setting E'(b1) = 0 has many solutions, and gradient descent ends in the valley it starts in.
The exact answer is found by dense search instead: E on ``SEARCH_POINTS`` values of b1 over
the searched range, each valley's bottom refined by bisection of E' to adjacent floats, the
global minimum the lowest of them.

    ŷ = sin(b1·x)          ∂ŷ/∂b1 = x·cos(b1·x)
    ∂E/∂b1 = −(k/n)·Σ ψ(r)·x·cos(b1·x),  with the cost's ψ and k as for a line (MSE: r, 2)

Spreadsheets compute it with SIN and COS, which Excel, LibreOffice and Gnumeric share.

The ``nonconvex`` example: eight samples at x = 0.2, 0.4, …, 1.6 and two at x = 5 and 6,
y = sin(1.5·x) rounded to 4 decimals. The small x make a wide bowl around b1 = 1.5, the two
large ones ripples on it: on b1 from −1 to 5 the MSE has six valleys (near −0.54, 0.48,
1.50, 2.53, 3.78, 4.25), the deepest at b1 = 1.5. From b1 = 3 gradient descent (η = 0.05)
settles in the shallow valley at 2.53; momentum (μ = 0.9) rolls through it to 1.5.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from gdapp.core.dataset import Dataset

FloatArray = NDArray[np.float64]

#: The models whose prediction is not linear in the parameters.
NONLINEAR_MODELS = ("sine",)

#: Where the valleys of a non-linear model's cost are searched, and how densely.
SEARCH_RANGE = (-1.0, 5.0)
SEARCH_POINTS = 24_001


def sine_predictions(params: FloatArray, x: FloatArray) -> FloatArray:
    """ŷ = sin(b1·x) for each row of ``params`` (m, 1) and sample of ``x`` (n,) → (m, n)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return np.asarray(np.sin(params[:, :1] * x[None, :]), dtype=np.float64)


def sine_slope(params: FloatArray, x: FloatArray) -> FloatArray:
    """∂ŷ/∂b1 = x·cos(b1·x) → (m, n)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return np.asarray(x[None, :] * np.cos(params[:, :1] * x[None, :]), dtype=np.float64)


def nonconvex_example() -> Dataset:
    """The built-in ``nonconvex`` example (see the module docstring)."""
    x = np.array([0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 5.0, 6.0])
    y = np.round(np.sin(1.5 * x), 4)
    return Dataset(x, y, name="nonconvex")


def valleys(value: Callable[[FloatArray], FloatArray],
            slope: Callable[[FloatArray], FloatArray],
            lo: float = SEARCH_RANGE[0], hi: float = SEARCH_RANGE[1],
            points: int = SEARCH_POINTS) -> list[tuple[float, float]]:
    """The local minima (b1, E) of a one-parameter objective on [lo, hi], by b1.

    ``value`` and ``slope`` take an array of b1 values. A grid point lower than both
    neighbours marks a valley; its bottom is where the slope changes sign, bisected between
    the neighbours to adjacent floats.
    """
    grid = np.linspace(lo, hi, points)
    e = value(grid)
    inner = np.flatnonzero((e[1:-1] < e[:-2]) & (e[1:-1] <= e[2:])) + 1
    out = []
    for i in inner:
        a, b = float(grid[i - 1]), float(grid[i + 1])
        for _ in range(200):
            mid = 0.5 * (a + b)
            if mid in (a, b):
                break
            if float(slope(np.array([mid]))[0]) > 0:
                b = mid
            else:
                a = mid
        best = min((a, b), key=lambda t: float(value(np.array([t]))[0]))
        out.append((best, float(value(np.array([best]))[0])))
    return out
