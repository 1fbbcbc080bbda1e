"""The window reads the cost and model tables: the Cost and Model boxes, the Cost box
following the model, the cost settings' rows (Huber's δ), labels in both languages, the step
formula of every cost, run labels and the cost of a run — each parametrized from the
tables, so that a new entry is covered without a new test."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest
from pytestqt.qtbot import QtBot
from qt_typing import type_into

from gdapp.core import (
    COST_RULES,
    COST_SETTINGS,
    DOCUMENT,
    EXAMPLES,
    MODEL_RULES,
    Dataset,
    Objective,
    RunSpec,
    run,
)
from gdapp.gui.controls import ControlsPanel
from gdapp.gui.i18n import install_language
from gdapp.gui.rule_texts import cost_label, cost_word, model_label
from gdapp.gui.run_labels import difference_label, same_cost_surface, same_objective
from gdapp.gui.spec_texts import choice_labels
from gdapp.gui.step_text import describe_step
from gdapp.gui.viewmodel import RunViewModel, describe_spec, is_background_run, run_cost
from gdapp.gui.window import MainWindow

PASSFAIL = EXAMPLES["passfail"]


def make(qtbot: QtBot, spec: RunSpec | None = None) -> ControlsPanel:
    panel = ControlsPanel(RunViewModel(spec))
    qtbot.addWidget(panel)
    return panel


def items(combo: object) -> list[str]:
    return [combo.itemData(i) for i in range(combo.count())]  # type: ignore[attr-defined]


def spec_for(cost: str) -> RunSpec:
    """A run of ``cost`` on data its model takes (a regression cost on the note's line)."""
    model = "line" if cost in MODEL_RULES["line"].costs else \
        next(m for m, rule in MODEL_RULES.items() if cost in rule.costs)
    data = PASSFAIL if MODEL_RULES[model].targets == "binary" else DOCUMENT
    return RunSpec(data=data, model=model, cost=cost, max_iterations=20, start=None)


# ---- the boxes ---------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_choices_are_the_entries_labels_in_the_windows_language(qapp: object,
                                                                    lang: str) -> None:
    install_language(lang)
    try:
        labels = choice_labels()
        for name, rule in COST_RULES.items():
            assert labels[name] == (rule.label_ko if lang == "ko" else rule.label)
        for name, rule in MODEL_RULES.items():
            assert labels[name] == (rule.label_ko if lang == "ko" else rule.label)
        many = choice_labels(3)
        assert "Σbj·xj" in many["line"] and many["sine"] == labels["sine"]
    finally:
        install_language("en")


def test_the_model_box_holds_every_model_with_its_help(qtbot: QtBot) -> None:
    panel = make(qtbot)
    assert items(panel.model) == list(MODEL_RULES)
    for i, rule in enumerate(MODEL_RULES.values()):
        assert panel.model.itemText(i) == model_label(rule.name)
        assert panel.model.itemData(i, 3) == rule.help  # Qt.ToolTipRole


@pytest.mark.parametrize("model", list(MODEL_RULES))
def test_the_cost_box_offers_the_models_costs_default_first(qtbot: QtBot, model: str
                                                            ) -> None:
    rule = MODEL_RULES[model]
    data = PASSFAIL if rule.targets == "binary" else DOCUMENT
    panel = make(qtbot, RunSpec(data=data, model=model, start=None))
    assert items(panel.cost) == list(rule.costs)
    assert panel.cost.currentData() == rule.default_cost
    for i, name in enumerate(rule.costs):
        assert panel.cost.itemText(i) == cost_label(name)


def test_a_new_model_takes_its_own_cost_when_the_old_one_does_not_pair(qtbot: QtBot) -> None:
    panel = make(qtbot, RunSpec(data=PASSFAIL, model="line", cost="huber"))
    vm = panel._vm
    panel.model.setCurrentIndex(panel.model.findData("logistic"))
    assert (vm.spec.model, vm.spec.cost) == ("logistic", "bce")  # Huber does not pair
    assert items(panel.cost) == list(MODEL_RULES["logistic"].costs)
    panel.cost.setCurrentIndex(panel.cost.findData("mse"))
    assert vm.spec.cost == "mse"
    panel.model.setCurrentIndex(panel.model.findData("line"))
    assert vm.spec.cost == "mse"  # it pairs, and was chosen: kept
    panel.model.setCurrentIndex(panel.model.findData("logistic"))
    assert vm.spec.cost == "bce"  # MSE was just the line's own: the classifier's own now
    assert panel.message.text() == ""


# ---- cost settings -----------------------------------------------------------------------
def test_a_row_per_cost_setting_shown_only_for_its_cost(qtbot: QtBot) -> None:
    panel = make(qtbot)
    cc = panel.cost_controls
    assert set(cc.boxes) == set(COST_SETTINGS)
    for name, setting in COST_SETTINGS.items():
        assert cc.labels[name].text() == setting.label
        assert cc.boxes[name].toolTip() == setting.help
    form = panel.layout()
    for cost, rule in COST_RULES.items():
        if cost not in MODEL_RULES["origin"].costs:
            continue
        panel.cost.setCurrentIndex(panel.cost.findData(cost))
        assert panel._vm.spec.cost == cost
        for name, box in cc.boxes.items():
            assert form.isRowVisible(box) == (name in rule.setting_names()), (cost, name)


