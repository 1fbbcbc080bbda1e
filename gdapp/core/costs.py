"""The costs, one entry each: how the error E of a run is measured.

Every cost is a mean over the samples of a per-sample term ρ, possibly passed through an
outer function (RMSE's square root), and its gradient is the mean of a per-sample weight ψ
times the derivative of what the cost consumes (scikit-learn's ``sklearn/_loss/loss.py`` has
the same split: a loss on the model's output, the link apart, in the model table)::

    E = outer((1/n)·Σ ρ(y, u))          ∂E/∂b = outer'(·)·(−(1/n)·Σ ψ(y, u)·∂u/∂b)

``u`` is the model's output ŷ for a residual cost (r = y − ŷ), or its raw linear predictor z
for a cost that declares ``on_raw`` (cross-entropy, which needs the logit link: with
p = σ(z) its ψ is y − p, and ∂E/∂bj = (1/n)·Σ (p − y)·xj).

=========  ===========================================  ===================================
cost       ρ                                            ψ = −∂ρ/∂u
=========  ===========================================  ===================================
mse        r²                                           2r
mae        |r|                                          sign(r), 0 inside the zero band
rmse       r², outer √                                  2r, outer' = 1/(2·√MSE) (0 at 0)
huber      r²/2 if |r| ≤ δ, else δ·(|r| − δ/2)          clip(r, −δ, δ)
bce        max(z, 0) − y·z + ln(1 + e^(−|z|))           y − σ(z)
=========  ===========================================  ===================================

The cross-entropy term is written so that it never overflows nor takes ln 0 at any z (the
workbook writes the same form: ``MAX(z,0)-y*z+LN(1+EXP(-ABS(z)))``).

An entry also carries what the rest of gdapp reads instead of asking for the cost's name:
its labels and help in English and Korean, its settings (Huber's δ, with bounds), the
spreadsheet templates of ρ and ψ (``{r}``, ``{z}``, ``{y}`` arrays over the samples; the
workbook writes ``SUMPRODUCT`` of them), the step-text formula, and its capabilities:

``squared``   the cost is a function of the mean squared residual (MSE, RMSE): on a model
              linear in b it is computed from sufficient statistics, O(1) per update
``breakpoints``  MAE: on the one-feature ``origin`` model, from sorted breakpoints
``smooth``    ψ is continuous (a stability bound of η exists, a Newton method applies)
``sign_decides``  a sign decides the step (MAE): the zero band is applied

Adding a cost is one entry here (plus its tests and Korean strings): every choice list,
help text, gradient, mini-batch gradient and workbook column reads this table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from gdapp.core.messages import Message

FloatArray = NDArray[np.float64]

#: Relative width of the band inside which a difference counts as exactly zero (see
#: :mod:`gdapp.core.objective`).
ZERO_BAND = 1e-12


def band_sign(diff: FloatArray | float, scale: FloatArray | float) -> FloatArray:
    """sign(diff), with 0 where |diff| ≤ ZERO_BAND·scale (the zero band)."""
    d = np.asarray(diff, dtype=np.float64)
    s = np.asarray(scale, dtype=np.float64)
    return np.where(np.abs(d) <= ZERO_BAND * s, 0.0, np.sign(d))


def sigmoid(z: FloatArray) -> FloatArray:
    """σ(z) = 1/(1 + e^(−z)), without overflow at any z."""
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(-np.abs(z))
        return np.asarray(np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)), dtype=np.float64)


@dataclass(frozen=True)
class CostSetting:
    """A setting of a cost (Huber's δ): its default and the open lower bound it must exceed."""

    name: str
    default: float
    above: float
    label: str
    label_ko: str
    help: str
    help_ko: str
    flag: str


#: Per-sample term: ρ(y, u, yhat_scale, settings) → array, where ``yhat_scale`` is |y| + |ŷ|
#: (the zero band's scale, used by MAE only).
Term = Callable[[FloatArray, FloatArray, FloatArray, Mapping[str, float]], FloatArray]


@dataclass(frozen=True)
class CostRule:
    """One cost (see the module docstring for the meaning of every field)."""

    name: str
    short: str                    # in a run's one-line description ("MSE", "cross-entropy")
    label: str
    label_ko: str
    help: str
    help_ko: str
    rho: Term
    psi: Term
    excel_rho: str
    excel_psi: str
    step_text: str
    step_text_ko: str
    on_raw: bool = False
    outer: str = ""               # "sqrt" for RMSE
    squared: bool = False
    breakpoints: bool = False
    smooth: bool = True
    sign_decides: bool = False
    settings: tuple[CostSetting, ...] = ()
    curvature: Term | None = None      # κ = ∂²ρ/∂u² (Newton's method; None: not smooth)
    curvature_bound: float | None = None   # max κ: a safe η from the Hessian's bound
    links: tuple[str, ...] = ("identity", "logit")   # the models' links it pairs with
    short_ko: str = ""            # the Korean of ``short`` where it is a word ("후버")
    notes: dict[str, str] = field(default_factory=dict)

    def setting_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.settings)

    def values(self, y: FloatArray, u: FloatArray, settings: Mapping[str, float],
               scale: FloatArray | None = None) -> FloatArray:
        """ρ per sample (arrays broadcast: rows of iterates × samples)."""
        with np.errstate(over="ignore", invalid="ignore"):
            return self.rho(y, u, _scale(y, u, scale), settings)

    def weights(self, y: FloatArray, u: FloatArray, settings: Mapping[str, float],
                scale: FloatArray | None = None) -> FloatArray:
        """ψ = −∂ρ/∂u per sample."""
        with np.errstate(over="ignore", invalid="ignore"):
            return self.psi(y, u, _scale(y, u, scale), settings)

    def finish(self, mean_rho: FloatArray) -> FloatArray:
        """E from the mean of ρ (RMSE's square root)."""
        if self.outer == "sqrt":
            return np.asarray(np.sqrt(np.maximum(mean_rho, 0.0)), dtype=np.float64)
        return np.asarray(mean_rho, dtype=np.float64)

    def finish_gradient(self, gradient: FloatArray, cost: FloatArray) -> FloatArray:
        """∂E/∂b from the gradient of the mean of ρ (RMSE: /(2·√MSE), 0 where it is 0)."""
        if self.outer != "sqrt":
            return gradient
        root = np.asarray(cost, dtype=np.float64).reshape(-1, *([1] * (gradient.ndim - 1)))
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            return np.asarray(np.where(root > 0, gradient / (2.0 * root), 0.0),
                              dtype=np.float64)


