"""The optimum a workbook holds as values: what the verifier checks an edited workbook's
Summary against.

An optimum Newton's method found (:mod:`gdapp.excel.optimum_rows`) is written as values
computed at export, beside live formulas of the objective and the gradient there. When a
setting or a sample the objective depends on is edited (δ, λ, a target), the engine's
optimum moves but the stored values do not — they describe the export, as the status at
export does. The verifier then takes the values the workbook holds (:func:`with_stored_optimum`)
and checks the live cells at them: the gradient there is what the sheet recomputes (no longer
≈ 0 when the optimum moved), and the report says so.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from gdapp.core import Objective, Run
from gdapp.core.messages import Message
from gdapp.excel.labels import in_every_language
from gdapp.excel.readback import WorkbookError, open_untrusted
from gdapp.excel.summary_row import AT_EXPORT

#: Methods whose optimum a workbook holds as values (summary.ITERATIVE).
_ITERATIVE = ("Newton", "proximal Newton")


def _stored(source: Path, names: tuple[str, ...]) -> tuple[float, ...] | None:
    """The optimum's values on the Summary sheet, or None when it holds none."""
    labels = {name: in_every_language(f"Optimum {name} ({AT_EXPORT})") for name in names}
    found: dict[str, float] = {}
    with open_untrusted(source, WorkbookError) as wb:
        if "Summary" not in wb.sheetnames:
            return None
        for row in wb["Summary"].iter_rows(min_row=2, max_col=2, values_only=True):
            for name, options in labels.items():
                value = row[1] if len(row) > 1 else None
                if row[0] in options and isinstance(value, int | float) \
                        and not isinstance(value, bool):
                    found[name] = float(value)
    if len(found) != len(names):
        return None
    return tuple(found[name] for name in names)


def with_stored_optimum(source: Path, run: Run) -> tuple[Run, str]:
    """``run`` with the optimum the workbook at ``source`` holds as values, when the engine
    finds its optimum by an iterative method and the stored values differ; and a note
    saying so ("" when they are the engine's)."""
    opt = run.optimum
    if opt.method not in _ITERATIVE and opt.params is not None:
        return run, ""
    stored = _stored(source, run.spec.param_names)
    if stored is None or (opt.params is not None and tuple(opt.params) == stored):
        return run, ""
    point = np.array([stored], dtype=np.float64)
    value = float(Objective.of(run.spec).value(point)[0])
    ours = opt.method in _ITERATIVE
    kept = replace(opt, params=stored, objective=value,
                   method=opt.method if ours else _ITERATIVE[0], note=opt.note if ours else "")
    now = Message("none") if opt.params is None else ", ".join(f"{v:.6g}" for v in opt.params)
    note = Message("note: the Summary's optimum ({stored}) was computed at export; with the "
                   "workbook's settings and data now the engine's is ({now}); the live "
                   "objective and gradient there were checked at the stored values",
                   stored=", ".join(f"{v:.6g}" for v in stored), now=now)
    return replace(run, optimum=kept), note
