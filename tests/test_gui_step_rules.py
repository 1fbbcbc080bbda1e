"""The step written out with its numbers for every rule, as the note writes its own
(15 − 0.01 × 61 = 14.39): each optimizer's state and direction, a schedule's η_k, a
mini-batch's samples and gradient, L1's subgradient with an optimizer, and each component
of the gradient of several features."""

from __future__ import annotations

import dataclasses
import math
import re

import numpy as np
import pytest

from gdapp.core import EXAMPLES, Objective, RunSpec, run
from gdapp.core.optimizers import OPTIMIZERS, OptimizerRule
from gdapp.gui.step_text import describe_step


def _lines(k: int = 1, **changes: object) -> tuple[list[str], object]:
    spec = RunSpec(**changes).validated()  # type: ignore[arg-type]
    r = run(spec)
    return [line.strip() for line in describe_step(r, k, Objective.of(spec))], r


def _value(line: str) -> float:
    return float(line.rsplit("=", 1)[1].replace("−", "-"))


def test_adam_writes_m_v_and_their_bias_corrections_with_numbers() -> None:
    lines, r = _lines(optimizer="adam", learning_rate=0.5)
    # update 2 from b1 = 14.5: g = 5 × 14.5 − 14 = 58.5; m after update 1 is 0.1 × 61
    assert "m = β1·m + (1 − β1)·g = 0.9 × 6.1 + 0.1 × 58.5 = 11.34" in lines
    assert "v = β2·v + (1 − β2)·g² = 0.999 × 3.721 + 0.001 × 58.5² = 7.139529" in lines
    m_hat = next(x for x in lines if x.startswith("m̂ = "))
    v_hat = next(x for x in lines if x.startswith("v̂ = "))
    assert _value(m_hat) == pytest.approx(11.34 / (1 - 0.9 ** 2))
    assert _value(v_hat) == pytest.approx(7.139529 / (1 - 0.999 ** 2))
    d = next(x for x in lines if x.startswith("d = m̂/(√v̂ + ε)"))
    assert _value(d) == pytest.approx((r.params[1, 0] - r.params[2, 0]) / 0.5)


def test_momentum_and_nesterov_write_the_velocity() -> None:
    lines, _ = _lines(optimizer="momentum")
    assert "buf = μ·buf + (1 − τ)·g = 0.9 × 61 + 1 × 57.95 = 112.85" in lines
    assert "b1 ← b1 − η·d = 14.39 − 0.01 × 112.85 = 13.2615" in lines
    first, _ = _lines(k=0, optimizer="momentum")
    assert "buf = g = 61" in first
    lines, r = _lines(optimizer="nesterov")
    d = next(x for x in lines if x.startswith("d = g + μ·buf"))
    assert _value(d) == pytest.approx((r.params[1, 0] - r.params[2, 0]) / 0.01)


def test_adagrad_and_rmsprop_write_their_running_sums() -> None:
    lines, _ = _lines(optimizer="adagrad", learning_rate=1.0)
    assert "S = S + g² = 3721 + 56² = 6857" in lines
    lines, r = _lines(optimizer="rmsprop", centered=True, momentum=0.5)
    assert any(x.startswith("v = α·v + (1 − α)·g² = 0.99 × 37.21 + 0.01 × ") for x in lines)
    assert any(x.startswith("a = α·a + (1 − α)·g = 0.99 × 0.61") for x in lines)
    d = next(x for x in lines if x.startswith("d = buf = μ·buf"))
    assert _value(d) == pytest.approx((r.params[1, 0] - r.params[2, 0]) / 0.01)


@pytest.mark.parametrize(("schedule", "settings", "formula"), [
    ("step", {"step_size": 1}, "η_2 = η·γ^⌊(k − 1)/s⌋ = 0.01 × 0.5^⌊(2 − 1)/1⌋ = 0.005"),
    ("exponential", {}, "η_2 = η·γ^(k − 1) = 0.01 × 0.99^(2 − 1) = 0.0099"),
    ("invscaling", {}, "η_2 = η/k^power_t = 0.01/2^0.25 = "),
    ("cosine", {"max_iterations": 4}, "η_2 = η·(1 + cos(π·(k − 1)/T))/2 = 0.01 × (1 + cos(π × "
                                      "(2 − 1)/4))/2 = "),
])
def test_a_schedule_writes_eta_k_as_the_grid_and_the_lesson_do(
        schedule: str, settings: dict[str, object], formula: str) -> None:
    lines, r = _lines(schedule=schedule, **settings)
    line = next(x for x in lines if x.startswith("η_2"))
    assert line.startswith(formula)
    assert _value(line) == pytest.approx(r.lr[2])
    update = next(x for x in lines if x.startswith("b1 ← "))  # η_2 again, with its value
    assert update.startswith(f"b1 ← b1 − η_2·d = 14.39 − {r.lr[2]:.10g} × ")


