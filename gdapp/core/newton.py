"""The exact optimum of a smooth convex cost without a closed form: Newton's method.

Used for the cross-entropy of logistic regression (Newton's method is the IRLS of the
statistics books) and for the Huber cost on a line. With z = Xa·b (Xa the features, after a
column of ones when the model has an intercept), the mean of the cost's terms has

    ∇E = −(1/n)·Xaᵀ·ψ,        ∇²E = (1/n)·Xaᵀ·diag(κ)·Xa

with ψ the cost's weights and κ = ∂²ρ/∂u² its curvature (cross-entropy p·(1 − p), Huber 1
inside ±δ and 0 beyond, MSE 2). The penalty adds 2λ on the slopes' diagonal (L2).

* no penalty or L2: Newton steps with a backtracking (Armijo) line search, until the largest
  component of the gradient of the objective is at most ``GRADIENT_TOLERANCE`` of its scale
  (1e−12 relative to max|ψ|·max|x|, at least 1e−12).
* L1: proximal Newton (glmnet's scheme): each step minimises the quadratic model plus
  λ·Σ|bj| — the intercept profiled out, the lasso of :mod:`gdapp.core.lasso` on the slopes —
  then a line search on the true objective, until the KKT conditions hold to the same
  tolerance (∂_j + λ·sign(bj) = 0 where bj ≠ 0, |∂_j| ≤ λ where bj = 0, ∂_0 = 0).

Classes that a line separates have no finite optimum without a penalty: the cross-entropy
keeps falling as the weights grow. The solver says so (``None`` with a note) as soon as an
iterate classifies every sample strictly right, or when all samples are of one class (then
b0 alone grows for ever), or when the weights pass ``RUNAWAY`` without the gradient vanishing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from gdapp.core.costs import CostRule
from gdapp.core.data import Dataset
from gdapp.core.lasso import lasso
from gdapp.core.messages import Message
from gdapp.core.models import ModelRule

FloatArray = NDArray[np.float64]

#: The largest gradient component (or KKT violation) accepted, relative to its scale.
GRADIENT_TOLERANCE = 1e-12

#: Newton steps at most, and halvings of a step in its line search.
MAX_STEPS = 500
MAX_HALVINGS = 80

#: A Hessian whose smallest eigenvalue is below DAMPING_BELOW of the bound's scale is damped
#: by DAMPING of that scale (see :meth:`_Problem.damped`).
DAMPING_BELOW = 1e-9
DAMPING = 1e-2

#: A change of the objective this small relative to its size is rounding.
ROUNDING = 1e-13

#: Weights beyond this size mean the optimum lies at infinity (separated classes).
RUNAWAY = 1e8


@dataclass(frozen=True)
class NewtonFit:
    """``params`` (q,) or None, the final KKT/gradient ``gap`` relative to its scale, and a
    sentence for the learner when there is no finite optimum or the tolerance was missed."""

    params: FloatArray | None
    gap: float
    note: str = ""


class _Problem:
    """The objective mean(ρ) + penalty on the design Xa, with its gradient and Hessian."""

    def __init__(self, data: Dataset, model: ModelRule, cost: CostRule,
                 settings: Mapping[str, float], penalty: str, lam: float) -> None:
        cols = [data.X[:, j] for j in range(data.p)]
        if model.intercept:
            cols.insert(0, np.ones(data.n))
        self.xa = np.column_stack(cols)
        self.y = data.y
        self.n = data.n
        self.cost, self.settings = cost, settings
        self.first = 1 if model.intercept else 0
        self.penalty, self.lam = penalty, lam
        assert cost.curvature is not None
        self.kappa = cost.curvature
        # the scale of the Hessian's bound κ_max·XaᵀXa/n, for damping a singular Hessian
        gram = self.xa.T @ self.xa / self.n
        self.reference = float((cost.curvature_bound or 1.0) * np.linalg.eigvalsh(gram)[-1])

    def regular(self, hess: FloatArray) -> bool:
        """Whether H's smallest eigenvalue is above DAMPING_BELOW of the bound's scale."""
        low = float(np.linalg.eigvalsh(hess)[0]) if hess.size else 0.0
        return low > DAMPING_BELOW * self.reference

    def damped(self, hess: FloatArray) -> FloatArray:
        """H, or H + μ·I when H is (nearly) singular — Huber's Hessian is 0 where every
        residual lies beyond ±δ — so that the step is then a short gradient step
        (Levenberg–Marquardt); near the optimum H is regular again and Newton's step exact."""
        if self.regular(hess):
            return hess
        return np.asarray(hess + DAMPING * self.reference * np.eye(hess.shape[0]),
                          dtype=np.float64)

    def smooth(self, b: FloatArray, *, majorize: bool = False
               ) -> tuple[float, FloatArray, FloatArray]:
        """(E + L2 penalty, its gradient, its Hessian) at b. With ``majorize`` the Hessian's
        weights are max(κ, ψ/r) for a cost of the residual r: the weights of iteratively
        reweighted least squares, a quadratic that lies above the cost, so that its minimum
        never raises it (Huber: min(1, δ/|r|) where κ is 0)."""
        z = self.xa @ b
        rho = self.cost.values(self.y, z, self.settings)
        psi = self.cost.weights(self.y, z, self.settings)
        kappa = self.kappa(self.y, z, np.abs(self.y) + np.abs(z), self.settings)
        if majorize and not self.cost.on_raw:
            r = self.y - z
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = np.where(r != 0, psi / r, kappa)
            kappa = np.maximum(kappa, ratio)
        value = float(np.mean(rho))
        grad = -(self.xa.T @ psi) / self.n
        hess = (self.xa.T * kappa) @ self.xa / self.n
        if self.penalty == "l2":
            s = b[self.first:]
            value += self.lam * float(s @ s)
            grad[self.first:] += 2.0 * self.lam * s
            hess[self.first:, self.first:] += 2.0 * self.lam * np.eye(s.size)
        return value, grad, hess

    def value(self, b: FloatArray) -> float:
        """The whole objective (with L1 when the penalty is L1)."""
        v = self.smooth(b)[0]
        if self.penalty == "l1":
            v += self.lam * float(np.sum(np.abs(b[self.first:])))
        return v

    def scale(self) -> float:
        psi = 1.0 if self.cost.on_raw else self.settings.get("delta", 1.0)
        return max(1.0, psi * float(np.max(np.abs(self.xa))))

    def gap(self, b: FloatArray, grad: FloatArray) -> float:
        """The largest violation of optimality (the gradient; with L1, the KKT conditions)."""
        if self.penalty != "l1":
            return float(np.max(np.abs(grad)))
        g = grad.copy()
        s = b[self.first:]
        gs = g[self.first:]
        viol = np.where(s != 0, np.abs(gs + self.lam * np.sign(s)),
                        np.maximum(np.abs(gs) - self.lam, 0.0))
        head = np.abs(g[:self.first])
        return float(max(np.max(viol, initial=0.0), np.max(head, initial=0.0)))

    def separated(self, b: FloatArray) -> bool:
        """Whether b classifies every sample strictly right (a logit model)."""
        z = self.xa @ b
        return bool(np.all(np.where(self.y == 1.0, z > 0, z < 0)))


