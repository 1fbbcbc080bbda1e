"""How large the terms of a workbook's sums over the samples can be: :func:`term_sizes`.

A spreadsheet's sum over the samples cancels to noise of the size of its terms, whatever its
own size (−(2/3)·(0.1 + 0.2 − 0.3) is −3.7e−17 in numpy, 0 in LibreOffice), so the verifier
measures such a cell against them. The bounds are read from the cost's and the model's
entries, never from their names:

* what the cost consumes is at most U per sample: for a residual cost R = Y + |ŷ|max, with
  Y = max|y| and |ŷ| at most |b0| + Σ|bj|·Xj (Xj = max|xj|) for a linear score, 1 for a
  bounded output (sin, σ); for a cost on the raw score (cross-entropy) Z = |b0| + Σ|bj|·Xj;
* the cost's terms are the entry's ρ at that size (R² for MSE, R for MAE and under RMSE's
  root, δ-limited for Huber, Z + ln 2 for cross-entropy), through its outer function;
* a gradient's terms are ∂u/∂b (Xj or 1; a non-linear score's excel_slope is at most Xj)
  times the entry's |ψ| at that size without the number written before the sum (MSE's 2:
  its terms are xj·r); an outer square root divides by twice the cost but never exceeds
  the ∂u/∂b bound, by Cauchy–Schwarz.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from gdapp.core import RunSpec
from gdapp.core.costs import cost_rule
from gdapp.core.models import model_rule
from gdapp.excel.sample_sums import leading_number

FloatArray = NDArray[np.float64]


def _largest(values: list[FloatArray]) -> FloatArray:
    return np.asarray(np.max(np.abs(np.array(values)), axis=0), dtype=np.float64)


def term_sizes(spec: RunSpec, params: FloatArray, cost: FloatArray) -> dict[str, FloatArray]:
    """``{"cost": (m,), "b0": (m,), "b1": (m,), …}``: the size of the largest term of the
    cost's sum and of each gradient's, per row of ``params`` (see the module docstring)."""
    data = spec.data
    rule, model = cost_rule(spec.cost), model_rule(spec.model)
    settings = spec.cost_settings()
    size_x = np.max(np.abs(data.X), axis=0) if data.n else np.zeros(data.p)
    size_y = float(np.max(np.abs(data.y))) if data.n else 0.0
    intercept = model.intercept
    slopes = np.abs(params[:, 1:] if intercept else params)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        z = slopes @ size_x[:slopes.shape[1]] + (np.abs(params[:, 0]) if intercept else 0.0)
        bounded = not model.linear or model.link != "identity"    # |sin|, σ ≤ 1
        ys: tuple[float, ...] = (0.0, size_y) if rule.on_raw else (0.0,)
        u = z if rule.on_raw else size_y + (np.ones_like(z) if bounded else z)
        # just above u: a sign at exactly 0 (MAE's) counts as 1
        u = np.nextafter(u, np.inf)
        rho, psi = [], []
        for y in ys:
            for arg in (u, -u):     # the raw score ±Z, or ŷ = ±R with y = 0
                yy = np.full_like(u, y)
                rho.append(rule.values(yy, arg, settings))
                psi.append(rule.weights(yy, arg, settings))
        number, _ = leading_number(rule.excel_psi)
        weight = _largest(psi) / (float(number) if number else 1.0)
        out: dict[str, FloatArray] = {"cost": rule.finish(_largest(rho))}
        for j, name in enumerate(spec.param_names):
            bound = 1.0 if intercept and j == 0 else float(size_x[j - intercept])
            terms = bound * weight
            if rule.outer:
                terms = np.where(cost > 0, np.minimum(terms / (2.0 * cost), bound), bound)
            out[name] = terms
    return {k: np.where(np.isfinite(v), v, 0.0) for k, v in out.items()}
