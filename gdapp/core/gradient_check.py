"""The finite-difference check of the gradient (fast.ai's "gradient check"): beside the
analytic ∂(E+P)/∂bj the engine descends by, the central difference

    (F(b + sj·ej) − F(b − sj·ej)) / (2·sj),   sj = h·max(1, |bj|),

of the same objective F = cost + penalty, computed from :meth:`Objective.value` (so every
cost and model of the tables gets it, with no case of its own). The default h is
:data:`DEFAULT_H` = 1e−4; the step grows with |bj| so that b ± sj stays a visible move of a
large parameter, and is h itself for |bj| ≤ 1.

What the two should differ by
-----------------------------
Taylor's theorem gives the central difference's *truncation* error sj²·|F'''|/6 (0 for a
quadratic such as MSE on a linear model), and each F is rounded by about ε·|terms| (ε =
2.2e−16, the terms of the sum over the samples), so the *rounding* error of the quotient is
about ε·|terms|/sj. On the note's example (MSE, b1 = 15, s1 = 1.5e−3, F = 372.5) that is
about 5e−11 against the analytic 61: they agree to about 12 digits. Where they agree to
many digits, the analytic gradient is right.

At a kink they need not agree, and that is no error of the gradient: for L1 = λ·|bj|, at
bj = 0 exactly the central difference of λ·|bj| is 0, which is the sign(0) = 0 the analytic
gradient takes, so the two agree there; but for 0 < |bj| < sj the difference quotient
straddles the kink and gives λ·bj/sj (between −λ and λ) where the analytic value is ±λ. MAE
and Huber's edge do the same where a residual passes 0 (or ±δ) within the step.

A workbook recomputes the same quotient from the same formulas (:mod:`gdapp.excel`), so
there the truncation error is the same on both sides; what may differ is the rounding of
the two costs, which the verifier allows as it allows a cost cell's (1e−12 of the largest
term of the sum), divided by sj: see :mod:`gdapp.excel.gradient_check`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from gdapp.core.messages import Message
from gdapp.core.objective import Objective

if TYPE_CHECKING:
    from gdapp.core.engine import Run
    from gdapp.core.spec import RunSpec

FloatArray = NDArray[np.float64]

__all__ = ["DEFAULT_H", "GradientCheck", "central_difference", "check_h_error", "check_steps",
           "gradient_check", "relative_difference", "shifted"]

#: The default h of the check (the step is h·max(1, |bj|)).
DEFAULT_H = 1e-4


def check_h_error(h: object) -> str | None:
    """Why ``h`` cannot be the check's h (one sentence), or None when it can."""
    if isinstance(h, bool) or not isinstance(h, int | float):
        return Message("the gradient check's h must be a number, got {got}", got=repr(h))
    if not math.isfinite(h) or not h > 0:
        return Message("the gradient check's h must be a finite number > 0, got {got}",
                       got=repr(h))
    return None


def check_steps(params: FloatArray, h: float) -> FloatArray:
    """sj = h·max(1, |bj|) at each row, as the workbook's ``check_h*MAX(1,ABS(bj))``."""
    return np.asarray(h * np.maximum(1.0, np.abs(params)), dtype=np.float64)


def shifted(params: FloatArray, j: int, steps: FloatArray, sign: float) -> FloatArray:
    """The rows of ``params`` with parameter j moved by ``sign``·sj."""
    out = np.array(params, dtype=np.float64, copy=True)
    with np.errstate(over="ignore", invalid="ignore"):
        out[:, j] = params[:, j] + steps[:, j] if sign > 0 else params[:, j] - steps[:, j]
    return out


def central_difference(objective: Objective, params: FloatArray, h: float) -> FloatArray:
    """(F(b + sj·ej) − F(b − sj·ej))/(2·sj) at each row of ``params`` (m, q) → (m, q)."""
    params = np.atleast_2d(np.asarray(params, dtype=np.float64))
    steps = check_steps(params, h)
    out = np.empty_like(params)
    with np.errstate(over="ignore", invalid="ignore"):
        for j in range(params.shape[1]):
            up = objective.value(shifted(params, j, steps, 1.0))
            down = objective.value(shifted(params, j, steps, -1.0))
            out[:, j] = (up - down) / (2.0 * steps[:, j])
    return out


