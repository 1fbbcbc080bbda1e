"""The window's notation: λ is the penalty's strength only (the stability limit's curvature is
L), and "slope"/기울기 is the gradient only (a parameter bj is a coefficient, 계수)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import gdapp.gui

TS = Path(gdapp.gui.__file__).parent / "translations" / "gdapp_ko.ts"


def _messages() -> list[tuple[str, str]]:
    text = TS.read_text(encoding="utf-8")
    pairs = re.findall(r"<source>(.*?)</source>.*?<translation[^>]*>(.*?)</translation>",
                       text, flags=re.S)
    return [(html.unescape(s), html.unescape(t)) for s, t in pairs]


def test_lambda_names_only_the_penalty() -> None:
    for source, translation in _messages():
        for text in (source, translation):
            assert "λmax" not in text and "λ_max" not in text, text


def test_the_stability_limit_names_its_curvature_l(window: object) -> None:
    from gdapp.gui.window import MainWindow

    assert isinstance(window, MainWindow)
    line = window.controls.optimizer_controls.stability.text()
    assert "2/L" in line and "λ" not in line


def test_giulgi_is_the_gradient_and_a_coefficient_is_gyesu() -> None:
    gradient_words = ("slope", "tangent", "gradient", "∂")
    for source, translation in _messages():
        if "기울기" in translation:
            assert any(w in source for w in gradient_words), source
            assert "coefficient" not in source, source
        if "coefficient" in source:
            assert "계수" in translation, source
