"""The samples as the user loaded them, and how the window shapes them into a run's data.

The settings panel's polynomial degree, test fraction and split seed do what ``gdapp run``'s
``--degree``, ``--test-fraction`` and ``--split-seed`` do (:mod:`gdapp.core.holdout`): the
powers x, x², …, x^D of the one feature, then the held-out samples. A change of any of them
rebuilds the run's data from the *original* samples, never from the run's data, so degree 9
then degree 3 gives the same data as degree 3 at once.

:class:`Shaping` holds the original samples and the three settings; :meth:`Shaping.of` reads
them back from a run's spec (the training and held-out rows put together again in file order,
the powers dropped), so a spec that arrives from the command line, a lesson scene or the
session file needs no extra record: ``Shaping.of(spec).shaped()`` gives ``spec.data`` and
``spec.holdout`` again. The view-model keeps the shaping of its spec
(:class:`ShapingHolder`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from gdapp.core import Dataset, RunSpec
from gdapp.core.holdout import MAX_DEGREE, Holdout, polynomial, split
from gdapp.gui.core_messages import problem_text

__all__ = ["MAX_DEGREE", "Shaping", "ShapingHolder", "is_polynomial"]

_SUFFIX = re.compile(r", (training|degree \d+)$")


def is_polynomial(data: Dataset) -> int:
    """The degree D when the features are x, x^2, …, x^D of one x (each power the product
    :func:`gdapp.core.holdout.polynomial` makes); 1 for one feature; 0 otherwise."""
    names = data.feature_names
    if data.p == 1:
        return 1
    if any(names[k] != f"{names[0]}^{k + 1}" for k in range(1, data.p)):
        return 0
    if data.scaling is not None:
        return 0
    again = polynomial(Dataset(data.X[:, :1], data.y, feature_names=names[:1],
                               y_name=data.y_name), data.p)
    same = np.array_equal(again.X, data.X, equal_nan=True)
    return data.p if same else 0


def _raw_name(name: str) -> str:
    while _SUFFIX.search(name):
        name = _SUFFIX.sub("", name)
    return name


@dataclass(frozen=True, eq=False)
class Shaping:
    """The original samples and how they become a run's data.

    Attributes
    ----------
    raw : Dataset           the samples as loaded (every row, the feature itself)
    degree : int            1 … MAX_DEGREE: x, x², …, x^degree (1 for several features)
    test_fraction : float   0: no sample held out; else 0 < F < 1
    split_seed : int        the seed of the held-out samples' draw
    """

    raw: Dataset
    degree: int = 1
    test_fraction: float = 0.0
    split_seed: int = 0

    def shaped(self) -> tuple[Dataset, Holdout | None]:
        """(the training samples, the held-out ones or None), as the CLI makes them
        (:func:`gdapp.core.holdout.polynomial`, then :func:`gdapp.core.holdout.split`)."""
        data = polynomial(self.raw, self.degree) if self.degree > 1 else self.raw
        if self.test_fraction <= 0:
            return data, None
        return split(data, self.test_fraction, self.split_seed)

    def replaced(self, **changes: Any) -> Shaping:
        """This shaping with some settings changed (the samples stay)."""
        return dataclasses.replace(self, **changes)

    def matches(self, spec: RunSpec) -> bool:
        """Whether ``spec``'s data and held-out samples are this shaping's."""
        try:
            data, held = self.shaped()
        except ValueError:
            return False
        return data == spec.data and held == spec.holdout

    @property
    def can_shape(self) -> bool:
        """Whether the degree applies: one feature, as loaded (not standardized)."""
        return self.raw.p == 1 and self.raw.scaling is None

    @classmethod
    def of(cls, spec: RunSpec) -> Shaping:
        """The shaping that gives ``spec``'s data (see the module docstring)."""
        data, held = spec.data, spec.holdout
        fraction, seed = 0.0, 0
        X, y = data.X, data.y
        if held is not None:
            n = len(held.train_rows) + len(held.test_rows)
            X = np.empty((n, data.p))
            y = np.empty(n)
            train, test = list(held.train_rows), list(held.test_rows)
            X[train], y[train] = data.X, data.y
            X[test], y[test] = held.data.X, held.data.y
            fraction, seed = held.fraction, held.seed
        degree = is_polynomial(data)
        names = data.feature_names
        if degree > 1:
            X, names = X[:, :1], names[:1]
        raw = Dataset(X, y, feature_names=names, y_name=data.y_name,
                      name=_raw_name(data.name), scaling=data.scaling if held is None else None,
                      encoding=data.encoding)
        return cls(raw, max(degree, 1), fraction, seed)


class ShapingHolder:
    """The view-model's part that keeps the original samples (a mixin of
    :class:`~gdapp.gui.viewmodel.RunViewModel`, which provides ``spec``, ``pending_spec`` and
    ``update``)."""

    _shaping: Shaping | None = None

    def _asked_spec(self) -> RunSpec:
        """The spec being computed, else the one on screen (the view-model's)."""
        vm: Any = self
        spec: RunSpec = vm.pending_spec or vm.spec
        return spec

    @property
    def shaping(self) -> Shaping:
        """The original samples and the degree, test fraction and split seed of the run (read
        back from its spec when the data came from elsewhere)."""
        spec = self._asked_spec()
        if self._shaping is None or not self._shaping.matches(spec):
            self._shaping = Shaping.of(spec)
        return self._shaping

    def set_shaping(self, **changes: Any) -> bool:
        """Change the degree, test fraction or split seed: the run's data are made anew from
        the original samples. False (and ``errorOccurred`` says why) when refused."""
        vm: Any = self
        new = self.shaping.replaced(**changes)
        try:
            data, held = new.shaped()
        except ValueError as exc:
            vm.errorOccurred.emit(problem_text(exc))
            return False
        spec = self._asked_spec()
        # another number of parameters: the default start; else the start stays
        fields: dict[str, Any] = {"data": data, "holdout": held,
                                  "start": None if data.p != spec.data.p else spec.start}
        if not vm.update(**fields):
            return False
        self._shaping = new
        return True


def session_parts(spec: RunSpec) -> tuple[Dataset, dict[str, Any] | None]:
    """What the session file keeps of ``spec``'s samples: the samples as loaded and the
    shaping (``{"degree", "test_fraction", "split_seed"}``), or the run's data and None when
    it is not shaped."""
    if spec.holdout is None and is_polynomial(spec.data) <= 1:  # cheap: names first
        return spec.data, None
    shaping = Shaping.of(spec)
    return shaping.raw, {"degree": shaping.degree, "test_fraction": shaping.test_fraction,
                         "split_seed": shaping.split_seed}


def session_shaped(raw: Dataset, saved: object) -> tuple[Dataset, Holdout | None]:
    """The run's data and held-out samples from :func:`session_parts`' output (ValueError
    with the reason when the saved shaping is not one)."""
    if saved is None:
        return raw, None
    if not isinstance(saved, dict):
        raise ValueError("the shaping is not a JSON object")
    degree, fraction, seed = (saved.get(k) for k in ("degree", "test_fraction", "split_seed"))
    if not (isinstance(degree, int) and isinstance(seed, int)
            and isinstance(fraction, int | float)) or isinstance(degree, bool):
        raise ValueError(f"the shaping {saved!r} is not a degree, a fraction and a seed")
    return Shaping(raw, degree, float(fraction), seed).shaped()
