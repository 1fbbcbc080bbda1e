"""No English in the Korean window: the optimizer and schedule choices, pyqtgraph's own
menus, the data panel's label, the sine model's plot, and the sentences the core writes
(handed to the window as :class:`~gdapp.core.messages.Message`)."""

from __future__ import annotations

import ast
import copy
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import gdapp
from gdapp.core import EXAMPLES, RunSpec, run
from gdapp.core.messages import Message
from gdapp.gui.core_messages import templates, translated
from gdapp.gui.i18n import install_language
from gdapp.gui.status_text import describe_status
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

ROOT = Path(gdapp.__file__).parent


@pytest.fixture
def korean(qapp: object) -> Iterator[None]:
    install_language("ko")
    yield
    install_language("en")


def _strings(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    raise AssertionError(f"a Message template must be a literal: {ast.dump(node)}")


def _core_templates() -> set[str]:
    found = set()
    for layer in ("core", "excel"):
        for path in (ROOT / layer).glob("*.py"):
            if path.name == "messages.py":  # the type itself
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Message":
                    found.update(_strings(node.args[0]))
    return found


def test_a_message_is_its_english_sentence_and_keeps_its_template() -> None:
    m = Message("no valley of the cost on b1 from {lo} to {hi}", lo="-1", hi="5")
    assert m == "no valley of the cost on b1 from -1 to 5" and isinstance(m, str)
    for again in (pickle.loads(pickle.dumps(m)), copy.deepcopy(m)):
        assert isinstance(again, Message) and again.args == {"lo": "-1", "hi": "5"}


def test_every_template_the_core_writes_is_translatable() -> None:
    written = _core_templates()
    assert len(written) >= 8
    assert written <= set(templates())


def test_the_non_convex_note_is_korean_in_the_korean_window(korean: None) -> None:
    r = run(RunSpec(data=EXAMPLES["nonconvex"], model="sine").validated())
    assert isinstance(r.optimum.note, Message)
    info, _ = describe_status(r, r.iterations)
    assert "no normal equation" not in info and "골짜기" in info
    assert translated("plain text") == "plain text"


def test_the_choices_are_korean_with_the_code_name(korean: None, qtbot: QtBot) -> None:
    window = MainWindow(RunViewModel())
    qtbot.addWidget(window)
    boxes = window.controls.optimizer_controls.boxes
    optimizer, schedule = boxes["optimizer"], boxes["schedule"]
    texts = [optimizer.itemText(i) for i in range(optimizer.count())]
    assert "경사하강법 (gd)" in texts and "모멘텀 (momentum)" in texts
    assert all("(" in t for t in texts)
    assert schedule.itemText(schedule.findData("constant")) == "고정 (constant)"
    window.vm.update(optimizer="momentum")
    assert "모멘텀" in window.cost_plot._legend_entries[-2][1] or any(
        "모멘텀" in label for _, label in window.cost_plot._legend_entries)


def test_the_english_choices_stay_the_code_names(window: MainWindow) -> None:
    optimizer = window.controls.optimizer_controls.boxes["optimizer"]
    assert [optimizer.itemText(i) for i in range(optimizer.count())] == \
        [optimizer.itemData(i) for i in range(optimizer.count())]


def test_no_english_context_menu_of_pyqtgraph(window: MainWindow) -> None:
    for plot in (window.cost_plot, window.objective_plot, window.data_plot):
        assert plot.plot_widget.scene().contextMenu == []
    for widget in window.path_plot.plots.values():
        assert widget.scene().contextMenu == []
    # nor a view box's (Zoom, Mouse mode, Export…): none is built, every plot's included
    validation = window.path_plot.validation.plot
    assert validation.scene().contextMenu == []
    for plot in (window.cost_plot, window.cost_slice, window.objective_plot,
                 window.data_plot, window.polynomial_plot):
        assert plot.plot_item.getViewBox().menu is None
    for widget in (*window.path_plot.plots.values(), validation):
        assert widget.getPlotItem().getViewBox().menu is None


def test_the_data_label_and_the_sine_plot_speak_korean(korean: None, qtbot: QtBot) -> None:
    window = MainWindow(RunViewModel(RunSpec(data=EXAMPLES["features"], model="line")))
    qtbot.addWidget(window)
    assert "피쳐" in window.data_label.text()
    window.vm.set_spec(RunSpec(data=EXAMPLES["nonconvex"], model="sine").validated())
    title = window.data_plot._texts["title"]
    assert "곡선" in title and "직선" not in title


def test_a_parse_error_of_the_core_is_korean_in_the_korean_window(
        korean: None, qtbot: QtBot, tmp_path: Path) -> None:
    from gdapp.core import DataError
    from gdapp.gui.core_messages import problem_text
    from gdapp.gui.data_editor import DataEditor

    editor = DataEditor(RunViewModel())
    qtbot.addWidget(editor)
    empty = tmp_path / "빈.csv"
    empty.write_text("\n\n", encoding="utf-8")
    assert not editor.import_file(str(empty))
    assert "파일이 비어 있습니다" in editor.message.text()
    assert "the file is empty" not in editor.message.text()
    assert problem_text(DataError("plain English")) == "plain English"
