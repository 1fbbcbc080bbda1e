"""The objective per iteration: f(b_k) = E(b_k) + penalty against k, with the current k marked.

On a log axis a descent that converges linearly — the distance to the optimum multiplied by
(1 − η·E'') each update — shows as a straight line down to the floor f(b*), and a diverging
one as a straight line up.

Log scale and values ≤ 0: the objective is a cost plus a penalty, so it is ≥ 0, and it is 0
only where the model fits every sample exactly. log 0 does not exist, so when the run (or a
pinned run) reaches 0 the "log scale" box is disabled, with a tooltip saying where, and the
axis stays linear; the plot never draws a shifted quantity under the objective's name. The
wish is remembered: the next run with positive values is drawn on a log axis again.

A diverged run on the linear axis is shown over its readable prefix (see
:mod:`gdapp.gui.plot_base`); on the log axis all of it is readable and shown. When the current
iterate lies beyond the view, a remark at the plot's edge says so and gives its objective.

The view follows this run: pinned runs that did not diverge widen it to show their floor and
up to ``PINNED_REACH`` times this run's iterations; a diverged pinned run is clipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from gdapp.core import Run
from gdapp.gui.i18n import tr
from gdapp.gui.plot_base import (
    MARKER_COLOR,
    RunPlotWidget,
    current_color,
    difference_label,
    padded,
    pen,
    penalty_formula,
    penalty_on,
    readable_rows,
    run_label,
    same_objective,
)
from gdapp.gui.rule_texts import cost_word
from gdapp.gui.test_cost import test_cost_curve, test_cost_label, with_test_cost

if TYPE_CHECKING:
    from gdapp.gui.viewmodel import RunViewModel

#: Pinned runs widen the iteration axis to at most this many times this run's iterations.
PINNED_REACH = 3
#: While stepping, the iteration axis spans at least this many rows, doubled as k needs.
STEPPING_ROWS = 20


def stepping_rows(k: int) -> int:
    """The rows the view spans while stepping at iterate ``k``: ``STEPPING_ROWS`` doubled
    until it holds half as many again as k (so it widens in a few jumps, not every step)."""
    rows = STEPPING_ROWS
    while rows < 1.5 * k + 2:
        rows *= 2
    return rows


def log_tip() -> str:
    """The log-scale box's tooltip."""
    return tr("Show the objective on a logarithmic axis: steady convergence becomes a "
              "straight line.")


#: On a linear axis the view ends where the objective has come this close to its floor
#: (as a share of its drop from the start)…
SETTLED_SHARE = 1e-3
#: …times this, so the early iterations of a long run are not squashed against k = 0.
SETTLED_MARGIN = 2
#: The view spans at least this many iterations.
MIN_VIEW_ROWS = 20


def interesting_rows(run: Run) -> int:
    """The rows of ``run`` a linear objective axis shows: its readable rows (see
    :func:`readable_rows`), cut at ``SETTLED_MARGIN`` times the first iterate whose objective
    is within ``SETTLED_SHARE`` of its drop from the floor (the rest is a flat line)."""
    n = readable_rows(run)
    f = run.objective[:n]
    if n <= MIN_VIEW_ROWS or run.status == "diverged":
        return n
    floor = float(np.min(f))
    drop = float(f[0]) - floor
    if not drop > 0:
        return n
    near = np.flatnonzero(f - floor <= SETTLED_SHARE * drop)
    if not near.size:
        return n
    return int(min(n, max(MIN_VIEW_ROWS, SETTLED_MARGIN * int(near[0]) + 1)))


