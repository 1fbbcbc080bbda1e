"""Pinned runs show where they ended and where their optimum is: their final parameters in
Compare runs, a star in their colour at their own optimum, and a pinned run of another
objective drawn with its own objective, labelled (the note's scenes 7 and 9)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gdapp.core import EXAMPLES, RunSpec
from gdapp.gui.window import MainWindow


def test_scene_9_lists_l2s_0_4_against_l1s_0_with_a_star_each(window: MainWindow) -> None:
    window.show_scene(8)  # L1 λ = 15 shown, L2 λ = 15 pinned
    item = window.pins.list.item(0).text()
    assert "L2 λ = 15" in item and "converged: b1 = 0.4" in item
    [star] = window.cost_plot.pinned_stars
    x, y = star.getData()
    assert x[0] == pytest.approx(0.4)  # 14/35
    assert y[0] == pytest.approx(window.vm.pinned[0].run.optimum.objective)
    assert star.opts["symbolBrush"].color().name() == window.vm.pinned[0].color
    # the pinned objective per iteration is drawn, labelled with its own objective
    curve = window.objective_plot.pinned_items[0]
    assert curve.isVisible() and curve.opts["pen"].style() == Qt.PenStyle.DashLine
    labels = [label for _, label in window.objective_plot._legend_entries]
    assert any("its own objective MSE + λ·b1², λ = 15" in label for label in labels)
    assert not any("not drawn" in label for label in labels)


def test_scene_7_draws_lambda_0_5_beside_lambda_1(window: MainWindow) -> None:
    window.show_scene(6)
    [star] = window.cost_plot.pinned_stars
    assert star.getData()[0][0] == pytest.approx(14 / 6)
    assert window.objective_plot.pinned_items[0].isVisible()


def test_a_pinned_run_at_this_runs_optimum_gets_no_second_star(window: MainWindow) -> None:
    window.vm.pin_current()
    window.vm.update(learning_rate=0.1)  # same optimum 2.8: the green star is there
    assert window.cost_plot.pinned_stars == []


def test_the_line_models_pinned_optimum_is_a_star_in_the_plane(window: MainWindow) -> None:
    window.vm.update(model="line")
    window.vm.pin_current()
    window.vm.update(penalty="l2", lam=1.0)
    [star] = window.cost_plot.pinned_stars
    x, y = star.getData()
    assert (x[0], y[0]) == pytest.approx(tuple(window.vm.pinned[0].run.optimum.params))


def test_several_features_list_their_first_parameters(window: MainWindow) -> None:
    window.vm.set_spec(RunSpec(data=EXAMPLES["features"], model="line",
                               learning_rate=0.0005, max_iterations=3).validated())
    window.vm.pin_current()
    text = window.pins.list.item(0).text()
    final = window.vm.pinned[0].run.final
    assert f"(stopped at the iteration limit: b0 = {final[0]:.4g}, b1 = {final[1]:.4g}, " \
           f"b2 = {final[2]:.4g}, …)" in text
    assert np.isfinite(window.vm.pinned[0].run.final).all()
