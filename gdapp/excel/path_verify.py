"""Verifying a regularization-path workbook (``gdapp path … -o FILE.xlsx``).

A path workbook (:mod:`gdapp.excel.path_workbook`) holds, per λ, the exact optimum gdapp
found (numbers) and live formulas that check it over the samples on its Data sheet.
:func:`verify_path_workbook` proves it the way :func:`gdapp.excel.verify_workbook` proves a
run's workbook:

1. audit the package (no macros, links or external content; only the Path, Data and
   Settings sheets) and read its penalty, model, samples and λ values;
2. solve the path again with the engine at the workbook's λ values on the workbook's samples;
3. recalculate the workbook in LibreOffice;
4. compare: every coefficient with the engine's optimum (within ``PARAM_TOLERANCE`` of the
   row's largest coefficient: the L1 solver stops at a tolerance of its own); every formula's
   text with the one gdapp writes; every slope ∂E/∂bj with the same sum computed by numpy
   from the workbook's coefficients (within 1e−12 of the size of its terms); every
   optimality check with the same test evaluated by numpy; λ_max with the engine's; and
   every other cell and defined name with what gdapp writes (text only as a note: labels
   are not what the workbook computes).

The report is a :class:`~gdapp.excel.compare.VerifyReport` (agree / disagree naming the
first differing cell); anything that keeps the workbook from being verified raises
:class:`~gdapp.excel.recalc.VerifyUnavailable` with one sentence.
"""

from __future__ import annotations

import math
import threading
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray
from openpyxl.utils import get_column_letter

from gdapp.core import Dataset, RegularizationPath, regularization_path
from gdapp.core.data_messages import said
from gdapp.core.messages import Message
from gdapp.core.models import model_rule
from gdapp.excel.accounting import prose_note, unaccounted_cells, unaccounted_names
from gdapp.excel.compare import VerifyReport, opened, report_from
from gdapp.excel.formula_text import same_formula
from gdapp.excel.package import audit_package
from gdapp.excel.path_workbook import (
    DATA_SHEET,
    KKT_SLACK,
    PATH_SHEET,
    SETTINGS_SHEET,
    export_path,
)
from gdapp.excel.readback import WorkbookError, check_archive
from gdapp.excel.recalc import VerifyUnavailable
from gdapp.excel.streaming import StreamedWorkbook
from gdapp.excel.tolerance import RELATIVE_TOLERANCE, Tally, show_value
from gdapp.excel.verify import moved_names, verify_workbooks

__all__ = ["PARAM_TOLERANCE", "is_path_workbook", "verify_path_workbook"]

#: The sheets of a path workbook (every one required).
PATH_SHEETS = (PATH_SHEET, DATA_SHEET, SETTINGS_SHEET)
#: The largest workbook part (the list of sheets and names) looked at to tell a path workbook.
_MAX_WORKBOOK_PART = 1 << 20
#: A coefficient agrees with the engine's within this share of its row's largest |b| (or 1).
PARAM_TOLERANCE = 1e-9

FloatArray = NDArray[np.float64]


