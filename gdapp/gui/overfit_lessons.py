"""The lesson's overfitting scenes: degree 1, 3 and 9 on the overfit example, then the penalty
that brings the test error down (the note's 과적합).

Each scene is a :class:`~gdapp.gui.lessons.Scene` whose run is the built-in ``overfit``
example (15 noisy samples of one period of a sine), its powers up to the degree, with 30 % of
the samples held out (split seed 1: 11 training and 4 held-out samples), the line model, η =
0.6 (below every degree's stability limit) and up to 200,000 updates. The numbers in the
paragraphs are the ones on screen (tests/test_gui_overfitting.py checks them).
"""

from __future__ import annotations

from typing import Any

from gdapp.core import EXAMPLES
from gdapp.gui.holdout_shape import Shaping
from gdapp.gui.i18n import tr
from gdapp.gui.lessons import Scene

#: The scenes' split and descent.
TEST_FRACTION, SPLIT_SEED = 0.3, 1
ETA, MAX_UPDATES = 0.6, 200_000
#: The λ of the last scene: the validation curve's best λ, rounded.
BEST_LAMBDA = 0.0019


def overfit_run(degree: int, **changes: Any) -> dict[str, Any]:
    """The fields of a scene's run: the overfit example at ``degree``, held out and shaped as
    the settings panel would, plus ``changes``."""
    data, held = Shaping(EXAMPLES["overfit"], degree, TEST_FRACTION, SPLIT_SEED).shaped()
    return {"data": data, "holdout": held, "model": "line", "start": None,
            "learning_rate": ETA, "max_iterations": MAX_UPDATES, **changes}


def overfit_scenes(first: int) -> tuple[Scene, ...]:
    """The four scenes, numbered from ``first``."""
    n = first
    return (
        Scene(
            tr("{n}. Degree 1: a line underfits").format(n=n),
            tr("New data: 15 noisy samples of one period of a sine. 4 of them (orange "
               "diamonds) are held out as test data: the descent never sees them, and the "
               "cost on them, the test cost, tells how the model does on data it has not "
               "seen. A straight line cannot follow the wave: after 250 updates the training "
               "cost is 0.181 and the test cost 0.064, both high. The model is too simple: "
               "it underfits."),
            changes=overfit_run(1)),
        Scene(
            tr("{n}. Degree 3: a cubic fits").format(n=n + 1),
            tr("Polynomial degree 3 makes x, x² and x³ the features b1, b2, b3: the model is "
               "a curve. It follows the wave: the training cost falls to 0.050 and the test "
               "cost to 0.0099. The powers of x are nearly alike, so the descent is slow: it "
               "converges only after 135,277 updates."),
            changes=overfit_run(3)),
        Scene(
            tr("{n}. Degree 9: overfitting").format(n=n + 2),
            tr("Degree 9 has 10 parameters for 11 training samples. The exact optimum "
               "(dashed) bends through almost every training sample — training cost 0.0012 — "
               "with coefficients in the millions, and swings far from the held-out ones: "
               "its test cost is 1.15. The descent heads there: after 200,000 updates its "
               "training cost is 0.0135 and still falling, while its test cost, lowest "
               "(0.0080) at k = 252, has risen to 0.110 (the dashed curve of the objective "
               "plot). Fitting the training data ever better made the model worse on new "
               "data: that is overfitting."),
            changes=overfit_run(9)),
        Scene(
            tr("{n}. λ brings the test error down").format(n=n + 3),
            tr("The note: without a penalty, large coefficients make the model overfit; the "
               "penalty makes it robust. With the L2 penalty at λ = 0.0019 the coefficients "
               "stay below 2.5, the descent converges after 4,873 updates, and the test cost "
               "is 0.0114 — ten times lower than without it — while the training cost rises "
               "to 0.060. The validation curve below draws both costs against λ: the test "
               "cost is lowest at the green star, and rises again when λ flattens the "
               "model. Click the curve to try another λ."),
            changes=overfit_run(9, penalty="l2", lam=BEST_LAMBDA), path=True),
    )
