"""What a workbook costs: export time and peak memory, and LibreOffice's recalculation time.

For the note's run (document example, η = 0.01, from b1 = 15, run for a fixed number of
updates), at 10,000 and at 1,048,575 iterate rows (Excel's last row, one header row above):

* export time of :func:`gdapp.excel.export_workbook` and its peak memory, measured in a fresh
  subprocess so that nothing else is counted: the rise of the resident set during the export
  (sampled every 5 ms; it includes lxml's C allocations) and ``ru_maxrss``, the process's
  high-water mark (building the run included); at 10,000 rows also ``tracemalloc``'s peak of
  Python allocations, in a second child (tracing slows the export about fivefold);
* for the 10,000-row workbook, the seconds LibreOffice headless takes to recalculate it
  (:func:`gdapp.excel.recalc.recalculate`, start-up included) against the seconds the engine
  takes for the same run, and the full verification (recalculate + compare every cell).

Prints one JSON object. Run: ``.venv/bin/python benchmarks/bench_workbook.py`` (or
``./dev bench``); a few minutes, most of it exporting a million rows. ``--quick`` exports
100 and 300 rows and recalculates the first, as the test suite does.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench_engine import best_time, machine

from gdapp.core import MAX_EXPORTABLE_ROWS, RunSpec, rerun_for_rows

#: ``--quick``: two small workbooks, one recalculation (the test suite runs it in seconds)
QUICK = "--quick" in sys.argv[1:]
ROW_COUNTS = (100, 300) if QUICK else (10_000, MAX_EXPORTABLE_ROWS)
SPEC = RunSpec(learning_rate=0.01)

#: Runs in a fresh interpreter: argv = rows, output path, "rss" | "tracemalloc".
#: "rss" samples the resident set every 5 ms while exporting (lxml's C allocations included,
#: which tracemalloc does not see) and also reports ru_maxrss, the whole process's high-water
#: mark (building the run's arrays included).
CHILD = """
import json, os, resource, sys, threading, time, tracemalloc
from gdapp.core import RunSpec, rerun_for_rows
from gdapp.excel import export_workbook
rows, path, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3]
run = rerun_for_rows(RunSpec(learning_rate=0.01), rows)
page = os.sysconf("SC_PAGE_SIZE")

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * page

peak = [rss()]
before = peak[0]
done = threading.Event()

def sample():
    while not done.wait(0.005):
        peak[0] = max(peak[0], rss())

if mode == "tracemalloc":
    tracemalloc.start()
else:
    threading.Thread(target=sample, daemon=True).start()
t0, c0 = time.perf_counter(), time.process_time()
export_workbook(run, path)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
done.set()
out = {"seconds": seconds, "cpu_seconds": cpu}
if mode == "tracemalloc":
    out["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
else:
    peak[0] = max(peak[0], rss())
    out["rss_before_mb"] = before / 2**20
    out["rss_peak_rise_mb"] = (peak[0] - before) / 2**20
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""

#: tracemalloc slows the export about fivefold; it is measured up to this many rows only.
TRACEMALLOC_MAX_ROWS = 100_000


def child(rows: int, path: Path, mode: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(rows), str(path), mode],
        capture_output=True, text=True, timeout=1800, check=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def export_figures(rows: int, folder: Path) -> dict[str, Any]:
    path = folder / f"bench-{rows}.xlsx"
    timed = child(rows, path, "rss")
    figures: dict[str, Any] = {
        "rows": rows,
        "updates": rows - 1,
        "export_seconds": round(timed["seconds"], 2),
        "export_cpu_seconds": round(timed["cpu_seconds"], 2),
        "rows_per_s": round(rows / timed["seconds"]),
        "file_mb": round(path.stat().st_size / 2**20, 2),
        "rss_before_export_mb": round(timed["rss_before_mb"], 1),
        "rss_peak_rise_during_export_mb": round(timed["rss_peak_rise_mb"], 1),
        "process_maxrss_mb": round(timed["maxrss_mb"], 1),
    }
    if rows <= TRACEMALLOC_MAX_ROWS:
        traced = child(rows, folder / f"bench-{rows}-traced.xlsx", "tracemalloc")
        figures["tracemalloc_peak_mb"] = round(traced["tracemalloc_peak_mb"], 1)
    return figures


def recalc_figures(rows: int, folder: Path) -> dict[str, Any]:
    from gdapp.excel import verify_workbook
    from gdapp.excel.recalc import recalculate

    path = folder / f"bench-{rows}.xlsx"
    t0, c0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    recalculate(path, folder / "recalculated")
    recalc_s = time.perf_counter() - t0
    c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    recalc_cpu = (c1.ru_utime + c1.ru_stime) - (c0.ru_utime + c0.ru_stime)
    engine_s = best_time(lambda: rerun_for_rows(SPEC, rows), repeats=5)
    t0 = time.perf_counter()
    report = verify_workbook(path)
    verify_s = time.perf_counter() - t0
    return {
        "rows": rows,
        "libreoffice_recalc_seconds": round(recalc_s, 2),
        "libreoffice_cpu_seconds": round(recalc_cpu, 2),
        "engine_seconds": round(engine_s, 5),
        "recalc_over_engine": round(recalc_s / engine_s),
        "verify_seconds": round(verify_s, 2),
        "verify_agree": report.agree,
        "verify_cells_compared": report.cells_compared,
        "verify_max_deviation": report.max_deviation,
    }


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="gdapp-bench-") as tmp:
        folder = Path(tmp)
        exports = [export_figures(rows, folder) for rows in ROW_COUNTS]
        recalc = recalc_figures(ROW_COUNTS[0], folder)
    report = {
        "benchmark": "workbook",
        "quick": QUICK,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_average_at_start": round(os.getloadavg()[0], 2),
        "run": "document example, eta 0.01, from b1 = 15, fixed number of updates",
        "export": exports,
        "recalculation": recalc,
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
