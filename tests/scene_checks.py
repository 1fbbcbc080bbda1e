"""The checks of every lesson scene that ``test_gui_scene_tour.py`` runs in one walk per
language and view (:mod:`scene_tour`). Each says what a class could not read before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsTextItem, QLabel
from scene_tour import Visit, all_scenes, scene_check

from gdapp.gui.accents import plain_text, set_label_text
from gdapp.gui.i18n import tr
from gdapp.gui.plot_room import DOCK_BAND_ROWS, view_height
from gdapp.gui.step_room import TEXT_TOP
from gdapp.gui.window import MainWindow

# ---- helpers ------------------------------------------------------------------------------


def points(axis: pg.AxisItem) -> float:
    """The size of an axis label's font, in points."""
    return float(axis.labelStyle.get("font-size", "9pt").removesuffix("pt"))


def shown_plots(window: MainWindow) -> list[pg.PlotWidget]:
    return [p for p in window.findChildren(pg.PlotWidget) if p.isVisible()]


def placed_along_the_view(item: pg.PlotItem, axis: pg.AxisItem, side: str,
                          where: str) -> None:
    """The label lies along its view box (pyqtgraph places it only on a resize: a label
    shortened since was drawn off its place, "optimum bj*" cut to "num bj*")."""
    label = axis.label.mapRectToScene(axis.label.boundingRect())
    view = item.getViewBox().sceneBoundingRect()
    if side == "left":
        assert view.top() - 16 <= label.top() and label.bottom() <= view.bottom() + 16, where
    else:
        assert view.left() - 16 <= label.left() and label.right() <= view.right() + 16, where


#: A view box a class can read, in pixels (57 and 59 were the strips at 1024×768).
READABLE = 90


def readable(window: MainWindow, where: str) -> None:
    """The right column's plots keep a readable view box."""
    cost = view_height(window.shown_cost_plot())
    assert cost >= READABLE, f"{where}: the cost plot's view is {cost:.0f} pixels"
    if window.objective_plot.isVisible():
        objective = view_height(window.objective_plot)
        assert objective >= READABLE, f"{where}: the objective's view is {objective:.0f}"


#: English words of the window that a Korean plot must not show (the optimizer's and the
#: schedule's code names are allowed only in parentheses after their Korean name).
STOP = {"gd", "momentum", "nesterov", "constant", "exponential", "cosine", "proximal",
        "subgradient", "logistic", "line", "origin", "cost", "objective", "iteration", "run",
        "this", "pinned", "the", "of", "at", "and", "exact", "optimum", "tangent", "slope",
        "samples", "sample", "data", "penalty", "path", "coefficient", "diverged", "update",
        "updates", "off", "plot", "curve", "training", "held", "test", "error", "valley",
        "not", "drawn", "another", "its", "own", "converged", "from", "shuffled",
        "schedule", "step", "accuracy", "predicted", "actual", "iterate", "boundary", "along",
        "model", "legend", "bce"}


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
                  r"invscaling|cosine|proximal|subgradient)\)", "", text)
    return [w for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text) if w.lower() in STOP]


# ---- the checks ---------------------------------------------------------------------------

#: The scenes whose plots' axis labels were cut ("…") or shrunk, by view.
CUT = {"classroom": [3, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20],
       "1280×800": [10, 20, 21], "1024×768": [10, 15, 16, 18, 20, 21]}
#: Where the objective plot's own label was cut, as the last screenshots showed it.
OBJECTIVE_CUT = {("classroom", 9), ("classroom", 15), ("1280×800", 10)}


@scene_check(views=CUT, scenes_of=lambda view: all_scenes() if view in ("classroom", "1280×800")
             else CUT[view])
def axis_labels_whole(visit: Visit) -> None:
    """No plot's axis label is cut to "…" or shrunk below the window's size, and each lies
    along its view box (the objective's label was "objective E + λ·…", and small)."""
    window = visit.window
    for plot in shown_plots(window):
        item = plot.getPlotItem()
        for side, length in (("left", item.getViewBox().height()),
                             ("bottom", item.getViewBox().width())):
            axis = item.getAxis(side)
            if not axis.isVisible() or not axis.labelText:
                continue
            at = f"{type(plot.parent()).__name__}, {side}"
            assert "…" not in axis.labelText, at
            assert points(axis) >= 9 * window.zoom - 0.01, at
            assert axis.label.boundingRect().width() <= length + 16, at
            placed_along_the_view(item, axis, side, at)
    if (visit.view, visit.scene) in OBJECTIVE_CUT:
        text = window.objective_plot.plot_item.getAxis("left").labelText
        assert text.startswith(tr("objective")), text  # the formula, else its name
        assert visit.lang == "en" or text.startswith("목적함수"), text


