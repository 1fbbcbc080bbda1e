"""README.md's console examples are real output: every ``$ gdapp …`` line, run as a reader
would, prints what the README shows after it (``python tests/readme_runs.py README.md``
rewrites them after a change)."""

from __future__ import annotations

from pathlib import Path

import pytest
from readme_runs import ROOT, output_of, prepare, shown

pytestmark = pytest.mark.libreoffice  # the README proves a workbook with gdapp verify


def test_every_command_of_the_readme_prints_what_the_readme_shows(tmp_path: Path) -> None:
    prepare(tmp_path)
    runs = shown((ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(runs) >= 20
    for line, expected in runs:
        assert output_of(line, tmp_path) == expected, line
