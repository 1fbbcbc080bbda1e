"""Shared pytest set-up: a Qt platform that needs no display, and hypothesis profiles."""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture
def window(qtbot: Any) -> Any:
    """The main window on the document example, shown (Qt is imported only when asked for,
    so the headless suite runs without PySide6)."""
    from gdapp.gui.viewmodel import RunViewModel
    from gdapp.gui.window import MainWindow

    win = MainWindow(RunViewModel())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
