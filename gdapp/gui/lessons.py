"""The note's lesson in order: its scenes as presets of the settings, each with a paragraph.

A :class:`Scene` says which runs to pin (for comparison), which run to show, where to put the
current iterate (the start, to step from it; or the end, with the whole path) and what to
tell the learner. The Lesson menu and PgDn/PgUp walk through :func:`scenes`;
:func:`scene_specs` turns a scene into the validated specs the view-model runs.

The note's nine scenes are on its example (x = 1, 2; y = 2, 6; ŷ = b1·x; E = 2.5·b1² − 14·b1 +
20; from b1 = 15), so the numbers in the paragraphs are the ones on screen; the scenes after
the note (:mod:`gdapp.gui.lessons_more`) follow them, then those on classification, on the
``passfail`` students (:mod:`gdapp.gui.lesson_classify`), and on overfitting, on the built-in
overfit example (:mod:`gdapp.gui.overfit_lessons`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from gdapp.core import RunSpec
from gdapp.gui.i18n import tr
from gdapp.gui.viewmodel import default_spec


@dataclass(frozen=True)
class Scene:
    """One step of the lesson.

    Attributes
    ----------
    title : str            shown in the Lesson menu and above the paragraph
    text : str             the paragraph for the learner
    changes : dict         the shown run: fields changed from the note's run
    pins : tuple of dict   runs pinned first, each as fields changed from the note's run
    at_start : bool        True: the current iterate is k = 0 (step from there); False: the
                           last iterate, with the whole path
    path : bool            the regularization path's dock is shown
    fold : tuple of str    views that fold away in classroom mode while the scene's paragraph
                           shows (``"data"``: the data view, ``"objective"``: the objective
                           per iteration), so that what the scene teaches gets a projector's
                           height; closing the lesson brings them back
    """

    title: str
    text: str
    changes: dict[str, Any] = field(default_factory=dict)
    pins: tuple[dict[str, Any], ...] = ()
    at_start: bool = False
    path: bool = False
    fold: tuple[str, ...] = ()


def scenes() -> tuple[Scene, ...]:
    """The note's scenes, in order (built on each call, so they follow the language the
    window runs in)."""
    return (
        Scene(
            tr("1. The cost function"),
            tr("Two samples, (1, 2) and (2, 6), and the model ŷ = b1·x: a line through the "
               "origin whose coefficient b1 we must choose. For each b1 the mean squared error "
               "E(b1) = ((2 − b1)² + (6 − 2·b1)²)/2 = 2.5·b1² − 14·b1 + 20 measures how badly "
               "the line misses the samples: the red segments in the data plot. Drawn against "
               "b1 it is the parabola of the cost plot. Tick “squares” to see what E adds up."),
            at_start=True),
        Scene(
            tr("2. The normal equation"),
            tr("The parabola opens upward (it is convex), so its lowest point is where its "
               "slope is 0: ∂E/∂b1 = 5·b1 − 14 = 0 gives b1 = 14/5 = 2.8 and E = 0.4, the green "
               "star. This is the normal equation. Real deep-learning costs are rarely this "
               "simple, which is why we look for the minimum step by step instead.")),
        Scene(
            tr("3. Gradient descent from 15, η = 0.01"),
            tr("Start anywhere — the note starts at b1 = 15 — and move against the slope: "
               "b1 ← b1 − η·∂E/∂b1. At 15 the slope (the red dashed tangent) is 5 × 15 − 14 = 61, "
               "so with the learning rate η = 0.01 the new b1 is 15 − 0.01 × 61 = 14.39. Press "
               "Space to take that step, and again: b1 creeps down to 2.8 in about 400 "
               "updates, the line in the data plot swinging onto the samples."),
            at_start=True),
        Scene(
            tr("4. A larger learning rate, η = 0.1"),
            tr("With η = 0.1 the same descent needs only 34 updates: each step multiplies the "
               "distance to 2.8 by 1 − 5η = 0.5 instead of 0.95. The η = 0.01 run stays pinned "
               "for comparison. η is a hyper-parameter — a person chooses it — and even on "
               "this tiny example the choice changes the number of steps a lot."),
            changes={"learning_rate": 0.1}, pins=({"learning_rate": 0.01},)),
        Scene(
            tr("5. Too large: η = 0.4"),
            tr("The factor 1 − 5η tells the whole story. For η = 0.4 it is −1: b1 jumps from "
               "15 to −9.4 and back to 15, for ever. The descent is stable only for "
               "η < 2/E'' = 2/5 = 0.4. Step through the first updates with Space."),
            changes={"learning_rate": 0.4}, at_start=True),
        Scene(
            tr("6. Past the limit: η = 0.41"),
            tr("A little further and every jump overshoots more than the last: "
               "|1 − 5 × 0.41| = 1.05 > 1, so the distance from 2.8 grows by 5 % per update "
               "and b1 runs off to infinity. Step with Space, or press End: the grid marks the "
               "last number it could hold."),
            changes={"learning_rate": 0.41}, pins=({"learning_rate": 0.4},), at_start=True),
        Scene(
            tr("7. L2 penalty: λ = 0.5 and λ = 1"),
            tr("Adding the penalty λ·b1² (dotted) punishes a large coefficient. With λ = 0.5 "
               "the objective is 3·b1² − 14·b1 + 20, lowest at 14/6 ≈ 2.33; with λ = 1 at "
               "14/7 = 2 (pinned: λ = 0.5). The coefficient shrinks as λ grows — but never to "
               "0, since 14/(5 + 2λ) > 0 for every λ. A smaller coefficient means a model "
               "less prone to overfitting."),
            changes={"penalty": "l2", "lam": 1.0},
            pins=({"penalty": "l2", "lam": 0.5},)),
        Scene(
            tr("8. L1 penalty: b1 becomes exactly 0"),
            tr("The L1 penalty λ·|b1| has a kink at 0. Once λ ≥ 14 the cost's slope at 0 (−14) "
               "can no longer beat it, and the descent lands on exactly b1 = 0: the feature "
               "drops out and the model becomes simpler. Each update is two stages — a step on "
               "the cost, z = b1 − η·∂E/∂b1, then a shrink toward 0 by η·λ — shown above the "
               "grid as you step."),
            changes={"penalty": "l1", "lam": 15.0}, at_start=True),
        Scene(
            tr("9. L1 against L2"),
            tr("The same λ = 15 with the two penalties. Both make the parameter smaller; L2 "
               "(pinned, dashed) stops at 14/35 = 0.4, L1 sets it to exactly 0. That is the "
               "note's table: L1 can remove a feature, L2 only shrinks it."),
            changes={"penalty": "l1", "lam": 15.0}, pins=({"penalty": "l2", "lam": 15.0},)),
        *more_scenes(),
    )


def more_scenes() -> tuple[Scene, ...]:
    """The scenes after the note's (:mod:`gdapp.gui.lessons_more`), then those on
    classification (logistic regression on other data, :mod:`gdapp.gui.lesson_classify`)
    and on overfitting (:mod:`gdapp.gui.overfit_lessons`)."""
    from gdapp.gui.lesson_classify import classification_scenes  # they build on Scene
    from gdapp.gui.lessons_more import more_scenes as after_the_note
    from gdapp.gui.overfit_lessons import overfit_scenes

    after = after_the_note()
    classes = classification_scenes(10 + len(after))
    return (*after, *classes, *overfit_scenes(10 + len(after) + len(classes)))


def all_scenes() -> tuple[Scene, ...]:
    """Every scene, the note's first (the same as :func:`scenes`)."""
    return scenes()


def scene_specs(scene: Scene) -> tuple[list[RunSpec], RunSpec]:
    """(the specs to pin, in order; the spec to show) of ``scene``, all validated."""
    base = default_spec()
    pins = [dataclasses.replace(base, **p).validated() for p in scene.pins]
    return pins, dataclasses.replace(base, **scene.changes).validated()
