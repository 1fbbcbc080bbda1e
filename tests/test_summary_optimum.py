"""The Summary's optimum on nearly collinear features: the condition number is stated beside
the solved cells, and the objective at the optimum — a minimum, well-conditioned however
ill-conditioned the optimum is — is checked tightly.

Before, with x2 = x1·(1 + ~1e−10) LibreOffice's MINVERSE put the optimum far from the exact
one and "objective at the optimum" far above the minimum, and verify said "agree": those
cells' tolerance followed the optimum's (κ·|b|·1e−3)."""

from __future__ import annotations

import numpy as np
import openpyxl
import pytest

from gdapp.core import Dataset, features_example, make_spec, rerun_for_rows
from gdapp.excel import export_workbook
from gdapp.excel.expected import optimum_scale
from gdapp.excel.verify import verify_workbooks


def _collinear() -> Dataset:
    rng = np.random.default_rng(4)
    x1 = rng.uniform(1, 10, 15)
    x2 = x1 * (1 + 1e-10 * rng.standard_normal(15))
    y = 2 * x1 + rng.standard_normal(15) * 0.05
    return Dataset(np.column_stack([x1, x2]), y, feature_names=["x1", "x2"])


def _summary(path):
    ws = openpyxl.load_workbook(path)["Summary"]
    return {ws.cell(r, 1).value: (r, ws.cell(r, 3).value) for r in range(2, ws.max_row + 1)}


def test_the_condition_number_is_stated_beside_an_ill_conditioned_optimum(tmp_path):
    spec = make_spec(data=_collinear(), model="line", learning_rate=0.001, max_iterations=5)
    export_workbook(rerun_for_rows(spec, 6), tmp_path / "c.xlsx")
    how = _summary(tmp_path / "c.xlsx")["Optimum b1"][1]
    assert "condition number κ = " in how and "do not trust these cells" in how


def test_a_well_conditioned_optimum_states_no_condition_number(tmp_path):
    spec = make_spec(data=Dataset(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
                                  np.array([1.0, 2.0, 3.5])), learning_rate=0.01,
                     max_iterations=3)
    export_workbook(rerun_for_rows(spec, 4), tmp_path / "w.xlsx")
    assert "condition number" not in _summary(tmp_path / "w.xlsx")["Optimum b1"][1]


def test_the_objectives_scale_at_the_optimum_is_its_residuals_not_their_square():
    data = _collinear()
    run = rerun_for_rows(make_spec(data=data, model="line", max_iterations=2), 3)
    b = run.optimum.params
    size = np.abs(data.y) + abs(b[0]) + np.abs(data.X) @ np.abs(b[1:])   # R ~ 1e8 here
    r = np.sqrt(run.optimum.objective)                                     # ~ the residuals
    assert optimum_scale(run) <= 2.0 * 4.0 * r * float(np.max(size))
    assert optimum_scale(run) < 1e-6 * float(np.max(size)) ** 2


@pytest.mark.libreoffice
def test_a_wrong_objective_at_the_optimum_is_never_accepted(tmp_path):
    paths = []
    spec = make_spec(data=_collinear(), model="line", learning_rate=0.001, max_iterations=5)
    paths.append(tmp_path / "collinear.xlsx")
    export_workbook(rerun_for_rows(spec, 6), paths[-1])
    for cost, penalty in (("mse", "none"), ("rmse", "none"), ("mse", "l2")):
        spec = make_spec(data=features_example(), model="line", cost=cost, penalty=penalty,
                         lam=0.5 if penalty == "l2" else 0.0, learning_rate=0.0005,
                         max_iterations=5)
        paths.append(tmp_path / f"features-{cost}-{penalty}.xlsx")
        export_workbook(rerun_for_rows(spec, 6), paths[-1])
    reports = verify_workbooks(paths)
    row = _summary(paths[0])["Objective at the optimum"][0]
    assert not reports[0].agree
    assert reports[0].first_difference.startswith(f"Summary!B{row}: workbook ")
    for report in reports[1:]:
        assert report.agree, report.first_difference
