"""What a new learning rate no longer makes the window do, and that it still shows the same.

The status line, its warning and the step text remember their heights for a width
(``HeightCachedLabel``): a repeated question is not put to Qt again, and a remembered
answer is always Qt's own — after a new text, width, minimum, font, margin or style too.
The settings' form is not laid out again when nothing in it changed."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

from gdapp.core import RunSpec
from gdapp.gui.label_host import HeightCachedLabel
from gdapp.gui.step_room import first_block_height
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import CLASSROOM_STEP_LINES, STEP_LINES, STEP_ROOM, MainWindow

QT_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
QT_HEIGHT = QLabel.heightForWidth  # Qt's own answer, asked afresh


def twins(qtbot: Any) -> tuple[HeightCachedLabel, QLabel]:
    """A remembering label and a plain one, alike."""
    labels = (HeightCachedLabel(), QLabel())
    for label in labels:
        qtbot.addWidget(label)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return labels


def test_a_remembered_height_is_qts_height(qtbot: Any) -> None:
    cached, plain = twins(qtbot)
    words = "stopped after 10,000 updates without converging · b1 = 2.80809 " * 3

    def same(*widths: int) -> None:
        for width in widths:
            for _ in range(2):  # the second answer comes from memory
                assert cached.heightForWidth(width) == plain.heightForWidth(width), width

    def both(do: Any) -> None:
        do(cached)
        do(plain)

    both(lambda label: label.setText(words))
    same(120, 300, 120)
    both(lambda label: label.setText(words + "more"))  # a new text
    same(120, 300)
    both(lambda label: label.setMinimumHeight(500))  # Qt never answers below the minimum
    same(120, 300)
    both(lambda label: label.setMinimumHeight(0))  # and a smaller one asks again
    same(120, 300, 2000)
    both(lambda label: label.setMinimumHeight(plain.heightForWidth(2000)))
    same(2000, 300)
    both(lambda label: label.setMinimumHeight(0))
    same(2000)
    both(lambda label: label.setMinimumWidth(400))  # the width is raised to the minimum
    same(120, 400)
    both(lambda label: label.setMinimumWidth(0))
    big = QFont(cached.font())
    big.setPointSizeF(big.pointSizeF() * 2)
    both(lambda label: label.setFont(big))  # same text and width, another font
    same(120, 300)
    both(lambda label: label.setMargin(9))
    same(120, 300)
    both(lambda label: label.setStyleSheet("padding: 7px;"))
    same(120, 300)
    both(lambda label: label.setIndent(30))
    same(120, 300)
    both(lambda label: label.setWordWrap(False))
    same(120, 300)


def _ready(qtbot: Any, spec: RunSpec) -> MainWindow:
    window = MainWindow(RunViewModel(spec))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    for _ in range(5):
        QApplication.processEvents()
    return window


def _fresh(label: QLabel, width: int) -> int:
    """Qt's height for ``width`` without the label's minimum (as FittedLabel asks it)."""
    floor = label.minimumHeight()
    label.setMinimumHeight(0)
    height = int(QT_HEIGHT(label, width))
    label.setMinimumHeight(floor)
    return height


@QT_NOISE
def test_a_new_learning_rate_asks_qt_once_per_label(qtbot: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, one η change put seven questions to Qt (each a whole text layout): the status
    line and its warning twice each, the step text three times (once for its hidden frame)."""
    window = _ready(qtbot, RunSpec(learning_rate=0.9e-4, max_iterations=2000))
    asked: list[str] = []

    def counted(label: QLabel, width: int) -> int:
        asked.append(label.text()[:20])
        return int(QT_HEIGHT(label, width))

    monkeypatch.setattr(QLabel, "heightForWidth", counted)
    window.controls.eta.setValue(1.0e-4)
    for _ in range(5):
        QApplication.processEvents()
    assert window.warning_label.isVisible() and window.warning_label.text()
    assert 1 <= len(asked) <= 3, asked


