"""The settings panel's rows for overfitting: the polynomial degree, the test fraction and the
split seed (``gdapp run``'s ``--degree``, ``--test-fraction`` and ``--split-seed``), and
"Standardize the features" (``--standardize``).

Each edit goes to :meth:`RunViewModel.set_shaping
<gdapp.gui.holdout_shape.ShapingHolder.set_shaping>`, which makes the run's data anew from
the samples the user loaded; ``specChanged`` mirrors the run's shaping back into the boxes
with their signals blocked. The degree needs one feature x (several features have no powers
here: the box is disabled and its tooltip says why); the seed matters only with held-out
samples.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from gdapp.gui.holdout_shape import MAX_DEGREE
from gdapp.gui.i18n import tr
from gdapp.gui.viewmodel import RunViewModel

#: The test fraction box's range and arrow step (0: no sample held out).
MAX_TEST_FRACTION, TEST_FRACTION_STEP = 0.9, 0.05
MAX_SEED = 2**31 - 1


def degree_tip() -> str:
    """The degree box's tooltip."""
    return tr("Polynomial features: x, x², …, x^D become b1 … bD, so the model draws a curve "
              "of degree D through the samples (1: the straight line).")


def fraction_tip() -> str:
    """The test fraction box's tooltip."""
    return tr("Hold out this share of the samples as test data: the descent and the exact "
              "optimum use the rest (the training data), and the cost on the held-out ones is "
              "the test cost. 0: every sample trains.")


def seed_tip() -> str:
    """The split seed box's tooltip."""
    return tr("Which samples are held out: the same seed always holds out the same ones.")


def standardize_tip() -> str:
    """The standardize box's tooltip."""
    return tr("Standardize each feature with the training samples' mean and sd, z = (x − mean)/sd "
              "(through the origin: z = x/√mean(x²)), so that features on different scales "
              "descend at one η; the status line gives the coefficients in the original units "
              "too. Unchecked: the samples as loaded.")


class HoldoutControls(QObject):
    """The four rows, added to the settings panel's form."""

    def __init__(self, vm: RunViewModel, form: QFormLayout, say: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        self._say = say
        self.degree = QSpinBox()
        self.degree.setRange(1, MAX_DEGREE)
        self.degree.setKeyboardTracking(False)
        self.test_fraction = QDoubleSpinBox()
        self.test_fraction.setRange(0.0, MAX_TEST_FRACTION)
        self.test_fraction.setDecimals(2)
        self.test_fraction.setSingleStep(TEST_FRACTION_STEP)
        self.test_fraction.setSpecialValueText(tr("0 (none)"))
        self.test_fraction.setKeyboardTracking(False)
        self.split_seed = QSpinBox()
        self.split_seed.setRange(0, MAX_SEED)
        self.split_seed.setKeyboardTracking(False)
        self.standardize = QCheckBox(tr("Standardize the features"))
        self.standardize.setToolTip(standardize_tip())
        self.labels: dict[str, QLabel] = {}
        for key, text, box, tip in (
                ("degree", tr("Polynomial degree"), self.degree, degree_tip()),
                ("test_fraction", tr("Test fraction"), self.test_fraction, fraction_tip()),
                ("split_seed", tr("Split seed"), self.split_seed, seed_tip())):
            label = QLabel(text)
            label.setToolTip(tip)
            box.setToolTip(tip)
            form.addRow(label, box)
            self.labels[key] = label
        form.addRow(self.standardize)
        self.degree.valueChanged.connect(lambda v: self._write(degree=int(v)))
        self.test_fraction.valueChanged.connect(
            lambda v: self._write(test_fraction=round(float(v), 2)))
        self.split_seed.valueChanged.connect(lambda v: self._write(split_seed=int(v)))
        self.standardize.toggled.connect(lambda on: self._write(standardize=bool(on)))
        vm.specChanged.connect(self.sync)
        self.sync()

    def _write(self, **changes: Any) -> None:
        if self._vm.set_shaping(**changes):
            self._say("")
        else:
            self.sync()

    def sync(self) -> None:
        """Show the run's degree, test fraction, seed and standardizing without writing
        back."""
        shaping = self._vm.shaping
        boxes = (self.degree, self.test_fraction, self.split_seed, self.standardize)
        blockers = [QSignalBlocker(b) for b in boxes]
        if self.degree.value() != shaping.degree:
            self.degree.setValue(shaping.degree)
        if abs(self.test_fraction.value() - shaping.test_fraction) > 1e-12:
            self.test_fraction.setValue(shaping.test_fraction)
        if self.split_seed.value() != shaping.split_seed:
            self.split_seed.setValue(shaping.split_seed)
        if self.standardize.isChecked() != shaping.standardize:
            self.standardize.setChecked(shaping.standardize)
        self.standardize.setEnabled(shaping.raw.p >= 1)
        self.degree.setEnabled(shaping.can_shape)
        tip = degree_tip() if shaping.can_shape else tr(
            "Polynomial features are made from one feature x; these data have {p}.").format(
                p=shaping.raw.p)
        if self.degree.toolTip() != tip:  # (each new tip is an event and a string compare)
            self.degree.setToolTip(tip)
        self.split_seed.setEnabled(shaping.test_fraction > 0)
        del blockers
