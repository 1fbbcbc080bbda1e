"""The regularization path's legend beside its view, in a column of its own.

A path plot names every coefficient (b1 study_hours, …). The legend used to sit in a band
kept free above the curves, inside the view; in the dock's plots, about 100 pixels high at
1280×800, that band took more than half of the height (two rows of nine names for the
degree-9 polynomial, one row of five for the five features), and the curves lay in a flat
strip under it. Beside the view the legend takes width, which the dock's wide plots can
spare, and the curves get the view's whole height: :func:`fit_legend` sets the y range to
the curves (5 % of their span above and below) and the legend, at the view's top right
outside it, takes the fewest columns whose height fits the plot below the view's top (the
column beside the bottom axis is free too) — the features' names where
they fit in :data:`MAX_WIDTH` of the plot's width, else the coefficients' names only (b1, b2,
…: the lesson's paragraph and each curve's tooltip say which feature).

The y axis stays linear. What the path teaches is each coefficient *shrinking* as λ grows
(to exactly 0 with L1, toward 0 with L2): on a linear axis a coefficient that halves is drawn
half as far from 0, as on every other plot the class has seen, and the lines visibly close on
the axis's 0. A symmetric-log (arcsinh) axis would spread the small coefficients apart, but
its uneven ticks turn "shrinks by half" into a shape a beginner cannot read off, and the
flat strip was the legend's band, not a few large coefficients: the degree-9 path's nine
coefficients span −4.0 … 3.5 at its smallest λ, none far beyond the others.

It runs when the curves change, the fonts change (classroom mode) and the view is resized.
"""

from __future__ import annotations

import pyqtgraph as pg

#: The plot item's layout column right of the view box (0 the left axis, 1 the view, 2 the
#: right axis) that holds the legend.
SIDE_COLUMN = 3
#: Pixels between the view box and the legend; the share of the plot's width the legend
#: may take with the features' names, and with the coefficients' alone.
GAP = 6.0
MAX_WIDTH = 0.25
MOST_WIDTH = 0.4
#: Columns of the legend at most.
MAX_COLUMNS = 3
#: Above and below the curves, this share of their span.
MARGIN = 0.05


class SideColumn:
    """The column right of the view box that holds the legend: an empty widget in the plot
    item's layout whose width the legend sets, and beside which the legend is placed (the
    legend itself is never in the layout, as :class:`gdapp.gui.legend_outside.UnderRow`)."""

    def __init__(self, plot_item: pg.PlotItem, legend: pg.LegendItem) -> None:
        self.plot_item, self.legend = plot_item, legend
        self.room = pg.GraphicsWidget()
        self.room.setMinimumSize(0, 0)
        plot_item.layout.addItem(self.room, 2, SIDE_COLUMN)
        plot_item.layout.setColumnFixedWidth(SIDE_COLUMN, 0)
        # the title over the view and the legend both (fitted to the plot's width: over the
        # view alone it widened the plot item past its widget)
        plot_item.layout.removeItem(plot_item.titleLabel)
        plot_item.layout.addItem(plot_item.titleLabel, 0, 1, 1, SIDE_COLUMN)
        self.room.geometryChanged.connect(self.place)
        # (pyqtgraph's legend moves itself to (0, 0) whenever it lays its entries out)
        legend.geometryChanged.connect(self.place)

    def set_width(self, width: float) -> None:
        """The column ``width`` pixels wide (0: no legend beside the view)."""
        if abs(self.plot_item.layout.columnMaximumWidth(SIDE_COLUMN) - width) > 0.5:
            self.plot_item.layout.setColumnFixedWidth(SIDE_COLUMN, width)
        self.place()

    def place(self) -> None:
        """The legend at the column's top, right of the view's edge."""
        room = self.room.geometry()
        self.legend.setPos(room.left() + GAP, room.top())


def side_legend(plot: pg.PlotWidget, legend_text: str) -> pg.LegendItem:
    """A legend for ``plot``'s named curves, beside its view (see the module), its entries in
    ``legend_text``'s colour on a white ground."""
    item = plot.getPlotItem()
    legend = pg.LegendItem(offset=None, colCount=1, horSpacing=12, verSpacing=-6,
                           brush=pg.mkBrush(255, 255, 255, 170), labelTextColor=legend_text)
    legend.setParentItem(item)
    item.legend = legend  # (the curves named as they are added go in it)
    plot.legend_column = SideColumn(item, legend)
    return legend


