"""Where a workbook is written: the target file checked before anything is written, and the
save through a temporary file renamed over the target (split from :mod:`gdapp.excel.export`,
whose :class:`ExportError` lives here so both can raise it)."""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from gdapp.core.messages import Message
from gdapp.excel.scratch import workbook_temp_prefix


class ExportError(ValueError):
    """The workbook cannot be written; nothing was written (the message says why)."""


def check_target(path: str | Path) -> Path:
    """The file to write: ``path``, or the file a symbolic link there points to (the link
    stays a link). Refused: no name, a name ending in a slash (a folder), no ``.xlsx``, a name
    too long for the folder (with the temporary's longer name), a folder that is missing or
    unwritable, and an existing file nobody may write (even root, who could replace it)."""
    try:
        raw = os.fspath(path)
        if not isinstance(raw, str) or not raw.strip():
            raise ExportError(Message("no output file given"))
        target = Path(raw).expanduser()
    except (TypeError, ValueError) as exc:
        if isinstance(exc, ExportError):
            raise
        raise ExportError(Message("{path} is not a file path", path=repr(path))) from None
    if raw.endswith(("/", os.sep, "/.")):
        raise ExportError(Message("{path} names a folder, not a workbook file", path=raw))
    if target.suffix.lower() != ".xlsx":
        raise ExportError(Message("{name}: a workbook's file name must end in .xlsx",
                                  name=target.name))
    try:
        _check_name_length(target)
        if target.is_symlink():
            target = _link_target(target)
            _check_name_length(target)
        _check_place(target)
    except OSError as exc:
        raise ExportError(Message("{path}: cannot write there ({reason})", path=str(target),
                                  reason=str(exc.strerror or exc))) from None
    return target


def _check_name_length(target: Path) -> None:
    """Refuse a name the folder cannot hold, counting the longer temporary name the workbook
    is first saved under."""
    folder = target.parent if target.parent.is_dir() else Path(".")
    try:
        name_max = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        name_max = 255
    extra = len(os.fsencode(workbook_temp_prefix(""))) + len("12345678.xlsx.tmp") - len(".xlsx")
    allowed = name_max - extra
    if len(os.fsencode(target.name)) > allowed:
        raise ExportError(Message("the file name {name}… is too long ({n} characters): use at "
                                  "most {most}", name=target.name[:24],
                                  n=f"{len(target.name):,}", most=str(allowed)))


def _link_target(link: Path) -> Path:
    """The file a symbolic link points to (followed through further links)."""
    try:
        return link.resolve(strict=False)
    except RuntimeError:  # a loop of links
        raise ExportError(Message("{path} is a symbolic link that leads round in a loop",
                                  path=str(link))) from None


def _check_place(target: Path) -> None:
    if target.is_dir():
        raise ExportError(Message("{path} is a folder, not a workbook file", path=str(target)))
    folder = target.parent
    if folder.exists() and not folder.is_dir():
        raise ExportError(Message("{path} is not a folder", path=str(folder)))
    if not folder.is_dir():
        raise ExportError(Message("{path}: no such folder", path=str(folder)))
    if not os.access(folder, os.W_OK):
        raise ExportError(Message("{path}: permission denied (cannot write there)",
                                  path=str(folder)))
    if target.is_file() and (target.stat().st_mode & 0o222 == 0
                             or not os.access(target, os.W_OK)):
        raise ExportError(Message("{path} is read-only: make it writable or choose another "
                                  "name", path=str(target)))


def reserve_temporary(target: Path) -> Path:
    """Create the (empty) temporary file the workbook will be saved through."""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=workbook_temp_prefix(target.stem),
                                        suffix=".xlsx.tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(Message("{path}: cannot write there ({reason})",
                                  path=str(target.parent),
                                  reason=str(exc.strerror or exc))) from None
    os.close(fd)
    return Path(tmp_name)


#: The signals that stop a command (Ctrl+C, a closed terminal, ``kill``).
_STOPPING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP for the block: a temporary file made inside it
    and its name kept by the caller's ``try`` are never separated by a signal, so the
    caller's clean-up always knows the file to remove. A signal that came meanwhile is
    raised again as the block ends, to the handlers that were there before. (Python runs
    signal handlers in the main thread only; elsewhere the block changes nothing.)"""
    caught: list[int] = []

    def hold(signum: int, _frame: object) -> None:
        caught.append(signum)

    try:
        previous = {s: signal.signal(s, hold) for s in _STOPPING}
    except ValueError:          # not the main thread
        yield
        return
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, signal.SIG_DFL if handler is None else handler)
        for signum in dict.fromkeys(caught):
            signal.raise_signal(signum)


def save_atomically(wb: Workbook, tmp: Path, target: Path) -> None:
    """Write the archive into ``tmp``, then rename it over ``target`` (the caller removes
    ``tmp`` on failure)."""
    try:
        # mkstemp makes the file private (0600); give it the mode a new file would get
        os.chmod(tmp, _target_mode(target))
        # ExcelWriter is what Workbook.save uses; called directly it keeps our timestamps.
        with ZipFile(tmp, "w", ZIP_DEFLATED, allowZip64=True) as archive:
            ExcelWriter(wb, archive).save()
        os.replace(tmp, target)
    except OSError as exc:
        raise ExportError(Message("{path}: could not save the workbook ({reason})",
                                  path=str(target), reason=str(exc.strerror or exc))) from None


def _target_mode(target: Path) -> int:
    """The existing target's permissions, else 0666 less the process umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        pass
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644


