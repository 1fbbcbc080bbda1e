"""Where every cell of an exported workbook goes, and the value the engine gives it.

One plan serves both the writer (:mod:`gdapp.excel.export`) and :func:`expected_cells`, so
the formula text a verifier compares is the text that was written.

Iterations sheet, one row per iterate k (sheet row k + 2; row 1 is the header)::

    origin: k | b1 | ∂(E+P)/∂b1 | cost | penalty | objective | Δb1 | converged [| ∂E/∂b1 | z]
    line:   k | b0 | b1 | ∂/∂b0 | ∂/∂b1 | cost | penalty | objective | Δb0 | Δb1 | converged
            [| ∂E/∂b1 | z]

and with p features the same, one column per parameter b0, b1 … bp in each group
(parameters, gradients, steps; the bracketed pairs per slope: ∂E/∂b1 … ∂E/∂bp, z1 … zp).
With ``--check-gradient`` (``RunSpec.check_h``) a column per parameter follows the gradients:
the central difference of :mod:`gdapp.excel.gradient_check`.
The bracketed helper columns exist only for the proximal L1 step, which moves each slope with
the cost's gradient alone (z = bj − η·∂E/∂bj) and then soft-thresholds z.

The plan also says how large each cell's rounding may be: a sum over the samples carries the
size of its largest term (:func:`sample_terms`), a converged flag the steps it tests — so the
verifier never has to recover a cell's role from its formula text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray
from openpyxl.utils import get_column_letter

from gdapp.core import ZERO_BAND, Objective, Run, RunSpec
from gdapp.core.batches import PATIENCE, epoch_rule
from gdapp.core.costs import cost_rule
from gdapp.core.models import model_rule
from gdapp.core.optimizers import OPTIMIZERS, OptimizerRule, corrections
from gdapp.excel import formulas as fx
from gdapp.excel import sample_sums as sums
from gdapp.excel.order import Order, order_plan
from gdapp.excel.term_sizes import term_sizes

FloatArray = NDArray[np.float64]

#: The first iterate sits on this sheet row (row 1 holds the headers).
FIRST_ROW = 2


@dataclass(frozen=True)
class Column:
    """One column of the Iterations sheet.

    Attributes
    ----------
    header : str
    first : str | float | bool | None
        Row 0's content: a formula (``"=..."``), a constant, or None (blank).
    template : str | None
        Formula for rows k ≥ 1 with ``{p}`` = this sheet row and ``{q}`` = the previous one;
        None for the plain k column.
    expected : ndarray of shape (m,) or None
        The engine's value of every row (None for a column that holds no formulas).
    first_is_formula : bool
        Whether row 0 holds a formula to be verified.
    terms : ndarray of shape (m,) or None
        For a sum over the samples, the size of its largest term in each row
        (:func:`sample_terms`): the verifier measures the cell against it.
    steps : tuple of int
        For the converged flag, the columns of the steps it tests against the tolerance.
    """

    header: str
    first: str | float | bool | None
    template: str | None
    expected: NDArray[np.generic] | None
    first_is_formula: bool = False
    terms: FloatArray | None = None
    steps: tuple[int, ...] = ()

    def formula(self, k: int, order: Order | None = None) -> str:
        """The formula of iterate k ≥ 1's row; a mini-batch run's batch columns name the
        Order rows of update k's batch (:meth:`Order.keys`)."""
        assert self.template is not None
        row = k + FIRST_ROW
        if order is None:
            return self.template.format(p=row, q=row - 1)
        return self.template.format(p=row, q=row - 1, **order.keys(k))


def unsupported(spec: RunSpec) -> str | None:
    """Why a workbook cannot hold this run yet (one sentence), or None when it can: it holds
    every optimizer, schedule and batch size, of the linear models on p features and of the
    sine model."""
    return None


def column_letter(index: int) -> str:
    """The sheet letter of a 0-based column index (0 → "A")."""
    return str(get_column_letter(index + 1))


def _cost_gradient_only(run: Run) -> FloatArray:
    """∂cost/∂b at every iterate, shape (m, q) (the proximal step moves the slopes by it)."""
    spec = run.spec
    obj = Objective.of(spec)
    return np.asarray(obj.cost_gradient(run.params), dtype=np.float64)


