"""Shared pytest set-up: a Qt platform that needs no display, hypothesis profiles, and the
headless files run once — under the Qt blocker of ``test_layering.py``.

When a run includes ``test_layering.py::test_headless_tests_pass_with_qt_absent``, that test
runs every headless file in a fresh pytest with Qt blocked (``GDAPP_QT_BLOCKED=1``: this file
then installs the blocker before anything else can import Qt); the run itself does not
collect those files (:func:`pytest_ignore_collect`, in a whole run) or deselects them (when
a keyword or file was picked) instead of running them a second time with Qt present.
"""

from __future__ import annotations

import functools
import importlib.abc
import os
import sys
from pathlib import Path
from typing import Any

QT_BLOCKED_ENV = "GDAPP_QT_BLOCKED"
QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph", "superqt", "pytestqt")


class QtIsAbsent(importlib.abc.MetaPathFinder):
    """Refuses the Qt packages as if they were not installed (ModuleNotFoundError)."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name.partition(".")[0] in QT_PACKAGES:
            raise ModuleNotFoundError(f"No module named {name!r} (blocked)", name=name)
        return None


if os.environ.get(QT_BLOCKED_ENV) == "1":
    sys.meta_path.insert(0, QtIsAbsent())

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HEADLESS_RUNNER = "test_layering.py::test_headless_tests_pass_with_qt_absent"


#: The longest files (each a minute or so of LibreOffice recalculations on two cores), run
#: first: handed out a file at a time (``--dist loadfile``), one of them last would keep a
#: worker busy alone at the end while the other cores idle. Measured; the order of the rest
#: is pytest's.
LONGEST_FIRST = ("test_verify_numerics.py", "test_workbook_huber_logistic.py",
                 "test_workbook_batches.py", "test_numerical_extremes.py",
                 "test_verify_prose.py", "test_verify_edges.py", "test_verify.py",
                 "test_workbook_features.py", "test_summary_optimum.py",
                 "test_workbook_optimizers.py", "test_gui_projector_layout.py",
                 "test_gui_projector.py")


def _longest_first(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(Path(item.path).name, len(rank)))  # (stable)


def _whole_run(config: pytest.Config) -> bool:
    """Whether this is a run of the whole suite as ``./dev test`` starts it (Qt present, no
    file, test, keyword or marker picked): the headless runner is then sure to be collected
    and selected, and it runs the headless files itself."""
    if os.environ.get(QT_BLOCKED_ENV) == "1" or config.option.keyword or config.option.markexpr:
        return False
    return all(Path(arg).is_dir() for arg in config.args)


@functools.cache
def _headless_paths() -> frozenset[Path]:
    from test_layering import headless_test_files
    return frozenset(p.resolve() for p in headless_test_files())


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """In a whole run the headless files are not even imported here (each worker would
    import them, rewrite their asserts and load what they use, about 3 s of CPU, only to
    deselect them): the headless runner's own pytest collects them."""
    if collection_path.suffix == ".py" and _whole_run(config) \
            and collection_path.resolve() in _headless_paths():
        return True
    return None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the headless files to the Qt-blocked run when this run starts it, and start
    that run first (it is the longest test: the others fill the other workers meanwhile);
    the longest files first in either run."""
    _longest_first(items)
    runner = [item for item in items if item.nodeid.endswith(HEADLESS_RUNNER)]
    if os.environ.get(QT_BLOCKED_ENV) == "1" or not runner:
        return
    from test_layering import headless_test_files

    headless = {str(p) for p in headless_test_files()}
    dropped = [item for item in items if str(Path(item.path)) in headless]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = runner + [item for item in items
                         if item not in runner and str(Path(item.path)) not in headless]


@pytest.fixture(scope="session", autouse=True)
def _no_qt_module_when_blocked() -> Any:
    """Under the blocker, no Qt module may be loaded by the end (not even one swallowed by
    an ``except ImportError``)."""
    yield
    if os.environ.get(QT_BLOCKED_ENV) == "1":
        leaked = sorted(m for m in sys.modules if m.partition(".")[0] in QT_PACKAGES)
        assert not leaked, f"Qt modules loaded with Qt blocked: {leaked}"

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def _window_back_in_english() -> Any:
    """A test that switched the window's language leaves the next one in English (the
    language's translators are process-wide)."""
    yield
    i18n = sys.modules.get("gdapp.gui.i18n")
    if i18n is not None and i18n.current_language() != "en":
        i18n.install_language("en")


@pytest.fixture
def window(qtbot: Any) -> Any:
    """The main window on the document example, shown (Qt is imported only when asked for,
    so the headless suite runs without PySide6)."""
    from gdapp.gui.viewmodel import RunViewModel
    from gdapp.gui.window import MainWindow

    win = MainWindow(RunViewModel())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def no_libreoffice(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every program the verifier tries to start; none is started."""
    from gdapp.excel import recalc

    started: list[list[str]] = []

    def record(command: list[str], *args: object, **kwargs: object) -> None:
        started.append(command)
        raise OSError("not started by this test")

    monkeypatch.setattr(recalc.subprocess, "Popen", record)
    return started
