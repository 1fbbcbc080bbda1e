"""The live-formula workbook exporter (gdapp.excel.export_workbook, expected_cells)."""

from __future__ import annotations

import os
import subprocess
import tracemalloc
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from patience import HANG_S

from gdapp.core import DOCUMENT, MAX_EXPORTABLE_ROWS, NOTE_RUNS, Dataset, Run, RunSpec, run
from gdapp.excel import ExportError, expected_cells, export_workbook, read_workbook
from gdapp.excel import target as target_module
from gdapp.excel.formulas import FORMULAS

SAMPLES = Dataset([0.5, 1.25, 2.0, 3.5, -1.0, 4.0], [1.1, 1.9, 2.4, 4.2, -0.3, 5.2],
                  x_name="hours", y_name="score", name="study.csv")


def _load(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def note_workbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Path]:
    r = run(NOTE_RUNS["eta-0.01"])
    return r, export_workbook(r, tmp_path_factory.mktemp("note") / "eta-0.01.xlsx")


def test_the_workbook_has_settings_data_iterations_and_summary_sheets(note_workbook):
    _, path = note_workbook
    assert _load(path).sheetnames == ["Settings", "Data", "Iterations", "Summary"]


def test_every_setting_is_a_defined_name_on_the_settings_sheet(note_workbook):
    r, path = note_workbook
    wb = _load(path)
    for name, value in r.spec.settings().items():
        (sheet, ref), = wb.defined_names[name].destinations
        assert sheet == "Settings"
        assert wb[sheet][ref.replace("$", "")].value == value


def test_the_start_row_refers_to_b1_start_and_every_later_cell_is_a_formula(note_workbook):
    r, path = note_workbook
    ws = _load(path)["Iterations"]
    assert ws["B2"].value == "=b1_start"
    for row in ws.iter_rows(min_row=3, max_row=ws.max_row):
        assert isinstance(row[0].value, int)
        assert all(isinstance(c.value, str) and c.value.startswith("=") for c in row[1:])
    assert ws.max_row == r.params.shape[0] + 1


def test_the_first_update_is_written_with_the_zero_band(note_workbook):
    _, path = note_workbook
    ws = _load(path)["Iterations"]
    assert ws["B3"].value == "=IF(ABS(B2-eta*C2)<=1E-12*(ABS(B2)+ABS(eta*C2)),0,B2-eta*C2)"
    assert ws["C2"].value == "=-2*SUMPRODUCT(x_data,(y_data-B2*x_data))/COUNT(x_data)"


def test_expected_cells_name_every_formula_cell_with_its_exact_text(note_workbook):
    r, path = note_workbook
    wb = _load(path)
    written = {(ws.title, c.coordinate): c.value for ws in wb for row in ws.iter_rows()
               for c in row if c.data_type == "f"}
    expected = {(sheet, ref): formula for sheet, ref, formula, *_ in expected_cells(r)}
    assert expected == written


def test_expected_cells_is_lazy_and_starts_with_the_data_sheet(note_workbook):
    r, _ = note_workbook
    cells = expected_cells(r)
    assert isinstance(cells, Iterator)
    assert next(cells)[:4] == ("Data", "D2", "=b1_final*B2", pytest.approx(r.final[0]))


def test_expected_cells_say_the_first_update_from_15_is_1439(note_workbook):
    r, _ = note_workbook
    values = {(s, ref): v for s, ref, _, v, *_ in expected_cells(r)}
    assert values["Iterations", "B3"] == pytest.approx(14.39, rel=1e-15)
    assert values["Iterations", "C2"] == 61.0


def test_the_summary_writes_the_normal_equation_and_the_stability_limit(note_workbook):
    _, path = note_workbook
    ws = _load(path)["Summary"]
    labels = {ws.cell(i, 1).value: ws.cell(i, 2).value for i in range(2, ws.max_row + 1)}
    assert labels["Σxy"] == "=SUMPRODUCT(x_data,y_data)"
    assert labels["Optimum b1"].startswith("=B") and "/B" in labels["Optimum b1"]
    limit = "Stability limit 2/L (L: the largest eigenvalue of H): η must stay below"
    assert labels[limit].startswith("=2/")
    assert labels["Iterations used"].startswith("=IFERROR(MATCH(TRUE,Iterations!")


