"""The settings' labels, tooltips and choices in the window's language.

:class:`~gdapp.core.RunSpec` carries each setting's label and one-sentence help in English
(the CLI and the workbooks read them there). The window shows them through :func:`tr`, and
``pyside6-lupdate`` only collects literal ``tr("…")`` calls, so the English texts of the
settings the window shows are written here once more, as literals;
``tests/test_gui_translations.py`` checks that they still equal the RunSpec's metadata.
The model and the cost are the exception: their items and tooltips come from the model and
cost tables' entries, in the window's language (:mod:`gdapp.gui.rule_texts`).
"""

from __future__ import annotations

from gdapp.core.costs import COST_RULES
from gdapp.core.models import MODEL_RULES
from gdapp.gui.i18n import tr
from gdapp.gui.rule_texts import cost_label, costs_tooltip, model_label, models_tooltip


def field_texts() -> dict[str, tuple[str, str]]:
    """The window's settings: name → (label, help), translated."""
    return {
        "model": (tr("Model"), models_tooltip()),
        "cost": (tr("Cost"), costs_tooltip()),
        "penalty": (tr("Penalty"), tr("Regularization added to E on the coefficients (never "
                                      "on b0): L2 = λ·Σbj², L1 = λ·Σ|bj| (one feature: λ·b1², "
                                      "λ·|b1|).")),
        "lam": (tr("λ (penalty strength)"), tr("How strongly the penalty pulls the "
                                               "coefficients toward 0.")),
        "l1_method": (tr("L1 step"), tr("proximal (soft-threshold: lands on exactly 0) or a "
                                        "plain subgradient step (jitters around 0).")),
        "learning_rate": (tr("η (learning rate)"), tr(
            "Each update moves b by η times the slope of the tangent: b ← b − η·∂E/∂b.")),
        "start": (tr("Start"), tr("Where the descent begins (the note starts at b1 = 15).")),
        "max_iterations": (tr("Max iterations"), tr("The run stops after this many updates.")),
        "tolerance": (tr("Tolerance"), tr("Converged when no parameter moves more than this in "
                                          "one update.")),
    }


def choice_labels(features: int = 1) -> dict[str, str]:
    """The combo boxes' choices (model, cost, penalty, L1 step), translated; with several
    ``features`` the models and penalties read as sums over b1 … bp."""
    labels = {name: model_label(name, features) for name in MODEL_RULES}
    labels.update({name: cost_label(name) for name in COST_RULES})
    labels.update({
        "none": tr("none"), "l1": "L1  λ·|b1|", "l2": "L2  λ·b1²",
        "proximal": tr("proximal"), "subgradient": tr("subgradient"),
    })
    if features > 1:
        labels.update(l1="L1  λ·Σ|bj|", l2="L2  λ·Σbj²")
    return labels


def status_word(status: str) -> str:
    """How a run ended (``Run.status``), in a word or two."""
    return {"converged": tr("converged"), "diverged": tr("diverged"),
            "max_iterations": tr("stopped at the iteration limit")}.get(status, status)


def method_word(method: str) -> str:
    """How the exact optimum was found (``Optimum.method``), in the window's language."""
    return {"normal equation": tr("normal equation"), "ridge": tr("ridge"),
            "soft threshold": tr("soft threshold"),
            "coordinate descent": tr("coordinate descent"),
            "weighted median": tr("weighted median"),
            "dense search": tr("dense search"),
            "bisection": tr("bisection"), "Newton": tr("Newton's method"),
            "proximal Newton": tr("proximal Newton")}.get(method, method)
