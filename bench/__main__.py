"""Benchmarks for runstrong. Run with `make bench` (or `.venv/bin/python -m bench`).

Every number is a median of repeated runs measured in this one process, with ratios to a
reference measured in the same run (plain `json.dumps` of the same plan), because the machines
are shared and noisy: compare ratios across machines, not milliseconds.
"""

from __future__ import annotations

import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
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
OTHER_EXAMPLES = ("marco-marathon-gym", "sam-5k-beginner")
CLI_RUNS = 11
# What validating any file with pydantic costs before runstrong's own work (the edited-profile run).
PYDANTIC_MODEL = (
    "import os\nos.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'  # as the CLI does\n"
    "from pydantic import BaseModel\nclass M(BaseModel):\n    x: int = 0\nM(x=1)"
)


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm-up: imports and caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def cli_ms(args: list[str], runs: int, before: Callable[[], None] = lambda: None) -> float:
    """A command in a fresh interpreter, as a user runs it: with Python's bytecode cache, which
    some machines turn off (PYTHONDONTWRITEBYTECODE) and every installed Python has. The warm-up
    run writes it. `before` runs first each time, untimed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for i in range(runs + 1):
        before()
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, capture_output=True, cwd=ROOT, env=env)
        if i:  # the first run warms the bytecode and input caches
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    # WeasyPrint and fontTools log each PDF's font notes; they would drown the table.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    result = services.make_plan(ALEX, today=TODAY, weeks=WEEKS)
    plan, athlete, library = result.plan, result.athlete, result.library
    profile = result.profile
    as_dict = plan_json.plan_to_dict(plan, athlete, library)
    rows: list[tuple[str, float, str]] = []

    dumps = median_ms(lambda: json.dumps(as_dict), 50)
    rows.append(("json.dumps of the 24-week plan (reference)", dumps, "plain, C encoder"))
    indented = median_ms(lambda: json.dumps(as_dict, indent=2), 20)
    rows.append(("  the same with indent=2", indented, f"{indented / dumps:.1f} x json.dumps"))
    lib_load = median_ms(load_library, 20)
    rows.append(("load the exercise library", lib_load, f"{len(library)} exercises"))
    gen = median_ms(lambda: generate_plan(profile, library, start=plan.start, weeks=WEEKS), 30)
    rows.append(("generate a 24-week plan", gen, f"{gen / dumps:.1f} x json.dumps"))
    for name in OTHER_EXAMPLES:
        other = services.make_plan(ROOT / "examples" / f"{name}.toml", today=TODAY, weeks=WEEKS)
        ms = median_ms(
            lambda o=other: generate_plan(o.profile, library, start=o.plan.start, weeks=WEEKS), 30
        )
        rows.append((f"  the same for {name}", ms, f"{ms / dumps:.1f} x json.dumps (Alex's)"))

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

    bare = cli_ms(["-c", "pass"], CLI_RUNS)
    rows.append(("python -c pass (reference for the CLI)", bare, ""))
    version = cli_ms(["-m", "runstrong", "--version"], CLI_RUNS)
    rows.append(("CLI: runstrong --version", version, f"{version / bare:.1f} x python start"))
    plan_cli = cli_ms(["-m", "runstrong", "plan", str(ALEX), "--format", "json"], CLI_RUNS)
    started = f"{plan_cli / bare:.1f} x python start"
    rows.append(("CLI: runstrong plan ALEX --format json", plan_cli, started))
    with tempfile.TemporaryDirectory() as folder:
        edited = Path(folder) / "alex.toml"
        text = ALEX.read_text("utf-8")
        runs = iter(range(10**6))

        def edit() -> None:  # a profile never seen before: validated, not read from the cache
            edited.write_text(f"{text}\n# edit {next(runs)}\n", "utf-8")

        command = ["-m", "runstrong", "plan", str(edited), "--format", "json"]
        new_cli = cli_ms(command, CLI_RUNS, edit)
    started = f"{new_cli / bare:.1f} x python start"
    rows.append(("  the same, the profile just edited", new_cli, started))
    floor = cli_ms(["-c", PYDANTIC_MODEL], CLI_RUNS)
    rows.append(("python: import pydantic, build one model", floor, "validation's floor"))

    width = max(len(name) for name, _, _ in rows)
    print(f"runstrong benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, medians")
    for name, ms, note in rows:
        print(f"  {name:<{width}}  {ms:9.2f} ms  {note}")


if __name__ == "__main__":
    main()
