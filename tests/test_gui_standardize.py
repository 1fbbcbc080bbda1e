"""Standardizing in the window: the "Standardize the features" box makes z-scores of the
samples as loaded (one more step of the shaping: powers, held-out samples, z-scores), its
unchecking gives the samples back bit for bit, the status line gives the coefficients in the
original units as ``gdapp run --standardize`` does, and the session keeps it."""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np
import pytest

from gdapp.cli import build_parser, main, spec_from_args
from gdapp.core import EXAMPLES, RunSpec
from gdapp.gui.holdout_shape import Shaping
from gdapp.gui.viewmodel import RunViewModel
from gdapp.gui.window import MainWindow

FEATURES = EXAMPLES["features"]
#: The README's run that cannot converge on the samples as loaded.
README = ["--example", "features", "--model", "line", "--penalty", "l1", "--lam", "2"]


def gui_spec(*flags: str) -> RunSpec:
    """The spec ``gdapp gui FLAGS`` opens."""
    return spec_from_args(build_parser().parse_args(["gui", *flags]))


def _window(qtbot: Any, spec: RunSpec) -> MainWindow:
    win = MainWindow(RunViewModel(spec))
    qtbot.addWidget(win)
    return win


def _settled(qtbot: Any, vm: RunViewModel) -> None:
    qtbot.waitUntil(lambda: vm.pending_spec is None and vm.run.spec == vm.spec)


