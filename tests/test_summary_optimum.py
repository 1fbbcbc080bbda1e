"""The Summary's optimum on nearly collinear features: least squares by LINEST (QR) in the
sheet, the condition number stated beside the solved cells, and the objective at the
optimum — a minimum, well-conditioned however ill-conditioned the optimum is — checked
tightly; ridge keeps MINVERSE and, past κ = 1e8, is judged for what it is, with a note.

Before, the Summary solved the normal equations by MINVERSE: with x2 = x1·(1 + ~1e−10)
LibreOffice put the optimum far from the exact one, and an unstandardized degree-9
polynomial (``gdapp export --example overfit --degree 9``) failed its own verification at
"objective at the optimum" (0.0194085 against 0.0194043)."""

from __future__ import annotations

import html
import re
import zipfile

import numpy as np
import openpyxl
import pytest

from gdapp.cli import main
from gdapp.core import Dataset, features_example, make_spec, rerun_for_rows
from gdapp.excel import export_workbook, read_workbook
from gdapp.excel.earlier import earlier_spellings
from gdapp.excel.expected import optimum_scale
from gdapp.excel.solved_optimum import allowance, minverse_kappa
from gdapp.excel.verify import verify_workbooks
from tests.differential import disagreements


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


def _polynomial(folder, degree: int, eta: str):
    """``gdapp export --example overfit --degree D --model line`` (x, x², …, x^D, not
    standardized: κ of Σ u·uᵀ ≈ 4e15 at degree 9): the file and the engine's run of it."""
    path = folder / f"poly{degree}.xlsx"
    assert main(["export", "--example", "overfit", "--degree", str(degree), "--model", "line",
                 "--eta", eta, "--iterations", "2", "-o", str(path)]) == 0
    book = read_workbook(path)
    return rerun_for_rows(book.spec, book.iteration_rows), path


