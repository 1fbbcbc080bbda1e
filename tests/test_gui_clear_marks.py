"""What a class reads on the plots is not covered by what else is drawn: the data plot's legend
is off the residuals of η = 0.41's diverging run as it is stepped, in both languages, at
1280×800 and on a 1024×768 projector in classroom mode; and the optimizer's tooltip keeps
Adam's hats. (The checks of each scene as it opens, the "k = … is off the plot" remark, the
best λ, the cost map's legend and Adam's m̂ and v̂, are in ``scene_checks_more.py``.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from plot_marks import assert_remark_clear, drawn_under, misplaced_marks
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QToolTip
from pytestqt.qtbot import QtBot

from gdapp.gui.i18n import install_language
from gdapp.gui.lessons import scenes
from gdapp.gui.screenshot import Shot, prepare
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

VIEWS = (Shot(size=(1280, 800)), Shot(size=(1024, 768), classroom=True))
VIEW_IDS = ["1280x800", "1024x768-classroom"]


@pytest.fixture(params=["en", "ko"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    install_language(request.param)
    yield request.param
    install_language("en")


def _scene(title: str) -> int:
    """The Lesson menu's number of the scene whose title starts with ``title``."""
    return next(i for i, s in enumerate(scenes()) if s.title.startswith(title)) + 1


def _window(qtbot: QtBot, shot: Shot) -> MainWindow:
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    prepare(window, shot)
    qtbot.wait(50)
    return window


# 1. the data plot's legend --------------------------------------------------------------
@pytest.mark.parametrize("shot", VIEWS, ids=VIEW_IDS)
def test_the_data_plots_legend_never_covers_a_residual_of_the_diverging_run(
        language: str, shot: Shot, qtbot: QtBot) -> None:
    window = _window(qtbot, Shot(size=shot.size, classroom=shot.classroom,
                                 lesson=_scene("6.")))
    vm, plot = window.vm, window.data_plot
    assert vm.spec.learning_rate == 0.41
    vm.stepping = True
    last = vm.run.iterations
    # the start, the first swings, and the end: b1 of either sign, far beyond the view
    for k in (0, 1, 2, 3, 999, 1000, 1001, last - 1, last):
        vm.set_current(k)
        qtbot.wait(5)
        view = plot.plot_item.getViewBox()
        box = plot.legend.mapRectToItem(view, plot.legend.boundingRect())
        assert plot.legend.isVisible()
        drawn = [plot.residual_item, plot.line_item, plot.samples_item]
        assert drawn_under(view, box, drawn) == 0, (k, box)
        # the other plots' "k = … is off the plot": clear of their curves, or not shown
        for other in (window.cost_plot, window.objective_plot):
            if other.off_plot.isVisible():
                assert_remark_clear(other)
        if k == 1000 and not shot.classroom:
            assert window.objective_plot.off_plot.isVisible()


# 2. Adam's m̂ and v̂ in the optimizer's tooltip --------------------------------------------
def test_the_optimizer_tooltip_draws_adams_hats(qtbot: QtBot) -> None:
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    combos = [c for c in window.findChildren(QComboBox) if c.findData("adam") >= 0]
    assert combos
    tip = combos[0].itemData(combos[0].findData("adam"), Qt.ItemDataRole.ToolTipRole)
    assert "m\u0302" in tip
    rich = Qt.mightBeRichText(tip)
    assert misplaced_marks(tip, rich, QToolTip.font(), 400) == []


