"""The two plots of the main window, bound to a :class:`~gdapp.gui.viewmodel.RunViewModel`.

* :class:`CostCurvePlot` — the note's figure: the cost E(b1) in black, the penalty term in red,
  their sum, the descent's path, the current iterate with its red tangent line and the exact
  optimum; for the ``line`` model a contour map of the objective over (b0, b1).
* :class:`ObjectivePlot` — the objective per iteration, with a log-scale toggle.

Both draw the view-model's pinned runs in their colours, with a legend entry per run, and
export themselves as PNG or SVG (:meth:`export_image`).
"""

from gdapp.gui.cost_plot import CostCurvePlot
from gdapp.gui.objective_plot import ObjectivePlot
from gdapp.gui.plot_base import PlotExportError

__all__ = ["CostCurvePlot", "ObjectivePlot", "PlotExportError"]
