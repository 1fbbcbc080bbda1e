"""What the plots and texts draw, as a class sees it: points of a plot's items under a box
(a legend, a remark), and combining marks (m̂, v̂) drawn over their letters. Shared by the
scene walk's checks and the window tests."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QLabel

from gdapp.gui.accents import glyph_rects
from gdapp.gui.plot_base import RunPlotWidget


def pixels(view: pg.ViewBox, xs: np.ndarray, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    (x0, x1), (y0, y1) = view.viewRange()
    return ((np.asarray(xs, float) - x0) / (x1 - x0) * view.width(),
            (y1 - np.asarray(ys, float)) / (y1 - y0) * view.height())


def segment_points(px: np.ndarray, py: np.ndarray, pairs: bool) -> tuple[np.ndarray, np.ndarray]:
    """Points every pixel or so along the drawn segments (consecutive points, or pairs)."""
    if px.size < 2:
        return px, py
    a = slice(0, None, 2) if pairs else slice(0, -1)
    b = slice(1, None, 2) if pairs else slice(1, None)
    x0, y0, x1, y1 = px[a], py[a], px[b], py[b]
    finite = np.isfinite(x0) & np.isfinite(y0) & np.isfinite(x1) & np.isfinite(y1)
    x0, y0, x1, y1 = x0[finite], y0[finite], x1[finite], y1[finite]
    # long segments are cut to a little beyond the view first (a diverged residual)
    x0, x1 = np.clip(x0, -5e3, 5e3), np.clip(x1, -5e3, 5e3)
    y0, y1 = np.clip(y0, -5e3, 5e3), np.clip(y1, -5e3, 5e3)
    t = np.linspace(0.0, 1.0, 401)
    return ((x0[:, None] + t * (x1 - x0)[:, None]).ravel(),
            (y0[:, None] + t * (y1 - y0)[:, None]).ravel())


def drawn_under(view: pg.ViewBox, box: QRectF, items: list[pg.PlotDataItem]) -> int:
    """How many drawn points of ``items`` (lines sampled along their segments, pyqtgraph's
    "pairs" as separate segments; dots as they are) lie in ``box`` and inside the view."""
    hidden = 0
    for item in items:
        xs, ys = item.getData()
        if not item.isVisible() or xs is None or len(xs) == 0:
            continue
        px, py = pixels(view, xs, ys)
        if item.opts.get("pen") is not None and len(xs) >= 2:
            px, py = segment_points(px, py, pairs=item.opts.get("connect") == "pairs")
        shown = (px >= 0) & (px <= view.width()) & (py >= 0) & (py <= view.height())
        hidden += int(np.sum(shown & (px >= box.left()) & (px <= box.right())
                             & (py >= box.top()) & (py <= box.bottom())))
    return hidden


def assert_remark_clear(plot: RunPlotWidget) -> None:
    """The plot's off-plot remark lies inside the view, off its curves, paths and marks and
    off the legend."""
    view = plot.plot_item.getViewBox()
    remark = view.mapRectFromScene(plot.off_plot.textItem.sceneBoundingRect())
    where = type(plot).__name__
    assert remark.toRect() == plot.remark_rect().toRect(), (where, remark, plot.remark_rect())
    assert view.boundingRect().adjusted(-1, -1, 1, 1).contains(remark), (where, remark)
    drawn = [item for item in plot.plot_item.listDataItems()
             if item is not getattr(plot, "marker", None)]
    assert drawn_under(view, remark, drawn) == 0, (where, "the remark covers a curve")
    legend = plot.legend.mapRectToItem(view, plot.legend.boundingRect())
    assert not plot.legend.isVisible() or not legend.intersects(remark), (where, "the remark "
                                                                           "is under the legend")


def misplaced_marks(text: str, rich: bool, font: QFont, width: float) -> list[str]:
    """The combining marks of ``text`` (as the label shows it: rich or plain, in ``font``,
    ``width`` pixels wide) that are not drawn over their letter: above their line, missing,
    or beside the letter."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    if rich:
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    doc.setTextWidth(width)
    doc.size()  # lays it out
    wrong: list[str] = []
    block = doc.begin()
    count = 0
    while block.isValid():
        layout, chars = block.layout(), block.text()
        for i, ch in enumerate(chars):
            if not "\u0300" <= ch <= "\u036f":
                continue
            count += 1
            line = layout.lineForTextPosition(i)
            bases = glyph_rects(layout, i - 1, 1)
            marks = [r for r in glyph_rects(layout, i, 1) if all(r != b for b in bases)]
            word = chars[max(0, i - 1):i + 1]
            if not bases or not marks:
                wrong.append(f"{word}: not drawn")
                continue
            base = bases[0]
            for mark in marks:
                if mark.isEmpty() or mark.top() < line.y() - 0.25 * line.height() \
                        or mark.bottom() > base.top() + 0.25 * base.height() + 1 \
                        or not base.left() - 2 <= mark.center().x() <= base.right() + 2:
                    wrong.append(f"{word}: mark at {mark}, letter at {base}, line {line.y()}")
        block = block.next()
    assert count > 0, "no combining mark in the text"
    return wrong


def label_marks(label: QLabel) -> list[str]:
    rich = label.textFormat() == Qt.TextFormat.RichText
    return misplaced_marks(label.text(), rich, label.font(), max(label.width(), 200))
