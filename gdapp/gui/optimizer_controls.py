"""The optimizer, schedule and mini-batch controls, generated from :class:`RunSpec`'s fields.

Every field whose metadata carries a command-line ``flag`` (the optimizer, its
hyper-parameters, the schedule and its parameters, the batch size, shuffle and seed) gets one
control, built by its type: a choice box for a field with ``choices``, a check box for a
``bool``, a whole-number box for an ``int``, a number box for a ``float``. Its label and
tooltip are the field's ``label`` and ``help``; a hyper-parameter left at ``None`` shows the
optimizer's default (torch.optim's), which :meth:`RunSpec.hyper` fills in. A row is shown only
while its setting changes the run (:meth:`RunSpec.applies`), except the batch size, which is
always there to be chosen.

The rows go into the settings panel's form (:class:`OptimizerControls` adds them), so their
labels line up with the others; a line under the optimizer gives its stability limit, and a
line kept near the penalty says which L1 step an optimizer other than gradient descent takes.
"""

from __future__ import annotations

from dataclasses import Field, fields
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QToolTip, QWidget

from gdapp.core import RunSpec
from gdapp.core.optimizers import OPTIMIZERS, SCHEDULES
from gdapp.gui.accents import accented_html
from gdapp.gui.controls import TINY, WIDE, NumberSpinBox, WholeSpinBox
from gdapp.gui.i18n import tr
from gdapp.gui.optimizer_texts import l1_rule_text, optimizer_field_texts, stability_text
from gdapp.gui.rule_help import rule_description
from gdapp.gui.rule_names import choice_text
from gdapp.gui.viewmodel import RunViewModel

# The colour of a stability line whose η is past the limit (the window's warning red).
PAST_LIMIT_STYLE = "color: #b00020;"
NOTE_STYLE = "color: #555555;"


class BatchSizeBox(WholeSpinBox):
    """The batch size: a whole number, shown with " (all)" while every sample is taken."""

    def _number(self, text: str) -> float:
        suffix = self.suffix()
        if suffix and text.endswith(suffix):
            text = text[: -len(suffix)]
        return super()._number(text)


def optimizer_fields() -> list[Field[Any]]:
    """The RunSpec fields these controls show, in the dataclass's order: every field with a
    command-line ``flag`` (optimizer and its settings, schedule and its, the batches); a
    cost's settings (Huber's δ) are the cost controls' (:mod:`gdapp.gui.cost_controls`)."""
    return [f for f in fields(RunSpec) if "flag" in f.metadata
            and f.metadata.get("cost_setting") is None]


def _kind(f: Field[Any]) -> str:
    """``choice``, ``bool``, ``int`` or ``float``, from the field's metadata and type."""
    if "choices" in f.metadata:
        return "choice"
    type_name = str(f.type)
    for kind in ("bool", "int"):
        if type_name.split(" | ")[0] == kind:
            return kind
    return "float"


def shown(spec: RunSpec, name: str) -> bool:
    """Whether the row of setting ``name`` is shown for ``spec``: while it changes the run,
    and the optimizer, the schedule and the batch size always."""
    return name in ("optimizer", "schedule", "batch_size") or spec.applies(name)


def shown_value(spec: RunSpec, name: str) -> Any:
    """The value a setting's control shows: the spec's, or the default filled in (the
    optimizer's for its hyper-parameters, the schedule's γ, every sample for the batch)."""
    value = getattr(spec, name)
    if value is not None:
        return value
    if name == "gamma":
        return spec.resolved_gamma
    if name == "batch_size":
        return spec.data.n
    return getattr(spec.hyper(), name)


