"""The sample editor's text: numbers as the grid shows them, clipboard rows, file reading.

Kept apart from the editor's widget (:mod:`gdapp.gui.data_editor`), which uses them.
"""

from __future__ import annotations

from pathlib import Path

from gdapp.core import Dataset, load_csv, parse_number
from gdapp.core.data import ColumnChoice, FeatureChoice
from gdapp.core.encodings import ENCODING_NAMES
from gdapp.gui.i18n import tr


def encoding_notice(data: Dataset) -> str | None:
    """The window's notice for samples read from a file that was not UTF-8 (the words of
    :func:`gdapp.core.encoding_note`, in the window's language); None for UTF-8."""
    if data.encoding is None or data.encoding == "utf-8":
        return None
    label = ENCODING_NAMES.get(data.encoding, data.encoding.upper())
    return tr("{name} was read as {encoding} text, not UTF-8").format(name=data.name,
                                                                       encoding=label)


def format_sample(value: float) -> str:
    """A sample as the shortest text that reads back to the same number (``0.1``, ``2``)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


class DataEditError(ValueError):
    """A cell of the sample editor is not a usable number (the message says which)."""


def parse_pasted_rows(text: str) -> list[list[str]]:
    """Split spreadsheet clipboard text (tabs between cells, newlines between rows) into
    rows of cells; a first row with no number in it (a header) is dropped."""
    rows = split_rows(text)
    if rows and not any(_is_number(c) for c in rows[0]):
        rows = rows[1:]
    return rows


def split_rows(text: str) -> list[list[str]]:
    """Clipboard text as rows of stripped cells, blank rows left out (a header kept)."""
    rows = [line.split("\t") for line in text.replace("\r\n", "\n").split("\n")]
    return [[c.strip() for c in r] for r in rows if any(c.strip() for c in r)]


def _is_number(text: str) -> bool:
    try:
        parse_number(text, decimal_comma=True)  # "1,000" is a number, if an ambiguous one
    except ValueError:
        return False
    return True


def read_samples(path: str, *, x: FeatureChoice | None = None,
                 y: ColumnChoice | None = None) -> Dataset:
    """The samples of a CSV file or an .xlsx workbook (by the file's suffix); ``x`` and
    ``y`` choose a CSV file's feature and target columns (default: the first two).

    Raises
    ------
    DataError, ValueError, OSError
        When the file cannot be read or holds no usable samples.
    """
    if Path(path).suffix.lower() in (".xlsx", ".xlsm"):
        from gdapp.excel import load_data_xlsx

        return load_data_xlsx(path)
    return load_csv(path, x=x, y=y)
