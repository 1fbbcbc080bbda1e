"""The main window: the lecture note's Excel session, made live.

Layout (left to right): the settings, compare and data panels; the iteration grid under the
status line; the cost curve (with the tangent at the current iterate) above the objective per
iteration. Everything reads from and writes to one :class:`RunViewModel`; the window itself
only arranges the widgets, the stepping toolbar, the menus and the session autosave.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gdapp.core import Run
from gdapp.gui.controls import ControlsPanel, PinnedRunsPanel
from gdapp.gui.data_editor import DataEditor
from gdapp.gui.data_plot import DataPlot
from gdapp.gui.files import FileActions
from gdapp.gui.i18n import tr
from gdapp.gui.lesson_panel import LessonPanel, show_scene
from gdapp.gui.lessons import scenes
from gdapp.gui.plots import CostCurvePlot, ObjectivePlot
from gdapp.gui.run_hints import never_settles_hint
from gdapp.gui.settings_store import SessionStore
from gdapp.gui.step_text import describe_step
from gdapp.gui.table_model import IterationTableView
from gdapp.gui.viewmodel import RunViewModel, default_spec, describe_busy

WARNING_STYLE = "color: #b00020; font-weight: bold;"
#: The smallest a plot (and the grid) can be made with the dividers.
PLOT_MIN_WIDTH, PLOT_MIN_HEIGHT = 220, 150
GRID_MIN_WIDTH = 180
#: Classroom mode's size of fonts and lines, and the largest size Ctrl+= reaches.
CLASSROOM_ZOOM = 1.5
MAX_ZOOM = 2.5
TITLE = "gdapp — gradient descent, the way the note did it in Excel"


def _g(v: float) -> str:
    return f"{v:.10g}"


def describe_status(run: Run, k: int) -> tuple[str, str]:
    """The status line for iterate ``k`` of ``run``: (information, warning or "").

    The information says how the run ended, where the exact optimum is and how far
    iterate k is from it; the warning appears when η is at or past the stability limit
    2/E'' (the note's η = 0.4 lesson).
    """
    spec = run.spec
    names = spec.param_names
    if run.status == "converged":
        ending = f"converged at k = {run.converged_at}"
    elif run.status == "diverged":
        ending = f"diverged at k = {run.diverged_at}"
    else:
        ending = f"stopped at max iterations ({spec.max_iterations:,}) without converging"
    parts = [ending]
    opt = run.optimum
    warning = ""
    if opt.params is not None:
        where = ", ".join(f"{n}* = {_g(v)}" for n, v in zip(names, opt.params, strict=True))
        value = f", objective {_g(opt.objective)}" if opt.objective is not None else ""
        distance = math.dist(run.params[k], opt.params)
        parts.append(f"exact optimum {where}{value} ({opt.method}); "
                     f"distance from k = {k}: {distance:.3g}")
        warning = _stalled_warning(run)
    if opt.note:
        parts.append(opt.note)
    limit = run.stability_limit
    eta = spec.learning_rate
    if limit is not None:
        parts.append(f"stable for η < 2/E'' = {limit:.6g}")
        if math.isclose(eta, limit, rel_tol=1e-9):
            warning = (f"η = {eta:g} sits on the stability limit {limit:.6g}: "
                       "the iterates bounce back and forth for ever")
        elif eta > limit:
            warning = (f"η = {eta:g} ≥ the stability limit {limit:.6g}: each step overshoots "
                       "further, the descent diverges")
    return " · ".join(parts), warning or never_settles_hint(run)


def _stalled_warning(run: Run) -> str:
    """A warning when the stopping rule ended a run far from the exact optimum."""
    left = run.stopped_short
    if left is None:
        return ""
    return (f"converged only by the stopping rule: every step was below the tolerance "
            f"{run.spec.tolerance:g}, yet the last iterate is still {left:.3g} from the "
            f"optimum (η = {run.spec.learning_rate:g} is too small, or the tolerance too large)")


class MainWindow(QMainWindow):
    """The desktop window over one view-model.

    Parameters
    ----------
    vm : RunViewModel, optional
        The view-model (a fresh one on the document example when None).
    store : SessionStore, optional
        Where settings and data are saved on every change and on close (None: not saved).
    """

    def __init__(self, vm: RunViewModel | None = None, *, store: SessionStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm if vm is not None else RunViewModel(parent=self)
        self.store = store
        self.zoom = 1.0
        self._base_font = QFont(self.font())
        self.setWindowTitle(TITLE)
        self.resize(1280, 800)

        self.controls = ControlsPanel(self.vm)
        self.pins = PinnedRunsPanel(self.vm)
        self.data_editor = DataEditor(self.vm)
        self.grid = IterationTableView(self.vm)
        self.grid.fit_to_width = True
        self.cost_plot = CostCurvePlot(self.vm)
        self.objective_plot = ObjectivePlot(self.vm)
        self.data_plot = DataPlot(self.vm)
        self.lesson = LessonPanel()
        self.lesson.closed.connect(self._lesson_closed)
        self.step_label = QLabel()
        self.step_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step_label.setToolTip(tr("The arithmetic of the next update, with its numbers"))
        self.step_label.setStyleSheet("background: #f4f7fb; padding: 3px;")
        self.step_label.setWordWrap(True)  # a long line wraps instead of widening the pane
        self.files = FileActions(self.vm, self)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self._build_layout()

        self.play_timer = QTimer(self)
        self.play_timer.timeout.connect(self._play_tick)
        self._build_actions()

        self.vm.currentChanged.connect(self._show_status)  # also follows every new run
        self.vm.busyChanged.connect(self._show_status)  # "computing…" while a large run runs
        self.statusBar().setSizeGripEnabled(True)  # there from the start: no layout jump later
        self.vm.errorOccurred.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.vm.pinRefused.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.vm.startMoved.connect(lambda m: self.statusBar().showMessage(m, 15000))
        self.data_editor.messageShown.connect(self._show_data_message)
        # after Return in a box, the keys go back to the window: Space steps, End runs to end
        for box in (self.controls.eta, self.controls.lam, self.controls.max_iterations,
                    self.controls.tolerance, self.controls.start_b0, self.controls.start_b1):
            box.lineEdit().returnPressed.connect(lambda b=box: self._leave_box(b))
            box.refused.connect(lambda _m, b=box: setattr(self, "_refused_box", b))
        self._refused_box: QWidget | None = None
        self.vm.specChanged.connect(self.save_session)
        self.files.exported.connect(
            lambda p: self.statusBar().showMessage(f"Exported {p}", 10000))
        self.files.exported.connect(lambda _p: self.spreadsheet_action.setEnabled(True))
        self.files.exported.connect(lambda _p: self.save_session())  # the export folder
        self.files.opened.connect(
            lambda p: self.statusBar().showMessage(f"Opened {p}", 10000))
        self.files.failed.connect(lambda m: self.statusBar().showMessage(m, 10000))
        self._show_status()

    # ---- layout ------------------------------------------------------------------------
    def _build_layout(self) -> None:
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 4, 4, 4)
        side_layout.addWidget(self.controls)
        side_layout.addWidget(self.pins)
        data_label = QLabel("<b>Data</b> (x, y)")
        side_layout.addWidget(data_label)
        side_layout.addWidget(self.data_editor, 1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # never narrower than what the panel needs (plus a vertical scroll bar), so nothing
        # in it is cut off; a horizontal bar appears only if the panel ever outgrows that
        bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        scroll.setMinimumWidth(side.minimumSizeHint().width() + bar)

        numbers = QWidget()
        numbers_layout = QVBoxLayout(numbers)
        numbers_layout.setContentsMargins(4, 4, 4, 0)
        numbers_layout.addWidget(self.status_label)
        numbers_layout.addWidget(self.warning_label)
        numbers_layout.addWidget(self.step_label)
        numbers_layout.addWidget(self.grid, 1)
        # the numbers above, the data and the line of iterate k below
        self.middle = QSplitter(Qt.Orientation.Vertical)
        self.middle.addWidget(numbers)
        self.middle.addWidget(self.data_plot)
        self.middle.setChildrenCollapsible(False)
        self.middle.setSizes([400, 300])

        self.plots = QSplitter(Qt.Orientation.Vertical)
        self.plots.addWidget(self.cost_plot)
        self.plots.addWidget(self.objective_plot)
        self.plots.setChildrenCollapsible(False)
        self.plots.setSizes([440, 260])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(2)
        right_layout.addWidget(self.lesson)
        right_layout.addWidget(self.plots, 1)
        for plot in (self.cost_plot, self.objective_plot, self.data_plot):
            plot.setMinimumSize(PLOT_MIN_WIDTH, PLOT_MIN_HEIGHT)
        self.grid.setMinimumWidth(GRID_MIN_WIDTH)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.middle)
        self.splitter.addWidget(right)
        # no pane can be dragged shut or pushed off the window
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([scroll.minimumWidth(), 430, 1280 - 430 - scroll.minimumWidth()])
        self.setCentralWidget(self.splitter)
        self.side_scroll = scroll
        #: until the user drags a divider, the panes share the width by :meth:`_share_width`
        self.splitter_moved_by_user = False
        self.splitter.splitterMoved.connect(
            lambda *_: setattr(self, "splitter_moved_by_user", True))

    def _share_width(self) -> None:
        """The settings at their width; of the rest 45 % to the numbers and the data plot
        (at least 350 px, so a penalty run's columns fit at 1024 px), the rest to the plots."""
        side = self.side_scroll.minimumWidth()
        rest = self.splitter.width() - side - 2 * self.splitter.handleWidth()
        if rest <= 0:
            return
        middle = max(int(0.45 * rest), min(350, rest - PLOT_MIN_WIDTH))
        blocker = QSignalBlocker(self.splitter)
        self.splitter.setSizes([side, middle, rest - middle])
        del blocker

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.splitter_moved_by_user:
            self._share_width()

    def _action(self, text: str, slot: Any,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(tip or text)
        action.setStatusTip(tip or text)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        f = self.files
        self.export_action = self._action("Export workbook…", lambda: f.export_workbook(),
                                          "Ctrl+E", "Save this run as a live-formula .xlsx")
        self.open_action = self._action("Open workbook…", lambda: f.open_workbook(),
                                        QKeySequence.StandardKey.Open,
                                        "Load the settings and data of a gdapp workbook")
        self.spreadsheet_action = self._action(
            "Open in spreadsheet", f.open_in_spreadsheet,
            tip="Open the last exported workbook in your spreadsheet program")
        self.verify_action = self._action(
            "Verify workbook…", lambda: f.verify_workbook(),
            tip="Recalculate a workbook in LibreOffice and compare it with gdapp")
        self.export_cost_plot_action = self._action(
            "Export cost plot…", lambda: f.export_plot(self.cost_plot),
            tip="Save the cost curve as PNG or SVG")
        self.export_objective_plot_action = self._action(
            "Export objective plot…", lambda: f.export_plot(self.objective_plot),
            tip="Save the objective per iteration as PNG or SVG")
        self.spreadsheet_action.setEnabled(False)  # until a workbook has been exported
        quit_action = self._action("Quit", self.close, QKeySequence.StandardKey.Quit)

        self.step_action = self._action("Step", self.step, "Space", "One update forward (Space)")
        self.step_back_action = self._action("Step back", self.step_back, "Shift+Space",
                                             "One update back (Shift+Space)")
        self.play_action = self._action("Play", self.toggle_play, "F5",
                                        "Play the updates one after another (F5)")
        self.play_action.setCheckable(True)
        self.reset_action = self._action("Reset", self.reset, "Home", "Back to the start k = 0")
        self.run_to_end_action = self._action("Run to end", self.run_to_end, "End",
                                              "Jump to the last iterate")
        self.pin_action = self._action("Pin run", self.vm.pin_current, "Ctrl+P",
                                       "Keep this run on the plots for comparison")
        self.speed = QSpinBox()
        self.speed.setRange(1, 10_000)
        self.speed.setValue(20)
        self.speed.setSuffix(" updates/s")
        self.speed.setToolTip("Play speed")
        self.speed.valueChanged.connect(self._apply_speed)

        menu = self.menuBar().addMenu("&File")
        for a in (self.open_action, self.export_action, self.spreadsheet_action,
                  self.verify_action, None, self.export_cost_plot_action,
                  self.export_objective_plot_action, None, quit_action):
            menu.addSeparator() if a is None else menu.addAction(a)
        run_menu = self.menuBar().addMenu("&Run")
        for a in (self.step_action, self.step_back_action, self.play_action,
                  self.reset_action, self.run_to_end_action, None, self.pin_action):
            run_menu.addSeparator() if a is None else run_menu.addAction(a)

        self.note_run_action = self._action(
            tr("The note's run"), self.back_to_note_run, "Ctrl+Shift+H",
            tr("Back to the note's example: x = 1, 2; y = 2, 6; MSE; η = 0.01 from b1 = 15"))
        lesson_menu = self.menuBar().addMenu(tr("&Lesson"))
        self.scene_actions: list[QAction] = []
        for i, scene in enumerate(scenes()):
            action = self._action(scene.title, lambda _c=False, i=i: self.show_scene(i))
            action.setCheckable(True)
            self.scene_actions.append(action)
            lesson_menu.addAction(action)
        lesson_menu.addSeparator()
        self.next_scene_action = self._action(tr("Next scene"), lambda: self.step_scene(1),
                                              "PgDown", tr("The lesson's next scene (PgDn)"))
        self.previous_scene_action = self._action(
            tr("Previous scene"), lambda: self.step_scene(-1), "PgUp",
            tr("The lesson's previous scene (PgUp)"))
        for a in (self.next_scene_action, self.previous_scene_action, None,
                  self.note_run_action):
            lesson_menu.addSeparator() if a is None else lesson_menu.addAction(a)
        self.view_menu = self.menuBar().addMenu(tr("&View"))
        self.reset_views_action = self._action(
            tr("Reset plot views"), self.reset_plot_views, "Ctrl+0",
            tr("Undo zooming and panning in the plots"))
        self.classroom_action = self._action(
            tr("Classroom mode"), lambda on: self.set_zoom(CLASSROOM_ZOOM if on else 1.0),
            "Ctrl+Shift+M", tr("Larger fonts and thicker lines for a projector"))
        self.classroom_action.setCheckable(True)
        self.larger_action = self._action(tr("Larger"), lambda: self.set_zoom(self.zoom + 0.25),
                                          tip=tr("Larger fonts and lines (Ctrl+=)"))
        # (one sequence once: a duplicate makes Qt call the shortcut ambiguous)
        self.larger_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.smaller_action = self._action(tr("Smaller"), lambda: self.set_zoom(self.zoom - 0.25),
                                           tip=tr("Smaller fonts and lines (Ctrl+−)"))
        self.smaller_action.setShortcuts([QKeySequence("Ctrl+-")])
        for a in (self.classroom_action, self.larger_action, self.smaller_action, None,
                  self.reset_views_action):
            self.view_menu.addSeparator() if a is None else self.view_menu.addAction(a)
        help_menu = self.menuBar().addMenu(tr("&Help"))
        self.about_action = self._action(tr("About gdapp"), self.show_about,
                                         tip=tr("What gdapp is and where its example comes from"))
        help_menu.addAction(self.about_action)

        bar = QToolBar("Main")
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        for a in (self.open_action, self.export_action, self.verify_action, None,
                  self.reset_action, self.step_back_action, self.step_action, self.play_action):
            bar.addSeparator() if a is None else bar.addAction(a)
        bar.addWidget(self.speed)
        for a in (self.run_to_end_action, None, self.pin_action, None, self.note_run_action):
            bar.addSeparator() if a is None else bar.addAction(a)
        self.addToolBar(bar)
        self.toolbar = bar

    # ---- stepping ----------------------------------------------------------------------
    def step(self) -> None:
        """One update forward (stays at the last iterate)."""
        self.vm.stepping = True
        self.vm.set_current(self.vm.current + 1)

    def step_back(self) -> None:
        """One update back (stays at k = 0)."""
        self.vm.stepping = True
        self.vm.set_current(self.vm.current - 1)

    def reset(self) -> None:
        """Back to the start, k = 0."""
        self.stop_play()
        self.vm.stepping = True
        self.vm.set_current(0)

    def run_to_end(self) -> None:
        """To the last iterate; new runs show their end again."""
        self.stop_play()
        self.vm.stepping = False
        self.vm.set_current(self.vm.run.iterations)

    def toggle_play(self) -> None:
        """Start or pause playing the updates at the chosen speed."""
        if self.play_timer.isActive():
            self.stop_play()
            return
        self.vm.stepping = True
        if self.vm.current >= self.vm.run.iterations:
            self.vm.set_current(0)
        self._apply_speed()
        self.play_timer.start()
        self.play_action.setChecked(True)
        self.play_action.setText("Pause")

    def stop_play(self) -> None:
        """Pause playing."""
        self.play_timer.stop()
        self.play_action.setChecked(False)
        self.play_action.setText("Play")

    def _apply_speed(self) -> None:
        # At most ~60 ticks a second; faster speeds take several updates per tick.
        rate = self.speed.value()
        self.play_timer.setInterval(max(16, round(1000 / rate)))

    def _play_tick(self) -> None:
        per_tick = max(1, round(self.speed.value() * self.play_timer.interval() / 1000))
        if self.vm.current >= self.vm.run.iterations:
            self.stop_play()
            return
        self.vm.set_current(self.vm.current + per_tick)

    def _leave_box(self, box: QWidget) -> None:
        """After Return: focus to the grid, unless the box refused its text (then the
        learner fixes it where it is)."""
        refused, self._refused_box = self._refused_box, None
        if refused is not box:
            self.grid.setFocus()

    def _show_data_message(self, text: str) -> None:
        """A message of the data panel: scrolled into view, and on the status bar."""
        self.side_scroll.ensureWidgetVisible(self.data_editor.message)
        self.statusBar().showMessage(text, 10000)

    # ---- the lesson ----------------------------------------------------------------------
    def show_scene(self, index: int) -> None:
        """Show the lesson's scene ``index``: its runs, its iterate and its paragraph."""
        self.stop_play()
        scene = self.lesson.show_index(index)
        for i, action in enumerate(self.scene_actions):
            action.setChecked(i == index)
        show_scene(self.vm, scene)
        self.grid.setFocus()  # Space steps at once

    def step_scene(self, delta: int) -> None:
        """The next (delta = 1) or previous (−1) scene; the first one when none is shown."""
        count = len(self.scene_actions)
        index = 0 if self.lesson.index < 0 else self.lesson.index + delta
        self.show_scene(max(0, min(index, count - 1)))

    def _lesson_closed(self) -> None:
        for action in self.scene_actions:
            action.setChecked(False)

    def back_to_note_run(self) -> None:
        """The note's run, as the window opens on it: its data, settings and start, at the end
        of the descent, nothing pinned."""
        self.stop_play()
        self.vm.clear_pins()
        self.vm.stepping = False
        self.vm.set_spec(default_spec())
        self.data_editor.show_dataset(self.vm.spec.data)
        self.vm.set_current(self.vm.run.iterations)
        self.statusBar().showMessage(tr("Back to the note's run: η = 0.01 from b1 = 15 on "
                                        "(1, 2), (2, 6)."), 8000)

    def show_about(self) -> QMessageBox:
        """Help ▸ About: what gdapp is and where the note's example comes from."""
        box = QMessageBox(QMessageBox.Icon.Information, tr("About gdapp"), tr(
            "<b>gdapp</b> — gradient descent, the way a lecture note did it in Excel."
            "<p>The example is a Korean lecture note on cost functions, gradient descent and "
            "L1/L2 regularization (after a deep-learning workshop of Yonsei University's "
            "Center for Digital Social Science): two samples (1, 2) and (2, 6), the model "
            "ŷ = b1·x, the cost E = 2.5·b1² − 14·b1 + 20, and the update "
            "b1 ← b1 − η·∂E/∂b1 from b1 = 15 (14.39, 13.8105, … → 2.8 at η = 0.01).</p>"
            "<p>gdapp computes the same on that example or on your own data, shows every "
            "iteration, and exports each run as a workbook of live formulas that it checks "
            "by recalculating it in LibreOffice.</p>"), QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.show()
        self.about_box = box
        return box

    def set_zoom(self, zoom: float) -> None:
        """Fonts and lines at ``zoom`` times their size (1 to ``MAX_ZOOM``; classroom mode is
        ``CLASSROOM_ZOOM``); remembered in the session."""
        zoom = max(1.0, min(float(zoom), MAX_ZOOM))
        self.classroom_action.setChecked(zoom > 1.0)
        if zoom == self.zoom:
            return
        self.zoom = zoom
        font = QFont(self._base_font)
        font.setPointSizeF(self._base_font.pointSizeF() * zoom)
        self.setFont(font)
        # widgets with a style sheet do not follow their parent's font
        for label in (self.step_label, self.warning_label, self.lesson.title, self.lesson.text,
                      self.lesson.hint, self.data_editor.message, self.controls.message):
            label.setFont(font)
        side = self.side_scroll.widget()
        bar = self.side_scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        if side is not None:
            self.side_scroll.setMinimumWidth(side.minimumSizeHint().width() + bar)
        self.grid.set_scale(zoom)
        for plot in (self.cost_plot, self.objective_plot, self.data_plot):
            plot.set_scale(zoom)
        if not self.splitter_moved_by_user:
            self._share_width()
        self.save_session()

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area (a large QT_SCALE_FACTOR makes 1280×800
        logical pixels more than the screen holds); moved onto it."""
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        frame = self.frameGeometry()
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        width = min(self.width(), free.width() - extra_w)
        height = min(self.height(), free.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, 200), max(height, 200))
        frame = self.frameGeometry()
        x = min(max(frame.x(), free.x()), free.right() - frame.width() + 1)
        y = min(max(frame.y(), free.y()), free.bottom() - frame.height() + 1)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def reset_plot_views(self) -> None:
        """Every plot back to the view it chose itself (after wheel zooming or panning)."""
        for plot in (self.cost_plot, self.objective_plot, self.data_plot):
            plot.reset_view()

    # ---- status ------------------------------------------------------------------------
    def _show_status(self, *_: object) -> None:
        info, warning = describe_status(self.vm.run, self.vm.current)
        pending = self.vm.pending_spec
        if pending is not None:
            info = f"{describe_busy(pending)} — {info}"
        self.status_label.setText(info)
        self.warning_label.setText(warning)
        self.warning_label.setVisible(bool(warning))
        self.step_label.setText("\n".join(
            describe_step(self.vm.run, self.vm.current, self.vm.objective)))

    # ---- session -----------------------------------------------------------------------
    def window_state(self) -> dict[str, Any]:
        """The geometry, splitter sizes and last export folder, as JSON values."""
        state: dict[str, Any] = {
            "geometry": bytes(self.saveGeometry().toHex().data()).decode("ascii"),
            "splitter": self.splitter.sizes(), "splitter_moved": self.splitter_moved_by_user,
            "zoom": self.zoom, "speed": self.speed.value()}
        if self.files.export_folder is not None:
            state["export_folder"] = str(self.files.export_folder)
        return state

    def restore_window_state(self, state: dict[str, Any]) -> None:
        """Apply :meth:`window_state`'s output (ignoring anything malformed)."""
        geometry = state.get("geometry")
        if isinstance(geometry, str):
            self.restoreGeometry(QByteArray.fromHex(geometry.encode("ascii")))
        sizes = state.get("splitter")
        if isinstance(sizes, list) and all(isinstance(s, int) and s >= 0 for s in sizes):
            self.splitter.setSizes(sizes)
            self.splitter_moved_by_user = bool(state.get("splitter_moved", False))
        zoom = state.get("zoom")
        if isinstance(zoom, int | float) and not isinstance(zoom, bool) and 1 <= zoom <= MAX_ZOOM:
            self.set_zoom(float(zoom))
        speed = state.get("speed")
        if isinstance(speed, int) and not isinstance(speed, bool):
            self.speed.setValue(speed)  # clamped to the box's range
        folder = state.get("export_folder")
        if isinstance(folder, str) and folder and Path(folder).is_dir():
            self.files.export_folder = Path(folder)

    def save_session(self) -> None:
        """Write the settings and data to the session file (on every change)."""
        if self.store is None:
            return
        problem = self.store.save(self.vm.pending_spec or self.vm.spec, self.window_state())
        if problem:
            self.statusBar().showMessage(problem, 10000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_play()
        self.files.cancel()
        self.data_editor.stop_import()
        self.save_session()  # a run still computing is saved as the one asked for
        self.vm.stop_computation()
        super().closeEvent(event)