def relative_difference(analytic: FloatArray, central: FloatArray) -> FloatArray:
    """|analytic − central| of each parameter over the size of the whole gradient at that
    iterate, max over j of max(|analytic_j|, |central_j|) (0 where both are 0): a slope
    that is exactly 0 while another is large (MAE's, by symmetry) is not measured against
    its own 0, where the central difference's rounding alone would count as 100 %."""
    a = np.atleast_2d(np.asarray(analytic, dtype=np.float64))
    c = np.atleast_2d(np.asarray(central, dtype=np.float64))
    scale = np.max(np.maximum(np.abs(a), np.abs(c)), axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(scale > 0, np.abs(a - c) / np.where(scale > 0, scale, 1.0), 0.0)


@dataclass(frozen=True)
class GradientCheck:
    """A run's gradient beside its central difference at every iterate.

    Attributes
    ----------
    h : float
    names : tuple of str
        The parameters (b0, b1 … bp).
    analytic, central : ndarray of shape (m, q)
        ∂(E+P)/∂b as the run descends by it, and the central difference.
    """

    h: float
    names: tuple[str, ...]
    analytic: FloatArray
    central: FloatArray

    @property
    def relative(self) -> FloatArray:
        return relative_difference(self.analytic, self.central)

    def largest(self) -> tuple[float, int, str]:
        """(the largest relative difference, its iterate k, its parameter)."""
        rel = self.relative
        if not rel.size:
            return 0.0, 0, self.names[0]
        k, j = np.unravel_index(int(np.argmax(rel)), rel.shape)
        return float(rel[k, j]), int(k), self.names[int(j)]

    def at(self, k: int) -> dict[str, dict[str, float | None]]:
        """{parameter: {analytic, central_difference, relative_difference}} at iterate k."""
        rel = self.relative
        return {name: {"analytic": _finite(self.analytic[k, j]),
                       "central_difference": _finite(self.central[k, j]),
                       "relative_difference": _finite(rel[k, j])}
                for j, name in enumerate(self.names)}

    def to_dict(self) -> dict[str, Any]:
        """The ``gradient_check`` of ``run --json`` (keys documented in the README)."""
        worst, k, name = self.largest()
        last = int(self.analytic.shape[0]) - 1
        return {"h": self.h, "step": "h*max(1,|bj|)",
                "start": self.at(0), "last": self.at(last),
                "max_relative_difference": _finite(worst),
                "max_at": {"k": k, "parameter": name},
                "central_difference": [[_finite(v) for v in row] for row in self.central]}

    def summary(self) -> str:
        """One line for a person."""
        worst, k, name = self.largest()
        first = self.names[-1]
        j = len(self.names) - 1
        return (f"gradient check (h = {self.h:g}, step h·max(1, |bj|)): at the start "
                f"∂(E+P)/∂{first} = {self.analytic[0, j]:.12g}, central difference "
                f"{self.central[0, j]:.12g}; largest relative difference {worst:.2g} "
                f"(k = {k}, {name})")


def _finite(value: float | np.floating[Any]) -> float | None:
    """A JSON number: None where the quotient overflowed (a diverging run's last rows)."""
    v = float(value)
    return v if math.isfinite(v) else None


def gradient_check(run: Run, h: float | None = None) -> GradientCheck:
    """The check of a run's every iterate; ``h`` defaults to the spec's ``check_h``, else
    :data:`DEFAULT_H`."""
    spec: RunSpec = run.spec
    if h is None:
        h = getattr(spec, "check_h", None) or DEFAULT_H
    error = check_h_error(h)
    if error is not None:
        raise ValueError(error)
    central = central_difference(Objective.of(spec), run.params, float(h))
    return GradientCheck(float(h), spec.param_names, np.asarray(run.gradient,
                                                                dtype=np.float64), central)
