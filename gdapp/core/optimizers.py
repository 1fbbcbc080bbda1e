"""The optimizers and learning-rate schedules, one entry each: PyTorch's ``torch.optim``.

Every optimizer turns the gradient g_t of the objective at θ_(t−1) into a direction d_t, and
the update is ``θ_t = θ_(t−1) − η_t·d_t`` (plain gradient descent, the note's: d = g). The
equations are torch.optim's documented algorithms (``shared/docs/optimizers.md``), with
its names and defaults, except that the learning rate is gdapp's η:

``momentum`` (torch SGD, μ = 0.9 here, dampening τ = 0)::

    buf_t = g_t at t = 1, else μ·buf_(t−1) + (1 − τ)·g_t;   d = buf_t
``nesterov``: the same buffer, d = g_t + μ·buf_t (needs μ > 0 and τ = 0)
``adagrad`` (lr_decay 0 as torch's default, initial accumulator 0, ε = 1e−10)::

    S_t = S_(t−1) + g²;   d = g/(√S_t + ε)
``rmsprop`` (α = 0.99, ε = 1e−8, momentum 0, not centred)::

    v_t = α·v + (1 − α)·g²;  ṽ = v_t − a_t² with a_t = α·a + (1 − α)·g when centred, else v_t
    with momentum μ > 0: buf_t = μ·buf + g/(√ṽ + ε), d = buf_t;  else d = g/(√ṽ + ε)
``adam`` (β1 = 0.9, β2 = 0.999, ε = 1e−8; amsgrad keeps the largest raw v, as torch's code)::

    m_t = β1·m + (1 − β1)·g;  v_t = β2·v + (1 − β2)·g²
    d = (m_t/(1 − β1^t)) / (√(v̂_t) + ε),  v̂_t = v_t/(1 − β2^t)  (amsgrad: max(v)/(1 − β2^t))

Each rule is written once, in arithmetic that floats and numpy arrays share (the math
functions are passed in), so the per-coordinate loop and the vector kernel compute the
same numbers. Its state is a tuple of named values per parameter (the workbook's columns).

Schedules give η_t for update t = 1, 2, … (the first update uses η): constant, step
η·γ^⌊(t−1)/s⌋, exponential η·γ^(t−1), inverse scaling η/t^power_t (scikit-learn's
``invscaling``), cosine over T = max iterations updates η·(1 + cos(π·(t−1)/T))/2 (a run
that converges sooner uses only its first part).

L1 with an optimizer other than ``gd`` is the plain subgradient λ·sign(b) added to g (the
proximal step belongs to gradient descent: other optimizers rescale each coordinate, and a
shrink by η·λ would no longer be the prox of their step).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: The math an update uses, so that one rule serves floats and numpy arrays alike.
Sqrt = Callable[[Any], Any]
Maximum = Callable[[Any, Any], Any]


@dataclass(frozen=True)
class Hyper:
    """The hyper-parameters of one run (defaults filled in per optimizer)."""

    momentum: float = 0.0
    dampening: float = 0.0
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    alpha: float = 0.99
    centered: bool = False
    amsgrad: bool = False


@dataclass(frozen=True)
class OptimizerRule:
    """One optimizer: its state's names, its settings, and its direction.

    ``direction(g, state, t, hyper, sqrt, maximum, corrections)`` returns (d, new state) for
    update t; ``corrections`` holds (1 − β1^t, 1 − β2^t), computed once per update.
    """

    name: str
    label: str
    help: str
    state: tuple[str, ...]
    settings: tuple[str, ...]
    direction: Callable[..., tuple[Any, tuple[Any, ...]]]
    defaults: dict[str, float]


def _gd(g: Any, state: tuple[Any, ...], t: int, h: Hyper, sqrt: Sqrt, maximum: Maximum,
        corr: tuple[float, float]) -> tuple[Any, tuple[Any, ...]]:
    return g, ()


def _momentum(g: Any, state: tuple[Any, ...], t: int, h: Hyper, sqrt: Sqrt,
              maximum: Maximum, corr: tuple[float, float]) -> tuple[Any, tuple[Any, ...]]:
    (buf,) = state
    buf = g if t == 1 else h.momentum * buf + (1.0 - h.dampening) * g
    return buf, (buf,)


def _nesterov(g: Any, state: tuple[Any, ...], t: int, h: Hyper, sqrt: Sqrt,
              maximum: Maximum, corr: tuple[float, float]) -> tuple[Any, tuple[Any, ...]]:
    (buf,) = state
    buf = g if t == 1 else h.momentum * buf + (1.0 - h.dampening) * g
    return g + h.momentum * buf, (buf,)


def _adagrad(g: Any, state: tuple[Any, ...], t: int, h: Hyper, sqrt: Sqrt,
             maximum: Maximum, corr: tuple[float, float]) -> tuple[Any, tuple[Any, ...]]:
    (s,) = state
    s = s + g * g
    return g / (sqrt(s) + h.eps), (s,)


def _rmsprop(g: Any, state: tuple[Any, ...], t: int, h: Hyper, sqrt: Sqrt,
             maximum: Maximum, corr: tuple[float, float]) -> tuple[Any, tuple[Any, ...]]:
    v, a, buf = state
    v = h.alpha * v + (1.0 - h.alpha) * (g * g)
    avg = v
    if h.centered:
        a = h.alpha * a + (1.0 - h.alpha) * g
        # v ≥ a² for these running means; rounding alone can make v − a² a tiny negative
        avg = maximum(v - a * a, 0.0)
    scaled = g / (sqrt(avg) + h.eps)
    if h.momentum > 0:
        buf = h.momentum * buf + scaled
        return buf, (v, a, buf)
    return scaled, (v, a, buf)


def _adam(g: Any, state: tuple[Any, ...], t: int, h: Hyper, sqrt: Sqrt, maximum: Maximum,
          corr: tuple[float, float]) -> tuple[Any, tuple[Any, ...]]:
    m, v, vmax = state
    m = h.beta1 * m + (1.0 - h.beta1) * g
    v = h.beta2 * v + (1.0 - h.beta2) * (g * g)
    if h.amsgrad:
        vmax = maximum(vmax, v)
        second = vmax
    else:
        second = v
    c1, c2 = corr
    return (m / c1) / (sqrt(second / c2) + h.eps), (m, v, vmax)


OPTIMIZERS: dict[str, OptimizerRule] = {rule.name: rule for rule in (
    OptimizerRule("gd", "gradient descent", "The note's update: b ← b − η·g.",
                  (), (), _gd, {}),
    OptimizerRule("momentum", "momentum (SGD)", "torch SGD with momentum μ: a velocity "
                  "buf = μ·buf + (1 − τ)·g carries the steps on (buf = g at the first).",
                  ("velocity",), ("momentum", "dampening"), _momentum, {"momentum": 0.9}),
    OptimizerRule("nesterov", "Nesterov momentum", "torch SGD with nesterov=True: the step "
                  "looks ahead along the velocity, d = g + μ·buf.",
                  ("velocity",), ("momentum",), _nesterov, {"momentum": 0.9}),
    OptimizerRule("adagrad", "AdaGrad", "Each coordinate's step is divided by the root of "
                  "its summed squared gradients: d = g/(√S + ε).",
                  ("sum_sq",), ("eps",), _adagrad, {"eps": 1e-10}),
    OptimizerRule("rmsprop", "RMSProp", "The step is divided by the root of a running mean "
                  "of squared gradients, v = α·v + (1 − α)·g².",
                  ("square_avg", "grad_avg", "velocity"),
                  ("alpha", "eps", "momentum", "centered"), _rmsprop,
                  {"momentum": 0.0, "eps": 1e-8}),
    OptimizerRule("adam", "Adam", "Running means of g (m, β1) and g² (v, β2), bias-corrected: "
                  "d = m̂/(√v̂ + ε).", ("m", "v", "v_max"),
                  ("beta1", "beta2", "eps", "amsgrad"), _adam, {"eps": 1e-8}),
)}


def hyper_for(optimizer: str, **given: Any) -> Hyper:
    """The hyper-parameters of ``optimizer``: the given ones, else its defaults."""
    rule = OPTIMIZERS[optimizer]
    values = {k: v for k, v in given.items() if v is not None}
    return Hyper(**{**rule.defaults, **values})


def corrections(h: Hyper, t: int) -> tuple[float, float]:
    """Adam's bias corrections (1 − β1^t, 1 − β2^t) for update t."""
    return 1.0 - h.beta1 ** t, 1.0 - h.beta2 ** t


