"""The session: settings and data survive closing and reopening; a bad file never blocks."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gdapp.core import Dataset, RunSpec
from gdapp.gui.app import launch, open_session_window
from gdapp.gui.settings_store import SESSION_ENV, SessionStore, spec_from_json, spec_to_json
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow


def open_window(qtbot: QtBot, path: Path) -> tuple[MainWindow, str | None]:
    store = SessionStore(path)
    spec, state, message = store.load()
    win = MainWindow(RunViewModel(spec), store=store)
    win.restore_window_state(state)
    qtbot.addWidget(win)
    return win, message


def test_settings_and_data_persist_across_close_and_reopen(qtbot: QtBot,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    win, message = open_window(qtbot, path)
    assert message is None
    win.vm.update(learning_rate=0.1, penalty="l2", lam=0.5, model="line")
    win.data_editor.import_file(_csv(tmp_path))
    win.close()
    again, message = open_window(qtbot, path)
    assert message is None
    spec = again.vm.spec
    assert (spec.learning_rate, spec.penalty, spec.lam, spec.model) == (0.1, "l2", 0.5, "line")
    assert list(spec.data.x) == [1.0, 2.0, 3.0] and spec.data.name == "study.csv"
    assert again.controls.eta.text() == "0.1"
    assert again.data_editor.table.rowCount() == 3


def _csv(tmp_path: Path) -> str:
    p = tmp_path / "study.csv"
    p.write_text("hours,score\n1,2.5\n2,4\n3,6.5\n", encoding="utf-8")
    return str(p)


def test_every_change_is_saved_at_once_so_a_kill_loses_nothing(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    win, _ = open_window(qtbot, path)
    win.vm.update(learning_rate=0.05)
    saved = json.loads(path.read_text(encoding="utf-8"))   # no close: as after kill -9
    assert saved["spec"]["learning_rate"] == 0.05
    assert saved["spec"]["data"]["x"] == [1.0, 2.0]
    assert not list(tmp_path.glob(".session-*"))           # no temporary file left behind


@pytest.mark.parametrize("content", [
    "{not json", '{"version": 1, "spec": {"learning_rate": -3, "data": {"x": [1], "y": [2]}}}',
    '{"version": 1, "spec": {"data": {"x": [1, "a"], "y": [2, 3]}}}', "[]", "",
    '{"version": 1, "spec": {"max_iterations": 10000000000, "data": {"x": [1], "y": [2]}}}',
])
def test_a_corrupt_session_file_falls_back_to_the_document_example_and_says_so(
        qtbot: QtBot, tmp_path: Path, content: str) -> None:
    path = tmp_path / "session.json"
    path.write_text(content, encoding="utf-8")
    win, message = open_window(qtbot, path)
    assert message is not None and message.startswith("The saved session session.json "
                                                       "could not be read")
    assert message.endswith("starting from the document example.")
    assert win.vm.spec.data.is_document_example() and win.vm.spec.learning_rate == 0.01


def test_spec_json_round_trips_every_setting() -> None:
    spec = RunSpec(data=Dataset([0.5, 1.5], [1.0, -2.0], x_name="h", y_name="s", name="m"),
                   model="line", cost="rmse", penalty="l1", lam=0.25,
                   l1_method="subgradient", learning_rate=0.003, start=(1.0, -2.0),
                   max_iterations=123, tolerance=1e-7).validated()
    assert spec_from_json(json.loads(json.dumps(spec_to_json(spec)))) == spec


def test_launch_reopens_the_last_session_from_the_redirected_file(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "redirected.json"
    monkeypatch.setenv(SESSION_ENV, str(path))
    SessionStore().save(RunSpec(learning_rate=0.2, max_iterations=55).validated())
    seen: list[float] = []
    message: list[str] = []

    def close_all() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                seen.append(w.vm.spec.learning_rate)
                message.append(w.statusBar().currentMessage())
                w.vm.update(learning_rate=0.3)
                w.close()

    QTimer.singleShot(200, close_all)
    assert launch() == 0
    assert seen == [0.2]
    assert message[0].startswith("Reopened your last experiment (η = 0.2")  # said, not silent
    assert json.loads(path.read_text(encoding="utf-8"))["spec"]["learning_rate"] == 0.3


def test_an_unwritable_session_location_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    problem = SessionStore(blocker / "session.json").save(RunSpec().validated())
    assert problem is not None and problem.startswith("Could not save the session")


def test_a_large_data_set_is_saved_beside_the_session_once(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    store = SessionStore(path)
    n = 20_000
    data = Dataset(range(n), [0.5 * i for i in range(n)], name="big")
    spec = RunSpec(data=data).validated()
    assert store.save(spec) is None
    side = list(tmp_path.glob("session-data-*.json"))
    assert len(side) == 1
    written = side[0].stat().st_mtime_ns
    assert store.save(replace(spec, learning_rate=0.001)) is None
    assert side[0].stat().st_mtime_ns == written          # not rewritten for a setting
    assert path.stat().st_size < 2_000
    loaded, _, message = SessionStore(path).load()
    assert message is None and loaded.data.same_samples(data) and loaded.learning_rate == 0.001
    assert store.save(RunSpec().validated()) is None       # back to small data: side file goes
    assert not list(tmp_path.glob("session-data-*.json"))


def test_a_missing_side_file_falls_back_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    store = SessionStore(path)
    n = 20_000
    store.save(RunSpec(data=Dataset(range(n), range(n))).validated())
    for side in tmp_path.glob("session-data-*.json"):
        side.unlink()
    spec, _, message = SessionStore(path).load()
    assert message is not None and spec.data.is_document_example()


def test_launch_with_a_corrupt_session_opens_the_document_example_and_says_so(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"version": 1, "spec": ', encoding="utf-8")
    monkeypatch.setenv(SESSION_ENV, str(path))
    seen: list[tuple[bool, str]] = []

    def look_and_close() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                seen.append((w.vm.spec.data.is_document_example(),
                             w.statusBar().currentMessage()))
                w.close()

    QTimer.singleShot(200, look_and_close)
    assert launch() == 0
    assert seen == [(True, "The saved session broken.json could not be read (it is not "
                           "complete JSON (line 1, column 24), kept as broken.json.corrupt); "
                           "starting from the document example.")]
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1   # rewritten whole
    assert (tmp_path / "broken.json.corrupt").read_text(encoding="utf-8").startswith(
        '{"version": 1, "spec": ')


@pytest.mark.parametrize(("change", "reason"), [
    ({"window": {"splitter": [10**20]}}, "its window layout cannot be applied"),
    ({"window": {"geometry": "é"}}, "its window layout cannot be applied"),
    ({"spec": {"start": [1e308]}}, "the objective at the start is too large to compute (not a "
                                   "finite number): try a smaller start, λ or data values"),
], ids=["splitter", "geometry", "start"])
def test_a_session_that_passes_the_checks_but_breaks_the_start_is_set_aside(
        qtbot: QtBot, tmp_path: Path, change: dict[str, dict[str, object]],
        reason: str) -> None:
    """Before: an OverflowError or UnicodeEncodeError traceback, or exit 2, at every start."""
    session = {"version": 1, "window": {}, "spec": spec_to_json(RunSpec().validated())}
    for key, values in change.items():
        session[key] = {**session[key], **values}  # type: ignore[dict-item]
    path = tmp_path / "session.json"
    path.write_text(json.dumps(session), encoding="utf-8")
    win, message = open_session_window(SessionStore(path))
    qtbot.addWidget(win)
    assert message == (f"The saved session session.json could not be applied ({reason}, kept "
                       "as session.json.corrupt); starting from the document example.")
    assert win.vm.spec.data.is_document_example() and win.vm.spec.learning_rate == 0.01
    assert json.loads((tmp_path / "session.json.corrupt").read_text(encoding="utf-8")) == session
    again, message = open_session_window(SessionStore(path))  # the next start is a clean one
    qtbot.addWidget(again)
    assert message is None


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "fifo-as-its-data-file"])
def test_a_session_that_is_not_a_regular_file_is_not_read(qtbot: QtBot, tmp_path: Path,
                                                          kind: str) -> None:
    """Before: a link to /dev/zero was read until the kernel killed the app; a FIFO (as the
    session, or as the data file it names) hung before any window."""
    path = tmp_path / "session.json"
    unread = "session.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        unread = "session-data-0.json"
        os.mkfifo(tmp_path / unread)
        settings = spec_to_json(RunSpec().validated(), with_data=False)
        path.write_text(json.dumps({"version": 1, "spec": settings, "data_file": unread}),
                        encoding="utf-8")
    win, message = open_session_window(SessionStore(path))
    qtbot.addWidget(win)
    assert message == (f"The saved session session.json could not be read ({unread} is not "
                       "a regular file, so it is not read, kept as session.json.corrupt); "
                       "starting from the document example.")
    assert win.vm.spec.data.is_document_example()
