"""The settings panel: one control per :class:`RunSpec` field, and the pinned-runs list.

Every control writes to the view-model (``vm.update``) the moment it is edited; the panel
mirrors ``specChanged`` back into the controls with their signals blocked, so a spec that
arrives from elsewhere (Open workbook, the session file) shows without feeding back. Labels
and tooltips come from the fields' ``label`` and ``help`` metadata.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from superqt import QDoubleSlider
from superqt.utils import qthrottled

from gdapp.core import (
    COSTS,
    L1_METHODS,
    MAX_EXPORTABLE_ROWS,
    MAX_ITERATIONS,
    MODEL_CHOICES,
    PENALTIES,
    parse_number,
)
from gdapp.core import spec_fields as _spec_fields
from gdapp.gui.core_messages import problem_text
from gdapp.gui.i18n import tr
from gdapp.gui.pinned_optima import final_text
from gdapp.gui.spec_texts import choice_labels, field_texts
from gdapp.gui.viewmodel import MAX_PINS, RunViewModel

#: The smallest positive value the η and tolerance boxes take (a stand-in for "> 0").
TINY = 1e-300
#: Range of the η slider, logarithmic (log10 η from −3 to 0): three decades over the
#: slider's width, the note's η = 0.01 … 0.41 among them; any other η is typed.
ETA_MIN, ETA_MAX = 1e-3, 1.0
#: The slider's η are these mantissas times a power of ten (0.01, 0.012, 0.015, 0.02, …).
NICE_MANTISSAS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)
#: The λ slider: linear from 0 to this, in steps of ``LAMBDA_STEP`` (the note's 0.5, 1, and
#: 14 where L1 sets b1 to 0, are on it); larger λ are typed.
LAMBDA_MAX, LAMBDA_STEP = 20.0, 0.1


def nice_eta(log_eta: float) -> float:
    """The η of the slider at log10 η = ``log_eta``: the nearest value (on the log scale)
    of :data:`NICE_MANTISSAS` × 10^n, so a drag moves through 0.01, 0.012, 0.015, 0.02…"""
    decade = math.floor(log_eta)
    candidates = [m * 10.0 ** d for d in (decade - 1, decade, decade + 1)
                  for m in NICE_MANTISSAS]
    best = min(candidates, key=lambda v: abs(math.log10(v) - log_eta))
    return float(f"{best:.3g}")
#: The spin boxes accept any value the engine accepts (a workbook or the CLI may bring one
#: outside the slider's range); the bounds only keep the numbers finite.
WIDE = 1e300
def field_help(name: str) -> str:
    """The one-sentence help of a RunSpec field (the tooltip), in the window's language."""
    texts = field_texts()
    return texts[name][1] if name in texts else str(_spec_fields()[name].metadata["help"])


def field_label(name: str) -> str:
    """The human label of a RunSpec field, in the window's language."""
    texts = field_texts()
    return texts[name][0] if name in texts else str(_spec_fields()[name].metadata["label"])


class _RefusesWithReason:
    """Qt validation for a spin box whose ``_problem(text)`` names what is wrong: such text
    stays editable (Intermediate) and, when Qt gives up on it, ``refused`` says why."""

    refused: Any

    def _problem(self, text: str) -> str | None:
        raise NotImplementedError

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        state = (QValidator.State.Intermediate if self._problem(text)
                 else QValidator.State.Acceptable)
        return (state, text, pos)

    def fixup(self, text: str) -> str:
        problem = self._problem(text)
        if problem:
            self.refused.emit(problem)
        return text


