"""An unedited gdapp workbook never draws verify's note that its text differs.

Verify reads the labels and explanations beside a workbook that it writes afresh for the same
run (two rows long, see :mod:`gdapp.excel.reference`). Before, the sentence beside
"Iterations used" that says how fine the rounding of the final b is came from that two-row
rerun — the start, not the end — so ``export --optimizer rmsprop --eta 0.3 --iterations 400
--tol 1e-300`` verified with "note: text is not judged … Summary!C4: … about 6e-16 …, gdapp
writes … about 3e-15". An edited explanation still draws the note. One LibreOffice launch."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from gdapp.cli import main
from gdapp.core import make_spec, run
from gdapp.excel.reference import reference_run
from gdapp.excel.verify import verify_workbooks

PROSE = "note: text is not judged"

EXPORTS: dict[str, list[str]] = {
    # the issue's run: the tolerance is finer than the rounding of b ≈ 2.8
    "rmsprop-tol": ["--optimizer", "rmsprop", "--eta", "0.3", "--iterations", "400",
                    "--tol", "1e-300"],
    "adam-tol-ko": ["--lang", "ko", "--optimizer", "adam", "--eta", "0.5", "--iterations",
                    "2000", "--tol", "1e-300"],
    "features-tol": ["--example", "features", "--model", "line", "--eta", "0.0009",
                     "--iterations", "1500", "--tol", "1e-300"],
    # η past the limit: b grows to ~1e10, so the sentence holds at the end, not at the start
    "growing": ["--eta", "0.5", "--iterations", "50"],
    "overfit-held-out": ["--example", "overfit", "--model", "line", "--degree", "3",
                         "--standardize", "--test-fraction", "0.3", "--eta", "0.05",
                         "--iterations", "300", "--check-gradient"],
    "minibatch": ["--example", "features", "--model", "line", "--batch-size", "4",
                  "--shuffle", "--seed", "3", "--eta", "0.0005", "--iterations", "60"],
}


def _summary_how(path: Path, label: str) -> str:
    ws = openpyxl.load_workbook(path)["Summary"]
    return next(str(r[2]) for r in ws.iter_rows(min_row=2, max_col=3, values_only=True)
                if r[0] == label)


@pytest.fixture(scope="module")
def verified(tmp_path_factory):
    folder = tmp_path_factory.mktemp("prose")
    files = []
    for name, argv in EXPORTS.items():
        target = folder / f"{name}.xlsx"
        assert main(["export", *argv, "-o", str(target)]) == 0
        files.append(target)
    # an explanation edited by hand: the note must still name it
    edited = folder / "rmsprop-tol-edited.xlsx"
    wb = openpyxl.load_workbook(files[0])
    ws = wb["Summary"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Iterations used")
    row[2].value = "my own words"
    wb.save(edited)
    files.append(edited)
    return dict(zip([*EXPORTS, "edited"], zip(files, verify_workbooks(files), strict=True),
                    strict=True))


def test_the_issues_workbook_states_the_rounding_of_its_final_b(verified):
    path, _report = verified["rmsprop-tol"]
    how = _summary_how(path, "Iterations used")
    assert "finer than the rounding of b (about 6e-16)" in how


@pytest.mark.parametrize("name", list(EXPORTS))
def test_an_unedited_workbook_draws_no_note_on_its_text(verified, name):
    _path, report = verified[name]
    assert report.agree, report.first_difference
    assert not [n for n in report.notes if n.startswith(PROSE)], report.notes


def test_an_edited_explanation_still_draws_the_note(verified):
    _path, report = verified["edited"]
    assert report.agree, report.first_difference
    (note,) = [n for n in report.notes if n.startswith(PROSE)]
    assert "Summary!C4" in note and "my own words" in note
    assert "about 6e-16" in note            # what gdapp writes there: the run's own end


def test_the_reference_ends_where_the_run_ends():
    full = run(make_spec(optimizer="rmsprop", learning_rate=0.3, max_iterations=400,
                         tolerance=1e-300))
    ref = reference_run(full)
    assert ref.params.shape[0] == 2
    assert (ref.params[-1] == full.params[-1]).all() and (ref.params[0] == full.params[0]).all()
    assert ref.status == full.status == "converged"
    assert ref.optimum is full.optimum
