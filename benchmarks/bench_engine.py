"""How fast the engine iterates, against a naive numpy loop; prints one JSON object.

The engine (:func:`gdapp.core.run`, model ``origin``, cost MSE) gathers the sufficient
statistics mean(x²) and mean(x·y) once, so one update costs O(1) whatever the number of
samples n:  ∂E/∂b1 = 2·mean(x²)·(b1 − b1*),  b1* = mean(xy)/mean(x²).
The naive loop evaluates the gradient and the cost over the full arrays at every iteration,
g = −2·mean(x·(y − b1·x)) and E = mean((y − b1·x)²), so one update costs O(n), and records the
same columns (b1, gradient, cost, penalty, objective, step, converged flag).

Targets: at least 1,000,000 iterations/s at any n, and at least 50× the naive loop at
n = 100,000. The sufficient-statistics cost must agree with direct evaluation to 1e−9
relative at n = 100,000.

Run: ``.venv/bin/python benchmarks/bench_engine.py`` (or ``./dev bench``); ``--quick`` runs
tiny sizes (n = 1,000 for 100,000) in a second, as the test suite does.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import numpy as np

from gdapp.core import Dataset, Objective, Run, RunSpec, run
from gdapp.core.objective import direct_cost

#: ``--quick``: tiny sizes, in a second (the test suite runs it; the figures mean nothing)
QUICK = __name__ == "__main__" and "--quick" in sys.argv[1:]
ENGINE_ITERATIONS = 2_000 if QUICK else 1_000_000
LARGE_N = 1_000 if QUICK else 100_000
#: The naive loop is O(n) per update; fewer updates keep it to about a second.
NAIVE_ITERATIONS = {2: 100, LARGE_N: 5} if QUICK else {2: 100_000, LARGE_N: 300}
LEARNING_RATE = 0.01
TARGET_ITERATIONS_PER_S = 1_000_000
TARGET_SPEEDUP_AT_100K = 50.0
TARGET_RELATIVE_AGREEMENT = 1e-9


def samples(n: int) -> Dataset:
    """The note's two samples for n = 2; else a seeded noisy line y ≈ 2.8·x, x in [0, 2)."""
    if n == 2:
        return Dataset([1.0, 2.0], [2.0, 6.0], name="document")
    rng = np.random.default_rng(20261127)
    x = rng.uniform(0.0, 2.0, n)
    y = 2.8 * x + rng.normal(0.0, 0.5, n)
    return Dataset(x, y, name=f"synthetic-{n}")


def naive_run(x: np.ndarray, y: np.ndarray, b1: float, eta: float, updates: int,
              tol: float = 1e-9) -> dict[str, np.ndarray]:
    """Gradient descent on MSE through the origin, every quantity over the full arrays."""
    m = updates + 1
    b = np.empty(m)
    grad = np.empty(m)
    cost = np.empty(m)
    step = np.zeros(m)
    for k in range(m):
        r = y - b1 * x
        g = -2.0 * np.mean(x * r)            # ∂E/∂b1 = −(2/n)·Σ x·(y − b1·x)
        b[k], grad[k], cost[k] = b1, g, np.mean(r * r)  # E = (1/n)·Σ (y − b1·x)²
        if k > 0:
            step[k] = b1 - b[k - 1]
        b1 = b1 - eta * g                    # b1 ← b1 − η·∂E/∂b1
    penalty = np.zeros(m)
    return {"b1": b, "gradient": grad, "cost": cost, "penalty": penalty,
            "objective": cost + penalty, "step": step, "converged": np.abs(step) <= tol}


def machine() -> str:
    """CPU model, core count, Python and numpy versions, for the record."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            names = [line.split(":", 1)[1].strip() for line in f if line.startswith("model name")]
        if names:
            cpu = names[0]
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}, "
            f"Python {platform.python_version()}, numpy {np.__version__}")


def best_time(fn: Callable[[], object], repeats: int = 3) -> float:
    """The fastest of ``repeats`` wall-clock timings of ``fn()``, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def engine_run(data: Dataset, updates: int) -> Run:
    spec = RunSpec(data=data, learning_rate=LEARNING_RATE, max_iterations=updates)
    return run(spec, stop_at_convergence=False)


def measure(n: int) -> dict[str, Any]:
    data = samples(n)
    start = RunSpec(data=data).resolved_start()[0]
    engine_s = best_time(lambda: engine_run(data, ENGINE_ITERATIONS))
    naive_updates = NAIVE_ITERATIONS[n]
    naive_s = best_time(lambda: naive_run(data.x, data.y, start, LEARNING_RATE, naive_updates))
    engine_rate = ENGINE_ITERATIONS / engine_s
    naive_rate = naive_updates / naive_s
    # The two loops walk the same path: compare the first updates' b1.
    short = engine_run(data, naive_updates)
    naive = naive_run(data.x, data.y, start, LEARNING_RATE, naive_updates)
    path_gap = float(np.max(np.abs(short.params[:, 0] - naive["b1"])
                            / np.maximum(np.abs(naive["b1"]), 1.0)))
    return {
        "n": n,
        "engine_iterations": ENGINE_ITERATIONS,
        "engine_seconds": round(engine_s, 4),
        "engine_iterations_per_s": round(engine_rate),
        "naive_iterations": naive_updates,
        "naive_seconds": round(naive_s, 4),
        "naive_iterations_per_s": round(naive_rate),
        "speedup": float(f"{engine_rate / naive_rate:.3g}"),
        "b1_path_max_relative_gap": path_gap,
    }


def statistics_agreement(n: int = LARGE_N) -> dict[str, Any]:
    """Cost from sufficient statistics vs direct evaluation along a run (and off it)."""
    data = samples(n)
    r = engine_run(data, 2_000)
    rows = r.params[np.unique(np.linspace(0, r.params.shape[0] - 1, 400).astype(int))]
    # Also points far from the path, on both sides of the optimum.
    rows = np.vstack([rows, np.linspace(-50.0, 50.0, 101)[:, None]])
    obj = Objective(data, model="origin", cost="mse", penalty="none", lam=0.0)
    fast = obj.cost(rows)
    direct = direct_cost("mse", rows, data)
    rel = float(np.max(np.abs(fast - direct) / np.abs(direct)))
    return {"n": n, "points": int(rows.shape[0]), "max_relative_difference": rel,
            "target": TARGET_RELATIVE_AGREEMENT, "meets_target": rel <= TARGET_RELATIVE_AGREEMENT}


def main() -> int:
    load = round(os.getloadavg()[0], 2)
    results = [measure(n) for n in (2, LARGE_N)]
    agreement = statistics_agreement()
    at_100k = results[-1]
    verdict = {
        "engine_at_least_1M_iterations_per_s": all(
            r["engine_iterations_per_s"] >= TARGET_ITERATIONS_PER_S for r in results),
        "engine_at_least_50x_naive_at_100k": at_100k["speedup"] >= TARGET_SPEEDUP_AT_100K,
        "statistics_agree_with_direct_cost": agreement["meets_target"],
    }
    report = {
        "benchmark": "engine",
        "quick": QUICK,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_average_at_start": load,
        "model": "origin", "cost": "mse", "learning_rate": LEARNING_RATE,
        "results": results,
        "statistics_vs_direct": agreement,
        "targets_met": verdict,
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
