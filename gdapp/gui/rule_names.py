"""The optimizers' and schedules' names in the window's language: the choice boxes show
``경사하강법 (gd)`` in Korean (the code name, as the CLI spells it, in parentheses), and
sentences and legends use the short name (``모멘텀``; in English the code name). A rule the
core's tables gain later shows its code name until it is named here."""

from __future__ import annotations

from gdapp.gui.i18n import tr


def optimizer_choice(code: str) -> str:
    """The optimizer's entry in its choice box."""
    return {"gd": tr("gd (gradient descent)"), "momentum": tr("momentum (heavy ball)"),
            "nesterov": tr("nesterov (Nesterov momentum)"), "adagrad": tr("adagrad (AdaGrad)"),
            "rmsprop": tr("rmsprop (RMSProp)"), "adam": tr("adam (Adam)")}.get(code, code)


def optimizer_word(code: str) -> str:
    """The optimizer's short name, for sentences and legends (English: its code name)."""
    return {"gd": tr("gd"), "momentum": tr("momentum"), "nesterov": tr("nesterov"),
            "adagrad": tr("adagrad"), "rmsprop": tr("rmsprop"),
            "adam": tr("adam")}.get(code, code)


def schedule_choice(code: str) -> str:
    """The schedule's entry in its choice box."""
    return {"constant": tr("constant (the note's η)"), "step": tr("step (η·γ every s)"),
            "exponential": tr("exponential (η·γ^t)"),
            "invscaling": tr("invscaling (η/t^power_t)"),
            "cosine": tr("cosine (half a cosine)")}.get(code, code)


def schedule_word(code: str) -> str:
    """The schedule's short name, for sentences and legends (English: its code name)."""
    return {"constant": tr("constant"), "step": tr("step"), "exponential": tr("exponential"),
            "invscaling": tr("invscaling"), "cosine": tr("cosine")}.get(code, code)


def choice_text(field: str, code: str) -> str:
    """A choice box's entry for ``code`` of the setting ``field``."""
    if field == "optimizer":
        return optimizer_choice(code)
    if field == "schedule":
        return schedule_choice(code)
    return code
