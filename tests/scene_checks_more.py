"""More checks of the lesson's scenes for the walk of ``test_gui_scene_tour.py``
(:mod:`scene_tour`): what is drawn over what (the "k = … is off the plot" remark, the
validation curve's best λ, the cost map's legend), Adam's m̂ and v̂ keeping their hats, the
grid keeping whole rows of every parameter, its gradient and its step beside a lesson, and
the objective plot's room on a projector and the path plots' axis label.

Each was a test that opened a window of its own for each scene, language and view; here each
scene is shown once per walk and every check that looks at it runs there.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from plot_marks import assert_remark_clear, drawn_under, label_marks
from PySide6.QtCore import Qt
from scene_tour import Visit, scene_check
from toolbar_check import assert_every_toolbar_action_on_screen

from gdapp.gui.i18n import tr
from gdapp.gui.lessons import all_scenes, scenes
from gdapp.gui.lessons_more import scene_groups
from gdapp.gui.plot_room import READABLE_VIEW, view_height


def numbered(*titles: str) -> tuple[int, ...]:
    """The Lesson menu's numbers of the scenes whose titles start with ``titles``."""
    return tuple(next(i for i, s in enumerate(scenes(), 1) if s.title.startswith(t))
                 for t in titles)


def per_view(**views: tuple[str, ...]) -> Callable[[str], tuple[int, ...]]:
    """Scenes by view: ``per_view(classroom=("15.",), …)`` (a view's name with "×" as "x")."""
    return lambda view: numbered(*views.get(_key(view), ()))


def _key(view: str) -> str:
    return {"1280×800": "laptop", "classroom": "classroom", "1024×768": "small"}[view]


# ---- the "k = … is off the plot" remark -----------------------------------------------------
# on the projector scenes 10 and 21 give the objective plot's room to the path's dock
@scene_check(["1280×800", "classroom"], scenes_of=per_view(
    laptop=("10.", "15.", "19.", "20.", "21."), classroom=("15.", "19.", "20.")))
def the_off_plot_remark_leaves_the_objectives_curves_in_sight(visit: Visit) -> None:
    """The objective plot's "k = … is off the plot" lies in its view, off its curves and its
    legend, and names the current k; on a projector as large as the legend."""
    window = visit.window
    plot = window.objective_plot
    assert plot.isVisible() and plot.off_plot.isVisible(), "no remark on the objective plot"
    assert_remark_clear(plot)
    shown = plot.off_plot.toPlainText()
    assert f"k = {window.vm.current}" in shown, shown
    if visit.view == "classroom":
        points = plot.off_plot.textItem.font().pointSizeF()
        assert plot.scale > 1 and abs(points - 8 * plot.scale) < 1e-6, (points, plot.scale)
        assert abs(plot.legend_points - 8 * plot.scale) < 1e-6, plot.legend_points


# ---- the validation curve's best λ ----------------------------------------------------------
@scene_check(["1280×800", "classroom"], scenes_of=lambda _view: numbered("21."))
def the_best_lambda_label_covers_neither_curve(visit: Visit) -> None:
    """The validation curve's "best λ = …" lies inside its view, off both curves, the star it
    names and the legend, and near enough to the star to name it (or, on a projector's
    crowded dock, follows the plot's title)."""
    validation = visit.window.path_plot.validation
    assert validation.isVisible() and validation.curve is not None, "no validation curve"
    label = validation.best_label
    assert "λ = " in label.toPlainText(), label.toPlainText()
    item = validation.plot.getPlotItem()
    view = item.getViewBox()
    if not label.isVisible():
        assert visit.view == "classroom", "the best λ is not shown"
        assert label.toPlainText() in item.titleLabel.text, item.titleLabel.text
        return
    box = view.mapRectFromScene(label.textItem.sceneBoundingRect())
    assert view.boundingRect().adjusted(-1, -1, 1, 1).contains(box), box
    assert drawn_under(view, box, [validation.train_item, validation.test_item]) == 0, \
        "the label covers a curve"
    xs, ys = validation.best_item.getData()
    star = view.mapFromView(pg.Point(float(xs[0]), float(ys[0])))
    assert not box.adjusted(-4, -4, 4, 4).contains(star), "the label covers its star"
    legend = item.legend.mapRectToItem(view, item.legend.boundingRect())
    assert not legend.intersects(box), "the label is under the legend"
    centre = box.center()
    assert np.hypot(centre.x() - star.x(), centre.y() - star.y()) < 0.25 * np.hypot(
        view.width(), view.height()), "the label is far from its star"


