"""Several features: the engine and the regularization path against their baselines; prints
one JSON object.

1. Descent on p = 10 features, n = 100,000 samples, the line model, MSE: the engine
   (:func:`gdapp.core.run`, sufficient statistics gathered once, so O(p²) per update whatever
   n) against a straightforward per-update numpy loop, ``g = (2/n)·Xaᵀ·(Xa·b − y)``,
   ``b ← b − η·g`` (O(n·p) per update), in the same process.
   Targets: ≥ 200,000 updates/s and ≥ 100× the per-update loop.
2. The note's own case (one feature, two samples) through the same engine: ≥ 1,000,000
   updates/s (the figure ``bench_engine.py`` measures in detail).
3. ``gdapp path``'s computation (:func:`gdapp.core.regularization_path`, L1, 50 λ, p = 10,
   n = 100,000, centring and Gram sums included) against scikit-learn's ``lasso_path`` on the
   same centred data at alphas = λ/2 (centring included). Target: at most 3× its time.

Each figure is the best of three. Run: ``./dev bench features``; ``--quick`` runs tiny sizes
(n = 1,000) in seconds, as the test suite does.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import numpy as np
from bench_engine import best_time
from sklearn.linear_model import lasso_path

from gdapp.core import Dataset, RunSpec, regularization_path, run

#: ``--quick``: tiny sizes, in seconds (the test suite runs it; the figures mean nothing)
QUICK = "--quick" in sys.argv[1:]
N, P = (1_000 if QUICK else 100_000), 10
ENGINE_UPDATES = 500 if QUICK else 200_000
NAIVE_UPDATES = 5 if QUICK else 300
NOTE_UPDATES = 2_000 if QUICK else 1_000_000
LEARNING_RATE = 0.1
TARGET_UPDATES_PER_S = 200_000
TARGET_SPEEDUP = 100.0
TARGET_NOTE_UPDATES_PER_S = 1_000_000
TARGET_PATH_RATIO = 3.0


def problem() -> Dataset:
    rng = np.random.default_rng(20261202)
    X = rng.normal(size=(N, P))
    truth = rng.normal(size=P) * (rng.random(P) < 0.6)
    return Dataset(X, X @ truth + 1.5 + rng.normal(size=N), name=f"synthetic-{N}x{P}")


def naive_loop(data: Dataset, updates: int) -> np.ndarray:
    """The per-update baseline: the gradient over all samples at every update."""
    xa = np.column_stack([np.ones(data.n), data.X])
    b = np.zeros(xa.shape[1])
    out = np.empty((updates + 1, b.size))
    out[0] = b
    for k in range(1, updates + 1):
        g = 2.0 * (xa.T @ (xa @ b - data.y)) / data.n
        b = b - LEARNING_RATE * g
        out[k] = b
    return out


def descent(data: Dataset) -> dict[str, Any]:
    spec = RunSpec(data=data, model="line", learning_rate=LEARNING_RATE,
                   max_iterations=ENGINE_UPDATES)
    engine = best_time(lambda: run(spec, stop_at_convergence=False))
    naive = best_time(lambda: naive_loop(data, NAIVE_UPDATES))
    check = run(replace(spec, max_iterations=NAIVE_UPDATES), stop_at_convergence=False)
    gap = float(np.max(np.abs(check.params - naive_loop(data, NAIVE_UPDATES))))
    rate, naive_rate = ENGINE_UPDATES / engine, NAIVE_UPDATES / naive
    return {"p": P, "n": N, "engine_updates": ENGINE_UPDATES, "engine_s": round(engine, 4),
            "engine_updates_per_s": round(rate), "naive_updates": NAIVE_UPDATES,
            "naive_s": round(naive, 4), "naive_updates_per_s": round(naive_rate, 1),
            "speedup": float(f"{rate / naive_rate:.3g}"),
            "largest_difference_between_the_two_paths": gap}


def note_case() -> dict[str, Any]:
    spec = RunSpec(max_iterations=NOTE_UPDATES)
    seconds = best_time(lambda: run(spec, stop_at_convergence=False))
    return {"updates": NOTE_UPDATES, "seconds": round(seconds, 4),
            "updates_per_s": round(NOTE_UPDATES / seconds)}


def path(data: Dataset) -> dict[str, Any]:
    ours = regularization_path(data, "line", "l1")

    def sklearn() -> object:
        xc = data.X - data.X.mean(axis=0)
        yc = data.y - data.y.mean()
        return lasso_path(xc, yc, alphas=ours.lambdas / 2)

    t_ours = best_time(lambda: regularization_path(data, "line", "l1"))
    t_sk = best_time(sklearn)
    coefs = lasso_path(data.X - data.X.mean(axis=0), data.y - data.y.mean(),
                       alphas=ours.lambdas / 2, tol=1e-12, max_iter=100_000)[1]
    return {"lambdas": int(ours.lambdas.size), "gdapp_s": round(t_ours, 4),
            "scikit_learn_s": round(t_sk, 4), "ratio": round(t_ours / t_sk, 2),
            "largest_difference_from_scikit_learn": float(np.max(np.abs(
                ours.slopes() - coefs.T)))}


def main() -> int:
    load = round(os.getloadavg()[0], 2)
    data = problem()
    d, note, pth = descent(data), note_case(), path(data)
    report = {
        "benchmark": "features",
        "quick": QUICK,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average_at_start": load,
        "descent_p10_n100k": d,
        "note_case": note,
        "path": pth,
        "targets_met": {
            "at_least_200k_updates_per_s": d["engine_updates_per_s"] >= TARGET_UPDATES_PER_S,
            "at_least_100x_the_per_update_loop": d["speedup"] >= TARGET_SPEEDUP,
            "note_case_at_least_1M_updates_per_s":
                note["updates_per_s"] >= TARGET_NOTE_UPDATES_PER_S,
            "path_at_most_3x_scikit_learn": pth["ratio"] <= TARGET_PATH_RATIO,
        },
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
