"""The built-in data sets (the command line's ``--example``), each made when first asked for.

``document`` is the note's two samples; ``features`` 30 made-up students with five features,
two of them useless; ``nonconvex`` samples of a sine (a cost of many valleys, with the sine
model); ``passfail`` 40 made-up students who passed or failed (logistic regression);
``overfit`` 15 noisy samples of a sine (polynomial features and held-out samples).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import resources

from gdapp.core.data import load_csv
from gdapp.core.dataset import Dataset, document_example
from gdapp.core.models import nonconvex_example

#: The features of the built-in ``features`` example, in the order of b1 … b5: three that
#: drive the exam score (study and sleep hours up, coffee cups down) and two that do not
#: (shoe size, day of the month) — on the L1 path of the ``line`` model these two are exactly
#: 0 first (through the origin the shoe size, about 26 cm for everyone, stands in for the
#: missing intercept and is the last to leave).
FEATURES_EXAMPLE_COLUMNS = ("study_hours", "sleep_hours", "coffee_cups", "shoe_size_cm",
                            "day_of_month")


def features_example() -> Dataset:
    """The built-in example with several features (30 made-up students, shipped as
    ``gdapp/core/features.csv``): exam_score ≈ 35 + 5·study + 4·sleep − 1.5·coffee + noise."""
    with resources.as_file(resources.files("gdapp.core") / "features.csv") as path:
        data = load_csv(path, x=list(FEATURES_EXAMPLE_COLUMNS), y="exam_score")
    return Dataset(data.X, data.y, feature_names=data.feature_names, y_name=data.y_name,
                   name="features")


def passfail_example() -> Dataset:
    """The built-in classification example (40 made-up students, shipped as
    ``gdapp/core/passfail.csv``): hours of study and of sleep → passed (1) or not (0), drawn
    once from P(pass) = σ(−8 + study + 0.7·sleep) with a fixed seed; no line separates the
    classes, so the cross-entropy has a finite optimum (accuracy 0.85 there)."""
    with resources.as_file(resources.files("gdapp.core") / "passfail.csv") as path:
        data = load_csv(path, x=["study_hours", "sleep_hours"], y="passed")
    return Dataset(data.X, data.y, feature_names=data.feature_names, y_name=data.y_name,
                   name="passfail")


def overfit_example() -> Dataset:
    """The built-in overfitting example (shipped as ``gdapp/core/overfit.csv``): 15 samples
    of one period of a sine, y = sin(2π·x) + noise (sd 0.25), x in [0, 1], drawn once with a
    fixed seed and rounded to 3 decimals. A line underfits it, a cubic fits it, and a
    polynomial of degree 9 on 10 training samples bends through every one of them: with 30 %
    held out (split seed 1) its test cost is about 1.15 against 0.0099 for the cubic."""
    with resources.as_file(resources.files("gdapp.core") / "overfit.csv") as path:
        data = load_csv(path, x="x", y="y")
    return Dataset(data.X, data.y, feature_names=data.feature_names, y_name=data.y_name,
                   name="overfit")


class _Examples(Mapping[str, Dataset]):
    """The built-in data sets by name, each made when first asked for (importing the core
    reads no file)."""

    def __init__(self, makers: dict[str, Callable[[], Dataset]]) -> None:
        self._makers = makers
        self._made: dict[str, Dataset] = {}

    def __getitem__(self, name: str) -> Dataset:
        if name not in self._made:
            self._made[name] = self._makers[name]()
        return self._made[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


#: Built-in data sets by name (the CLI's ``--example``).
EXAMPLES: Mapping[str, Dataset] = _Examples({"document": document_example,
                                             "features": features_example,
                                             "nonconvex": nonconvex_example,
                                             "passfail": passfail_example,
                                             "overfit": overfit_example})

#: Settings an example comes with when the command line does not name them (RunSpec fields).
#: passfail's descent at the default η = 0.01 is at b0 = −3.31 after 10,000 updates, far from
#: the optimum's −10.54; at η = 0.1 (under the safe bound 0.1229) it converges in 79,287.
EXAMPLE_SETTINGS: dict[str, dict[str, object]] = {
    "nonconvex": {"model": "sine"},
    "passfail": {"model": "logistic", "learning_rate": 0.1, "max_iterations": 100_000},
    "overfit": {"model": "line"}}
