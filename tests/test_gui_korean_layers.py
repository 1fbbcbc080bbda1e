"""No English sentence from below the window reaches the Korean window.

Two guards. The first reads the source of gdapp/core and gdapp/excel: no exception is raised
with a plain English sentence (an f-string or a literal: each is a
:class:`~gdapp.core.messages.Message`, which the window translates), and no verifier's note
or "cannot verify" sentence is written outside a Message. The second drives the window's
paths into those layers — Open workbook, Export, Verify (refused before LibreOffice starts),
Import XLSX and a saved session — with many bad inputs in the Korean window, and finds no
run of English words in what it shows.
"""

from __future__ import annotations

import ast
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook
from patience import HANG_MS
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import gdapp
from gdapp.core import Dataset, RunSpec, run
from gdapp.core.messages import Message
from gdapp.excel import export_workbook
from gdapp.gui.core_messages import translated
from gdapp.gui.files import FileActions
from gdapp.gui.i18n import install_language
from gdapp.gui.settings_store import SessionStore, spec_to_json
from gdapp.gui.viewmodel import RunViewModel

ROOT = Path(gdapp.__file__).parent

#: Functions below the window that write plain English sentences the window never shows.
INTERNAL = {
    ("labels.py", "__init__"): "a workbook's language: the window asks for its own",
    ("compare.py", "summary"): "the command line's verdict (the window writes verdict_lines)",
    ("optimum_rows.py", "unstable_why"): "a cell of a workbook's Summary sheet",
    ("export.py", "_write_settings"): "a cell of a workbook's Settings sheet",
}
#: Sentences that must be a Message wherever they are written.
FOR_A_READER = ("note:", "cannot verify")
#: Calls whose argument may reach a reader: an exact optimum's note, a verifier's first
#: difference, a list of problems or notes.
REPORTING = {"Optimum", "_finish", "differ", "append"}
#: Functions whose returned text is a reader's sentence.
SAYING = re.compile("note|message|hint|why|failure|refused|error|problem|reason")
#: Four words or more: a sentence, not a method's or a setting's name.
SENTENCE = re.compile(r"[A-Za-z]+(?: [A-Za-z(]+){3,}")


def _lead(node: ast.expr) -> str | None:
    """The text of a literal, an f-string (its fields as {}), a sum or a choice of them
    (None: not a text)."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _lead(node.left), _lead(node.right)
        return None if left is None and right is None else (left or "") + (right or "")
    if isinstance(node, ast.IfExp):
        return _lead(node.body) or _lead(node.orelse)
    return None


def _said(function: ast.FunctionDef, node: ast.AST) -> list[ast.expr]:
    """What ``node`` of ``function`` hands on that a reader may see."""
    if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
        return node.exc.args[:1]
    if isinstance(node, ast.Call):
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in REPORTING:
            return [*node.args, *(k.value for k in node.keywords if k.arg == "note")]
    if isinstance(node, ast.Yield) and node.value is not None:
        return [node.value]
    if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and SAYING.search(t.id)
                                            for t in node.targets):
        return [node.value]
    if isinstance(node, ast.Return) and node.value is not None and SAYING.search(function.name):
        return list(node.value.elts) if isinstance(node.value, ast.Tuple) else [node.value]
    return []


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for layer in ("core", "excel"):
        for path in sorted((ROOT / layer).glob("*.py")):
            yield path.name, ast.parse(path.read_text(encoding="utf-8"))


def test_no_plain_english_sentence_is_raised_or_reported_below_the_window() -> None:
    plain, looked_at = [], 0
    for name, tree in _sources():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef) or (name, function.name) in INTERNAL:
                continue
            for node in ast.walk(function):
                for said in _said(function, node):
                    looked_at += 1
                    text = _lead(said)
                    if text and SENTENCE.search(text):
                        plain.append(f"{name}:{said.lineno}: {text[:60]!r}")
    assert looked_at > 300
    assert plain == [], "hand the window a Message (gdapp.core.messages):\n" + "\n".join(plain)


def test_every_note_and_refusal_of_the_verifier_is_a_message() -> None:
    loose = []
    for name, tree in _sources():
        inside = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Message":
                inside.update(id(n) for n in ast.walk(node.args[0]))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant | ast.JoinedStr) and id(node) not in inside:
                lead = _lead(node)
                if lead and lead.startswith(FOR_A_READER):
                    loose.append(f"{name}:{node.lineno}: {lead[:50]!r}")
    assert loose == []


# ---- the window, in Korean ----------------------------------------------------------------

@pytest.fixture
def korean(qapp: object) -> Iterator[None]:
    install_language("ko")
    yield
    install_language("en")


def english_words(text: str, *names: str) -> list[str]:
    """Runs of two or more English words left in ``text`` once the ``names`` (paths, file
    names) and the quoted texts (a cell's content, the marker looked for) are taken out: an
    untranslated sentence, or a part of one."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    text = re.sub(r"'[^']*'", "", text)
    return re.findall(r"[A-Za-z]{2,}(?:[ -][A-Za-z]{2,})+", text)


