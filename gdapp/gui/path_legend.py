"""The regularization path's legend in a band of its own above the curves.

A path plot names every coefficient (b1 study_hours, …) in a legend at the top of the view.
The curves start near the top (the largest coefficient at the smallest λ), so the band kept
free for the legend must be as tall as the legend is in pixels — three rows of names at
classroom mode's size are most of a 130-pixel plot — not a fixed share of the data's span.
:func:`fit_band` sets the y range so that the highest curve point lies below the legend.
The legend takes as many columns as fit the view's width (its left end is never cut off);
when even then it would take more than :data:`MAX_BAND` of the height (a projector), it
names the coefficients only (b1, b2, …: the lesson's paragraph and each curve's tooltip say
which feature), in one row if it fits. It runs when the curves change, the fonts change
(classroom mode) and the view is resized.
"""

from __future__ import annotations

import pyqtgraph as pg

#: Columns of the legend with the features' names at most, pixels between the legend and
#: the curves below it, and the largest share of the view's height the band may take.
MAX_COLUMNS = 3
GAP = 8
MAX_BAND = 0.5


def fit_band(plot: pg.PlotWidget, lo: float, hi: float, names: int) -> None:
    """The y range of ``plot`` for curves between ``lo`` and ``hi``: 5 % of their span below,
    the legend's height (its ``names`` entries, laid out as fits) above."""
    item = plot.getPlotItem()
    legend, view = item.legend, item.getViewBox()
    span = (hi - lo) or 1.0
    bottom = lo - 0.05 * span
    width, height = view.width(), view.height()
    if legend is None or height <= 1 or names == 0:
        plot.setYRange(bottom, hi + 0.5 * span, padding=0)
        return
    offset = abs(legend.offset[1]) if legend.offset is not None else 0.0

    def band() -> float:
        return float((legend.boundingRect().height() + offset + GAP) / height)

    full = _full_names(legend)
    for texts, most in ((full, MAX_COLUMNS), ([t.split(" ")[0] for t in full], names)):
        _set_texts(legend, texts)
        if _fit_columns(legend, width, min(most, names)) and band() <= MAX_BAND:
            break
    share = min(band(), 0.8)
    top = (hi - share * bottom) / (1 - share)  # hi sits `share` of the view below the top
    plot.setYRange(bottom, top, padding=0)


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


def _relayout(legend: pg.LegendItem) -> None:
    """The legend's box at its entries' present sizes (Qt lays a layout out later, and a
    grid of shrunk entries takes a few passes to settle)."""
    before = None
    for _ in range(4):
        legend.layout.invalidate()
        legend.layout.activate()
        legend.updateSize()
        size = (legend.boundingRect().width(), legend.boundingRect().height())
        if size == before:
            return
        before = size


def _fit_columns(legend: pg.LegendItem, width: float, most: int) -> bool:
    """The most columns (up to ``most``) whose legend is narrower than ``width``; False when
    even one column is wider."""
    for columns in range(max(most, 1), 0, -1):
        if legend.columnCount != columns:
            legend.setColumnCount(columns)
        _relayout(legend)
        if legend.boundingRect().width() + 20 <= width:
            return True
    return False
