"""The compiled kernels (gdapp.core.kernels) compute the general loop's run: bit for bit on
the note's case and on a line through one feature, to 1e-12 of the iterates' size with a
Hessian and with mini-batches. Every optimizer and schedule of the tables is covered: a new
one is tested here without a line of this file changing (and fails until the compiled loop
knows it)."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from gdapp.core import Dataset, RunSpec, run
from gdapp.core import kernels as kernels_module
from gdapp.core.kernels import descend_compiled, epoch_sums
from gdapp.core.loops import RunCancelled, Stepping, descend
from gdapp.core.objective import Objective
from gdapp.core.optimizers import OPTIMIZERS, SCHEDULES, Schedule

PENALTIES = (("none", 0.0, "proximal"), ("l2", 0.1, "proximal"), ("l1", 0.05, "proximal"),
             ("l1", 0.05, "subgradient"))
#: settings beyond the defaults, so that every branch of a rule runs somewhere
VARIANTS: dict[str, tuple[dict[str, Any], ...]] = {
    "momentum": ({"momentum": 0.5, "dampening": 0.3},),
    "rmsprop": ({"momentum": 0.6, "centered": 1},),
    "adam": ({"beta1": 0.8, "beta2": 0.99, "amsgrad": 1},),
}


def settings(optimizer: str) -> list[dict[str, Any]]:
    return [{}, *VARIANTS.get(optimizer, ())]


def one_feature() -> Dataset:
    rng = np.random.default_rng(1)
    x = rng.normal(size=30)
    return Dataset(x, 2.0 * x + 1.0 + rng.normal(0.0, 0.1, 30))


def four_features() -> Dataset:
    rng = np.random.default_rng(7)
    X = rng.normal(size=(30, 4))
    return Dataset(X, X @ [1.0, -2.0, 0.0, 0.5] + rng.normal(0.0, 0.1, 30))


def assert_bit_for_bit(a: Any, b: Any) -> None:
    assert (a.status, a.iterations, a.diverged_at) == (b.status, b.iterations, b.diverged_at)
    assert np.array_equal(a.params, b.params)
    assert np.array_equal(a.lr, b.lr, equal_nan=True)
    assert a.state.keys() == b.state.keys()
    for name in a.state:
        assert np.array_equal(a.state[name], b.state[name]), name


def assert_close(a: Any, b: Any, rtol: float = 1e-12) -> None:
    assert (a.status, a.iterations, a.diverged_at) == (b.status, b.iterations, b.diverged_at)
    scale = max(1.0, float(np.max(np.abs(b.params))))
    np.testing.assert_allclose(a.params, b.params, rtol=0, atol=rtol * scale)
    np.testing.assert_array_equal(a.params == 0, b.params == 0)
    np.testing.assert_array_equal(a.lr, b.lr)
    for name in b.state:
        size = max(1.0, float(np.max(np.abs(b.state[name]))))
        np.testing.assert_allclose(a.state[name], b.state[name], rtol=0, atol=1e-11 * size)


@pytest.mark.parametrize("schedule", sorted(SCHEDULES))
@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
def test_the_compiled_loop_is_bit_for_bit_the_general_loop_on_one_slope(
        optimizer: str, schedule: str) -> None:
    cases = [{}, {"data": one_feature(), "model": "line"}]  # the note's case; b0 and b1
    for case in cases:
        for penalty, lam, method in PENALTIES:
            for extra in settings(optimizer):
                spec = RunSpec(optimizer=optimizer, schedule=schedule, learning_rate=0.05,
                               penalty=penalty, lam=lam, l1_method=method, step_size=20,
                               gamma=0.9, max_iterations=300, **case, **extra)
                for stop in (True, False):
                    general = run(spec, kernel="general", stop_at_convergence=stop)
                    assert_bit_for_bit(run(spec, kernel="compiled", stop_at_convergence=stop),
                                       general)
                    assert_bit_for_bit(run(spec, stop_at_convergence=stop), general)


@pytest.mark.parametrize("schedule", sorted(SCHEDULES))
@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
def test_the_compiled_loop_walks_the_general_loops_path_with_a_hessian(
        optimizer: str, schedule: str) -> None:
    for model in ("line", "origin"):
        for penalty, lam, method in PENALTIES:
            for extra in settings(optimizer):
                spec = RunSpec(data=four_features(), model=model, optimizer=optimizer,
                               schedule=schedule, learning_rate=0.05, penalty=penalty,
                               lam=lam, l1_method=method, step_size=20, gamma=0.9,
                               max_iterations=200, **extra)
                assert_close(run(spec, kernel="compiled"), run(spec, kernel="general"))


@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
def test_the_compiled_loop_diverges_where_the_general_loop_does(optimizer: str) -> None:
    for eta in (0.45, 3.0, 1e60):
        spec = RunSpec(optimizer=optimizer, learning_rate=eta, max_iterations=5_000)
        general = run(spec, kernel="general")
        assert_bit_for_bit(run(spec, kernel="compiled"), general)
    wild = RunSpec(data=four_features(), model="line", optimizer=optimizer,
                   learning_rate=1e120, max_iterations=100)
    general = run(wild, kernel="general")
    assert general.status == "diverged"
    assert_close(run(wild, kernel="compiled"), general)


@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
@pytest.mark.parametrize("model", ["origin", "line"])
def test_compiled_mini_batches_walk_the_general_loops_path(optimizer: str, model: str) -> None:
    rng = np.random.default_rng(3)
    X = rng.normal(size=(103, 3))
    data = Dataset(X, X @ [1.0, -2.0, 0.5] + 1.0 + rng.normal(0.0, 0.1, 103))
    for penalty, lam, method in PENALTIES:
        for shuffle, size in ((True, 8), (False, 10), (True, 50)):
            spec = RunSpec(data=data, model=model, optimizer=optimizer, learning_rate=0.01,
                           batch_size=size, shuffle=shuffle, seed=5, penalty=penalty, lam=lam,
                           l1_method=method, max_iterations=1_500)
            general, compiled = run(spec, kernel="general"), run(spec, kernel="compiled")
            assert_close(compiled, general)
            np.testing.assert_array_equal(compiled.converged, general.converged)
            assert general.batch_gradient is not None and compiled.batch_gradient is not None
            np.testing.assert_allclose(compiled.batch_gradient[1:], general.batch_gradient[1:],
                                       rtol=0, atol=1e-12 * np.abs(general.batch_gradient[1:])
                                       .max())
            assert all(np.array_equal(compiled.batch(t), general.batch(t))
                       for t in (1, 13, compiled.iterations))


def test_a_diverging_mini_batch_run_ends_where_the_general_loop_does() -> None:
    rng = np.random.default_rng(4)
    x = rng.uniform(0.0, 2.0, 50)
    spec = RunSpec(data=Dataset(x, 3.0 * x + rng.normal(0.0, 0.3, 50)), learning_rate=2.0,
                   batch_size=4, shuffle=True, max_iterations=10_000, start=(1.0,))
    general = run(spec, kernel="general", stop_at_convergence=False)
    compiled = run(spec, kernel="compiled", stop_at_convergence=False)
    assert general.status == "diverged"
    assert_close(compiled, general)
    assert compiled.batch_gradient is not None and general.batch_gradient is not None
    np.testing.assert_allclose(compiled.batch_gradient[1:], general.batch_gradient[1:],
                               rtol=1e-12)


def test_each_batchs_sums_are_its_means_of_xa_xat_and_xa_y() -> None:
    rng = np.random.default_rng(2)
    xa, y = rng.normal(size=(23, 3)), rng.normal(size=23)
    gram, cross = epoch_sums(xa, y, 5)
    assert gram.shape == (5, 3, 3) and cross.shape == (5, 3)
    for j in range(5):
        rows = slice(5 * j, 5 * j + 5)
        m = xa[rows].shape[0]
        np.testing.assert_allclose(gram[j], xa[rows].T @ xa[rows] / m, rtol=1e-14)
        np.testing.assert_allclose(cross[j], xa[rows].T @ y[rows] / m, rtol=1e-14)


def test_a_schedule_the_compiled_loop_does_not_know_uses_its_own_rate() -> None:
    halving = Schedule("halving", "η/2^t", (), lambda eta, t, total, gamma, step, power:
                       eta / 2.0 ** t)
    spec = RunSpec(optimizer="adam", learning_rate=0.3).validated()
    obj = Objective.of(spec)
    s = replace(Stepping.of(spec, obj.first), schedule=halving)
    assert obj.stats is not None
    start = spec.resolved_start()
    compiled = descend_compiled(obj.stats, start, s, 200, 1e-9, True)
    general = descend(obj.scalar_cost_gradient(), start, s, 200, 1e-9, True)
    assert np.array_equal(compiled.params, general.params)
    assert compiled.lr is not None and general.lr is not None
    assert np.array_equal(compiled.lr, general.lr, equal_nan=True)
    assert compiled.lr[3] == 0.3 / 8


def test_the_compiled_kernel_refuses_a_run_it_cannot_compute() -> None:
    for spec in (RunSpec(cost="mae", optimizer="adam"),
                 RunSpec(model="sine", optimizer="adam"),
                 RunSpec(cost="rmse", optimizer="momentum")):
        with pytest.raises(ValueError, match="compiled kernel cannot"):
            run(spec, kernel="compiled")
        assert run(spec).iterations == run(spec, kernel="general").iterations


def test_the_notes_case_takes_the_compiled_loop_only_once_it_is_loaded(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = kernels_module.descend_compiled

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr("gdapp.core.engine.descend_compiled", counting)
    spec = RunSpec(max_iterations=300)
    monkeypatch.setattr(kernels_module, "_loaded", [])   # as in a fresh process
    before = run(spec)
    assert calls == [] and kernels_module._loaded == []  # numba not loaded for it
    assert kernels_module.warm_up() is True  # (an Adam run of two updates)
    calls.clear()
    after = run(spec)
    assert calls == [1]
    assert_bit_for_bit(after, before)


def test_a_long_compiled_run_asks_cancel_between_chunks() -> None:
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 2

    spec = RunSpec(optimizer="adam", learning_rate=1e-9, max_iterations=10 ** 6)
    with pytest.raises(RunCancelled) as caught:
        run(spec, cancel=cancel, stop_at_convergence=False)
    assert caught.value.args[0] == 2 * kernels_module.CHUNK + 1


def test_without_numba_the_engine_keeps_its_numpy_and_python_loops(
        monkeypatch: pytest.MonkeyPatch) -> None:
    spec = RunSpec(optimizer="rmsprop", schedule="cosine", max_iterations=500)
    expected = run(spec, kernel="general")
    notes = RunSpec(penalty="l2", lam=0.5)   # the inlined loop of the note's case
    notes_expected = run(notes, kernel="general")
    monkeypatch.setattr(kernels_module, "_loaded", [None])
    assert_bit_for_bit(run(spec), expected)
    assert_bit_for_bit(run(notes), notes_expected)
    with pytest.raises(ValueError, match="compiled kernel cannot"):
        run(spec, kernel="compiled")
    assert math.isnan(run(spec).lr[0])


@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
def test_a_workbooks_fixed_rows_keep_the_whole_runs_cosine(optimizer: str) -> None:
    # updates < max_iterations: the cosine schedule still spans max_iterations updates
    spec = RunSpec(optimizer=optimizer, schedule="cosine", learning_rate=0.01,
                   max_iterations=1_000)
    general = run(spec, kernel="general", stop_at_convergence=False, updates=40)
    compiled = run(spec, stop_at_convergence=False, updates=40)
    assert compiled.iterations == 40
    assert_bit_for_bit(compiled, general)
    assert compiled.lr[40] > 0.99 * 0.01


def test_the_window_loads_the_compiled_loop_in_the_background(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from gdapp.gui.app import load_compiled_loop

    monkeypatch.setattr(kernels_module, "_loaded", [])
    assert not kernels_module.compiled_loaded()
    thread = load_compiled_loop()
    assert not thread.daemon   # interpreter exit waits for it: no half-loaded numba
    thread.join()
    assert kernels_module.compiled_loaded()


def test_the_compiled_loop_is_compiled_for_one_signature_only() -> None:
    # another type of any argument would compile the loop anew, seconds in the window
    from gdapp.core import compiled

    x = np.linspace(0.0, 1.0, 40)
    run(RunSpec(optimizer="adam", max_iterations=50), stop_at_convergence=1)  # type: ignore[arg-type]
    run(RunSpec(optimizer="nesterov", tolerance=1, max_iterations=50), kernel="compiled")
    run(RunSpec(data=Dataset(x, 2 * x), batch_size=4, max_iterations=50), kernel="compiled")
    run(RunSpec(data=four_features(), model="line", schedule="step", step_size=3,
                max_iterations=50), kernel="compiled")
    assert len(compiled.advance.signatures) == 1


@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
def test_short_epochs_go_in_groups_and_stop_at_the_general_loops_epoch(optimizer: str) -> None:
    # the note's two samples one at a time: two updates an epoch, thousands of epochs
    for eta, stop in ((0.01, True), (0.01, False), (0.3, True)):
        spec = RunSpec(optimizer=optimizer, batch_size=1, shuffle=True, seed=2,
                       learning_rate=eta, max_iterations=5_000)
        general = run(spec, kernel="general", stop_at_convergence=stop)
        compiled = run(spec, kernel="compiled", stop_at_convergence=stop)
        assert_close(compiled, general)
        np.testing.assert_array_equal(compiled.converged, general.converged)
        assert [compiled.batch(t).tolist() for t in range(1, compiled.iterations + 1)] == \
            [general.batch(t).tolist() for t in range(1, general.iterations + 1)]


def test_the_batch_sums_of_several_epochs_are_each_epochs_own() -> None:
    rng = np.random.default_rng(5)
    xa, y = rng.normal(size=(3, 11, 2)), rng.normal(size=(3, 11))
    gram, cross = epoch_sums(xa, y, 4)
    assert gram.shape == (9, 2, 2) and cross.shape == (9, 2)
    for e in range(3):
        one_gram, one_cross = epoch_sums(xa[e], y[e], 4)
        np.testing.assert_allclose(gram[3 * e:3 * e + 3], one_gram, rtol=1e-14)
        np.testing.assert_allclose(cross[3 * e:3 * e + 3], one_cross, rtol=1e-14)


def ill_conditioned() -> Dataset:
    """A degree-6 polynomial of x in [0, 1], unstandardized (condition ~1e8): too
    ill-conditioned for the statistics, so the gradient comes from the samples."""
    x = np.linspace(0.0, 1.0, 13)
    X = np.column_stack([x ** d for d in range(1, 7)])
    return Dataset(X, np.sin(3 * x) + 0.1 * np.cos(17 * x))


@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
def test_on_ill_conditioned_data_the_compiled_loop_is_bit_for_bit_the_general_loop(
        optimizer: str) -> None:
    data = ill_conditioned()
    for model in ("line", "origin"):
        assert Objective(data, model=model, cost="mse").stats is None  # from the samples
        for penalty, lam, method in PENALTIES:
            for schedule in ("constant", "cosine"):
                for extra in settings(optimizer):
                    spec = RunSpec(data=data, model=model, optimizer=optimizer,
                                   schedule=schedule, learning_rate=0.05, penalty=penalty,
                                   lam=lam, l1_method=method, max_iterations=150, **extra)
                    general = run(spec, kernel="general")
                    assert_bit_for_bit(run(spec, kernel="compiled"), general)
                    assert_bit_for_bit(run(spec), general)


def test_the_samples_mean_is_numpys_row_sum_bit_for_bit() -> None:
    from gdapp.core.compiled import _pairwise

    rng = np.random.default_rng(5)
    for n in [*range(1, 140), 255, 256, 257, 1000, 1024, 4099, 100_003]:
        a = rng.normal(size=n) * 10.0 ** rng.integers(-6, 6, size=n)
        assert _pairwise(a, n) == np.add.reduce(a[None, :], axis=1)[0], n


def test_a_long_run_from_the_samples_asks_cancel_between_chunks() -> None:
    rng = np.random.default_rng(2)
    x = rng.uniform(0.0, 1.0, 20_000)
    data = Dataset(np.column_stack([x ** d for d in range(1, 10)]),
                   np.sin(3 * x) + 0.1 * np.cos(17 * x))
    spec = RunSpec(data=data, model="line", learning_rate=0.01, max_iterations=100_000)
    assert Objective.of(spec).stats is None
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(RunCancelled):
        run(spec, cancel=cancel)
    assert len(asked) == 4   # a chunk is ~80 updates here, not 32,768


@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
def test_huber_and_cross_entropy_take_the_compiled_loop_on_the_general_loops_path(
        optimizer: str) -> None:
    # Huber's ψ is the general loop's bit for bit; σ(z) takes C's exp where numpy has its
    # own, so cross-entropy's path is the general loop's to rounding (a small η: RMSProp's
    # and Adam's steps of about η jitter around the optimum, where any rounding difference
    # grows until the paths part, as a spreadsheet's do)
    from gdapp.core.builtin import passfail_example

    line = one_feature()
    outliers = Dataset(line.x, line.y + np.where(np.arange(30) % 7 == 0, 5.0, 0.0))
    cases = ((outliers, "line", "huber", 0.3), (passfail_example(), "logistic", "bce", 0.002))
    for data, model, cost, eta in cases:
        for penalty, lam, method in PENALTIES:
            for extra in settings(optimizer):
                spec = RunSpec(data=data, model=model, cost=cost, optimizer=optimizer,
                               learning_rate=eta, penalty=penalty, lam=lam, l1_method=method,
                               max_iterations=150, **extra)
                general = run(spec, kernel="general")
                compiled = run(spec, kernel="compiled")
                if cost == "huber":
                    assert_bit_for_bit(compiled, general)
                else:
                    assert_close(compiled, general)
                assert_bit_for_bit(run(spec), compiled)   # the engine's own choice

