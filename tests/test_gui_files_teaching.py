"""File actions a teacher meets: Verify's progress, its verdict, plot export size, and which
program opens a workbook."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from gdapp.gui import files
from gdapp.gui.files import WORD_JOINER, spreadsheet_program, unbreakable_cells
from gdapp.gui.window import MainWindow


def test_verify_shows_a_busy_bar_until_the_comparison_reports(window: MainWindow,
                                                              qtbot: QtBot) -> None:
    go = threading.Event()
    finished: list[object] = []

    def job(progress: Any) -> object:
        progress(0, 10)   # LibreOffice recalculating: nothing counted yet
        go.wait(5)
        progress(5, 10)
        go.clear()
        go.wait(5)
        return "done"

    window.files._start(job, "Verify workbook", "Comparing …", finished.append,
                        cancellable=True, show_now=True, busy_first="Recalculating …")
    dialog = window.files.progress_dialog
    assert dialog is not None
    qtbot.wait(50)
    assert dialog.maximum() == 0 and dialog.labelText() == "Recalculating …"
    go.set()
    qtbot.waitUntil(lambda: dialog.maximum() == 1000 and dialog.value() == 500)
    assert dialog.labelText() == "Comparing …"
    go.set()
    qtbot.waitUntil(lambda: finished == ["done"])


def test_the_verdict_never_breaks_a_cell_reference() -> None:
    text = unbreakable_cells("first difference: Iterations!C3: the workbook has …; "
                             "largest deviation 3.9e-15 (Summary!$F$35)")
    assert f"Iterations!{WORD_JOINER}C3" in text
    assert f"Summary!{WORD_JOINER}$F$35" in text


def test_a_plot_exports_at_the_width_asked_for(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "cost.png"
    assert window.files.export_plot(window.cost_plot, target, width=2000)
    image = QImage(str(target))
    assert image.width() == 2000 and image.height() > 500


def test_open_in_spreadsheet_prefers_libreoffice_calc(window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    book = tmp_path / "run.xlsx"
    book.write_bytes(b"PK")
    window.files.last_export = book
    monkeypatch.setattr(files.shutil, "which",
                        lambda name: "/usr/bin/libreoffice" if name == "libreoffice" else None)
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(files.QProcess, "startDetached",
                        lambda program, args: (started.append((program, args)), (True, 1))[1])
    opened: list[object] = []
    monkeypatch.setattr(files.QDesktopServices, "openUrl", lambda url: opened.append(url))
    assert window.files.open_in_spreadsheet()
    assert started == [("/usr/bin/libreoffice", ["--calc", str(book)])]
    assert opened == []


def test_without_libreoffice_the_desktop_chooses(window: MainWindow, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    book = tmp_path / "run.xlsx"
    book.write_bytes(b"PK")
    window.files.last_export = book
    monkeypatch.setattr(files.shutil, "which", lambda name: None)
    assert spreadsheet_program() is None
    opened: list[str] = []
    monkeypatch.setattr(files.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    assert window.files.open_in_spreadsheet()
    assert opened == [str(book)]
