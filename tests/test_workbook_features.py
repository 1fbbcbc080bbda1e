"""Workbooks of several features: every feature on Data, p parameter columns on Iterations,
the normal equations solved by MINVERSE on the Summary — recalculated by LibreOffice and by
Gnumeric equal to the engine, read back as the same run, and an edit anywhere caught."""

from __future__ import annotations

import numpy as np
import openpyxl
import pytest

from gdapp.core import EXAMPLES, Dataset, make_spec, run
from gdapp.excel import export_workbook, read_workbook
from gdapp.excel.verify import verify_workbooks
from tests.differential import disagreements, export_cases


def _random_data(p: int, n: int, seed: int) -> Dataset:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * rng.uniform(0.5, 5.0, size=p) + rng.uniform(-3, 3, size=p)
    y = X @ rng.normal(size=p) + 1.5 + 0.3 * rng.normal(size=n)
    return Dataset(X, y, feature_names=[f"f{j}" for j in range(1, p + 1)], name=f"random{p}")


FEATURES = EXAMPLES["features"]

#: name → spec settings: p = 2 … 8, both models, every cost and penalty (L1 both ways)
CASES = {
    "features-line-mse": dict(data=FEATURES, model="line", learning_rate=0.0009,
                              max_iterations=300),
    "features-line-l2": dict(data=FEATURES, model="line", penalty="l2", lam=0.3,
                             learning_rate=0.0009, max_iterations=200),
    "features-origin-l1": dict(data=FEATURES, model="origin", penalty="l1", lam=0.5,
                               learning_rate=0.0005, max_iterations=200),
    "features-line-mae": dict(data=FEATURES, model="line", cost="mae", learning_rate=0.01,
                              max_iterations=100),
    "features-diverges": dict(data=FEATURES, model="line", learning_rate=0.005,
                              max_iterations=300),
    "random2-line-rmse": dict(data=_random_data(2, 12, 1), model="line", cost="rmse",
                              learning_rate=0.05, max_iterations=150),
    "random3-origin-l2": dict(data=_random_data(3, 9, 2), model="origin", penalty="l2",
                              lam=0.2, learning_rate=0.01, max_iterations=150),
    "random8-line-l1sub": dict(data=_random_data(8, 20, 3), model="line", penalty="l1",
                               lam=0.05, l1_method="subgradient", learning_rate=0.005,
                               max_iterations=120),
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return export_cases(CASES, tmp_path_factory.mktemp("features"))


def test_the_data_sheet_holds_every_feature_under_its_name(exported):
    runs, files = exported
    r = runs["features-line-mse"]
    ws = openpyxl.load_workbook(files[0])["Data"]
    header = [c.value for c in ws[1]]
    assert header[1:7] == [*FEATURES.feature_names, FEATURES.y_name]
    assert [c.value for c in ws[2]][1:6] == FEATURES.X[0].tolist()
    wb = openpyxl.load_workbook(files[0])
    assert wb.defined_names["x3_data"].attr_text == "Data!$D$2:$D$31"
    assert wb.defined_names["y_data"].attr_text == "Data!$G$2:$G$31"
    # the parameters, their gradients and steps: one column each, b0 … b5
    it = [c.value for c in wb["Iterations"][1]]
    for name in r.spec.param_names:
        assert name in it and f"gradient ∂(E+P)/∂{name}" in it and f"step Δ{name}" in it


def test_the_summary_solves_the_normal_equations_with_minverse(exported):
    _runs, files = exported
    ws = openpyxl.load_workbook(files[1])["Summary"]
    formulas = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    solves = [f for f in formulas if f.startswith("=INDEX(MMULT(MINVERSE(")]
    assert len(solves) == FEATURES.p
    assert any("+COUNT(y_data)*lambda_" in f for f in formulas)  # ridge on the diagonal


def test_libreoffice_recomputes_every_cell_as_the_engine_did(exported):
    _runs, files = exported
    reports = verify_workbooks(files)
    for f, report in zip(files, reports, strict=True):
        assert report.agree, (f.name, report.first_difference)
        assert report.sensitive == 0, f.name
        assert report.cells_compared > 1000


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_gnumeric_recomputes_every_cell_as_the_engine_did(exported, tmp_path):
    runs, files = exported
    assert disagreements(runs, files, tmp_path) == []
    # the optimum Gnumeric's MINVERSE gives is the engine's to 1e-12
    wb = openpyxl.load_workbook(tmp_path / files[1].name, data_only=True)["Summary"]
    labels = {row[0].value: row[1].value for row in wb.iter_rows(min_row=2, max_col=2)}
    opt = runs["features-line-l2"].optimum.params
    for j in range(1, FEATURES.p + 1):
        assert labels[f"Optimum b{j}"] == pytest.approx(opt[j], rel=1e-12, abs=1e-13)


def test_a_workbook_of_several_features_reads_back_as_the_same_run(exported):
    runs, files = exported
    for f in files:
        spec = read_workbook(f).spec
        assert spec == runs[f.stem].spec, f.name
        assert spec.data.feature_names == runs[f.stem].spec.data.feature_names


def test_an_edited_feature_value_or_gram_formula_is_caught(exported, tmp_path):
    _runs, files = exported
    wb = openpyxl.load_workbook(files[1])
    wb["Summary"]["J3"] = "=1"          # one entry of the normal equations' matrix
    edited = tmp_path / "gram.xlsx"
    wb.save(edited)
    report = verify_workbooks([edited])[0]
    assert not report.agree
    assert "Summary!J3" in report.first_difference

    wb = openpyxl.load_workbook(files[0])
    wb["Data"]["E5"] = 99.0              # shoe size of sample 4: the run read back changes
    edited = tmp_path / "data.xlsx"
    wb.save(edited)
    spec = read_workbook(edited).spec
    assert spec.data.X[3, 3] == 99.0
    # a data edit is a new run, and every formula follows it; only the largest eigenvalue,
    # which gdapp computed at export (no spreadsheet function has it), is now stale: named,
    # with the stability limit 2/λmax computed from it
    report = verify_workbooks([edited])[0]
    assert report.differences == 2
    assert report.first_difference.startswith("Summary!B20: the workbook has 2136.48")


def test_dependent_features_export_an_honest_note_and_verify(tmp_path):
    X = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0], [4.0, 8.0]])
    data = Dataset(X, [1.0, 2.0, 2.5, 4.0], feature_names=["a", "twice_a"], name="copy")
    r = run(make_spec(data=data, model="line", learning_rate=0.01, max_iterations=50))
    assert r.optimum.params is None and "not unique" in r.optimum.note
    path = tmp_path / "copy.xlsx"
    export_workbook(r, path)
    ws = openpyxl.load_workbook(path)["Summary"]
    texts = [c.value for row in ws.iter_rows(max_col=2) for c in row]
    assert r.optimum.note in texts
    assert not any(isinstance(t, str) and "MINVERSE" in t for t in texts)
    assert verify_workbooks([path])[0].agree
