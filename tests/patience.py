"""How long a test waits for something before it calls it hung.

No test measures speed (``benchmarks/`` do): a test waits for an event — a signal, a file, a
process ending — and only a hang should ever reach these limits, however busy the machine
(two other suites beside it, a CI runner shared with others). pytest-timeout's limit per test
(``timeout`` in ``pyproject.toml``) is above them, so a hang still ends in a failure with its
stack.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: Seconds: a wait only a hung test reaches.
HANG_S = 600.0
#: The same in milliseconds, for pytest-qt's waits.
HANG_MS = int(HANG_S * 1000)


def wait_until(condition: Callable[[], object], what: str, timeout: float = HANG_S) -> None:
    """Poll ``condition`` until it holds; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)
