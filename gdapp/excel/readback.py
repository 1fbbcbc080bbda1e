"""Read back a workbook gdapp wrote: :func:`read_workbook` → :class:`GdappWorkbook`.

The spec is rebuilt from the Settings values (through the same defined names the formulas
use, so an η edited in Excel is the η read back) and the Data cells the names ``x_data`` and
``y_data`` cover; the Iterations rows are counted. Anything else — a missing marker or
sheet, a setting that is not a number, data that is not numeric — is refused with a
one-sentence :class:`WorkbookError`.

Files are untrusted: before openpyxl sees one, it must be an existing regular file and a zip
archive whose members unpack to at most :data:`MAX_UNCOMPRESSED` bytes and whose XML parts
declare no document type or entities (an "XML bomb": spreadsheets never need them); it is then
opened read-only (openpyxl parses with lxml without resolving entities, and with defusedxml when
it falls back to the standard library) and only the rows needed are read.
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from gdapp.core import MAX_EXPORTABLE_ROWS, MODEL_CHOICES, DataError, Dataset, RunSpec, spec_fields
from gdapp.core.data import MIN_ABS_VALUE, too_small_message
from gdapp.core.data_messages import said
from gdapp.core.holdout import Holdout
from gdapp.core.messages import Message
from gdapp.core.spec import model_param_names
from gdapp.excel.export import FORMAT_VERSION, MARKER
from gdapp.excel.labels import LANGUAGES, Language, in_every_language, words
from gdapp.excel.package import audit_package
from gdapp.excel.row_count import count_iterations
from gdapp.excel.shaped_read import is_shaped, read_shaped
from gdapp.excel.xml_guard import check_xml_parts

#: Largest total uncompressed size of a workbook we open (a zip bomb stops here).
MAX_UNCOMPRESSED = 2 * 1024**3
#: Most members a workbook archive may have.
MAX_MEMBERS = 10_000
#: Rows of the Settings sheet looked at.
SETTINGS_ROWS = 200
REQUIRED_SHEETS = ("Settings", "Data", "Iterations")
#: The marker and the data source's label, in every language a workbook is written in.
MARKERS = in_every_language(MARKER)
DATA_SOURCE_LABELS = in_every_language("data source")


#: What a cell holding a formula but no value (as openpyxl and some programs save them) says.
NO_SAVED_VALUE = Message("holds a formula with no saved value (open and save the file in a "
                         "spreadsheet program first, or type the number)")


class WorkbookError(ValueError):
    """Not a gdapp workbook, unreadable, or its settings make no sense (message says why)."""


@dataclass(frozen=True)
class GdappWorkbook:
    """What a gdapp workbook holds.

    Attributes
    ----------
    spec : RunSpec
        Rebuilt from Settings and Data, validated.
    iteration_rows : int
        Number of iterate rows on the Iterations sheet (the start row included).
    lang : "en" or "ko"
        The language of its labels (read from its marker).
    """

    spec: RunSpec
    iteration_rows: int
    lang: Language = "en"


def check_archive(path: str | Path, error: type[ValueError], *,
                  sheets_record_size: bool = False) -> Path:
    """Refuse, with ``error``, a path that is not a regular file holding a sane zip archive.

    Its XML parts are checked by :func:`~gdapp.excel.xml_guard.check_xml_parts`. With
    ``sheets_record_size``, a worksheet larger than ``UNSIZED_SHEET_BYTES`` must
    state its size (``<dimension>``) up front: without it openpyxl reads the whole sheet just
    to size it (a million junk rows: ~20 s) before a single Settings row can be checked.
    Every spreadsheet program writes it; gdapp does too.
    """
    p = Path(path)
    if not p.exists():
        raise error(Message("{path}: no such file", path=str(p)))
    if not p.is_file():
        raise error(Message("{path} is not a file", path=str(p)))
    try:
        with open(p, "rb"):
            pass
    except PermissionError:
        raise error(Message("{path}: permission denied (cannot read it)", path=str(p))) from None
    except OSError as exc:
        raise error(Message("{name}: cannot read the file ({reason})", name=p.name,
                            reason=str(exc.strerror or exc))) from None
    try:
        if not zipfile.is_zipfile(p):
            raise error(Message("{name} is not an .xlsx workbook (it is not a zip archive)",
                                name=p.name))
        with zipfile.ZipFile(p) as archive:
            members = archive.infolist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise error(Message("{name}: cannot read the file ({reason})", name=p.name,
                            reason=str(exc))) from None
    if len(members) > MAX_MEMBERS:
        raise error(Message("{name} has {n} parts; a workbook has far fewer", name=p.name,
                            n=f"{len(members):,}"))
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise error(Message("{name} unpacks to {size} GiB; the limit is {limit} GiB",
                            name=p.name, size=f"{total / 2**30:.1f}",
                            limit=str(MAX_UNCOMPRESSED // 2**30)))
    check_xml_parts(p, members, error, sheets_record_size=sheets_record_size)
    return p


def _first_line(exc: BaseException) -> str:
    """Why a reader failed, in a reader's terms: the XML parser's own sentence (it names the
    line and column), else that a part is not what an .xlsx holds — never the name of an
    internal exception (a DDE link made openpyxl fail with "IndexError: list index out of
    range")."""
    lines = str(exc).strip().splitlines()
    if isinstance(exc, SyntaxError | etree.XMLSyntaxError) and lines:
        return Message("its XML is malformed: {line}", line=lines[0])
    return Message("a part of it is not what an .xlsx workbook holds")



@contextmanager
def open_untrusted(path: str | Path, error: type[ValueError], *,
                   sheets_record_size: bool = False,
                   audit: bool | None = None) -> Iterator[Workbook]:
    """Open a checked workbook read-only (computed values, not formulas) and close it after
    (``sheets_record_size``: see :func:`check_archive`). A gdapp workbook is audited first
    (:func:`~gdapp.excel.package.audit_package`; ``audit=True``: strictly, as the verifier
    does)."""
    p = check_archive(path, error, sheets_record_size=sheets_record_size)
    if audit is not None:
        audit_package(p, error, strict=audit)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles/extensions it skips
            wb = load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken archive
        raise error(Message("{name} is not a readable .xlsx workbook ({why})", name=p.name,
                            why=_first_line(exc))) from None
    try:
        yield wb
    finally:
        wb.close()


def holds_formula(path: str | Path, sheet: str, row: int, column: int) -> bool:
    """True when the cell (1-based row and column) holds a formula. Asked only about a cell
    that read as empty (a formula's saved value is what the reader sees); the file was
    checked by :func:`check_archive` moments before."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(path, read_only=True, data_only=False)
        try:
            cells = wb[sheet].iter_rows(min_row=row, max_row=row, min_col=column,
                                        max_col=column, values_only=True)
            value = next(iter(next(cells, ())), None)
        finally:
            wb.close()
    except Exception:  # only a better message is at stake: the caller refuses either way
        return False
    return isinstance(value, ArrayFormula | DataTableFormula) or (
        isinstance(value, str) and value.startswith("="))


class _Unsaved:
    """A Settings cell holding a formula with no saved value."""

    def __repr__(self) -> str:
        return "a formula with no saved value"


_UNSAVED = _Unsaved()


def read_workbook(path: str | Path, *, strict: bool = False) -> GdappWorkbook:
    """Load a workbook gdapp wrote and rebuild its :class:`RunSpec`.

    Active or external content, and more than gdapp writes, is refused first
    (:mod:`gdapp.excel.package`; ``strict``: every sheet and part, as the verifier needs).

    Raises
    ------
    WorkbookError
        For a missing, oversized or unreadable file, another program's workbook, or
        settings/data that do not describe a valid run.
    """
    name = Path(path).name
    with open_untrusted(path, WorkbookError, sheets_record_size=True, audit=strict) as wb:
        try:
            missing = [s for s in REQUIRED_SHEETS if s not in wb.sheetnames]
            if missing:
                raise WorkbookError(Message("{name} is not a gdapp workbook (no {sheet} sheet)",
                                            name=name, sheet=missing[0]))
            settings_rows = _settings_rows(wb)
            lang = _check_marker(settings_rows, name)
            values, cells = _settings_values(wb, settings_rows, name)
            for key, value in values.items():
                if value is None and key in cells and holds_formula(path, "Settings",
                                                                     *cells[key]):
                    values[key] = _UNSAVED
            source = _text_after(settings_rows, DATA_SOURCE_LABELS) or name
            held: Holdout | None = None
            if is_shaped(values):   # powers, held-out samples, z-scores: shaped_read.py
                data, held = read_shaped(wb, Path(path), values, source=source)
            else:
                data = _read_data(wb, Path(path), source=source)
            rows = count_iterations(wb, name, WorkbookError)
        except WorkbookError:
            raise
        except Exception as exc:  # sheets are parsed lazily: a damaged one fails here
            raise WorkbookError(Message("{name} is damaged and cannot be read ({why})",
                                        name=name, why=_first_line(exc))) from None
    spec = _spec(values, data, name)
    if held is not None:
        spec = _spec_with(spec, held, name)
    return GdappWorkbook(spec=spec, iteration_rows=rows, lang=lang)


def _settings_rows(wb: Workbook) -> list[tuple[Any, ...]]:
    ws = wb["Settings"]
    return [tuple(r) for r in ws.iter_rows(min_row=1, max_row=SETTINGS_ROWS, max_col=4,
                                           values_only=True)]


def _check_marker(rows: list[tuple[Any, ...]], name: str) -> Language:
    """The workbook's language, once its marker and format are gdapp's."""
    for r in rows:
        if r and r[0] in MARKERS:
            version = r[1] if len(r) > 1 else None
            if version == FORMAT_VERSION and not isinstance(version, bool):
                return next(lang for lang in LANGUAGES if words(lang)(MARKER) == r[0])
            raise WorkbookError(Message("{name} has gdapp workbook format {version}; this "
                                        "gdapp reads format {format}", name=name,
                                        version=repr(version), format=str(FORMAT_VERSION)))
    raise WorkbookError(Message("{name} is not a gdapp workbook (its Settings sheet has no "
                                "'{marker}' marker)", name=name, marker=MARKER))


def _text_after(rows: list[tuple[Any, ...]], labels: frozenset[str]) -> str | None:
    for r in rows:
        if r and r[0] in labels and len(r) > 1 and r[1] is not None:
            return str(r[1])
    return None


def _settings_values(wb: Workbook, rows: list[tuple[Any, ...]], name: str
                     ) -> tuple[dict[str, Any], dict[str, tuple[int, int]]]:
    """{defined name: value}: through the workbook's defined names, else column C's names;
    and {defined name: (row, column)} of the cell each value came from."""
    by_label: dict[str, Any] = {}
    cells: dict[str, tuple[int, int]] = {}
    for i, r in enumerate(rows, start=1):
        if len(r) > 2 and isinstance(r[2], str):
            by_label[r[2].strip()] = r[1]
            cells[r[2].strip()] = (i, 2)
    out = dict(by_label)
    for key in list(by_label):
        defined = wb.defined_names.get(key)
        if defined is None:
            continue
        for sheet, ref in defined.destinations:
            min_col, min_row, _, _ = range_boundaries(ref.replace("$", ""))
            if sheet == "Settings" and min_row is not None and min_col is not None \
                    and min_row <= len(rows) and min_col <= 4:
                row = rows[min_row - 1]
                out[key] = row[min_col - 1] if min_col - 1 < len(row) else None
                cells[key] = (min_row, min_col)
    return out, cells


def _number(values: dict[str, Any], key: str, label: str) -> float:
    if key not in values:
        raise WorkbookError(Message("Settings: the {label} setting ('{key}') is missing",
                                    label=label, key=key))
    v = values[key]
    if v is _UNSAVED:
        raise WorkbookError(Message("Settings: {label} {note}", label=label,
                                    note=NO_SAVED_VALUE))
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise WorkbookError(Message("Settings: {label} must be a number, got {got}",
                                    label=label, got=repr(v)))
    return float(v)


def _spec(values: dict[str, Any], data: Dataset, name: str) -> RunSpec:
    """The validated spec; every refusal names the file, then the setting at fault."""
    try:
        return _spec_from_settings(values, data)
    except WorkbookError as exc:
        raise WorkbookError(Message("{name}, {problem}", name=name, problem=said(exc))) from None
    except ValueError as exc:
        raise WorkbookError(Message("{name}, Settings: {problem}", name=name,
                                    problem=said(exc))) from None


def _spec_with(spec: RunSpec, held: Holdout, name: str) -> RunSpec:
    try:
        return replace(spec, holdout=held).validated()
    except ValueError as exc:
        raise WorkbookError(Message("{name}, Data: {problem}", name=name,
                                    problem=said(exc))) from None


def _spec_from_settings(values: dict[str, Any], data: Dataset) -> RunSpec:
    """The RunSpec the Settings describe, field by field from RunSpec's metadata: a choice
    is a text, a bool a TRUE/FALSE, a whole number a whole number, anything else a number.
    The note's settings must be there; an optimizer, schedule or batch setting (metadata
    ``flag``) a workbook of the note's kind does not hold takes its default."""
    kwargs: dict[str, Any] = {"data": data}
    for attr, f in spec_fields().items():
        if attr in ("data", "start", "holdout"):  # the samples, read from the Data sheet
            continue
        key, label = f.metadata["name"], f.metadata["label"]
        if key not in values and ("flag" in f.metadata or f.metadata.get("optional")):
            continue
        if "choices" in f.metadata:
            v = values.get(key)
            if v is _UNSAVED:
                raise WorkbookError(Message("Settings: '{key}' {note}", key=key,
                                            note=NO_SAVED_VALUE))
            if not isinstance(v, str):
                raise WorkbookError(Message("Settings: '{key}' must be a text setting, got "
                                            "{got}", key=key, got=repr(v)))
            kwargs[attr] = v.strip()
        elif f.type == "bool":
            v = values.get(key)
            if not isinstance(v, bool):
                raise WorkbookError(Message("Settings: {label} must be TRUE or FALSE, got "
                                            "{got}", label=label, got=repr(v)))
            kwargs[attr] = v
        elif f.type.startswith("int"):
            number = _number(values, key, label.lower())
            if not number.is_integer():
                raise WorkbookError(Message("Settings: {label} must be a whole number, got "
                                            "{got}", label=label.lower(), got=str(number)))
            kwargs[attr] = int(number)
        else:
            kwargs[attr] = _number(values, key, _LABELS.get(key, label))
    model = kwargs["model"]
    if model not in MODEL_CHOICES:
        raise WorkbookError(Message("Settings: model must be one of {choices}, got {got}",
                                    choices=", ".join(MODEL_CHOICES), got=repr(model)))
    kwargs["start"] = tuple(_number(values, f"{p}_start", Message("start {name}", name=p))
                            for p in model_param_names(model, data.p))
    return RunSpec(**kwargs).validated()


