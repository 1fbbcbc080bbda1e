"""Recalculating workbooks in LibreOffice headless (gdapp.excel.recalc)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest
from patience import HANG_S, wait_until

from gdapp.excel.recalc import (
    RecalcUnavailable,
    VerifyUnavailable,
    find_soffice,
    office_pipes,
    recalculate,
    recalculate_all,
)

pytestmark = pytest.mark.libreoffice


@pytest.fixture(autouse=True)
def private_tempdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Temporary profiles go under tmp_path, so a test can see that none is left behind."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    monkeypatch.delenv("GDAPP_SOFFICE", raising=False)
    return scratch


def _workbook(path: Path, value: float) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "S"
    ws["A1"] = value
    ws["B1"] = "=A1*2"
    ws["C1"] = "=1/0"
    ws["D1"] = "=A1>0"
    wb.save(path)
    return path


def _with_stale_value(path: Path, stale: str) -> Path:
    """Store a wrong result for B1 and drop openpyxl's full-recalculation-on-load flag."""
    out = path.with_name(path.stem + "-stale.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>A1*2</f><v></v>", f"<f>A1*2</f><v>{stale}</v>".encode())
                assert stale.encode() in data
            if item.filename == "xl/workbook.xml":
                data = data.replace(b'fullCalcOnLoad="1"', b"")
            dst.writestr(item, data)
    return out


def _values(path: Path) -> tuple[object, ...]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return next(wb["S"].iter_rows(min_row=1, max_row=1, values_only=True))
    finally:
        wb.close()


def _fake_soffice(folder: Path, body: str) -> Path:
    script = folder / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def _is_gone(pid: int) -> bool:
    """No such process, or only a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return status.rsplit(")", 1)[1].split()[0] == "Z"


def test_soffice_is_found_on_this_machine() -> None:
    found = find_soffice()
    assert found is not None
    assert os.access(found, os.X_OK)


def test_batch_recalculation_computes_every_formula_and_replaces_stale_values(
        tmp_path: Path, private_tempdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _workbook(tmp_path / "fresh.xlsx", 4.0)
    stale = _with_stale_value(_workbook(tmp_path / "other.xlsx", 5.0), "99")
    out = tmp_path / "out"
    # the real soffice, and then a look into its profile: did it run its start-up render
    # tests (most of a launch's CPU), which leave their log there?
    real, seen = find_soffice(), tmp_path / "render-tests"
    wrapper = tmp_path / "bin"
    wrapper.mkdir()
    monkeypatch.setenv("GDAPP_SOFFICE", str(_fake_soffice(wrapper, f"""\
"{real}" "$@"; rc=$?
for a in "$@"; do case "$a" in -env:UserInstallation=file://*) p="${{a#*file://}}";; esac; done
if [ -e "$p/user/GraphicsRenderTests.log" ]; then echo ran; else echo skipped; fi > "{seen}"
exit $rc""")))
    results = recalculate_all([fresh, stale], out, timeout=HANG_S)
    assert seen.read_text().strip() == "skipped"
    assert results == [out / "fresh.xlsx", out / "other-stale.xlsx"]
    assert _values(results[0]) == (4, 8, "#DIV/0!", True)
    assert _values(results[1]) == (5, 10, "#DIV/0!", True)  # not the stored 99
    assert sorted(p.name for p in out.iterdir()) == ["fresh.xlsx", "other-stale.xlsx"]
    assert list(private_tempdir.iterdir()) == []  # the profile was removed


def test_two_recalculations_at_the_same_time_both_succeed(tmp_path: Path) -> None:
    results: dict[int, tuple[object, ...]] = {}
    errors: list[BaseException] = []

    def one(i: int) -> None:
        try:
            src = _workbook(tmp_path / f"w{i}.xlsx", float(i + 1))
            results[i] = _values(recalculate(src, tmp_path / f"out{i}", timeout=HANG_S))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert results[0][1] == 2
    assert results[1][1] == 4


def test_missing_soffice_named_by_gdapp_soffice_gives_the_install_hint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A working-looking soffice on PATH must not be used when GDAPP_SOFFICE is set.
    on_path = tmp_path / "bin"
    on_path.mkdir()
    _fake_soffice(on_path, "exit 0")
    monkeypatch.setenv("PATH", str(on_path))
    monkeypatch.setenv("GDAPP_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert find_soffice() is None
    src = _workbook(tmp_path / "w.xlsx", 1.0)
    with pytest.raises(RecalcUnavailable, match="apt-get install libreoffice-calc-nogui"):
        recalculate(src, tmp_path / "out")
    assert issubclass(RecalcUnavailable, VerifyUnavailable)


def test_a_hanging_soffice_is_killed_with_its_children_after_the_timeout(
        tmp_path: Path, private_tempdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pids = tmp_path / "pids"
    fake = _fake_soffice(tmp_path, f'echo $$ > "{pids}"\nsleep 30 &\necho $! >> "{pids}"\nwait')
    monkeypatch.setenv("GDAPP_SOFFICE", str(fake))
    src = _workbook(tmp_path / "w.xlsx", 1.0)
    with pytest.raises(RecalcUnavailable, match="did not finish within 1 s"):
        recalculate(src, tmp_path / "out", timeout=1)
    shell, sleeper = (int(p) for p in pids.read_text().split())
    wait_until(lambda: _is_gone(shell) and _is_gone(sleeper), "the hung soffice to be ended")
    assert list((tmp_path / "out").iterdir()) == []
    assert list(private_tempdir.iterdir()) == []


class _Stopped(Exception):
    pass


def test_a_signal_while_libreoffice_starts_still_ends_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A signal that arrives while Popen is starting LibreOffice (its child is running, but
    Popen has not returned) raises out of Popen: before, nothing then knew the process, and
    LibreOffice ran on after `gdapp verify` said it stopped (seen on a busy machine)."""
    from gdapp.excel import recalc

    pid_file = tmp_path / "pid"
    monkeypatch.setenv("GDAPP_SOFFICE", str(_fake_soffice(
        tmp_path, f'echo $$ > "{pid_file}"\nexec sleep {HANG_S:.0f}')))
    real_popen = subprocess.Popen

    def starting(*args: object, **kwargs: object) -> object:
        proc = real_popen(*args, **kwargs)  # type: ignore[call-overload]
        wait_until(lambda: pid_file.exists() and pid_file.read_text().strip(),
                   "LibreOffice to start")
        os.kill(os.getpid(), signal.SIGTERM)    # handled before Popen returns
        return proc

    def stop(_signum: int, _frame: object) -> None:
        raise _Stopped

    monkeypatch.setattr(recalc.subprocess, "Popen", starting)
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        with pytest.raises(_Stopped):
            recalculate(_workbook(tmp_path / "w.xlsx", 1.0), tmp_path / "out", timeout=HANG_S)
    finally:
        signal.signal(signal.SIGTERM, previous)
        office = int(pid_file.read_text())
        gone = _is_gone(office)
        if not gone:
            os.kill(office, signal.SIGKILL)
    assert gone, "LibreOffice was left running"


