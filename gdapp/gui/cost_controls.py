"""The cost's side of the settings panel, generated from the cost and model tables.

* The Cost box offers only the costs the current model pairs with (``ModelRule.costs``,
  its default first): a regression model the regression costs, logistic regression
  cross-entropy and MSE. The view-model picks the new model's default cost when a change of
  model leaves the old one unpaired (:meth:`RunViewModel.update`).
* One row per cost setting (:data:`gdapp.core.COST_SETTINGS`, e.g. Huber's δ), under the
  Cost box, shown while the cost in use has that setting (:meth:`RunSpec.applies`), with
  the bound the setting's entry states (δ > 0).
* Every item of the Model and Cost boxes has its entry's help as its tooltip.

Labels and tooltips come from the entries, in the window's language
(:mod:`gdapp.gui.rule_texts`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel

from gdapp.core import COST_SETTINGS, MODEL_RULES
from gdapp.gui.controls import TINY, WIDE, NumberSpinBox
from gdapp.gui.rule_texts import (
    cost_help,
    cost_label,
    model_help,
    setting_help,
    setting_label,
)
from gdapp.gui.viewmodel import RunViewModel


class CostControls(QObject):
    """Keeps the Cost box to the model's costs and shows the cost's settings.

    Attributes for reading back: ``boxes`` (setting name → its number box) and ``labels``
    (setting name → its label).
    """

    def __init__(self, vm: RunViewModel, form: QFormLayout, cost: QComboBox, model: QComboBox,
                 say: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        self._form = form
        self._cost = cost
        self._say = say
        self._offered: tuple[str, ...] = ()
        for i in range(model.count()):
            model.setItemData(i, model_help(str(model.itemData(i))),
                              Qt.ItemDataRole.ToolTipRole)
        self.boxes: dict[str, NumberSpinBox] = {}
        self.labels: dict[str, QLabel] = {}
        position: Any = form.getWidgetPosition(cost)  # (row, role)
        row = int(position[0])
        for name, setting in COST_SETTINGS.items():
            row += 1
            lowest = TINY if setting.above == 0.0 else setting.above
            box = NumberSpinBox(lowest, WIDE, setting_label(setting))
            label = QLabel(setting_label(setting))
            for w in (label, box):
                w.setToolTip(setting_help(setting))
            box.valueChanged.connect(lambda v, n=name: self._write(**{n: float(v)}))
            box.refused.connect(say)
            form.insertRow(row, label, box)
            self.boxes[name], self.labels[name] = box, label
        vm.specChanged.connect(self.sync)
        self.sync()

    def offered(self) -> tuple[str, ...]:
        """The costs the Cost box offers now (the model's, its default first)."""
        return self._offered

    def _write(self, **changes: Any) -> None:
        if self._vm.update(**changes):
            self._say("")
        else:
            self.sync()

    def sync(self) -> None:
        """Offer the model's costs and show the cost's settings (signals blocked)."""
        spec = self._vm.spec
        costs = MODEL_RULES[spec.model].costs
        if costs != self._offered:
            blocker = QSignalBlocker(self._cost)
            self._cost.clear()
            for name in costs:
                self._cost.addItem(cost_label(name), name)
                self._cost.setItemData(self._cost.count() - 1, cost_help(name),
                                       Qt.ItemDataRole.ToolTipRole)
            self._offered = costs
            del blocker
        if self._cost.currentData() != spec.cost:
            blocker = QSignalBlocker(self._cost)
            self._cost.setCurrentIndex(self._cost.findData(spec.cost))
            del blocker
        for name, box in self.boxes.items():
            value = float(getattr(spec, name))
            if box.value() != value:
                blocker = QSignalBlocker(box)
                box.setValue(value)
                del blocker
            self._form.setRowVisible(box, spec.applies(name))
