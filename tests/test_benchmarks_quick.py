"""Every benchmark in benchmarks/ runs in its quick mode (tiny sizes, seconds) and prints its
figures: a benchmark nobody runs rots. Only that it runs and what it prints are checked;
no figure is compared with a target (timing is the benchmarks' business, not the suite's)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"


def quick(name: str) -> dict[str, Any]:
    """Run benchmarks/bench_NAME.py --quick; its JSON output."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(BENCHMARKS / f"bench_{name}.py"), "--quick"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    report = json.loads(done.stdout)
    assert report["benchmark"] == name and report["quick"] is True
    return dict(report)


def positive(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def test_every_benchmark_script_has_a_quick_test_here() -> None:
    scripts = {p.stem.removeprefix("bench_") for p in BENCHMARKS.glob("bench_*.py")}
    tested = {"engine", "features", "optimizers", "gui", "workbook"}
    assert scripts == tested


def test_the_engine_benchmark_runs_and_prints_its_figures() -> None:
    report = quick("engine")
    assert [r["n"] for r in report["results"]] == [2, 1_000]
    for r in report["results"]:
        assert positive(r["engine_iterations_per_s"]) and positive(r["naive_iterations_per_s"])
        assert r["b1_path_max_relative_gap"] < 1e-9
    assert report["statistics_vs_direct"]["meets_target"] is True
    assert set(report["targets_met"]) == {"engine_at_least_1M_iterations_per_s",
                                          "engine_at_least_50x_naive_at_100k",
                                          "statistics_agree_with_direct_cost"}


def test_the_features_benchmark_runs_and_prints_its_figures() -> None:
    report = quick("features")
    d = report["descent_p10_n100k"]
    assert d["n"] == 1_000 and positive(d["engine_updates_per_s"]) and positive(d["speedup"])
    assert d["largest_difference_between_the_two_paths"] < 1e-9
    assert positive(report["note_case"]["updates_per_s"])
    assert report["path"]["largest_difference_from_scikit_learn"] < 1e-6
    assert len(report["targets_met"]) == 4


def test_the_optimizers_benchmark_runs_every_optimizer_and_schedule() -> None:
    from gdapp.core.optimizers import OPTIMIZERS, SCHEDULES

    report = quick("optimizers")
    note = {(r["optimizer"], r["schedule"]) for r in report["note_case"]}
    assert note == {(o, s) for o in OPTIMIZERS for s in SCHEDULES}
    assert {r["optimizer"] for r in report["p10_n100k"]} == set(OPTIMIZERS)
    assert {r["optimizer"] for r in report["minibatch_32_of_1M"]} == {"gd", "adam"}
    for section in ("note_case", "p10_n100k", "minibatch_32_of_1M"):
        for r in report[section]:
            assert positive(r["updates_per_s"]) and positive(r["baseline_updates_per_s"])
            assert "marginal_updates_per_s" in r and "speedup" in r
    costs = report["costs_from_the_samples"]
    assert {r["cost"] for r in costs} == {"bce", "huber"}
    assert all(positive(r["updates_per_s"]) and positive(r["general_loop_updates_per_s"])
               for r in costs)
    assert set(report["targets_met"]) == {
        "note_case_every_optimizer_and_schedule_at_least_1M_per_s",
        "p10_gd_at_least_200k_per_s_and_100x", "p10_adam_at_least_100k_per_s_and_50x",
        "minibatch_gd_at_least_2x_its_loop"}


@pytest.mark.gui
def test_the_window_benchmark_runs_with_gradient_descent_and_adam() -> None:
    report = quick("gui")
    for key, optimizer in (("control_change_to_repaint", "gd"),
                           ("control_change_to_repaint_adam", "adam")):
        change = report[key]
        assert change["optimizer"] == optimizer and change["rows"] == 201
        assert positive(change["median_ms"]) and positive(change["p90_ms"])
        assert positive(change["cpu_mean_ms"]) and change["cpu_p90_ms"] >= change["cpu_median_ms"]
        assert isinstance(change["p90_target_met"], bool)
    assert positive(report["control_change_to_repaint"]["baseline_recreated_plots_median_ms"])
    startup = report["startup_to_first_paint"]
    assert positive(startup["seconds"]) and positive(startup["first_adam_run_in_a_fresh_process_s"])
    assert report["scroll_million_rows_to_end"]["rows"] == 2_001


@pytest.mark.libreoffice
def test_the_workbook_benchmark_runs_and_prints_its_figures() -> None:
    report = quick("workbook")
    assert [e["rows"] for e in report["export"]] == [100, 300]
    assert all(positive(e["export_seconds"]) and positive(e["file_mb"])
               for e in report["export"])
    recalc = report["recalculation"]
    assert recalc["rows"] == 100 and recalc["verify_agree"] is True
    assert positive(recalc["libreoffice_recalc_seconds"])