def _z_before_threshold(run: Run, moves: FloatArray, j: int) -> FloatArray:
    """z_k = bj_(k−1) − η·g_k with g_k the cost's gradient update k takes (``moves`` row
    k − 1), snapped to 0 inside the zero band (row 0: nan)."""
    b = run.params[:-1, j]
    eg = _learning_rates(run)[1:] * moves[:, j]
    z = b - eg
    z = np.where(np.abs(z) <= ZERO_BAND * (np.abs(b) + np.abs(eg)), 0.0, z)
    return np.concatenate([[np.nan], z])


def sample_terms(spec: RunSpec, params: FloatArray, cost: FloatArray
                 ) -> dict[str, FloatArray]:
    """The size of the largest term of each sum over the samples, per row of ``params``.

    A spreadsheet's sum over the samples cancels to noise of the size of its terms, whatever
    its own size (−(2/3)·(0.1 + 0.2 − 0.3) is −3.7e−17 in numpy, 0 in LibreOffice), so the
    verifier measures such a cell against them (:func:`gdapp.excel.term_sizes.term_sizes`,
    read from the cost's and the model's entries).

    Returns ``{"cost": (m,), "b0": (m,), "b1": (m,), …}`` for the cost and each gradient.
    """
    return term_sizes(spec, params, cost)


