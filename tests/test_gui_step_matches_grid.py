"""The step text shows the numbers of the grid's highlighted row: with L1's proximal step the
grid's ∂/∂b1 is the objective's (sub)gradient, the step takes the cost's. Before, scene 8 read
∂E/∂b1 = 50.1605 in the text and ∂/∂b1 = 65.1605 in the row, with nothing between them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gdapp.core import RunSpec
from gdapp.gui.accents import plain_text
from gdapp.gui.i18n import install_language
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow


@pytest.fixture(params=["en", "ko"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    install_language(request.param)
    yield request.param
    install_language("en")


def _row_texts(window: MainWindow, k: int) -> dict[str, str]:
    model = window.grid.model()
    headers = {model.headerData(c, Qt.Orientation.Horizontal): c
               for c in range(model.columnCount())}
    row = next(r for r in range(model.rowCount())
               if model.data(model.index(r, 0)) == str(k))
    return {str(h): str(model.data(model.index(row, c))) for h, c in headers.items()}


@pytest.mark.parametrize("k", [0, 3])
def test_the_l1_proximal_step_names_the_grids_slope(language: str, qtbot: QtBot,
                                                     k: int) -> None:
    window = MainWindow(RunViewModel(RunSpec(penalty="l1", lam=15.0)), store=None)
    qtbot.addWidget(window)
    window.show()
    window.vm.stepping = True
    window.vm.set_current(k)
    slope = next(text for header, text in _row_texts(window, k).items()
                 if header.startswith("∂"))
    step = plain_text(window.step_label)
    assert float(slope) == pytest.approx(float(window.vm.run.gradient[k, 0]))
    assert f"= {slope}:" in step, (slope, step)       # the grid's number, in the text
    assert "λ·sign(b1)" in step
