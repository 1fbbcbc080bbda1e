"""The finite-difference check of the gradient (``--check-gradient``): the central difference
of the objective beside the analytic gradient, from the Objective of every cost and model of
the tables, in ``run --json``, the summary line and the workbook's formulas."""

from __future__ import annotations

import json

import numpy as np
import openpyxl
import pytest

from gdapp.cli import main
from gdapp.core import EXAMPLES, MODEL_RULES, Objective, make_spec, run
from gdapp.core.gradient_check import (
    DEFAULT_H,
    central_difference,
    check_steps,
    gradient_check,
    relative_difference,
)
from gdapp.excel import export_workbook, read_workbook
from gdapp.excel.gradient_check import header
from gdapp.excel.labels import words

#: each model's own example data
DATA = {"origin": "document", "line": "features", "sine": "nonconvex", "logistic": "passfail"}
PAIRS = [(model, cost) for model, rule in MODEL_RULES.items() for cost in rule.costs]


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(["run", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_notes_start_the_central_difference_is_the_analytic_61(capsys) -> None:
    d = _json(capsys, "--check-gradient")
    check = d["gradient_check"]
    assert check["h"] == DEFAULT_H == 1e-4 and check["step"] == "h*max(1,|bj|)"
    start = check["start"]["b1"]
    assert start["analytic"] == 61.0
    # MSE is quadratic: no truncation error, the rounding ε·E/s = 2.2e-16·372.5/1.5e-3
    assert start["central_difference"] == pytest.approx(61.0, abs=1e-9)
    assert start["relative_difference"] < 1e-12
    assert len(check["central_difference"]) == d["iterations"] + 1      # one list per iterate
    assert check["central_difference"][0] == [start["central_difference"]]
    last = check["last"]["b1"]
    assert last["analytic"] == d["history"]["gradient"][-1][0]
    assert last["central_difference"] == pytest.approx(last["analytic"], rel=1e-5)
    assert check["max_relative_difference"] >= last["relative_difference"]
    assert set(check["max_at"]) == {"k", "parameter"} and check["max_at"]["parameter"] == "b1"
    assert d["settings"]["check_h"] == 1e-4


def test_without_the_flag_the_json_is_what_it_was(capsys) -> None:
    plain, checked = _json(capsys), _json(capsys, "--check-gradient", "--check-h", "1e-3")
    assert "gradient_check" not in plain and "check_h" not in plain["settings"]
    assert set(checked) == set(plain) | {"gradient_check"}
    assert set(checked["settings"]) == set(plain["settings"]) | {"check_h"}
    assert checked["history"] == plain["history"]           # the check never moves the run
    assert checked["gradient_check"]["h"] == 1e-3


def test_check_h_alone_asks_for_the_check(capsys) -> None:
    assert _json(capsys, "--check-h", "0.01")["gradient_check"]["h"] == 0.01


def test_the_text_summary_gets_one_line(capsys) -> None:
    assert main(["run", "--check-gradient"]) == 0
    lines = capsys.readouterr().out.splitlines()
    check = [line for line in lines if line.startswith("gradient check")]
    assert len(check) == 1
    assert "h = 0.0001" in check[0] and "∂(E+P)/∂b1 = 61," in check[0]
    assert main(["run"]) == 0
    assert "gradient check" not in capsys.readouterr().out


@pytest.mark.parametrize("h", ["0", "-1e-4", "nan", "inf", "-inf"])
@pytest.mark.parametrize("command", ["run", "export"])
def test_a_bad_h_is_one_sentence_and_exit_2(capsys, tmp_path, command, h) -> None:
    out = tmp_path / "r.xlsx"
    argv = [command, "--check-h", h] + (["-o", str(out)] if command == "export" else [])
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "finite number" in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_diverging_run_still_prints_json(capsys) -> None:
    d = _json(capsys, "--eta", "0.41", "--check-gradient")
    assert d["status"] == "diverged" and d["gradient_check"]["start"]["b1"]["analytic"] == 61


@pytest.mark.parametrize(("model", "cost"), PAIRS)
def test_every_cost_and_model_of_the_tables_gets_the_check(model, cost) -> None:
    r = run(make_spec(data=EXAMPLES[DATA[model]], model=model, cost=cost, max_iterations=50,
                      check_h=1e-4))
    check = gradient_check(r)
    assert check.central.shape == r.gradient.shape == (51, len(r.spec.param_names))
    assert np.all(np.isfinite(check.central))
    quadratic = cost == "mse" and MODEL_RULES[model].linear \
        and MODEL_RULES[model].link == "identity"
    # truncation s²·|F'''|/6 (0 for a quadratic) plus rounding ε·|terms|/s
    assert check.largest()[0] < (1e-9 if quadratic else 1e-5), check.largest()
    # and the check is a real one: a gradient off by 1e-4 of its size shows
    assert np.max(relative_difference(check.analytic * (1 + 1e-4), check.central)) > 5e-5


def test_at_an_l1_kink_the_two_differ_by_what_the_kink_holds() -> None:
    lam = 0.5
    obj = Objective(EXAMPLES["document"], model="origin", cost="mse", penalty="l1", lam=lam)
    h = 1e-4
    at_zero = np.array([[0.0]])
    # at bj = 0 exactly the central difference of λ|bj| is 0, the analytic sign(0) = 0
    assert central_difference(obj, at_zero, h)[0, 0] == pytest.approx(
        obj.gradient(at_zero)[0, 0], abs=1e-10)
    # within the step of the kink it is λ·bj/s, the analytic value ±λ: they differ by λ/2
    near = np.array([[0.5 * h]])
    s = check_steps(near, h)[0, 0]
    assert s == h
    cd, analytic = central_difference(obj, near, h)[0, 0], obj.gradient(near)[0, 0]
    cost_only = obj.cost_gradient(near)[0, 0]
    assert analytic == pytest.approx(cost_only + lam)
    assert cd == pytest.approx(cost_only + lam * 0.5, abs=1e-9)
    assert analytic - cd == pytest.approx(lam / 2, abs=1e-9)


def test_the_step_grows_with_the_parameter() -> None:
    assert check_steps(np.array([[0.5, -3.0, 1e6]]), 1e-4).tolist() == [[1e-4, 1e-4 * 3.0, 100.0]]


def test_the_workbook_holds_the_check_as_live_formulas(tmp_path) -> None:
    spec = make_spec(data=EXAMPLES["features"], model="line", penalty="l2", lam=0.1,
                     max_iterations=20, check_h=2e-4)
    r = run(spec)
    path = export_workbook(r, tmp_path / "check.xlsx")
    wb = openpyxl.load_workbook(path)
    headers = [c.value for c in wb["Iterations"][1]]
    checks = [h for h in headers if h.startswith("check of")]
    assert checks == [header(name) for name in spec.param_names]
    # beside the gradients, before the cost
    first = headers.index(header("b0"))
    assert headers[first - 1] == "gradient ∂(E+P)/∂b5"
    assert headers[first + len(checks)].startswith("cost E")
    column = headers.index(header("b2")) + 1
    formula = wb["Iterations"].cell(3, column).value
    b2 = openpyxl.utils.get_column_letter(headers.index("b2") + 1)
    # the cost and the penalty at b2 ± s, s = check_h·max(1, |b2|), over 2s
    assert f"({b2}3+check_h*MAX(1,ABS({b2}3)))" in formula
    assert f"({b2}3-check_h*MAX(1,ABS({b2}3)))" in formula
    assert formula.endswith(f"/(2*check_h*MAX(1,ABS({b2}3)))") and "lambda_*(" in formula
    settings = {row[2]: row[1] for row in wb["Settings"].iter_rows(min_row=2, values_only=True)
                if row[2]}
    assert settings["check_h"] == 2e-4
    assert "check_h" in wb.defined_names
    back = read_workbook(path).spec
    assert back.check_h == 2e-4        # `gdapp run --from` and verify keep the check
    # without the check: no column, no setting
    plain = export_workbook(run(make_spec(data=EXAMPLES["features"], model="line",
                                          max_iterations=20)), tmp_path / "plain.xlsx")
    wb = openpyxl.load_workbook(plain)
    assert not any(str(c.value).startswith("check of") for c in wb["Iterations"][1])
    assert "check_h" not in wb.defined_names
    assert read_workbook(plain).spec.check_h is None


def test_the_check_labels_speak_korean() -> None:
    ko = words("ko")
    assert ko.strict(header("b3")).startswith("∂(E+P)/∂b3 의 수치 미분 검사")
    assert ko.strict("h of the gradient check") == "기울기 수치 미분 검사의 h"


def test_run_from_a_checked_workbook_continues_the_check(capsys, tmp_path) -> None:
    out = tmp_path / "r.xlsx"
    assert main(["export", "--check-h", "1e-3", "--iterations", "5", "-o", str(out)]) == 0
    capsys.readouterr()
    d = _json(capsys, "--from", str(out))
    assert d["gradient_check"]["h"] == 1e-3


def test_a_check_with_a_bad_h_in_the_workbook_is_refused(tmp_path) -> None:
    out = tmp_path / "r.xlsx"
    export_workbook(run(make_spec(max_iterations=3, check_h=1e-4)), out)
    wb = openpyxl.load_workbook(out)
    row = next(r for r in wb["Settings"].iter_rows(min_row=2) if r[2].value == "check_h")
    row[1].value = -1.0
    wb.save(out)
    with pytest.raises(ValueError, match="h must be a finite number > 0"):
        read_workbook(out)


def test_the_check_differentiates_the_objective_with_its_penalty() -> None:
    # the objective the check differentiates is the one the run descends (cost + penalty)
    r = run(make_spec(penalty="l2", lam=0.5, max_iterations=5, check_h=1e-4))
    check = gradient_check(r)
    assert check.analytic[0, 0] == pytest.approx(61 + 2 * 0.5 * 15)
    assert check.central[0, 0] == pytest.approx(76.0, abs=1e-8)


def test_a_path_says_the_check_has_no_effect(capsys) -> None:
    assert main(["path", "--penalty", "l1", "--check-gradient", "--json"]) == 0
    captured = capsys.readouterr()
    assert "--check-gradient has no effect on a path of exact optima" in captured.err
    assert "gradient_check" not in json.loads(captured.out)
