"""What every workbook differential shares: export a run per case, and Gnumeric's
recalculation of each workbook compared with the engine (``ssconvert --recalc`` writes the
recalculated copy; LibreOffice's is ``gdapp.excel.verify.verify_workbooks``)."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from patience import HANG_S

from gdapp.core import Run, make_spec, run
from gdapp.excel import expected_cells, export_workbook
from gdapp.excel.compare import compare_workbooks


def export_cases(cases: Mapping[str, Mapping[str, object]], folder: Path
                 ) -> tuple[dict[str, Run], list[Path]]:
    """Run each case (``make_spec`` settings) and export it to ``folder/<name>.xlsx``."""
    runs, files = {}, []
    for name, settings in cases.items():
        runs[name] = run(make_spec(**settings))
        files.append(export_workbook(runs[name], folder / f"{name}.xlsx"))
    return runs, files


def recalculate(source: Path, folder: Path) -> Path:
    """Gnumeric's recalculated copy of ``source``, in ``folder`` under the same name."""
    out = folder / source.name
    subprocess.run(["ssconvert", "--recalc", str(source), str(out)], check=True,
                   capture_output=True, timeout=HANG_S)
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
