"""The regularization path as a workbook: its formulas check every row's optimality, in
LibreOffice and in Gnumeric, and catch a coefficient that is not optimal."""

from __future__ import annotations

import subprocess
import warnings
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from patience import HANG_S

from gdapp.cli import main
from gdapp.core import DOCUMENT, features_example, regularization_path
from gdapp.core.objective import direct_gradient
from gdapp.excel.path_workbook import export_path
from gdapp.excel.recalc import recalculate_all

pytestmark = pytest.mark.libreoffice

CASES = {
    "features-l1": (features_example(), "line", "l1"),
    "features-l2": (features_example(), "line", "l2"),
    "note-l1": (DOCUMENT, "origin", "l1"),
}


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each case exported, plus one with a coefficient moved off the optimum, recalculated
    by LibreOffice in one launch: name → (original, recalculated)."""
    folder = tmp_path_factory.mktemp("paths")
    written = {}
    for name, (data, model, penalty) in CASES.items():
        path = regularization_path(data, model, penalty)
        written[name] = export_path(path, data, model, folder / f"{name}.xlsx")
    tampered = folder / "tampered.xlsx"
    wb = openpyxl.load_workbook(written["features-l1"])
    wb["Path"]["D12"] = wb["Path"]["D12"].value + 0.01  # b2 at the 11th λ
    wb.save(tampered)
    written["tampered"] = tampered
    names = list(written)
    copies = recalculate_all([written[n] for n in names], folder / "out")
    return {n: (written[n], c) for n, c in zip(names, copies, strict=True)}


def _rows(book: Path) -> list[tuple[object, ...]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Gnumeric's files carry no default style
        ws = openpyxl.load_workbook(book, data_only=True)["Path"]
    return list(ws.iter_rows(min_row=2, values_only=True))


@pytest.mark.parametrize("name", list(CASES))
def test_every_row_of_the_path_is_optimal_in_libreoffice(
        books: dict[str, tuple[Path, Path]], name: str) -> None:
    data, model, penalty = CASES[name]
    path = regularization_path(data, model, penalty)
    rows = _rows(books[name][1])
    assert len(rows) == path.lambdas.size == 50
    assert all(row[-1] is True for row in rows)
    q = len(path.param_names)
    slopes = np.array([row[1 + q:1 + 2 * q] for row in rows], dtype=float)
    engine = direct_gradient("mse", path.params, data)
    np.testing.assert_allclose(slopes, engine, rtol=1e-9, atol=1e-9 * path.lambda_max)


def test_a_coefficient_moved_off_the_optimum_fails_its_rows_check(
        books: dict[str, tuple[Path, Path]]) -> None:
    rows = _rows(books["tampered"][1])
    assert [i for i, row in enumerate(rows) if row[-1] is not True] == [10]


def test_gnumeric_checks_the_path_alike(books: dict[str, tuple[Path, Path]],
                                        tmp_path: Path) -> None:
    original = books["features-l1"][0]
    out = tmp_path / "gnumeric.xlsx"
    subprocess.run(["ssconvert", "--recalc", str(original), str(out)], check=True,
                   capture_output=True, timeout=HANG_S)
    assert all(row[-1] is True for row in _rows(out))


def test_cli_path_writes_the_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    target = tmp_path / "path.xlsx"
    assert main(["path", "--penalty", "l2", "--lambdas", "0.5,1", "-o", str(target)]) == 0
    assert capsys.readouterr().out.rstrip().endswith(f"wrote {target} (2 λ rows)")
    ws = openpyxl.load_workbook(target)["Path"]
    assert [c.value for c in ws[1]][:2] == ["λ", "b1"]
    assert ws["B2"].value == pytest.approx(14 / 6) and ws["B3"].value == pytest.approx(2.0)
    assert str(ws["C2"].value).startswith("=-2*SUMPRODUCT(x1_data,")
    assert len(ws._charts) == 1