def iteration_columns(run: Run) -> list[Column]:
    """The Iterations sheet's columns for this run, in order."""
    spec = run.spec
    names = spec.param_names
    q = len(names)
    intercept = model_rule(spec.model).intercept
    first_slope = 1 if intercept else 0
    samples = fx.Samples.of(spec.data.p)
    rule = OPTIMIZERS[spec.optimizer]
    stateful = rule.name != "gd"
    with_lr = not spec.plain_descent
    order = order_plan(run)
    # the proximal step is gradient descent's; other optimizers take the subgradient
    proximal = spec.penalty == "l1" and spec.l1_method == "proximal" and not stateful
    slope_names = names[first_slope:]
    # column indices
    i_b = {name: 1 + j for j, name in enumerate(names)}
    i_g = {name: 1 + q + j for j, name in enumerate(names)}
    qc = q if spec.check_h is not None else 0   # the gradient check's columns, beside them
    i_cost, i_pen, i_obj = 1 + 2 * q + qc, 2 + 2 * q + qc, 3 + 2 * q + qc
    i_step = {name: 4 + 2 * q + qc + j for j, name in enumerate(names)}
    i_conv = 4 + 3 * q + qc
    at = i_conv + 1

    def group(members: tuple[str, ...]) -> dict[str, int]:
        nonlocal at
        out = {name: at + j for j, name in enumerate(members)}
        at += len(members)
        return out

    # a mini-batch step takes its batch's gradient, which the proximal z uses as well
    i_gc = group(slope_names) if proximal and order is None else {}
    i_z = group(slope_names) if proximal else {}
    i_bg = group(names) if order is not None else {}
    i_best, i_stale = (at, at + 1) if order is not None else (-1, -1)
    at += 2 * (order is not None)
    i_lr = at
    i_d = {name: at + 1 + j for j, name in enumerate(names)}
    i_state = {(state, name): at + 1 + q * (1 + si) + j
               for si, state in enumerate(rule.state) for j, name in enumerate(names)}

    def ref(index: int, row: str = "{p}") -> str:
        return f"{column_letter(index)}{row}"

    b0 = ref(i_b["b0"]) if intercept else ""
    slopes = [ref(i_b[name]) for name in slope_names]
    cost_ref = ref(i_cost)
    terms = sample_terms(spec, run.params, run.cost)

    def gradient(which: int) -> str:
        return sums.cost_gradient(spec.cost, spec.model, b0, slopes, samples, cost_ref, which)

    def used(name: str) -> str:
        """The gradient update k takes: its batch's, or the full one of the row before."""
        return ref(i_bg[name]) if order is not None else ref(i_g[name], "{q}")

    lr = ref(i_lr)

    def update(b: str, g: str) -> str:
        if with_lr:
            return fx.excel("update lr", b=b, lr=lr, g=g)
        return fx.excel("update", b=b, g=g)

    cols: list[Column] = [Column("k", 0, None, None)]
    # parameters: row 0 is the start; later rows are the update of the previous row
    for name in names:
        if proximal and name in i_z:
            template = "=" + (fx.excel("soft threshold lr", z=ref(i_z[name]), lr=lr)
                              if with_lr else fx.excel("soft threshold", z=ref(i_z[name])))
        elif stateful:
            template = "=" + update(ref(i_b[name], "{q}"), fx.excel("direction",
                                                                  d=ref(i_d[name])))
        else:
            template = "=" + update(ref(i_b[name], "{q}"), used(name))
        cols.append(Column(name, f"={name}_start", template,
                           run.params[:, names.index(name)], first_is_formula=True))
    # gradients of cost + penalty
    for j, name in enumerate(names):
        if proximal and name in i_gc:
            g = ref(i_gc[name]) + fx.penalty_gradient("l1", ref(i_b[name]))
            term = None
        else:
            g = gradient(j + (0 if intercept else 1))
            if name in slope_names:
                g += fx.penalty_gradient(spec.penalty, ref(i_b[name]))
            term = terms[name]
        cols.append(_same_every_row(f"gradient ∂(E+P)/∂{name}", "=" + g,
                                    run.gradient[:, j], terms=term))
    from gdapp.excel.gradient_check import check_columns  # --check-gradient (imports this)
    cols.extend(check_columns(run, b0, slopes, samples))
    cols.append(_same_every_row(f"cost E ({cost_rule(spec.cost).short})",
                                "=" + sums.cost(spec.cost, spec.model, b0, slopes, samples),
                                run.cost, terms=terms["cost"]))
    penalty_header = "penalty P" if spec.penalty == "none" else \
        f"penalty P ({spec.penalty.upper()})"
    cols.append(_same_every_row(penalty_header, "=" + fx.penalty(spec.penalty, slopes),
                                run.penalty))
    cols.append(_same_every_row("objective E+P", "=" + fx.excel(
        "objective", cost=cost_ref, penalty=ref(i_pen)), run.objective))
    for name in names:
        cols.append(Column(f"step Δ{name}", 0.0, "=" + fx.excel(
            "step", b=ref(i_b[name]), b_prev=ref(i_b[name], "{q}")),
            run.step[:, names.index(name)]))
    steps = [ref(i_step[name]) for name in names]
    converged = fx.converged(steps)
    if order is not None:   # the epoch rule (core.batches): a stochastic step never settles
        converged = fx.excel("converged epochs", stale=ref(i_stale), patience=str(PATIENCE))
    elif stateful:   # a velocity can pass 0 mid-flight: the slope must be small too
        sides = [fx.excel("converged side", s=s) for s in steps] + \
            [fx.excel("converged slope", lr=lr, g=ref(i_g[name], "{q}")) for name in names]
        converged = fx.excel("converged all", sides=",".join(sides))
    cols.append(Column("converged", False, "=" + converged, run.converged,
                       steps=() if order is not None else
                       tuple(i_step[name] for name in names)))
    if proximal:
        gc = _cost_gradient_only(run)
        for name in i_gc:
            j = names.index(name)
            cols.append(_same_every_row(f"∂E/∂{name} (cost only)",
                                        "=" + gradient(j + (0 if intercept else 1)),
                                        gc[:, j], terms=terms[name]))
        taken = run.batch_gradient
        moves = gc[:-1] if taken is None else taken[1:]
        for name in slope_names:
            j = names.index(name)
            g_used = ref(i_gc[name], "{q}") if order is None else ref(i_bg[name])
            cols.append(Column(f"z = {name} − η·∂E/∂{name} (before the soft threshold)", None,
                               "=" + update(ref(i_b[name], "{q}"), g_used),
                               _z_before_threshold(run, moves, j)))
    if order is not None:
        cols.extend(_batch_columns(run, order, ref, i_b, i_obj, i_best, i_stale, proximal))
    if with_lr:
        cols.extend(_optimizer_columns(run, rule, names, ref, used, i_d, i_state))
    assert len(cols) == at + (1 + q * (1 + len(rule.state)) * stateful if with_lr else 0)
    assert cols[i_cost].header.startswith("cost") and cols[i_obj].header.startswith("obj")
    accuracy = run.accuracy
    if accuracy is not None:     # a classifier: its share of samples classified right
        cols.append(_same_every_row(ACCURACY, "=" + sums.accuracy(spec.model, b0, slopes,
                                                                  samples), accuracy))
    from gdapp.excel.shaped import test_cost_column  # held-out samples (imports this module)
    return cols + test_cost_column(run, b0, slopes)