def assert_korean(text: str, *names: str) -> None:
    assert re.search("[가-힣]", text), text
    assert english_words(text, *names) == [], text


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    book = tmp_path_factory.mktemp("book") / "run.xlsx"
    export_workbook(run(RunSpec().validated()), book)
    return book


def tampered(book: Path, out: Path, member: str, change: tuple[str, str] | None = None,
             extra: tuple[str, bytes] | None = None) -> Path:
    """A copy of ``book`` with one regular-expression change in ``member``, or a part more."""
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(out, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == member and change is not None:
                text, n = re.subn(change[0], change[1], data.decode("utf-8"), count=1)
                assert n == 1, change
                data = text.encode("utf-8")
            copy.writestr(item, data)
        if extra is not None:
            copy.writestr(*extra)
    return out


def setting(name: str, cell: str) -> tuple[str, str]:
    """The change that puts ``cell`` (a cell's XML after its ``r``) in the Settings row of
    the defined name ``name``."""
    return (rf'(<c r="B(\d+)")[^>]*>(?:(?!</c>).)*</c>(<c r="C\2" t="inlineStr"><is><t>{name}<)',
            rf"\1 {cell}\3")


TEXT = 't="inlineStr"><is><t>{}</t></is></c>'
SETTINGS = "xl/worksheets/sheet1.xml"
BAD_BOOKS = {
    "not a zip": lambda b, o: (o.write_bytes(b"not a zip at all"), o)[1],
    "a zip of text": lambda b, o: (zipfile.ZipFile(o, "w").close(), o)[1],
    "eta is text": lambda b, o: tampered(b, o, SETTINGS, setting("eta", TEXT.format("abc"))),
    "eta < 0": lambda b, o: tampered(b, o, SETTINGS, setting("eta", 't="n"><v>-1</v></c>')),
    "model unknown": lambda b, o: tampered(b, o, SETTINGS, setting("model", TEXT.format("cube"))),
    "cost unknown": lambda b, o: tampered(b, o, SETTINGS, setting("cost", TEXT.format("xyz"))),
    "iterations 2.5": lambda b, o: tampered(b, o, SETTINGS, setting(
        "max_iterations", 't="n"><v>2.5</v></c>')),
    "iterations TRUE": lambda b, o: tampered(b, o, SETTINGS, setting(
        "max_iterations", 't="b"><v>1</v></c>')),
    "start missing": lambda b, o: tampered(b, o, SETTINGS, ("<t>b1_start<", "<t>b9_start<")),
    "no marker": lambda b, o: tampered(b, o, SETTINGS, ("<t>gdapp workbook format<", "<t>x<")),
    "format 99": lambda b, o: tampered(b, o, SETTINGS, (
        r'(<c r="B12") t="n"><v>1</v>', r'\1 t="n"><v>99</v>')),
    "data is text": lambda b, o: tampered(b, o, "xl/worksheets/sheet2.xml", (
        r'<c r="B3" t="n"><v>2</v></c>', f'<c r="B3" {TEXT.format("two")}')),
    "macros": lambda b, o: tampered(b, o, "", extra=("xl/vbaProject.bin", b"\0" * 64)),
    "a DTD": lambda b, o: tampered(b, o, SETTINGS, (
        r"^(<\?xml[^>]*\?>)?", r'\1<!DOCTYPE x [<!ENTITY e "e">]>')),
}


def _failure(files: FileActions, qtbot: QtBot, start: object) -> str:
    with qtbot.waitSignal(files.failed, timeout=HANG_MS) as said:
        start()  # type: ignore[operator]
    box = files.last_message
    assert box is not None and box.text() == said.args[0]
    return str(said.args[0])


@pytest.fixture
def files(korean: None, qtbot: QtBot) -> FileActions:
    parent = QWidget()
    qtbot.addWidget(parent)
    return FileActions(RunViewModel(), parent)


@pytest.mark.parametrize("kind", list(BAD_BOOKS))
def test_opening_and_verifying_a_bad_workbook_speak_korean(
        files: FileActions, qtbot: QtBot, exported: Path, tmp_path: Path, kind: str) -> None:
    book = BAD_BOOKS[kind](exported, tmp_path / "통합문서.xlsx")
    opened = _failure(files, qtbot, lambda: files.open_workbook(book))
    assert_korean(opened, str(book), book.name)
    verified = _failure(files, qtbot, lambda: files.verify_workbook(book))
    assert_korean(verified, str(book), book.name)
    assert verified.startswith("검증할 수 없습니다"), verified


def test_opening_a_missing_file_or_a_folder_speaks_korean(files: FileActions, qtbot: QtBot,
                                                        tmp_path: Path) -> None:
    folder = tmp_path / "폴더.xlsx"
    folder.mkdir()
    for path in (tmp_path / "없는.xlsx", folder):
        assert_korean(_failure(files, qtbot, lambda p=path: files.open_workbook(p)), str(path))


def test_exporting_to_a_place_that_cannot_hold_it_speaks_korean(
        files: FileActions, qtbot: QtBot, tmp_path: Path) -> None:
    a_file = tmp_path / "메모"
    a_file.write_text("", encoding="utf-8")
    read_only = tmp_path / "잠김.xlsx"
    read_only.write_bytes(b"")
    read_only.chmod(0o444)
    (tmp_path / "폴더.xlsx").mkdir()
    for target in (tmp_path / "없는 폴더" / "a.xlsx", a_file / "a.xlsx", tmp_path / "폴더.xlsx",
                   read_only):
        shown = _failure(files, qtbot, lambda t=target: files.export_workbook(t))
        assert_korean(shown, str(target), str(target.parent))


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_importing_a_bad_xlsx_speaks_korean(korean: None, qtbot: QtBot, tmp_path: Path) -> None:
    from gdapp.gui.data_editor import DataEditor

    editor = DataEditor(RunViewModel())
    qtbot.addWidget(editor)
    junk = tmp_path / "자료.xlsx"
    junk.write_bytes(b"PK not really")
    for book in (junk, _sheet(tmp_path / "수식.xlsx", [["x", "y"], [1, 2], ["=1+1", 3]]),
                 _sheet(tmp_path / "글자.xlsx", [["x", "y"], [1, 2], ["abc", 3]])):
        assert not editor.import_file(str(book))
        assert_korean(editor.message.text(), str(book), book.name)


SESSION_CHANGES = {
    "model": {"model": "cube"}, "cost": {"cost": "xyz"}, "optimizer": {"optimizer": "sgd2"},
    "schedule": {"schedule": "sometimes"}, "penalty": {"penalty": "l3"},
    "l1 step": {"l1_method": "guess"}, "start": {"start": [1e300]},
    "shaping": {"shaping": {"degree": "two"}},
    "split": {"shaping": {"degree": 1, "test_fraction": 0.9, "split_seed": 0}},
    "fraction": {"shaping": {"degree": 1, "test_fraction": 1.5, "split_seed": 0}},
    "degree": {"shaping": {"degree": 99, "test_fraction": 0, "split_seed": 0}},
    "check h": {"check_h": -1.0}, "momentum": {"optimizer": "momentum", "momentum": 2.0},
    "a sample": {"data": {"x": [1, 2], "y": ["two", 6]}},
    "feature columns": {"data": {"X": [[1, 2], [1]], "y": [1, 2]}},
}


@pytest.mark.parametrize("what", list(SESSION_CHANGES))
def test_a_saved_session_that_cannot_be_run_is_set_aside_in_korean(
        korean: None, qtbot: QtBot, tmp_path: Path, what: str) -> None:
    from gdapp.gui.app import open_session_window

    spec = spec_to_json(RunSpec().validated())
    spec.update(SESSION_CHANGES[what])
    path = tmp_path / "session.json"
    path.write_text(json.dumps({"version": 1, "spec": spec}), encoding="utf-8")
    window, message = open_session_window(SessionStore(path), lang="ko")
    qtbot.addWidget(window)
    assert message is not None
    assert_korean(message, str(path), path.name, "session.json.corrupt")


NOTED = {
    "a constant feature": RunSpec(data=Dataset([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]],
                                               [2.0, 4.0, 7.0]), model="line"),
    "a feature of zeros": RunSpec(data=Dataset([[1.0, 0.0], [2.0, 0.0], [3.0, 0.0]],
                                               [2.0, 4.0, 7.0])),
    "two equal features": RunSpec(data=Dataset([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]],
                                               [2.0, 4.0, 7.0])),
    "RMSE with a penalty": RunSpec(cost="rmse", penalty="l2", lam=0.5),
    "a flat MAE": RunSpec(data=Dataset([1.0, 1.0], [1.0, 3.0]), cost="mae"),
}


