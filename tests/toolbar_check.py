"""A window's check shared by the projector tests: every toolbar action on screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint


def assert_every_toolbar_action_on_screen(window: Any) -> None:
    """Each action of the file and stepping toolbars has a visible button inside the
    window's width (none behind the toolbar's » menu)."""
    for bar in (window.file_toolbar, window.toolbar):
        for action in bar.actions():
            if action.isSeparator():
                continue
            button = bar.widgetForAction(action)
            assert button is not None and button.isVisible(), action.text()
            right = button.mapTo(window, QPoint(button.width(), 0)).x()
            assert right <= window.width(), action.text()