def _newton_direction(grad: FloatArray, hess: FloatArray) -> FloatArray:
    try:
        d = np.linalg.solve(hess, -grad)
        if np.all(np.isfinite(d)):
            return np.asarray(d, dtype=np.float64)
    except np.linalg.LinAlgError:
        pass
    return np.asarray(np.linalg.lstsq(hess, -grad, rcond=None)[0], dtype=np.float64)


def _proximal_direction(p: _Problem, b: FloatArray, grad: FloatArray, hess: FloatArray
                        ) -> FloatArray:
    """argmin_d gᵀd + ½dᵀHd + λ·Σ|b_s + d_s| − b itself (the intercept profiled out)."""
    f = p.first
    h, g = hess, grad
    hs, cs = h[f:, f:].copy(), g[f:].copy()
    if f:
        h00 = h[0, 0]
        hs -= np.outer(h[f:, 0], h[0, f:]) / h00
        cs -= h[f:, 0] * g[0] / h00
    s = b[f:]
    lin = cs - hs @ s               # the model in the new slopes: lin·s + ½·sᵀ·hs·s
    fit = lasso(p.n * hs / 2.0, -p.n * lin / 2.0, p.n, p.lam)
    ds = fit.slopes - s
    d = np.zeros_like(b)
    d[f:] = ds
    if f:
        d[0] = -(g[0] + h[0, f:] @ ds) / h[0, 0]
    return d