@scene_check(views=["1024×768"], langs=["en"])
def plots_readable_at_1024x768(visit: Visit) -> None:
    """At 1024×768 the right column's plots keep a readable view beside a long paragraph
    (they were strips of 57 pixels), and a paragraph that scrolls shows whole lines (scene
    15 cut one in half)."""
    readable(visit.window, visit.where)
    lesson = visit.window.lesson
    if lesson.scrolls():
        line = lesson.text.fontMetrics().lineSpacing()
        assert lesson.text_scroll.viewport().height() % line == 0, "a line cut in half"


@scene_check(views=["1280×800"], langs=["ko"])
def no_english_on_a_korean_plot(visit: Visit) -> None:
    """No English word of the window on a Korean plot, in the scene's title or paragraph
    (words of data, such as study_hours, are the data's own)."""
    from gdapp.gui.lessons import scenes

    scene = scenes()[visit.scene - 1]
    found = [(words, text[:80]) for text in (scene.title, scene.text,
                                             *plot_texts(visit.window))
             if (words := english_words(text))]
    assert not found, found


#: Lines of one parameter's block of an Adam update.
ADAM_BLOCK = 8
#: Whole rows of the grid always in view.
ROWS = 4


def _shown_height(window: MainWindow, text: str) -> int:
    """The height ``text`` takes in the step's frame (a label like the step's) to the
    bottom of its last line (the margin below it may be cut: the frame ends under a whole
    line, not under a margin that would show the next line's top)."""
    twin = QLabel()
    twin.setWordWrap(True)
    twin.setStyleSheet(window.step_label.styleSheet())
    twin.setFont(window.step_label.font())
    twin.setAlignment(window.step_label.alignment())  # (top-aligned text wraps otherwise)

    def height(shown: str) -> int:
        set_label_text(twin, shown)
        return int(twin.heightForWidth(window.step_label.width()))

    one = height("x")
    line = height("x\nx") - one
    return TEXT_TOP + round((height(text) - one) / line + 1) * line   # (lines equally spaced)


def _step_result_in_view(window: MainWindow, where: str, *, adam_block: bool = False) -> None:
    scroll = window.step_scroll
    assert scroll.isVisible(), where
    assert scroll.verticalScrollBar().value() == 0, where
    lines = plain_text(window.step_label).split("\n")
    names = window.vm.spec.param_names
    marks = [i for i, line in enumerate(lines) if i and "←" in line]
    if len(names) == 1:  # the whole update through its result (a note after it, "the run
        end = marks[-1]  # stopped at k = …", where the numbers' share has room)
        assert f"{names[0]} ← " in lines[end], lines[end]  # (L1's: "shrink toward 0 …: b1 ← …")
        shown = _shown_height(window, "\n".join(lines[: end + 1]))
        assert shown <= scroll.viewport().height(), \
            f"the update takes {shown} pixels of {scroll.viewport().height()}"
        if end == len(lines) - 1:
            assert scroll.verticalScrollBar().maximum() == 0, "the update scrolls"
        return
    if not adam_block and len(lines) > 2 * ADAM_BLOCK and window.vm.spec.optimizer == "adam":
        # Adam's first block alone (g, m, v, m̂, v̂, d, the step) wraps into ~18 lines: more
        # than a 768-pixel column holds beside the grid and the path dock (scene 10); its
        # whole update is a click away (View ▸ The update in a window)
        assert window.step_all_button.isVisible(), "no button for the whole update"
        return
    end = marks[0]
    assert lines[end].strip().startswith(f"{names[0]} ← "), lines[end]
    first = _shown_height(window, "\n".join(lines[: end + 1]))
    assert first <= scroll.viewport().height(), \
        f"the first block takes {first} pixels of {scroll.viewport().height()}"


