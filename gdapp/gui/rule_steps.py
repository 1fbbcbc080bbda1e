"""The worked arithmetic of an update for every rule, as the note writes its own step.

:func:`rule_lines` writes the update of parameter j from iterate k to k + 1 (update t = k + 1)
of a run whose optimizer, schedule or batches are not the note's, with the run's own numbers:

* a mini-batch step: which samples made the batch (their numbers, 1-based as the data panel
  shows them, the epoch and the batch in it) and the gradient over them, which is the g the
  step uses (the cost's slope over every sample, the line above, is not);
* a schedule: ``η_3 = η·γ^⌊(k − 1)/s⌋ = 0.1 × 0.5^⌊(3 − 1)/10⌋ = 0.1`` (k: the update's
  number, the grid's η_k; Adam's bias correction keeps PyTorch's t, the same count);
* the optimizer: its state before and after, each with its formula and numbers (Adam's m, v,
  m̂, v̂; the momentum buffer; AdaGrad's sum of squares; RMSProp's running mean), then the
  direction d;
* the update ``b1 ← b1 − η·d = 15 − 0.5 × 1 = 14.5`` (``η_3·d`` under a schedule).

An optimizer of :data:`gdapp.core.optimizers.OPTIMIZERS` without a writer of its own here is
still written out from the table: each of its state values (``Run.state``) before → after,
the direction d, and the rule's equation from its help text.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from gdapp.core import Run
from gdapp.core.optimizers import OPTIMIZERS, Hyper
from gdapp.gui.i18n import tr
from gdapp.gui.slope_sums import evaluated_sum
from gdapp.gui.step_numbers import MINUS, num, opd

# What each schedule's η_k is, written with the run's numbers: (η, k, T, γ, s, power_t).
# k is the update's number, as the grid's η_k column and the lessons write it (η_k on row
# k: the update that made iterate k); written in, (k − 1) shows which k it is.
SCHEDULE_TEXTS: dict[str, Callable[[float, int, int, float, int, float], str]] = {
    "step": lambda eta, t, total, gamma, s, power:
        f"η·γ^⌊(k − 1)/s⌋ = {num(eta)} × {opd(gamma)}^⌊({t} − 1)/{s}⌋",
    "exponential": lambda eta, t, total, gamma, s, power:
        f"η·γ^(k − 1) = {num(eta)} × {opd(gamma)}^({t} − 1)",
    "invscaling": lambda eta, t, total, gamma, s, power:
        f"η/k^power_t = {num(eta)}/{t}^{num(power)}",
    "cosine": lambda eta, t, total, gamma, s, power:
        f"η·(1 + cos(π·(k − 1)/T))/2 = {num(eta)} × (1 + cos(π × ({t} − 1)/{total}))/2",
}


def schedule_line(run: Run, t: int) -> str:
    """``η_k = …`` for update t, the k-th (empty for a constant η)."""
    spec = run.spec
    if spec.schedule == "constant":
        return ""
    eta_t = float(run.lr[t])
    writer = SCHEDULE_TEXTS.get(spec.schedule)
    if writer is None:
        return f"η_{t} = {num(eta_t)}"
    text = writer(spec.learning_rate, t, spec.max_iterations, spec.resolved_gamma,
                  spec.step_size, spec.power_t)
    return f"η_{t} = {text} = {num(eta_t)}"


def batch_lines(run: Run, t: int, j: int) -> list[str]:
    """Which samples made update t's batch, and their gradient for parameter j."""
    spec = run.spec
    if run.batches is None or run.batch_gradient is None:
        return []
    idx = [int(i) + 1 for i in run.batch(t)]
    per_epoch = run.batches.per_epoch
    epoch, within = divmod(t - 1, per_epoch)
    shown = ", ".join(str(i) for i in idx[:8]) + (", …" if len(idx) > 8 else "")
    name = spec.param_names[j]
    g = float(run.batch_gradient[t, j])
    lines = []
    if j == 0:
        order = tr("shuffled") if spec.shuffle else tr("in order")
        lines.append(tr("batch of update {t}: samples {idx} (epoch {e}, batch {i} of {n}, "
                        "{order})").format(t=t, idx=shown, e=epoch + 1, i=within + 1,
                                           n=per_epoch, order=order))
    formula = {"mse": "−(2/B)·Σ_batch {x}(y − ŷ)", "mae": "−(1/B)·Σ_batch {x}sign(y − ŷ)",
               "rmse": "(∂MSE_batch/∂{b})/(2·√MSE_batch)"}.get(spec.cost, "")
    x = "" if name == "b0" else "x·" if spec.data.p == 1 else f"{spec.feature_of(name)}·"
    penalty = tr(" + the penalty's slope") if spec.penalty == "l2" or run.l1_rule == "subgradient" \
        else ""
    worked = evaluated_sum(run, t - 1, name, run.batch(t))  # the batch's sum, evaluated
    if worked and not penalty:
        formula += f" = {worked}"
    lines.append(tr("g = the batch's slope ∂E_batch/∂{name} = {formula}{penalty} = {g} "
                    "(B = {b}: used for this step instead of the slope over every sample)"
                    ).format(name=name, formula=formula.format(x=x, b=name), penalty=penalty,
                             g=num(g), b=len(idx)))
    return lines


