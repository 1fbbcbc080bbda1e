"""The drawing shortcuts that keep the window within a frame draw what the slow way drew."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QStyledItemDelegate
from pytestqt.qtbot import QtBot

from gdapp.core import RunSpec
from gdapp.gui.path_drawing import (
    MAX_PATH_POINTS,
    PATH_EXACT_ROWS,
    PATH_PIXEL_STEP,
    PathDots,
    on_screen_indices,
    with_rows,
)
from gdapp.gui.plots import CostCurvePlot, ObjectivePlot
from gdapp.gui.table_model import CURRENT_COLOR, IterationTableView
from gdapp.gui.viewmodel import RunViewModel

LONG = RunSpec(learning_rate=1e-4, max_iterations=10_000)


def _data(item: object) -> tuple[np.ndarray, np.ndarray]:
    x, y = item.getOriginalDataset()  # type: ignore[attr-defined]
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def test_a_long_path_keeps_first_last_and_current_rows_and_drops_sub_pixel_steps() -> None:
    # b1 shrinking geometrically towards 2.8: the late steps are far below a pixel
    k = np.arange(10_001)
    x = 2.8 + 12.2 * (1 - 5e-4) ** k
    y = 2.5 * x**2 - 14 * x + 20
    pixels = (600 / 13.0, 400 / 400.0)
    rows = on_screen_indices(x, y, pixels, keep=7_777)
    assert rows[0] == 0 and rows[-1] == 10_000 and 7_777 in rows
    assert 10 < rows.size < 1_000 and rows.size <= MAX_PATH_POINTS
    assert np.all(np.diff(rows) > 0)
    # between kept rows (other than the ones kept on purpose) the path moved ≥ one step
    ordinary = np.setdiff1d(rows, [0, 7_777, 10_000])
    moved = np.hypot(np.diff(x[rows]) * pixels[0], np.diff(y[rows]) * pixels[1])
    assert ordinary.size > 0 and np.median(moved) >= PATH_PIXEL_STEP * 0.99


def test_a_short_path_is_drawn_through_every_iterate() -> None:
    x = np.linspace(15.0, 2.8, PATH_EXACT_ROWS)
    assert np.array_equal(on_screen_indices(x, x, (1.0, 1.0)), np.arange(PATH_EXACT_ROWS))


def test_a_zigzag_path_is_capped_at_the_point_budget() -> None:
    k = np.arange(50_001)
    x = 2.8 + 12.2 * (-0.9999) ** k  # bounces across the optimum, each step ~ 24 units
    rows = on_screen_indices(x, x * 0, (40.0, 1.0), keep=12_345)
    assert rows.size <= MAX_PATH_POINTS + 3
    assert {0, 12_345, 50_000} <= set(rows.tolist())


def test_adding_the_kept_rows_gives_numpys_union() -> None:
    """``with_rows`` replaces ``np.union1d`` (most of a millisecond per η change)."""
    rng = np.random.default_rng(19)
    cases = [(np.empty(0, dtype=np.intp), [0]), (np.asarray([3, 5]), [5, 3]),
             (np.asarray([1, 2, 3]), [0, 9, 0, 2])]
    for _ in range(500):
        m = int(rng.integers(1, 40))
        rows = np.unique(rng.integers(0, m, size=int(rng.integers(0, m + 1))))
        cases.append((rows, [int(v) for v in rng.integers(0, m, size=3)]))
    for rows, extra in cases:
        got = with_rows(rows, extra)
        assert got.dtype == np.intp
        assert np.array_equal(got, np.union1d(rows, np.asarray(extra, dtype=np.intp)))


def test_the_cost_plot_draws_a_long_runs_path_through_its_current_iterate(
        qtbot: QtBot) -> None:
    vm = RunViewModel(LONG)
    plot = CostCurvePlot(vm)
    plot.resize(800, 500)
    qtbot.addWidget(plot)
    run = vm.run
    x, _ = _data(plot.path_item)
    assert run.iterations == 10_000 and 10 < x.size < 2_000
    assert {run.params[0, 0], run.params[-1, 0]} <= set(x.tolist())
    vm.set_current(4_321)
    x, y = _data(plot.path_item)
    assert run.params[4_321, 0] in set(x.tolist())
    assert np.all(np.isin(y, run.objective))  # every vertex is an iterate on the curve
    dx, dy = plot.path_dots.getData()
    assert 0 < dx.size <= 300 and np.all(np.isin(dx, run.params[:, 0]))
    assert np.all(np.isin(dy, run.objective))


def test_a_new_learning_rate_keeps_the_sampled_curves_and_moves_the_path(
        qtbot: QtBot) -> None:
    vm = RunViewModel(LONG)
    plot = CostCurvePlot(vm)
    qtbot.addWidget(plot)
    samples, cost = _data(plot.cost_curve)
    path_before = _data(plot.path_item)[1]
    vm.update(learning_rate=1.1e-4)
    assert np.array_equal(_data(plot.cost_curve)[0], samples)
    assert np.array_equal(_data(plot.cost_curve)[1], cost)
    assert not np.array_equal(_data(plot.path_item)[1], path_before)
    # a penalty changes the objective: the curves are sampled again
    vm.update(penalty="l2", lam=0.5)
    assert plot.objective_curve.isVisible()
    assert not np.array_equal(_data(plot.objective_curve)[1][:5], cost[:5])


def test_the_path_dots_are_painted_in_the_runs_colour(qtbot: QtBot) -> None:
    vm = RunViewModel()
    plot = CostCurvePlot(vm)
    plot.resize(800, 500)
    qtbot.addWidget(plot)
    plot.path_item.setVisible(False)
    plot.cost_curve.setVisible(False)
    image = plot.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, 800, 2)
               for y in range(0, 500, 2)}
    assert "#1f77b4" in colours  # the first pin colour, the current run's
    dots = PathDots(size=6, color="#ff0000")
    dots.setData([1.0, np.nan, 3.0], [2.0, 5.0, 4.0])
    x, y = dots.getData()
    assert x.tolist() == [1.0, 3.0] and y.tolist() == [2.0, 4.0]
    assert dots.dataBounds(0) == (1.0, 3.0) and dots.dataBounds(1) == (2.0, 4.0)


def test_the_objective_plot_keeps_every_value_and_its_view_after_a_new_run(
        qtbot: QtBot) -> None:
    vm = RunViewModel(LONG)
    plot = ObjectivePlot(vm)
    qtbot.addWidget(plot)
    view = [list(r) for r in plot.plot_item.getViewBox().viewRange()]
    vm.update(learning_rate=1.1e-4)
    assert np.array_equal(_data(plot.objective_curve)[1], vm.run.objective)
    assert [list(r) for r in plot.plot_item.getViewBox().viewRange()] == view
    plot.set_log_scale(True)
    assert plot.plot_item.getAxis("left").logMode
    vm.update(learning_rate=1.2e-4)
    assert plot.plot_item.getAxis("left").logMode
    plot.set_log_scale(False)
    assert not plot.plot_item.getAxis("left").logMode


def test_the_grid_paints_the_current_row_in_its_colour_and_text_from_the_model(
        qtbot: QtBot) -> None:
    vm = RunViewModel()
    view = IterationTableView(vm)
    view.resize(520, 400)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    vm.set_current(3)
    view.scrollToTop()
    model = view.table_model
    assert model.cell_text(3, 1) == model.data(model.index(3, 1))
    assert model.row_color(3) == CURRENT_COLOR and model.row_color(4) is None
    image = view.viewport().grab().toImage()
    y3 = view.rowViewportPosition(3) + 2
    y4 = view.rowViewportPosition(4) + 2
    assert image.pixelColor(view.columnViewportPosition(1) + 2, y3) == CURRENT_COLOR
    assert image.pixelColor(view.columnViewportPosition(1) + 2, y4).name() == "#ffffff"
    # the row's text is drawn: dark pixels in the current row's b1 cell
    x0, w = view.columnViewportPosition(1), view.columnWidth(1)
    h = view.rowHeight(3)
    dark = [image.pixelColor(x, y).lightness() < 100 for x in range(x0, x0 + w)
            for y in range(y3 - 2, y3 - 2 + h)]
    assert any(dark)


def _lightness(view: IterationTableView, width: int = 400) -> list[list[int]]:
    """The lightness of each pixel of the first eight rows, ``width`` pixels wide."""
    image = view.viewport().grab().toImage()
    return [[image.pixelColor(x, y).lightness() for x in range(width)]
            for y in range(view.rowViewportPosition(8))]


def _differing(a: list[list[int]], b: list[list[int]]) -> int:
    return sum(abs(p - q) > 60 for ra, rb in zip(a, b, strict=True)
               for p, q in zip(ra, rb, strict=True))


def _grid(qtbot: QtBot, width: int = 520) -> IterationTableView:
    """The note's grid, shown, with the current (coloured, bold) row 4 on screen."""
    vm = RunViewModel()
    view = IterationTableView(vm)
    view.resize(width, 300)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    vm.set_current(4)
    view.scrollToTop()
    return view


