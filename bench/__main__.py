"""Benchmarks for runstrong. Run with `make bench` (or `.venv/bin/python -m bench`).

Every number is a median of repeated runs measured in this one process, with ratios to a
reference measured in the same run (plain `json.dumps` of the same plan), because the machines
are shared and noisy: compare ratios across machines, not milliseconds.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from runstrong import services
from runstrong.domain.engine import generate_plan
from runstrong.export import plan_json
from runstrong.library.loader import load_library
from runstrong.profile.loader import load_profile
from runstrong.settings import from_environment

ROOT = Path(__file__).resolve().parents[1]
# The wheel's build, the engine compiled by mypyc (`make compiled`), measured beside pure Python.
COMPILED = ROOT / ".compiled"
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


def interleaved_medians(
    fns: dict[str, Callable[[], Any]], runs: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Median ms of each function, wall clock and CPU time, the functions taking turns round
    after round, so that a slow spell of a shared machine falls on all of them, and their ratios
    stay fair. CPU time leaves out the time a busy host takes the CPU away."""
    for fn in fns.values():
        fn()  # warm-up: imports and caches
    wall: dict[str, list[float]] = {name: [] for name in fns}
    cpu: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start)
    return (
        {name: statistics.median(t) * 1000 for name, t in wall.items()},
        {name: statistics.median(t) * 1000 for name, t in cpu.items()},
    )


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm-up: imports and caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


@dataclass
class Command:
    """A command line to time, and what to do (untimed) before each run."""

    args: list[str]
    before: Callable[[], None] = lambda: None
    compiled: bool = False  # run the wheel's build (.compiled) rather than .venv's pure Python
    times: list[float] = field(default_factory=list)


def cli_medians(commands: dict[str, Command], runs: int) -> dict[str, float]:
    """Each command in a fresh interpreter, as a user runs it, with Python's bytecode cache
    (which some machines turn off with PYTHONDONTWRITEBYTECODE and every installed Python has).
    The commands take turns, round after round, so a slow spell of a shared machine falls on all
    of them alike; the first round warms the bytecode and input caches and is not counted."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for i in range(runs + 1):
        for command in commands.values():
            command.before()
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, *command.args],
                check=True,
                capture_output=True,
                cwd=ROOT,
                env=compiled_env(env) if command.compiled else env,
            )
            if i:
                command.times.append(time.perf_counter() - start)
    return {name: statistics.median(c.times) * 1000 for name, c in commands.items()}


Row = tuple[str, float, str]  # what, median ms, note


def print_rows(title: str, rows: list[Row]) -> None:
    """The table a bench prints: its title with the time, then a row each, aligned."""
    width = max(len(name) for name, _, _ in rows)
    print(f"{title}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, medians")
    for name, value, note in rows:
        print(f"  {name:<{width}}  {value:9.2f} ms  {note}")


def compiled_env(env: dict[str, str]) -> dict[str, str]:
    return {**env, "PYTHONPATH": str(COMPILED)}


# The bench is an entry point: it reads the environment once, as the CLI does (the input cache).
SETTINGS = from_environment(os.environ, today=TODAY)


def make_plan(profile: Path) -> services.PlanResult:
    library = services.open_library(SETTINGS)
    validated = load_profile(profile, library, cache_dir=SETTINGS.cache_dir)
    return services.make_plan(validated, library, SETTINGS, weeks=WEEKS)


def main() -> None:
    if sys.argv[1:] == ["--generation"]:  # the child process measuring the compiled build
        result = make_plan(ALEX)
        print(json.dumps(generation_medians(result)))
        return
    # WeasyPrint and fontTools log each PDF's font notes; they would drown the table.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    result = make_plan(ALEX)
    in_process, dumps = in_process_rows(result)
    rows = [
        *in_process,
        *reader_rows(result, dumps),
        *compiled_rows(),
        *export_rows(result, dumps),
        *cli_rows(),
    ]
    print_rows("runstrong benchmarks", rows)


def generating(result: services.PlanResult) -> Callable[[], Any]:
    """Generating `result`'s plan again, from its validated profile."""
    return lambda: generate_plan(
        result.profile, result.library, start=result.plan.start, weeks=WEEKS
    )


def generation_medians(result: services.PlanResult) -> dict[str, dict[str, float]]:
    """Median wall and CPU ms of the reference (json.dumps of the plan), the library load and
    plan generation for each example, taking turns."""
    as_dict = plan_json.plan_to_dict(result.resolved)
    timed: dict[str, Callable[[], Any]] = {
        "dumps": lambda: json.dumps(as_dict),
        "indented": lambda: json.dumps(as_dict, indent=2),
        "library": lambda: load_library(cache_dir=SETTINGS.cache_dir),
        "alex": generating(result),
    }
    for name in OTHER_EXAMPLES:
        other = make_plan(ROOT / "examples" / f"{name}.toml")
        timed[name] = generating(other)
    ms, cpu = interleaved_medians(timed, 30)
    return {"ms": ms, "cpu": cpu}


def in_process_rows(result: services.PlanResult) -> tuple[list[Row], float]:
    """The reference, the library load and plan generation in this process (pure Python); and
    the reference's median."""
    medians = generation_medians(result)
    ms = medians["ms"]
    dumps = ms["dumps"]
    rows: list[Row] = [
        ("json.dumps of the 24-week plan (reference)", dumps, "plain, C encoder"),
        ("  the same with indent=2", ms["indented"], f"{ms['indented'] / dumps:.1f} x"),
        ("load the exercise library", ms["library"], f"{len(result.library)} exercises"),
        *generation_rows("generate a 24-week plan (pure Python)", medians),
    ]
    return rows, dumps


