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

from gdapp.core.data import DOCUMENT, Dataset

ModelName = Literal["origin", "line"]
CostName = Literal["mse", "mae", "rmse"]
PenaltyName = Literal["none", "l1", "l2"]
L1Method = Literal["proximal", "subgradient"]

#: The models and their parameters for one feature (b1 … bp for p features, after b0).
MODELS: dict[str, tuple[str, ...]] = {"origin": ("b1",), "line": ("b0", "b1")}


def model_param_names(model: str, p: int = 1) -> tuple[str, ...]:
    """The parameters of ``model`` on p features: ``b1 … bp``, after ``b0`` for ``line``."""
    slopes = tuple(f"b{j}" for j in range(1, p + 1))
    return ("b0", *slopes) if model == "line" else slopes
COSTS = ("mse", "mae", "rmse")
PENALTIES = ("none", "l1", "l2")
L1_METHODS = ("proximal", "subgradient")

#: Excel's last row is 1,048,576; one header row leaves 1,048,575 iterates.
MAX_EXPORTABLE_ROWS = 1_048_575

#: Every run fits in a workbook (row 0 is the start), so every run can be exported and
#: verified; this also bounds a run's memory (about 100 MB at this length).
MAX_ITERATIONS = MAX_EXPORTABLE_ROWS - 1


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
    model: ModelName = field(default="origin", metadata=_meta(
        "Model", "model", "origin: ŷ = b1·x (the note's); line: ŷ = b0 + b1·x.",
        tuple(MODELS)))
    cost: CostName = field(default="mse", metadata=_meta(
        "Cost", "cost", "How the error E is measured: mean squared (MSE), mean absolute (MAE) "
        "or root mean squared (RMSE).", COSTS))
    penalty: PenaltyName = field(default="none", metadata=_meta(
        "Penalty", "penalty", "Regularization added to E on the slope: L2 = λ·b1², "
        "L1 = λ·|b1|.", PENALTIES))
    lam: float = field(default=0.0, metadata=_meta(
        "λ (penalty strength)", "lambda_", "How strongly the penalty pulls b1 toward 0."))
    l1_method: L1Method = field(default="proximal", metadata=_meta(
        "L1 step", "l1_method", "proximal (soft-threshold: lands on exactly 0) or a plain "
        "subgradient step (jitters around 0).", L1_METHODS))
    learning_rate: float = field(default=0.01, metadata=_meta(
        "η (learning rate)", "eta", "Each update moves b by η times the slope of the "
        "tangent: b ← b − η·∂E/∂b."))
    start: tuple[float, ...] | None = field(default=None, metadata=_meta(
        "Start", "start", "Where the descent begins (the note starts at b1 = 15)."))
    max_iterations: int = field(default=10_000, metadata=_meta(
        "Max iterations", "max_iterations", "The run stops after this many updates."))
    tolerance: float = field(default=1e-9, metadata=_meta(
        "Tolerance", "tolerance", "Converged when no parameter moves more than this "
        "in one update."))

    # ----------------------------------------------------------------------------------
    @property
    def param_names(self) -> tuple[str, ...]:
        """Names of the model's parameters, e.g. ``("b1",)`` or ``("b0", "b1")``."""
        return model_param_names(self.model, self.data.p)

    def resolved_start(self) -> tuple[float, ...]:
        """The start point, with the documented default filled in."""
        if self.start is not None:
            return tuple(float(v) for v in self.start)
        return default_start(self.data, self.model)

    def validated(self) -> RunSpec:
        """Return this spec with the start filled in, or raise ``ValueError``."""
        if self.model not in MODELS:
            raise ValueError(f"model must be one of {', '.join(MODELS)}, got {self.model!r}")
        if self.cost not in COSTS:
            raise ValueError(f"cost must be one of {', '.join(COSTS)}, got {self.cost!r}")
        if self.penalty not in PENALTIES:
            raise ValueError(
                f"penalty must be one of {', '.join(PENALTIES)}, got {self.penalty!r}")
        if self.l1_method not in L1_METHODS:
            raise ValueError(
                f"L1 step must be one of {', '.join(L1_METHODS)}, got {self.l1_method!r}")
        eta = _finite("learning rate η", self.learning_rate)
        if eta <= 0:
            raise ValueError(f"learning rate η must be > 0, got {self.learning_rate}")
        lam = _finite("λ", self.lam)
        if lam < 0:
            raise ValueError(f"λ must be ≥ 0, got {self.lam}")
        tol = _finite("tolerance", self.tolerance)
        if tol <= 0:
            raise ValueError(f"tolerance must be > 0, got {self.tolerance}")
        if isinstance(self.max_iterations, bool) or not isinstance(self.max_iterations, int):
            raise ValueError(f"max iterations must be a whole number, got {self.max_iterations!r}")
        if self.max_iterations < 1:
            raise ValueError(f"max iterations must be at least 1, got {self.max_iterations}")
        if self.max_iterations > MAX_ITERATIONS:
            raise ValueError(f"max iterations {self.max_iterations:,} is beyond what a workbook "
                             f"holds: at most {MAX_ITERATIONS:,} updates "
                             f"({MAX_EXPORTABLE_ROWS:,} rows, Excel's limit)")
        start = self.resolved_start()
        if len(start) != len(self.param_names):
            raise ValueError(
                f"the {self.model} model has {len(self.param_names)} parameter(s) "
                f"({', '.join(self.param_names)}) but the start has {len(start)} value(s)")
        for name, v in zip(self.param_names, start, strict=True):
            _finite(f"start {name}", v)
        return replace(self, learning_rate=eta, lam=lam, tolerance=tol, start=start)

    def settings(self) -> dict[str, Any]:
        """The scalar settings (no data) as ``{defined name: value}``, start split by name."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("data", "start"):
                continue
            out[f.metadata["name"]] = getattr(self, f.name)
        for pname, v in zip(self.param_names, self.resolved_start(), strict=True):
            out[f"{pname}_start"] = v
        return out


def _finite(label: str, value: object) -> float:
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{label} must be a number, got {value!r}") from None
    if not math.isfinite(v):
        raise ValueError(f"{label} must be a finite number, got {value!r}")
    return v


def default_start(data: Dataset, model: str) -> tuple[float, ...]:
    """The documented default start: b1 = 15 on the document example, else all zeros."""
    if model not in MODELS:
        return ()
    if data.is_document_example():
        return (15.0,) if model == "origin" else (0.0, 15.0)
    return tuple(0.0 for _ in model_param_names(model, data.p))


def spec_fields() -> dict[str, Any]:
    """The RunSpec fields by attribute name (for generated UIs and sheets)."""
    return {f.name: f for f in fields(RunSpec)}


def make_spec(**kwargs: Any) -> RunSpec:
    """Build and validate a :class:`RunSpec` in one call."""
    return RunSpec(**kwargs).validated()
