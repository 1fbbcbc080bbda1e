"""A legend that does not fit in its view sits under the plot, in a row of its own.

A plot on a projector (1024×768 in classroom mode) is small and its legend large: inside the
view it would cover the curves it names. Rather than hide it (a plot whose curves a class
cannot name is not teachable), :class:`~gdapp.gui.plot_legend.LegendPlacement` puts it
under the plot — in the plot item's layout, below the bottom axis and the note — in as many
columns as the plot's width holds, so it takes as few rows of the plot's height as it can and
covers nothing drawn. The cost map, whose shading fills its whole view, always has it there.

:func:`outside_layout` chooses the columns (and whether the entries are cut at their " — ")
from the entries' widths, :func:`flow_rows` the rows of entries laid out left to right where
that takes fewer rows (each row as wide as its own entries: the cost plot's seven entries on
a projector took four rows in columns, three so); :class:`UnderRow` is the row.

On a projector the legend under a plot keeps the classroom's readable letters,
:data:`CLASSROOM_LEGEND_POINTS` at least (it shrank to the laptop's 8 points, which a class
at the back cannot read): where its rows would take more than their share of the plot's
height at full size, it is smaller only down to those.
"""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGraphicsLinearLayout

#: The plot item's layout row that holds a legend under the plot (the note's is 4).
OUTSIDE_ROW = 5
#: Pixels of an entry beside its text: the line sample, the spacing after it and after the
#: text, and of the legend's box around its entries.
SAMPLE_WIDTH, ENTRY_GAP, BOX_WIDTH = 20.0, 5.0, 10.0
#: Pixels kept free at the plot's sides.
SIDE_MARGIN = 4.0
#: The legend's points on a laptop (classroom mode scales them).
LEGEND_POINTS = 8.0
#: Under the plot, the legend takes at most this share of the plot's height where smaller
#: letters (these shares of its size, never below ``LEGEND_POINTS``) make it fit.
OUTSIDE_MAX_HEIGHT = 0.2
OUTSIDE_SCALES = (1.0, 0.85, 0.72)
#: …and in classroom mode never below this many points (the paragraph's smallest letters on a
#: projector are about as large: :data:`gdapp.gui.lesson_panel.LEAST_FONT_SHARE`).
CLASSROOM_LEGEND_POINTS = 10.0
#: Pixels between two entries of a row laid out left to right.
FLOW_GAP = 8.0
#: A legend under the plot goes back into the view only once the plot has grown by its row
#: and this many pixels since it left: the window shares the column's height between the
#: plots' view boxes (:mod:`gdapp.gui.plot_room`), so a plot with a row under it gets
#: taller, and the legend would move in and out for ever.
HYSTERESIS = 24.0
#: Resizes that may move the legend between the view and the row under the plot, at most,
#: till its entries change.
MOST_MOVES = 6
#: A plot's view box is kept at least this many pixels high: a legend whose row under the
#: plot would leave less is not put there (it sits in the view where it covers least, else
#: its entries are in the view's tooltip).
LEAST_VIEW = 60.0
#: …and at a laptop's letters (no classroom zoom) this many: the layout shares a column's
#: height between two plots' views, none below 90 pixels (:mod:`gdapp.gui.plot_room`),
#: and a row under one is taken from both: a window too small for that (1024×768 outside
#: classroom mode) keeps its legends in the tooltip; on a projector naming the curves
#: matters more.
LAPTOP_LEAST_VIEW = 130.0
#: An entry cut here when the legend must be small (as :mod:`gdapp.gui.plot_legend`).
SHORT_AT = " — "


def legend_height(rows: int, row: float) -> float:
    """The height of a legend of ``rows`` rows ``row`` pixels high, its box and margin."""
    return rows * round(row) + 6.0


def columns_width(widths: list[float], columns: int) -> float:
    """The width of a legend of entries whose texts are ``widths`` pixels wide, laid out
    top to bottom, then column by column, in ``columns`` columns."""
    rows = max(1, math.ceil(len(widths) / columns))
    total = BOX_WIDTH
    for start in range(0, len(widths), rows):
        total += SAMPLE_WIDTH + ENTRY_GAP + max(widths[start:start + rows])
    return total


