"""The lesson after the note: the scenes for what the note's series teaches next — several
features and the L1 path, the optimizers on one cost, a mini-batch's noisy descent, a
schedule, and the finite-difference check of the gradient — and the Lesson menu's groups
(:func:`scene_groups`).

Each number in a paragraph is the run's own on screen (a test checks them).
"""

from __future__ import annotations

from gdapp.core import EXAMPLES
from gdapp.gui.holdout_shape import Shaping
from gdapp.gui.i18n import tr
from gdapp.gui.lessons import Scene

#: The standardizing scene's run: scene 10's features as z-scores, L1 λ = 2, η = 0.1.
STANDARDIZED = {"data": Shaping(EXAMPLES["features"], standardize=True).shaped()[0],
                "model": "line", "start": None, "penalty": "l1", "lam": 2.0,
                "learning_rate": 0.1}


def more_scenes() -> tuple[Scene, ...]:
    """The scenes after the note's nine, in order."""
    return (
        Scene(
            tr("10. Five features and the L1 path"),
            tr("Thirty students and five features: study hours, sleep hours, coffee cups, "
               "shoe size and the day of the month — the last two cannot matter. With L1 "
               "λ = 2 the exact optimum sets their coefficients b4 and b5 to exactly 0 (Adam "
               "at η = 0.5 ends within 0.02 of them). The regularization path below draws "
               "each coefficient against λ: as λ grows the useless features leave first — the "
               "day of the month from λ ≈ 0.31, the shoe size from 0.83 — then coffee (10.4), "
               "sleep (15.9) and study hours last (99.6). L2's coefficients only shrink."),
            changes={"data": EXAMPLES["features"], "model": "line", "start": None,
                     "penalty": "l1", "lam": 2.0, "optimizer": "adam", "learning_rate": 0.5},
            path=True),
        Scene(
            tr("11. The optimizers on one cost"),
            tr("The line ŷ = b0 + b1·x on the note's samples: the cost over (b0, b1) is a "
               "long, narrow valley. Plain gradient descent (pinned, η = 0.1, under its limit "
               "0.29) slides straight down to the valley floor, then creeps along it and "
               "needs 1209 updates; momentum (pinned, η = 0.05) overshoots and swings across "
               "the valley, but gathers speed along its floor and needs 413; Adam (η = 0.5) "
               "rescales each coordinate by its own gradients and needs 936. Step with Space: "
               "the step text writes out Adam's m, v, m̂ and v̂."),
            changes={"model": "line", "start": None, "optimizer": "adam",
                     "learning_rate": 0.5},
            pins=({"model": "line", "start": None, "learning_rate": 0.1},
                  {"model": "line", "start": None, "optimizer": "momentum",
                   "learning_rate": 0.05}),
            # on a projector the map of the paths takes the plots' column, Adam's first
            # block the numbers' (the line's fit and the objective per iteration teach
            # nothing the map does not show here)
            at_start=True, fold=("data", "objective")),
        Scene(
            tr("12. Mini-batches: a noisy descent"),
            tr("With batch size B = 1 each update takes the gradient of one sample, in a new "
               "order every epoch: (1, 2) alone pulls b1 toward 2, (2, 6) alone toward 3. So "
               "the path jitters, and the run settles near 2.8 but not on it: it stops at "
               "2.867 when 5 epochs bring no improvement. Pinned: every sample at the same "
               "η = 0.05, straight to 2.8. The step text names the sample that made each "
               "gradient."),
            changes={"batch_size": 1, "shuffle": True, "learning_rate": 0.05},
            pins=({"learning_rate": 0.05},), at_start=True),
        Scene(
            tr("13. A schedule rescues η = 0.41"),
            tr("Scene 6's η = 0.41 diverges. With the exponential schedule "
               "η_k = 0.41 × 0.95^(k − 1) the learning rate shrinks at every update: from the "
               "second update on it is below the limit 0.4 (0.41 × 0.95 = 0.3895), and the "
               "descent converges, in 17 updates. The step text writes η_k out with its "
               "numbers."),
            changes={"schedule": "exponential", "gamma": 0.95, "learning_rate": 0.41},
            at_start=True),
        Scene(
            tr("14. Checking the gradient"),
            tr("Run ▸ Check the gradient puts beside each slope ∂(E+P)/∂b1 the central "
               "difference (F(b1 + s) − F(b1 − s))/(2s) of the objective F = E + λ·|b1|, "
               "s = h·max(1, |b1|), here h = 0.1. At the start the formula's 5 × 15 − 14 + 15 "
               "= 76 and the central difference agree to every digit (relative difference "
               "2e-16): where the two agree to many digits, the gradient is right. At k = 77 "
               "the plain subgradient step has brought b1 to 0.0928, within s of the kink of "
               "|b1| at 0: the difference straddles the kink and gives 0.383, the formula "
               "1.464. They differ because |b1| has no slope at 0, not because the gradient "
               "is wrong (at b1 = 0 exactly both take sign(0) = 0)."),
            changes={"penalty": "l1", "lam": 15.0, "l1_method": "subgradient",
                     "check_h": 0.1},
            at_start=True),
        Scene(
            tr("15. Standardizing the features"),
            tr("Scene 10's features in their own units: shoe sizes near 26.4 cm, days 1 to 28, "
               "coffee 0 to 4 cups. Plain descent (L1 λ = 2, η = 0.0009, under the stability "
               "limit 0.00094) stops at the maximum of 10,000 updates, 41.6 from the exact "
               "optimum: b0 is 2.13 instead of 43.72, and the shoe size stands in for the "
               "intercept (b4 = 1.61, times 26.4 cm ≈ 42.4). The largest feature sets η's "
               "limit; at that η the intercept crawls. “Standardize the features” makes each z "
               "= (x − mean)/sd: the limit grows to 0.65, and at η = 0.1 the descent converges "
               "in 109 updates. In the original units (the status line): 4.63 points per study "
               "hour, 2.73 per hour of sleep, −1.69 per cup of coffee, 0 for shoe size and day "
               "— a little off the raw optimum (b1 = 4.84), since λ now weighs every feature "
               "alike."),
            changes=STANDARDIZED),
    )


def scene_groups(count: int) -> list[tuple[str, range]]:
    """The Lesson menu's groups of the ``count`` scenes: (title, their indices): the note's,
    those after it, classification, overfitting (the order of :func:`gdapp.gui.lessons.
    more_scenes`)."""
    from gdapp.gui.lesson_classify import classification_scenes
    from gdapp.gui.overfit_lessons import overfit_scenes

    sizes = [(tr("The note: one feature, one learning rate, L1 and L2"), 9),
             (tr("After the note: features, optimizers, mini-batches, schedules"),
              len(more_scenes())),
             (tr("Classification: logistic regression"), len(classification_scenes(1))),
             (tr("Overfitting: polynomial features and held-out samples"),
              len(overfit_scenes(1)))]
    groups, start = [], 0
    for title, size in sizes:
        end = min(count, start + size)
        if end > start:
            groups.append((title, range(start, end)))
        start = end
    return groups