def test_typing_delta_reruns_and_a_delta_of_0_is_refused_in_a_sentence(qtbot: QtBot) -> None:
    panel = make(qtbot, RunSpec(cost="huber"))
    vm = panel._vm
    box = panel.cost_controls.boxes["delta"]
    assert box.value() == 1.0
    type_into(qtbot, box, "2.5")
    assert vm.spec.delta == 2.5 and vm.run.spec.delta == 2.5
    type_into(qtbot, box, "0")
    assert vm.spec.delta == 2.5
    assert "must be > 0" in panel.message.text()


def test_delta_changes_the_huber_cost_on_the_plots(qtbot: QtBot) -> None:
    win = MainWindow(RunViewModel(RunSpec(cost="huber", delta=1.0)))
    qtbot.addWidget(win)
    _, e1 = win.cost_plot.cost_curve.getData()
    win.vm.update(delta=3.0)
    xs, e3 = win.cost_plot.cost_curve.getData()
    expected = Objective.of(win.vm.spec).cost(np.asarray(xs)[:, None])
    np.testing.assert_allclose(e3, expected, rtol=1e-12)
    assert not np.allclose(e1, e3)


# ---- texts from the entries ----------------------------------------------------------------
@pytest.mark.parametrize("cost", list(COST_RULES))
def test_the_step_writes_every_costs_formula_with_its_numbers(cost: str) -> None:
    r = run(spec_for(cost).validated())
    lines = describe_step(r, 1, Objective.of(r.spec))
    slope_lines = [line.strip() for line in lines if line.strip().startswith("∂E/∂")]
    assert len(slope_lines) == len(r.spec.param_names)
    rule = COST_RULES[cost]
    body = rule.step_text.split(" = ", 1)[1]
    head = re.split(r"·∂ŷ/∂b|∂b\b|·x$", body)[0]  # up to where the parameter enters
    for j, line in enumerate(slope_lines):
        assert head in line, line
        value = line.split("   (")[0].rsplit(" = ", 1)[1].replace("−", "-")
        assert float(value) == pytest.approx(float(r.gradient[1, j]), rel=1e-9)
        assert line.count(" = ") >= 3  # the formula, its numbers, its value
    for setting in rule.settings:
        assert f"({setting.label.split(' ')[0]} = {getattr(r.spec, setting.name):g})" \
            in "\n".join(slope_lines)


def test_huber_writes_the_clip_with_delta_and_its_numbers() -> None:
    r = run(RunSpec(cost="huber", delta=2.0, max_iterations=3).validated())
    text = "\n".join(describe_step(r, 0, Objective.of(r.spec)))
    # x = (1, 2), y = (2, 6), b1 = 15: r = (−13, −24), clipped to (−2, −2): Σ clip·x = −6
    assert "∂E/∂b1 = −(1/n)·Σ clip(y − ŷ, −δ, δ)·x = −(1/2) × (−6) = 3   (δ = 2)" in text
    assert "b1 ← 15 − 0.01 × 3 = 14.97" in text


@pytest.mark.parametrize("cost", list(COST_RULES))
def test_describe_spec_and_labels_name_the_cost_by_its_entry(cost: str) -> None:
    spec = spec_for(cost).validated()
    model_default = MODEL_RULES[spec.model].default_cost
    assert (cost_word(cost) in describe_spec(spec)) == (cost != model_default)
    other = dataclasses.replace(spec, cost=model_default) if cost != model_default else None
    if other is not None:
        assert difference_label(spec, other.validated()).startswith(cost_word(cost))


def test_the_same_cost_surface_needs_the_same_cost_settings() -> None:
    a = RunSpec(cost="huber", delta=1.0).validated()
    b = dataclasses.replace(a, delta=2.0)
    assert not same_cost_surface(a, b) and not same_objective(a, b)
    assert difference_label(b, a) == "δ = 2, η = 0.01"
    # δ is no setting of MSE: two MSE runs differing only there share everything
    c, d = RunSpec().validated(), RunSpec(delta=5.0).validated()
    assert same_cost_surface(c, d) and same_objective(c, d)
    pen = dataclasses.replace(c, penalty="l2", lam=0.5)
    assert same_cost_surface(c, pen) and not same_objective(c, pen)
    assert not same_objective(pen, dataclasses.replace(pen, lam=1.0))
    assert describe_spec(b) == "η = 0.01, Huber, δ = 2"


def test_the_cost_of_a_run_follows_the_entries_capabilities() -> None:
    million = Dataset(np.linspace(0.0, 1.0, 1_000_000), np.linspace(0.0, 2.0, 1_000_000),
                      name="million")
    per_update = {cost: run_cost(RunSpec(data=million, model="line", cost=cost,
                                         max_iterations=1)) for cost in COST_RULES
                  if cost in MODEL_RULES["line"].costs}
    for cost, work in per_update.items():
        # squared costs from sufficient statistics (O(1)); the others walk every sample
        assert (work < 1_000) == COST_RULES[cost].squared, cost
    assert is_background_run(RunSpec(data=million, model="line", cost="huber"))
    assert not is_background_run(RunSpec(data=million, model="line", cost="rmse"))
