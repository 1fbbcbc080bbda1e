"""Long workbooks agree with the engine in LibreOffice, whatever the optimizer and cost.

Before, LibreOffice (threaded formula groups, its default) computed every iterate from the
first updates on as #VALUE! in an MAE workbook of momentum, nesterov, rmsprop or adam some
1,600 rows long or longer (16,132 cells differed at 2,000 rows); Gnumeric computed them all.
The parameter's update read the direction d of its row, d its optimizer state, the state the
gradient of the row before, the gradient the parameter: a cycle of formula groups (not of
cells), which LibreOffice's threaded calculation gets wrong. An optimizer's update now reads
its direction through OFFSET, which LibreOffice never computes in threads (see "direction" in
gdapp/excel/formulas.py).

Every optimizer × cost × model is checked for that shape of formula without LibreOffice; two
long workbooks (those that failed first) are recalculated in LibreOffice.
"""

from __future__ import annotations

import re

import pytest

from gdapp.core import make_spec, rerun_for_rows
from gdapp.core.optimizers import OPTIMIZERS
from gdapp.excel import export_workbook
from gdapp.excel.layout import iteration_columns
from gdapp.excel.verify import verify_workbooks

COSTS = ("mse", "mae", "rmse")


@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
@pytest.mark.parametrize("cost", COSTS)
@pytest.mark.parametrize("model", ["origin", "line"])
def test_an_update_reads_its_rows_direction_only_through_offset(optimizer, cost, model):
    spec = make_spec(cost=cost, optimizer=optimizer, model=model, max_iterations=3,
                     start=(15.0,) if model == "origin" else (0.0, 15.0))
    columns = iteration_columns(rerun_for_rows(spec, 4))
    letters = {c.header: chr(ord("A") + i) for i, c in enumerate(columns)}
    lr = next((letters[c.header] for c in columns if c.header.startswith("η_k")), None)
    for name in spec.param_names:
        template = next(c.template for c in columns if c.header == name)
        assert template is not None
        row = template.format(p=9, q=8)
        bare = re.sub(r"OFFSET\([A-Z]+9,0,0\)", "", row)
        same_row = set(re.findall(r"(?<![A-Za-z_$])([A-Z]{1,2})9(?![0-9])", bare))
        # the only same-row cell a plain reference may read is η_k (settings and k only)
        assert same_row <= ({lr} if lr else set()), (optimizer, row)
        if optimizer != "gd":
            assert "OFFSET(" in row


@pytest.mark.libreoffice
def test_long_mae_workbooks_of_momentum_and_adam_agree(tmp_path):
    paths = []
    for optimizer, rows in (("momentum", 2_000), ("adam", 1_600)):
        spec = make_spec(cost="mae", optimizer=optimizer, max_iterations=rows)
        paths.append(tmp_path / f"{optimizer}.xlsx")
        export_workbook(rerun_for_rows(spec, rows + 1), paths[-1])
    for report, rows in zip(verify_workbooks(paths, timeout=1200), (2_000, 1_600),
                            strict=True):
        assert report.first_difference is None
        assert report.agree and report.rows == rows + 1
        assert report.cells_compared > 10 * rows
