"""File actions from the window: export, open, verify with LibreOffice, plot images."""

from __future__ import annotations

from pathlib import Path

import pytest
from patience import HANG_MS
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from gdapp.core import RunSpec
from gdapp.gui.window import MainWindow


def export(window: MainWindow, qtbot: QtBot, path: Path) -> None:
    with qtbot.waitSignal(window.files.exported, timeout=HANG_MS) as blocker:
        window.files.export_workbook(path)
    assert blocker.args == [str(path)]


@pytest.mark.libreoffice
def test_export_from_the_window_and_verify_it_with_libreoffice(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.vm.update(learning_rate=0.1)
    book = tmp_path / "eta-0.1.xlsx"
    assert not window.spreadsheet_action.isEnabled()
    export(window, qtbot, book)
    assert book.exists() and window.files.last_export == book
    assert window.spreadsheet_action.isEnabled()
    assert "Exported" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.files.verified, timeout=HANG_MS) as blocker:
        window.files.verify_workbook(book)
        assert window.files.progress_dialog is not None        # shown while LibreOffice works
        qtbot.wait(50)
        window.step_action.trigger()                            # the window stays responsive
    report = blocker.args[0]
    assert report.agree, report.summary()
    assert report.rows == 35
    box = window.files.last_message
    assert box is not None and "the workbook agrees with gdapp" in box.text()
    assert window.files.progress_dialog is None and not window.files.busy()


def test_open_workbook_restores_its_settings(window: MainWindow, qtbot: QtBot,
                                             tmp_path: Path) -> None:
    window.vm.update(learning_rate=0.1, penalty="l2", lam=0.5)
    book = tmp_path / "l2.xlsx"
    export(window, qtbot, book)
    window.vm.set_spec(RunSpec())
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.files.open_workbook(book)
    spec = window.vm.spec
    assert (spec.learning_rate, spec.penalty, spec.lam) == (0.1, "l2", 0.5)
    assert window.controls.eta.text() == "0.1"


def test_opening_a_file_that_is_not_a_workbook_shows_a_message(
        window: MainWindow, tmp_path: Path) -> None:
    junk = tmp_path / "notes.xlsx"
    junk.write_text("hello", encoding="utf-8")
    assert not window.files.open_workbook(junk)
    box = window.files.last_message
    assert box is not None and box.isVisible() and box.text()
    assert "Traceback" not in box.text()
    assert window.vm.spec.learning_rate == 0.01


def test_a_failed_export_shows_a_message_and_leaves_no_file(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "run.xlsx"
    with qtbot.waitSignal(window.files.failed, timeout=HANG_MS) as blocker:
        window.files.export_workbook(target)
    assert blocker.args[0]
    assert not target.exists()
    assert window.files.last_message is not None


def test_verifying_a_file_that_is_not_a_workbook_says_why(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK not really")
    with qtbot.waitSignal(window.files.failed, timeout=HANG_MS) as blocker:
        window.files.verify_workbook(junk)
    assert blocker.args[0].startswith("Cannot verify")


def test_open_in_spreadsheet_before_any_export_asks_for_one(window: MainWindow,
                                                           qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.files.failed) as blocker:
        assert not window.files.open_in_spreadsheet()
    assert blocker.args == ["Export a workbook first (File ▸ Export)."]


def test_plots_export_as_png(window: MainWindow, tmp_path: Path) -> None:
    for name, plot in (("cost", window.cost_plot), ("objective", window.objective_plot)):
        target = tmp_path / f"{name}.png"
        assert window.files.export_plot(plot, target)
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_failed_plot_export_shows_a_message(window: MainWindow, qtbot: QtBot,
                                              tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "cost.png"
    with qtbot.waitSignal(window.files.failed):
        assert not window.files.export_plot(window.cost_plot, target)
    assert not target.exists()


@pytest.mark.libreoffice
def test_cancelling_a_verification_stops_it_with_a_message(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.vm.update(learning_rate=0.4)     # 10,000 rows: LibreOffice needs seconds for them
    book = tmp_path / "run.xlsx"
    export(window, qtbot, book)
    with qtbot.waitSignal(window.files.failed, timeout=HANG_MS) as blocker:
        window.files.verify_workbook(book)
        dialog = window.files.progress_dialog
        assert dialog is not None and dialog.isVisible()
        qtbot.wait(300)                                   # LibreOffice has started
        dialog.findChild(QPushButton).click()
    assert "cancelled" in blocker.args[0]
    assert not window.files.busy()


def test_a_large_export_runs_behind_a_progress_dialog(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.vm.update(learning_rate=1e-5, max_iterations=30_000)
    book = tmp_path / "long.xlsx"
    with qtbot.waitSignal(window.files.exported, timeout=HANG_MS):
        window.files.export_workbook(book)
        assert window.files.progress_dialog is not None
        assert window.files.progress_dialog.isVisible()
    assert book.stat().st_size > 100_000
