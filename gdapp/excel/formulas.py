"""Every spreadsheet formula the exporter writes, beside the numpy expression it must equal.

Read :data:`FORMULAS` line by line: each :class:`FormulaPair` holds a spreadsheet template and
the numpy expression (or engine function) from :mod:`gdapp.core` that computes the same
number. Templates name their operands in braces and are filled in two stages: first with the
model's pieces (``{r}`` the residual array, ``{z}`` the raw score, ``{b0}``/``{b1}`` the
parameters), then with cell references of one row of the Iterations sheet.

Names used inside the formulas are workbook-level defined names: ``x_data``, ``y_data``
(the sample ranges on the Data sheet), ``eta``, ``lambda_``, ``tolerance``, ``b1_start``,
``b0_start`` (Settings) and ``b1_final``, ``b0_final`` (Summary).

Only functions that Excel 2010+, LibreOffice and Gnumeric compute alike are used. Gnumeric
does not broadcast ``ABS()`` or ``SIGN()`` over an array inside ``SUMPRODUCT`` (it silently
uses one element), so wherever an array needs a sign or an absolute value it is written with
comparisons, which broadcast everywhere: sign(v) = (v>0)−(v<0) and |v| = v·((v>0)−(v<0));
both are exact.

``SIN``/``COS`` (the sine model) and ``EXP``/``LN`` (the logistic model's σ, the
cross-entropy) of a range inside ``SUMPRODUCT`` are computed for every sample by Gnumeric
only in an array formula, so those cells are written as one-cell array formulas
(:func:`written_as_array`), which Excel and LibreOffice compute alike.

The sums over the samples (a cost, its gradient, a classifier's accuracy) are assembled
from the cost's and the model's entries by :mod:`gdapp.excel.sample_sums`.

Squares are written as products (``r*r``, as numpy computes them), never ``^2``: Gnumeric's
power loses digits for huge values (seen at 1e188 on a diverging run). ``^`` appears only
where its base is a setting in (0, 1] or the update k: the schedules' γ^k, k^power_t and
Adam's β^k.

The zero band (``gdapp.core.ZERO_BAND`` = 1e−12, written ``1E-12``): a difference within
1e−12 of the size of its operands is exactly 0, in the engine and in these formulas alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from gdapp.core import ZERO_BAND

#: The sheet of a mini-batch run's sample orders (:func:`gdapp.excel.layout.order_plan`).
ORDER_SHEET = "Order"

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
    # {lin} is Σ bj·xj over the features: "C2*x_data" for one, "C2*x1_data+D2*x2_data" for more;
    # a model's raw score z (models.ModelRule.raw; a non-linear one's is its excel_raw)
    "score": FormulaPair("({lin})", "X @ b                       # models.predictions"),
    "score intercept": FormulaPair("({b0}+{lin})", "b0 + X @ b"),
    "residual": FormulaPair(
        "({y}-{yhat})",
        "y - yhat      # one product is written bare: (y_data-C2*x_data); direct_cost"),
    # the output ŷ of a model whose link is not the identity (ModelRule.output), over {z}:
    # σ(z) without overflow at any z, as costs.sigmoid computes it
    "output logit": FormulaPair(
        "(({z}>=0)+({z}<0)*EXP(-" + "{abs_z}" + "))/(1+EXP(-" + "{abs_z}" + "))",
        "sigmoid(z) = 1/(1 + e^−z) (z ≥ 0), e^z/(1 + e^z) (z < 0)   # costs.sigmoid"),
    # dŷ/dz (ModelRule.output_slope): a residual cost on p = σ(z) passes through it
    "output slope logit": FormulaPair("{p}*(1-{p})", "p*(1.0 - p)"),
    "product": FormulaPair("{b}*{x}", "bj*xj                   # one term of X @ b"),
    "abs array": FormulaPair(
        "{v}*(({v}>0)-({v}<0))",
        "np.abs(v)                         # exact: v times its sign"),
    "band sign array": FormulaPair(
        "(({r}>" + BAND + "*({abs_y}+{abs_yhat}))-({r}<-" + BAND + "*({abs_y}+{abs_yhat})))",
        "band_sign(r, np.abs(y) + np.abs(yhat))   # 0 where |r| <= 1e-12*(|y| + |ŷ|)"),
    # --- costs and their gradients (Objective.cost, cost_gradient; direct_cost) -----------
    # The cost entry's ρ and ψ (costs.COST_RULES: excel_rho, excel_psi over {r}, {z}, {y},
    # {s}) are summed over the samples: a product ρ = f*g is written SUMPRODUCT(f,g), a
    # leading number of ψ stands before the sum (MSE: −2*SUMPRODUCT(x,r)/n).
    "cost": FormulaPair(
        "SUMPRODUCT({rho})/{n}",
        "np.mean(rho)    # MSE (1/n)·Σ r·r, MAE (1/n)·Σ |r|, Huber, cross-entropy …"),
    "gradient": FormulaPair(
        "-{c}SUMPRODUCT({du}{psi})/{n}",
        "-c*np.mean(du*psi)   # ∂E/∂bj = −(1/n)·Σ ψ·∂u/∂bj (MSE: c = 2, ψ/c = r, ∂u/∂bj = xj)"),
    "outer sqrt": FormulaPair("SQRT({mean})", "np.sqrt(mse)         # RMSE = √MSE"),
    "outer gradient sqrt": FormulaPair(
        "IF({cost}>0,{gradient}/(2*{cost}),0)",
        "np.where(rmse > 0, g_mse/(2*rmse), 0)   # ∂√MSE = ∂MSE/(2·√MSE), 0 where MSE = 0"),
    # a classifier's accuracy: the share of samples with (p ≥ 0.5) = y, i.e. z ≥ 0 ⇔ y = 1
    "accuracy": FormulaPair(
        "SUMPRODUCT(({z}>=0)*{y}+({z}<0)*(1-{y}))/{n}",
        "np.mean((z >= 0) == (y == 1))       # Objective.accuracy"),
    # --- penalties on the slopes only, never b0 (penalty_value; penalty_gradient) --------
    "penalty none": FormulaPair("0", "np.zeros(m)"),
    "penalty l2": FormulaPair("lambda_*{b1}*{b1}", "lam*b1*b1                  # λ·b1²"),
    "penalty l1": FormulaPair("lambda_*ABS({b1})", "lam*np.abs(b1)             # λ·|b1|"),
    "penalty l2 p": FormulaPair("lambda_*({squares})", "lam*np.sum(b*b)    # λ·Σbj²"),
    "penalty l1 p": FormulaPair("lambda_*({sizes})", "lam*np.sum(np.abs(b))   # λ·Σ|bj|"),
    "square": FormulaPair("{b}*{b}", "bj*bj"),
    "size": FormulaPair("ABS({b})", "abs(bj)"),
    "penalty gradient none": FormulaPair("", "0"),
    "penalty gradient l2": FormulaPair("+2*lambda_*{b1}", "+ 2.0*lam*b1          # ∂(λ·b1²)"),
    "penalty gradient l1": FormulaPair(
        "+lambda_*SIGN({b1})", "+ lam*np.sign(b1)     # λ·sign(b1), sign(0) = 0"),
    "objective": FormulaPair("{cost}+{penalty}", "cost + penalty      # Objective.value"),
    # --- the update (loops.descend) ---------------------------------------------------------
    "update": FormulaPair(
        "IF(ABS({b}-eta*{g})<=" + BAND + "*(ABS({b})+ABS(eta*{g})),0,{b}-eta*{g})",
        "z = b - eta*g; 0.0 if abs(z) <= 1e-12*(abs(b) + abs(eta*g)) else z"),
    # with a schedule or another optimizer: η_k of the row ({lr}) and the direction d ({g})
    # an optimizer's update reads its direction d through OFFSET(d,0,0) (= d): LibreOffice
    # (7.4, threaded formula groups on, its default) computes the plain reference as #VALUE!
    # on every row from the first updates on once the Iterations sheet is some 1,600 rows
    # long (MAE with momentum, nesterov, rmsprop, adam: the groups b → d → state → gradient
    # → b form a cycle of groups, not of cells); OFFSET, which it never computes in threads,
    # makes it follow the cells' order. Gnumeric and Excel compute both alike.
    "direction": FormulaPair("OFFSET({d},0,0)", "d                 # the direction, as is"),
    "update lr": FormulaPair(
        "IF(ABS({b}-{lr}*{g})<=" + BAND + "*(ABS({b})+ABS({lr}*{g})),0,{b}-{lr}*{g})",
        "z = b - lr*d; 0.0 if abs(z) <= 1e-12*(abs(b) + abs(lr*d)) else z   # loops.descend"),
    "soft threshold lr": FormulaPair(
        "IF(ABS({z})-{lr}*lambda_<=" + BAND + "*(ABS({z})+{lr}*lambda_),0,"
        "SIGN({z})*(ABS({z})-{lr}*lambda_))",
        "a = abs(z) - lr*lam; 0.0 if a <= 1e-12*(abs(z) + lr*lam) else copysign(a, z)"),
    "soft threshold": FormulaPair(
        "IF(ABS({z})-eta*lambda_<=" + BAND + "*(ABS({z})+eta*lambda_),0,"
        "SIGN({z})*(ABS({z})-eta*lambda_))",
        "a = abs(z) - eta*lam; 0.0 if a <= 1e-12*(abs(z) + eta*lam) else math.copysign(a, z)"),
    "step": FormulaPair("{b}-{b_prev}", "np.diff(params, axis=0)       # Run.step"),
    "converged slope": FormulaPair(
        "ABS({lr}*{g})<=tolerance",
        "abs(lr*g) <= tol     # a stateful optimizer stops only where the slope is small too"),
    # --- mini-batches (core.batches): the Order sheet's samples, and the epoch rule ------------
    "order sample": FormulaPair("INDEX({data},{sample})", "x[order]      # the batch's samples"),
    # {e}: updates per epoch; {obj} this row's objective, {best}/{stale} the previous row's
    "epoch best": FormulaPair(
        "IF(MOD({k},{e})<>0,{best},IF({k}={e},{obj},MIN({best},{obj})))",
        "the best end-of-epoch objective so far   # batches.epoch_rule"),
    "epoch stale": FormulaPair(
        "IF(MOD({k},{e})<>0,{stale},IF(OR({k}={e},{obj}<{best}-tolerance*MAX(1,ABS({best}))),"
        "0,{stale}+1))",
        "epochs in a row without a better one: value < best − tol·max(1, |best|) resets it"),
    "converged epochs": FormulaPair("{stale}>={patience}", "stale >= PATIENCE"),
    # --- schedules: η_k of update k ({k}; optimizers.SCHEDULES) ----------------------------
    "rate constant": FormulaPair("eta", "eta"),
    "rate step": FormulaPair("eta*gamma^INT(({k}-1)/step_size)",
                             "eta * gamma ** ((t - 1) // step)"),
    "rate exponential": FormulaPair("eta*gamma^({k}-1)", "eta * gamma ** (t - 1)"),
    "rate invscaling": FormulaPair("eta/{k}^power_t", "eta / t ** power"),
    "rate cosine": FormulaPair("eta*(1+COS(PI()*({k}-1)/max_iterations))/2",
                               "eta * (1.0 + math.cos(math.pi * (t - 1) / total)) / 2.0"),
    # --- optimizers: state after update k and its direction d ({g}: the gradient it uses,
    # {k} the update, {s_prev} a state's previous row, {x} other state cells of the row;
    # optimizers.OPTIMIZERS) ----------------------------------------------------------------
    "state momentum velocity": FormulaPair(
        "IF({k}=1,{g},momentum*{s_prev}+(1-dampening)*{g})",
        "buf = g if t == 1 else mu*buf + (1 - tau)*g                       # _momentum"),
    "direction momentum": FormulaPair("{velocity}", "d = buf"),
    "state nesterov velocity": FormulaPair(
        "IF({k}=1,{g},momentum*{s_prev}+{g})",
        "buf = g if t == 1 else mu*buf + (1 - 0)*g                          # _nesterov"),
    "direction nesterov": FormulaPair("{g}+momentum*{velocity}", "d = g + mu*buf"),
    "state adagrad sum_sq": FormulaPair("{s_prev}+{g}*{g}", "S = S + g*g       # _adagrad"),
    "direction adagrad": FormulaPair("{g}/(SQRT({sum_sq})+eps)", "d = g/(sqrt(S) + eps)"),
    "state rmsprop square_avg": FormulaPair(
        "alpha*{s_prev}+(1-alpha)*({g}*{g})", "v = alpha*v + (1 - alpha)*(g*g)   # _rmsprop"),
    "state rmsprop grad_avg": FormulaPair(
        "IF(centered,alpha*{s_prev}+(1-alpha)*{g},0)",
        "a = alpha*a + (1 - alpha)*g if centered else a (= 0)"),
    "rmsprop average": FormulaPair(
        "IF(centered,MAX({square_avg}-{grad_avg}*{grad_avg},0),{square_avg})",
        "max(v - a*a, 0) if centered else v"),
    "state rmsprop velocity": FormulaPair(
        "IF(momentum>0,momentum*{s_prev}+{g}/(SQRT({average})+eps),0)",
        "buf = mu*buf + g/(sqrt(avg) + eps) if mu > 0 else buf (= 0)"),
    "direction rmsprop": FormulaPair(
        "IF(momentum>0,{velocity},{g}/(SQRT({average})+eps))",
        "d = buf if mu > 0 else g/(sqrt(avg) + eps)"),
    "state adam m": FormulaPair("beta1*{s_prev}+(1-beta1)*{g}",
                                "m = beta1*m + (1 - beta1)*g          # _adam"),
    "state adam v": FormulaPair("beta2*{s_prev}+(1-beta2)*({g}*{g})",
                                "v = beta2*v + (1 - beta2)*(g*g)"),
    "state adam v_max": FormulaPair("IF(amsgrad,MAX({s_prev},{v}),0)",
                                    "vmax = max(vmax, v) if amsgrad else vmax (= 0)"),
    "direction adam": FormulaPair(
        "({m}/(1-beta1^{k}))/(SQRT(IF(amsgrad,{v_max},{v})/(1-beta2^{k}))+eps)",
        "d = (m/(1 - beta1**t))/(sqrt((vmax if amsgrad else v)/(1 - beta2**t)) + eps)"),
    "converged 1": FormulaPair(
        "ABS({s1})<=tolerance", "np.all(np.abs(step) <= tol, axis=1)   # Run.converged"),
    "converged side": FormulaPair("ABS({s})<=tolerance", "abs(step_j) <= tol"),
    "converged all": FormulaPair(
        "AND({sides})", "np.all(np.abs(step) <= tol, axis=1)   # one side per parameter"),
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
    # several features: the normal equations (Σ u·uᵀ + n·λ·I)·b = Σ u·v, solved by MINVERSE
    # (u, v centred for the line model; the raw x, y for origin — Design.of in optimum.py)
    "gram line": FormulaPair(
        "SUMPRODUCT({xj}-AVERAGE({xj}),{xk}-AVERAGE({xk}))",
        "np.sum((xj - xj.mean())*(xk - xk.mean()))   # Design.g, centred"),
    "gram origin": FormulaPair("SUMPRODUCT({xj},{xk})", "np.sum(xj*xk)     # Design.g"),
    "gram ridge": FormulaPair("{gram}+COUNT(y_data)*lambda_", "g[j, j] + n*lam   # ridge"),
    "moment line": FormulaPair(
        "SUMPRODUCT({xj}-AVERAGE({xj}),y_data-AVERAGE(y_data))",
        "np.sum((xj - xj.mean())*(y - y.mean()))     # Design.t, centred"),
    "moment origin": FormulaPair("SUMPRODUCT({xj},y_data)", "np.sum(xj*y)    # Design.t"),
    "solve": FormulaPair(
        "INDEX(MMULT(MINVERSE({gram}),{moment}),{j},1)",
        "np.linalg.solve(g, t)[j - 1]      # ridge (+ n·λ on the diagonal)"),
    # least squares by QR, as optimum.py's lstsq (not the normal equations, whose rounding
    # grows with κ(X)²): LINEST's first row is bp … b1 (then b0), so bj is column p − j + 1
    "least squares": FormulaPair(
        "INDEX(LINEST(y_data,{xs},{const},FALSE),1,{column})",
        "np.linalg.lstsq(U, v)[0][j - 1]   # U, v centred for line (optimum.Design)"),
    "mean product": FormulaPair("{b}*AVERAGE({x})", "bj*xj.mean()"),
    "intercept p": FormulaPair(
        "AVERAGE(y_data)-({terms})", "np.mean(y) - X.mean(axis=0) @ b   # b0 = ȳ − Σ bj·x̄j"),
    "first converged": FormulaPair(
        "IFERROR(MATCH(TRUE,{flags},0)-1,{last_k})",
        "run.converged_at if run.converged_at is not None else run.iterations"),
    "mean square x": FormulaPair("SUMSQ(x_data)/COUNT(x_data)", "np.mean(x*x)"),
    "hessian origin": FormulaPair(
        "2*({mxx}){l2}", "2.0*np.mean(x*x) + 2*lam[L2]   # H = E'' (+ 2λ)"),
    "hessian line top": FormulaPair(
        "(2+{c})/2+SQRT((2-{c})/2*((2-{c})/2)+2*AVERAGE(x_data)*(2*AVERAGE(x_data)))",
        "(a + c)/2 + math.hypot((a - c)/2, b); a = 2, b = 2*mean(x), c = 2*mean(x²) + 2λ"),
    "stability limit": FormulaPair("2/{h}", "2.0/h    # η < 2/L, L: H's largest eigenvalue"),
    "stability limit momentum": FormulaPair(
        "2/{h}*(1+momentum)", "2.0/h*(1 + mu)   # heavy ball: η·L < 2 + 2μ (engine._stability)"),
    "reference": FormulaPair("{ref}", "the referenced value"),
    # --- Summary: the sampled cost curve follows the path (summary.curve_grid) ----------
    "curve keep final": FormulaPair(
        "IF(ABS(b1_final)<=100*(ABS(b1_start)+1),b1_final,b1_start)",
        "final if abs(final) <= 100*(abs(start) + 1) else start   # a diverged end is left out"),
    "curve low": FormulaPair("MIN({path},{keep})", "min(b1[:21].min(), keep)"),
    "curve high": FormulaPair("MAX({path},{keep})", "max(b1[:21].max(), keep)"),
    # the sine model's curve spans the range its valleys were searched on as well
    "curve low sine": FormulaPair("MIN({path},{keep},{lo})",
                                  "min(b1[:21].min(), keep, SEARCH_RANGE[0])"),
    "curve high sine": FormulaPair("MAX({path},{keep},{hi})",
                                   "max(b1[:21].max(), keep, SEARCH_RANGE[1])"),
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
    # {lin}: b1_final*B2 for one feature, b1_final*B2+b2_final*C2+… for more
    # (a non-linear model's score is its excel_raw, e.g. SIN(b1_final*B2); a link's output
    # takes the score in parentheses)
    "final score": FormulaPair("{lin}", "X @ b     # predictions(final)"),
    "final score intercept": FormulaPair("b0_final+{lin}", "b0 + X @ b"),
    "final residual": FormulaPair("{y}-{yhat}", "y - yhat"),
    # --- the finite-difference check of the gradient (core.gradient_check) ------------------
    "check step": FormulaPair("check_h*MAX(1,ABS({b}))",
                              "s = h*max(1, abs(bj))          # gradient_check.check_steps"),
    "check up": FormulaPair("({b}+{s})", "bj + s                  # gradient_check.shifted"),
    "check down": FormulaPair("({b}-{s})", "bj - s"),
    "central difference": FormulaPair(
        "(({up})-({down}))/(2*{s})",
        "(F(b + s·ej) - F(b - s·ej))/(2*s)   # gradient_check.central_difference"),
}


def excel(name: str, **operands: str) -> str:
    """The template ``name`` with its operands filled in (no leading ``=``)."""
    return FORMULAS[name].excel.format(**operands)


@dataclass(frozen=True)
class Samples:
    """How the formulas name the samples: one range per feature, the target's and the count.

    One feature keeps the note's names (``x_data``, ``COUNT(x_data)``); p features are
    ``x1_data`` … ``xp_data`` and the count is ``COUNT(y_data)``. A mini-batch's samples are
    rows of the Order sheet (:func:`gdapp.excel.layout.batch_samples`).
    """

    xs: tuple[str, ...]
    y: str = "y_data"

    @classmethod
    def of(cls, p: int) -> Samples:
        return cls(("x_data",) if p == 1 else tuple(f"x{j}_data" for j in range(1, p + 1)))

    @property
    def count(self) -> str:
        return "COUNT(x_data)" if self.xs == ("x_data",) else f"COUNT({self.y})"


#: Functions Gnumeric applies to one element of a range inside SUMPRODUCT unless the cell is
#: an array formula (arithmetic and comparisons broadcast everywhere).
ELEMENTWISE = ("SIN(", "COS(", "TAN(", "EXP(", "LN(", "SINH(", "COSH(", "TANH(")


def written_as_array(formula: str) -> bool:
    """Whether a formula must be written as a one-cell array formula: Gnumeric computes
    ``SIN``/``COS``/``EXP``/``LN`` of a range inside ``SUMPRODUCT`` for every sample only in
    an array formula (in a plain one it takes one sample); Excel and LibreOffice compute both
    alike."""
    return "SUMPRODUCT(" in formula and any(f in formula for f in ELEMENTWISE) and (
        "_data" in formula or "_test" in formula or f"{ORDER_SHEET}!" in formula)


def penalty(penalty_name: str, slopes: list[str]) -> str:
    """The penalty term λ·Σbj², λ·Σ|bj| or 0 (one slope: λ·b1², λ·|b1|)."""
    if penalty_name == "none" or len(slopes) == 1:
        return excel(f"penalty {penalty_name}", b1=slopes[0])
    if penalty_name == "l2":
        return excel("penalty l2 p", squares="+".join(excel("square", b=b) for b in slopes))
    return excel("penalty l1 p", sizes="+".join(excel("size", b=b) for b in slopes))


def penalty_gradient(penalty_name: str, b: str) -> str:
    """The term added to ∂cost/∂bj of a slope bj (with its leading ``+``), or ``""``."""
    return excel(f"penalty gradient {penalty_name}", b1=b)


def converged(steps: list[str]) -> str:
    """Whether every step is within the tolerance."""
    if len(steps) == 1:
        return excel("converged 1", s1=steps[0])
    return excel("converged all", sides=",".join(excel("converged side", s=s) for s in steps))
