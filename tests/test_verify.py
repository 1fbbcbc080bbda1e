"""The proof: a workbook recalculated in LibreOffice agrees with the engine (gdapp.excel.verify).

The first tests check the comparison rules on small hand-made workbooks (no LibreOffice); the
rest export real runs, recalculate them in LibreOffice and compare. LibreOffice launches are
batched: one module-level fixture recalculates most workbooks in a single soffice call.
"""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName
from patience import HANG_S
from workbook_pairs import pair_of_books

from gdapp.core import (
    NOTE_RUNS,
    Dataset,
    Run,
    RunSpec,
    model_param_names,
    rerun_for_rows,
    run,
    stability_limit,
)
from gdapp.excel import export_workbook, read_workbook
from gdapp.excel.compare import check_diverged_rows
from gdapp.excel.streaming import StreamedWorkbook
from gdapp.excel.tolerance import Tally
from gdapp.excel.verify import (
    RELATIVE_TOLERANCE,
    VerifyReport,
    VerifyUnavailable,
    compare_workbooks,
    verify_workbook,
    verify_workbooks,
)

Cell = tuple[str, str, str, float | bool]

pytestmark = pytest.mark.libreoffice


# -------------------------------------------------------------------------------------------
# The comparison rules, on hand-made workbooks


def _key(sheet: str, ref: str) -> str:
    return ref if sheet == "Iterations" else f"{sheet}!{ref}"


def _compare(tmp_path: Path, expected: Sequence[Cell], values: dict[str, object],
             formulas: dict[str, str] | None = None) -> VerifyReport:
    written = formulas if formulas is not None else \
        {_key(sheet, ref): f for sheet, ref, f, _ in expected}
    original, recalculated = pair_of_books(tmp_path, written, values)
    return compare_workbooks(original, recalculated, expected)


def test_values_within_the_relative_tolerance_agree(tmp_path: Path) -> None:
    expected = [("Iterations", "B2", "=b1_start", 15.0), ("Iterations", "B3", "=B2-1", 14.39)]
    report = _compare(tmp_path, expected, {"B2": 15.0, "B3": 14.39 * (1 + 1e-14)})
    assert report.agree
    assert report.cells_compared == 2
    assert report.max_deviation == pytest.approx(1e-14, rel=0.01)
    assert report.max_deviation_cell == "Iterations!B3"
    assert report.first_difference is None


def test_a_value_off_by_more_than_the_tolerance_is_named_with_both_numbers(
        tmp_path: Path) -> None:
    expected = [("Iterations", "B2", "=1", 2.8), ("Iterations", "C7", "=2", 2.8)]
    report = _compare(tmp_path, expected, {"B2": 2.8, "C7": 2.81})
    assert not report.agree
    assert report.differences == 1
    assert report.first_difference == "Iterations!C7: workbook 2.81, engine 2.8"
    assert report.max_deviation > RELATIVE_TOLERANCE


def test_a_value_snapped_to_zero_is_measured_against_its_columns_earlier_size(
        tmp_path: Path) -> None:
    # A step that cancels to -8.9e-16 in numpy is exactly 0 in a spreadsheet; the column's
    # first step (0.61) sets the scale, so this is noise far below the tolerance.
    expected = [("Iterations", "G3", "=B3-B2", -0.61), ("Iterations", "G4", "=B4-B3", -8.9e-16)]
    report = _compare(tmp_path, expected, {"G3": -0.61, "G4": 0.0})
    assert report.agree
    assert report.max_deviation == pytest.approx(8.9e-16 / 0.61)


def test_a_residual_that_cancels_is_measured_against_its_operands(tmp_path: Path) -> None:
    # y − ŷ with y = 2 and ŷ = 2 − 1.26e-8: one unit in the last place of 2 is 4.4e-16
    expected = [("Data", "E2", "=C2-D2", -1.2591185871713e-08)]
    values = {"Data!C2": 2.0, "Data!D2": 2.0000000125911859, "Data!E2": -1.25911863158024e-08}
    report = _compare(tmp_path, expected, values)
    assert report.agree, report.first_difference
    assert report.max_deviation < 1e-15


