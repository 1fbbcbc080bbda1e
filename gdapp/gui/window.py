"""The main window: the lecture note's Excel session, made live.

Layout (left to right): the settings, compare and data panels; the iteration grid under the
status line; the cost curve (with the tangent at the current iterate) above the objective per
iteration. Everything reads from and writes to one :class:`RunViewModel`; the window itself
only arranges the widgets, the stepping toolbar, the menus and the session autosave.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gdapp.gui.accents import set_label_text
from gdapp.gui.classroom import (
    NORMAL_STATUS_LINES,
    arrange_toolbars,
    fold_data_view,
    keep_grid_rows,
    path_dock_height,
)
from gdapp.gui.classroom import STEP_LINES as CLASSROOM_STEP_LINES
from gdapp.gui.controls import ControlsPanel, PinnedRunsPanel
from gdapp.gui.cost_slice import CostSlicePlot, OneFeatureCostPlot
from gdapp.gui.data_editor import DataEditor
from gdapp.gui.data_plot import DataPlot
from gdapp.gui.files import FileActions
from gdapp.gui.fitted_label import FittedLabel
from gdapp.gui.gradient_check_view import check_action
from gdapp.gui.grid_frame import WholeRows
from gdapp.gui.i18n import tr
from gdapp.gui.label_host import HeightCachedLabel, LabelHost, LabelScrollArea
from gdapp.gui.lesson_panel import LessonPanel
from gdapp.gui.on_demand import PLOT_MIN_HEIGHT, PLOT_MIN_WIDTH, OnDemandPlots, OnDemandStack
from gdapp.gui.path_dock import add_path_dock
from gdapp.gui.path_plot import RegularizationPathPlot
from gdapp.gui.plot_base import RunPlotWidget
from gdapp.gui.plot_room import PlotRoom
from gdapp.gui.plots import ObjectivePlot
from gdapp.gui.polynomial_view import DataViews, PolynomialPlot
from gdapp.gui.settings_store import SessionStore
from gdapp.gui.status_text import describe_status as describe_status  # re-exported
from gdapp.gui.status_text import status_texts
from gdapp.gui.step_room import classroom_step_height, make_room_for_step, normal_step_height
from gdapp.gui.step_text import describe_step
from gdapp.gui.step_window import add_step_window
from gdapp.gui.stepping import SteppingActions
from gdapp.gui.table_model import IterationTableView
from gdapp.gui.teaching_actions import CLASSROOM_ZOOM as CLASSROOM_ZOOM  # re-exported
from gdapp.gui.teaching_actions import MAX_ZOOM, TeachingActions
from gdapp.gui.viewmodel import RunViewModel, describe_busy

WARNING_STYLE = "color: #b00020; font-weight: bold;"
#: The smallest the grid can be made with the dividers (a plot: gdapp.gui.on_demand).
GRID_MIN_WIDTH = 180
#: Lines of the step text shown at once for several features or an optimizer's worked
#: arithmetic (the rest scrolls).
STEP_LINES = 8
#: Lines the frame may take to show the update's result (of its first parameter) whole.
STEP_ROOM = 18
#: Lines of the status line, and of its warning, at most (a longer one ends in "…").
STATUS_LINES = NORMAL_STATUS_LINES
def window_title() -> str:
    """The window's title, in the window's language."""
    return tr("gdapp — gradient descent, the way the note did it in Excel")


class MainWindow(SteppingActions, TeachingActions, OnDemandPlots, QMainWindow):
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
        #: the language chosen in View ▸ Language, kept in the session (None: the system's)
        self.language_choice: str | None = None
        self.zoom = 1.0
        self._base_font = QFont(self.font())
        self.setWindowTitle(window_title())
        self.resize(1280, 800)

        self.controls = ControlsPanel(self.vm)
        self.pins = PinnedRunsPanel(self.vm)
        self.data_editor = DataEditor(self.vm)
        self.grid = IterationTableView(self.vm)
        self.grid.fit_to_width = True
        self.cost_plot = OneFeatureCostPlot(self.vm)
        self.objective_plot = ObjectivePlot(self.vm)
        self.data_plot = DataPlot(self.vm)
        self.lesson = LessonPanel()
        self.lesson.closed.connect(self._lesson_closed)
        self.step_label = HeightCachedLabel()  # asked its height often: remembers it
        self.step_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step_label.setToolTip(tr("The arithmetic of the next update, with its numbers"))
        self.step_label.setStyleSheet("background: #f4f7fb; padding: 3px;")
        self.step_label.setWordWrap(True)  # a long line wraps instead of widening the pane
        self.files = FileActions(self.vm, self)
        # a long one ends in "…" (tooltip: all); a line more where what the lessons point at
        self.status_label = FittedLabel(STATUS_LINES, spare_lines=1)  # needs it
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning_label = FittedLabel(STATUS_LINES)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self._build_layout()

        self.play_timer = QTimer(self)
        self.play_timer.timeout.connect(self._play_tick)
        self._build_actions()
        self.path_dock = add_path_dock(self)  # View ▸ Regularization path
        self.plot_room = PlotRoom(self)  # every plot's view readable as the panes change

        self.vm.currentChanged.connect(self._show_status)  # also follows every new run
        self.vm.busyChanged.connect(self._show_status)  # "computing…" while a large run runs
        self.step_window = add_step_window(self)  # the whole update, for a class (after ↑)
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
            box.valueChanged.connect(lambda _v: setattr(self, "_refused_box", None))
        self._refused_box: QWidget | None = None
        self.vm.specChanged.connect(self.save_session)
        self.files.exported.connect(
            lambda p: self.statusBar().showMessage(tr("Exported {path}").format(path=p), 10000))
        self.files.exported.connect(lambda _p: self.spreadsheet_action.setEnabled(True))
        self.files.exported.connect(lambda _p: self.save_session())  # the export folder
        self.files.opened.connect(
            lambda p: self.statusBar().showMessage(tr("Opened {path}").format(path=p), 10000))
        self.files.failed.connect(lambda m: self.statusBar().showMessage(m, 10000))
        self._show_status()

    # ---- layout ------------------------------------------------------------------------
    def _build_layout(self) -> None:
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 4, 4, 4)
        side_layout.addWidget(self.controls)
        side_layout.addWidget(self.pins)
        self.data_label = QLabel(tr("<b>Data</b> (x, y)"))
        side_layout.addWidget(self.data_label)
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
        # a new status or step text re-lays out the window only when its size changes
        numbers_layout.addWidget(LabelHost(self.status_label))
        numbers_layout.addWidget(LabelHost(self.warning_label))
        self.step_host = LabelHost(self.step_label)
        numbers_layout.addWidget(self.step_host)
        # several features: the step text (two lines per parameter) scrolls in a frame
        self.step_scroll = LabelScrollArea()
        self.step_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.step_scroll.setWidgetResizable(True)
        self.step_scroll.hide()
        self.step_scroll.widthChanged.connect(  # the text wraps anew (classroom: its own)
            lambda: None if getattr(self, "classroom_layout", False) else self._fit_step_frame())
        numbers_layout.addWidget(self.step_scroll)
        self.grid_frame = WholeRows(self.grid)  # no half row at the top at a run's end
        numbers_layout.addWidget(self.grid_frame, 1)
        self._numbers_layout = numbers_layout
        # the numbers above, the data and the line of iterate k below
        self.middle = QSplitter(Qt.Orientation.Vertical)
        self.middle.addWidget(numbers)
        # several features: the cost along one parameter; a polynomial or held-out samples:
        # a curve of one x (each built when first needed, gdapp.gui.on_demand)
        self.data_plots = DataViews(self.vm, self.data_plot, lambda: PolynomialPlot(self.vm))
        self.data_plots.pageBuilt.connect(self.adopt_plot)
        self.middle.addWidget(self.data_plots)
        self.middle.setChildrenCollapsible(False)
        self.middle.setSizes([400, 300])

        self.plots = QSplitter(Qt.Orientation.Vertical)
        self.cost_plots = OnDemandStack()
        self.cost_plots.add_page(self.cost_plot)
        self.cost_plots.add_page(lambda: CostSlicePlot(self.vm))
        self.cost_plots.pageBuilt.connect(self.adopt_plot)
        self.vm.runChanged.connect(self._show_cost_plot)
        self._show_cost_plot()
        self.plots.addWidget(self.cost_plots)
        self.plots.addWidget(self.objective_plot)
        self.plots.setChildrenCollapsible(False)
        self.plots.setSizes([440, 260])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(2)
        right_layout.addWidget(self.lesson)
        self.lesson.follow(right)  # a long paragraph scrolls: the plots keep their room
        right_layout.addWidget(self.plots, 1)
        for plot in self.built_plots():
            plot.setMinimumSize(PLOT_MIN_WIDTH, PLOT_MIN_HEIGHT)
        self.grid.setMinimumWidth(GRID_MIN_WIDTH)
        keep_grid_rows(self)

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

    def shown_cost_plot(self) -> RunPlotWidget:
        """The cost plot in view: the curve or map of one feature, else the slice."""
        return self.cost_slice if self.vm.run.spec.data.p > 1 else self.cost_plot

    def _show_cost_plot(self) -> None:
        """The cost plot for this many features, and the step text in its frame."""
        self.cost_plots.setCurrentWidget(self.shown_cost_plot())
        several = self.vm.run.spec.data.p > 1
        self.data_label.setText(tr("<b>Data</b> (x1 … x{p}, y)").format(
            p=self.vm.run.spec.data.p) if several else tr("<b>Data</b> (x, y)"))
        # several features, or a rule's worked arithmetic (Adam's m, v…), or any step in
        # classroom mode (its large lines wrap): the text scrolls in a frame of a few lines
        several = several or not self.vm.run.spec.plain_descent or self.zoom > 1.0
        self._fit_step_frame()
        if several == (self.step_scroll.widget() is self.step_label):
            return
        if several:
            self.step_host.release()
            self.step_host.hide()
            self.step_scroll.setWidget(self.step_label)
        else:
            self.step_scroll.takeWidget()
            self.step_host.hold(self.step_label)
            self.step_host.show()
        align = Qt.AlignmentFlag
        self.step_label.setAlignment(align.AlignTop if several
                                     else align.AlignLeft | align.AlignVCenter)
        self.step_label.show()
        self.step_scroll.setVisible(several)

    def _fit_step_frame(self, *_: object) -> None:
        """The step text's frame as high as the text, up to STEP_LINES lines (classroom
        mode: fewer, fewest beside the path dock; with bands, fewest: the grid keeps rows)."""
        spacing = self.step_label.fontMetrics().lineSpacing()  # at the zoom's font size
        dock = getattr(self, "path_dock", None)
        lines = CLASSROOM_STEP_LINES if self.grid.bands else STEP_LINES if self.zoom == 1.0 \
            else CLASSROOM_STEP_LINES if dock is not None and dock.isVisible() else STEP_LINES - 2
        width = self.step_scroll.viewport().width() if self.step_scroll.widget() else 0
        need = self.step_label.heightForWidth(width) + 8 if width > 1 else 10**6
        height = max(spacing + 8, min(lines * spacing + 8, need))
        classroom = getattr(self, "classroom_layout", False)
        if classroom and width > 1:  # the update's result in view (step_room)
            height = classroom_step_height(self, width, height)
        elif self.step_scroll.isVisibleTo(self) and width > 1:  # its (first) result too
            height = normal_step_height(self, width, height, STEP_ROOM * spacing + 8)
        self.step_scroll.setFixedHeight(height)
        if classroom:
            make_room_for_step(self)

    def _share_width(self) -> None:
        """The settings at their width (none when folded away); of the rest 45 % to the
        numbers and the data plot (at least 350 px, so the grid's columns fit at 1024 px),
        the rest to the plots."""
        side = self.side_scroll.minimumWidth() if self.side_scroll.isVisibleTo(self) else 0
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
        if event.size().width() != event.oldSize().width() and hasattr(self, "toolbar"):
            arrange_toolbars(self)
            self._fit_step_frame()

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
        self.export_action = self._action(tr("Export workbook…"), lambda: f.export_workbook(),
                                          "Ctrl+E", tr("Save this run as a live-formula .xlsx"))
        self.open_action = self._action(tr("Open workbook…"), lambda: f.open_workbook(),
                                        QKeySequence.StandardKey.Open,
                                        tr("Load the settings and data of a gdapp workbook"))
        self.spreadsheet_action = self._action(
            tr("Open in spreadsheet"), f.open_in_spreadsheet,
            tip=tr("Open the last exported workbook in your spreadsheet program"))
        self.verify_action = self._action(
            tr("Verify workbook…"), lambda: f.verify_workbook(),
            tip=tr("Recalculate a workbook in LibreOffice and compare it with gdapp"))
        self.export_cost_plot_action = self._action(
            tr("Export cost plot…"), lambda: f.export_plot(self.shown_cost_plot()),
            tip=tr("Save the cost curve as PNG or SVG"))
        self.export_objective_plot_action = self._action(
            tr("Export objective plot…"), lambda: f.export_plot(self.objective_plot),
            tip=tr("Save the objective per iteration as PNG or SVG"))
        self.spreadsheet_action.setEnabled(False)  # until a workbook has been exported
        quit_action = self._action(tr("Quit"), self.close, QKeySequence.StandardKey.Quit)

        self.step_action = self._action(tr("Step"), self.step, "Space",
                                        tr("One update forward (Space)"))
        self.step_back_action = self._action(tr("Step back"), self.step_back, "Shift+Space",
                                             tr("One update back (Shift+Space)"))
        self.play_action = self._action(tr("Play"), self.toggle_play, "F5",
                                        tr("Play the updates one after another (F5)"))
        self.play_action.setCheckable(True)
        self.reset_action = self._action(tr("Reset"), self.reset, "Home",
                                         tr("Back to the start k = 0"))
        self.run_to_end_action = self._action(tr("Run to end"), self.run_to_end, "End",
                                              tr("Jump to the last iterate"))
        self.pin_action = self._action(tr("Pin run"), self.vm.pin_current, "Ctrl+P",
                                       tr("Keep this run on the plots for comparison"))
        self.speed = QSpinBox()
        self.speed.setRange(1, 10_000)
        self.speed.setValue(20)
        self.speed.setSuffix(tr(" updates/s"))
        self.speed.setToolTip(tr("Play speed"))
        self.speed.valueChanged.connect(self._apply_speed)

        menu = self.menuBar().addMenu(tr("&File"))
        for a in (self.open_action, self.export_action, self.spreadsheet_action,
                  self.verify_action, None, self.export_cost_plot_action,
                  self.export_objective_plot_action, None, quit_action):
            menu.addSeparator() if a is None else menu.addAction(a)
        self.check_action = check_action(self)    # the central difference beside ∂E/∂b
        run_menu = self.menuBar().addMenu(tr("&Run"))
        for a in (self.step_action, self.step_back_action, self.play_action,
                  self.reset_action, self.run_to_end_action, None, self.pin_action,
                  self.check_action):
            run_menu.addSeparator() if a is None else run_menu.addAction(a)

        self._build_teaching_actions()

        # files, then stepping: two bars, on two rows in classroom mode (classroom.py)
        self.file_toolbar = QToolBar(tr("Files"))
        self.file_toolbar.setObjectName("file-toolbar")
        self.file_toolbar.setMovable(False)
        for a in (self.open_action, self.export_action, self.verify_action):
            self.file_toolbar.addAction(a)
        self.addToolBar(self.file_toolbar)
        bar = QToolBar(tr("Main"))
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        for a in (self.reset_action, self.step_back_action, self.step_action, self.play_action):
            bar.addAction(a)
        bar.addWidget(self.speed)
        for a in (self.run_to_end_action, None, self.pin_action, None, self.note_run_action):
            bar.addSeparator() if a is None else bar.addAction(a)
        self.addToolBar(bar)
        self.toolbar = bar

    @property
    def path_plot(self) -> RegularizationPathPlot:
        return self.path_dock.plot

    def _size_path_dock(self, shown: bool) -> None:
        fold_data_view(self)  # classroom mode: the dock in the data view's place
        if shown:  # now, and again once the data view's fold is laid out
            self._resize_path_dock()
            QTimer.singleShot(0, self, self._resize_path_dock)

    def _resize_path_dock(self) -> None:
        if self.path_dock.isVisible():
            self.resizeDocks([self.path_dock], [path_dock_height(self)],
                             Qt.Orientation.Vertical)

    # ---- stepping ----------------------------------------------------------------------
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

    # ---- status ------------------------------------------------------------------------
    def _show_status(self, *_: object) -> None:
        pending = self.vm.pending_spec
        status = status_texts(  # the line shown: fewer digits (tooltip: all)
            self.vm.run, self.vm.current, stepping=self.vm.stepping,
            prefix="" if pending is None else f"{describe_busy(pending)} — ")
        self.status_label.set_choices(status.whole, status.shown)
        warning = status.warning
        # touched only when it changes: even an unchanged (hidden) label re-lays out the window
        self.warning_label.set_choices_if_new(warning, status.warning_shown)  # (fewer words)
        if self.warning_label.isHidden() == bool(warning):
            self.warning_label.setVisible(bool(warning))
        set_label_text(self.step_label, "\n".join(  # (Adam's m̂ and v̂ with their hats)
            describe_step(self.vm.run, self.vm.current, self.vm.objective)))
        self._fit_step_frame()

    # ---- session -----------------------------------------------------------------------
    def window_state(self) -> dict[str, Any]:
        """The geometry, splitter sizes and last export folder, as JSON values."""
        state: dict[str, Any] = {
            "geometry": bytes(self.saveGeometry().toHex().data()).decode("ascii"),
            "splitter": self.splitter.sizes(), "splitter_moved": self.splitter_moved_by_user,
            "zoom": self.zoom, "speed": self.speed.value()}
        if self.files.export_folder is not None:
            state["export_folder"] = str(self.files.export_folder)
        if self.language_choice is not None:
            state["language"] = self.language_choice
        return state

    def restore_window_state(self, state: dict[str, Any]) -> None:
        """Apply :meth:`window_state`'s output (ignoring anything malformed); a value Qt
        cannot take (a size beyond 2³¹, a geometry that is not ASCII) raises, and the caller
        sets the session aside (:func:`gdapp.gui.app.open_session_window`)."""
        geometry = state.get("geometry")
        if isinstance(geometry, str):
            self.restoreGeometry(QByteArray.fromHex(geometry.encode("ascii")))
        sizes = state.get("splitter")
        if isinstance(sizes, list) and all(isinstance(s, int) and s >= 0 for s in sizes):
            if max(sizes, default=0) >= 2**31:  # Qt would raise OverflowError
                raise ValueError("a splitter size is beyond what a window holds")
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
