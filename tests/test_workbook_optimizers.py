"""Workbooks of every optimizer and schedule: η_k, each direction and each state variable a
column of live formulas, recalculated by LibreOffice and Gnumeric equal to the engine (the
differential over optimizer × schedule), and an edited β1 or η recomputes the run."""

from __future__ import annotations

import numpy as np
import openpyxl
import pytest

from gdapp.core import EXAMPLES, Dataset, run
from gdapp.core.optimizers import OPTIMIZERS, SCHEDULES
from gdapp.excel import read_workbook
from gdapp.excel.verify import verify_workbooks
from tests.differential import disagreements, export_cases

TWO = Dataset(np.array([[1.0, 0.5], [2.0, -1.0], [3.0, 2.0], [4.0, 0.0]]),
              [3.0, 4.5, 8.0, 9.5], feature_names=["a", "b"], name="two")

#: every optimizer × schedule on every sample (mini-batches: test_workbook_batches.py); the
#: options
CASES: dict[str, dict[str, object]] = {
    **{f"{o}-constant": dict(optimizer=o, max_iterations=40) for o in OPTIMIZERS},
    **{f"{o}-{s}": dict(optimizer=o, schedule=s, gamma=0.95, step_size=7, max_iterations=40)
       for s in SCHEDULES if s != "constant" for o in OPTIMIZERS},
    "momentum-dampened-line-l2": dict(optimizer="momentum", momentum=0.8, dampening=0.3,
                                      model="line", penalty="l2", lam=0.2,
                                      max_iterations=40),
    "rmsprop-centred-momentum": dict(optimizer="rmsprop", centered=True, momentum=0.5,
                                     learning_rate=0.05, max_iterations=40),
    "adam-amsgrad-l1-two": dict(data=TWO, model="line", optimizer="adam", amsgrad=True,
                                penalty="l1", lam=0.3, learning_rate=0.1, max_iterations=40),
    "nesterov-features-cosine": dict(data=EXAMPLES["features"], model="line",
                                     optimizer="nesterov", schedule="cosine",
                                     learning_rate=0.0005, max_iterations=40),
    "gd-step-l1-proximal": dict(schedule="step", gamma=0.5, step_size=3, penalty="l1",
                                lam=1.0, max_iterations=40),
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return export_cases(CASES, tmp_path_factory.mktemp("optimizers"))


def _headers(path):
    return [c.value for c in openpyxl.load_workbook(path)["Iterations"][1]]


def test_every_state_variable_and_eta_k_is_a_column(exported):
    runs, files = exported
    for f in files:
        r = runs[f.stem]
        headers = _headers(f)
        # the note's run keeps the note's columns; every other run has η_k
        assert ("η_k (learning rate of update k)" in headers) is not r.spec.plain_descent, \
            f.name
        for state in OPTIMIZERS[r.spec.optimizer].state:
            for name in r.spec.param_names:
                assert f"{state} of {name}" in headers, (f.name, state)


def test_libreoffice_recomputes_every_optimizer_and_schedule_as_the_engine(exported):
    _runs, files = exported
    for f, report in zip(files, verify_workbooks(files), strict=True):
        assert report.agree, (f.name, report.first_difference)
        assert report.sensitive == 0, f.name


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_gnumeric_recomputes_every_optimizer_and_schedule_as_the_engine(exported, tmp_path):
    runs, files = exported
    assert disagreements(runs, files, tmp_path) == []


def test_an_edited_beta1_recomputes_adam_in_the_spreadsheet(exported, tmp_path):
    runs, files = exported
    source = next(f for f in files if f.stem == "adam-constant")
    wb = openpyxl.load_workbook(source)
    settings = wb["Settings"]
    row = next(r for r in settings.iter_rows(min_row=2) if r[2].value == "beta1")
    row[1].value = 0.5
    edited = tmp_path / "beta1.xlsx"
    wb.save(edited)
    spec = read_workbook(edited).spec
    assert spec.optimizer == "adam" and spec.beta1 == 0.5
    report = verify_workbooks([edited])[0]
    # every formula follows the new β1: LibreOffice's run is the engine's Adam with β1 = 0.5
    assert report.agree, report.first_difference
    assert any("(beta1) was 0.9 at export and is 0.5 now" in n for n in report.notes)
    assert not np.allclose(run(spec).params[:, 0], runs["adam-constant"].params[:, 0])


def test_the_first_adam_update_in_the_workbook_is_eta_times_the_sign_of_g(exported):
    # Adam's first step is η·g/(|g| + ε·…) ≈ η·sign(g): from 15 with η = 0.01, 14.99
    runs, files = exported
    r = runs["adam-constant"]
    assert r.params[1, 0] == pytest.approx(15 - 0.01, abs=1e-9)
    f = next(f for f in files if f.stem == "adam-constant")
    formula = openpyxl.load_workbook(f)["Iterations"]["B3"].value
    assert formula.startswith("=IF(ABS(B2-") and "*" in formula
