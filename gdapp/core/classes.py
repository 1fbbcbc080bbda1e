"""Targets of two classes written as words (pass/fail, 합격/불합격): mapped to 0 and 1 in an
order the user states, so that a classifier's file needs no editing.

``classes = ("fail", "pass")`` makes every target cell "fail" 0 and "pass" 1 (cells compared
after stripping spaces; the numbers 0 and 1 are kept as they are). Any other target is refused
in one sentence naming its line. Without a stated order a target column of exactly two words
is refused with a sentence that names them and how to state the order, since which class is
"1" changes the signs of every coefficient.
"""

from __future__ import annotations

from collections.abc import Sequence

from gdapp.core.data_messages import at_cell
from gdapp.core.dataset import DataError
from gdapp.core.messages import Message

#: At most this many distinct words are listed in a message.
SHOWN_LABELS = 3


def parse_classes(text: str) -> tuple[str, str]:
    """``"fail,pass"`` → ("fail", "pass"); refused unless two different non-empty labels."""
    pieces = tuple(p.strip() for p in text.split(","))
    if len(pieces) != 2 or not all(pieces) or pieces[0] == pieces[1]:
        raise DataError(Message("classes {text}: give two different labels separated by a "
                                "comma, the one that becomes 0 first (e.g. fail,pass)",
                                text=repr(text)))
    return pieces[0], pieces[1]


def map_classes(body: Sequence[tuple[int, list[object]]], yi: int, classes: Sequence[str],
                where: str) -> list[tuple[int, list[object]]]:
    """The rows with the target column's labels replaced by "0" and "1"."""
    zero, one = classes
    out = []
    for line_no, row in body:
        cell = row[yi] if yi < len(row) else None
        text = "" if cell is None else str(cell).strip()
        if text == zero or text in ("0", "0.0") or cell == 0:
            value = "0"
        elif text == one or text in ("1", "1.0") or cell == 1:
            value = "1"
        else:
            raise DataError(Message("{at} holds {text}, which is neither {zero} (0) nor {one} "
                                    "(1)", at=at_cell(where, line_no, yi, "y"),
                                    text=repr(text), zero=repr(zero), one=repr(one)))
        row = list(row)
        row[yi] = value
        out.append((line_no, row))
    return out


def two_words_hint(body: Sequence[tuple[int, list[object]]], yi: int) -> str | None:
    """When the target column holds exactly two distinct words (neither a number): a sentence
    saying how to map them; else None."""
    labels: list[str] = []
    for _, row in body:
        cell = row[yi] if yi < len(row) else None
        text = "" if cell is None else str(cell).strip()
        if text and text not in labels:
            labels.append(text)
            if len(labels) > SHOWN_LABELS:
                return None
    if len(labels) != 2 or any(_number(t) for t in labels):
        return None
    a, b = sorted(labels)
    return Message("the target holds the two labels {a} and {b}, not numbers: state which is 0 "
                   "and which is 1 (the command line's --classes {pair} makes {a} 0)",
                   a=repr(a), b=repr(b), pair=f"{a},{b}")


def _number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True
