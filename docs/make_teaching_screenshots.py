"""Make the teaching view's screenshots in docs/: every lesson scene in English and Korean, at
1280×800 and at 1024×768 in classroom mode (a projector), the data view with residuals and
squares, and classroom mode.

Run under a real X server (a virtual one is fine), or with ``QT_QPA_PLATFORM=offscreen``::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/make_teaching_screenshots.py

Writes ``docs/lessons/{en,ko}/scene-N.png`` (1280×800) and
``docs/lessons/{en,ko}/classroom-1024/scene-N.png`` (1024×768, classroom mode) for every
scene N of the Lesson menu (scenes that start at k = 0 are stepped three updates, so the path
so far and the step's arithmetic show), ``docs/data-view-residuals.png`` (the note's run at
k = 3 with the squares MSE adds up) and ``docs/classroom-mode.png`` (scene 4 in classroom
mode), the last two in English. Each scene is the same view ``gdapp gui --screenshot FILE
--lang L --lesson N [--size 1024x768 --classroom]`` renders.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from gdapp.gui.i18n import install_language
from gdapp.gui.lessons import scenes
from gdapp.gui.screenshot import DEFAULT_SIZE, Shot, prepare
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import CLASSROOM_ZOOM, MainWindow

DOCS = Path(__file__).resolve().parent
#: The two views of every scene: (folder under docs/lessons/<lang>/, the shot's size and mode).
VIEWS = (("", Shot(size=DEFAULT_SIZE)),
         ("classroom-1024", Shot(size=(1024, 768), classroom=True)))
#: Updates stepped in a scene that starts at k = 0.
STEPS = 3


def _settle(ms: int = 400) -> None:
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < ms:
        QCoreApplication.processEvents()


def save_small(image: QImage, path: Path) -> bool:
    """``image`` as a PNG of 256 colours at the strongest compression: a fifth of the bytes of
    a full-colour one, since the PNGs are committed (the window's flat colours survive)."""
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    small = image.convertToFormat(QImage.Format.Format_Indexed8, flags)
    return small.save(str(path), "PNG", 0)


def _save(window: MainWindow, path: Path) -> None:
    _settle()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not save_small(window.grab().toImage(), path):
        raise SystemExit(f"could not write {path}")
    print(path.relative_to(DOCS.parent))


def scene_shots(lang: str) -> None:
    """Every scene in ``lang``, in both views."""
    install_language(lang)
    for folder, view in VIEWS:
        window = MainWindow(RunViewModel(), store=None)
        window.show()
        for i, scene in enumerate(scenes()):
            prepare(window, Shot(size=view.size, classroom=view.classroom, lesson=i + 1,
                                 step=STEPS if scene.at_start else None))
            _save(window, DOCS / "lessons" / lang / folder / f"scene-{i + 1}.png")
        window.close()
        window.deleteLater()
        _settle(50)


def other_shots() -> None:
    """The data view with its squares, and classroom mode (in English)."""
    install_language("en")
    window = MainWindow(RunViewModel(), store=None)
    window.resize(*DEFAULT_SIZE)
    window.show()
    window.back_to_note_run()
    for _ in range(STEPS):
        window.step()
    window.data_plot.squares_box.setChecked(True)
    _save(window, DOCS / "data-view-residuals.png")
    window.data_plot.squares_box.setChecked(False)
    window.show_scene(3)
    window.set_zoom(CLASSROOM_ZOOM)
    _save(window, DOCS / "classroom-mode.png")
    window.close()


def main() -> int:
    app = QApplication(sys.argv[:1])
    for lang in ("en", "ko"):
        scene_shots(lang)
    other_shots()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