# ---- the cost map's legend -----------------------------------------------------------------
@scene_check(["1280×800"], scenes_of=lambda _view: numbered("11.", "18."))
def the_cost_maps_legend_is_off_the_path(visit: Visit) -> None:
    """Where the map's axes keep equal scales its view is wider than the one asked for: the
    legend is placed in the view shown, off the path and its marks."""
    plot = visit.window.cost_plot
    view = plot.plot_item.getViewBox()
    assert plot.legend.isVisible(), "the cost map has no legend"
    box = plot.legend.mapRectToItem(view, plot.legend.boundingRect())
    assert drawn_under(view, box, [plot.path_item, plot.marker, plot.optimum_marker]) == 0, \
        "the legend covers the path"


# ---- Adam's m̂ and v̂ -------------------------------------------------------------------------
@scene_check(["1280×800", "classroom"], scenes_of=lambda _view: numbered("11."))
def adams_m_hat_and_v_hat_keep_their_hats(visit: Visit) -> None:
    """In the paragraph and the written-out update, every combining hat is drawn over its
    letter (m̂ and v̂, not "m^" beside it or a hat over the line)."""
    lesson = visit.window.lesson.text
    assert "m\u0302" in lesson.text() and "v\u0302" in lesson.text(), "no m̂ or v̂"
    assert label_marks(lesson) == [], label_marks(lesson)
    step = visit.window.step_label
    # m̂ = … and d = m̂/(√v̂ + ε), per parameter
    assert step.text().count("m\u0302") >= 4, step.text()
    assert label_marks(step) == [], label_marks(step)


# ---- the grid beside a lesson ---------------------------------------------------------------
#: Whole rows of the grid always in view.
ROWS = 4
#: The note's step from 15 (one parameter), the L1 path (its dock, five features) and the
#: students who passed or failed (a long status and warning).
CLASSES = next(r.stop for title, r in scene_groups(len(all_scenes()))  # the group's last
               if "lassification" in title)


def _whole_columns(visit: Visit) -> set[str]:
    grid = visit.window.grid
    room = grid.viewport().width()
    return {str(grid.table_model.headerData(c, Qt.Orientation.Horizontal))
            for c in grid.visible_columns()
            if grid.columnViewportPosition(c) + grid.columnWidth(c) <= room + 1}


@scene_check(["1280×800", "classroom"], scenes_of=lambda _view: (3, 10, CLASSES))
def the_grid_keeps_whole_rows_with_a_lesson_open(visit: Visit) -> None:
    """Whole rows of k, the parameters, the gradient and the step (a band of rows per
    iterate with several parameters, no scrolling sideways), the current iterate in view and
    not under another pane; the window fits the screen and shows every toolbar action."""
    window = visit.window
    grid = window.grid
    row = grid.verticalHeader().defaultSectionSize()
    assert grid.viewport().height() >= ROWS * row, "the grid is a strip"
    # the top row is whole, also at the end of a run (the grid is a whole number of rows)
    assert grid.rowViewportPosition(grid.rowAt(0)) == 0, "the top row is cut"
    assert grid.viewport().height() % row == 0, (grid.viewport().height(), row)
    last = grid.rowAt(grid.viewport().height() - 1)
    last = grid.table_model.rowCount() - 1 if last < 0 else last
    rows = grid.current_rows()
    assert grid.rowAt(0) <= rows[0] and rows[-1] <= last, "the current iterate is not in view"
    seen = grid.viewport().visibleRegion().boundingRect()
    assert seen.top() <= 0 and grid.rowViewportPosition(rows[-1]) + row <= seen.bottom() + 1, \
        "the current iterate is under another pane"
    columns = _whole_columns(visit)
    if len(window.vm.run.spec.param_names) == 1:  # the note's columns, whole
        assert {"k", "b1", "∂/∂b1", "Δb1"} <= columns, columns
    else:
        assert {"k", "j", "bj", "∂/∂bj", "Δbj"} <= columns, columns
        assert grid.horizontalScrollBar().maximum() == 0, "the grid scrolls sideways"
    assert window.minimumSizeHint().width() <= window.width(), "wider than its screen"
    assert window.minimumSizeHint().height() <= window.height(), "taller than its screen"
    assert_every_toolbar_action_on_screen(window)


