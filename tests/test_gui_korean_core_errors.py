"""The core's data and run-setting errors reach the Korean window in Korean: each is raised
with a :class:`~gdapp.core.messages.Message` (its English sentence unchanged, for the CLI,
the JSON and the workbooks) that :mod:`gdapp.gui.core_messages` translates, arguments and
all (a cell's place inside "'abc' is not a number" is itself a Message)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gdapp.cli import main
from gdapp.core import RunSpec
from gdapp.core.data import load_csv, parse_number, parse_sample, rows_to_dataset
from gdapp.core.dataset import Dataset
from gdapp.core.messages import Message
from gdapp.gui.core_messages import problem_text
from gdapp.gui.i18n import install_language
from gdapp.gui.viewmodel import RunViewModel


@pytest.fixture
def korean(qapp: object) -> Iterator[None]:
    install_language("ko")
    yield
    install_language("en")


def _csv(tmp_path: Path, text: str) -> Callable[[], object]:
    path = tmp_path / "점수.csv"
    path.write_text(text, encoding="utf-8")
    return lambda: load_csv(path)


#: (what raises, the English sentence it says today: the CLI's and the tests' words)
CASES: list[tuple[str, Callable[[Path], Callable[[], object]], str]] = [
    ("not a number", lambda t: lambda: parse_number("abc"), "'abc' is not a number"),
    ("not finite", lambda t: lambda: parse_number("inf"), "'inf' is not a finite number"),
    ("ambiguous comma", lambda t: lambda: parse_number("1,000"),
     "'1,000' is ambiguous (decimal or thousands comma?): write 1.000 or 1000"),
    ("rounds to 0", lambda t: lambda: parse_number("1e-400"),
     "'1e-400' is too small: it rounds to 0"),
    ("too small", lambda t: lambda: parse_sample("1e-200"),
     "1e-200 is too small: the squares of values below 1e-100 underflow; rescale the data"),
    ("missing file", lambda t: lambda: load_csv(t / "missing.csv"),
     "{tmp}/missing.csv: no such file"),
    ("cell not a number", lambda t: _csv(t, "x,y\n1,2\nabc,3\n"),
     "line 3, column 1 (x): 'abc' is not a number"),
    ("cell empty", lambda t: _csv(t, "x,y\n1,2\n,3\n"), "line 3, column 1 (x) is empty"),
    ("cell not finite", lambda t: _csv(t, "x,y\n1,2\n3,nan\n"),
     "line 3, column 2 (y): 'nan' is not a finite number"),
    ("repeated header", lambda t: _csv(t, "x,y\n1,2\nx,y\n3,4\n"),
     "line 3 repeats the header row; remove it (only the first row may be a header)"),
    ("open quote", lambda t: _csv(t, 'x,y\n1,2\n"3,4\n'),
     'line 3: a quote (") is opened and never closed'),
    ("same column", lambda t: lambda: rows_to_dataset([["a", "b"], [1, 2]], x="a", y="a"),
     "x and y are the same column; choose two different columns"),
    ("boolean cell", lambda t: lambda: rows_to_dataset([["a", "b"], [True, 2]]),
     "row 2, column 1 (x) holds TRUE, not a number"),
    ("no samples", lambda t: lambda: Dataset([], []),
     "there are no samples: at least one (x, y) pair is needed"),
    ("pair up", lambda t: lambda: Dataset([1.0, 2.0], [1.0]),
     "x has 2 values but y has 1; they must pair up"),
    ("non-finite sample", lambda t: lambda: Dataset([[1.0, 2.0], [math.inf, 1.0]], [1.0, 2.0]),
     "feature 'x1' in sample 2 is inf: every value must be a finite number"),
    ("too large", lambda t: lambda: Dataset([1.0, 1e200], [1.0, 2.0]),
     "x in sample 2 is 1e+200: values beyond ±1e+100 are too large (their squares would "
     "overflow)"),
    ("ambiguous column", lambda t: lambda: rows_to_dataset([["a", "b", "a"], [1, 2, 3]], x="a"),
     "the x column 'a' is ambiguous: it matches columns 1 and 3; choose one by its position"),
    ("no such column", lambda t: lambda: rows_to_dataset([[1, 2], [3, 4]], x=["zz", 1]),
     "no column named 'zz' for feature 1; columns: none: the file has no header"),
    ("too few columns", lambda t: lambda: rows_to_dataset([["a", "b"], [1, 2]], y=5),
     "the file has 2 column(s); y asks for column 5"),
    ("position 0", lambda t: lambda: rows_to_dataset([["a", "b"], [1, 2]], x=0),
     "x column position must be 1 or more, got 0"),
    ("too wide", lambda t: _csv(t, "x,y\n1,2\n1,5,3\n"),
     "line 3 has 3 fields but the header has 2 — decimal commas in a comma-separated file "
     "are ambiguous: use ';' or tabs between columns, or decimal points"),
    ("comment line", lambda t: _csv(t, "# scores\nx,y\n1,2\n"),
     "line 1 looks like a comment (it starts with '#'): remove it; only one header line may "
     "come before the numbers"),
    ("title line", lambda t: _csv(t, "scores\nx,y\n1,2\n"),
     "line 1 holds one field ('scores') but line 2 holds 2: remove title lines above the "
     "header and the numbers"),
    ("binary file", lambda t: lambda: (t / "b.csv").write_bytes(b"x\x00y" * 9) and load_csv(
        t / "b.csv"), "{tmp}/b.csv is not a text (CSV) file"),
    ("not a regular file", lambda t: lambda: load_csv("/dev/null"),
     "/dev/null is not a regular file (it is a device, a pipe or a socket), so it is not read"),
    ("η ≤ 0", lambda t: lambda: RunSpec(learning_rate=-1.0).validated(),
     "learning rate η must be > 0, got -1.0"),
    ("η not finite", lambda t: lambda: RunSpec(learning_rate=math.nan).validated(),
     "learning rate η must be a finite number, got nan"),
    ("λ < 0", lambda t: lambda: RunSpec(lam=-0.5).validated(), "λ must be ≥ 0, got -0.5"),
    ("tolerance", lambda t: lambda: RunSpec(tolerance=0.0).validated(),
     "tolerance must be > 0, got 0.0"),
    ("max iterations", lambda t: lambda: RunSpec(max_iterations=0).validated(),
     "max iterations must be at least 1, got 0"),
    ("momentum", lambda t: lambda: RunSpec(optimizer="momentum", momentum=1.5).validated(),
     "momentum μ must be in [0, 1), got 1.5"),
    ("beyond a workbook", lambda t: lambda: RunSpec(max_iterations=10**7).validated(),
     "max iterations 10,000,000 is beyond what a workbook holds: at most 1,048,574 updates "
     "(1,048,575 rows, Excel's limit)"),
    ("two classes", lambda t: lambda: RunSpec(model="logistic", cost="bce").validated(),
     "the logistic model needs targets 0 or 1 (two classes); y in sample 1 is 2"),
    ("nesterov", lambda t: lambda: RunSpec(optimizer="nesterov", momentum=0.0).validated(),
     "Nesterov momentum needs momentum μ > 0 and dampening τ = 0"),
    ("power_t", lambda t: lambda: RunSpec(power_t=-1.0).validated(),
     "power_t must be ≥ 0, got -1.0"),
    ("batch size", lambda t: lambda: RunSpec(batch_size=3).validated(),
     "the batch size B must be a whole number from 1 to the 2 samples, got 3"),
    ("seed", lambda t: lambda: RunSpec(seed=-1).validated(),
     "the seed must be a whole number ≥ 0, got -1"),
]


def _raised(make: Callable[[Path], Callable[[], object]], tmp_path: Path) -> ValueError:
    with pytest.raises(ValueError) as info:
        make(tmp_path)()
    return info.value


def _names(message: Message) -> Iterator[str]:
    """The names and numbers a message carries (a path, a cell's text, x1): not English."""
    for value in message.args.values():
        if isinstance(value, Message):
            yield from _names(value)
        else:
            yield value


@pytest.mark.parametrize(("what", "make", "english"), CASES, ids=[c[0] for c in CASES])
def test_the_english_sentence_is_unchanged(what: str, make: Callable[[Path], Callable[[], object]],
                                           english: str, tmp_path: Path) -> None:
    exc = _raised(make, tmp_path)
    assert isinstance(exc.args[0], Message)
    assert str(exc) == english.format(tmp=tmp_path)
    assert problem_text(exc) == str(exc)  # the English window says the same


@pytest.mark.parametrize(("what", "make", "english"), CASES, ids=[c[0] for c in CASES])
def test_the_korean_window_has_no_english_word_left(
        korean: None, what: str, make: Callable[[Path], Callable[[], object]], english: str,
        tmp_path: Path) -> None:
    exc = _raised(make, tmp_path)
    text = problem_text(exc)
    assert re.search("[가-힣]", text), text
    rest = text
    for name in sorted([*_names(exc.args[0]), *CODE_NAMES], key=len, reverse=True):
        rest = rest.replace(name, "")
    assert not [w for w in re.findall("[A-Za-z]{2,}", rest) if w not in NAMES], text


#: Names a Korean sentence spells as they are (a file format, a unit, a program).
NAMES = {"CSV", "UTF", "MiB", "Excel"}
#: A setting's code name, as the window's settings panel shows it.
CODE_NAMES = ("power_t",)


def test_a_wrong_setting_is_korean_in_the_korean_window(korean: None, qtbot: QtBot) -> None:
    vm = RunViewModel()
    with qtbot.waitSignal(vm.errorOccurred) as said:
        assert not vm.update(learning_rate=-0.5)
    assert said.args == ["학습률 η는 0보다 커야 합니다. 입력값: -0.5"]


def test_a_bad_cell_of_a_csv_is_korean_in_the_data_panel(korean: None, qtbot: QtBot,
                                                         tmp_path: Path) -> None:
    from gdapp.gui.data_editor import DataEditor

    editor = DataEditor(RunViewModel())
    qtbot.addWidget(editor)
    bad = tmp_path / "점수.csv"
    bad.write_text("x,y\n1,2\nabc,3\n", encoding="utf-8")
    assert not editor.import_file(str(bad))
    assert "3번째 줄 1열(x): 'abc'은(는) 숫자가 아닙니다" in editor.message.text()
    assert "not a number" not in editor.message.text()


def test_the_command_line_still_speaks_english(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.csv"
    assert main(["run", "--data", str(missing)]) == 2
    assert capsys.readouterr().err == f"gdapp: error: {missing}: no such file\n"
    assert main(["run", "--eta", "-1"]) == 2
    assert "learning rate η must be > 0, got -1" in capsys.readouterr().err


def _no_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Message:
    from gdapp.excel import recalc

    workbook = tmp_path / "run.xlsx"
    workbook.write_bytes(b"")
    monkeypatch.setenv(recalc.SOFFICE_ENV, str(tmp_path / "no-soffice"))
    with pytest.raises(recalc.RecalcUnavailable) as info:
        recalc.recalculate(workbook, tmp_path / "out")
    said = info.value.args[0]
    assert isinstance(said, Message)
    return said


def test_the_verifier_without_libreoffice_speaks_english_to_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    said = _no_soffice(tmp_path, monkeypatch)
    assert said == (
        f"cannot verify: GDAPP_SOFFICE is set to '{tmp_path / 'no-soffice'}', which is not an "
        "executable soffice program; install it with `apt-get install libreoffice-calc-nogui` "
        "(Debian/Ubuntu) or from libreoffice.org, or set GDAPP_SOFFICE to the soffice program")
    monkeypatch.delenv("GDAPP_SOFFICE")
    monkeypatch.setenv("PATH", str(tmp_path))
    from gdapp.excel import recalc
    monkeypatch.setattr(recalc, "SOFFICE_CANDIDATES", ())
    with pytest.raises(recalc.RecalcUnavailable) as info:
        recalc.recalculate(tmp_path / "run.xlsx", tmp_path / "out")
    assert str(info.value).startswith("cannot verify: LibreOffice (soffice) is not installed; "
                                      "install it with `apt-get")


def test_the_verifier_without_libreoffice_speaks_korean_in_the_korean_window(
        korean: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gdapp.excel.recalc import RecalcUnavailable

    said = _no_soffice(tmp_path, monkeypatch)
    text = problem_text(RecalcUnavailable(said))
    assert text.startswith("검증할 수 없습니다. GDAPP_SOFFICE이(가) ")
    assert "설치하거나" in text
    rest = text.replace(repr(str(tmp_path / "no-soffice")), "")
    for name in ("GDAPP_SOFFICE", "soffice", "`apt-get install libreoffice-calc-nogui`",
                 "Debian/Ubuntu", "libreoffice.org"):
        rest = rest.replace(name, "")
    assert not re.findall("[A-Za-z]{2,}", rest), text


def test_every_template_of_the_core_has_its_korean(korean: None) -> None:
    from gdapp.gui.core_messages import templates

    english_left = [english for english, korean_text in templates().items()
                    if re.sub(r"\{\w+\}", "", english).strip(" :;—,")
                    and not re.search("[가-힣]", korean_text)]
    assert english_left == []
    crashed = Message("cannot verify: LibreOffice did not finish within {seconds} s (it was "
                      "stopped; try a longer time limit)", seconds="300")
    assert problem_text(ValueError(crashed)) == ("검증할 수 없습니다. LibreOffice가 300초 안에 "
                                                 "끝나지 않아 멈췄습니다. 제한 시간을 늘려 보세요")
