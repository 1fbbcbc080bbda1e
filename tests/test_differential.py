"""Differential test: seeded random settings, exported and recalculated in LibreOffice, agree
with the engine cell by cell.

12 settings by default, 60 when ``CI`` is set (the CI profile, see tests/conftest.py); all of
them are recalculated by one LibreOffice launch (:func:`gdapp.excel.verify.verify_workbooks`).
The settings span every model, cost, penalty and L1 step, one to forty samples, η on both
sides of the stability limit (some runs diverge) and starts of either sign.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from gdapp.core import COSTS, L1_METHODS, MODELS, PENALTIES, Dataset, Run, RunSpec, run
from gdapp.core import stability_limit as limit_of
from gdapp.excel import export_workbook
from gdapp.excel.verify import VerifyReport, verify_workbooks

SEED = 20261127
COUNT = 60 if os.environ.get("CI") else 12


def random_spec(rng: np.random.Generator, i: int) -> RunSpec:
    """One random setting; model, cost and penalty cycle so that 6 draws hold every model ×
    cost pair and every penalty, 18 every model × cost × penalty triple."""
    model = tuple(MODELS)[i % 2]
    cost = COSTS[(i // 2) % 3]
    penalty = PENALTIES[(i + i // 6) % 3]
    l1_method = str(rng.choice(L1_METHODS)) if penalty == "l1" else "proximal"
    n = int(rng.integers(1, 41))
    scale = float(10.0 ** rng.integers(-2, 3))
    x = np.round(rng.uniform(-3, 3, n) * scale, 3)
    y = np.round((rng.uniform(-2, 2) * x + rng.uniform(-1, 1) * scale
                  + rng.normal(0, 0.3 * scale, n)), 3)
    data = Dataset(x, y, x_name="hours", y_name="score", name=f"random-{i}.csv")
    lam = float(np.round(rng.uniform(0, 3), 2)) if penalty != "none" else 0.0
    limit = limit_of(data, model, cost, penalty, lam)
    if limit is None:            # MAE (or no curvature): a step a fraction of the data's size
        eta = float(rng.uniform(0.001, 0.2)) / max(1.0, float(np.mean(np.abs(x))))
    elif i % 12 == 7:            # (line, MSE, L2) far past the limit: diverges within 250
        eta = float(rng.uniform(20, 50)) * limit
    elif rng.uniform() < 0.2:    # past the limit: squared error diverges, RMSE wanders
        eta = float(rng.uniform(1.05, 50)) * limit
    else:
        eta = float(rng.uniform(0.05, 0.95)) * limit
    start = tuple(float(v) for v in np.round(rng.uniform(-5, 5, len(MODELS[model])), 2))
    iterations = 250 if i % 12 == 7 else int(rng.integers(5, 250))
    return RunSpec(data=data, model=model, cost=cost, penalty=penalty,  # type: ignore[arg-type]
                   lam=lam, l1_method=l1_method, learning_rate=eta,  # type: ignore[arg-type]
                   start=start, max_iterations=iterations)


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
    assert len(specs) == COUNT >= 12
    assert {(s.model, s.cost) for s in specs} == {(m, c) for m in MODELS for c in COSTS}
    assert {s.penalty for s in specs} == set(PENALTIES)
    statuses = {r.status for r in runs.values()}
    assert "diverged" in statuses and statuses & {"converged", "max_iterations"}
    if COUNT >= 18:
        assert {(s.model, s.cost, s.penalty) for s in specs} == {
            (m, c, p) for m in MODELS for c in COSTS for p in PENALTIES}
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
