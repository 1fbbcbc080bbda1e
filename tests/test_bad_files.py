"""Bad files and places: a path that does not exist, a folder, no permission, a file that is not
a workbook, another program's workbook, a gdapp workbook with nonsense in Settings — for
``--data``, ``--from``, ``verify`` and ``export -o`` on the command line, and for the window's
Open, Import and Export. Each ends in one sentence; no file is written or changed.

"No permission" is made real although the tests run as root: reading as the unprivileged
user ``nobody`` (``setpriv``) for files, and an immutable folder (``chattr +i``, which root
cannot write either) or ``/proc`` for exports.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from patience import HANG_MS, HANG_S

from gdapp.cli import main
from gdapp.core import MODEL_CHOICES, RunSpec, run
from gdapp.excel import export_workbook

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and modification time."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of bad inputs (and one good workbook to spoil)."""
    folder = tmp_path_factory.mktemp("bad-files")
    (folder / "folder.xlsx").mkdir()
    (folder / "folder.csv").mkdir()
    (folder / "notes.xlsx").write_text("these are my notes\n", encoding="utf-8")
    (folder / "samples.csv").write_text("x,y\n1,2\n2,6\n", encoding="utf-8")
    other = openpyxl.Workbook()
    other.active.append(["budget", 2026])
    other.save(folder / "other-program.xlsx")
    good = export_workbook(run(RunSpec()), folder / "gdapp.xlsx")
    for name, value in (("nonsense-eta.xlsx", "fast"), ("negative-eta.xlsx", -0.1),
                        ("nonsense-model.xlsx", "banana")):
        wb = openpyxl.load_workbook(good)
        key = "model" if "model" in name else "eta"
        ((sheet, ref),) = wb.defined_names[key].destinations
        wb[sheet][ref.replace("$", "")] = value
        wb.save(folder / name)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(folder / "bomb.xlsx", "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">]>' + data   # no XML declaration
            dst.writestr(item, data)
    return folder


BOMB = ("bomb.xlsx is refused: its part xl/worksheets/sheet1.xml declares XML entities or a "
        "document type, which workbooks never need and which can make a reader hang")

#: (arguments with FILE for the bad file, file, the one line the user sees on stderr)
CLI_CASES = [
    (["run", "--data", "FILE"], "missing.csv", "gdapp: error: {path}: no such file"),
    (["run", "--data", "FILE"], "folder.csv", "gdapp: error: {path} is a folder, not a CSV file"),
    (["run", "--data", "FILE"], "notes.xlsx",
     "gdapp: error: notes.xlsx is not an .xlsx workbook (it is not a zip archive)"),
    (["run", "--data", "FILE"], "missing.xlsx", "gdapp: error: {path}: no such file"),
    (["run", "--from", "FILE"], "missing.xlsx", "gdapp: error: {path}: no such file"),
    (["run", "--from", "FILE"], "folder.xlsx", "gdapp: error: {path} is not a file"),
    (["run", "--from", "FILE"], "samples.csv",
     "gdapp: error: samples.csv is not an .xlsx workbook (it is not a zip archive)"),
    (["run", "--from", "FILE"], "other-program.xlsx",
     "gdapp: error: other-program.xlsx is not a gdapp workbook (no Settings sheet)"),
    (["run", "--from", "FILE"], "nonsense-eta.xlsx",
     "gdapp: error: nonsense-eta.xlsx, Settings: η (learning rate) must be a number, "
     "got 'fast'"),
    (["run", "--from", "FILE"], "negative-eta.xlsx",
     "gdapp: error: negative-eta.xlsx, Settings: learning rate η must be > 0, got -0.1"),
    (["export", "--from", "FILE", "-o", "OUT/never.xlsx"], "nonsense-model.xlsx",
     "gdapp: error: nonsense-model.xlsx, Settings: model must be one of "
     + ", ".join(MODEL_CHOICES) + ", got 'banana'"),
    (["run", "--from", "FILE"], "bomb.xlsx", "gdapp: error: " + BOMB),
    (["verify", "FILE"], "missing.xlsx", "gdapp: cannot verify: {path}: no such file"),
    (["verify", "FILE"], "folder.xlsx", "gdapp: cannot verify: {path} is not a file"),
    (["verify", "FILE"], "notes.xlsx",
     "gdapp: cannot verify: notes.xlsx is not an .xlsx workbook (it is not a zip archive)"),
    (["verify", "FILE"], "other-program.xlsx",
     "gdapp: cannot verify: other-program.xlsx is not a gdapp workbook (no Settings sheet)"),
    (["verify", "FILE"], "nonsense-eta.xlsx",
     "gdapp: cannot verify: nonsense-eta.xlsx, Settings: η (learning rate) must be a "
     "number, got 'fast'"),
    (["export", "-o", "FILE"], "no-such-folder/run.xlsx",
     "gdapp: error: {folder}/no-such-folder: no such folder"),
    (["export", "-o", "FILE"], "folder.xlsx",
     "gdapp: error: {path} is a folder, not a workbook file"),
    (["export", "-o", "FILE"], "samples.csv/run.xlsx",
     "gdapp: error: {folder}/samples.csv is not a folder"),
    (["export", "-o", "FILE"], "run.csv",
     "gdapp: error: run.csv: a workbook's file name must end in .xlsx"),
]