def test_the_grid_looks_as_qts_own_painting_even_with_a_selection(qtbot: QtBot) -> None:
    view = _grid(qtbot)
    ours = _lightness(view)
    view.fast_paint = False
    view.setItemDelegate(QStyledItemDelegate(view))  # Qt's own delegate, as it comes
    qt = _lightness(view)
    assert _differing(ours, qt) <= 20
    view.selectRow(6)
    qt_selected = _lightness(view)
    view.fast_paint = True
    assert _differing(_lightness(view), qt_selected) <= 20
    assert _differing(qt_selected, qt) > 1_000  # the selection shows


def test_a_narrow_column_looks_as_the_grids_delegate_paints_it(qtbot: QtBot) -> None:
    # In a narrow column a number shows fewer digits, by the view's own painting and by its
    # item delegate (Qt's painting of the same text) alike: "13.8105" becomes "13.81".
    view = _grid(qtbot)
    view.setColumnWidth(1, 40)
    ours = _lightness(view)
    view.fast_paint = False
    theirs = _lightness(view)
    assert _differing(ours, theirs) <= 20
    view.selectRow(6)
    theirs_selected = _lightness(view)
    view.fast_paint = True
    assert _differing(_lightness(view), theirs_selected) <= 20
    # the check can fail: text clipped instead of shortened looks different
    view.clearSelection()
    view._cells.fits = lambda *_: True
    assert _differing(_lightness(view), theirs) > 50


