"""Recalculating workbooks in LibreOffice headless: :func:`recalculate`.

LibreOffice is a second, independent spreadsheet engine. Converting a workbook with
``soffice --headless --calc --convert-to xlsx`` loads it, recalculates it and saves every
formula's result next to the formula, where ``openpyxl.load_workbook(..., data_only=True)``
reads it back.

How each conversion runs
------------------------
* **A fresh profile every time.** ``-env:UserInstallation`` points at a new temporary
  directory, removed afterwards. Two conversions at once never share a profile (LibreOffice
  would hand the second one to the first process, or refuse to start), and a profile left
  behind (and locked) by a killed run is never reused: the next recalculation deletes it
  (:mod:`gdapp.excel.scratch`).
* **Recalculate always.** LibreOffice's default for .xlsx is to *trust the values stored in
  the file* and recalculate only formula cells without one. A workbook saved by Excel or
  LibreOffice carries stored values, so a stale or hand-edited value would pass unseen. The
  fresh profile is therefore seeded with ``OOXMLRecalcMode = 0`` ("always recalculate";
  1 = never, 2 = ask), measured to replace a stale stored value with the formula's result.
* **Links and macros stay off.** The profile also says never update links and never run
  macros (:data:`PROFILE_SETTINGS`), behind the verifier's refusal of any workbook that holds
  them (:mod:`gdapp.excel.package`).
* **No start-up render tests.** A profile that has not seen this version of LibreOffice
  makes it test its drawing first (``GraphicsRenderTests``, bitmaps of 4096×4096): most of
  a launch's CPU. The profile says it has seen every version (:data:`PROFILE_SETTINGS`).
* **Its own process group** (``start_new_session=True``): on timeout or cancellation the whole
  group (the ``soffice`` script, ``oosplash`` and ``soffice.bin``) is killed, so nothing
  lingers.
* **No partial files.** LibreOffice writes into a private directory inside ``out_dir``; only
  complete results are moved into place.
* **Nothing left in /tmp.** A LibreOffice that is killed cannot remove the socket of its
  single-instance pipe (``/tmp/OSL_PIPE_<uid>_SingleOfficeIPC_<hash of the profile>``); the
  profile is this conversion's alone, so its socket is removed with it (:func:`office_pipes`).

Failures raise :class:`RecalcUnavailable` (a :class:`VerifyUnavailable`) with one sentence
that says why: LibreOffice missing (and how to install it), did not finish within the time
limit, crashed or failed, produced no file, or was cancelled.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from gdapp.core.messages import Message
from gdapp.excel.scratch import (
    PROFILE_PREFIX,
    STAGING_PREFIX,
    office_pipes,
    remove_stale_temporaries,
    tagged,
)
from gdapp.excel.target import signals_held

#: Where LibreOffice usually lives when it is not on PATH.
SOFFICE_CANDIDATES = ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice")

#: Environment variable naming the soffice executable; when set, it is the only place looked.
SOFFICE_ENV = "GDAPP_SOFFICE"

INSTALL_HINT = Message(
    "install it with `apt-get install libreoffice-calc-nogui` (Debian/Ubuntu) or from "
    "libreoffice.org, or set GDAPP_SOFFICE to the soffice program"
)

# The fresh profile's settings: recalculate every formula of .xlsx and .ods files; and, as a
# second wall behind gdapp.excel.package (which refuses such workbooks before LibreOffice
# starts), never update links to other files or programs (Calc's Content/Update/Link:
# 0 always, 1 never, 2 ask), never run macros (security level 3, "very high": only from
# trusted places, of which the profile has none; and macro execution disabled), and block
# links that would reveal where a document came from. And one for speed: a profile that has
# not seen this version of LibreOffice (a fresh one never has) makes it first run its
# graphics render tests, drawing into 4096×4096 bitmaps: about 0.85 s of CPU of the 1.4 s a
# launch took, measured on LibreOffice 7.4 (300,000 page faults against 23,000 without).
# A last version above any real one tells it the profile is up to date; nothing it computes
# depends on those tests.
PROFILE_SETTINGS = {
    ("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode"): "0",
    ("/org.openoffice.Office.Calc/Formula/Load", "ODFRecalcMode"): "0",
    ("/org.openoffice.Office.Calc/Content/Update", "Link"): "1",
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel"): "3",
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution"): "true",
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks"): "true",
    ("/org.openoffice.Setup/Product", "ooSetupLastVersion"): "1000.0",
}
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
""" + "".join(f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}'
              "</value></prop></item>\n" for (path, name), value in PROFILE_SETTINGS.items()) \
    + "</oor:items>\n"

