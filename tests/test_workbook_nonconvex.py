"""Workbooks of the sine model ŷ = sin(b1·x), the note's "real" non-convex cost: its
formulas are live (SIN and COS over the samples, as one-cell array formulas so that Gnumeric
computes them for every sample), LibreOffice and Gnumeric recompute the engine, and runs from
different starts end in different valleys in the spreadsheet too."""

from __future__ import annotations

import zipfile

import numpy as np
import openpyxl
import pytest

from gdapp.core import EXAMPLES, run
from gdapp.excel import read_workbook
from gdapp.excel.verify import verify_workbooks
from tests.differential import disagreements, export_cases, recalculate

NONCONVEX = EXAMPLES["nonconvex"]
#: starts in three different valleys; one with momentum, one with MAE, one with Adam
CASES: dict[str, dict[str, object]] = {
    "from-0": dict(start=(0.0,)),
    "from-1": dict(start=(1.0,)),
    "from-3": dict(start=(3.0,)),
    "momentum-from-3": dict(start=(3.0,), optimizer="momentum", momentum=0.9,
                            max_iterations=300),
    "adam-l2-from-2": dict(start=(2.0,), optimizer="adam", learning_rate=0.05,
                           penalty="l2", lam=0.01, max_iterations=200),
    "mae-from-1": dict(start=(1.0,), cost="mae", max_iterations=150),
    "rmsprop-step": dict(start=(0.5,), optimizer="rmsprop", schedule="step", gamma=0.5,
                         step_size=20, learning_rate=0.02, max_iterations=120),
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    cases = {name: dict(data=NONCONVEX, model="sine", **settings)
             for name, settings in CASES.items()}
    return export_cases(cases, tmp_path_factory.mktemp("nonconvex"))


def _recalculated_final_b1(path) -> float:
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb["Summary"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Final b1")
    return float(row[1].value)


def test_sums_over_sin_and_cos_are_array_formulas_and_the_rest_plain(exported):
    _runs, files = exported
    f = next(f for f in files if f.stem == "from-0")
    with zipfile.ZipFile(f) as z:
        sheets = {n: z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")}
    iterations = next(v for v in sheets.values() if "COS(" in v)
    assert 't="array" ref="C3"' in iterations      # the gradient: x·cos(b1·x) over the samples
    assert 't="array" ref="D3"' in iterations      # the cost: sin(b1·x) over the samples
    assert 't="array" ref="B3"' not in iterations  # the update is a plain formula
    ws = openpyxl.load_workbook(f)["Iterations"]
    assert ws["C3"].value.text == \
        "=-2*SUMPRODUCT(x_data*COS(B3*x_data),(y_data-SIN(B3*x_data)))/COUNT(x_data)"
    assert ws["D3"].value.text == \
        "=SUMPRODUCT((y_data-SIN(B3*x_data)),(y_data-SIN(B3*x_data)))/COUNT(x_data)"


def test_libreoffice_recomputes_the_sine_model_as_the_engine(exported):
    _runs, files = exported
    for f, report in zip(files, verify_workbooks(files), strict=True):
        assert report.agree, (f.name, report.first_difference)
        assert report.cells_compared > 200, f.name


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_gnumeric_recomputes_the_sine_model_and_its_valleys_as_the_engine(exported, tmp_path):
    runs, files = exported
    assert disagreements(runs, files, tmp_path) == []
    for f in files:
        final = _recalculated_final_b1(tmp_path / f.name)
        assert final == pytest.approx(runs[f.stem].params[-1, 0], rel=1e-12)


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_different_starts_end_in_different_valleys_in_the_spreadsheet(exported, tmp_path):
    runs, files = exported
    chosen = [f for f in files if f.stem in ("from-0", "from-1", "from-3")]
    finals = []
    for f in chosen:
        finals.append(_recalculated_final_b1(recalculate(f, tmp_path)))
    valleys = np.array([v[0] for v in runs["from-0"].optimum.local_minima])
    landed = [int(np.argmin(np.abs(valleys - b))) for b in finals]
    assert len(set(landed)) == 3, (finals, valleys)
    for b in finals:   # each run settles at the bottom of its valley
        assert np.min(np.abs(valleys - b)) < 1e-4


def test_the_summary_lists_every_valley_with_a_live_objective(exported):
    runs, files = exported
    f = next(f for f in files if f.stem == "from-0")
    ws = openpyxl.load_workbook(f)["Summary"]
    labels = {r[0].value: r[1].value for r in ws.iter_rows(min_row=2) if r[0].value}
    minima = runs["from-0"].optimum.local_minima
    assert len(minima) >= 2
    for i, valley in enumerate(minima, start=1):
        b1_label = next(k for k in labels if k.startswith(f"Local minimum {i}: b1"))
        assert labels[b1_label] == pytest.approx(valley[0], rel=1e-15)
        assert "SIN(" in labels[f"Local minimum {i}: objective"].text
    assert any("(the global minimum)" in k for k in labels)


def test_a_sine_workbook_reads_back_as_the_same_run(exported):
    runs, files = exported
    for f in files:
        spec = read_workbook(f).spec
        assert spec.model == "sine"
        assert np.array_equal(run(spec).params, runs[f.stem].params), f.name
