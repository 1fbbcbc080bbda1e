"""Workbooks of the Huber cost and of logistic regression: δ a setting, the cross-entropy and
the accuracy live formulas, the optimum Newton's method found proved by a live gradient ≈ 0
on the Summary; LibreOffice and Gnumeric recompute the engine, and an edited δ or target
recomputes as the engine computes the edited run."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

from gdapp.cli import main
from gdapp.core import EXAMPLES, Dataset, make_spec, run
from gdapp.excel import read_workbook
from gdapp.excel.layout import ACCURACY
from gdapp.excel.readback import WorkbookError
from gdapp.excel.term_sizes import term_sizes
from gdapp.excel.verify import verify_workbooks
from tests.differential import disagreements, export_cases, recalculate

PASSFAIL = EXAMPLES["passfail"]
#: a line with two outliers: Huber pulls less toward them than MSE
_X = np.array([-2.0, -1.5, -1.0, -0.4, 0.0, 0.3, 0.9, 1.4, 2.0, 2.6])
OUTLIERS = Dataset(_X, np.round(1.5 * _X + 0.5 + np.array(
    [0.1, -0.2, 0.05, 0.0, -0.1, 9.0, 0.2, -0.15, -7.5, 0.1]), 3), name="outliers")
#: two classes a line separates (x < 0: 0, x > 0: 1): no finite optimum without a penalty
SEPARATED = Dataset([-2.0, -1.0, -0.5, 0.5, 1.5, 2.5], [0, 0, 0, 1, 1, 1], name="separated")

CASES: dict[str, dict[str, object]] = {
    "huber-d1": dict(data=OUTLIERS, model="line", cost="huber", learning_rate=0.2,
                     max_iterations=300),
    "huber-d2-l2": dict(data=OUTLIERS, model="line", cost="huber", delta=2.0, penalty="l2",
                        lam=0.1, learning_rate=0.2, max_iterations=200),
    "huber-d1-l1": dict(data=OUTLIERS, model="origin", cost="huber", penalty="l1", lam=0.5,
                        learning_rate=0.1, max_iterations=200),
    "huber-d2-momentum": dict(data=OUTLIERS, model="line", cost="huber", delta=2.0,
                              optimizer="momentum", momentum=0.9, learning_rate=0.05,
                              max_iterations=150),
    "huber-adam-batch": dict(data=OUTLIERS, model="line", cost="huber", optimizer="adam",
                             learning_rate=0.1, batch_size=4, shuffle=True, seed=1,
                             max_iterations=120),
    "huber-l1-subgradient": dict(data=OUTLIERS, model="line", cost="huber", delta=1.5,
                                 penalty="l1", lam=0.1, l1_method="subgradient",
                                 learning_rate=0.05, max_iterations=60),
    "huber-sine": dict(data=EXAMPLES["nonconvex"], model="sine", cost="huber", delta=0.3,
                       start=(1.0,), learning_rate=0.1, max_iterations=80),
    "pf": dict(data=PASSFAIL, model="logistic", learning_rate=0.1, max_iterations=300),
    "pf-l2": dict(data=PASSFAIL, model="logistic", penalty="l2", lam=0.05, learning_rate=0.1,
                  max_iterations=200),
    "pf-l1": dict(data=PASSFAIL, model="logistic", penalty="l1", lam=0.02, learning_rate=0.1,
                  max_iterations=200),
    "pf-l1-batch": dict(data=PASSFAIL, model="logistic", penalty="l1", lam=0.02, batch_size=5,
                        learning_rate=0.05, max_iterations=80),
    "pf-adam": dict(data=PASSFAIL, model="logistic", optimizer="adam", learning_rate=0.05,
                    max_iterations=200),
    "pf-batch": dict(data=PASSFAIL, model="logistic", batch_size=8, shuffle=True, seed=2,
                     learning_rate=0.05, max_iterations=150),
    "pf-mse": dict(data=PASSFAIL, model="logistic", cost="mse", learning_rate=0.5,
                   max_iterations=200),
    "pf-far-start": dict(data=PASSFAIL, model="logistic", start=(-900.0, 400.0, -300.0),
                         learning_rate=0.05, max_iterations=40),
    "separated": dict(data=SEPARATED, model="logistic", learning_rate=0.5,
                      max_iterations=100),
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return export_cases(CASES, tmp_path_factory.mktemp("huber-logistic"))


@pytest.fixture(scope="module")
def verified(exported, tmp_path_factory):
    """Every workbook verified, and LibreOffice's recalculated copies of that one launch."""
    _runs, files = exported
    kept = tmp_path_factory.mktemp("recalculated")
    return verify_workbooks(files, keep_copies=kept), kept