def outside_layout(full: list[float], short: list[float] | None, available: float
                   ) -> tuple[bool, int]:
    """(cut at " — "?, columns) of the legend under a plot ``available`` pixels wide, for
    entries whose whole texts are ``full`` pixels wide and whose cut ones ``short`` (None
    when no entry has a " — "): the fewest rows, the whole texts when they take no more."""
    best: tuple[int, bool, int] | None = None
    for cut, widths in ((False, full), (True, short)):
        if widths is None or not widths:
            continue
        n = len(widths)
        columns = 1
        for c in range(n, 0, -1):
            if columns_width(widths, c) <= available:
                columns = c
                break
        rows = math.ceil(n / columns)
        if best is None or rows < best[0]:
            best = (rows, cut, columns)
    if best is None:
        return False, 1
    rows, cut, _ = best
    return cut, max(1, math.ceil(len(full) / rows))


def least_points(points: float) -> float:
    """The smallest letters, in points, of a legend under its plot whose letters are
    ``points`` in the view: a laptop's 8, a projector's :data:`CLASSROOM_LEGEND_POINTS`."""
    return min(points, max(LEGEND_POINTS, CLASSROOM_LEGEND_POINTS))


def flow_rows(widths: list[float], available: float) -> list[list[int]]:
    """The entries (their texts ``widths`` pixels wide) laid out left to right in rows of at
    most ``available`` pixels, a row broken before an entry that would pass it: each row's
    entries' indices (an entry wider than a row has one of its own)."""
    rows: list[list[int]] = []
    used = 0.0
    for i, width in enumerate(widths):
        entry = SAMPLE_WIDTH + ENTRY_GAP + width
        if rows and used + FLOW_GAP + entry <= available:
            rows[-1].append(i)
            used += FLOW_GAP + entry
        else:
            rows.append([i])
            used = BOX_WIDTH + entry
    return rows


def fewest_rows(full: list[float], short: list[float] | None, available: float
                ) -> tuple[bool, int, list[list[int]] | None]:
    """(cut at " — "?, columns, rows left to right or None) of the legend under a plot
    ``available`` pixels wide: :func:`outside_layout`'s columns, or :func:`flow_rows`'s
    rows where they are fewer (the whole texts when they take no more rows)."""
    cut, columns = outside_layout(full, short, available)
    rows = math.ceil(len(full) / columns)
    best: tuple[bool, int, list[list[int]] | None] = (cut, columns, None)
    for flow_cut, widths in ((False, full), (True, short)):
        if widths:
            flow = flow_rows(widths, available)
            if len(flow) < rows:
                best, rows = (flow_cut, columns, flow), len(flow)
    return best


def place_in_rows(legend: pg.LegendItem, entries: list[tuple[Any, Any]],
                  flow: list[list[int]]) -> None:
    """Lay the legend's ``entries`` — (sample, label) — out in the rows of ``flow``, left to
    right, each row as wide as its own entries (a row of the legend's grid holds them)."""
    for row, indices in enumerate(flow):
        line = QGraphicsLinearLayout(Qt.Orientation.Horizontal)
        line.setContentsMargins(0, 0, 0, 0)
        for n, i in enumerate(indices):
            sample, label = entries[i]
            if n:  # (after the entry before)
                line.setItemSpacing(line.count() - 1, FLOW_GAP)
            line.addItem(sample)
            line.addItem(label)
            line.setItemSpacing(line.count() - 2, 3)
            line.setAlignment(sample, Qt.AlignmentFlag.AlignVCenter)
            line.setAlignment(label, Qt.AlignmentFlag.AlignVCenter)
        line.addStretch(1)  # (a shorter row: its entries stay together, on the left)
        legend.layout.addItem(line, row, 0)


