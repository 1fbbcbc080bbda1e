"""The session file: the last settings and samples, restored when the window reopens.

A JSON file (numbers as JSON numbers, samples as lists) in the user data directory
(``platformdirs.user_data_dir("gdapp")/session.json``), or wherever ``GDAPP_SESSION_FILE``
points (tests redirect it). It is written atomically (a temporary file renamed over the old
one) on every change, so killing the app loses nothing; the temporary file of a save that a
kill interrupted is removed at the next start. A file that cannot be read never stops
the app: :meth:`SessionStore.load` falls back to the document example and says why.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Any

from gdapp.core import Dataset, RunSpec
from gdapp.core.files import read_regular_file
from gdapp.core.models import MODEL_RULES
from gdapp.excel.scratch import remove_stale, tagged
from gdapp.gui.core_messages import problem_text
from gdapp.gui.holdout_shape import session_parts, session_shaped
from gdapp.gui.i18n import tr
from gdapp.gui.viewmodel import default_spec

SESSION_ENV = "GDAPP_SESSION_FILE"
FORMAT_VERSION = 1
#: The longest column name a session may hold: the longest value a data file may (the CSV
#: reader's field limit), so a hand-edited session cannot slow the window down more.
MAX_NAME_CHARACTERS = 131_072
#: A session file larger than this is not a session file.
MAX_SESSION_BYTES = 512 * 1024 * 1024
#: Data sets up to this many samples live inside the session file; larger ones beside it.
INLINE_SAMPLES = 10_000
#: The temporary file a save writes first; group 1 is the saving process's id.
SESSION_TEMP_PREFIX = ".session-"
SESSION_TEMP_PATTERN = re.compile(r"^\.session-(\d+)-.*\.tmp$")


class SessionError(ValueError):
    """The session file cannot be used (the message says why, in one sentence)."""


def default_session_path() -> Path:
    """``$GDAPP_SESSION_FILE`` if set, else ``session.json`` in the user data directory."""
    override = os.environ.get(SESSION_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("gdapp", appauthor=False)) / "session.json"


def data_to_json(data: Dataset) -> dict[str, Any]:
    """The samples as lists of numbers, with their names: one feature as ``x`` and
    ``x_name``, several as ``X`` (one list per feature) and ``feature_names``."""
    out: dict[str, Any] = {"y": [float(v) for v in data.y], "y_name": data.y_name,
                           "name": data.name}
    if data.p == 1:
        out.update(x=[float(v) for v in data.X[:, 0]], x_name=data.feature_names[0])
    else:
        out.update(X=[[float(v) for v in data.X[:, j]] for j in range(data.p)],
                   feature_names=list(data.feature_names))
    return out


def data_from_json(d: Any) -> Dataset:
    """The samples of :func:`data_to_json` (one feature ``x`` or several ``X``)."""
    if not isinstance(d, dict):
        raise SessionError(tr("its samples are not a JSON object"))
    y = [_number(v) for v in _list(d, "y")]
    y_name, name = _name(d.get("y_name", "y")), _name(d.get("name", "data"))
    if "X" not in d:
        return Dataset([_number(v) for v in _list(d, "x")], y,
                       x_name=_name(d.get("x_name", "x")), y_name=y_name, name=name)
    columns = [[_number(v) for v in _list({"X": c}, "X")] for c in _list(d, "X")]
    if not columns or len({len(c) for c in columns}) != 1:
        raise ValueError(tr("the feature columns are not of one length"))
    names = [_name(f) for f in _list(d, "feature_names")] if "feature_names" in d else \
        [f"x{j + 1}" for j in range(len(columns))]
    return Dataset(list(zip(*columns, strict=True)), y, feature_names=names, y_name=y_name,
                   name=name)


def _list(d: dict[str, Any], key: str) -> list[Any]:
    value = d[key]
    if not isinstance(value, list):
        raise SessionError(tr("its {key} is not a list").format(key=key))
    return value


def _name(value: object) -> str:
    """A column or data set name, at most as long as a data file may make it."""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise SessionError(tr("a name in it is not text"))
    text = str(value)
    if len(text) > MAX_NAME_CHARACTERS:
        raise SessionError(tr("a name in it is {n} characters long; a column name has at most "
                              "{limit}").format(n=f"{len(text):,}",
                                                limit=f"{MAX_NAME_CHARACTERS:,}"))
    return text


def unreadable(exc: BaseException) -> str:
    """Why the session file (or the data file beside it) could not be read, in the user's
    terms and the window's language — never the name of an exception."""
    if isinstance(exc, SessionError):
        return str(exc.args[0])
    if isinstance(exc, UnicodeDecodeError):
        return tr("it is not UTF-8 text")
    if isinstance(exc, json.JSONDecodeError):
        return tr("it is not complete JSON (line {line}, column {column})").format(
            line=exc.lineno, column=exc.colno)
    if isinstance(exc, RecursionError):
        return tr("it is nested too deeply to be a session")
    name = Path(str(getattr(exc, "filename", None) or "")).name or tr("the file")
    if isinstance(exc, FileNotFoundError):
        return tr("{name} is missing").format(name=name)
    if isinstance(exc, IsADirectoryError):
        return tr("{name} is a folder, not a file").format(name=name)
    if isinstance(exc, PermissionError):
        return tr("{name} may not be read (permission denied)").format(name=name)
    if isinstance(exc, OSError):
        return tr("{name} cannot be read ({problem})").format(
            name=name, problem=exc.strerror or tr("a system error"))
    return tr("it is not a gdapp session")


