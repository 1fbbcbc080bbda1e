"""No English on the Korean window's plots: every title, axis label, legend entry, note and
remark drawn on a plot, in every lesson scene (at its start, after three steps or at its
end, as the lesson's screenshots show it), and the lesson's own paragraphs. Words of data
(column names such as study_hours, a file's name) are the data's own and may be English.
The walk through every scene in Korean is ``scene_checks.no_english_on_a_korean_plot``'s;
here, that its stop list sees what the English window shows."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from scene_checks import english_words, plot_texts

from gdapp.gui.lessons import scenes
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow


def _windows(qtbot: QtBot) -> MainWindow:
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_stop_list_catches_what_the_english_window_shows(qtbot: QtBot) -> None:
    window = _windows(qtbot)  # English: the same walk must find the words (else it sees nothing)
    index = next(i for i, s in enumerate(scenes()) if s.title.startswith("11."))
    window.show_scene(index)  # gd pinned beside Adam
    words = {w.lower() for t in plot_texts(window) for w in english_words(t)}
    assert {"gd", "cost", "iteration", "this", "run"} <= words, words
