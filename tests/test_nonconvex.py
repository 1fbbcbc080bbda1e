"""The note's "real" cost: ŷ = sin(b1·x), whose MSE has many valleys and no normal equation."""

from __future__ import annotations

import json

import numpy as np
import pytest

from gdapp.cli import main
from gdapp.core import EXAMPLES, MODEL_RULES, Objective, RunSpec, run

DATA = EXAMPLES["nonconvex"]


def spec(**settings: object) -> RunSpec:
    return RunSpec(data=DATA, model="sine", **settings)  # type: ignore[arg-type]


@pytest.mark.parametrize("cost", MODEL_RULES["sine"].costs)
@pytest.mark.parametrize("penalty", ["none", "l2"])
def test_the_sine_models_gradient_is_the_slope_of_its_cost(cost: str, penalty: str) -> None:
    obj = Objective(DATA, model="sine", cost=cost, penalty=penalty, lam=0.3)
    b = np.linspace(-0.9, 4.9, 37)[:, None] + 0.0123
    h = 1e-6
    numeric = (obj.value(b + h) - obj.value(b - h)) / (2 * h)
    np.testing.assert_allclose(obj.gradient(b)[:, 0], numeric, rtol=1e-5, atol=1e-6)


def test_the_example_has_several_valleys_and_the_deepest_at_one_and_a_half() -> None:
    r = run(spec(start=(1.0,)))
    opt = r.optimum
    assert opt.method == "dense search" and "no normal equation here" in opt.note
    bottoms = [m[0] for m in opt.local_minima]
    assert len(bottoms) >= 2 and bottoms == sorted(bottoms)
    assert opt.params[0] == pytest.approx(1.5, abs=1e-4)
    obj = Objective(DATA, model="sine", cost="mse", penalty="none", lam=0.0)
    for b in bottoms:  # each is a valley's bottom: the slope is 0, and both sides are higher
        assert abs(obj.gradient(np.array([[b]]))[0, 0]) < 1e-7
        here = obj.value(np.array([[b]]))[0]
        assert here < obj.value(np.array([[b - 1e-3]]))[0]
        assert here < obj.value(np.array([[b + 1e-3]]))[0]
    assert opt.objective == min(obj.value(np.array([[b]]))[0] for b in bottoms)
    assert r.stability_limit is None


@pytest.mark.parametrize(("start", "valley"), [(-0.25, 0.483), (1.0, 1.5), (3.0, 2.533)])
def test_runs_from_different_starts_end_in_different_valleys(start: float, valley: float
                                                             ) -> None:
    r = run(spec(start=(start,), learning_rate=0.05))
    assert r.status == "converged" and r.final[0] == pytest.approx(valley, abs=1e-3)
    assert (r.local_minimum is None) == (valley == 1.5)
    assert r.stopped_short is None  # a local minimum is a place to settle, not a stop short


def test_momentum_rolls_through_the_shallow_valley_that_stops_gradient_descent() -> None:
    gd = run(spec(start=(3.0,), learning_rate=0.05))
    heavy = run(spec(start=(3.0,), learning_rate=0.05, optimizer="momentum", momentum=0.9))
    assert gd.final[0] == pytest.approx(2.533, abs=1e-3)
    assert heavy.final[0] == pytest.approx(1.5, abs=1e-4) and heavy.local_minimum is None
    assert np.max(heavy.params[:, 0]) < 3.1 and np.min(heavy.params[:, 0]) < 2.4


def test_the_sine_model_takes_one_feature() -> None:
    with pytest.raises(ValueError, match="the sine model ŷ = sin"):
        RunSpec(data=EXAMPLES["features"], model="sine").validated()


def test_cli_nonconvex_reports_every_valley(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--example", "nonconvex", "--start", "3", "--eta", "0.05",
                 "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["settings"]["model"] == "sine"
    assert len(d["local_minima"]) >= 2 and {"b1"} == set(d["local_minima"][0])
    assert d["optimum"]["b1"] == pytest.approx(1.5, abs=1e-4)
    assert d["params"]["b1"] == pytest.approx(2.533, abs=1e-3)
    assert main(["run", "--example", "nonconvex", "--start", "3", "--eta", "0.05"]) == 0
    out = capsys.readouterr().out
    assert "in a local minimum at b1 = 2.533" in out and "global minimum (dense search)" in out
    assert main(["run", "--json"]) == 0  # a convex cost: its one minimum is the optimum
    assert json.loads(capsys.readouterr().out)["local_minima"] == [{"b1": 2.8}]


def test_the_nonconvex_example_exports_and_says_where_it_settled(
        tmp_path: object, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the workbook's formulas: tests/test_workbook_nonconvex.py
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]
    assert main(["export", "--example", "nonconvex", "-o", "s.xlsx"]) == 0
    out = capsys.readouterr().out
    assert "in a local minimum at b1 = 0.48" in out and "wrote s.xlsx" in out
    # (the window shows it: tests/test_gui_optimizers.py)