#: How the schedule's index was written before (t), where the grid and the lesson write k.
OLD_INDEX = re.compile(r"η_t|\(t − 1\)|η/t\^|update t\b|업데이트 t\b")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_schedules_index_is_k_everywhere(qapp: object, lang: str) -> None:
    """η's schedule index is the grid's k in the window's help, the settings' help, the
    lessons, the update's text and the workbook's labels, in both languages (η_t and
    η_k, "(t − 1)" and "(k − 1)" were mixed); Adam's bias correction keeps its t."""
    from gdapp.core.spec import RunSpec as Spec
    from gdapp.excel.labels import words
    from gdapp.gui.i18n import install_language
    from gdapp.gui.lessons import scenes
    from gdapp.gui.optimizer_columns import optimizer_columns
    from gdapp.gui.optimizer_texts import optimizer_field_texts
    from gdapp.gui.rule_help import rule_descriptions

    install_language(lang)
    try:
        schedule = run(RunSpec(schedule="exponential", optimizer="adam").validated())
        texts = [*rule_descriptions().values(), *(t for pair in optimizer_field_texts().values()
                                                  for t in pair),
                 *(f.metadata.get("help", "") for f in dataclasses.fields(Spec)),
                 *(words(lang)(f.metadata.get("help", "")) for f in dataclasses.fields(Spec)
                   if f.metadata.get("help")),
                 *(s.text for s in scenes()),
                 *describe_step(schedule, 1, Objective.of(schedule.spec)),
                 *(name for name, _ in optimizer_columns(schedule))]
    finally:
        install_language("en")
    found = [(old.group(), t[:70]) for t in texts if (old := OLD_INDEX.search(t))]
    assert not found, found
    assert any("η_k" in t for t in texts) and any("^(k − 1)" in t for t in texts)
    assert any("(1 − β1^t)" in t for t in texts)  # (Adam's step count)


def test_a_mini_batch_step_says_which_samples_made_its_gradient() -> None:
    lines, r = _lines(batch_size=1, shuffle=True, seed=3)
    sample = int(r.batch(2)[0]) + 1
    assert any(x.startswith(f"batch of update 2: samples {sample} (epoch 1, batch 2 of 2, "
                            "shuffled)") for x in lines), lines
    g = next(x for x in lines if x.startswith("g = the batch's slope"))
    x, y = (1.0, 2.0) if sample == 1 else (2.0, 6.0)
    b = r.params[1, 0]
    assert f"= {-2 * x * (y - b * x):.10g} (B = 1" in g.replace("−", "-")
    total = f"{x * (y - b * x):.10g}".replace("-", "−")  # how: the batch's sum, evaluated
    assert f"x·(y − ŷ) = −(2/1) × ({total})" in g
    assert f"d = g = {r.batch_gradient[2, 0]:.10g}" in lines


def test_l1_with_an_optimizer_writes_the_subgradient() -> None:
    lines, _ = _lines(optimizer="adam", penalty="l1", lam=2.0)
    assert "penalty part λ·sign(b1) = 2 × 1 = 2" in lines
    assert any(x.startswith("m = β1·m + (1 − β1)·g = 0.9 × 6.3 + 0.1 × 62.95") for x in lines)


def test_each_component_of_several_features_is_worked_out() -> None:
    data = EXAMPLES["features"]
    spec = RunSpec(data=data, model="line", learning_rate=0.0005).validated()
    r = run(spec)
    lines = describe_step(r, 1, Objective.of(spec))
    b = r.params[1]
    residual = data.y - (b[0] + data.X @ b[1:])
    for j, name in enumerate(data.feature_names, start=1):
        total = float(np.sum(data.X[:, j - 1] * residual))
        line = next(x for x in lines if f"∂E/∂b{j} = " in x)
        assert f"Σ (y − ŷ)·{name} = −(2/{data.n}) × " in line
        shown = line.split(" × ")[1].split(" = ")[0].strip("()").replace("−", "-")
        assert math.isclose(float(shown), total, rel_tol=1e-9)


def test_an_optimizer_without_a_writer_is_written_from_the_table(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # a new optimizer in the table (plain momentum under another name) is still written out
    from gdapp.gui import rule_steps

    rule = OPTIMIZERS["momentum"]
    monkeypatch.setitem(OPTIMIZERS, "momentum", OptimizerRule(
        rule.name, "heavy ball", "d = buf, buf = μ·buf + g.", rule.state, rule.settings,
        rule.direction, rule.defaults))
    monkeypatch.delitem(rule_steps.WRITERS, "momentum")
    spec = RunSpec(optimizer="momentum").validated()
    r = run(spec)
    lines = [x.strip() for x in rule_steps.rule_lines(r, 1, 0) or []]
    assert "heavy ball: d = buf, buf = μ·buf + g." in lines
    assert "velocity = 61 → 112.85" in lines and "d = 112.85" in lines


@pytest.mark.parametrize("changes", [
    {"optimizer": "adam", "learning_rate": 0.5},  # (scene 11's run)
    {"schedule": "exponential", "learning_rate": 0.41, "gamma": 0.95},
    {"batch_size": 1, "shuffle": True, "learning_rate": 0.05},
    {},  # the note's run
])
def test_the_end_of_a_run_shows_its_last_update_with_numbers(
        changes: dict[str, object]) -> None:
    """At the run's end the frame showed "b1 ← b1 − η_t·d" with no numbers for every rule
    but the note's: there it shows the last update made, k − 1 → k, as the grid's last row
    has it, and says that none follows."""
    spec = RunSpec(**changes).validated()  # type: ignore[arg-type]
    r = run(spec)
    k = r.iterations
    lines = [line.strip() for line in describe_step(r, k, Objective.of(spec))]
    assert lines[0] == f"Last update k = {k - 1} → {k}:"
    update = next(x for x in lines if x.startswith("b1 ← "))
    assert update.endswith(f" = {r.params[k, 0]:.10g}") and " × " in update, update
    assert lines[-1] == f"(the run stopped at k = {k}: this was its last update, no update " \
        "follows)"
