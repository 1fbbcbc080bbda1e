"""The command line: the same runs, exports and checks as the window, for scripts and CI.

    gdapp                      opens the window on the document example
    gdapp gui [run flags] [--screenshot FILE.png]
    gdapp run    [--example document | --data FILE] [--model origin|line] [--cost mse|mae|rmse]
                 [--penalty none|l1|l2] [--lam L] [--eta E] [--start B1 | --start B0,B1]
                 [--iterations N] [--tol T] [--from WORKBOOK.xlsx] [--json]
    gdapp export (same options) [--lang en|ko] -o FILE.xlsx
    gdapp path   (run flags) [--lambdas auto | L1,L2,…] [--json] [-o FILE.xlsx]
    gdapp verify FILE.xlsx [--strict]  exit 0 agree, 1 disagree, 2 cannot verify
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
from gdapp.cli_flags import FLAG_FIELDS, add_run_flags, ignored_flags, number_flag
from gdapp.core import (
    EXAMPLES,
    DataError,
    Dataset,
    RunSpec,
    encoding_note,
    load_csv,
    parse_number,
    run,
)
from gdapp.core.builtin import EXAMPLE_SETTINGS
from gdapp.core.classes import parse_classes
from gdapp.core.gradient_check import DEFAULT_H
from gdapp.core.holdout import polynomial, split, standardize
from gdapp.core.models import MODEL_RULES
from gdapp.core.path import regularization_path, validation_curve
from gdapp.report import path_summary, path_to_dict, run_summary, run_to_dict


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


def build_parser() -> argparse.ArgumentParser:
    """The ``gdapp`` argument parser (subcommands run, export, verify, examples, gui)."""
    parser = _Parser(prog="gdapp", description="Gradient descent, the way the lecture note "
                     "does it in a spreadsheet — with proof.")
    parser.add_argument("--version", action="version", version=f"gdapp {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    p_run = sub.add_parser("run", help="run gradient descent and print the result")
    add_run_flags(p_run)
    p_run.add_argument("--json", action="store_true", help="print one JSON object")
    p_exp = sub.add_parser("export", help="run and write a live-formula .xlsx workbook")
    add_run_flags(p_exp)
    p_exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p_exp.add_argument("--lang", choices=["en", "ko"], default="en",
                       help="language of the workbook's labels and explanations (default "
                       "en; ko: 한국어); formulas, names and numbers are the same")
    p_exp.add_argument("--json", action="store_true", help="print one JSON object")
    p_ver = sub.add_parser("verify", help="recalculate a workbook in LibreOffice and compare")
    p_ver.add_argument("workbook", metavar="FILE.xlsx")
    p_ver.add_argument("--strict", action="store_true",
                       help="exit 1 also when the workbook agrees only within rounding (a run "
                       "sensitive to rounding, compared within the engine's own spread)")
    p_ver.add_argument("--timeout", type=number_flag, default=600.0,
                       help="seconds LibreOffice may take, > 0 (default 600)")
    p_ver.add_argument("--json", action="store_true",
                       help="print one JSON object: verdict, cells_compared, max_deviation "
                       "(null when not finite: an error or empty cell where a number belongs), "
                       "first_difference, notes; or verdict and reason")
    p_path = sub.add_parser("path", help="the exact optimum at many λ: the regularization "
                            "path (MSE with --penalty l1 or l2)")
    add_run_flags(p_path)
    p_path.add_argument("--lambdas", default="auto", metavar="auto|L1,L2,…",
                        help="the λ values: auto (50, geometric, from the smallest λ at which "
                        "every L1 slope is 0 down to 1e-3 of it) or a comma-separated list")
    p_path.add_argument("--json", action="store_true", help="print one JSON object")
    p_path.add_argument("-o", "--output", metavar="FILE.xlsx",
                        help="also write the path as a workbook whose formulas check every "
                        "row's optimality, with a chart")
    p_ex = sub.add_parser("examples", help="write the note's reference workbooks")
    p_ex.add_argument("--out", required=True, metavar="DIR")
    p_gui = sub.add_parser("gui", help="open the window (the default without arguments)")
    add_run_flags(p_gui)
    p_gui.add_argument("--screenshot", metavar="FILE.png",
                       help="render the window (1280×800 unless --size) to FILE.png and exit")
    p_gui.add_argument("--size", metavar="WxH", default=None,
                       help="with --screenshot: the window's size in pixels (default 1280x800)")
    p_gui.add_argument("--classroom", action="store_true",
                       help="with --screenshot: in classroom mode (larger fonts and lines)")
    p_gui.add_argument("--lesson", type=int, metavar="N", default=None,
                       help="with --screenshot: the lesson's scene N (as the Lesson menu "
                       "numbers them)")
    p_gui.add_argument("--step", type=int, metavar="K", default=None,
                       help="with --screenshot: the iterate k shown (0 is the start)")
    p_gui.add_argument("--lang", choices=["en", "ko"], default=None,
                       help="the window's language for this start (default: the one chosen "
                       "in View ▸ Language, else the system locale's; ko: 한국어)")
    return parser


def _load_data(args: argparse.Namespace) -> Dataset | None:
    if args.data and args.example:
        raise UsageError("give either --example or --data, not both")
    if args.example:
        if args.x or args.y or args.sheet or args.classes:
            raise UsageError("--x, --y, --sheet and --classes choose columns of --data FILE; the "
                             f"example {args.example!r} comes with its own")
        return EXAMPLES[args.example]
    if not args.data:
        if args.x or args.y or args.sheet or args.classes:
            raise UsageError("--x, --y, --sheet and --classes need --data FILE")
        return None
    path = Path(args.data)
    features = _feature_columns(args.x)
    classes = parse_classes(args.classes) if args.classes else None
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from gdapp.excel import load_data_xlsx
        return load_data_xlsx(path, sheet=args.sheet, x=features, y=args.y, classes=classes)
    if args.sheet:
        raise UsageError("--sheet only applies to .xlsx data files")
    return load_csv(path, x=features, y=args.y, classes=classes)


def _feature_columns(text: str | None) -> str | list[str] | None:
    """``--x A,B,C`` → ["A", "B", "C"]; one column stays a string."""
    if text is None or "," not in text:
        return text
    pieces = [p.strip() for p in text.split(",")]
    if not all(pieces):
        raise UsageError(f"--x {text!r}: an empty column name between commas")
    return pieces


def _parse_start(text: str) -> tuple[float, ...]:
    pieces = [p for p in text.replace(";", ",").split(",")]
    try:
        return tuple(parse_number(p) for p in pieces)
    except ValueError as exc:
        raise UsageError(f"--start: {exc}") from None


def spec_from_args(args: argparse.Namespace, *, notes: bool = True) -> RunSpec:
    """The validated RunSpec the flags describe (``--from`` first, explicit flags on top)."""
    base = RunSpec()
    if args.from_workbook:
        from gdapp.excel import read_workbook
        base = read_workbook(args.from_workbook).spec
    changes: dict[str, Any] = {}
    data = _load_data(args)
    if data is not None:
        note = encoding_note(data)
        if note:
            print(f"gdapp: note: {note}", file=sys.stderr)
        changes["data"] = data
        if args.start is None:
            changes["start"] = None  # the documented default start for the new data
    for flag, field in FLAG_FIELDS.items():
        value = getattr(args, flag, None)
        if value is None:
            continue
        changes[field] = _parse_start(value) if flag == "start" else value
    if getattr(args, "check_h", None) is not None:      # the gradient check (--check-h H)
        changes["check_h"] = args.check_h
    elif getattr(args, "check_gradient", False) and base.check_h is None:
        changes["check_h"] = DEFAULT_H
    flag_of = {field: flag for flag, field in FLAG_FIELDS.items()}
    for key, value in EXAMPLE_SETTINGS.get(args.example or "", {}).items():
        if getattr(args, flag_of.get(key, key), None) is None:
            changes.setdefault(key, value)
    if "model" in changes and "start" not in changes and changes["model"] != base.model:
        changes["start"] = None
    if "model" in changes and "cost" not in changes and changes["model"] in MODEL_RULES:
        # a model's own cost, unless the base run chose one that the new model takes too
        new, old = MODEL_RULES[changes["model"]], MODEL_RULES.get(base.model)
        if base.cost not in new.costs or (old is not None and base.cost == old.default_cost):
            changes["cost"] = new.default_cost
    # a start for the powers of x (--degree) is checked once they are made
    start = changes.pop("start", base.start) if getattr(args, "degree", None) else None
    try:
        spec = replace(base, **changes).validated()
        spec = _shaped(spec, args, start)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    for note in ignored_flags(args, spec) if notes else []:
        print(f"gdapp: note: {note}", file=sys.stderr)
    return spec


def _shaped(spec: RunSpec, args: argparse.Namespace,
            degree_start: tuple[float, ...] | None = None) -> RunSpec:
    """The samples as the flags shape them, in this order: the powers of x (--degree), the
    held-out samples (--test-fraction, --split-seed), then --standardize with the training
    samples' mean and sd (gdapp.core.holdout)."""
    degree = getattr(args, "degree", None)
    fraction = getattr(args, "test_fraction", None)
    seed = getattr(args, "split_seed", None)
    standard = getattr(args, "standardize", False)
    if seed is not None and fraction is None:
        raise UsageError("--split-seed chooses the held-out samples of --test-fraction F")
    if degree is None and fraction is None and not standard:
        return spec
    data, held = spec.data, spec.holdout
    if degree is not None:
        if held is not None:
            raise UsageError("--degree makes features of all samples: give it without a "
                             "split already made")
        data = polynomial(data, degree)
    if fraction is not None:
        if held is not None:
            raise UsageError("these samples are already split into training and held-out ones")
        data, held = split(data, fraction, seed or 0)
    if standard:
        data, held = standardize(data, held, centre=MODEL_RULES[spec.model].intercept)
    start = spec.start if args.start is not None else None
    if degree is not None:
        start = degree_start if args.start is not None else None
    return replace(spec, data=data, holdout=held, start=start).validated()


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
        path = export_workbook(r, args.output, progress=cb, lang=args.lang)
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
    agree = report.agree and not (args.strict and report.sensitive)
    if args.json:
        print(json.dumps({"verdict": "agree" if agree else "disagree",
                          "sensitive_to_rounding": report.sensitive,
                          "cells_compared": report.cells_compared,
                          "max_deviation": _finite_or_none(report.max_deviation),
                          "first_difference": report.first_difference,
                          "notes": list(report.notes)}, allow_nan=False))
    else:
        print("\n".join(report.summary()))
    return 0 if agree else 1


