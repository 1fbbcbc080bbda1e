"""Overfitting made visible: polynomial features of x, and samples held out of the fit.

**Polynomial features.** ``polynomial(data, D)`` turns one feature x into D features
x, x², …, x^D (named ``x``, ``x^2``, … after the feature's name), the parameters b1 … bD in
that order (scikit-learn's ``PolynomialFeatures(D, include_bias=False)``). A data set of
several features is refused: its powers and products would be a different lesson.

**Held-out samples.** ``split(data, F, seed)`` holds out round(F·n) samples (at least one),
chosen by ``numpy.random.default_rng(seed).permutation(n)`` — the first round(F·n) indices of
the permutation, in file order — and keeps the rest for training. The descent, the exact
optimum and any standardization use the training samples only; the test cost is the cost (no
penalty) of the same model on the held-out samples, computed by the same cost entry
(:mod:`gdapp.core.costs`). A split that leaves fewer than 2 training samples or no test
sample is refused in one sentence.

Standardizing after a split takes the mean and sd of the *training* samples and applies them
to both parts (:func:`standardize`), as a scaler fitted on the training rows would.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gdapp.core.dataset import DataError, Dataset, Scaling
from gdapp.core.messages import Message

#: The largest polynomial degree (x^15 of a value near 10 is 1e15, still exact in doubles).
MAX_DEGREE = 15


@dataclass(frozen=True, eq=False)
class Holdout:
    """The samples held out of a run, and which rows of the data file each part holds.

    Attributes
    ----------
    data : Dataset            the held-out samples, with the training samples' transform
    train_rows, test_rows : tuple of int   0-based rows of the data before the split
    fraction : float          the share asked for
    seed : int                the seed of the permutation
    """

    data: Dataset
    train_rows: tuple[int, ...]
    test_rows: tuple[int, ...]
    fraction: float
    seed: int

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Holdout) and self.data == other.data
                and self.train_rows == other.train_rows and self.test_rows == other.test_rows)

    def __hash__(self) -> int:
        return hash((self.train_rows, self.test_rows))


def polynomial(data: Dataset, degree: int) -> Dataset:
    """x, x², …, x^degree of the one feature x, as features b1 … b_degree."""
    if isinstance(degree, bool) or not isinstance(degree, int) or not 1 <= degree <= MAX_DEGREE:
        raise DataError(Message("the degree must be a whole number from 1 to {most}, got {got}",
                                most=str(MAX_DEGREE), got=repr(degree)))
    if data.p != 1:
        raise DataError(Message("polynomial features are made from one feature x; these data "
                                "have {p} ({names})", p=str(data.p),
                                names=", ".join(data.feature_names)))
    if data.scaling is not None:
        raise DataError(Message("make the powers of x before standardizing, not of z-scores"))
    x = data.x
    name = data.feature_names[0]
    columns = [x]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(2, degree + 1):
            columns.append(columns[-1] * x)   # x^k as x·x·…·x, as a spreadsheet's x^k
    X = np.column_stack(columns)
    names = [name, *(f"{name}^{k}" for k in range(2, degree + 1))]
    return Dataset(X, data.y, feature_names=names, y_name=data.y_name,
                   name=data.name if degree == 1 else f"{data.name}, degree {degree}",
                   encoding=data.encoding)


def split_rows(n: int, fraction: float, seed: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(training rows, held-out rows), each in file order (see the module docstring)."""
    try:
        f = float(fraction)
    except (TypeError, ValueError):
        raise DataError(Message("the test fraction must be a number, got {got}",
                                got=repr(fraction))) from None
    if not 0.0 < f < 1.0:
        raise DataError(Message("the test fraction must be between 0 and 1 (a share of the "
                                "samples), got {got}", got=str(fraction)))
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise DataError(Message("the split seed must be a whole number ≥ 0, got {got}",
                                got=repr(seed)))
    n_test = max(1, round(f * n))
    if n - n_test < 2:
        raise DataError(Message("a test fraction of {f} holds out {test} of the {n} samples, "
                                "leaving {train} to train on: at least 2 are needed",
                                f=f"{f:g}", test=str(n_test), n=str(n), train=str(n - n_test)))
    order = np.random.default_rng(seed).permutation(n)
    test = sorted(int(i) for i in order[:n_test])
    train = sorted(set(range(n)) - set(test))
    return tuple(train), tuple(test)


def _rows(data: Dataset, rows: tuple[int, ...], name: str) -> Dataset:
    idx = np.array(rows, dtype=np.intp)
    return Dataset(data.X[idx], data.y[idx], feature_names=data.feature_names,
                   y_name=data.y_name, name=name, scaling=data.scaling,
                   encoding=data.encoding)


def split(data: Dataset, fraction: float, seed: int = 0) -> tuple[Dataset, Holdout]:
    """The training samples and the :class:`Holdout` (see the module docstring)."""
    train_rows, test_rows = split_rows(data.n, fraction, seed)
    train = _rows(data, train_rows, f"{data.name}, training")
    test = _rows(data, test_rows, f"{data.name}, held out")
    return train, Holdout(test, train_rows, test_rows, float(fraction), int(seed))


def standardize(train: Dataset, holdout: Holdout | None, *, centre: bool
                ) -> tuple[Dataset, Holdout | None]:
    """Standardize the training samples by their own mean and sd, and the held-out ones by
    the *training* samples' (:meth:`Dataset.standardized` for the training part)."""
    z = train.standardized(centre=centre)
    if holdout is None or z.scaling is None:
        return z, holdout
    held = apply_scaling(holdout.data, z.scaling)
    return z, Holdout(held, holdout.train_rows, holdout.test_rows, holdout.fraction,
                      holdout.seed)


def apply_scaling(data: Dataset, scaling: Scaling) -> Dataset:
    """z = (x − c)/s with a given scaling (fitted on other samples)."""
    X = (data.X - np.array(scaling.centres)) / np.array(scaling.scales)
    return Dataset(X, data.y, feature_names=data.feature_names, y_name=data.y_name,
                   name=f"{data.name}, standardized", encoding=data.encoding, scaling=scaling)
