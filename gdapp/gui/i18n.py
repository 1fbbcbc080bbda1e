"""The window's language: the one call site for its text, :func:`tr`, and the translators.

Every string of the window goes through ``tr("text")``, which is
``QCoreApplication.translate(CONTEXT, "text")`` with one fixed context. Qt's
``pyside6-lupdate`` files every bare ``tr("…")`` call under the empty context, whatever class
it is written in (``self.tr()`` in a subclass would file each under its subclass), so that
is the context the helper translates in: ``translations/gdapp_ko.ts`` is made by lupdate from
``gdapp/gui`` and compiled by lrelease into ``gdapp_ko.qm``, which ships beside it
(``tests/test_gui_translations.py`` fails when the .ts misses a string, holds an unfinished
one, or the .qm is older than the .ts).

:func:`install_language` installs the window's translation and Qt's own (``qtbase_ko.qm``,
for the standard dialogs' buttons) before the window is built; :func:`system_language`
follows the locale (``LANG=ko_KR.UTF-8`` gives Korean).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: The translation context of every string of the window: the one lupdate gives ``tr()``.
CONTEXT = ""
#: The window's languages, by code, each named in its own language (View ▸ Language).
LANGUAGES = {"ko": "한국어", "en": "English"}
#: Where the .ts sources and the compiled .qm files live.
TRANSLATIONS = Path(__file__).resolve().parent / "translations"

Language = Literal["en", "ko"]
_installed: list[QTranslator] = []
_current: Language = "en"


def tr(text: str) -> str:
    """``text`` in the window's language (itself until a translation is installed)."""
    return QCoreApplication.translate(CONTEXT, text)


def system_language() -> str:
    """``"ko"`` when the system locale is Korean (``LANG=ko_KR.UTF-8``), else ``"en"``."""
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def current_language() -> Language:
    """The language the window's texts are in now: ``"en"`` or ``"ko"``."""
    return _current


def qm_path(lang: str) -> Path:
    """The compiled translation of the window for ``lang``."""
    return TRANSLATIONS / f"gdapp_{lang}.qm"


def install_language(lang: str) -> Language:
    """Make ``lang`` the window's language (a QCoreApplication must exist); return it.

    English removes every translation (the source texts are English). Korean installs
    ``gdapp_ko.qm`` and Qt's ``qtbase_ko.qm``. A translation that cannot be loaded leaves
    the window in English, and the returned ``"en"`` says so.

    Raises
    ------
    ValueError
        For a language other than those of :data:`LANGUAGES`.
    """
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"the window speaks {' or '.join(LANGUAGES)}, not {lang!r}")
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _current = "en"
    if lang != "ko":
        return _current
    ours = QTranslator()
    if not ours.load(str(qm_path(lang))):
        return _current
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt_own)
        _installed.append(qt_own)
    _current = "ko"
    return _current
