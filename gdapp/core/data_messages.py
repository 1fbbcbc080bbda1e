"""The sentences :mod:`gdapp.core.data` refuses a table with, as :class:`Message` (the
English sentence, which the window translates): where a row, a cell or a column is, and
why it is refused."""

from __future__ import annotations

from collections.abc import Sequence

from gdapp.core.messages import Message


def said(exc: BaseException) -> str:
    """An error's sentence, as the :class:`Message` it was raised with when it was one."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, Message) else str(exc)


def at_row(where: str, line: int) -> str:
    """``line 3`` of a file, ``row 3`` of a sheet or a paste."""
    return Message("line {line}" if where == "line" else "row {line}" if where == "row"
                   else "{where} {line}", where=where, line=str(line))


def at_cell(where: str, line: int, col: int, role: str) -> str:
    """``line 3, column 1 (x)``: a cell, its 0-based column counted from 1."""
    return Message("line {line}, column {col} ({role})" if where == "line" else
                   "row {line}, column {col} ({role})" if where == "row" else
                   "{where} {line}, column {col} ({role})",
                   where=where, line=str(line), col=str(col + 1), role=role)


def feature_role(i: int) -> str:
    """The role of the i-th (0-based) of several chosen feature columns."""
    return Message("feature {i}", i=str(i + 1))


def ambiguous_column(role: str, name: str, matches: Sequence[int]) -> str:
    return Message("the {role} column {name} is ambiguous: it matches columns {cols} and "
                   "{last}; choose one by its position", role=role, name=repr(name),
                   cols=", ".join(str(m) for m in matches[:-1]), last=str(matches[-1]))


def bad_position(role: str, choice: object) -> str:
    return Message("{role} column position must be 1 or more, got {choice}", role=role,
                   choice=str(choice))


def no_such_column(choice: object, role: str, names: Sequence[str]) -> str:
    known = ", ".join(repr(n) for n in names) if names else \
        Message("none: the file has no header")
    return Message("no column named {name} for {role}; columns: {known}", name=repr(choice),
                   role=role, known=known)


def too_few_columns(width: int, role: str, col: int) -> str:
    return Message("the file has {width} column(s); {role} asks for column {col}",
                   width=str(width), role=role, col=str(col))


def too_wide(where: str, line: int, width: int, header: bool, expected: int,
             comma_separated: bool) -> str:
    hint = Message(" — decimal commas in a comma-separated file are ambiguous: use ';' or "
                   "tabs between columns, or decimal points") if comma_separated else ""
    return Message("{at} has {width} fields but the header has {expected}{hint}" if header
                   else "{at} has {width} fields but the first row has {expected}{hint}",
                   at=at_row(where, line), width=str(width), expected=str(expected),
                   hint=hint)


def comment_line(where: str, line: int) -> str:
    return Message("{at} looks like a comment (it starts with '#'): remove it; only one "
                   "header line may come before the numbers", at=at_row(where, line))


def title_line(where: str, line: int, field: str, next_line: int, n: int) -> str:
    return Message("{at} holds one field ({field}) but {next} holds {n}: remove title lines "
                   "above the header and the numbers", at=at_row(where, line),
                   field=repr(field[:40]), next=at_row(where, next_line), n=str(n))
