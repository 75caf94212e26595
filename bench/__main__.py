"""Benchmarks for runstrong. Run with `make bench` (or `.venv/bin/python -m bench`).

Every number is a median of repeated runs measured in this one process, with ratios to a
reference measured in the same run (plain `json.dumps` of the same plan), because the machines
are shared and noisy: compare ratios across machines, not milliseconds.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from runstrong import services
from runstrong.domain.engine import generate_plan
from runstrong.export import plan_json
from runstrong.library.loader import load_library

ROOT = Path(__file__).resolve().parents[1]
ALEX = ROOT / "examples" / "alex-marathon.toml"
TODAY = date(2026, 11, 26)
WEEKS = 24


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm-up: imports and caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def cli_ms(args: list[str], runs: int) -> float:
    exe = [sys.executable, "-m", "runstrong", *args]

    def run() -> None:
        subprocess.run(exe, check=True, capture_output=True, cwd=ROOT)

    return median_ms(run, runs)


def main() -> None:
    result = services.make_plan(ALEX, today=TODAY, weeks=WEEKS)
    plan, athlete, library = result.plan, result.athlete, result.library
    profile = result.profile
    as_dict = plan_json.plan_to_dict(plan, athlete, library)
    rows: list[tuple[str, float, str]] = []

    dumps = median_ms(lambda: json.dumps(as_dict, indent=2), 50)
    rows.append(("json.dumps of the 24-week plan (reference)", dumps, ""))
    lib_load = median_ms(load_library, 20)
    rows.append(("load the exercise library", lib_load, f"{len(library)} exercises"))
    gen = median_ms(lambda: generate_plan(profile, library, start=plan.start, weeks=WEEKS), 30)
    rows.append(("generate a 24-week plan", gen, f"{gen / dumps:.1f} x json.dumps"))

    options = services.ExportOptions(now=datetime(2026, 11, 26, tzinfo=UTC))
    for fmt in ("json", "csv", "ics", "fit", "html", "pdf"):
        runs = 3 if fmt == "pdf" else 10
        ms = median_ms(lambda fmt=fmt: services.export_one(fmt, result, options), runs)
        rows.append((f"export {fmt}", ms, f"{ms / dumps:.1f} x json.dumps"))
    formats = services.EXPORT_FORMATS
    every = median_ms(lambda: [services.export_one(f, result, options) for f in formats], 3)
    rows.append(("export all formats", every, ""))

    week = plan.weeks[0]
    from runstrong.domain.balance import week_items
    from runstrong.domain.muscle_load import muscle_loads
    from runstrong.render.heatmap import render_heatmap_svg

    loads = muscle_loads(week_items(week, library))
    svg = median_ms(lambda: render_heatmap_svg(loads, title="Week 1"), 200)
    rows.append(("render one heat-map SVG", svg, ""))

    rows.append(("CLI: runstrong --version", cli_ms(["--version"], 5), "interpreter + imports"))
    plan_cli = cli_ms(["plan", str(ALEX), "--format", "json"], 5)
    rows.append(("CLI: runstrong plan ALEX --format json", plan_cli, "end to end"))

    width = max(len(name) for name, _, _ in rows)
    print(f"runstrong benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, medians")
    for name, ms, note in rows:
        print(f"  {name:<{width}}  {ms:9.2f} ms  {note}")


if __name__ == "__main__":
    main()
