"""Room for the step's arithmetic in classroom mode: the update's result always in view.

At 1024×768 in classroom mode the step's frame held four to six lines of large text, and
the note's update wraps into more: the class saw "b1 ← 13.259975 − 0.01 × …" and never the
value the step gives (15 − 0.01 × 61 = 14.39, the note's whole point). In classroom mode
:func:`classroom_step_height` makes the frame as high as

- the whole update, for one parameter (also the note's penalty parts, a batch's sample,
  a check of the gradient; a note after it where there is room) — else
- at least the first parameter's block, through its line ``b0 ← … = value``; the frame then
  holds as much of the rest as the numbers' share of the column leaves beside the grid's
  rows (the rest scrolls, and View ▸ The update in a window shows it whole);

never more than leaves the grid :data:`gdapp.gui.classroom.GRID_ROWS` rows and the data view
a readable view box (:func:`gdapp.gui.plot_room.readable_data_height`).
:func:`make_room_for_step` then gives the numbers that height from the data view. (Adam's
first block — g, m, v, m̂, v̂, d and the step — wraps into ~390 pixels at 1024×768, more than
that room beside the data view or the path dock: it shows from its top, the rest a scroll or
a click away. The optimizers' scene folds the data view away, and there it shows whole:
:func:`gdapp.gui.classroom.folded_views`.)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from gdapp.gui.accents import plain_text, set_label_text
from gdapp.gui.plot_room import readable_data_height

#: The frame's padding and margins around the label's text (as the window fits it).
PADDING = 8


def first_block_end(lines: list[str], parameters: int) -> int:
    """How many of the update's ``lines`` must show: the heading and the first parameter's
    block through its update line (``b0 ← … = value``); for one parameter through its
    update (a note after it, "the run stopped at k = …", shows where there is room)."""
    marks = [i + 1 for i, line in enumerate(lines) if i and "←" in line]
    if not marks:
        return len(lines)
    return marks[-1] if parameters <= 1 else marks[0]


def _font(window: Any, scale: float) -> QFont:
    """The window's (zoomed) font at ``scale`` times its size."""
    font = QFont(window.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    return font


def _measure(window: Any, text: str, width: int, font: QFont) -> int:
    """The step label's height for ``text`` at ``width`` in ``font`` (a hidden twin)."""
    twin = getattr(window, "_step_twin", None)
    if twin is None:
        twin = window._step_twin = QLabel(window)
        twin.hide()  # (never shown: only measured)
        twin.setWordWrap(True)
        twin.setStyleSheet(window.step_label.styleSheet())
    if twin.font() != font:
        twin.setFont(font)
    twin.setAlignment(window.step_label.alignment())  # (it lays the text out too)
    set_label_text(twin, text)
    twin.ensurePolished()  # (its style sheet's padding, as the shown label has it)
    return int(twin.heightForWidth(width))


def _numbers_fixed(window: Any) -> int:
    """The numbers pane's least height besides the step's frame and the grid's (the
    status, its warning, margins and spacing), as its layout counts it."""
    numbers = window.middle.widget(0)
    frame = window.grid_frame
    grid = max(frame.minimumHeight(), frame.minimumSizeHint().height())
    return int(numbers.minimumSizeHint().height() - window.step_scroll.height() - grid)


def _grid_height(window: Any, rows: int) -> int:
    """The grid frame's height for ``rows`` rows (its minimum holds GRID_ROWS)."""
    grid = window.grid
    row = grid.verticalHeader().defaultSectionSize()
    least = int(window.grid_frame.minimumHeight())
    from gdapp.gui.classroom import GRID_ROWS

    return int(least + max(0, rows - GRID_ROWS) * row)


def step_room(window: Any) -> tuple[int, int] | None:
    """(the frame's height at the numbers' present share, the most it can have), beside the
    grid's rows (a band's, up to BAND_ROWS, at the share; GRID_ROWS at the most) and a
    readable data view; None while the column is not laid out."""
    from gdapp.gui.classroom import BAND_ROWS, GRID_ROWS

    numbers, data = window.middle.sizes()
    if numbers <= 0 or window.grid_frame.height() <= 0:
        return None
    fixed = _numbers_fixed(window)
    need = readable_data_height(window)
    total = numbers + data
    most = total - fixed - _grid_height(window, GRID_ROWS) - (need or 0)
    grid = window.grid
    band = min(grid.rows_needed(), BAND_ROWS) if grid.bands else GRID_ROWS
    share = numbers - fixed - _grid_height(window, max(GRID_ROWS, band))
    return share, most


def classroom_step_height(window: Any, width: int, height: int) -> int:
    """The step frame's height in classroom mode (see the module); ``height`` is the one the
    window chose (a few lines), ``width`` the label's. It ends under a whole line."""
    return whole_lines(window, _classroom_height(window, width, height))


def _classroom_height(window: Any, width: int, height: int) -> int:
    room = step_room(window)
    if room is None or width <= 1:
        return height
    share, most = room
    column = sum(window.middle.sizes())
    docked = readable_data_height(window) is None  # the path dock's scenes: the column's
    if docked:  # height follows the numbers' (more would ratchet the dock away)
        share = most = height
    text = plain_text(window.step_label)
    lines = text.split("\n")
    parameters = len(window.vm.spec.param_names)
    scroll = window.step_scroll
    margins = scroll.viewportMargins()  # (the button to the whole update, beside it)
    full = scroll.width() - 2 * scroll.frameWidth() - margins.left() - margins.right()
    whole = _measure(window, text, full, _font(window, 1.0)) + PADDING
    end = first_block_end(lines, parameters)
    block = "\n".join(lines[:end])
    least = whole if end >= len(lines) else _measure(window, block, full, _font(window, 1.0))
    if whole <= max(most, height) and whole <= max(share, least + PADDING):
        return whole  # (a note after the update: where the numbers' share has room)
    width = full - scroll.verticalScrollBar().sizeHint().width()
    first = _measure(window, block, width, _font(window, 1.0)) + PADDING
    whole = int(window.step_label.heightForWidth(width)) + PADDING
    if docked:  # (Adam's first block, half the column: it scrolls, the dock stays; with
        # the data view folded away (scene 11) the column is the numbers' and it shows)
        dock = getattr(window, "path_dock", None)
        beside = dock is not None and dock.isVisible()
        return max(first, height) if first <= column // 2 or not beside else height
    if first > most:  # (Adam's first block: it scrolls anyway; the grid keeps its band)
        return max(height, min(first, share))
    wanted = max(first, min(whole, max(height, share)))
    return min(wanted, max(most, height))  # (a column too low for more: as the window chose)


def first_block_height(window: Any, width: int) -> int:
    """The frame's height for the update's heading and first parameter's block through its
    result (:func:`first_block_end`) at the label's ``width``, less a scroll bar's (the rest
    of the update may need one, which narrows the label)."""
    lines = plain_text(window.step_label).split("\n")
    end = first_block_end(lines, len(window.vm.spec.param_names))
    scroll = window.step_scroll
    if scroll.verticalScrollBar().isHidden():
        width -= scroll.verticalScrollBar().sizeHint().width()
    return _measure(window, "\n".join(lines[:end]), width, _font(window, 1.0)) + PADDING


def normal_step_height(window: Any, width: int, height: int, most: int) -> int:
    """:func:`_normal_height`, ending under a whole line."""
    return whole_lines(window, _normal_height(window, width, height, most))


def _normal_height(window: Any, width: int, height: int, most: int) -> int:
    """Out of classroom mode: the frame (``height`` as the window chose it) grown to show
    the update's (first) result, up to ``most`` pixels, with what the data view can give and
    stay readable (without a data view, the rows the grid has above its least height).
    Beside the path dock, only to the whole first block: a longer one (Adam's) scrolls
    there, and a frame grown short of its result took the grid's rows and the dock's room
    (scene 10's band of six rows) without showing it.
    The update already whole in ``height`` (the label's height is cached) is not measured
    again: an η change with a short update lays out no second text."""
    if window.step_label.heightForWidth(width) + PADDING <= height:
        return height
    first = first_block_height(window, width)
    wanted = min(first, most)
    if wanted <= height:
        return height
    need = readable_data_height(window)
    if need is None:  # no data view: rows the grid has above its least height
        frame = window.grid_frame
        least = max(frame.minimumHeight(), frame.minimumSizeHint().height())
        room = window.step_scroll.height() + frame.height() - least - height
    else:  # what the data view can give and stay readable
        room = window.step_scroll.height() + window.data_plots.height() - need - height
    dock = getattr(window, "path_dock", None)
    if dock is not None and dock.isVisible() and (first > most or room < wanted - height):
        return height
    return int(height + max(0, min(wanted - height, room)))


def make_room_for_step(window: Any) -> None:
    """Give the numbers, from the data view, the height the step's frame and the grid's
    GRID_ROWS rows need, never taking the data view below its readable height; and give a
    data view lower than that (a longer step before, a band) back the grid's extra rows."""
    from gdapp.gui.classroom import BAND_ROWS, GRID_ROWS

    if getattr(window.middle, "moved_by_user", False) or window.splitter_moved_by_user:
        return
    numbers, data = window.middle.sizes()
    need = readable_data_height(window)
    if numbers <= 0 or data <= 0 or need is None:
        return
    above = _numbers_fixed(window) + window.step_scroll.height()
    least = above + _grid_height(window, GRID_ROWS)
    grid = window.grid  # a band's rows too, where the data view can spare them (a legend
    band = min(grid.rows_needed(), BAND_ROWS) if grid.bands else GRID_ROWS  # that left it)
    wanted = above + _grid_height(window, max(GRID_ROWS, band))
    most = numbers + data - need
    target = min(max(numbers, wanted), max(most, least))
    if abs(target - numbers) > 2:  # (not for a pixel of rounding)
        window.middle.setSizes([target, numbers + data - target])


#: Above a label's first line: its style sheet's padding (3 px) and the margin of the text
#: document QLabel lays rich text out in (4 px).
TEXT_TOP = 7


def whole_lines(window: Any, height: int) -> int:
    """``height`` for the step's frame less the part of a line it would show cut through
    (a frame shorter than its update scrolls; its last visible line showed half its height,
    as classroom scene 18's closing note did): the frame ends under the last whole line
    (the label's lines are equally spaced, one font)."""
    scroll = window.step_scroll
    width = scroll.viewport().width()
    if width <= 1 or window.step_label.heightForWidth(width) + PADDING <= height:
        return height
    font = _font(window, 1.0)
    line = _measure(window, "x\nx", width, font) - _measure(window, "x", width, font)
    chrome = scroll.height() - scroll.viewport().height()
    lines = (height - chrome - TEXT_TOP) // line if line > 0 else 0
    return chrome + TEXT_TOP + lines * line if lines >= 1 else height
