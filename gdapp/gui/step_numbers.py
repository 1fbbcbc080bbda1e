"""How the written-out steps print a number: as the grid shows it (10 significant digits,
a true minus sign), and in parentheses where it is a negative right-hand operand."""

from __future__ import annotations

import math

MINUS = "−"


def num(v: float) -> str:
    """A number as the grid shows it (10 significant digits), with a true minus sign."""
    text = f"{v:.10g}"
    return MINUS + text[1:] if text.startswith("-") else text


def opd(v: float) -> str:
    """A number as the right-hand operand of − or ×: a negative one in parentheses."""
    return f"({num(v)})" if v < 0 or (v == 0 and math.copysign(1, v) < 0) else num(v)
