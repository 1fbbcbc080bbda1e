"""The lecture note's reference workbooks: one per entry of :data:`gdapp.core.NOTE_RUNS`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from gdapp.core import NOTE_RUNS, run
from gdapp.core.messages import Message
from gdapp.excel.export import _export
from gdapp.excel.target import ExportError

#: Fixed creation/modification time, so regenerating the workbooks is reproducible.
EXAMPLES_TIMESTAMP = datetime(2024, 1, 1)


def write_examples(out_dir: str | Path) -> list[Path]:
    """Write ``<name>.xlsx`` for every note run into ``out_dir`` (created if missing).

    Returns the paths in :data:`NOTE_RUNS` order.
    """
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(Message("{path}: cannot create the folder ({reason})",
                                  path=str(folder), reason=str(exc.strerror or exc))) from None
    return [_export(run(spec), folder / f"{name}.xlsx", progress=None,
                    timestamp=EXAMPLES_TIMESTAMP)
            for name, spec in NOTE_RUNS.items()]
