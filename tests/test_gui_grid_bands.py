"""Several parameters on a projector: the grid shows each iterate as a band of one row per
parameter, so k, every bj, its gradient ∂/∂bj and its step Δbj are in view at once, without
scrolling sideways and without a cut text, at 1024×768 in classroom mode (p = 1 keeps the
note's grid of one row per iterate)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gdapp.cli import build_parser, spec_from_args
from gdapp.core import RunSpec
from gdapp.gui.classroom import BAND_ROWS, GRID_ROWS
from gdapp.gui.grid_bands import band_key
from gdapp.gui.i18n import install_language
from gdapp.gui.plot_room import view_height
from gdapp.gui.screenshot import Shot, prepare
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

#: Runs of 1, 2, 5 and 10 parameters (the note's; a line; five features through the origin;
#: a polynomial of degree 9), of 6 with Adam and mini-batches (more columns per parameter) and
#: of 16 (degree 15: a band taller than the grid is kept, the window still fits the screen).
RUNS = {1: [], 2: ["--model", "line"],
        5: ["--example", "features", "--model", "origin", "--eta", "0.0005"],
        10: ["--example", "overfit", "--degree", "9", "--eta", "0.5", "--iterations", "400"],
        6: ["--example", "features", "--model", "line", "--optimizer", "adam", "--eta", "0.5",
            "--batch-size", "5", "--iterations", "300"],
        16: ["--example", "overfit", "--degree", "15", "--eta", "0.5", "--iterations", "400"]}
NOTE = {"k", "b1", "∂/∂b1", "Δb1"}
BANDS = {"k", "j", "bj", "∂/∂bj", "Δbj"}


def _spec(flags: list[str]) -> RunSpec:
    return spec_from_args(build_parser().parse_args(["gui", *flags]))


@pytest.fixture(scope="module")
def projector() -> MainWindow:
    """One window at 1024×768 in classroom mode, for every case (each sets its own run)."""
    install_language("en")
    window = MainWindow(RunViewModel())
    window.show()
    prepare(window, Shot(size=(1024, 768), classroom=True))
    yield window
    window.close()
    window.deleteLater()


def _settle(qtbot: QtBot) -> None:
    qtbot.wait(60)  # the layout chosen, the rows whole
    for _ in range(12):  # and the room for the band taken (zero timers, one after another)
        QApplication.processEvents()


def _shown_whole(window: MainWindow) -> dict[str, int]:
    """The columns whose cells and header lie wholly in the viewport, with their text
    uncut: title → column."""
    grid = window.grid
    model = grid.table_model
    room = grid.viewport().width()
    metrics = grid.horizontalHeader().fontMetrics()
    whole = {}
    for c in grid.visible_columns():
        title = str(model.headerData(c, Qt.Orientation.Horizontal))
        inside = grid.columnViewportPosition(c) >= 0 and \
            grid.columnViewportPosition(c) + grid.columnWidth(c) <= room + 1
        if inside and metrics.horizontalAdvance(title) <= grid.columnWidth(c):
            whole[title] = c
    return whole


@pytest.mark.parametrize("p", sorted(RUNS))
def test_every_parameter_its_gradient_and_step_in_view(qtbot: QtBot, projector: MainWindow,
                                                       p: int) -> None:
    window = projector
    window.vm.set_spec(_spec(RUNS[p]))
    window.vm.stepping = True
    window.vm.set_current(3)
    _settle(qtbot)
    grid, names = window.grid, window.vm.run.spec.param_names
    assert len(names) == p
    assert grid.horizontalScrollBar().maximum() == 0, "the grid scrolls sideways"
    assert window.minimumSizeHint().height() <= 768 and window.minimumSizeHint().width() <= 1024
    whole = _shown_whole(window)
    if p == 1:  # the note's own grid, one row per iterate, as it was
        assert not grid.bands and grid.table_model is grid.wide_model
        assert set(whole) >= NOTE
        assert grid.rowAt(grid.rowViewportPosition(3)) == 3
        return
    assert grid.bands and set(whole) >= BANDS
    # the current iterate's band: a whole row per parameter, inside the viewport
    model, wide = grid.table_model, grid.wide_model
    rows = grid.current_rows()
    assert rows == [3 * p + j for j in range(p)]
    height = grid.viewport().height()
    if p > BAND_ROWS:  # a band taller than the grid: its first rows, from the top
        assert grid.rowAt(0) == rows[0]
        rows = [r for r in rows if grid.rowViewportPosition(r) + grid.rowHeight(r) <= height]
        assert len(rows) >= BAND_ROWS
    seen = grid.viewport().visibleRegion().boundingRect()  # not under another pane
    for row in rows:
        assert 0 <= grid.rowViewportPosition(row) <= height - grid.rowHeight(row)
        assert grid.rowViewportPosition(row) + grid.rowHeight(row) <= seen.bottom() + 1
    # each row shows its parameter's numbers, those of the wide grid, no digit cut
    cells = grid._cells
    for j, row in enumerate(rows):
        assert model.cell_text(row, whole["j"]) == names[j][1:]
        assert model.cell_text(row, 0) == ("3" if j == 0 else "")
        for title, key in (("bj", names[j]), ("∂/∂bj", f"∂/∂{names[j]}"),
                           ("Δbj", f"Δ{names[j]}")):
            c = whole[title]
            wide_col = [wide.column_key(i) for i in range(wide.columnCount())].index(key)
            assert model.cell_value(row, c) == wide.cell_value(3, wide_col)
            rect = grid.visualRect(model.index(row, c))
            text = cells.fitted_text(row, c, model.cell_text(row, c), rect.width() - 6,
                                     row == model.current)
            assert "…" not in text and text != "###"
            assert float(text) == pytest.approx(wide.cell_value(3, wide_col), rel=1e-3)


def test_the_band_of_the_last_iterate_is_whole_at_the_end_of_a_run(
        qtbot: QtBot, projector: MainWindow) -> None:
    window = projector
    window.vm.set_spec(_spec(RUNS[10]))
    window.vm.stepping = False
    window.vm.set_current(window.vm.run.iterations)
    _settle(qtbot)
    grid = window.grid
    rows = grid.current_rows()
    row_height = grid.verticalHeader().defaultSectionSize()
    assert rows[-1] == grid.table_model.rowCount() - 1
    assert grid.rowViewportPosition(grid.rowAt(0)) == 0  # the top row whole
    _band_from_its_top(window, rows, grid.viewport().height(), row_height)


def _band_from_its_top(window: MainWindow, rows: list[int], height: int, row: int) -> None:
    """The band's rows whole from its top (b0 first), at least GRID_ROWS of them: ten rows
    and a readable data view (65 pixels beside the band was a strip) do not both fit a
    768-pixel projector, so the grid yields its last rows (they scroll into view)."""
    grid = window.grid
    whole = [r for r in rows if 0 <= grid.rowViewportPosition(r) <= height - row]
    assert grid.rowAt(0) == rows[0] and whole == rows[: len(whole)]
    assert len(whole) >= min(len(rows), GRID_ROWS)
    if window.data_plots.isVisible():
        assert view_height(window.data_plots.currentWidget()) >= 90


def test_a_click_in_a_band_moves_to_its_iterate_and_the_copy_is_one_row_each(
        qtbot: QtBot, projector: MainWindow) -> None:
    window = projector
    window.vm.set_spec(_spec(RUNS[5]))
    _settle(qtbot)
    grid = window.grid
    assert grid.bands
    model = grid.table_model
    grid.selectionModel().select(model.index(2 * 5 + 3, 2),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)
    assert window.vm.current == 2
    assert grid.table_model.row_color(2 * 5) == grid.table_model.row_color(2 * 5 + 4)
    text = grid.copy_selection()
    assert QApplication.clipboard().text() == text
    header, row = text.splitlines()
    assert header.split("\t")[:4] == ["k", "b1", "b2", "b3"]
    assert row.split("\t")[0] == "2" and float(row.split("\t")[1]) == window.vm.run.params[2, 0]


def test_a_wide_enough_grid_keeps_one_row_per_iterate(qtbot: QtBot) -> None:
    install_language("en")
    window = MainWindow(RunViewModel(_spec(RUNS[2])))
    qtbot.addWidget(window)
    window.show()
    prepare(window, Shot(size=(1024, 768), classroom=True))
    _settle(qtbot)
    assert window.grid.bands
    window.set_zoom(1.0)
    window.resize(2400, 900)
    window.splitter.setSizes([0, 1600, 800])
    _settle(qtbot)
    assert not window.grid.bands and window.grid.table_model is window.grid.wide_model


def test_a_wide_columns_key_names_its_parameter() -> None:
    names = ("b0", "b1", "b10")
    assert band_key("Δb10", names) == ("Δbj", 2)
    assert band_key("∂/∂b1 (batch)", names) == ("∂/∂bj (batch)", 1)
    assert band_key("m b0", names) == ("m bj", 0)
    assert band_key("cost E", names) == ("cost E", None)


#: The rules whose step the window writes out (at k = 3 → 4).
RULES = {"gd": [], "momentum": ["--optimizer", "momentum"],
         "nesterov": ["--optimizer", "nesterov"],
         "adagrad": ["--optimizer", "adagrad", "--eta", "2"],
         "rmsprop": ["--optimizer", "rmsprop", "--eta", "0.5", "--centered"],
         "adam": ["--optimizer", "adam", "--eta", "0.5", "--amsgrad"],
         "schedule": ["--schedule", "cosine", "--optimizer", "adam", "--eta", "0.5"],
         "mini-batch": ["--model", "line", "--batch-size", "1", "--shuffle", "--seed", "1"],
         "L1 subgradient": ["--penalty", "l1", "--lam", "2", "--l1-method", "subgradient",
                            "--optimizer", "momentum"],
         "features": ["--example", "features", "--model", "line", "--standardize", "--eta",
                      "0.1", "--optimizer", "adam", "--batch-size", "4"]}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_written_out_step_of_every_rule_is_whole_on_a_projector(qtbot: QtBot,
                                                                    lang: str) -> None:
    """At 1024×768 in classroom mode every word of the step (a number, a formula) fits the
    step panel's width, and its last line can be scrolled to."""
    install_language(lang)
    window = MainWindow(RunViewModel())
    qtbot.addWidget(window)
    window.show()
    prepare(window, Shot(size=(1024, 768), classroom=True))
    label, frame = window.step_label, window.step_scroll
    for rule, flags in RULES.items():
        window.vm.set_spec(_spec(flags))
        window.vm.stepping = True
        window.vm.set_current(3)
        qtbot.wait(20)
        text = label.text()
        assert "3 → 4" in text, rule
        assert frame.isVisible() and frame.horizontalScrollBar().maximum() == 0, rule
        metrics = label.fontMetrics()
        words = text.replace("<br>", " ").replace("\n", " ").split()
        widest = max(metrics.horizontalAdvance(w) for w in words if "<" not in w)
        assert widest <= label.width() - 6, (rule, widest)  # padding 3 px each side
        hidden = label.heightForWidth(label.width()) - frame.viewport().height()
        assert hidden <= frame.verticalScrollBar().maximum() + 1, rule
        assert label.font().pointSizeF() >= 1.3 * window._base_font.pointSizeF(), rule


