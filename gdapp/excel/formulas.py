"""Every spreadsheet formula the exporter writes, beside the numpy expression it must equal.

Read :data:`FORMULAS` line by line: each :class:`FormulaPair` holds a spreadsheet template and
the numpy expression (or engine function) from :mod:`gdapp.core` that computes the same
number. Templates name their operands in braces and are filled in two stages: first with the
model's pieces (``{r}`` the residual array, ``{b0}``/``{b1}`` the parameters), then with cell
references of one row of the Iterations sheet.

Names used inside the formulas are workbook-level defined names: ``x_data``, ``y_data``
(the sample ranges on the Data sheet), ``eta``, ``lambda_``, ``tolerance``, ``b1_start``,
``b0_start`` (Settings) and ``b1_final``, ``b0_final`` (Summary).

Only functions that Excel 2010+, LibreOffice and Gnumeric compute alike are used. Gnumeric
does not broadcast ``ABS()`` or ``SIGN()`` over an array inside ``SUMPRODUCT`` (it silently
uses one element), so wherever an array needs a sign or an absolute value it is written with
comparisons, which broadcast everywhere: sign(v) = (v>0)−(v<0) and |v| = v·((v>0)−(v<0));
both are exact.

Squares are written as products (``r*r``, as numpy computes them), never ``^2``: Gnumeric's
power loses digits for huge values (seen at 1e188 on a diverging run).

The zero band (``gdapp.core.ZERO_BAND`` = 1e−12, written ``1E-12``): a difference within
1e−12 of the size of its operands is exactly 0, in the engine and in these formulas alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from gdapp.core import ZERO_BAND

#: The zero band as the formulas spell it; must equal :data:`gdapp.core.ZERO_BAND`.
BAND = "1E-12"
assert float(BAND) == ZERO_BAND


@dataclass(frozen=True)
class FormulaPair:
    """One spreadsheet formula template and the numpy expression it mirrors.

    Attributes
    ----------
    excel : str
        Template without the leading ``=``; operands in braces.
    numpy : str
        The same quantity in numpy (``x``, ``y``: the samples; ``n = x.size``), naming the
        :mod:`gdapp.core` function that computes it.
    """

    excel: str
    numpy: str


FORMULAS: dict[str, FormulaPair] = {
    # --- model pieces: arrays over the samples ------------------------------------------
    "residual origin": FormulaPair(
        "(y_data-{b1}*x_data)",
        "y - b1*x                          # objective.predictions, direct_cost"),
    "residual line": FormulaPair(
        "(y_data-({b0}+{b1}*x_data))",
        "y - (b0 + b1*x)"),
    "prediction origin": FormulaPair("({b1}*x_data)", "b1*x"),
    "prediction line": FormulaPair("({b0}+{b1}*x_data)", "b0 + b1*x"),
    "abs array": FormulaPair(
        "{v}*(({v}>0)-({v}<0))",
        "np.abs(v)                         # exact: v times its sign"),
    "band sign array": FormulaPair(
        "(({r}>" + BAND + "*({abs_y}+{abs_yhat}))-({r}<-" + BAND + "*({abs_y}+{abs_yhat})))",
        "band_sign(r, np.abs(y) + np.abs(yhat))   # 0 where |r| <= 1e-12*(|y| + |ŷ|)"),
    # --- costs (Objective.cost; direct_cost) ---------------------------------------------
    "cost mse": FormulaPair(
        "SUMPRODUCT({r},{r})/COUNT(x_data)",
        "np.mean(r*r)                      # MSE = (1/n)·Σ r²"),
    "cost mae": FormulaPair(
        "SUMPRODUCT({r},({r}>0)-({r}<0))/COUNT(x_data)",
        "np.mean(np.abs(r))                # MAE = (1/n)·Σ |r|"),
    "cost rmse": FormulaPair(
        "SQRT(SUMPRODUCT({r},{r})/COUNT(x_data))",
        "np.sqrt(np.mean(r*r))             # RMSE = √MSE"),
    # --- cost gradients (Objective.cost_gradient; direct_gradient) -----------------------
    "gradient mse b1": FormulaPair(
        "-2*SUMPRODUCT(x_data,{r})/COUNT(x_data)",
        "-2.0*np.mean(r*x)                 # ∂MSE/∂b1 = −(2/n)·Σ x·r"),
    "gradient mse b0": FormulaPair(
        "-2*SUMPRODUCT({r})/COUNT(x_data)",
        "-2.0*np.mean(r)                   # ∂MSE/∂b0 = −(2/n)·Σ r"),
    "gradient mae b1": FormulaPair(
        "-SUMPRODUCT(x_data,{s})/COUNT(x_data)",
        "-np.mean(s*x)                     # ∂MAE/∂b1 = −(1/n)·Σ x·s, s = band sign of r"),
    "gradient mae b0": FormulaPair(
        "-SUMPRODUCT({s})/COUNT(x_data)",
        "-np.mean(s)                       # ∂MAE/∂b0 = −(1/n)·Σ s"),
    "gradient rmse": FormulaPair(
        "IF({cost}>0,{mse_gradient}/(2*{cost}),0)",
        "np.where(rmse > 0, g_mse/(2*rmse), 0)   # ∂√MSE = ∂MSE/(2·√MSE), 0 where MSE = 0"),
    # --- penalties on the slope only (penalty_value; penalty_gradient) -------------------
    "penalty none": FormulaPair("0", "np.zeros(m)"),
    "penalty l2": FormulaPair("lambda_*{b1}*{b1}", "lam*b1*b1                  # λ·b1²"),
    "penalty l1": FormulaPair("lambda_*ABS({b1})", "lam*np.abs(b1)             # λ·|b1|"),
    "penalty gradient none": FormulaPair("", "0"),
    "penalty gradient l2": FormulaPair("+2*lambda_*{b1}", "+ 2.0*lam*b1          # ∂(λ·b1²)"),
    "penalty gradient l1": FormulaPair(
        "+lambda_*SIGN({b1})", "+ lam*np.sign(b1)     # λ·sign(b1), sign(0) = 0"),
    "objective": FormulaPair("{cost}+{penalty}", "cost + penalty      # Objective.value"),
    # --- the update (loops.descend) ---------------------------------------------------------
    "update": FormulaPair(
        "IF(ABS({b}-eta*{g})<=" + BAND + "*(ABS({b})+ABS(eta*{g})),0,{b}-eta*{g})",
        "z = b - eta*g; 0.0 if abs(z) <= 1e-12*(abs(b) + abs(eta*g)) else z"),
    "soft threshold": FormulaPair(
        "IF(ABS({z})-eta*lambda_<=" + BAND + "*(ABS({z})+eta*lambda_),0,"
        "SIGN({z})*(ABS({z})-eta*lambda_))",
        "a = abs(z) - eta*lam; 0.0 if a <= 1e-12*(abs(z) + eta*lam) else math.copysign(a, z)"),
    "step": FormulaPair("{b}-{b_prev}", "np.diff(params, axis=0)       # Run.step"),
    "converged 1": FormulaPair(
        "ABS({s1})<=tolerance", "np.all(np.abs(step) <= tol, axis=1)   # Run.converged"),
    "converged 2": FormulaPair(
        "AND(ABS({s0})<=tolerance,ABS({s1})<=tolerance)",
        "np.all(np.abs(step) <= tol, axis=1)"),
    # --- Summary: closed forms (optimum.exact_optimum, stability_limit) ------------------
    "sum xy origin": FormulaPair("SUMPRODUCT(x_data,y_data)", "np.sum(x*y)       # Σxy"),
    "sum xx origin": FormulaPair("SUMSQ(x_data)", "np.sum(x*x)                   # Σx²"),
    "sum xy line": FormulaPair(
        "SUMPRODUCT(x_data-AVERAGE(x_data),y_data-AVERAGE(y_data))",
        "np.sum((x - x.mean())*(y - y.mean()))      # Σuv, centered"),
    "sum xx line": FormulaPair(
        "SUMPRODUCT(x_data-AVERAGE(x_data),x_data-AVERAGE(x_data))",
        "np.sum((x - x.mean())**2)                  # Σu², centered"),
    "normal equation": FormulaPair("{sxy}/{sxx}", "sxy/sxx             # b1* = Σxy/Σx²"),
    "ridge": FormulaPair(
        "{sxy}/({sxx}+COUNT(x_data)*lambda_)", "sxy/(sxx + n*lam)    # b1* = Σxy/(Σx² + n·λ)"),
    # the division only where the threshold is passed: with all x equal Σu² = Σuv = 0 and
    # λ·|b1| alone decides, b1* = 0 (not 0/0)
    "soft threshold optimum": FormulaPair(
        "IF(ABS({sxy})>COUNT(x_data)*lambda_/2,"
        "SIGN({sxy})*(ABS({sxy})-COUNT(x_data)*lambda_/2)/{sxx},0)",
        "copysign(|sxy| - n*lam/2, sxy)/sxx if |sxy| > n*lam/2 else 0   # _soft_threshold"),
    "intercept": FormulaPair(
        "AVERAGE(y_data)-{b1}*AVERAGE(x_data)", "np.mean(y) - b1*np.mean(x)   # b0 = ȳ − b1·x̄"),
    "first converged": FormulaPair(
        "IFERROR(MATCH(TRUE,{flags},0)-1,{last_k})",
        "run.converged_at if run.converged_at is not None else run.iterations"),
    "mean square x": FormulaPair("SUMSQ(x_data)/COUNT(x_data)", "np.mean(x*x)"),
    "hessian origin": FormulaPair(
        "2*({mxx}){l2}", "2.0*np.mean(x*x) + 2*lam[L2]   # H = E'' (+ 2λ)"),
    "hessian line top": FormulaPair(
        "(2+{c})/2+SQRT((2-{c})/2*((2-{c})/2)+2*AVERAGE(x_data)*(2*AVERAGE(x_data)))",
        "(a + c)/2 + math.hypot((a - c)/2, b); a = 2, b = 2*mean(x), c = 2*mean(x²) + 2λ"),
    "stability limit": FormulaPair("2/{h}", "2.0/h                # η < 2/λmax(H)"),
    "reference": FormulaPair("{ref}", "the referenced value"),
    # --- Summary: the sampled cost curve follows the path (summary.curve_grid) ----------
    "curve keep final": FormulaPair(
        "IF(ABS(b1_final)<=100*(ABS(b1_start)+1),b1_final,b1_start)",
        "final if abs(final) <= 100*(abs(start) + 1) else start   # a diverged end is left out"),
    "curve low": FormulaPair("MIN({path},{keep})", "min(b1[:21].min(), keep)"),
    "curve high": FormulaPair("MAX({path},{keep})", "max(b1[:21].max(), keep)"),
    # a path spread narrower than 1e-9 of its size is a point (rounding noise around one
    # value must not decide the curve's range): then a margin of 1 on each side
    "curve from": FormulaPair(
        "{lo}-IF({hi}-{lo}>1E-9*MAX(1,ABS({lo}),ABS({hi})),0.1*({hi}-{lo}),1)",
        "lo - (0.1*(hi - lo) if hi - lo > 1e-9*max(1, abs(lo), abs(hi)) else 1.0)"),
    "curve to": FormulaPair(
        "{hi}+IF({hi}-{lo}>1E-9*MAX(1,ABS({lo}),ABS({hi})),0.1*({hi}-{lo}),1)",
        "hi + (0.1*(hi - lo) if hi - lo > 1e-9*max(1, abs(lo), abs(hi)) else 1.0)"),
    "curve point": FormulaPair(
        "{start}+({end}-{start})*{i}/{last}", "start + (end - start)*i/last"),
    # --- Data sheet: the fit at the final iterate -----------------------------------------
    "final prediction origin": FormulaPair("b1_final*{x}", "b1*x     # predictions(final)"),
    "final prediction line": FormulaPair("b0_final+b1_final*{x}", "b0 + b1*x"),
    "final residual": FormulaPair("{y}-{yhat}", "y - yhat"),
}


def excel(name: str, **operands: str) -> str:
    """The template ``name`` with its operands filled in (no leading ``=``)."""
    return FORMULAS[name].excel.format(**operands)


def residual(model: str, b0: str, b1: str) -> str:
    """r = y − ŷ over the samples, for parameter references ``b0``/``b1``."""
    return excel(f"residual {model}", b0=b0, b1=b1)


def band_sign(model: str, b0: str, b1: str) -> str:
    """The array s = band_sign(r, |y| + |ŷ|), written with comparisons only."""
    yhat = excel(f"prediction {model}", b0=b0, b1=b1)
    return excel("band sign array", r=residual(model, b0, b1),
                 abs_y=excel("abs array", v="y_data"), abs_yhat=excel("abs array", v=yhat))


def cost(cost_name: str, model: str, b0: str, b1: str) -> str:
    """The cost (MSE, MAE or RMSE) at (b0, b1)."""
    return excel(f"cost {cost_name}", r=residual(model, b0, b1))


def cost_gradient(cost_name: str, model: str, b0: str, b1: str, cost_ref: str,
                  which: str) -> str:
    """∂cost/∂b for ``which`` in ("b0", "b1"); RMSE refers to its cost cell ``cost_ref``."""
    if cost_name == "mae":
        return excel(f"gradient mae {which}", s=band_sign(model, b0, b1))
    mse_gradient = excel(f"gradient mse {which}", r=residual(model, b0, b1))
    if cost_name == "rmse":
        return excel("gradient rmse", cost=cost_ref, mse_gradient=mse_gradient)
    return mse_gradient


def penalty(penalty_name: str, b1: str) -> str:
    """The penalty term λ·b1², λ·|b1| or 0."""
    return excel(f"penalty {penalty_name}", b1=b1)


def penalty_gradient(penalty_name: str, b1: str) -> str:
    """The term added to ∂cost/∂b1 (with its leading ``+``), or ``""``."""
    return excel(f"penalty gradient {penalty_name}", b1=b1)