class UnderRow:
    """The row under a plot that holds its legend: an empty widget in the plot item's layout
    whose height the legend sets, and over which the legend is placed (the legend itself is
    never in the layout: one put in while the layout is being laid out, as in a resize,
    would stay where it was created)."""

    def __init__(self, plot_item: pg.PlotItem) -> None:
        self.plot_item = plot_item
        self.room = pg.GraphicsWidget()
        self.room.setMinimumSize(0, 0)
        plot_item.layout.addItem(self.room, OUTSIDE_ROW, 0, 1, 3)
        plot_item.layout.setRowFixedHeight(OUTSIDE_ROW, 0)
        self.legend: pg.LegendItem | None = None
        #: whether the legend is shown (else the plot is too low for its row)
        self.fits = True
        self.room.geometryChanged.connect(self.place)

    def put(self, legend: pg.LegendItem, height: float) -> None:
        """Show ``legend`` under the plot, centred, in a row ``height`` pixels high."""
        self.legend = legend
        legend.setParentItem(self.plot_item)
        self.plot_item.layout.setRowFixedHeight(OUTSIDE_ROW, height)
        self.place()

    def height(self) -> float:
        """The row's height as laid out (0 before the layout has run)."""
        return float(self.room.geometry().height())

    def take(self) -> None:
        """No legend under the plot: the row takes no height."""
        self.legend = None
        self.plot_item.layout.setRowFixedHeight(OUTSIDE_ROW, 0)

    def place(self) -> None:
        """The legend centred over the row, at its top."""
        if self.legend is None:
            return
        room = self.room.geometry()
        self.legend.setPos(max(room.center().x() - self.legend.width() / 2, 0.0), room.top())


