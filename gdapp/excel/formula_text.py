"""Whether a workbook's formula is gdapp's, up to spelling a spreadsheet changes harmlessly.

A workbook saved once by LibreOffice (as the README invites: change η, save) holds the same
formulas spelled differently. Converting every reference workbook and an MAE export through
LibreOffice 7.4 and diffing the formula texts (and a probe of other spellings) showed:

=============================  ===================================  ==========================
gdapp (or a user) writes       LibreOffice saves                    here
=============================  ===================================  ==========================
``1E-12``, ``1.5E+3``, ``.5``  ``0.000000000001``, ``1500``, ``0.5``  numbers compared as numbers
``0.30000000000000004``        ``0.3`` (15 significant digits)      numbers rounded to 15 digits
``MATCH(TRUE,…)``              ``MATCH(TRUE(),…)``                  ``TRUE()`` is ``TRUE``
``sum(``, ``b1``, ``ETA``      ``SUM(``, ``B1``, ``eta``            case ignored outside text
``'S'!A1``                     ``S!A1``                             sheet quotes ignored
``SUM( A1 , 2)``               kept                                 spaces ignored (not in
                                                                    ``A1:B2 B1:B2``: intersection)
``_xlfn.STDEV.S(``             kept (Excel adds the prefix)         ``_xlfn.`` prefix ignored
``$B$2``, ``Iterations!$H$2``  kept                                 ``$`` compared exactly
=============================  ===================================  ==========================

So both texts are split into tokens (:class:`openpyxl.formula.Tokenizer`) and compared token
by token after those normalisations; anything else — another number, cell, name, function,
operator, a ``$`` moved, a bracket — is a difference. The rounding to 15 significant digits
is what every spreadsheet stores (a number gdapp wrote with more digits comes back rounded);
a change there moves a value by at most 5e−16 of itself, and values are compared anyway.
A text the tokenizer cannot read is compared character by character.

Speed: a LibreOffice copy of a million-row workbook differs in spelling on every row, and
tokenizing costs ~50–300 µs a formula. A filled-down formula differs from row to row only in
its row numbers, so a verdict is remembered for the pair of texts with every cell
reference's row written relative to the first row gdapp's formula refers to: two pairs with
the same key are the same pair of formulas moved by whole rows, which the tokenizer and the
normalisations treat alike (a row number is never a number token, and a reference's row is
compared exactly). The memory is bounded.
"""

from __future__ import annotations

import re
import threading

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token, TokenizerError

__all__ = ["same_formula", "tokens"]

# The row number of a cell reference (B7, $B$7, Iterations!$H$398, the ends of A1:B2), not a
# digit inside a name (b1_final, x_data2), a function (LOG10() or a number (1E-12). Rows
# with a leading zero are left alone so that the key below always spells a text one way.
_ROW = re.compile(r"(?<![A-Za-z0-9_.$\\])(\$?[A-Za-z]{1,3}\$?)([1-9][0-9]{0,6})"
                  r"(?![0-9A-Za-z_.(\[])")

# The key's mark for a row number (cannot occur in a workbook: XML forbids the character).
_MARK = "\x00"

# How many verdicts are remembered (a workbook has a few dozen distinct formula shapes).
_REMEMBERED = 1024

# Excel marks functions newer than 2007 with these prefixes in the file, not in the formula.
_FUNCTION_PREFIXES = ("_XLFN._XLWS.", "_XLFN.", "_XLWS.")

# Tokens after which a space is the intersection operator (when an operand follows).
_OPERAND_ENDS = {(Token.OPERAND, ""), (Token.PAREN, Token.CLOSE), (Token.FUNC, Token.CLOSE)}

Canonical = tuple[object, ...]