@pytest.mark.parametrize("what", list(NOTED))
def test_the_exact_optimums_notes_are_korean_in_the_status_line(korean: None,
                                                                what: str) -> None:
    from gdapp.gui.status_text import describe_status

    result = run(replace(NOTED[what], max_iterations=5).validated())
    assert isinstance(result.optimum.note, Message)
    info, _ = describe_status(result, result.iterations)
    assert translated(result.optimum.note) in info
    assert_korean(translated(result.optimum.note))


def test_the_verdict_box_translates_the_verifiers_notes_and_first_difference(
        korean: None) -> None:
    from gdapp.excel.accounting import prose_note
    from gdapp.excel.compare import VerifyReport
    from gdapp.excel.preflight import NOT_RECALCULATED
    from gdapp.excel.tolerance import Tally, compare_value
    from gdapp.gui.files import verdict_lines

    difference, _ = compare_value(Tally(), "Iterations!C3", ("Iterations", 3), 2.5, 2.8, 1.0)
    assert difference == "workbook 2.5, engine 2.8"
    edited = Message("{cell}: the workbook has {have}, gdapp writes {wanted} there",
                     cell="Summary!A1", have="'Zusammenfassung'", wanted="'summary'")
    report = VerifyReport(agree=False, cells_compared=10, max_deviation=0.5,
                          max_deviation_cell="Iterations!C3", differences=1,
                          first_difference=Message("{where}: {problem}", where="Iterations!C3",
                                                   problem=difference),
                          notes=(*prose_note([edited, edited]), NOT_RECALCULATED))
    lines = verdict_lines(report)
    assert "통합 문서 2.5, 엔진 2.8" in lines[-2]
    for line in lines:
        assert_korean(line, "Iterations!C3", "Summary!A1")
    english = report.summary()          # the command line's lines are as they were
    assert english[1] == ("note: text is not judged, only numbers and formulas: Summary!A1: "
                          "the workbook has 'Zusammenfassung', gdapp writes 'summary' there "
                          "(and 1 more text cell(s))")
    assert english[3] == "first difference: Iterations!C3: workbook 2.5, engine 2.8"


