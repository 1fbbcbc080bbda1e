"""The window in Korean: it follows the system locale, View ▸ Language switches it at once
and is remembered, ``--lang`` sets it for one start; a Korean CP949 file and a Korean
workbook from the Korean window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from patience import HANG_MS, HANG_S
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from gdapp.excel.compare import VerifyReport
from gdapp.gui.app import open_session_window
from gdapp.gui.files import verdict_lines
from gdapp.gui.i18n import current_language
from gdapp.gui.settings_store import SessionStore
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

ENGLISH_MENUS = ["&File", "&Run", "&Lesson", "&View", "&Help"]
KOREAN_MENUS = ["파일(&F)", "실행(&R)", "수업(&L)", "보기(&V)", "도움말(&H)"]


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def switch(window: MainWindow, qtbot: QtBot, lang: str) -> MainWindow:
    """View ▸ Language ▸ ``lang``, as a user picks it; the window that replaces this one."""
    window.language_actions[lang].trigger()
    new = window.replacement
    qtbot.addWidget(new)
    qtbot.waitExposed(new)
    return new


@pytest.mark.parametrize(("env", "expected"), [("ko_KR.UTF-8", "ko"), ("C.UTF-8", "en")])
def test_the_language_follows_the_system_locale(env: str, expected: str) -> None:
    code = ("from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
            "from gdapp.gui.i18n import system_language; print(system_language())")
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith("LC_") and k != "LANGUAGE"}
    done = subprocess.run([sys.executable, "-c", code], env={**clean, "LANG": env},
                          capture_output=True, text=True, timeout=HANG_S, check=True)
    assert done.stdout.strip() == expected


def test_view_language_switches_the_menus_buttons_and_status_line_at_once(
        window: MainWindow, qtbot: QtBot) -> None:
    window.vm.update(learning_rate=0.1)
    window.vm.pin_current()
    assert menu_titles(window) == ENGLISH_MENUS
    assert window.pins.pin_button.text() == "Pin"
    assert window.status_label.text().startswith("converged at k = 34")
    korean = switch(window, qtbot, "ko")
    assert current_language() == "ko"
    assert menu_titles(korean) == KOREAN_MENUS
    assert korean.pins.pin_button.text() == "고정"
    assert korean.step_action.text() == "한 단계"
    assert korean.status_label.text().startswith("k = 34에서 수렴")
    assert "안정 한계" in korean.status_label.text()
    assert korean.cost_plot.plot_item.titleLabel.text.startswith("비용함수 곡선")
    assert korean.controls.title() == "설정"
    # the same run, the same pins
    assert korean.vm.spec.learning_rate == 0.1 and len(korean.vm.pinned) == 1
    assert korean.language_actions["ko"].isChecked()
    english = switch(korean, qtbot, "en")
    assert menu_titles(english) == ENGLISH_MENUS
    assert english.status_label.text().startswith("converged at k = 34")


def test_the_chosen_language_is_remembered_and_lang_overrides_it_for_one_start(
        qtbot: QtBot, tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "session.json")
    first = MainWindow(RunViewModel(), store=store)
    qtbot.addWidget(first)
    first.show()
    switch(first, qtbot, "ko").close()
    again, _ = open_session_window(SessionStore(tmp_path / "session.json"))
    qtbot.addWidget(again)
    assert menu_titles(again) == KOREAN_MENUS
    once, _ = open_session_window(SessionStore(tmp_path / "session.json"), lang="en")
    qtbot.addWidget(once)
    assert menu_titles(once) == ENGLISH_MENUS
    assert once.window_state()["language"] == "ko"  # the choice stays for the next start


def test_a_cp949_file_in_the_korean_window_shows_its_korean_names_and_a_korean_notice(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    korean = switch(window, qtbot, "ko")
    path = tmp_path / "점수.csv"
    path.write_bytes("공부 시간,시험 점수\r\n1,2\r\n2,6\r\n".encode("cp949"))
    assert korean.data_editor.import_file(str(path))
    table = korean.data_editor.table
    assert [table.horizontalHeaderItem(c).text() for c in (0, 1)] == ["공부 시간", "시험 점수"]
    assert "점수.csv 파일은 UTF-8이 아니어서 CP949" in korean.data_editor.message.text()
    assert korean.data_plot.plot_item.getAxis("bottom").labelText == "공부 시간"
    assert korean.status_label.text().startswith("k = 396에서 수렴")


@pytest.mark.libreoffice
def test_the_korean_window_exports_a_korean_workbook_that_libreoffice_verifies(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    korean = switch(window, qtbot, "ko")
    book = tmp_path / "경사하강법.xlsx"
    with qtbot.waitSignal(korean.files.exported, timeout=HANG_MS):
        korean.files.export_workbook(book)
    assert korean.statusBar().currentMessage() == f"내보냈습니다: {book}"
    labels = {c.value for c in load_workbook(book)["Settings"]["A"]}
    assert {"비용함수", "η (학습률)", "허용 오차"} <= labels
    with qtbot.waitSignal(korean.files.verified, timeout=HANG_MS) as blocker:
        korean.files.verify_workbook(book)
    report = blocker.args[0]
    assert report.agree, report.summary()
    box = korean.files.last_message
    assert box is not None and box.windowTitle() == "통합 문서 검증"
    assert "판정: 통합 문서가 gdapp의 계산과 일치합니다" in box.text()


@pytest.mark.parametrize("report", [
    VerifyReport(True, 2918, 3e-15, "Summary!E55", None),
    VerifyReport(True, 100, 1e-9, "", None, sensitive=1234, notes=("a note",)),
    VerifyReport(False, 10, 0.5, "Iterations!C7", "Iterations!C7: workbook 2.81, engine 2.8",
                 differences=1),
    VerifyReport(False, 10, 0.5, "Iterations!C7", "Iterations!C7: …", differences=3000)])
def test_the_windows_verdict_in_english_is_what_gdapp_verify_prints(
        qapp: QCoreApplication, report: VerifyReport) -> None:
    assert verdict_lines(report) == report.summary()

