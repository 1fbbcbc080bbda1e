"""The samples as the user loaded them, and how the window shapes them into a run's data.

The settings panel's polynomial degree, test fraction, split seed and "Standardize the features"
do what ``gdapp run``'s ``--degree``, ``--test-fraction``, ``--split-seed`` and
``--standardize`` do (:mod:`gdapp.core.holdout`): the powers x, x², …, x^D of the one feature,
then the held-out samples, then the z-scores with the training samples' mean and sd (centred
for a model with an intercept, as the command line does). A change of any of them
rebuilds the run's data from the *original* samples, never from the run's data, so degree 9
then degree 3 gives the same data as degree 3 at once.

:class:`Shaping` holds the original samples and the three settings; :meth:`Shaping.of` reads
them back from a run's spec (the training and held-out rows put together again in file order,
the powers dropped, standardized features taken back to the values they were made from as the
workbook does), so a spec that arrives from the command line, a lesson scene or the
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
from gdapp.core.holdout import MAX_DEGREE, Holdout, polynomial, split, standardize
from gdapp.core.models import MODEL_RULES
from gdapp.gui.core_messages import problem_text
from gdapp.gui.i18n import tr

__all__ = ["MAX_DEGREE", "Shaping", "ShapingHolder", "is_polynomial"]

_SUFFIX = re.compile(r", (training|degree \d+|standardized)$")


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
    standardize : bool      the features as z-scores of the training samples
    centre : bool           z = (x − mean)/sd (a model with an intercept), else x/√mean(x²)
    """

    raw: Dataset
    degree: int = 1
    test_fraction: float = 0.0
    split_seed: int = 0
    standardize: bool = False
    centre: bool = True

    def shaped(self) -> tuple[Dataset, Holdout | None]:
        """(the training samples, the held-out ones or None), as the CLI makes them
        (:func:`gdapp.core.holdout.polynomial`, :func:`gdapp.core.holdout.split`, then
        :func:`gdapp.core.holdout.standardize`)."""
        data = polynomial(self.raw, self.degree) if self.degree > 1 else self.raw
        held = None
        if self.test_fraction > 0:
            data, held = split(data, self.test_fraction, self.split_seed)
        if self.standardize:
            data, held = standardize(data, held, centre=self.centre)
        return data, held

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
        """The shaping that gives ``spec``'s data (see the module docstring); the window's own
        shaping when it made these data (its samples exact, not recovered)."""
        made = next((s for d, s in _MADE if d is spec.data), None)
        if made is not None and made.matches(spec):
            return made
        data, held = spec.data, spec.holdout
        scaled = data.scaling is not None
        if scaled:
            data, held = _unstandardized(spec)
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
                      name=_raw_name(data.name), encoding=data.encoding)
        return cls(raw, max(degree, 1), fraction, seed, scaled, MODEL_RULES[spec.model].intercept)


#: The data the window made last and their shaping (a session saves the samples as loaded,
#: not the ones recovered from standardized features).
_MADE: list[tuple[Dataset, Shaping]] = []


def _made(data: Dataset, shaping: Shaping) -> None:
    _MADE[:] = [(data, shaping), *_MADE[:3]]


def _unstandardized(spec: RunSpec) -> tuple[Dataset, Holdout | None]:
    """``spec``'s training and held-out samples before standardizing, recovered as the
    workbook recovers them (z·s + c at the rounding whose standardization gives the run's
    features bit for bit: :func:`gdapp.excel.shaped._unscaled`)."""
    from gdapp.excel.shaped import _unscaled  # a late import: only standardized specs need it

    data, held = spec.data, spec.holdout
    names = data.feature_names
    powers = data.p > 1 and all(names[k] == f"{names[0]}^{k + 1}" for k in range(1, data.p))
    X, X_test = _unscaled(spec, powers)
    train = Dataset(X, data.y, feature_names=names, y_name=data.y_name,
                    name=_raw_name(data.name), encoding=data.encoding)
    if held is None or X_test is None:
        return train, None
    test = Dataset(X_test, held.data.y, feature_names=names, y_name=data.y_name,
                   name=_raw_name(held.data.name), encoding=data.encoding)
    return train, Holdout(test, held.train_rows, held.test_rows, held.fraction, held.seed)


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
        """Change the degree, test fraction, split seed or standardizing: the run's data are
        made anew from the original samples. False (and ``errorOccurred`` says why) when
        refused."""
        vm: Any = self
        spec = self._asked_spec()
        new = self.shaping.replaced(centre=MODEL_RULES[spec.model].intercept, **changes)
        try:
            data, held = new.shaped()
        except ValueError as exc:
            vm.errorOccurred.emit(problem_text(exc))
            return False
        # another number of parameters: the default start; else the start stays
        fields: dict[str, Any] = {"data": data, "holdout": held,
                                  "start": None if data.p != spec.data.p else spec.start}
        if not vm.update(**fields):
            return False
        self._shaping = new
        _made(data, new)
        return True

    def restandardized(self, model: str) -> dict[str, Any]:
        """The data and held-out samples for a change to ``model``: standardized features
        made anew when the model's intercept changes how they are centred, else {}."""
        shaping = self.shaping
        centre = MODEL_RULES[model].intercept if model in MODEL_RULES else shaping.centre
        if not shaping.standardize or centre == shaping.centre:
            return {}
        new = shaping.replaced(centre=centre)
        data, held = new.shaped()
        self._shaping = new
        _made(data, new)
        return {"data": data, "holdout": held}


def session_parts(spec: RunSpec) -> tuple[Dataset, dict[str, Any] | None]:
    """What the session file keeps of ``spec``'s samples: the samples as loaded and the
    shaping (``{"degree", "test_fraction", "split_seed"}``), or the run's data and None when
    it is not shaped."""
    if spec.holdout is None and spec.data.scaling is None and is_polynomial(spec.data) <= 1:
        return spec.data, None  # cheap: names first
    shaping = Shaping.of(spec)
    saved: dict[str, Any] = {"degree": shaping.degree, "test_fraction": shaping.test_fraction,
                             "split_seed": shaping.split_seed}
    if shaping.standardize:
        saved["standardize"] = True
    return shaping.raw, saved


def session_shaped(raw: Dataset, saved: object, *, centre: bool = True
                   ) -> tuple[Dataset, Holdout | None]:
    """The run's data and held-out samples from :func:`session_parts`' output (ValueError
    with the reason when the saved shaping is not one); ``centre``: the model has an
    intercept (how standardized features are centred)."""
    if saved is None:
        return raw, None
    if not isinstance(saved, dict):
        raise ValueError(tr("the shaping is not a JSON object"))
    degree, fraction, seed = (saved.get(k) for k in ("degree", "test_fraction", "split_seed"))
    if not (isinstance(degree, int) and isinstance(seed, int)
            and isinstance(fraction, int | float)) or isinstance(degree, bool):
        raise ValueError(tr("the shaping {saved} is not a degree, a fraction and a seed").format(
            saved=repr(saved)))
    standard = saved.get("standardize", False)
    if not isinstance(standard, bool):
        raise ValueError(tr("the shaping's standardize {value} is not true or false").format(
            value=repr(standard)))
    shaping = Shaping(raw, degree, float(fraction), seed, standard, centre)
    data, held = shaping.shaped()
    _made(data, shaping)
    return data, held
