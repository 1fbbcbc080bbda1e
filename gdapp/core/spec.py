"""One description of a run: :class:`RunSpec`.

The CLI flags, the GUI controls, the workbook's Settings sheet and the JSON output are all
generated from (or checked against) the fields below and their metadata, so adding a setting
touches this file and the code that uses the new value, nothing else.

Field metadata keys
-------------------
``label``     human label (Settings sheet, GUI)
``name``      workbook-level defined name / JSON key
``help``      one sentence in the note's terms (tooltips, ``--help``)
``choices``   allowed values for a choice field

Defaults (documented here, used everywhere)
-------------------------------------------
* model ``origin`` (ŷ = b1·x, the note's), cost MSE, no penalty, λ = 0, η = 0.01.
* start: the note's b1 = 15 on the document example (b0 = 0 for ``line``); b = 0 for every
  parameter on any other data — the usual starting point of a fit, from which the path is
  plain to see.
* max iterations 10,000 (at most 1,048,574, so that every run fits in a workbook); stop
  when every parameter moved by at most ``tolerance`` (1e-9) in one update (|Δb| ≤ 1e-9).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from gdapp.core.costs import COST_RULES, COST_SETTINGS, COSTS, choices_text
from gdapp.core.data import DOCUMENT, Dataset
from gdapp.core.holdout import Holdout
from gdapp.core.messages import Message
from gdapp.core.models import MODEL_CHOICES, MODEL_RULES
from gdapp.core.optimizers import OPTIMIZERS, SCHEDULES, Hyper, hyper_for

PenaltyName = Literal["none", "l1", "l2"]
L1Method = Literal["proximal", "subgradient"]

#: The model table (gdapp.core.models), by name; the cost table is gdapp.core.costs.
MODELS = MODEL_RULES

__all__ = ["COSTS", "MODELS", "MODEL_CHOICES", "RunSpec", "make_spec", "model_param_names",
           "spec_fields"]


def model_param_names(model: str, p: int = 1) -> tuple[str, ...]:
    """The parameters of ``model`` on p features: ``b1 … bp``, after ``b0`` for a model with
    an intercept (``line``, ``logistic``)."""
    rule = MODEL_RULES.get(model)
    return rule.param_names(p) if rule is not None else ()


def _rules_help(table: dict[str, Any]) -> str:
    """"name: help; name: help" from a table, for a choice field's help."""
    return "; ".join(f"{name}: {rule.help}" for name, rule in table.items())


PENALTIES = ("none", "l1", "l2")
L1_METHODS = ("proximal", "subgradient")

#: Excel's last row is 1,048,576; one header row leaves 1,048,575 iterates.
MAX_EXPORTABLE_ROWS = 1_048_575

#: Every run fits in a workbook (row 0 is the start), so every run can be exported and
#: verified; this also bounds a run's memory (about 100 MB at this length).
MAX_ITERATIONS = MAX_EXPORTABLE_ROWS - 1


def _opt(label: str, name: str, help_: str, flag: str, *, choices: tuple[str, ...] | None = None,
         uses: str | None = None, schedule: str | None = None, batch: str | None = None,
         cost_setting: str | None = None) -> dict[str, Any]:
    """Metadata of a cost, optimizer, schedule or mini-batch setting: its command-line
    ``flag`` and when it applies (``uses``: the optimizer setting it is; ``schedule``: the
    schedule setting; ``batch``: the mini-batch setting; ``cost_setting``: the cost's)."""
    m = _meta(label, name, help_, choices)
    m["flag"] = flag
    m["cost_setting"] = cost_setting
    m["uses"] = uses
    m["schedule"] = schedule
    m["batch"] = batch
    return m


def _meta(label: str, name: str, help_: str, choices: tuple[str, ...] | None = None
          ) -> dict[str, Any]:
    m: dict[str, Any] = {"label": label, "name": name, "help": help_}
    if choices is not None:
        m["choices"] = choices
    return m


