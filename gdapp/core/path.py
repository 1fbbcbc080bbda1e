"""The regularization path: the exact optimum of MSE + penalty at each of many λ.

``auto`` λ values follow scikit-learn's ``lasso_path``: 50 values, equally spaced in log λ,
from λ_max — the smallest λ at which every L1 slope is 0, (2/n)·max_j |Σ_i u_ij·v_i| with u, v
centred for ``line`` — down to 1e−3·λ_max; L2 uses the same grid, so the two paths can be
drawn side by side (the note's table "L1 vs L2" made visible: L1 slopes reach exactly 0 one
by one, L2 slopes shrink but never reach it). L1 fits are warm-started from the previous λ.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from gdapp.core.dataset import Dataset
from gdapp.core.lasso import geometric_grid, lambda_max, lasso
from gdapp.core.messages import Message
from gdapp.core.models import model_rule
from gdapp.core.objective import direct_cost
from gdapp.core.optimum import Design
from gdapp.core.spec import model_param_names

FloatArray = NDArray[np.float64]

#: How many λ values ``auto`` gives, and how far down it goes (a share of λ_max).
AUTO_COUNT = 50
AUTO_RATIO = 1e-3

PATH_PENALTIES = ("l1", "l2")


@dataclass(frozen=True, eq=False)
class RegularizationPath:
    """The exact optimum at each λ.

    Attributes
    ----------
    penalty : "l1" or "l2"
    lambdas : ndarray of shape (L,)       in the order given (auto: decreasing)
    params : ndarray of shape (L, q)      columns ``param_names`` (b0 first for ``line``)
    param_names, features : tuple of str
    unique : ndarray of shape (L,), bool  False where the optimum is not unique (L1 with
                                          dependent features): that row is one of many
    gaps : ndarray of shape (L,)          KKT gap of each L1 fit, relative to λ_max (L2: 0)
    lambda_max : float                    the smallest λ with every L1 slope 0
    """

    penalty: str
    lambdas: FloatArray
    params: FloatArray
    param_names: tuple[str, ...]
    features: tuple[str, ...]
    unique: NDArray[np.bool_]
    gaps: FloatArray
    lambda_max: float

    def slopes(self) -> FloatArray:
        """The slopes b1 … bp at each λ, shape (L, p)."""
        return self.params[:, len(self.param_names) - len(self.features):]

    def zero_from(self) -> list[float | None]:
        """For each feature, the smallest λ of the path from which on (all larger λ of the
        path included) its slope is exactly 0 — where the feature has left the model; None
        when it is non-zero at the largest λ."""
        order = np.argsort(self.lambdas)
        out: list[float | None] = []
        for col in self.slopes()[order].T:
            nonzero = np.flatnonzero(col != 0)
            if nonzero.size == 0:
                out.append(float(self.lambdas[order][0]))
            elif nonzero[-1] == col.size - 1:
                out.append(None)
            else:
                out.append(float(self.lambdas[order][nonzero[-1] + 1]))
        return out


def auto_lambdas(data: Dataset, model: str) -> FloatArray:
    """The ``auto`` grid: AUTO_COUNT values from λ_max down to AUTO_RATIO·λ_max."""
    design = Design.of(data, model)
    return geometric_grid(lambda_max(design.t, data.n), AUTO_COUNT, AUTO_RATIO)


def regularization_path(data: Dataset, model: str, penalty: str,
                        lambdas: Sequence[float] | FloatArray | None = None
                        ) -> RegularizationPath:
    """The exact optimum of MSE + penalty at each λ (``None``: the auto grid).

    Raises ``ValueError`` for a penalty other than L1/L2, a negative or non-finite λ, or
    data whose auto grid is empty (every slope is 0 already at λ = 0: y is constant).
    """
    if penalty not in PATH_PENALTIES:
        raise ValueError(Message("the regularization path needs a penalty: --penalty l1 or l2"))
    design = Design.of(data, model)
    n, p = data.n, data.p
    top = lambda_max(design.t, n)
    if lambdas is None:
        grid = geometric_grid(top, AUTO_COUNT, AUTO_RATIO)
        if grid.size == 0:
            raise ValueError(Message("every slope is 0 at any λ (the target does not vary with "
                                     "the features): there is no path to draw"))
    else:
        grid = np.array(lambdas, dtype=np.float64).reshape(-1)
        if grid.size == 0:
            raise ValueError(Message("give at least one λ"))
        bad = grid[~(np.isfinite(grid) & (grid >= 0))]
        if bad.size:
            raise ValueError(Message("λ must be a finite number ≥ 0, got {got}", got=f"{bad[0]:g}"))
        limit = max(MAX_PATH_LAMBDA, 1e3 * top)   # data of huge values have a huge λ_max
        big = grid[grid > limit]
        if big.size:
            raise ValueError(_too_large(float(big[0]), limit))
    slopes = np.zeros((grid.size, p))
    unique = np.ones(grid.size, dtype=bool)
    gaps = np.zeros(grid.size)
    warm: FloatArray | None = None
    full_rank = bool(np.linalg.matrix_rank(design.g, hermitian=True) == p)
    for i, lam in enumerate(grid):
        if penalty == "l2":
            unique[i] = lam > 0 or full_rank
            slopes[i] = (np.linalg.solve(design.g + n * lam * np.eye(p), design.t) if unique[i]
                         else np.linalg.lstsq(design.g, design.t, rcond=None)[0])
        else:
            fit = lasso(design.g, design.t, n, float(lam), warm)
            slopes[i], unique[i], gaps[i] = fit.slopes, fit.unique, fit.gap
            warm = fit.slopes
    names = model_param_names(model, p)
    if model_rule(model).intercept:
        b0 = np.array([data.intercept(row.tolist()) for row in slopes])
        params: FloatArray = np.column_stack([b0, slopes])
    else:
        params = slopes
    broken = ~(np.all(np.isfinite(params), axis=1) & np.isfinite(gaps))
    if broken.any():  # never a row of NaN (nor a <v>nan</v> cell in its workbook)
        raise ValueError(_too_large(float(grid[np.argmax(broken)]),
                                    float(grid[~broken].max()) if (~broken).any()
                                    else MAX_PATH_LAMBDA))
    return RegularizationPath(penalty, grid, params, names, data.feature_names, unique,
                              gaps, top)


#: λ up to this (or 1,000 times λ_max, if larger) is taken: beyond, the optimum's arithmetic
#: (n·λ, and 2·λ·b in a workbook) may overflow.
MAX_PATH_LAMBDA = 1e100


def _too_large(lam: float, limit: float) -> str:
    return Message("λ = {lam} is too large to compute the optimum at (its arithmetic "
                   "overflows): give λ values up to {limit}", lam=f"{lam:g}", limit=f"{limit:g}")


@dataclass(frozen=True, eq=False)
class ValidationCurve:
    """The cost (MSE, no penalty) of each λ's optimum on the training and the held-out
    samples, and the λ whose held-out cost is lowest (the first such, in the path's order)."""

    train_cost: FloatArray
    test_cost: FloatArray
    best_lambda: float
    best_index: int


def validation_curve(path: RegularizationPath, train: Dataset, held_out: Dataset,
                     model: str) -> ValidationCurve:
    """Training and test costs along a path (see :class:`ValidationCurve`)."""
    train_cost = direct_cost("mse", path.params, train, model)
    test_cost = direct_cost("mse", path.params, held_out, model)
    best = int(np.argmin(test_cost))
    return ValidationCurve(train_cost, test_cost, float(path.lambdas[best]), best)
