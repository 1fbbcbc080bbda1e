"""gdapp's own temporary files, and removing the ones a killed process left behind.

Every temporary file or folder gdapp makes carries the id of the process that made it in its
name (``<prefix><pid>-<random>``):

====================================  ===============================================
``.<stem>.gdapp-<pid>-*.xlsx.tmp``    a workbook being saved, beside its target
``gdapp-export-<pid>-*/``             openpyxl's sheet XML while rows stream out (temp dir)
``gdapp-lo-profile-<pid>-*/``         a LibreOffice profile for one recalculation (temp dir)
``gdapp-verify-<pid>-*/``             links and recalculated copies of a verification
``.gdapp-recalc-<pid>-*/``            LibreOffice's output before it is moved into place
====================================  ===============================================

A normal run removes its own; ``kill -9`` cannot. :func:`remove_stale` deletes an entry only
when its process no longer runs (or the entry is older than :data:`MAX_AGE`, which no gdapp
export or verification comes near), so work in progress in another gdapp is never touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

#: An entry older than this is stale even if a process with its id runs (the id was reused).
MAX_AGE = 2 * 24 * 3600.0

EXPORT_PREFIX = "gdapp-export-"
PROFILE_PREFIX = "gdapp-lo-profile-"
VERIFY_PREFIX = "gdapp-verify-"
STAGING_PREFIX = ".gdapp-recalc-"

#: Names of gdapp's temporaries in the system temporary folder (group 1: the owner's pid).
TEMPDIR_PATTERN = re.compile(
    rf"^(?:{EXPORT_PREFIX}|{PROFILE_PREFIX}|{VERIFY_PREFIX})(\d+)-[^/]*$")
#: Names of gdapp's temporaries beside a workbook (a half-saved workbook, LibreOffice output).
FOLDER_PATTERN = re.compile(
    rf"^(?:\..*\.gdapp-(\d+)-[^/]*\.xlsx\.tmp|{re.escape(STAGING_PREFIX)}(\d+)-[^/]*)$")


def tagged(prefix: str) -> str:
    """``prefix`` followed by this process's id and a dash: the start of a temporary's name."""
    return f"{prefix}{os.getpid()}-"


def workbook_temp_prefix(stem: str) -> str:
    """The name prefix of the temporary file a workbook ``<stem>.xlsx`` is saved through."""
    return f".{stem}.gdapp-{os.getpid()}-"


def process_alive(pid: int) -> bool:
    """True when a process with this id exists (a zombie counts as gone)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True          # it exists, it belongs to someone else
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state != "Z"


def remove_stale(folder: str | Path, pattern: re.Pattern[str] = FOLDER_PATTERN) -> list[Path]:
    """Delete the entries of ``folder`` whose names match ``pattern`` and whose owner is gone.

    Parameters
    ----------
    folder : path-like
        Where to look (not recursively). A missing or unreadable folder is no error.
    pattern : re.Pattern
        A name pattern whose first matching group is the owner's process id.

    Returns
    -------
    list of Path
        What was removed.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None:
            continue
        pid = int(next(g for g in match.groups() if g is not None))
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if pid == os.getpid() or (process_alive(pid) and age < MAX_AGE):
            continue
        path = Path(entry.path)
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        if entry.name.startswith(PROFILE_PREFIX):  # and the socket its LibreOffice left
            for pipe in office_pipes(path):
                with contextlib.suppress(OSError):
                    if pipe.is_socket():
                        pipe.unlink()
    return removed


#: Where LibreOffice's runtime (sal) makes its pipes' sockets: /tmp, else /var/tmp.
PIPE_FOLDERS = ("/tmp", "/var/tmp")


def office_pipes(profile: Path) -> list[Path]:
    """Where the socket of the single-instance pipe of a LibreOffice using ``profile`` may be
    (a killed LibreOffice leaves it behind).

    LibreOffice names it after the MD5 of the profile's URL in UTF-16, each byte in hex
    without a leading zero (``CreateMD5FromString`` in desktop/source/app/officeipcthread.cxx).
    """
    digest = hashlib.md5(profile.as_uri().encode("utf-16-le"), usedforsecurity=False).digest()
    name = f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_{''.join(f'{b:x}' for b in digest)}"
    return [Path(folder) / name for folder in PIPE_FOLDERS]


def remove_stale_temporaries(*folders: str | Path | None) -> list[Path]:
    """Remove what killed gdapp processes left in the temporary folder and in ``folders``
    (e.g. the folder workbooks are exported to)."""
    removed = remove_stale(tempfile.gettempdir(), TEMPDIR_PATTERN)
    for folder in folders:
        if folder is not None:
            removed += remove_stale(folder, FOLDER_PATTERN)
    return removed
