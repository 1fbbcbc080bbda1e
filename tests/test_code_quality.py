"""The source passes its linters: ruff (E,W,F,I,UP,B,SIM,RUF,NPY) and mypy (strict below Qt).

The rules live in pyproject.toml; these tests run the same tools `./dev test` runs, so that a
plain `pytest` catches a lint or typing slip too.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=900,
        check=False,
    )


def test_ruff_finds_nothing_in_the_package_the_tests_and_the_benchmarks() -> None:
    result = _run("ruff", "check", "--no-cache", "gdapp", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_passes_with_strict_checking_of_core_and_excel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    strict = [o for o in config["tool"]["mypy"]["overrides"] if o.get("strict")]
    assert any({"gdapp.core.*", "gdapp.excel.*"} <= set(o["module"]) for o in strict)
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_no_module_of_the_package_is_over_500_lines() -> None:
    lines = {
        str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
        for p in sorted((ROOT / "gdapp").rglob("*.py"))
    }
    too_long = {name: n for name, n in lines.items() if n > 500}
    assert too_long == {}, f"modules over 500 lines hold two ideas: {too_long}"


def test_every_test_the_robustness_table_names_exists() -> None:
    """docs/robustness.md is written from the tests: each test it names (``test_…``, alone or
    after ``file::``, ``…`` ending a shortened name) is a test function in tests/."""
    import re

    defined = set(re.findall(r"^def (test_\w+)\(", "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py")), re.M))
    table = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    named = re.findall(r"(?:::|`)(test_\w+)(…?)", table)
    assert len(named) > 50
    missing = sorted({name + dots for name, dots in named
                      if name not in defined and not (dots and any(
                          d.startswith(name) for d in defined))
                      and not (ROOT / "tests" / f"{name}.py").exists()})
    assert missing == [], f"docs/robustness.md names tests that do not exist: {missing}"
