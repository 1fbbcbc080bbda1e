"""Classroom mode at a projector's 1024×768, every lesson scene, in both languages: the
lesson's paragraph whole without scrolling (a class cannot scroll; scenes 10, 14-17 and 21
scrolled), the step's frame showing the update's result — the whole update for one
parameter (through its result; a note after it where there is room), the first parameter's
block through ``b0 ← … = value`` for several (the result was cut in most scenes) — and
every plot, the data view too, a readable view box (scene 20's data view was 65 pixels: the
sweep before looked at 1024×768 out of classroom mode and at the right column's plots
only)."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gdapp.gui.accents import plain_text, set_label_text
from gdapp.gui.i18n import install_language
from gdapp.gui.lessons import scenes
from gdapp.gui.plot_room import view_height
from gdapp.gui.screenshot import Shot, prepare
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

PROJECTOR = Shot(size=(1024, 768), classroom=True)
#: A view box a class can read, in pixels.
READABLE = 90
#: Lines of one parameter's block of an Adam update.
ADAM_BLOCK = 8
#: Whole rows of the grid always in view.
ROWS = 4


def _settle() -> None:
    """The layout's deferred steps, in rounds of events, not of time."""
    for _ in range(24):
        QApplication.processEvents()


def _shown_height(window: MainWindow, text: str) -> int:
    """The height ``text`` takes in the step's frame (a label like the step's)."""
    twin = QLabel()
    twin.setWordWrap(True)
    twin.setStyleSheet(window.step_label.styleSheet())
    twin.setFont(window.step_label.font())
    twin.setAlignment(window.step_label.alignment())  # (top-aligned text wraps otherwise)
    set_label_text(twin, text)
    return twin.heightForWidth(window.step_label.width())


def _check_step(window: MainWindow, where: str) -> None:
    scroll = window.step_scroll
    assert scroll.isVisible(), where
    assert scroll.verticalScrollBar().value() == 0, where
    lines = plain_text(window.step_label).split("\n")
    names = window.vm.spec.param_names
    marks = [i for i, line in enumerate(lines) if i and "←" in line]
    if len(names) == 1:  # the whole update through its result (a note after it, "the run
        end = marks[-1]  # stopped at k = …", where the numbers' share has room)
        assert f"{names[0]} ← " in lines[end], where  # (L1's: "shrink toward 0 …: b1 ← …")
        assert _shown_height(window, "\n".join(lines[: end + 1])) <= \
            scroll.viewport().height(), where
        if end == len(lines) - 1:
            assert scroll.verticalScrollBar().maximum() == 0, where
        return
    if len(lines) > 2 * ADAM_BLOCK and window.vm.spec.optimizer == "adam":
        # Adam's first block alone (g, m, v, m̂, v̂, d, the step) wraps into ~18 lines: more
        # than a 768-pixel column holds beside the grid and the data view; its whole update
        # is a click away (View ▸ The update in a window)
        assert window.step_all_button.isVisible(), where
        return
    end = marks[0]
    assert lines[end].strip().startswith(f"{names[0]} ← "), where
    first = _shown_height(window, "\n".join(lines[: end + 1]))
    assert first <= scroll.viewport().height(), f"{where}: {first} > " \
        f"{scroll.viewport().height()}"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_scene_reads_whole_on_a_1024x768_projector(qtbot: QtBot, lang: str) -> None:
    install_language(lang)
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    lesson = window.lesson
    for scene in range(1, len(scenes()) + 1):
        at_start = scenes()[scene - 1].at_start
        prepare(window, Shot(size=PROJECTOR.size, classroom=True, lesson=scene,
                             step=3 if at_start else None))
        _settle()
        where = f"{lang} scene {scene}"
        # the paragraph whole: no scroll bar, every line inside the frame
        text, frame = lesson.text, lesson.text_scroll
        assert not lesson.scrolls(), where
        assert text.heightForWidth(text.width()) <= frame.viewport().height() + 1, where
        _check_step(window, where)
        # every plot shown keeps a readable view box (the data view too)
        for plot in window.findChildren(pg.PlotWidget):
            if plot.isVisible():
                height = view_height(plot)
                assert height >= READABLE, f"{where}: {type(plot.parent()).__name__} " \
                    f"{height:.0f}"
        grid = window.grid  # and the grid its rows
        assert grid.viewport().height() >= ROWS * grid.verticalHeader().defaultSectionSize()