def _state(run: Run, key: str, row: int, j: int) -> float:
    return float(run.state[key][row, j])


def _momentum(run: Run, t: int, j: int, g: float, h: Hyper, nesterov: bool) -> list[str]:
    before, buf = _state(run, "velocity", t - 1, j), _state(run, "velocity", t, j)
    lines = [f"buf = g = {num(buf)}" if t == 1 else
             f"buf = μ·buf + (1 − τ)·g = {num(h.momentum)} × {opd(before)} + "
             f"{num(1 - h.dampening)} × {opd(g)} = {num(buf)}"]
    if nesterov:
        lines.append(f"d = g + μ·buf = {num(g)} + {num(h.momentum)} × {opd(buf)} = "
                     f"{num(g + h.momentum * buf)}")
    else:
        lines.append(f"d = buf = {num(buf)}")
    return lines


def _adagrad(run: Run, t: int, j: int, g: float, h: Hyper) -> list[str]:
    before, s = _state(run, "sum_sq", t - 1, j), _state(run, "sum_sq", t, j)
    return [f"S = S + g² = {num(before)} + {opd(g)}² = {num(s)}",
            f"d = g/(√S + ε) = {num(g)}/(√{num(s)} + {num(h.eps)}) = "
            f"{num(g / (math.sqrt(s) + h.eps))}"]


def _rmsprop(run: Run, t: int, j: int, g: float, h: Hyper) -> list[str]:
    v0, v = _state(run, "square_avg", t - 1, j), _state(run, "square_avg", t, j)
    lines = [f"v = α·v + (1 − α)·g² = {num(h.alpha)} × {opd(v0)} + {num(1 - h.alpha)} × "
             f"{opd(g)}² = {num(v)}"]
    avg, root = v, f"√{num(v)}"
    if h.centered:
        a0, a = _state(run, "grad_avg", t - 1, j), _state(run, "grad_avg", t, j)
        avg = max(v - a * a, 0.0)
        lines += [f"a = α·a + (1 − α)·g = {num(h.alpha)} × {opd(a0)} + {num(1 - h.alpha)} × "
                  f"{opd(g)} = {num(a)}", f"ṽ = v − a² = {num(avg)}"]
        root = f"√{num(avg)}"
    scaled = g / (math.sqrt(avg) + h.eps)
    if h.momentum > 0:
        b0, buf = _state(run, "velocity", t - 1, j), _state(run, "velocity", t, j)
        lines.append(f"d = buf = μ·buf + g/({root} + ε) = {num(h.momentum)} × {opd(b0)} + "
                     f"{num(g)}/({root} + {num(h.eps)}) = {num(buf)}")
    else:
        lines.append(f"d = g/({root} + ε) = {num(g)}/({root} + {num(h.eps)}) = {num(scaled)}")
    return lines


