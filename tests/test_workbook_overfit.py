"""Workbooks of shaped samples (gdapp.excel.shaped): polynomial features as formulas of x,
held-out samples flagged on Data with the test cost per iterate, z-scores with the training
samples' centre and scale — recalculated in LibreOffice (gdapp verify) and in Gnumeric, equal
to the engine; read back into the same run; and the path workbook's validation curve."""

from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from differential import recalculate

from gdapp.cli import build_parser, main, spec_from_args
from gdapp.core import Run, RunSpec, run
from gdapp.core.holdout import polynomial
from gdapp.core.objective import direct_cost
from gdapp.excel import expected_cells, export_workbook, read_workbook
from gdapp.excel.compare import compare_workbooks
from gdapp.excel.recalc import recalculate_all
from gdapp.excel.verify import verify_workbooks

OVERFIT = "--example overfit --test-fraction 0.3 --split-seed 1 --iterations 300"
#: Runs LibreOffice's recalculation must agree with, cell for cell (gdapp verify).
CASES = {
    "degree-1": f"{OVERFIT} --degree 1",
    "degree-3": f"{OVERFIT} --degree 3",
    "degree-3-l2": f"{OVERFIT} --degree 3 --penalty l2 --lam 0.01",
    "degree-1-standardized": f"{OVERFIT} --degree 1 --standardize",
    "degree-3-standardized-l2": f"{OVERFIT} --degree 3 --standardize --penalty l2 --lam 0.01",
    "features-held-out": "--example features --model line --standardize --test-fraction 0.3 "
                         "--split-seed 2 --penalty l2 --lam 0.1 --iterations 200",
    "degree-3-standardized-no-split": "--example overfit --degree 3 --standardize "
                                      "--iterations 100",
    # the sine model's costs are array formulas (for Gnumeric), the test cost's too
    "sine-held-out": "--example nonconvex --model sine --test-fraction 0.3 --iterations 40",
}
DEGREE_9 = f"{OVERFIT} --degree 9 --standardize --penalty l2 --lam 0.001"


def _spec(flags: str) -> RunSpec:
    return spec_from_args(build_parser().parse_args(["run", *flags.split()]))


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, Path]]:
    folder = tmp_path_factory.mktemp("overfit")
    out = {}
    for name, flags in {**CASES, "degree-9": DEGREE_9}.items():
        r = run(_spec(flags))
        out[name] = (r, export_workbook(r, folder / f"{name}.xlsx"))
    return out


def test_the_data_sheet_holds_every_sample_flagged_and_the_powers_as_formulas(books) -> None:
    r, path = books["degree-3"]
    held = r.spec.holdout
    assert held is not None and held.test_rows == (1, 7, 10, 12)
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    assert [c.value for c in ws[1]][:9] == ["sample", "x", "x^2", "x^3", "y",
                                             "prediction ŷ at the final iterate",
                                             "residual y − ŷ", "held out"]
    rows = list(ws.iter_rows(min_row=2, max_row=16, values_only=True))
    assert [row[0] for row in rows] == [i + 1 for i in (*held.train_rows, *held.test_rows)]
    assert [row[7] for row in rows] == [False] * 11 + [True] * 4
    assert rows[0][2:4] == ("=B2*$B2", "=C2*$B2") and rows[14][2:4] == ("=B16*$B16",
                                                                          "=C16*$B16")
    names = {n: d.attr_text for n, d in wb.defined_names.items()}
    assert names["x1_data"] == "Data!$B$2:$B$12" and names["y_data"] == "Data!$E$2:$E$12"
    assert names["x1_test"] == "Data!$B$13:$B$16" and names["x3_test"] == "Data!$D$13:$D$16"
    assert names["y_test"] == "Data!$E$13:$E$16"
    settings = {row[2]: row[1] for row in wb["Settings"].iter_rows(min_row=2, values_only=True)
                if row[2]}
    assert settings["test_fraction"] == 0.3 and settings["split_seed"] == 1
    assert settings["degree"] == 3 and "standardize" not in settings
    head = [c.value for c in wb["Iterations"][1]]
    assert head[-1] == "test cost (MSE) on the held-out samples, without the penalty"
    formula = wb["Iterations"].cell(3, len(head)).value    # the cost's formula, held out
    assert "(y_test-(B3+C3*x1_test+D3*x2_test+E3*x3_test))" in formula
    assert formula.endswith("/COUNT(y_test)") and "x_data" not in formula