@dataclass(frozen=True)
class RunSpec:
    """Everything that determines a gradient-descent run.

    Build with keyword arguments and call :meth:`validated` (or :func:`make_spec`) before
    running; invalid values raise ``ValueError`` with a message a learner understands.
    """

    data: Dataset = field(default=DOCUMENT, metadata=_meta(
        "Data", "data", "The samples (features x1 … xp and target y) the cost is measured on."))
    model: str = field(default="origin", metadata=_meta(
        "Model", "model", "The prediction: " + _rules_help(MODEL_RULES) + ".",
        MODEL_CHOICES))
    cost: str = field(default="", metadata=_meta(
        "Cost", "cost", "How the error E is measured (" + choices_text(COST_RULES) + "; "
        "by default the model's own: MSE, cross-entropy for logistic).", COSTS))
    penalty: PenaltyName = field(default="none", metadata=_meta(
        "Penalty", "penalty", "Regularization added to E on the coefficients (never on b0): "
        "L2 = λ·Σbj², L1 = λ·Σ|bj| (one feature: λ·b1², λ·|b1|).", PENALTIES))
    lam: float = field(default=0.0, metadata=_meta(
        "λ (penalty strength)", "lambda_", "How strongly the penalty pulls the coefficients "
        "toward 0."))
    l1_method: L1Method = field(default="proximal", metadata=_meta(
        "L1 step", "l1_method", "proximal (soft-threshold: lands on exactly 0) or a plain "
        "subgradient step (jitters around 0).", L1_METHODS))
    learning_rate: float = field(default=0.01, metadata=_meta(
        "η (learning rate)", "eta", "Each update moves b by η times the slope of the "
        "tangent: b ← b − η·∂E/∂b."))
    holdout: Holdout | None = field(default=None, metadata=_meta(
        "Held-out samples", "holdout", "Samples kept out of the fit, to measure the cost on "
        "data the model has not seen (the test cost)."))
    start: tuple[float, ...] | None = field(default=None, metadata=_meta(
        "Start", "start", "Where the descent begins (the note starts at b1 = 15)."))
    max_iterations: int = field(default=10_000, metadata=_meta(
        "Max iterations", "max_iterations", "The run stops after this many updates."))
    tolerance: float = field(default=1e-9, metadata=_meta(
        "Tolerance", "tolerance", "Converged when no parameter moves more than this "
        "in one update."))
    # --- the cost's settings (gdapp.core.costs: each cost names the settings it uses) -------
    delta: float = field(default=COST_SETTINGS["delta"].default, metadata=_opt(
        COST_SETTINGS["delta"].label, "delta", COST_SETTINGS["delta"].help,
        COST_SETTINGS["delta"].flag, cost_setting="delta"))
    # --- the optimizer (torch.optim's names and defaults; see gdapp.core.optimizers) -----
    optimizer: str = field(default="gd", metadata=_opt(
        "Optimizer", "optimizer", "How the gradient becomes a step: gd (the note's), momentum, "
        "nesterov, adagrad, rmsprop or adam (PyTorch's equations).", "--optimizer",
        choices=tuple(OPTIMIZERS)))
    momentum: float | None = field(default=None, metadata=_opt(
        "μ (momentum)", "momentum", "How much of the previous step carries on: buf = μ·buf + "
        "(1 − τ)·g (momentum, nesterov 0.9; rmsprop 0).", "--momentum", uses="momentum"))
    dampening: float = field(default=0.0, metadata=_opt(
        "τ (dampening)", "dampening", "The share of each new gradient left out of the "
        "velocity (torch SGD).", "--dampening", uses="dampening"))
    beta1: float = field(default=0.9, metadata=_opt(
        "β1", "beta1", "Adam's memory of the gradient: m = β1·m + (1 − β1)·g.", "--beta1",
        uses="beta1"))
    beta2: float = field(default=0.999, metadata=_opt(
        "β2", "beta2", "Adam's memory of the squared gradient: v = β2·v + (1 − β2)·g².",
        "--beta2", uses="beta2"))
    eps: float | None = field(default=None, metadata=_opt(
        "ε", "eps", "Added to the root in the denominator so that it is never 0 (adagrad "
        "1e-10; rmsprop, adam 1e-8).", "--eps", uses="eps"))
    alpha: float = field(default=0.99, metadata=_opt(
        "α (smoothing)", "alpha", "RMSProp's memory of the squared gradient: v = α·v + "
        "(1 − α)·g².", "--alpha", uses="alpha"))
    centered: bool = field(default=False, metadata=_opt(
        "Centred", "centered", "RMSProp divides by the variance of g, not its mean square.",
        "--centered", uses="centered"))
    amsgrad: bool = field(default=False, metadata=_opt(
        "AMSGrad", "amsgrad", "Adam divides by the largest v seen so far.", "--amsgrad",
        uses="amsgrad"))
    schedule: str = field(default="constant", metadata=_opt(
        "Schedule", "schedule", "How η changes with the update k: constant (the note's), "
        "step, exponential, invscaling or cosine.", "--schedule", choices=tuple(SCHEDULES)))
    gamma: float | None = field(default=None, metadata=_opt(
        "γ (decay)", "gamma", "The factor of the step (default 0.5) and exponential (0.99) "
        "schedules.", "--gamma", schedule="gamma"))
    step_size: int = field(default=100, metadata=_opt(
        "s (step size)", "step_size", "The step schedule multiplies η by γ every s updates.",
        "--step-size", schedule="step_size"))
    power_t: float = field(default=0.25, metadata=_opt(
        "power_t", "power_t", "The inverse-scaling schedule's exponent: η/k^power_t.",
        "--power-t", schedule="power_t"))
    # --- mini-batches (see gdapp.core.batches) ---------------------------------------------
    batch_size: int | None = field(default=None, metadata=_opt(
        "Batch size B", "batch_size", "Samples per update: all of them (the note's full "
        "batch) unless given; 1 is stochastic gradient descent.", "--batch-size",
        batch="batch_size"))
    shuffle: bool = field(default=False, metadata=_opt(
        "Shuffle", "shuffle", "Draw a new order of the samples at every epoch (else they "
        "are taken in order).", "--shuffle", batch="shuffle"))
    seed: int = field(default=0, metadata=_opt(
        "Seed", "seed", "The seed of the shuffled orders: the same seed, the same run.",
        "--seed", batch="seed"))
    # --- the finite-difference check of the gradient (gdapp.core.gradient_check) ----------
    check_h: float | None = field(default=None, metadata=_meta(
        "h of the gradient check", "check_h", "The central difference (E(b + s·ej) − "
        "E(b − s·ej))/(2s), s = h·max(1, |bj|), stands beside each gradient: where they agree "
        "to many digits, the gradient is right.") | {"optional": True})

    def __post_init__(self) -> None:
        if self.cost == "":  # the model's own cost (MSE; cross-entropy for logistic)
            rule = MODEL_RULES.get(self.model)
            object.__setattr__(self, "cost", rule.default_cost if rule else "mse")

    # ----------------------------------------------------------------------------------
    @property
    def param_names(self) -> tuple[str, ...]:
        """Names of the model's parameters, e.g. ``("b1",)`` or ``("b0", "b1")``."""
        return model_param_names(self.model, self.data.p)

    def feature_of(self, param: str) -> str | None:
        """The feature a parameter multiplies (``"b2"`` → the second feature's name); None
        for the intercept b0."""
        if param == "b0":
            return None
        return self.data.feature_names[int(param[1:]) - 1]

    def applies(self, name: str) -> bool:
        """Whether setting ``name`` (a field) changes this run. The optimizer and schedule
        settings apply only to the optimizer/schedule that uses them, and the optimizer and
        schedule themselves only when they are not the note's (gd, constant): a run of the
        note's kind is described by the note's settings alone."""
        meta = spec_fields()[name].metadata
        if name == "check_h":   # not a setting of the descent: only when the check is asked
            return self.check_h is not None
        if name == "optimizer":
            return self.optimizer != "gd"
        if name == "schedule":
            return self.schedule != "constant"
        uses, schedule, batch = meta.get("uses"), meta.get("schedule"), meta.get("batch")
        if meta.get("cost_setting") is not None:
            rule = COST_RULES.get(self.cost)
            return rule is not None and meta["cost_setting"] in rule.setting_names()
        if batch is not None:
            return self.minibatch and (batch != "seed" or self.shuffle)
        if uses is not None:
            return uses in OPTIMIZERS[self.optimizer].settings
        if schedule is not None:
            return schedule in SCHEDULES[self.schedule].settings
        return True

    @property
    def resolved_gamma(self) -> float:
        """γ, or the schedule's default: 0.5 (step), 0.99 (exponential)."""
        if self.gamma is not None:
            return float(self.gamma)
        return 0.99 if self.schedule == "exponential" else 0.5

    @property
    def plain_descent(self) -> bool:
        """The note's kind of run: gradient descent at a constant η on every sample."""
        return self.optimizer == "gd" and self.schedule == "constant" and not self.minibatch

    @property
    def minibatch(self) -> bool:
        """Whether each update uses fewer samples than all."""
        return self.batch_size is not None and self.batch_size < self.data.n

    def cost_settings(self) -> dict[str, float]:
        """The cost's settings by name (every one, at its value: δ = 1 unless given)."""
        return {name: float(getattr(self, name)) for name in COST_SETTINGS}

    def hyper(self) -> Hyper:
        """The optimizer's hyper-parameters, its defaults filled in."""
        return hyper_for(self.optimizer, momentum=self.momentum, dampening=self.dampening,
                         beta1=self.beta1, beta2=self.beta2, eps=self.eps, alpha=self.alpha,
                         centered=self.centered, amsgrad=self.amsgrad)

    def resolved_start(self) -> tuple[float, ...]:
        """The start point, with the documented default filled in."""
        if self.start is not None:
            return tuple(float(v) for v in self.start)
        return default_start(self.data, self.model)

    def validated(self) -> RunSpec:
        """Return this spec with the start filled in, or raise ``ValueError``."""
        if self.model not in MODEL_CHOICES:
            raise ValueError(Message("model must be one of {choices}, got {got}",
                                     choices=", ".join(MODEL_CHOICES), got=repr(self.model)))
        if self.cost not in COSTS:
            raise ValueError(Message("cost must be one of {choices}, got {got}",
                                     choices=", ".join(COSTS), got=repr(self.cost)))
        model = MODEL_RULES[self.model]
        if self.cost not in model.costs:
            raise ValueError(Message("the {model} model takes the cost {costs}, not {cost}",
                                     model=self.model, costs=choices_text(
                                         dict.fromkeys(model.costs)), cost=self.cost))
        for setting in COST_RULES[self.cost].settings:
            value = _finite(setting.label, getattr(self, setting.name))
            if not value > setting.above:
                raise ValueError(Message("{label} must be > {above}, got {v}",
                                         label=setting.label, above=f"{setting.above:g}",
                                         v=str(value)))
        if self.penalty not in PENALTIES:
            raise ValueError(Message("penalty must be one of {choices}, got {got}",
                                     choices=", ".join(PENALTIES), got=repr(self.penalty)))
        if self.l1_method not in L1_METHODS:
            raise ValueError(Message("L1 step must be one of {choices}, got {got}",
                                     choices=", ".join(L1_METHODS), got=repr(self.l1_method)))
        eta = _finite(Message("learning rate η"), self.learning_rate)
        if eta <= 0:
            raise ValueError(Message("learning rate η must be > 0, got {v}",
                                     v=str(self.learning_rate)))
        lam = _finite("λ", self.lam)
        if lam < 0:
            raise ValueError(Message("λ must be ≥ 0, got {v}", v=str(self.lam)))
        tol = _finite(Message("tolerance"), self.tolerance)
        if tol <= 0:
            raise ValueError(Message("tolerance must be > 0, got {v}", v=str(self.tolerance)))
        if isinstance(self.max_iterations, bool) or not isinstance(self.max_iterations, int):
            raise ValueError(Message("max iterations must be a whole number, got {v}",
                                     v=repr(self.max_iterations)))
        if self.max_iterations < 1:
            raise ValueError(Message("max iterations must be at least 1, got {v}",
                                     v=str(self.max_iterations)))
        if self.max_iterations > MAX_ITERATIONS:
            raise ValueError(Message("max iterations {v} is beyond what a workbook holds: at "
                                     "most {most} updates ({rows} rows, Excel's limit)",
                                     v=f"{self.max_iterations:,}", most=f"{MAX_ITERATIONS:,}",
                                     rows=f"{MAX_EXPORTABLE_ROWS:,}"))
        self._validate_optimizer()
        if self.check_h is not None:
            from gdapp.core.gradient_check import check_h_error
            error = check_h_error(self.check_h)
            if error is not None:
                raise ValueError(error)
        if model.max_features is not None and self.data.p > model.max_features:
            raise ValueError(Message(
                "the {model} model {formula} takes one feature; these data have {p}"
                if model.max_features == 1 else
                "the {model} model {formula} takes {count} feature; these data have {p}",
                model=self.model, formula=model.help.split(":")[0],
                count=str(model.max_features), p=str(self.data.p)))
        if model.targets == "binary":
            bad = [i for i, v in enumerate(self.data.y) if v not in (0.0, 1.0)]
            if bad:
                raise ValueError(Message(
                    "the {model} model needs targets 0 or 1 (two classes); {y} in sample {i} "
                    "is {v}", model=self.model, y=self.data.y_name, i=str(bad[0] + 1),
                    v=f"{self.data.y[bad[0]]:g}"))
        if self.holdout is not None and self.holdout.data.feature_names != \
                self.data.feature_names:
            raise ValueError(Message(
                "the held-out samples must have the training samples' features"))
        start = self.resolved_start()
        if len(start) != len(self.param_names):
            raise ValueError(Message(
                "the {model} model has {n} parameter(s) ({names}) but the start has {m} "
                "value(s)", model=self.model, n=str(len(self.param_names)),
                names=", ".join(self.param_names), m=str(len(start))))
        for name, v in zip(self.param_names, start, strict=True):
            _finite(Message("start {name}", name=name), v)
        return replace(self, learning_rate=eta, lam=lam, tolerance=tol, start=start)

    def _validate_optimizer(self) -> None:
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(Message("optimizer must be one of {choices}, got {got}",
                                     choices=", ".join(OPTIMIZERS), got=repr(self.optimizer)))
        if self.schedule not in SCHEDULES:
            raise ValueError(Message("schedule must be one of {choices}, got {got}",
                                     choices=", ".join(SCHEDULES), got=repr(self.schedule)))
        h = self.hyper()
        for label, value, lo, hi, hi_open in (
                (Message("momentum μ"), h.momentum, 0.0, 1.0, True),
                (Message("dampening τ"), h.dampening, 0.0, 1.0, False),
                ("β1", h.beta1, 0.0, 1.0, True), ("β2", h.beta2, 0.0, 1.0, True),
                ("α", h.alpha, 0.0, 1.0, True)):
            v = _finite(label, value)
            if not (lo <= v and (v < hi if hi_open else v <= hi)):
                raise ValueError(Message("{label} must be in [{lo}, {hi}{end}, got {v}",
                                         label=label, lo=f"{lo:g}", hi=f"{hi:g}",
                                         end=")" if hi_open else "]", v=str(value)))
        if not _finite("ε", h.eps) > 0:
            raise ValueError(Message("ε must be > 0, got {v}", v=str(h.eps)))
        if self.optimizer == "nesterov" and (h.momentum <= 0 or h.dampening != 0):
            raise ValueError(Message("Nesterov momentum needs momentum μ > 0 and dampening "
                                     "τ = 0"))
        if not _finite("γ", self.resolved_gamma) > 0:
            raise ValueError(Message("γ must be > 0, got {v}", v=str(self.gamma)))
        if not _finite("power_t", self.power_t) >= 0:
            raise ValueError(Message("power_t must be ≥ 0, got {v}", v=str(self.power_t)))
        if self.power_t > MAX_POWER_T:  # t^power_t overflows in a sheet's rows beyond it
            raise ValueError(Message("power_t must be at most {most}, got {v}",
                                     most=f"{MAX_POWER_T:g}", v=f"{self.power_t:g}"))
        if isinstance(self.step_size, bool) or not isinstance(self.step_size, int) \
                or self.step_size < 1:
            raise ValueError(Message("the step size s must be a whole number ≥ 1, got {v}",
                                     v=repr(self.step_size)))
        b = self.batch_size
        if b is not None and (isinstance(b, bool) or not isinstance(b, int)
                              or not 1 <= b <= self.data.n):
            raise ValueError(Message("the batch size B must be a whole number from 1 to the "
                                     "{n} samples, got {v}", n=str(self.data.n), v=repr(b)))
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or self.seed < 0:
            raise ValueError(Message("the seed must be a whole number ≥ 0, got {v}",
                                     v=repr(self.seed)))

    def settings(self) -> dict[str, Any]:
        """The scalar settings (no data) as ``{defined name: value}``, start split by name."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("data", "start", "holdout") or not self.applies(f.name):
                continue
            value = getattr(self, f.name)
            if value is None:
                value = self.resolved_gamma if f.name == "gamma" else getattr(self.hyper(),
                                                                               f.name)
            out[f.metadata["name"]] = value
        for pname, v in zip(self.param_names, self.resolved_start(), strict=True):
            out[f"{pname}_start"] = v
        if self.holdout is not None:
            out["test_fraction"] = self.holdout.fraction
            out["split_seed"] = self.holdout.seed
        return out


#: t^power_t stays a finite number for every t a workbook holds (2^20 rows) up to this.
MAX_POWER_T = 50.0


def _finite(label: str, value: object) -> float:
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(Message("{label} must be a number, got {v}", label=label,
                                 v=repr(value))) from None
    if not math.isfinite(v):
        raise ValueError(Message("{label} must be a finite number, got {v}", label=label,
                                 v=repr(value)))
    return v


def default_start(data: Dataset, model: str) -> tuple[float, ...]:
    """The documented default start: b1 = 15 on the document example, else all zeros."""
    if model not in MODEL_CHOICES:
        return ()
    rule = MODEL_RULES[model]
    if data.is_document_example() and rule.targets == "real":
        return (0.0, 15.0) if rule.intercept else (15.0,)
    return tuple(0.0 for _ in model_param_names(model, data.p))


def spec_fields() -> dict[str, Any]:
    """The RunSpec fields by attribute name (for generated UIs and sheets)."""
    return {f.name: f for f in fields(RunSpec)}


def make_spec(**kwargs: Any) -> RunSpec:
    """Build and validate a :class:`RunSpec` in one call."""
    return RunSpec(**kwargs).validated()
