"""Sentences for a person that the window can translate, without Qt below the window.

A :class:`Message` is the English sentence itself (a ``str``: the CLI, the JSON and the
workbooks use it unchanged) that also carries its ``template`` and ``args``, so that the
window (:mod:`gdapp.gui.core_messages`) can look the template up in its translations and
fill in the same arguments. The arguments are given already formatted, as text, so both
languages show the same numbers.
"""

from __future__ import annotations


class Message(str):
    """``Message("no valley on b1 from {lo} to {hi}", lo="-1", hi="5")`` is the str
    ``"no valley on b1 from -1 to 5"`` with ``.template`` and ``.args``."""

    template: str
    args: dict[str, str]

    def __new__(cls, template: str, **args: str) -> Message:
        text = super().__new__(cls, template.format(**args))
        text.template = template
        text.args = dict(args)
        return text

    def __reduce__(self) -> tuple[object, ...]:  # pickles (and copies) as a Message
        return (_rebuild, (self.template, tuple(self.args.items())))


def _rebuild(template: str, items: tuple[tuple[str, str], ...]) -> Message:
    return Message(template, **dict(items))
