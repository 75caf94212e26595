"""This checkout against other git revisions, measured in one run:
`.venv/bin/python -m bench.revisions REV [REV ...]` (for example the commit before an issue).

Each revision is checked out into a temporary git worktree and run from its own `src/` with this
checkout's virtual environment (pure Python). Four measures, the revisions taking turns round
after round so that a slow spell of a shared machine falls on all of them:
- repeated generation: the example runner's 24-week plan in process, the median CPU ms of a child
  process that times `generate_plan` again and again. Plans after the first read what earlier
  plans of the same athlete worked out (domain/shared_memo.py, where a revision has it), so this
  is a web server's re-plan, not a first plan;
- the first plan: the CPU ms of one `generate_plan` in a fresh child process, after its imports
  and the loading of the library and the profile (a new child each round): what the command
  line pays for planning;
- the command line, `runstrong plan ALEX --format json`, a fresh interpreter per run: its wall
  ms and its CPU ms (the child's user + system time, from `resource.getrusage(RUSAGE_CHILDREN)`),
  the CPU time being the steadier of the two on a shared machine.
All are medians over the rounds. Ratios to this checkout are the numbers to compare; milliseconds
vary with the machine.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALEX = ROOT / "examples" / "alex-marathon.toml"
TODAY = "2026-11-26"
WEEKS = 24
ROUNDS = 7  # child processes per revision for generation
GENERATIONS = 15  # plans generated per child process (after one warm-up)
FIRST_PLAN_ROUNDS = 15  # fresh child processes per revision, one plan each
CLI_RUNS = 11

# Run in each revision's child: the plan generated again and again, median CPU ms printed.
CHILD = f"""
import statistics, sys, time
from datetime import date
from pathlib import Path
from runstrong.domain.engine import generate_plan
from runstrong.library.loader import load_library
from runstrong.profile.loader import load_profile
library = load_library()
profile = load_profile(Path(sys.argv[1]), library)
def once():
    return generate_plan(profile, library, today=date.fromisoformat("{TODAY}"), weeks={WEEKS})
once()
times = []
for _ in range({GENERATIONS}):
    start = time.process_time()
    once()
    times.append(time.process_time() - start)
print(statistics.median(times) * 1000)
"""

# Run in a fresh child: one plan, after the imports and loading, its CPU ms printed.
FIRST_PLAN_CHILD = f"""
import sys, time
from datetime import date
from pathlib import Path
from runstrong.domain.engine import generate_plan
from runstrong.library.loader import load_library
from runstrong.profile.loader import load_profile
library = load_library()
profile = load_profile(Path(sys.argv[1]), library)
start = time.process_time()
generate_plan(profile, library, today=date.fromisoformat("{TODAY}"), weeks={WEEKS})
print((time.process_time() - start) * 1000)
"""


def main() -> None:
    revisions = sys.argv[1:]
    if not revisions:
        sys.exit("usage: python -m bench.revisions REV [REV ...]")
    with tempfile.TemporaryDirectory() as folder:
        sources = {"this checkout": ROOT / "src"}
        for rev in revisions:
            tree = Path(folder) / rev.replace("/", "_")
            subprocess.run(
                ["git", "worktree", "add", "--detach", str(tree), rev],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            sources[rev] = tree / "src"
        try:
            report(sources)
        finally:
            for rev in revisions:
                tree = Path(folder) / rev.replace("/", "_")
                subprocess.run(
                    ["git", "worktree", "remove", "--force", str(tree)],
                    cwd=ROOT,
                    check=False,
                    capture_output=True,
                )


def environment(src: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(src)}


def children_cpu() -> float:
    """Seconds of CPU (user + system) used by this process's finished children so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def child_ms(code: str, src: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code, str(ALEX)],
        env=environment(src),
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.strip())


def report(sources: dict[str, Path]) -> None:
    generation: dict[str, list[float]] = {name: [] for name in sources}
    first: dict[str, list[float]] = {name: [] for name in sources}
    cli_wall: dict[str, list[float]] = {name: [] for name in sources}
    cli_cpu: dict[str, list[float]] = {name: [] for name in sources}
    for _ in range(ROUNDS):
        for name, src in sources.items():
            generation[name].append(child_ms(CHILD, src))
    for _ in range(FIRST_PLAN_ROUNDS):
        for name, src in sources.items():
            first[name].append(child_ms(FIRST_PLAN_CHILD, src))
    command = ["-m", "runstrong", "--today", TODAY, "plan", str(ALEX), "--format", "json"]
    for i in range(CLI_RUNS + 1):  # the first round warms the bytecode cache: not counted
        for name, src in sources.items():
            cpu_before = children_cpu()
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, *command],
                env=environment(src),
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            wall = time.perf_counter() - start
            cpu = children_cpu() - cpu_before
            if i:
                cli_wall[name].append(wall * 1000)
                cli_cpu[name].append(cpu * 1000)
    measures = {
        "generate_cpu_ms": generation,
        "first_plan_cpu_ms": first,
        "cli_cpu_ms": cli_cpu,
        "cli_ms": cli_wall,
    }
    medians = {
        measure: {name: statistics.median(times) for name, times in runs.items()}
        for measure, runs in measures.items()
    }
    headings = {
        "generate_cpu_ms": "repeated plan (CPU ms)",
        "first_plan_cpu_ms": "first plan (CPU ms)",
        "cli_cpu_ms": "CLI plan (CPU ms)",
        "cli_ms": "CLI plan (wall ms)",
    }
    width = max(len(name) for name in sources)
    print(
        f"revisions, pure Python, medians ({ROUNDS} x {GENERATIONS} repeated plans; "
        f"{FIRST_PLAN_ROUNDS} first plans; {CLI_RUNS} CLI runs); ratio = revision / this checkout"
    )
    print(f"  {'':<{width}}" + "".join(f"  {headings[m]:>23}  {'ratio':>5}" for m in measures))
    for name in sources:
        row = ""
        for median in medians.values():
            here = median["this checkout"]
            row += f"  {median[name]:23.2f}  {median[name] / here:5.2f}"
        print(f"  {name:<{width}}{row}")
    print(json.dumps(medians))


if __name__ == "__main__":
    main()
