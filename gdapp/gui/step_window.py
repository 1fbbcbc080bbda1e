"""The update's arithmetic in a window of its own, for a class to read whole.

Beside the grid the step text keeps to a few lines and scrolls (classroom mode on a
1024×768 projector has room for four): Adam's step — g, m, v, m̂, v̂, d and the update, a
line each that wraps into two at that width — or the step of several features (a block per
parameter) is longer. :class:`StepWindow` (View ▸ The update in a window, Ctrl+Shift+T, or
the button that the step frame shows beside its text whenever it cannot show it whole)
shows the same text in a window of its own, in the window's type size (classroom mode's
when zoomed), each line unwrapped where the screen is wide enough, and as high as the text
up to the screen's free height; a longer text (several features) scrolls there. It follows
the current iterate, and Space, Shift+Space, F5, Home, End and Ctrl+= / Ctrl+− work in it as
in the main window, so a teacher can step the run with the whole update in view.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStyle, QToolButton, QVBoxLayout, QWidget

from gdapp.gui.accents import PLAIN_TEXT, plain_text, set_label_text
from gdapp.gui.i18n import tr


class StepWindow(QWidget):
    """The current update's arithmetic, whole, in a window that follows the run."""

    def __init__(self, main: Any) -> None:
        super().__init__(main, Qt.WindowType.Window)  # above the main window, closed with it
        self.main = main
        self.setWindowTitle(tr("The update, written out"))
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)  # only where the window is narrower than a line
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setStyleSheet("background: #f4f7fb; padding: 6px;")
        self.area = QScrollArea()
        self.area.setWidget(self.label)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area)
        # stepping and the type size from here too (the actions' shortcuts act in every
        # window they are added to)
        for action in (main.step_action, main.step_back_action, main.play_action,
                       main.reset_action, main.run_to_end_action, main.larger_action,
                       main.smaller_action):
            self.addAction(action)
        main.vm.currentChanged.connect(self.refresh)  # after the main window's step text
        main.vm.busyChanged.connect(self.refresh)
        main.step_label.installEventFilter(self)  # its font: the zoom's

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and self.isVisible():
            self.refresh()
            self.fit(grow_only=True)
        return False

    def text(self) -> str:
        """The text shown: the main window's step text, whole (plain: Adam's hats are drawn
        in another font, :mod:`gdapp.gui.accents`)."""
        return plain_text(self.label)

    def refresh(self, *_: object) -> None:
        """The current update's text (only while the window is open)."""
        if not self.isVisible():
            return
        font = self.main.step_label.font()
        new_font = font != self.label.font()   # (the hats' font is chosen for the size too)
        self.label.setFont(font)
        text = plain_text(self.main.step_label)
        if new_font or text != self.text() or self.label.property(PLAIN_TEXT) is None:
            set_label_text(self.label, text)
            self.fit(grow_only=True)

    def needed(self) -> QSize:
        """The window's size that shows every line unwrapped and whole."""
        metrics = self.label.fontMetrics()
        lines = self.text().split("\n") or [""]
        margins = self.label.contentsMargins()
        pad = 2 * 6 + margins.left() + margins.right() + 2 * self.label.margin() + 4
        width = max(metrics.horizontalAdvance(line) for line in lines) + pad
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(width + bar, self.label.heightForWidth(width) + 2)

    def room(self) -> QSize:
        """The screen's free area, less 40 pixels for the window's frame."""
        screen = self.main.screen()
        if screen is None:
            return QSize(1024, 728)
        free = screen.availableGeometry().size()
        return QSize(free.width() - 40, free.height() - 40)

    def fit(self, room: QSize | None = None, *, grow_only: bool = False) -> None:
        """As large as the whole text, up to ``room`` (default :meth:`room`); narrower than
        a line, the lines wrap, and a text taller than the room scrolls."""
        room = room if room is not None else self.room()
        need = self.needed()
        width = min(need.width(), room.width())
        if width < need.width():  # wrapped: the height at this width
            bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            need.setHeight(self.label.heightForWidth(width - bar) + 2)
        height = min(need.height(), room.height())
        if grow_only:
            width, height = max(width, self.width()), max(height, self.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)

    def place(self) -> QPoint:
        """Where the window goes: centred over the main window, whole on its screen."""
        main = self.main.frameGeometry()
        x = main.center().x() - self.width() // 2
        y = main.center().y() - self.height() // 2
        screen = self.main.screen()
        if screen is not None:
            free = screen.availableGeometry()
            frame = self.frameGeometry()
            extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
            x = max(free.left(), min(x, free.right() + 1 - self.width() - extra_w))
            y = max(free.top(), min(y, free.bottom() + 1 - self.height() - extra_h))
        return QPoint(x, y)

    def open(self, room: QSize | None = None) -> None:
        """Show the window with the current update, sized to it, over the main window."""
        self.show()
        self.refresh()
        self.fit(room)
        self.move(self.place())
        self.raise_()
        self.activateWindow()


def add_step_window(main: Any) -> StepWindow:
    """The window, its View-menu action (Ctrl+Shift+T) and the step frame's button."""
    window = StepWindow(main)
    action = QAction(tr("The update in a window"), main)
    action.setShortcut(QKeySequence("Ctrl+Shift+T"))
    action.setToolTip(tr("The arithmetic of the next update, whole, in a window of its own "
                         "(Ctrl+Shift+T)"))
    action.triggered.connect(lambda: window.open())
    main.addAction(action)
    main.view_menu.addAction(action)
    main.step_window_action = action
    button = QToolButton(main.step_scroll)
    button.setIcon(button.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarMaxButton))
    button.setAutoRaise(True)
    button.setToolTip(action.toolTip())
    button.setAccessibleName(tr("Show the whole update"))
    button.clicked.connect(lambda: window.open())
    button.hide()
    main.step_all_button = button
    _ButtonPlacer(main.step_scroll, button)
    return window


class _ButtonPlacer(QObject):
    """Keeps ``button`` at the step frame's top right, beside the text (in a margin of the
    frame, so it covers no line), shown while the frame cannot show the whole text (its
    scroll bar has a range). The margin only narrows the text, so the text stays cut and
    the button stays: no flicker."""

    def __init__(self, scroll: QScrollArea, button: QToolButton) -> None:
        super().__init__(scroll)
        self.scroll, self.button = scroll, button
        scroll.installEventFilter(self)
        scroll.verticalScrollBar().rangeChanged.connect(lambda *_: self.place())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.place()
        return False

    def place(self) -> None:
        bar = self.scroll.verticalScrollBar()
        cut = bar.maximum() > bar.minimum()
        self.button.adjustSize()
        margin = self.button.width() + 2 if cut else 0
        if self.scroll.viewportMargins().right() != margin:
            self.scroll.setViewportMargins(0, 0, margin, 0)
        self.button.setVisible(cut)
        if cut:
            view = self.scroll.viewport().geometry()
            self.button.move(view.right() + 2, view.top())
            self.button.raise_()