def _scale(y: FloatArray, u: FloatArray, scale: FloatArray | None) -> FloatArray:
    if scale is not None:
        return scale
    return np.asarray(np.abs(y) + np.abs(u), dtype=np.float64)


def _residual(y: FloatArray, yhat: FloatArray) -> FloatArray:
    return np.asarray(y - yhat, dtype=np.float64)


def _huber_rho(y: FloatArray, u: FloatArray, _s: FloatArray, c: Mapping[str, float]
               ) -> FloatArray:
    r = _residual(y, u)
    d = c["delta"]
    a = np.abs(r)
    return np.asarray(np.where(a <= d, 0.5 * r * r, d * (a - 0.5 * d)), dtype=np.float64)


def _huber_psi(y: FloatArray, u: FloatArray, _s: FloatArray, c: Mapping[str, float]
               ) -> FloatArray:
    d = c["delta"]
    return np.asarray(np.clip(_residual(y, u), -d, d), dtype=np.float64)


def _bce_rho(y: FloatArray, z: FloatArray, _s: FloatArray, _c: Mapping[str, float]
             ) -> FloatArray:
    # ln(1 + e^(−|z|)) as the workbook writes it (LN(1+EXP(…))), not log1p: the engines then
    # agree term by term
    return np.asarray(np.maximum(z, 0.0) - y * z + np.log(1.0 + np.exp(-np.abs(z))),
                      dtype=np.float64)


def _bce_psi(y: FloatArray, z: FloatArray, _s: FloatArray, _c: Mapping[str, float]
             ) -> FloatArray:
    return np.asarray(y - sigmoid(z), dtype=np.float64)


#: |r| and |z| over arrays, written with comparisons (Gnumeric does not broadcast ABS inside
#: SUMPRODUCT; see :mod:`gdapp.excel.formulas`); MAX/MIN would aggregate, so a clip is a sum of
#: exact products with 0/1.
_ABS_R = "({r}*(({r}>0)-({r}<0)))"
_ABS_Z = "({z}*(({z}>0)-({z}<0)))"

DELTA = CostSetting(
    "delta", 1.0, 0.0, "δ (Huber)", "δ (후버)",
    "Where the Huber cost turns from squared to absolute, in the target's units: residuals "
    "within ±δ count as r²/2, larger ones grow only linearly.",
    "후버 비용이 제곱에서 절댓값으로 바뀌는 곳(목표값의 단위): ±δ 안의 잔차는 r²/2, 더 큰 잔차는 "
    "직선으로만 커집니다.",
    "--delta")

