"""The regularization path's and the validation curve's legends sit on a white ground: the
dashed λ line ran through the path legend's "b2", and the test-cost curve through the
validation legend's words (lesson scenes 10 and 21)."""

from __future__ import annotations

from typing import Any

from gdapp.core import EXAMPLES, RunSpec


def test_the_path_and_validation_legends_hide_what_passes_under_them(window: Any) -> None:
    window.vm.set_spec(RunSpec(data=EXAMPLES["features"], model="line", penalty="l1",
                               lam=2.0, learning_rate=0.0005, max_iterations=50).validated())
    window.path_dock.show()
    plot = window.path_plot
    legends = [p.getPlotItem().legend for p in plot.plots.values()]
    legends.append(plot.validation.plot.getPlotItem().legend)
    for legend in legends:
        assert legend is not None
        brush = legend.opts["brush"]
        assert brush.style() != 0 and brush.color().alpha() >= 150, brush.color().getRgb()
        assert brush.color().lightness() > 240