def test_the_box_standardizes_and_unchecking_gives_the_samples_back(qtbot: Any) -> None:
    spec = gui_spec(*README, "--eta", "0.0009")
    win = _window(qtbot, spec)
    vm, box = win.vm, win.controls.holdout_controls.standardize
    assert box.isEnabled() and not box.isChecked()
    box.setChecked(True)
    z = vm.spec.data
    assert z.scaling is not None and z.p == FEATURES.p
    np.testing.assert_allclose(z.X.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(z.X.std(axis=0), 1.0, rtol=1e-12)
    np.testing.assert_array_equal(z.y, FEATURES.y)
    box.setChecked(False)
    assert vm.spec.data == spec.data and vm.spec.data.scaling is None
    assert np.array_equal(vm.spec.data.X, FEATURES.X) and vm.spec.data.X.tobytes() == \
        FEATURES.X.tobytes()


def test_with_held_out_samples_the_training_samples_set_the_scale(qtbot: Any) -> None:
    spec = gui_spec(*README)
    win = _window(qtbot, spec)
    vm, rows = win.vm, win.controls.holdout_controls
    rows.test_fraction.setValue(0.2)
    rows.split_seed.setValue(3)
    before = vm.spec
    rows.standardize.setChecked(True)
    z, held = vm.spec.data, vm.spec.holdout
    assert z.scaling is not None and held is not None and held.data.scaling == z.scaling
    np.testing.assert_allclose(z.X.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(z.X.std(axis=0), 1.0, rtol=1e-12)
    assert not np.allclose(held.data.X.mean(axis=0), 0.0)  # the held-out ones: not their own
    assert held.train_rows == before.holdout.train_rows  # the same split
    rows.standardize.setChecked(False)
    assert vm.spec.data == before.data and vm.spec.holdout == before.holdout


def test_the_readme_run_converges_once_standardized(qtbot: Any) -> None:
    win = _window(qtbot, gui_spec(*README, "--eta", "0.0009"))
    vm = win.vm
    _settled(qtbot, vm)
    assert vm.run.status == "max_iterations"  # 10,000 updates and still far away
    win.controls.holdout_controls.standardize.setChecked(True)
    vm.update(learning_rate=0.1)
    _settled(qtbot, vm)
    run = vm.run
    assert run.status == "converged" and run.converged_at is not None
    assert run.converged_at < vm.spec.max_iterations // 10
    assert run.stability_limit is not None and run.stability_limit > 0.1
    np.testing.assert_allclose(run.final, run.optimum.params, atol=1e-6)


def test_the_status_line_gives_the_clis_original_scale_coefficients(
        qtbot: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", *README, "--standardize", "--eta", "0.1", "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)["original_scale"]["params"]
    win = _window(qtbot, gui_spec(*README, "--eta", "0.1"))
    vm = win.vm
    win.controls.holdout_controls.standardize.setChecked(True)
    _settled(qtbot, vm)
    vm.set_current(vm.run.iterations)
    status = win.status_label.text()  # the whole line (the tooltip): every digit
    assert status.startswith(f"converged at k = {vm.run.iterations} · ")  # k: the ending's
    found = re.search(r" · in the original units: \((.*?)\) = \((.*?)\)( · |$)", status)
    assert found is not None
    assert found.group(1).split(",\u00a0") == ["b0", "…", "b5"]
    assert list(cli) == ["b0", "b1", "b2", "b3", "b4", "b5"]
    shown = [float(v) for v in found.group(2).split(", ")]
    assert shown == pytest.approx(list(cli.values()), rel=1e-9, abs=1e-12)
    # unstandardized: no such line
    win.controls.holdout_controls.standardize.setChecked(False)
    _settled(qtbot, vm)
    assert "original units" not in win.status_label.text()


def test_gdapp_gui_standardize_opens_with_the_box_checked(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import gdapp.gui.app

    opened: list[Any] = []
    monkeypatch.setattr(gdapp.gui.app, "launch", lambda spec, **_kw: opened.append(spec) or 0)
    assert main(["gui", "--example", "features", "--model", "line", "--standardize"]) == 0
    spec = opened[0]
    assert spec.data.scaling is not None
    win = _window(qtbot, spec)
    box = win.controls.holdout_controls.standardize
    assert box.isChecked()
    box.setChecked(False)  # the samples the z-scores were made from, bit for bit
    assert win.vm.spec.data.X.tobytes() == FEATURES.X.tobytes()
    assert win.vm.spec.data.scaling is None and win.vm.spec.data.name == FEATURES.name


def test_a_change_of_model_centres_the_z_scores_for_it(qtbot: Any) -> None:
    win = _window(qtbot, gui_spec(*README))
    vm = win.vm
    win.controls.holdout_controls.standardize.setChecked(True)
    assert vm.spec.data.scaling is not None and any(vm.spec.data.scaling.centres)
    vm.update(model="origin")  # no intercept: z = x/√mean(x²), as the CLI makes them
    want = gui_spec("--example", "features", "--model", "origin", "--standardize").data
    assert vm.spec.model == "origin" and vm.spec.data == want
    vm.update(model="line")
    assert vm.spec.data == gui_spec(*README, "--standardize").data


def test_the_session_keeps_the_standardizing(tmp_path: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from gdapp.gui.settings_store import SessionStore

    monkeypatch.setenv("GDAPP_SESSION_FILE", str(tmp_path / "session.json"))
    spec = gui_spec(*README, "--test-fraction", "0.2", "--standardize")
    assert SessionStore().save(spec, {}) is None
    text = (tmp_path / "session.json").read_text(encoding="utf-8")
    assert '"standardize": true' in text
    back, _state, message = SessionStore().load()
    assert message is None
    assert back.data == spec.data and back.holdout == spec.holdout
    assert Shaping.of(back).raw.X.tobytes() == FEATURES.X.tobytes()


def test_the_session_saves_the_samples_as_loaded_not_recovered_ones(
        qtbot: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from gdapp.core import Dataset
    from gdapp.gui.settings_store import SessionStore

    monkeypatch.setenv("GDAPP_SESSION_FILE", str(tmp_path / "session.json"))
    rng = np.random.default_rng(7)  # 17 significant digits: z·s + c does not give them back
    X = rng.normal(size=(25, 3)) * np.array([1.0, 1000.0, 0.001]) + np.array([0.0, 5e3, 1.0])
    raw = Dataset(X, X @ np.array([1.0, 0.002, 300.0]) + rng.normal(size=25),
                  feature_names=["a", "b", "c"], name="drawn")
    win = _window(qtbot, RunSpec(data=raw, model="line").validated())
    win.controls.holdout_controls.standardize.setChecked(True)
    assert SessionStore().save(win.vm.spec, {}) is None
    back, _state, message = SessionStore().load()
    assert message is None and back.data == win.vm.spec.data
    again = _window(qtbot, back)
    again.controls.holdout_controls.standardize.setChecked(False)
    assert again.vm.spec.data.X.tobytes() == X.tobytes()


@pytest.mark.parametrize("flags", [
    ["--example", "overfit", "--model", "line", "--degree", "3", "--standardize"],
    ["--example", "overfit", "--model", "line", "--degree", "5", "--test-fraction", "0.3",
     "--standardize"],
    ["--example", "features", "--test-fraction", "0.3", "--split-seed", "2", "--standardize"],
])
def test_a_standardized_spec_is_read_back_to_its_shaping(flags: list[str]) -> None:
    spec = gui_spec(*flags)
    shaping = Shaping.of(spec)
    assert shaping.standardize and shaping.raw.scaling is None
    assert shaping.degree == (int(flags[flags.index("--degree") + 1])
                              if "--degree" in flags else 1)
    assert shaping.shaped() == (spec.data, spec.holdout)


def test_the_degree_box_works_on_standardized_powers(qtbot: Any) -> None:
    win = _window(qtbot, gui_spec("--example", "overfit", "--model", "line"))
    rows = win.controls.holdout_controls
    rows.standardize.setChecked(True)
    rows.degree.setValue(4)  # the powers of x, then their z-scores, as the CLI's order
    assert win.vm.spec.data == gui_spec("--example", "overfit", "--model", "line",
                                        "--degree", "4", "--standardize").data
    assert rows.standardize.isChecked() and rows.degree.isEnabled()
