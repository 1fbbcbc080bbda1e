"""Formulas as an earlier gdapp wrote them, which the verifier still accepts.

A workbook a user exported must go on verifying after gdapp changes how it spells a formula
that computes the same number. Each entry here names the release that wrote the older
spelling and why it changed; :func:`earlier_spellings` gives, for a formula gdapp writes
today, the texts an earlier gdapp wrote in its place. The values are compared with the
engine's exactly as for today's formulas, so an older spelling never widens what a cell may
hold.

=====================  =========================================================================
up to gdapp 0.1.0      an optimizer's update read its direction as a plain reference (``J4``);
(4c473af)              today ``OFFSET(J4,0,0)``, the same value, which LibreOffice does not
                       compute in threaded formula groups (see ``"direction"`` in
                       :mod:`gdapp.excel.formulas`): the plain one came out #VALUE! on long
                       MAE runs, so such an old workbook verifies only where LibreOffice
                       computed it
=====================  =========================================================================
"""

from __future__ import annotations

import re

__all__ = ["earlier_spellings"]

# OFFSET(cell,0,0) around one cell reference: the direction an optimizer's update reads.
_DIRECTION = re.compile(r"OFFSET\((\$?[A-Z]{1,3}\$?[0-9]+),0,0\)")


def earlier_spellings(wanted: str) -> list[str]:
    """The texts an earlier gdapp wrote where gdapp writes ``wanted`` today (none: [])."""
    plain = _DIRECTION.sub(r"\1", wanted)
    return [plain] if plain != wanted else []