#: The header of a classifier's accuracy column (Run.accuracy).
ACCURACY = "accuracy: share of samples with (p ≥ 0.5) = y"


def _batch_columns(run: Run, order: Order, ref: Callable[..., str], i_b: dict[str, int],
                   i_obj: int, i_best: int, i_stale: int, proximal: bool) -> list[Column]:
    """A mini-batch run's columns: the gradient of update k's batch (its rows of the Order
    sheet) at the iterate before, with the penalty's but for the proximal
    step's, and the epoch rule's best objective and count (:func:`epoch_rule`; the run's
    converged flags are that count at PATIENCE)."""
    spec = run.spec
    names = spec.param_names
    intercept = model_rule(spec.model).intercept
    assert run.batches is not None and run.batch_gradient is not None
    batch = order.samples(spec.data.p)
    b0 = ref(i_b["b0"], "{q}") if intercept else ""
    slopes = [ref(i_b[name], "{q}") for name in names[intercept:]]
    batch_cost = "(" + sums.cost(spec.cost, spec.model, b0, slopes, batch) + ")"
    cols = []
    for j, name in enumerate(names):
        g = sums.cost_gradient(spec.cost, spec.model, b0, slopes, batch, batch_cost,
                             j + (0 if intercept else 1))
        if name != "b0" and not proximal:
            g += fx.penalty_gradient(spec.penalty, ref(i_b[name], "{q}"))
        cols.append(Column(f"batch gradient of update k, ∂/∂{name}", None, "=" + g,
                           run.batch_gradient[:, j]))
    best, stale = epoch_rule(run.objective, run.batches.per_epoch, spec.tolerance)
    e = str(run.batches.per_epoch)
    common = dict(k="$A{p}", e=e, obj=ref(i_obj), best=ref(i_best, "{q}"),
                  stale=ref(i_stale, "{q}"))
    cols.append(Column("best objective at an epoch's end (the start's before)",
                       "=" + ref(i_obj, str(FIRST_ROW)),
                       "=" + fx.excel("epoch best", **common), best, first_is_formula=True))
    cols.append(Column("epochs without a better objective", 0,
                       "=" + fx.excel("epoch stale", **common), stale.astype(np.float64)))
    return cols


def _learning_rates(run: Run) -> FloatArray:
    """η_k of every update (row 0: nan)."""
    if run.lr.size == run.params.shape[0]:
        return run.lr
    rates = np.full(run.params.shape[0], run.spec.learning_rate)
    rates[0] = np.nan
    return rates


def _directions(run: Run, rule: OptimizerRule, rates: FloatArray) -> FloatArray:
    """The direction d_k of every update, as the rule computes it from the gradient the
    update takes (its batch's in a mini-batch run; row 0: nan)."""
    spec = run.spec
    h = spec.hyper()
    m, q = run.params.shape
    out = np.full((m, q), np.nan)
    taken = run.batch_gradient
    for k in range(1, m):
        state = tuple(run.state[name][k - 1] for name in rule.state)
        g = run.gradient[k - 1] if taken is None else taken[k]
        d, _ = rule.direction(g, state, k, h, np.sqrt, np.maximum, corrections(h, k))
        out[k] = d
    return out


def _optimizer_columns(run: Run, rule: OptimizerRule, names: tuple[str, ...],
                       ref: Callable[..., str], used: Callable[[str], str],
                       i_d: dict[str, int], i_state: dict[tuple[str, str], int]) -> list[Column]:
    """η_k, and for an optimizer other than gd its direction d and its state, per parameter:
    the formulas of :data:`gdapp.core.optimizers.OPTIMIZERS` and ``SCHEDULES``."""
    k = "$A{p}"
    rates = _learning_rates(run)
    cols = [Column("η_k (learning rate of update k)", None,
                   "=" + fx.excel(f"rate {run.spec.schedule}", k=k), rates)]
    if rule.name == "gd":
        return cols
    directions = _directions(run, rule, rates)
    for j, name in enumerate(names):
        cells = {state: ref(i_state[(state, name)]) for state in rule.state}
        if rule.name == "rmsprop":
            cells["average"] = fx.excel("rmsprop average", **cells)
        cols.append(Column(f"direction d of {name}", None, "=" + fx.excel(
            f"direction {rule.name}", g=used(name), k=k, **cells),
            directions[:, j]))
    for state in rule.state:
        for j, name in enumerate(names):
            cells = {s: ref(i_state[(s, name)]) for s in rule.state}
            if rule.name == "rmsprop":
                cells["average"] = fx.excel("rmsprop average", **cells)
            template = fx.excel(f"state {rule.name} {state}", g=used(name), k=k,
                                s_prev=ref(i_state[(state, name)], "{q}"), **cells)
            cols.append(Column(f"{state} of {name}", 0.0, "=" + template,
                               run.state[state][:, j]))
    return cols