def test_a_summary_cell_that_copies_an_iterations_cell_is_measured_at_its_scale(
        tmp_path: Path) -> None:
    # a cost that tends to 0: the column's start (372.5) sets its scale, also for the copy
    expected = [("Iterations", "D2", "=SUMPRODUCT(1)", 372.5),
                ("Iterations", "D3", "=SUMPRODUCT(2)", 2.67141670535907e-18),
                ("Summary", "B7", "=Iterations!$D$3", 2.67141670535907e-18)]
    values = {"D2": 372.5, "D3": 2.67141634243896e-18, "Summary!B7": 2.67141634243896e-18}
    report = _compare(tmp_path, expected, values)
    assert report.agree, report.first_difference


def test_a_point_between_two_named_cells_is_measured_against_them(tmp_path: Path) -> None:
    expected = [("Summary", "E7", "=curve_from+(curve_to-curve_from)*5/60", -5.55e-17)]
    original, recalculated = pair_of_books(
        tmp_path, {"Summary!E7": expected[0][2]},
        {"Summary!B16": -0.5, "Summary!B17": 5.5, "Summary!E7": 0.0})
    for path in (original, recalculated):
        wb = openpyxl.load_workbook(path)
        if "Summary" not in wb.sheetnames:
            wb.create_sheet("Summary")
        for name, ref in (("curve_from", "$B$16"), ("curve_to", "$B$17")):
            wb.defined_names[name] = DefinedName(name, attr_text=f"Summary!{ref}")
        wb.save(path)
    report = compare_workbooks(original, recalculated, expected)
    assert report.agree, report.first_difference


def test_the_same_absolute_error_on_a_columns_first_value_is_a_difference(
        tmp_path: Path) -> None:
    expected = [("Iterations", "G4", "=B4-B3", 1e-9)]
    report = _compare(tmp_path, expected, {"G4": 1e-9 + 1e-18})
    assert not report.agree


@pytest.mark.parametrize("shown", ["#NUM!", "#VALUE!", None, "text"])
def test_an_error_an_empty_cell_or_text_where_a_number_belongs_is_a_difference(
        tmp_path: Path, shown: object) -> None:
    expected = [("Iterations", "D5", "=1/0", 3.0)]
    values = {} if shown is None else {"D5": shown}
    report = _compare(tmp_path, expected, values)
    assert not report.agree
    assert report.first_difference == \
        f"Iterations!D5: workbook {'(empty)' if shown is None else shown}, engine 3"


def test_true_false_cells_must_match_exactly(tmp_path: Path) -> None:
    expected = [("Iterations", "H3", "=ABS(G3)<=tolerance", False),
                ("Iterations", "H4", "=ABS(G4)<=tolerance", True)]
    assert _compare(tmp_path, expected, {"H3": False, "H4": True}).agree
    report = _compare(tmp_path, expected, {"H3": False, "H4": False})
    assert report.first_difference == "Iterations!H4: workbook FALSE, engine TRUE"


def test_a_formula_edited_by_hand_is_reported_with_both_formulas(tmp_path: Path) -> None:
    expected = [("Iterations", "B3", "=B2-eta*C2", 14.39)]
    report = _compare(tmp_path, expected, {"B3": 14.39}, formulas={"B3": "=B2-0.01*C2"})
    assert not report.agree
    assert report.first_difference == \
        "Iterations!B3: the workbook has =B2-0.01*C2, gdapp writes =B2-eta*C2"


def test_a_formula_replaced_by_a_typed_number_is_a_difference(tmp_path: Path) -> None:
    expected = [("Iterations", "B3", "=B2-eta*C2", 14.39)]
    original, recalculated = pair_of_books(tmp_path, {}, {"B3": 14.39})
    wb = openpyxl.load_workbook(original)
    wb["Iterations"]["B3"] = 14.39
    wb.save(original)
    report = compare_workbooks(original, recalculated, expected)
    assert report.first_difference == \
        "Iterations!B3: the workbook has no formula (14.39), gdapp writes =B2-eta*C2"


def test_cells_may_be_expected_out_of_row_order_and_on_several_sheets(tmp_path: Path) -> None:
    expected = [("Iterations", "B9", "=9", 9.0), ("Iterations", "B2", "=2", 2.0),
                ("Summary", "B2", "=2", 2.0), ("Iterations", "C9", "=9", 9.0)]
    original, recalculated = pair_of_books(
        tmp_path, {"B9": "=9", "B2": "=2", "C9": "=9"}, {"B9": 9.0, "B2": 2.0, "C9": 9.0})
    for path, content in ((original, "=2"), (recalculated, 2.0)):
        wb = openpyxl.load_workbook(path)
        wb.create_sheet("Summary")["B2"] = content
        wb.save(path)
    report = compare_workbooks(original, recalculated, expected)
    assert report.agree, report.first_difference
    assert report.cells_compared == 4