@pytest.mark.parametrize(("argv", "name", "message"), CLI_CASES,
                         ids=[f"{a[0]}-{a[1]}-{n}" for a, n, _ in CLI_CASES])
def test_the_command_line_refuses_a_bad_file_in_one_line_and_writes_nothing(
        files: Path, capsys: pytest.CaptureFixture[str], argv: list[str], name: str,
        message: str) -> None:
    before = _listing(files)
    path = files / name
    args = [str(path) if a == "FILE" else a.replace("OUT", str(files)) for a in argv]
    assert main(args) == 2
    out = capsys.readouterr()
    assert out.err == message.format(path=path, folder=files) + "\n"
    assert out.out == ""
    assert _listing(files) == before


# ---- no permission ---------------------------------------------------------------------------
@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[Path]:
    """A folder holding a workbook, made immutable: not even root may write into it."""
    folder = tmp_path / "locked"
    folder.mkdir()
    export_workbook(run(RunSpec()), folder / "run.xlsx")
    subprocess.run(["chattr", "+i", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_export_into_an_immutable_folder_is_refused_and_the_old_workbook_kept(
        immutable: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _listing(immutable)
    with pytest.raises(PermissionError):
        (immutable / "probe").write_text("x")              # root really cannot write here
    assert main(["export", "--eta", "0.1", "-o", str(immutable / "run.xlsx")]) == 2
    assert capsys.readouterr().err == (
        f"gdapp: error: {immutable}: permission denied (cannot write there)\n")
    assert _listing(immutable) == before


def test_export_into_proc_is_refused_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-o", "/proc/run.xlsx"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gdapp: error: /proc: ") and err.count("\n") == 1
    assert not Path("/proc/run.xlsx").exists()


AS_NOBODY = r"""
import io, json, sys
from contextlib import redirect_stderr, redirect_stdout
import gdapp
from gdapp.cli import main
results = [gdapp.__file__]
for argv in json.loads(sys.argv[1]):
    err, out = io.StringIO(), io.StringIO()
    with redirect_stderr(err), redirect_stdout(out):
        code = main(argv)
    results.append([code, err.getvalue()])
print(json.dumps(results))
"""


#: Which installed packages a command imports (printed by a child run as the test's user).
IMPORTED_PACKAGES = r"""
import json, sys, sysconfig
import gdapp.cli, gdapp.excel, gdapp.excel.verify
site = sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]
tops = {f[len(s):].lstrip("/").split("/")[0] for m in list(sys.modules.values())
        for f in [getattr(m, "__file__", None) or ""] for s in site if f.startswith(s + "/")}
print(json.dumps({"site": site[0], "tops": sorted(tops)}))
"""


def _readable_copy_of_gdapp(into: Path) -> Path:
    """gdapp and the packages its commands import, hard-linked (else copied) into ``into``:
    a folder any user may read, wherever the checkout and its .venv are (a home folder of
    mode 0750 or 0700 keeps other users out of both)."""
    found = json.loads(subprocess.run([sys.executable, "-c", IMPORTED_PACKAGES], cwd=ROOT,
                                      capture_output=True, text=True, check=True,
                                      timeout=HANG_S).stdout)
    site = Path(found["site"])
    sources = [ROOT / "gdapp"] + [site / top for top in found["tops"]]
    sources += [p for top in found["tops"] for p in site.glob(f"{top}.libs")]  # numpy.libs

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:                      # another file system: copy
            shutil.copy2(src, dst)

    for source in sources:
        if source.is_dir():
            shutil.copytree(source, into / source.name, copy_function=link,
                            ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            link(str(source), str(into / source.name))
    for folder in [into, *(p for p in into.rglob("*") if p.is_dir())]:
        folder.chmod(0o755)
    return into


def test_files_the_user_may_not_read_or_write_are_refused_in_one_line(
        files: Path) -> None:
    """Runs as `nobody` with a copy of gdapp it may read: before, the test ran Python from
    the checkout and failed with `ModuleNotFoundError: No module named 'gdapp'` in a clone
    inside a home folder other users cannot enter."""
    python = os.path.realpath(sys.executable)
    as_nobody = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", python]
    if subprocess.run([*as_nobody, "-S", "-c", "pass"], capture_output=True,
                      timeout=HANG_S, check=False).returncode != 0:
        pytest.skip(f"the user nobody cannot run this Python ({python}): it lives in a folder "
                    "other users cannot enter; use a Python installed for every user")
    shared = Path(tempfile.mkdtemp(prefix="gdapp-test-perm-", dir="/tmp"))
    site = Path(tempfile.mkdtemp(prefix="gdapp-test-site-", dir="/tmp"))
    try:
        shared.chmod(0o755)
        _readable_copy_of_gdapp(site)
        secret_csv = shared / "secret.csv"
        secret_csv.write_text("x,y\n1,2\n2,6\n", encoding="utf-8")
        secret_book = shared / "secret.xlsx"
        secret_book.write_bytes((files / "gdapp.xlsx").read_bytes())
        for p in (secret_csv, secret_book):
            p.chmod(0o000)
        readonly = shared / "read-only"
        readonly.mkdir(mode=0o555)
        before = _listing(shared)
        argvs = [["run", "--data", str(secret_csv)], ["run", "--from", str(secret_book)],
                 ["verify", str(secret_book)], ["run", "--data", str(secret_book)],
                 ["export", "-o", str(readonly / "run.xlsx")]]
        result = subprocess.run(
            [*as_nobody, "-S", "-c", AS_NOBODY, json.dumps(argvs)],
            cwd=shared, capture_output=True, text=True, timeout=HANG_S, check=False,
            env={**os.environ, "HOME": str(shared), "PYTHONPATH": str(site),
                 "PYTHONDONTWRITEBYTECODE": "1"})
        assert result.returncode == 0, result.stderr
        gdapp_file, *outcomes = json.loads(result.stdout)
        assert Path(gdapp_file).is_relative_to(site)     # not the checkout's, wherever it is
        assert outcomes == [
            [2, f"gdapp: error: {secret_csv}: permission denied\n"],
            [2, f"gdapp: error: {secret_book}: permission denied (cannot read it)\n"],
            [2, f"gdapp: cannot verify: {secret_book}: permission denied (cannot read it)\n"],
            [2, f"gdapp: error: {secret_book}: permission denied (cannot read it)\n"],
            [2, f"gdapp: error: {readonly}: permission denied (cannot write there)\n"],
        ]
        assert _listing(shared) == before
    finally:
        for p in shared.rglob("*"):
            p.chmod(0o755)
        subprocess.run(["rm", "-rf", str(shared), str(site)], check=True)


# ---- the window: Open, Import, Export --------------------------------------------------------


OPEN_CASES = [
    ("missing.xlsx", "{path}: no such file"),
    ("folder.xlsx", "{path} is not a file"),
    ("notes.xlsx", "notes.xlsx is not an .xlsx workbook (it is not a zip archive)"),
    ("other-program.xlsx", "other-program.xlsx is not a gdapp workbook (no Settings sheet)"),
    ("nonsense-eta.xlsx",
     "nonsense-eta.xlsx, Settings: η (learning rate) must be a number, got 'fast'"),
    ("nonsense-model.xlsx",
     "nonsense-model.xlsx, Settings: model must be one of " + ", ".join(MODEL_CHOICES)
     + ", got 'banana'"),
    ("bomb.xlsx", BOMB),
]


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize(("name", "message"), OPEN_CASES, ids=[n for n, _ in OPEN_CASES])
def test_open_workbook_in_the_window_refuses_a_bad_file_with_a_message(
        window: Any, qtbot: Any, files: Path, name: str, message: str) -> None:
    before = _listing(files)
    path = files / name
    spec = window.vm.spec
    with qtbot.waitSignal(window.files.failed) as blocker:
        assert not window.files.open_workbook(path)
    expected = message.format(path=path)            # file names keep their spelling
    assert blocker.args == [expected]
    box = window.files.last_message
    assert box is not None and box.isVisible() and box.text() == expected
    assert window.vm.spec is spec
    assert _listing(files) == before


IMPORT_CASES = [
    ("missing.csv", "{path}: no such file"),
    ("folder.csv", "{path} is a folder, not a CSV file"),
    ("notes.xlsx", "notes.xlsx is not an .xlsx workbook (it is not a zip archive)"),
    ("missing.xlsx", "{path}: no such file"),
]


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize(("name", "message"), IMPORT_CASES, ids=[n for n, _ in IMPORT_CASES])
def test_import_samples_in_the_window_refuses_a_bad_file_inline(
        window: Any, files: Path, name: str, message: str) -> None:
    path = files / name
    data = window.vm.spec.data
    assert not window.data_editor.import_file(str(path))
    assert window.data_editor.message.text() == (
        f"Could not import {name}: " + message.format(path=path))
    assert window.vm.spec.data is data


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_export_from_the_window_to_bad_places_shows_a_message_and_writes_nothing(
        window: Any, qtbot: Any, files: Path, immutable: Path) -> None:
    before = _listing(files), _listing(immutable)
    cases = [(files / "no-such-folder" / "run.xlsx", f"{files}/no-such-folder: no such folder"),
             (files / "folder.xlsx", f"{files}/folder.xlsx is a folder, not a workbook file"),
             (immutable / "run.xlsx", f"{immutable}: permission denied (cannot write there)")]
    for target, message in cases:
        with qtbot.waitSignal(window.files.failed, timeout=HANG_MS) as blocker:
            window.files.export_workbook(target)
        assert blocker.args == [message]
        assert window.files.last_message is not None
        assert window.files.last_message.text() == blocker.args[0]
    assert (_listing(files), _listing(immutable)) == before