def _as_minverse(source, target):
    """``source`` with the optimum's LINEST cells as gdapp 0.1.0 wrote them (MINVERSE), the
    rest of the file byte for byte (openpyxl would rewrite its numbers)."""
    def older(found: re.Match[str]) -> str:
        (text,) = earlier_spellings(html.unescape(found.group(1)))
        return f"<f>{html.escape(text, quote=False)}</f>"

    with zipfile.ZipFile(source) as zin, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(r"<f>(INDEX\(LINEST\([^<]*)</f>", older,
                              data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    return target


@pytest.fixture(scope="module")
def optima(tmp_path_factory):
    """Workbooks of nearly collinear features, each verified (one LibreOffice launch) and
    recalculated by Gnumeric."""
    folder = tmp_path_factory.mktemp("optima")
    runs = {
        "collinear-line": rerun_for_rows(make_spec(data=_collinear(), model="line",
                                                   learning_rate=0.001, max_iterations=5), 6),
        "collinear-origin": rerun_for_rows(make_spec(data=_collinear(), model="origin",
                                                     learning_rate=0.001, max_iterations=5),
                                           6),
        "ridge-untrusted": rerun_for_rows(make_spec(data=_collinear(), model="line",
                                                    penalty="l2", lam=1e-12,
                                                    learning_rate=0.001, max_iterations=5), 6),
        "ridge-trusted": rerun_for_rows(make_spec(data=_collinear(), model="line",
                                                  penalty="l2", lam=1e-3,
                                                  learning_rate=0.001, max_iterations=5), 6),
    }
    for cost, penalty in (("mse", "none"), ("rmse", "none"), ("mse", "l2")):
        runs[f"features-{cost}-{penalty}"] = rerun_for_rows(make_spec(
            data=features_example(), model="line", cost=cost, penalty=penalty,
            lam=0.5 if penalty == "l2" else 0.0, learning_rate=0.0005, max_iterations=5), 6)
    paths = {name: export_workbook(r, folder / f"{name}.xlsx") for name, r in runs.items()}
    for degree, eta in ((9, "1e-9"), (12, "1e-12")):
        runs[f"poly{degree}"], paths[f"poly{degree}"] = _polynomial(folder, degree, eta)
    paths["collinear-minverse"] = _as_minverse(paths["collinear-line"],
                                               folder / "collinear-minverse.xlsx")
    paths["features-minverse"] = _as_minverse(paths["features-mse-none"],
                                              folder / "features-minverse.xlsx")
    runs["collinear-minverse"] = runs["collinear-line"]
    runs["features-minverse"] = runs["features-mse-none"]
    reports = dict(zip(paths, verify_workbooks(list(paths.values())), strict=True))
    gnumeric = folder / "gnumeric"
    gnumeric.mkdir()
    return runs, paths, reports, gnumeric


def test_the_issues_polynomial_solves_by_linest_and_verifies(optima):
    """Before: "objective at the optimum" 0.0194085 against the engine's 0.0194043 (MINVERSE
    on κ ≈ 4e15), and gdapp's own export failed verification."""
    _runs, paths, reports, _ = optima
    how = _summary(paths["poly9"])
    ws = openpyxl.load_workbook(paths["poly9"])["Summary"]
    assert ws.cell(how["Optimum b1"][0], 2).value == \
        "=INDEX(LINEST(y_data,Data!$B$2:$J$16,TRUE,FALSE),1,9)"
    assert "LINEST" in how["Optimum b1"][1] and "do not trust these cells" in how["Optimum b1"][1]
    for name in ("poly9", "poly12"):
        assert reports[name].agree, reports[name].first_difference
        assert not any("not trustworthy" in n for n in reports[name].notes)


@pytest.mark.parametrize("name", ["collinear-line", "collinear-origin", "features-mse-none",
                                  "features-rmse-none", "features-mse-l2", "ridge-trusted"])
def test_least_squares_by_linest_agrees_tightly_in_libreoffice(optima, name):
    _runs, _paths, reports, _ = optima
    assert reports[name].agree, reports[name].first_difference
    assert not any("not trustworthy" in n for n in reports[name].notes)


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_gnumeric_computes_the_same_optima(optima):
    runs, paths, _reports, gnumeric = optima
    names = ["collinear-line", "collinear-origin", "poly9", "poly12", "ridge-untrusted",
             "features-mse-l2"]
    found = disagreements({n: runs[n] for n in names}, [paths[n] for n in names], gnumeric)
    assert found == []
    # LINEST gives the collinear optimum to a few digits at least (MINVERSE: b1 = 67108
    # for 135425 in LibreOffice, #NUM! on origin in Gnumeric)
    for name in ("collinear-line", "collinear-origin"):
        ws = openpyxl.load_workbook(gnumeric / f"{name}.xlsx", data_only=True)["Summary"]
        got = {r[0]: r[1] for r in ws.iter_rows(min_row=2, max_col=2, values_only=True)}
        exact = runs[name].optimum.params[-2:]
        assert got["Optimum b1"] == pytest.approx(exact[0], rel=1e-2)


def test_a_wrong_objective_at_the_optimum_is_never_accepted(optima):
    """The MINVERSE an earlier gdapp wrote is accepted by its spelling, but on collinear
    features its objective at the optimum is wrong, and verify says so; on well-conditioned
    features the same spelling agrees."""
    _runs, paths, reports, _ = optima
    report = reports["collinear-minverse"]
    row = _summary(paths["collinear-minverse"])["Objective at the optimum"][0]
    assert not report.agree
    assert report.first_difference.startswith(f"Summary!B{row}: workbook ")
    assert reports["features-minverse"].agree, reports["features-minverse"].first_difference
    assert any("spelled as an earlier gdapp wrote them" in n
               for n in reports["features-minverse"].notes)


def test_an_untrusted_ridge_optimum_is_judged_for_what_it_is(optima):
    """Ridge keeps MINVERSE (no engine stacks the augmented rows): at κ ≈ 1e13 the sheet's
    objective at the optimum is off, verify agrees and says why; at a trusted κ no note."""
    runs, _paths, reports, _ = optima
    assert minverse_kappa(runs["ridge-untrusted"]) > 1e12
    report = reports["ridge-untrusted"]
    assert report.agree, report.first_difference
    (note,) = [n for n in report.notes if "not trustworthy" in n]
    assert "κ = 1.3e+13" in note and "MINVERSE" in note
    assert minverse_kappa(runs["ridge-trusted"]) is None
    assert allowance(runs["ridge-trusted"], "objective") == 0.0
    assert minverse_kappa(runs["features-mse-none"]) is None   # LINEST: always tight
