"""Logistic regression in the window: the classifier's data view (S-curve of one feature,
decision boundary of two, p per sample beyond), accuracy in the grid and the status line, the
step written out with its numbers, the classification scenes and ``gdapp gui --example
passfail``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from gdapp.cli import main
from gdapp.core import EXAMPLES, MODEL_RULES, Dataset, Objective, RunSpec, run
from gdapp.core.costs import sigmoid
from gdapp.gui.data_plot import DataPlot
from gdapp.gui.i18n import install_language
from gdapp.gui.lesson_classify import study_hours_only
from gdapp.gui.lessons import Scene, scene_specs, scenes
from gdapp.gui.logistic_view import CLASS_STYLE, boundary_ends
from gdapp.gui.status_text import describe_status
from gdapp.gui.step_text import describe_step
from gdapp.gui.table_model import IterationTableModel
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

PASSFAIL = EXAMPLES["passfail"]


def plot_for(qtbot: QtBot, spec: RunSpec) -> tuple[RunViewModel, DataPlot]:
    vm = RunViewModel(spec)
    plot = DataPlot(vm)
    qtbot.addWidget(plot)
    return vm, plot


def _xy(item: object) -> tuple[np.ndarray, np.ndarray]:
    x, y = item.getData()  # type: ignore[attr-defined]
    return (np.asarray([] if x is None else x, dtype=float),
            np.asarray([] if y is None else y, dtype=float))


def test_one_feature_draws_the_samples_at_0_and_1_and_the_s_curve_of_iterate_k(
        qtbot: QtBot) -> None:
    spec = RunSpec(data=study_hours_only(), model="logistic", learning_rate=0.1,
                   max_iterations=300)
    vm, plot = plot_for(qtbot, spec)
    layer = plot.logistic
    assert layer.active and layer.mode == "curve"
    assert not plot.line_item.isVisible() and not plot.squares_box.isVisible()
    data = spec.data
    for cls, item in enumerate(layer.class_items):
        x, y = _xy(item)
        assert sorted(x) == sorted(data.x[data.y == cls]) and set(y) == {float(cls)}
    vm.set_current(250)
    b0, b1 = vm.run.params[250]
    xs, ps = _xy(layer.curve_item)
    np.testing.assert_allclose(ps, sigmoid(b0 + b1 * xs), rtol=1e-12)
    # the 0.5 crossing at x = −b0/b1, with its dot on p = 0.5
    (cx,), (cy,) = _xy(layer.cross_dot)
    assert cx == pytest.approx(-b0 / b1) and cy == 0.5
    np.testing.assert_allclose(_xy(layer.cross_item)[0], -b0 / b1)
    # the rings are the samples iterate k gets wrong, as many as the accuracy says
    wrong_x, _ = _xy(layer.wrong_item)
    assert wrong_x.size == round((1 - vm.run.accuracy[250]) * data.n)


def test_two_features_draw_the_classes_by_colour_and_shape_and_a_moving_boundary(
        qtbot: QtBot) -> None:
    spec = RunSpec(data=PASSFAIL, model="logistic", learning_rate=0.1, max_iterations=400)
    vm, plot = plot_for(qtbot, spec)
    layer = plot.logistic
    assert layer.mode == "plane"
    shapes = [item.opts["symbol"] for item in layer.class_items]
    colours = [item.opts["symbolBrush"].color().name() for item in layer.class_items]
    assert len(set(shapes)) == 2 and len(set(colours)) == 2
    assert colours == [c for c, _ in CLASS_STYLE]
    x1, x2 = _xy(layer.class_items[1])
    passed = PASSFAIL.y == 1
    assert sorted(x1) == sorted(PASSFAIL.X[passed, 0])
    assert sorted(x2) == sorted(PASSFAIL.X[passed, 1])
    # at k = 0 every b is 0: there is no boundary, and every student of class 0 is wrong
    vm.stepping = True
    vm.set_current(0)
    assert _xy(layer.curve_item)[0].size == 0
    assert "No boundary at this k" in plot.note_text
    assert _xy(layer.wrong_item)[0].size == int((PASSFAIL.y == 0).sum())
    ends = []
    for k in (50, 400):
        vm.set_current(k)
        xs, ys = _xy(layer.curve_item)
        b0, b1, b2 = vm.run.params[k]
        assert xs.size == 2
        np.testing.assert_allclose(b0 + b1 * xs + b2 * ys, 0.0, atol=1e-9)
        ends.append((xs.copy(), ys.copy()))
        assert plot.note_text == ""
    assert not np.allclose(np.concatenate(ends[0]), np.concatenate(ends[1]))  # it moved


def test_the_boundary_is_cut_to_the_view_or_absent() -> None:
    view = (0.0, 10.0, 0.0, 10.0)
    xs, ys = boundary_ends(np.array([-5.0, 1.0, 1.0]), view)  # x1 + x2 = 5
    np.testing.assert_allclose(xs + ys, 5.0)
    assert xs.min() == 0.0 and xs.max() == 5.0
    xs, _ = boundary_ends(np.array([-5.0, 1.0, 0.0]), view)  # x1 = 5, upright
    np.testing.assert_allclose(xs, 5.0)
    assert boundary_ends(np.array([-50.0, 1.0, 1.0]), view)[0].size == 0  # beyond the view


def test_more_features_draw_p_of_each_sample_by_class(qtbot: QtBot) -> None:
    X = np.column_stack([PASSFAIL.X, PASSFAIL.X[:, 0] * PASSFAIL.X[:, 1] / 10])
    data = Dataset(X, PASSFAIL.y, feature_names=["a", "b", "c"], y_name="passed",
                   name="three")
    vm, plot = plot_for(qtbot, RunSpec(data=data, model="logistic", learning_rate=0.05,
                                       max_iterations=100))
    assert plot.logistic.mode == "index"
    k = vm.current
    p = Objective.of(vm.spec).predictions(vm.run.params[k:k + 1])[0]
    x, y = _xy(plot.logistic.class_items[1])
    np.testing.assert_allclose(y, p[data.y == 1])
    np.testing.assert_array_equal(x, np.flatnonzero(data.y == 1) + 1)


def test_a_regression_model_after_a_classifier_gets_its_line_back(qtbot: QtBot) -> None:
    vm, plot = plot_for(qtbot, RunSpec(data=PASSFAIL, model="logistic"))
    assert plot.logistic.active
    assert vm.update(model="line")
    assert vm.spec.cost == "mse"  # the line's own cost: cross-entropy does not pair
    assert not plot.logistic.active and plot.line_item.isVisible()
    assert not any(item.isVisible() for item in plot.logistic.items)


@pytest.mark.parametrize("name", list(MODEL_RULES))
def test_every_model_opens_in_the_window_with_its_entrys_view(qtbot: QtBot, name: str
                                                              ) -> None:
    rule = MODEL_RULES[name]
    data = PASSFAIL if rule.targets == "binary" else EXAMPLES["nonconvex"] \
        if rule.max_features == 1 else EXAMPLES["features"]
    win = MainWindow(RunViewModel(RunSpec(data=data, model=name, max_iterations=50)))
    qtbot.addWidget(win)
    assert win.data_plot.logistic.active == (rule.view == "logistic")
    assert win.controls.model.currentData() == name
    assert win.controls.cost.currentData() == rule.default_cost
    assert len(win.controls.start.boxes) == len(win.vm.spec.param_names)


def test_accuracy_is_a_grid_column_and_in_the_status_line(qtbot: QtBot) -> None:
    vm = RunViewModel(RunSpec(data=PASSFAIL, model="logistic", learning_rate=0.1,
                              max_iterations=200))
    model = IterationTableModel(vm)
    keys = [model.column_key(c) for c in range(model.columnCount())]
    col = keys.index("accuracy")
    assert keys[col - 1] == "cost E"  # beside the cost, where a narrow grid still shows it
    for row in (0, 100, 200):
        assert float(model.cell_text(row, col)) == pytest.approx(vm.run.accuracy[row])
    assert model.cell_text(0, col) == "0.625"  # p = 0.5 for all: 25 of 40 predicted right
    info, _ = describe_status(vm.run, 0, stepping=True)  # (k = 0: the ending's, once)
    assert "stepping: k = 0 (End shows how the run ends) · accuracy: 62.5% (25 of 40 " \
        "samples)" in info
    assert "accuracy at k = 5: " in describe_status(vm.run, 5)[0]  # k the ending does not name
    regression = IterationTableModel(RunViewModel())
    assert "accuracy" not in [regression.column_key(c)
                              for c in range(regression.columnCount())]


def test_the_step_writes_the_cross_entropy_slope_with_its_numbers() -> None:
    r = run(RunSpec(data=PASSFAIL, model="logistic", learning_rate=0.1,
                    max_iterations=5).validated())
    k = 2
    text = "\n".join(describe_step(r, k, Objective.of(r.spec)))
    p = sigmoid(r.params[k, 0] + PASSFAIL.X @ r.params[k, 1:])
    total = float(np.sum((p - PASSFAIL.y) * PASSFAIL.X[:, 0]))
    g = float(r.gradient[k, 1])
    assert g == pytest.approx(total / 40, rel=1e-12)
    assert f"∂E/∂b1 = (1/n)·Σ (p − y)·study_hours = (1/40) × ({total:.10g}" \
        .replace("-", "−") in text
    assert "∂E/∂b0 = (1/n)·Σ (p − y) = (1/40) × " in text
    assert f"b1 ← {r.params[k, 1]:.10g} − 0.1 × " in text


def _classification_scenes() -> tuple[Scene, Scene]:
    """The two classification scenes of the Lesson menu (on the passfail students)."""
    boundary, why = (s for s in scenes() if scene_specs(s)[1].model == "logistic")
    return boundary, why


def test_the_classification_scenes_say_what_the_engine_gives() -> None:
    boundary, why = _classification_scenes()
    _, spec = scene_specs(boundary)
    r = run(spec)
    assert "62.5 %" in boundary.text and r.accuracy[0] == 0.625
    assert "77.5 % after 200" in boundary.text and r.accuracy[200] == 0.775
    assert "87.5 % after 1,000" in boundary.text and r.accuracy[1000] == 0.875
    pins, spec = scene_specs(why)
    mse, bce = run(spec), run(pins[0])
    assert (spec.cost, pins[0].cost) == ("mse", "bce")
    g_mse = Objective.of(spec).cost_gradient(mse.params[:1])[0]
    g_bce = Objective.of(pins[0]).cost_gradient(bce.params[:1])[0]
    assert f"{g_mse[1]:.3f}" == "0.044" and "∂E/∂b1 is only 0.044" in why.text
    assert f"{g_bce[1]:.2f}" == "-3.13" and "−3.13 at the same start" in why.text
    assert f"{mse.params[-1, 1]:.2f}" == "-6.16" and "b1 = −6.16" in why.text
    assert mse.accuracy[0] == 0.275 and mse.accuracy[-1] == 0.375
    assert bce.accuracy[-1] == 0.8 and "(80 %)" in why.text
    assert [f"{v:.2f}" for v in bce.params[-1]] == ["-4.14", "1.19"]
    assert "b0 = −4.14, b1 = 1.19" in why.text


def test_the_scenes_speak_korean(qapp: object) -> None:
    install_language("ko")
    try:
        boundary, why = _classification_scenes()
        assert "결정 경계" in boundary.text and "교차 엔트로피" in why.title
    finally:
        install_language("en")


def test_gui_example_passfail_opens_the_logistic_model_with_cross_entropy(
        tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[RunSpec] = []

    def spy(vm: RunViewModel, **kw: object) -> MainWindow:
        opened.append(vm.spec)
        return MainWindow(vm, **kw)  # type: ignore[arg-type]
    monkeypatch.setattr("gdapp.gui.window.MainWindow", spy)
    shot = tmp_path / "passfail.png"
    assert main(["gui", "--example", "passfail", "--screenshot", str(shot)]) == 0
    assert shot.stat().st_size > 10_000
    assert [(s.model, s.cost, s.data.name) for s in opened] == [
        ("logistic", "bce", PASSFAIL.name)]


def test_the_regularization_path_says_it_is_not_the_classifiers(qtbot: QtBot) -> None:
    from gdapp.gui.path_plot import RegularizationPathPlot
    plot = RegularizationPathPlot(RunViewModel(RunSpec(data=PASSFAIL, model="logistic")))
    qtbot.addWidget(plot)
    plot.show()
    assert "not of this classifier" in plot.plots["l1"].getPlotItem().titleLabel.text
    plot.vm.update(model="line")
    assert "not of this classifier" not in plot.plots["l1"].getPlotItem().titleLabel.text


def test_a_large_classification_set_is_thinned_for_drawing(qtbot: QtBot) -> None:
    rng = np.random.default_rng(3)
    X = rng.normal(size=(50_000, 2))
    y = (X[:, 0] + X[:, 1] + rng.normal(size=50_000) > 0).astype(float)
    data = Dataset(X, y, feature_names=["u", "v"], name="big classes")
    vm, plot = plot_for(qtbot, RunSpec(data=data, model="logistic", learning_rate=0.5,
                                       max_iterations=20))
    drawn = sum(_xy(item)[0].size for item in plot.logistic.class_items)
    assert 0 < drawn <= 5_000
    assert "50000" in plot.note_text.replace(",", "")
    vm.stepping = True
    vm.set_current(20)
    assert _xy(plot.logistic.wrong_item)[0].size <= drawn


def test_the_status_line_calls_a_classifiers_eta_limit_a_safe_bound(qapp: object) -> None:
    from gdapp.gui.status_text import describe_status

    r = run(RunSpec(data=PASSFAIL, model="logistic", max_iterations=20))
    text, _ = describe_status(r, 20)
    assert f"safe for η < {r.stability_limit:.6g} (a bound" in text
    assert "stable for η" not in text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_mse_on_a_classifier_that_creeps_points_to_cross_entropy(qapp: object,
                                                                 lang: str) -> None:
    # scene 17's MSE run: "Raise max iterations, or η" worked against the lesson (MSE on σ
    # is not convex; cross-entropy descends)
    from gdapp.gui.run_hints import never_settles_hint

    install_language(lang)
    spec = RunSpec(data=study_hours_only(), model="logistic", cost="mse", learning_rate=0.5,
                   start=(6.0, -3.0), max_iterations=2000)
    hint = never_settles_hint(run(spec))
    if lang == "en":
        assert "not convex" in hint and "cross-entropy" in hint
        assert "Raise max iterations" not in hint
    else:
        assert "볼록하지" in hint and "교차 엔트로피" in hint
    install_language("en")
    line = never_settles_hint(run(RunSpec(data=EXAMPLES["features"], model="line",
                                          learning_rate=0.0009)))
    assert "Raise max iterations" in line  # a regression run keeps the advice
