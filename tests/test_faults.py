"""Faults: a kill in the middle of an export, LibreOffice missing, hanging, crashing or left
locked by a killed run, and a second verification while one runs — each ends in one clear
sentence, nothing is lost, and the app keeps working.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from patience import HANG_MS, HANG_S
from small_tmpdir import small_tmpdir

from gdapp.cli import main
from gdapp.core import RunSpec, run
from gdapp.excel import export_workbook, read_workbook, recalc
from gdapp.excel.scratch import office_pipes, remove_stale_temporaries

ROOT = Path(__file__).resolve().parents[1]
QT_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _wait_until(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _ended(pid: int) -> bool:
    """Whether process ``pid`` is gone or a zombie (dead, waiting to be reaped)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[0] in ("Z", "X")


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private temporary folder for this process and the processes it starts."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.delenv("GDAPP_SOFFICE", raising=False)
    return folder


@pytest.fixture(scope="module")
def note_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_workbook(run(RunSpec()), tmp_path_factory.mktemp("faults") / "note.xlsx")


@pytest.fixture(scope="module")
def long_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """η = 0.4 oscillates for all 10,000 updates: LibreOffice needs seconds to recalculate it."""
    return export_workbook(run(RunSpec(learning_rate=0.4)),
                           tmp_path_factory.mktemp("faults") / "long.xlsx")


# ---- an export killed with SIGKILL -----------------------------------------------------------
def test_kill_9_in_the_middle_of_a_million_row_export_keeps_the_previous_file(
        tmp_path: Path, scratch: Path) -> None:
    target = tmp_path / "run.xlsx"
    export_workbook(run(RunSpec(max_iterations=5)), target)
    before = _digest(target)
    command = [sys.executable, "-m", "gdapp.cli", "export", "--eta", "1e-7",
               "--iterations", "999999", "--tol", "1e-14", "-o", str(target)]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL) as export:
        try:
            def writing() -> bool:
                sheets = list(scratch.glob("gdapp-export-*/Iterations.xml"))
                return bool(sheets) and sheets[0].stat().st_size > 4_000_000
            _wait_until(writing, HANG_S, "the export to write rows")
            os.kill(export.pid, signal.SIGKILL)
        finally:
            if export.poll() is None:
                export.kill()
            export.wait(10)
    assert export.returncode == -signal.SIGKILL
    assert _digest(target) == before                        # the previous workbook, whole
    strays = [*tmp_path.glob(f".run.gdapp-{export.pid}-*.xlsx.tmp"),
              *scratch.glob(f"gdapp-export-{export.pid}-*")]
    assert len(strays) == 2                                 # what the kill left behind
    in_use = tmp_path / ".run.gdapp-1-busy.xlsx.tmp"        # process 1 is alive: not stale
    in_use.write_bytes(b"")

    export_workbook(run(RunSpec(learning_rate=0.1)), target)  # the next export cleans up
    assert not any(p.exists() for p in strays)
    assert sorted(p.name for p in tmp_path.iterdir()) == [in_use.name, "run.xlsx", "tmp"]
    assert list(scratch.iterdir()) == []
    assert read_workbook(target).spec.learning_rate == 0.1


