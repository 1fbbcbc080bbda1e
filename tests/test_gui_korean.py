"""Korean in the window: a Hangul font is found (or its absence said once), and a CP949 data
file's import says which encoding was used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from patience import HANG_S
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gdapp.gui.app import HANGUL_FONT_PACKAGE, hangul_font_missing
from gdapp.gui.data_editor import DataEditor
from gdapp.gui.viewmodel import RunViewModel

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def test_the_set_up_installs_a_font_that_draws_hangul(qapp: QApplication) -> None:
    assert hangul_font_missing() is None


def test_without_a_hangul_font_the_window_says_so_once_and_names_the_package(
        tmp_path: Path) -> None:
    # fontconfig shown only the DejaVu fonts (which hold no Hangul)
    assert any(DEJAVU.glob("*.ttf"))
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?>\n<fontconfig><dir>{DEJAVU}</dir>'
                      f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n")
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen",
           "HOME": str(tmp_path)}
    shot = tmp_path / "shot.png"
    done = subprocess.run([sys.executable, "-m", "gdapp.cli", "gui", "--screenshot", str(shot)],
                          env=env, capture_output=True, text=True, timeout=HANG_S, check=False)
    assert done.returncode == 0, done.stderr
    note = ("gdapp: note: no installed font can draw Hangul, so Korean text shows as empty "
            f"boxes: install one (on Debian or Ubuntu: apt-get install {HANGUL_FONT_PACKAGE})")
    assert done.stderr.count(note) == 1
    assert shot.stat().st_size > 0


def test_importing_a_cp949_file_shows_its_korean_names_and_says_which_encoding(
        qtbot: QtBot, tmp_path: Path) -> None:
    vm = RunViewModel()
    editor = DataEditor(vm)
    qtbot.addWidget(editor)
    path = tmp_path / "점수.csv"
    path.write_bytes("공부 시간,시험 점수\r\n1,2\r\n2,5\r\n".encode("cp949"))
    assert editor.import_file(str(path))
    header = [editor.table.horizontalHeaderItem(c).text() for c in (0, 1)]
    assert header == ["공부 시간", "시험 점수"]
    assert (vm.spec.data.x_name, vm.spec.data.y_name) == ("공부 시간", "시험 점수")
    assert "점수.csv was read as CP949 (Korean Windows, EUC-KR) text, not UTF-8" in \
        editor.message.text()
    assert not editor.message.isHidden()
    # a UTF-8 file says nothing
    path.write_bytes("공부 시간,시험 점수\n1,2\n2,6\n3,7\n".encode())
    assert editor.import_file(str(path))
    assert editor.message.isHidden()
