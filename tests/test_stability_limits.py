"""The Summary's stability limit of η, for every optimizer, against numpy's own eigenvalues:
gradient descent 2/λmax(H), undamped heavy-ball momentum (2 + 2μ)/λmax(H), no limit for the
others; H = (2/n)·XaᵀXa (+ 2λ on the slopes with L2), Xa with a column of ones for ``line``.

Before, a momentum workbook on several features stored λmax/(1 + μ) as "Largest eigenvalue L of
H", so LibreOffice computed (2 + 2μ)²/… there (0.00338 against the engine's right 0.00178 on
the features example) and gdapp's own export failed verification. All workbooks are
recalculated by one LibreOffice launch (``verify_workbooks``)."""

from __future__ import annotations

import numpy as np
import openpyxl
import pytest

from gdapp.core import EXAMPLES, Dataset
from gdapp.excel.verify import verify_workbooks
from tests.differential import export_cases

FEATURES = EXAMPLES["features"]
NOTE = EXAMPLES["document"]
_ON_FEATURES = dict(data=FEATURES, model="line", learning_rate=0.0005, max_iterations=30)

CASES: dict[str, dict[str, object]] = {
    "features-gd": _ON_FEATURES,
    "features-momentum": dict(_ON_FEATURES, optimizer="momentum"),
    "features-momentum-05": dict(_ON_FEATURES, optimizer="momentum", momentum=0.5),
    "features-momentum-l2": dict(_ON_FEATURES, optimizer="momentum", penalty="l2", lam=3.0),
    "features-origin-momentum": dict(_ON_FEATURES, model="origin", optimizer="momentum"),
    "features-damped": dict(_ON_FEATURES, optimizer="momentum", dampening=0.3),
    "features-nesterov": dict(_ON_FEATURES, optimizer="nesterov"),
    "features-adagrad": dict(_ON_FEATURES, optimizer="adagrad"),
    "features-rmsprop": dict(_ON_FEATURES, optimizer="rmsprop"),
    "features-adam": dict(_ON_FEATURES, optimizer="adam"),
    "note-gd": dict(data=NOTE, max_iterations=30),
    "note-momentum": dict(data=NOTE, optimizer="momentum", max_iterations=30),
    "note-line-momentum": dict(data=NOTE, model="line", optimizer="momentum",
                               learning_rate=0.05, max_iterations=30),
}


def largest_eigenvalue(data: Dataset, model: str, l2: float) -> float:
    """λmax of the objective's Hessian, by numpy from the samples (not through gdapp)."""
    x = np.asarray(data.X, dtype=float)
    intercept = model == "line"
    xa = np.column_stack([np.ones(len(x)), x]) if intercept else x
    h = 2.0 / len(x) * xa.T @ xa
    first = 1 if intercept else 0
    h[first:, first:] += 2.0 * l2 * np.eye(x.shape[1])
    return float(np.linalg.eigvalsh(h)[-1])


def expected_limit(settings: dict[str, object]) -> float | None:
    """2/λmax for gd, (2 + 2μ)/λmax for undamped momentum (μ = 0.9 by default), else none."""
    top = largest_eigenvalue(settings["data"], str(settings.get("model", "origin")),
                             float(settings.get("lam", 0.0)))
    optimizer = settings.get("optimizer", "gd")
    if optimizer == "gd":
        return 2.0 / top
    if optimizer == "momentum" and not settings.get("dampening"):
        return (2.0 + 2.0 * float(settings.get("momentum", 0.9))) / top
    return None


@pytest.fixture(scope="module")
def verified(tmp_path_factory):
    runs, files = export_cases(CASES, tmp_path_factory.mktemp("stability"))
    return runs, files, verify_workbooks(files)


def _summary(path) -> dict[str, object]:
    ws = openpyxl.load_workbook(path)["Summary"]
    return {r[0]: r[1] for r in ws.iter_rows(min_row=2, max_col=2, values_only=True) if r[0]}


def _limit_row(summary: dict[str, object]) -> tuple[str, object]:
    return next((k, v) for k, v in summary.items() if str(k).startswith("Stability limit"))


@pytest.mark.parametrize("case", list(CASES))
def test_libreoffice_computes_the_engines_limit_and_it_is_numpys(verified, case):
    runs, files, reports = verified
    report = reports[list(CASES).index(case)]
    assert report.agree, report.first_difference
    assert report.max_deviation < 1e-12
    want = expected_limit(CASES[case])
    if want is None:
        assert runs[case].stability_limit is None
        assert _limit_row(_summary(files[list(CASES).index(case)]))[1] == "none"
    else:
        assert runs[case].stability_limit == pytest.approx(want, rel=1e-12)


def test_the_stated_largest_eigenvalue_is_numpys_for_every_optimizer(verified):
    """The eigenvalue row holds λmax itself, whatever the optimizer does with it."""
    _runs, files, _reports = verified
    seen = 0
    for case, path in zip(CASES, files, strict=True):
        settings = CASES[case]
        summary = _summary(path)
        if settings["data"] is FEATURES and expected_limit(settings) is not None:
            top = largest_eigenvalue(FEATURES, str(settings["model"]),
                                     float(settings.get("lam", 0.0)))
            assert summary["Largest eigenvalue L of H"] == pytest.approx(top, rel=1e-12)
            seen += 1
    assert seen == 5


def test_the_momentum_limit_on_the_features_example_is_0_00178():
    """The figure the issue quotes, from numpy alone: (2 + 1.8)/2136.49."""
    assert expected_limit(CASES["features-momentum"]) == pytest.approx(0.0017786193840122,
                                                                       rel=1e-12)
