"""The Order sheet of a mini-batch run: which samples each update's batch takes, stored so
that the spreadsheet computes exactly the engine's batches (:mod:`gdapp.core.batches`).

One row per sample an update used, in update order (row 1 holds the headers)::

    update k | epoch | sample | x1 … xp | y

``sample`` is the sample's number on the Data sheet (a constant: the engine's order, shuffled
or not); each feature and the target are ``INDEX`` formulas of the Data sheet's columns at
that number, so an edited sample on the Data sheet flows into every batch that holds it.
Update k's batch is the rows ``lo[k]`` … ``hi[k]``; its gradient on the Iterations sheet is
a ``SUMPRODUCT`` over those rows (:func:`gdapp.excel.layout.iteration_columns`), written
``OFFSET(Order!$D$1,skip,0,size)`` (``skip`` = lo − 1 rows below the header cell, ``size``
samples).

Why rows per update rather than a column per epoch: each batch is then one block of rows
that a learner can read off the formula, with no column chosen by the epoch.

Why ``OFFSET`` rather than the plain range ``Order!$D$14:$D$17``: LibreOffice (7.4, threaded
formula-group calculation on, its default) computes the plain-range version of a run longer
than about a hundred updates with ``#VALUE!`` in the cost column below (every cost and
objective cell from update 2 on; the parameters themselves come out right). Measured on a
200-update SGD run: with ``OFFSET`` — which LibreOffice does not compute in threads — every
cell equals the engine's, in LibreOffice with and without threading and in Gnumeric.
(``INDEX(…):INDEX(…)`` ranges fail like the plain ones.) ``OFFSET`` is volatile in Excel,
which only means Excel recomputes these cells after every edit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from openpyxl.utils import get_column_letter

from gdapp.core import Run
from gdapp.excel import formulas as fx

#: The Order sheet's first sample row (row 1 holds the headers).
ORDER_FIRST_ROW = 2


@dataclass(frozen=True)
class Order:
    """Where a mini-batch run's batches sit (see the module docstring): the three constant
    columns row by row, and update k's rows ``lo[k]`` … ``hi[k]`` (row 0: the start, unused).
    """

    update: NDArray[np.intp]
    epoch: NDArray[np.intp]
    sample: NDArray[np.intp]          # 1-based, as the Data sheet numbers them
    lo: NDArray[np.intp]
    hi: NDArray[np.intp]

    def samples(self, p: int) -> fx.Samples:
        """The batch's ranges, for the formulas of a row (filled in by :meth:`keys`)."""
        return fx.Samples(tuple(self.range(3 + j) for j in range(p)), self.range(3 + p))

    @staticmethod
    def range(index: int) -> str:
        """Column ``index`` (0-based) over the rows of one batch (``{skip}``, ``{size}``
        filled in row by row: :meth:`keys`)."""
        letter = get_column_letter(index + 1)
        return f"OFFSET({fx.ORDER_SHEET}!${letter}$1,{{skip}},0,{{size}})"

    def keys(self, k: int) -> dict[str, int]:
        """The batch of update k as :meth:`range` spells it."""
        return {"skip": int(self.lo[k]) - 1, "size": int(self.hi[k] - self.lo[k]) + 1}


def order_plan(run: Run) -> Order | None:
    """Where a mini-batch run's batches sit on the Order sheet (None for a full-batch run)."""
    if run.batches is None:
        return None
    m = int(run.params.shape[0])
    per_epoch = run.batches.per_epoch
    parts = [run.batch(t) for t in range(1, m)]
    sizes = np.array([len(b) for b in parts], dtype=np.intp)
    hi = ORDER_FIRST_ROW - 1 + np.concatenate([[0], np.cumsum(sizes)])
    lo = np.concatenate([[0], hi[:-1] + 1])
    updates = np.repeat(np.arange(1, m, dtype=np.intp), sizes)
    sample = (np.concatenate(parts) + 1 if parts else np.zeros(0)).astype(np.intp)
    return Order(updates, (updates - 1) // per_epoch + 1, sample, lo.astype(np.intp),
                 hi.astype(np.intp))
