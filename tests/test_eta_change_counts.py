"""Work a new learning rate no longer does twice: the spec is validated by the view-model's
``set_spec`` and the engine only (not a third time to see whether the start follows), and
a regression run's accuracy (None) builds no objective."""

from __future__ import annotations

from typing import Any

import pytest

from gdapp.core import EXAMPLES, RunSpec, run
from gdapp.core import engine as engine_module
from gdapp.core.objective import Objective
from gdapp.core.spec import RunSpec as SpecClass
from gdapp.gui.viewmodel import RunViewModel


def test_a_new_learning_rate_validates_the_spec_twice(qtbot: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    vm = RunViewModel(RunSpec(learning_rate=0.9e-4, max_iterations=500))
    calls: list[float] = []
    validated = SpecClass.validated

    def counted(spec: SpecClass) -> SpecClass:
        calls.append(spec.learning_rate)
        return validated(spec)

    monkeypatch.setattr(SpecClass, "validated", counted)
    assert vm.update(learning_rate=1.0e-4)
    assert vm.run.spec.learning_rate == 1.0e-4
    assert len(calls) == 2, calls  # set_spec's and the engine's
    calls.clear()
    assert not vm.update(learning_rate=-1.0)  # an invalid one is still refused
    assert vm.run.spec.learning_rate == 1.0e-4


def test_a_regressions_accuracy_builds_no_objective(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    of = Objective.of.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Objective], spec: SpecClass) -> Objective:
        built.append(spec.model)
        return of(cls, spec)  # type: ignore[no-any-return]

    regression = run(RunSpec(max_iterations=50))
    classifier = run(RunSpec(data=EXAMPLES["passfail"], model="logistic", cost="bce",
                             learning_rate=0.1, max_iterations=50))
    monkeypatch.setattr(engine_module.Objective, "of", classmethod(counted))
    assert regression.accuracy is None
    assert built == []
    assert classifier.accuracy is not None and classifier.accuracy.shape == classifier.cost.shape
    assert built == ["logistic"]
