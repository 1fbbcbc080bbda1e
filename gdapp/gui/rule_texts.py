"""What the window says about a cost or a model, read from their entries.

The cost table (:mod:`gdapp.core.costs`) and the model table (:mod:`gdapp.core.models`) carry
each entry's label, help and step formula in English and in Korean (``label``/``label_ko``,
``help``/``help_ko``, ``step_text``/``step_text_ko``), and a cost setting (Huber's δ) its
own. The window takes them from there in its language, so that a new cost or model needs no
string of its own in the window's translation: its entry is the one place to write it.

* :func:`cost_label`, :func:`cost_help`, :func:`model_label`, :func:`model_help` — the
  combo boxes' items and tooltips;
* :func:`cost_word` and :func:`model_word` — a run's cost and model in a few words (legends,
  pinned runs);
* :func:`setting_label`, :func:`setting_help`, :func:`setting_symbol` — a cost setting's;
* :func:`cost_formula` — the cost's gradient formula as the step text writes it.
"""

from __future__ import annotations

from gdapp.core.costs import COST_RULES, CostSetting, cost_rule
from gdapp.core.models import MODEL_RULES, model_rule
from gdapp.gui.i18n import current_language, tr


def _pick(english: str, korean: str) -> str:
    return korean if current_language() == "ko" and korean else english


def cost_label(name: str) -> str:
    """The cost's item in the Cost box, e.g. ``"MSE (mean squared error)"``."""
    rule = cost_rule(name)
    return _pick(rule.label, rule.label_ko)


def cost_help(name: str) -> str:
    """The cost's one-sentence help (its definition)."""
    rule = cost_rule(name)
    return _pick(rule.help, rule.help_ko)


def cost_word(name: str) -> str:
    """The cost in a word or two, e.g. ``"MSE"``, ``"Huber"``, ``"cross-entropy"``."""
    rule = cost_rule(name)
    if current_language() == "ko":  # the Korean label without its parenthesis
        return rule.label_ko.split(" (")[0] if not rule.label_ko.startswith(rule.short) \
            else rule.short
    return rule.short


def model_label(name: str, features: int = 1) -> str:
    """The model's item in the Model box; with several ``features`` its formula reads as a
    sum over b1 … bp (``ŷ = b0 + Σbj·xj``)."""
    rule = model_rule(name)
    text = _pick(rule.label, rule.label_ko)
    if features > 1 and (rule.max_features is None or rule.max_features > 1):
        text = text.replace("b1·x", "Σbj·xj")
    return text


def model_help(name: str) -> str:
    """The model's one-sentence help."""
    rule = model_rule(name)
    return _pick(rule.help, rule.help_ko)


def model_word(name: str) -> str:
    """The model in a word or two (its label before the formula, without an article), e.g.
    ``"line"``, ``"logistic regression"``."""
    return model_label(name).split(",")[0].removeprefix("a ")


def setting_label(setting: CostSetting) -> str:
    """A cost setting's label, e.g. ``"δ (Huber)"``."""
    return _pick(setting.label, setting.label_ko)


def setting_help(setting: CostSetting) -> str:
    """A cost setting's one-sentence help."""
    return _pick(setting.help, setting.help_ko)


def setting_symbol(setting: CostSetting) -> str:
    """The setting's symbol in formulas: the first word of its label (``"δ"``)."""
    return setting.label.split(" ")[0]


def cost_formula(name: str) -> str:
    """The cost's gradient as its entry writes it, e.g. ``"∂E/∂b = (1/n)·Σ (p − y)·x"``."""
    rule = cost_rule(name)
    return _pick(rule.step_text, rule.step_text_ko)


def models_tooltip() -> str:
    """The Model box's tooltip: every model with its help, a line each."""
    return "\n".join([tr("The prediction:"), *(f"• {model_word(name)}: {model_help(name)}"
                                                for name in MODEL_RULES)])


def costs_tooltip() -> str:
    """The Cost box's tooltip: every cost with its definition, a line each."""
    return "\n".join([tr("How the error E is measured:"),
                      *(f"• {cost_word(name)}: {cost_help(name)}" for name in COST_RULES)])