#: How the refusals name the numeric settings the note has (its words, not the labels).
_LABELS = {"lambda_": "λ", "eta": "η (learning rate)", "tolerance": "tolerance"}


def _data_range(wb: Workbook, key: str, name: str) -> tuple[int, int, int]:
    """(column, first row, last row) of a one-column range on the Data sheet."""
    defined = wb.defined_names.get(key)
    dest = list(defined.destinations) if defined is not None else []
    if len(dest) != 1 or dest[0][0] != "Data":
        raise WorkbookError(Message("{name}: the defined name '{key}' does not point into the "
                                    "Data sheet", name=name, key=key))
    min_col, min_row, max_col, max_row = range_boundaries(dest[0][1].replace("$", ""))
    if None in (min_col, min_row, max_col, max_row) or min_col != max_col:
        raise WorkbookError(Message("{name}: '{key}' must be one column of cells on the Data "
                                    "sheet", name=name, key=key))
    assert min_col is not None and min_row is not None and max_row is not None
    if max_row - min_row + 1 > MAX_EXPORTABLE_ROWS:
        raise WorkbookError(Message("{name}: '{key}' covers more rows than a sheet holds",
                                    name=name, key=key))
    return min_col, min_row, max_row


def _feature_keys(wb: Workbook) -> list[str]:
    """The Data sheet's feature names: ``x_data`` (one feature) or ``x1_data`` … ``xp_data``."""
    if "x_data" in wb.defined_names:
        return ["x_data"]
    keys: list[str] = []
    while f"x{len(keys) + 1}_data" in wb.defined_names:
        keys.append(f"x{len(keys) + 1}_data")
    return keys or ["x_data"]


