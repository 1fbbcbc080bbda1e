"""The wall between the rooms: the core and the workbook layer never need Qt.

Two checks, after napari's: the import-linter contracts in pyproject.toml (static: no import
of Qt below the GUI, no openpyxl in the core), and the headless test files run in a fresh
interpreter in which PySide6, shiboken6, pyqtgraph, superqt and pytest-qt cannot be imported
(dynamic: nothing imports them at run time either, not even lazily). A test file counts as
headless unless it visibly uses Qt (:func:`needs_qt`): a test that needs the window belongs in
a file that says so, e.g. by importing ``gdapp.gui`` or taking ``qtbot``.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from patience import HANG_S

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"

#: Top-level packages the headless suite must live without.
QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph", "superqt", "pytestqt")

#: The files that only run tools over the source (this one among them: the subprocess must
#: not start itself again).
TOOL_FILES = ("test_layering.py", "test_code_quality.py", "test_dev_script.py")

#: pytest-qt's fixtures and markers, and ours: a test file that uses one needs Qt.
QT_FIXTURES = frozenset({"qtbot", "qapp", "qapp_args", "qapp_cls", "qtmodeltester", "qtlog"})
QT_MARKERS = frozenset({"gui", "qt_log_ignore", "qt_log_level_fail", "qt_no_exception_capture",
                        "qt_api"})

#: Runs first in the subprocess: a meta-path finder that refuses the Qt packages, as if they
#: were not installed (ModuleNotFoundError, so `except ImportError` paths behave as they would).
BLOCKER = """
import importlib.abc, sys
BLOCKED = {blocked!r}

class QtIsAbsent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}} (blocked)", name=name)
        return None

sys.meta_path.insert(0, QtIsAbsent())
"""

#: Runs the given test files under the blocker and writes the tally to a JSON file.
RUN_HEADLESS = BLOCKER + """
import json, pytest

class Tally:
    def __init__(self):
        self.counts = {{}}

    def pytest_terminal_summary(self, terminalreporter):
        for key, reports in terminalreporter.stats.items():
            if key:
                self.counts[key] = len(reports)

tally = Tally()
out, *args = sys.argv[1:]
code = pytest.main(args, plugins=[tally])
leaked = sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED)
with open(out, "w") as f:
    json.dump({{"exit_code": int(code), "counts": tally.counts, "leaked": leaked}}, f)
"""


def needs_qt(path: Path) -> bool:
    """Whether a test file uses Qt: by name (``test_gui*``, ``test_qt_*``), or because it
    imports a Qt package or ``gdapp.gui``, names one in a string (``importorskip``), takes a
    pytest-qt fixture or carries a Qt marker."""
    if path.name.startswith(("test_gui", "test_qt_")):
        return True
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            modules = [node.value] if node.value.partition(".")[0] in QT_PACKAGES else []
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if any(a.arg in QT_FIXTURES for a in node.args.args + node.args.kwonlyargs):
                return True
        elif (isinstance(node, ast.Attribute) and node.attr in QT_MARKERS
              and isinstance(node.value, ast.Attribute) and node.value.attr == "mark"):
            return True
        if any(m.partition(".")[0] in QT_PACKAGES or m == "gdapp.gui"
               or m.startswith("gdapp.gui.") for m in modules):
            return True
    return False


def headless_test_files() -> list[Path]:
    """The tests that must pass without Qt: every test file but the tool runners and those
    that use Qt (see :func:`needs_qt`)."""
    return sorted(p for p in TESTS.glob("test_*.py")
                  if p.name not in TOOL_FILES and not needs_qt(p))


def test_a_file_that_touches_qt_in_any_visible_way_is_not_headless(tmp_path: Path) -> None:
    cases = {
        "import numpy as np\n\ndef test_a():\n    assert np.pi > 3\n": False,
        'from gdapp.core import run\n\ndef test_a():\n    """Not gdapp.gui."""\n': False,
        "from gdapp.gui.viewmodel import RunViewModel\n": True,
        "from gdapp import gui\n": True,
        "import pyqtgraph as pg\n": True,
        "def test_a(qtbot):\n    pass\n": True,
        "import pytest\nQt = pytest.importorskip('PySide6.QtCore')\n": True,
        "import pytest\npytestmark = pytest.mark.qt_log_ignore('x')\n": True,
    }
    for i, (source, expected) in enumerate(cases.items()):
        path = tmp_path / f"test_case_{i}.py"
        path.write_text(source, encoding="utf-8")
        assert needs_qt(path) is expected, source


def test_the_headless_files_include_the_notes_numbers_and_no_gui_file() -> None:
    headless = {p.name for p in headless_test_files()}
    assert "test_note_numbers.py" in headless
    assert not any(name.startswith(("test_gui", "test_qt_")) for name in headless)
    assert not headless & set(TOOL_FILES)


def test_pyproject_declares_the_wall_for_core_and_excel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    forbidden_for: dict[str, set[str]] = {}
    for contract in contracts:
        for source in contract["source_modules"]:
            forbidden_for.setdefault(source, set()).update(contract["forbidden_modules"])
    for layer in ("gdapp.core", "gdapp.excel"):
        assert {"PySide6", "pyqtgraph", "superqt", "gdapp.gui"} <= forbidden_for[layer]
    assert {"openpyxl", "gdapp.excel"} <= forbidden_for["gdapp.core"]


def test_import_linter_keeps_every_contract() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
        timeout=HANG_S, check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert " 0 broken" in report, report


def test_core_excel_and_cli_import_with_qt_blocked() -> None:
    probe = BLOCKER.format(blocked=QT_PACKAGES) + """
