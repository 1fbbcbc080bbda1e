"""README.ko.md: linked from README.md, in the note's terms, and its runs are real output."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from gdapp.cli import main

ROOT = Path(__file__).resolve().parents[1]
README_KO = ROOT / "README.ko.md"


def _console_runs(text: str) -> list[tuple[list[str], list[str]]]:
    """(gdapp arguments, the lines shown after them) for each ``$ gdapp …`` of the
    ```console blocks."""
    runs: list[tuple[list[str], list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                argv = shlex.split(line[2:])
                assert argv[0] == "gdapp", line
                runs.append((argv[1:], []))
            elif line.strip():
                runs[-1][1].append(line)
    return runs


def test_readme_links_the_korean_readme_and_it_back() -> None:
    assert "(README.ko.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    text = README_KO.read_text(encoding="utf-8")
    assert "(README.md)" in text
    # the Korean window's screenshot, and the file it shows
    shot = re.search(r"!\[[^\]]*\]\((docs/screenshot-ko\.png)\)", text)
    assert shot and (ROOT / shot.group(1)).stat().st_size > 10_000
    for term in ("비용함수", "경사하강법", "학습률", "정규방정식", "수렴", "업데이트", "규제",
                 "패널티 항", "통합 문서", "검증"):
        assert term in text, term
    for command in ("./dev app", "./dev test"):
        assert re.search(rf"^[ \t]+{re.escape(command)}[ \t]*$", text, re.MULTILINE), command


@pytest.mark.libreoffice
def test_the_korean_readmes_runs_print_what_it_shows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    # the data file of the README's example, as Korean Excel saves it
    (tmp_path / "점수.csv").write_bytes("공부 시간,시험 점수\r\n1,2\r\n2,6\r\n".encode("cp949"))
    runs = _console_runs(README_KO.read_text(encoding="utf-8"))
    assert [argv[0] for argv, _ in runs] == ["run", "run", "export", "verify", "run"]
    for argv, shown in runs:
        assert main(argv) == 0, argv
        captured = capsys.readouterr()
        assert captured.err.splitlines() + captured.out.splitlines() == shown, argv
