"""One paint of the window per change: the plots hand in their changes before it paints.

A plot's graphics scene collects its changed items and processes them in a queued call,
which ends by making the window paint whatever is dirty at once (Qt's
``QGraphicsScenePrivate::_q_processDirtyItems`` dispatches the window's pending update
request). With three plots a new learning rate painted the window three times over: the
grid, the labels and the first plot; then the second plot; then the third — three passes
over the window's dirty regions and three flushes of its image to the screen, each plot's
picture a little later than the last.

:func:`paint_with_window` registers a plot's scene with a :class:`SceneUpdates` filter on
its window: when the window's update request arrives, every registered scene's queued
processing runs first (it finds that request already taken, so it paints nothing itself),
and the one pass that follows paints all the plots with the rest. Nothing is painted
that was not painted before, and nothing twice.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QGraphicsScene, QWidget


class SceneUpdates(QObject):
    """An event filter on a top-level window that lets the registered scenes process their
    changed items before the window paints (see the module)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.scenes: list[QGraphicsScene] = []
        window.installEventFilter(self)

    def add(self, scene: QGraphicsScene) -> None:
        """Let ``scene`` hand in its changes before each paint of the window."""
        if any(known is scene for known in self.scenes):
            return
        self.scenes.append(scene)
        scene.destroyed.connect(lambda *_: self._forget(scene))

    def _forget(self, scene: QGraphicsScene) -> None:
        self.scenes = [known for known in self.scenes if known is not scene]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest and watched is self.window:
            for scene in self.scenes:
                # the scene's queued processing of its changed items, now: it marks the
                # plot's view dirty for the paint that follows this filter
                QCoreApplication.sendPostedEvents(scene, QEvent.Type.MetaCall.value)
        return False


def paint_with_window(scene: QGraphicsScene, widget: QWidget) -> None:
    """Register ``scene`` (shown in ``widget``) with the filter of ``widget``'s window."""
    window = widget.window()
    if window is widget:  # not in a window yet
        return
    updates = window.findChild(SceneUpdates)
    if updates is None:
        updates = SceneUpdates(window)
    updates.add(scene)
