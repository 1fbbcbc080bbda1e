"""No English on the Korean window's plots: every title, axis label, legend entry, note and
remark drawn on a plot, in every lesson scene (at its start, after three steps or at its
end, as the lesson's screenshots show it), and the lesson's own paragraphs. Words of data
(column names such as study_hours, a file's name) are the data's own and may be English; the
words below are the window's."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QGraphicsTextItem
from pytestqt.qtbot import QtBot

from gdapp.gui.i18n import install_language
from gdapp.gui.lessons import scenes
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

#: English words of the window that a Korean plot must not show (the optimizer's and the
#: schedule's code names are allowed only in parentheses after their Korean name).
STOP = {"gd", "momentum", "nesterov", "constant", "exponential", "cosine", "proximal",
        "subgradient", "logistic", "line", "origin", "cost", "objective", "iteration", "run",
        "this", "pinned", "the", "of", "at", "and", "exact", "optimum", "tangent", "slope",
        "samples", "sample", "data", "penalty", "path", "coefficient", "diverged", "update",
        "updates", "off", "plot", "curve", "training", "held", "test", "error", "valley",
        "not", "drawn", "another", "its", "own", "converged", "from", "shuffled",
        "schedule", "step", "accuracy", "predicted", "actual", "iterate", "boundary", "along",
        "model", "legend"}


@pytest.fixture
def korean(qapp: object) -> Iterator[None]:
    install_language("ko")
    yield
    install_language("en")


def plot_texts(window: MainWindow) -> list[str]:
    """Every text drawn on a visible plot of ``window``."""
    texts = []
    for view in window.findChildren(pg.GraphicsView):
        if not view.isVisible():
            continue
        for item in view.scene().items():
            if not item.isVisible():
                continue
            if isinstance(item, pg.AxisItem) and item.label.isVisible():
                texts.append(item.label.toPlainText())
            elif isinstance(item, QGraphicsTextItem):
                texts.append(item.toPlainText())
    return [t for t in texts if t.strip()]


def english_words(text: str) -> list[str]:
    """The stop-list's words in ``text``, outside parentheses that follow a Korean name."""
    text = re.sub(r"\((gd|momentum|nesterov|adagrad|rmsprop|adam|constant|step|exponential|"
                  r"invscaling|cosine|proximal)\)", "", text)
    return [w for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text) if w.lower() in STOP]


def _windows(qtbot: QtBot) -> MainWindow:
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_no_english_word_on_any_plot_of_any_scene_in_korean(korean: None,
                                                            qtbot: QtBot) -> None:
    window = _windows(qtbot)
    found = {}
    for i, scene in enumerate(scenes()):
        window.show_scene(i)
        if scene.at_start:
            for _ in range(3):
                window.step()
        qtbot.wait(10)
        for text in (scene.title, scene.text, *plot_texts(window)):
            words = english_words(text)
            if words:
                found.setdefault(scene.title, []).append((words, text[:80]))
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_the_stop_list_catches_what_the_english_window_shows(qtbot: QtBot) -> None:
    window = _windows(qtbot)  # English: the same walk must find the words (else it sees nothing)
    index = next(i for i, s in enumerate(scenes()) if s.title.startswith("11."))
    window.show_scene(index)  # gd pinned beside Adam
    words = {w.lower() for t in plot_texts(window) for w in english_words(t)}
    assert {"gd", "cost", "iteration", "this", "run"} <= words, words
