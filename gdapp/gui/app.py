"""Entry point of the desktop app: :func:`launch`.

Importing this module needs no Qt; :func:`launch` imports PySide6 and says clearly when it is
missing. Without a spec the window reopens the last session (settings and data); a session
file that cannot be read falls back to the document example and the status bar says so. Once
the window shows, the temporary files a killed gdapp left (in the temporary folder and the
last export folder) are removed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gdapp.core import RunSpec

#: The size of the window (and of ``--screenshot`` images).
WINDOW_SIZE = (1280, 800)
PYSIDE_MISSING = "the desktop app needs PySide6: pip install 'gdapp[gui]'"


def launch(spec: RunSpec | None = None, *, screenshot: str | None = None) -> int:
    """Open the window and run the Qt event loop until it closes; return the exit code.

    Parameters
    ----------
    spec : RunSpec, optional
        The run to open. Default: the last session, or the document example (η = 0.01,
        from b1 = 15) when there is none.
    screenshot : str, optional
        Render the window at 1280×800 into this PNG file and return 0 without waiting for
        the user (the session file is neither read nor written).

    Raises
    ------
    RuntimeError
        When PySide6 (the ``gui`` extra) is not installed.
    """
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:
        raise RuntimeError(PYSIDE_MISSING) from exc

    from PySide6.QtCore import Qt, QTimer

    from gdapp.excel.scratch import remove_stale_temporaries
    from gdapp.gui.settings_store import SessionStore
    from gdapp.gui.viewmodel import RunViewModel, default_spec
    from gdapp.gui.window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("gdapp")
    app.setApplicationDisplayName("gdapp")

    if screenshot is not None:
        window = MainWindow(RunViewModel(spec or default_spec()), store=None)
        return _save_screenshot(app, window, Path(screenshot))

    store = SessionStore()
    had_session = store.path.exists()
    saved, state, message = store.load()
    window = MainWindow(RunViewModel(spec or saved), store=store)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.restore_window_state(state)
    window.fit_to_screen()
    window.show()
    window.save_session()
    if message is None and spec is None and had_session:
        message = reopened_message(saved)
    if message:
        window.statusBar().showMessage(message, 20000)
    QTimer.singleShot(0, lambda: remove_stale_temporaries(window.files.export_folder))
    return int(app.exec())


def reopened_message(spec: RunSpec) -> str:
    """What the status bar says when the window reopens the last session."""
    from gdapp.gui.i18n import tr
    from gdapp.gui.viewmodel import describe_spec

    return tr("Reopened your last experiment ({what}); Lesson ▸ The note's run starts "
              "over.").format(what=describe_spec(spec))


def _save_screenshot(app: object, window: object, path: Path) -> int:
    """Show ``window`` at :data:`WINDOW_SIZE`, let it paint, save it as PNG."""
    from PySide6.QtCore import QCoreApplication, QElapsedTimer
    from PySide6.QtWidgets import QMainWindow

    assert isinstance(window, QMainWindow)
    window.resize(*WINDOW_SIZE)
    window.show()
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < 600:  # let the window be mapped, laid out and painted
        QCoreApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    image = window.grab()
    ok = image.save(str(path), "PNG")
    window.close()
    window.deleteLater()
    if not ok:
        print(f"gdapp: could not write the screenshot to {path}", file=sys.stderr)
        return 1
    return 0
