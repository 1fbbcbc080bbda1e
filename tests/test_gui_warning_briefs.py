"""The status line's warning in fewer words, its advice first, where the whole does not fit a
projector's two lines (the scene walk's ``warning_whole`` looks at the lessons' warnings on
the projector; these are the warnings no lesson scene shows, and the label's choice)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gdapp.core import EXAMPLES, RunSpec, run
from gdapp.gui.fitted_label import FittedLabel
from gdapp.gui.status_text import status_texts
from gdapp.gui.warning_briefs import brief_warning, warning_choices


@pytest.mark.parametrize(("spec", "stepping", "brief"), [
    (RunSpec(learning_rate=0.41), True,
     "Try η below 0.4: at η = 0.41 each step overshoots further, the descent diverges."),
    (RunSpec(learning_rate=0.4, max_iterations=50), False,
     "η = 0.4 is the stability limit: the iterates bounce back and forth for ever."),
    (RunSpec(learning_rate=1e-20), False,
     "Try a larger η or a smaller tolerance: the run stopped 12.2 from the optimum."),
    (RunSpec(data=EXAMPLES["nonconvex"], model="sine", start=(3.0,)), False,
     "Start elsewhere to reach the lowest valley, b1* = 1.5: stuck at b1 = 2.533."),
])
def test_every_warning_has_a_brief_form_that_starts_with_what_to_try(
        spec: RunSpec, stepping: bool, brief: str) -> None:
    r = run(spec.validated())
    k = 3 if stepping else r.iterations
    texts = status_texts(r, k, stepping=stepping)
    assert texts.warning and len(brief) < len(texts.warning)
    assert brief_warning(r, k, stepping=stepping) == brief
    assert texts.warning_shown == ((texts.warning, len(texts.warning)), (brief, len(brief)))


def test_no_warning_no_brief_and_the_ending_stays_hidden_while_stepping() -> None:
    note = run(RunSpec().validated())
    assert status_texts(note, note.iterations, stepping=False).warning_shown == (("", 0),)
    stuck = run(RunSpec(data=EXAMPLES["nonconvex"], model="sine", start=(3.0,)).validated())
    assert brief_warning(stuck, 3, stepping=True) == ""


def test_the_label_shows_the_whole_warning_where_it_fits_else_the_brief_whole(
        qtbot: QtBot) -> None:
    whole = ("The iterates hop between b1 = 4.82782 and 4.87384 for ever: each step stays "
             "0.046 long, above the tolerance 1e-09. Try a smaller η or a tolerance above "
             "0.046.")
    brief = "Try a smaller η or a tolerance above 0.046: b1 hops between 4.828 and 4.874."
    label = FittedLabel(2)
    qtbot.addWidget(label)
    label.resize(2000, 100)
    label.show()  # (a hidden label gets its resize only when shown)
    label.set_choices_if_new(whole, warning_choices(whole, brief))
    assert label.shown_text() == whole and not label.toolTip()
    width = label.fontMetrics().horizontalAdvance(brief) // 2 + 60  # two lines of the brief
    label.resize(width, 100)
    assert label.shown_text().replace("\n", " ") == brief and not label.is_cut()
    assert label.toolTip() == whole
