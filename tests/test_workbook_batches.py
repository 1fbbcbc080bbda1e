"""Workbooks of mini-batch runs: the Order sheet holds the engine's batches, each update takes
its batch's gradient by live formulas over those rows, the epoch rule's columns stop the run
where the engine stopped, and LibreOffice and Gnumeric recompute every optimizer × schedule ×
batch setting equal to the engine (the differential)."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from gdapp.cli import main
from gdapp.core import EXAMPLES, Dataset, make_spec, run
from gdapp.core.batches import PATIENCE
from gdapp.core.optimizers import OPTIMIZERS, SCHEDULES
from gdapp.excel import read_workbook
from gdapp.excel.verify import verify_workbooks
from tests.differential import disagreements, export_cases, recalculate

_rng = np.random.default_rng(0)
_x = np.round(_rng.uniform(0, 3, 7), 2)
SEVEN = Dataset(_x, np.round(2 * _x + 1 + _rng.normal(0, 0.3, 7), 2), name="seven")

#: every optimizer × schedule on batches of 1 or 3 (the last batch of an epoch: 1 sample),
#: in order or shuffled; then costs, penalties, several features and the sine model
CASES: dict[str, dict[str, object]] = {
    f"{o}-{s}": dict(data=SEVEN, model="line", optimizer=o, schedule=s, gamma=0.95,
                     step_size=7, max_iterations=40, learning_rate=0.05,
                     batch_size=(1, 3)[i % 2], shuffle=bool(i % 3), seed=i)
    for i, (o, s) in enumerate(itertools.product(OPTIMIZERS, SCHEDULES))
}
CASES.update({
    "mae-b2": dict(data=SEVEN, model="line", cost="mae", batch_size=2, shuffle=True,
                   seed=5, learning_rate=0.1, max_iterations=30),
    "rmse-l2-b3": dict(data=SEVEN, cost="rmse", penalty="l2", lam=0.3, batch_size=3,
                       learning_rate=0.1, max_iterations=30),
    "l1-proximal-b2": dict(data=SEVEN, model="line", penalty="l1", lam=0.5, batch_size=2,
                           shuffle=True, seed=2, learning_rate=0.05, max_iterations=30),
    "l1-adam-b2": dict(data=SEVEN, model="line", optimizer="adam", penalty="l1", lam=0.5,
                       batch_size=2, shuffle=True, seed=2, learning_rate=0.1,
                       max_iterations=30),
    "features-momentum-b8": dict(data=EXAMPLES["features"], model="line",
                                 optimizer="momentum", batch_size=8, shuffle=True, seed=1,
                                 learning_rate=0.0005, max_iterations=25),
    "sine-b3": dict(data=EXAMPLES["nonconvex"], model="sine", batch_size=3, shuffle=True,
                    seed=4, start=(2.0,), learning_rate=0.05, max_iterations=30),
    # stops by the epoch rule, well before max_iterations
    "sgd-stops": dict(data=SEVEN, batch_size=1, shuffle=True, seed=3, learning_rate=0.02,
                      max_iterations=5000),
    # full batch: a cosine run that converges early keeps its schedule's length (the
    # verifier reruns it for the workbook's rows with the Settings' max_iterations)
    "cosine-converges-early": dict(schedule="cosine", learning_rate=0.1,
                                   max_iterations=2000),
})


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return export_cases(CASES, tmp_path_factory.mktemp("batches"))


def test_the_cases_are_what_they_say(exported):
    runs, _ = exported
    assert runs["sgd-stops"].status == "converged" and runs["sgd-stops"].iterations < 5000
    early = runs["cosine-converges-early"]
    assert early.status == "converged" and early.iterations < 2000
    assert all(runs[name].spec.minibatch for name in CASES if name != "cosine-converges-early")
    assert {r.spec.batch_size for r in runs.values()} >= {1, 2, 3, 8}


def test_libreoffice_recomputes_every_batch_run_as_the_engine(exported):
    _runs, files = exported
    for f, report in zip(files, verify_workbooks(files), strict=True):
        assert report.agree, (f.name, report.first_difference)
        assert report.sensitive == 0, f.name
        assert report.cells_compared > 100, f.name


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_gnumeric_recomputes_every_batch_run_as_the_engine(exported, tmp_path):
    runs, files = exported
    assert disagreements(runs, files, tmp_path) == []


def test_the_order_sheet_holds_the_engines_batches(exported):
    runs, files = exported
    for name in ("adam-step", "gd-cosine", "features-momentum-b8"):
        r = runs[name]
        f = next(f for f in files if f.stem == name)
        rows = list(openpyxl.load_workbook(f)["Order"].iter_rows(min_row=2, values_only=True))
        for t in range(1, r.iterations + 1):
            mine = [row[2] - 1 for row in rows if row[0] == t]
            assert mine == r.batch(t).tolist(), (name, t)
            per_epoch = -(-r.spec.data.n // r.spec.batch_size)
            assert {row[1] for row in rows if row[0] == t} == {(t - 1) // per_epoch + 1}
        assert len(rows) == sum(len(r.batch(t)) for t in range(1, r.iterations + 1))


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_the_sheet_stops_the_stochastic_run_by_the_epoch_rule(exported, tmp_path):
    runs, files = exported
    r = runs["sgd-stops"]
    f = next(f for f in files if f.stem == "sgd-stops")
    ws = openpyxl.load_workbook(recalculate(f, tmp_path), data_only=True)["Iterations"]
    header = [c.value for c in ws[1]]
    stale = header.index("epochs without a better objective")
    flag = header.index("converged")
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [row[flag] for row in rows].index(True) == r.iterations == len(rows) - 1
    assert rows[-1][stale] == PATIENCE
    summary = {row[0]: row[1] for row in openpyxl.load_workbook(
        tmp_path / f.name, data_only=True)["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Iterations used"] == r.iterations
    assert summary["Stopping rule"] == f"{PATIENCE} epochs without a better objective"


def test_a_batch_gradient_sums_over_its_rows_of_the_order_sheet(exported):
    _runs, files = exported
    f = next(f for f in files if f.stem == "gd-constant")
    ws = openpyxl.load_workbook(f)["Iterations"]
    header = [c.value for c in ws[1]]
    column = header.index("batch gradient of update k, ∂/∂b1") + 1
    # update 1 takes the first sample alone (B = 1, in order): Order row 2 (1 below D1), at
    # row 0's b
    text = ws.cell(row=3, column=column).value
    assert "OFFSET(Order!$D$1,1,0,1)" in text and "B2" in text
    b1 = header.index("b1") + 1
    assert ws.cell(row=3, column=b1).value.startswith("=IF(ABS(C2-")


def test_a_tampered_order_is_caught(exported, tmp_path):
    _runs, files = exported
    source = next(f for f in files if f.stem == "mae-b2")
    wb = openpyxl.load_workbook(source)
    order = wb["Order"]
    order["C3"].value = order["C3"].value % 7 + 1     # another sample in update 1's batch
    tampered = tmp_path / "tampered.xlsx"
    wb.save(tampered)
    report = verify_workbooks([tampered])[0]
    assert not report.agree
    assert "Order!C3" in (report.first_difference or ""), report.first_difference


def test_cli_exports_and_reads_back_a_batch_run(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "sgd.xlsx"
    assert main(["export", "--batch-size", "1", "--shuffle", "--seed", "3",
                 "--iterations", "30", "-o", str(target)]) == 0
    spec = read_workbook(target).spec
    assert (spec.batch_size, spec.shuffle, spec.seed) == (1, True, 3)
    again = run(spec)
    original = run(make_spec(batch_size=1, shuffle=True, seed=3, max_iterations=30))
    np.testing.assert_array_equal(again.params, original.params)


def test_the_settings_say_what_the_tolerance_and_the_model_mean_here(exported):
    _runs, files = exported

    def help_of(stem: str, name: str) -> str:
        f = next(f for f in files if f.stem == stem)
        ws = openpyxl.load_workbook(f)["Settings"]
        return next(r[3] for r in ws.iter_rows(min_row=2, values_only=True) if r[2] == name)

    assert help_of("sgd-stops", "tolerance").startswith("Stopping: an epoch's end")
    assert f"the {PATIENCE} in a row" in help_of("sgd-stops", "tolerance")
    assert help_of("cosine-converges-early", "tolerance").startswith("Converged when no "
                                                                     "parameter moves")
    assert help_of("sine-b3", "model").startswith("sine: ŷ = sin(b1·x)")
    assert help_of("mae-b2", "model").startswith("origin: ŷ = b1·x (the note's)")


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_an_edited_eta_recomputes_the_stochastic_run_where_it_now_stops(exported, tmp_path):
    # the README's invitation (change η, save): LibreOffice's run of the edited workbook is
    # the engine's at the new η, its first flagged row included
    runs, files = exported
    wb = openpyxl.load_workbook(next(f for f in files if f.stem == "sgd-stops"))
    row = next(r for r in wb["Settings"].iter_rows(min_row=2) if r[2].value == "eta")
    row[1].value = 0.03          # stops after 56 updates, inside the workbook's 105 rows
    edited = tmp_path / "eta.xlsx"
    wb.save(edited)
    report = verify_workbooks([edited])[0]
    assert report.agree, report.first_difference
    assert any("(eta) was 0.02 at export and is 0.03 now" in n for n in report.notes)
    again = run(read_workbook(edited).spec)
    assert again.converged_at is not None
    assert again.converged_at < runs["sgd-stops"].iterations
    folder = tmp_path / "gnumeric"
    folder.mkdir()
    sheet = openpyxl.load_workbook(recalculate(edited, folder), data_only=True)["Summary"]
    summary = {r[0]: r[1] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert summary["Iterations used"] == again.converged_at     # Gnumeric's too