def reader_rows(result: services.PlanResult, dumps: float) -> list[Row]:
    """Reading Alex's profile in this process: validated (a profile never seen before), and
    from the input cache (seen before); and the hostile-input checks alone (issue 13)."""
    import tomllib

    from runstrong.input_files import PROFILE_MAX_BYTES, parse_toml, read_input
    from runstrong.profile.loader import profile_from_bytes

    raw = read_input(ALEX, PROFILE_MAX_BYTES)
    where = str(ALEX)
    ms, _ = interleaved_medians(
        {
            "validate": lambda: profile_from_bytes(raw, ".toml", result.library, where),
            "cached": lambda: load_profile(ALEX, result.library, cache_dir=SETTINGS.cache_dir),
            "parse": lambda: parse_toml(raw, where),
            "tomllib": lambda: tomllib.loads(raw.decode("utf-8")),
        },
        200,
    )
    checks_us = (ms["parse"] - ms["tomllib"]) * 1000
    return [
        (
            "read Alex's profile: validate",
            ms["validate"],
            f"{ms['validate'] / dumps:.2f} x json.dumps",
        ),
        (
            "  the same from the input cache",
            ms["cached"],
            f"{ms['cached'] / dumps:.2f} x json.dumps",
        ),
        ("  parse its TOML, nesting checked", ms["parse"], f"tomllib alone + {checks_us:.1f} us"),
    ]


def generation_rows(title: str, medians: dict[str, dict[str, float]]) -> list[Row]:
    ms, cpu = medians["ms"], medians["cpu"]

    def note(name: str, whose: str = "") -> str:
        ratio = f"{ms[name] / ms['dumps']:.1f} x json.dumps{whose}"
        return f"{ratio}; CPU {cpu[name]:.2f} ms = {cpu[name] / cpu['dumps']:.1f} x"

    rows: list[Row] = [(title, ms["alex"], note("alex"))]
    for name in OTHER_EXAMPLES:
        rows.append((f"  the same for {name}", ms[name], note(name, " (Alex's)")))
    return rows


def compiled_rows() -> list[Row]:
    """Generation again in the wheel's build, in a process of its own: its ratios are to the
    json.dumps measured there."""
    if not (COMPILED / ".built").exists():
        return [("generate, compiled build", float("nan"), "not built: run `make compiled`")]
    child = subprocess.run(
        [sys.executable, "-m", "bench", "--generation"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=compiled_env(dict(os.environ)),
    )
    return generation_rows("generate a 24-week plan (compiled)", json.loads(child.stdout))


def export_rows(result: services.PlanResult, dumps: float) -> list[Row]:
    options = services.ExportOptions(now=datetime(2026, 11, 26, tzinfo=UTC))
    rows: list[Row] = []
    for fmt in ("json", "csv", "ics", "fit", "html", "pdf"):
        runs = 3 if fmt == "pdf" else 10
        took = median_ms(functools.partial(services.export_one, fmt, result, options), runs)
        rows.append((f"export {fmt}", took, f"{took / dumps:.1f} x json.dumps"))
    formats = services.EXPORT_FORMATS
    every = median_ms(lambda: [services.export_one(f, result, options) for f in formats], 3)
    rows.append(("export all formats", every, ""))

    from runstrong.domain.balance import week_items
    from runstrong.domain.muscle_load import muscle_loads
    from runstrong.render.heatmap import render_heatmap_svg

    loads = muscle_loads(week_items(result.plan.weeks[0], result.library))
    svg = median_ms(lambda: render_heatmap_svg(loads, title="Week 1"), 200)
    rows.append(("render one heat-map SVG", svg, ""))
    return rows


def cli_rows() -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        edited = Path(folder) / "alex.toml"
        text = ALEX.read_text("utf-8")

        def edit() -> None:  # a profile never seen before: validated, not read from the cache
            edited.write_text(f"{text}\n# edited {time.time_ns()}\n", "utf-8")

        plan = ["-m", "runstrong", "plan"]
        cli = cli_medians(
            {
                "bare": Command(["-c", "pass"]),
                "version": Command(["-m", "runstrong", "--version"]),
                "plan": Command([*plan, str(ALEX), "--format", "json"]),
                "edited": Command([*plan, str(edited), "--format", "json"], edit),
                "plan_compiled": Command([*plan, str(ALEX), "--format", "json"], compiled=True),
                "edited_compiled": Command(
                    [*plan, str(edited), "--format", "json"], edit, compiled=True
                ),
                "pydantic": Command(["-c", PYDANTIC_MODEL]),
            },
            CLI_RUNS,
        )
    bare = cli["bare"]
    rows: list[Row] = [("python -c pass (reference for the CLI)", bare, "")]
    for name, label in (
        ("version", "CLI: runstrong --version"),
        ("plan", "CLI: runstrong plan ALEX --format json"),
        ("edited", "  the same, the profile just edited"),
        ("plan_compiled", "  the same, compiled build"),
        ("edited_compiled", "  the same, compiled build, the profile just edited"),
    ):
        rows.append((label, cli[name], f"{cli[name] / bare:.1f} x python start"))
    rows.append(("python: import pydantic, build one model", cli["pydantic"], "validation's floor"))
    return rows


if __name__ == "__main__":
    main()
