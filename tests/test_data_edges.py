"""Data-input edge cases: each is refused in one sentence (or read correctly), never turned
into invented or silently dropped samples, and a refused export writes nothing.

Open quotes in a CSV, values too small to square, formulas with no saved value and TRUE in
workbook cells, UTF-16 text, comment and title lines, ambiguous column names, and the odd
output paths of ``export -o`` (a symbolic link, a read-only file, a trailing slash, a name
too long, no name).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook, load_workbook

from gdapp.cli import main
from gdapp.core import DataError, Dataset, load_csv, parse_number, rows_to_dataset
from gdapp.excel import WorkbookError, load_data_xlsx, read_workbook

NO_SAVED_VALUE = ("holds a formula with no saved value (open and save the file in a "
                  "spreadsheet program first, or type the number)")
TINY = "1e-200 is too small: the squares of values below 1e-100 underflow; rescale the data"


def refused(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> str:
    """``gdapp export ARGV`` (``-o`` in ARGV or ``folder/out.xlsx``) refuses in one line and
    adds or changes no file in ``folder``; returns the message."""
    before = {p.name: (p.read_bytes() if p.is_file() else None) for p in folder.iterdir()}
    out = [] if "-o" in argv else ["-o", str(folder / "out.xlsx")]
    assert main(["export", *argv, *out]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("gdapp: error: ") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err and captured.out == ""
    after = {p.name: (p.read_bytes() if p.is_file() else None) for p in folder.iterdir()}
    assert after == before
    return captured.err.removeprefix("gdapp: error: ").rstrip("\n")


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(["run", *argv, "--json", "--iterations", "1"]) == 0
    return json.loads(capsys.readouterr().out)


def csv_bytes(folder: Path, content: bytes, name: str = "data.csv") -> str:
    path = folder / name
    path.write_bytes(content)
    return str(path)


def csv_text(folder: Path, content: str, name: str = "data.csv") -> str:
    return csv_bytes(folder, content.encode(), name)


# ---- 1. quotes ----------------------------------------------------------------------------
@pytest.mark.parametrize(("content", "message"), [
    # before: n = 1, the sample (1, 22.6) (the lines "2 and 2,6 joined, a decimal comma)
    ('x,y\n"1","2\n2,6\n', 'line 2: a quote (") is opened and never closed'),
    # before: "'63,74,82,6' is not a number" (text that is in no line of the file)
    ('x,y\n"63,74,8\n2,6\n', 'line 2: a quote (") is opened and never closed'),
    ('x,y\n1,2\n2,"6\n', 'line 3: a quote (") is opened and never closed'),
    ('x,y\n1,2\n2,"6\n\n', 'line 3: a quote (") is opened and never closed'),
    # before: the sample (1, 22) and 6 in a third column
    ('x,y\n"1","2\n2",6\n3,4\n',
     'line 2: a quote (") opened here closes only on line 3; a value cannot run across lines'),
    # a quoted line break in a header swallowing a line of numbers
    ('x,"y\n1",2\n3,4\n',
     'line 1: a quote (") opened here closes only on line 2; a value cannot run across lines'),
])
def test_a_quote_left_open_is_refused_not_joined_into_a_number(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str) -> None:
    assert refused(capsys, tmp_path, "--data", csv_text(tmp_path, content)) == message


def test_a_quoted_line_break_in_a_header_name_is_read_and_line_numbers_stay_right(
        tmp_path: Path) -> None:
    data = load_csv(csv_text(tmp_path, '"x\n(cm)",y\n1,2\n2,6\n'))
    assert (data.x_name, data.x.tolist(), data.y.tolist()) == ("x(cm)", [1.0, 2.0], [2.0, 6.0])
    with pytest.raises(DataError, match=r"^line 4, column 2 \(y\): 'oops' is not a number$"):
        load_csv(csv_text(tmp_path, '"x\n(cm)",y\n1,2\n2,oops\n'))


def test_properly_quoted_numbers_are_read(tmp_path: Path) -> None:
    data = load_csv(csv_text(tmp_path, 'x,y\n"1","2"\n"2",6\n'))
    assert (data.x.tolist(), data.y.tolist()) == ([1.0, 2.0], [2.0, 6.0])


# ---- 2. values too small ----------------------------------------------------------------
@pytest.mark.parametrize(("content", "message"), [
    ("x,y\n1e-200,1\n2e-200,3\n", f"line 2, column 1 (x): {TINY}"),
    ("x;y\n1;2\n3;-1e-200\n", f"line 3, column 2 (y): {TINY.replace('1e-200', '-1e-200', 1)}"),
    ("x,y\n1,2\n5e-324,3\n", "line 3, column 1 (x): 4.94066e-324 is too small: the squares of "
     "values below 1e-100 underflow; rescale the data"),
    # reads as 0.0: an invented zero
    ("x,y\n1,2\n1e-400,3\n", "line 3, column 1 (x): '1e-400' is too small: it rounds to 0"),
    ("1e-400,2\n1,2\n", "line 1, column 1 (x): '1e-400' is too small: it rounds to 0"),
])
def test_values_nearer_zero_than_1e_minus_100_are_refused_in_a_csv(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str) -> None:
    assert refused(capsys, tmp_path, "--data", csv_text(tmp_path, content)) == message


def test_zero_and_1e_minus_100_stay_allowed(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    data = load_csv(csv_text(tmp_path, "x,y\n0,0\n1e-100,-1e-100\n0.0e-400,2\n-0,3\n"))
    assert data.x.tolist() == [0.0, 1e-100, 0.0, 0.0]
    assert data.y.tolist() == [0.0, -1e-100, 2.0, 3.0]
    assert parse_number("0e-999") == 0.0 and parse_number("-0,000") == 0.0


def test_a_tiny_value_is_refused_when_pasted_or_parsed_as_a_sample() -> None:
    from gdapp.core.data import parse_sample

    # a large paste goes through rows_to_dataset; a typed cell can use parse_sample
    with pytest.raises(DataError, match=r"^row 3, column 2 \(y\): 1e-200 is too small"):
        rows_to_dataset([["x", "y"], ["1", "2"], ["2", "1e-200"]], name="pasted")
    with pytest.raises(ValueError) as info:
        parse_sample("-1e-200")
    assert str(info.value) == TINY.replace("1e-200", "-1e-200", 1)
    assert parse_sample("1e-100") == 1e-100 and parse_sample("0") == 0.0
    with pytest.raises(ValueError, match=r"^'1e-400' is too small: it rounds to 0$"):
        parse_number("1e-400")
    # the engine still takes any finite value (its property tests draw subnormals)
    assert Dataset([1e-300, 2.0], [3.0, 5e-324]).n == 2


def test_a_tiny_value_is_refused_in_an_xlsx_data_file(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in (["x", "y"], [1e-200, 2], [2, 6]):
        ws.append(row)
    wb.save(tmp_path / "tiny.xlsx")
    with pytest.raises(DataError) as info:
        load_data_xlsx(tmp_path / "tiny.xlsx")
    assert str(info.value) == f"row 2, column 1 (x): {TINY}"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A gdapp workbook of the note's example."""
    path = tmp_path / "run.xlsx"
    assert main(["export", "--example", "document", "--iterations", "5", "-o", str(path)]) == 0
    return path


