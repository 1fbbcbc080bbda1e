"""A data set's name in the window's language.

The core and the workbook layer name shaped or hidden data with English suffixes
(``scores.csv, degree 3, standardized``, ``book.xlsx, hidden sheet 'raw'``); the sessions
and the workbooks keep those names as they are (a workbook's data source is read back by
them). The window shows the suffixes in its own language.
"""

from __future__ import annotations

import re

from gdapp.gui.i18n import tr

_SUFFIX = re.compile(r", (?:degree (\d+)|(standardized|training)|hidden sheet ('[^']*'))")


def shown_name(name: str) -> str:
    """``name`` with its suffixes in the window's language."""

    def one(match: re.Match[str]) -> str:
        degree, word, sheet = match.groups()
        if degree is not None:
            return tr(", degree {d}").format(d=degree)
        if sheet is not None:
            return tr(", hidden sheet {title}").format(title=sheet)
        return tr(", standardized") if word == "standardized" else tr(", training")

    return _SUFFIX.sub(one, name)
