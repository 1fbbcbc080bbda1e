"""The sums over the samples a workbook writes: a model's score, prediction and residual,
and a cost and its gradient, built from the cost's and the model's entries
(:data:`gdapp.core.costs.COST_RULES`, :data:`gdapp.core.models.MODEL_RULES`) and the
templates of :data:`gdapp.excel.formulas.FORMULAS`. Nothing here asks for a cost's or a
model's name.

A cost entry's ρ and ψ are templates over arrays ({r} the residual, {z} the raw score, {y}
the target, {s} the band sign of the residual). The cost is ``SUMPRODUCT`` of ρ over the
samples divided by n, where a product ρ = f*g is written as the arguments f, g
(``SUMPRODUCT(r,r)/n`` for MSE); the gradient of parameter b is
−(1/n)·Σ ψ·∂u/∂b, a leading number of ψ written before the sum (``-2*SUMPRODUCT(x,r)/n``
for MSE), ∂u/∂b = ∂z/∂b (xj, 1 for b0, a non-linear model's excel_slope), times dŷ/dz
when a residual cost is taken through a link (MSE on p = σ(z)). A cost with an outer
function (RMSE's square root) wraps the mean and divides the gradient by its derivative.
"""

from __future__ import annotations

from gdapp.core.costs import CostRule, cost_rule
from gdapp.core.models import model_rule
from gdapp.excel.formulas import Samples, excel

__all__ = ["accuracy", "band_sign", "cost", "cost_gradient", "factors", "final_prediction",
           "leading_number", "output", "prediction", "residual", "score"]


def _linear(slopes: list[str], samples: Samples) -> str:
    """Σ bj·xj over the features (no parentheses)."""
    return "+".join(excel("product", b=b, x=x) for b, x in zip(slopes, samples.xs, strict=True))


def score(model: str, b0: str, slopes: list[str], samples: Samples) -> str:
    """The raw score z over the samples, in parentheses (or a function's call)."""
    rule = model_rule(model)
    if rule.excel_raw:
        return rule.excel_raw.format(b1=slopes[0], x=samples.xs[0])
    if rule.intercept:
        return excel("score intercept", b0=b0, lin=_linear(slopes, samples))
    return excel("score", lin=_linear(slopes, samples))


def output(model: str, z: str) -> str:
    """ŷ from the score ``z``: z itself, or the link's output (p = σ(z))."""
    link = model_rule(model).link
    if link == "identity":
        return z
    return excel(f"output {link}", z=z, abs_z=excel("abs array", v=z))


def prediction(model: str, b0: str, slopes: list[str], samples: Samples) -> str:
    """ŷ over the samples, in parentheses."""
    return output(model, score(model, b0, slopes, samples))


def residual(model: str, b0: str, slopes: list[str], samples: Samples) -> str:
    """r = y − ŷ over the samples, for parameter references ``b0`` and the ``slopes``."""
    yhat = prediction(model, b0, slopes, samples)
    if len(slopes) == 1 and yhat == excel("score", lin=_linear(slopes, samples)):
        yhat = _linear(slopes, samples)     # one product needs no parentheses
    return excel("residual", y=samples.y, yhat=yhat)


def band_sign(model: str, b0: str, slopes: list[str], samples: Samples) -> str:
    """The array s = band_sign(r, |y| + |ŷ|), written with comparisons only."""
    yhat = prediction(model, b0, slopes, samples)
    return excel("band sign array", r=residual(model, b0, slopes, samples),
                 abs_y=excel("abs array", v=samples.y), abs_yhat=excel("abs array", v=yhat))


def _top_level(template: str, operators: str) -> list[int]:
    """Positions of ``operators`` outside every parenthesis of ``template``."""
    depth, out = 0, []
    for i, ch in enumerate(template):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and ch in operators:
            out.append(i)
    return out


def _bare(factor: str) -> str:
    """``factor`` without one pair of parentheses around all of it."""
    if not (factor.startswith("(") and factor.endswith(")")):
        return factor
    depth = 0
    for i, ch in enumerate(factor):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and i < len(factor) - 1:
            return factor       # "(a)-(b)": the first parenthesis closes before the end
    return factor[1:-1]