def same_formula(written: str | None, wanted: str) -> bool:
    """True when the workbook's formula ``written`` (``"=…"`` text, or None for a cell
    without a formula) is gdapp's formula ``wanted`` up to a harmless change of spelling
    (see the module docstring)."""
    if written is None:
        return False
    if written == wanted:
        return True
    key = _key(written, wanted)
    if key is None:
        return _same(written, wanted)
    with _lock:
        verdict = _verdicts.get(key)
    if verdict is None:
        verdict = _same(written, wanted)
        with _lock:
            _verdicts[key] = verdict
            if len(_verdicts) > _REMEMBERED:
                del _verdicts[next(iter(_verdicts))]
    return verdict


def _key(written: str, wanted: str) -> tuple[str, str] | None:
    """The two texts with their references' rows relative to the first row in ``wanted``."""
    if _MARK in written or _MARK in wanted:
        return None
    first = _ROW.search(wanted)
    base = int(first.group(2)) if first is not None else 0

    def relative(match: re.Match[str]) -> str:
        return f"{match.group(1)}{_MARK}{int(match.group(2)) - base}{_MARK}"

    return _ROW.sub(relative, written), _ROW.sub(relative, wanted)


# Verdicts by key (oldest first, bounded); shared by threads verifying at once.
_verdicts: dict[tuple[str, str], bool] = {}
_lock = threading.Lock()


def _same(written: str, wanted: str) -> bool:
    a, b = tokens(written), tokens(wanted)
    if a is None or b is None:
        return written == wanted
    return a == b


def tokens(formula: str) -> Canonical | None:
    """The normalised tokens of ``"=…"`` formula text (None when it cannot be tokenized)."""
    if not formula.startswith("="):
        return None
    try:
        items = Tokenizer(formula).items
    except (TokenizerError, IndexError):   # IndexError: a ")" without its "("
        return None
    out: list[object] = []
    previous: tuple[str, str] | None = None
    i = 0
    while i < len(items):
        token = items[i]
        kind, sub, value = token.type, token.subtype, token.value
        i += 1
        if kind == Token.WSPACE:
            following = items[i] if i < len(items) else None
            if previous in _OPERAND_ENDS and following is not None and _starts_operand(following):
                out.append(("intersect",))
            continue
        if kind == Token.FUNC and sub == Token.OPEN:
            name = value[:-1].upper()
            for prefix in _FUNCTION_PREFIXES:
                if name.startswith(prefix):
                    name = name[len(prefix):]
                    break
            following = items[i] if i < len(items) else None
            if name in ("TRUE", "FALSE") and following is not None \
                    and following.type == Token.FUNC and following.subtype == Token.CLOSE:
                out.append(("logical", name))
                i += 1
                previous = (Token.OPERAND, "")
                continue
            out.append(("function", name))
        elif kind == Token.OPERAND:
            out.append(_operand(sub, value))
        elif kind in (Token.OP_PRE, Token.OP_IN):
            out.append(("operator", value))   # its place says whether it is unary
        else:
            out.append((kind, sub, value))
        previous = (Token.OPERAND, "") if kind == Token.OPERAND else (kind, sub)
    return tuple(out)


def _starts_operand(token: Token) -> bool:
    return token.type == Token.OPERAND or (
        token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN))


def _operand(sub: str, value: str) -> tuple[object, ...]:
    if sub == Token.NUMBER:
        try:
            return ("number", float(format(float(value), ".15g")))
        except ValueError:
            return ("number text", value)
    if sub == Token.LOGICAL:
        return ("logical", value.upper())
    if sub == Token.ERROR:
        return ("error", value.upper())
    if sub == Token.TEXT:
        return ("text", value)
    return ("reference", *_reference(value))


def _reference(value: str) -> tuple[str, str]:
    """(sheet, place) of a reference or name, without quotes and in upper case."""
    sheet, place = "", value
    if value.startswith("'"):
        end = value.find("'!", 1)
        while end != -1 and value[1:end].replace("''", "").count("'"):
            end = value.find("'!", end + 1)
        if end != -1:
            sheet, place = value[1:end].replace("''", "'"), value[end + 2:]
    elif "!" in value:
        sheet, _, place = value.rpartition("!")
    return sheet.upper(), place.upper()