class LegendUnderPlot:
    """The part of :class:`~gdapp.gui.plot_legend.LegendPlacement` that puts a legend under
    the plot: it supplies the entries, the legend's building and the text widths."""

    plot_item: pg.PlotItem
    legend: pg.LegendItem
    legend_row: int
    legend_points: float
    _legend_entries: list[tuple[object, str]]
    #: the legend sits under the plot, not in the view; ``_may_sit_inside`` False: always
    #: there (the cost map)
    _legend_outside: bool
    _may_sit_inside: bool
    #: the least view a plot keeps under a legend's row, where more than LEAST_VIEW (the data
    #: view shares its column with the grid, whose band of rows a row here would cut)
    legend_least_view = 0.0
    #: under the plot, the letters (of those allowed) that take the least height, not the
    #: largest that keep within OUTSIDE_MAX_HEIGHT (a legend that takes a note's place)
    legend_lowest = False
    #: pixels the view box would grow by without the legend's row under it (until the
    #: layout has taken the row away), and the plot's size the legend was laid out for
    _outside_room: float
    _laid_out_for: tuple[float, float]
    #: the plot's height when the legend last left the view for the row under it
    _outside_from: float
    _layout_pending: bool
    #: every place in the view would cover something drawn (till the entries change)
    _crowded: bool
    #: layouts a resize asked for since the entries changed
    _moves: int
    #: the plot's height when it was last too low for the legend's row (−inf: never)
    _too_low_at: float
    #: the legend's letters under the plot, as a share of their size in the view
    _outside_scale: float
    #: the rows of its entries, left to right, of a legend under the plot (None: in columns)
    _legend_flow: list[list[int]] | None
    _under: UnderRow

    def _init_under(self, under: UnderRow) -> None:
        self._under = under
        self._legend_outside, self._may_sit_inside = False, True
        self._outside_room, self._laid_out_for, self._outside_from = 0.0, (0.0, 0.0), 0.0
        self._layout_pending = self._crowded = False
        self._moves = 0
        self._too_low_at = -math.inf
        self._outside_scale = 1.0
        self._legend_flow = None

    # what the legend's placement provides --------------------------------------------
    def _lay_out_legend(self, inside: bool = True) -> None:
        raise NotImplementedError

    def _new_legend(self, outside: bool = False) -> pg.LegendItem:
        raise NotImplementedError

    def _build_legend(self, legend: pg.LegendItem, short: bool, columns: int = 0) -> None:
        raise NotImplementedError

    def _text_width(self, text: str) -> float:
        raise NotImplementedError

    # the row under the plot ------------------------------------------------------------
    def _lay_out_later(self) -> None:
        """Lay the legend out once the plot's layout has finished its pass (a resize is
        in it: a legend put under the plot now would not be placed)."""
        if not self._layout_pending:
            self._layout_pending = True
            QTimer.singleShot(0, self.plot_item, self._lay_out_pending)

    def _lay_out_pending(self) -> None:
        self._layout_pending = False
        if self._legend_entries:
            grown = self._plot_size()[1] >= self._outside_from + self._under.height() + \
                HYSTERESIS
            inside = not self._crowded and (not self._legend_outside or grown)
            # the plots' sharing of the column answering each move: after a few moves the
            # legend stays where it is (in the view or under it) till its entries change
            self._moves += 1
            if self._moves > MOST_MOVES:
                inside = not self._legend_outside
            self._lay_out_legend(inside=inside)

    def _plot_size(self) -> tuple[float, float]:
        return float(self.plot_item.width()), float(self.plot_item.height())

    def _drop_legend(self) -> None:
        """Take the legend off the plot (out of the row under it, too)."""
        old = self.legend
        if self._legend_outside:
            # the view box grows by the row once the layout runs: count it till then
            self._outside_room = self._under.height()
            self._under.take()
            self._legend_outside = False
        scene = old.scene()
        old.setParentItem(None)
        if scene is not None:
            scene.removeItem(old)

    def _put_legend_under(self, tried_inside: bool) -> None:
        """The legend under the plot, in as many columns as the plot's width holds (its
        entries cut at their " — " when that saves rows; ``tried_inside``: it did not fit
        in the view at this size)."""
        width = self.plot_item.width() if self.plot_item.width() > 1 else 600.0
        height = self.plot_item.height() if self.plot_item.height() > 1 else 300.0
        if tried_inside:
            self._outside_from = height
        labels = [text for _, text in self._legend_entries]
        # a projector's large letters, smaller (never below a projector's readable ones, nor
        # the laptop's) rather than in so many rows that the plot above them is a strip
        least = least_points(self.legend_points) - 1e-9
        scales = [s for s in OUTSIDE_SCALES if self.legend_points * s >= least] or [1.0]
        tried = []
        for scale in scales:
            self._outside_scale = scale
            full = [self._text_width(text) for text in labels]
            cut = [self._text_width(text.split(SHORT_AT)[0]) for text in labels] \
                if any(SHORT_AT in text for text in labels) else None
            short, columns, flow = fewest_rows(full, cut, width - 2 * SIDE_MARGIN)
            rows = len(flow) if flow else math.ceil(len(labels) / columns)
            tried.append((rows * round(self.legend_row * scale), -scale, short, columns, flow))
            if rows * self.legend_row * scale <= OUTSIDE_MAX_HEIGHT * height and \
                    not self.legend_lowest:
                break
        _, shrink, short, columns, flow = min(tried, key=lambda t: t[:2]) \
            if self.legend_lowest else tried[-1]
        scale = self._outside_scale = -shrink
        self._legend_flow = flow
        rows = len(flow) if flow else math.ceil(len(labels) / columns)
        self._legend_outside = True
        view = self.plot_item.getViewBox().height() + self._outside_room
        self.legend = legend = self._new_legend(outside=True)
        # (a plot so low that the row would leave its view a strip: the tooltip names them)
        least = max(LEAST_VIEW if self.legend_points > LEGEND_POINTS else LAPTOP_LEAST_VIEW,
                    self.legend_least_view)
        row = legend_height(rows, self.legend_row * scale)
        fits = view <= 1 or view - row >= least
        # once too low, it waits till the plot has grown by the row (the layout gives a plot
        # without the row less height: else it would show and hide for ever)
        fits = fits and height >= self._too_low_at + row + HYSTERESIS
        if not fits:
            self._too_low_at = min(self._too_low_at, height)
        self._under.fits = fits
        self._build_legend(legend, short=short, columns=columns)
        self._under.put(legend, legend.height() + 2 if self._under.fits else 0.0)
