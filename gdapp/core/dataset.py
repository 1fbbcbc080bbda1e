"""A data set: samples of p ≥ 1 features and one target (:class:`Dataset`), immutable.

Its arrays are read-only copies, so a run that holds it can never see the data change
under it. Reading files lives in :mod:`gdapp.core.data` (CSV) and :mod:`gdapp.excel` (.xlsx).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from numpy.typing import ArrayLike, NDArray

from gdapp.core.messages import Message

FloatArray = NDArray[np.float64]

#: Largest size of a sample value: squares and sums of squares of up to 1e100 stay finite.
MAX_ABS_VALUE = 1e100
#: Smallest size of a non-zero sample value (0 itself is allowed): squares and products of
#: smaller values underflow towards 0, and the run would treat the samples as zeros.
MIN_ABS_VALUE = 1e-100

class DataError(ValueError):
    """The samples cannot be used; the message says why in the learner's terms."""


@dataclass(frozen=True)
class Scaling:
    """How standardized features were made from the original ones: z_j = (x_j − c_j)/s_j.

    A model fitted on z, ŷ = b0 + Σ bj·zj, is on the original scale ŷ = b0' + Σ bj'·xj with
    bj' = bj/s_j and b0' = b0 − Σ bj·c_j/s_j (centres are 0 when only the scale changed)."""

    centres: tuple[float, ...]
    scales: tuple[float, ...]

    def original(self, params: Sequence[float], model: str) -> tuple[float, ...]:
        """Parameters on the z scale → on the original scale (b0 first for a model with an
        intercept, which one more parameter than features tells)."""
        first = 1 if len(params) > len(self.scales) else 0
        slopes = [b / s for b, s in zip(params[first:], self.scales, strict=True)]
        if not first:
            return tuple(slopes)
        b0 = params[0] - sum(b * c for b, c in zip(slopes, self.centres, strict=True))
        return (b0, *slopes)


#: Most features a data set may have (each becomes a column of the workbook and a parameter).
MAX_FEATURES = 50