@QT_NOISE
def test_the_labels_heights_are_fresh_after_a_change(qtbot: Any) -> None:
    """After new learning rates, another optimizer and classroom mode's larger font, each
    label's height (and the step frame's) is what Qt says for its text now."""
    window = _ready(qtbot, RunSpec(learning_rate=0.9e-4, max_iterations=2000))

    def check() -> None:
        for _ in range(5):
            QApplication.processEvents()
        for label in (window.status_label, window.warning_label):
            if label.isVisible() and label.shown_text():
                assert label.minimumHeight() == _fresh(label, label.width())
        step = window.step_label
        if window.step_scroll.widget() is step:  # the frame: as high as the text, or less
            width = window.step_scroll.viewport().width()
            spacing = step.fontMetrics().lineSpacing()
            dock = window.path_dock.isVisible()
            lines = STEP_LINES if window.zoom == 1.0 else \
                CLASSROOM_STEP_LINES if dock else STEP_LINES - 2
            if window.zoom > 1.0 and len(window.vm.spec.param_names) == 1:
                # classroom mode: the whole update, its result in view (step_room)
                assert window.step_scroll.height() == _fresh(step, width) + 8
                return
            chosen = max(spacing + 8, min(lines * spacing + 8, _fresh(step, width) + 8))
            if window.step_scroll.height() != chosen:  # grown to the first block's result
                # (Adam's last update, written out, is longer than STEP_LINES lines)
                assert window.zoom == 1.0 and chosen < window.step_scroll.height() <= \
                    STEP_ROOM * spacing + 8
                assert first_block_height(window, width) <= window.step_scroll.height()
                return
            assert window.step_scroll.height() == chosen
        else:
            assert window.step_host.height() == _fresh(step, window.step_host.width())

    for eta in (1.0e-4, 1.1e-4, 0.05, 1.0e-4):
        window.controls.eta.setValue(eta)
        check()
    window.vm.update(optimizer="adam")  # the worked arithmetic scrolls in its frame
    check()
    for eta in (2e-3, 3e-3):
        window.controls.eta.setValue(eta)
        check()
    window.vm.update(optimizer="gd")
    check()
    window.set_zoom(1.5)  # a larger font: every height anew, the step text in its frame
    check()
    assert window.step_scroll.widget() is window.step_label
    window.controls.eta.setValue(1.2e-4)
    check()


class LayoutRequests(QObject):
    """Counts the layout requests a widget receives."""

    def __init__(self, widget: QObject) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


@QT_NOISE
def test_a_new_learning_rate_leaves_the_settings_form_as_laid_out(qtbot: Any) -> None:
    """The batch size's "(all)" was set again at every run, and a spin box's suffix, even the
    same one, re-lays out the whole settings panel and its scroll area."""
    window = _ready(qtbot, RunSpec(learning_rate=0.9e-4, max_iterations=2000))
    watch = LayoutRequests(window.controls)
    batch = window.controls.optimizer_controls.boxes["batch_size"]
    window.controls.eta.setValue(1.0e-4)
    for _ in range(5):
        QApplication.processEvents()
    assert window.vm.run.spec.learning_rate == 1.0e-4
    assert watch.count == 0
    assert batch.suffix() == " (all)"
    window.vm.update(batch_size=2)  # a mini-batch: the suffix goes, the form follows
    assert batch.suffix() == ""
    window.vm.update(batch_size=None)
    assert batch.suffix() == " (all)"


class ToolTipChanges(QObject):
    """Counts the tooltip changes each watched widget receives."""

    def __init__(self, *widgets: QObject) -> None:
        super().__init__()
        self.count = 0
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTipChange:
            self.count += 1
        return False


