"""Samples: the document example, CSV loading and the messages for bad files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from gdapp.core import DOCUMENT, DataError, Dataset, load_csv, parse_number


def test_document_example_has_mean_x2_25_and_mean_xy_7() -> None:
    assert float(np.mean(DOCUMENT.x**2)) == 2.5
    assert float(np.mean(DOCUMENT.x * DOCUMENT.y)) == 7.0
    assert DOCUMENT.is_document_example()


def test_dataset_arrays_are_read_only_copies() -> None:
    x = np.array([1.0, 2.0])
    d = Dataset(x, [3.0, 4.0])
    x[0] = 99
    assert d.x[0] == 1.0
    with pytest.raises(ValueError, match="read-only"):
        d.x[0] = 5


@pytest.mark.parametrize(("text", "value"), [("0.01", 0.01), ("0,01", 0.01), ("1e-3", 1e-3),
                                             (" −2 ", -2.0)])
def test_numbers_are_read_as_people_type_them(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "1,000.5", ""])
def test_non_numbers_are_refused_with_the_text_quoted(text: str) -> None:
    with pytest.raises(ValueError, match="number"):
        parse_number(text)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_with_header_and_any_delimiter(tmp_path: Path, delimiter: str) -> None:
    p = tmp_path / "d.csv"
    p.write_text(f"hours{delimiter}score\n1{delimiter}2\n2{delimiter}6\n")
    d = load_csv(p)
    assert d.x.tolist() == [1.0, 2.0] and d.y.tolist() == [2.0, 6.0]
    assert (d.x_name, d.y_name, d.name) == ("hours", "score", "d.csv")


def test_csv_without_header_and_columns_chosen_by_name_or_position(tmp_path: Path) -> None:
    p = tmp_path / "d.csv"
    p.write_text("1,10,2\n2,20,6\n")
    d = load_csv(p, x=1, y=3)
    assert d.y.tolist() == [2.0, 6.0] and d.x_name == "x"
    q = tmp_path / "h.csv"
    q.write_text("a,b,c\n1,10,2\n2,20,6\n")
    assert load_csv(q, x="c", y="a").x.tolist() == [2.0, 6.0]


def test_semicolon_csv_with_decimal_commas(tmp_path: Path) -> None:
    p = tmp_path / "d.csv"
    p.write_text("x;y\n0,5;1,25\n1,5;2\n")
    d = load_csv(p)
    assert d.x.tolist() == [0.5, 1.5] and d.y.tolist() == [1.25, 2.0]


@pytest.mark.parametrize(("content", "message"), [
    ("", "empty"),
    ("x\n1\n2\n", "one column"),
    ("x,y\n1,2\n2,oops\n", "line 3, column 2"),
    ("x,y\n1,2\nx,y\n", "line 3 repeats the header"),
    ("x,y\n1,2e200\n", "too large"),
    ("x,y\n1,5,2,5\n2,0,6,0\n", "decimal commas in a comma-separated file are ambiguous"),
    ("1,2\n2,6,7\n", "line 2 has 3 fields but the first row has 2"),
    ("x,y\n1,nan\n", "finite"),
    ("x,y\n", "no samples"),
])
def test_bad_csv_files_get_a_message_that_says_where(tmp_path: Path, content: str,
                                                     message: str) -> None:
    p = tmp_path / "bad.csv"
    p.write_text(content)
    with pytest.raises(DataError, match=message):
        load_csv(p)


def test_missing_file_folder_and_binary_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        load_csv(tmp_path / "nope.csv")
    with pytest.raises(DataError, match="folder"):
        load_csv(tmp_path)
    b = tmp_path / "b.csv"
    b.write_bytes(b"\x00\x01\x02" * 10)
    with pytest.raises(DataError, match="not a text"):
        load_csv(b)


def test_unknown_column_name_lists_the_columns(tmp_path: Path) -> None:
    p = tmp_path / "d.csv"
    p.write_text("a,b\n1,2\n")
    with pytest.raises(DataError, match="'a', 'b'"):
        load_csv(p, x="z")


def test_csv_columns_gives_the_header_the_width_and_the_first_rows(tmp_path: Path) -> None:
    from gdapp.core.data import csv_columns

    path = tmp_path / "wide.csv"
    path.write_text("a;b;c\n" + "".join(f"{i};{2 * i};{3 * i}\n" for i in range(100_000)),
                    encoding="utf-8")
    header, width, rows = csv_columns(path, rows=3)
    assert (header, width) == (("a", "b", "c"), 3)
    assert rows == [["0", "0", "0"], ["1", "2", "3"], ["2", "4", "6"]]
    bare = tmp_path / "bare.csv"
    bare.write_text("1,2,3,4\n5,6,7,8\n", encoding="utf-8")
    assert csv_columns(bare) == (None, 4, [["1", "2", "3", "4"], ["5", "6", "7", "8"]])
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(DataError, match="the file is empty"):
        csv_columns(empty)
