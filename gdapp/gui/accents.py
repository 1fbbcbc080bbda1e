"""Letters with a combining accent (Adam's m̂ and v̂) that every font draws in place.

Unicode has no precomposed m̂ or v̂: they are the letter followed by U+0302, the combining
circumflex, and the font has to place the hat. Not every font does: DejaVu Sans — the usual
"Sans Serif" on Linux, the window's font in English and, beside NanumGothic's Hangul, in Korean
— puts it a whole line above its letter, where it is cut off or lands on the line above. A
label's text therefore goes through :func:`set_label_text`: when the label's font misplaces
an accent of the text, the text is shown as rich text in which each accented letter is drawn
in a font that places it (:func:`accent_family`: measured, not assumed: the first family of
``CANDIDATES`` that is installed and puts the mark over its letter, else any installed one);
otherwise the text is left as it is.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QLabel

#: A letter with one or more combining diacritical marks (U+0300–U+036F) after it.
ACCENTED = re.compile("[A-Za-z\u03b1-\u03c9][\u0300-\u036f]+")
#: Families tried first for an accented letter, when the label's own misplaces the mark:
#: sans-serif faces of Linux, Windows and macOS.
CANDIDATES = ("Liberation Sans", "Arial", "Noto Sans", "Helvetica", "Nimbus Sans",
              "FreeSans", "Segoe UI", "Cantarell", "Ubuntu", "DejaVu Serif")
#: The sample laid out to measure a font: Adam's bias-corrected first moment.
SAMPLE = "m\u0302"


def glyph_rects(layout: QTextLayout, start: int, length: int) -> list[QRectF]:
    """The ink of the glyphs that draw characters ``start`` … ``start + length - 1``."""
    rects = []
    for run in layout.glyphRuns(start, length):
        raw = run.rawFont()
        for glyph, at in zip(run.glyphIndexes(), run.positions(), strict=True):
            rects.append(raw.boundingRect(glyph).translated(at))
    return rects


def mark_in_place(font: QFont, text: str = SAMPLE) -> bool:
    """Whether ``font`` draws the combining mark of ``text`` (a letter and its mark) over the
    letter: inside the line's height, not below the letter's top, across its width."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    if not line.isValid():
        return False
    bases = glyph_rects(layout, 0, 1)
    every = glyph_rects(layout, 1, len(text) - 1)
    # a cluster's run holds its letter's glyph too: the marks are the other glyphs
    marks = [r for r in every if all(r != b for b in bases)]
    if not bases or not marks:
        return False
    base = bases[0]
    height = line.height()
    for mark in marks:
        if mark.isEmpty():
            return False
        if mark.top() < line.y() - 0.25 * height or mark.bottom() < line.y():
            return False  # above the line: cut off, or over the line before
        if mark.bottom() > base.top() + 0.25 * base.height() + 1:
            return False  # not above its letter
        if not base.left() - 2 <= mark.center().x() <= base.right() + 2:
            return False
    return True


@lru_cache(maxsize=32)
def _family_for(family: str, bold: bool, text: str) -> str | None:
    font = QFont(family)
    font.setBold(bold)
    if mark_in_place(font, text):
        return None  # the label's own font does
    installed = QFontDatabase.families()
    tried = [f for f in CANDIDATES if f in installed]
    tried += [f for f in installed if f not in tried and not f.startswith(".")]
    for other in tried:
        candidate = QFont(other)
        candidate.setBold(bold)
        if QFontDatabase.isSmoothlyScalable(other) and mark_in_place(candidate, text):
            return other
    return None


def accent_family(font: QFont, text: str = SAMPLE) -> str | None:
    """The family to draw ``text`` (an accented letter) in beside ``font``: None when
    ``font`` places its mark itself (or no installed font does better)."""
    return _family_for(font.family(), font.bold(), text)


def accented_html(text: str, font: QFont) -> str | None:
    """``text`` as rich text whose accented letters are drawn in a family that places their
    marks (line breaks and runs of spaces kept); None when ``font`` draws every one itself."""
    changed = False
    parts, end = [], 0
    for match in ACCENTED.finditer(text):
        family = accent_family(font, match.group())
        if family is None:
            continue
        changed = True
        parts.append(html.escape(text[end:match.start()]))
        parts.append(f"<span style=\"font-family: '{family}';\">"
                     f"{html.escape(match.group())}</span>")
        end = match.end()
    if not changed:
        return None
    parts.append(html.escape(text[end:]))
    return "<div style=\"white-space: pre-wrap;\">" + "".join(parts) + "</div>"


#: The label's property that keeps the plain text :func:`set_label_text` was given.
PLAIN_TEXT = "gdapp_plain_text"


def set_label_text(label: QLabel, text: str) -> None:
    """Show the plain ``text`` on ``label``: as it is, or, when the label's font misplaces
    an accent in it, as rich text that draws each accented letter in a font that does not
    (:func:`plain_text` gives ``text`` back)."""
    label.setProperty(PLAIN_TEXT, text)
    rich = accented_html(text, label.font()) if ACCENTED.search(text) else None
    form = Qt.TextFormat.PlainText if rich is None else Qt.TextFormat.RichText
    if label.textFormat() != form:  # (a new format lays the label out again)
        label.setTextFormat(form)
    label.setText(text if rich is None else rich)


def plain_text(label: QLabel) -> str:
    """The plain text last given to :func:`set_label_text` (else the label's text)."""
    text = label.property(PLAIN_TEXT)
    return text if isinstance(text, str) else label.text()
