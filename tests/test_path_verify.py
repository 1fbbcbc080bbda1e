"""``gdapp verify`` on a regularization path's workbook (``gdapp path … -o``): agree, disagree
naming the cell, or cannot verify — as for a run's workbook. Before, every path workbook was
"not a gdapp workbook (no Iterations sheet)"."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from gdapp.cli import main
from gdapp.excel.verify import verify_workbooks

pytestmark = pytest.mark.libreoffice


def _path(tmp: Path, name: str, *args: str) -> Path:
    out = tmp / name
    assert main(["path", *args, "-o", str(out)]) == 0
    return out


def _edited(source: Path, target: Path, sheet: str, ref: str, value: object) -> Path:
    wb = openpyxl.load_workbook(source)
    wb[sheet][ref] = value
    wb.save(target)
    return target


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("paths")
    l1 = _path(tmp, "l1.xlsx", "--example", "features", "--model", "line", "--penalty", "l1",
               "--lambdas", "0.01,0.5,3,50")
    l2 = _path(tmp, "l2.xlsx", "--penalty", "l2", "--lambdas", "0,0.1,2")
    return {
        "l1": l1, "l2": l2,
        "coefficient": _edited(l1, tmp / "coefficient.xlsx", "Path", "C3", 4.5),
        "formula": _edited(l2, tmp / "formula.xlsx", "Path", "C3", "=-2*SUMPRODUCT(x1_data,"
                           "(y_data-($B3*x1_data)))/3"),
        "sample": _edited(l2, tmp / "sample.xlsx", "Data", "C2", 2.5),
        "typed": _edited(l2, tmp / "typed.xlsx", "Settings", "D4", 17),
    }


launches: list[int] = []      # how many workbooks each LibreOffice launch recalculated


@pytest.fixture(scope="module")
def kept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the verification leaves LibreOffice's copies."""
    return tmp_path_factory.mktemp("kept")


@pytest.fixture(scope="module")
def reports(books: dict[str, Path], kept: Path) -> dict[str, object]:
    """Every path workbook and a run's, verified together; LibreOffice's copies kept."""
    from gdapp.excel import verify as verify_module

    run_book = books["l2"].with_name("run.xlsx")
    assert main(["export", "--iterations", "30", "-o", str(run_book)]) == 0
    real = verify_module.recalculate_all

    def counted(paths, *args, **kwargs):  # type: ignore[no-untyped-def]
        launches.append(len(paths))
        return real(paths, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(verify_module, "recalculate_all", counted)
        found = verify_workbooks([*books.values(), run_book], keep_copies=kept)
    return dict(zip([*books, "run"], found, strict=True))


def test_path_and_run_workbooks_share_one_libreoffice_launch_and_its_copies_are_kept(
        reports: dict[str, object], books: dict[str, Path], kept: Path) -> None:
    """Before, each path workbook had a launch of its own (1.3 s of CPU before any cell)."""
    assert launches == [len(books) + 1]
    assert reports["run"].agree, reports["run"].first_difference  # type: ignore[attr-defined]
    assert sorted(p.name for p in kept.iterdir()) == [f"{i}.xlsx" for i in range(len(books) + 1)]
    # the copy holds what LibreOffice computed: the l1 workbook's edited coefficient is 4.5
    # in the original and in LibreOffice's copy, which recomputed the formulas around it
    copy = openpyxl.load_workbook(kept / f"{list(books).index('coefficient')}.xlsx",
                                  data_only=True)
    assert copy["Path"]["C3"].value == 4.5
    assert isinstance(copy["Path"]["B3"].value, float)


@pytest.mark.parametrize("name", ["l1", "l2"])
def test_a_path_workbook_as_written_agrees(reports, name):
    report = reports[name]
    assert report.agree, report.first_difference
    assert report.cells_compared >= (4 * 13 if name == "l1" else 3 * 3)
    assert report.max_deviation < 1e-12


def test_an_edited_coefficient_disagrees_naming_its_cell(reports):
    report = reports["coefficient"]
    assert not report.agree
    assert report.first_difference.startswith("Path!C3: workbook 4.5, the engine's optimum "
                                              "at λ = 0.5 is 4.8")
    # the row's check turns FALSE in LibreOffice as in numpy: that cell computes right
    assert report.differences == 1


def test_an_edited_formula_disagrees_naming_its_cell(reports):
    report = reports["formula"]
    assert not report.agree
    assert report.first_difference.startswith("Path!C3: the workbook has =-2*SUMPRODUCT(")


def test_edited_samples_give_another_path(reports):
    """The engine solves the path on the workbook's samples: an edited sample leaves the
    coefficients (numbers written at export) no longer optimal."""
    report = reports["sample"]
    assert not report.agree
    assert report.first_difference.startswith("Path!B2: workbook")


def test_a_number_typed_where_gdapp_writes_nothing_is_a_difference(reports):
    assert reports["typed"].first_difference == \
        "Settings!D4: the workbook has 17, gdapp writes nothing there"


def test_the_cli_says_agree_disagree_and_cannot_verify(books, tmp_path, capsys):
    assert main(["verify", "--json", str(books["l2"])]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "agree"
    assert main(["verify", str(books["coefficient"])]) == 1
    assert "first difference: Path!C3" in capsys.readouterr().out
    junk = _edited(books["l2"], tmp_path / "junk.xlsx", "Settings", "B2", "l3")
    assert main(["verify", str(junk)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gdapp: cannot verify: its Settings sheet does not name a penalty")
    extra = tmp_path / "extra.xlsx"
    wb = openpyxl.load_workbook(books["l2"])
    wb.create_sheet("Notes")
    wb.save(extra)
    assert main(["verify", str(extra)]) == 2
    assert "has a sheet 'Notes' that gdapp does not write" in capsys.readouterr().err
