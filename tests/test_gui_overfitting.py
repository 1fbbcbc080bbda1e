"""Overfitting in the window: the degree, test fraction and split seed controls, the curve of
iterate k over a dense x grid, the held-out samples, the test cost (plot, grid, status line),
the validation curve in the path dock and the lesson's overfitting scenes."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from gdapp.cli import build_parser, spec_from_args
from gdapp.core import DOCUMENT, EXAMPLES, RunSpec, run
from gdapp.core.holdout import polynomial, split
from gdapp.core.path import regularization_path, validation_curve
from gdapp.gui.holdout_shape import Shaping, is_polynomial
from gdapp.gui.lessons import all_scenes, scene_specs
from gdapp.gui.polynomial_view import GRID_POINTS, shows_polynomial
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

RAW = EXAMPLES["overfit"]


def overfit_spec(*flags: str) -> RunSpec:
    """The spec ``gdapp gui --example overfit FLAGS`` opens."""
    return spec_from_args(build_parser().parse_args(["gui", "--example", "overfit", *flags]))


@pytest.fixture
def overfit_window(qtbot: Any) -> MainWindow:
    spec = overfit_spec("--degree", "9", "--test-fraction", "0.3", "--split-seed", "1",
                        "--eta", "0.5", "--iterations", "3000")
    win = MainWindow(RunViewModel(spec))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


# ---- the shaping: the samples as loaded, made into the run's data ----------------------
def test_the_gui_commands_spec_is_read_back_to_the_samples_as_loaded() -> None:
    spec = overfit_spec("--degree", "9", "--test-fraction", "0.3", "--split-seed", "1")
    shaping = Shaping.of(spec)
    assert (shaping.degree, shaping.test_fraction, shaping.split_seed) == (9, 0.3, 1)
    assert shaping.raw.same_samples(RAW) and shaping.raw.name == "overfit"
    assert shaping.raw.feature_names == RAW.feature_names
    data, held = shaping.shaped()
    assert data == spec.data and held == spec.holdout
    # --degree alone is the window's run too (it opened the last session before)
    assert overfit_spec("--degree", "3").data.p == 3


def test_powers_that_are_not_the_products_of_x_are_no_polynomial() -> None:
    nine = polynomial(RAW, 9)
    assert is_polynomial(nine) == 9 and is_polynomial(RAW) == 1
    X = nine.X.copy()
    X[0, 4] += 1.0  # an edited x^5
    edited = type(nine)(X, nine.y, feature_names=nine.feature_names, y_name=nine.y_name)
    assert is_polynomial(edited) == 0
    assert is_polynomial(EXAMPLES["features"]) == 0


def test_the_controls_rebuild_the_data_from_the_original_samples(qtbot: Any) -> None:
    vm = RunViewModel(RunSpec(data=RAW, model="line").validated())
    win = MainWindow(vm)
    qtbot.addWidget(win)
    box = win.controls.holdout_controls
    assert not box.split_seed.isEnabled() and box.degree.isEnabled()
    box.degree.setValue(9)
    box.test_fraction.setValue(0.3)
    box.split_seed.setValue(1)
    want_data, want_held = split(polynomial(RAW, 9), 0.3, 1)
    assert vm.spec.data == want_data and vm.spec.holdout == want_held
    assert box.split_seed.isEnabled()
    # degree 9 then 3 is degree 3 from the samples as loaded, split alike
    box.degree.setValue(3)
    want3, held3 = split(polynomial(RAW, 3), 0.3, 1)
    assert vm.spec.data == want3 and vm.spec.holdout == held3
    assert vm.spec.param_names == ("b0", "b1", "b2", "b3")
    box.test_fraction.setValue(0.0)
    assert vm.spec.holdout is None and vm.spec.data == polynomial(RAW, 3)
    # a spec from elsewhere shows in the boxes
    vm.update(data=DOCUMENT, holdout=None, model="origin")
    assert (box.degree.value(), box.test_fraction.value()) == (1, 0.0)


def test_a_split_without_two_training_samples_is_refused_and_nothing_changes(
        qtbot: Any) -> None:
    vm = RunViewModel(RunSpec(data=RAW, model="line").validated())
    win = MainWindow(vm)
    qtbot.addWidget(win)
    before = vm.spec
    with qtbot.waitSignal(vm.errorOccurred) as said:
        assert not vm.set_shaping(test_fraction=0.95)
    assert "at least 2" in said.args[0]
    assert vm.spec is before


def test_the_degree_is_disabled_for_several_features(qtbot: Any) -> None:
    vm = RunViewModel(RunSpec(data=EXAMPLES["features"], model="line").validated())
    win = MainWindow(vm)
    qtbot.addWidget(win)
    box = win.controls.holdout_controls
    assert not box.degree.isEnabled() and "5" in box.degree.toolTip()
    box.test_fraction.setValue(0.2)  # held-out samples of several features work
    assert vm.spec.holdout is not None and vm.spec.holdout.data.n == 6


# ---- the data view ---------------------------------------------------------------------
def test_the_curve_over_the_dense_grid_follows_iterate_k(overfit_window: MainWindow) -> None:
    win = overfit_window
    plot = win.polynomial_plot
    assert win.data_plots.currentWidget() is plot and shows_polynomial(win.vm.spec)
    run_ = win.vm.run
    for k in (0, 7, 400, run_.iterations):
        win.vm.set_current(k)
        x, y = plot.curve_item.getData()
        assert len(x) == GRID_POINTS
        assert x[0] < run_.spec.data.X[:, 0].min() and x[-1] > run_.spec.data.X[:, 0].max()
        b = run_.params[k]
        by_hand = b[0] + sum(b[j] * x ** j for j in range(1, 10))
        np.testing.assert_allclose(y, np.clip(by_hand, *plot._reach), rtol=1e-9, atol=1e-12)
    assert not np.allclose(plot.curve_at(0)[1], plot.curve_at(run_.iterations)[1])


def test_the_held_out_markers_hold_exactly_the_test_rows(overfit_window: MainWindow) -> None:
    plot = overfit_window.polynomial_plot
    held = overfit_window.vm.spec.holdout
    assert held is not None
    x, y = plot.held_out_item.getData()
    np.testing.assert_array_equal(x, RAW.x[list(held.test_rows)])
    np.testing.assert_array_equal(y, RAW.y[list(held.test_rows)])
    tx, ty = plot.train_item.getData()
    np.testing.assert_array_equal(tx, RAW.x[list(held.train_rows)])
    np.testing.assert_array_equal(ty, RAW.y[list(held.train_rows)])
    assert plot.held_out_item.opts["symbol"] != plot.train_item.opts["symbol"]
    labels = [label for _item, label in plot._legend_entries]
    assert labels[:2] == ["training samples (11)", "held-out samples (4)"]


def test_the_note_example_keeps_the_plain_data_plot(window: MainWindow) -> None:
    assert window.data_plots.currentWidget() is window.data_plot
    window.vm.set_shaping(test_fraction=0.5)  # two samples: one would be left to train
    assert window.vm.spec.holdout is None
    window.vm.update(data=RAW, model="line")
    window.vm.set_shaping(test_fraction=0.2)
    assert window.data_plots.currentWidget() is window.polynomial_plot


# ---- the test cost: grid, objective plot, status line ----------------------------------
def test_the_test_cost_column_equals_the_runs_test_objective(
        overfit_window: MainWindow) -> None:
    model = overfit_window.grid.wide_model  # one row per iterate (the grid may show bands)
    keys = [model.column_key(c) for c in range(model.columnCount())]
    col = keys.index("test cost")
    assert keys[col - 1] == "objective"
    test = overfit_window.vm.run.test_objective
    assert test is not None
    for row in (0, 1, 250, model.rowCount() - 1):
        assert model.cell_value(row, col) == test[row]
    # recomputed by hand from the split: the mean squared error on the held-out samples
    held = overfit_window.vm.spec.holdout
    b = overfit_window.vm.run.params[-1]
    fit = b[0] + held.data.X @ b[1:]
    assert model.cell_value(model.rowCount() - 1, col) == pytest.approx(
        float(np.mean((held.data.y - fit) ** 2)), rel=1e-12)


def test_no_test_cost_column_without_held_out_samples(window: MainWindow) -> None:
    model = window.grid.table_model
    assert "test cost" not in [model.column_key(c) for c in range(model.columnCount())]
    assert "test cost" not in window.status_label.text()


def test_the_objective_plot_draws_the_test_cost_and_the_status_line_says_it(
        overfit_window: MainWindow) -> None:
    win = overfit_window
    curve = win.objective_plot.test_curve
    y = curve.yData  # every iterate (getData gives what the view draws)
    test = win.vm.run.test_objective
    assert len(y) == win.vm.run.iterations + 1
    np.testing.assert_array_equal(y, test)
    np.testing.assert_array_equal(curve.xData, np.arange(len(y)))
    win.vm.set_current(5)
    status = win.status_label.text()
    assert f"test cost at k = 5: {test[5]:.6g}" in status
    assert status.index("test cost") < status.index("exact optimum")  # never pushed out
    labels = [label for _item, label in win.objective_plot._legend_entries]
    assert "test cost (held-out samples)" in labels


# ---- the validation curve --------------------------------------------------------------
def test_the_path_dock_draws_the_validation_curve_with_the_best_lambda(
        overfit_window: MainWindow) -> None:
    win = overfit_window
    win.path_dock.show()
    curve_plot = win.path_plot.validation
    assert curve_plot.isVisible() and not win.path_plot.plots["l1"].isVisible()
    spec = win.vm.spec
    path = regularization_path(spec.data, "line", "l2", curve_plot.path.lambdas)
    want = validation_curve(path, spec.data, spec.holdout.data, "line")
    lam, test = curve_plot.test_item.getData()
    np.testing.assert_allclose(lam, np.log10(path.lambdas), rtol=1e-12)  # a log axis
    np.testing.assert_allclose(test, want.test_cost, rtol=1e-12)
    np.testing.assert_allclose(curve_plot.train_item.getData()[1], want.train_cost, rtol=1e-12)
    (bx,), (by,) = curve_plot.best_item.getData()
    assert bx == pytest.approx(math.log10(want.best_lambda))
    assert by == pytest.approx(float(np.min(want.test_cost)))
    # the polynomial overfits at the smallest λ: several times the best test cost
    assert want.test_cost[-1] > 5 * by


def test_a_click_on_the_validation_curve_sets_lambda(qtbot: Any,
                                                     overfit_window: MainWindow) -> None:
    win = overfit_window
    win.path_dock.show()
    plot = win.path_plot.validation.plot
    qtbot.waitUntil(lambda: plot.isVisible() and plot.width() > 100)
    vb = plot.getPlotItem().getViewBox()
    widget_point = plot.mapFromScene(vb.mapViewToScene(QPointF(math.log10(0.002), 0.05)))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)
    spec = win.vm.spec
    assert spec.penalty == "l2" and spec.lam == pytest.approx(0.002, rel=0.05)
    assert win.path_plot.validation.current_line.value() == pytest.approx(
        math.log10(spec.lam))
    assert win.vm.run.test_objective is not None


def test_no_validation_curve_without_held_out_samples(qtbot: Any) -> None:
    vm = RunViewModel(overfit_spec("--degree", "3"))
    win = MainWindow(vm)
    qtbot.addWidget(win)
    win.show()
    win.path_dock.show()
    assert not win.path_plot.validation.isVisible()
    assert win.path_plot.plots["l1"].isVisible() and win.path_plot.plots["l2"].isVisible()


# ---- the lesson ------------------------------------------------------------------------
def test_the_overfitting_scenes_follow_the_notes_and_say_what_the_runs_do() -> None:
    extra = all_scenes()[-4:]  # the last group of the Lesson menu
    assert all(scene_specs(s)[1].holdout is not None for s in extra)
    assert not any(scene_specs(s)[1].holdout is not None for s in all_scenes()[:-4])
    degrees = []
    for scene in extra:
        _pins, spec = scene_specs(scene)
        shaping = Shaping.of(spec)
        assert shaping.raw.same_samples(RAW) and spec.holdout is not None
        degrees.append(shaping.degree)
    assert degrees == [1, 3, 9, 9]
    one, three, nine, penalized = (run(scene_specs(s)[1]) for s in extra)
    # the paragraphs' numbers are the runs'
    assert one.converged_at == 250 and f"{one.cost[-1]:.3f}" == "0.181"
    assert f"{one.test_objective[-1]:.3f}" == "0.064"
    assert three.converged_at == 135_277 and f"{three.test_objective[-1]:.2g}" == "0.0099"
    assert f"{nine.cost[-1]:.3g}" == "0.0135" and f"{nine.test_objective[-1]:.3g}" == "0.11"
    assert int(np.argmin(nine.test_objective)) == 252
    assert penalized.converged_at == 4_873
    assert f"{penalized.test_objective[-1]:.3g}" == "0.0114"
    assert np.max(np.abs(penalized.params[-1])) < 2.5
    assert np.max(np.abs(nine.optimum.params)) > 1e6  # "coefficients in the millions"
    assert "0.0114" in extra[3].text and extra[3].path


def test_the_lambda_scene_opens_the_validation_curve(qtbot: Any, window: MainWindow) -> None:
    index = len(all_scenes()) - 1
    window.show_scene(index)
    assert window.path_dock.isVisible() and window.path_plot.validation.isVisible()
    assert window.vm.spec.penalty == "l2" and window.data_plots.currentWidget() is \
        window.polynomial_plot
    assert window.lesson.hint.text().startswith(f"Scene {index + 1} of {len(all_scenes())}")


# ---- the session -----------------------------------------------------------------------
def test_the_session_keeps_the_samples_as_loaded_and_the_shaping(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from gdapp.gui.settings_store import SessionStore

    monkeypatch.setenv("GDAPP_SESSION_FILE", str(tmp_path / "session.json"))
    spec = overfit_spec("--degree", "9", "--test-fraction", "0.3", "--split-seed", "1")
    spec = RunSpec(**{**{f: getattr(spec, f) for f in ("data", "holdout", "model")},
                      "start": tuple(float(i) for i in range(10))}).validated()
    assert SessionStore().save(spec, {}) is None
    text = (tmp_path / "session.json").read_text(encoding="utf-8")
    assert '"shaping": {"degree": 9, "test_fraction": 0.3, "split_seed": 1}' in text
    back, _state, message = SessionStore().load()
    assert message is None
    assert back.data == spec.data and back.holdout == spec.holdout and back.start == spec.start
    assert Shaping.of(back).raw.same_samples(RAW)  # every sample, the held-out ones too


def test_gdapp_gui_opens_the_run_of_a_degree_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import gdapp.gui.app
    from gdapp.cli import main

    opened: list[Any] = []
    monkeypatch.setattr(gdapp.gui.app, "launch", lambda spec, **_kw: opened.append(spec) or 0)
    assert main(["gui", "--degree", "2"]) == 0
    spec = opened[0]
    assert spec is not None  # not the last session's run
    assert spec.data.feature_names == ("x", "x^2") and spec.data.y.tolist() == [2.0, 6.0]
    assert main(["gui", "--test-fraction", "0.5"]) == 2  # two samples: one left to train