@pytest.fixture(scope="module")
def libreoffice(exported, verified) -> dict[str, Path]:
    """LibreOffice's recalculated copy of every workbook, by case."""
    _runs, files = exported
    return {f.stem: verified[1] / f"{i}.xlsx" for i, f in enumerate(files)}


def _summary(path: Path) -> dict[str, object]:
    ws = openpyxl.load_workbook(path, data_only=True)["Summary"]
    return {r[0]: r[1] for r in ws.iter_rows(min_row=2, max_col=2, values_only=True) if r[0]}


def _column(path: Path, header: str) -> list[object]:
    ws = openpyxl.load_workbook(path, data_only=True)["Iterations"]
    headers = [c.value for c in ws[1]]
    j = headers.index(header)
    return [r[j] for r in ws.iter_rows(min_row=2, values_only=True)]


def _edit(source: Path, target: Path, sheet: str, cell: str, value: object) -> Path:
    wb = openpyxl.load_workbook(source)
    ws = wb[sheet]
    if sheet == "Settings":   # a setting by its defined name (column C)
        row = next(r for r in ws.iter_rows(min_row=2) if r[2].value == cell)
        row[1].value = value
    else:
        ws[cell] = value
    wb.save(target)
    return target


def test_the_cases_are_what_they_say(exported):
    runs, _files = exported
    assert {r.spec.cost for r in runs.values()} == {"huber", "bce", "mse"}
    assert runs["pf"].optimum.method == "Newton"
    assert runs["pf-l1"].optimum.method == "proximal Newton"
    assert runs["pf-mse"].optimum.params is None          # not convex: no optimum computed
    assert runs["separated"].optimum.params is None
    assert "separates the two classes" in runs["separated"].optimum.note
    assert runs["huber-d1"].optimum.method == "Newton"
    assert runs["huber-adam-batch"].spec.minibatch and runs["pf-batch"].spec.minibatch
    # the far start puts |z| in the thousands: e^|z| would overflow, the workbook must not
    z = runs["pf-far-start"].params[:, :1] + runs["pf-far-start"].params[:, 1:] @ \
        PASSFAIL.X.T
    assert np.max(np.abs(z)) > 1000


@pytest.mark.libreoffice
def test_libreoffice_recomputes_every_huber_and_logistic_workbook_as_the_engine(exported,
                                                                              verified):
    runs, files = exported
    for f, report in zip(files, verified[0], strict=True):
        assert report.agree, (f.name, report.first_difference)
        assert report.rows == runs[f.stem].iterations + 1
        assert report.cells_compared > 8 * report.rows, f.name


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_gnumeric_recomputes_every_huber_and_logistic_workbook_as_the_engine(exported,
                                                                            tmp_path):
    runs, files = exported
    assert disagreements(runs, files, tmp_path) == []


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", ["pf", "pf-l2", "huber-d1", "huber-d2-l2"])
def test_the_summary_proves_the_optimum_with_a_live_gradient_near_zero(exported, libreoffice,
                                                                       name):
    runs, _files = exported
    opt = runs[name].optimum
    summary = _summary(libreoffice[name])
    names = runs[name].spec.param_names
    for j, p in enumerate(names):
        # (LibreOffice saves 15 significant digits; the workbook holds them all)
        assert summary[f"Optimum {p} (computed by gdapp at export)"] == \
            pytest.approx(opt.params[j], rel=1e-14)
        g = summary[f"Gradient ∂(E+P)/∂{p} at the optimum"]
        assert isinstance(g, int | float) and abs(g) < 1e-10, (p, g)
    assert summary["Objective at the optimum"] == pytest.approx(opt.objective, rel=1e-12)
    # and the gradient is live: at the final iterate of a short run it is far from 0
    final = _column(libreoffice[name], f"gradient ∂(E+P)/∂{names[-1]}")[0]
    assert abs(final) > 1e-3