def test_shared_formulas_as_excel_saves_them_are_read_as_each_cells_formula(
        tmp_path: Path) -> None:
    expected = [("Iterations", f"B{r}", f"=A{r}*2", 2.0 * r) for r in (2, 3, 4)]
    original, recalculated = pair_of_books(
        tmp_path, {f"A{r}": r for r in (2, 3, 4)} | {f"B{r}": f"=A{r}*2" for r in (2, 3, 4)},
        {f"B{r}": 2.0 * r for r in (2, 3, 4)})
    excel_style = tmp_path / "excel-style.xlsx"
    with zipfile.ZipFile(original) as src, \
            zipfile.ZipFile(excel_style, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>A2*2</f>", b'<f t="shared" ref="B2:B4" si="0">A2*2</f>')
                for r in (b"3", b"4"):
                    data = data.replace(b"<f>A" + r + b"*2</f>", b'<f t="shared" si="0"/>')
                assert data.count(b'si="0"') == 3
            dst.writestr(item, data)
    report = compare_workbooks(excel_style, recalculated, expected)
    assert report.agree, report.first_difference
    assert report.cells_compared == 3


def test_rows_past_the_engines_divergence_must_show_it_in_the_workbook(
        tmp_path: Path) -> None:
    _, recalculated = pair_of_books(tmp_path, {}, {
        "A4": 2, "B4": 3.5e120, "A5": 3, "B5": "#NUM!", "A6": 4, "B6": 5.0})
    tally = Tally()
    book = StreamedWorkbook(recalculated, data_only=True)
    try:
        rows = check_diverged_rows(tally, book, after_row=3, diverged_at=2)
    finally:
        book.close()
    assert rows == 3
    assert tally.differences == 1
    assert tally.first_difference == ("Iterations!row 6: the engine diverges at update 2, "
                                      "but this row holds only ordinary values")


def test_a_damaged_sheet_cannot_be_compared_and_says_which(tmp_path: Path) -> None:
    expected = [("Iterations", "B2", "=1", 1.0)]
    original, recalculated = pair_of_books(tmp_path, {"B2": "=1"}, {"B2": 1.0})
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(recalculated) as src, \
            zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(VerifyUnavailable, match=r"^cannot verify: sheet Iterations is damaged"):
        compare_workbooks(original, damaged, expected)


def test_progress_reports_the_final_count(tmp_path: Path) -> None:
    expected = [("Iterations", f"B{r}", f"={r}", float(r)) for r in range(2, 12)]
    original, recalculated = pair_of_books(
        tmp_path, {ref: f for _, ref, f, _ in expected}, {ref: v for _, ref, _, v in expected})
    calls: list[tuple[int, int]] = []
    compare_workbooks(original, recalculated, expected, total=len(expected),
                      progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (10, 10)


def test_the_summary_lines_give_count_deviation_and_verdict() -> None:
    agreeing = VerifyReport(agree=True, cells_compared=2384, max_deviation=3.2e-16,
                            max_deviation_cell="Iterations!E5", first_difference=None)
    assert agreeing.summary() == [
        "compared 2,384 cells; largest relative deviation 3.2e-16 (Iterations!E5)",
        "verdict: the workbook agrees with gdapp",
    ]
    differing = VerifyReport(agree=False, cells_compared=10, max_deviation=0.0036,
                             max_deviation_cell="Iterations!C7",
                             first_difference="Iterations!C7: workbook 2.81, engine 2.8",
                             differences=1)
    assert differing.summary()[-2:] == [
        "first difference: Iterations!C7: workbook 2.81, engine 2.8",
        "verdict: the workbook does NOT agree with gdapp (1 cell differs)",
    ]


# -------------------------------------------------------------------------------------------
# Real workbooks, recalculated in LibreOffice


def _random_specs(seed: int, count: int) -> dict[str, RunSpec]:
    """Seeded random settings across models, costs, penalties and L1 steps (stable η)."""
    rng = np.random.default_rng(seed)
    specs: dict[str, RunSpec] = {}
    for i in range(count):
        n = int(rng.integers(1, 12))
        x = np.round(rng.uniform(-3, 3, n), 3)
        y = np.round(rng.uniform(-1, 1) + rng.uniform(-2, 2) * x + rng.normal(0, 0.5, n), 3)
        data = Dataset(x, y, name=f"random-{seed}-{i}")
        model = str(rng.choice(["origin", "line"]))
        cost = str(rng.choice(["mse", "mae", "rmse"]))
        penalty = str(rng.choice(["none", "l1", "l2"]))
        lam = float(np.round(rng.uniform(0, 2), 2))
        limit = stability_limit(data, model, cost, penalty, lam)
        eta = float(rng.uniform(0.05, 0.9)) * limit if limit else float(rng.uniform(0.005, 0.1))
        q = len(model_param_names(model))
        start = tuple(float(v) for v in np.round(rng.uniform(-5, 5, q), 2))
        specs[f"random-{i}"] = RunSpec(
            data=data, model=model, cost=cost, penalty=penalty, lam=lam,  # type: ignore[arg-type]
            l1_method=str(rng.choice(["proximal", "subgradient"])),  # type: ignore[arg-type]
            learning_rate=eta, start=start, max_iterations=int(rng.integers(20, 150)))
    return specs


def _edit_settings(source: Path, target: Path, **changes: object) -> Path:
    """Save a copy of a workbook with Settings values changed (by their defined names)."""
    wb = openpyxl.load_workbook(source)
    for name, value in changes.items():
        ((sheet, ref),) = wb.defined_names[name].destinations
        wb[sheet][ref.replace("$", "")] = value
    wb.save(target)
    return target


def _edit_cell(source: Path, target: Path, sheet: str, ref: str, content: object) -> Path:
    wb = openpyxl.load_workbook(source)
    wb[sheet][ref] = content
    wb.save(target)
    return target


NOTE_FILE = "eta-0.01"


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The note's runs, seeded random runs and edited copies, exported into one folder."""
    folder = tmp_path_factory.mktemp("workbooks")
    specs = {**NOTE_RUNS, **_random_specs(seed=20261127, count=6)}
    paths = {name: export_workbook(run(spec), folder / f"{name}.xlsx")
             for name, spec in specs.items()}
    note = paths[NOTE_FILE]
    paths["eta-edited"] = _edit_settings(note, folder / "eta-edited.xlsx", eta=0.05)
    paths["eta-edited-diverges"] = _edit_settings(note, folder / "eta-edited-diverges.xlsx",
                                                  eta=2.0)
    paths["formula-tampered"] = _edit_cell(note, folder / "formula-tampered.xlsx",
                                           "Iterations", "B7", "=B6-0.02*C6")
    return paths


@pytest.fixture(scope="module")
def reports(workbooks: dict[str, Path]) -> dict[str, VerifyReport]:
    """Every workbook of ``workbooks`` verified with a single LibreOffice launch."""
    names = list(workbooks)
    calls: list[tuple[int, int]] = []
    results = verify_workbooks([workbooks[n] for n in names], timeout=HANG_S,
                               progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1] == calls[0][1]
    return dict(zip(names, results, strict=True))


@pytest.mark.parametrize("name", list(NOTE_RUNS))
def test_every_run_of_the_note_round_trips_through_libreoffice(
        reports: dict[str, VerifyReport], name: str) -> None:
    report = reports[name]
    assert report.agree, report.first_difference
    assert report.first_difference is None
    assert report.cells_compared > 6 * (report.rows - 1)
    assert report.max_deviation <= RELATIVE_TOLERANCE


@pytest.mark.parametrize("name", [f"random-{i}" for i in range(6)])
def test_seeded_random_settings_round_trip_through_libreoffice(
        reports: dict[str, VerifyReport], name: str) -> None:
    report = reports[name]
    assert report.agree, report.first_difference
    assert report.cells_compared > 0


def test_a_workbook_whose_eta_was_edited_agrees_with_a_run_at_the_new_eta(
        reports: dict[str, VerifyReport], workbooks: dict[str, Path]) -> None:
    report = reports["eta-edited"]
    assert report.agree, report.first_difference
    assert report.learning_rate == 0.05
    assert report.rows == reports[NOTE_FILE].rows
    assert report.cells_compared == reports[NOTE_FILE].cells_compared
    # what was compared is the run at η = 0.05: 15 − 0.05·61 = 11.95, not the note's 14.39
    engine = rerun_for_rows(read_workbook(workbooks["eta-edited"]).spec, report.rows)
    assert engine.params[1, 0] == pytest.approx(11.95, rel=1e-15)


def test_an_eta_edited_past_the_stability_limit_is_compared_up_to_the_divergence(
        reports: dict[str, VerifyReport]) -> None:
    report = reports["eta-edited-diverges"]
    assert report.agree, report.first_difference
    assert report.learning_rate == 2.0
    # |1 − 5η| = 9 per update: past 1e100 after 104 updates, long before the 397th row
    assert any("diverges at update 104" in note for note in report.notes)
    assert any("Summary" in line for line in report.summary())


def test_a_formula_edited_by_hand_is_caught_and_named(
        reports: dict[str, VerifyReport]) -> None:
    report = reports["formula-tampered"]
    assert not report.agree
    assert report.first_difference is not None
    assert report.first_difference.startswith(
        "Iterations!B7: the workbook has =B6-0.02*C6, gdapp writes =IF(ABS(B6-eta*C6)")
    assert report.summary()[-1].startswith("verdict: the workbook does NOT agree with gdapp")


def test_a_deleted_iterations_row_cannot_be_verified(workbooks: dict[str, Path],
                                                     tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(workbooks[NOTE_FILE])
    wb["Iterations"].delete_rows(10)
    wb.save(tmp_path / "deleted.xlsx")
    with pytest.raises(VerifyUnavailable, match=r"^cannot verify: .*Iterations row 10"):
        verify_workbook(tmp_path / "deleted.xlsx")


@pytest.mark.parametrize("eta", ["fast", -0.1, None])
def test_nonsense_in_settings_cannot_be_verified_and_says_why(
        workbooks: dict[str, Path], tmp_path: Path, eta: object) -> None:
    path = _edit_settings(workbooks[NOTE_FILE], tmp_path / "nonsense.xlsx", eta=eta)
    with pytest.raises(VerifyUnavailable, match=r"^cannot verify: .*(η|learning rate)"):
        verify_workbook(path)


def test_a_file_that_is_not_a_gdapp_workbook_cannot_be_verified(tmp_path: Path) -> None:
    (tmp_path / "notes.xlsx").write_text("not a workbook")
    with pytest.raises(VerifyUnavailable, match=r"^cannot verify: notes\.xlsx is not"):
        verify_workbook(tmp_path / "notes.xlsx")


def test_without_libreoffice_verification_is_unavailable_with_an_install_hint(
        workbooks: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDAPP_SOFFICE", str(tmp_path / "no-soffice-here"))
    with pytest.raises(VerifyUnavailable, match="apt-get install libreoffice-calc-nogui"):
        verify_workbook(workbooks[NOTE_FILE])


def test_a_libreoffice_that_hangs_is_stopped_after_the_timeout(
        workbooks: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexec sleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setenv("GDAPP_SOFFICE", str(fake))
    with pytest.raises(VerifyUnavailable, match="LibreOffice did not finish within 1 s"):
        verify_workbook(workbooks[NOTE_FILE], timeout=1)


def test_two_verifications_in_parallel_threads_both_agree(workbooks: dict[str, Path]) -> None:
    results: dict[str, VerifyReport] = {}
    errors: list[BaseException] = []

    def one(name: str) -> None:
        try:
            results[name] = verify_workbook(workbooks[name], timeout=HANG_S)
        except BaseException as exc:  # re-raised below through the assertion
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(n,)) for n in (NOTE_FILE, "eta-0.1")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert results[NOTE_FILE].agree
    assert results["eta-0.1"].agree


def test_an_engine_that_disagrees_with_the_workbook_is_caught(
        workbooks: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    def slightly_off(spec: RunSpec, rows: int) -> Run:
        return rerun_for_rows(replace(spec, learning_rate=spec.learning_rate * (1 + 1e-9)),
                              rows)

    monkeypatch.setattr("gdapp.excel.verify.rerun_for_rows", slightly_off)
    report = verify_workbook(workbooks[NOTE_FILE])
    assert not report.agree
    assert report.first_difference is not None
    assert report.first_difference.startswith("Iterations!B3: workbook 14.39, engine 14.38999")
    assert report.max_deviation > RELATIVE_TOLERANCE
