"""Korean data files: CSV in UTF-8, UTF-8 with BOM, UTF-16 and CP949/EUC-KR keep their names."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from gdapp.cli import main
from gdapp.core import DataError, Dataset, encoding_note, load_csv
from gdapp.core.encodings import decode_text

# What Korean Excel writes for "CSV (쉼표로 분리)": CP949, CRLF line ends. "똠" is one of the
# syllables CP949 has and EUC-KR lacks.
KOREAN_CSV = "공부 시간(똠),시험 점수\r\n1,2\r\n2,6\r\n3,7.5\r\n"
EUC_KR_CSV = "공부 시간,시험 점수\r\n1,2\r\n2,6\r\n3,7.5\r\n"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("codec", "text", "encoding"), [
    ("utf-8", KOREAN_CSV, None),
    ("utf-8-sig", KOREAN_CSV, None),
    ("utf-16", KOREAN_CSV.replace(",", "\t"), "utf-16"),   # Excel's "Unicode Text"
    ("cp949", KOREAN_CSV, "cp949"),
    ("euc-kr", EUC_KR_CSV, "cp949"),                       # CP949 is a superset of EUC-KR
])
def test_a_korean_csv_keeps_its_column_names_in_every_encoding(
        tmp_path: Path, codec: str, text: str, encoding: str | None) -> None:
    data = load_csv(_write(tmp_path, f"{codec}.csv", text.encode(codec)))
    header = text.split("\r\n")[0].replace("\t", ",").split(",")
    assert (data.x_name, data.y_name) == tuple(header)
    assert data.x.tolist() == [1.0, 2.0, 3.0] and data.y.tolist() == [2.0, 6.0, 7.5]
    assert data.encoding == encoding


def test_the_notice_names_the_encoding_only_when_it_was_not_utf8(tmp_path: Path) -> None:
    cp949 = load_csv(_write(tmp_path, "점수.csv", KOREAN_CSV.encode("cp949")))
    assert encoding_note(cp949) == \
        "점수.csv was read as CP949 (Korean Windows, EUC-KR) text, not UTF-8"
    u16 = load_csv(_write(tmp_path, "u16.csv", KOREAN_CSV.replace(",", "\t").encode("utf-16")))
    assert encoding_note(u16) == "u16.csv was read as UTF-16 text, not UTF-8"
    for codec in ("utf-8", "utf-8-sig"):
        assert encoding_note(load_csv(_write(tmp_path, "u8.csv", KOREAN_CSV.encode(codec)))) \
            is None
    # the encoding describes the file, not the samples
    assert cp949 == Dataset([1, 2, 3], [2, 6, 7.5], x_name="공부 시간(똠)", y_name="시험 점수",
                            name="점수.csv")


def test_the_rule_prefers_utf8_then_cp949_then_windows_1252() -> None:
    assert decode_text("é,ü\n1,2\n".encode()) == ("é,ü\n1,2\n", "utf-8")
    assert decode_text("키,몸무게\n170,65\n".encode("cp949")) == ("키,몸무게\n170,65\n", "cp949")
    # "é," is no CP949 pair: a Western file is read as Windows-1252
    assert decode_text("durée,coût\n1,2\n".encode("cp1252")) == ("durée,coût\n1,2\n", "cp1252")


def test_an_undecodable_file_gets_one_clear_sentence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 0x9D before a line end is neither a CP949 pair nor a Windows-1252 character
    path = _write(tmp_path, "broken.csv", b"x,y\n1,2\n2,6\x9d\n")
    with pytest.raises(DataError, match="cannot be read as text: it is not UTF-8, UTF-16, "
                       r"CP949 \(Korean\) or Windows-1252"):
        load_csv(path)
    assert main(["run", "--data", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gdapp: error: ") and err.count("\n") == 1
    assert "Traceback" not in err and '"CSV UTF-8"' in err


def test_the_cli_says_on_stderr_which_encoding_it_used(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "korean.csv", KOREAN_CSV.encode("cp949"))
    assert main(["run", "--data", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ("gdapp: note: korean.csv was read as CP949 (Korean Windows, "
                            "EUC-KR) text, not UTF-8\n")
    assert "korean.csv" in captured.out and "CP949" not in captured.out
    assert main(["run", "--data", str(_write(tmp_path, "u8.csv", KOREAN_CSV.encode()))]) == 0
    assert capsys.readouterr().err == ""


def test_korean_column_names_survive_into_the_workbooks_data_headers(tmp_path: Path) -> None:
    # a name that starts with "=" is stored as text, never as a formula
    text = "공부 시간,=점수\r\n1,2\r\n2,6\r\n"
    path = _write(tmp_path, "korean.csv", text.encode("cp949"))
    out = tmp_path / "korean.xlsx"
    assert main(["export", "--data", str(path), "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Data"]
    assert (ws["B1"].value, ws["C1"].value) == ("공부 시간", "=점수")
    assert ws["C1"].data_type == "s"