try:
    import PySide6
except ImportError:
    pass
else:
    raise SystemExit("the blocker let PySide6 through")
import gdapp.core, gdapp.excel, gdapp.cli
leaked = sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED)
print("leaked:", leaked)
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=HANG_S,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "leaked: []"


#: The headless half of the suite in one test: on a busy machine it may take far longer than
#: pytest-timeout's limit for one test (pyproject.toml), so it has its own, below CI's.
HEADLESS_HANG_S = 3000


@pytest.mark.timeout(HEADLESS_HANG_S + 120)
def test_headless_tests_pass_with_qt_absent(tmp_path: Path) -> None:
    """Every headless file, run here and only here in a full run (conftest.py deselects them
    from the run that starts this one), on two workers of its own with Qt blocked in each
    (``GDAPP_QT_BLOCKED=1`` makes conftest.py install the blocker first)."""
    files = headless_test_files()
    assert files, "no headless test files found"
    tally_file = tmp_path / "tally.json"
    workers = min(2, os.cpu_count() or 1)
    args = [
        str(tally_file),
        *(str(p) for p in files),
        "-p", "no:pytest-qt", "-p", "no:cacheprovider",
        # a file stays on one worker: its module fixtures (a batch of workbooks recalculated
        # in LibreOffice, ~60 s for test_verify_numerics.py) are built once, not per worker
        *(["-n", str(workers), "--dist", "loadfile"] if workers > 1 else ["-p", "no:xdist"]),
        # pytest-qt's ini option is unknown once its plugin is off; that is expected here.
        "-W", "ignore::pytest.PytestConfigWarning",
        "-m", "not gui", "-q", "--no-header",
    ]
    # A clean pytest environment: not an xdist worker of the run that started this one.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTEST_XDIST", "PYTEST_CURRENT_TEST"))}
    env["GDAPP_QT_BLOCKED"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", RUN_HEADLESS.format(blocked=QT_PACKAGES), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=HEADLESS_HANG_S, check=False,
    )
    output = (result.stdout + result.stderr)[-6000:]
    assert tally_file.exists(), output
    tally = json.loads(tally_file.read_text(encoding="utf-8"))
    assert tally["exit_code"] == 0, output
    assert tally["counts"].get("passed", 0) > 0, output
    assert not tally["counts"].get("skipped"), output  # in CI nothing may be skipped
    assert tally["leaked"] == [], output
    print(f"headless files with Qt blocked: {tally['counts']}")
