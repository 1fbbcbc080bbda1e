"""What the status line shows of a run of many parameters: the standardizing scene's lesson
points at "the coefficients in the original units: 4.63 points per study hour, 2.73 per hour
of sleep, −1.69 per cup of coffee, 0 for the shoe size and the day", and the line, cut to its
lines, ended long before them (six optimum coefficients of ten digits each came first), at
1280×800 and on a projector, in both languages."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gdapp.cli import main
from gdapp.core import EXAMPLES, RunSpec, run
from gdapp.gui.i18n import install_language
from gdapp.gui.lessons import scenes
from gdapp.gui.screenshot import Shot, prepare
from gdapp.gui.status_text import describe_status, status_line
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

STANDARDIZING = 15  # the scene, 1-based as the Lesson menu numbers it
VIEWS = (Shot(size=(1280, 800)), Shot(size=(1024, 768), classroom=True))
#: The scene's run from the command line (its original-scale coefficients: the reference).
CLI = ["run", "--example", "features", "--model", "line", "--penalty", "l1", "--lam", "2",
       "--standardize", "--eta", "0.1", "--json"]


def _cli_original(capsys: pytest.CaptureFixture[str]) -> list[float]:
    assert main(CLI) == 0
    params = json.loads(capsys.readouterr().out)["original_scale"]["params"]
    assert list(params) == ["b0", "b1", "b2", "b3", "b4", "b5"]
    return list(params.values())


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_standardizing_scene_shows_the_coefficients_in_the_original_units(
        qtbot: QtBot, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    values = _cli_original(capsys)
    install_language(lang)
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    label = window.status_label
    for shot in VIEWS:
        prepare(window, Shot(size=shot.size, classroom=shot.classroom, lesson=STANDARDIZING))
        for _ in range(24):  # the layout's deferred steps, in rounds of events
            QApplication.processEvents()
        where = f"{lang}, {shot}"
        assert window.vm.run.status == "converged", where
        # what the class reads: the lines as shown ("…" where cut), one line again
        shown = label.shown_text().replace("\n", " ")
        ending = "converged at k = 109" if lang == "en" else "k = 109에서 수렴"
        assert shown.startswith(ending + " · "), where
        vector = "(b0,\u00a0…,\u00a0b5) = (" + ", ".join(f"{v:.3g}" for v in values) + ")"
        assert vector.replace("-", "\u2212") in shown, (where, shown)  # the lessons' minus
        assert "4.63, 2.73, -1.69, 0, 0)" in vector  # the lesson's numbers
        # the whole line, every digit, is the tooltip; the line shown is of whole clauses
        assert not label.is_cut() and label.toolTip() == label.text() != shown
        assert "(" + ", ".join(f"{v:.10g}" for v in values) + ")" in label.text(), where


def test_few_parameters_keep_every_digit_and_k_is_named_when_the_ending_does_not() -> None:
    note = run(RunSpec())  # the note's b1: one parameter, the line as it was
    info, brief, _ = status_line(note, note.iterations, stepping=False)
    assert brief == info and "b1* = 2.8" in info
    standardized = run(RunSpec(data=scenes()[STANDARDIZING - 1].changes["data"],
                               model="line", penalty="l1", lam=2.0, learning_rate=0.1))
    stepping = describe_status(standardized, 3, stepping=True)[0]
    assert stepping.startswith("stepping: k = 3 (End shows how the run ends) · in the "
                               "original units: (b0,")
    # an iterate the ending does not name: which one it is
    assert " · in the original units at k = 3: (b0," in \
        describe_status(standardized, 3)[0]
    assert "original units" not in describe_status(run(RunSpec(
        data=EXAMPLES["features"], model="line", max_iterations=5)), 5)[0]
