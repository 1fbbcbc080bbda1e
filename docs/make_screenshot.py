"""Make docs/screenshot.png: the note's example mid-descent, compared with η = 0.1.

Run under a real X server (a virtual one is fine)::

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/make_screenshot.py

The window shows the η = 0.01 run from b1 = 15 stepped to k = 12 (the tangent is the note's
red line), with the η = 0.1 run pinned beside it.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QApplication

from gdapp.gui.screenshot import Shot, save_screenshot
from gdapp.gui.viewmodel import RunViewModel, default_spec
from gdapp.gui.window import MainWindow


def main(out: str = "docs/screenshot.png") -> int:
    app = QApplication(sys.argv[:1])
    spec = default_spec()
    vm = RunViewModel(replace(spec, learning_rate=0.1))
    window = MainWindow(vm, store=None)
    vm.pin_current()
    vm.update(learning_rate=0.01)
    for _ in range(12):
        window.step()
    if vm.current != 12:
        window.reset()
        for _ in range(12):
            window.step()
    code = save_screenshot(window, Path(out), Shot(step=vm.current))
    del app
    return code


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
