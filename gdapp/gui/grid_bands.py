"""The iteration grid with several parameters on a narrow screen: one band of rows per iterate.

The note's grid has one row per iterate and the columns k, b1, ∂/∂b1 and Δb1. With p
parameters that is 1 + 3p columns (b0 … b5 of five features: 19), far wider than a
projector's 1024 pixels in classroom mode, so the class would see k and two parameters and
scroll sideways for the rest. Instead, when the note's columns of every parameter do not fit
the grid's width (at the fewest digits a column is narrowed to), the grid shows each iterate
as a *band* of p rows, one per parameter, under the same columns for every parameter::

    k   j   bj         ∂/∂bj      Δbj        cost E
    3   0   695.36     1485425.8  -14158.9   5.598e+11
        1   4409.95    9435120.1  -89750.1
        …

so the whole update k — every parameter, its gradient and its step — reads down one band,
the way the note's step is written out (one line per parameter), and the columns stay the
note's four, whatever p (the L1 path's five features, a polynomial of degree 10, a logistic
model of several features). Columns of one number per iterate (the cost, the penalty, the
objective, η_k, the batch) show on the band's first row; the optimizer's state (``m``,
``v``…) and a mini-batch's gradient get one column each, a row per parameter. Every other
band is shaded; the band of the current iterate is coloured and kept in view as a whole
(up to ten rows: a taller one shows from its top); a click anywhere in a band moves the
tangent to its iterate; Ctrl+C copies the iterates of the selected bands one row each, as
the wide grid does (a spreadsheet's layout). Where the wide columns fit (one parameter
always: the note's own grid stays as it is) the grid keeps one row per iterate.

Why bands and not the parameters as rows of the current iterate alone, or a chooser of one
parameter: the grid stays the note's table of iterates — the class sees where the run came
from and goes, k by k — and a teacher points at one band as at one row of the note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from gdapp.core import Run
from gdapp.gui.i18n import tr

if TYPE_CHECKING:
    from gdapp.gui.table_model import IterationTableModel

ModelIndex = QModelIndex | QPersistentModelIndex

#: The column of the parameters' indices j (b0 → 0, b3 → 3), and the name standing for every
#: parameter in the other columns' keys ("∂/∂bj" for ∂/∂b0, ∂/∂b1, …).
PARAMETER, EVERY = "j", "bj"
#: The note's columns, which never make way for want of room.
KEPT = frozenset({PARAMETER, EVERY, f"∂/∂{EVERY}", f"Δ{EVERY}"})
#: The background of every other band (the rows of one iterate read as one).
BAND_SHADE = QColor("#eef1f6")
_NAME = re.compile(r"(?<![0-9A-Za-z])b\d+(?![0-9])")
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


def band_key(key: str, names: Sequence[str]) -> tuple[str, int | None]:
    """A wide column's key as a band column's and the parameter it is of (``"Δb2"`` →
    ``("Δbj", index of b2)``; ``"cost E"`` → ``("cost E", None)``)."""
    found = [m for m in _NAME.finditer(key) if m.group() in names]
    if len(found) != 1:
        return key, None
    m = found[0]
    return key[:m.start()] + EVERY + key[m.end():], names.index(m.group())


def _note_first(keys: list[str]) -> list[str]:
    """k, the parameter, then bj, ∂/∂bj and Δbj (the note's order), then the others."""
    note = [k for k in (EVERY, f"∂/∂{EVERY}", f"Δ{EVERY}") if k in keys]
    return ["k", PARAMETER, *note, *(k for k in keys[1:] if k not in note)]


class BandMarks(dict[int, QColor]):
    """The rows' colours: those of the iterates' marks (current, converged…) over every
    row of their band, and :data:`BAND_SHADE` on the other bands of odd k."""

    def __init__(self, marks: dict[int, QColor], p: int) -> None:
        super().__init__(marks)
        self.p = p

    def get(self, row: int, default: QColor | None = None) -> QColor | None:  # type: ignore[override]
        color = super().get(row)
        if color is None and (row // self.p) % 2:
            return BAND_SHADE
        return default if color is None else color


class BandTableModel(QAbstractTableModel):
    """``wide`` (one row per iterate) as bands of one row per parameter; the same interface
    as :class:`~gdapp.gui.table_model.IterationTableModel`, which it follows."""

    def __init__(self, wide: IterationTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wide = wide
        self._bold = QFont()
        self._bold.setBold(True)
        self.marks: dict[int, QColor] = BandMarks({}, 1)
        self._build()
        wide.modelAboutToBeReset.connect(self.beginResetModel)
        wide.modelReset.connect(self._on_reset)
        wide.dataChanged.connect(self._on_data_changed)

    # ---- following the wide model ------------------------------------------------------
    def _build(self) -> None:
        wide = self.wide
        names = list(wide.run.spec.param_names)
        self.p = max(1, len(names))
        self.names = names
        # band key → (wide column per parameter, or the one wide column of a scalar)
        groups: dict[str, dict[int, int]] = {}
        scalars: dict[str, int] = {}
        keys: list[str] = ["k"]
        for c in range(1, wide.columnCount()):
            key, j = band_key(wide.column_key(c), names)
            if j is None:
                scalars[key] = c
            else:
                groups.setdefault(key, {})[j] = c
            if key not in keys:
                keys.append(key)
        self._keys = _note_first(keys)
        self._groups = groups
        self._scalars = scalars
        self._mark_rows()

    def _on_reset(self) -> None:
        self._build()
        self.endResetModel()

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, *_: object) -> None:
        self._mark_rows()
        last = self.columnCount() - 1
        for k in range(top.row(), bottom.row() + 1):
            self.dataChanged.emit(self.index(k * self.p, 0),
                                  self.index(k * self.p + self.p - 1, last))

    def _mark_rows(self) -> None:
        self.marks = BandMarks({k * self.p + j: color for k, color in self.wide.marks.items()
                                for j in range(self.p)}, self.p)

    # ---- rows and iterates -------------------------------------------------------------
    def k_of(self, row: int) -> int:
        """The iterate of a row."""
        return row // self.p

    def rows_of(self, k: int) -> range:
        """The rows of iterate ``k``'s band."""
        return range(k * self.p, (k + 1) * self.p)

    @property
    def run(self) -> Run:
        """The run the table shows."""
        return self.wide.run

    @property
    def current(self) -> int:
        """The first row of the current iterate's band (drawn bold; the band is coloured)."""
        return self.wide.current * self.p

    # ---- the table ---------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.wide.rowCount() * self.p

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def column_key(self, section: int) -> str:
        """The column's name in English (``"∂/∂bj"``, ``"cost E"``…)."""
        return self._keys[section]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        from gdapp.gui.table_model import column_title

        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._keys):
            return None if orientation == Qt.Orientation.Horizontal else str(section)
        key = self._keys[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("Each iterate k is a band of rows, one row per parameter bj (j is "
                      "its index)") \
                if key in ("k", PARAMETER) else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return key if key == PARAMETER else column_title(key)

    def _wide_cell(self, row: int, col: int) -> tuple[int, int] | None:
        """The wide model's (row, column) a number cell shows; None for a blank cell."""
        k, j = divmod(row, self.p)
        key = self._keys[col]
        if key in self._scalars:
            return (k, self._scalars[key]) if j == 0 else None
        c = self._groups.get(key, {}).get(j)
        return None if c is None else (k, c)

    def cell_text(self, row: int, col: int) -> str:
        """The text of a cell: k on a band's first row, the parameter's index j, a number."""
        k, j = divmod(row, self.p)
        if col == 0:
            return str(k) if j == 0 else ""
        if self._keys[col] == PARAMETER:
            return self.names[j][1:] if j < len(self.names) else ""
        cell = self._wide_cell(row, col)
        return "" if cell is None else self.wide.cell_text(*cell)

    def cell_value(self, row: int, col: int) -> float:
        """The full-precision number of a cell (k in column k; nan where none)."""
        if col == 0:
            return float(self.k_of(row))
        cell = self._wide_cell(row, col) if self._keys[col] != PARAMETER else None
        return float("nan") if cell is None else self.wide.cell_value(*cell)

    def shorter_text(self, row: int, col: int, fits: Callable[[str], bool]) -> str:
        """A number with fewer digits that ``fits`` (as the wide grid shortens it)."""
        cell = self._wide_cell(row, col) if col and self._keys[col] != PARAMETER else None
        return "###" if cell is None else self.wide.shorter_text(*cell, fits)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            color = self.marks.get(row)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if row == self.current else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.row_note(row) or None
        if role == Qt.ItemDataRole.StatusTipRole and self._keys[col] == PARAMETER:
            return self.parameter_note(row)
        if role == Qt.ItemDataRole.UserRole:
            return self.cell_value(row, col)
        return None

    def parameter_note(self, row: int) -> str:
        """The row's parameter, and the feature it multiplies (``b2: sleep_hours``)."""
        name = self.names[row % self.p]
        feature = self.run.spec.feature_of(name) if self.run.spec.data.p > 1 else None
        return f"{name}: {feature}" if feature else name

    def row_color(self, row: int) -> QColor | None:
        """Background of a row: its iterate's (current, converged, diverged, stopped), else
        the shade of a band of odd k."""
        return self.marks.get(row)

    def row_note(self, row: int) -> str:
        """The sentence about the row's iterate (the tooltip), or an empty string."""
        return self.wide.row_note(self.k_of(row))

    def rows_as_tsv(self, rows: Iterable[int], columns: Sequence[int] | None = None) -> str:
        """The iterates of ``rows``, one row each with every digit, in the wide grid's
        columns that ``columns`` (of the bands) show: a spreadsheet's layout."""
        chosen = range(self.columnCount()) if columns is None else columns
        wide: set[int] = set()
        for c in chosen:
            key = self._keys[c]
            wide |= {0} if c == 0 else {self._scalars[key]} if key in self._scalars \
                else set(self._groups.get(key, {}).values())
        return self.wide.rows_as_tsv({self.k_of(r) for r in rows}, sorted(wide))