def test_a_cell_cut_by_the_right_edge_looks_as_the_grids_delegate_paints_it(
        qtbot: QtBot) -> None:
    view = _grid(qtbot, width=480)
    width = view.viewport().width()
    last = view.visible_columns()[-1]
    x = view.columnViewportPosition(last)
    assert x + 30 < width < x + view.columnWidth(last)  # Δb1 is cut, partly visible
    ours = _lightness(view, width)
    view.fast_paint = False
    theirs = _lightness(view, width)
    assert _differing(ours, theirs) <= 20
    # Qt's own delegate draws the leading digits there instead
    view.setItemDelegate(QStyledItemDelegate(view))
    assert _differing(ours, _lightness(view, width)) > 50


def test_the_grid_lies_under_the_data_and_the_contour_lines_over_the_shading(
        qtbot: QtBot) -> None:
    vm = RunViewModel(RunSpec(model="line", learning_rate=0.01))
    plot = CostCurvePlot(vm)
    qtbot.addWidget(plot)
    view_z = plot.plot_item.getViewBox().zValue()
    assert all(plot.plot_item.getAxis(side).zValue() < view_z for side in ("left", "bottom"))
    assert plot.contour_lines.zValue() > plot.contour_image.zValue()
    # the map's legend sits under the plot (the shading leaves no free corner), not over it
    assert plot._legend_outside and plot.legend.parentItem() is plot.plot_item


def test_back_from_the_line_model_the_kept_curves_show_as_before(qtbot: QtBot) -> None:
    vm = RunViewModel()
    plot = CostCurvePlot(vm)
    qtbot.addWidget(plot)
    cost = _data(plot.cost_curve)[1]
    vm.update(model="line")
    assert not plot.cost_curve.isVisible()
    vm.update(model="origin")
    assert plot.cost_curve.isVisible() and np.array_equal(_data(plot.cost_curve)[1], cost)
    assert not plot.penalty_curve.isVisible() and not plot.objective_curve.isVisible()
    assert plot.tangent.isVisible()


def test_the_optimums_star_lies_above_the_current_iterates_dot(qtbot: QtBot) -> None:
    # scene 2's iterate sits on the optimum the lesson points at ("the green star"): the
    # yellow dot drawn above it hid the star
    plot = CostCurvePlot(RunViewModel())
    qtbot.addWidget(plot)
    assert plot.optimum_marker.zValue() > plot.marker.zValue()
