"""What the window says about a run's optimizer, schedule and mini-batches.

* :func:`optimizer_field_texts` — the optimizer, schedule and batch settings' labels and
  help, as ``tr()`` literals (lupdate collects only literals; a test keeps them equal to the
  :class:`~gdapp.core.RunSpec` metadata, as :mod:`gdapp.gui.spec_texts` does for the others);
* :func:`stability_text` — the stability limit of the optimizer in use, or why there is none;
* :func:`l1_rule_text` — which L1 step an optimizer other than gradient descent takes;
* :func:`optimizer_label` — what sets a run's optimizer apart (``"adam"``, ``"momentum μ =
  0.9"``), for legends and the pinned runs (the update of such a run, worked out with its
  numbers, is :mod:`gdapp.gui.rule_steps`'s).
"""

from __future__ import annotations

from gdapp.core import Run, RunSpec
from gdapp.gui.i18n import tr
from gdapp.gui.rule_names import optimizer_word, schedule_word


def optimizer_field_texts() -> dict[str, tuple[str, str]]:
    """The optimizer, schedule and batch settings: name → (label, help), translated."""
    return {
        "optimizer": (tr("Optimizer"), tr(
            "How the gradient becomes a step: gd (the note's), momentum, nesterov, adagrad, "
            "rmsprop or adam (PyTorch's equations).")),
        "momentum": (tr("μ (momentum)"), tr(
            "How much of the previous step carries on: buf = μ·buf + (1 − τ)·g (momentum, "
            "nesterov 0.9; rmsprop 0).")),
        "dampening": (tr("τ (dampening)"), tr(
            "The share of each new gradient left out of the velocity (torch SGD).")),
        "beta1": (tr("β1"), tr("Adam's memory of the gradient: m = β1·m + (1 − β1)·g.")),
        "beta2": (tr("β2"), tr(
            "Adam's memory of the squared gradient: v = β2·v + (1 − β2)·g².")),
        "eps": (tr("ε"), tr("Added to the root in the denominator so that it is never 0 "
                            "(adagrad 1e-10; rmsprop, adam 1e-8).")),
        "alpha": (tr("α (smoothing)"), tr(
            "RMSProp's memory of the squared gradient: v = α·v + (1 − α)·g².")),
        "centered": (tr("Centred"), tr(
            "RMSProp divides by the variance of g, not its mean square.")),
        "amsgrad": (tr("AMSGrad"), tr("Adam divides by the largest v seen so far.")),
        "schedule": (tr("Schedule"), tr(
            "How η changes with the update k: constant (the note's), step, exponential, "
            "invscaling or cosine.")),
        "gamma": (tr("γ (decay)"), tr(
            "The factor of the step (default 0.5) and exponential (0.99) schedules.")),
        "step_size": (tr("s (step size)"), tr(
            "The step schedule multiplies η by γ every s updates.")),
        "power_t": (tr("power_t"), tr(
            "The inverse-scaling schedule's exponent: η/k^power_t.")),
        "batch_size": (tr("Batch size B"), tr(
            "Samples per update: all of them (the note's full batch) unless given; 1 is "
            "stochastic gradient descent.")),
        "shuffle": (tr("Shuffle"), tr(
            "Draw a new order of the samples at every epoch (else they are taken in "
            "order).")),
        "seed": (tr("Seed"), tr(
            "The seed of the shuffled orders: the same seed, the same run.")),
    }


def stability_text(run: Run) -> tuple[str, bool]:
    """The stability limit of η for the run's optimizer, in one line, and whether η is past
    it: ``"stable for η < 0.4 (GD: η < 2/L)"``; heavy-ball momentum
    η·L < 2 + 2μ; the adaptive optimizers, schedules and mini-batches have no simple
    limit."""
    spec = run.spec
    limit = run.stability_limit
    eta = spec.learning_rate
    if limit is not None and spec.optimizer == "gd":
        return tr("stable for η < {limit} (GD: η < 2/L, L: the largest curvature)").format(
            limit=f"{limit:.4g}"), eta >= limit
    if limit is not None and spec.optimizer == "momentum":
        text = tr("stable for η < {limit} (heavy ball: η·L < 2 + 2μ, μ = {mu})").format(
            limit=f"{limit:.4g}", mu=f"{spec.hyper().momentum:g}")
        return text, eta >= limit
    if spec.optimizer in ("adagrad", "rmsprop", "adam"):
        return tr("no simple limit of η for {optimizer}: it rescales each step by the "
                  "gradients it has seen").format(
                      optimizer=optimizer_word(spec.optimizer)), False
    if spec.minibatch:
        return tr("no simple limit of η: each mini-batch has a curvature of its own"), False
    if spec.schedule != "constant":
        return tr("no simple limit of η: the schedule changes η at every update"), False
    if spec.optimizer != "gd":
        return tr("no simple limit of η for {optimizer} with these settings").format(
            optimizer=optimizer_word(spec.optimizer)), False
    return tr("no simple limit of η for this cost: 2/L holds for the squared error of "
              "a linear model"), False


def l1_rule_text(spec: RunSpec) -> str:
    """For L1 with an optimizer other than gradient descent, which step it takes ("" else)."""
    if spec.penalty != "l1" or spec.optimizer == "gd":
        return ""
    return tr("L1 with {optimizer}: the subgradient λ·sign(b1) is added to the slope (the "
              "proximal step is gradient descent's only).").format(
                  optimizer=optimizer_word(spec.optimizer))


def optimizer_label(spec: RunSpec) -> str:
    """The optimizer, schedule and batches of a run when they are not the note's, e.g.
    ``"adam"``, ``"momentum μ = 0.9, step schedule"``, ``"B = 2 shuffled"``; "" for the
    note's kind of run."""
    parts = []
    if spec.optimizer != "gd":
        name = optimizer_word(spec.optimizer)
        if spec.applies("momentum"):
            name += f" μ = {spec.hyper().momentum:g}"
        parts.append(name)
    if spec.schedule != "constant":
        parts.append(tr("{schedule} schedule").format(schedule=schedule_word(spec.schedule)))
    if spec.minibatch:
        parts.append(tr("B = {b} shuffled").format(b=spec.batch_size) if spec.shuffle
                     else f"B = {spec.batch_size}")
    return ", ".join(parts)
