"""The one call site for the window's user-visible text: :func:`tr`.

Every new string of the window goes through ``tr("text")``, which is
``QCoreApplication.translate("gdapp", "text")`` with one fixed context, so that Qt's
``pyside6-lupdate`` collects them all under the same name whatever class uses them
(``self.tr()`` in a subclass would file each under its subclass).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

#: The translation context of every string of the window.
CONTEXT = "gdapp"


def tr(text: str) -> str:
    """``text`` in the window's language (itself until a translation is installed)."""
    return QCoreApplication.translate(CONTEXT, text)