def test_sigterm_in_the_middle_of_a_million_row_export_says_so_and_leaves_nothing(
        tmp_path: Path, scratch: Path) -> None:
    """Before: exit -15, no message, the half-saved workbook and the scratch folder left."""
    target = tmp_path / "run.xlsx"
    export_workbook(run(RunSpec(max_iterations=5)), target)
    before = _digest(target)
    command = [sys.executable, "-m", "gdapp.cli", "export", "--eta", "1e-7",
               "--iterations", "1000000", "--tol", "1e-14", "-o", str(target)]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True) as export:
        try:
            def writing() -> bool:
                sheets = list(scratch.glob("gdapp-export-*/Iterations.xml"))
                return bool(sheets) and sheets[0].stat().st_size > 1_000_000
            _wait_until(writing, HANG_S, "the export to write rows")
            os.kill(export.pid, signal.SIGTERM)
            _, err = export.communicate(timeout=HANG_S)
        finally:
            if export.poll() is None:
                export.kill()
    assert (export.returncode, err) == (
        128 + signal.SIGTERM, "gdapp: stopped by SIGTERM; nothing was left half-written\n")
    assert _digest(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.xlsx", "tmp"]
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_sigterm_or_sighup_during_verify_ends_libreoffice_and_leaves_nothing(
        note_book: Path, tmp_path: Path, scratch: Path, stop: signal.Signals) -> None:
    """Before: LibreOffice ran on (in its own session) and its profile stayed behind."""
    pid_file = tmp_path / "soffice.pid"
    # (it would outlive the wait below: only the verifier's kill can end it in time)
    soffice = _fake_soffice(tmp_path, f"echo $$ > {pid_file}; exec sleep {10 * HANG_S:.0f}")
    command = [sys.executable, "-m", "gdapp.cli", "verify", str(note_book)]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, env={**os.environ, "GDAPP_SOFFICE": str(soffice)}) as verify:
        try:
            _wait_until(lambda: pid_file.exists() and pid_file.read_text().strip(), HANG_S,
                        "LibreOffice to start")
            office = int(pid_file.read_text())
            os.kill(verify.pid, stop)
            _, err = verify.communicate(timeout=HANG_S)
        finally:
            if verify.poll() is None:
                verify.kill()
    assert (verify.returncode, err) == (
        128 + stop, f"gdapp: stopped by {stop.name}; nothing was left half-written\n")
    # its process group was ended (killed, it may linger a moment as a zombie until init
    # reaps it: that is ended too)
    _wait_until(lambda: _ended(office), HANG_S, f"LibreOffice (pid {office}) to end")
    assert list(scratch.iterdir()) == []                  # no profile, no copy left behind


def test_an_unwritable_folder_is_refused_before_the_run_is_written(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from gdapp.excel import export

    written: list[str] = []

    def spying(step: str) -> Any:
        real = getattr(export, step)

        def spy(*args: Any) -> Any:
            written.append(step)
            return real(*args)
        return spy

    for step in ("_write_settings", "_write_data", "_write_iterations", "_write_summary"):
        monkeypatch.setattr(export, step, spying(step))
    with pytest.raises(ValueError, match="/proc: cannot write there"):
        export_workbook(run(RunSpec(learning_rate=1e-7, max_iterations=200_000)),
                        "/proc/run.xlsx")
    assert written == []                        # refused up front, not after 200,000 rows


# ---- LibreOffice missing, hanging, crashing: the command line ---------------------------------
def _fake_soffice(folder: Path, body: str) -> Path:
    script = folder / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return script


@pytest.fixture
def no_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine without LibreOffice: nothing on PATH, nothing at the usual places."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("GDAPP_SOFFICE", raising=False)
    monkeypatch.setattr(recalc, "SOFFICE_CANDIDATES", ())


FAULTS = {
    "hangs": ("exec sleep 30", "cannot verify: LibreOffice did not finish within 1 s (it was "
                               "stopped; try a longer time limit)"),
    "crashes": ("kill -SEGV $$", "cannot verify: LibreOffice crashed (SIGSEGV)"),
    "fails": ("echo 'Error: source file could not be loaded' >&2; exit 1",
              "cannot verify: LibreOffice failed with exit code 1: Error: source file could "
              "not be loaded"),
}


def test_verify_without_libreoffice_says_how_to_install_it(
        note_book: Path, no_libreoffice: None, scratch: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(note_book)]) == 2
    out = capsys.readouterr()
    assert out.err == ("gdapp: cannot verify: LibreOffice (soffice) is not installed; install "
                       "it with `apt-get install libreoffice-calc-nogui` (Debian/Ubuntu) or "
                       "from libreoffice.org, or set GDAPP_SOFFICE to the soffice program\n")
    assert out.out == ""


@pytest.mark.parametrize("fault", list(FAULTS))
def test_verify_with_a_libreoffice_that_misbehaves_ends_in_one_line(
        note_book: Path, tmp_path: Path, scratch: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], fault: str) -> None:
    body, message = FAULTS[fault]
    monkeypatch.setenv("GDAPP_SOFFICE", str(_fake_soffice(tmp_path, body)))
    assert main(["verify", "--timeout", "1", str(note_book)]) == 2
    assert capsys.readouterr().err == f"gdapp: {message}\n"
    assert list(scratch.iterdir()) == []                  # no profile, no copy left behind


