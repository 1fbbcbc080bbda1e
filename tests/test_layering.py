"""The wall between the rooms: the core and the workbook layer never need Qt.

Two checks, after napari's: the import-linter contracts in pyproject.toml (static: no import
of Qt below the GUI, no openpyxl in the core), and the headless test files run in a fresh
interpreter in which PySide6, shiboken6, pyqtgraph, superqt and pytest-qt cannot be imported
(dynamic: nothing imports them at run time either, not even lazily).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"

#: Top-level packages the headless suite must live without.
QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph", "superqt", "pytestqt")

#: Test files that exercise the GUI, and the files that only run tools over the source (this
#: one among them: the subprocess must not start itself again).
GUI_FILE_PATTERNS = ("test_gui*.py", "test_qt_regression.py")
TOOL_FILES = ("test_layering.py", "test_code_quality.py", "test_dev_script.py")

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


def headless_test_files() -> list[Path]:
    """The tests that must pass without Qt: all but the GUI files and the tool runners."""
    gui = {p for pattern in GUI_FILE_PATTERNS for p in TESTS.glob(pattern)}
    return sorted(
        p for p in TESTS.glob("test_*.py") if p not in gui and p.name not in TOOL_FILES
    )


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
        timeout=300, check=False,
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
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "leaked: []"


def test_headless_tests_pass_with_qt_absent(tmp_path: Path) -> None:
    files = headless_test_files()
    assert files, "no headless test files found"
    tally_file = tmp_path / "tally.json"
    args = [
        str(tally_file),
        *(str(p) for p in files),
        "-p", "no:pytest-qt", "-p", "no:xdist", "-p", "no:cacheprovider",
        # pytest-qt's ini option is unknown once its plugin is off; that is expected here.
        "-W", "ignore::pytest.PytestConfigWarning",
        "-m", "not gui", "-q", "--no-header",
    ]
    # A clean pytest environment: not an xdist worker of the run that started this one.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTEST_XDIST", "PYTEST_CURRENT_TEST"))}
    result = subprocess.run(
        [sys.executable, "-c", RUN_HEADLESS.format(blocked=QT_PACKAGES), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800, check=False,
    )
    output = (result.stdout + result.stderr)[-6000:]
    assert tally_file.exists(), output
    tally = json.loads(tally_file.read_text(encoding="utf-8"))
    assert tally["exit_code"] == 0, output
    assert tally["counts"].get("passed", 0) > 0, output
    assert tally["leaked"] == [], output
