"""Room for the plots: each keeps a view box a class can read.

The right column's two plots (the cost above, the objective per iteration below) carry
different amounts of chrome around their view boxes — titles, axes, a note of two lines, the
log-scale box — so sharing the column's height by fixed fractions left the objective's curve
a strip of 60 pixels in classroom mode beside a lesson (and, as the column shrank and grew,
Qt's splitter kept ratcheting it down to its minimum). :func:`share_plots` shares the
column's height *between the view boxes* instead: the cost plot's view gets
:data:`COST_VIEW_SHARE` (classroom mode :data:`CLASSROOM_COST_VIEW_SHARE`), the objective's
the rest but never less than :data:`READABLE_VIEW` pixels while the column has them.

With the regularization path's dock at the window's bottom (the L1 path's scene at
1280×800: five features, so the grid keeps a band of six rows) the data view and the
objective plot were strips of 40 and 60 pixels. :class:`PlotRoom` watches the views' sizes;
when the data view's or the objective's view is lower than :data:`READABLE_VIEW`, the grid
gives the rows it does not need, then the path dock gives height down to its own readable
view. (In classroom mode the dock takes the data view's place instead:
:func:`gdapp.gui.classroom.fold_data_view`.) Beside a narrow right column (1024×768) the
lesson's paragraph, wrapped into many lines, scrolls at a smaller height while the two plots'
view boxes lack room (in classroom mode it shows whole, in a smaller font, and leaves each
plot room for its left axis label at full size too: :func:`label_room`). In classroom mode
the step's frame and the data view share the middle column (:mod:`gdapp.gui.step_room`).
A divider dragged by the user is left alone.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF
from shiboken6 import Shiboken

from gdapp.gui.plot_title import LABEL_PAD

#: The least height, in pixels, of a plot's view box the layout makes room for (the data
#: view, the objective plot, the regularization path's plots).
READABLE_VIEW = 100
#: The cost plot's share of the height of the two view boxes in the right column.
COST_VIEW_SHARE = 0.6
CLASSROOM_COST_VIEW_SHARE = 0.55
#: Rows of an iterate's band the grid keeps beside the path dock when the data view lacks
#: room (:meth:`PlotRoom._data_short`).
DOCK_BAND_ROWS = 6
#: A view lower than this by at most this many pixels is left as it is (no relayout for a
#: pixel of rounding).
SLACK = 2


def view_height(plot: Any) -> float:
    """The height of ``plot``'s view box (a RunPlotWidget or a pyqtgraph PlotWidget)."""
    item = plot.plot_item if hasattr(plot, "plot_item") else plot.getPlotItem()
    return float(item.getViewBox().height())


def readable_data_height(window: Any) -> int | None:
    """The data pane's height that gives its view box READABLE_VIEW pixels (its chrome
    too: title, axes, a note); None when the data view is hidden or not laid out."""
    data = window.data_plots
    if not data.isVisible():
        return None
    view = view_height(data.currentWidget())
    if view <= 0:
        return None
    return int(data.height() - view) + READABLE_VIEW


def label_room(plot: Any) -> int:
    """The view box's height ``plot``'s left axis label needs at its full size, in its
    shortest form (:func:`gdapp.gui.plot_title.left_label`); 0 without one."""
    texts = getattr(plot, "_texts", {})
    if not texts.get("left"):
        return 0
    forms = (texts["left"], *getattr(plot, "_left_shorter", ()))
    font = QFont()
    font.setPointSizeF(9 * float(getattr(plot, "scale", 1.0)))
    text = re.sub(r"<[^>]*>", "", forms[-1])
    return int(QFontMetricsF(font).horizontalAdvance(text)) + LABEL_PAD + 1


def share_plots(window: Any) -> int:
    """Share the right column between the cost plot's and the objective's view boxes (see
    the module); returns the objective's view height this gives (0: not shared)."""
    plots, objective = window.plots, window.objective_plot
    if getattr(plots, "moved_by_user", False) or not objective.isVisible():
        return 0
    cost_size, objective_size = plots.sizes()
    total = cost_size + objective_size
    cost_view, objective_view = view_height(window.shown_cost_plot()), view_height(objective)
    if total <= 0 or cost_view <= 0 or objective_view <= 0:
        return 0  # not laid out yet
    cost_chrome = cost_size - cost_view
    objective_chrome = objective_size - objective_view
    views = total - cost_chrome - objective_chrome
    if views <= 0:
        return 0
    share = CLASSROOM_COST_VIEW_SHARE if window.classroom_layout else COST_VIEW_SHARE
    below = max((1 - share) * views, min(READABLE_VIEW, views / 2))
    objective_size = round(objective_chrome + below)
    if abs(objective_size - plots.sizes()[1]) > SLACK:
        plots.setSizes([total - objective_size, objective_size])
    return int(below)