def test_the_degree_9_scenes_show_a_whole_band_and_the_window_stays_on_screen(
        qtbot: QtBot, projector: MainWindow) -> None:
    """The degree-9 scene (b0 … b9) then the next (its path dock comes up): the grid makes
    room for the band of ten rows as far as a readable data view allows (its top rows), and
    the window stays 1024×768."""
    from gdapp.gui.lessons import all_scenes

    window = projector
    nine = next(i for i, s in enumerate(all_scenes(), 1) if "Degree 9" in s.title)
    for scene in (nine, nine + 1):
        prepare(window, Shot(size=(1024, 768), classroom=True, lesson=scene))
        _settle(qtbot)
        grid = window.grid
        assert window.size().toTuple() == (1024, 768), scene
        assert grid.bands and grid.rows_needed() == 10
        height = min(grid.viewport().height(),  # and not under another pane
                     grid.viewport().visibleRegion().boundingRect().bottom() + 1)
        _band_from_its_top(window, grid.current_rows(), height,
                           grid.verticalHeader().defaultSectionSize())


@pytest.mark.parametrize("scene", [5, 14])
def test_the_notes_grid_keeps_its_columns_in_view_with_fewer_digits(
        qtbot: QtBot, projector: MainWindow, scene: int) -> None:
    """One parameter: scene 5's large numbers and scene 14's gradient check column did not
    fit at five digits, and Δb1 went off to the right; now the numbers show fewer digits."""
    window = projector
    prepare(window, Shot(size=(1024, 768), classroom=True, lesson=scene))
    _settle(qtbot)
    grid = window.grid
    assert not grid.bands
    assert grid.horizontalScrollBar().maximum() == 0
    whole = _shown_whole(window)
    assert set(whole) >= NOTE
    if scene == 14:
        assert "≈ ∂/∂b1" in whole  # the central difference