# ---- a profile left locked by a killed run; two verifications at once ------------------------
def _soffice_groups_using(profile_root: Path) -> set[int]:
    """Process groups of running programs whose command line names ``profile_root``."""
    groups = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if str(profile_root) in (entry / "cmdline").read_text(errors="replace"):
                groups.add(os.getpgid(int(entry.name)))
        except (OSError, ProcessLookupError):
            continue
    return groups


def _freeze_libreoffice_holding_its_lock(scratch: Path) -> tuple[Path, set[int]]:
    """Stop (SIGSTOP) the LibreOffice working in a fresh profile at a moment when its
    ``.lock`` exists. On a first start with a new profile LibreOffice restarts itself and
    removes the lock in between, so a lock seen a moment ago may be gone: freeze, look, and
    let it go on (SIGCONT) to try again if it is."""
    deadline = time.monotonic() + HANG_S
    while True:
        _wait_until(lambda: any(scratch.glob("gdapp-lo-profile-*/.lock")), HANG_S,
                    "LibreOffice to lock its profile")
        profile = next(scratch.glob("gdapp-lo-profile-*"))
        groups = _soffice_groups_using(profile)
        for group in groups:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGSTOP)
        if groups and (profile / ".lock").exists():
            return profile, groups                  # frozen, lock held: nothing can undo it
        for group in groups:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGCONT)
        if time.monotonic() > deadline:
            raise AssertionError("LibreOffice never held its lock while it could be frozen")
        time.sleep(0.02)


