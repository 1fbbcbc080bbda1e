"""The teaching view: the data plot, the step's arithmetic, the path so far, the lesson."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gdapp.core import Dataset, run
from gdapp.gui.lessons import scene_specs, scenes
from gdapp.gui.objective_plot import interesting_rows
from gdapp.gui.step_text import describe_step
from gdapp.gui.viewmodel import THIS_RUN_COLOR, RunViewModel, default_spec
from gdapp.gui.window import MainWindow


def _xy(item: object) -> tuple[np.ndarray, np.ndarray]:
    x, y = item.getData()  # type: ignore[attr-defined]
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


# ---- the data view ----------------------------------------------------------------------
def test_the_data_view_shows_the_samples_and_the_line_of_iterate_k(window: MainWindow) -> None:
    plot = window.data_plot
    x, y = _xy(plot.samples_item)
    assert list(x) == [1.0, 2.0] and list(y) == [2.0, 6.0]
    window.reset()
    lx, ly = _xy(plot.line_item)
    assert np.allclose(ly, 15 * lx)  # ŷ = b1·x with b1 = 15
    window.step()
    lx, ly = _xy(plot.line_item)
    assert np.allclose(ly, 14.39 * lx)


def test_residuals_run_from_each_sample_to_the_line(window: MainWindow) -> None:
    window.reset()
    window.step()
    rx, ry = _xy(window.data_plot.residual_item)
    # pairs (x, y) → (x, ŷ): (1, 2) → (1, 14.39), (2, 6) → (2, 28.78)
    assert np.allclose(rx, [1, 1, 2, 2])
    assert np.allclose(ry, [2, 14.39, 6, 28.78])


def test_the_squares_are_drawn_only_when_asked_and_one_per_residual(window: MainWindow) -> None:
    plot = window.data_plot
    assert plot.squares_shown() == 0
    plot.squares_box.setChecked(True)
    assert plot.squares_shown() == 2
    window.reset()  # b1 = 15: residuals 15 − 2 = 13 and 30 − 6 = 24
    heights = sorted(p.boundingRect().height()
                     for p in plot.square_item.path().toSubpathPolygons())
    assert heights == pytest.approx([13.0, 24.0])


def test_the_line_model_draws_the_intercept(window: MainWindow) -> None:
    window.vm.update(model="line", start=(4.0, 1.0))
    window.reset()
    lx, ly = _xy(window.data_plot.line_item)
    assert np.allclose(ly, 4.0 + 1.0 * lx)


def test_a_large_data_set_is_thinned_for_drawing(qtbot: QtBot) -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=50_000)
    data = Dataset(x, 3 * x + rng.normal(size=x.size), name="big")
    vm = RunViewModel(dataclasses.replace(default_spec(), data=data, start=(0.0,)))
    win = MainWindow(vm)
    qtbot.addWidget(win)
    sx, _ = _xy(win.data_plot.samples_item)
    rx, _ = _xy(win.data_plot.residual_item)
    assert 0 < sx.size <= 5_000 and 0 < rx.size <= 2 * 200
    assert "50000" in win.data_plot.note_text.replace(",", "")


# ---- the arithmetic of the step --------------------------------------------------------
def test_the_step_line_reads_the_notes_first_update(window: MainWindow) -> None:
    window.reset()
    text = window.step_label.text()
    assert "∂E/∂b1 = 5·b1 − 14 = 5 × 15 − 14 = 61" in text
    assert "b1 ← 15 − 0.01 × 61 = 14.39" in text
    window.step()
    assert "b1 ← 14.39 − 0.01 × 57.95 = 13.8105" in window.step_label.text()


def test_the_step_line_gives_the_l2_part_of_the_slope() -> None:
    spec = dataclasses.replace(default_spec(), penalty="l2", lam=0.5)
    r = run(spec)
    vm = RunViewModel(spec)
    lines = "\n".join(describe_step(r, 0, vm.objective))
    assert "2λ·b1 = 2 × 0.5 × 15 = 15" in lines
    assert "61 + 15 = 76" in lines
    assert "b1 ← 15 − 0.01 × 76 = 14.24" in lines


def test_the_step_line_shows_both_stages_of_the_l1_proximal_step() -> None:
    spec = dataclasses.replace(default_spec(), penalty="l1", lam=1.0)
    r = run(spec)
    vm = RunViewModel(spec)
    lines = "\n".join(describe_step(r, 0, vm.objective))
    assert "z = b1 − η·∂E/∂b1 = 15 − 0.01 × 61 = 14.39" in lines
    assert "max(|z| − 0.01, 0) = 14.38" in lines
    assert float(r.params[1, 0]) == pytest.approx(14.38)


def test_the_step_line_at_the_end_of_a_run_says_it_stopped(window: MainWindow) -> None:
    window.run_to_end()
    assert "stopped" in window.step_label.text()


# ---- the path so far -------------------------------------------------------------------
def test_while_stepping_the_cost_plot_shows_the_path_only_up_to_k(window: MainWindow) -> None:
    window.reset()
    for _ in range(3):
        window.step()
    px, _ = _xy(window.cost_plot.path_item)
    dots, _ = window.cost_plot.path_dots.getData()
    assert px.size == 4 and dots.size == 4
    assert px.min() == pytest.approx(float(window.vm.run.params[3, 0]))
    kx, _ = _xy(window.objective_plot.objective_curve)
    assert kx.max() == 3
    window.run_to_end()
    px, _ = _xy(window.cost_plot.path_item)
    assert px.min() < 2.9  # the whole path, down to the optimum
    kx, _ = window.objective_plot.objective_curve.getOriginalDataset()
    assert kx.max() == window.vm.run.iterations


def test_the_objective_view_leaves_out_the_flat_tail(window: MainWindow) -> None:
    window.run_to_end()
    r = window.vm.run
    (_x0, x1), _ = window.objective_plot.plot_item.getViewBox().viewRange()
    assert interesting_rows(r) < r.iterations / 2
    assert x1 < r.iterations / 2
    window.reset()
    for _ in range(200):
        window.step()
    (_x0, x1), _ = window.objective_plot.plot_item.getViewBox().viewRange()
    assert x1 >= 200  # stepping past the view widens it


# ---- the lesson ------------------------------------------------------------------------
def test_every_scene_is_a_valid_preset_on_the_notes_example() -> None:
    all_scenes = scenes()
    assert len(all_scenes) == 11  # the note's nine, then two on classification
    for i, scene in enumerate(all_scenes):
        pins, spec = scene_specs(scene)
        if i < 9:
            assert spec.data.is_document_example() and spec.resolved_start() == (15.0,)
        else:
            assert spec.model == "logistic" and spec.data.name.startswith("passfail")
        assert len(scene.text) > 100
        for p in pins:
            assert p != spec


def test_page_down_walks_the_scenes_in_order(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_PageDown)
    assert window.lesson.isVisible() and window.lesson.index == 0
    for _ in range(3):
        qtbot.keyClick(window.grid, Qt.Key.Key_PageDown)
    assert window.lesson.index == 3
    assert window.vm.spec.learning_rate == 0.1
    assert [p.run.spec.learning_rate for p in window.vm.pinned] == [0.01]
    qtbot.keyClick(window.grid, Qt.Key.Key_PageUp)
    assert window.lesson.index == 2 and window.vm.pinned == []
    assert window.vm.current == 0 and window.vm.stepping
    assert "14.39" in window.step_label.text()


def test_the_l1_scene_lands_on_exactly_zero(window: MainWindow) -> None:
    window.show_scene(7)
    window.run_to_end()
    assert window.vm.run.final == (0.0,)
    assert window.scene_actions[7].isChecked()


def test_the_note_run_is_one_click_away(window: MainWindow) -> None:
    window.show_scene(8)
    window.data_editor.paste_text("1\t1\n2\t3\n3\t4")
    assert not window.vm.spec.data.is_document_example()
    window.note_run_action.trigger()
    assert window.vm.spec == default_spec().validated()
    assert window.vm.pinned == []
    assert window.data_editor.table.item(1, 1).text() == "6"


def test_about_names_the_note_and_its_example(window: MainWindow) -> None:
    box = window.show_about()
    assert "14.39" in box.text() and "2.5·b1² − 14·b1 + 20" in box.text()
    box.close()


# ---- pinned runs -----------------------------------------------------------------------
def test_a_pinned_run_of_another_cost_is_listed_not_drawn(window: MainWindow) -> None:
    window.vm.pin_current()  # MSE, η = 0.01
    window.vm.update(cost="mae")
    path = window.cost_plot.pinned_items[0]
    curve = window.objective_plot.pinned_items[0]
    assert not path.isVisible() and not curve.isVisible()
    labels = [label for _item, label in window.cost_plot._legend_entries]
    assert any(label.startswith("MSE") and "not drawn" in label for label in labels)


def test_a_pinned_run_is_named_by_what_differs(window: MainWindow) -> None:
    window.vm.pin_current()
    window.vm.update(penalty="l2", lam=1.0)
    labels = [label for _item, label in window.cost_plot._legend_entries]
    assert "no penalty, η = 0.01" in labels


def test_this_run_keeps_its_colour_when_a_run_is_pinned(window: MainWindow) -> None:
    def colour() -> str:
        return str(window.cost_plot.path_item.opts["pen"].color().name())

    assert colour() == THIS_RUN_COLOR
    window.vm.pin_current()
    window.vm.update(learning_rate=0.1)
    assert colour() == THIS_RUN_COLOR
    assert window.vm.pinned[0].color != THIS_RUN_COLOR


# ---- a way back after zooming ----------------------------------------------------------
def test_reset_plot_views_undoes_a_zoom(window: MainWindow) -> None:
    view = window.cost_plot.plot_item.getViewBox()
    before = view.viewRange()
    view.scaleBy((0.2, 0.2))
    assert view.viewRange() != before
    window.reset_views_action.trigger()
    assert np.allclose(view.viewRange(), before)


def test_a_diverged_iterates_line_is_cut_to_the_view(window: MainWindow) -> None:
    window.vm.update(learning_rate=0.41)
    window.run_to_end()
    assert window.vm.run.status == "diverged"
    _, (y0, y1) = window.data_plot.plot_item.getViewBox().viewRange()
    lx, ly = _xy(window.data_plot.line_item)
    span = y1 - y0
    assert lx.size in (0, 2)
    assert np.all(np.abs(ly) < 10 * (abs(y0) + abs(y1) + span))  # no 6e99 end points
    _, ry = _xy(window.data_plot.residual_item)
    assert np.all(np.isfinite(ry)) and np.max(np.abs(ry)) < 10 * (abs(y0) + abs(y1) + span)


def test_overlapping_squares_are_filled_where_they_overlap(window: MainWindow) -> None:
    window.reset()
    for _ in range(3):
        window.step()
    plot = window.data_plot
    plot.squares_box.setChecked(True)
    a, b = plot.square_item.path().toSubpathPolygons()
    common = a.boundingRect().intersected(b.boundingRect())
    assert not common.isEmpty()  # at k = 3 the two squares overlap (see the screenshot)
    assert plot.square_item.path().contains(common.center())


def test_while_stepping_the_status_line_keeps_the_ending_to_itself(window: MainWindow) -> None:
    window.show_scene(2)
    window.step()
    assert "converged at k = 396" not in window.status_label.text()
    assert "stepping: k = 1" in window.status_label.text()
    window.run_to_end()
    assert "converged at k = 396" in window.status_label.text()


def test_the_remark_for_an_end_beyond_the_view_says_the_tail_is_left_out(
        window: MainWindow) -> None:
    window.run_to_end()
    remark = window.objective_plot.off_plot
    assert remark.isVisible()
    assert "flat tail is left out" in remark.toPlainText()