def test_without_a_closed_form_the_optimum_is_a_labelled_number(tmp_path):
    r = run(RunSpec(cost="mae", learning_rate=0.01, max_iterations=50))
    ws = _load(export_workbook(r, tmp_path / "mae.xlsx"))["Summary"]
    labels = {ws.cell(i, 1).value: ws.cell(i, 2).value for i in range(2, ws.max_row + 1)}
    assert labels["Optimum b1 (computed by gdapp at export)"] == 3.0
    assert labels["Exact optimum"].startswith("no closed form for MAE")
    limit = "Stability limit 2/L (L: the largest eigenvalue of H): η must stay below"
    assert labels[limit] == "none"


def test_the_summary_carries_two_native_charts(note_workbook):
    _, path = note_workbook
    assert len(_load(path)["Summary"]._charts) == 2


def test_user_text_is_stored_as_text_never_as_a_formula(tmp_path):
    names = ["=cmd|' /C calc'!A0", "+1+2", "-3", "@SUM(A1)", "\tx", "\rz"]
    data = Dataset([1, 2], [2, 6], x_name=names[0], y_name=names[1], name=names[3])
    path = export_workbook(run(RunSpec(data=data, max_iterations=3)), tmp_path / "t.xlsx")
    wb = _load(path)
    header = [c for c in wb["Data"][1]]
    assert [(c.value, c.data_type) for c in header[1:3]] == [(names[0], "s"), (names[1], "s")]
    settings = {r[0].value: r[1] for r in wb["Settings"].iter_rows()}
    assert (settings["data source"].value, settings["data source"].data_type) == (names[3], "s")


def test_numbers_that_16_digits_cannot_hold_are_written_exactly(tmp_path):
    awkward = 0.1 + 0.2  # 0.30000000000000004 needs 17 digits
    data = Dataset([1.0, awkward], [2.0, 6.0])
    path = export_workbook(run(RunSpec(data=data, start=(awkward,), max_iterations=2)),
                           tmp_path / "n.xlsx")
    wb = _load(path)
    assert wb["Data"]["B3"].value == awkward
    assert wb["Settings"][wb.defined_names["b1_start"].attr_text.split("!")[1]
                          .replace("$", "")].value == awkward


def test_more_rows_than_a_sheet_holds_is_refused_before_anything_is_written(tmp_path):
    small = run(RunSpec(max_iterations=2))
    huge = replace(small, params=np.zeros((MAX_EXPORTABLE_ROWS + 1, 1)))
    target = tmp_path / "huge.xlsx"
    with pytest.raises(ExportError, match="at most 1,048,575"):
        export_workbook(huge, target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("name", "message"), [
    ("missing/run.xlsx", "no such folder"),
    ("run.csv", "must end in .xlsx"),
    ("folder.xlsx", "is a folder"),
])
def test_bad_paths_are_refused_with_a_clear_message(tmp_path, name, message):
    (tmp_path / "folder.xlsx").mkdir()
    with pytest.raises(ExportError, match=message):
        export_workbook(run(RunSpec(max_iterations=2)), tmp_path / name)


def test_a_failed_export_leaves_the_old_file_untouched_and_no_temporary_file(tmp_path):
    target = tmp_path / "run.xlsx"
    target.write_bytes(b"the previous workbook")

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_workbook(run(RunSpec(max_iterations=9000, learning_rate=1e-4)), target,
                        progress=stop)
    assert target.read_bytes() == b"the previous workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["run.xlsx"]