def _same_every_row(header: str, template: str, expected: NDArray[np.generic],
                    terms: FloatArray | None = None) -> Column:
    return Column(header, template.format(p=FIRST_ROW), template, expected,
                  first_is_formula=True, terms=terms)


def column_index(columns: list[Column], header_start: str) -> int:
    """Index of the first column whose header starts with ``header_start``."""
    for i, c in enumerate(columns):
        if c.header.startswith(header_start):
            return i
    raise KeyError(header_start)


def iteration_row(columns: list[Column], k: int, order: Order | None = None
                  ) -> list[str | float | bool | None]:
    """The contents of iterate k's row (formulas as ``"=..."`` strings)."""
    if k == 0:
        return [c.first for c in columns]
    out: list[str | float | bool | None] = [k]
    out.extend(c.formula(k, order) for c in columns[1:])
    return out


class Cell(NamedTuple):
    """One formula cell of the plan, as the verifier checks it.

    Attributes
    ----------
    sheet, ref : str
        Where it is ("Iterations", "C7").
    formula : str
        The formula text exactly as written (``"=..."``).
    value : float or bool
        The engine's value.
    terms : float
        For a sum over the samples, the size of its largest term (0: none): the cell's
        value is measured against it as well as against its operands.
    steps : tuple of str
        For a converged flag, the cells (same sheet) of the steps it tests.
    flags : str
        For "the first k flagged converged", the range of flags it searches
        (``"Iterations!$K$2:$K$400"``).
    tight : bool
        Measured against its own ``terms`` only, not its operands (the objective at the
        optimum: well-conditioned however ill-conditioned the optimum's cells are).
    """

    sheet: str
    ref: str
    formula: str
    value: float | bool
    terms: float = 0.0
    steps: tuple[str, ...] = ()
    flags: str = ""
    tight: bool = False


def iteration_cells(sheet: str, columns: list[Column], m: int, order: Order | None = None
                    ) -> Iterator[Cell]:
    """Every formula cell of the Iterations sheet, in row order.

    (The verifier walks a million of them: each column's values are taken as Python numbers
    a block of rows at a time, not one numpy scalar per cell.)"""
    letters = [column_letter(i) for i in range(len(columns))]
    live = [(letters[j], c, tuple(letters[i] for i in c.steps))
            for j, c in enumerate(columns) if c.expected is not None]
    for start in range(0, m, _BLOCK):
        stop = min(m, start + _BLOCK)
        blocks = [(_plain(c.expected, start, stop),
                   None if c.terms is None else c.terms[start:stop].tolist())
                  for _letter, c, _steps in live]
        for k in range(start, stop):
            row = k + FIRST_ROW
            for (letter, c, steps), (values, terms) in zip(live, blocks, strict=True):
                if k == 0 and not c.first_is_formula:
                    continue
                text = c.first if k == 0 else c.formula(k, order)
                assert isinstance(text, str)
                yield Cell(sheet, f"{letter}{row}", text, values[k - start],
                           0.0 if terms is None else float(terms[k - start]),
                           tuple(f"{s}{row}" for s in steps) if steps else ())


#: Rows of a column taken as Python numbers at a time by :func:`iteration_cells`.
_BLOCK = 4096


def _plain(values: NDArray[np.generic] | None, start: int, stop: int) -> list[float | bool]:
    """Rows ``start:stop`` of a column as Python floats (bools for a column of flags)."""
    assert values is not None
    block = values[start:stop]
    if block.dtype == object:
        return [_py(v) for v in block]
    plain: list[float | bool] = (block if block.dtype == np.bool_
                                 else block.astype(np.float64)).tolist()
    return plain


def _py(value: np.generic | float | bool) -> float | bool:
    """A numpy scalar as a plain Python float or bool."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    return float(value)
