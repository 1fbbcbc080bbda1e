"""The lesson after the note: several features and the L1 path, the optimizers on one cost, a
mini-batch's noisy descent and a schedule — each paragraph's numbers are the run's own —
and the Lesson menu grouping the note's scenes and those after it."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest

from gdapp.core import EXAMPLES, run
from gdapp.core.path import regularization_path
from gdapp.gui.lessons import scene_specs, scenes
from gdapp.gui.window import MainWindow


def _scene(title_start: str) -> tuple[str, list, object]:
    scene = next(s for s in scenes() if s.title.startswith(title_start))
    pins, spec = scene_specs(scene)
    return scene.text, pins, spec


def test_the_scenes_after_the_note_are_valid_presets_in_both_languages() -> None:
    after = scenes()[9:15]  # then classification and overfitting (their own tests)
    assert [s.title.split(".")[0] for s in after] == ["10", "11", "12", "13", "14", "15"]
    for scene in after:
        pins, spec = scene_specs(scene)
        assert len(scene.text) > 200 and all(p != spec for p in pins)


def test_scene_10_features_and_the_l1_path_numbers() -> None:
    text, _, spec = _scene("10.")
    assert spec.data.p == 5 and spec.penalty == "l1" and spec.lam == 2.0
    r = run(spec)
    assert r.optimum.params[4:] == (0.0, 0.0)  # b4, b5: exactly 0 at the optimum
    assert max(abs(v) for v in r.final[4:]) < 0.02  # "Adam ends within 0.02 of them"
    path = regularization_path(spec.data, spec.model, "l1")
    zero_from = [f"{v:.2g}" if v < 1 else f"{v:.3g}" for v in path.zero_from()]
    for value in zero_from:
        assert value in text, value
    order = list(path.zero_from())
    assert order[4] < order[3] < order[2] < order[1] < order[0]  # useless features first


def test_scene_11_the_optimizers_update_counts() -> None:
    text, pins, spec = _scene("11.")
    counts = [run(s).converged_at for s in (*pins, spec)]
    assert [f"needs {n}" in text for n in counts] == [True, True, True], counts
    assert f"{run(pins[0]).stability_limit:.2g}" in text  # gd's limit 0.29


def test_scene_11_says_which_path_swings_across_the_valley() -> None:
    # across the valley: along the steep axis of the cost's Hessian 2/n·XᵀX, from the optimum
    text, pins, spec = _scene("11.")
    x = np.column_stack([np.ones(spec.data.n), spec.data.X[:, 0]])
    steep = np.linalg.eigh(2.0 / spec.data.n * x.T @ x)[1][:, -1]
    crossings = []
    for s in pins:
        r = run(s)
        across = (r.params - np.asarray(r.optimum.params)) @ steep
        across = across[np.abs(across) > 1e-9]
        crossings.append(int(np.sum(np.sign(across[1:]) != np.sign(across[:-1]))))
    gd, momentum = crossings
    # plain descent (η·λmax < 1) never crosses the valley's axis: it slides down to the floor
    assert gd == 0 and "slides straight down to the valley floor" in text
    assert momentum >= 3 and "swings across the valley" in text, crossings


def test_scene_12_the_mini_batch_stops_near_not_on_the_optimum() -> None:
    text, pins, spec = _scene("12.")
    r = run(spec)
    assert spec.batch_size == 1 and r.status == "converged"
    assert f"{r.final[0]:.4g}" in text
    assert run(pins[0]).final[0] == pytest.approx(2.8)


def test_scene_13_the_schedule_converges_where_constant_diverges() -> None:
    text, _, spec = _scene("13.")
    r = run(spec)
    assert r.status == "converged" and f"in {r.converged_at} updates" in text
    assert r.lr[2] < 0.4 < r.lr[1] and f"{r.lr[2]:.4g}" in text


def test_scene_14_the_gradient_check_agrees_and_parts_at_the_kink() -> None:
    from gdapp.core.gradient_check import gradient_check

    text, _, spec = _scene("14.")
    assert spec.check_h == 0.1 and spec.penalty == "l1" and spec.l1_method == "subgradient"
    check = gradient_check(run(spec))
    assert check.analytic[0, 0] == 5 * 15 - 14 + 15 == 76
    assert f"{check.relative[0, 0]:.1g}" in text and check.relative[0, 0] < 1e-15
    r = run(spec)
    k = 77
    assert abs(r.params[k - 1, 0]) > 0.1 * 1 > abs(r.params[k, 0]) > 0   # within s of 0
    assert f"At k = {k}" in text and f"{r.params[k, 0]:.3g}" in text
    assert f"gives {check.central[k, 0]:.3g}" in text
    assert f"the formula {check.analytic[k, 0]:.4g}" in text
    # the central difference of λ·|b1| is λ·b1/s there: the kink, not a wrong gradient
    b, lam = r.params[k, 0], 15.0
    assert check.central[k, 0] == pytest.approx(5 * b - 14 + lam * b / 0.1, rel=1e-9)


def test_scene_15_standardizing_converges_where_the_raw_features_stall() -> None:
    text, pins, spec = _scene("15.")
    raw = dataclasses.replace(spec, data=EXAMPLES["features"], learning_rate=0.0009)
    assert not pins and spec.data.scaling is not None and spec.penalty == "l1"
    assert f"λ = {spec.lam:g}" in text and "η = 0.0009" in text
    stalled = run(raw)  # the README's run on the samples as loaded
    assert stalled.status == "max_iterations" and stalled.iterations == 10_000
    assert f"limit {stalled.stability_limit:.2g}" in text and stalled.stability_limit > 0.0009
    assert "maximum of 10,000 updates" in text
    opt = np.asarray(stalled.optimum.params)
    assert f"{np.linalg.norm(np.asarray(stalled.final) - opt):.1f} from the exact" in text
    assert f"b0 is {stalled.final[0]:.3g} instead of {opt[0]:.4g}" in text
    shoe = float(EXAMPLES["features"].X[:, 3].mean())
    assert f"b4 = {stalled.final[4]:.3g}" in text and f"{shoe:.1f} cm" in text
    assert f"≈ {stalled.final[4] * shoe:.1f}" in text
    r = run(spec)
    assert r.status == "converged" and f"converges in {r.converged_at} updates" in text
    assert f"grows to {r.stability_limit:.2g}" in text and f"η = {spec.learning_rate:g}" in text
    original = spec.data.scaling.original(r.final, spec.model)
    assert f"{original[1]:.3g} points per study hour" in text
    assert f"{original[2]:.3g} per hour of sleep" in text
    assert f"−{-original[3]:.3g} per cup of coffee" in text
    assert original[4] == original[5] == 0.0 and r.optimum.params[4:] == (0.0, 0.0)
    assert f"(b1 = {opt[1]:.3g})" in text


def test_the_standardizing_scene_checks_the_box(window: MainWindow) -> None:
    index = next(i for i, s in enumerate(scenes()) if s.title.startswith("15."))
    window.show_scene(index)
    assert window.controls.holdout_controls.standardize.isChecked()
    assert window.vm.run.status == "converged"
    assert "converged at k = 109 · in the original units: (b0,\u00a0…,\u00a0b5) = (45.76" in \
        window.status_label.text()


def test_the_lesson_menu_groups_the_scenes(window: MainWindow) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if "Lesson" in a.text())
    groups = [a.menu() for a in menu.actions() if a.menu() is not None]
    assert [len(g.actions()) for g in groups] == [9, 6, 2, 4]
    assert groups[1].actions()[-1].text().startswith("15.")
    assert groups[1].actions()[0].text().startswith("10.")
    assert len(window.scene_actions) == len(scenes())


def test_the_l1_path_scene_shows_the_path_and_the_next_hides_it(window: MainWindow) -> None:
    window.show_scene(9)
    assert window.path_dock.isVisible() and window.vm.spec.data.p == 5
    window.step_scene(1)
    assert not window.path_dock.isVisible()
    assert re.search(r"m̂(</span>)? = ", window.step_label.text())  # Adam written out


def test_the_standardizing_scene_says_the_same_numbers_in_korean(qapp: object) -> None:
    from gdapp.gui.i18n import install_language

    english = next(s for s in scenes() if s.title.startswith("15."))
    install_language("ko")
    try:
        korean = next(s for s in scenes() if s.title.startswith("15."))
    finally:
        install_language("en")
    assert korean.text != english.text and "표준화" in korean.title
    numbers = re.findall(r"−?\d[\d,]*(?:\.\d+)?", english.text)
    assert len(numbers) > 20
    for number in numbers:
        assert number in korean.text, number
