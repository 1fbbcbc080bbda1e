"""The first minutes: a window with no display to open on, and session files that cannot be
used — each one sentence in the user's terms and the window's language, never a Python
class name, a Qt abort or a long wait.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gdapp.core import RunSpec
from gdapp.gui.app import display_missing, open_session_window
from gdapp.gui.i18n import install_language
from gdapp.gui.settings_store import (
    MAX_NAME_CHARACTERS,
    SessionStore,
    spec_to_json,
    unreadable,
)

ROOT = Path(__file__).resolve().parents[1]
NO_DISPLAY = ("there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not "
              "set): start gdapp from a desktop session or over ssh -X, or save a picture of "
              "the window with gdapp gui --screenshot FILE.png")


def test_gdapp_gui_without_a_display_says_so_in_one_sentence() -> None:
    """Before: Qt aborted (SIGABRT) saying "libxcb-cursor0 is needed", though it was
    installed."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "gdapp.cli", "gui"], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (2, f"gdapp: error: {NO_DISPLAY}\n")


def test_a_display_or_a_platform_that_needs_none_is_enough() -> None:
    assert display_missing({}) == NO_DISPLAY
    assert display_missing({"QT_QPA_PLATFORM": "xcb"}) == NO_DISPLAY
    assert display_missing({"DISPLAY": ":0"}) is None
    assert display_missing({"WAYLAND_DISPLAY": "wayland-0"}) is None
    for platform in ("offscreen", "vnc:size=800x600", "eglfs", "minimal"):
        assert display_missing({"QT_QPA_PLATFORM": platform}) is None


def _session(tmp_path: Path, spec: dict[str, object], **extra: object) -> Path:
    path = tmp_path / "session.json"
    path.write_text(json.dumps({"version": 1, "window": {}, "spec": spec, **extra}),
                    encoding="utf-8")
    return path


def _features_spec() -> dict[str, object]:
    spec = spec_to_json(RunSpec().validated())
    spec["data"] = {"X": [[1.0, 2.0, 3.0], [2.0, 1.0, 0.0]], "y": [1.0, 2.0, 4.0],
                    "feature_names": ["a", "b"], "y_name": "y", "name": "three"}
    spec["start"] = [0.0, 0.0]
    return spec


def _opened(qtbot: QtBot, path: Path) -> str | None:
    win, message = open_session_window(SessionStore(path))
    qtbot.addWidget(win)
    assert win.vm.spec.data.is_document_example()
    return message


def _said(reason: str) -> str:
    return (f"The saved session session.json could not be read ({reason}, kept as "
            "session.json.corrupt); starting from the document example.")


@pytest.mark.parametrize(("change", "reason"), [
    ({"feature_names": 5}, "its feature_names is not a list"),
    ({"X": 5}, "its X is not a list"),
    ({"feature_names": [{"a": 1}, "b"]}, "a name in it is not text"),
], ids=["names-a-number", "columns-a-number", "name-an-object"])
def test_samples_of_the_wrong_kind_are_named_in_the_users_terms(
        qtbot: QtBot, tmp_path: Path, change: dict[str, object], reason: str) -> None:
    """Before: "(the saved settings are invalid ('int' object is not iterable), …)"."""
    spec = _features_spec()
    spec["data"] = {**spec["data"], **change}  # type: ignore[dict-item]
    assert _opened(qtbot, _session(tmp_path, spec)) == _said(reason)


def test_a_session_with_huge_names_is_capped_as_a_data_file_caps_them(
        qtbot: QtBot, tmp_path: Path) -> None:
    """Before: three 1 MB feature names made the window take 17–38 s to appear."""
    spec = _features_spec()
    spec["data"]["feature_names"] = ["n" * 1_000_000, "b"]  # type: ignore[index]
    assert _opened(qtbot, _session(tmp_path, spec)) == _said(
        "a name in it is 1,000,000 characters long; a column name has at most 131,072")
    spec["data"]["feature_names"] = ["n" * MAX_NAME_CHARACTERS, "b"]  # type: ignore[index]
    win, message = open_session_window(SessionStore(_session(tmp_path, spec)))
    qtbot.addWidget(win)
    assert message is None and len(win.vm.spec.data.feature_names[0]) == MAX_NAME_CHARACTERS


@pytest.mark.parametrize(("make", "reason"), [
    (lambda p: p.write_bytes(b'{"version": 1, "spec": "\xff\xfe"}'), "it is not UTF-8 text"),
    (lambda p: p.write_text('{"version": 1, "spec": ', encoding="utf-8"),
     "it is not complete JSON (line 1, column 24)"),
    (lambda p: p.write_text(json.dumps({"version": 1, "spec": spec_to_json(
        RunSpec().validated(), with_data=False), "data_file": "session-data-1.json"}),
        encoding="utf-8"), "session-data-1.json is missing"),
], ids=["not-utf8", "cut-short", "data-file-missing"])
def test_a_session_that_cannot_be_read_says_why_not_an_exception_name(
        qtbot: QtBot, tmp_path: Path, make: object, reason: str) -> None:
    """Before: "(UnicodeDecodeError, …)", "(JSONDecodeError, …)", "(FileNotFoundError, …)"."""
    path = tmp_path / "session.json"
    make(path)  # type: ignore[operator]
    assert _opened(qtbot, path) == _said(reason)


def test_every_reason_is_a_sentence_in_the_windows_language() -> None:
    faults = [PermissionError(13, "Permission denied", "/home/u/session.json"),
              IsADirectoryError(21, "Is a directory", "/home/u/session-data-1.json"),
              FileNotFoundError(2, "No such file or directory", "/home/u/session-data-1.json"),
              OSError(5, "Input/output error", "/home/u/session.json"),
              json.JSONDecodeError("Expecting value", "{", 1), RecursionError(),
              UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")]
    english = [unreadable(exc) for exc in faults]
    assert english == [
        "session.json may not be read (permission denied)",
        "session-data-1.json is a folder, not a file",
        "session-data-1.json is missing",
        "session.json cannot be read (Input/output error)",
        "it is not complete JSON (line 1, column 2)",
        "it is nested too deeply to be a session",
        "it is not UTF-8 text"]
    install_language("ko")
    korean = [unreadable(exc) for exc in faults]
    for en, ko in zip(english, korean, strict=True):
        assert ko != en and any("\uac00" <= c <= "\ud7a3" for c in ko), (en, ko)
        assert "Error" not in ko


def test_a_file_action_failing_without_a_message_says_a_sentence_not_a_class_name() -> None:
    """Before: the status bar and message box showed `MemoryError`, `RuntimeError`…"""
    from gdapp.gui.files import _sentence

    assert _sentence(MemoryError()) == "There is not enough memory for this."
    assert _sentence(RuntimeError()) == ("This failed for a reason gdapp did not foresee; the "
                                         "window keeps working.")
    install_language("ko")
    for exc in (MemoryError(), RuntimeError()):
        said = _sentence(exc)
        assert type(exc).__name__ not in said and any("\uac00" <= c <= "\ud7a3" for c in said)
