"""Differential test: seeded random settings, exported and recalculated in LibreOffice, agree
with the engine cell by cell.

One setting per (model, cost) pair the model table allows (``model_rule(m).costs``: a new cost
or model is covered as soon as its entry exists), at least 12, 60 when ``CI`` is set (the CI
profile, see tests/conftest.py); all of them are recalculated by one LibreOffice launch
(:func:`gdapp.excel.verify.verify_workbooks`). The settings span every model, cost, penalty
and L1 step, one to forty samples (0/1 targets for a classifier), η on both sides of the
stability limit (some runs diverge) and starts of either sign.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from gdapp.core import L1_METHODS, MODEL_RULES, PENALTIES, Dataset, Run, RunSpec, run
from gdapp.core import stability_limit as limit_of
from gdapp.core.costs import COST_SETTINGS, sigmoid
from gdapp.core.spec import model_param_names
from gdapp.excel import export_workbook
from gdapp.excel.verify import VerifyReport, verify_workbooks

SEED = 20261127
#: Every (model, cost) pair the model table allows, in the tables' order.
PAIRS = [(m, c) for m, rule in MODEL_RULES.items() for c in rule.costs]
COUNT = 60 if os.environ.get("CI") else max(12, len(PAIRS))
#: The pair driven far past its stability limit (it diverges within 250 updates).
DIVERGING = PAIRS.index(("line", "mse"))


def _samples(rng: np.random.Generator, model: str, n: int, scale: float
             ) -> tuple[np.ndarray, np.ndarray]:
    x = np.round(rng.uniform(-3, 3, n) * scale, 3)
    if MODEL_RULES[model].targets == "binary":    # 0/1, drawn from a noisy logistic curve
        z = rng.uniform(-2, 2) * x / scale + rng.uniform(-1, 1)
        return x, (rng.uniform(size=n) < sigmoid(z)).astype(np.float64)
    return x, np.round(rng.uniform(-2, 2) * x + rng.uniform(-1, 1) * scale
                       + rng.normal(0, 0.3 * scale, n), 3)


def random_spec(rng: np.random.Generator, i: int) -> RunSpec:
    """One random setting; the (model, cost) pair cycles through :data:`PAIRS` and the
    penalty through every penalty, so that the first len(PAIRS) draws hold every pair and
    every penalty, 3·len(PAIRS) every (model, cost, penalty) triple."""
    model, cost = PAIRS[i % len(PAIRS)]
    penalty = PENALTIES[(i % len(PAIRS) + i // len(PAIRS)) % 3]
    l1_method = str(rng.choice(L1_METHODS)) if penalty == "l1" else "proximal"
    n = int(rng.integers(1, 41))
    scale = float(10.0 ** rng.integers(-2, 3))
    x, y = _samples(rng, model, n, scale)
    data = Dataset(x, y, x_name="hours", y_name="score", name=f"random-{i}.csv")
    lam = float(np.round(rng.uniform(0, 3), 2)) if penalty != "none" else 0.0
    settings = {name: float(np.round(rng.uniform(0.2, 2.0), 2) * scale)
                for name in COST_SETTINGS}      # δ in the target's units
    limit = limit_of(data, model, cost, penalty, lam)
    diverging = i % len(PAIRS) == DIVERGING and i < len(PAIRS)
    if limit is None:            # MAE (or no curvature): a step a fraction of the data's size
        eta = float(rng.uniform(0.001, 0.2)) / max(1.0, float(np.mean(np.abs(x))))
    elif diverging:              # (line, MSE) far past the limit: diverges within 250
        eta = float(rng.uniform(20, 50)) * limit
    elif rng.uniform() < 0.2:    # past the limit: squared error diverges, RMSE wanders
        eta = float(rng.uniform(1.05, 50)) * limit
    else:
        eta = float(rng.uniform(0.05, 0.95)) * limit
    start = tuple(float(v) for v in np.round(rng.uniform(-5, 5, len(
        model_param_names(model))), 2))
    iterations = 250 if diverging else int(rng.integers(5, 250))
    return RunSpec(data=data, model=model, cost=cost, penalty=penalty,  # type: ignore[arg-type]
                   lam=lam, l1_method=l1_method, learning_rate=eta,  # type: ignore[arg-type]
                   start=start, max_iterations=iterations, **settings)


def random_runs(count: int = COUNT, seed: int = SEED) -> dict[str, Run]:
    rng = np.random.default_rng(seed)
    return {f"random-{i:02d}": run(random_spec(rng, i)) for i in range(count)}


@pytest.fixture(scope="module")
def runs() -> dict[str, Run]:
    return random_runs()


@pytest.fixture(scope="module")
def reports(runs: dict[str, Run], tmp_path_factory: pytest.TempPathFactory
            ) -> dict[str, VerifyReport]:
    folder = tmp_path_factory.mktemp("differential")
    paths = [export_workbook(r, folder / f"{name}.xlsx") for name, r in runs.items()]
    return dict(zip(runs, verify_workbooks(paths, timeout=600), strict=True))


def test_the_random_settings_cover_every_combination_and_both_sides_of_the_limit(
        runs: dict[str, Run]) -> None:
    specs = [r.spec for r in runs.values()]
    assert len(specs) == COUNT >= max(12, len(PAIRS))
    assert {(s.model, s.cost) for s in specs} == set(PAIRS)
    assert {"huber", "bce"} <= {c for _m, c in PAIRS}          # the table's, not a hand list
    assert {s.penalty for s in specs} == set(PENALTIES)
    statuses = {r.status for r in runs.values()}
    assert "diverged" in statuses and statuses & {"converged", "max_iterations"}
    if 3 * len(PAIRS) <= COUNT:
        assert {(s.model, s.cost, s.penalty) for s in specs} == {
            (m, c, p) for m, c in PAIRS for p in PENALTIES}
        assert {s.l1_method for s in specs if s.penalty == "l1"} == set(L1_METHODS)
    assert random_runs(3)["random-02"].spec == specs[2]   # seeded: the same every time


@pytest.mark.libreoffice
def test_every_random_setting_recalculates_in_libreoffice_as_the_engine_computed_it(
        runs: dict[str, Run], reports: dict[str, VerifyReport]) -> None:
    disagree = {name: rep.first_difference for name, rep in reports.items() if not rep.agree}
    assert disagree == {}
    for name, report in reports.items():
        assert report.rows == runs[name].iterations + 1
        assert report.cells_compared >= 6 * report.rows
