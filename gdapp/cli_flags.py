"""The run flags of every command, from :class:`~gdapp.core.RunSpec` and its metadata.

The data flags and the note's settings are spelled by hand (their names are the command
line's contract); the optimizer, schedule and mini-batch flags are generated from the
fields' ``flag`` metadata, so a new setting of that kind needs no code here.
"""

from __future__ import annotations

import argparse

from gdapp.core import (
    COSTS,
    EXAMPLES,
    L1_METHODS,
    MODEL_CHOICES,
    PENALTIES,
    RunSpec,
    parse_number,
    spec_fields,
)

#: flag destination → RunSpec field (the flags the issue's contract names); the optimizer
#: and schedule flags are generated from the fields' ``flag`` metadata.
FLAG_FIELDS = {
    "model": "model", "cost": "cost", "penalty": "penalty", "lam": "lam",
    "l1_method": "l1_method", "eta": "learning_rate", "start": "start",
    "iterations": "max_iterations", "tol": "tolerance",
    **{str(f.metadata["flag"]).removeprefix("--").replace("-", "_"): name
       for name, f in spec_fields().items() if f.metadata.get("flag")},
}



def number_flag(text: str) -> float:
    """A number flag's value as a person types it (argparse's error otherwise)."""
    try:
        return parse_number(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _whole(text: str) -> int:
    value = number_flag(text)
    if value != int(value):
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number")
    return int(value)


def _help(field: str) -> str:
    return str(spec_fields()[field].metadata["help"])


def add_run_flags(p: argparse.ArgumentParser) -> None:
    src = p.add_argument_group("data")
    src.add_argument("--example", choices=sorted(EXAMPLES),
                     help="a built-in data set: document (the note's), features (five "
                     "features, two of them useless), nonconvex (with the sine model, a "
                     "cost of many valleys), passfail (40 students who passed or failed, "
                     "with the logistic model), overfit (15 noisy samples of a sine, for "
                     "--degree and --test-fraction)")
    src.add_argument("--data", metavar="FILE", help="samples from a .csv or .xlsx file")
    src.add_argument("--x", metavar="COLUMN[,COLUMN…]",
                     help="the feature column(s) x1 … xp, in the order of b1 … bp: header "
                     "names or 1-based positions, separated by commas (a name wins)")
    src.add_argument("--y", metavar="COLUMN",
                     help="y column: header name or 1-based position (a name wins)")
    src.add_argument("--sheet", help="sheet of an .xlsx data file (default: the first)")
    src.add_argument("--classes", metavar="NEG,POS",
                     help="a target of two words (e.g. fail,pass): the first becomes 0, the "
                     "second 1 (for --model logistic)")
    src.add_argument("--standardize", action="store_true",
                     help="rescale the features before the descent: z-scores (x − mean)/sd "
                     "for the line model, x/sd for origin; coefficients are reported on both "
                     "scales")
    src.add_argument("--degree", type=_whole, metavar="D",
                     help="polynomial features of the one feature x: x, x², …, x^D become "
                     "b1 … bD (1 ≤ D ≤ 15)")
    src.add_argument("--test-fraction", type=number_flag, metavar="F",
                     help="hold out this share of the samples (0 < F < 1): the descent and the "
                     "optimum use the rest, and the cost on the held-out ones is the test cost")
    src.add_argument("--split-seed", type=_whole, metavar="S",
                     help="the seed of the held-out samples' draw (default 0)")
    src.add_argument("--from", dest="from_workbook", metavar="WORKBOOK.xlsx",
                     help="start from the settings and data of a gdapp workbook")
    s = p.add_argument_group("settings (default: the note's run)")
    s.add_argument("--model", choices=list(MODEL_CHOICES),
                   help=_help("model") + " sine: ŷ = sin(b1·x), a cost of many valleys.")
    s.add_argument("--cost", choices=list(COSTS), help=_help("cost"))
    s.add_argument("--penalty", choices=list(PENALTIES), help=_help("penalty"))
    s.add_argument("--lam", type=number_flag, metavar="L", help=_help("lam"))
    s.add_argument("--l1-method", choices=list(L1_METHODS), help=_help("l1_method"))
    s.add_argument("--eta", type=number_flag, metavar="E", help=_help("learning_rate"))
    s.add_argument("--start", metavar="B1|B0,B1", help=_help("start"))
    s.add_argument("--iterations", type=_whole, metavar="N", help=_help("max_iterations"))
    s.add_argument("--tol", type=number_flag, metavar="T", help=_help("tolerance"))
    c = p.add_argument_group("the finite-difference check of the gradient")
    c.add_argument("--check-gradient", action="store_true",
                   help="beside each gradient ∂(E+P)/∂bj, the central difference "
                   "(E(b + s·ej) − E(b − s·ej))/(2s), s = h·max(1, |bj|): run --json adds "
                   "gradient_check, export adds live formulas that verify checks")
    c.add_argument("--check-h", type=number_flag, metavar="H",
                   help="the h of --check-gradient (default 1e-4; implies --check-gradient)")
    o = p.add_argument_group("optimizer and schedule (default: the note's gradient descent "
                             "at a constant η)")
    for f in spec_fields().values():
        flag = f.metadata.get("flag")
        if flag is None:
            continue
        dest = flag.removeprefix("--").replace("-", "_")
        if f.type == "bool":
            o.add_argument(flag, dest=dest, action="store_true", default=None,
                           help=f.metadata["help"])
        elif "choices" in f.metadata:
            o.add_argument(flag, dest=dest, choices=list(f.metadata["choices"]),
                           help=f.metadata["help"])
        else:
            kind = _whole if str(f.type).startswith("int") else number_flag
            o.add_argument(flag, dest=dest, type=kind, metavar=dest.upper(),
                           help=f.metadata["help"])


def ignored_flags(args: argparse.Namespace, spec: RunSpec) -> list[str]:
    """Notes for flags given that have no effect on the run ``spec`` describes."""
    notes = []
    for flag, name in FLAG_FIELDS.items():
        meta = spec_fields()[name].metadata
        if "flag" not in meta or getattr(args, flag, None) is None or spec.applies(name) \
                or name in ("optimizer", "schedule"):
            continue
        if meta.get("batch") == "seed":
            why = "without --shuffle"
        elif meta.get("batch"):
            why = f"without --batch-size B smaller than the {spec.data.n} samples"
        elif meta.get("schedule"):
            why = f"with --schedule {spec.schedule}"
        elif meta.get("cost_setting"):
            why = f"with --cost {spec.cost}"
        else:
            why = f"with --optimizer {spec.optimizer}"
        notes.append(f"{meta['flag']} has no effect {why}")
    if spec.penalty == "l1" and spec.optimizer != "gd" and spec.l1_method == "proximal":
        notes.append(f"L1 with {spec.optimizer} takes the plain subgradient step (the "
                     "proximal step is gradient descent's)")
    if getattr(args, "lam", None) is not None and spec.penalty == "none":
        notes.append("--lam has no effect without --penalty l1 or l2")
    if getattr(args, "l1_method", None) is not None and spec.penalty != "l1":
        notes.append("--l1-method has no effect without --penalty l1")
    return notes
