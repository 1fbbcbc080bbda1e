"""Large runs and large imports happen in the background; the window stays responsive."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from patience import HANG_MS, HANG_S
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from gdapp.core import DOCUMENT, Dataset, RunSpec
from gdapp.gui.data_editor import BACKGROUND_IMPORT_BYTES, DataEditor
from gdapp.gui.viewmodel import RunViewModel, describe_busy, is_background_run, run_cost
from gdapp.gui.window import MainWindow


def samples(n: int, seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    x = rng.normal(5.0, 2.0, n)
    return Dataset(x, 3.0 + 2.0 * x + rng.normal(0.0, 1.0, n), name=f"{n} samples")


@pytest.fixture(scope="module")
def million() -> Dataset:
    return samples(1_000_000)


@pytest.fixture
def vm(qtbot: QtBot) -> Iterator[RunViewModel]:
    model = RunViewModel()
    yield model
    assert model.stop_computation(timeout=HANG_S)


def test_the_note_runs_stay_synchronous_and_a_million_sample_mae_line_run_does_not(
        million: Dataset) -> None:
    assert not is_background_run(RunSpec(cost="mae", model="line"))
    assert not is_background_run(RunSpec(data=million, model="line"))  # MSE: O(1) per update
    big = RunSpec(data=million, cost="mae", model="line")
    assert is_background_run(big)
    assert run_cost(big) >= 1_000_000 * 10_000
    assert describe_busy(big) == ("computing… (a large run: 1,000,000 samples × "
                                  "10,000 updates)")


def test_a_million_sample_mae_line_run_returns_at_once_and_a_cheap_change_cancels_it(
        vm: RunViewModel, qtbot: QtBot, million: Dataset) -> None:
    before = vm.run
    busy: list[bool] = []
    vm.busyChanged.connect(busy.append)
    assert vm.update(data=million, cost="mae", model="line")
    assert vm.busy and busy == [True]  # returned with the run still to compute
    assert vm.run is before  # the old run stays on screen meanwhile
    assert vm.pending_spec is not None and vm.pending_spec.data.n == 1_000_000
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=HANG_MS)  # the event loop keeps going
    timer.stop()
    assert vm.busy
    threads = vm.running_threads()
    assert len(threads) == 1
    with qtbot.waitSignal(vm.runChanged, timeout=HANG_MS):
        assert vm.update(data=DOCUMENT, cost="mse", model="origin")  # cheap: at once
    assert not vm.busy and busy == [True, False]
    assert vm.run.spec.data is DOCUMENT
    assert vm.run.params[1, 0] == pytest.approx(14.39)
    threads[0].join(5.0)
    assert not threads[0].is_alive()  # cancelled within an update or two
    qtbot.wait(50)  # anything queued from the cancelled run would arrive now
    assert vm.spec.data is DOCUMENT


def test_a_moderately_large_run_is_delivered_with_all_its_rows(
        vm: RunViewModel, qtbot: QtBot) -> None:
    data = samples(300_000, seed=1)
    order: list[str] = []
    vm.specChanged.connect(lambda: order.append("spec"))
    vm.runChanged.connect(lambda: order.append("run"))
    vm.currentChanged.connect(lambda k: order.append(f"current {k}"))
    with qtbot.waitSignal(vm.runChanged, timeout=HANG_MS):
        assert vm.update(data=data, cost="mae", model="line", max_iterations=50)
        assert vm.busy
    assert not vm.busy
    assert vm.spec.data is data and vm.run.spec.max_iterations == 50
    assert vm.run.params.shape == (51, 2)
    assert vm.current == 50
    assert order == ["spec", "run", "current 50"]


def test_a_changed_setting_while_busy_builds_on_the_run_being_computed(
        vm: RunViewModel, qtbot: QtBot) -> None:
    data = samples(300_000, seed=2)
    vm.update(data=data, cost="mae", model="line", max_iterations=50)
    with qtbot.waitSignal(vm.runChanged, timeout=HANG_MS):
        assert vm.update(learning_rate=0.02)  # a newer spec: the first one is cancelled
    assert vm.spec.data is data and vm.spec.learning_rate == 0.02
    assert vm.run.params.shape == (51, 2)


def test_a_background_run_that_fails_reports_its_reason(
        vm: RunViewModel, qtbot: QtBot) -> None:
    data = samples(300_000, seed=3)
    with qtbot.waitSignal(vm.errorOccurred, timeout=HANG_MS) as error:
        vm.update(data=data, cost="mae", model="line", max_iterations=50,
                  start=(1e300, 1e300))
    assert "too large" in str(error.args[0])
    assert not vm.busy and vm.spec.data is DOCUMENT


def test_closing_the_window_while_busy_leaves_no_thread_running(
        qtbot: QtBot, million: Dataset) -> None:
    win = MainWindow(RunViewModel())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.vm.update(data=million, cost="mae", model="line")
    assert win.vm.busy
    assert win.status_label.text().startswith(
        "computing… (a large run: 1,000,000 samples × 10,000 updates)")
    win.close()
    assert win.vm.running_threads() == []
    assert not win.vm.busy


def test_a_large_csv_is_read_in_the_background_and_then_applied(
        vm: RunViewModel, qtbot: QtBot, tmp_path: Path) -> None:
    editor = DataEditor(vm)
    qtbot.addWidget(editor)
    n = 250_000
    x = [i / 7.0 for i in range(n)]
    lines = "\n".join(f"{a!r},{2.0 * a + 1.0!r}" for a in x)
    path = tmp_path / "many.csv"
    path.write_text("x,y\n" + lines + "\n", encoding="utf-8")
    assert path.stat().st_size > BACKGROUND_IMPORT_BYTES
    with qtbot.waitSignal(editor.importFinished, timeout=HANG_MS) as finished:
        assert editor.import_file(str(path))
        assert editor.message.text() == "reading many.csv…"  # returned before the reading
    assert finished.args == [True]
    assert vm.spec.data.n == n
    assert vm.spec.data.y[-1] == 2.0 * x[-1] + 1.0
    assert not editor.reading


def test_a_large_file_that_is_not_data_is_refused_after_reading(
        vm: RunViewModel, qtbot: QtBot, tmp_path: Path) -> None:
    editor = DataEditor(vm)
    qtbot.addWidget(editor)
    path = tmp_path / "words.csv"
    path.write_text("x,y\n" + "apple,pear\n" * 500_000, encoding="utf-8")
    with qtbot.waitSignal(editor.importFinished, timeout=HANG_MS) as finished:
        editor.import_file(str(path))
    assert finished.args == [False]
    assert editor.message.text().startswith("Could not import words.csv: ")
    assert vm.spec.data is DOCUMENT


def test_a_large_opening_run_shows_its_first_update_and_then_the_whole_run(
        qtbot: QtBot) -> None:
    data = samples(300_000, seed=4)
    model = RunViewModel(RunSpec(data=data, cost="mae", model="line", max_iterations=50))
    try:
        assert model.busy and model.spec.data is data
        assert model.run.iterations < 50
        with qtbot.waitSignal(model.runChanged, timeout=HANG_MS):
            pass
        assert model.run.params.shape == (51, 2)
    finally:
        assert model.stop_computation(timeout=HANG_S)


def test_on_many_samples_the_engine_asks_to_cancel_before_every_mae_update() -> None:
    from gdapp.core import RunCancelled, run

    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) >= 3

    with pytest.raises(RunCancelled) as stopped:
        run(RunSpec(data=samples(5_000), cost="mae", model="line"), cancel=cancel)
    assert stopped.value.args[0] == 3