def _parse_lambdas(text: str) -> list[float] | None:
    if text.strip().lower() == "auto":
        return None
    try:
        return [parse_number(p) for p in text.replace(";", ",").split(",")]
    except ValueError as exc:
        raise UsageError(f"--lambdas: {exc}") from None


#: The settings a regularization path depends on (the rest shape descents, not optima).
PATH_SETTINGS = ("model", "cost", "penalty")


def _cmd_path(args: argparse.Namespace) -> int:
    for flag, name in FLAG_FIELDS.items():
        if name not in PATH_SETTINGS and getattr(args, flag, None) is not None:
            shown = "--" + flag.replace("_", "-")
            print(f"gdapp: note: {shown} has no effect on a path of exact optima"
                  + (" (give λ values with --lambdas)" if name == "lam" else ""),
                  file=sys.stderr)
    if args.check_gradient or args.check_h is not None:   # exact optima: no descent to check
        print("gdapp: note: --check-gradient has no effect on a path of exact optima",
              file=sys.stderr)
    spec = spec_from_args(args, notes=False)
    rule = MODEL_RULES[spec.model]
    if spec.cost != "mse" or rule.exact != "closed form":
        raise UsageError("the regularization path is computed for MSE (--cost mse) on the "
                         "origin and line models")
    path = regularization_path(spec.data, spec.model, spec.penalty,
                               _parse_lambdas(args.lambdas))
    curve = (None if spec.holdout is None else
             validation_curve(path, spec.data, spec.holdout.data, spec.model))
    written = None
    if args.output:
        from gdapp.excel.path_workbook import export_path
        written = export_path(path, spec.data, spec.model, args.output,
                              holdout=spec.holdout)
    print(json.dumps(path_to_dict(path, spec, curve), allow_nan=False) if args.json
          else path_summary(path, spec, curve))
    if written is not None and not args.json:
        print(f"wrote {written} ({path.lambdas.size} λ rows)")
    return 0


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
    lang = None
    if args is not None:
        given = any(getattr(args, f, None) is not None for f in FLAG_FIELDS) or \
            args.data or args.example or args.from_workbook or args.standardize or \
            any(getattr(args, f, None) is not None
                for f in ("degree", "test_fraction", "split_seed", "check_h")) or \
            args.check_gradient
        spec = spec_from_args(args) if given else None  # --standardize: the box is checked
        screenshot = args.screenshot
        lang = args.lang
        shot = _shot_from_args(args)
        if shot is not None:
            return launch(spec, screenshot=screenshot, lang=lang, shot=shot)
    return launch(spec, screenshot=screenshot, lang=lang)


def _shot_from_args(args: argparse.Namespace) -> Any:
    """The screenshot's view (size, classroom mode, scene, iterate), or None when no such
    flag is given; refused without --screenshot."""
    from gdapp.gui.screenshot import DEFAULT_SIZE, Shot, parse_size

    flags = {"--size": args.size, "--lesson": args.lesson, "--step": args.step,
             "--classroom": args.classroom or None}
    given = [name for name, value in flags.items() if value is not None]
    if not given:
        return None
    if args.screenshot is None:
        raise UsageError(f"{given[0]} is for a screenshot: add --screenshot FILE.png")
    try:
        size = parse_size(args.size) if args.size is not None else DEFAULT_SIZE
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return Shot(size=size, classroom=args.classroom, lesson=args.lesson, step=args.step)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "run": _cmd_run, "export": _cmd_export, "verify": _cmd_verify, "path": _cmd_path,
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
        print("gdapp: interrupted; nothing was left half-written", file=sys.stderr)
        return 130
    except Stopped as exc:
        print(f"gdapp: stopped by {signal.Signals(exc.signum).name}; nothing was left "
              "half-written", file=sys.stderr)
        return 128 + exc.signum


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
