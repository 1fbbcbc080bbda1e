"""What both plots share: colours, a readable view of a run, decimation and image export.

A plot widget here only *reads* the view-model (``vm.run``, ``vm.current``, ``vm.pinned``)
and listens to its signals; it never writes to it.

Readable view of a diverged run
-------------------------------
A diverging descent multiplies the distance to the optimum by |1 − η·E''| > 1 per update until
a parameter passes 1e100. Drawn as it is, the first iterates would shrink to a dot. The plots
therefore show the *readable prefix*: the iterates up to and including the first one whose
distance from the optimum (or, without one, from the start) exceeds 1.5 times the start's
distance, and say so in a note on the plot. When the current iterate lies beyond the view, a
remark at the view's edge towards it names it and its values
(:meth:`~gdapp.gui.plot_legend.LegendPlacement.show_off_plot`). The legend and that remark are
:mod:`gdapp.gui.plot_legend`'s.
"""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QResizeEvent, QShowEvent
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gdapp.core import Run
from gdapp.gui.i18n import tr
from gdapp.gui.item_cache import cache_unchanged, without_cache
from gdapp.gui.paint_rounds import paint_with_window
from gdapp.gui.path_drawing import MAX_PATH_DOTS as MAX_PATH_DOTS  # re-exported
from gdapp.gui.path_drawing import MAX_PATH_POINTS as MAX_PATH_POINTS
from gdapp.gui.path_drawing import PATH_HEAD as PATH_HEAD
from gdapp.gui.path_drawing import PathDots
from gdapp.gui.path_drawing import decimate_indices as decimate_indices
from gdapp.gui.plot_legend import LEGEND_ROW, LegendPlacement
from gdapp.gui.plot_title import left_label, title_points
from gdapp.gui.run_labels import difference_label as difference_label  # re-exported
from gdapp.gui.run_labels import penalty_formula as penalty_formula
from gdapp.gui.run_labels import penalty_on as penalty_on
from gdapp.gui.run_labels import run_label as run_label
from gdapp.gui.run_labels import same_cost_surface as same_cost_surface
from gdapp.gui.run_labels import same_objective as same_objective
from gdapp.gui.viewmodel import THIS_RUN_COLOR

if TYPE_CHECKING:
    from gdapp.gui.viewmodel import RunViewModel

FloatArray = NDArray[np.float64]

#: The note's figure: the original cost in black, the penalty term in a reddish orange
#: (dotted), kept apart from the note's red tangent line (dashed).
COST_COLOR = "#000000"
PENALTY_COLOR = "#e6550d"
OBJECTIVE_COLOR = "#08306b"
#: The current run's path when every pin colour is taken.
PATH_COLOR = "#444444"
TANGENT_COLOR = "#d62728"
MARKER_COLOR = "#ffd400"
OPTIMUM_COLOR = "#2ca02c"

#: The plot item's layout row under the bottom axis that holds the note, and its line height.
NOTE_ROW = 4
NOTE_LINE = 18
#: A note grows with classroom mode's zoom only up to this factor (it is a remark under the
#: plot, which keeps its height on a projector).
NOTE_SCALE = 1.2
#: A diverged run is drawn up to the first iterate this many start-distances away.
READABLE_FACTOR = 1.5
#: The note starts right of the left axis and wraps this many pixels short of the right edge.
NOTE_INDENT = 80


class PlotExportError(ValueError):
    """A plot could not be written to an image file; the message says why."""


def current_color(vm: RunViewModel) -> str:
    """The colour of the current run: always the same (pinning another run does not
    change it); a pinned run takes a colour of its own."""
    return THIS_RUN_COLOR


def readable_rows(run: Run) -> int:
    """How many iterates (from row 0) make a readable view of ``run``.

    Every row unless the run diverged; then the rows up to and including the first iterate
    farther than ``READABLE_FACTOR`` × the start's distance from the optimum (see the module
    docstring), and at least the start and the first update.
    """
    m = int(run.params.shape[0])
    if run.status != "diverged" or m <= 2:
        return m
    p = run.params
    centre = np.asarray(run.optimum.params if run.optimum.params is not None else p[0])
    dist = np.linalg.norm(p - centre, axis=1)
    radius = READABLE_FACTOR * max(float(dist[0]), 1.0)
    beyond = np.flatnonzero(dist > radius)
    last = int(beyond[0]) if beyond.size else m - 1
    return max(2, last + 1)


