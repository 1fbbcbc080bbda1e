"""Gnumeric's recalculation of exported workbooks, compared with the engine: the loop every
workbook differential shares (``ssconvert --recalc`` writes the recalculated copy)."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from gdapp.core import Run
from gdapp.excel import expected_cells
from gdapp.excel.compare import compare_workbooks


def recalculate(source: Path, folder: Path) -> Path:
    """Gnumeric's recalculated copy of ``source``, in ``folder`` under the same name."""
    out = folder / source.name
    subprocess.run(["ssconvert", "--recalc", str(source), str(out)], check=True,
                   capture_output=True, timeout=300)
    return out


def disagreements(runs: Mapping[str, Run], files: Sequence[Path], folder: Path
                  ) -> list[tuple[str, str | None]]:
    """(file name, first difference) of each workbook whose Gnumeric recalculation is not the
    engine's run ``runs[file stem]``; empty when all agree."""
    out = []
    for f in files:
        report = compare_workbooks(f, recalculate(f, folder), expected_cells(runs[f.stem]))
        if not report.agree:
            out.append((f.name, report.first_difference))
    return out