def edited(book: Path, sheet: str, cell: str, value: object) -> Path:
    wb = load_workbook(book)
    if cell == "eta":
        cell = next(f"B{r[0].row}" for r in wb[sheet].iter_rows() if r[2].value == "eta")
    wb[sheet][cell] = value
    out = book.with_name(f"edited-{sheet}-{cell}.xlsx")
    wb.save(out)
    return out


def test_a_tiny_value_on_a_gdapp_workbook_s_data_sheet_is_refused(book: Path) -> None:
    path = edited(book, "Data", "B3", 1e-200)
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    assert str(info.value) == f"{path.name}, Data row 3: x: {TINY}"


# ---- 3. formulas without a saved value, TRUE ----------------------------------------------
def test_a_formula_with_no_saved_value_says_so_on_the_data_and_settings_sheets(
        book: Path) -> None:
    # openpyxl saves formulas without their values (before: "y is None, not a number")
    path = edited(book, "Data", "C3", "=1+5")
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    assert str(info.value) == f"{path.name}, Data row 3: y {NO_SAVED_VALUE}"
    # before: "η (learning rate) must be a number, got None"
    path = edited(book, "Settings", "eta", "=0.01")
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    assert str(info.value) == f"{path.name}, Settings: η (learning rate) {NO_SAVED_VALUE}"
    # an empty cell is still called what it is
    path = edited(book, "Data", "C3", None)
    with pytest.raises(WorkbookError, match=r"Data row 3: y is None, not a number$"):
        read_workbook(path)


