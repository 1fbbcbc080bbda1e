"""Mini-batches: which samples each update uses, the gradient over them, and when a
stochastic run stops.

With batch size B and n samples an epoch is ⌈n/B⌉ updates; batch j of an epoch takes the
samples at positions j·B … j·B + B − 1 of that epoch's order (the last batch may be smaller).
The order is 0 … n−1 at every epoch, or with ``shuffle`` a new permutation per epoch drawn
from ``numpy.random.default_rng(seed)`` — the same seed gives the same run, and a workbook
stores the orders, so a spreadsheet computes exactly the same batches.

The gradient of a batch is the cost's own gradient over its samples only (a mean over them,
for the linear models and the sine model alike);
the penalty's gradient is added once, by the loop. Rows of a run still record the objective
over every sample, so the plot shows the noisy descent of the real objective.

Stopping: a constant-η stochastic run never has |Δb| ≤ 1e−9 (each batch pulls elsewhere),
so a mini-batch run stops when, for ``PATIENCE`` epochs in a row, the objective over every
sample at the end of an epoch has not gone below the best end-of-epoch value by more than
tolerance·max(1, |best|) (scikit-learn's SGD rule, ``n_iter_no_change`` = 5).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from gdapp.core.costs import cost_rule
from gdapp.core.dataset import Dataset
from gdapp.core.models import model_rule

FloatArray = NDArray[np.float64]

#: Epochs in a row without a better objective that end a mini-batch run.
PATIENCE = 5


def batches_per_epoch(n: int, batch_size: int) -> int:
    """⌈n/B⌉."""
    return -(-n // batch_size)


class BatchGradient:
    """∂cost/∂b over the next batch at each call (the loop calls it once per update).

    ``orders`` keeps every epoch's order of the samples; :meth:`batch` gives the indices
    update t used.
    """

    def __init__(self, data: Dataset, model: str, cost: str, batch_size: int, shuffle: bool,
                 seed: int, settings: dict[str, float] | None = None) -> None:
        self.n, self.size = data.n, batch_size
        self.per_epoch = batches_per_epoch(data.n, batch_size)
        self.cost = cost_rule(cost)
        self.model = model_rule(model)
        self.settings = settings or {"delta": 1.0}
        self.linear = self.model.linear   # z = xa·b; else the model's own score
        columns = [data.X[:, j] for j in range(data.p)]
        if self.model.intercept:
            columns.insert(0, np.ones(data.n))
        self.xa = np.column_stack(columns)
        self.y = data.y
        self.rng = np.random.default_rng(seed) if shuffle else None
        self.orders: list[NDArray[np.intp]] = []
        # the cost's, update by update: tuples, or an (updates, q) array (compiled kernel)
        self.gradients: list[tuple[float, ...]] | FloatArray = []
        self.t = 0
        self._xa_epoch = self.xa
        self._y_epoch = self.y

    def _order(self, epoch: int) -> NDArray[np.intp]:
        while len(self.orders) <= epoch:
            order = (self.rng.permutation(self.n) if self.rng is not None
                     else np.arange(self.n))
            self.orders.append(order)
        return self.orders[epoch]

    def batch(self, t: int) -> NDArray[np.intp]:
        """The sample indices (0-based) of update t = 1, 2, …"""
        epoch, j = divmod(t - 1, self.per_epoch)
        return self._order(epoch)[j * self.size:(j + 1) * self.size]

    def __call__(self, *b: float) -> tuple[float, ...]:
        self.t += 1
        epoch, j = divmod(self.t - 1, self.per_epoch)
        if j == 0:  # a new epoch: its samples in order, so that each batch is a slice
            order = self._order(epoch)
            self._xa_epoch, self._y_epoch = self.xa[order], self.y[order]
        part = slice(j * self.size, (j + 1) * self.size)
        xa, y = self._xa_epoch[part], self._y_epoch[part]
        rule, model = self.cost, self.model
        if self.linear:
            z = xa @ np.array(b)
        else:  # a non-linear score (sine): z and ∂z/∂b from the model; ∂z/∂b takes xa's place
            row = np.array([b])
            z = model.raw(row, xa)[0]
            xa = np.column_stack([d[0] * np.ones(y.size) for d in model.raw_slopes(row, xa)])
        u = z if rule.on_raw else model.output(z)
        psi = rule.weights(y, u, self.settings)
        if not rule.on_raw and model.link != "identity":
            psi = psi * model.output_slope(z)
        m = y.size
        g = -(psi @ xa) / m                        # −(1/B)·Σ ψ·∂u/∂b
        if rule.outer:                             # ∂√MSE = ∂MSE/(2·√MSE)
            root = math.sqrt(float(np.mean(rule.values(y, u, self.settings))))
            g = g / (2.0 * root) if root > 0 else np.zeros_like(g)
        out = tuple(g.tolist())
        assert isinstance(self.gradients, list)
        self.gradients.append(out)
        return out


def epoch_stopping(per_epoch: int, objective: Callable[[tuple[float, ...]], float],
                   tol: float) -> Callable[[int, tuple[float, ...]], bool]:
    """The mini-batch stopping rule: asked after update k with the new iterate."""
    best = math.inf
    stale = 0

    def stop(k: int, b: tuple[float, ...]) -> bool:
        nonlocal best, stale
        if k % per_epoch:
            return False
        value = objective(b)
        if not math.isfinite(value):
            return False
        if value < best - tol * max(1.0, abs(best) if math.isfinite(best) else 1.0):
            best, stale = value, 0
            return False
        best = min(best, value)
        stale += 1
        return stale >= PATIENCE
    return stop


def epoch_rule(objective: FloatArray, per_epoch: int, tol: float
               ) -> tuple[FloatArray, NDArray[np.int64]]:
    """The stopping rule of :func:`epoch_stopping` row by row, as a workbook spells it out:
    the best end-of-epoch objective so far (the start's until the first epoch ends) and how
    many epochs in a row have not improved on it, after each row of a run's ``objective``
    (row 0 the start). The rule ends the run at the first row whose count reaches
    ``PATIENCE``."""
    m = objective.size
    best = np.full(m, objective[0])
    stale = np.zeros(m, dtype=np.int64)
    before, count = float(objective[0]), 0
    for k in range(per_epoch, m, per_epoch):  # (rows between two epochs' ends keep theirs)
        value = float(objective[k])
        if k == per_epoch or value < before - tol * max(1.0, abs(before)):
            count = 0
        else:
            count += 1
        before = value if k == per_epoch else min(before, value)
        best[k:k + per_epoch], stale[k:k + per_epoch] = before, count
    return best, stale
