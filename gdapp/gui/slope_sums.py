"""The sum inside a slope's formula, evaluated: ``∂E/∂b2 = −(2/n)·Σ x2·(y − ŷ) = −(2/5) ×
(−61.2) = 24.48``, so that each component of the gradient of several features (or of MAE,
RMSE, the line model) is worked out with its numbers as the note's own slope is.

Every model whose score is linear in b is written out, from the cost's and the model's entries;
the sine model and the cross-entropy keep their formula alone.
"""

from __future__ import annotations

import math
import re

import numpy as np
from numpy.typing import NDArray

from gdapp.core import Run
from gdapp.core.costs import cost_rule
from gdapp.core.models import model_rule
from gdapp.gui.step_numbers import num as _num
from gdapp.gui.step_numbers import opd as _opd


def evaluated_sum(run: Run, k: int, name: str,
                  rows: NDArray[np.intp] | None = None) -> str | None:
    """The formula of ∂E/∂``name`` at iterate k with its sum evaluated (the text between
    the formula and the slope's value), over every sample or over ``rows`` (a mini-batch),
    or None when it is not written out (a score not linear in b, a cost on the raw score).

    Read from the cost's and the model's entries: the sum is Σ ψ·∂ŷ/∂b with the leading
    number of ψ's template in front (MSE's ψ = 2·r: −(2/n) × Σ x·r)."""
    spec = run.spec
    model, rule = model_rule(spec.model), cost_rule(spec.cost)
    if not model.linear or rule.on_raw:
        return None
    X, y = spec.data.X, spec.data.y
    if rows is not None:
        X, y = X[rows], y[rows]
    b = run.params[k:k + 1]
    z = model.raw(b, X)[0]
    u = model.output(z)
    settings = spec.cost_settings()
    psi = rule.weights(y, u, settings) * model.output_slope(z)
    slope = model.raw_slopes(b, X)[spec.param_names.index(name)][0]
    lead = _leading(rule.excel_psi)
    total = float(np.sum(slope * psi)) / lead
    n = len(y)
    head = f"−({_num(lead)}/{n}) × {_opd(total)}"
    if not rule.outer:
        return head
    inner = float(np.mean(rule.values(y, u, settings)))   # the mean under the root
    d_inner = -lead / n * total
    return f"{_opd(d_inner)}/(2 × √{_num(inner)})" if inner > 0 and math.isfinite(inner) \
        else None


def _leading(template: str) -> float:
    """The number a template starts with ("2*{r}" → 2), else 1."""
    match = re.match(r"\(?(\d+(?:\.\d+)?)\*", template)
    return float(match.group(1)) if match else 1.0