def test_an_xlsx_data_file_names_a_formula_without_value_and_true_false(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for name, cell in (("formula", "=1+1"), ("true", True), ("false", False), ("empty", None)):
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        for row in (["x", "y"], [cell, 2], [2, 6]):
            ws.append(row)
        wb.save(tmp_path / f"{name}.xlsx")
    messages = {name: refused(capsys, tmp_path, "--data", str(tmp_path / f"{name}.xlsx"))
                for name in ("formula", "true", "false", "empty")}
    assert messages == {  # before: "row 2, column 1 (x) is empty" for all four
        "formula": f"row 2, column 1 (x) {NO_SAVED_VALUE}",
        "true": "row 2, column 1 (x) holds TRUE, not a number",
        "false": "row 2, column 1 (x) holds FALSE, not a number",
        "empty": "row 2, column 1 (x) is empty",
    }


# ---- 4. UTF-16 ----------------------------------------------------------------------------
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_text_exports_are_read(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       codec: str) -> None:
    # Excel's "Unicode Text" is UTF-16 with a BOM and tabs; iconv -t UTF-16LE has no BOM
    path = csv_bytes(tmp_path, "x (µm)\ty\r\n1\t2\r\n2\t6\r\n".encode(codec), "u16.csv")
    out = run_json(capsys, "--data", path)
    assert out["data"] == {"name": "u16.csv", "n": 2, "x_name": "x (µm)", "y_name": "y"}
    assert load_csv(path).same_samples(Dataset([1, 2], [2, 6]))


def test_binary_files_are_still_refused(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    path = csv_bytes(tmp_path, b"\x00" + rng.bytes(3000), "noise.csv")
    with pytest.raises(DataError, match=r"noise\.csv is not a text \(CSV\) file$"):
        load_csv(path)


# ---- 5. comments, titles, column names ----------------------------------------------------
@pytest.mark.parametrize(("content", "message"), [
    # before: "line 2 has 2 fields but the header has 1 — decimal commas in a …"
    ("# measured on Monday\nx,y\n1,2\n2,6\n", "line 1 looks like a comment (it starts with "
     "'#'): remove it; only one header line may come before the numbers"),
    ("# measured on Monday\n1,2\n2,6\n", "line 1 looks like a comment (it starts with "
     "'#'): remove it; only one header line may come before the numbers"),
    ("# lab 3, Monday\nx,y\n1,2\n", "line 1 looks like a comment (it starts with "
     "'#'): remove it; only one header line may come before the numbers"),
    ("\nMy measurements\nx,y\n1,2\n", "line 2 holds one field ('My measurements') but line 3 "
     "holds 2: remove title lines above the header and the numbers"),
])
def test_a_comment_or_title_line_is_named_not_blamed_on_decimal_commas(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str) -> None:
    assert refused(capsys, tmp_path, "--data", csv_text(tmp_path, content)) == message


def test_a_column_named_hash_is_a_header_not_a_comment(tmp_path: Path) -> None:
    data = load_csv(csv_text(tmp_path, "#,x,y\n1,1,2\n2,2,6\n"), x="x", y="y")
    assert (data.x.tolist(), data.y.tolist()) == ([1.0, 2.0], [2.0, 6.0])


def test_a_name_two_columns_share_is_ambiguous(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    # before: the first column was taken silently
    path = csv_text(tmp_path, "x,x,y\n1,5,2\n2,7,6\n")
    assert refused(capsys, tmp_path, "--data", path, "--x", "x", "--y", "y") == \
        "the x column 'x' is ambiguous: it matches columns 1 and 2; choose one by its position"
    out = run_json(capsys, "--data", path, "--x", "2", "--y", "3")
    assert out["data"]["n"] == 2 and out["optimum"]["b1"] == pytest.approx((10 + 42) / 74)


def test_a_column_named_like_a_number_wins_over_the_position(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # before: --x 2 took the second column (named "a"), not the column named "2"
    path = csv_text(tmp_path, "2,a,b\n1,10,2\n2,30,6\n")
    data = load_csv(path, x="2", y="b")
    assert (data.x_name, data.x.tolist(), data.y.tolist()) == ("2", [1.0, 2.0], [2.0, 6.0])
    assert load_csv(path, x=2, y=3).x.tolist() == [10.0, 30.0]  # a number is a position
    assert load_csv(path, x="3", y="1").x_name == "b"  # no column is named "3"


# ---- 6. export -o -------------------------------------------------------------------------
def test_export_through_a_symbolic_link_writes_its_target_and_keeps_the_link(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "books").mkdir()
    real = tmp_path / "books" / "real.xlsx"
    real.write_bytes(b"old")
    link = tmp_path / "link.xlsx"
    link.symlink_to(real)
    assert main(["export", "--example", "document", "--iterations", "3", "-o", str(link)]) == 0
    capsys.readouterr()
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert read_workbook(real).iteration_rows == 4  # before: the link became a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["books", "link.xlsx"]
    assert [p.name for p in real.parent.iterdir()] == ["real.xlsx"]


def test_a_loop_of_symbolic_links_is_refused(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").symlink_to(tmp_path / "b.xlsx")
    (tmp_path / "b.xlsx").symlink_to(tmp_path / "a.xlsx")
    assert refused(capsys, tmp_path, "--example", "document", "-o",
                   str(tmp_path / "a.xlsx")) == \
        f"{tmp_path / 'a.xlsx'} is a symbolic link that leads round in a loop"


def test_a_read_only_file_is_not_replaced_even_by_root(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"keep me")
    path.chmod(0o444)
    assert refused(capsys, tmp_path, "--example", "document", "-o", str(path)) == \
        f"{path} is read-only: make it writable or choose another name"
    assert path.stat().st_mode & 0o777 == 0o444


@pytest.mark.parametrize(("output", "message"), [
    ("x.xlsx/", "x.xlsx/ names a folder, not a workbook file"),  # before: wrote x.xlsx
    ("x.xlsx/.", "x.xlsx/. names a folder, not a workbook file"),
    ("", "no output file given"),  # before: ": a workbook's file name must end in .xlsx"
    ("a" * 300 + ".xlsx", None),  # before: "[Errno 36] File name too long: …"
    ("a" * 240 + ".xlsx", None),  # fits, but the temporary's longer name does not
])
def test_odd_output_names_are_refused_in_a_sentence(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        output: str, message: str | None) -> None:
    monkeypatch.chdir(tmp_path)
    text = refused(capsys, tmp_path, "--example", "document", "-o", output)
    if message is None:
        allowed = os.pathconf(tmp_path, "PC_NAME_MAX") - len(f".{os.getpid()}.gdapp--") \
            - len("12345678.xlsx.tmp") + len(".xlsx")
        assert text == (f"the file name {'a' * 24}… is too long ({len(output):,} characters): "
                        f"use at most {allowed}")
    else:
        assert text == message


def test_the_longest_allowed_name_is_written(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    allowed = os.pathconf(tmp_path, "PC_NAME_MAX") - len(f".{os.getpid()}.gdapp--") \
        - len("12345678.xlsx.tmp") + len(".xlsx")
    path = tmp_path / ("b" * (allowed - 5) + ".xlsx")
    assert main(["export", "--example", "document", "--iterations", "2", "-o", str(path)]) == 0
    capsys.readouterr()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


# ---- values longer than the csv module reads; files that are not regular files --------------
@pytest.mark.parametrize(("body", "line"), [
    ('x,y\n"' + "1" * 200_000 + '",2\n1,2\n', 2),        # a 200 KB quoted value
    ("x,y\n1,2\n" + "7" * 300_000 + ",3\n", 3),           # a line of digits
], ids=["quoted", "digits"])
def test_a_value_longer_than_the_csv_limit_is_refused_naming_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, line: int) -> None:
    """Before: a traceback, `_csv.Error: field larger than field limit (131072)`."""
    path = tmp_path / "long.csv"
    path.write_text(body, encoding="utf-8")
    assert refused(capsys, tmp_path, "--data", str(path)) == (
        f"line {line}: a value is longer than 131,072 characters; no number or column name is "
        "that long")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_a_data_file_that_is_not_a_regular_file_is_refused_at_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, suffix: str) -> None:
    """Before: a link to /dev/zero passed the size check and was read until MemoryError; a
    FIFO named .csv hung for ever."""
    folder = tmp_path / "out"
    folder.mkdir()
    path = tmp_path / f"samples{suffix}"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    message = refused(capsys, folder, "--data", str(path))
    assert message == (f"{path} is not a regular file (it is a device, a pipe or a socket), so "
                       "it is not read" if suffix == ".csv" else f"{path} is not a file")


def test_a_hidden_first_sheet_of_an_xlsx_data_file_is_named_when_it_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: the hidden sheet was read silently, though the user sees another one."""
    wb = Workbook()
    hidden = wb.active
    assert hidden is not None
    hidden.title = "Old"
    hidden.append(["x", "y"])
    hidden.append([1, 2])
    hidden.sheet_state = "hidden"
    shown = wb.create_sheet("Samples")
    for row in (["x", "y"], [1, 2], [2, 6]):
        shown.append(row)
    wb.active = 1
    wb.save(tmp_path / "two.xlsx")
    assert load_data_xlsx(tmp_path / "two.xlsx").name == "two.xlsx, hidden sheet 'Old'"
    assert load_data_xlsx(tmp_path / "two.xlsx", sheet="Samples").name == "two.xlsx"
    assert main(["run", "--data", str(tmp_path / "two.xlsx")]) == 0
    assert "on two.xlsx, hidden sheet 'Old' (n = 1)" in capsys.readouterr().out
