"""Plots the window builds the first time they are needed: the cost along one parameter
(runs on several features) and the polynomial view (a polynomial model, held-out samples).

Most runs have one feature and no polynomial, yet these two plots were built with every
window: about a sixth of a new window's build (37 ms of 220, measured with ``cProfile`` over
five windows), paid at every start and by every test that opens a window. Each now waits in
a stacked widget (:class:`OnDemandStack`) as an empty placeholder until the stack is asked
for it (to show it, or by code that reads it); then it is built, drawn for the current run,
and given what the window gives every plot: its least size, the classroom zoom, the watch
that keeps its view readable (:class:`OnDemandPlots`). What changes every plot (the zoom,
View ▸ Reset plot views) goes through :meth:`OnDemandPlots.built_plots`, which builds none.
The regularization path's dock does the same for its plots (:mod:`gdapp.gui.path_dock`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

if TYPE_CHECKING:
    from gdapp.gui.cost_slice import CostSlicePlot
    from gdapp.gui.polynomial_view import PolynomialPlot

#: The least size of every plot in the window (the panes never squeeze one below it).
PLOT_MIN_WIDTH, PLOT_MIN_HEIGHT = 220, 150


class OnDemandStack(QStackedWidget):
    """A stacked widget whose pages may be given as a function that builds them: such a page
    is an empty widget until :meth:`page` asks for it."""

    #: a page was just built (the window gives it its size, zoom and watch)
    pageBuilt = Signal(QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builders: dict[int, Callable[[], QWidget]] = {}

    def add_page(self, page: QWidget | Callable[[], QWidget]) -> int:
        """Add a page, or a function that builds it when first asked for; its index."""
        if isinstance(page, QWidget):
            return self.addWidget(page)
        index = self.addWidget(QWidget())
        self._builders[index] = page
        return index

    def is_built(self, index: int) -> bool:
        """Whether page ``index`` exists (and is not a placeholder)."""
        return index not in self._builders

    def page(self, index: int) -> QWidget:
        """Page ``index``, built now if this is the first time (it stays where it was shown:
        the placeholder's place and, if it was the current page, current)."""
        build = self._builders.pop(index, None)
        if build is not None:
            placeholder = self.widget(index)
            was_current = self.currentIndex() == index
            built = build()
            self.insertWidget(index, built)
            if placeholder is not None:
                self.removeWidget(placeholder)
                placeholder.deleteLater()
            if was_current:
                self.setCurrentIndex(index)
            self.pageBuilt.emit(built)
        page = self.widget(index)
        if page is None:
            raise IndexError(f"no page {index}")
        return page


class OnDemandPlots:
    """The window's plots built on demand (a mixin of :class:`~gdapp.gui.window.MainWindow`:
    ``self.cost_plots`` and ``self.data_plots`` are its :class:`OnDemandStack` s)."""

    cost_plots: OnDemandStack
    data_plots: Any  # (a DataViews)
    zoom: float

    #: the index of the cost along one parameter in ``cost_plots``
    SLICE_PAGE = 1

    @property
    def cost_slice(self) -> CostSlicePlot:
        """The cost along one parameter through iterate k (several features); built now if
        it was not yet."""
        plot: CostSlicePlot = self.cost_plots.page(self.SLICE_PAGE)  # type: ignore[assignment]
        return plot

    @property
    def polynomial_plot(self) -> PolynomialPlot:
        """The curve of one x with held-out samples; built now if it was not yet."""
        plot: PolynomialPlot = self.data_plots.polynomial_plot
        return plot

    def built_plots(self) -> list[Any]:
        """The window's run plots that exist now, building none (the zoom and View ▸ Reset
        plot views change these; a plot built later gets the zoom as it is built)."""
        window: Any = self
        plots = [window.cost_plot, window.objective_plot, window.data_plot]
        if self.cost_plots.is_built(self.SLICE_PAGE):
            plots.insert(1, self.cost_slice)
        if self.data_plots.is_built(self.data_plots.POLYNOMIAL_PAGE):
            plots.append(self.polynomial_plot)
        return plots

    def adopt_plot(self, plot: Any) -> None:
        """What every plot of the window has, for one built on demand: its least size, the
        classroom zoom, and the watch that keeps its view box readable."""
        plot.setMinimumSize(PLOT_MIN_WIDTH, PLOT_MIN_HEIGHT)
        if self.zoom != 1.0:
            plot.set_scale(self.zoom)
        room = getattr(self, "plot_room", None)
        if room is not None:
            room.watch(plot)