class IterationAxis(pg.AxisItem):  # type: ignore[misc]
    """An axis of iteration numbers: ticks on whole numbers only (no k = 0.5)."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> Any:
        levels = super().tickSpacing(minVal, maxVal, size)
        whole = [(spacing, offset) for spacing, offset in levels if spacing >= 1]
        return whole or [(1.0, 0.0)]


class ObjectivePlot(RunPlotWidget):
    """The objective per iteration of the view-model's run and its pinned runs.

    Items for reading back: ``objective_curve`` (x = k, y = objective), ``marker`` (the
    current iterate), ``current_line`` (a vertical line at k), ``pinned_items`` (one curve per
    pinned run) and the check box ``log_box``.
    """

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(vm, parent)
        self._log_wanted = False
        self._log_drawn = False  # whether the y axis is in log mode now
        self.log_box = QCheckBox(tr("log scale"))
        self.log_box.setToolTip(log_tip())
        self.log_box.toggled.connect(self.set_log_scale)
        row = QHBoxLayout()
        row.setContentsMargins(6, 0, 6, 2)
        row.addStretch(1)
        row.addWidget(self.log_box)
        self.column.addLayout(row)
        self.objective_curve = pg.PlotDataItem()
        self._color = ""
        # The plot item hands these to every curve added to it: draw only the visible part,
        # reduced to (min, max) pairs per pixel column.
        self.plot_item.setClipToView(True)
        self.plot_item.setDownsampling(auto=True, mode="peak")
        self.current_line = pg.InfiniteLine(
            angle=90, movable=False, pen=pen("#555555", 1, Qt.PenStyle.DashLine))
        self.marker = pg.PlotDataItem(
            pen=None, symbol="o", symbolSize=11, symbolBrush=pg.mkBrush(MARKER_COLOR),
            symbolPen=pen("#000000", 1.5))
        self.objective_curve.setZValue(2)
        self.marker.setZValue(5)
        self.plot_item.addItem(self.current_line, ignoreBounds=True)
        self.plot_item.addItem(self.objective_curve)
        # about one (min, max) pair per pixel column instead of pyqtgraph's default five
        self.objective_curve.opts["autoDownsampleFactor"] = 1.0
        self.plot_item.addItem(self.marker)
        # with held-out samples: their cost per iterate (gdapp.gui.test_cost)
        self.test_curve = test_cost_curve(self.plot_item)
        self.set_texts(tr("Objective per iteration"), bottom=tr("iteration k"))
        self.pinned_items: list[pg.PlotDataItem] = []
        self._drawn_upto: tuple[Run | None, int] = (None, -1)
        self._test_drawn = True  # whether test_curve may hold points (the first draw clears it)
        self._view_rows = 0
        self._headroom = 0.0
        self.plot_item.getViewBox().sigResized.connect(self._on_resized)
        self.connect_view_model()

    def axis_items(self) -> dict[str, pg.AxisItem]:
        """Whole-number ticks on the iteration axis."""
        return {"bottom": IterationAxis("bottom")}

    # the log-scale toggle ----------------------------------------------------------------
    @property
    def log_scale(self) -> bool:
        """Whether the objective axis is logarithmic now."""
        return bool(self._log_wanted and self.log_box.isEnabled())

    def set_log_scale(self, on: bool) -> None:
        """Ask for a logarithmic objective axis (applied whenever every value is > 0)."""
        self._log_wanted = bool(on)
        self._redraw()

    # signals -----------------------------------------------------------------------------
    def _on_run_changed(self) -> None:
        self._redraw()

    def _on_pinned_changed(self) -> None:
        for item in self.pinned_items:
            self.plot_item.removeItem(item)
        self.pinned_items = []
        for pinned in self.vm.pinned:
            curve = pg.PlotDataItem(pen=pen(pinned.color, 1.5))
            curve.setZValue(1)
            self.plot_item.addItem(curve)
            curve.opts["autoDownsampleFactor"] = 1.0
            self.pinned_items.append(curve)
        self._redraw()

    def _on_resized(self) -> None:
        if abs(self._legend_band() - self._headroom) > 0.01:
            self._redraw()  # the legend's band above the curves keeps its height in pixels

    def _legend_band(self) -> float:
        """The share of the view's height kept free above the curves: the legend's and a gap
        of 8 pixels (0 when the legend is hidden)."""
        share = self.legend_share()[1]
        height = self.plot_item.getViewBox().height()
        return min(share + 8 / height, 0.5) if share > 0 and height > 1 else 0.0

    # drawing -----------------------------------------------------------------------------
    def _redraw(self) -> None:
        run = self.vm.run
        runs = [run, *(p.run for p in self.vm.pinned)]
        color = current_color(self.vm)
        if color != self._color:
            self.objective_curve.setPen(pen(color, 2))
            self._color = color
        self._update_log_box(runs)
        log = self.log_scale
        # Leave log mode before drawing values that may be 0, enter it after drawing values
        # that are all > 0: no item ever holds log10(0).
        if not log and self._log_drawn:
            self.plot_item.setLogMode(x=False, y=False)
            self._log_drawn = False
        self._draw_so_far()
        for pinned, curve in zip(self.vm.pinned, self.pinned_items, strict=True):
            other = pinned.run
            # another objective is drawn with its own values, dashed, and labelled so
            same = same_objective(other.spec, run.spec)
            dashed = pg.mkPen(curve.opts["pen"])  # its width as classroom mode scaled it
            dashed.setStyle(Qt.PenStyle.SolidLine if same else Qt.PenStyle.DashLine)
            curve.setPen(dashed)
            curve.setData(np.arange(other.params.shape[0]), other.objective)
        runs = [run, *(p.run for p, c in zip(self.vm.pinned, self.pinned_items, strict=True)
                       if c.isVisible())]
        self._move_marker()
        if log and not self._log_drawn:
            self.plot_item.setLogMode(x=False, y=True)
            self._log_drawn = True
        # view: every row on a log axis; the readable rows of each run on a linear one
        rows = [r.params.shape[0] if log else interesting_rows(r) for r in runs]
        rows[0] = self._rows_in_view(run, log)
        self._view_rows = rows[0]
        x_lo, x_hi, y_lo, y_hi = with_test_cost(run, rows[0], log,
                                                self._view_range(runs, rows, log))
        self.set_legend(self._legend(run))
        self._headroom = self._legend_band()  # a band above the curves for the legend
        y_hi = y_lo + (y_hi - y_lo) / (1 - self._headroom)
        self.set_view(x_lo, x_hi, y_lo, y_hi)
        points: list[tuple[Any, Any, float]] = []
        # this run's test cost too (held-out samples): a curve of its own
        curves = [(r.objective, n) for r, n in zip(runs, rows, strict=True)]
        if run.test_objective is not None:
            curves.append((run.test_objective, rows[0]))
        for values, n in curves:
            # every run is drawn across the view (a pinned one whole, this one up to k or
            # its end), not just over the rows the view was chosen for
            n = max(n, min(values.shape[0], int(x_hi) + 2))
            ks = np.unique(np.linspace(0, n - 1, min(n, 400)).astype(np.intp))
            f = values[ks]
            f = np.log10(f) if log else f
            # along the drawn line, not only at its iterates: a short diverging run's few
            # points are far apart on screen
            along = np.linspace(0.0, float(ks[-1]), 400)
            points.append(self.along(along, np.interp(along, ks, f)))
        self.place_legend(points, (x_lo, x_hi, y_lo, y_hi))
        self._mark_off_plot()  # off the curves and the legend just placed
        spec = run.spec
        name = tr("objective E + {formula}").format(formula=penalty_formula(spec)) \
            if penalty_on(spec) else tr("cost E = {cost}").format(cost=cost_word(spec.cost))
        log_words = tr(" (log scale)") if log else ""
        short = tr("objective") if penalty_on(spec) else tr("cost E")  # a projector's plot
        self.set_texts(left=name + test_cost_label(run) + log_words,
                       shorter=short_labels(name, short, test_cost_label(run), log_words))
        note = ""
        if run.status == "diverged":
            note = tr("diverged at update {k}").format(k=run.diverged_at)
            if not log:
                note += tr(": showing the first {rows} iterates (try log scale)").format(
                    rows=readable_rows(run))
        self.set_note(note)

    @staticmethod
    def _objective_name(spec: Any) -> str:
        cost = cost_word(spec.cost)  # (the window's word: "cross-entropy", not "BCE")
        return f"{cost} + {penalty_formula(spec)}, λ = {spec.lam:g}" if penalty_on(spec) \
            else cost

    def _legend(self, run: Run) -> list[tuple[object, str]]:
        entries: list[tuple[object, str]] = [
            (self.objective_curve, tr("this run: {label}").format(label=run_label(run.spec)))]
        for p, c in zip(self.vm.pinned, self.pinned_items, strict=True):
            label = difference_label(p.run.spec, run.spec)
            if not same_objective(p.run.spec, run.spec):
                label += tr(" — its own objective {objective}").format(
                    objective=self._objective_name(p.run.spec))
            entries.append((c, label))
        if run.test_objective is not None:
            entries.insert(1, (self.test_curve, tr("test cost (held-out samples)")))
        return entries

    def _draw_so_far(self) -> None:
        """This run's objective per iteration: up to k while stepping (the iterations to
        come are not given away), all of it otherwise."""
        run = self.vm.run
        k = self.current_index()
        upto = k if self.vm.stepping and k < run.iterations else run.iterations
        if upto == self._drawn_upto[1] and run is self._drawn_upto[0]:
            return
        self._drawn_upto = (run, upto)
        self.objective_curve.setData(np.arange(upto + 1), run.objective[: upto + 1])
        test = run.test_objective
        if test is not None or self._test_drawn:  # no held-out samples before or now: skip
            self.test_curve.setData(np.arange(upto + 1) if test is not None else [],
                                    test[: upto + 1] if test is not None else [])
        self._test_drawn = test is not None

    @staticmethod
    def _view_range(runs: list[Run], rows: list[int], log: bool
                    ) -> tuple[float, float, float, float]:
        """(k0, k1, f0, f1) of the view: this run's ``rows[0]`` iterates, widened by the pinned
        runs that did not diverge — to their floor, up to twice this run's highest value, and up
        to ``PINNED_REACH`` times its iterations."""
        def scale(v: float) -> float:
            return float(np.log10(v)) if log else v

        run, n = runs[0], rows[0]
        top = float(np.max(run.objective[:n]))
        low = float(np.min(run.objective[:n]))
        last = n - 1
        for other, m in zip(runs[1:], rows[1:], strict=True):
            if other.status == "diverged":
                continue
            last = max(last, min(m - 1, PINNED_REACH * max(n - 1, 1)))
            top = max(top, min(float(np.max(other.objective[:m])), 2 * top))
            low = min(low, float(np.min(other.objective[:m])))
        x_lo, x_hi = padded(0.0, float(last), 0.02)
        if log:
            low = max(low, float(np.min(run.objective[:n])) * 1e-3)
            y_lo, y_hi = padded(scale(low), scale(top), 0.05)
        else:
            y_lo, y_hi = padded(min(low, 0.0), top, 0.04)
        return x_lo, x_hi, y_lo, y_hi

    def current_points(self) -> tuple[Any, Any]:
        """The current iterate (k, objective), in the axis's scale."""
        run = self.vm.run
        k = self.current_index()
        f = float(run.objective[k])
        y = float(np.log10(f)) if self.log_scale and f > 0 else f
        return np.asarray([float(k)]), np.asarray([y])

    def _update_log_box(self, runs: list[Run]) -> None:
        """Enable the log toggle only when every objective value drawn is > 0."""
        zero = next(((i, int(np.argmax(r.objective <= 0))) for i, r in enumerate(runs)
                     if np.any(r.objective <= 0)), None)
        self.log_box.blockSignals(True)
        if zero is None:
            self.log_box.setEnabled(True)
            self.log_box.setChecked(self._log_wanted)
            if self.log_box.toolTip() != log_tip():  # (a new tip is an event to the box)
                self.log_box.setToolTip(log_tip())
        else:
            i, k = zero
            which = tr("this run") if i == 0 else tr("the pinned run {label}").format(
                label=self.vm.pinned[i - 1].label)
            self.log_box.setEnabled(False)
            self.log_box.setChecked(False)
            self.log_box.setToolTip(tr(
                "Log scale needs an objective > 0, but {which} reaches 0 at k = {k} "
                "(an exact fit).").format(which=which, k=k))
        self.log_box.blockSignals(False)

    def _rows_in_view(self, run: Run, log: bool) -> int:
        """The rows of this run the iteration axis spans: all of them on a log axis, else its
        interesting ones; while stepping, those up to k (widened once k passes them, and for
        the first steps of a long run only :func:`stepping_rows`: not a dot at the edge of
        10,000)."""
        if log:
            return int(run.params.shape[0])
        rows = interesting_rows(run)
        if self.vm.stepping:
            k = self.current_index()
            if k >= rows:  # stepped past the view: widen it
                return min(readable_rows(run), int(1.5 * k) + 2)
            return min(rows, stepping_rows(k))
        return rows

    def _draw_current(self) -> None:
        """Move the vertical line and the marker to the current iteration k."""
        if not self.log_scale and self._rows_in_view(self.vm.run, False) != self._view_rows:
            self._redraw()
            return
        self._move_marker()
        self._mark_off_plot()

    def _move_marker(self) -> None:
        run = self.vm.run
        k = self.current_index()
        self._draw_so_far()
        self.mark_current_drawn(run, k)
        self.current_line.setValue(k)
        self.marker.setData([k], [run.objective[k]])

    def _mark_off_plot(self, placed: bool = False) -> None:
        """Say so when the current iterate lies outside the view; keep the legend off it
        (unless ``placed``: the legend is about to be placed)."""
        run = self.vm.run
        k = self.current_index()
        x, y = self.current_points()
        if self.log_scale:
            hint = ""
        elif run.status != "diverged" and k >= self._view_rows:
            hint = tr(" (the flat tail is left out: log scale shows all)")
        else:
            hint = tr(" (try log scale)")
        self.show_off_plot(k, (float(x[0]), float(y[0])), tr("objective {f}").format(
            f=f"{float(run.objective[k]):.4g}"), hint)

        if not placed:
            self.keep_current_visible()


def short_labels(name: str, short: str, test: str, log: str) -> tuple[str, ...]:
    """The objective axis's shorter labels, longest first, for a plot too short for its
    full one whole: the short name ("objective", "cost E") with the test cost and the log
    scale, then with the log scale, then alone (the title and legend say the rest)."""
    full = name + test + log
    forms = (short + test + log, short + log, short)
    return tuple(form for form in dict.fromkeys(forms) if form != full)