def test_a_standardized_workbook_computes_z_from_the_training_rows(books) -> None:
    _, path = books["degree-3-standardized-l2"]
    ws = openpyxl.load_workbook(path)["Data"]
    assert ws["B2"].value == "=(I2-$N$2)/$O$2" and ws["J2"].value == "=I2*$I2"
    assert ws["N2"].value == "=AVERAGE($I$2:$I$12)"          # the 11 training rows only
    assert "COUNT($I$2:$I$12)" in ws["O2"].value
    # the samples before standardizing are the data file's, as written there
    assert [ws.cell(row, 9).value for row in (2, 3, 13)] == [0.005, 0.255, 0.225]


@pytest.mark.parametrize("name", [*CASES, "degree-9"])
def test_the_workbook_reads_back_as_the_same_run(books, name: str) -> None:
    r, path = books[name]
    spec = read_workbook(path).spec
    assert spec == r.spec
    assert spec.data.name == r.spec.data.name
    assert spec.data.scaling == r.spec.data.scaling
    if "no-split" in name:
        assert spec.holdout is None and r.spec.holdout is None
        return
    assert spec.holdout is not None and r.spec.holdout is not None
    assert spec.holdout.test_rows == r.spec.holdout.test_rows
    assert np.array_equal(spec.holdout.data.X, r.spec.holdout.data.X)


def test_run_from_the_workbook_prints_the_same_json(books, capsys) -> None:
    _, path = books["degree-3-standardized-l2"]
    assert main(["run", "--from", str(path), "--json"]) == 0
    mine = json.loads(capsys.readouterr().out)
    assert main(["run", *CASES["degree-3-standardized-l2"].split(), "--json"]) == 0
    theirs = json.loads(capsys.readouterr().out)
    assert mine == theirs and mine["split"]["test"] == [1, 7, 10, 12]


@pytest.mark.libreoffice
def test_libreoffice_agrees_with_the_engine_and_so_does_an_edited_x(books, tmp_path) -> None:
    names = list(CASES)
    paths = [books[n][1] for n in names]
    # a held-out x edited: its powers follow, and so does the test cost
    r3, d3 = books["degree-3"]
    test_x = tmp_path / "edited-test-x.xlsx"
    wb = openpyxl.load_workbook(d3)
    wb["Data"]["B14"] = 0.95            # the held-out sample of file row 8
    wb.save(test_x)
    # a training x edited in a standardized workbook: the centre, scale and z follow (one
    # feature: with more, the Summary's largest eigenvalue of H is a constant of the export)
    train_x = tmp_path / "edited-train-x.xlsx"
    wb = openpyxl.load_workbook(books["degree-1-standardized"][1])
    assert wb["Data"]["G3"].value == 0.255
    wb["Data"]["G3"] = 0.4
    wb.save(train_x)
    korean = export_workbook(books["degree-3-standardized-l2"][0], tmp_path / "ko.xlsx",
                             lang="ko")
    reports = verify_workbooks([*paths, test_x, train_x, korean], timeout=600)
    for name, report in zip([*names, "edited-test-x", "edited-train-x", "korean"], reports,
                            strict=True):
        assert report.agree, f"{name}: {report.first_difference}"
        assert report.cells_compared > 0
    edited = read_workbook(test_x).spec
    assert edited.holdout is not None
    assert edited.holdout.data.X[1].tolist() == [0.95, 0.95 * 0.95, 0.95 * 0.95 * 0.95]
    assert np.array_equal(edited.data.X, r3.spec.data.X)
    new = run(edited).test_objective
    assert new is not None and r3.test_objective is not None
    assert abs(new[-1] - r3.test_objective[-1]) > 1e-3   # the edit moved the test cost
    standardized = read_workbook(train_x).spec
    old = books["degree-1-standardized"][0].spec
    assert standardized.data.scaling is not None and old.data.scaling is not None
    assert standardized.data.scaling.centres[0] != old.data.scaling.centres[0]