# How often a running conversion checks its deadline and the cancel flag, in seconds.
_POLL = 0.1


class VerifyUnavailable(RuntimeError):
    """The workbook cannot be verified; the message says why in one sentence."""


class RecalcUnavailable(VerifyUnavailable):
    """LibreOffice could not recalculate the workbook (missing, timed out, failed, cancelled)."""


def find_soffice() -> str | None:
    """Return the LibreOffice ``soffice`` program to run, or None when there is none.

    ``$GDAPP_SOFFICE``, when set, is the only place looked (so a test or a user can point at
    a particular installation, or at nothing); otherwise PATH, then the usual install paths
    (``/usr/bin/soffice``, ``/usr/lib/libreoffice/program/soffice``).
    """
    override = os.environ.get(SOFFICE_ENV)
    if override is not None:
        return override if _is_executable(override) else None
    on_path = shutil.which("soffice")
    if on_path:
        return on_path
    for candidate in SOFFICE_CANDIDATES:
        if _is_executable(candidate):
            return candidate
    return None


def _is_executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def _missing_message() -> str:
    override = os.environ.get(SOFFICE_ENV)
    if override is not None:
        return Message("cannot verify: {variable} is set to {value}, which is not an "
                       "executable soffice program; {hint}", variable=SOFFICE_ENV,
                       value=repr(override), hint=INSTALL_HINT)
    return Message("cannot verify: LibreOffice (soffice) is not installed; {hint}",
                   hint=INSTALL_HINT)


def recalculate(path: str | Path, out_dir: str | Path, *, timeout: float = 300,
                cancel: threading.Event | None = None) -> Path:
    """Recalculate one workbook in LibreOffice and return the recalculated copy.

    Parameters
    ----------
    path : path-like
        The .xlsx workbook (left untouched).
    out_dir : path-like
        Folder for the result ``out_dir/<stem>.xlsx``; created if missing; must not be the
        folder ``path`` is in (the result would overwrite it).
    timeout : float, keyword-only
        Seconds LibreOffice may take, start-up included.
    cancel : threading.Event, optional
        Set it from another thread to stop the conversion (raises ``RecalcUnavailable``).

    Raises
    ------
    RecalcUnavailable
        LibreOffice missing, timed out, failed, cancelled, or wrote no file.
    ValueError
        ``timeout`` is not > 0, or ``out_dir`` is the folder of ``path``.
    """
    return recalculate_all([path], out_dir, timeout=timeout, cancel=cancel)[0]


def recalculate_all(paths: Sequence[str | Path], out_dir: str | Path, *,
                    timeout: float = 300,
                    cancel: threading.Event | None = None) -> list[Path]:
    """Recalculate several workbooks with a single LibreOffice launch (see :func:`recalculate`).

    Returns the recalculated copies in the order of ``paths``. The file stems must differ.
    A symbolic link is recalculated under its own name, but messages name the file it points
    to (the verifier passes links named ``0.xlsx``, ``1.xlsx``… to the user's files).
    """
    sources = [Path(p).absolute() for p in paths]   # a symbolic link keeps its own name
    if not timeout > 0:
        raise ValueError(Message("the time limit must be > 0 seconds, got {got}",
                                 got=f"{timeout:g}"))
    if not sources:
        return []
    target = Path(out_dir).resolve()
    stems = [s.stem for s in sources]
    if len(set(stems)) != len(stems):
        raise ValueError(Message("workbooks recalculated together need different file names"))
    for src in sources:
        if not src.is_file():
            raise RecalcUnavailable(Message("cannot verify: {path} does not exist or is not a "
                                            "file", path=_shown(src, full=True)))
        result = (target / f"{src.stem}.xlsx").resolve()
        if result in (src.resolve(), src.parent.resolve() / src.name):
            raise ValueError(Message("the output folder must differ from the folder of {name}",
                                     name=_shown(src)))
    soffice = find_soffice()
    if soffice is None:
        raise RecalcUnavailable(_missing_message())
    target.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    profile = Path(tempfile.mkdtemp(prefix=tagged(PROFILE_PREFIX)))
    staging = Path(tempfile.mkdtemp(prefix=tagged(STAGING_PREFIX), dir=target))
    try:
        (profile / "user").mkdir()
        (profile / "user" / "registrymodifications.xcu").write_text(
            _PROFILE_SETTINGS, encoding="utf-8")
        command = [soffice, "--headless", "--norestore", "--nologo", "--nodefault",
                   "--nolockcheck", f"-env:UserInstallation={profile.as_uri()}",
                   "--calc", "--convert-to", "xlsx", "--outdir", str(staging),
                   *(str(s) for s in sources)]
        # LibreOffice's own temporary files go inside the profile, and so go with it
        (profile / "tmp").mkdir()
        env = {**os.environ, "TMPDIR": str(profile / "tmp")}
        returncode, stderr = _run_group(command, timeout=timeout, cancel=cancel, env=env)
        produced = [staging / f"{stem}.xlsx" for stem in stems]
        if returncode < 0:
            raise RecalcUnavailable(Message("cannot verify: LibreOffice crashed ({signal}){said}",
                                            signal=_signal_name(-returncode), said=stderr))
        if returncode != 0:
            raise RecalcUnavailable(Message(
                "cannot verify: LibreOffice failed with exit code {code}{said}",
                code=str(returncode), said=stderr))
        for src, out in zip(sources, produced, strict=True):
            if not out.is_file() or out.stat().st_size == 0:
                _refuse_if_full(staging, profile)
                raise RecalcUnavailable(Message(
                    "cannot verify: LibreOffice wrote no recalculated copy of {name} (it could "
                    "not open it as a workbook){said}", name=_shown(src), said=stderr))
        results = []
        for out in produced:
            final = target / out.name
            os.replace(out, final)
            results.append(final)
        return results
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)
        for pipe in office_pipes(profile):
            with contextlib.suppress(OSError):
                if pipe.is_socket():
                    pipe.unlink()




