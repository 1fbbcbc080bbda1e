"""The lesson beside the plots: the current scene's title and paragraph, and the way to show
a scene (its pinned runs, its run, its iterate) through the view-model.

The panel only shows text; :func:`show_scene` writes the scene's runs to the view-model like
any other control does. The window's Lesson menu and PgDn/PgUp call it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from gdapp.gui.accents import plain_text, set_label_text
from gdapp.gui.i18n import tr
from gdapp.gui.lessons import Scene, all_scenes, scene_specs
from gdapp.gui.viewmodel import RunViewModel


def show_scene(vm: RunViewModel, scene: Scene) -> bool:
    """Make ``scene`` the view-model's state: its runs pinned (the others unpinned), its run
    shown, the current iterate at the start (stepping) or at the end. False when a run was
    refused (the view-model said why)."""
    pins, spec = scene_specs(scene)
    vm.clear_pins()
    vm.stepping = False
    for pinned in pins:
        if not vm.set_spec(pinned):
            return False
        vm.pin_current()
    if not vm.set_spec(spec):
        return False
    if scene.at_start:
        vm.stepping = True
        vm.set_current(0)
    else:
        vm.set_current(vm.run.iterations)
    return True


#: The lesson's share of its column's height at most (the plots keep the rest); a longer
#: paragraph scrolls instead of being cut.
LESSON_SHARE = 0.4
#: In classroom mode (:meth:`LessonPanel.set_whole`) a paragraph too long for the room the
#: plots leave is set in a smaller font, down to this share of the window's (still larger
#: than a laptop's), before it would scroll: a class cannot scroll a projector.
LEAST_FONT_SHARE = 0.75


class _TextScroll(QScrollArea):
    """The paragraph in a frame that asks for its whole height at its width (a wrapped label
    in a plain scroll area asks for a guess), and scrolls when given less."""

    def sizeHint(self) -> QSize:
        label = self.widget()
        width = self.viewport().width() if self.viewport().width() > 1 else 400
        height = label.heightForWidth(width) if label is not None else 0
        return QSize(width, max(height, 0) + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        """Two lines at least (a scroll area's own minimum, its scroll bar's, left a short
        paragraph a blank band under it that the plots below could use)."""
        lines = 2 * self.fontMetrics().lineSpacing() + 2 * self.frameWidth()
        return QSize(super().minimumSizeHint().width(), min(self.sizeHint().height(), lines))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the paragraph's height at the new width


class LessonPanel(QFrame):
    """The current scene's title and paragraph (hidden until a scene is chosen), with a
    close button; ``closed`` when the learner closes it."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("LessonPanel { background: #fffbe6; }")
        self.index = -1
        self.scene: Scene | None = None  # the scene shown (None: no lesson)
        self._kept = 0  # the column's pixels left to the plots (keep_for_plots)
        self._whole = False  # classroom mode: the paragraph whole, never scrolled
        self.title = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #555555;")
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setToolTip(tr("Close the lesson (the run stays)"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self._close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        self.title.installEventFilter(self)  # its font is the window's zoom (set_zoom)
        self.text_scroll = _TextScroll()
        self.text_scroll.setWidget(self.text)
        self.text_scroll.setWidgetResizable(True)
        self.text_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.text_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text_scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget "
                                       "{ background: transparent; }")
        layout.addWidget(self.text_scroll)
        layout.addWidget(self.hint)
        self.close_button.setParent(self)
        self.hide()

    def follow(self, column: QWidget) -> None:
        """Never taller than :data:`LESSON_SHARE` of ``column``'s height (the widget it sits
        in, above the plots), nor than what leaves the plots :meth:`keep_for_plots`."""
        column.installEventFilter(self)

    def keep_for_plots(self, keep: int, slack: int = 0) -> bool:
        """Leave ``keep`` pixels of the column to the plots below (their chrome and readable
        view boxes; :mod:`gdapp.gui.plot_room` measures it), down to the panel's minimum;
        True when that changed by more than ``slack`` pixels."""
        if abs(keep - self._kept) <= slack:
            return False
        self._kept = keep
        column = self.parentWidget()
        if column is not None:
            self._fit_height(column.height())
        return True

    def set_whole(self, on: bool) -> None:
        """Classroom mode (``on``): the paragraph takes the height it needs, down to what
        leaves the plots :meth:`keep_for_plots`, and where that is too little it is set in a
        smaller font (to :data:`LEAST_FONT_SHARE`) and the scene's hint line folds away,
        rather than scroll; else the laptop's layout (:data:`LESSON_SHARE`, scrolling)."""
        self._whole = on
        self._refit()

    def _refit(self) -> None:
        column = self.parentWidget()
        if column is not None:
            self._fit_height(column.height())

    def _fit_height(self, column: int) -> None:
        if self._whole:
            self._fit_whole(column)
            return
        self._set_text_font(1.0, hint=True)
        share = max(80, int(LESSON_SHARE * column))
        low = self.minimumSizeHint().height()
        most = min(share, column - self._kept)
        if self.text_scroll.height() > 0:  # a paragraph that scrolls shows whole lines
            chrome = self.height() - self.text_scroll.height()
            line = max(1, self.text.fontMetrics().lineSpacing())
            most = chrome + (most - chrome) // line * line + 2 * self.text_scroll.frameWidth()
        self.setMaximumHeight(max(low, most))

    def _fit_whole(self, column: int) -> None:
        """The paragraph whole in ``column - kept`` pixels (see :meth:`set_whole`)."""
        most = column - self._kept
        # measured beside a scroll bar: a paragraph that fits there fits without one
        width = self.text_scroll.width() - 2 * self.text_scroll.frameWidth() \
            - self.text_scroll.verticalScrollBar().sizeHint().width()
        layout = self.layout()
        if width > 1 and self.isVisible() and layout is not None:
            margins = layout.contentsMargins()
            chrome = (margins.top() + margins.bottom() + 2 * self.frameWidth()
                      + self.title.sizeHint().height() + layout.spacing())
            hint = self.hint.sizeHint().height() + layout.spacing()
            tries = [(1.0, True), (1.0, False)]
            scale = 1.0
            while scale - 0.05 >= LEAST_FONT_SHARE - 1e-9:
                scale -= 0.05
                tries.append((scale, False))
            for scale, with_hint in tries:
                self._set_text_font(scale, with_hint)
                need = self.text.heightForWidth(width) + chrome + (hint if with_hint else 0)
                if need <= most:
                    # no taller than the paragraph (after a longer one the panel kept its
                    # height: a blank band the plots below went without)
                    most = need + 2 * self.text_scroll.frameWidth()
                    break
        self.setMaximumHeight(max(self.minimumSizeHint().height(), most))

    def _set_text_font(self, scale: float, hint: bool) -> None:
        """The paragraph at ``scale`` times the title's font (the window's zoom: a panel
        with a style sheet does not follow it); the hint line shown or not."""
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        if self.text.font() != font:
            self.text.setFont(font)
            set_label_text(self.text, plain_text(self.text))  # (its accents at that size)
            self.text_scroll.updateGeometry()  # (its height at that size)
        if self.hint.isHidden() == hint:
            self.hint.setVisible(hint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.title:
            if event.type() == QEvent.Type.FontChange:  # a new zoom: fitted again
                self._refit()
        elif event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self._fit_height(watched.height())
        return False

    def scrolls(self) -> bool:
        """Whether the paragraph needs more height than it has (then it scrolls)."""
        bar = self.text_scroll.verticalScrollBar()
        return bar.maximum() > 0

    def resizeEvent(self, event: object) -> None:  # keep the × in the top-right corner
        self.close_button.move(self.width() - self.close_button.sizeHint().width() - 2, 2)
        super().resizeEvent(event)  # type: ignore[arg-type]

    def show_index(self, index: int) -> Scene:
        """Show scene ``index`` (of :func:`all_scenes`) and return it."""
        every = all_scenes()
        scene = every[index]
        self.index, self.scene = index, scene
        self.title.setText(f"<b>{html.escape(scene.title)}</b>")
        set_label_text(self.text, scene.text)  # Adam's m̂ and v̂ with their hats
        self.text_scroll.updateGeometry()  # its height for this paragraph (also a shorter one)
        self.hint.setText(tr("Scene {i} of {n} · PgDn: next · PgUp: previous").format(
            i=index + 1, n=len(every)))
        self.show()
        if self._whole:
            self._refit()  # (its font for this paragraph)
        return scene

    def _close(self) -> None:
        self.hide()
        self.index, self.scene = -1, None
        self.closed.emit()
