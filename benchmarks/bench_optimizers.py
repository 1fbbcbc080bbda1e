"""Optimizers and mini-batches: the engine against a straightforward per-update numpy loop in
the same process; prints one JSON object.

1. Each optimizer on the note's case (one parameter, two samples): ≥ 500,000 updates/s.
2. Each optimizer on p = 10 features, n = 100,000 samples, MSE: ≥ 100,000 updates/s.
3. Mini-batch B = 32 on n = 1,000,000 samples, shuffled: ≥ 100,000 updates/s (O(B) per update;
   the objective over all samples of every row is computed afterwards, vectorised).

The baseline for 1 and 2 is the per-update loop a learner would write with numpy: the full
gradient (2/n)·Xaᵀ·(Xa·b − y) and the optimizer's equations on arrays; for 3 the same on the
batch's rows. Each figure is the best of three. Run: ``./dev bench optimizers``.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from typing import Any

import numpy as np
from bench_engine import best_time

from gdapp.core import Dataset, RunSpec, run
from gdapp.core.optimizers import OPTIMIZERS

NOTE_UPDATES = 200_000
FEATURE_UPDATES = 50_000
BATCH_UPDATES = 100_000
BASELINE_UPDATES = {"note": 20_000, "features": 200, "batch": 20_000}
TARGETS = {"note": 500_000, "features": 100_000, "batch": 100_000}


def baseline(xa: np.ndarray, y: np.ndarray, optimizer: str, updates: int, lr: float,
             batch: int | None = None) -> None:
    """The straightforward loop: a numpy gradient and the optimizer's equations per update."""
    b = np.zeros(xa.shape[1])
    buf, s, v, m = (np.zeros_like(b) for _ in range(4))
    rng = np.random.default_rng(0)
    order = rng.permutation(y.size) if batch else None
    for t in range(1, updates + 1):
        if batch:
            assert order is not None
            j = (t - 1) % (y.size // batch)
            idx = order[j * batch:(j + 1) * batch]
            xs, ys = xa[idx], y[idx]
        else:
            xs, ys = xa, y
        g = xs.T @ (xs @ b - ys) * (2.0 / ys.size)
        if optimizer in ("momentum", "nesterov"):
            buf = g if t == 1 else 0.9 * buf + g
            d = g + 0.9 * buf if optimizer == "nesterov" else buf
        elif optimizer == "adagrad":
            s = s + g * g
            d = g / (np.sqrt(s) + 1e-10)
        elif optimizer == "rmsprop":
            v = 0.99 * v + 0.01 * g * g
            d = g / (np.sqrt(v) + 1e-8)
        elif optimizer == "adam":
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            d = (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
        else:
            d = g
        b = b - lr * d


def measure(label: str, data: Dataset, model: str, updates: int, lr: float,
            batch: int | None = None, optimizers: tuple[str, ...] = tuple(OPTIMIZERS)
            ) -> list[dict[str, Any]]:
    columns = [data.X[:, j] for j in range(data.p)]
    if model == "line":
        columns.insert(0, np.ones(data.n))
    xa = np.column_stack(columns)
    out = []
    for name in optimizers:
        spec = RunSpec(data=data, model=model, optimizer=name, learning_rate=lr,
                       max_iterations=updates, batch_size=batch, shuffle=batch is not None)
        engine = best_time(lambda s=spec: run(s, stop_at_convergence=False))  # type: ignore[misc]
        n_base = BASELINE_UPDATES[label]
        base = best_time(lambda o=name, k=n_base: baseline(xa, data.y, o, k, lr, batch))  # type: ignore[misc]
        rate, base_rate = updates / engine, n_base / base
        out.append({"optimizer": name, "engine_updates_per_s": round(rate),
                    "baseline_updates_per_s": round(base_rate),
                    "speedup": round(rate / base_rate, 1),
                    "meets_target": rate >= TARGETS[label]})
    return out


def main() -> int:
    load = round(os.getloadavg()[0], 2)
    rng = np.random.default_rng(20261202)
    X = rng.normal(size=(100_000, 10))
    features = Dataset(X, X @ rng.normal(size=10) + rng.normal(size=100_000))
    x = rng.uniform(0, 2, 1_000_000)
    million = Dataset(x, 2.8 * x + rng.normal(0, 0.5, x.size))
    note = Dataset([1.0, 2.0], [2.0, 6.0], name="document")
    report = {
        "benchmark": "optimizers",
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average_at_start": load,
        "note_case": measure("note", note, "origin", NOTE_UPDATES, 0.001),
        "p10_n100k": measure("features", features, "line", FEATURE_UPDATES, 0.01),
        "minibatch_32_of_1M": measure("batch", million, "origin", BATCH_UPDATES, 0.01,
                                      batch=32, optimizers=("gd",)),
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
