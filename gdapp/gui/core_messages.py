"""The window's Korean for the sentences the core and the workbook layer write.

The layers below the window may not import Qt, so they hand it a
:class:`~gdapp.core.messages.Message`: the English sentence, with its template and
arguments. :func:`translated` looks the template up among the ``tr()`` literals of
:func:`templates` (lupdate collects them) and fills the same arguments in; any other text,
and a template not listed here, stays as it was. A test keeps every template the core and
the workbook layer write in this table.
"""

from __future__ import annotations

from gdapp.core.messages import Message
from gdapp.gui.core_messages_data import data_templates
from gdapp.gui.core_messages_settings import setting_words, settings_templates
from gdapp.gui.core_messages_verify import verify_templates
from gdapp.gui.core_messages_workbook import system_reasons, workbook_templates
from gdapp.gui.i18n import current_language, tr


def templates() -> dict[str, str]:
    """English template → the window's template (built per call: the language may change)."""
    return {
        **data_templates(),
        **settings_templates(),
        **workbook_templates(),
        **verify_templates(),
        "MAE with an intercept has no closed form (it is a linear programme)":
            tr("MAE with an intercept has no closed form (it is a linear programme)"),
        "MAE on several features has no closed form (it is a linear programme)":
            tr("MAE on several features has no closed form (it is a linear programme)"),
        "{cost} with a penalty on several features has no closed form here":
            tr("{cost} with a penalty on several features has no closed form here"),
        "{cost} has no closed form here": tr("{cost} has no closed form here"),
        "{cost} on the {model} model is not convex (σ flattens it): no exact optimum is "
        "computed; the cross-entropy's is convex":
            tr("{cost} on the {model} model is not convex (σ flattens it): no exact optimum "
               "is computed; the cross-entropy's is convex"),
        "no finite optimum: a line separates the two classes, so the cross-entropy keeps "
        "falling as the weights grow (the descent's weights grow for ever); a penalty (L2 or "
        "L1) gives a finite optimum":
            tr("no finite optimum: a line separates the two classes, so the cross-entropy "
               "keeps falling as the weights grow (the descent's weights grow for ever); a "
               "penalty (L2 or L1) gives a finite optimum"),
        "no finite optimum: every sample is of one class, so b0 (never penalized) grows for "
        "ever as the cross-entropy falls toward 0":
            tr("no finite optimum: every sample is of one class, so b0 (never penalized) "
               "grows for ever as the cross-entropy falls toward 0"),
        "Newton's method stopped at a gradient of {gap} of its scale: close to the optimum, "
        "not exact":
            tr("Newton's method stopped at a gradient of {gap} of its scale: close to the "
               "optimum, not exact"),
        "the optimum is not unique: features that the penalty keeps are linearly dependent "
        "(a copy or a combination of others)":
            tr("the optimum is not unique: features that the penalty keeps are linearly "
               "dependent (a copy or a combination of others)"),
        "the optimum is undefined: all x are 0, so every b1 gives the same cost":
            tr("the optimum is undefined: all x are 0, so every b1 gives the same cost"),
        "the optimum is not unique: all x are {c}, so the cost depends on b0 + {c}·b1 only, "
        "and every (b0, b1) with b0 + {c}·b1 = mean(y) fits equally well":
            tr("the optimum is not unique: all x are {c}, so the cost depends on b0 + {c}·b1 "
               "only, and every (b0, b1) with b0 + {c}·b1 = mean(y) fits equally well"),
        "no valley of the cost on b1 from {lo} to {hi}":
            tr("no valley of the cost on b1 from {lo} to {hi}"),
        "the file is empty: no samples found": tr("the file is empty: no samples found"),
        "the file has one column: two are needed (x and y)":
            tr("the file has one column: two are needed (x and y)"),
        "no feature column chosen: name at least one x column":
            tr("no feature column chosen: name at least one x column"),
        "the file has a header but no samples under it":
            tr("the file has a header but no samples under it"),
        "{path}: no such file": tr("{path}: no such file"),
        "{path} is a folder, not a CSV file": tr("{path} is a folder, not a CSV file"),
        "no normal equation here: the cost has {n} valleys on b1 from {lo} to {hi} (found by "
        "dense search); plain gradient descent ends in the one it starts in":
            tr("no normal equation here: the cost has {n} valleys on b1 from {lo} to {hi} "
               "(found by dense search); plain gradient descent ends in the one it starts "
               "in"),
    }


def translated(text: str) -> str:
    """``text`` in the window's language when it is a :class:`Message` this table knows."""
    if not isinstance(text, Message):
        return text
    template = templates().get(text.template)
    if template is None:
        return text
    # an argument may itself be a Message (the place of a cell, the reason a number is
    # refused); a setting's name and the system's reason are the window's words for them
    words = {"label": setting_words(), "reason": system_reasons()}
    return template.format(**{k: words[k].get(v, v) if k in words and not isinstance(
        v, Message) else _argument(k, translated(v)) for k, v in text.args.items()})


def _argument(name: str, value: object) -> object:
    """A message's argument in the window's language: a model's code name (``logistic``)
    becomes the model's word (로지스틱 회귀); anything else stays."""
    if name == "model" and isinstance(value, str) and current_language() != "en":
        from gdapp.core.models import MODEL_RULES
        from gdapp.gui.rule_texts import model_word  # late: rule_texts is a larger module

        return model_word(value) if value in MODEL_RULES else value
    return value


def problem_text(exc: BaseException) -> str:
    """What an error of the core or the workbook layer says, in the window's language when it
    was raised with a :class:`Message`."""
    first = exc.args[0] if exc.args else None
    return translated(first) if isinstance(first, Message) else str(exc)