def spec_to_json(spec: RunSpec, *, with_data: bool = True) -> dict[str, Any]:
    """The spec as plain JSON values (samples as lists of numbers)."""
    spec = spec.validated()
    out: dict[str, Any] = {}
    raw, shaping = session_parts(spec)  # powers and held-out samples: as loaded + how
    if shaping is not None:
        out["shaping"] = shaping
    for f in fields(spec):
        value = getattr(spec, f.name)
        if f.name == "holdout":
            continue
        if f.name == "data":
            if with_data:
                out["data"] = data_to_json(raw)
        elif f.name == "start":
            out["start"] = list(value)
        else:
            out[f.name] = value
    return out


def spec_from_json(obj: object) -> RunSpec:
    """Rebuild a validated spec from :func:`spec_to_json`'s output.

    Raises
    ------
    SessionError
        When a key is missing or a value is invalid.
    """
    if not isinstance(obj, dict):
        raise SessionError(tr("the settings are not a JSON object"))
    try:
        model = obj.get("model", next(f.default for f in fields(RunSpec) if f.name == "model"))
        rule = MODEL_RULES.get(model) if isinstance(model, str) else None  # z-scores' centre
        data, held = session_shaped(data_from_json(obj["data"]), obj.get("shaping"),
                                    centre=rule is None or rule.intercept)
        known = {f.name for f in fields(RunSpec)} - {"data", "holdout"}
        kwargs: dict[str, Any] = {k: v for k, v in obj.items() if k in known}
        if "start" in kwargs:
            kwargs["start"] = tuple(_number(v) for v in kwargs["start"])
        return RunSpec(data=data, holdout=held, **kwargs).validated()
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, SessionError):
            raise
        if isinstance(exc, KeyError):
            raise SessionError(tr("a saved setting is missing: {name}").format(
                name=exc.args[0])) from None
        if isinstance(exc, TypeError):  # a value of the wrong kind: never Python's words
            raise SessionError(tr("a saved setting is of the wrong kind")) from None
        raise SessionError(tr("the saved settings are invalid ({problem})").format(
            problem=problem_text(exc))) from None