@scene_check(views=["classroom"])
def whole_on_a_projector(visit: Visit) -> None:
    """Classroom mode at a projector's 1024×768: the lesson's paragraph whole without
    scrolling (a class cannot scroll; scenes 10, 14-17 and 21 scrolled), the step's frame
    showing the update's result — the whole update for one parameter, the first parameter's
    block through ``b0 ← … = value`` for several (the result was cut in most scenes; Adam's
    in scene 11 showed from its top, the result a click away), Adam's too where the path
    dock does not take the data view's place — every
    plot, the data view too, a readable view box (scene 20's data view was 65 pixels), and
    the grid its rows."""
    window = visit.window
    lesson = window.lesson
    text, frame = lesson.text, lesson.text_scroll
    assert not lesson.scrolls(), "the paragraph scrolls"
    assert text.heightForWidth(text.width()) <= frame.viewport().height() + 1, \
        "the paragraph is cut"
    _step_result_in_view(window, visit.where, adam_block=not window.path_dock.isVisible())
    for plot in window.findChildren(pg.PlotWidget):
        if plot.isVisible():
            height = view_height(plot)
            assert height >= READABLE, f"{type(plot.parent()).__name__} {height:.0f} pixels"
    grid = window.grid
    assert grid.viewport().height() >= ROWS * grid.verticalHeader().defaultSectionSize(), \
        "the grid shows fewer than four rows"


@scene_check(views=["1280×800"])
def step_result_at_1280x800(visit: Visit) -> None:
    """At 1280×800 the update's frame shows the first parameter's block through its result
    ``b0 ← … = value`` (scene 15's stopped at "b0 ← 88.66333333 − 0.1 × (…) =", its value
    cut; scene 11's Adam block showed only its g), a short update whole in a label of its
    own, without the frame. Beside the path dock the data
    view keeps its readable height first (the whole update is a click away)."""
    dock = visit.window.path_dock
    if visit.window.step_scroll.isVisible() and not dock.isVisible():
        _step_result_in_view(visit.window, visit.where, adam_block=True)


@scene_check(views=["classroom", "1280×800"])
def titles_whole(visit: Visit) -> None:
    """Every plot's title lies within its plot, in the titles' dark colour (classroom scene
    21's validation curve ran off the window's edge at "★ best λ = 0.0018", in pyqtgraph's
    faint grey as the path's titles)."""
    for plot in shown_plots(visit.window):
        title = plot.getPlotItem().titleLabel
        if not title.isVisible() or not title.text:
            continue
        text = title.item.mapRectToScene(title.item.boundingRect())
        inside = plot.sceneRect() if plot.sceneRect().width() > 0 else plot.rect()
        assert text.left() >= inside.left() - 1 and text.right() <= inside.left() + \
            plot.width() + 1, f"{type(plot.parent()).__name__}: {title.text!r} " \
            f"from {text.left():.0f} to {text.right():.0f} of {plot.width()}"
        assert "#222222" in title.item.toHtml(), f"{title.text!r} is grey"


def _settled(window: MainWindow) -> bool:
    from PySide6.QtCore import QCoreApplication

    from gdapp.gui.plot_base import RunPlotWidget

    for _ in range(5):
        QCoreApplication.processEvents()
    return not window.plot_room._pending and not any(
        getattr(p, "_layout_pending", False) for p in window.findChildren(RunPlotWidget))


#: A view box under a legend laid out under the plot keeps at least this many pixels.
LEAST_VIEW = 60


def _legend_plots(window: MainWindow) -> list[Any]:
    """The shown plots with a legend's entries, once the legends have settled (a legend that
    moved under its plot settles in a few rounds)."""
    from gdapp.gui.plot_base import RunPlotWidget

    for _ in range(20):
        if _settled(window):
            break
    return [plot for plot in window.findChildren(RunPlotWidget)
            if plot.isVisible() and plot._legend_entries]


