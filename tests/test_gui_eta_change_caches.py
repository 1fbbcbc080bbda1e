"""What a new learning rate keeps, and what any other change still redraws: the view-model's
objective (η is not part of it), the local-minima marks and the test-cost curve (handed to
pyqtgraph only when there is or was something to draw)."""

from __future__ import annotations

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from gdapp.core import DOCUMENT, EXAMPLES, RunSpec, make_spec
from gdapp.gui.cost_slice import OneFeatureCostPlot
from gdapp.gui.objective_plot import ObjectivePlot
from gdapp.gui.viewmodel import RunViewModel

NONCONVEX = make_spec(data=EXAMPLES["nonconvex"], model="sine", learning_rate=0.05,
                      start=(3.0,))


def test_a_new_learning_rate_keeps_the_objective() -> None:
    vm = RunViewModel()
    objective = vm.objective
    vm.update(learning_rate=0.02)
    assert vm.objective is objective
    vm.update(max_iterations=50, tolerance=1e-6, optimizer="adam")
    assert vm.objective is objective  # nor do the optimizer or the stopping rule change it


@pytest.mark.parametrize("change", [
    {"penalty": "l2", "lam": 0.5}, {"cost": "mae"}, {"model": "line"},
    {"data": EXAMPLES["overfit"]},
])
def test_any_other_change_builds_the_objective_anew(change: dict[str, object]) -> None:
    vm = RunViewModel()
    objective = vm.objective
    vm.update(learning_rate=0.02)
    vm.update(**change)
    assert vm.objective is not objective
    assert vm.objective.value(vm.run.params[:3]) == pytest.approx(vm.run.objective[:3])


def test_after_an_eta_change_a_new_lambda_is_still_in_the_objective() -> None:
    vm = RunViewModel(RunSpec(penalty="l2", lam=0.5))
    vm.update(learning_rate=0.02)
    vm.update(lam=2.0)
    assert vm.objective.lam == 2.0
    assert vm.objective.value(vm.run.params[:3]) == pytest.approx(vm.run.objective[:3])


def test_the_minima_marks_come_and_go_with_the_cost(qtbot: QtBot) -> None:
    vm = RunViewModel(NONCONVEX)
    plot = OneFeatureCostPlot(vm)
    qtbot.addWidget(plot)
    x, _ = plot.minima.local_item.getData()
    assert x is not None and len(x) > 1
    vm.update(learning_rate=vm.spec.learning_rate * 1.1)  # still the sine: still marked
    x, _ = plot.minima.local_item.getData()
    assert x is not None and len(x) > 1 and plot.minima.local_item.isVisible()
    vm.update(model="origin", data=DOCUMENT)  # convex: the marks are cleared, not hidden only
    x, _ = plot.minima.local_item.getData()
    assert x is None or len(x) == 0
    assert not plot.minima.local_item.isVisible() and plot.minima.legend_entry() is None
    vm.update(learning_rate=0.02)
    x, _ = plot.minima.local_item.getData()
    assert x is None or len(x) == 0
    vm.update(model="sine", data=NONCONVEX.data)  # back: marked again
    x, _ = plot.minima.local_item.getData()
    assert x is not None and len(x) > 1


def test_the_test_cost_curve_is_cleared_when_the_held_out_samples_go(qtbot: QtBot) -> None:
    vm = RunViewModel(RunSpec(data=EXAMPLES["overfit"], model="line").validated())
    plot = ObjectivePlot(vm)
    qtbot.addWidget(plot)
    assert plot.test_curve.yData is None or len(plot.test_curve.yData) == 0
    vm.update(learning_rate=0.02)  # no held-out samples before nor now
    assert plot.test_curve.yData is None or len(plot.test_curve.yData) == 0
    vm.set_shaping(test_fraction=0.25)  # some samples held out: their cost is drawn
    test = vm.run.test_objective
    assert test is not None
    np.testing.assert_array_equal(plot.test_curve.yData, test)
    vm.set_shaping(test_fraction=0.0)
    assert vm.run.test_objective is None
    assert plot.test_curve.yData is None or len(plot.test_curve.yData) == 0
