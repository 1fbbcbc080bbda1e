"""One walk through the lesson's scenes per language and view, shared by every check that looks
at each scene.

Showing a scene costs about a third of a second of CPU (its run, its plots laid out and
painted), and several checks look at every scene in the same views: the axis labels whole,
no English on a Korean plot, the paragraph and the update whole on a projector, every plot
readable, the legends shown. Each was a sweep of its own, showing the same scenes again. A
check is now a function registered here with the views, languages and scenes it looks at
(:func:`scene_check`); :func:`walk` shows each scene once per (language, view) and runs every
check that asks for it, and ``test_gui_scene_tour.py`` fails, naming the check, the scene and
what it saw, when any check does.

A check raises ``AssertionError`` (a plain ``assert``) with a message naming what it saw.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gdapp.gui.i18n import install_language
from gdapp.gui.lessons import scenes
from gdapp.gui.screenshot import Shot, prepare
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

#: The views a class sees: a laptop, a projector in classroom mode, and 1024×768 without it.
VIEWS = {"1280×800": Shot(size=(1280, 800)),
         "classroom": Shot(size=(1024, 768), classroom=True),
         "1024×768": Shot(size=(1024, 768))}
LANGS = ("en", "ko")


def all_scenes() -> tuple[int, ...]:
    """Every scene, numbered as the Lesson menu numbers them."""
    return tuple(range(1, len(scenes()) + 1))


@dataclass(frozen=True)
class Visit:
    """Where a check looks: the window showing ``scene`` in ``lang`` and ``view``."""

    window: MainWindow
    scene: int
    lang: str
    view: str

    @property
    def where(self) -> str:
        return f"{self.lang} {self.view} scene {self.scene}"


Check = Callable[[Visit], None]


@dataclass(frozen=True)
class Registered:
    name: str
    check: Check
    views: frozenset[str]
    langs: frozenset[str]
    scenes: Callable[[str], Iterable[int]]   # the view's scenes it looks at


CHECKS: list[Registered] = []


def scene_check(views: Iterable[str], langs: Iterable[str] = LANGS,
                scenes_of: Callable[[str], Iterable[int]] | None = None
                ) -> Callable[[Check], Check]:
    """Register a check of every scene (or of ``scenes_of(view)``) in ``views`` × ``langs``."""
    def register(check: Check) -> Check:
        CHECKS.append(Registered(check.__name__, check, frozenset(views), frozenset(langs),
                                 scenes_of or (lambda _view: all_scenes())))
        return check
    return register


def tours() -> list[tuple[str, str]]:
    """The (language, view) pairs some check asks for."""
    return sorted({(lang, view) for c in CHECKS for lang in c.langs for view in c.views})


def settle() -> None:
    """The layout's deferred steps (each a zero timer after the one before), in rounds of
    events, not of time."""
    for _ in range(24):
        QApplication.processEvents()


def show(window: MainWindow, view: str | Shot, scene: int) -> None:
    """Scene ``scene`` in ``view`` (a name of :data:`VIEWS`, or a shot's size and mode) as
    its screenshot shows it (a scene that starts at k = 0 three updates in, so the path so
    far and the step's arithmetic show)."""
    shot = VIEWS[view] if isinstance(view, str) else view
    at_start = scenes()[scene - 1].at_start
    prepare(window, Shot(size=shot.size, classroom=shot.classroom, lesson=scene,
                         step=3 if at_start else None))
    settle()


def walk(qtbot: QtBot, lang: str, view: str) -> list[str]:
    """Show every scene some check asks for in ``lang`` and ``view``, once, and run those
    checks there; what they found, one line each (empty when every check passed)."""
    install_language(lang)
    window = MainWindow(RunViewModel(), store=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wanted = [c for c in CHECKS if lang in c.langs and view in c.views]
    plan = {scene: [c for c in wanted if scene in set(c.scenes(view))]
            for scene in all_scenes()}
    found = []
    for scene, checks in plan.items():
        if not checks:
            continue
        show(window, view, scene)
        visit = Visit(window, scene, lang, view)
        for c in checks:
            try:
                c.check(visit)
            except AssertionError as exc:
                found.append(f"{c.name}, {visit.where}: {exc}")
    return found