def _read_data(wb: Workbook, path: Path, *, source: str) -> Dataset:
    name = path.name
    keys = _feature_keys(wb)
    ranges = [_data_range(wb, key, name) for key in keys]
    yc, y0, y1 = _data_range(wb, "y_data", name)
    x0, x1 = ranges[0][1], ranges[0][2]
    for key, (_, r0, r1) in zip(keys, ranges, strict=True):
        if (r0, r1) != (y0, y1):
            raise WorkbookError(Message("{name}: {key} and y_data must cover the same rows",
                                        name=name, key=key))
    ws = wb["Data"]
    roles = [(c, key.removesuffix("_data")) for key, (c, _, _) in zip(keys, ranges,
                                                                      strict=True)]
    roles.append((yc, "y"))
    cols = [c for c, _ in roles]
    lo, hi = min(cols), max(cols)
    header: tuple[Any, ...] = ()
    if x0 > 1:
        header = next(ws.iter_rows(min_row=x0 - 1, max_row=x0 - 1, min_col=lo, max_col=hi,
                                   values_only=True), ())
    columns: list[list[float]] = [[] for _ in roles]
    read = 0
    for i, row in enumerate(ws.iter_rows(min_row=x0, max_row=x1, min_col=lo, max_col=hi,
                                         values_only=True)):
        read += 1
        for (col, role), out in zip(roles, columns, strict=True):
            v = row[col - lo] if col - lo < len(row) else None
            at = Message("{name}, Data row {row}: {role}", name=name, row=str(x0 + i),
                         role=role)
            if v is None and holds_formula(path, "Data", x0 + i, col):
                raise WorkbookError(Message("{at} {note}", at=at, note=NO_SAVED_VALUE))
            if isinstance(v, bool):
                raise WorkbookError(Message("{at} holds {value}, not a number", at=at,
                                            value=str(v).upper()))
            if not isinstance(v, int | float):
                raise WorkbookError(Message("{at} is {value}, not a number", at=at,
                                            value=repr(v)))
            if v != 0 and abs(v) < MIN_ABS_VALUE:
                raise WorkbookError(Message("{at}: {problem}", at=at,
                                            problem=too_small_message(float(v))))
            out.append(float(v))
    if read != x1 - x0 + 1:
        raise WorkbookError(Message("{name}: the Data sheet ends before the end of {key}",
                                    name=name, key=keys[0]))

    def label(col: int, default: str) -> str:
        v = header[col - lo] if col - lo < len(header) else None
        return str(v) if v not in (None, "") else default

    *xs, ys = columns
    try:
        if len(xs) == 1:
            return Dataset(xs[0], ys, x_name=label(roles[0][0], "x"), y_name=label(yc, "y"),
                           name=source)
        X = np.column_stack(xs)
        names = [label(c, role) for c, role in roles[:-1]]
        return Dataset(X, ys, feature_names=names, y_name=label(yc, "y"), name=source)
    except DataError as exc:
        raise WorkbookError(Message("{name}, Data: {problem}", name=name,
                                    problem=said(exc))) from None
