"""The view-model: one spec, its run, the current iterate and the pinned runs."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gdapp.core import DOCUMENT, Dataset, RunSpec
from gdapp.gui.viewmodel import MAX_PINS, PIN_COLORS, RunViewModel, describe_spec


@pytest.fixture
def vm(qtbot: QtBot) -> RunViewModel:
    return RunViewModel()


def test_default_view_model_runs_the_document_example_from_15_with_eta_001(
        vm: RunViewModel) -> None:
    assert vm.spec.data.is_document_example()
    assert vm.spec.learning_rate == 0.01
    assert vm.run.params[0, 0] == 15.0
    assert vm.run.params[1, 0] == pytest.approx(14.39, rel=1e-15)


def test_after_a_new_run_the_current_iterate_is_the_last_one(vm: RunViewModel) -> None:
    vm.update(learning_rate=0.1)
    assert vm.current == vm.run.iterations == 34


def test_update_emits_spec_run_and_current_signals_in_that_order(
        vm: RunViewModel, qtbot: QtBot) -> None:
    order: list[str] = []
    vm.specChanged.connect(lambda: order.append("spec"))
    vm.runChanged.connect(lambda: order.append("run"))
    vm.currentChanged.connect(lambda k: order.append(f"current {k}"))
    vm.update(learning_rate=0.1)
    assert order == ["spec", "run", "current 34"]


def test_an_invalid_value_emits_a_message_and_keeps_the_old_run(
        vm: RunViewModel, qtbot: QtBot) -> None:
    old_run = vm.run
    with qtbot.waitSignal(vm.errorOccurred) as blocker:
        accepted = vm.update(learning_rate=-0.1)
    assert not accepted
    assert blocker.args == ["learning rate η must be > 0, got -0.1"]
    assert vm.run is old_run


def test_an_unknown_setting_is_refused_with_a_message(vm: RunViewModel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(vm.errorOccurred):
        assert not vm.update(speed=3)
    assert vm.spec.learning_rate == 0.01


def test_set_current_clamps_to_the_run(vm: RunViewModel) -> None:
    vm.set_current(-5)
    assert vm.current == 0
    vm.set_current(10**9)
    assert vm.current == vm.run.iterations


def test_while_stepping_a_new_run_keeps_the_current_iterate(vm: RunViewModel) -> None:
    vm.stepping = True
    vm.set_current(3)
    vm.update(learning_rate=0.1)
    assert vm.current == 3
    vm.update(learning_rate=0.2)  # converges in 2 updates: k is clamped to the end
    assert vm.current == vm.run.iterations == 2


def test_switching_to_the_line_model_starts_from_b0_0_b1_15(vm: RunViewModel) -> None:
    vm.update(model="line")
    assert vm.spec.start == (0.0, 15.0)
    vm.update(model="origin")
    assert vm.spec.start == (15.0,)


def test_a_chosen_start_follows_a_model_change(vm: RunViewModel) -> None:
    vm.update(start=(7.0,))
    vm.update(model="line")
    assert vm.spec.start == (0.0, 7.0)


def test_new_data_from_the_default_start_goes_to_the_new_default_start(
        vm: RunViewModel) -> None:
    vm.update(data=Dataset([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], name="three"))
    assert vm.spec.start == (0.0,)


def test_pinning_keeps_the_run_with_a_label_and_its_own_colour(
        vm: RunViewModel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(vm.pinnedChanged):
        first = vm.pin_current()
    vm.update(learning_rate=0.1)
    second = vm.pin_current()
    assert first is not None and second is not None
    assert [p.label for p in vm.pinned] == ["η = 0.01", "η = 0.1"]
    assert first.color != second.color
    assert first.run.spec.learning_rate == 0.01


def test_pinning_the_same_run_twice_is_refused(vm: RunViewModel, qtbot: QtBot) -> None:
    vm.pin_current()
    with qtbot.waitSignal(vm.pinRefused) as refused:
        assert vm.pin_current() is None
    assert refused.args == ["This run is already pinned."]
    assert len(vm.pinned) == 1


def test_at_most_one_pin_per_colour(vm: RunViewModel, qtbot: QtBot) -> None:
    for i in range(MAX_PINS):
        vm.update(learning_rate=0.01 + i / 100)
        vm.pin_current()
    vm.update(learning_rate=0.3)
    with qtbot.waitSignal(vm.pinRefused) as refused:
        assert vm.pin_current() is None
    assert refused.args == [f"At most {MAX_PINS} runs can be pinned; unpin one first."]
    assert {p.color for p in vm.pinned} == set(PIN_COLORS)


def test_unpin_frees_the_colour_and_clear_removes_all(vm: RunViewModel) -> None:
    vm.pin_current()
    vm.update(learning_rate=0.1)
    vm.pin_current()
    vm.unpin(0)
    assert [p.label for p in vm.pinned] == ["η = 0.1"]
    vm.update(learning_rate=0.2)
    assert vm.pin_current() is not None
    assert vm.pinned[-1].color == PIN_COLORS[0]
    vm.clear_pins()
    assert vm.pinned == []


def test_describe_spec_names_what_differs_from_the_defaults() -> None:
    spec = RunSpec(data=DOCUMENT, learning_rate=0.01, penalty="l2", lam=0.5, cost="rmse",
                   model="line").validated()
    assert describe_spec(spec) == "η = 0.01, L2 λ = 0.5, RMSE, line"


def test_the_objective_is_the_runs_cost_plus_penalty(vm: RunViewModel) -> None:
    vm.update(penalty="l2", lam=0.5)
    assert vm.objective.value(vm.run.params[:3]) == pytest.approx(vm.run.objective[:3])