class NumberSpinBox(_RefusesWithReason, QDoubleSpinBox):
    """A spin box that shows numbers as a person writes them (``0.01``, ``1e-09``).

    Text is read with :func:`gdapp.core.parse_number` (decimal comma accepted). Text that is
    not a number in range is not accepted; ``refused`` says why in one sentence.
    """

    refused = Signal(str)

    def __init__(self, minimum: float, maximum: float, what: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._what = what
        self.setDecimals(320)  # no rounding of the typed value
        self.setRange(minimum, maximum)
        self.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.setKeyboardTracking(False)
        self.setAccelerated(True)

    def textFromValue(self, value: float) -> str:
        return f"{value:.10g}"

    def stepBy(self, steps: int) -> None:
        """An arrow step, rounded to 12 significant digits: 0.01 − 0.0001 is 0.0099, not
        the binary sum 0.009899999999999999 (the run gets the number the box shows)."""
        before = self.value()
        blocker = QSignalBlocker(self)
        super().stepBy(steps)
        stepped = self.value()
        self.setValue(before)
        del blocker
        self.setValue(float(f"{stepped:.12g}"))  # one valueChanged, with the rounded value

    def _bare(self, text: str) -> str:
        """The number part of the text (without the prefix, e.g. ``"b1 = "``)."""
        prefix = self.prefix()
        return text[len(prefix):] if prefix and text.startswith(prefix) else text

    def valueFromText(self, text: str) -> float:
        try:
            return parse_number(self._bare(text))
        except ValueError:
            return self.value()

    def _problem(self, text: str) -> str | None:
        try:
            v = parse_number(self._bare(text))
        except ValueError as exc:
            return f"{self._what}: {problem_text(exc)}"
        if v < self.minimum() and self.minimum() == 0.0:
            return tr("{what} must be ≥ 0, got {v}").format(what=self._what, v=f"{v:g}")
        if v < self.minimum() and 0.0 < self.minimum() <= TINY:
            return tr("{what} must be > 0, got {v}").format(what=self._what, v=f"{v:g}")
        if not self.minimum() <= v <= self.maximum():
            return tr("{what} must be between {low} and {high}, got {v}").format(
                what=self._what, low=f"{self.minimum():g}", high=f"{self.maximum():g}",
                v=f"{v:g}")
        return None


    def sizeHint(self) -> Any:
        hint = super().sizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance("b1 = -1.2345e-09") + 30)
        return hint


