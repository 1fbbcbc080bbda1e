"""What the lessons quote from the status line is in view, on a projector (classroom mode at
1024×768) and at 1280×800, in both languages: scene 10's b4* = 0 and b5* = 0 (a whole line
of "stopped at max iterations (10,000) without converging" had pushed them out), scene 20's
test and training costs, scene 16's 25 of 40 samples; the k said once ("converged at k = 250 ·
test cost at k = 250: …" said it twice), negative numbers with the lessons' minus, and a
share of a step too small for "0.00%" in its own digits."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gdapp.gui.fitted_label import FittedLabel
from gdapp.gui.i18n import install_language
from gdapp.gui.screenshot import Shot, prepare
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

VIEWS = (Shot(size=(1024, 768), classroom=True), Shot(size=(1280, 800)))
#: Scenes (1-based): the L1 path, the decision boundary at k = 0, a line that underfits,
#: degree 9 overfitting.
PATH, BOUNDARY, UNDERFIT, OVERFIT = 10, 16, 18, 20


def _shown(window: MainWindow) -> str:
    """The status line as the class reads it: its lines as one, spaces as spaces."""
    return window.status_label.shown_text().replace("\n", " ").replace("\u00a0", " ")


def _visit(window: MainWindow, shot: Shot, scene: int) -> str:
    prepare(window, Shot(size=shot.size, classroom=shot.classroom, lesson=scene))
    for _ in range(24):  # the layout's deferred steps, in rounds of events
        QApplication.processEvents()
    shown = _shown(window)
    # the lessons write a negative number with −, never Python's hyphen
    assert re.search(r"(?<![\w.])-\d", shown) is None, shown
    return shown


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_what_the_lessons_quote_from_the_status_line_is_in_view(qtbot: QtBot,
                                                                lang: str) -> None:
    install_language(lang)
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for shot in VIEWS:
        where = f"{lang}, {shot}"
        # scene 10: the useless features' coefficients at the exact optimum, exactly 0
        shown = _visit(window, shot, PATH)
        assert window.vm.run.status == "max_iterations", where
        assert "b3* = −1.8, b4* = 0, b5* = 0" in shown, (where, shown)
        assert "b3* = -1.8" in window.status_label.text()  # the tooltip: as Python writes it
        # scene 16 at k = 0: 25 of 40 students predicted right, 62.5 %
        shown = _visit(window, shot, BOUNDARY)
        assert window.vm.current == 0, where
        right = "62.5% (25 of 40 samples)" if lang == "en" else "62.5% (샘플 40개 중 25개)"
        assert right in shown, (where, shown)
        whole = window.status_label.text()  # the k once: the ending's ("stepping: k = 0")
        assert "accuracy at k" not in whole and "의 정확도" not in whole, where
        # scenes 18 and 20: the test and the training cost at the end (as the lessons quote
        # them: 0.064 and 0.181, 0.110 and 0.0135), k named once
        for scene, quoted in ((UNDERFIT, ("0.064", "0.181")), (OVERFIT, ("0.110", "0.0135"))):
            shown = _visit(window, shot, scene)
            run, k = window.vm.run, window.vm.current
            assert k == run.iterations, where
            test, train = float(run.test_objective[k]), float(run.cost[k])
            assert [f"{v:.{len(q) - 2}f}" for v, q in zip((test, train), quoted,
                                                          strict=True)] == list(quoted)
            assert f"{test:.6g}" in shown and f"{train:.6g}" in shown, (where, shown)
            whole = window.status_label.text()
            # right after the ending, which names k: no "at k = …" again
            assert "test cost at k" not in whole and "에서 테스트 비용" not in whole, where
            assert (" · test cost 0." if lang == "en" else " · 테스트 비용 0.") in whole, where
        # scene 20's warning: how much shorter each step is, never "0.00%"
        share = re.search(r"([0-9.e+-]+)%", window.warning_label.text())
        assert share is not None and float(share.group(1)) > 0, window.warning_label.text()


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