# --- schedules: η_t for update t = 1, 2, … ------------------------------------------------
@dataclass(frozen=True)
class Schedule:
    """One learning-rate schedule: ``rate(eta, t, total, gamma, step_size, power_t)``."""

    name: str
    help: str
    settings: tuple[str, ...]
    rate: Callable[[float, int, int, float, int, float], float]


SCHEDULES: dict[str, Schedule] = {s.name: s for s in (
    Schedule("constant", "η at every update (the note's).", (),
             lambda eta, t, total, gamma, step, power: eta),
    Schedule("step", "η·γ^⌊(k − 1)/s⌋: multiplied by γ every s updates.",
             ("gamma", "step_size"),
             lambda eta, t, total, gamma, step, power: eta * gamma ** ((t - 1) // step)),
    Schedule("exponential", "η·γ^(k − 1): multiplied by γ at every update.", ("gamma",),
             lambda eta, t, total, gamma, step, power: eta * gamma ** (t - 1)),
    Schedule("invscaling", "η/k^power_t (scikit-learn's inverse scaling).", ("power_t",),
             lambda eta, t, total, gamma, step, power: eta / t ** power),
    Schedule("cosine", "η·(1 + cos(π·(k − 1)/T))/2 over T = max iterations updates.", (),
             lambda eta, t, total, gamma, step, power:
             eta * (1.0 + math.cos(math.pi * (t - 1) / total)) / 2.0),
)}
