"""Time the FIT export of a 24-week plan: every session's workout file plus schedule.fit.

Run: .venv/bin/python bench/bench_fit.py [examples/alex-marathon.toml]
Prints the median of 20 runs (time.perf_counter) for the whole export and per session file.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

from runstrong import services
from runstrong.export.fit import export_fit

ROOT = Path(__file__).resolve().parents[1]
RUNS = 20
WEEKS = 24
TODAY = date(2026, 11, 26)


def main(argv: list[str]) -> None:
    profile = Path(argv[0]) if argv else ROOT / "examples" / "alex-marathon.toml"
    result = services.make_plan(profile, today=TODAY, weeks=WEEKS)
    plan, athlete, library = result.plan, result.profile.athlete, result.library
    export_fit(plan, athlete, library)  # warm-up: imports, caches
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        files = export_fit(plan, athlete, library)
        timings.append(time.perf_counter() - start)
    median_s = statistics.median(timings)
    sessions = len(plan.sessions)
    size_kb = sum(len(data) for data in files.values()) / 1024
    print(f"FIT export, {profile.name}, {len(plan.weeks)} weeks, {sessions} sessions")
    print(f"  median of {RUNS} runs: {median_s * 1000:.1f} ms for {len(files)} files")
    print(f"  total size:           {size_kb:.1f} KiB")
    print(f"  per session file:     {median_s * 1000 / max(sessions, 1):.2f} ms")
    print(f"  fastest / slowest:    {min(timings) * 1000:.1f} / {max(timings) * 1000:.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