@QT_NOISE
def test_a_new_learning_rate_sets_no_tooltip_again(qtbot: Any) -> None:
    """The log-scale box's and the degree box's tooltips were set anew at every run."""
    from gdapp.gui.holdout_controls import degree_tip
    from gdapp.gui.objective_plot import log_tip

    window = _ready(qtbot, RunSpec(learning_rate=0.9e-4, max_iterations=2000))
    log_box = window.objective_plot.log_box
    degree = window.controls.holdout_controls.degree
    watch = ToolTipChanges(log_box, degree)
    window.controls.eta.setValue(1.0e-4)
    for _ in range(5):
        QApplication.processEvents()
    assert window.vm.run.spec.learning_rate == 1.0e-4
    assert watch.count == 0
    assert log_box.toolTip() == log_tip() and log_box.isEnabled()
    assert degree.toolTip() == degree_tip() and degree.isEnabled()


class Events(QObject):
    """Counts the events of one type each watched object receives."""

    def __init__(self, kind: QEvent.Type, *objects: QObject) -> None:
        super().__init__()
        self.kind = kind
        self.seen = {id(o): 0 for o in objects}
        for o in objects:
            o.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == self.kind and id(obj) in self.seen:
            self.seen[id(obj)] += 1
        return False


def _plots(window: MainWindow) -> list[Any]:
    return [window.cost_plot, window.objective_plot, window.data_plot]


@QT_NOISE
@pytest.mark.parametrize("optimizer", ["gd", "adam"])
def test_a_new_learning_rate_paints_the_window_once(qtbot: Any, optimizer: str) -> None:
    """Each plot's scene used to make the window paint as soon as it had processed its
    changes: three passes over the window for one η. Now one, each plot painted once."""
    window = _ready(qtbot, RunSpec(optimizer=optimizer, learning_rate=0.9e-4,
                                   max_iterations=2000))
    viewports = [plot.plot_widget.viewport() for plot in _plots(window)]
    for eta in (1.0e-4, 1.001e-4):  # (the texts settle into their heights)
        window.controls.eta.setValue(eta)
        for _ in range(5):
            QApplication.processEvents()
    for eta in (1.002e-4, 1.003e-4):
        rounds = Events(QEvent.Type.UpdateRequest, window)
        paints = Events(QEvent.Type.Paint, *viewports, window.grid.viewport())
        window.controls.eta.setValue(eta)
        for _ in range(5):
            QApplication.processEvents()
        assert rounds.seen[id(window)] == 1
        assert list(paints.seen.values()) == [1, 1, 1, 1]


@QT_NOISE
def test_after_new_learning_rates_the_plots_show_what_a_new_window_shows(qtbot: Any) -> None:
    """Nothing drawn is left over from an earlier run: the curves, the path, the marks and
    the texts are those of a window opened on the last learning rate."""
    window = _ready(qtbot, RunSpec(learning_rate=0.9e-4, max_iterations=2000))
    for eta in (1.0e-4, 0.05, 0.39, 1.2e-4):
        window.controls.eta.setValue(eta)
        for _ in range(3):
            QApplication.processEvents()
    fresh = _ready(qtbot, RunSpec(learning_rate=1.2e-4, max_iterations=2000))
    for old, new in zip(_plots(window), _plots(fresh), strict=True):
        for name in ("cost_curve", "path_item", "tangent", "marker", "objective_curve",
                     "line_item", "residual_item"):
            if hasattr(old, name):
                # (what the item was given: its on-screen thinning follows the view box's
                # width, which a wide axis label of an earlier run may have narrowed)
                x0, y0 = getattr(old, name).getOriginalDataset()
                x1, y1 = getattr(new, name).getOriginalDataset()
                assert (x0 is None) == (x1 is None), name
                if x0 is not None:
                    assert np.array_equal(x0, x1) and np.array_equal(y0, y1), name
        assert old.plot_item.getViewBox().viewRange() == new.plot_item.getViewBox().viewRange()
        assert [label.text for _, label in old.legend.items] == \
            [label.text for _, label in new.legend.items]
    assert window.status_label.text() == fresh.status_label.text()
    assert window.step_label.text() == fresh.step_label.text()