def _adam(run: Run, t: int, j: int, g: float, h: Hyper) -> list[str]:
    m0, m = _state(run, "m", t - 1, j), _state(run, "m", t, j)
    v0, v = _state(run, "v", t - 1, j), _state(run, "v", t, j)
    c1, c2 = 1.0 - h.beta1 ** t, 1.0 - h.beta2 ** t
    lines = [f"m = β1·m + (1 − β1)·g = {num(h.beta1)} × {opd(m0)} + {num(1 - h.beta1)} × "
             f"{opd(g)} = {num(m)}",
             f"v = β2·v + (1 − β2)·g² = {num(h.beta2)} × {opd(v0)} + {num(1 - h.beta2)} × "
             f"{opd(g)}² = {num(v)}"]
    second = v
    if h.amsgrad:
        second = _state(run, "v_max", t, j)
        lines.append(f"v_max = max(v_max, v) = {num(second)}")
    m_hat, v_hat = m / c1, second / c2
    lines += [f"m̂ = m/(1 − β1^t) = {num(m)}/(1 − {num(h.beta1)}^{t}) = {num(m_hat)}",
              f"v̂ = {'v_max' if h.amsgrad else 'v'}/(1 − β2^t) = {num(second)}/(1 − "
              f"{num(h.beta2)}^{t}) = {num(v_hat)}",
              f"d = m̂/(√v̂ + ε) = {num(m_hat)}/(√{num(v_hat)} + {num(h.eps)}) = "
              f"{num(m_hat / (math.sqrt(v_hat) + h.eps))}"]
    return lines


def _from_table(run: Run, t: int, j: int, d: float) -> list[str]:
    """Any optimizer of the table: its equation, its state before → after, and d."""
    rule = OPTIMIZERS[run.spec.optimizer]
    lines = [f"{rule.label}: {rule.help}"]
    for key in rule.state:
        if key in run.state and np.any(run.state[key][:, j]):
            lines.append(f"{key} = {num(_state(run, key, t - 1, j))} → "
                         f"{num(_state(run, key, t, j))}")
    lines.append(f"d = {num(d)}")
    return lines


#: The optimizers written out by a writer of their own: (run, t, j, g, hyper) → lines.
WRITERS: dict[str, Callable[[Run, int, int, float, Hyper], list[str]]] = {
    "momentum": lambda run, t, j, g, h: _momentum(run, t, j, g, h, nesterov=False),
    "nesterov": lambda run, t, j, g, h: _momentum(run, t, j, g, h, nesterov=True),
    "adagrad": _adagrad, "rmsprop": _rmsprop, "adam": _adam,
}


def optimizer_lines(run: Run, t: int, j: int, g: float, d: float) -> list[str]:
    """The optimizer's state and direction d for update t of parameter j (for gd only
    ``d = g``, under a schedule or on a batch)."""
    spec = run.spec
    if spec.optimizer == "gd":
        return [f"d = g = {num(g)}"]
    writer = WRITERS.get(spec.optimizer)
    if writer is None:
        return _from_table(run, t, j, d)
    return writer(run, t, j, g, spec.hyper())


def rule_lines(run: Run, k: int, j: int) -> list[str] | None:
    """The worked update of parameter j from iterate k (see the module docstring); None for
    the note's kind of run (plain descent at a constant η on every sample)."""
    spec = run.spec
    if spec.plain_descent:
        return None
    name = spec.param_names[j]
    if k >= run.iterations:  # (a run that made no update: nothing to write out)
        return [tr("no update: the run ended at k = {k}").format(k=k)] if j == 0 else []
    t = k + 1
    lines = batch_lines(run, t, j)
    g = float(run.batch_gradient[t, j]) if run.batch_gradient is not None \
        else float(run.gradient[k, j])
    if run.batch_gradient is None and spec.optimizer != "gd":
        lines.append(tr("g = the slope above = {g}").format(g=num(g)))
    if spec.schedule != "constant" and j == 0:
        lines.append(schedule_line(run, t))
    eta_t = float(run.lr[t])
    b, new = float(run.params[k, j]), float(run.params[t, j])
    d = (b - new) / eta_t if eta_t else 0.0
    lines += optimizer_lines(run, t, j, g, d)
    rate = "η" if spec.schedule == "constant" else f"η_{t}"  # (the η_k line's, above)
    lines.append(f"{name} ← {name} − {rate}·d = {num(b)} {MINUS} {num(eta_t)} × {opd(d)} = "
                 f"{num(new)}")
    return lines
