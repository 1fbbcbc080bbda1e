"""The help a workbook's Settings sheet gives the model and the cost.

RunSpec's help of these two fields lists every entry of the tables; a workbook says what its
own model and cost are instead. The words of the models and costs the first workbooks held
are kept as they were (:data:`KEPT`), so that those workbooks — the reference workbooks, and
any a learner saved — are still what gdapp writes and still verify; every other entry's help
is made from its table entry (its Korean from the entry's ``help_ko``, see
:func:`gdapp.excel.rule_words.rule_words`).
"""

from __future__ import annotations

from gdapp.core import MODEL_RULES, Run
from gdapp.core.costs import COST_RULES

_LINEAR = "origin: ŷ = b1·x (the note's); line: ŷ = b0 + b1·x."
_SQUARED = ("How the error E is measured: mean squared (MSE), mean absolute (MAE) or root "
            "mean squared (RMSE).")

#: (setting, its value) → the help the first workbooks wrote for it, word for word.
KEPT: dict[tuple[str, str], str] = {
    ("model", "origin"): _LINEAR,
    ("model", "line"): _LINEAR,
    ("model", "sine"): "sine: ŷ = sin(b1·x), a cost of many valleys (origin: ŷ = b1·x; line: "
                       "ŷ = b0 + b1·x).",
    ("cost", "mse"): _SQUARED,
    ("cost", "mae"): _SQUARED,
    ("cost", "rmse"): _SQUARED,
}


def model_help(name: str) -> str:
    """The workbook's help of a model that is not in :data:`KEPT`."""
    return f"{name}: {MODEL_RULES[name].help}."


def cost_help(name: str) -> str:
    """The workbook's help of a cost that is not in :data:`KEPT`."""
    rule = COST_RULES[name]
    return f"How the error E is measured: {rule.label}. {rule.help}"


def setting_help(run: Run, name: str) -> str | None:
    """The help of setting ``name`` (``model``, ``cost``) in this run's workbook, or None
    for RunSpec's own."""
    if name not in ("model", "cost"):
        return None
    value = str(getattr(run.spec, name))
    kept = KEPT.get((name, value))
    if kept is not None:
        return kept
    return model_help(value) if name == "model" else cost_help(value)