@pytest.mark.libreoffice
def test_with_l1_the_gradient_at_the_optimum_meets_the_kkt_conditions(exported, libreoffice):
    runs, _files = exported
    r = runs["pf-l1"]
    summary = _summary(libreoffice["pf-l1"])
    for j, p in enumerate(r.spec.param_names):
        g = summary[f"Gradient ∂(E+P)/∂{p} at the optimum"]
        if r.optimum.params[j] != 0:
            assert abs(g) < 1e-10
        else:
            assert abs(g) <= r.spec.lam


@pytest.mark.libreoffice
def test_the_accuracy_column_is_the_engines_share_classified_right(exported, libreoffice):
    runs, _files = exported
    for name in ("pf", "pf-batch", "separated", "pf-mse"):
        got = _column(libreoffice[name], ACCURACY)
        assert got == runs[name].accuracy.tolist(), name
    assert _column(libreoffice["separated"], ACCURACY)[-1] == 1.0
    # a regression workbook has no accuracy column
    wb = openpyxl.load_workbook(exported[1][0], read_only=True)
    try:  # a read-only workbook keeps its file open until closed
        assert ACCURACY not in next(wb["Iterations"].iter_rows(max_row=1, values_only=True))
    finally:
        wb.close()


def test_exp_ln_and_sin_sums_are_array_formulas_huber_sums_are_plain(exported):
    _runs, files = exported

    def cells(stem: str) -> list[object]:
        f = next(f for f in files if f.stem == stem)
        ws = openpyxl.load_workbook(f)["Iterations"]
        return [c.value for c in ws[3]] + [ws.cell(r, 2).value for r in range(2, 5)]

    logistic, huber = cells("pf"), cells("huber-d1")
    arrays = [c.text for c in logistic if isinstance(c, ArrayFormula)]
    # the gradients (EXP of σ) and the cost (LN, EXP) are arrays; the update, the steps and
    # the accuracy (comparisons only) are plain
    assert len(arrays) == 4 and all("SUMPRODUCT(" in a and "EXP(" in a for a in arrays)
    assert sum("LN(" in a for a in arrays) == 1
    assert any(isinstance(c, str) and "SUMPRODUCT((" in c and ">=0)*y_data" in c
               for c in logistic)
    assert not any(isinstance(c, ArrayFormula) for c in huber)
    assert sum(isinstance(c, str) and "delta" in c for c in huber) == 3


def test_the_cross_entropy_is_written_without_overflow_or_ln_0(exported):
    _runs, files = exported
    ws = openpyxl.load_workbook(next(f for f in files if f.stem == "pf"))["Iterations"]
    cost = next(c for c in ws[1] if str(c.value).startswith("cost E"))
    formula = ws.cell(3, cost.column).value.text
    assert cost.value == "cost E (cross-entropy)"
    assert "LN(1+EXP(-(" in formula and "LN(" not in formula.replace("LN(1+EXP(-(", "")
    assert formula.count("EXP(") == 1


def test_delta_is_a_setting_of_the_huber_workbooks_only(exported):
    runs, files = exported
    for f in files:
        with f.open("rb") as handle:  # closed here, not whenever the collector runs
            wb = openpyxl.load_workbook(handle)
        has = "delta" in wb.defined_names
        assert has == (runs[f.stem].spec.cost == "huber"), f.name
        if has:
            settings = {r[2].value: r for r in wb["Settings"].iter_rows(min_row=2)
                        if r[2].value}
            assert settings["delta"][0].value == "δ (Huber)"
            assert settings["delta"][1].value == runs[f.stem].spec.delta
            assert settings["delta"][3].value.startswith("Where the Huber cost turns")
        back = read_workbook(f).spec
        assert (back.settings(), back.data) == (runs[f.stem].spec.settings(),
                                                runs[f.stem].spec.data)


