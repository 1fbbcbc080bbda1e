"""The window's teaching actions: the Lesson, View and Help menus and what they do — the
note's scenes, the note's run, classroom mode, fitting the screen, resetting plot views, and
About. A mixin of :class:`~gdapp.gui.window.MainWindow`, which provides the widgets it uses.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import QMessageBox, QStyle

from gdapp.gui.classroom import (
    apply_classroom_layout,
    build_settings_action,
    fold_data_view,
    fold_for_screen,
    keep_controls_size,
    keep_grid_rows,
)
from gdapp.gui.i18n import LANGUAGES, current_language, install_language, tr
from gdapp.gui.lesson_panel import show_scene
from gdapp.gui.lessons import scenes
from gdapp.gui.lessons_more import scene_groups
from gdapp.gui.viewmodel import RunViewModel, default_spec

#: The windows that replaced another in a new language: kept referenced while they are open
#: (the first window is held by whoever made it).
_REPLACEMENTS: list[Any] = []

#: Classroom mode's size of fonts and lines, and the largest size Ctrl+= reaches.
CLASSROOM_ZOOM = 1.5
MAX_ZOOM = 2.5


class TeachingActions:
    """Lesson, View and Help for the main window (``self`` is the MainWindow, typed ``Any``
    here: its widgets are built in ``MainWindow.__init__``)."""

    zoom: float
    scene_actions: list[QAction]
    store: Any
    language_choice: str | None

    def _build_teaching_actions(self: Any) -> None:
        self.note_run_action = self._action(
            tr("The note's run"), self.back_to_note_run, "Ctrl+Shift+H",
            tr("Back to the note's example: x = 1, 2; y = 2, 6; MSE; η = 0.01 from b1 = 15"))
        lesson_menu = self.menuBar().addMenu(tr("&Lesson"))
        self.scene_actions: list[QAction] = []
        all_scenes = scenes()
        for title, indices in scene_groups(len(all_scenes)):  # the note's, and after it
            group = lesson_menu.addMenu(title)
            for i in indices:
                action = self._action(all_scenes[i].title,
                                      lambda _c=False, i=i: self.show_scene(i))
                action.setCheckable(True)
                self.scene_actions.append(action)
                group.addAction(action)
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
        self.classroom_layout = False
        self.settings_action = build_settings_action(self)
        for a in (self.classroom_action, self.larger_action, self.smaller_action, None,
                  self.settings_action, self.reset_views_action):
            self.view_menu.addSeparator() if a is None else self.view_menu.addAction(a)
        self.language_menu = self.view_menu.addMenu(tr("&Language"))
        self.language_menu.setToolTipsVisible(True)
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():  # each language named in its own words
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.setToolTip(tr("Switch the window to this language (remembered)"))
            action.triggered.connect(lambda _c=False, code=code: self.choose_language(code))
            group.addAction(action)
            self.language_actions[code] = action
        help_menu = self.menuBar().addMenu(tr("&Help"))
        self.about_action = self._action(tr("About gdapp"), self.show_about,
                                         tip=tr("What gdapp is and where its example comes from"))
        help_menu.addAction(self.about_action)

    def show_scene(self: Any, index: int) -> None:
        """Show the lesson's scene ``index``: its runs, its iterate and its paragraph."""
        self.stop_play()
        scene = self.lesson.show_index(index)
        for i, action in enumerate(self.scene_actions):
            action.setChecked(i == index)
        if scene.path:  # the L1 path's scene shows the path (before its run: the update's
            self.path_dock.setVisible(True)  # frame then takes no room the dock needs)
        show_scene(self.vm, scene)
        self.path_dock.setVisible(scene.path)
        fold_data_view(self)  # classroom mode: the views the scene folds away (or back)
        self.grid.setFocus()  # Space steps at once

    def step_scene(self: Any, delta: int) -> None:
        """The next (delta = 1) or previous (−1) scene; the first one when none is shown."""
        count = len(self.scene_actions)
        index = 0 if self.lesson.index < 0 else self.lesson.index + delta
        self.show_scene(max(0, min(index, count - 1)))

    def _lesson_closed(self: Any) -> None:
        for action in self.scene_actions:
            action.setChecked(False)
        fold_data_view(self)  # the views a scene folded come back

    def back_to_note_run(self: Any) -> None:
        """The note's run, as the window opens on it: its data, settings and start, at k = 0
        (the first step is the note's 15 → 14.39), nothing pinned."""
        self.stop_play()
        self.vm.clear_pins()
        self.vm.stepping = False
        self.vm.set_spec(default_spec())
        self.data_editor.show_dataset(self.vm.spec.data)
        self.reset()
        self.statusBar().showMessage(tr("Back to the note's run: η = 0.01 from b1 = 15 on "
                                        "(1, 2), (2, 6)."), 8000)

    def show_about(self: Any) -> QMessageBox:
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

    def set_zoom(self: Any, zoom: float) -> None:
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
                      self.lesson.hint, self.data_editor.message, self.controls.message,
                      self.controls.optimizer_controls.stability,
                      self.controls.optimizer_controls.l1_note):
            label.setFont(font)
        side = self.side_scroll.widget()
        bar = self.side_scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        if side is not None:
            self.side_scroll.setMinimumWidth(side.minimumSizeHint().width() + bar)
        self.grid.set_scale(zoom)
        keep_grid_rows(self)
        keep_controls_size(self, self._base_font)
        self._show_cost_plot()  # the step text's frame at the new font size
        self._fit_step_frame()  # (the frame is fitted only with the text in it)
        for plot in (*self.built_plots(), self.path_dock):  # (one built later: at this zoom)
            plot.set_scale(zoom)
        apply_classroom_layout(self, zoom > 1.0)
        if not self.splitter_moved_by_user:
            self._share_width()
        self.save_session()

    def fit_to_screen(self: Any) -> None:
        """Never larger than the screen's free area (a large QT_SCALE_FACTOR makes 1280×800
        logical pixels more than the screen holds); moved onto it."""
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        frame = self.frameGeometry()
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        fold_for_screen(self, free.width() - extra_w)  # the settings give way on a small one
        width = min(self.width(), free.width() - extra_w)
        height = min(self.height(), free.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, 200), max(height, 200))
        frame = self.frameGeometry()
        x = min(max(frame.x(), free.x()), free.right() - frame.width() + 1)
        y = min(max(frame.y(), free.y()), free.bottom() - frame.height() + 1)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def reset_plot_views(self: Any) -> None:
        """Every plot back to the view it chose itself (after wheel zooming or panning)."""
        for plot in self.built_plots():
            plot.reset_view()

    def choose_language(self: Any, lang: str) -> Any:
        """View ▸ Language: the window in ``lang`` from now on, and at every start.

        The texts are set as the widgets are built, so the window is rebuilt in the new
        language around the same run (settings, data, iterate, pinned runs, lesson scene,
        layout), shown where this one was, and this one closes. Returns the new window
        (this one when ``lang`` is already the window's language).
        """
        if lang == current_language() and lang == self.language_choice:
            return self
        self.stop_play()
        self.language_choice = lang
        install_language(lang)
        state = self.window_state()
        vm = RunViewModel(self.vm.pending_spec or self.vm.spec)
        new = type(self)(vm, store=self.store)
        vm.setParent(new)
        new.language_choice = lang
        new.restore_window_state(state)
        vm.adopt_pins(self.vm.pinned)
        vm.stepping = self.vm.stepping
        vm.set_current(self.vm.current)
        if self.lesson.index >= 0:
            new.lesson.show_index(self.lesson.index)
            new.scene_actions[self.lesson.index].setChecked(True)
            fold_data_view(new)
        new.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose,
                         self.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose))
        _REPLACEMENTS.append(new)
        self.replacement = new
        new.destroyed.connect(lambda *_: _REPLACEMENTS.remove(new) if new in _REPLACEMENTS
                              else None)
        if self.isVisible():
            new.show()
        new.save_session()
        self.store = None  # the new window saves the session from now on
        if self.vm.parent() is None:
            self.vm.setParent(self)  # its signals go with this window
        self.close()  # and deleted, as the app's windows are deleted on close
        new.statusBar().showMessage(tr("The window is now in English.") if lang == "en"
                                    else tr("The window is now in Korean."), 8000)
        return new
