"""The workbook's notation is the window's: λ is the penalty's strength only; the curvature in
the stability limit and the safe bound is L ("2/L", "L: the largest eigenvalue of H"), in
English and in Korean; and a coefficient is not called a slope (기울기 is the gradient)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from gdapp.core import DOCUMENT, EXAMPLES, RunSpec, run
from gdapp.excel import export_workbook

RUNS = {
    "note": RunSpec(data=DOCUMENT, max_iterations=20),
    "momentum": RunSpec(data=DOCUMENT, optimizer="momentum", max_iterations=20),
    "features": RunSpec(data=EXAMPLES["features"], model="line", penalty="l2", lam=0.5,
                        learning_rate=0.0005, max_iterations=20),
    "logistic": RunSpec(data=EXAMPLES["passfail"], model="logistic", max_iterations=20),
}


def _texts(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [cell.value for sheet in book.worksheets for row in sheet.iter_rows()
            for cell in row if isinstance(cell.value, str)]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("name", list(RUNS))
def test_lambda_is_the_penalty_only_and_the_curvature_is_l(tmp_path: Path, lang: str,
                                                           name: str) -> None:
    texts = _texts(export_workbook(run(RUNS[name]), tmp_path / f"{name}.xlsx", lang=lang))
    assert not [t for t in texts if "λmax" in t or "λ_max" in t]
    assert any("2/L" in t or "2μ)/L" in t for t in texts)
    if lang == "ko":
        assert not [t for t in texts if "기울기" in t and ("0 쪽으로" in t or "계수" in t)]
