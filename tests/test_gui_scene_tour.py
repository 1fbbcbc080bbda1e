"""Every lesson scene, shown once per language and view, passes every check that looks at it
(``scene_checks.py``; the walk is :mod:`scene_tour`'s)."""

from __future__ import annotations

import pytest
import scene_checks  # noqa: F401  (registers the checks)
import scene_checks_more  # noqa: F401  (and these)
from pytestqt.qtbot import QtBot
from scene_tour import CHECKS, tours, walk


@pytest.mark.parametrize(("lang", "view"), tours(),
                         ids=[f"{lang}-{view}" for lang, view in tours()])
def test_every_scene_passes_the_checks_of_its_view(qtbot: QtBot, lang: str,
                                                   view: str) -> None:
    found = walk(qtbot, lang, view)
    assert not found, "\n".join(found)


def test_every_check_looks_at_some_scene() -> None:
    assert {c.name for c in CHECKS} >= {"axis_labels_whole", "plots_readable_at_1024x768",
                                        "no_english_on_a_korean_plot",
                                        "whole_on_a_projector"}
    for c in CHECKS:
        assert c.views and c.langs and all(list(c.scenes(v)) for v in c.views), c.name
