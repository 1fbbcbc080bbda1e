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
up to gdapp 0.1.0      the Summary's optimum of several features without a penalty solved the
(4c473af)              normal equations, ``INDEX(MMULT(MINVERSE(block),moment),j,1)`` on the
                       block beside it; today ``INDEX(LINEST(y_data,X,const,FALSE),1,p−j+1)``,
                       least squares by QR, which keeps twice the digits on nearly collinear
                       features (MINVERSE's "objective at the optimum" came out 54 % high at
                       κ = 6e15). The value is judged as today's, so such an old workbook
                       verifies where its MINVERSE kept the optimum's digits
=====================  =========================================================================
"""

from __future__ import annotations

import re

from openpyxl.utils import column_index_from_string, get_column_letter

from gdapp.excel.summary import BLOCK_COLUMN

__all__ = ["earlier_spellings"]

# OFFSET(cell,0,0) around one cell reference: the direction an optimizer's update reads.
_DIRECTION = re.compile(r"OFFSET\((\$?[A-Z]{1,3}\$?[0-9]+),0,0\)")


# LINEST over the Data sheet's p feature columns (B … ), its column p − j + 1 holding bj.
_LINEST = re.compile(r"INDEX\(LINEST\(y_data,Data!\$B\$\d+:\$([A-Z]{1,3})\$\d+,"
                     r"(?:TRUE|FALSE),FALSE\),1,(\d+)\)")


def _normal_equations(found: re.Match[str]) -> str:
    """The MINVERSE solve an earlier gdapp wrote for the LINEST in ``found``."""
    p = column_index_from_string(found.group(1)) - 1
    j = p - int(found.group(2)) + 1
    first, last = (get_column_letter(BLOCK_COLUMN + k) for k in (2, p + 1))
    moment = get_column_letter(BLOCK_COLUMN + p + 2)
    return (f"INDEX(MMULT(MINVERSE(${first}$2:${last}${p + 1}),"
            f"${moment}$2:${moment}${p + 1}),{j},1)")


def earlier_spellings(wanted: str) -> list[str]:
    """The texts an earlier gdapp wrote where gdapp writes ``wanted`` today (none: [])."""
    plain = _LINEST.sub(_normal_equations, _DIRECTION.sub(r"\1", wanted))
    return [plain] if plain != wanted else []
