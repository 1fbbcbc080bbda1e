"""The optimizers' and schedules' names in the window's language: sentences and legends use
the name (``모멘텀``; in English the code name, as the CLI spells it), and the choice boxes
show ``경사하강법 (gd)`` in Korean (the code in parentheses), the code in English. A rule the
core's tables gain later shows its code name until it is named here."""

from __future__ import annotations

from gdapp.gui.i18n import tr


def optimizer_word(code: str) -> str:
    """The optimizer's short name, for sentences and legends (English: its code name)."""
    return {"gd": tr("gd"), "momentum": tr("momentum"), "nesterov": tr("nesterov"),
            "adagrad": tr("adagrad"), "rmsprop": tr("rmsprop"),
            "adam": tr("adam")}.get(code, code)


def schedule_word(code: str) -> str:
    """The schedule's short name, for sentences and legends (English: its code name)."""
    return {"constant": tr("constant"), "step": tr("step"), "exponential": tr("exponential"),
            "invscaling": tr("invscaling"), "cosine": tr("cosine")}.get(code, code)


def choice_text(field: str, code: str) -> str:
    """A choice box's entry for ``code`` of the setting ``field``: its name and, when that
    is not the code itself (Korean), the code in parentheses: ``경사하강법 (gd)``."""
    word = optimizer_word(code) if field == "optimizer" else \
        schedule_word(code) if field == "schedule" else code
    return code if word == code else f"{word} ({code})"