def test_the_settings_say_what_the_model_and_cost_are(exported):
    _runs, files = exported

    def help_of(stem: str, name: str) -> str:
        ws = openpyxl.load_workbook(next(f for f in files if f.stem == stem))["Settings"]
        return next(r[3].value for r in ws.iter_rows(min_row=2) if r[2].value == name)

    assert help_of("pf", "model").startswith("logistic: p = σ(b0 + b1·x1")
    assert help_of("pf", "cost").startswith("How the error E is measured: cross-entropy")
    assert help_of("huber-d1", "cost").startswith("How the error E is measured: Huber. E =")
    # the first costs and models keep the words their workbooks always had
    assert help_of("huber-d1", "model") == \
        "origin: ŷ = b1·x (the note's); line: ŷ = b0 + b1·x."
    assert help_of("pf-mse", "cost") == ("How the error E is measured: mean squared (MSE), "
                                         "mean absolute (MAE) or root mean squared (RMSE).")


def test_the_stability_line_states_a_safe_bound_or_why_there_is_none(exported):
    runs, files = exported

    def stability(stem: str) -> tuple[str, object, str]:
        ws = openpyxl.load_workbook(next(f for f in files if f.stem == stem))["Summary"]
        return next((r[0].value, r[1].value, r[2].value) for r in ws.iter_rows(min_row=2)
                    if str(r[0].value).startswith(("Safe bound", "Stability limit")))

    label, value, how = stability("pf")
    assert label == "Safe bound 2/L (L: the largest eigenvalue of κ·XᵀX/n): η below it is stable"
    assert value == runs["pf"].stability_limit and "a bound, not the exact limit" in how
    assert "κ = 0.25" in how
    assert "κ = 1 " in stability("huber-d1")[2]
    assert stability("pf-mse")[1:] == ("none", "MSE on the logistic model is not convex (σ "
                                                "flattens it): its curvature has no useful bound")
    assert stability("huber-d2-momentum")[0].startswith("Safe bound (2 + 2μ)")


def test_the_summary_says_when_there_is_no_finite_optimum(exported):
    _runs, files = exported
    for stem, words in (("separated", "no finite optimum: a line separates the two classes"),
                        ("pf-mse", "is not convex (σ flattens it): no exact optimum")):
        ws = openpyxl.load_workbook(next(f for f in files if f.stem == stem))["Summary"]
        note = next(r[1].value for r in ws.iter_rows(min_row=2) if r[0].value == "Exact optimum")
        assert words in note, stem


@pytest.mark.libreoffice
@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_an_edited_delta_recomputes_as_the_engine_computes_the_edited_run(exported, tmp_path):
    runs, files = exported
    source = next(f for f in files if f.stem == "huber-d1")
    edited = _edit(source, tmp_path / "delta.xlsx", "Settings", "delta", 3.0)
    report = verify_workbooks([edited], keep_copies=tmp_path / "lo")[0]
    assert report.agree, report.first_difference
    assert any("(delta) was 1.0 at export and is 3.0 now" in n for n in report.notes)
    # the optimum moved with δ; the Summary's values are the export's, checked as such
    assert any("the Summary's optimum" in n and "computed at export" in n
               for n in report.notes)
    again = run(read_workbook(edited).spec)
    assert again.spec.delta == 3.0
    assert abs(again.params[-1, 1] - runs["huber-d1"].params[-1, 1]) > 1e-3
    lo = _summary(tmp_path / "lo" / "0.xlsx")   # LibreOffice's copy, of the verification
    assert lo["Final b1"] == pytest.approx(again.params[-1, 1], rel=1e-12)
    folder = tmp_path / "gnumeric"
    folder.mkdir()
    gn = _summary(recalculate(edited, folder))
    assert gn["Final b1"] == pytest.approx(again.params[-1, 1], rel=1e-12)
    # a δ that is not > 0 is refused in one sentence
    bad = _edit(source, tmp_path / "delta0.xlsx", "Settings", "delta", 0)
    with pytest.raises(WorkbookError, match=r"δ \(Huber\) must be > 0, got 0"):
        read_workbook(bad)


