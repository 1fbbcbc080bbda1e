"""The regularization path's dock (View ▸ Regularization path), whose plots are built the
first time the dock is shown or the window asks for them.

Most lessons never open the path: its two plots and the validation curve's were a fifth of
the time a new window took to build (about 60 ms of 280, measured with ``cProfile`` over five
windows), paid by every window and every test that opens one. Built on demand they cost that
once, when a learner first opens the dock. Until then the dock keeps the zoom it would apply
(:meth:`PathDock.set_scale`), so the plots appear at classroom size if the window is zoomed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

from gdapp.gui.i18n import tr
from gdapp.gui.path_plot import RegularizationPathPlot

if TYPE_CHECKING:
    from gdapp.gui.viewmodel import RunViewModel


class PathDock(QDockWidget):
    """A dock that builds its :class:`RegularizationPathPlot` when first shown or asked."""

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(tr("Regularization path"), parent)
        self.setObjectName("path-dock")
        self.vm = vm
        self.scale = 1.0
        self._plot: RegularizationPathPlot | None = None
        # connected before anyone else's: the plots exist when other slots see the dock shown
        self.visibilityChanged.connect(lambda shown: self.plot if shown else None)

    @property
    def built(self) -> bool:
        """True once the plots exist."""
        return self._plot is not None

    @property
    def plot(self) -> RegularizationPathPlot:
        """The path's plots, built now if this is the first time."""
        if self._plot is None:
            self._plot = RegularizationPathPlot(self.vm)
            if self.scale != 1.0:
                self._plot.set_scale(self.scale)
            self.setWidget(self._plot)
        return self._plot

    def set_scale(self, scale: float) -> None:
        """Classroom mode's zoom, for the plots now or when they are built."""
        self.scale = scale
        if self._plot is not None:
            self._plot.set_scale(scale)


def add_path_dock(window: Any) -> PathDock:
    """The regularization path (L1 beside L2) in a dock at the window's bottom, hidden until
    View ▸ Regularization path (Ctrl+Shift+P) or a lesson shows it."""
    dock = PathDock(window.vm, window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    # shown, it takes a third of the window's height: the grid and plots keep the rest
    dock.visibilityChanged.connect(window._size_path_dock)
    dock.visibilityChanged.connect(window._fit_step_frame)
    toggle = dock.toggleViewAction()
    toggle.setShortcut(QKeySequence("Ctrl+Shift+P"))
    toggle.setToolTip(tr("Each coefficient's exact optimum against λ, L1 beside L2"))
    window.view_menu.addSeparator()
    window.view_menu.addAction(toggle)
    return dock