def newton_optimum(data: Dataset, model: ModelRule, cost: CostRule,
                   settings: Mapping[str, float], penalty: str, lam: float) -> NewtonFit:
    """The minimiser of cost + penalty (see the module docstring)."""
    p = _Problem(data, model, cost, settings, penalty if lam > 0 else "none", lam)
    logit = model.link == "logit"
    if logit and model.intercept and np.all(data.y == data.y[0]):
        return NewtonFit(None, np.inf, Message(
            "no finite optimum: every sample is of one class, so b0 (never penalized) grows "
            "for ever as the cross-entropy falls toward 0"))
    tol = GRADIENT_TOLERANCE * p.scale()
    b = np.zeros(p.xa.shape[1])
    gap = np.inf
    for _ in range(MAX_STEPS):
        _, grad, hess = p.smooth(b)
        gap = p.gap(b, grad)
        if gap <= tol:
            return NewtonFit(b, gap / p.scale())
        if logit and p.penalty == "none" and p.separated(b):
            return NewtonFit(None, np.inf, _separated_note())
        # Newton's step where the Hessian is regular and the full step lowers the objective
        # (fast near the optimum); else the reweighted (majorizing) step, with a line search
        new = _step(p, b, grad, hess, gap, full_only=True) if p.regular(hess) else None
        if new is None:
            new = _step(p, b, grad, p.damped(p.smooth(b, majorize=True)[2]), gap,
                        full_only=False)
        if new is None or np.array_equal(new, b):
            break  # no representable step improves: as close as floating point gets
        b = new
        if logit and np.max(np.abs(b)) > RUNAWAY:
            return NewtonFit(None, np.inf, _separated_note())
    rel = gap / p.scale()
    return NewtonFit(b, rel, Message("Newton's method stopped at a gradient of {gap} of its "
                                     "scale: close to the optimum, not exact", gap=f"{rel:.1g}"))


def _step(p: _Problem, b: FloatArray, grad: FloatArray, hess: FloatArray, gap: float, *,
          full_only: bool) -> FloatArray | None:
    """b after one (proximal) Newton step with this Hessian: the full step, or with
    ``full_only`` False the first of its halvings that lowers the objective enough (Armijo);
    None when none does. At the bottom, where values differ by rounding only, a full step
    that does not raise the objective beyond rounding and shrinks the gap is taken."""
    d = (_proximal_direction(p, b, grad, hess) if p.penalty == "l1"
         else _newton_direction(grad, hess))
    total = p.value(b)
    decrease = float(grad @ d)
    if p.penalty == "l1":
        s, ds = b[p.first:], d[p.first:]
        decrease += p.lam * float(np.sum(np.abs(s + ds)) - np.sum(np.abs(s)))
    t = 1.0
    for _ in range(1 if full_only else MAX_HALVINGS):
        trial = p.value(b + t * d)
        if trial <= total + 1e-4 * t * min(decrease, 0.0):
            return b + t * d
        if t == 1.0 and trial <= total + ROUNDING * max(1.0, abs(total)) \
                and p.gap(b + d, p.smooth(b + d)[1]) < gap:
            return b + d
        t *= 0.5
    return None


def _separated_note() -> str:
    return Message("no finite optimum: a line separates the two classes, so the cross-entropy "
                   "keeps falling as the weights grow (the descent's weights grow for ever); a "
                   "penalty (L2 or L1) gives a finite optimum")
