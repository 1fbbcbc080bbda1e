"""Bad input at the command line: one line on stderr, exit 2, and no file written or changed.

Each case runs ``gdapp export … -o OUT.xlsx`` into a folder where OUT.xlsx already holds an
earlier workbook's bytes: a refusal must leave those bytes as they were and add no file.
(Flag messages for ``gdapp run`` that test_cli.py already checks are not repeated here.)
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from gdapp.cli import main
from gdapp.core import COSTS, MAX_EXPORTABLE_ROWS

OLD_BYTES = b"an earlier export that must survive"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "out.xlsx").write_bytes(OLD_BYTES)
    return tmp_path


def refused(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> str:
    """Run ``gdapp export ARGV -o folder/out.xlsx``; assert a one-line refusal, nothing written.

    Returns the message (without the ``gdapp: error:`` prefix)."""
    before = sorted(p.name for p in folder.iterdir())
    assert main(["export", *argv, "-o", str(folder / "out.xlsx")]) == 2
    captured = capsys.readouterr()
    err = captured.err
    assert err.startswith("gdapp: error: ") and err.endswith("\n")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err and captured.out == ""
    assert (folder / "out.xlsx").read_bytes() == OLD_BYTES
    assert sorted(p.name for p in folder.iterdir()) == before
    return err.removeprefix("gdapp: error: ").rstrip("\n")


def csv_file(folder: Path, name: str, content: str) -> str:
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(["run", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# ---- settings ---------------------------------------------------------------------------
@pytest.mark.parametrize(("argv", "message"), [
    (["--eta", "0"], "learning rate η must be > 0, got 0.0"),
    (["--eta", "-0.5"], "learning rate η must be > 0, got -0.5"),
    (["--eta", "nan"], "argument --eta: 'nan' is not a finite number"),
    (["--eta", "inf"], "argument --eta: 'inf' is not a finite number"),
    (["--eta", "-inf"], "argument --eta: '-inf' is not a finite number"),
    (["--eta", "fast"], "argument --eta: 'fast' is not a number"),
    (["--eta", "1,000.5"], "argument --eta: '1,000.5' is not a number"),
    (["--eta", "1,000"], "argument --eta: '1,000' is ambiguous (decimal or thousands "
     "comma?): write 1.000 or 1000"),
    (["--penalty", "l2", "--lam", "-1"], "λ must be ≥ 0, got -1.0"),
    (["--penalty", "l1", "--lam", "nan"], "argument --lam: 'nan' is not a finite number"),
    (["--tol", "0"], "tolerance must be > 0, got 0.0"),
    (["--tol", "-1e-9"], "tolerance must be > 0, got -1e-09"),
    (["--tol", "inf"], "argument --tol: 'inf' is not a finite number"),
    (["--iterations", "0"], "max iterations must be at least 1, got 0"),
    (["--iterations", "-3"], "max iterations must be at least 1, got -3"),
    (["--iterations", "many"], "argument --iterations: 'many' is not a number"),
    (["--iterations", "inf"], "argument --iterations: 'inf' is not a finite number"),
    (["--iterations", "10.5"], "argument --iterations: '10.5' is not a whole number"),
    (["--iterations", str(MAX_EXPORTABLE_ROWS)],
     "max iterations 1,048,575 is beyond what a workbook holds: at most 1,048,574 updates "
     "(1,048,575 rows, Excel's limit)"),
    (["--start", "fifteen"], "--start: 'fifteen' is not a number"),
    (["--start", "nan"], "--start: 'nan' is not a finite number"),
    (["--start", "1e400"], "--start: '1e400' is not a finite number"),
    (["--start", ""], "--start: '' is not a number"),
    (["--start", "1,2"],
     "the origin model has 1 parameter(s) (b1) but the start has 2 value(s)"),
    (["--model", "line", "--start", "5"],
     "the line model has 2 parameter(s) (b0, b1) but the start has 1 value(s)"),
    (["--model", "line", "--start", "-1,2,3"],
     "the line model has 2 parameter(s) (b0, b1) but the start has 3 value(s)"),
    (["--penalty", "l2", "--lam", "1e300"],
     "the objective at the start is too large to compute (not a finite number): try a "
     "smaller start, λ or data values"),
    (["--cost", "hinge"], "argument --cost: invalid choice: 'hinge' (choose from "
     + ", ".join(f"'{c}'" for c in COSTS) + ")"),
])
def test_a_bad_setting_is_one_line_exit_2_and_the_old_file_stays(
        capsys: pytest.CaptureFixture[str], folder: Path, argv: list[str],
        message: str) -> None:
    assert refused(capsys, folder, *argv) == message


def test_negative_numbers_in_scientific_or_pair_form_are_values_not_flags(
        capsys: pytest.CaptureFixture[str]) -> None:
    # argparse alone reads "-1e-9" and "-1,2" as unknown flags ("expected one argument")
    d = run_json(capsys, "--model", "line", "--start", "-1,2", "--eta", "0.1")
    assert (d["history"]["b0"][0], d["history"]["b1"][0]) == (-1.0, 2.0)
    d = run_json(capsys, "--start", "-1e-3")
    assert d["history"]["b1"][0] == -0.001


@pytest.mark.parametrize("command", ["run", "gui"])
def test_a_run_longer_than_a_workbook_holds_is_refused_by_every_command(
        capsys: pytest.CaptureFixture[str], command: str) -> None:
    # 10^11 updates would fill memory long before they finished; no run outgrows its workbook
    assert main([command, "--iterations", "99999999999", "--eta", "1e-9"]) == 2
    captured = capsys.readouterr()
    assert captured.err == ("gdapp: error: max iterations 99,999,999,999 is beyond what a "
                            "workbook holds: at most 1,048,574 updates (1,048,575 rows, "
                            "Excel's limit)\n")
    assert captured.out == ""


def test_the_largest_exportable_iteration_count_is_accepted(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "most.xlsx"
    # converges long before the cap: the workbook holds the 397 rows of the note's run
    assert main(["export", "--iterations", str(MAX_EXPORTABLE_ROWS - 1), "-o", str(out),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == 397
    assert out.exists()


# ---- data files -------------------------------------------------------------------------
@pytest.mark.parametrize(("content", "message"), [
    ("", "the file is empty: no samples found"),
    ("  \n\n", "the file is empty: no samples found"),
    ("x\n1\n2\n", "the file has one column: two are needed (x and y)"),
    ("x,y\n", "the file has a header but no samples under it"),
    ("x,y\n1,2\n2,oops\n", "line 3, column 2 (y): 'oops' is not a number"),
    ("x,y\n1,2\nabc,6\n", "line 3, column 1 (x): 'abc' is not a number"),
    ("x,y\n1,2\n2,\n", "line 3, column 2 (y) is empty"),
    ("x,y\n1,2\nx,y\n3,4\n",
     "line 3 repeats the header row; remove it (only the first row may be a header)"),
    ("x,y\n1,5,2,5\n2,0,6,0\n",
     "line 2 has 4 fields but the header has 2 — decimal commas in a comma-separated file "
     "are ambiguous: use ';' or tabs between columns, or decimal points"),
    ("x\ty\n1,250\t2\n", "line 2, column 1 (x): '1,250' is ambiguous (decimal or thousands "
     "comma?): write 1.250 or 1250"),
    ("x,y\n1,nan\n", "line 2, column 2 (y): 'nan' is not a finite number"),
    ("x,y\n-inf,2\n", "line 2, column 1 (x): '-inf' is not a finite number"),
    ("x,y\n1,1e200\n",
     "y in sample 1 is 1e+200: values beyond ±1e+100 are too large (their squares would "
     "overflow)"),
    ("x;y\n1;2\n3e101;4\n",
     "x in sample 2 is 3e+101: values beyond ±1e+100 are too large (their squares would "
     "overflow)"),
])
def test_a_bad_data_file_is_refused_naming_the_line_and_column(
        capsys: pytest.CaptureFixture[str], folder: Path, content: str, message: str) -> None:
    data = csv_file(folder, "samples.csv", content)
    assert refused(capsys, folder, "--data", data) == message


def test_files_that_cannot_be_read_are_refused_by_name(
        capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    assert refused(capsys, folder, "--data", str(folder / "missing.csv")) == \
        f"{folder / 'missing.csv'}: no such file"
    (folder / "adir").mkdir()
    assert refused(capsys, folder, "--data", str(folder / "adir")) == \
        f"{folder / 'adir'} is a folder, not a CSV file"
    (folder / "adir" / "binary.csv").write_bytes(b"\x00\x01\x02\xff" * 8)
    assert refused(capsys, folder, "--data", str(folder / "adir" / "binary.csv")) == \
        f"{folder / 'adir' / 'binary.csv'} is not a text (CSV) file"
    (folder / "adir" / "fake.xlsx").write_text("x,y\n1,2\n")
    assert refused(capsys, folder, "--data", str(folder / "adir" / "fake.xlsx")) == \
        "fake.xlsx is not an .xlsx workbook (it is not a zip archive)"
    assert refused(capsys, folder, "--from", str(folder / "adir" / "fake.xlsx")) == \
        "fake.xlsx is not an .xlsx workbook (it is not a zip archive)"


def test_a_file_without_read_permission_is_refused(
        capsys: pytest.CaptureFixture[str], folder: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = Path(csv_file(folder, "locked.csv", "x,y\n1,2\n"))

    real_open = os.open

    def denied(path: str | Path, *args: Any, **kwargs: Any) -> int:
        if Path(path).name == "locked.csv":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    # the tests may run as root, for whom chmod 000 denies nothing: deny the open itself
    monkeypatch.setattr(os, "open", denied)
    assert refused(capsys, folder, "--data", str(data)) == f"{data}: permission denied"


def test_decimal_commas_are_read_in_a_semicolon_file_even_before_three_digits(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = csv_file(tmp_path, "komma.csv", "x;y\n0,5;1,25\n1,500;2\n")
    d = run_json(capsys, "--data", data)
    assert d["optimum"]["b1"] == pytest.approx((0.5 * 1.25 + 1.5 * 2) / (0.25 + 2.25))


def test_an_unambiguous_decimal_comma_is_read_as_typed(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "--eta", "0,125")["settings"]["eta"] == 0.125
    assert run_json(capsys, "--eta", "0,0125")["settings"]["eta"] == 0.0125


def test_a_single_sample_runs_and_the_line_model_says_its_optimum_is_not_unique(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = csv_file(tmp_path, "one.csv", "x,y\n3,7\n")
    assert run_json(capsys, "--data", data)["optimum"]["b1"] == pytest.approx(7 / 3)
    d = run_json(capsys, "--data", data, "--model", "line")
    assert d["status"] == "converged" and d["optimum"] is None
    assert d["optimum_note"] == ("the optimum is not unique: all x are 3, so the cost depends "
                                 "on b0 + 3·b1 only, and every (b0, b1) with b0 + 3·b1 = "
                                 "mean(y) fits equally well")
    b0, b1 = d["params"]["b0"], d["params"]["b1"]
    assert b0 + 3 * b1 == pytest.approx(7)  # the descent lands on that line
    # an L1 penalty picks one point of it: b1 = 0, b0 = mean(y)
    d = run_json(capsys, "--data", data, "--model", "line", "--penalty", "l1", "--lam", "1")
    assert d["optimum"] == {"b0": 7.0, "b1": 0.0}
    assert d["params"]["b1"] == 0.0 and d["params"]["b0"] == pytest.approx(7, rel=1e-7)


def test_all_x_zero_says_the_optimum_is_undefined_and_descent_still_runs(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = csv_file(tmp_path, "zeros.csv", "x,y\n0,1\n0,2\n0,3\n")
    assert main(["run", "--data", data]) == 0
    out = capsys.readouterr().out
    assert "converged after 1 update (" in out
    assert ("exact optimum: the optimum is undefined: all x are 0, so every b1 gives the "
            "same cost") in out
    out_xlsx = tmp_path / "zeros.xlsx"
    assert main(["export", "--data", data, "-o", str(out_xlsx)]) == 0
    assert out_xlsx.exists()


def test_a_million_samples_load_and_run(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    x = np.round(rng.normal(size=1_000_000), 4)
    y = np.round(2.0 * x + rng.normal(size=x.size), 4)
    path = tmp_path / "million.csv"
    np.savetxt(path, np.column_stack([x, y]), fmt="%.4f", delimiter=",", header="x,y",
               comments="")
    d = run_json(capsys, "--data", str(path), "--eta", "0.1")
    assert d["data"]["n"] == 1_000_000 and d["status"] == "converged"
    assert d["params"]["b1"] == pytest.approx(float(np.dot(x, y) / np.dot(x, x)), rel=1e-6)