def test_a_disk_error_while_saving_becomes_an_export_error_and_leaves_nothing(tmp_path,
                                                                              monkeypatch):
    def full(self: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(target_module.ExcelWriter, "save", full)
    with pytest.raises(ExportError, match="No space left on device"):
        export_workbook(run(RunSpec(max_iterations=5)), tmp_path / "run.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_progress_counts_rows_up_to_the_total(tmp_path):
    r = run(RunSpec(learning_rate=1e-6, max_iterations=9999))
    calls: list[tuple[int, int]] = []
    export_workbook(r, tmp_path / "p.xlsx", progress=lambda d, t: calls.append((d, t)))
    assert len(calls) >= 3
    assert calls[-1] == (10_000, 10_000)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_memory_stays_flat_while_rows_stream_out(tmp_path):
    r = run(RunSpec(learning_rate=1e-7, max_iterations=2999))
    tracemalloc.start()
    try:
        export_workbook(r, tmp_path / "m.xlsx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # streamed: ~0.5 MB at any length; 3,000 rows of 8 formulas held at once take ~5.5 MB
    assert peak < 2 * 2**20


def test_the_file_gets_ordinary_permissions_not_private_ones(tmp_path):
    path = export_workbook(run(RunSpec(max_iterations=2)), tmp_path / "r.xlsx")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_every_formula_template_is_paired_with_its_numpy_expression():
    assert all(pair.numpy.strip() for pair in FORMULAS.values())
    # powers only of settings a learner keeps in (0, 1] (γ, β) or of k (power_t): never of a
    # value that can grow huge, where Gnumeric's power loses digits
    powered = {name for name, pair in FORMULAS.items() if "^" in pair.excel}
    assert powered == {"rate step", "rate exponential", "rate invscaling", "direction adam"}


# ---- the proof: recalculated by real spreadsheet engines ----------------------------------
ROUND_TRIP = {
    "note": NOTE_RUNS["eta-0.01"],
    "l1-proximal-zero": RunSpec(data=DOCUMENT, penalty="l1", lam=20.0),
    "mae": RunSpec(cost="mae", learning_rate=0.01, max_iterations=830),
    "rmse-l2": RunSpec(cost="rmse", penalty="l2", lam=0.5, learning_rate=0.05),
    "line-l1-subgradient": RunSpec(data=SAMPLES, model="line", penalty="l1", lam=0.3,
                                   l1_method="subgradient", learning_rate=0.05,
                                   max_iterations=400),
    "line-mae-l1": RunSpec(data=SAMPLES, model="line", cost="mae", penalty="l1", lam=0.2,
                           l1_method="proximal", learning_rate=0.02, max_iterations=300),
}


def _agree(got: object, want: float | bool, scale: float) -> bool:
    if isinstance(want, bool):
        return got is want
    if isinstance(got, bool) or not isinstance(got, int | float):
        return False
    return abs(got - want) <= 1e-12 * max(abs(want), abs(got), scale)


def _mismatches(runs: dict[str, Run], folder: Path) -> list[tuple[str, str, str, object, float]]:
    bad = []
    for name, r in runs.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Gnumeric's files carry no default style
            wb = openpyxl.load_workbook(folder / f"{name}.xlsx", data_only=True)
        largest: dict[tuple[str, str], float] = {}
        for sheet, ref, _, want, *_ in expected_cells(r):
            column = (sheet, ref.rstrip("0123456789"))
            got = wb[sheet][ref].value
            # a cell that cancels to ~0 is noise of the size of its column's operands
            scale = largest.get(column, 0.0)
            if not _agree(got, want, scale):
                bad.append((name, sheet, ref, got, want))
            if not isinstance(want, bool):
                largest[column] = max(scale, abs(want))
    return bad


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Run], list[Path]]:
    folder = tmp_path_factory.mktemp("roundtrip")
    runs = {name: run(spec) for name, spec in ROUND_TRIP.items()}
    return runs, [export_workbook(r, folder / f"{name}.xlsx") for name, r in runs.items()]


@pytest.mark.libreoffice
def test_libreoffice_recomputes_every_cell_as_the_engine_did(exported, tmp_path):
    runs, files = exported
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/prof",
                    "--calc", "--convert-to", "xlsx", "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=HANG_S)
    assert _mismatches(runs, out) == []
    # and a workbook LibreOffice saved still reads back as the run it came from
    assert read_workbook(out / "line-mae-l1.xlsx").spec == runs["line-mae-l1"].spec


def test_gnumeric_recomputes_every_cell_as_the_engine_did(exported, tmp_path):
    runs, files = exported
    for f in files:
        subprocess.run(["ssconvert", "--recalc", str(f), str(tmp_path / f.name)], check=True,
                       capture_output=True, timeout=HANG_S)
    assert _mismatches(runs, tmp_path) == []