@pytest.mark.libreoffice
def test_a_profile_left_locked_by_a_killed_verification_does_not_stop_the_next_ones(
        note_book: Path, long_book: Path, scratch: Path) -> None:
    killed_verify = [sys.executable, "-m", "gdapp.cli", "verify", str(long_book)]
    with subprocess.Popen(killed_verify, cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL) as killed:
        try:
            profile, groups = _freeze_libreoffice_holding_its_lock(scratch)
            os.kill(killed.pid, signal.SIGKILL)           # gdapp first: it cannot clean up
            for group in groups:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(group, signal.SIGKILL)      # then LibreOffice, still frozen
        finally:
            if killed.poll() is None:
                killed.kill()
            killed.wait(10)
    assert (profile / ".lock").exists(), sorted(p.name for p in scratch.rglob("*"))

    verify = [sys.executable, "-m", "gdapp.cli", "verify", str(note_book)]
    # two verifications at the same time, while the locked profile is still there
    runs = [subprocess.Popen(verify, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    results = [(p.wait(120), *p.communicate()) for p in runs]
    for code, out, err in results:
        assert (code, err) == (0, ""), (out, err)
        assert out.splitlines()[-1] == "verdict: the workbook agrees with gdapp"
    assert not profile.exists()                           # the stale profile was removed
    assert list(scratch.iterdir()) == [], sorted(p.name for p in scratch.rglob("*"))
    # and so was the socket its killed LibreOffice left in /tmp
    assert [pipe for pipe in office_pipes(profile) if pipe.exists()] == []


def test_temporaries_of_a_live_process_are_kept_and_of_a_dead_one_removed(
        tmp_path: Path, scratch: Path) -> None:
    with subprocess.Popen([sys.executable, "-c", "pass"]) as gone:
        gone.wait(10)
    dead, alive = gone.pid, 1
    made = {name: scratch / name for name in (
        f"gdapp-lo-profile-{dead}-a", f"gdapp-lo-profile-{alive}-b", f"gdapp-verify-{dead}-c",
        f"gdapp-export-{dead}-d", "gdapp-lo-profile-unrelated", "someone-elses-12-file")}
    for path in made.values():
        path.mkdir()
    half_saved = tmp_path / f".run.gdapp-{dead}-x.xlsx.tmp"
    half_saved.write_bytes(b"PK")
    removed = remove_stale_temporaries(tmp_path)
    assert sorted(p.name for p in removed) == sorted(
        [f"gdapp-lo-profile-{dead}-a", f"gdapp-verify-{dead}-c", f"gdapp-export-{dead}-d",
         half_saved.name])
    assert sorted(p.name for p in scratch.iterdir()) == sorted(
        [f"gdapp-lo-profile-{alive}-b", "gdapp-lo-profile-unrelated", "someone-elses-12-file"])


# ---- the same faults in the window ------------------------------------------------------------
@pytest.fixture
def window(qtbot: Any, scratch: Path) -> Iterator[Any]:
    from gdapp.gui.viewmodel import RunViewModel
    from gdapp.gui.window import MainWindow

    win = MainWindow(RunViewModel())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.files.cancel()


def _still_works(window: Any, qtbot: Any, folder: Path) -> None:
    """The window steps, and exports a workbook, after the fault."""
    window.reset()
    window.step_action.trigger()
    assert window.vm.current == 1
    book = folder / "after.xlsx"
    with qtbot.waitSignal(window.files.exported, timeout=HANG_MS):
        window.files.export_workbook(book)
    assert read_workbook(book).spec.learning_rate == window.vm.spec.learning_rate


@pytest.mark.gui
@QT_NOISE
@pytest.mark.parametrize("fault", ["missing", *FAULTS])
def test_verify_in_the_window_reports_a_libreoffice_fault_and_the_app_keeps_working(
        window: Any, qtbot: Any, note_book: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    from gdapp.gui import files

    monkeypatch.setattr(files, "VERIFY_TIMEOUT", 1.0)
    if fault == "missing":
        monkeypatch.setenv("GDAPP_SOFFICE", str(tmp_path / "no-soffice-here"))
        expected = (f"Cannot verify: GDAPP_SOFFICE is set to '{tmp_path / 'no-soffice-here'}', "
                    "which is not an executable soffice program; install it with `apt-get "
                    "install libreoffice-calc-nogui` (Debian/Ubuntu) or from libreoffice.org, "
                    "or set GDAPP_SOFFICE to the soffice program")
    else:
        body, message = FAULTS[fault]
        monkeypatch.setenv("GDAPP_SOFFICE", str(_fake_soffice(tmp_path, body)))
        expected = "C" + message[1:]
    with qtbot.waitSignal(window.files.failed, timeout=HANG_MS) as blocker:
        window.files.verify_workbook(note_book)
    assert blocker.args == [expected]
    box = window.files.last_message
    assert box is not None and box.isVisible() and box.text() == expected
    assert not window.files.busy() and window.files.progress_dialog is None
    _still_works(window, qtbot, tmp_path)


@pytest.mark.gui
@QT_NOISE
def test_a_second_verification_while_one_runs_is_refused_in_one_sentence(
        window: Any, qtbot: Any, note_book: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from gdapp.gui import files

    monkeypatch.setattr(files, "VERIFY_TIMEOUT", 2.0)
    monkeypatch.setenv("GDAPP_SOFFICE", str(_fake_soffice(tmp_path, "exec sleep 30")))
    messages: list[str] = []
    window.files.failed.connect(messages.append)
    window.files.verify_workbook(note_book)
    assert window.files.busy()
    window.files.verify_workbook(note_book)                  # while the first one runs
    assert messages == ["Another file action is still running; wait for it to finish."]
    window.step_action.trigger()                             # responsive meanwhile
    qtbot.waitUntil(lambda: not window.files.busy(), timeout=HANG_MS)
    assert messages[1:] == ["Cannot verify: LibreOffice did not finish within 2 s (it was "
                            "stopped; try a longer time limit)"]
    _still_works(window, qtbot, tmp_path)


# ---- a full temporary folder ------------------------------------------------------------------
@pytest.fixture
def full_tmpdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """TMPDIR on a file system of 256 KiB (a tmpfs; the tests run as root)."""
    with small_tmpdir(tmp_path, "256k", monkeypatch) as folder:
        yield folder


def test_a_full_temporary_folder_is_one_sentence_and_leaves_nothing(
        tmp_path: Path, full_tmpdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: a traceback ending in `lxml.etree.SerialisationError: IO_ENOSPC`."""
    target = tmp_path / "run.xlsx"
    export_workbook(run(RunSpec(max_iterations=5)), target)
    before = _digest(target)
    assert main(["export", "--eta", "1e-7", "--iterations", "100000", "-o", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"gdapp: error: could not write the workbook's sheets: the folder {full_tmpdir} is full "
        "(No space left on device); free some space there, or set TMPDIR to a folder with "
        "room\n")
    assert _digest(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full", "run.xlsx"]
    assert list(full_tmpdir.iterdir()) == []
    assert main(["verify", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"gdapp: cannot verify: the folder {full_tmpdir} is full (")
    assert err.count("\n") == 1 and err.endswith("or set TMPDIR to a folder with room\n")
    assert list(full_tmpdir.iterdir()) == []
