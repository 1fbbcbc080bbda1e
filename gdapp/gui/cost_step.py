"""The slope of the cost in the step text, from the cost's and the model's entries.

The cost entry writes its gradient once for every parameter (``step_text``, e.g.
``∂E/∂b = −(1/n)·Σ clip(y − ŷ, −δ, δ)·∂ŷ/∂b`` or ``∂E/∂b = (1/n)·Σ (p − y)·x``); the
model entry says what ∂ŷ/∂b is. :func:`gradient_formula` puts the two together for one
parameter and evaluates it with the run's numbers, as the note writes its step::

    ∂E/∂b1 = (1/n)·Σ (p − y)·study_hours = (1/40) × (−61.5) = −1.5375
    ∂E/∂b0 = −(1/n)·Σ clip(y − ŷ, −δ, δ) = −(1/10) × 4 = −0.4   (δ = 1)

The sum Σ is the one the slope implies (n·slope over the formula's factor), so the line
agrees with the grid's ∂/∂b to the last digit. RMSE's slope is MSE's divided by 2·E.
"""

from __future__ import annotations

import re

from gdapp.core import Run
from gdapp.core.costs import cost_rule
from gdapp.core.models import model_rule
from gdapp.gui.rule_texts import cost_formula, setting_symbol

#: ``−(2/n)·Σ`` at the start of a formula: its sign and its numerator.
_MEAN = re.compile(r"^(−?)\((\d+)/n\)·Σ")
#: ``∂E/∂b``, ``∂MSE/∂b``: a derivative by the generic parameter b.
_BY_B = re.compile(r"∂(\w+)/∂b(?![\w₀-₉])")


def _number(v: float) -> str:
    text = f"{v:.10g}"
    return "−" + text[1:] if text.startswith("-") else text


def _operand(v: float) -> str:
    return f"({_number(v)})" if v < 0 else _number(v)


def parameter_factor(run: Run, name: str) -> str:
    """∂z/∂b of parameter ``name`` as text: 1 for b0, x (one feature) or the feature's name,
    a non-linear model's own (``x·cos(b1·x)``)."""
    spec = run.spec
    m = model_rule(spec.model)
    if name == "b0":
        return "1"
    if not m.linear and m.excel_slope:  # the spreadsheet's template, as a formula
        return m.excel_slope.replace("*", "·").replace("{", "").replace("}", "").lower()
    return "x" if spec.data.p == 1 else str(spec.feature_of(name))


def symbolic(run: Run, name: str) -> str:
    """The slope's formula for parameter ``name``, without numbers:
    ``∂E/∂b1 = −(2/n)·Σ (y − ŷ)·x``."""
    spec = run.spec
    rule, m = cost_rule(spec.cost), model_rule(spec.model)
    text = cost_formula(spec.cost)
    factor = parameter_factor(run, name)
    if "∂ŷ/∂b" in text:  # through the link: ∂ŷ/∂b = (dŷ/dz)·∂z/∂b
        through = "" if m.link == "identity" else "p·(1 − p)·"
        d = through + factor
        text = text.replace("·∂ŷ/∂b", "" if d == "1" else "·" + d.removesuffix("·1"))
    elif rule.on_raw and text.endswith("·x"):  # a cost on the raw score: its own ∂z/∂b
        text = text[:-2] + ("" if factor == "1" else "·" + factor)
    return _BY_B.sub(lambda mt: f"∂{mt.group(1)}/∂{name}", text)


def gradient_formula(run: Run, k: int, g_cost: float, name: str) -> str:
    """The slope of the cost at iterate ``k`` for parameter ``name``, with its formula and
    its numbers (see the module docstring); ``g_cost`` is the slope itself."""
    spec = run.spec
    rule = cost_rule(spec.cost)
    text = symbolic(run, name)
    n = spec.data.n
    mean = _MEAN.match(text.split(" = ", 1)[1])
    if mean is not None:
        sign = -1.0 if mean.group(1) else 1.0
        c = int(mean.group(2))
        total = g_cost * n / (sign * c)
        text += f" = {mean.group(1)}({c}/{n}) × {_operand(total)}"
    elif rule.outer == "sqrt":  # ∂E/∂b = ∂MSE/∂b / (2·E)
        e = float(run.cost[max(0, min(k, run.iterations))])
        text += f" = {_number(g_cost * 2.0 * e)} / (2 × {_operand(e)})"
    text += f" = {_number(g_cost)}"
    settings = [f"{setting_symbol(s)} = {getattr(spec, s.name):g}" for s in rule.settings]
    if settings:
        text += "   (" + ", ".join(settings) + ")"
    return text