def factors(template: str) -> list[str]:
    """The arguments of ``SUMPRODUCT`` that multiply to ``template``: a product of factors
    ``f*g`` → ``[f, g]`` (each without its outer parentheses); anything else is one."""
    cuts = _top_level(template, "*")
    if _top_level(template, "+-<>=&^") or template.startswith("-"):
        cuts = []
    parts, at = [], 0
    for cut in [*cuts, len(template)]:
        parts.append(_bare(template[at:cut]))
        at = cut + 1
    return parts


def leading_number(template: str) -> tuple[str, str]:
    """(a leading number of a product, the rest): "2*{r}" → ("2", "{r}")."""
    parts = factors(template)
    if len(parts) > 1 and parts[0].replace(".", "", 1).isdigit():
        return parts[0], template[len(parts[0]) + 1:]
    return "", template


def _operands(rule: CostRule, model: str, b0: str, slopes: list[str], samples: Samples
              ) -> dict[str, str]:
    """The arrays a cost's templates name: {r} the residual, {z} the score, {y} the target
    and {s} the band sign of the residual (only those the templates use are built)."""
    text = rule.excel_rho + rule.excel_psi
    out = {"y": samples.y}
    if "{r}" in text:
        out["r"] = residual(model, b0, slopes, samples)
    if "{z}" in text:
        out["z"] = score(model, b0, slopes, samples)
    if "{s}" in text:
        out["s"] = band_sign(model, b0, slopes, samples)
    return out


def cost(cost_name: str, model: str, b0: str, slopes: list[str], samples: Samples) -> str:
    """The cost at (b0, b1 … bp): the mean of its entry's ρ, through its outer function."""
    rule = cost_rule(cost_name)
    ops = _operands(rule, model, b0, slopes, samples)
    rho = ",".join(f.format(**ops) for f in factors(rule.excel_rho))
    mean = excel("cost", rho=rho, n=samples.count)
    return excel(f"outer {rule.outer}", mean=mean) if rule.outer else mean


def cost_gradient(cost_name: str, model: str, b0: str, slopes: list[str], samples: Samples,
                  cost_ref: str, which: int) -> str:
    """∂cost/∂b_which (0 = b0, j = the slope bj): −(1/n)·Σ ψ·∂u/∂b, with ∂u/∂b = ∂z/∂b
    (times dŷ/dz for a residual cost through a link); a cost with an outer function (RMSE)
    refers to its cost cell ``cost_ref``."""
    rule, m = cost_rule(cost_name), model_rule(model)
    du = []
    if which:
        x = samples.xs[which - 1]
        du.append(m.excel_slope.format(b1=slopes[0], x=x) if m.excel_slope else x)
    if not rule.on_raw and m.link != "identity":
        p = prediction(model, b0, slopes, samples)
        du.append(excel(f"output slope {m.link}", p=p))
    ops = _operands(rule, model, b0, slopes, samples)
    number, psi = leading_number(rule.excel_psi)
    gradient = excel("gradient", c=number + "*" if number else "",
                     du="".join(d + "," for d in du),
                     psi=",".join(f.format(**ops) for f in factors(psi)), n=samples.count)
    if rule.outer:
        return excel(f"outer gradient {rule.outer}", cost=cost_ref, gradient=gradient)
    return gradient


def accuracy(model: str, b0: str, slopes: list[str], samples: Samples) -> str:
    """A classifier's share of samples with (p ≥ 0.5) = y (z ≥ 0 ⇔ y = 1)."""
    return excel("accuracy", z=score(model, b0, slopes, samples), y=samples.y,
                 n=samples.count)


def final_prediction(model: str, lin: str) -> str:
    """ŷ of a Data row at the final iterate; ``lin`` is b1_final*B2+…, ``b1`` and ``x`` of a
    non-linear model's score are read from it."""
    rule = model_rule(model)
    if rule.excel_raw:
        b1, x = lin.split("*", 1)
        z = rule.excel_raw.format(b1=b1, x=x)
    else:
        z = excel("final score intercept" if rule.intercept else "final score", lin=lin)
    return z if rule.link == "identity" else output(model, "(" + z + ")")
