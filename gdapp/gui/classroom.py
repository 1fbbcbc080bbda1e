"""Classroom mode's layout, for a projector of 1024×768 or 1280×800 logical pixels.

Classroom mode (View ▸ Classroom mode) makes fonts and lines larger; at that size the window
of a laptop does not fit a projector, so the layout changes too:

- the settings panel folds away (View ▸ Settings panel, Ctrl+Shift+S, brings it back while
  classroom mode lasts), giving its width to the grid and the plots;
- the toolbar breaks into two rows, files above and stepping below, so that every action
  (also "The note's run") shows on a 1024-pixel screen instead of behind the » menu;
- the numbers get most of the middle column's height, the data plot the rest, so the grid
  shows rows under the step's arithmetic; the objective plot gets 45 % of the right column.

In classroom mode the window never asks for more than :data:`PROJECTOR_SIZE` logical pixels,
so it fits any screen at least that large (a 2048×1536 screen at QT_SCALE_FACTOR=2 too).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence

from gdapp.gui.i18n import tr

#: The smallest projector classroom mode is designed for, in logical pixels.
PROJECTOR_SIZE = (1024, 768)
#: The middle column's share of height for the numbers (the rest: the data plot).
NUMBERS_SHARE = 0.62
#: The right column's share of height for the cost plot (the rest: the objective plot).
COST_SHARE = 0.55


def build_settings_action(window: Any) -> QAction:
    """View ▸ Settings panel: shows or folds away the settings (checked: shown)."""
    action = QAction(tr("Settings panel"), window)
    action.setCheckable(True)
    action.setChecked(True)
    action.setShortcut(QKeySequence("Ctrl+Shift+S"))
    action.setToolTip(tr("Show or fold away the settings, the compared runs and the data "
                         "(classroom mode folds them away)"))
    action.toggled.connect(lambda on: _show_settings(window, on))
    window.addAction(action)
    return action


def _show_settings(window: Any, on: bool) -> None:
    window.side_scroll.setVisible(on)
    if not window.splitter_moved_by_user:
        window._share_width()


def apply_classroom_layout(window: Any, on: bool) -> None:
    """The window's layout in (``on``) or out of classroom mode."""
    if on == window.classroom_layout:
        return
    window.classroom_layout = on
    window.settings_action.setChecked(not on)
    if on:
        window.insertToolBarBreak(window.toolbar)
    else:
        window.removeToolBarBreak(window.toolbar)
    share_middle_height(window)


def share_middle_height(window: Any) -> None:
    """Numbers and data plot share the middle column (classroom mode: more to the numbers)."""
    total = sum(window.middle.sizes())
    if total <= 0:
        return
    share = NUMBERS_SHARE if window.classroom_layout else 4 / 7
    numbers = int(total * share)
    window.middle.setSizes([numbers, total - numbers])
    # the objective per iteration keeps a readable height under the lesson's paragraph
    plots = sum(window.plots.sizes())
    cost = int(plots * (COST_SHARE if window.classroom_layout else 440 / 700))
    window.plots.setSizes([cost, plots - cost])


def fold_for_screen(window: Any, free_width: int) -> bool:
    """Fold the settings away and break the toolbars into two rows when the window cannot be
    ``free_width`` logical pixels wide otherwise (QT_SCALE_FACTOR=2 on a 1280×800 screen
    leaves 640); True when it folded."""
    if window.minimumSizeHint().width() <= free_width:
        return False
    window.settings_action.setChecked(False)
    if window.toolBarBreak(window.toolbar) is False:
        window.insertToolBarBreak(window.toolbar)  # the toolbars on two rows, too
    return True
