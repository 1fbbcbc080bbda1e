"""Make the classifier's screenshots in docs/: the window on ``--example passfail``
(logistic regression, cross-entropy, η = 0.01) at iterate k = 3000, where the decision
boundary has turned into place (77.5 % of the students right), at 1280×800, in English
and in Korean.

Run under a real X server (a virtual one is fine) or Qt's offscreen platform::

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_passfail_screenshots.py

Writes ``docs/passfail-window.png`` and ``docs/passfail-window-ko.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer
from PySide6.QtWidgets import QApplication

from gdapp.core import EXAMPLES, RunSpec
from gdapp.gui.app import WINDOW_SIZE
from gdapp.gui.i18n import install_language
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

DOCS = Path(__file__).resolve().parent
#: The iterate shown: far enough for the boundary to have moved into place.
K = 3000


def _settle(ms: int = 500) -> None:
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < ms:
        QCoreApplication.processEvents()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for lang, name in (("en", "passfail-window.png"), ("ko", "passfail-window-ko.png")):
        install_language(lang)
        spec = RunSpec(data=EXAMPLES["passfail"], model="logistic")
        window = MainWindow(RunViewModel(spec), store=None)
        window.resize(*WINDOW_SIZE)
        window.show()
        _settle()
        window.vm.stepping = True
        window.vm.set_current(K)
        _settle()
        if not window.grab().save(str(DOCS / name), "PNG"):
            print(f"could not write {name}", file=sys.stderr)
            return 1
        window.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
