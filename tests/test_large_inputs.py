"""Large or sparse data files cost what their numbers need, measured as memory (tracemalloc's
peak), never as time: a test must pass on a machine however busy.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest

from gdapp.core import DataError, load_csv
from gdapp.excel import load_data_xlsx


def _peak(load: Callable[[], Any]) -> tuple[Any, float]:
    """What ``load()`` returns, and the peak of the memory it allocated, in MiB."""
    tracemalloc.start()
    try:
        result = load()
        return result, tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def far(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """4.9 KB: a header, a sample in row 2 and one in the sheet's last row, 1,048,576."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["x", "y"])
    ws.append([1, 2])
    ws.cell(row=1_048_576, column=1, value=2)
    ws.cell(row=1_048_576, column=2, value=6)
    path = tmp_path_factory.mktemp("far") / "far.xlsx"
    wb.save(path)
    return path


def test_a_sample_in_the_last_row_of_a_small_xlsx_is_read_without_a_million_copies(
        far: Path) -> None:
    """Before: `run --data far.xlsx` took 40 s, each of the million rows the file does not
    store copied as 256 empty cells (peak 64 MiB, now ~8)."""
    assert far.stat().st_size < 8000
    data, peak = _peak(lambda: load_data_xlsx(far))
    assert data.n == 2 and data.X[:, 0].tolist() == [1.0, 2.0] and data.y.tolist() == [2, 6]
    assert peak < 24, f"{peak:.0f} MiB to read two samples"


def test_a_bad_cell_in_the_last_row_is_still_named_by_its_row(
        far: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(far)
    ws = wb.active
    assert ws is not None
    ws.cell(row=1_048_576, column=2, value="six")
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(DataError, match=r"^row 1048576, column 2 \(y\): 'six' is not a number"):
        load_data_xlsx(tmp_path / "bad.xlsx")


def test_a_large_csv_costs_a_few_times_the_size_of_its_numbers(tmp_path: Path) -> None:
    """Before: a 1,000,000-row × 20-feature CSV (160 MiB of numbers) took 2.9 GiB, 18× its
    size; now 0.53 GB for a 225 MB file of 168 MB of numbers). Here 100,000 rows × 5
    features: the numbers are 4.6 MiB."""
    rng = np.random.default_rng(3)
    table = np.round(rng.normal(size=(100_000, 6)), 6)
    path = tmp_path / "wide.csv"
    np.savetxt(path, table, fmt="%.6f", delimiter=",",
               header="x1,x2,x3,x4,x5,y", comments="")
    data, peak = _peak(lambda: load_csv(path, x=["x1", "x2", "x3", "x4", "x5"], y="y"))
    numbers = table.nbytes / 2**20
    assert data.n == 100_000 and np.array_equal(data.X, table[:, :5])
    # the file's bytes and its numbers are never held together (both together, and the
    # file's text beside them, took 24.6 MiB here; now 13.8)
    assert peak < 3 * numbers + path.stat().st_size / 2**20, \
        f"{peak:.0f} MiB for {numbers:.1f} MiB of numbers"