#: The costs by name, in the order the choice lists show them.
COST_RULES: dict[str, CostRule] = {
    rule.name: rule for rule in (
        CostRule(
            "mse", "MSE", "MSE (mean squared error)", "MSE (평균 제곱 오차)",
            "E = (1/n)·Σ (y − ŷ)², the note's cost.",
            "E = (1/n)·Σ (y − ŷ)², 강의 노트의 비용 함수.",
            lambda y, u, s, c: _residual(y, u) ** 2,
            lambda y, u, s, c: 2.0 * _residual(y, u),
            "{r}*{r}", "2*{r}",
            "∂E/∂b = −(2/n)·Σ (y − ŷ)·∂ŷ/∂b", "∂E/∂b = −(2/n)·Σ (y − ŷ)·∂ŷ/∂b",
            squared=True, curvature=lambda y, u, s, c: np.full(np.shape(u), 2.0),
            curvature_bound=2.0),
        CostRule(
            "mae", "MAE", "MAE (mean absolute error)", "MAE (평균 절대 오차)",
            "E = (1/n)·Σ |y − ŷ|: every error counts by its size.",
            "E = (1/n)·Σ |y − ŷ|: 오차를 크기대로 셉니다.",
            lambda y, u, s, c: np.abs(_residual(y, u)),
            lambda y, u, s, c: band_sign(_residual(y, u), s),
            "{r}*(({r}>0)-({r}<0))", "{s}",
            "∂E/∂b = −(1/n)·Σ sign(y − ŷ)·∂ŷ/∂b", "∂E/∂b = −(1/n)·Σ sign(y − ŷ)·∂ŷ/∂b",
            breakpoints=True, smooth=False, sign_decides=True, links=("identity",)),
        CostRule(
            "rmse", "RMSE", "RMSE (root mean squared error)", "RMSE (평균 제곱근 오차)",
            "E = √((1/n)·Σ (y − ŷ)²): the MSE in the target's units.",
            "E = √((1/n)·Σ (y − ŷ)²): 목표값 단위의 MSE.",
            lambda y, u, s, c: _residual(y, u) ** 2,
            lambda y, u, s, c: 2.0 * _residual(y, u),
            "{r}*{r}", "2*{r}",
            "∂E/∂b = ∂MSE/∂b / (2·E)", "∂E/∂b = ∂MSE/∂b / (2·E)",
            outer="sqrt", squared=True, smooth=False, links=("identity",)),
        CostRule(
            "huber", "Huber", "Huber", "후버(Huber)",
            "E = (1/n)·Σ h(y − ŷ), h(r) = r²/2 within ±δ, δ·(|r| − δ/2) beyond: squared for "
            "small errors, absolute for large ones, so outliers pull less.",
            "E = (1/n)·Σ h(y − ŷ), h(r) = ±δ 안에서 r²/2, 밖에서 δ·(|r| − δ/2): 작은 오차는 "
            "제곱, 큰 오차는 절댓값이라 이상치가 덜 당깁니다.",
            _huber_rho, _huber_psi,
            "((" + _ABS_R + "<=delta)*{r}*{r}/2+(" + _ABS_R + ">delta)*delta*(" + _ABS_R
            + "-delta/2))",
            "((" + _ABS_R + "<=delta)*{r}+({r}>delta)*delta-({r}<-delta)*delta)",
            "∂E/∂b = −(1/n)·Σ clip(y − ŷ, −δ, δ)·∂ŷ/∂b",
            "∂E/∂b = −(1/n)·Σ clip(y − ŷ, −δ, δ)·∂ŷ/∂b",
            settings=(DELTA,), links=("identity",), short_ko="후버",
            curvature=lambda y, u, s, c: (np.abs(_residual(y, u)) <= c["delta"]).astype(float),
            curvature_bound=1.0),
        CostRule(
            "bce", "cross-entropy", "cross-entropy (log loss)", "교차 엔트로피",
            "E = −(1/n)·Σ [y·ln p + (1 − y)·ln(1 − p)], p = σ(z): the cost of a "
            "classifier's probabilities (binary cross-entropy, log loss).",
            "E = −(1/n)·Σ [y·ln p + (1 − y)·ln(1 − p)], p = σ(z): 분류 모델의 확률에 대한 "
            "비용(이진 교차 엔트로피, 로그 손실).",
            _bce_rho, _bce_psi,
            "({z}*({z}>0)-{y}*{z}+LN(1+EXP(-" + _ABS_Z + ")))",
            "({y}-(({z}>=0)+({z}<0)*EXP(-" + _ABS_Z + "))/(1+EXP(-" + _ABS_Z + ")))",
            "∂E/∂b = (1/n)·Σ (p − y)·x", "∂E/∂b = (1/n)·Σ (p − y)·x",
            on_raw=True, links=("logit",), short_ko="교차 엔트로피",
            curvature=lambda y, z, s, c: sigmoid(z) * (1.0 - sigmoid(z)),
            curvature_bound=0.25),
    )
}

#: The cost names, in the order of the table (the command line's and the window's choices).
COSTS: tuple[str, ...] = tuple(COST_RULES)

#: Every cost setting by name (Huber's δ), as :class:`RunSpec` fields carry them.
COST_SETTINGS: dict[str, CostSetting] = {
    s.name: s for rule in COST_RULES.values() for s in rule.settings}


def cost_rule(name: str) -> CostRule:
    """The entry of cost ``name`` (``ValueError`` naming the choices when unknown)."""
    try:
        return COST_RULES[name]
    except KeyError:
        raise ValueError(Message("cost must be one of {choices}, got {got}",
                                 choices=", ".join(COSTS), got=repr(name))) from None


def choices_text(rules: Mapping[str, Any]) -> str:
    """"a, b or c" from a table's names."""
    names = list(rules)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
