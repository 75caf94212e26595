"""This checkout against other git revisions, measured in one run:
`.venv/bin/python -m bench.revisions REV [REV ...]` (for example the commit before an issue).

Each revision is checked out into a temporary git worktree and run from its own `src/` with this
checkout's virtual environment (pure Python). Two measures, the revisions taking turns round
after round so that a slow spell of a shared machine falls on all of them:
- generating the example runner's 24-week plan in process: the median CPU ms of a child process
  that times `generate_plan` again and again;
- the command line, `runstrong plan ALEX --format json`, a fresh interpreter per run.
Ratios to this checkout are the numbers to compare; milliseconds vary with the machine.
"""

from __future__ import annotations

import json
import os
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


def report(sources: dict[str, Path]) -> None:
    generation: dict[str, list[float]] = {name: [] for name in sources}
    cli: dict[str, list[float]] = {name: [] for name in sources}
    for _ in range(ROUNDS):
        for name, src in sources.items():
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(ALEX)],
                env=environment(src),
                check=True,
                capture_output=True,
                text=True,
            )
            generation[name].append(float(out.stdout.strip()))
    command = ["-m", "runstrong", "--today", TODAY, "plan", str(ALEX), "--format", "json"]
    for i in range(CLI_RUNS + 1):  # the first round warms the bytecode cache: not counted
        for name, src in sources.items():
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, *command],
                env=environment(src),
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            if i:
                cli[name].append(time.perf_counter() - start)
    gen = {name: statistics.median(t) for name, t in generation.items()}
    run = {name: statistics.median(t) * 1000 for name, t in cli.items()}
    here_gen, here_cli = gen["this checkout"], run["this checkout"]
    width = max(len(name) for name in sources)
    print(f"revisions, pure Python, medians ({ROUNDS} x {GENERATIONS} plans; {CLI_RUNS} CLI runs)")
    print(f"  {'':<{width}}  {'generate (CPU ms)':>18}  {'ratio':>6}  {'CLI plan (ms)':>14}  ratio")
    for name in sources:
        print(
            f"  {name:<{width}}  {gen[name]:18.2f}  {gen[name] / here_gen:6.2f}  "
            f"{run[name]:14.1f}  {run[name] / here_cli:.2f}"
        )
    print(json.dumps({"generate_cpu_ms": gen, "cli_ms": run}))


if __name__ == "__main__":
    main()
