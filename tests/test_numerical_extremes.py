"""Numerical extremes: divergence at any η, η on the stability limit, and the engine's
promises over wide ranges of data, η, λ and start (hypothesis, every model/cost/penalty and
L1 step). A diverged run is shown up to its last finite iterate in the grid, on both plots
and in the workbook, which still recalculates in LibreOffice to the engine's numbers."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from patience import HANG_S
from pytestqt.qtbot import QtBot

from gdapp.core import (
    DIVERGENCE_LIMIT,
    MODEL_RULES,
    Dataset,
    Objective,
    Run,
    RunSpec,
    exact_optimum,
    run,
    stability_limit,
)
from gdapp.excel import export_workbook
from gdapp.excel.verify import verify_workbooks
from gdapp.gui.plots import CostCurvePlot, ObjectivePlot
from gdapp.gui.table_model import IterationTableView
from gdapp.gui.viewmodel import RunViewModel

MODELS = ("origin", "line")
COSTS = MODEL_RULES["line"].costs  # every cost of a line (the table's)
PENALTIES = ("none", "l1", "l2")
L1_METHODS = ("proximal", "subgradient")

#: Runs that diverge, one per way of getting there (kept short: the grid and plots read all).
DIVERGING: dict[str, RunSpec] = {
    "note-eta-0.41": RunSpec(learning_rate=0.41),
    "eta-1e6": RunSpec(learning_rate=1e6),
    "line-mse-eta-2": RunSpec(model="line", learning_rate=2.0),
    "rmse-l2-eta-50": RunSpec(cost="rmse", penalty="l2", lam=1.0, learning_rate=50.0),
    "mae-l2-eta-5": RunSpec(cost="mae", penalty="l2", lam=1.0, learning_rate=5.0),
    "l1-subgradient-eta-1": RunSpec(penalty="l1", lam=1.0, l1_method="subgradient",
                                    learning_rate=1.0),
    "l1-proximal-line-eta-1": RunSpec(model="line", penalty="l1", lam=0.5, learning_rate=1.0),
}


def assert_finite_and_stopped_before_the_limit(r: Run) -> None:
    for arr in (r.params, r.gradient, r.cost, r.penalty, r.objective, r.step):
        assert np.all(np.isfinite(arr))
    assert np.all(np.abs(r.params) <= DIVERGENCE_LIMIT)
    assert np.all(np.abs(r.objective) <= DIVERGENCE_LIMIT ** 2)
    assert r.params.shape[0] == r.iterations + 1 >= 1
    if r.status == "diverged":
        # the rows stop just before the update that left the finite world
        assert r.diverged_at == r.iterations + 1
    else:
        assert r.diverged_at is None


def assert_every_kept_update_is_a_finite_descent_step(r: Run) -> None:
    """Each kept iterate came from b − η·g with b − η·g finite: an update that overflowed was
    never kept (not even as the 0 the zero band would make of ±inf). For the smooth costs
    without L1 the iterate is b − η·g itself (the recorded g), or 0 inside the zero band.
    (MAE's loop sums sorted weights, which may differ from the recorded direct sum in the
    last bits of the data's scale; L1 has its threshold and signs.)"""
    eta = r.spec.learning_rate
    with np.errstate(over="ignore", invalid="ignore"):
        target = r.params[:-1] - eta * r.gradient[:-1]
    assert np.all(np.isfinite(target))
    if r.spec.cost == "mae" or r.spec.penalty == "l1":
        return
    kept = r.params[1:]
    scale = np.abs(r.params[:-1]) + np.abs(eta * r.gradient[:-1])
    snapped = (kept == 0.0) & (np.abs(target) <= 1e-12 * scale)
    assert np.all(snapped | (np.abs(kept - target) <= 1e-9 * scale))


# ---- divergence ---------------------------------------------------------------------------
@given(st.one_of(st.floats(0.401, 1e6), st.floats(6, 308).map(lambda e: 10.0 ** e)))
@example(sys.float_info.max)
def test_on_the_note_every_eta_past_04_diverges_at_the_update_the_algebra_predicts(
        eta: float) -> None:
    # b_k − 2.8 = (1 − 5η)^k · 12.2; the run stops at the first k whose b_k or objective
    # 2.5·(b_k − 2.8)² + 0.4 leaves the limits (|b| ≤ 1e100, objective ≤ 1e200)
    r = run(RunSpec(learning_rate=eta, max_iterations=100_000))
    assert r.status == "diverged"
    assert_finite_and_stopped_before_the_limit(r)
    assert_every_kept_update_is_a_finite_descent_step(r)
    factor = abs(1.0 - 5.0 * eta)
    reach = min(DIVERGENCE_LIMIT - 2.8, math.sqrt((DIVERGENCE_LIMIT ** 2 - 0.4) / 2.5))
    predicted = math.ceil(math.log(reach / 12.2) / math.log(factor))
    assert r.diverged_at is not None
    assert abs(r.diverged_at - predicted) <= 1
    # every kept iterate is on the algebra's path
    k = np.arange(r.params.shape[0])
    expected = 2.8 + (1.0 - 5.0 * eta) ** k * 12.2
    assert r.params[:, 0] == pytest.approx(expected, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("name", list(DIVERGING))
def test_each_way_of_diverging_stops_cleanly_with_status_diverged(name: str) -> None:
    r = run(DIVERGING[name])
    assert r.status == "diverged"
    assert_finite_and_stopped_before_the_limit(r)
    assert_every_kept_update_is_a_finite_descent_step(r)
    assert r.iterations >= 1


@pytest.mark.parametrize("eta", [1e200, 1e308, sys.float_info.max])
@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("cost", COSTS)
@pytest.mark.parametrize("penalty", PENALTIES)
def test_a_step_that_overflows_diverges_at_the_first_update_and_is_never_snapped_to_0(
        eta: float, model: str, cost: str, penalty: str) -> None:
    # 15 − η·g is ±inf or beyond 1e100; the zero band must not turn it into an exact 0
    r = run(RunSpec(model=model, cost=cost, penalty=penalty,  # type: ignore[arg-type]
                    lam=1.0 if penalty != "none" else 0.0, learning_rate=eta))
    assert (r.status, r.diverged_at, r.iterations) == ("diverged", 1, 0)
    assert tuple(r.params[-1]) == r.spec.start


@pytest.mark.parametrize("name", list(DIVERGING))
def test_a_diverged_run_shows_only_finite_numbers_in_the_grid_and_on_both_plots(
        qtbot: QtBot, name: str) -> None:
    vm = RunViewModel()
    grid = IterationTableView(vm)
    cost_plot, objective_plot = CostCurvePlot(vm), ObjectivePlot(vm)
    for w in (grid, cost_plot, objective_plot):
        qtbot.addWidget(w)
    assert vm.set_spec(DIVERGING[name])
    assert vm.run.status == "diverged"
    model = grid.table_model
    assert model.rowCount() == vm.run.iterations + 1
    texts = [model.cell_text(r, c) for r in range(model.rowCount())
             for c in range(model.columnCount())]
    assert not [t for t in texts if any(w in t.lower() for w in ("nan", "inf"))]
    for plot in (cost_plot, objective_plot):
        for item in plot.plot_item.listDataItems():
            x, y = item.getData()
            if x is not None:
                assert np.all(np.isfinite(x)) and np.all(np.isfinite(y)), item
        for lo, hi in plot.plot_item.getViewBox().viewRange():
            assert math.isfinite(lo) and math.isfinite(hi) and lo < hi
    assert "diverged at update" in cost_plot.note_text


@pytest.mark.libreoffice
def test_diverged_runs_export_without_nan_or_inf_and_verify_in_libreoffice(
        tmp_path: Path) -> None:
    paths = [export_workbook(run(spec), tmp_path / f"{name}.xlsx")
             for name, spec in DIVERGING.items()]
    for path in paths:
        wb = openpyxl.load_workbook(path, read_only=True)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                for v in row:
                    assert not (isinstance(v, float) and not math.isfinite(v)), path.name
        wb.close()
    reports = verify_workbooks(paths, timeout=HANG_S)   # one LibreOffice launch for all
    for path, report in zip(paths, reports, strict=True):
        assert report.agree, (path.name, report.first_difference)
        assert report.rows == run(DIVERGING[path.stem]).iterations + 1


# ---- the stability limit ------------------------------------------------------------------
@st.composite
def spread_data(draw: st.DrawFn, scale: float = 100.0) -> Dataset:
    n = draw(st.integers(2, 10))
    values = st.floats(-scale, scale, allow_nan=False, allow_infinity=False)
    x = np.array(draw(st.lists(values, min_size=n, max_size=n)))
    y = np.array(draw(st.lists(values, min_size=n, max_size=n)))
    if np.ptp(x) < 1e-3 * scale:   # spread x out so every optimum is defined
        x = x + np.linspace(0.0, scale, n)
    return Dataset(x, y)


@given(spread_data(), st.sampled_from(MODELS), st.sampled_from(["none", "l2"]),
       st.floats(0, 10), st.floats(-1e3, 1e3))
def test_eta_exactly_at_the_stability_limit_oscillates_without_drifting(
        data: Dataset, model: str, penalty: str, lam: float, b1: float) -> None:
    limit = stability_limit(data, model, "mse", penalty, lam)
    assert limit is not None
    opt = exact_optimum(data, model, "mse", penalty, lam)
    assert opt.params is not None
    start = (b1,) if model == "origin" else (opt.params[0], b1)
    r = run(RunSpec(data=data, model=model, penalty=penalty, lam=lam, learning_rate=limit,
                    start=start, max_iterations=5_000), stop_at_convergence=False)
    assert r.status != "diverged"
    assert_finite_and_stopped_before_the_limit(r)
    # the distance to the optimum neither grows (drift into divergence) nor blows up
    distance = np.linalg.norm(r.params - np.array(opt.params), axis=1)
    scale = distance[0] + 1e-9 * (1.0 + float(np.max(np.abs(opt.params))))
    assert float(np.max(distance)) <= scale * (1 + 1e-6)
    if model == "origin":
        # one parameter: it bounces between the start and its mirror image for ever
        assert float(distance[-1]) == pytest.approx(float(distance[0]), rel=1e-6,
                                                    abs=1e-9 * scale)


def test_the_note_at_eta_04_still_bounces_between_15_and_minus_94_after_a_million_updates(
        ) -> None:
    r = run(RunSpec(learning_rate=0.4, max_iterations=1_000_000), stop_at_convergence=False)
    assert r.status == "max_iterations" and r.iterations == 1_000_000
    # rounding may walk the last digit (a few 1e-15), never toward divergence
    assert r.params[-4:, 0] == pytest.approx([-9.4, 15.0, -9.4, 15.0], rel=1e-12)
    assert float(np.max(np.abs(r.params[:, 0] - 2.8))) == pytest.approx(12.2, rel=1e-12)


# ---- properties over wide ranges ----------------------------------------------------------
@st.composite
def wide_data(draw: st.DrawFn) -> Dataset:
    """Samples whose size spans 1e-6 … 1e6, any sign, 1 to 12 of them (x may all be 0)."""
    n = draw(st.integers(1, 12))
    exponent = draw(st.integers(-6, 6))
    values = st.floats(-10.0 ** exponent, 10.0 ** exponent, allow_nan=False,
                       allow_infinity=False)
    x = draw(st.lists(values, min_size=n, max_size=n))
    y = draw(st.lists(values, min_size=n, max_size=n))
    return Dataset(x, y)


log_eta = st.floats(-6, 308).map(lambda e: 10.0 ** e)
wide_lam = st.one_of(st.just(0.0), st.floats(-4, 3).map(lambda e: 10.0 ** e))
wide_start = st.lists(st.floats(-1e6, 1e6), min_size=2, max_size=2)


@given(wide_data(), st.sampled_from(MODELS), st.sampled_from(COSTS),
       st.sampled_from(PENALTIES), st.sampled_from(L1_METHODS), wide_lam, log_eta, wide_start)
def test_over_wide_ranges_the_engine_never_raises_and_never_holds_nan(
        data: Dataset, model: str, cost: str, penalty: str, l1_method: str, lam: float,
        eta: float, start: list[float]) -> None:
    spec = RunSpec(data=data, model=model, cost=cost, penalty=penalty,  # type: ignore[arg-type]
                   l1_method=l1_method, lam=lam, learning_rate=eta,  # type: ignore[arg-type]
                   start=tuple(start[:1] if model == "origin" else start),
                   max_iterations=300)
    r = run(spec)
    assert_finite_and_stopped_before_the_limit(r)
    assert_every_kept_update_is_a_finite_descent_step(r)
    assert r.status in ("converged", "max_iterations", "diverged")
    if r.status == "converged":
        assert r.converged_at == r.iterations


@given(st.lists(st.floats(-1e100, 1e100), min_size=1, max_size=6),
       st.sampled_from(COSTS), st.sampled_from(MODELS), st.floats(-1e60, 1e60))
def test_values_up_to_1e100_either_run_or_are_refused_for_an_overflowing_start(
        x: list[float], cost: str, model: str, b1: float) -> None:
    data = Dataset(x, [0.5 * v for v in x])
    start = (b1,) if model == "origin" else (0.0, b1)
    spec = RunSpec(data=data, model=model, cost=cost, start=start,  # type: ignore[arg-type]
                   learning_rate=0.01, max_iterations=50)
    try:
        r = run(spec)
    except ValueError as exc:
        assert str(exc) == ("the objective at the start is too large to compute (not a finite "
                            "number): try a smaller start, λ or data values")
        with np.errstate(over="ignore", invalid="ignore"):
            value = Objective(data, model=model, cost=cost).value(np.array([start]))[0]
        assert not (math.isfinite(value) and abs(value) <= DIVERGENCE_LIMIT ** 2)
        return
    assert_finite_and_stopped_before_the_limit(r)


@given(st.integers(2, 10).flatmap(lambda n: st.tuples(
           st.lists(st.floats(-20, 20), min_size=n, max_size=n),
           st.lists(st.floats(-20, 20), min_size=n, max_size=n))),
       st.sampled_from(MODELS), st.sampled_from(COSTS), st.sampled_from(PENALTIES),
       st.sampled_from(L1_METHODS), st.floats(0, 3), st.floats(0.05, 0.95),
       st.lists(st.floats(-20, 20), min_size=2, max_size=2))
def test_every_converged_run_of_every_combination_matches_the_exact_optimum(
        xy: tuple[list[float], list[float]], model: str, cost: str, penalty: str,
        l1_method: str, lam: float, fraction: float, start: list[float]) -> None:
    x = np.array(xy[0]) + np.linspace(0.0, 10.0, len(xy[0]))   # x spread: optimum defined
    data = Dataset(x, xy[1])
    opt = exact_optimum(data, model, cost, penalty, lam)
    limit = stability_limit(data, model, cost, penalty, lam)
    eta = fraction * limit if limit is not None else fraction * 0.1
    spec = RunSpec(data=data, model=model, cost=cost, penalty=penalty,  # type: ignore[arg-type]
                   l1_method=l1_method, lam=lam, learning_rate=eta,  # type: ignore[arg-type]
                   start=tuple(start[:1] if model == "origin" else start), tolerance=1e-12,
                   max_iterations=20_000 if cost == "mse" else 3_000)
    r = run(spec)
    assert_finite_and_stopped_before_the_limit(r)
    if r.status != "converged" or opt.params is None or opt.objective is None:
        return   # MAE and subgradient steps rarely settle exactly; MAE + line has no closed form
    scale = 1.0 + abs(opt.objective)
    # a converged run cannot beat the exact optimum, and gets within a whisker of it
    assert r.objective[-1] >= opt.objective - 1e-9 * scale
    assert r.objective[-1] == pytest.approx(opt.objective, rel=1e-6, abs=1e-8 * scale)


def test_all_x_zero_with_l2_at_lambda_0_has_an_undefined_optimum_not_a_division_by_zero(
        ) -> None:
    data = Dataset([0.0, 0.0], [1.0, 2.0])
    for cost in COSTS:
        opt = exact_optimum(data, "origin", cost, "l2", 0.0)
        assert opt.params is None and "undefined: all x are 0" in opt.note
        assert run(RunSpec(data=data, cost=cost, penalty="l2", lam=0.0)).status == "converged"


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("cost", ["mse", "rmse"])
def test_with_x_constant_an_l1_penalty_makes_b1_0_the_unique_optimum(
        model: str, cost: str) -> None:
    # the cost cannot tell b1 apart (x all 0, or all equal with an intercept): λ·|b1| decides
    data = Dataset([0.0, 0.0], [1.0, 3.0]) if model == "origin" else Dataset([2.0, 2.0],
                                                                             [1.0, 3.0])
    opt = exact_optimum(data, model, cost, "l1", 0.5)
    assert opt.params is not None and opt.params[-1] == 0.0
    if model == "line":
        assert opt.params[0] == 2.0  # b0 = mean(y)
    r = run(RunSpec(data=data, model=model, cost=cost,  # type: ignore[arg-type]
                    penalty="l1", lam=0.5, learning_rate=0.1))
    assert r.status == "converged" and r.final[-1] == 0.0
    assert r.objective[-1] == pytest.approx(opt.objective, rel=1e-6)
    for b1 in (-1.0, -0.1, 0.1, 1.0):  # any other slope costs more
        row = np.array([(*opt.params[:-1], b1)])
        assert Objective(data, model=model, cost=cost, penalty="l1",
                         lam=0.5).value(row)[0] > opt.objective


def test_a_breakpoint_near_1e308_leaves_the_mae_optimum_finite_and_best() -> None:
    # y/x = 2/4.5e-308 overflows: the L2 slope 2λ·b there is ±inf, not an error
    data = Dataset([0.0, 4.48829066e-308, 1.0], [0.0, 2.0, 0.0])
    opt = exact_optimum(data, "origin", "mae", "l2", 3.0)
    assert opt.params is not None and opt.objective is not None
    grid = np.linspace(-1, 1, 2001)[:, None]
    best = float(np.min(Objective(data, model="origin", cost="mae", penalty="l2",
                                  lam=3.0).value(grid)))
    assert opt.objective <= best + 1e-12


# ---- a run the stopping rule ended early --------------------------------------------------
@pytest.mark.parametrize("spec", [
    RunSpec(learning_rate=1e-20),                      # every step below 1e-9 from the start
    RunSpec(learning_rate=1e-8, tolerance=1e-6),       # steps of 6e-7 under a 1e-6 rule
    RunSpec(model="line", learning_rate=1e-12),
])
def test_stopped_short_is_the_distance_left_when_the_rule_stopped_a_run_early(
        spec: RunSpec) -> None:
    r = run(spec)
    assert r.status == "converged" and r.optimum.params is not None
    left = math.dist(r.params[-1], r.optimum.params)
    assert left > 1.0
    assert r.stopped_short == left
    if spec.model == "origin":
        assert left == pytest.approx(12.2, rel=1e-6)  # 15 → 2.8 barely started


@pytest.mark.parametrize("spec", [RunSpec(), RunSpec(learning_rate=0.1),
                                  RunSpec(penalty="l1", lam=20.0), RunSpec(learning_rate=0.41),
                                  RunSpec(learning_rate=0.4), RunSpec(cost="mae")])
def test_runs_that_reach_the_optimum_or_do_not_converge_are_not_stopped_short(
        spec: RunSpec) -> None:
    assert run(spec).stopped_short is None


# ---- samples at both ends of the allowed range ---------------------------------------------
EXTREME = Dataset([1e-100, -1e-100], [1e-100, 1e100])


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("penalty", ["l1", "l2"])
def test_rmse_optimum_with_samples_near_1e_plus_minus_100_is_finite_and_best(
        model: str, penalty: str) -> None:
    # (b1 − b*)² overflowed (OverflowError, a traceback in the CLI) and 200 halvings of a
    # 1e199-wide interval stopped 1e139 short of the root
    opt = exact_optimum(EXTREME, model, "rmse", penalty, 0.5)
    assert opt.params is not None and opt.objective is not None
    assert all(math.isfinite(v) for v in opt.params)
    r = run(RunSpec(data=EXTREME, model=model, cost="rmse",  # type: ignore[arg-type]
                    penalty=penalty, lam=0.5))  # type: ignore[arg-type]
    assert_finite_and_stopped_before_the_limit(r)
    assert opt.objective <= float(r.objective.min()) * (1 + 1e-12)
    objective = Objective(EXTREME, model=model, cost="rmse", penalty=penalty, lam=0.5)
    best = np.array([opt.params])
    for factor in (0.5, 2.0, -1.0):
        other = best.copy()
        other[0, -1] = opt.params[-1] * factor + (1e-100 if opt.params[-1] == 0 else 0.0)
        assert objective.value(best)[0] <= objective.value(other)[0] * (1 + 1e-12)
