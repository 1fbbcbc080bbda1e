"""Make the teaching view's screenshots in docs/: every lesson scene, the data view with
residuals and squares, and classroom mode, each at 1280×800.

Run under a real X server (a virtual one is fine)::

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/make_teaching_screenshots.py

Writes ``docs/lessons/scene-1.png`` … ``scene-9.png`` (scenes that start at k = 0 are
stepped three updates, so the path so far and the step's arithmetic show),
``docs/data-view-residuals.png`` (the note's run at k = 3 with the squares MSE adds up) and
``docs/classroom-mode.png`` (scene 4 in classroom mode).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer
from PySide6.QtWidgets import QApplication

from gdapp.gui.app import WINDOW_SIZE
from gdapp.gui.lessons import scenes
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import CLASSROOM_ZOOM, MainWindow

DOCS = Path(__file__).resolve().parent


def _settle(ms: int = 500) -> None:
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < ms:
        QCoreApplication.processEvents()


def _save(window: MainWindow, path: Path) -> None:
    _settle()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    print(path.relative_to(DOCS.parent))


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = MainWindow(RunViewModel(), store=None)
    window.resize(*WINDOW_SIZE)
    window.show()
    _settle()
    for i, scene in enumerate(scenes()):
        window.show_scene(i)
        if scene.at_start:
            for _ in range(3):
                window.step()
        _save(window, DOCS / "lessons" / f"scene-{i + 1}.png")
    window.lesson.close_button.click()
    window.back_to_note_run()
    window.reset()
    for _ in range(3):
        window.step()
    window.data_plot.squares_box.setChecked(True)
    _save(window, DOCS / "data-view-residuals.png")
    window.data_plot.squares_box.setChecked(False)
    window.show_scene(3)
    window.set_zoom(CLASSROOM_ZOOM)
    _save(window, DOCS / "classroom-mode.png")
    window.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