@scene_check(views=["1280×800", "classroom"])
def legends_name_the_curves(visit: Visit) -> None:
    """The cost and objective plots name what they draw: a legend too large for its view,
    or with no free corner, sits under the plot instead of being hidden (scene 8's cost
    curve on the projector had no legend; so had 4, 6, 7, 9, 11, 12 there and 8, 9, 14, 21
    at 1280×800), and a legend in the view covers none of the run's points."""
    from test_gui_legends import run_plot_points_under_legend

    problems = []
    for plot in _legend_plots(visit.window):
        if type(plot).__name__ in ("PolynomialPlot", "DataPlot"):
            continue
        name = type(plot).__name__
        view = plot.plot_item.getViewBox()
        if not plot.legend.isVisible():
            problems.append((name, "hidden"))
        elif getattr(plot, "_legend_outside", False):
            # under the plot: below the view box, within the plot's width, the view above
            # it still a plot
            box = plot.legend.mapRectToItem(plot.plot_item, plot.legend.boundingRect())
            if box.top() < view.geometry().bottom() or box.left() < 0 or \
                    box.right() > plot.plot_item.width() + 1 or view.height() < LEAST_VIEW:
                problems.append((name, "under", box, view.height()))
        elif covered := run_plot_points_under_legend(plot):
            problems.append((name, "covers", covered))
    assert not problems, problems


#: The smallest letters of a legend on a projector, in points (the paragraph's smallest
#: letters there are about as large; a legend under its plot shrank to 8.64).
PROJECTOR_LEGEND_POINTS = 10


@scene_check(views=["classroom"])
def legends_readable_on_a_projector(visit: Visit) -> None:
    """On a projector every legend on a plot is in letters a class can read (a legend under
    its plot shrank to 8.64 points in scenes 7, 8, 9, 11, 12, 14 and 18), and the polynomial
    view names its dots, diamonds and curves on the plot (scenes 18 to 20 had its legend only
    in the tooltip)."""
    window = visit.window
    small = []
    for plot in _legend_plots(window):
        if not plot.legend.isVisible():
            continue
        for _, label in plot.legend.items:
            size = float(label.opts["size"].removesuffix("pt"))
            if size < PROJECTOR_LEGEND_POINTS:
                small.append((type(plot).__name__, label.text, size))
    assert not small, small
    data = window.data_plots.currentWidget()
    if type(data).__name__ == "PolynomialPlot" and data.isVisible():  # (21: the path's dock)
        assert data.legend.isVisible(), "the polynomial view's legend is in its tooltip"
        shown = [label.text for _, label in data.legend.items]
        assert len(shown) == len(data._legend_entries) >= 3, shown
        if data._legend_outside:  # under the plot, within it, the view above it readable
            box = data.legend.mapRectToItem(data.plot_item, data.legend.boundingRect())
            view = data.plot_item.getViewBox()
            assert box.top() >= view.geometry().bottom() and box.left() >= 0 and \
                box.right() <= data.plot_item.width() + 1, box
            assert view.height() >= READABLE, view.height()


def _titled(prefix: str) -> Callable[[str], list[int]]:
    from gdapp.gui.lessons import scenes

    return lambda _view: [i + 1 for i, s in enumerate(scenes()) if s.title.startswith(prefix)]


@scene_check(views=["1280×800", "classroom"], scenes_of=_titled("11."))
def the_cost_map_names_its_lines_and_its_arrow(visit: Visit) -> None:
    """The cost map's legend, under the map, names its contour lines and its arrow."""
    plot = visit.window.cost_plot
    assert plot.legend.isVisible() and getattr(plot, "_legend_outside", False)
    items = [item for item, _ in plot._legend_entries]
    assert {plot.contour.lines_sample, plot.contour.arrow_sample} <= set(items)
    shown = [label.text for _, label in plot.legend.items]
    assert any(("contour" in t) or ("등고선" in t) for t in shown), shown
    # the colour bar's label as dark and as large as the axes' (it was pyqtgraph's faint grey)
    bar = plot.contour.colour_bar.getAxis("left")
    assert bar.isVisible() and bar.labelText == tr("log₁₀ (f − f*)"), bar.labelText
    assert bar.labelStyle.get("color") == "#222222", bar.labelStyle
    assert points(bar) >= 9 * visit.window.zoom - 0.01, bar.labelStyle


#: The cost map's view in scene 11 on a projector, in pixels (it was 105 high beside the
#: objective plot: GD's path and momentum's were a smudge there).
MAP_VIEW = 250


