"""Make the overfitting screenshots: the lesson's degree 9 scene in English and Korean at
1280×800 (``docs/overfit-window.png``, ``docs/overfit-window-ko.png``), and with ``--review
DIR`` every overfitting scene (degree 1, 3, 9 and the validation curve) at 1280×800 and
1024×768 in both languages, for looking at before a release.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_overfit_screenshots.py [--review DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from make_teaching_screenshots import save_small  # docs/, the script's folder
from PySide6.QtCore import QCoreApplication, QElapsedTimer
from PySide6.QtWidgets import QApplication

from gdapp.gui.i18n import install_language
from gdapp.gui.lessons import all_scenes
from gdapp.gui.lessons_more import scene_groups
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

DOCS = Path(__file__).resolve().parent
SIZES = ((1280, 800), (1024, 768))


def _settle(ms: int = 700) -> None:
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < ms:
        QCoreApplication.processEvents()


def shoot(lang: str, size: tuple[int, int], indices: list[int], name: str, out: Path) -> None:
    """Scenes ``indices`` in ``lang`` at ``size``, each saved as ``out/name.format(i=…)``."""
    install_language(lang)
    window = MainWindow(RunViewModel())
    window.resize(*size)
    window.show()
    _settle()
    for i in indices:
        window.show_scene(i)
        _settle()
        path = out / name.format(i=i + 1, lang=lang, w=size[0], h=size[1])
        path.parent.mkdir(parents=True, exist_ok=True)
        if not save_small(window.grab().toImage(), path):
            raise SystemExit(f"could not write {path}")
        print(path)
    window.close()
    window.deleteLater()
    _settle(100)


def main(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    overfitting = scene_groups(len(all_scenes()))[-1][1]  # the Lesson menu's last group
    nine = overfitting[2]  # degree 1, 3, then 9
    shoot("en", SIZES[0], [nine], "overfit-window.png", DOCS)
    shoot("ko", SIZES[0], [nine], "overfit-window-ko.png", DOCS)
    if len(argv) == 2 and argv[0] == "--review":
        extra = list(overfitting)
        for lang in ("en", "ko"):
            for size in SIZES:
                shoot(lang, size, extra, "scene-{i}-{lang}-{w}x{h}.png", Path(argv[1]))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
