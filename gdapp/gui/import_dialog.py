"""Choosing a CSV file's columns: which are the features, which is the target.

A file with more than two columns opens :class:`ColumnsDialog` before it is read: the file's
columns by their header names (``column 1``… without a header), a box per column to tick it
as a feature, a combo box for the target, and the first rows of the file. OK is refused, with
a one-line reason above it, while no feature is ticked or the target is ticked as well. The
choice is given as 1-based positions, in the file's order (b1 … bp follow it), for
:func:`gdapp.core.load_csv`.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gdapp.gui.i18n import tr

FEATURE_COLOR = QColor("#dce9f7")
TARGET_COLOR = QColor("#dff2dc")
#: Feature boxes per row of the dialog's grid.
BOXES_PER_ROW = 4


def column_names(header: tuple[str, ...] | None, width: int) -> list[str]:
    """The columns as the dialog names them: the header's names, else ``column 1``…"""
    return [header[i] if header is not None and i < len(header) and header[i]
            else tr("column {i}").format(i=i + 1) for i in range(width)]


class ColumnsDialog(QDialog):
    """Tick the features, pick the target, see the first rows (see the module docstring).

    ``feature_boxes`` holds a check box per column, ``target`` the target's combo box,
    ``preview`` the first rows, ``reason`` why OK is refused ("" when it is not).
    """

    def __init__(self, file_name: str, header: tuple[str, ...] | None, width: int,
                 rows: list[list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import {name}: choose the columns").format(name=file_name))
        self.names = column_names(header, width)
        intro = QLabel(tr("{name} has {n} columns. Tick the features (x1, x2, … in this "
                          "order) and choose the target y.").format(name=file_name, n=width))
        intro.setWordWrap(True)
        boxes = QWidget()
        grid = QGridLayout(boxes)
        grid.setContentsMargins(0, 0, 0, 0)
        self.feature_boxes: list[QCheckBox] = []
        for i, name in enumerate(self.names):
            box = QCheckBox(name)
            box.setToolTip(tr("Use column {i} ({name}) as a feature").format(i=i + 1,
                                                                              name=name))
            box.toggled.connect(self._check)
            grid.addWidget(box, i // BOXES_PER_ROW, i % BOXES_PER_ROW)
            self.feature_boxes.append(box)
        scroll = QScrollArea()
        scroll.setWidget(boxes)
        scroll.setWidgetResizable(True)
        scroll.setMaximumHeight(6 * QCheckBox("x").sizeHint().height())
        self.target = QComboBox()
        self.target.addItems(self.names)
        self.target.setToolTip(tr("The column the model predicts"))
        self.target.currentIndexChanged.connect(self._check)
        form = QFormLayout()
        form.addRow(tr("Features:"), scroll)
        form.addRow(tr("Target:"), self.target)
        self.preview = QTableWidget(len(rows), width)
        self.preview.setHorizontalHeaderLabels(self.names)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        for r, row in enumerate(rows):
            for c in range(width):
                self.preview.setItem(r, c, QTableWidgetItem(row[c] if c < len(row) else ""))
        self.preview.setToolTip(tr("The first rows of the file"))
        self.reason = ""
        self.reason_label = QLabel("")
        self.reason_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("First rows:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.buttons)
        # the file's last column is most often the target: the others are the features
        self.target.setCurrentIndex(width - 1)
        for box in self.feature_boxes[:-1]:
            box.setChecked(True)
        self._check()
        self.resize(640, 420)

    @property
    def ok_button(self) -> QPushButton:
        """The OK button (disabled while the choice cannot be read)."""
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(button, QPushButton)
        return button

    def features(self) -> list[int]:
        """The ticked columns, 1-based, in the file's order."""
        return [i + 1 for i, box in enumerate(self.feature_boxes) if box.isChecked()]

    def target_column(self) -> int:
        """The target's column, 1-based."""
        return self.target.currentIndex() + 1

    def choose(self, features: list[str], target: str) -> None:
        """Tick exactly the columns named ``features`` and pick ``target``."""
        for box, name in zip(self.feature_boxes, self.names, strict=True):
            box.setChecked(name in features)
        self.target.setCurrentIndex(self.names.index(target))

    def _check(self) -> None:
        """Say why OK is refused, or allow it; colour the chosen columns in the preview."""
        chosen, target = self.features(), self.target_column()
        if not chosen:
            self.reason = tr("Tick at least one feature.")
        elif target in chosen:
            self.reason = tr("The target {name} is also ticked as a feature: untick it or "
                             "choose another target.").format(name=self.names[target - 1])
        else:
            self.reason = ""
        self.reason_label.setText(self.reason)
        self.reason_label.setVisible(bool(self.reason))
        self.ok_button.setEnabled(not self.reason)
        for c in range(self.preview.columnCount()):
            color = TARGET_COLOR if c + 1 == target else \
                FEATURE_COLOR if c + 1 in chosen else None
            for r in range(self.preview.rowCount()):
                item = self.preview.item(r, c)
                if item is not None:
                    item.setBackground(QBrush(color) if color is not None else QBrush())