#: Below this much free space a folder LibreOffice writes in counts as full.
FULL_BELOW = 16 * 2**20


def _refuse_if_full(*folders: Path) -> None:
    """When LibreOffice wrote nothing because a folder it writes in is full, say that."""
    for folder in folders:
        try:
            free = shutil.disk_usage(folder).free
        except OSError:
            continue
        if free < FULL_BELOW:
            place = Path(tempfile.gettempdir()).resolve()
            if not folder.resolve().is_relative_to(place):
                place = folder.parent
            raise RecalcUnavailable(Message(
                "cannot verify: the folder {place} is full ({free} MiB free), so LibreOffice "
                "could not write its recalculated copy; free some space there, or set TMPDIR "
                "to a folder with room", place=str(place), free=f"{free / 2**20:.1f}"))


def _shown(path: Path, *, full: bool = False) -> str:
    """How a message names ``path``: a symbolic link by the file it points to."""
    if path.is_symlink():
        with contextlib.suppress(OSError):
            path = Path(os.readlink(path))
    return str(path) if full else path.name


def _run_group(command: list[str], *, timeout: float, cancel: threading.Event | None,
               env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run ``command`` in its own process group; kill the group on timeout or cancel.

    Returns the exit code and a short ``": <last stderr line>"`` suffix for messages.
    """
    proc: subprocess.Popen[bytes] | None = None
    try:
        # a stopping signal that comes while Popen starts the child waits until proc names
        # it: raised inside Popen, it would leave LibreOffice running with nobody to end it
        with signals_held():
            try:
                proc = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        start_new_session=True, env=env)
            except OSError as exc:
                raise RecalcUnavailable(Message(
                    "cannot verify: LibreOffice could not be started ({reason}); {hint}",
                    reason=str(exc.strerror or exc), hint=INSTALL_HINT)) from None
        deadline = time.monotonic() + timeout
        while True:
            try:
                _, err = proc.communicate(timeout=_POLL)
                break
            except subprocess.TimeoutExpired:
                pass
            if cancel is not None and cancel.is_set():
                _kill_group(proc)
                raise RecalcUnavailable(Message("cannot verify: the recalculation was cancelled"))
            if time.monotonic() >= deadline:
                _kill_group(proc)
                raise RecalcUnavailable(Message(
                    "cannot verify: LibreOffice did not finish within {seconds} s (it was "
                    "stopped; try a longer time limit)", seconds=f"{timeout:g}"))
    except BaseException:
        if proc is not None:
            _kill_group(proc)
        raise
    return proc.returncode, _last_line(err)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill every process in the child's group and reap the child."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    try:
        proc.communicate(timeout=10)
    except (subprocess.TimeoutExpired, ValueError):
        proc.kill()


def _last_line(err: bytes) -> str:
    lines = [ln.strip() for ln in err.decode("utf-8", "replace").splitlines()]
    # LibreOffice always complains about Java on machines without it; that is not the cause.
    lines = [ln for ln in lines if ln and "javaldx" not in ln]
    return f": {lines[-1][:200]}" if lines else ""


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
