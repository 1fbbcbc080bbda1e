"""The suite passes on a busy machine: no test measures wall-clock time (speed lives in
``benchmarks/``), and a passing run prints no hang report.

Before: `test_a_million_samples_load_and_run_in_seconds` failed at 32.8 s against its 20 s
limit while other work kept both cores busy, and pytest's faulthandler printed a "Timeout
(0:10:00)!" traceback in the middle of a passing run whenever a test took ten minutes.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

from patience import HANG_S

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

#: A stopwatch: reading a clock to compare how long something took.
STOPWATCH = re.compile(r"perf_counter\(|process_time\(|time\.time\(|monotonic\(\)\s*-")


def test_no_test_reads_a_stopwatch() -> None:
    found = []
    for path in sorted(TESTS.glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if STOPWATCH.search(line.split("#")[0]) and path.name != Path(__file__).name:
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == [], "tests that time themselves fail on a busy machine:\n" + "\n".join(found)


def test_no_hang_report_before_pytest_timeout_ends_a_hung_test() -> None:
    ini = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["pytest"]["ini_options"]
    limit = float(ini["timeout"])
    assert limit > HANG_S                       # a wait in a test gives up before it
    # faulthandler_timeout reports (mid-run, as a traceback) any test running that long,
    # also a passing one; only a hang may reach it
    longest = max([limit, *_timeout_marks()])
    assert float(ini.get("faulthandler_timeout", float("inf"))) > longest


def _timeout_marks() -> list[float]:
    """The limits of ``@pytest.mark.timeout(...)`` marks in the tests (names resolved
    through the module's own constants)."""
    limits = []
    for path in TESTS.glob("test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                     for t in node.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "pytest.mark.timeout":
                expr = ast.unparse(node.args[0])
                for name, value in constants.items():
                    expr = expr.replace(name, ast.unparse(value))
                limits.append(float(eval(expr, {})))  # a literal sum such as 3000 + 120
    return limits
