"""Workbooks in Korean (``gdapp export --lang ko``): the labels change, nothing else does."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from openpyxl.utils.cell import column_index_from_string
from openpyxl.worksheet.formula import ArrayFormula
from patience import HANG_S
from test_export import ROUND_TRIP, SAMPLES, _mismatches

from gdapp.cli import main
from gdapp.core import DOCUMENT, EXAMPLES, MODEL_RULES, Dataset, Run, RunSpec, run
from gdapp.excel import ExportError, export_workbook, read_workbook
from gdapp.excel.labels import STATUS, words

#: Runs between them holding every label the exporter writes: both models, every cost,
#: penalty and L1 step, each kind of optimum (closed form, bisection, weighted median, none)
#: and of stability note, and every status.
LABEL_RUNS = {
    **ROUND_TRIP,
    "l2-line": RunSpec(data=SAMPLES, model="line", penalty="l2", lam=0.5, learning_rate=0.05,
                       max_iterations=200),
    "mae-l2": RunSpec(cost="mae", penalty="l2", lam=0.5, max_iterations=50),
    "mae-tie": RunSpec(data=Dataset([1, 1], [1, 3]), cost="mae", max_iterations=20),
    "rmse-line": RunSpec(data=SAMPLES, model="line", cost="rmse", learning_rate=0.05,
                         max_iterations=50),
    "all-x-zero": RunSpec(data=Dataset([0, 0], [1, 2]), max_iterations=5),
    "all-x-equal-line": RunSpec(data=Dataset([2, 2], [1, 3]), model="line", max_iterations=5),
    "diverged": RunSpec(data=DOCUMENT, learning_rate=0.5),
    "stopped": RunSpec(data=DOCUMENT, max_iterations=10),
    "sine-valleys": RunSpec(data=EXAMPLES["nonconvex"], model="sine", start=(0.0,),
                            max_iterations=50),
    "adam-step": RunSpec(optimizer="adam", schedule="step", max_iterations=30),
    "momentum-features": RunSpec(data=EXAMPLES["features"], model="line", optimizer="momentum",
                                 learning_rate=0.0002, max_iterations=20),
    "sgd-shuffled": RunSpec(data=SAMPLES, model="line", batch_size=2, shuffle=True, seed=1,
                            learning_rate=0.05, max_iterations=30),
    # the notes a classifier's and the Huber cost's Summary can hold
    "logistic-separated": RunSpec(data=Dataset([-1, -0.5, 0.5, 1], [0, 0, 1, 1]),
                                  model="logistic", max_iterations=5),
    "logistic-l1": RunSpec(data=EXAMPLES["passfail"], model="logistic", penalty="l1",
                           lam=0.02, learning_rate=0.1, max_iterations=5),
    "huber-momentum": RunSpec(data=SAMPLES, model="line", cost="huber", delta=0.5,
                              optimizer="momentum", max_iterations=5),
    "huber-adam": RunSpec(data=SAMPLES, cost="huber", optimizer="adam", max_iterations=5),
    # one short run of every (model, cost) pair the model table allows: a new entry's words
    # are asked for as soon as it exists
    **{f"pair-{m}-{c}": RunSpec(data=EXAMPLES["passfail"] if rule.targets == "binary" else
                                EXAMPLES["nonconvex"] if rule.max_features == 1 else SAMPLES,
                                model=m, cost=c, max_iterations=5)
       for m, rule in MODEL_RULES.items() for c in rule.costs},
}


def _both(folder: Path, r: Run, name: str) -> tuple[Path, Path]:
    return (export_workbook(r, folder / f"{name}-en.xlsx"),
            export_workbook(r, folder / f"{name}-ko.xlsx", lang="ko"))


def _cells(wb: openpyxl.Workbook) -> dict[tuple[str, str], object]:
    return {(ws.title, c.coordinate): c.value.text if isinstance(c.value, ArrayFormula)
            else c.value for ws in wb for row in ws.iter_rows() for c in row
            if c.value is not None}


def _is_label(sheet: str, ref: str, en: str, r: Run) -> bool:
    """Whether the English workbook's text at (sheet, ref) is a label gdapp writes (not a
    setting's machine value, a defined name, the data's own names or the data source)."""
    column, row = ref.rstrip("0123456789"), int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if sheet == "Settings":
        return row == 1 or column in "AD"
    if sheet == "Data":   # row 1 names the features and the target as the data do
        return not (row == 1 and 2 <= column_index_from_string(column) <= r.spec.data.p + 2)
    if sheet == "Order":  # row 1 names the features and the target after three labels
        return column_index_from_string(column) <= 3
    if sheet == "Iterations":
        return en not in ("k", *r.spec.param_names)
    return en not in r.spec.data.feature_names   # the normal equations' rows are named so


@pytest.fixture(scope="module")
def pairs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, Path, Path]]:
    folder = tmp_path_factory.mktemp("korean")
    out = {}
    for name, spec in LABEL_RUNS.items():
        r = run(spec)
        out[name] = (r, *_both(folder, r, name))
    return out


def test_a_korean_workbook_differs_from_the_english_one_in_its_labels_only(pairs) -> None:
    ko = words("ko")
    statuses = set()
    for name, (r, en_path, ko_path) in pairs.items():
        en_book, ko_book = openpyxl.load_workbook(en_path), openpyxl.load_workbook(ko_path)
        en_cells, ko_cells = _cells(en_book), _cells(ko_book)
        assert en_cells.keys() == ko_cells.keys(), name
        for (sheet, ref), en in en_cells.items():
            got = ko_cells[sheet, ref]
            if not isinstance(en, str) or en.startswith("="):
                assert got == en, (name, sheet, ref)       # numbers and formulas: the same
            elif en in STATUS["en"] and sheet in ("Settings", "Summary") and ref[0] == "B":
                assert got == STATUS["ko"][en], (name, sheet, ref)
                statuses.add(en)
            elif _is_label(sheet, ref, en, r):
                assert got == ko.strict(en), (name, sheet, ref)  # strict: every label has one
            else:
                assert got == en, (name, sheet, ref)
        assert ko_book.sheetnames == en_book.sheetnames == \
            ["Settings", "Data", *(["Order"] if r.spec.minibatch else []), "Iterations",
             "Summary"]
        assert {n: d.attr_text for n, d in ko_book.defined_names.items()} == \
            {n: d.attr_text for n, d in en_book.defined_names.items()}
    assert statuses == {"converged", "diverged", "max_iterations"}


def test_the_korean_labels_use_the_notes_terms(pairs) -> None:
    _, _, path = pairs["rmse-l2"]
    wb = openpyxl.load_workbook(path)
    assert [c.value for c in wb["Settings"][1]] == \
        ["설정", "값", "정의된 이름", "설명", "내보낼 때의 값"]
    labels = [wb["Settings"].cell(r, 1).value for r in range(2, 12)]
    assert {"비용함수", "η (학습률)", "최대 반복 횟수", "허용 오차", "시작점 b1"} <= set(labels)
    assert [c.value for c in wb["Iterations"][1]][:4] == \
        ["k", "b1", "기울기 ∂(E+P)/∂b1", "비용 E (RMSE)"]
    summary = {wb["Summary"].cell(r, 1).value: wb["Summary"].cell(r, 2).value
               for r in range(2, 30)}
    assert summary["내보낼 때의 상태"] == "수렴"
    assert summary["정확한 최적해"] == ("L2 규제가 있는 RMSE에는 닫힌 형태의 해가 없다 (이분법). "
                                   "아래 값은 내보낼 때 gdapp이 계산한 값이다")
    chart_titles = [c.title.tx.rich.p[0].r[0].t for c in wb["Summary"]._charts]
    assert chart_titles == ["b1에 따른 목적함수와 경사하강법의 경로", "반복마다의 목적함수"]


def test_the_korean_workbook_reads_back_as_the_same_run(pairs) -> None:
    for name, (r, en_path, ko_path) in pairs.items():
        en, ko = read_workbook(en_path), read_workbook(ko_path)
        # an optimizer's hyper-parameters are written as the values used (ε = 1e-8 for
        # Adam where the spec said "the default"), so the run is what must be the same
        assert ko.spec == en.spec, name
        assert np.array_equal(run(ko.spec).params, r.params), name
        assert ko.iteration_rows == en.iteration_rows


def test_gnumeric_recomputes_a_korean_workbook_as_the_engine_did(pairs, tmp_path) -> None:
    runs = {}
    for name in ("note", "line-mae-l1", "rmse-l2"):
        r, _, ko_path = pairs[name]
        runs[name] = r
        subprocess.run(["ssconvert", "--recalc", str(ko_path), str(tmp_path / f"{name}.xlsx")],
                       check=True, capture_output=True, timeout=HANG_S)
    assert _mismatches(runs, tmp_path) == []


@pytest.mark.libreoffice
def test_export_lang_ko_then_verify_and_run_from_end_to_end(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ko, en = tmp_path / "ko.xlsx", tmp_path / "en.xlsx"
    flags = ["--penalty", "l1", "--lam", "1", "--eta", "0.1"]
    assert main(["export", *flags, "--lang", "ko", "-o", str(ko)]) == 0
    assert main(["export", *flags, "-o", str(en)]) == 0
    capsys.readouterr()
    assert main(["verify", str(ko)]) == 0                  # LibreOffice recalculates it
    assert "verdict: the workbook agrees with gdapp" in capsys.readouterr().out
    results = []
    for path in (ko, en):
        assert main(["run", "--from", str(path), "--json"]) == 0
        results.append(json.loads(capsys.readouterr().out))
    assert results[0] == results[1]
    assert results[0]["params"]["b1"] == pytest.approx(2.6)


def test_an_unknown_workbook_language_is_refused_in_one_sentence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--lang", "fr", "-o", str(tmp_path / "fr.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gdapp: error: ") and "'fr'" in err and err.count("\n") == 1
    with pytest.raises(ExportError, match="workbook language must be one of en, ko"):
        export_workbook(run(RunSpec()), tmp_path / "fr.xlsx", lang="fr")  # type: ignore[arg-type]
    assert not (tmp_path / "fr.xlsx").exists()
