"""The command line with several features: --x A,B,C, --example features, gdapp path."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from gdapp.cli import main
from gdapp.core import features_example, regularization_path

CSV = "a,b,score,c\n1,2,10,0\n2,1,11,1\n3,5,20,0\n4,2,17,1\n5,4,24,0\n6,1,21,2\n"


def _out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_x_names_several_features_in_the_order_of_b1_to_bp(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.csv"
    path.write_text(CSV, encoding="utf-8")
    d = json.loads(_out(capsys, "run", "--data", str(path), "--x", "c,a,2", "--y", "score",
                        "--model", "line", "--eta", "0.01", "--iterations", "50000", "--json"))
    assert d["features"] == ["c", "a", "b"]
    assert list(d["params"]) == ["b0", "b1", "b2", "b3"]
    assert list(d["optimum"]) == ["b0", "b1", "b2", "b3"]
    assert all(len(d["history"][k]) == d["iterations"] + 1 for k in ("b0", "b1", "b2", "b3"))
    assert len(d["history"]["gradient"]) == d["iterations"] + 1
    assert all(len(g) == 4 for g in d["history"]["gradient"])
    assert d["status"] == "converged"
    X = np.loadtxt(path, delimiter=",", skiprows=1)
    design = np.column_stack([np.ones(6), X[:, 3], X[:, 0], X[:, 1]])
    expected = np.linalg.lstsq(design, X[:, 2], rcond=None)[0]
    np.testing.assert_allclose(list(d["optimum"].values()), expected, rtol=1e-9)
    np.testing.assert_allclose(list(d["params"].values()), expected, rtol=1e-5, atol=1e-5)


def test_a_not_unique_optimum_is_null_with_a_note(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "copy.csv"
    path.write_text("a,a2,y\n1,2,1\n2,4,3\n3,6,4\n", encoding="utf-8")
    d = json.loads(_out(capsys, "run", "--data", str(path), "--x", "a,a2", "--y", "y",
                        "--json"))
    assert d["optimum"] is None
    assert "not unique" in d["optimum_note"] and "'a2'" in d["optimum_note"]


def test_the_human_summary_names_the_features(capsys: pytest.CaptureFixture[str]) -> None:
    out = _out(capsys, "run", "--example", "features", "--model", "line", "--eta", "0.0009",
               "--iterations", "2000")
    assert "features: b1 = study_hours, b2 = sleep_hours, b3 = coffee_cups" in out
    assert "stable for η < 0.000936" in out


def test_path_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    d = json.loads(_out(capsys, "path", "--example", "features", "--model", "line",
                        "--penalty", "l1", "--json"))
    assert {"penalty", "lambdas", "params", "features"} <= set(d)
    assert d["penalty"] == "l1" and len(d["lambdas"]) == 50
    assert d["features"] == list(features_example().feature_names)
    assert list(d["params"]) == ["b0", "b1", "b2", "b3", "b4", "b5"]
    assert all(len(v) == 50 for v in d["params"].values())
    ref = regularization_path(features_example(), "line", "l1")
    assert d["params"]["b4"] == ref.params[:, 4].tolist()
    assert d["lambdas"][0] == pytest.approx(d["lambda_max"])
    assert d["lambdas"][-1] == pytest.approx(1e-3 * d["lambda_max"])


def test_path_at_given_lambdas_is_the_notes_soft_threshold(
        capsys: pytest.CaptureFixture[str]) -> None:
    d = json.loads(_out(capsys, "path", "--penalty", "l1", "--lambdas", "0.5,1,14,20",
                        "--json"))
    assert d["params"] == {"b1": [pytest.approx(2.7), pytest.approx(2.6), 0.0, 0.0]}
    l2 = json.loads(_out(capsys, "path", "--penalty", "l2", "--lambdas", "0.5,1", "--json"))
    assert l2["params"]["b1"] == [pytest.approx(14 / 6), pytest.approx(2.0)]


def test_path_text_says_where_each_feature_leaves(capsys: pytest.CaptureFixture[str]) -> None:
    out = _out(capsys, "path", "--example", "features", "--model", "line", "--penalty", "l1")
    assert "λ_max = 99.626" in out
    assert "b4 (shoe_size_cm): exactly 0 from λ = " in out


@pytest.mark.parametrize(("argv", "message"), [
    (["path"], "needs a penalty"),
    (["path", "--penalty", "l1", "--cost", "mae"], "computed for MSE"),
    (["path", "--penalty", "l1", "--lambdas", "1,-2"], "λ must be a finite number ≥ 0"),
    (["path", "--penalty", "l1", "--lambdas", "1,x"], "--lambdas: 'x' is not a number"),
    (["run", "--example", "features", "--x", "study_hours"],
     "--x, --y, --sheet and --classes choose columns of --data FILE"),
])
def test_bad_path_and_feature_requests_are_one_sentence(
        argv: list[str], message: str, capsys: pytest.CaptureFixture[str],
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1
    assert not list(tmp_path.iterdir())


def test_an_empty_name_in_x_is_refused(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.csv"
    path.write_text(CSV, encoding="utf-8")
    assert main(["run", "--data", str(path), "--x", "a,,b"]) == 2
    assert "an empty column name" in capsys.readouterr().err


def test_standardized_features_report_both_scales(capsys: pytest.CaptureFixture[str]) -> None:
    plain = json.loads(_out(capsys, "run", "--example", "features", "--model", "line",
                            "--json"))
    z = json.loads(_out(capsys, "run", "--example", "features", "--model", "line",
                        "--standardize", "--eta", "0.1", "--json"))
    assert z["status"] == "converged" and "original_scale" not in plain
    # the same least-squares fit, whichever scale it was found on
    for name, value in plain["optimum"].items():
        assert z["original_scale"]["optimum"][name] == pytest.approx(value, rel=1e-9)
        assert z["original_scale"]["params"][name] == pytest.approx(value, rel=1e-6)
    # on the z scale the slopes are the change of the score per standard deviation
    sd = np.std(features_example().X[:, 0])
    assert z["optimum"]["b1"] == pytest.approx(plain["optimum"]["b1"] * sd, rel=1e-9)
    # 0.1 diverges on the raw features (stable only below 0.00094): scaling is why it works
    assert plain["stability_limit"] < 1e-3 < 0.1 < z["stability_limit"]


def test_the_standardized_l1_path_maps_back_to_the_original_scale(
        capsys: pytest.CaptureFixture[str]) -> None:
    d = json.loads(_out(capsys, "path", "--example", "features", "--model", "line",
                        "--penalty", "l1", "--standardize", "--json"))
    back = d["original_scale"]["params"]
    sd = np.std(features_example().X, axis=0)
    for j in range(1, 6):
        np.testing.assert_allclose(back[f"b{j}"], np.array(d["params"][f"b{j}"]) / sd[j - 1])
        assert [v == 0 for v in back[f"b{j}"]] == [v == 0 for v in d["params"][f"b{j}"]]
