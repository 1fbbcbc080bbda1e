"""What `pip install gdapp` brings: the window's packages with the command line's."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _unconditional(requirements: list[str]) -> dict[str, str]:
    """{distribution name (normalised): version specifier} of the requirements that no
    extra guards."""
    out = {}
    for req in requirements:
        if "extra ==" in req:
            continue
        m = re.match(r"\s*([A-Za-z0-9_.-]+)\s*(\[[^\]]*\])?\s*([^;]*)", req)
        assert m, req
        out[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(3).replace(" ", "")
    return out


def test_a_plain_install_brings_qt_and_the_plots_below_the_broken_pyside() -> None:
    # the metadata of the installed gdapp (./dev reinstalls it whenever pyproject changes)
    installed = _unconditional(importlib.metadata.requires("gdapp") or [])
    for name in ("numpy", "openpyxl", "pyside6-essentials", "pyqtgraph", "superqt",
                 "platformdirs"):
        assert name in installed, name
    # 6.12.0 aborts CPython 3.11 (none_dealloc)
    assert set(installed["pyside6-essentials"].split(",")) == {">=6.8", "<6.12"}


def test_the_gui_extra_is_kept_for_old_install_lines_and_dev_still_has_the_tools() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert extras["gui"] == []
    dev = {re.split(r"[<>=\[ ]", r)[0] for r in extras["dev"]}
    assert {"pytest", "pytest-qt", "ruff", "mypy", "import-linter"} <= dev