class PlotRoom(QObject):
    """Keeps the window's plots readable as its panes change size (see the module)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self._pending = False
        window.plots.splitterMoved.connect(lambda *_: setattr(window.plots, "moved_by_user",
                                                              True))
        window.middle.splitterMoved.connect(lambda *_: setattr(window.middle, "moved_by_user",
                                                               True))
        for widget in (window.plots, window.middle):
            widget.installEventFilter(self)
        for plot in window.built_plots():
            self.watch(plot)

    def watch(self, plot: Any) -> None:
        """Fit again when ``plot``'s view box changes size (a plot built later too)."""
        plot.plot_item.getViewBox().sigResized.connect(lambda *_: self.schedule())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.schedule()
        return False

    def schedule(self) -> None:
        """Fit once the layout has settled (a zero timer; several requests, one fit)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.fit)

    def fit(self) -> None:
        """Share the right column; beside the path dock, room for short views (module)."""
        self._pending = False
        window = self.window
        if not Shiboken.isValid(window):
            return
        objective_view = share_plots(window)
        if self._lesson_gives():
            return  # (the views' new sizes fit again)
        dock = window.path_dock
        if window.classroom_layout or window.step_scroll.isVisible():  # the step's frame
            window._fit_step_frame()  # for the room it has now, the data view readable
        if window.classroom_layout or not dock.isVisible() or dock.isFloating():
            return
        short = self._data_short()
        if window.objective_plot.isVisible() and objective_view:
            short = max(short, READABLE_VIEW - objective_view)
        if short <= SLACK or not dock.built:
            return
        paths = [p for p in dock.plot.plots.values() if p.isVisible()]
        path_view = min((view_height(p) for p in paths), default=0.0)
        if path_view <= 0:
            return
        give = min(short, int(path_view) - READABLE_VIEW)
        if give > SLACK:
            window.resizeDocks([dock], [dock.height() - give], Qt.Orientation.Vertical)
        else:  # the dock at its least: a band keeps six rows (b0 … b5; the rest scroll), the
            self._data_short(band=DOCK_BAND_ROWS)  # degree-9 polynomial's ten left 80 px

    def _lesson_gives(self) -> bool:
        """Beside a narrow right column (1024×768) the lesson's paragraph wraps into many
        lines: it keeps the column's room for the plots' chrome and two readable view boxes
        (:meth:`gdapp.gui.lesson_panel.LessonPanel.keep_for_plots`) and scrolls at a smaller
        height. True when that changed the room kept."""
        window = self.window
        lesson = window.lesson
        column = lesson.parentWidget()
        if not lesson.isVisible() or column is None or getattr(window.plots, "moved_by_user",
                                                                 False):
            return False
        plots = [window.shown_cost_plot()]
        if window.objective_plot.isVisible():
            plots.append(window.objective_plot)
        views = [view_height(p) for p in plots]
        if min(views) <= 0:
            return False  # not laid out yet
        # in classroom mode, room for each left label at its full size too (a paragraph
        # given the room shrank "E + λ·|b1|" along a view box of 119 pixels)
        readable = [max(READABLE_VIEW, label_room(p)) if window.classroom_layout
                    else READABLE_VIEW for p in plots]
        keep = int(column.height() - lesson.height() - sum(views) + sum(readable))
        return bool(lesson.keep_for_plots(keep, SLACK))

    def _data_short(self, band: int | None = None) -> int:
        """How much the data view's view box lacks, after the grid gave what it can spare
        (its rows beyond an iterate's band of up to ``band`` rows, or beyond its kept
        rows; by default BAND_ROWS)."""
        from gdapp.gui.classroom import BAND_ROWS, GRID_ROWS

        window = self.window
        data = window.data_plots
        if not data.isVisible():
            return 0
        view = int(view_height(data.currentWidget()))
        if view <= 0:
            return 0  # not laid out yet
        short = READABLE_VIEW - view
        if short <= SLACK or getattr(window.middle, "moved_by_user", False):
            return max(short, 0)
        grid = window.grid
        row = max(1, grid.verticalHeader().defaultSectionSize())
        keep = min(grid.rows_needed(), band or BAND_ROWS) if grid.bands else GRID_ROWS
        spare = (grid.viewport().height() // row - keep) * row
        if spare > 0:
            # (a band's rows whole: the update's frame above takes what the view can spare)
            give = min(spare, short if band is None else -(-short // row) * row)
            numbers, below = window.middle.sizes()
            window.middle.setSizes([numbers - give, below + give])
            short -= give
        return max(short, 0)
