"""A plot's title that fits its plot: in a narrow plot (classroom mode on a projector) the
title's font shrinks, down to :data:`SMALLEST_POINTS`, instead of the title being cut at the
plot's edges."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

#: A title never shrinks below this size (then it is cut, as before).
SMALLEST_POINTS = 8.0
#: Room left free at the title's two ends, in pixels.
TITLE_MARGIN = 16
#: An axis label's own margins (its text item's), in pixels.
LABEL_PAD = 8


def title_points(text: str, width: float, points: float) -> float:
    """The largest size up to ``points`` at which ``text`` (HTML tags ignored) fits
    ``width`` pixels, never below :data:`SMALLEST_POINTS`."""
    plain = re.sub(r"<[^>]*>", "", text)
    font = QFont()
    font.setPointSizeF(points)
    needed = QFontMetricsF(font).horizontalAdvance(plain)
    room = width - TITLE_MARGIN
    if needed <= room or width <= 0:
        return points
    return max(SMALLEST_POINTS, points * room / needed)


def fitted_label(text: str, length: float, points: float) -> tuple[str, float]:
    """An axis label along ``length`` pixels: (its text, its size) — the size shrunk as
    :func:`title_points` does, and a label still too long at :data:`SMALLEST_POINTS` cut
    with "…" (its start names the quantity), never cut at the plot's edge."""
    size = title_points(text, length, points)
    if "<" in text or length <= 0:
        return text, size
    font = QFont()
    font.setPointSizeF(size)
    metrics = QFontMetricsF(font)
    room = length - TITLE_MARGIN
    if metrics.horizontalAdvance(text) <= room:
        return text, size
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room), size


def left_label(forms: tuple[str, ...], length: float, points: float) -> tuple[str, float]:
    """An axis label along a view ``length`` pixels long, from its ``forms`` (longest
    first): the first form whole at ``points`` (less :data:`LABEL_PAD` for the label's own
    margins), else the last, fitted (:func:`fitted_label`)."""
    for form in forms:
        if title_points(form, length + TITLE_MARGIN - LABEL_PAD, points) >= points:
            return fitted_label(form, length + TITLE_MARGIN, points)
    return fitted_label(forms[-1], length + TITLE_MARGIN, points)


#: The titles' colour (pyqtgraph's default grey is faint on a projector).
TITLE_COLOR = "#222222"


def set_fitted_title(plot: Any, text: str, points: float) -> None:
    """``plot``'s (a pyqtgraph PlotWidget) title in the titles' colour, at ``points`` or
    smaller where it would run past the plot's edges (:func:`title_points`); unchanged
    when it already is so (a title set again on every resize)."""
    item = plot.getPlotItem()
    room = plot.width() - item.getAxis("left").width() - 2 * LABEL_PAD  # (its own margins)
    size = f"{title_points(text, room, points):.3g}pt"
    if item.titleLabel.text != text or item.titleLabel.opts.get("size") != size \
            or not item.titleLabel.isVisible():
        plot.setTitle(text, color=TITLE_COLOR, size=size)
