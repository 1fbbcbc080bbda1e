"""README.ko.md: linked from README.md, in the note's terms, and its runs are real output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from readme_runs import output_of, prepare, shown

ROOT = Path(__file__).resolve().parents[1]
README_KO = ROOT / "README.ko.md"


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
def test_the_korean_readmes_runs_print_what_it_shows(tmp_path: Path) -> None:
    prepare(tmp_path)  # the data files the READMEs name (점수.csv as Korean Excel saves it)
    runs = shown(README_KO.read_text(encoding="utf-8"))
    assert [line.split()[2] for line, _ in runs] == ["run", "run", "export", "verify", "run",
                                                    "run", "path"]
    for line, expected in runs:
        assert output_of(line, tmp_path) == expected, line