def is_path_workbook(path: str | Path) -> bool:
    """True when the file is a readable workbook with a Path sheet and no Iterations sheet.
    Only its workbook part is read, and only when small (the run's verifier checks the
    whole package itself)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.getinfo("xl/workbook.xml").file_size > _MAX_WORKBOOK_PART:
                return False
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return False
    try:
        book = StreamedWorkbook(Path(path), data_only=False)
    except VerifyUnavailable:
        return False
    try:
        titles = book.sheet_titles()
    finally:
        book.close()
    return PATH_SHEET in titles and "Iterations" not in titles


def _rows(book: StreamedWorkbook, title: str) -> dict[int, list[object]]:
    return dict(book.parse_rows(title))


def _number(value: object, where: str, prefix: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not math.isfinite(value):
        raise VerifyUnavailable(Message("{prefix}{where} must hold a number, it holds {value}",
                                        prefix=prefix, where=where, value=show_value(value)))
    return float(value)


class _PathBook:
    """What a path workbook says: penalty, model, samples, λ values and coefficients."""

    def __init__(self, book: StreamedWorkbook, prefix: str) -> None:
        settings = _rows(book, SETTINGS_SHEET)
        values = [settings.get(r, [None, None]) for r in range(2, 7)]
        self.penalty = str(values[0][1] if len(values[0]) > 1 else "")
        self.model = str(values[1][1] if len(values[1]) > 1 else "")
        if self.penalty not in ("l1", "l2") or self.model not in ("origin", "line"):
            raise VerifyUnavailable(Message("{prefix}its Settings sheet does not name a penalty "
                                            "(l1, l2) and a model (origin, line) in B2 and B3",
                                            prefix=prefix))
        self.name = str(values[2][1] if len(values[2]) > 1 else "data")
        top = values[4][1] if len(values[4]) > 1 else None
        self.lambda_max = float(top) if isinstance(top, int | float) \
            and not isinstance(top, bool) and math.isfinite(top) else None
        data = _rows(book, DATA_SHEET)
        header = data.get(1, [])
        if len(header) < 3 or not all(isinstance(h, str) for h in header):
            raise VerifyUnavailable(Message("{prefix}its Data sheet has no header of sample, "
                                            "features and target", prefix=prefix))
        p = len(header) - 2
        samples = [data[r] for r in sorted(data) if r > 1 and any(v is not None
                                                                    for v in data[r])]
        if not samples:
            raise VerifyUnavailable(Message("{prefix}its Data sheet holds no samples",
                                            prefix=prefix))
        table = [[_number(row[c] if c < len(row) else None,
                          f"{DATA_SHEET}!{get_column_letter(c + 1)}{i + 2}", prefix)
                  for c in range(1, p + 2)] for i, row in enumerate(samples)]
        numbers = np.array(table, dtype=np.float64)
        try:
            self.data = Dataset(numbers[:, :p], numbers[:, p],
                                feature_names=[str(h) for h in header[1:p + 1]],
                                y_name=str(header[p + 1]), name=self.name)
        except ValueError as exc:
            raise VerifyUnavailable(Message("{prefix}its samples do not make a data set "
                                            "({problem})", prefix=prefix,
                                            problem=said(exc))) from None
        self.q = p + (model_rule(self.model).intercept)
        path = _rows(book, PATH_SHEET)
        rows = [r for r in sorted(path) if r > 1 and path[r] and path[r][0] is not None]
        if not rows:
            raise VerifyUnavailable(Message("{prefix}its Path sheet holds no λ rows",
                                            prefix=prefix))
        self.rows = rows
        grid = [[_number(path[r][c] if c < len(path[r]) else None,
                         f"{PATH_SHEET}!{get_column_letter(c + 1)}{r}", prefix)
                 for c in range(self.q + 1)] for r in rows]
        self.lambdas = np.array([g[0] for g in grid])
        self.params = np.array([g[1:] for g in grid]).reshape(len(rows), self.q)


class PreparedPath(NamedTuple):
    """A path workbook read and its path recomputed, waiting for LibreOffice's copy (so that
    :func:`gdapp.excel.verify.verify_workbooks` recalculates it in the launch of the others)."""

    source: Path
    book: _PathBook
    engine: RegularizationPath
    cells: int                      # what the progress counts
    foreign: None = None            # (as a run's: never refused before the recalculation)

    def finish(self, copy: Path, scratch: Path) -> VerifyReport:
        """Compare the workbook with LibreOffice's ``copy`` (``scratch``: a folder for the
        reference workbook, removed by the caller)."""
        # the formulas and every other cell gdapp writes, around the workbook's numbers
        book, engine = self.book, self.engine
        at = book.lambda_max if book.lambda_max is not None else engine.lambda_max
        mine = replace(engine, params=book.params.copy(), lambda_max=at)
        scratch.mkdir(parents=True, exist_ok=True)
        reference = export_path(mine, book.data, book.model, scratch / "gdapp.xlsx")
        tally, prose = _compare(self.source, copy, reference, book, engine)
        return report_from(tally, rows=len(book.rows), notes=prose_note(prose))


def prepare_path(path: str | Path) -> PreparedPath:
    """Read a path workbook and recompute its path; :class:`VerifyUnavailable` when it cannot
    be verified (before LibreOffice starts)."""
    source = Path(path)
    prefix = Message("cannot verify: ")
    try:
        check_archive(source, WorkbookError)
        audit_package(source, WorkbookError, strict=True, titles=(PATH_SHEETS, ()))
    except WorkbookError as exc:
        raise VerifyUnavailable(Message("{prefix}{problem}", prefix=prefix,
                                        problem=said(exc))) from None
    original = StreamedWorkbook(source, data_only=False)
    try:
        book = _PathBook(original, prefix)
    finally:
        original.close()
    try:
        engine = regularization_path(book.data, book.model, book.penalty, book.lambdas)
    except ValueError as exc:
        raise VerifyUnavailable(Message("{prefix}the workbook's settings do not make a path "
                                        "({problem})", prefix=prefix,
                                        problem=said(exc))) from None
    return PreparedPath(source, book, engine, book.params.size * 2 + book.lambdas.size)


def verify_path_workbook(path: str | Path, *, timeout: float = 600,
                         progress: Callable[[int, int], None] | None = None,
                         cancel: threading.Event | None = None) -> VerifyReport:
    """Recalculate a path workbook in LibreOffice and compare it with the engine (see the
    module docstring); :class:`VerifyUnavailable` when it cannot be verified."""
    return verify_workbooks([path], timeout=timeout, progress=progress, cancel=cancel)[0]


def _compare(source: Path, copy: Path, reference: Path, book: _PathBook,
             engine: RegularizationPath) -> tuple[Tally, list[str]]:
    tally = Tally()
    prose: list[str] = []
    ref = StreamedWorkbook(reference, data_only=False)
    try:
        with opened(source, copy) as (original, recalculated):
            _compare_path(tally, original, recalculated, ref, book, engine)
            if book.lambda_max is not None:
                tally.compared += 1
                _compare_number(tally, f"{SETTINGS_SHEET}!B6", book.lambda_max,
                                float(engine.lambda_max), abs(engine.lambda_max))
            for problem in unaccounted_cells(original, ref, PATH_SHEETS, prose=prose):
                tally.differ(problem, 2)
            wanted = ref.defined_names()
            for problem in moved_names(original, wanted):
                tally.differ(problem, 2)
            for problem in unaccounted_names(original, wanted):
                tally.differ(problem, 2)
    finally:
        ref.close()
    return tally, prose


def _slopes(book: _PathBook, params: FloatArray) -> tuple[FloatArray, FloatArray]:
    """∂E/∂bj = −(2/n)·Σ xj·(y − ŷ) for each row of ``params``, and the size of its terms
    (for the tolerance: |xj|·(|y| + Σ|bk·xk|), which bounds the rounding of ŷ and y − ŷ)."""
    data = book.data
    ones = np.ones((data.n, 1))
    design = np.hstack([ones, data.X]) if model_rule(book.model).intercept else data.X
    residual = data.y[None, :] - params @ design.T                  # (L, n)
    size = np.abs(data.y)[None, :] + np.abs(params) @ np.abs(design).T
    slopes = -2.0 / data.n * residual @ design
    scale = 2.0 / data.n * size @ np.abs(design)
    return slopes, scale


def _optimal(book: _PathBook, engine: RegularizationPath, slopes: FloatArray) -> list[bool]:
    """The Path sheet's check, evaluated by numpy on the workbook's coefficients."""
    slack = float(f"{KKT_SLACK:.0E}") * engine.lambda_max
    first = book.q - book.data.p
    out = []
    for lam, b, g in zip(book.lambdas, book.params, slopes, strict=True):
        ok = True
        for j in range(book.q):
            if j < first:
                ok &= abs(g[j]) <= slack
            elif book.penalty == "l1":
                ok &= (abs(g[j]) <= lam + slack) if b[j] == 0 else \
                    abs(g[j] + lam * np.sign(b[j])) <= slack
            else:
                ok &= abs(g[j] + 2 * lam * b[j]) <= slack
        out.append(bool(ok))
    return out


def _compare_path(tally: Tally, original: StreamedWorkbook, recalculated: StreamedWorkbook,
                  ref: StreamedWorkbook, book: _PathBook, engine: RegularizationPath) -> None:
    formulas, values, wanted = (_rows(b, PATH_SHEET) for b in (original, recalculated, ref))
    slopes, scale = _slopes(book, book.params)
    checks = _optimal(book, engine, slopes)
    q = book.q
    for i, r in enumerate(book.rows):
        size = max(1.0, float(np.max(np.abs(engine.params[i]))))
        for j in range(q):
            where = f"{PATH_SHEET}!{get_column_letter(2 + j)}{r}"
            have, want = float(book.params[i, j]), float(engine.params[i, j])
            deviation = abs(have - want) / size
            tally.compared += 1
            tally.deviation(where, deviation)
            if not deviation <= PARAM_TOLERANCE:
                tally.differ(Message("{where}: workbook {have}, the engine's optimum at λ = "
                                     "{lam} is {want}", where=where, have=repr(have),
                                     lam=f"{book.lambdas[i]:g}", want=repr(want)), 1)
        for c in range(2 + q, 3 + 2 * q):
            where = f"{PATH_SHEET}!{get_column_letter(c)}{r}"
            row, target = formulas.get(r, []), wanted.get(r, [])
            text = row[c - 1] if c - 1 < len(row) else None
            formula = target[c - 1] if c - 1 < len(target) else ""
            assert isinstance(formula, str)
            tally.compared += 1
            if not same_formula(text if isinstance(text, str) and text.startswith("=")
                                else None, formula):
                tally.differ(Message("{where}: the workbook has {shown}, gdapp writes {wanted}",
                                     where=where, shown=show_value(text), wanted=formula), 0)
                continue
            got = values.get(r, [])
            value = got[c - 1] if c - 1 < len(got) else None
            if c < 2 + 2 * q:
                j = c - 2 - q
                _compare_number(tally, where, value, float(slopes[i, j]),
                                float(scale[i, j]))
            elif value is not checks[i]:
                tally.differ(Message("{where}: workbook {have}, the optimality check "
                                     "evaluated by gdapp is {want}", where=where,
                                     have=show_value(value), want=show_value(checks[i])), 1)


def _compare_number(tally: Tally, where: str, value: object, want: float,
                    scale: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        tally.deviation(where, math.inf)
        tally.differ(Message("{where}: workbook {have}, gdapp computes {want}", where=where,
                             have=show_value(value), want=repr(want)), 1)
        return
    deviation = abs(float(value) - want) / max(scale, abs(want), 1e-300)
    tally.deviation(where, deviation)
    if not deviation <= RELATIVE_TOLERANCE:
        tally.differ(Message("{where}: workbook {have}, gdapp computes {want}", where=where,
                             have=repr(float(value)), want=repr(want)), 1)
