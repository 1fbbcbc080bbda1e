"""The command line as scripts use it: JSON contract, human summary, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gdapp.cli import main


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(["run", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_run_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    d = _json(capsys)
    assert d["status"] == "converged"
    assert d["iterations"] == len(d["history"]["b1"]) - 1
    assert d["history"]["b1"][0] == 15.0
    assert d["history"]["b1"][1] == pytest.approx(14.39)
    assert d["history"]["gradient"][0] == [pytest.approx(61.0)]  # one list per iterate
    assert d["features"] == ["x"]
    assert d["history"]["cost"][0] == pytest.approx(372.5)
    assert len(d["history"]["objective"]) == len(d["history"]["b1"])
    assert d["params"]["b1"] == pytest.approx(2.8, abs=1e-6)
    assert d["optimum"] == {"b1": pytest.approx(2.8)}
    assert d["stability_limit"] == pytest.approx(0.4)


def test_run_json_for_the_line_model_has_b0_and_b1(capsys: pytest.CaptureFixture[str]) -> None:
    d = _json(capsys, "--model", "line", "--eta", "0.1", "--start", "1,2")
    assert set(d["params"]) == {"b0", "b1"}
    assert d["history"]["b0"][0] == 1.0 and d["history"]["b1"][0] == 2.0
    assert all(len(g) == 2 for g in d["history"]["gradient"])  # (∂/∂b0, ∂/∂b1) per iterate
    assert d["optimum"] == {"b0": pytest.approx(-2.0), "b1": pytest.approx(4.0)}


def test_l2_lambda_05_reports_14_over_6(capsys: pytest.CaptureFixture[str]) -> None:
    d = _json(capsys, "--penalty", "l2", "--lam", "0.5")
    assert d["optimum"]["b1"] == pytest.approx(14 / 6)


def test_divergence_is_a_status_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    d = _json(capsys, "--eta", "0.41")
    assert d["status"] == "diverged"
    assert d["diverged_at"] == d["iterations"] + 1


def test_mae_json_reports_optimum_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert _json(capsys, "--cost", "mae")["optimum"]["b1"] == 3.0


def test_decimal_comma_is_accepted_for_eta(capsys: pytest.CaptureFixture[str]) -> None:
    assert _json(capsys, "--eta", "0,1")["settings"]["eta"] == 0.1


def test_human_summary_names_status_final_and_optimum(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run"]) == 0
    out = capsys.readouterr().out
    assert "converged after 396 updates" in out
    assert "b1 = 2.8" in out and "stable for η < 0.4" in out


def test_a_run_the_stopping_rule_ended_far_from_the_optimum_says_so(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--eta", "1e-20"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:3] == ["converged after 1 update (|Δb| ≤ 1e-09)",
                          "  ← only by the stopping rule: still 12.2 from the optimum (η too "
                          "small, or the tolerance too large)"]
    assert main(["run", "--eta", "0.1"]) == 0
    assert "stopping rule" not in capsys.readouterr().out


def test_data_from_csv_with_named_columns(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "s.csv"
    p.write_text("a,b\n1,2\n2,4\n3,6\n")
    d = _json(capsys, "--data", str(p), "--x", "a", "--y", "b", "--eta", "0.05")
    assert d["optimum"]["b1"] == pytest.approx(2.0)
    assert d["history"]["b1"][0] == 0.0  # the documented default start on other data
    assert d["data"] == {"name": "s.csv", "n": 3, "x_name": "a", "y_name": "b"}


@pytest.mark.parametrize(("argv", "message"), [
    (["run", "--eta", "-1"], "learning rate η must be > 0"),
    (["run", "--eta", "abc"], "'abc' is not a number"),
    (["run", "--lam", "-2", "--penalty", "l2"], "λ must be ≥ 0"),
    (["run", "--tol", "0"], "tolerance must be > 0"),
    (["run", "--iterations", "0"], "at least 1"),
    (["run", "--iterations", "2.5"], "whole number"),
    (["run", "--model", "line", "--start", "1,2,3"], "has 2 parameter(s)"),
    (["run", "--start", "x"], "'x' is not a number"),
    (["run", "--data", "/no/such/file.csv"], "no such file"),
    (["run", "--example", "document", "--data", "a.csv"], "not both"),
    (["run", "--bogus"], "unrecognized arguments"),
    (["frobnicate"], "invalid choice"),
    (["export", "--iterations", "2000000", "-o", "never-written.xlsx"], "beyond what a workbook"),
])
def test_bad_flags_get_one_line_and_exit_2(argv: list[str], message: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not Path("never-written.xlsx").exists()


def test_console_script_prints_no_traceback_on_bad_input() -> None:
    proc = subprocess.run([sys.executable, "-m", "gdapp.cli", "run", "--eta", "nan"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "finite" in proc.stderr
