"""The lesson beside the plots: the current scene's title and paragraph, and the way to show
a scene (its pinned runs, its run, its iterate) through the view-model.

The panel only shows text; :func:`show_scene` writes the scene's runs to the view-model like
any other control does. The window's Lesson menu and PgDn/PgUp call it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from gdapp.gui.accents import set_label_text
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
        self._kept = 0  # the column's pixels left to the plots (keep_for_plots)
        self.title = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
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

    def _fit_height(self, column: int) -> None:
        share = max(80, int(LESSON_SHARE * column))
        low = self.minimumSizeHint().height()
        most = min(share, column - self._kept)
        if self.text_scroll.height() > 0:  # a paragraph that scrolls shows whole lines
            chrome = self.height() - self.text_scroll.height()
            line = max(1, self.text.fontMetrics().lineSpacing())
            most = chrome + (most - chrome) // line * line + 2 * self.text_scroll.frameWidth()
        self.setMaximumHeight(max(low, most))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
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
        self.index = index
        self.title.setText(f"<b>{html.escape(scene.title)}</b>")
        set_label_text(self.text, scene.text)  # Adam's m̂ and v̂ with their hats
        self.text_scroll.updateGeometry()  # its height for this paragraph (also a shorter one)
        self.hint.setText(tr("Scene {i} of {n} · PgDn: next · PgUp: previous").format(
            i=index + 1, n=len(every)))
        self.show()
        return scene

    def _close(self) -> None:
        self.hide()
        self.index = -1
        self.closed.emit()
