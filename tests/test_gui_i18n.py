"""The window's strings reach Qt's translation tools: lupdate finds the tr() calls, and a
translation compiled by lrelease is what tr() returns."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from gdapp.gui.i18n import tr
from gdapp.gui.lessons import scenes

GUI = Path(__file__).resolve().parents[1] / "gdapp" / "gui"
TOOLS = Path(sys.executable).parent


def test_lupdate_collects_the_strings_and_lrelease_makes_them_apply(
        qapp: QCoreApplication, tmp_path: Path) -> None:
    ts = tmp_path / "gdapp_ko.ts"
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *map(str, sorted(GUI.glob("*.py"))),
                    "-ts", str(ts)], check=True, capture_output=True)
    text = ts.read_text(encoding="utf-8")
    assert "<source>Next scene</source>" in text
    assert f"<source>{scenes()[0].title}</source>" in text
    # one translation, as the Korean issue will add them
    text = re.sub(r"(<source>Next scene</source>\s*<translation)[^>]*>[^<]*(</translation>)",
                  r"\1>다음 장면\2", text)
    ts.write_text(text, encoding="utf-8")
    qm = tmp_path / "gdapp_ko.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert tr("Next scene") == "다음 장면"
        assert tr("Previous scene") == "Previous scene"  # not translated: itself
    finally:
        QCoreApplication.removeTranslator(translator)
