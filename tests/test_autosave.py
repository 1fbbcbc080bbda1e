"""kill -9 loses nothing: the app reopens with the data and settings it had, the workbook it was
overwriting is intact, and the temporary files of the killed export are gone after the start.

A real app process (the window, offscreen) exports a workbook, has its η, iterations and
samples changed, starts exporting a long run over the same file and is killed with SIGKILL in
the middle of writing it. Then the app is started again in this process.
"""

from __future__ import annotations

import hashlib
import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from patience import HANG_S

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

#: The app process: ``launch()`` with a timer that drives the window like a user would.
APP_SCRIPT = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gdapp.core import Dataset
from gdapp.gui.app import launch
from gdapp.gui.window import MainWindow

folder = Path(sys.argv[1])
book = folder / "run.xlsx"

def say(word):
    print(word, flush=True)

def window():
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

def first_export():
    win = window()
    win.files.exported.connect(after_first_export)
    win.files.export_workbook(book)

def after_first_export(_path):
    win = window()
    win.files.exported.disconnect(after_first_export)
    say("EXPORTED")
    win.controls.eta.setValue(2e-7)                     # typed into the η box
    win.data_editor.paste_text("1\t2\n2\t6\n3\t7")      # a third sample pasted in
    QTimer.singleShot(300, long_export)

def long_export():
    win = window()
    win.vm.update(max_iterations=400_000, tolerance=1e-14)
    QTimer.singleShot(300, lambda: window().files.export_workbook(book))
    QTimer.singleShot(300, wait_for_rows)

def wait_for_rows():
    import tempfile
    sheets = list(Path(tempfile.gettempdir()).glob("gdapp-export-*/Iterations.xml"))
    if sheets and sheets[0].stat().st_size > 2_000_000:
        say("WRITING")
        return
    QTimer.singleShot(50, wait_for_rows)

app = QApplication(sys.argv[:1])      # launch() uses it; timers need it first
QTimer.singleShot(300, first_export)
sys.exit(launch())
"""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _wait_for(proc: subprocess.Popen[str], word: str, timeout: float) -> None:
    """Read the app's stdout until it prints ``word`` (fail after ``timeout`` seconds)."""
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if not selector.select(timeout=0.2):
                continue
            line = proc.stdout.readline()
            if line.strip() == word:
                return
            if not line:
                break
    proc.kill()
    raise AssertionError(f"the app never said {word}")


def test_after_kill_9_the_app_reopens_with_its_data_and_settings_and_cleans_up(
        qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gdapp.gui.app import launch
    from gdapp.gui.window import MainWindow

    session = tmp_path / "session.json"
    scratch = tmp_path / "tmp"
    exports = tmp_path / "exports"
    scratch.mkdir()
    exports.mkdir()
    env = {**os.environ, "GDAPP_SESSION_FILE": str(session), "TMPDIR": str(scratch),
           "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen([sys.executable, "-c", APP_SCRIPT, str(exports)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as app:
        try:
            _wait_for(app, "EXPORTED", HANG_S)
            first = _digest(exports / "run.xlsx")
            _wait_for(app, "WRITING", HANG_S)
            os.kill(app.pid, signal.SIGKILL)
        finally:
            if app.poll() is None:
                app.kill()
            app.wait(10)
    assert app.returncode == -signal.SIGKILL

    # What the kill left: the previous workbook whole, and the export's temporaries.
    assert _digest(exports / "run.xlsx") == first
    stray_files = list(exports.glob(f".run.gdapp-{app.pid}-*.xlsx.tmp"))
    stray_dirs = list(scratch.glob(f"gdapp-export-{app.pid}-*"))
    assert stray_files and stray_dirs
    saved = json.loads(session.read_text(encoding="utf-8"))
    assert saved["window"]["export_folder"] == str(exports)

    # The next start: same settings and samples, and the temporaries are removed.
    monkeypatch.setenv("GDAPP_SESSION_FILE", str(session))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    seen: list[tuple[float, int, float, list[float], bool]] = []

    def look_and_close() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                spec = w.vm.spec
                seen.append((spec.learning_rate, spec.max_iterations, spec.tolerance,
                             spec.data.y.tolist(), any(p.exists() for p in
                                                       stray_files + stray_dirs)))
                w.close()

    QTimer.singleShot(400, look_and_close)
    assert launch() == 0
    assert seen == [(2e-7, 400_000, 1e-14, [2.0, 6.0, 7.0], False)]
    assert sorted(p.name for p in exports.iterdir()) == ["run.xlsx"]
    assert list(scratch.iterdir()) == []
