"""What the lessons quote from the status line is in view, on a projector (classroom mode at
1024×768) and at 1280×800, in both languages: scene 10's b4* = 0 and b5* = 0 (a whole line
of "stopped at max iterations (10,000) without converging" had pushed them out), scene 20's
test and training costs, scene 16's 25 of 40 samples; the k said once ("converged at k = 250 ·
test cost at k = 250: …" said it twice), negative numbers with the lessons' minus, and a
share of a step too small for "0.00%" in its own digits: ``scene_checks.status_quotes_in_view``
in the scene walk. Here, the fitted label's choice of what it shows."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gdapp.gui.fitted_label import FittedLabel


def test_a_fitted_label_shows_the_first_choice_whose_beginning_fits(qtbot: QtBot) -> None:
    label = FittedLabel(2, spare_lines=1)
    qtbot.addWidget(label)
    label.resize(200, 200)
    label.show()
    head = "what must show "
    long, short = "a long ending " * 4 + head + "and more " * 20, head + "and more " * 20
    label.set_choices(long, ((long, len(long) - 180), (short, len(head))))
    assert label.shown_text().count("\n") == 1  # the shorter one, in two lines
    assert _unspaced(label.shown_text()).startswith(_unspaced(head))
    assert label.is_cut() and label.toolTip() == label.text() == long
    label.set_choices(long, ((long, len(long) - 180),))  # no shorter one: a third line
    assert label.shown_text().count("\n") == 2
    assert label.heightForWidth(200) <= 3 * label.fontMetrics().lineSpacing() + 2
    label.set_choices("short", (("short", 5),))
    assert not label.is_cut() and label.shown_text() == "short" and label.toolTip() == ""


def _unspaced(text: str) -> str:
    return "".join(text.split())
