"""The optimizers' and schedules' descriptions (their choices' tooltips) in the window's
language: before, the Korean window showed the core's English sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gdapp.core.optimizers import OPTIMIZERS, SCHEDULES
from gdapp.gui.i18n import install_language
from gdapp.gui.rule_help import rule_descriptions
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

TABLES = {"optimizer": OPTIMIZERS, "schedule": SCHEDULES}
HANGUL = re.compile("[\uac00-\ud7a3]")


def _tooltips(window: MainWindow, table: str) -> dict[str, str]:
    combo = window.controls.optimizer_controls.boxes[table]
    return {combo.itemData(i): str(combo.itemData(i, Qt.ItemDataRole.ToolTipRole))
            for i in range(combo.count())}


def test_every_rule_has_its_description_and_the_english_is_the_tables() -> None:
    described = rule_descriptions()
    for table, rules in TABLES.items():
        for name, rule in rules.items():
            assert described[(table, name)] == rule.help, (table, name)


@pytest.fixture
def korean(qapp: object) -> Iterator[None]:
    install_language("ko")
    yield
    install_language("en")


def test_in_the_korean_window_every_rule_is_described_in_korean(korean: None,
                                                                qtbot: QtBot) -> None:
    window = MainWindow(RunViewModel())
    qtbot.addWidget(window)
    for table, rules in TABLES.items():
        tips = _tooltips(window, table)
        assert set(tips) == set(rules)
        for name, tip in tips.items():
            assert HANGUL.search(tip), (name, tip)
            assert rules[name].help not in tip, (name, tip)
