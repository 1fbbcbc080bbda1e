"""The verdict is plain about what it did: a run sensitive to rounding says so in the verdict
line, its headline deviation covers every cell, and --strict refuses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gdapp.cli import main

pytestmark = pytest.mark.libreoffice

ROOT = Path(__file__).resolve().parents[1]


def test_rmse_at_an_exact_fit_agrees_only_within_rounding_and_strict_refuses(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "exact.csv"
    data.write_text("x,y\n1,1\n2,3\n3,5\n4,7\n", encoding="utf-8")
    book = tmp_path / "exact.xlsx"
    assert main(["export", "--data", str(data), "--model", "line", "--cost", "rmse",
                 "--eta", "0.05", "--iterations", "100", "-o", str(book)]) == 0
    capsys.readouterr()
    assert main(["verify", str(book), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["verdict"] == "agree" and d["sensitive_to_rounding"] > 0
    assert d["max_deviation"] > 1e-6  # the headline is over every cell, the widened ones too
    assert main(["verify", str(book)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "largest relative deviation 0.0" in lines[0]
    assert lines[-1].startswith("verdict: the workbook agrees with gdapp only within rounding")
    assert main(["verify", "--strict", str(book)]) == 1
    capsys.readouterr()
    # the note's own run is not sensitive: --strict agrees
    assert main(["verify", "--strict", "--json", str(ROOT / "workbooks" / "eta-0.1.xlsx")]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["verdict"] == "agree" and d["sensitive_to_rounding"] == 0
    assert d["max_deviation"] < 1e-12
