"""A temporary folder on a file system of a few KiB, so that a save runs out of room (a tmpfs;
the tests run as root, as CI does)."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_tmpdir(tmp_path: Path, size: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """TMPDIR (and :mod:`tempfile`'s folder) on a tmpfs of ``size`` (e.g. "64k")."""
    folder = tmp_path / "full"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                   check=True)
    try:
        monkeypatch.setattr(tempfile, "tempdir", str(folder))
        monkeypatch.setenv("TMPDIR", str(folder))
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)