@scene_check(views=["1280×800", "classroom"], scenes_of=_titled("11."))
def the_cost_map_is_large_and_shaded_to_its_edges(visit: Visit) -> None:
    """The optimizers' map is shaded to the view's edges (on a projector its equal scales
    widened the view after the map was drawn: white bands at its sides) and, on a projector,
    a view a class can follow three paths in."""
    plot = visit.window.cost_plot
    view = plot.plot_item.getViewBox()
    image = plot.contour.image
    shaded = image.mapRectToView(image.boundingRect())
    (x0, x1), (y0, y1) = view.viewRange()
    assert shaded.left() <= x0 and x1 <= shaded.right(), (shaded, view.viewRange())
    assert shaded.top() <= y0 and y1 <= shaded.bottom(), (shaded, view.viewRange())
    if visit.view == "classroom":
        assert view.height() >= MAP_VIEW, f"the map's view is {view.height():.0f} pixels"


@scene_check(views=["1280×800", "classroom"], scenes_of=_titled("10."))
def the_path_legends_are_dark(visit: Visit) -> None:
    """The regularization path's and the validation curve's legends are as dark as the
    others' (pyqtgraph's default was a faint grey)."""
    from PySide6.QtGui import QColor

    path = visit.window.path_plot
    legends = [p.getPlotItem().legend for p in path.plots.values()]
    legends.append(path.validation.plot.getPlotItem().legend)
    for legend in legends:
        assert isinstance(legend, pg.LegendItem) and legend.items
        for _, label in legend.items:
            # (None: pyqtgraph's default, its faint grey foreground)
            color = label.opts["color"] or pg.getConfigOption("foreground")
            assert QColor(pg.mkColor(color)).name() == "#222222", label.text


def _paths(_view: str) -> list[int]:
    from gdapp.gui.lessons import scenes

    return [i + 1 for i, s in enumerate(scenes()) if s.path]


#: The data view beside the path dock at 1280×800, in pixels at least (the layout leaves a
#: view a few pixels short of its 100 alone; the degree-9 polynomial's was 80).
DATA_BESIDE_PATH = 95


@scene_check(views=["1280×800", "classroom"], scenes_of=_paths)
def the_path_spreads_its_curves(visit: Visit) -> None:
    """The regularization path's curves take their view's height, its legend beside the
    view (a legend's band above them took half of it: the degree-9 path's nine lines lay in
    a strip a third of the view high), and at 1280×800 the data view beside the dock keeps a
    readable view (scene 21's was 80 pixels)."""
    window = visit.window
    for penalty, plot in window.path_plot.plots.items():
        if not plot.isVisible():
            continue
        item = plot.getPlotItem()
        view = item.getViewBox()
        (_, _), (y0, y1) = view.viewRange()
        ys = [y for curve in item.listDataItems() if curve.name()
              for y in curve.getData()[1]]
        spread = (max(ys) - min(ys)) / (y1 - y0)
        assert spread >= 0.85, f"{penalty}: the curves take {spread:.0%} of the view's height"
        legend = item.legend.mapRectToItem(item, item.legend.boundingRect())
        assert legend.left() >= view.geometry().right(), f"{penalty}: the legend is in the view"
    if visit.view == "1280×800" and window.grid.rows_needed() > DOCK_BAND_ROWS:
        # (a band of more than six rows gives the rest; scene 10's six stay whole)
        height = view_height(window.data_plots.currentWidget())
        assert height >= DATA_BESIDE_PATH, f"the data view is {height:.0f} pixels"


#: The advice of a scene's warning, in each language: what the class must read of it.
ADVICE = {10: ("Try a smaller η or a tolerance above 0.046", "η를 줄이거나 허용 오차를 0.046보다 "
                                                              "크게 해 보세요"),
          17: ("cost, cross-entropy", "비용함수 교차 엔트로피"),
          20: ("Raise max iterations", "최대 반복 횟수나 η")}


