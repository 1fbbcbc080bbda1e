"""Reading files a user names, which may be anything: :func:`read_regular_file`, and the
records of a CSV text whose values may be longer than the csv module reads
(:func:`csv_records`)."""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gdapp.core.messages import Message


def read_regular_file(path: Path, limit: int, error: type[ValueError]) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes; else
    ``error`` in one sentence.

    Opened without waiting (a FIFO would block until a writer came) and checked once open,
    so a link to ``/dev/zero`` or a pipe is refused, not read until memory runs out; never
    more than ``limit`` + 1 bytes are read, even from a file that grows. ``OSError`` (no
    permission…) is left to the caller.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise error(Message("{path} is not a regular file (it is a device, a pipe or a "
                                "socket), so it is not read", path=str(path)))
        os.set_blocking(fd, True)
        # read(n) sets aside n bytes at once: ask for the file's size, then for what it grew
        want = min(limit, os.fstat(fd).st_size) + 1
        raw = stream.read(want)
        if len(raw) == want <= limit:
            raw += stream.read(limit + 1 - len(raw))
    if len(raw) > limit:
        size = max(len(raw), path.stat().st_size)
        raise error(Message("{path} is {size} MiB; the limit is {limit} MiB", path=str(path),
                            size=str(size // 2**20), limit=str(limit // 2**20)))
    return raw


def csv_records(reader: Any, error: type[ValueError]) -> Iterator[list[str]]:
    """The records of a ``csv.reader``, one by one; a value longer than the csv module reads
    (131,072 characters) is refused with ``error`` naming its line, not raised as
    ``_csv.Error``."""
    try:
        yield from reader
    except csv.Error as exc:
        if "field larger than field limit" not in str(exc):
            raise
        raise error(Message("line {line}: a value is longer than {limit} characters; no "
                            "number or column name is that long", line=str(reader.line_num),
                            limit=f"{csv.field_size_limit():,}")) from None
