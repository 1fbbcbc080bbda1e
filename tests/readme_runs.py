"""Running the ``$ gdapp …`` lines of a README's ```console blocks as a reader would (shared
by the README tests, and ``python tests/readme_runs.py README.md`` rewrites the outputs)."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
import sys
from pathlib import Path

import openpyxl

from gdapp.cli import main

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


def prepare(folder: Path) -> None:
    """The files the README's commands name: the features CSV where the README says it is,
    a Korean CSV as Korean Excel saves it, four samples on an exact line, two classes a line
    separates, and a line with one outlier (the files the README shows)."""
    (folder / "gdapp" / "core").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "gdapp" / "core" / "features.csv", folder / "gdapp" / "core")
    (folder / "점수.csv").write_bytes("공부 시간,시험 점수\r\n1,2\r\n2,6\r\n".encode("cp949"))
    (folder / "exact.csv").write_text("x,y\n1,1\n2,3\n3,5\n4,7\n", encoding="utf-8")
    (folder / "separable.csv").write_text("x,y\n1,0\n2,0\n3,1\n4,1\n", encoding="utf-8")
    (folder / "outlier.csv").write_text("x,y\n1,1.1\n2,1.9\n3,3.2\n4,3.9\n5,5.1\n6,20\n",
                                        encoding="utf-8")


def _tamper(folder: Path) -> None:
    """tampered.xlsx: eta-0.01.xlsx with ``+0.001`` added to Iterations!C3's formula."""
    wb = openpyxl.load_workbook(folder / "eta-0.01.xlsx")
    wb["Iterations"]["C3"] = wb["Iterations"]["C3"].value + "+0.001"
    wb.save(folder / "tampered.xlsx")


def output_of(line: str, folder: Path) -> list[str]:
    """What the shell line ``$ gdapp …`` prints (stderr first), run in ``folder``."""
    command, _, after = line[2:].partition(" | ")
    command, _, echo = command.partition("; ")
    argv = shlex.split(command)
    assert argv[0] == "gdapp", line
    if "tampered.xlsx" in argv and not (folder / "tampered.xlsx").exists():
        _tamper(folder)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(folder), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        status = main(argv[1:])
    lines = err.getvalue().splitlines() + out.getvalue().splitlines()
    if after.startswith("tail -"):
        lines = lines[-int(after.removeprefix("tail -")):]
    elif after.startswith("head -"):
        lines = lines[:int(after.removeprefix("head -"))]
    if echo:
        lines.append(f"exit status {status}")
    return lines


def shown(text: str) -> list[tuple[str, list[str]]]:
    """(the ``$ gdapp …`` line, the lines the README shows after it) of every block."""
    runs: list[tuple[str, list[str]]] = []
    for block in BLOCK.findall(text):
        for line in block.splitlines():
            if line.startswith("$ "):
                runs.append((line, []))
            elif runs and line.strip():
                runs[-1][1].append(line)
    return runs


def rewrite(path: Path, folder: Path) -> None:
    """Replace every block's shown output by what its commands print now."""
    prepare(folder)

    def block(match: re.Match[str]) -> str:
        lines: list[str] = []
        for line in match.group(1).splitlines():
            if line.startswith("$ "):
                if lines:
                    lines.append("")
                lines += [line, *output_of(line, folder)]
        return "```console\n" + "\n".join(lines) + "\n```"

    path.write_text(BLOCK.sub(block, path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        rewrite(Path(sys.argv[1]), Path(scratch))
