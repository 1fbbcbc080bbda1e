"""The command line: the same runs, exports and checks as the window, for scripts and CI.

    gdapp                      opens the window on the document example
    gdapp gui [run flags] [--screenshot FILE.png]
    gdapp run    [--example document | --data FILE] [--model origin|line] [--cost mse|mae|rmse]
                 [--penalty none|l1|l2] [--lam L] [--eta E] [--start B1 | --start B0,B1]
                 [--iterations N] [--tol T] [--from WORKBOOK.xlsx] [--json]
    gdapp export (same options) -o FILE.xlsx
    gdapp verify FILE.xlsx     exit 0 agree, 1 disagree, 2 cannot verify
    gdapp examples --out DIR   regenerates the note's reference workbooks

Flags are turned into one :class:`~gdapp.core.RunSpec` (``FLAG_FIELDS`` maps each flag to its
field). Every error is one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

from gdapp import __version__
from gdapp.core import (
    COSTS,
    EXAMPLES,
    L1_METHODS,
    MODELS,
    PENALTIES,
    DataError,
    Dataset,
    Run,
    RunSpec,
    load_csv,
    parse_number,
    run,
    spec_fields,
)

#: flag destination → RunSpec field (the flags the issue's contract names).
FLAG_FIELDS = {
    "model": "model", "cost": "cost", "penalty": "penalty", "lam": "lam",
    "l1_method": "l1_method", "eta": "learning_rate", "start": "start",
    "iterations": "max_iterations", "tol": "tolerance",
}


class UsageError(Exception):
    """A problem with what the user asked for: reported in one line, exit status 2."""


class Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: raised like KeyboardInterrupt for SIGINT, so every
    ``finally`` and ``except BaseException`` cleans up (the half-written workbook and its
    scratch folder, LibreOffice's process group, its profile) on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: The signals that stop a command as Ctrl+C (SIGINT) does.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise :class:`Stopped` (once: a second one
    while cleaning up is ignored, so the cleaning finishes)."""
    def stop(signum: int, _frame: object) -> None:
        for other in STOP_SIGNALS:
            signal.signal(other, signal.SIG_IGN)
        raise Stopped(signum)

    try:
        previous = {s: signal.signal(s, stop) for s in STOP_SIGNALS}
    except ValueError:          # not the main thread: leave the signals alone
        yield
        return
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # argparse takes only "-5" and "-0.5" for negative numbers; "-1e-9", "-1,2" (a start
        # b0,b1) and "-inf" would be read as unknown flags. No gdapp flag starts "-<digit>".
        self._negative_number_matcher = re.compile(r"^-(\.?\d|inf|nan)", re.IGNORECASE)

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _number(text: str) -> float:
    try:
        return parse_number(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _whole(text: str) -> int:
    value = _number(text)
    if value != int(value):
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number")
    return int(value)


def _help(field: str) -> str:
    return str(spec_fields()[field].metadata["help"])


def _add_run_flags(p: argparse.ArgumentParser) -> None:
    src = p.add_argument_group("data")
    src.add_argument("--example", choices=sorted(EXAMPLES), help="a built-in data set")
    src.add_argument("--data", metavar="FILE", help="samples from a .csv or .xlsx file")
    src.add_argument("--x", metavar="COLUMN",
                     help="x column: header name or 1-based position (a name wins)")
    src.add_argument("--y", metavar="COLUMN",
                     help="y column: header name or 1-based position (a name wins)")
    src.add_argument("--sheet", help="sheet of an .xlsx data file (default: the first)")
    src.add_argument("--from", dest="from_workbook", metavar="WORKBOOK.xlsx",
                     help="start from the settings and data of a gdapp workbook")
    s = p.add_argument_group("settings (default: the note's run)")
    s.add_argument("--model", choices=list(MODELS), help=_help("model"))
    s.add_argument("--cost", choices=list(COSTS), help=_help("cost"))
    s.add_argument("--penalty", choices=list(PENALTIES), help=_help("penalty"))
    s.add_argument("--lam", type=_number, metavar="L", help=_help("lam"))
    s.add_argument("--l1-method", choices=list(L1_METHODS), help=_help("l1_method"))
    s.add_argument("--eta", type=_number, metavar="E", help=_help("learning_rate"))
    s.add_argument("--start", metavar="B1|B0,B1", help=_help("start"))
    s.add_argument("--iterations", type=_whole, metavar="N", help=_help("max_iterations"))
    s.add_argument("--tol", type=_number, metavar="T", help=_help("tolerance"))


def build_parser() -> argparse.ArgumentParser:
    """The ``gdapp`` argument parser (subcommands run, export, verify, examples, gui)."""
    parser = _Parser(prog="gdapp", description="Gradient descent, the way the lecture note "
                     "does it in a spreadsheet — with proof.")
    parser.add_argument("--version", action="version", version=f"gdapp {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    p_run = sub.add_parser("run", help="run gradient descent and print the result")
    _add_run_flags(p_run)
    p_run.add_argument("--json", action="store_true", help="print one JSON object")
    p_exp = sub.add_parser("export", help="run and write a live-formula .xlsx workbook")
    _add_run_flags(p_exp)
    p_exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p_exp.add_argument("--json", action="store_true", help="print one JSON object")
    p_ver = sub.add_parser("verify", help="recalculate a workbook in LibreOffice and compare")
    p_ver.add_argument("workbook", metavar="FILE.xlsx")
    p_ver.add_argument("--timeout", type=_number, default=600.0,
                       help="seconds LibreOffice may take, > 0 (default 600)")
    p_ver.add_argument("--json", action="store_true",
                       help="print one JSON object: verdict, cells_compared, max_deviation "
                       "(null when not finite: an error or empty cell where a number belongs), "
                       "first_difference, notes; or verdict and reason")
    p_ex = sub.add_parser("examples", help="write the note's reference workbooks")
    p_ex.add_argument("--out", required=True, metavar="DIR")
    p_gui = sub.add_parser("gui", help="open the window (the default without arguments)")
    _add_run_flags(p_gui)
    p_gui.add_argument("--screenshot", metavar="FILE.png",
                       help="render the window at 1280×800 to FILE.png and exit")
    return parser


def _load_data(args: argparse.Namespace) -> Dataset | None:
    if args.data and args.example:
        raise UsageError("give either --example or --data, not both")
    if args.example:
        return EXAMPLES[args.example]
    if not args.data:
        if args.x or args.y or args.sheet:
            raise UsageError("--x, --y and --sheet need --data FILE")
        return None
    path = Path(args.data)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from gdapp.excel import load_data_xlsx
        return load_data_xlsx(path, sheet=args.sheet, x=args.x, y=args.y)
    if args.sheet:
        raise UsageError("--sheet only applies to .xlsx data files")
    return load_csv(path, x=args.x, y=args.y)


def _parse_start(text: str) -> tuple[float, ...]:
    pieces = [p for p in text.replace(";", ",").split(",")]
    try:
        return tuple(parse_number(p) for p in pieces)
    except ValueError as exc:
        raise UsageError(f"--start: {exc}") from None


def spec_from_args(args: argparse.Namespace) -> RunSpec:
    """The validated RunSpec the flags describe (``--from`` first, explicit flags on top)."""
    base = RunSpec()
    if args.from_workbook:
        from gdapp.excel import read_workbook
        base = read_workbook(args.from_workbook).spec
    changes: dict[str, Any] = {}
    data = _load_data(args)
    if data is not None:
        changes["data"] = data
        if args.start is None:
            changes["start"] = None  # the documented default start for the new data
    for flag, field in FLAG_FIELDS.items():
        value = getattr(args, flag, None)
        if value is None:
            continue
        changes[field] = _parse_start(value) if flag == "start" else value
    if "model" in changes and "start" not in changes and changes["model"] != base.model:
        changes["start"] = None
    try:
        spec = replace(base, **changes).validated()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    for note in ignored_flags(args, spec):
        print(f"gdapp: note: {note}", file=sys.stderr)
    return spec


def ignored_flags(args: argparse.Namespace, spec: RunSpec) -> list[str]:
    """Notes for flags given that have no effect on the run ``spec`` describes."""
    notes = []
    if getattr(args, "lam", None) is not None and spec.penalty == "none":
        notes.append("--lam has no effect without --penalty l1 or l2")
    if getattr(args, "l1_method", None) is not None and spec.penalty != "l1":
        notes.append("--l1-method has no effect without --penalty l1")
    return notes


def _fmt(v: float) -> str:
    return f"{v:.10g}"


def run_to_dict(r: Run) -> dict[str, Any]:
    """The JSON object ``gdapp run --json`` prints (keys are part of the CLI contract)."""
    names = r.spec.param_names
    opt = r.optimum
    history: dict[str, Any] = {n: r.params[:, i].tolist() for i, n in enumerate(names)}
    history["gradient"] = {n: r.gradient[:, i].tolist() for i, n in enumerate(names)}
    history["cost"] = r.cost.tolist()
    history["penalty"] = r.penalty.tolist()
    history["objective"] = r.objective.tolist()
    history["step"] = {n: r.step[:, i].tolist() for i, n in enumerate(names)}
    settings = r.spec.settings()
    return {
        "status": r.status,
        "iterations": r.iterations,
        "converged_at": r.converged_at,
        "diverged_at": r.diverged_at,
        "params": dict(zip(names, r.final, strict=True)),
        "objective": float(r.objective[-1]),
        "optimum": None if opt.params is None else dict(zip(names, opt.params, strict=True)),
        "optimum_objective": opt.objective,
        "optimum_method": opt.method,
        "optimum_note": opt.note,
        "stability_limit": r.stability_limit,
        "settings": settings,
        "data": {"name": r.spec.data.name, "n": r.spec.data.n,
                 "x_name": r.spec.data.x_name, "y_name": r.spec.data.y_name},
        "history": history,
    }


def run_summary(r: Run) -> str:
    """A few lines for a person: what happened, where it ended, where the optimum is."""
    s = r.spec
    names = s.param_names
    pen = "" if s.penalty == "none" else f", {s.penalty.upper()} λ = {_fmt(s.lam)}"
    start = ", ".join(f"{n} = {_fmt(v)}" for n, v in
                      zip(names, s.resolved_start(), strict=True))
    lines = [f"{s.model} model, {s.cost.upper()}{pen}, η = {_fmt(s.learning_rate)}, "
             f"start {start} on {s.data.name} (n = {s.data.n})"]
    if r.status == "converged":
        updates = "update" if r.converged_at == 1 else "updates"
        lines.append(f"converged after {r.converged_at} {updates} (|Δb| ≤ {s.tolerance:g})")
        if r.stopped_short is not None:
            lines.append(f"  ← only by the stopping rule: still {_fmt(r.stopped_short)} from "
                         "the optimum (η too small, or the tolerance too large)")
    elif r.status == "diverged":
        lines.append(f"diverged at update {r.diverged_at}: η is too large "
                     f"(rows kept up to {r.iterations})")
    else:
        lines.append(f"stopped at the maximum of {r.iterations} updates without converging")
    lines.append("final: " + ", ".join(f"{n} = {_fmt(v)}" for n, v in
                                       zip(names, r.final, strict=True))
                 + f", objective = {_fmt(float(r.objective[-1]))}")
    opt = r.optimum
    if opt.params is not None:
        lines.append("exact optimum (" + opt.method + "): " + ", ".join(
            f"{n} = {_fmt(v)}" for n, v in zip(names, opt.params, strict=True))
            + f", objective = {_fmt(opt.objective or 0.0)}")
    else:
        lines.append(f"exact optimum: {opt.note}")
    if r.stability_limit is not None:
        warn = "  ← η is beyond it: the run cannot settle" \
            if s.learning_rate >= r.stability_limit else ""
        lines.append(f"stable for η < {_fmt(r.stability_limit)}{warn}")
    return "\n".join(lines)


@contextmanager
def _progress(label: str, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on a terminal; nothing when piped or quiet."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)
        yield update


def _cmd_run(args: argparse.Namespace) -> int:
    r = run(spec_from_args(args))
    if args.json:
        print(json.dumps(run_to_dict(r), allow_nan=False))
    else:
        print(run_summary(r))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from gdapp.excel import export_workbook
    spec = spec_from_args(args)
    r = run(spec)
    with _progress("writing workbook", args.json) as cb:
        path = export_workbook(r, args.output, progress=cb)
    if args.json:
        print(json.dumps({"workbook": str(path), "rows": r.iterations + 1,
                          "status": r.status, "iterations": r.iterations}))
    else:
        print(run_summary(r))
        print(f"wrote {path} ({r.iterations + 1:,} iteration rows)")
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from gdapp.excel import VerifyUnavailable, verify_workbook
    if not args.timeout > 0:
        raise UsageError(f"--timeout must be > 0 seconds, got {args.timeout:g}")
    try:
        with _progress("verifying in LibreOffice", args.json) as cb:
            report = verify_workbook(args.workbook, timeout=args.timeout, progress=cb)
    except VerifyUnavailable as exc:
        if args.json:
            print(json.dumps({"verdict": "cannot verify", "reason": str(exc)}, allow_nan=False))
        print(f"gdapp: {exc}", file=sys.stderr)  # the message starts "cannot verify: …"
        return 2
    if args.json:
        print(json.dumps({"verdict": "agree" if report.agree else "disagree",
                          "cells_compared": report.cells_compared,
                          "max_deviation": _finite_or_none(report.max_deviation),
                          "first_difference": report.first_difference,
                          "notes": list(report.notes)}, allow_nan=False))
    else:
        print("\n".join(report.summary()))
    return 0 if report.agree else 1


def _finite_or_none(value: float) -> float | None:
    """JSON has no infinity or NaN: ``null`` stands for them."""
    return value if math.isfinite(value) else None


def _cmd_examples(args: argparse.Namespace) -> int:
    from gdapp.excel import write_examples
    for path in write_examples(args.out):
        print(path)
    return 0


def _cmd_gui(args: argparse.Namespace | None) -> int:
    from gdapp.gui.app import launch
    spec = None
    screenshot = None
    if args is not None:
        given = any(getattr(args, f, None) is not None for f in FLAG_FIELDS) or \
            args.data or args.example or args.from_workbook
        spec = spec_from_args(args) if given else None
        screenshot = args.screenshot
    return launch(spec, screenshot=screenshot)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "run": _cmd_run, "export": _cmd_export, "verify": _cmd_verify,
    "examples": _cmd_examples, "gui": _cmd_gui,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gdapp`` console script; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if not argv:
            return _cmd_gui(None)
        args = build_parser().parse_args(argv)
        if args.command is None:
            return _cmd_gui(None)
        if args.command == "gui":
            return _cmd_gui(args)
        with _stopped_by_signals():
            return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"gdapp: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except (DataError, ValueError, OSError, RuntimeError) as exc:
        # DataError, ExportError, WorkbookError and spec validation are ValueErrors with a
        # message written for the user.
        print(f"gdapp: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("gdapp: interrupted", file=sys.stderr)
        return 130
    except Stopped as exc:
        print(f"gdapp: stopped by {signal.Signals(exc.signum).name}; nothing was left "
              "half-written", file=sys.stderr)
        return 128 + exc.signum


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