@dataclass(frozen=True, eq=False)
class Dataset:
    """Samples of p ≥ 1 features x1 … xp and one target ``y``.

    Parameters
    ----------
    x : array_like of shape (n_samples,) or (n_samples, n_features)
        Finite numbers, n_samples >= 1; a 1-D array is one feature (the note's case).
    y : array_like of shape (n_samples,)
    x_name : str
        The name of the one feature (when ``feature_names`` is not given).
    feature_names : sequence of str, optional
        One name per feature, in the order of the columns of ``x`` (default ``x_name`` for
        one feature, ``x1`` … ``xp`` for several).
    y_name : str
        The target's column name.
    name : str
        Where the samples came from: ``"document"`` or a file name.
    encoding : str or None
        The text encoding a CSV file was read in when it was not UTF-8 (``"cp949"``,
        ``"utf-16"``…; see :func:`gdapp.core.encodings.decode_text`), else None. It
        describes the file, not the samples: it takes no part in comparisons.

    ``X`` holds the features as an array of shape (n, p) whose columns are contiguous (so a
    column's sums are the same pairwise sums as a 1-D array's); ``x`` is the one feature of
    a one-feature data set.
    """

    X: FloatArray
    y: FloatArray
    feature_names: tuple[str, ...]
    y_name: str = "y"
    name: str = "data"
    scaling: Scaling | None = None
    encoding: str | None = field(default=None, compare=False)
    _fingerprint: bytes = field(default=b"", repr=False, compare=False)

    def __init__(
        self,
        x: ArrayLike,
        y: ArrayLike,
        *,
        x_name: str = "x",
        y_name: str = "y",
        name: str = "data",
        feature_names: Sequence[str] | None = None,
        scaling: Scaling | None = None,
        encoding: str | None = None,
    ) -> None:
        xa = np.array(x, dtype=np.float64, copy=True)
        if xa.ndim <= 1:
            xa = xa.reshape(-1, 1)
        elif xa.ndim > 2:
            raise DataError(Message("the features must form a table: one row per sample"))
        ya = np.array(y, dtype=np.float64, copy=True).reshape(-1)
        n, p = xa.shape
        if p == 0:
            raise DataError(Message("there are no features: at least one x column is needed"))
        if p > MAX_FEATURES:
            raise DataError(Message("{p} features are more than gdapp handles (at most {most})",
                                    p=str(p), most=str(MAX_FEATURES)))
        if n != ya.size:
            raise DataError(Message("x has {n} values but y has {m}; they must pair up"
                                    if p == 1 else "the features have {n} values but y has "
                                    "{m}; they must pair up", n=str(n), m=str(ya.size)))
        if n == 0:
            raise DataError(Message("there are no samples: at least one (x, y) pair is needed"))
        if feature_names is None:
            names = (str(x_name) or "x",) if p == 1 else tuple(f"x{j + 1}" for j in range(p))
        else:
            names = tuple(str(f) for f in feature_names)
            if len(names) != p:
                raise DataError(Message("{n} feature names for {p} feature columns",
                                        n=str(len(names)), p=str(p)))
            names = tuple(f or (f"x{j + 1}" if p > 1 else "x") for j, f in enumerate(names))
        columns = np.ascontiguousarray(xa.T)  # (p, n): each feature contiguous
        labels = ["x"] if p == 1 else [Message("feature {name}", name=repr(f)) for f in names]
        for label, arr in [*zip(labels, columns, strict=True), ("y", ya)]:
            bad = np.flatnonzero(~np.isfinite(arr))
            if bad.size:
                raise DataError(Message(
                    "{label} in sample {i} is {value}: every value must be a finite number",
                    label=label, i=str(int(bad[0]) + 1), value=str(arr[bad[0]])))
            big = np.flatnonzero(np.abs(arr) > MAX_ABS_VALUE)
            if big.size:
                raise DataError(Message(
                    "{label} in sample {i} is {value}: values beyond ±{limit} are too large "
                    "(their squares would overflow)", label=label, i=str(int(big[0]) + 1),
                    value=f"{arr[big[0]]:g}", limit=f"{MAX_ABS_VALUE:g}"))
        columns.setflags(write=False)
        ya.setflags(write=False)
        object.__setattr__(self, "X", columns.T)
        object.__setattr__(self, "y", ya)
        object.__setattr__(self, "feature_names", names)
        object.__setattr__(self, "y_name", str(y_name) or "y")
        object.__setattr__(self, "name", str(name))
        if scaling is not None and len(scaling.scales) != p:
            raise DataError(Message("a scaling of {n} features for {p} features",
                                    n=str(len(scaling.scales)), p=str(p)))
        object.__setattr__(self, "scaling", scaling)
        object.__setattr__(self, "encoding", encoding)
        # joined from the arrays' own buffers: no temporary copies of a million samples
        object.__setattr__(self, "_fingerprint",
                           b"".join([f"{p}|".encode(), columns.data, b"|", ya.data]))

    @property
    def n(self) -> int:
        """Number of samples."""
        return int(self.y.size)

    @property
    def p(self) -> int:
        """Number of features."""
        return int(self.X.shape[1])

    @property
    def x(self) -> FloatArray:
        """The feature of a one-feature data set, shape (n,)."""
        if self.p != 1:
            raise DataError(Message("this data set has {p} features, not one", p=str(self.p)))
        return self.X[:, 0]

    @property
    def x_name(self) -> str:
        """The feature's name (one feature), or the names joined by commas."""
        return ", ".join(self.feature_names)

    def same_samples(self, other: Dataset) -> bool:
        """True when both hold exactly the same numbers in the same order."""
        return self._fingerprint == other._fingerprint

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return (
            self.same_samples(other)
            and self.feature_names == other.feature_names
            and self.y_name == other.y_name
            and self.name == other.name
            and self.scaling == other.scaling
        )

    def __hash__(self) -> int:
        return hash((self._fingerprint, self.feature_names, self.y_name, self.name))

    @cached_property
    def means(self) -> tuple[float, tuple[float, ...]]:
        """(ȳ, (x̄1, …, x̄p)), each numpy's mean of its column (computed once)."""
        return float(np.mean(self.y)), tuple(float(np.mean(c)) for c in self.X.T)

    def intercept(self, slopes: Sequence[float]) -> float:
        """b0 = ȳ − x̄·b: the intercept that fits best with these slopes."""
        my, mx = self.means
        if self.p == 1:
            return float(my - slopes[0] * mx[0])
        b0 = my
        for b, m in zip(slopes, mx, strict=True):
            b0 -= b * m
        return b0

    def standardized(self, *, centre: bool) -> Dataset:
        """The features rescaled before a descent: z = (x − mean)/sd with ``centre`` (z-scores,
        for the ``line`` model; sd the population standard deviation, 1 for a constant
        feature, as scikit-learn's ``StandardScaler``), else x/√mean(x²), so that mean(z²) = 1
        and a model through the origin stays one (dividing by the sd would leave
        mean(z²) = 1 + (x̄/sd)², as large as 383 for a shoe size). :attr:`scaling` maps the
        coefficients back."""
        if self.scaling is not None:
            return self
        if centre:
            centres = np.array([float(np.mean(c)) for c in self.X.T])
            sds = np.array([float(np.std(c)) for c in self.X.T])
        else:
            centres = np.zeros(self.p)
            sds = np.array([float(np.sqrt(np.mean(c * c))) for c in self.X.T])
        sds[sds == 0] = 1.0
        z = (self.X - centres) / sds
        scaling = Scaling(tuple(centres.tolist()), tuple(sds.tolist()))
        return Dataset(z, self.y, feature_names=self.feature_names, y_name=self.y_name,
                       name=f"{self.name}, standardized", encoding=self.encoding,
                       scaling=scaling)

    def is_document_example(self) -> bool:
        """True for the lecture note's two samples (x = 1, 2; y = 2, 6)."""
        return self.same_samples(DOCUMENT)


def too_small_message(value: float) -> str:
    """Why a file's, a paste's or a typed non-zero sample nearer 0 than 1e-100 is refused."""
    return Message("{value} is too small: the squares of values below {limit} underflow; "
                   "rescale the data", value=f"{value:g}", limit=f"{MIN_ABS_VALUE:g}")


def document_example() -> Dataset:
    """The lecture note's example: x = (1, 2), y = (2, 6); E(b1) = 2.5·b1² − 14·b1 + 20."""
    return DOCUMENT


DOCUMENT = Dataset([1.0, 2.0], [2.0, 6.0], name="document")
