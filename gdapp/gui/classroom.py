"""Classroom mode's layout, for a projector of 1024×768 or 1280×800 logical pixels.

Classroom mode (View ▸ Classroom mode) makes fonts and lines larger; at that size the window
of a laptop does not fit a projector, so the layout changes too:

- the settings panel folds away (View ▸ Settings panel, Ctrl+Shift+S, brings it back while
  classroom mode lasts), giving its width to the grid and the plots;
- the menus and toolbars keep the laptop's size (the teacher works them; the class reads the
  numbers and the plots), so files and stepping share one row where they fit; where they do
  not (:func:`arrange_toolbars`) the toolbar breaks into two rows, files above and stepping
  below, so every action (also "The note's run") shows instead of behind the » menu;
- the status line and its warning keep to :data:`STATUS_LINES` lines each (a longer one ends
  in "…", its tooltip the whole); the step's arithmetic shows its result — the whole update
  of one parameter, the first parameter's block of several (:mod:`gdapp.gui.step_room`; the
  rest scrolls, the whole of it in a window of its own: :mod:`gdapp.gui.step_window`); the
  grid always shows :data:`GRID_ROWS` rows under them, also with the regularization path's
  dock (which takes 30 % of the height, not a third, and the data view's place:
  :func:`fold_data_view`);
- the lesson's paragraph shows whole, never scrolled (a class cannot scroll a projector):
  it takes the height it needs above the plots' readable view boxes, in a smaller font
  where that is too little (:meth:`gdapp.gui.lesson_panel.LessonPanel.set_whole`);
- the numbers get most of the middle column's height, the data plot the rest; the cost and
  objective plots share the right column by their view boxes (:mod:`gdapp.gui.plot_room`).

In classroom mode the window never asks for more than :data:`PROJECTOR_SIZE` logical pixels,
so it fits any screen at least that large (a 2048×1536 screen at QT_SCALE_FACTOR=2 too).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QStyle
from shiboken6 import Shiboken

from gdapp.gui.i18n import tr
from gdapp.gui.plot_room import readable_data_height, share_plots

#: The smallest projector classroom mode is designed for, in logical pixels.
PROJECTOR_SIZE = (1024, 768)
#: The middle column's share of height for the numbers (the rest: the data plot).
NUMBERS_SHARE = 0.62
#: Lines of the status line and of its warning, each, in classroom mode and out of it.
STATUS_LINES, NORMAL_STATUS_LINES = 2, 3
#: Lines of a scrolling step text in classroom mode.
STEP_LINES = 4
#: Rows of the grid always in view (under the status and the step's arithmetic).
GRID_ROWS = 4
#: The most rows of an iterate's band the grid makes room for (b0 … b9), taking height from
#: the data view; a larger band shows from its top. (Room, not a minimum: a minimum that
#: high grew the window past a 768-pixel screen when the path dock came up.)
BAND_ROWS = 10
#: The regularization path dock's share of the window's height (classroom mode, where it
#: takes the data view's place; else a third).
PATH_SHARE = 0.3


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
    for label in (window.status_label, window.warning_label):
        label.set_max_lines(STATUS_LINES if on else NORMAL_STATUS_LINES)
    arrange_toolbars(window)
    window.lesson.set_whole(on)  # a class cannot scroll the paragraph on a projector
    fold_data_view(window)
    share_middle_height(window)
    if window.path_dock.isVisible():
        window._size_path_dock(True)


def folded_views(window: Any) -> frozenset[str]:
    """The views classroom mode folds away now: ``"data"`` (the data view) and
    ``"objective"`` (the objective per iteration) beside the regularization path's dock,
    which takes their place; else those the shown scene folds (:attr:`Scene.fold
    <gdapp.gui.lessons.Scene>`: the optimizers' scene gives the map of their paths the plots'
    column and Adam's first block the numbers')."""
    if not window.classroom_layout:
        return frozenset()
    dock = getattr(window, "path_dock", None)
    if dock is not None and dock.isVisible():
        return frozenset(("data", "objective"))
    lesson = getattr(window, "lesson", None)
    scene = getattr(lesson, "scene", None)
    if scene is not None and lesson is not None and lesson.isVisibleTo(window):
        return frozenset(scene.fold)
    return frozenset()


def fold_data_view(window: Any, *_: object) -> None:
    """In classroom mode the regularization path's dock takes the data view's place, and the
    objective plot's: on a 768-pixel projector the plots beside the lesson would each be a
    strip (closing the dock brings them back); a scene may fold them too
    (:func:`folded_views`)."""
    folded = folded_views(window)
    changed = False
    for name, view in (("data", window.data_plots), ("objective", window.objective_plot)):
        if view.isVisibleTo(window) == (name in folded):
            view.setVisible(name not in folded)
            changed = True
    if changed:
        # the splitters' minimum heights without (or with) the folded views now: the dock
        # sized next would get only what their old minimums left (a strip, from scene 6)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def keep_controls_size(window: Any, font: QFont) -> None:
    """The menus and toolbars in ``font`` (the window's own, not the zoomed one)."""
    own = QFont(font)
    own.setPointSizeF(font.pointSizeF())  # set, not inherited: the zoom does not reach it
    for widget in (window.menuBar(), window.file_toolbar, window.toolbar):
        widget.setFont(own)
    arrange_toolbars(window)


def arrange_toolbars(window: Any) -> None:
    """Files and stepping on one row when both fit the window's width, else on two rows."""
    needed = window.file_toolbar.sizeHint().width() + window.toolbar.sizeHint().width() + 8
    broken = window.toolBarBreak(window.toolbar)
    if needed > window.width() and not broken:
        window.insertToolBarBreak(window.toolbar)
    elif needed <= window.width() and broken:
        window.removeToolBarBreak(window.toolbar)


def keep_grid_rows(window: Any) -> None:
    """The grid never shorter than its header, :data:`GRID_ROWS` rows and its scroll bar
    (with bands, the step text keeps fewer lines and the grid takes room for one iterate's
    band from the data view: :func:`make_room_for_band`)."""
    grid = window.grid
    bar = grid.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    rows = GRID_ROWS * grid.verticalHeader().defaultSectionSize()
    height = grid.horizontalHeader().sizeHint().height() + rows + bar + 2 * grid.frameWidth()
    if not getattr(grid, "rows_kept", False):  # again when the grid takes up bands
        grid.rows_kept = True
        grid.layoutChosen.connect(lambda: keep_grid_rows(window))
        grid.layoutChosen.connect(window._fit_step_frame)  # fewer lines beside a band
        grid.layoutChosen.connect(lambda: _room_later(window))  # once the texts are laid out
    dock = getattr(window, "path_dock", None)
    if dock is not None and not getattr(grid, "dock_kept", False):  # after the dock's sizing
        grid.dock_kept = True
        dock.visibilityChanged.connect(lambda *_: _room_later(window))
    frame = getattr(window, "grid_frame", None)
    if frame is None:
        grid.setMinimumHeight(height)
        return
    # the frame keeps the height; the grid in it a whole number of rows of it, also
    # without the scroll bar (a grid of its own minimum would cut its top row)
    grid.setMinimumHeight(0)
    if frame.minimumHeight() != height:  # (else no new layout: a new η would re-lay it out)
        frame.setMinimumHeight(height)
        frame.updateGeometry()


def _room_later(window: Any) -> None:
    if Shiboken.isValid(window):  # (the dock is hidden also while the window goes away)
        QTimer.singleShot(0, window, lambda: make_room_for_band(window))


def make_room_for_band(window: Any) -> None:
    """With bands, the numbers take from the data view (down to its minimum), then from the
    path dock, the height the current iterate's band needs, up to :data:`BAND_ROWS` rows."""
    grid, frame = window.grid, window.grid_frame
    if not grid.bands or frame.height() <= 0 or window.splitter_moved_by_user:
        return
    row = grid.verticalHeader().defaultSectionSize()
    shown = grid.viewport().height() // max(1, row)
    short = (min(grid.rows_needed(), BAND_ROWS) - shown) * row
    if short > 0 and window.data_plots.isVisible():
        numbers, data = window.middle.sizes()
        least = window.data_plots.minimumSizeHint().height()
        if window.classroom_layout:  # its view stays readable (scene 20 at 1024×768)
            least = max(least, readable_data_height(window) or 0)
        give = max(0, min(short, data - least))
        window.middle.setSizes([numbers + give, data - give])
        short -= give
    dock = window.path_dock
    if short > 0 and dock.isVisible() and not dock.isFloating():  # the path dock gives the rest
        low = dock.minimumSizeHint().height()
        window.resizeDocks([dock], [max(low, dock.height() - short)], Qt.Orientation.Vertical)


def path_dock_height(window: Any) -> int:
    """The regularization path dock's height when shown: a third of the window, a little
    less in classroom mode or beside a grid of bands (the grid keeps its rows on a 768-pixel
    projector, and a band of six at 1280×800)."""
    if window.classroom_layout or window.grid.bands:  # (a band: the grid needs its rows)
        return max(170, int(PATH_SHARE * window.height()))
    return max(200, int(window.height()) // 3)


def share_middle_height(window: Any) -> None:
    """Numbers and data plot share the middle column (classroom mode: more to the numbers)."""
    total = sum(window.middle.sizes())
    if total <= 0:
        return
    share = NUMBERS_SHARE if window.classroom_layout else 4 / 7
    numbers = int(total * share)
    window.middle.setSizes([numbers, total - numbers])
    # the objective per iteration keeps a readable view under the lesson's paragraph
    share_plots(window)
    make_room_for_band(window)


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
