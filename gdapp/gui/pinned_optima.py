"""What a pinned run shows besides its path: a star at its own optimum (in its colour) on the
cost plot, and its final parameters in the Compare runs list — scene 9's L2 at 0.4 beside
L1's 0, each with its star."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg

from gdapp.core import Run
from gdapp.gui.i18n import tr
from gdapp.gui.spec_texts import status_word

#: A pinned optimum's star: smaller than this run's, in the pinned run's colour.
PINNED_STAR_SIZE = 13
#: At most this many final parameters are listed for a pinned run (then "…").
LISTED_PARAMS = 3


def final_text(run: Run) -> str:
    """``converged: b1 = 0.4`` — how a pinned run ended and where."""
    names = run.spec.param_names
    values = ", ".join(f"{n} = {v:.4g}" for n, v in
                       list(zip(names, run.final, strict=True))[:LISTED_PARAMS])
    more = ", …" if len(names) > LISTED_PARAMS else ""
    return tr("{status}: {values}").format(status=status_word(run.status),
                                            values=values + more)


def _star_at(run: Run, one_parameter: bool) -> tuple[float, float] | None:
    opt = run.optimum
    if opt.params is None:
        return None
    if one_parameter:
        return (float(opt.params[0]), float("nan") if opt.objective is None
                else float(opt.objective))
    return float(opt.params[0]), float(opt.params[1])


def draw_pinned_stars(plot: Any, one_parameter: bool) -> None:
    """A star on ``plot`` (a cost plot) at the optimum of every pinned run drawn on it, in
    the run's colour, unless it is this run's optimum (its green star is there)."""
    run = plot.vm.run
    own = _star_at(run, one_parameter)
    wanted = []
    for pinned, path in zip(plot.vm.pinned, plot.pinned_items, strict=True):
        star = _star_at(pinned.run, one_parameter) if path.isVisible() else None
        if star is not None and star != own:
            wanted.append((star, pinned.color))
    if wanted == getattr(plot, "_stars_drawn", None):
        return
    for item in getattr(plot, "pinned_stars", []):
        plot.plot_item.removeItem(item)
    plot.pinned_stars = []
    for (x, y), color in wanted:
        item = pg.PlotDataItem([x], [y], pen=None, symbol="star",
                               symbolSize=PINNED_STAR_SIZE * plot.scale,
                               symbolBrush=pg.mkBrush(color), symbolPen=pg.mkPen("#222222"))
        item.base_size = (0.0, PINNED_STAR_SIZE)  # classroom mode scales it like the rest
        item.setZValue(6)
        plot.plot_item.addItem(item)
        plot.pinned_stars.append(item)
    plot._stars_drawn = wanted
