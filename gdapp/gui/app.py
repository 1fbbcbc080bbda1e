"""Entry point of the desktop app: :func:`launch`.

Importing this module needs no Qt; :func:`launch` imports PySide6 and says clearly when it is
missing. Without a spec the window reopens the last session (settings and data); a session
file that cannot be read falls back to the document example and the status bar says so. Once
the window shows, the temporary files a killed gdapp left (in the temporary folder and the
last export folder) are removed, and soon after the engine's compiled loop loads in the
background. When no installed font can draw Hangul (Korean column names
would show as empty boxes), the window says so once, with the package to install.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gdapp.core import RunSpec
    from gdapp.gui.screenshot import Shot
    from gdapp.gui.settings_store import SessionStore
    from gdapp.gui.window import MainWindow

#: The size of the window (and of ``--screenshot`` images).
WINDOW_SIZE = (1280, 800)
PYSIDE_MISSING = ("the desktop app needs PySide6, which a headless install leaves out: "
                  "pip install 'PySide6-Essentials>=6.8,<6.12' pyqtgraph superqt platformdirs")
#: The Debian package ``./dev setup`` installs for Hangul, named when none is found.
HANGUL_FONT_PACKAGE = "fonts-nanum"
#: Syllables a font must hold to count as drawing Hangul (the note's own words).
HANGUL_SAMPLE = "경사하강법비용함수학습률규제"


def display_missing(env: Mapping[str, str] | None = None) -> str | None:
    """None when Qt has somewhere to show the window, else the sentence that says there is
    none. On Linux and the BSDs Qt's default platforms (xcb, wayland) need ``DISPLAY`` or
    ``WAYLAND_DISPLAY``; without either Qt aborts with a misleading hint about libxcb-cursor0.
    ``QT_QPA_PLATFORM`` set to another platform (offscreen, vnc, eglfs…) needs neither."""
    env = os.environ if env is None else env
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if platform not in ("", "xcb", "wayland", "wayland-egl"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not "
            "set): start gdapp from a desktop session or over ssh -X, or save a picture of "
            "the window with gdapp gui --screenshot FILE.png")


def hangul_font_missing() -> str | None:
    """None when some installed font can draw Hangul, else the sentence that says none can.

    Asks Qt's font database for the families that declare the Korean writing system and
    checks that one of them really holds the glyphs (a QGuiApplication must exist).
    """
    from PySide6.QtGui import QFont, QFontDatabase, QRawFont

    for family in QFontDatabase.families(QFontDatabase.WritingSystem.Korean):
        raw = QRawFont.fromFont(QFont(family))
        if all(raw.supportsCharacter(ord(c)) for c in HANGUL_SAMPLE):
            return None
    return ("no installed font can draw Hangul, so Korean text shows as empty boxes: install "
            f"one (on Debian or Ubuntu: apt-get install {HANGUL_FONT_PACKAGE})")


def launch(spec: RunSpec | None = None, *, screenshot: str | None = None,
           lang: str | None = None, shot: Shot | None = None) -> int:
    """Open the window and run the Qt event loop until it closes; return the exit code.

    Parameters
    ----------
    spec : RunSpec, optional
        The run to open. Default: the last session, or the document example (η = 0.01,
        from b1 = 15) when there is none.
    screenshot : str, optional
        Render the window (at 1280×800 unless ``shot`` says otherwise) into this PNG file
        and return 0 without waiting for the user (the session file is neither read nor
        written). The window opens at the run's start, k = 0, as :func:`launch` does.
    lang : {"en", "ko"}, optional
        The window's language for this start. Default: the one chosen in View ▸ Language
        (kept in the session), else the system locale's (``LANG=ko_KR.UTF-8``: Korean).
    shot : Shot, optional
        With ``screenshot``: the window's size, classroom mode, lesson scene and iterate.

    Raises
    ------
    RuntimeError
        When PySide6 is not installed (a headless install, see the README).
    """
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:
        raise RuntimeError(PYSIDE_MISSING) from exc
    if QApplication.instance() is None:
        if screenshot is not None and display_missing() is not None:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen
        missing = display_missing()
        if missing is not None:
            raise RuntimeError(missing)

    from PySide6.QtCore import Qt, QTimer

    from gdapp.excel.scratch import remove_stale_temporaries
    from gdapp.gui.i18n import install_language, system_language
    from gdapp.gui.settings_store import SessionStore
    from gdapp.gui.viewmodel import RunViewModel, default_spec
    from gdapp.gui.window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("gdapp")
    app.setApplicationDisplayName("gdapp")

    no_hangul = hangul_font_missing()
    if no_hangul:
        print(f"gdapp: note: {no_hangul}", file=sys.stderr)
    if screenshot is not None:
        from gdapp.gui.screenshot import Shot, check_shot, save_screenshot

        install_language(lang or system_language())
        shot = shot or Shot()
        check_shot(shot)
        window = MainWindow(RunViewModel(spec or default_spec()), store=None)
        window.reset()  # as the window opens: at the start, k = 0
        return save_screenshot(window, Path(screenshot), shot)

    store = SessionStore()
    had_session = store.path.exists()
    window, message = open_session_window(store, spec, lang=lang)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.fit_to_screen()
    window.show()
    window.save_session()
    if message is None and spec is None and had_session:
        message = reopened_message(window.vm.spec)
    notices = [m for m in (message, no_hangul and no_hangul[0].upper() + no_hangul[1:]) if m]
    if notices:
        window.statusBar().showMessage(" · ".join(notices), 20000)
    QTimer.singleShot(0, lambda: remove_stale_temporaries(window.files.export_folder))
    QTimer.singleShot(COMPILED_LOOP_AFTER_MS, load_compiled_loop)
    return int(app.exec())


#: How long after the window shows the compiled loop starts loading (start-up comes first).
COMPILED_LOOP_AFTER_MS = 1500


def load_compiled_loop() -> threading.Thread:
    """Load the engine's compiled loop (numba, about half a second) in a thread of its own,
    so that the first run of another optimizer than gradient descent does not wait for it
    (and from then on gradient descent on the note's case takes it too)."""
    from gdapp.core.kernels import warm_up

    thread = threading.Thread(target=warm_up, name="gdapp-compiled-loop")
    thread.start()
    return thread


#: What applying a saved session can raise when the file passed its checks but its values
#: break the window (a start so large the objective overflows, a splitter size beyond what
#: Qt holds, a geometry that is not hexadecimal text).
_SESSION_FAULTS = (ValueError, OverflowError, TypeError, UnicodeError, ArithmeticError)


def open_session_window(store: SessionStore, spec: RunSpec | None = None, *,
                        lang: str | None = None) -> tuple[MainWindow, str | None]:
    """The main window on ``spec`` (default: the session's run) with the session's window
    state applied, and a message for the status bar. A session that cannot be applied is set
    aside as ``.corrupt`` (:meth:`SessionStore.set_aside`) and the window opens on the
    document example, so a bad file never fails every later start. The window opens at the
    run's start, k = 0 (a lesson's first step). The window speaks
    ``lang``, else the language kept in the session, else the system's."""
    from gdapp.gui.i18n import LANGUAGES, install_language, system_language

    saved, state, message = store.load()
    chosen = state.get("language")
    chosen = chosen if isinstance(chosen, str) and chosen in LANGUAGES else None
    install_language(lang or chosen or system_language())
    window, message = _session_window(store, spec, saved, state, message)
    window.reset()  # a lesson starts at k = 0: the note's 15 → 14.39 is the first step
    window.language_choice = chosen  # --lang is for one start: the choice stays
    return window, message


def _session_window(store: SessionStore, spec: RunSpec | None, saved: RunSpec,
                    state: dict[str, object], message: str | None
                    ) -> tuple[MainWindow, str | None]:
    from gdapp.gui.core_messages import problem_text
    from gdapp.gui.i18n import tr
    from gdapp.gui.viewmodel import RunViewModel, default_spec
    from gdapp.gui.window import MainWindow

    try:
        vm = RunViewModel(spec or saved)
    except _SESSION_FAULTS as exc:
        if spec is not None:
            raise                                # the run asked for on the command line
        reason = problem_text(exc) if isinstance(exc, ValueError) and str(exc) else \
            tr("its settings cannot be run")
        return MainWindow(RunViewModel(default_spec()), store=store), store.set_aside(reason)
    window = MainWindow(vm, store=store)
    try:
        window.restore_window_state(state)
    except _SESSION_FAULTS:
        window.deleteLater()
        fresh = MainWindow(RunViewModel(spec or default_spec()), store=store)
        return fresh, store.set_aside(tr("its window layout cannot be applied"))
    return window, message


def reopened_message(spec: RunSpec) -> str:
    """What the status bar says when the window reopens the last session."""
    from gdapp.gui.i18n import tr
    from gdapp.gui.viewmodel import describe_spec

    return tr("Reopened your last experiment ({what}); Lesson ▸ The note's run starts "
              "over.").format(what=describe_spec(spec))