def _number(v: object) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise ValueError(tr("{value} is not a finite number").format(value=repr(v)))
    return float(v)


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``:
    the file is whole or absent, so a kill mid-write leaves the previous version."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=tagged(SESSION_TEMP_PREFIX), suffix=".tmp",
                               dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class SessionStore:
    """Reads and writes the session file at ``path`` (default: :func:`default_session_path`).

    Up to :data:`INLINE_SAMPLES` samples are stored inside the session file. A larger data
    set goes to a side file ``<stem>-data-<hash>.json`` written once per data set, so a
    settings change costs only the small file.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_session_path()
        # the data set last saved → its JSON text (or side-file reference) and side file
        self._data_ref: tuple[Dataset, str, str | None] | None = None

    def _data_file(self, data: Dataset) -> str:
        # every feature column, then the target (one feature: the same name as before)
        columns = b"".join(data.X[:, j].tobytes() for j in range(data.p))
        digest = hashlib.sha256(columns + b"|" + data.y.tobytes()).hexdigest()[:16]
        return f"{self.path.stem}-data-{digest}.json"

    def load(self) -> tuple[RunSpec, dict[str, Any], str | None]:
        """The saved spec, the saved window state and a message.

        Without a file: the document example, ``{}``, None. With a file that cannot be used:
        the document example, ``{}`` and a sentence saying so; the file is renamed to
        ``<name>.corrupt`` so the next save does not destroy it. Temporary files that a killed
        gdapp left beside the session are removed.
        """
        remove_stale(self.path.parent, SESSION_TEMP_PATTERN)
        if not self.path.exists():
            return default_spec(), {}, None
        try:
            obj = self._read_json(self.path)
            if not isinstance(obj, dict) or obj.get("version") != FORMAT_VERSION:
                raise SessionError(tr("it is not a gdapp session"))
            spec_obj = obj.get("spec")
            if isinstance(spec_obj, dict) and isinstance(obj.get("data_file"), str):
                # only a bare file name beside the session is followed, never a path
                side = self.path.parent / Path(obj["data_file"]).name
                spec_obj = {**spec_obj, "data": self._read_json(side)}
            spec = spec_from_json(spec_obj)
            window = obj.get("window", {})
            return spec, window if isinstance(window, dict) else {}, None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, SessionError,
                RecursionError) as exc:
            return default_spec(), {}, self.set_aside(unreadable(exc), verb="read")

    def set_aside(self, reason: str, *, verb: str = "applied") -> str:
        """Rename the session file to ``<name>.corrupt`` (for a person to look at; the next
        save writes a new session) and return the sentence that says so and why."""
        kept = ""
        backup = self.path.with_name(self.path.name + ".corrupt")
        try:
            os.replace(self.path, backup)
            kept = tr(", kept as {name}").format(name=backup.name)
        except OSError:
            pass
        text = (tr("The saved session {name} could not be read ({reason}); starting from the "
                   "document example.") if verb == "read" else
                tr("The saved session {name} could not be applied ({reason}); starting from "
                   "the document example."))
        return text.format(name=self.path.name, reason=reason + kept)

    @staticmethod
    def _read_json(path: Path) -> object:
        # only a regular file, and only so much of it: a link to /dev/zero or a FIFO in its
        # place must not fill the memory or hang the start
        try:
            raw = read_regular_file(path, MAX_SESSION_BYTES, SessionError)
        except SessionError as exc:
            raise SessionError((tr("{name} is too large, so it is not read") if "limit" in str(exc)
                                else tr("{name} is not a regular file, so it is not read")
                                ).format(name=path.name)) from None
        return json.loads(raw.decode("utf-8"))

    def save(self, spec: RunSpec, window: dict[str, Any] | None = None) -> str | None:
        """Write the session atomically; return None, or a sentence when it failed."""
        try:
            data = session_parts(spec)[0]
            if self._data_ref is None or self._data_ref[0] is not data:
                name: str | None = None
                if data.n <= INLINE_SAMPLES:
                    ref = '"data": ' + json.dumps(data_to_json(data), allow_nan=False)
                else:
                    name = self._data_file(data)
                    side = self.path.parent / name
                    if not side.exists():
                        _write_atomically(side, json.dumps(data_to_json(data),
                                                           allow_nan=False))
                    ref = '"data_file": ' + json.dumps(name)
                self._data_ref = (data, ref, name)
            settings = json.dumps(spec_to_json(spec, with_data=False), ensure_ascii=False,
                                  allow_nan=False)
            if self._data_ref[1].startswith('"data":'):
                body = f'"spec": {settings[:-1]}, {self._data_ref[1]}}}'
            else:
                body = f'"spec": {settings}, {self._data_ref[1]}'
            _write_atomically(self.path, f'{{"version": {FORMAT_VERSION}, '
                                         f'"window": {json.dumps(window or {})}, {body}}}')
            self._remove_stale_side_files(self._data_ref[2])
        except (OSError, ValueError) as exc:
            return tr("Could not save the session to {path}: {problem}").format(
                path=self.path, problem=problem_text(exc))
        return None

    def _remove_stale_side_files(self, keep: str | None) -> None:
        for old in self.path.parent.glob(f"{self.path.stem}-data-*.json"):
            if old.name != keep:
                old.unlink(missing_ok=True)
