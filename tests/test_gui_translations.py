"""The window's Korean translation is complete and current: every string of gdapp/gui that
lupdate finds is in gdapp_ko.ts, translated (nothing unfinished, the same placeholders), and
the shipped gdapp_ko.qm is what lrelease makes of that .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from gdapp.core import COST_RULES, MODEL_RULES, RunSpec
from gdapp.gui.i18n import TRANSLATIONS, current_language, install_language, qm_path, tr
from gdapp.gui.spec_texts import field_texts

GUI = Path(__file__).resolve().parents[1] / "gdapp" / "gui"
TOOLS = Path(sys.executable).parent
TS = TRANSLATIONS / "gdapp_ko.ts"
#: Placeholders of str.format: {name} and {name:spec}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def messages(ts: Path) -> dict[str, ET.Element]:
    """source text → its <translation> element."""
    out = {}
    for m in ET.parse(ts).getroot().iter("message"):
        source = m.findtext("source")
        translation = m.find("translation")
        assert source is not None and translation is not None
        out[source] = translation
    return out


def lupdate_sources(tmp_path: Path) -> set[str]:
    """The strings lupdate finds in gdapp/gui today, in a fresh .ts."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(TOOLS / "pyside6-lupdate"), "-locations", "none",
                    *map(str, sorted(GUI.glob("*.py"))), "-ts", str(fresh)],
                   check=True, capture_output=True)
    return set(messages(fresh))


def test_every_string_of_the_window_is_in_the_korean_ts_and_nothing_else(
        tmp_path: Path) -> None:
    found = lupdate_sources(tmp_path)
    held = set(messages(TS))
    assert len(found) > 250
    missing = sorted(found - held)
    assert not missing, ("strings of the window with no Korean translation (run ./dev "
                         f"translations and translate them in the .ts): {missing[:10]}")
    stale = sorted(held - found)
    assert not stale, f"translations of strings the window no longer has: {stale[:10]}"


def test_every_korean_translation_is_finished_and_keeps_the_placeholders() -> None:
    for source, translation in messages(TS).items():
        text = translation.text or ""
        assert translation.get("type") is None, f"unfinished or obsolete: {source!r}"
        assert text.strip(), f"empty translation: {source!r}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), \
            f"placeholders differ: {source!r} → {text!r}"
        # words are translated (formulas and a language's own name may stay as they are)
        if re.search(r"[a-z]{4,} [a-z]{3,}", source) and "English" not in source:
            assert HANGUL.search(text), f"not Korean: {source!r} → {text!r}"


def test_the_gradient_is_gi_ul_gi_only_in_the_window_and_the_workbook() -> None:
    """The glossary keeps 기울기 for the gradient only: the window and the Korean workbook
    said 그래디언트 and 서브그래디언트 beside it; the subgradient is 부분기울기, named once
    with its English word; and 기울기 never names a coefficient bj (계수)."""
    from gdapp.excel.labels import KOREAN

    korean = {source: translation.text or "" for source, translation in messages(TS).items()}
    korean.update(KOREAN)
    for source, text in korean.items():
        assert "그래디언트" not in text, f"{source!r} → {text!r}"
        assert text.count("(subgradient)") <= 1, text  # (its first use only)
        if "coefficient" in source and "기울기" in text:  # the slope of a cost, never a bj
            assert re.search(r"gradient|slope|∂", source), f"{source!r} → {text!r}"
    assert korean["subgradient"] == "부분기울기(subgradient)"
    assert "부분기울기(subgradient)" in KOREAN[
        "proximal (soft-threshold: lands on exactly 0) or a plain subgradient step (jitters "
        "around 0)."]


def test_the_shipped_qm_is_what_lrelease_makes_of_the_ts(tmp_path: Path) -> None:
    ts = tmp_path / "gdapp_ko.ts"
    shutil.copy(TS, ts)
    qm = tmp_path / "gdapp_ko.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    assert qm.read_bytes() == qm_path("ko").read_bytes(), (
        "gdapp/gui/translations/gdapp_ko.qm is stale: run ./dev translations")


def test_the_settings_texts_are_the_run_specs_own(qapp: QCoreApplication) -> None:
    meta = {f.name: (f.metadata["label"], f.metadata["help"]) for f in fields(RunSpec)}
    for name, texts in field_texts().items():
        if name in ("model", "cost"):  # the label; the help lists the table's entries
            assert texts[0] == meta[name][0], name
            continue
        assert texts == meta[name], name


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_model_and_cost_tooltips_list_every_entry_in_the_windows_language(
        qapp: QCoreApplication, lang: str) -> None:
    install_language(lang)
    try:
        texts = field_texts()
        for name, table in (("model", MODEL_RULES), ("cost", COST_RULES)):
            tip = texts[name][1]
            for rule in table.values():
                assert (rule.help_ko if lang == "ko" else rule.help) in tip
    finally:
        install_language("en")


def test_korean_installs_the_windows_and_qts_own_translations(
        qapp: QCoreApplication) -> None:
    assert install_language("ko") == "ko" == current_language()
    assert tr("&File") == "파일(&F)"
    assert tr("Cost curve — E(b1) = {cost}").format(cost="MSE") == "비용함수 곡선 — E(b1) = MSE"
    # Qt's own dialogs' buttons (qtbase_ko.qm)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"
    assert install_language("en") == "en"
    assert tr("&File") == "&File"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
