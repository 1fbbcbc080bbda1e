"""A save stopped by a signal, or by a full disk, leaves nothing behind and says so truly.

Every command that saves a workbook (``export``, a mini-batch ``export``, ``path -o``) makes
its temporary file beside the target and must remove it whatever stops the save. The signal
arrives at the worst moment: the instant the temporary file exists (``tempfile.mkstemp`` is
wrapped to raise the signal as it returns — before the fix, 10 of 10 SIGTERMs sent as the
file appeared left it behind). No test here depends on how fast the machine is.
"""

from __future__ import annotations

import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from small_tmpdir import small_tmpdir

from gdapp.cli import main

OLD_BYTES = b"an earlier workbook that must survive"

SAVES = {
    "export": ["export", "--eta", "0.4", "--iterations", "2000"],
    "mini-batch export": ["export", "--example", "features", "--batch-size", "5",
                          "--iterations", "200"],
    "path": ["path", "--example", "features", "--penalty", "l2", "--lambdas", "0.1,1,10"],
}
MESSAGES = {
    signal.SIGTERM: (143, "gdapp: stopped by SIGTERM; nothing was left half-written\n"),
    signal.SIGHUP: (129, "gdapp: stopped by SIGHUP; nothing was left half-written\n"),
    signal.SIGINT: (130, "gdapp: interrupted; nothing was left half-written\n"),
}


def _signal_when_made(monkeypatch: pytest.MonkeyPatch, signum: int) -> list[str]:
    """Raise ``signum`` in this process as soon as the workbook's temporary file exists.

    ``gdapp`` starts with Python's own SIGINT handler (KeyboardInterrupt); a test process
    that ran the window's tests before may hold another, so it is put back for this test."""
    made: list[str] = []
    signal.signal(signal.SIGINT, signal.default_int_handler)   # the fixture below restores
    real: Callable[..., Any] = tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        if str(kwargs.get("suffix", "")).endswith(".xlsx.tmp"):
            made.append(result[1])
            signal.raise_signal(signum)
        return result

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    return made


@pytest.fixture(autouse=True)
def _sigint_handler_restored() -> Iterator[None]:
    before = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, before)


@pytest.mark.parametrize("signum", list(MESSAGES), ids=[s.name for s in MESSAGES])
@pytest.mark.parametrize("save", list(SAVES))
def test_a_signal_the_moment_the_temporary_file_appears_leaves_nothing(
        save: str, signum: signal.Signals, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Before: the temporary `.old.gdapp-PID-….xlsx.tmp` stayed, under the message "nothing
    was left half-written"."""
    target = tmp_path / "old.xlsx"
    target.write_bytes(OLD_BYTES)
    made = _signal_when_made(monkeypatch, signum)
    status = main([*SAVES[save], "-o", str(target)])
    assert made, "the save never made its temporary file"
    assert (status, capsys.readouterr().err) == MESSAGES[signum]
    assert target.read_bytes() == OLD_BYTES
    assert [p.name for p in tmp_path.iterdir()] == ["old.xlsx"]


def test_after_a_held_signal_the_previous_handlers_are_back(tmp_path: Path) -> None:
    """The signals held during the save are handed back: outside a save they act as before."""
    before = {s: signal.getsignal(s) for s in MESSAGES}
    assert main([*SAVES["path"], "-o", str(tmp_path / "p.xlsx")]) == 0
    assert {s: signal.getsignal(s) for s in MESSAGES} == before


# ---- a full temporary folder --------------------------------------------------------------
@pytest.fixture
def full_tmpdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """TMPDIR on a file system of 64 KiB (a tmpfs; the tests run as root)."""
    with small_tmpdir(tmp_path, "64k", monkeypatch) as folder:
        yield folder


def test_a_path_workbook_on_a_full_temporary_folder_is_one_sentence(
        tmp_path: Path, full_tmpdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: a traceback ending in `lxml.etree.SerialisationError: IO_ENOSPC`."""
    target = tmp_path / "p.xlsx"
    target.write_bytes(OLD_BYTES)
    lambdas = ",".join(f"{k / 100:g}" for k in range(1, 2001))
    status = main(["path", "--example", "features", "--penalty", "l1", "--lambdas", lambdas,
                   "-o", str(target)])
    captured = capsys.readouterr()
    assert (status, captured.err) == (2, (
        f"gdapp: error: could not write the workbook's sheets: the folder {full_tmpdir} is "
        "full (No space left on device); free some space there, or set TMPDIR to a folder "
        "with room\n"))
    assert captured.out == ""
    assert target.read_bytes() == OLD_BYTES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full", "p.xlsx"]
    assert list(full_tmpdir.iterdir()) == []