@pytest.mark.libreoffice
def test_an_edited_target_recomputes_as_the_engine_and_a_third_class_is_refused(exported,
                                                                               tmp_path):
    runs, files = exported
    source = next(f for f in files if f.stem == "pf")
    assert PASSFAIL.y[0] == 0
    edited = _edit(source, tmp_path / "target.xlsx", "Data", "D2", 1)   # sample 1 passes
    report = verify_workbooks([edited], keep_copies=tmp_path / "lo")[0]
    assert report.agree, report.first_difference
    again = run(read_workbook(edited).spec)
    assert again.spec.data.y[0] == 1
    lo = tmp_path / "lo" / "0.xlsx"   # LibreOffice's copy, of the verification
    summary = _summary(lo)
    assert summary["Final b0"] == pytest.approx(again.params[-1, 0], rel=1e-12)
    assert summary["Final b0"] != pytest.approx(runs["pf"].params[-1, 0], rel=1e-6)
    assert summary["Optimum b0 (computed by gdapp at export)"] == \
        pytest.approx(runs["pf"].optimum.params[0], rel=1e-14)
    bad = _edit(source, tmp_path / "three.xlsx", "Data", "D3", 2)
    with pytest.raises(WorkbookError, match=r"needs targets 0 or 1.*sample 2 is 2"):
        read_workbook(bad)


@pytest.mark.libreoffice
def test_cli_exports_passfail_and_huber_and_gdapp_verify_agrees(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pf, hub = tmp_path / "passfail.xlsx", tmp_path / "huber.xlsx"
    assert main(["export", "--example", "passfail", "--model", "logistic", "--eta", "0.1",
                 "--iterations", "100", "-o", str(pf)]) == 0
    assert main(["export", "--cost", "huber", "--delta", "2", "--iterations", "50",
                 "-o", str(hub)]) == 0
    capsys.readouterr()
    assert main(["verify", str(hub)]) == 0
    assert "verdict: the workbook agrees with gdapp" in capsys.readouterr().out
    assert read_workbook(hub).spec.delta == 2.0
    (report,) = verify_workbooks([pf], keep_copies=tmp_path / "lo")   # as `gdapp verify`
    assert report.agree, report.first_difference
    assert report.summary()[-1] == "verdict: the workbook agrees with gdapp"
    assert main(["run", "--from", str(pf), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    pf_recalculated = tmp_path / "lo" / "0.xlsx"
    assert d["history"]["accuracy"][-1] == _column(pf_recalculated, ACCURACY)[-1]
    assert _summary(pf_recalculated)["Final b1"] == pytest.approx(d["params"]["b1"],
                                                                   rel=1e-12)


def test_the_verifiers_term_sizes_come_from_the_cost_entry() -> None:
    # a residual of 10 with δ = 1: Huber's terms are δ·(|r| − δ/2) and its weights clip at δ
    huber = make_spec(data=Dataset([1.0, 2.0], [10.0, -3.0]), cost="huber", delta=1.0)
    terms = term_sizes(huber, np.array([[0.0]]), np.array([1.0]))
    assert terms["cost"][0] == pytest.approx(9.5) and terms["b1"][0] == pytest.approx(2.0)
    # the cross-entropy at a score of at most |1| + |2|·3 = 7: ρ ≤ 7 + ln(1 + e^−7), |ψ| < 1
    bce = make_spec(data=Dataset([1.0, -3.0], [0.0, 1.0]), model="logistic")
    terms = term_sizes(bce, np.array([[1.0, 2.0]]), np.array([1.0]))
    assert terms["cost"][0] == pytest.approx(7.0 + np.log1p(np.exp(-7.0)))
    assert terms["b0"][0] == pytest.approx(1.0 / (1.0 + np.exp(-7.0)))
    assert terms["b1"][0] == pytest.approx(3.0 / (1.0 + np.exp(-7.0)))
