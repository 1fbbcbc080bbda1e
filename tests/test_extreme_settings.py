"""Hyper-parameters at the edge of the floats: one true sentence, never a traceback, a numpy
warning or a NaN written into a workbook.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

from gdapp.cli import main
from gdapp.core import Dataset, RunSpec, run
from gdapp.core.path import regularization_path


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")          # a RuntimeWarning fails the test
        status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("penalty", ["l1", "l2"])
def test_a_lambda_too_large_for_the_path_is_refused_and_writes_nothing(
        penalty: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before (L2): exit 0, a RuntimeWarning, nan coefficients, and `<v>nan</v>` cells."""
    target = tmp_path / "p.xlsx"
    status, out, err = _cli(capsys, "path", "--example", "features", "--penalty", penalty,
                            "--lambdas", "0.5,1e308", "-o", str(target))
    assert (status, out, err) == (2, "", "gdapp: error: λ = 1e+308 is too large to compute the "
                                  "optimum at (its arithmetic overflows): give λ values up "
                                  "to 1e+100\n")
    assert list(tmp_path.iterdir()) == []


def test_every_path_row_is_finite_up_to_the_largest_lambda_allowed() -> None:
    data = Dataset([(1.0, 2.0), (2.0, 1.0), (3.0, 5.0)], [1.0, 2.0, 4.0])
    for penalty in ("l1", "l2"):
        path = regularization_path(data, "line", penalty, [0.0, 1.0, 1e100])
        assert np.all(np.isfinite(path.params)), penalty
    with pytest.raises(ValueError, match=r"λ = 1e\+101 is too large"):
        regularization_path(data, "line", "l2", [1e101])


def test_an_enormous_power_t_is_refused_in_one_sentence(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Before: an OverflowError traceback from η/t^power_t."""
    status, out, err = _cli(capsys, "run", "--example", "features", "--schedule",
                            "invscaling", "--power-t", "1e308")
    assert (status, out, err) == (2, "", "gdapp: error: power_t must be at most 50, got "
                                  "1e+308\n")
    status, out, _ = _cli(capsys, "run", "--example", "features", "--schedule", "invscaling",
                          "--power-t", "50")
    assert status == 0 and "converged" in out


def test_an_enormous_gamma_diverges_and_says_gamma_is_why(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Before: numpy's `RuntimeWarning: overflow encountered in multiply` and its source
    line, then "η is too large"."""
    status, out, err = _cli(capsys, "run", "--example", "features", "--schedule",
                            "exponential", "--gamma", "1e308")
    assert (status, err) == (0, "")
    assert "diverged at update 2: γ = 1e+308 > 1 makes η_k grow (rows kept up to 1)" in out


def test_an_enormous_eta_diverges_without_a_numpy_warning(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _cli(capsys, "run", "--example", "features", "--eta", "1e306")
    assert (status, err) == (0, "")
    assert "diverged at update 1: η is too large (rows kept up to 0)" in out


@pytest.mark.parametrize("schedule", ["exponential", "step"])
def test_a_schedule_past_the_largest_float_runs_on_to_a_verdict(schedule: str) -> None:
    """The samples fit b1 = 2 exactly, so the gradient there is exactly 0 and nothing
    diverges before γ^(t−1) passes the largest float: before, Python's OverflowError
    escaped from the schedule (η/t^power_t cannot overflow: power_t ≤ 50)."""
    spec = RunSpec(data=Dataset([1.0, 2.0], [2.0, 4.0]), start=(2.0,), schedule=schedule,
                   gamma=1e200, step_size=1, max_iterations=40)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = run(spec, stop_at_convergence=False)
    assert r.status == "diverged" and r.diverged_at == 3      # η_3 = η·γ² = inf
    assert np.all(np.isfinite(r.params))


def test_a_start_past_the_divergence_limit_is_blamed_not_eta(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Before: "diverged at update 1: η is too large" — the start was the cause."""
    status, out, err = _cli(capsys, "run", "--example", "nonconvex", "--start", "1e300")
    assert (status, out, err) == (2, "", "gdapp: error: the start b1 = 1e+300 is too large: a "
                                  "run counts as diverged beyond ±1e+100; start nearer 0\n")
    status, out, _ = _cli(capsys, "run", "--example", "nonconvex", "--start", "1e99")
    assert status == 0


def test_data_of_huge_values_keep_their_path_and_its_large_lambdas() -> None:
    """λ_max grows with the data: its auto path, and λ up to 1,000 × λ_max, are taken."""
    data = Dataset([(1e60, 2e60), (2e60, 1e60), (3e60, 5e60)], [1e60, 2e60, 4e60])
    for penalty in ("l1", "l2"):
        path = regularization_path(data, "line", penalty)
        assert path.lambdas.max() > 1e120 and np.all(np.isfinite(path.params))
        assert np.all(np.isfinite(regularization_path(data, "line", penalty, [1e121]).params))
    with pytest.raises(ValueError, match=r"λ = 1e\+200 is too large .* up to 3\.55556e\+123$"):
        regularization_path(data, "line", "l2", [1e200])