class OptimizerControls(QObject):
    """Adds one row per optimizer, schedule and batch setting to ``form`` and keeps them in
    step with the view-model.

    Attributes for reading back: ``boxes`` (name → control), ``labels`` (name → its label),
    ``stability`` (the limit's line) and ``l1_note`` (the L1 rule's line, placed by the
    panel near the penalty).
    """

    def __init__(self, vm: RunViewModel, form: QFormLayout, say: Any, *,
                 l1_after: QWidget | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        self._form = form
        self._say = say
        texts = optimizer_field_texts()
        self.boxes: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._kinds: dict[str, str] = {}
        self.stability = QLabel("")
        self.stability.setWordWrap(True)
        self.l1_note = QLabel("")
        self.l1_note.setWordWrap(True)
        self.l1_note.setStyleSheet(NOTE_STYLE)
        if l1_after is not None:  # the L1 rule's line under the L1 step
            position: Any = form.getWidgetPosition(l1_after)  # (row, role)
            form.insertRow(int(position[0]) + 1, self.l1_note)
        else:
            form.addRow(self.l1_note)
        for f in optimizer_fields():
            label_text, tip = texts.get(f.name, (f.metadata["label"], f.metadata["help"]))
            kind = self._kinds[f.name] = _kind(f)
            box = self._make_box(f, kind, label_text)
            label = QLabel(label_text)
            for w in (label, box):
                w.setToolTip(tip)
            form.addRow(label, box)
            self.boxes[f.name], self.labels[f.name] = box, label
            if f.name == "optimizer":
                form.addRow(self.stability)
        vm.specChanged.connect(self.sync)
        vm.runChanged.connect(self._show_notes)
        self.sync()

    # ---- building --------------------------------------------------------------------
    def _make_box(self, f: Field[Any], kind: str, label: str) -> QWidget:
        name = f.name
        box: QWidget
        if kind == "choice":
            combo = QComboBox()
            # the named choices are long: the box does not widen the settings for them
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            tables: dict[str, Any] = {"optimizer": OPTIMIZERS, "schedule": SCHEDULES}
            for choice in f.metadata["choices"]:
                combo.addItem(choice_text(name, choice), choice)
                entry = tables.get(name, {}).get(choice)
                if entry is not None:  # the rule's own one-line description (m̂ with its hat)
                    words = rule_description(name, choice, entry.help)
                    tip = accented_html(words, QToolTip.font()) or words
                    combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, n=name: self._write(**{n: c.currentData()}))
            box = combo
        elif kind == "bool":
            check = QCheckBox()
            check.toggled.connect(lambda on, n=name: self._write(**{n: bool(on)}))
            box = check
        elif kind == "int":
            # a batch size of n or more is every sample (see _write)
            kind_of_box = BatchSizeBox if name == "batch_size" else WholeSpinBox
            whole = kind_of_box(0 if name == "seed" else 1, 2**31 - 1, label)
            whole.valueChanged.connect(lambda v, n=name: self._write(**{n: int(v)}))
            whole.refused.connect(self._say)
            box = whole
        else:
            number = NumberSpinBox(TINY if name in ("eps", "gamma") else 0.0, WIDE, label)
            number.valueChanged.connect(lambda v, n=name: self._write(**{n: float(v)}))
            number.refused.connect(self._say)
            box = number
        return box

    # ---- writing ---------------------------------------------------------------------
    def _write(self, **changes: Any) -> None:
        if "batch_size" in changes and changes["batch_size"] >= self._vm.spec.data.n:
            changes["batch_size"] = None  # every sample: the note's full batch
        if self._vm.update(**changes):
            self._say("")
        else:
            self.sync()

    # ---- mirroring the view-model ----------------------------------------------------
    def sync(self) -> None:
        """Show ``vm.spec`` in every control (signals blocked) and only the rows that
        apply."""
        spec = self._vm.spec
        for name, box in self.boxes.items():
            blocker = QSignalBlocker(box)
            value = shown_value(spec, name)
            kind = self._kinds[name]
            if isinstance(box, QComboBox):
                if box.currentData() != value:
                    box.setCurrentIndex(box.findData(value))
            elif isinstance(box, QCheckBox):
                box.setChecked(bool(value))
            elif isinstance(box, WholeSpinBox):
                if box.value() != value:
                    box.setValue(int(value))
            elif isinstance(box, NumberSpinBox) and kind == "float" and box.value() != value:
                box.setValue(float(value))
            del blocker
            self._form.setRowVisible(box, shown(spec, name))
        batch = self.boxes.get("batch_size")
        suffix = tr(" (all)") if spec.batch_size is None else ""
        if isinstance(batch, WholeSpinBox) and batch.suffix() != suffix:  # (else a re-layout)
            batch.setSuffix(suffix)
        self._show_notes()

    def _show_notes(self) -> None:
        run = self._vm.run
        text, past = stability_text(run)
        # only what changed is set: a style sheet costs a re-polish, a text a re-layout
        if self.stability.text() != text:
            self.stability.setText(text)
        style = PAST_LIMIT_STYLE if past else NOTE_STYLE
        if self.stability.styleSheet() != style:
            self.stability.setStyleSheet(style)
        l1 = l1_rule_text(run.spec)
        if self.l1_note.text() != l1:
            self.l1_note.setText(l1)
        self._form.setRowVisible(self.l1_note, bool(l1))