def test_cancelling_stops_the_recalculation(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDAPP_SOFFICE", str(_fake_soffice(tmp_path, "exec sleep 30")))
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with pytest.raises(RecalcUnavailable, match="cancelled"):  # not "did not finish"
        recalculate(_workbook(tmp_path / "w.xlsx", 1.0), tmp_path / "out", timeout=HANG_S,
                    cancel=cancel)


def test_a_libreoffice_stopped_midway_leaves_no_socket_in_tmp(
        tmp_path: Path, private_tempdir: Path) -> None:
    """A killed LibreOffice cannot remove its pipe's socket (/tmp/OSL_PIPE_…): before,
    every cancelled or timed-out verification left one there."""
    cancel = threading.Event()
    failure: list[BaseException] = []

    def convert() -> None:
        try:
            recalculate(_workbook(tmp_path / "w.xlsx", 1.0), tmp_path / "out", timeout=HANG_S,
                        cancel=cancel)
        except RecalcUnavailable as exc:
            failure.append(exc)

    worker = threading.Thread(target=convert)
    worker.start()
    try:
        def socket_made() -> list[Path]:
            return [pipe for profile in private_tempdir.iterdir()
                    for pipe in office_pipes(profile) if pipe.is_socket()]
        wait_until(lambda: bool(socket_made()), "LibreOffice to open its pipe")
        pipes = socket_made()
    finally:
        cancel.set()
        worker.join()
    assert "cancelled" in str(failure[0])
    assert [pipe for pipe in pipes if pipe.exists()] == []
    assert list(private_tempdir.iterdir()) == []


def test_a_failing_soffice_is_reported_with_its_exit_code_and_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake_soffice(tmp_path, "echo 'Error: something broke' >&2\nexit 3")
    monkeypatch.setenv("GDAPP_SOFFICE", str(fake))
    with pytest.raises(RecalcUnavailable, match="exit code 3: Error: something broke"):
        recalculate(_workbook(tmp_path / "w.xlsx", 1.0), tmp_path / "out")


def test_a_soffice_that_writes_nothing_is_reported_and_leaves_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDAPP_SOFFICE", str(_fake_soffice(tmp_path, "exit 0")))
    with pytest.raises(RecalcUnavailable, match=r"wrote no recalculated copy of w\.xlsx"):
        recalculate(_workbook(tmp_path / "w.xlsx", 1.0), tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_crashing_soffice_is_reported_as_a_crash(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDAPP_SOFFICE", str(_fake_soffice(tmp_path, "kill -SEGV $$")))
    with pytest.raises(RecalcUnavailable, match="crashed"):
        recalculate(_workbook(tmp_path / "w.xlsx", 1.0), tmp_path / "out")


def test_the_output_folder_may_not_be_the_workbooks_own_folder(tmp_path: Path) -> None:
    src = _workbook(tmp_path / "w.xlsx", 1.0)
    with pytest.raises(ValueError, match="output folder must differ"):
        recalculate(src, tmp_path)