@pytest.mark.libreoffice
def test_degree_9s_data_sheet_and_test_cost_are_the_engines_in_libreoffice(books,
                                                                           tmp_path) -> None:
    """Degree 9: the z-scores, powers, centres and scales, and the test-cost formula (on the
    sheet's own iterates) equal the engine's computation. (The iterates themselves drift from
    the engine's by 1e-11: at degree 9 the engine's gradient, from centred statistics of an
    ill-conditioned design, differs from the direct sum −(2/n)·Σ z·r by 1.5e-9 relative.)"""
    r, path = books["degree-9"]
    (copy,) = recalculate_all([path], tmp_path / "out")
    data_cells = [c for c in expected_cells(r) if c.sheet == "Data"
                  and c.ref.rstrip("0123456789") not in ("L", "M")]  # not ŷ, y − ŷ at the end
    assert len(data_cells) > 15 * 9
    report = compare_workbooks(path, copy, data_cells)
    assert report.agree, report.first_difference
    ws = openpyxl.load_workbook(copy, data_only=True)["Iterations"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    params = np.array([row[1:11] for row in rows], dtype=float)
    test_cost = np.array([row[-1] for row in rows], dtype=float)
    assert r.spec.holdout is not None
    mine = direct_cost("mse", params, r.spec.holdout.data, "line")
    assert np.allclose(test_cost, mine, rtol=1e-12, atol=0)


@pytest.mark.libreoffice   # (the differential tests' marker; Gnumeric's ssconvert is run)
def test_gnumeric_recalculates_them_equal_to_the_engine(books, tmp_path) -> None:
    for name in ("degree-3", "degree-3-standardized-l2", "features-held-out",
                 "sine-held-out"):
        r, path = books[name]
        report = compare_workbooks(path, recalculate(path, tmp_path), expected_cells(r))
        assert report.agree, f"{name}: {report.first_difference}"


def test_a_workbook_whose_split_settings_no_longer_match_its_data_is_refused(books,
                                                                            tmp_path) -> None:
    _, path = books["degree-3"]
    wb = openpyxl.load_workbook(path)
    ((sheet, ref),) = wb.defined_names["split_seed"].destinations
    wb[sheet][ref.replace("$", "")] = 7
    wb.save(tmp_path / "seed.xlsx")
    with pytest.raises(ValueError, match="holds out other samples than the Data sheet"):
        read_workbook(tmp_path / "seed.xlsx")


def test_without_a_split_the_workbook_is_the_one_gdapp_wrote_before(tmp_path) -> None:
    """Samples as they are: no held-out column, no test cost, no extra setting."""
    r = run(_spec("--example overfit --iterations 5"))
    wb = openpyxl.load_workbook(export_workbook(r, tmp_path / "plain.xlsx"))
    assert [c.value for c in wb["Data"][1]] == ["sample", "x", "y",
                                                 "prediction ŷ at the final iterate",
                                                 "residual y − ŷ"]
    assert not any(n.endswith("_test") for n in wb.defined_names)
    assert not str(wb["Iterations"].cell(1, wb["Iterations"].max_column).value
                   ).startswith("test cost")
    assert polynomial(r.spec.data, 1).X.tolist() == r.spec.data.X.tolist()


@pytest.mark.libreoffice
def test_the_path_workbook_computes_the_validation_curve(tmp_path, capsys) -> None:
    target = tmp_path / "path.xlsx"
    flags = ["path", "--example", "overfit", "--degree", "9", "--model", "line",
             "--standardize", "--penalty", "l2", "--test-fraction", "0.3", "--split-seed", "1"]
    assert main([*flags, "--json", "-o", str(target)]) == 0
    cli = json.loads(capsys.readouterr().out)
    (office,) = recalculate_all([target], tmp_path / "out")
    (tmp_path / "gnumeric").mkdir()
    gnumeric = recalculate(target, tmp_path / "gnumeric")
    for copy in (office, gnumeric):
        _check_curve(copy, cli)
    # the costs are live formulas, and the best λ a MIN/MATCH of them
    original = openpyxl.load_workbook(target)
    i_test = [c.value for c in original["Path"][1]].index("test cost (MSE, no penalty)")
    assert original["Path"].cell(2, i_test + 1).value.startswith("=SUMPRODUCT((y_test-")
    assert str(original["Settings"]["B10"].value).startswith("=INDEX(Path!$A$2:")
    with zipfile.ZipFile(target) as archive:   # the slopes' chart and the costs'
        assert sum(n.startswith("xl/charts/chart") for n in archive.namelist()) == 2


def _check_curve(copy: Path, cli: dict[str, object]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(copy, data_only=True)
    path = wb["Path"]
    head = [c.value for c in path[1]]
    i_train = head.index("training cost (MSE, no penalty)")
    i_test = head.index("test cost (MSE, no penalty)")
    rows = list(path.iter_rows(min_row=2, values_only=True))
    train = np.array([row[i_train] for row in rows], dtype=float)
    test = np.array([row[i_test] for row in rows], dtype=float)
    assert np.allclose(train, cli["train_cost"], rtol=1e-12, atol=0)
    assert np.allclose(test, cli["test_cost"], rtol=1e-12, atol=0)
    settings = {row[0]: row[1] for row in wb["Settings"].iter_rows(values_only=True)}
    assert isinstance(cli["best_lambda"], float) and isinstance(cli["test_cost"], list)
    assert settings["best λ (the lowest test cost)"] == pytest.approx(cli["best_lambda"],
                                                                     rel=1e-14)
    assert settings["lowest test cost"] == pytest.approx(min(cli["test_cost"]), rel=1e-12)
    assert settings["held-out samples"] == 4
    # the curve overfits at the smallest λ: the test cost several times the best
    assert test[-1] > 5 * test.min() or test[0] > 5 * test.min()


def test_the_korean_workbook_translates_every_new_label(tmp_path) -> None:
    from gdapp.excel.labels import words
    from gdapp.excel.labels_overfit import KOREAN_OVERFIT

    r = run(_spec(f"{OVERFIT} --degree 2 --standardize --iterations 5"))
    assert r.spec.holdout is not None
    en = openpyxl.load_workbook(export_workbook(r, tmp_path / "en.xlsx"))
    ko = openpyxl.load_workbook(export_workbook(r, tmp_path / "ko.xlsx", lang="ko"))
    ko_words = words("ko")
    seen = set()
    for title in ("Settings", "Data", "Iterations"):
        for row_en, row_ko in zip(en[title].iter_rows(), ko[title].iter_rows(), strict=True):
            for a, b in zip(row_en, row_ko, strict=True):
                if isinstance(a.value, str) and (
                        a.value in KOREAN_OVERFIT or a.value.endswith(" before standardizing")
                        or a.value.startswith("test cost (")):
                    assert b.value == ko_words.strict(a.value) != a.value, (title, a.coordinate)
                    seen.add(a.value)
                elif not isinstance(a.value, str) or a.value.startswith("="):
                    assert b.value == a.value, (title, a.coordinate)   # numbers, formulas
    assert {"Test fraction", "Split seed", "Polynomial degree", "Standardized", "held out",
            "x^2 before standardizing", "feature", "centre c (training samples' mean)",
            "scale s (training samples' sd)",
            "test cost (MSE) on the held-out samples, without the penalty"} <= seen
    assert ko["Settings"].cell(2, 1).value != en["Settings"].cell(2, 1).value
    with zipfile.ZipFile(tmp_path / "ko.xlsx") as archive:   # the per-iteration chart
        charts = [archive.read(n).decode() for n in archive.namelist()
                  if n.startswith("xl/charts/chart")]
    assert sum("테스트 비용 (테스트 샘플)" in c for c in charts) == 1
    assert read_workbook(tmp_path / "ko.xlsx").spec == r.spec


def test_an_edited_degree_is_refused_in_one_sentence(books, tmp_path, capsys) -> None:
    _, path = books["degree-3"]
    wb = openpyxl.load_workbook(path)
    row = next(r for r in range(2, 40) if wb["Settings"].cell(r, 3).value == "degree")
    wb["Settings"].cell(row, 2).value = 5
    wb.save(tmp_path / "degree.xlsx")
    assert main(["run", "--from", str(tmp_path / "degree.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "degree 5 does not match the Data sheet's 3 power columns" in err
    assert err.count("\n") == 1 and "Traceback" not in err