def test_the_systems_reason_a_save_failed_is_korean_too(
        files: FileActions, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    from gdapp.excel import target

    def read_only(*_args: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(target.os, "replace", read_only)
    book = tmp_path / "run.xlsx"
    shown = _failure(files, qtbot, lambda: files.export_workbook(book))
    assert shown.endswith("통합 문서를 저장하지 못했습니다(읽기 전용 파일 시스템입니다)"), shown
    assert_korean(shown, str(book))
    assert not book.exists()


def test_a_shaped_or_hidden_data_sets_name_is_shown_in_korean(korean: None) -> None:
    from gdapp.core.holdout import polynomial
    from gdapp.gui.run_labels import difference_label
    from gdapp.gui.viewmodel import describe_spec

    raw = Dataset([1.0, 2.0, 3.0, 4.0], [1.0, 3.0, 2.0, 5.0], name="book.xlsx, hidden sheet 'raw'")
    cubic = polynomial(raw, 3).standardized(centre=True)
    assert cubic.name == "book.xlsx, hidden sheet 'raw', degree 3, standardized"  # kept
    spec = RunSpec(data=cubic, model="line").validated()
    label = describe_spec(spec)
    assert "book.xlsx, 숨긴 시트 'raw', 차수 3, 표준화" in label
    assert_korean(label, "book.xlsx")
    other = difference_label(spec, RunSpec().validated())
    assert "차수 3, 표준화" in other and english_words(other, "book.xlsx") == []
