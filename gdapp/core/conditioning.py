"""When the sufficient statistics of a squared-error cost may stand in for the samples.

:class:`gdapp.core.objective.SquaredStats` computes ∂MSE/∂b = H·(b − b*) in O(1) per update,
with b* from the normal equations S·b* = t. On ill-conditioned data (nearly collinear
features) b* comes out with few correct digits, and that gradient strays from the data's
own, −(2/n)·Σ xj·(y − ŷ), by the condition number times the rounding: on seven samples with
x2 = x1·(1 + ~1e−9) the gradient at b = 0 was wrong in its 9th digit. :func:`gradient_error`
bounds that error relative to the gradient's scale; where it exceeds
``TRUSTED_GRADIENT_ERROR`` the objective evaluates costs and gradients from the samples
(O(n) per update, exact to the rounding of a sum over them, as a spreadsheet's formulas are).
One feature's normal equation is one division, correct to an ulp on any data: its error is 0.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


#: The statistics stand in for the samples only where the gradient they give is within this
#: share of its scale of the data's own gradient (:func:`gradient_error`); a
#: tenth of the 1e−12 the engine promises, for the estimate's own slack.
TRUSTED_GRADIENT_ERROR = 1e-13

#: Relative rounding of an entry of S (a sum over the samples), as the estimate counts it.
_GRAM_ROUNDING = 4.0 * float(np.finfo(np.float64).eps)


def gradient_error(rows: FloatArray, v: FloatArray, S: FloatArray, bstar: FloatArray
                   ) -> float:
    """How far H·(b − b*) may stray from the data's gradient, relative to the gradient's
    terms (mean |uj|·|v|: the gradient's size at b = 0, the smallest its terms get).

    H·(b − b*) − 2·(S·b − t) = 2·(S·b* − t) + the rounding of S: the first is the residual of
    the normal equations, −2·mean(u·(v − u·b*)), computed here from the samples (accurate to
    the rounding of its own terms); the second is bounded by the rounding of S's entries
    times |S|·|b*|. On ill-conditioned data b* comes out of the normal equations with few
    correct digits (and may be huge), and both grow with the condition number."""
    e = v - bstar @ rows
    residual = np.abs(rows @ e) / rows.shape[1]
    drift = _GRAM_ROUNDING * (np.abs(S) @ np.abs(bstar))
    scale = (np.abs(rows) @ np.abs(v)) / rows.shape[1]
    error = residual + drift
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(scale > 0, error / scale, np.where(error > 0, np.inf, 0.0))
    return float(np.max(share))
