"""``gdapp gui --screenshot FILE``: any view of the window as a PNG, from the command line.

:class:`Shot` says what to look at — the window's size (``--size WxH``), classroom mode
(``--classroom``), a lesson scene (``--lesson N``, 1-based as the Lesson menu numbers them)
and the iterate shown (``--step K``) — and :func:`save_screenshot` renders it. Parsing the
flags (:func:`parse_size`) needs no Qt, so the CLI refuses a bad size before Qt starts.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The window's size when ``--size`` is not given.
DEFAULT_SIZE = (1280, 800)
#: The smallest window a screenshot can be taken of: the smallest screen the window is
#: designed for (a classroom projector's 1024×768 logical pixels) with room to spare.
MIN_SIZE = (640, 480)
MAX_SIZE = (7680, 4320)


@dataclass(frozen=True)
class Shot:
    """What a screenshot shows.

    Attributes
    ----------
    size : (int, int)   the window's width and height in logical pixels
    classroom : bool    classroom mode (larger fonts and lines, settings folded away)
    lesson : int|None   the lesson scene shown, 1-based; None: the run as given
    step : int|None     the iterate k shown (clamped to the run); None: the window's choice
    """

    size: tuple[int, int] = DEFAULT_SIZE
    classroom: bool = False
    lesson: int | None = None
    step: int | None = None


def parse_size(text: str) -> tuple[int, int]:
    """``"1024x768"`` (or ``1024×768``) as (1024, 768); ValueError with one sentence."""
    parts = text.lower().replace("×", "x").split("x")
    try:
        width, height = (int(p) for p in parts)
    except ValueError:
        raise ValueError(f"--size must be WIDTHxHEIGHT in pixels, like 1024x768; got {text!r}"
                         ) from None
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise ValueError(f"--size must be between {MIN_SIZE[0]}x{MIN_SIZE[1]} and "
                         f"{MAX_SIZE[0]}x{MAX_SIZE[1]} pixels; got {text!r}")
    return width, height


def check_shot(shot: Shot) -> None:
    """ValueError with one sentence when ``shot`` names no scene or a negative iterate."""
    from gdapp.gui.lessons import scenes

    count = len(scenes())
    if shot.lesson is not None and not 1 <= shot.lesson <= count:
        raise ValueError(f"--lesson must be a scene from 1 to {count}; got {shot.lesson}")
    if shot.step is not None and shot.step < 0:
        raise ValueError(f"--step must be an iterate k ≥ 0; got {shot.step}")


def prepare(window: Any, shot: Shot) -> None:
    """Put ``window`` (a MainWindow) into the state ``shot`` describes."""
    from gdapp.gui.teaching_actions import CLASSROOM_ZOOM

    window.resize(*shot.size)
    if shot.classroom:
        window.set_zoom(CLASSROOM_ZOOM)
    if shot.lesson is not None:
        window.show_scene(shot.lesson - 1)
    if shot.step is not None:
        window.vm.stepping = True
        window.vm.set_current(min(shot.step, window.vm.run.iterations))


#: Rounds of events a shot waits at least (the scene walk's tests settle in 24).
SETTLE_ROUNDS = 48


def save_screenshot(window: Any, path: Path, shot: Shot) -> int:
    """Show ``window`` as ``shot`` says, let it paint, save it as PNG; the exit status."""
    from PySide6.QtCore import QCoreApplication, QElapsedTimer

    window.show()
    prepare(window, shot)
    clock = QElapsedTimer()
    clock.start()
    # let the window be mapped, laid out and painted: for a while, and for as many rounds of
    # events as the layout's deferred steps take (each a zero timer after the one before; on
    # a busy machine a while alone caught a scene half laid out)
    rounds = 0
    while clock.elapsed() < 600 or rounds < SETTLE_ROUNDS:
        QCoreApplication.processEvents()
        rounds += 1
    window.resize(*shot.size)  # a window manager may have moved it meanwhile
    clock.restart()
    rounds = 0
    while clock.elapsed() < 100 or rounds < SETTLE_ROUNDS:  # and laid out again
        QCoreApplication.processEvents()
        rounds += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    image = window.grab()
    ok = image.save(str(path), "PNG")
    window.close()
    window.deleteLater()
    if not ok:
        print(f"gdapp: could not write the screenshot to {path}", file=sys.stderr)
        return 1
    return 0
