"""One row of the Summary sheet's A:C columns (:class:`SummaryRow`), shared by
:mod:`gdapp.excel.summary` and :mod:`gdapp.excel.optimum_rows`."""

from __future__ import annotations

from dataclasses import dataclass

AT_EXPORT = "computed by gdapp at export"


@dataclass(frozen=True)
class SummaryRow:
    """One labelled quantity: a formula (``formula=True``), a number or a text."""

    label: str
    value: str | float | None
    how: str
    expected: float | bool | None = None
    formula: bool = False
    name: str | None = None
    terms: float = 0.0      # the size of a sum's largest term (layout.Cell.terms)
    flags: str = ""         # the flags range "the first k flagged converged" searches


def formula_row(label: str, formula: str, how: str, expected: float | bool,
       name: str | None = None, terms: float = 0.0, flags: str = "") -> SummaryRow:
    return SummaryRow(label, "=" + formula, how, expected, formula=True, name=name,
                      terms=terms, flags=flags)
