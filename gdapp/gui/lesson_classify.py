"""The lesson's scenes on classification: logistic regression on the ``passfail`` example.

Two scenes follow the note's: the decision boundary of two features moving as one steps, and
why a classifier is fitted with cross-entropy and not with MSE. Their numbers are those the
engine gives on screen (40 students, ``study_hours`` and ``sleep_hours`` → ``passed``).
"""

from __future__ import annotations

from gdapp.core import EXAMPLES, Dataset
from gdapp.gui.i18n import tr
from gdapp.gui.lessons import Scene


def study_hours_only() -> Dataset:
    """The ``passfail`` students with their one feature ``study_hours`` (an S-curve over x)."""
    data = EXAMPLES["passfail"]
    return Dataset(data.X[:, 0], data.y, x_name=data.feature_names[0], y_name=data.y_name,
                   name="passfail (study_hours)")


def classification_scenes(first: int) -> tuple[Scene, ...]:
    """The classification scenes, numbered from ``first``."""
    one = study_hours_only()
    wrong_start = {"data": one, "model": "logistic", "learning_rate": 0.5,
                   "start": (6.0, -3.0), "max_iterations": 2000}
    return (
        Scene(
            tr("{n}. Classes: the decision boundary").format(n=first),
            tr("Forty students, their hours of study and of sleep, and whether they passed "
               "(1) or not (0). Logistic regression gives the probability of passing, "
               "p = σ(b0 + b1·x1 + b2·x2) with the sigmoid σ(z) = 1/(1 + e^(−z)), and "
               "predicts a pass where p ≥ 0.5: on one side of the decision boundary "
               "b0 + b1·x1 + b2·x2 = 0. At k = 0 every b is 0, so p = 0.5 for all and every "
               "student is predicted to pass: the accuracy is 25 of 40, 62.5 %. Step with "
               "Space and watch the boundary turn into place: 77.5 % after 200 updates, "
               "87.5 % after 1,000. Rings mark the students iterate k gets wrong."),
            changes={"data": EXAMPLES["passfail"], "model": "logistic", "cost": "bce",
                     "start": None, "learning_rate": 0.1}, at_start=True),
        Scene(
            tr("{n}. Why cross-entropy, not MSE").format(n=first + 1),
            tr("One feature, study hours, and a badly wrong start: b0 = 6, b1 = −3 says "
               "whoever studies more fails (accuracy 27.5 %). With MSE on the probability, E = "
               "(1/n)·Σ (y − p)², the slope carries a factor p·(1 − p), nearly 0 where σ is "
               "flat — where the model is most sure and most wrong. At the start ∂E/∂b1 is "
               "only 0.044, and it points the wrong way: after 2,000 updates at η = 0.5, b1 = "
               "−6.16 (accuracy 37.5 %); MSE on σ is not convex. Cross-entropy (pinned), E = "
               "−(1/n)·Σ [y·ln p + (1 − y)·ln(1 − p)], has the slope (1/n)·Σ (p − y)·x, no "
               "p·(1 − p): −3.13 at the same start, and it reaches b0 = −4.14, b1 = 1.19 (80 "
               "%). Switch Cost to compare the two cost maps."),
            changes={**wrong_start, "cost": "mse"},
            pins=({**wrong_start, "cost": "bce"},)),
    )
