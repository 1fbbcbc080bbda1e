"""The optimizers' and schedules' one-line descriptions in the window's language.

The rules' tables (:data:`gdapp.core.optimizers.OPTIMIZERS`, ``SCHEDULES``) describe each rule
in English for the command line; the window shows the same sentence, translated, as the
tooltip of the rule's choice. A rule without an entry here keeps its English sentence (a test
checks that every rule has one, and that the English here is the table's).
"""

from __future__ import annotations

from gdapp.gui.i18n import tr


def rule_descriptions() -> dict[tuple[str, str], str]:
    """(``"optimizer"`` or ``"schedule"``, the rule's name) → its description, translated."""
    return {
        ("optimizer", "gd"): tr("The note's update: b ← b − η·g."),
        ("optimizer", "momentum"): tr(
            "torch SGD with momentum μ: a velocity buf = μ·buf + (1 − τ)·g carries the steps on "
            "(buf = g at the first)."),
        ("optimizer", "nesterov"): tr(
            "torch SGD with nesterov=True: the step looks ahead along the velocity, "
            "d = g + μ·buf."),
        ("optimizer", "adagrad"): tr(
            "Each coordinate's step is divided by the root of its summed squared gradients: "
            "d = g/(√S + ε)."),
        ("optimizer", "rmsprop"): tr(
            "The step is divided by the root of a running mean of squared gradients, "
            "v = α·v + (1 − α)·g²."),
        ("optimizer", "adam"): tr(
            "Running means of g (m, β1) and g² (v, β2), bias-corrected: d = m̂/(√v̂ + ε)."),
        ("schedule", "constant"): tr("η at every update (the note's)."),
        ("schedule", "step"): tr("η·γ^⌊(k − 1)/s⌋: multiplied by γ every s updates."),
        ("schedule", "exponential"): tr("η·γ^(k − 1): multiplied by γ at every update."),
        ("schedule", "invscaling"): tr("η/k^power_t (scikit-learn's inverse scaling)."),
        ("schedule", "cosine"): tr(
            "η·(1 + cos(π·(k − 1)/T))/2 over T = max iterations updates."),
    }


def rule_description(table: str, name: str, english: str) -> str:
    """The description of rule ``name`` of ``table`` in the window's language (``english``,
    the table's own, if there is none)."""
    return rule_descriptions().get((table, name), english)
