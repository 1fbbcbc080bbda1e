"""The sum inside a slope's formula, evaluated: ``∂E/∂b2 = −(2/n)·Σ x2·(y − ŷ) = −(2/5) ×
(−61.2) = 24.48``, so that each component of the gradient of several features (or of MAE,
RMSE, the line model) is worked out with its numbers as the note's own slope is.

Only the linear models (``origin``, ``line``) are written out; the sine model keeps its
formula alone.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from gdapp.core import Run

MINUS = "−"


def _num(v: float) -> str:
    text = f"{v:.10g}"
    return MINUS + text[1:] if text.startswith("-") else text


def _opd(v: float) -> str:
    return f"({_num(v)})" if v < 0 else _num(v)


def evaluated_sum(run: Run, k: int, name: str,
                  rows: NDArray[np.intp] | None = None) -> str | None:
    """The formula of ∂E/∂``name`` at iterate k with its sum evaluated (the text between
    the formula and the slope's value), over every sample or over ``rows`` (a mini-batch),
    or None when it is not written out."""
    spec = run.spec
    if spec.model not in ("origin", "line") or spec.cost not in ("mse", "mae", "rmse"):
        return None
    X, y = spec.data.X, spec.data.y
    if rows is not None:
        X, y = X[rows], y[rows]
    b = run.params[k]
    slopes = b[1:] if spec.model == "line" else b
    prediction = X @ slopes + (b[0] if spec.model == "line" else 0.0)
    residual = y - prediction
    names = spec.param_names
    factor = np.ones(len(y)) if name == "b0" else \
        X[:, names.index(name) - (1 if spec.model == "line" else 0)]
    n = len(y)
    if spec.cost == "mae":
        total = float(np.sum(factor * np.sign(residual)))
        return f"−(1/{n}) × {_opd(total)}"
    total = float(np.sum(factor * residual))
    if spec.cost == "mse":
        return f"−(2/{n}) × {_opd(total)}"
    mse = float(np.mean(residual * residual))
    d_mse = -2.0 / n * total
    return f"{_opd(d_mse)}/(2 × √{_num(mse)})" if mse > 0 and math.isfinite(mse) else None