class WholeSpinBox(_RefusesWithReason, QSpinBox):
    """The max-iterations box: a whole number from 1 to what a workbook sheet holds.

    Text that is not such a number can be typed but is not accepted; ``refused`` says why in
    one sentence (Qt's own box would silently drop the keystroke or the value).
    """

    refused = Signal(str)

    def __init__(self, minimum: int, maximum: int, what: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._what = what
        self.setRange(minimum, maximum)
        self.setGroupSeparatorShown(True)
        self.setKeyboardTracking(False)

    def _number(self, text: str) -> float:
        bare = text.strip()
        separator = self.locale().groupSeparator()
        if separator and bare.count(separator) and "." not in bare:
            bare = bare.replace(separator, "")
        return parse_number(bare)

    def valueFromText(self, text: str) -> int:
        try:
            v = self._number(text)
        except ValueError:
            return self.value()
        return int(v) if v == int(v) else self.value()

    def _problem(self, text: str) -> str | None:
        try:
            v = self._number(text)
        except ValueError as exc:
            return f"{self._what}: {problem_text(exc)}"
        if v != int(v):
            return tr("{what} must be a whole number, got {v}").format(what=self._what,
                                                                        v=f"{v:g}")
        if v < self.minimum():
            return tr("{what} must be at least {low}, got {v}").format(
                what=self._what, low=f"{self.minimum():,}", v=f"{int(v):,}")
        if v > self.maximum():
            return tr("{what} must be at most {high} (a workbook sheet holds {rows} iterate "
                      "rows), got {v}").format(what=self._what, high=f"{self.maximum():,}",
                                               rows=f"{MAX_EXPORTABLE_ROWS:,}", v=f"{int(v):,}")
        return None



class ControlsPanel(QGroupBox):
    """η (spin box + logarithmic slider), λ, penalty, L1 step, cost, model, start,
    max iterations and tolerance, plus an inline message line for refused values."""

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(tr("Settings"), parent)
        self._vm = vm
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.eta = NumberSpinBox(TINY, 1e6, "η")
        self.eta_slider = QDoubleSlider(Qt.Orientation.Horizontal)  # type: ignore[no-untyped-call]
        self.eta_slider.setRange(math.log10(ETA_MIN), math.log10(ETA_MAX))
        self.eta_slider.setToolTip(tr("log scale: drag from η = 0.001 to 1 (type any other η)"))
        eta_box = QVBoxLayout()
        eta_box.setSpacing(2)
        eta_box.addWidget(self.eta)
        eta_box.addWidget(self.eta_slider)
        self._add_row(form, "learning_rate", eta_box, self.eta)

        self.penalty = self._combo(PENALTIES)
        self._add_row(form, "penalty", self.penalty)
        self.lam = NumberSpinBox(0.0, WIDE, "λ")
        self.lam_slider = QDoubleSlider(Qt.Orientation.Horizontal)  # type: ignore[no-untyped-call]
        self.lam_slider.setRange(0.0, LAMBDA_MAX)
        self.lam_slider.setToolTip(tr("drag λ from 0 to 20 (type a larger one)"))
        lam_box = QVBoxLayout()
        lam_box.setSpacing(2)
        lam_box.addWidget(self.lam)
        lam_box.addWidget(self.lam_slider)
        self._add_row(form, "lam", lam_box, self.lam)
        self.l1_method = self._combo(L1_METHODS)
        self._add_row(form, "l1_method", self.l1_method)
        self.cost = self._combo(COSTS)
        self._add_row(form, "cost", self.cost)
        self.model = self._combo(MODEL_CHOICES)
        self._add_row(form, "model", self.model)
        # the costs the model pairs with, and the cost's settings (Huber's δ), from the
        # tables (a late import: that module builds on this one's spin boxes)
        from gdapp.gui.cost_controls import CostControls
        self.cost_controls = CostControls(vm, form, self.cost, self.model, self.show_message,
                                          parent=self)
        # the polynomial degree, test fraction and split seed (a late import: that module
        # needs the view-model's shaping only)
        from gdapp.gui.holdout_controls import HoldoutControls
        self.holdout_controls = HoldoutControls(vm, form, self.show_message, parent=self)

        # one box per parameter, stacked: the panel stays narrow (a late import: that
        # module builds on this one's spin boxes)
        from gdapp.gui.start_boxes import StartBoxes
        self.start = StartBoxes(field_help("start"))
        self.start_b0, self.start_b1 = self.start.b0, self.start.slopes[0]
        self._add_row(form, "start", self.start, self.start_b0, self.start_b1)

        self.max_iterations = WholeSpinBox(1, MAX_ITERATIONS, tr("max iterations"))
        self._add_row(form, "max_iterations", self.max_iterations)
        self.tolerance = NumberSpinBox(TINY, 1e6, tr("tolerance"))
        self._add_row(form, "tolerance", self.tolerance)

        # the optimizer, schedule and batch rows, generated from the RunSpec fields (a
        # late import: that module builds on this one's spin boxes)
        from gdapp.gui.optimizer_controls import OptimizerControls
        self.optimizer_controls = OptimizerControls(vm, form, self.show_message,
                                                    l1_after=self.l1_method, parent=self)

        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()  # shown only while it has something to say
        form.addRow(self.message)
        form.setVerticalSpacing(4)

        self._eta_from_slider = qthrottled(self._apply_slider, timeout=40, parent=self)
        self.eta_slider.valueChanged.connect(self._eta_from_slider)
        self._lam_from_slider = qthrottled(self._apply_lam_slider, timeout=40, parent=self)
        self.lam_slider.valueChanged.connect(self._lam_from_slider)
        self.eta.valueChanged.connect(lambda v: self._write(learning_rate=v))
        self.lam.valueChanged.connect(lambda v: self._write(lam=v))
        self.tolerance.valueChanged.connect(lambda v: self._write(tolerance=v))
        self.max_iterations.valueChanged.connect(lambda v: self._write(max_iterations=int(v)))
        self.start.startEdited.connect(lambda start: self._write(start=start))
        for combo, name in ((self.penalty, "penalty"), (self.l1_method, "l1_method"),
                            (self.cost, "cost"), (self.model, "model")):
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, n=name: self._write(**{n: c.currentData()}))
        for box in (self.eta, self.lam, self.tolerance, self.start, self.max_iterations):
            box.refused.connect(self.show_message)
        self._labelled_for = 1
        vm.specChanged.connect(self.sync)
        vm.errorOccurred.connect(self.show_message)
        self.sync()

    # ---- building --------------------------------------------------------------------
    @staticmethod
    def _combo(values: tuple[str, ...]) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        labels = choice_labels()
        for v in values:
            combo.addItem(labels.get(v, v), v)
        return combo

    @staticmethod
    def _add_row(form: QFormLayout, name: str, field: Any, *tipped: QWidget) -> None:
        tip = field_help(name)
        label = QLabel(field_label(name))
        label.setToolTip(tip)
        for w in tipped or (field,):
            w.setToolTip(tip)
        form.addRow(label, field)

    # ---- writing to the view-model ---------------------------------------------------
    def _write(self, **changes: Any) -> None:
        if self._vm.update(**changes):
            self.show_message("")
        else:  # refused: the boxes go back to the values the run uses
            self.sync()

    def _apply_slider(self, log_eta: float) -> None:
        # η = 10^v, snapped to a round number one can type (see nice_eta)
        self._write(learning_rate=nice_eta(float(log_eta)))

    def _apply_lam_slider(self, lam: float) -> None:
        self._write(lam=round(round(float(lam) / LAMBDA_STEP) * LAMBDA_STEP, 10))

    def show_message(self, text: str) -> None:
        """Show a refused value's one-sentence reason under the controls ("" hides it)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---- mirroring the view-model ----------------------------------------------------
    def sync(self) -> None:
        """Show ``vm.spec`` in every control without writing back."""
        spec = self._vm.spec
        widgets = (self.eta, self.eta_slider, self.lam, self.lam_slider, self.penalty,
                   self.l1_method,
                   self.cost, self.model, self.max_iterations, self.tolerance)
        blockers = [QSignalBlocker(w) for w in widgets]
        self.start.show_spec(spec)
        if spec.data.p != self._labelled_for:  # the models and penalties as sums over bj
            self._labelled_for = spec.data.p
            labels = choice_labels(spec.data.p)
            for combo in (self.model, self.penalty):
                for i in range(combo.count()):
                    combo.setItemText(i, labels.get(combo.itemData(i), combo.itemText(i)))
        # only what differs is set: an untouched control is not repainted
        for box, value in ((self.eta, spec.learning_rate), (self.lam, spec.lam),
                           (self.tolerance, spec.tolerance)):
            if box.value() != value:
                box.setValue(value)
        log_eta = math.log10(min(max(spec.learning_rate, ETA_MIN), ETA_MAX))
        if abs(self.eta_slider.value() - log_eta) > 1e-9:
            self.eta_slider.setValue(log_eta)
        for combo, choice in ((self.penalty, spec.penalty), (self.l1_method, spec.l1_method),
                              (self.cost, spec.cost), (self.model, spec.model)):
            if combo.currentData() != choice:
                combo.setCurrentIndex(combo.findData(choice))
        if self.max_iterations.value() != spec.max_iterations:
            self.max_iterations.setValue(spec.max_iterations)
        lam_shown = min(spec.lam, LAMBDA_MAX)
        if abs(self.lam_slider.value() - lam_shown) > 1e-9:
            self.lam_slider.setValue(lam_shown)
        self.lam.setEnabled(spec.penalty != "none")
        self.lam_slider.setEnabled(spec.penalty != "none")
        # other optimizers take the L1 subgradient (the line under it says so)
        self.l1_method.setEnabled(spec.penalty == "l1" and spec.optimizer == "gd")
        del blockers


class PinnedRunsPanel(QGroupBox):
    """Compare runs: Pin the current run, Unpin the selected one, Clear all."""

    def __init__(self, vm: RunViewModel, parent: QWidget | None = None) -> None:
        super().__init__(tr("Compare runs"), parent)
        self._vm = vm
        self.list = QListWidget()
        self.list.setMaximumHeight(64)
        self.list.setWordWrap(True)  # a pinned run's final parameters wrap, never cut off
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setToolTip(tr("Pinned runs stay on both plots in their colour."))
        self.pin_button = QPushButton(tr("Pin"))
        self.unpin_button = QPushButton(tr("Unpin"))
        self.clear_button = QPushButton(tr("Clear"))
        buttons = QHBoxLayout()
        for b in (self.pin_button, self.unpin_button, self.clear_button):
            buttons.addWidget(b)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.pin_button.clicked.connect(vm.pin_current)
        self.unpin_button.clicked.connect(self._unpin_selected)
        self.clear_button.clicked.connect(vm.clear_pins)
        vm.pinnedChanged.connect(self.refresh)
        vm.pinRefused.connect(self._say)
        self.refresh()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _unpin_selected(self) -> None:
        row = self.list.currentRow()
        self._vm.unpin(row if row >= 0 else len(self._vm.pinned) - 1)

    def refresh(self) -> None:
        """Rebuild the list from ``vm.pinned``."""
        self.list.clear()
        for p in self._vm.pinned:
            swatch = QPixmap(12, 12)
            swatch.fill(QColor(p.color))
            self.list.addItem(QListWidgetItem(QIcon(swatch),
                                              f"{p.label}  ({final_text(p.run)})"))
        self.unpin_button.setEnabled(bool(self._vm.pinned))
        self.clear_button.setEnabled(bool(self._vm.pinned))
        full = len(self._vm.pinned) >= MAX_PINS
        self.pin_button.setEnabled(not full)
        self.pin_button.setToolTip(
            tr("{n} runs are pinned, one per colour: unpin one to pin another.").format(
                n=MAX_PINS) if full
            else tr("Keep the current run on the plots to compare with the next one "
                    "(e.g. η = 0.01 against η = 0.1)."))

        self._say("")
