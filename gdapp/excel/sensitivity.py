"""How far equally valid re-runs of the engine stray: the tolerance of a run that is
sensitive to rounding (:func:`sensitivity_of`, used by :mod:`gdapp.excel.verify`).

A run whose engine path moves as far as a workbook's when η or a sample is moved by a unit
in the last place is rounding noise there, not a wrong workbook: from the row where the
re-runs part, its cells are compared within their spread, and the verdict says the workbook
agrees only within rounding (``gdapp verify --strict`` refuses that).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from gdapp.core import Dataset, Run, RunSpec, rerun_for_rows
from gdapp.excel.layout import Column, iteration_columns
from gdapp.excel.tolerance import RELATIVE_TOLERANCE, SPREAD_FACTOR, Sensitivity

__all__ = ["CHAOS_ULPS", "PERTURBATION_ULPS", "sensitivity_of"]


#: The engine's re-runs move η by this many units in the last place, up and down.
PERTURBATION_ULPS = 4
#: Where those show the run is chaotic, the tolerance comes from re-runs moved this much:
#: near an exact fit numpy and a spreadsheet round RMSE's gradient apart by far more than
#: 4 ulps a step, and a chaotic run grows that difference as fast as any other.
CHAOS_ULPS = 4096


def sensitivity_of(spec: RunSpec, engine_run: Run) -> Sensitivity | None:
    """How far equally valid re-runs of the engine stray from ``engine_run`` (the run of
    ``spec`` for the workbook's rows), per Iterations column and iterate; None where that
    never comes near the tolerance.

    The re-runs take η a few units in the last place up and down (as rounding every step
    η·g differently would), and every sample one unit in the last place up and down (as a
    spreadsheet's rounding of a difference of them may): a contracting run forgets that at
    once, a chaotic one (RMSE or MAE bouncing around an optimum with a fixed η, a centred
    RMSProp whose v − a² cancels) amplifies it as it amplifies the difference between
    numpy's and the spreadsheet's rounding. A column's spread is relative
    to its largest size so far (parameters, steps and z: to the parameters'), kept as a
    running maximum; a re-run that diverges earlier keeps its last spread.
    """
    small = _spreads(spec, engine_run, PERTURBATION_ULPS)
    if not small or all(SPREAD_FACTOR * float(s[-1]) <= RELATIVE_TOLERANCE
                        for s in small.values()):
        return None
    # chaotic: from the first iterate where the tiny nudge shows in any column (the columns
    # move together), numpy's and the spreadsheet's rounding (which may differ by far more
    # than 4 ulps a step near an exact fit) are measured by a nudge of CHAOS_ULPS; before
    # it, by the tiny one
    onset = min(int(np.argmax(SPREAD_FACTOR * s > RELATIVE_TOLERANCE)) for s in small.values()
                if SPREAD_FACTOR * float(s[-1]) > RELATIVE_TOLERANCE)
    large = _spreads(spec, engine_run, CHAOS_ULPS)
    spreads = {}
    for c, tiny in small.items():
        wide = large.get(c)
        spreads[c] = tiny if wide is None else np.concatenate(
            [tiny[:onset], np.maximum(tiny[onset:], wide[onset:])])
    columns = iteration_columns(engine_run)
    _parted_paths(spreads, columns, spec)
    final = max((float(spreads[i + 1][-1]) for i, c in enumerate(columns)
                 if i + 1 in spreads and (c.header in spec.param_names
                                          or c.header.startswith(("cost", "objective")))),
                default=0.0)
    return Sensitivity(spreads, final)


#: Where the re-runs' parameters stand this far apart (relative), the paths have parted.
PARTED = 1e-6


def _parted_paths(spreads: dict[int, NDArray[np.float32]], columns: list[Column],
                  spec: RunSpec) -> None:
    """From the row where the re-runs' parameters have parted, any other column (gradient,
    cost, state…) may hold whatever its size allows: an MAE gradient is ±(1/n)·Σ|x| on one
    path and its opposite on the next, so its own re-runs, which may happen to agree at a
    row, say nothing about the workbook's path there."""
    params = [spreads[i + 1] for i, c in enumerate(columns)
              if c.header in spec.param_names and i + 1 in spreads]
    if not params:
        return
    parted = np.maximum.reduce(params) > PARTED
    for i, column in enumerate(columns):
        if i + 1 in spreads and column.header not in spec.param_names:
            spreads[i + 1] = np.where(parted, np.maximum(spreads[i + 1], 2.0),
                                      spreads[i + 1]).astype(np.float32)


def _spreads(spec: RunSpec, engine_run: Run, ulps: int) -> dict[int, NDArray[np.float32]]:
    """Per Iterations column, the running largest relative spread of two re-runs with η
    moved ``ulps`` units in the last place up and down (see :func:`sensitivity_of`)."""
    rows = int(engine_run.params.shape[0])
    variants = _nudged(spec, ulps)
    # the re-runs are compared with a run of the unmoved spec made here, not with the run
    # under verification: a spread measures the engine's rounding, never its difference from
    # the run it judges (an engine that disagrees with the workbook must not widen it)
    try:
        base = rerun_for_rows(spec, rows)
    except ValueError:
        base = engine_run
    columns = iteration_columns(base)
    size = np.maximum.accumulate(np.max(np.abs(base.params), axis=1))
    spreads: dict[int, NDArray[np.float32]] = {}
    for variant in variants:
        try:
            other = rerun_for_rows(variant, rows)
        except ValueError:
            continue
        for index, (mine, theirs) in enumerate(
                zip(columns, iteration_columns(other), strict=True)):
            if mine.expected is None or theirs.expected is None \
                    or mine.expected.dtype == np.bool_:
                continue
            like_params = mine.header in spec.param_names or mine.header.startswith(
                ("step", "z "))
            spread = _relative_spread(np.asarray(mine.expected, dtype=np.float64),
                                      np.asarray(theirs.expected, dtype=np.float64),
                                      size if like_params else None)
            before = spreads.get(index + 1)
            spreads[index + 1] = spread if before is None else np.maximum(before, spread)
        del other
    return spreads


def _nudged(spec: RunSpec, ulps: int) -> list[RunSpec]:
    """The re-runs of :func:`_spreads`: η moved ``ulps`` units in the last place up and
    down; with the tiny nudge also every sample (features and target) moved one unit in the
    last place up and down, as a spreadsheet's rounding of a difference of them may (in a
    run where v − a² cancels to a few ulps, that moves the path as far as the workbook's)."""
    nudge = ulps * float(np.finfo(np.float64).eps)
    variants = [replace(spec, learning_rate=spec.learning_rate * (1 + sign * nudge))
                for sign in (1, -1)]
    if ulps == PERTURBATION_ULPS:
        data = spec.data
        for way in (np.inf, -np.inf):
            try:
                moved = Dataset(np.nextafter(data.X, way), np.nextafter(data.y, way),
                                feature_names=data.feature_names, y_name=data.y_name,
                                name=data.name, scaling=data.scaling)
            except ValueError:          # an ulp past the largest finite number
                continue
            variants.append(replace(spec, data=moved))
    return variants


def _relative_spread(mine: NDArray[np.float64], theirs: NDArray[np.float64],
                     size: NDArray[np.float64] | None) -> NDArray[np.float32]:
    """|mine − theirs| relative to ``size`` (default: the column's largest size so far),
    as a running maximum; rows past the shorter run (which diverged) keep the last spread."""
    rows = mine.size
    m = min(rows, theirs.size)
    a, b = np.nan_to_num(mine[:m]), np.nan_to_num(theirs[:m])
    scale = np.maximum(np.maximum.accumulate(np.abs(a)), np.abs(b)) if size is None \
        else size[:m]
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        relative = np.where(scale > 0, np.abs(a - b) / scale, 0.0)
    relative = np.maximum.accumulate(np.nan_to_num(relative, nan=1.0, posinf=1.0))
    if m < rows:
        relative = np.concatenate([relative, np.full(rows - m, relative[-1] if m else 1.0)])
    return np.asarray(relative, dtype=np.float32)