def fit_legend(plot: pg.PlotWidget, lo: float, hi: float, names: int) -> None:
    """The y range of ``plot`` for curves between ``lo`` and ``hi``, and the legend of their
    ``names`` entries beside the view, laid out as fits (see the module)."""
    item = plot.getPlotItem()
    span = (hi - lo) or 1.0
    plot.setYRange(lo - MARGIN * span, hi + MARGIN * span, padding=0)
    legend, column = item.legend, getattr(plot, "legend_column", None)
    if legend is None or column is None:
        return
    if names == 0 or not legend.items:
        column.set_width(0)
        return
    # (below the view the column is free too: the bottom axis is the view's width)
    view = item.getViewBox()
    height = item.height() - view.geometry().top() if view.height() > 1 else 0.0
    width = float(plot.width())  # (the item's own grows with the column: never wider)
    full = _full_names(legend)
    short = [t.split(" ")[0] for t in full]
    # the features' names where they fit a quarter of the width; else the coefficients'
    # alone, in the fewest columns whose height fits (wider, up to MOST_WIDTH: a projector's
    # letters); else the lowest legend within that width
    tries = [(full, c, MAX_WIDTH) for c in range(1, min(MAX_COLUMNS, names) + 1)]
    tries += [(short, c, MOST_WIDTH) for c in range(1, names + 1)]
    lowest: tuple[float, int] | None = None
    for i, (texts, columns, share) in enumerate(tries):
        _set_texts(legend, texts)
        _set_columns(legend, columns)
        box = legend.boundingRect()
        if width > 1 and box.width() + GAP > share * width:
            continue
        if height <= 1 or box.height() <= height:
            break
        if lowest is None or box.height() < lowest[0]:
            lowest = (box.height(), i)
    else:  # none fits the height: the lowest (else the narrowest, b1 … in one column)
        texts, columns, _ = tries[lowest[1] if lowest is not None else len(tries) - names]
        _set_texts(legend, texts)
        _set_columns(legend, columns)
    column.set_width(legend.boundingRect().width() + GAP)


def _full_names(legend: pg.LegendItem) -> list[str]:
    """The entries' texts as the curves named them (kept on the legend the first time)."""
    labels = [label for _, label in legend.items]
    kept = getattr(legend, "full_names", None)
    if kept is None or len(kept) != len(labels):
        kept = [label.text for label in labels]
        legend.full_names = kept
    return list(kept)


def _set_texts(legend: pg.LegendItem, texts: list[str]) -> None:
    """Each entry's text (in the legend's label size), the legend's box laid out again."""
    changed = False
    for (_, label), text in zip(legend.items, texts, strict=True):
        if label.text != text or label.opts.get("size") != legend.opts["labelTextSize"]:
            label.setText(text, size=legend.opts["labelTextSize"])
            changed = True
    if changed:
        columns = legend.columnCount
        legend.columnCount = 0  # lay the entries out again at their new widths
        legend.setColumnCount(columns)
        _relayout(legend)


def _set_columns(legend: pg.LegendItem, columns: int) -> None:
    if legend.columnCount != columns:
        legend.setColumnCount(columns)
    _relayout(legend)


def _relayout(legend: pg.LegendItem) -> None:
    """The legend's box at its entries' present sizes (Qt lays a layout out later, and a
    grid of shrunk entries takes a few passes to settle). It shrinks to its least first: a
    layout spreads the entries over the box it had (nine rows kept the height of ten before
    them, each 44 pixels high), and pyqtgraph sizes the box by the entries."""
    before = None
    for _ in range(4):
        legend.layout.invalidate()
        legend.resize(0, 0)  # (never below the entries' least sizes)
        legend.layout.activate()
        legend.updateSize()
        size = (legend.boundingRect().width(), legend.boundingRect().height())
        if size == before:
            return
        before = size
