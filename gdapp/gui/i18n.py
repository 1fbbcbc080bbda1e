"""The one call site for the window's user-visible text: :func:`tr`.

Every new string of the window goes through ``tr("text")``, which is
``QCoreApplication.translate(CONTEXT, "text")`` with one fixed context. Qt's
``pyside6-lupdate`` files every bare ``tr("…")`` call under the empty context, whatever class
it is written in (``self.tr()`` in a subclass would file each under its subclass), so that
is the context the helper translates in: a ``.ts`` file made by lupdate from ``gdapp/gui``
and compiled by lrelease applies as it is (``tests/test_gui_i18n.py`` does the round trip).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

#: The translation context of every string of the window: the one lupdate gives ``tr()``.
CONTEXT = ""


def tr(text: str) -> str:
    """``text`` in the window's language (itself until a translation is installed)."""
    return QCoreApplication.translate(CONTEXT, text)