# ---- the plots' room on a projector, the regularization path's label ----------------------
@scene_check(["classroom"], scenes_of=lambda _view: numbered("6."))
def in_classroom_mode_the_objective_plot_is_readable(visit: Visit) -> None:
    """Under scene 6's paragraph on a projector, the lesson's frame takes only what its text
    needs, and the objective and cost plots share the column's room (the objective's was 88
    px under the paragraph and two lines of note)."""
    window = visit.window
    text, frame = window.lesson.text, window.lesson.text_scroll
    assert frame.height() <= text.heightForWidth(text.width()) + 2 * frame.frameWidth() + 1, \
        "a blank band under the paragraph"
    objective, cost = view_height(window.objective_plot), view_height(window.cost_plot)
    assert objective >= READABLE_VIEW and cost >= READABLE_VIEW, (objective, cost)
    assert objective >= 0.6 * cost, (objective, cost)


@scene_check(["1280×800", "classroom"], scenes_of=lambda _view: numbered("10."))
def the_path_plots_left_label_is_whole(visit: Visit) -> None:
    """The path plots' axis label is whole along its axis ("coefficient at the exact o…" was
    cut), in Korean 최적해, and on a projector not shrunk below the tick labels' size."""
    window = visit.window
    for name, plot in window.path_plot.plots.items():
        item = plot.getPlotItem()
        label = item.getAxis("left").label
        text = item.getAxis("left").labelText
        assert text in (tr("optimum bj*"), tr("coefficient at the exact optimum")), text
        assert label.boundingRect().width() <= item.getViewBox().height() + 16, (name, text)
        if visit.lang == "ko":
            assert "최적해" in text, text
    if visit.view == "classroom":
        points = float(window.path_plot.plots["l1"].left_label[1])
        assert points >= 9 * window.zoom - 0.01, points


# ---- the update's frame ends under a whole line --------------------------------------------
@scene_check(["1280×800", "classroom"])
def the_updates_frame_cuts_no_line_in_half(visit: Visit) -> None:
    """Where the update is longer than its frame (it scrolls), the frame ends under a whole
    line: the band of ink rows at its lower edge, if one touches it, is as high as a line's
    (classroom scene 18's closing note showed the top half of its line)."""
    scroll = visit.window.step_scroll
    label = visit.window.step_label
    viewport = scroll.viewport()
    if not scroll.isVisible() or label.height() <= viewport.height() + 1:
        return
    image = viewport.grab().toImage()
    inked = [any(image.pixelColor(x, y).lightness() < 128 for x in range(image.width() - 1))
             for y in range(image.height())]
    bands: list[list[int]] = []     # [first, last] rows of each run of inked rows
    for y, ink in enumerate(inked):
        if ink and bands and bands[-1][1] == y - 1:
            bands[-1][1] = y
        elif ink:
            bands.append([y, y])
    if len(bands) < 2 or bands[-1][1] < image.height() - 1:
        return
    heights = sorted(last - first + 1 for first, last in bands[:-1])
    line = heights[len(heights) // 2]
    cut = bands[-1][1] - bands[-1][0] + 1
    assert cut >= 0.75 * line, f"the last line shows {cut} of its {line} pixels of ink"