@scene_check(views=["1280×800", "classroom"])
def warning_whole(visit: Visit) -> None:
    """The red warning shows whole, its advice included: at 1280×800 the whole warning
    (scenes 10, 17 and 20 were cut before "Try a smaller η", "Raise max iterations" or the
    cost to use instead), on a projector's two lines (1024×768 in classroom mode) the same
    in fewer words, the advice first, where the whole does not fit (they showed its first
    words, "The iterates hop between b1 = 4.82782 and 4.87384 for ever: each step stays
    0.0…"; the whole is the tooltip)."""
    label = visit.window.warning_label
    if label.isVisible():
        assert not label.is_cut(), label.shown_text()
    if visit.scene in ADVICE:
        assert label.isVisible(), "no warning"
        advice = ADVICE[visit.scene][visit.lang == "ko"]
        shown = label.shown_text().replace("\n", " ")
        assert advice in shown, shown


def _status_shown(window: MainWindow) -> str:
    """The status line as the class reads it: its lines as one, spaces as spaces."""
    return window.status_label.shown_text().replace("\n", " ").replace("\u00a0", " ")


#: Scenes (1-based): the L1 path, the decision boundary, a line that underfits, degree 9
#: overfitting.
PATH, BOUNDARY, UNDERFIT, OVERFIT = 10, 16, 18, 20


def _whole_clauses(window: MainWindow, shown: str) -> None:
    """The status line shown is not cut: it is one of the lines of whole clauses the window
    prepared for it, whole (classroom scene 20 had ended in "exact opti…", scene 10 at
    1280×800 in "distance f…", scene 18 after "(normal equation);", scene 2 after "dis…")."""
    assert not shown.endswith("…"), shown
    label = window.status_label
    assert not label.is_cut(), shown
    lines = {text.replace("\u00a0", " ") for text, _ in label._choices}
    assert shown in lines, shown


@scene_check(views=["classroom", "1280×800"])
def status_quotes_in_view(visit: Visit) -> None:
    """The status line ends at a whole clause, never inside a number or a clause (most
    scenes ended in "…" on a projector), and what the lessons quote from it is in view:
    scene 10's b4* = 0 and
    b5* = 0 (a whole line of "stopped at max iterations (10,000) without converging" had
    pushed them out), scene 16's 25 of 40 samples, scenes 18 and 20's test and training
    costs; the k said once ("converged at k = 250 · test cost at k = 250: …" said it
    twice), negative numbers with the lessons' minus, and a share of a step too small for
    "0.00%" in its own digits."""
    window, lang = visit.window, visit.lang
    shown = _status_shown(window)
    # the lessons write a negative number with −, never Python's hyphen
    assert re.search(r"(?<![\w.])-\d", shown) is None, shown
    whole = window.status_label.text()
    _whole_clauses(window, shown)
    if visit.scene == PATH:  # the useless features' coefficients at the exact optimum, 0
        assert window.vm.run.status == "max_iterations"
        assert "b3* = −1.8, b4* = 0, b5* = 0" in shown, shown
        assert "b3* = -1.8" in whole  # the tooltip: as Python writes it
    elif visit.scene == BOUNDARY:  # 25 of 40 students predicted right, 62.5 %
        right = "62.5% (25 of 40 samples)" if lang == "en" else "62.5% (샘플 40개 중 25개)"
        assert right in shown, shown
        # the k once: the ending's ("stepping: k = 3")
        assert "accuracy at k" not in whole and "의 정확도" not in whole, whole
    elif visit.scene in (UNDERFIT, OVERFIT):  # the test and the training cost at the end
        quoted = ("0.064", "0.181") if visit.scene == UNDERFIT else ("0.110", "0.0135")
        run, k = window.vm.run, window.vm.current
        assert k == run.iterations
        test, train = float(run.test_objective[k]), float(run.cost[k])
        assert [f"{v:.{len(q) - 2}f}" for v, q in zip((test, train), quoted,
                                                      strict=True)] == list(quoted)
        assert f"{test:.6g}" in shown and f"{train:.6g}" in shown, shown
        # right after the ending, which names k: no "at k = …" again
        assert "test cost at k" not in whole and "에서 테스트 비용" not in whole, whole
        assert (" · test cost 0." if lang == "en" else " · 테스트 비용 0.") in whole, whole
        if visit.scene == OVERFIT:  # how much shorter each step is, never "0.00%"
            share = re.search(r"([0-9.e+-]+)%", window.warning_label.text())
            assert share is not None and float(share.group(1)) > 0, \
                window.warning_label.text()
