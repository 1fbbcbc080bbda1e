"""The workbook gdapp writes for a run, as the verifier compares every other cell with it.

Verify accounts for each cell that is not a formula it compares (labels, explanations,
constants: :mod:`gdapp.excel.accounting`) by walking the workbook beside the one gdapp writes
for the same run. Writing that reference for the whole run would cost as much as the export
(a million rows), and nothing outside the Iterations sheet's first rows depends on how long
the run is — except prose that speaks of the run's end: "Iterations used" says when the
tolerance is finer than the rounding of the final b, and how fine that rounding is (about
6e−16 at b ≈ 2.8). A two-row rerun states that of its first update instead, so an unedited
workbook drew a note that its text differed.

:func:`reference_workbook` therefore writes the two-row run with the real run's last iterate
and status in place of its own: the text beside the formulas is then the text the export
wrote, while its formulas (which the verifier compares with the engine, not with this file)
are unchanged. The values the reference stores for those formulas are not read.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from gdapp.core import Run, rerun_for_rows
from gdapp.excel.export import export_workbook
from gdapp.excel.labels import Language

__all__ = ["reference_run", "reference_workbook"]


def reference_run(run: Run) -> Run:
    """A two-row rerun of ``run``'s settings that ends where ``run`` ends (its last iterate,
    its status) and holds its exact optimum: what the export writes around the formulas."""
    short = rerun_for_rows(run.spec, 2)
    params = np.array(short.params, copy=True)
    params[-1] = run.params[-1]
    return replace(short, params=params, status=run.status, optimum=run.optimum)


def reference_workbook(run: Run, path: Path, *, lang: Language) -> Path:
    """Write :func:`reference_run` of ``run`` to ``path`` in ``lang``; return the path."""
    return export_workbook(reference_run(run), path, lang=lang)
