"""A stopping rule decided by one unit in the last place: RMSProp at η = 0.3 with a tolerance
of 1e-300 converges in the engine at k = 247 (b1 = 2.8000000000000003) while LibreOffice's
iterate lands on 2.8 and flags another row. The workbook still agrees, and verify says in one
sentence where each stopped and why."""

from __future__ import annotations

import re

import pytest

from gdapp.core import make_spec, run
from gdapp.excel import export_workbook
from gdapp.excel.verify import verify_workbook


@pytest.mark.libreoffice
@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_verify_says_plainly_where_the_stopping_rule_fired(tmp_path) -> None:
    spec = make_spec(optimizer="rmsprop", learning_rate=0.3, max_iterations=400,
                     tolerance=1e-300)
    r = run(spec)
    assert r.status == "converged" and r.converged_at == 247
    report = verify_workbook(export_workbook(r, tmp_path / "r.xlsx"))
    assert report.agree, report.first_difference
    said = [n for n in report.notes if "stopping rule fired" in n]
    assert len(said) == 1
    found = re.search(r"Iterations used ([\d,]+)\) than in the engine \(([\d,]+)\)", said[0])
    assert found is not None, said[0]
    workbook, engine = (int(g.replace(",", "")) for g in found.groups())
    assert engine == r.converged_at and workbook != engine
    assert "within rounding of the tolerance (1e-300)" in said[0]
    assert "the parameters agree within rounding" in said[0]
    assert said[0].count(". ") == 0          # one sentence
