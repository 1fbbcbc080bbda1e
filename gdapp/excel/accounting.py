"""Every cell of a workbook accounted for: :func:`unaccounted_cells`.

The verifier compares the formula cells gdapp writes (:func:`~gdapp.excel.export.expected_cells`);
this pass looks at every *other* cell the workbook stores — a value typed where gdapp writes
nothing, a formula where gdapp writes a number or a label, an edited label — by walking the
workbook side by side with the workbook gdapp writes for the same run (exported afresh by the
verifier). Each sheet is streamed row by row (:mod:`gdapp.excel.streaming`), so memory stays
flat however long the sheets are.

The Iterations sheet is accounted for row by row as the verifier reads it (:class:`IterationRows`),
so a million rows are read once; the workbook gdapp writes for comparison holds only the
first update of the run and its last iterate (nothing else on the other sheets depends on
how long it is: :mod:`gdapp.excel.reference`).

The Settings values (column B) and their "value at export" copies (column E) may be edited —
that is what a live workbook is for, the engine reruns with the edited values, and the report
names each edit — but they must stay values, not formulas. The gdapp version and the status at
export describe the export that made the workbook, not the rerun, and are not compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from openpyxl.utils import get_column_letter

from gdapp.core.messages import Message
from gdapp.excel.labels import in_every_language
from gdapp.excel.streaming import StreamedWorkbook
from gdapp.excel.tolerance import show_value

#: Rows (by their label in column A) whose value (column B) describes the export, not the
#: rerun: the Settings sheet's gdapp version, rows and status, the Summary's status.
_EXPORT_FACTS = {sheet: frozenset().union(*(in_every_language(label) for label in labels))
                 for sheet, labels in (
                     ("Settings", ("gdapp version", "iterate rows", "status at export")),
                     ("Summary", ("Status at export",)))}
#: How a spreadsheet program may save the constants TRUE and FALSE.
_LOGICAL = {"=TRUE()": True, "=FALSE()": False, "=TRUE": True, "=FALSE": False}
#: Columns of the Settings sheet a person may edit (the value and its copy at export).
_EDITABLE = (2, 5)


def _formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith("=")


def _same(mine: object, theirs: object) -> bool:
    if mine in (None, "") and theirs in (None, ""):
        return True
    if isinstance(mine, bool) or isinstance(theirs, bool):
        return mine is theirs
    if isinstance(mine, int | float) and isinstance(theirs, int | float):
        return float(mine) == float(theirs)
    return mine == theirs


def _rows(book: StreamedWorkbook, title: str) -> Iterator[tuple[int, list[object]]]:
    yield from book.parse_rows(title)
    yield (1 << 62, [])                        # past every row: ends the merge


def _prose(value: object) -> bool:
    """Text (a label, a header, an explanation) or nothing: what a person reads, never what
    a formula computes with."""
    return value in (None, "") or (isinstance(value, str) and not _formula(value))


def unaccounted_cells(original: StreamedWorkbook, reference: StreamedWorkbook,
                      sheets: tuple[str, ...], *, last_row: dict[str, int] | None = None,
                      prose: list[str] | None = None) -> Iterator[str]:
    """A sentence for each cell of ``sheets`` that is not what gdapp writes there, other than
    the formula cells (which the verifier compares with the engine). ``last_row`` limits a
    sheet to its first rows (a run that diverged before the workbook's last row).

    With a ``prose`` list, a cell whose text differs from gdapp's text (or that holds text
    where gdapp writes nothing, or nothing where gdapp writes text) is not a difference but
    a sentence appended to ``prose``: labels and explanations are not what a workbook
    computes, and a later gdapp may word them otherwise than the one that wrote the file.
    A number, a truth value or a formula where gdapp writes text or nothing stays a
    difference."""
    for title in sheets:
        limit = (last_row or {}).get(title)
        mine, theirs = _rows(original, title), _rows(reference, title)
        a, b = next(mine), next(theirs)
        while min(a[0], b[0]) < 1 << 62:
            number = min(a[0], b[0])
            if limit is not None and number > limit:
                break
            here = a[1] if a[0] == number else []
            there = b[1] if b[0] == number else []
            settings = title == "Settings" and number > 1
            setting_row = settings and len(there) > 2 and isinstance(there[2], str) \
                and bool(there[2])
            fact_row = number > 1 and bool(there) and there[0] in _EXPORT_FACTS.get(title, ())
            for column in range(1, max(len(here), len(there)) + 1):
                have = here[column - 1] if column <= len(here) else None
                if isinstance(have, str):
                    have = _LOGICAL.get(have.upper().replace(" ", ""), have)
                want = there[column - 1] if column <= len(there) else None
                if _formula(want):
                    continue                     # compared with the engine
                editable = (setting_row and column in _EDITABLE) or (fact_row and column == 2)
                if _formula(have) or not (editable or _same(have, want)):
                    wanted = Message("nothing") if want in (None, "") else show_value(want)
                    sentence = Message("{cell}: the workbook has {have}, gdapp writes {wanted} "
                                       "there", cell=f"{title}!{get_column_letter(column)}"
                                       f"{number}", have=show_value(have), wanted=wanted)
                    if prose is not None and _prose(have) and _prose(want):
                        prose.append(sentence)
                    else:
                        yield sentence
            if a[0] == number:
                a = next(mine)
            if b[0] == number:
                b = next(theirs)


class IterationRows:
    """Watches the Iterations rows past the start row as the verifier streams them (one pass
    for a million rows): column A holds k, nothing stands right of gdapp's last column, and
    nothing below the last iterate. (The formulas are compared by the verifier.)"""

    def __init__(self, columns: int, rows: int) -> None:
        self.columns, self.rows = columns, rows      # gdapp's columns; the iterate rows
        self.problems: list[str] = []
        self._seen = 2                              # rows 1 and 2: by unaccounted_cells

    def __call__(self, number: int, values: Sequence[object]) -> None:
        if number <= self._seen:
            return                                  # a sheet read again from the top
        self._seen = number
        k = number - 2
        for column, have in enumerate(values, start=1):
            if have in (None, ""):
                continue
            if k >= self.rows or column > self.columns:
                want: str = Message("nothing")
            elif column == 1 and (_formula(have) or not _same(have, float(k))):
                want = str(k)
            else:
                continue
            self.problems.append(Message(
                "{cell}: the workbook has {have}, gdapp writes {wanted} there",
                cell=f"Iterations!{get_column_letter(column)}{number}", have=show_value(have),
                wanted=want))


def unaccounted_names(original: StreamedWorkbook, wanted: dict[str, str]) -> Iterator[str]:
    """A sentence for each defined name gdapp does not write (those it writes are checked
    for their place by the verifier)."""
    for name, text in original.all_names():
        if name not in wanted:
            yield Message("the workbook defines a name {name} (= {text}) that gdapp does not "
                          "write", name=name, text=text[:80])


def unaccounted_order(original: StreamedWorkbook, update: Sequence[int], epoch: Sequence[int],
                      sample: Sequence[int], columns: int) -> Iterator[str]:
    """A sentence for each cell below the header of a mini-batch run's Order sheet that is
    not what gdapp writes: row i + 2 holds the i-th sample the updates used, as update k,
    epoch, sample number (the plan's ``update``, ``epoch``, ``sample``), then ``columns − 3``
    formulas (compared by the verifier) and nothing after; nothing below the last one."""
    want_rows = len(sample)
    seen = set()
    for number, values in original.parse_rows("Order"):
        if number < 2:
            continue
        i = number - 2
        seen.add(i)
        for column in range(1, max(len(values), 3) + 1):
            have = values[column - 1] if column <= len(values) else None
            if i >= want_rows or column > columns:
                want: object = None
            elif column <= 3:
                want = (update, epoch, sample)[column - 1][i]
            else:
                continue
            if _formula(have) or not _same(have, want):
                wanted = Message("nothing") if want is None else show_value(want)
                yield Message("{cell}: the workbook has {have}, gdapp writes {wanted} there",
                              cell=f"Order!{get_column_letter(column)}{number}",
                              have=show_value(have), wanted=wanted)
    missing = [i for i in range(want_rows) if i not in seen]
    if missing:
        yield Message("{cell}: the workbook has nothing, gdapp writes a sample there",
                      cell=f"Order!A{missing[0] + 2}")


def prose_note(prose: Sequence[str]) -> tuple[str, ...]:
    """A note on the labels and explanations that read otherwise than gdapp writes them
    (none: no note). They are not a disagreement — verify judges the numbers and the
    formulas; a workbook written by an earlier gdapp may word its help otherwise — but a
    reader is told where, so an edited label never passes unremarked."""
    if not prose:
        return ()
    more = "" if len(prose) == 1 else Message(" (and {n} more text cell(s))",
                                              n=f"{len(prose) - 1:,}")
    return (Message("note: text is not judged, only numbers and formulas: {cell}{more}",
                    cell=prose[0], more=more),)