def padded(lo: float, hi: float, fraction: float = 0.08) -> tuple[float, float]:
    """[lo, hi] widened by ``fraction`` of its span on each side (never of zero width)."""
    span = hi - lo
    if not span > 0:
        span = max(abs(lo), abs(hi), 1.0) * 0.2
        return lo - span / 2, hi + span / 2
    return lo - fraction * span, hi + fraction * span


def centred(centre: float, lo: float, hi: float, fraction: float = 0.08
             ) -> tuple[float, float]:
    """A range centred on ``centre`` that holds [lo, hi] with ``fraction`` of room: the
    bowl of a cost around its optimum shows both arms, whichever side the path came from."""
    reach = max(abs(hi - centre), abs(centre - lo))
    if not reach > 0:
        return padded(centre, centre)
    return centre - (1 + fraction) * reach, centre + (1 + fraction) * reach


def pen(color: str, width: float = 2.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> Any:
    """A cosmetic pen of ``width`` pixels."""
    return pg.mkPen(color=color, width=width, style=style)


class RunPlotWidget(LegendPlacement, QWidget):
    """A white, antialiased pyqtgraph plot bound to a :class:`RunViewModel`, with a legend,
    a note for the learner and image export. Subclasses draw; this class wires signals."""

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        # (no menus: pyqtgraph's are English only, and built only to be switched off they cost an
        # eighth of a new window's build)
        self.plot_widget = pg.PlotWidget(background="w", axisItems=self.axis_items(),
                                         enableMenu=False)
        self.plot_widget.setAntialiasing(True)
        self.plot_item: pg.PlotItem = self.plot_widget.getPlotItem()
        #: classroom mode's factor for fonts and lines (1: normal)
        self.scale = 1.0
        self._pixel_ratio = 1.0
        # a long title (large in classroom mode) is clipped at the plot's edges, never
        # widening the plot item past its widget: the title asks for no width, as the note
        self.plot_item.titleLabel.__class__ = NoteLabel
        # An opaque light grid at the major ticks: translucent or minor grid lines cost
        # several milliseconds per repaint.
        self.plot_item.showGrid(x=True, y=True, alpha=1.0)
        self.plot_item.setMenuEnabled(False)
        # and no "Export…" of pyqtgraph's own (English) on a right click: File ▸ Export plot
        self.plot_widget.scene().contextMenu = []
        # pyqtgraph's "A" button (shown on hover once the view was zoomed or dragged) brings
        # back the plot's own view, not pyqtgraph's auto-range; so does View ▸ Reset plot views
        self._chosen_view: tuple[float, float, float, float] | None = None
        auto = self.plot_item.autoBtn
        auto.clicked.disconnect()
        auto.clicked.connect(lambda *_: self._reset_from_button())
        auto.setToolTip(tr("Back to the plot's own view"))
        self.plot_widget.setToolTip(tr("Wheel: zoom · drag: pan · the “A” button in the corner "
                                       "or Ctrl+0: back to the plot's view"))
        for side in ("left", "bottom"):
            axis = self.plot_item.getAxis(side)
            axis.setPen(pen("#dadada", 1))
            axis.setTextPen(pen("#222222", 1))
            axis.setTickFont(_font(10))
            axis.setStyle(maxTickLevel=0)
            # numbers as they are: no "(x0.001)" scale suffix on the axis label
            axis.enableAutoSIPrefix(False)
        # The grid lines, which the axes draw, under the view box (z = −100) and so under
        # the data and the legend: the opaque grid no longer crosses the curves or the
        # legend's text. (Raising the view box instead would lift every item added to it.)
        for side in ("left", "bottom", "right", "top"):
            self.plot_item.getAxis(side).setZValue(-150)
        self._init_legend()
        # the left label fits the view box's height once the layout has set it
        self._left_room = 0.0
        self._left_shorter: tuple[str, ...] = ()
        self.plot_item.getViewBox().sigResized.connect(self._refit_left_label)
        self._current_drawn: tuple[Run | None, int] = (None, -1)
        self._texts: dict[str, str] = {}
        # The note sits in its own row under the bottom axis, so it never hides the data.
        self.note = NoteLabel("", color="#8a1c00", size="9pt", justify="left")
        self.plot_item.layout.addItem(self.note, NOTE_ROW, 1)
        self.note_text = "-"
        self.set_note("")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.column.addWidget(self.plot_widget)

    def connect_view_model(self) -> None:
        """Listen to the view-model and draw its current state (call at the end of __init__)."""
        self.vm.runChanged.connect(self._on_run_changed)
        self.vm.currentChanged.connect(self._on_current_changed)
        self.vm.pinnedChanged.connect(self._on_pinned_changed)
        # the new pinned runs' items at classroom size too
        self.vm.pinnedChanged.connect(
            lambda: self._scale_items() if self.scale * self._pixel_ratio != 1 else None)
        self._on_pinned_changed()
        cache_unchanged(self)  # what a new η keeps is copied from a pixmap (item_cache)

    # hooks for subclasses ----------------------------------------------------------------
    def axis_items(self) -> dict[str, pg.AxisItem]:
        """Axis items that replace pyqtgraph's default ones (none by default)."""
        return {}

    def _on_run_changed(self) -> None:
        raise NotImplementedError

    def _on_current_changed(self, _k: int) -> None:
        if not self.current_is_drawn():  # a new run has just drawn it
            self._draw_current()

    def _draw_current(self) -> None:
        """Move the current-iterate marks (the marker, the tangent…) to vm.current."""
        raise NotImplementedError

    def _on_pinned_changed(self) -> None:
        raise NotImplementedError

    # shared behaviour --------------------------------------------------------------------
    def current_index(self) -> int:
        """vm.current clamped to the rows of vm.run."""
        k: int = min(max(int(self.vm.current), 0), self.vm.run.iterations)
        return k

    def mark_current_drawn(self, run: Run, k: int) -> None:
        """Remember that the current iterate's marks show iterate ``k`` of ``run``."""
        self._current_drawn = (run, k)

    def current_is_drawn(self) -> bool:
        """Whether the marks already show vm.current of vm.run (after a new run, the
        ``currentChanged`` that follows ``runChanged`` has nothing left to move)."""
        run, k = self._current_drawn
        return run is self.vm.run and k == self.current_index()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the title and wrap the note to the new width."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and "title" in self._texts:
            self.set_texts(self._texts.pop("title"))  # the title's size for the new width
        if event.size().height() != event.oldSize().height() and "left" in self._texts:
            self.set_texts(left=self._texts.pop("left"), shorter=self._left_shorter)
        if self.note_text and event.size().width() != event.oldSize().width():
            self._show_note(event.size().width())

    def set_view(self, x_lo: float, x_hi: float, y_lo: float, y_hi: float) -> None:
        """Show exactly [x_lo, x_hi] × [y_lo, y_hi]; when the view already shows it (a new
        learning rate seldom moves the bounds) nothing is touched, so the axes keep their
        ticks and are not laid out again."""
        self._legend_view = (x_lo, x_hi, y_lo, y_hi)
        self._chosen_view = (x_lo, x_hi, y_lo, y_hi)
        view = self.plot_item.getViewBox()
        (cx0, cx1), (cy0, cy1) = view.viewRange()
        if (cx0, cx1, cy0, cy1) == (x_lo, x_hi, y_lo, y_hi) and not any(
                view.autoRangeEnabled()):
            return
        self.plot_item.setRange(xRange=(x_lo, x_hi), yRange=(y_lo, y_hi), padding=0)

    def set_scale(self, scale: float) -> None:
        """Classroom mode: fonts, line widths and marks ``scale`` times their size."""
        self.scale = scale
        for side in ("left", "bottom"):
            self.plot_item.getAxis(side).setTickFont(_font(round(10 * scale)))
        texts, self._texts = self._texts, {}
        self.set_texts(texts.get("title"), texts.get("left"), texts.get("bottom"),
                       shorter=self._left_shorter)
        self.legend_row = round(LEGEND_ROW * scale)
        self.legend_points = 8.0 * scale
        self.scale_remark(scale)
        self._scale_items()
        self._lay_out_legend()
        self._show_note()

    def _scale_items(self) -> None:
        """Every drawn line and mark at ``scale`` times its own width and size."""
        for item in self.plot_item.items:
            if isinstance(item, pg.PlotDataItem):
                opts = item.opts
                if not hasattr(item, "base_size"):
                    width = pg.mkPen(opts["pen"]).widthF() if opts["pen"] is not None else 0
                    item.base_size = (width, opts.get("symbolSize") or 0)
                width, symbol = item.base_size
                if opts["pen"] is not None and width:
                    scaled = pg.mkPen(opts["pen"])
                    # cosmetic pens are as wide in device pixels: times the pixel ratio
                    scaled.setWidthF(width * self.scale * self._pixel_ratio)
                    item.setPen(scaled)
                if opts.get("symbol") is not None and symbol:
                    item.setSymbolSize(symbol * self.scale)
            elif isinstance(item, PathDots):
                if not hasattr(item, "base_size"):
                    item.base_size = item.size()
                item.setSize(item.base_size * self.scale)

    def showEvent(self, event: QShowEvent) -> None:
        """On a high-density screen (QT_SCALE_FACTOR=2) lines as thick as on a normal one."""
        super().showEvent(event)
        paint_with_window(self.plot_widget.scene(), self)  # painted with the window's rest
        ratio = self.devicePixelRatioF()
        if ratio != self._pixel_ratio:
            self._pixel_ratio = ratio
            self._scale_items()

    def reset_view(self) -> None:
        """Back to the view the plot chose (undoes wheel zooming and dragging)."""
        if self._chosen_view is None:
            return
        x_lo, x_hi, y_lo, y_hi = self._chosen_view
        self.plot_item.setRange(xRange=(x_lo, x_hi), yRange=(y_lo, y_hi), padding=0)

    def _reset_from_button(self) -> None:
        self.reset_view()
        self.plot_item.autoBtn.hide()

    def pixels_per_unit(self, x_span: float, y_span: float) -> tuple[float, float]:
        """Screen pixels per data unit along x and y for a view spanning (x_span, y_span)
        (the view box's size before it is first shown: 600 × 400)."""
        view = self.plot_item.getViewBox()
        width = view.width() if view.width() > 1 else 600.0
        height = view.height() if view.height() > 1 else 400.0
        return (width / x_span if x_span > 0 else 1.0, height / y_span if y_span > 0 else 1.0)

    def set_texts(self, title: str | None = None, left: str | None = None,
                  bottom: str | None = None, *, shorter: tuple[str, ...] = ()) -> None:
        """Set the title and axis labels, touching only those that changed (each costs a
        text layout). ``shorter``: the left label's shorter forms, longest first; the label
        shown is the first form that fits the view's height at full size
        (:func:`left_label`), so a projector's short plot never shows "objective E + λ·…"."""
        if left is not None and shorter != self._left_shorter:
            self._left_shorter = shorter
            self._texts.pop("left", None)
        for key, text in (("title", title), ("left", left), ("bottom", bottom)):
            if text is None or self._texts.get(key) == text:
                continue
            if key == "title":
                # centred over the view box: the left axis's width is not the title's
                room = self.width() - self.plot_item.getAxis("left").width()
                points = title_points(text, room, 11 * self.scale)
                self.plot_item.setTitle(text, color="#222222", size=f"{points:.3g}pt")
            else:  # the left label runs along the view box's height: shrunk to fit it
                view = self.plot_item.getViewBox()
                room = view.height() if key == "left" and view.height() > 1 else 1e9
                self._left_room = room if key == "left" else self._left_room
                forms = (text, *self._left_shorter) if key == "left" else (text,)
                shown, points = left_label(forms, room, 9 * self.scale)
                self.plot_item.setLabel(key, shown, color="#222222",
                                        **{"font-size": f"{points:.3g}pt"})
                self.plot_item.getAxis(key).resizeEvent()  # placed for its new length
            self._texts[key] = text

    def _refit_left_label(self, *_: object) -> None:
        height = self.plot_item.getViewBox().height()
        if "left" in self._texts and height > 1 and height != self._left_room:
            self.set_texts(left=self._texts.pop("left"), shorter=self._left_shorter)

    def set_note(self, text: str) -> None:
        """A remark for the learner under the plot, one line per line of ``text``, wrapped to
        the plot's width (empty hides the row)."""
        if text == self.note_text and self.note.isVisible() == bool(text):
            return
        self.note_text = text
        self._show_note()

    def _show_note(self, width: int | None = None) -> None:
        """Show the note wrapped to ``width`` (default: the widget's) pixels."""
        text = self.note_text
        # the widget's width, not the plot item's: a long note line widens the item past it
        available = (width or self.width()) - NOTE_INDENT
        scale = min(self.scale, NOTE_SCALE)  # a remark: the plot keeps its height
        lines = [part for line in text.split("\n")
                 for part in _wrap(line, available, 9 * scale)
                 ] if text else []
        self.note.setText("<br>".join(html.escape(line) for line in lines),
                          size=f"{9 * scale:g}pt")
        self.note.setVisible(bool(text))
        line_height = round(NOTE_LINE * scale)
        self.note.setMaximumHeight(line_height * len(lines))
        self.plot_item.layout.setRowFixedHeight(NOTE_ROW, line_height * len(lines))

    def _write_svg(self, path: str) -> None:
        """Render the plot into an SVG file with Qt's own SVG generator.

        pyqtgraph 0.14's SVGExporter cannot read the SVG that Qt 6.11 writes (it fails on
        closed paths, pyqtgraph issue #3495, and misplaces curves), so the view is rendered
        through QSvgGenerator, with the items in pyqtgraph's export mode so that point symbols
        are drawn as vector paths too. The generator takes the screen's resolution so that the
        axes, which pyqtgraph records as QPictures at that resolution, play back at their true
        size.
        """
        view = self.plot_widget
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setResolution(view.logicalDpiX())
        generator.setSize(view.size())
        generator.setViewBox(QRect(0, 0, view.width(), view.height()))
        generator.setTitle(self._texts.get("title", "plot"))
        generator.setDescription("gdapp plot")
        painter = QPainter(generator)
        modes = ImageExporter(self.plot_item)
        try:
            modes.setExportMode(True, {"antialias": True, "painter": painter,
                                       "background": pg.mkColor("w")})
            view.render(painter)
        finally:
            modes.setExportMode(False)
            painter.end()

    def export_image(self, path: str, width: int | None = None) -> None:
        """Write the plot to ``path``: PNG for ``.png`` (``width`` pixels wide, default the
        plot's size on screen), SVG for ``.svg`` (by suffix).

        The file is written next to its destination under a temporary name and moved into
        place only when complete, so a failed export never leaves a partial file.

        Raises
        ------
        PlotExportError
            For another suffix, a missing folder or a failed write.
        """
        target = Path(path)
        suffix = target.suffix.lower()
        if suffix not in (".png", ".svg"):
            raise PlotExportError(tr(
                "cannot export the plot as {name}: the file name must end in .png or .svg"
            ).format(name=repr(target.name)))
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise PlotExportError(tr("cannot export the plot: the folder {folder} does not "
                                     "exist").format(folder=repr(str(folder))))
        fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=suffix, dir=folder)
        os.close(fd)
        cached = without_cache(self.plot_widget.scene())  # drawn, not copied from the screen
        try:
            if suffix == ".png":
                exporter = ImageExporter(self.plot_item)
                exporter.parameters()["width"] = int(width) if width else \
                    max(int(self.plot_item.width()), 400)
                image = exporter.export(toBytes=True)
                if image is None or not image.save(tmp, "PNG"):
                    raise PlotExportError(tr("cannot export the plot: writing {path} failed"
                                             ).format(path=repr(path)))
            else:
                self._write_svg(tmp)
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, target)
        except OSError as exc:
            raise PlotExportError(tr("cannot export the plot to {path}: {problem}").format(
                path=repr(path), problem=exc.strerror)) from None
        finally:
            cached()
            if os.path.exists(tmp):
                os.unlink(tmp)


def _wrap(line: str, width: float, points: float = 9) -> list[str]:
    """``line`` broken at spaces into lines at most ``width`` pixels wide in the note's
    font (a single word longer than that keeps a line of its own)."""
    font = QFont()
    font.setPointSizeF(points)
    metrics = QFontMetricsF(font)
    lines: list[str] = []
    for word in line.split(" "):
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _font(points: int) -> QFont:
    font = QFont()
    font.setPointSize(points)
    return font


class NoteLabel(pg.LabelItem):  # type: ignore[misc]
    """The note under the plot: wrapped to the plot's width by :meth:`set_note`, so it never
    asks for more width (a pyqtgraph label asks for its text's, widening the plot item past
    its widget and cutting off its right side)."""

    def updateMin(self) -> None:
        super().updateMin()
        self.setMinimumWidth(0)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

