"""This checkout against other git revisions, measured in one run:
`.venv/bin/python -m bench.revisions [--instructions] REV [REV ...]` (for example the commit
before an issue).

Each revision is checked out into a temporary git worktree and run from its own `src/` with this
checkout's virtual environment (pure Python). Four measures, the revisions taking turns round
after round so that a slow spell of a shared machine falls on all of them:
- repeated generation: the example runner's 24-week plan in process, the median CPU ms of a child
  process that times `generate_plan` again and again. Plans after the first read what earlier
  plans of the same athlete worked out (domain/shared_memo.py, where a revision has it), so this
  is a web server's re-plan, not a first plan;
- the first plan: the CPU ms of one `generate_plan` in a fresh child process, after its imports
  and the loading of the library and the profile (a new child each round): what the command
  line pays for planning. The child turns the cyclic garbage collector off first, as the command
  line does (cli/__init__.py): with it on, whether a full collection of everything the imports
  and the library made falls inside the plan or just before it is an accident of how many
  objects came first (about 4M instructions, one revision or the other);
- the command line, `runstrong plan ALEX --format json`, a fresh interpreter per run: its wall
  ms and its CPU ms (the child's user + system time, from `resource.getrusage(RUSAGE_CHILDREN)`),
  the CPU time being the steadier of the two on a shared machine.
All are medians over the rounds. Ratios to this checkout are the numbers to compare; milliseconds
vary with the machine. Each round the revisions take turns in a rotated order (this checkout first
in one round, second in the next, ...), so a machine that slows down or speeds up within a round
does not favour whichever always went first.

On a machine others are using, CPU milliseconds still move by 20-30% from run to run.
`--instructions` also counts CPU instructions under valgrind's callgrind (deterministic: the same
count run after run, on any load; PYTHONHASHSEED=0): the first plan's (collected only inside
`generate_plan`, called through `operator.call`, whose C function `_operator_call` callgrind
toggles on) and the whole `runstrong plan` command's (its input cache warmed by a run before).
It needs valgrind and takes about a minute more per revision.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
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

# Run in a fresh child: one plan, after the imports and loading, its CPU ms printed. The garbage
# collector off, as in the command line. Called through operator.call: `--instructions` counts
# only what runs inside that C function (callgrind's --toggle-collect=_operator_call).
FIRST_PLAN_CHILD = f"""
import gc
gc.disable()
import operator, sys, time
from datetime import date
from pathlib import Path
from runstrong.domain.engine import generate_plan
from runstrong.library.loader import load_library
from runstrong.profile.loader import load_profile
library = load_library()
profile = load_profile(Path(sys.argv[1]), library)
start = time.process_time()
operator.call(generate_plan, profile, library, today=date.fromisoformat("{TODAY}"), weeks={WEEKS})
print((time.process_time() - start) * 1000)
"""
CLI_ARGS = ["-m", "runstrong", "--today", TODAY, "plan", str(ALEX), "--format", "json"]


def main() -> None:
    args = sys.argv[1:]
    instructions = "--instructions" in args
    revisions = [a for a in args if a != "--instructions"]
    if not revisions:
        sys.exit("usage: python -m bench.revisions [--instructions] REV [REV ...]")
    if instructions and shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (apt-get install valgrind)")
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
            if instructions:
                report_instructions(sources)
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


def in_turn(sources: dict[str, Path], round_: int) -> list[tuple[str, Path]]:
    """The revisions in the order they run in round `round_`: rotated by one each round."""
    order = list(sources.items())
    k = round_ % len(order)
    return order[k:] + order[:k]


def report(sources: dict[str, Path]) -> None:
    generation: dict[str, list[float]] = {name: [] for name in sources}
    first: dict[str, list[float]] = {name: [] for name in sources}
    cli_wall: dict[str, list[float]] = {name: [] for name in sources}
    cli_cpu: dict[str, list[float]] = {name: [] for name in sources}
    for r in range(ROUNDS):
        for name, src in in_turn(sources, r):
            generation[name].append(child_ms(CHILD, src))
    for r in range(FIRST_PLAN_ROUNDS):
        for name, src in in_turn(sources, r):
            first[name].append(child_ms(FIRST_PLAN_CHILD, src))
    for i in range(CLI_RUNS + 1):  # the first round warms the bytecode cache: not counted
        for name, src in in_turn(sources, i):
            cpu_before = children_cpu()
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, *CLI_ARGS],
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


def callgrind_count(args: list[str], src: Path, *toggle: str) -> int:
    """The CPU instructions callgrind counts running `python ARGS` from `src` (with `toggle`, only
    inside that C function)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        found = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                *(["--collect-atstart=no", f"--toggle-collect={toggle[0]}"] if toggle else []),
                sys.executable,
                *args,
            ],
            env={**environment(src), "PYTHONHASHSEED": "0"},
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
    for line in found.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    raise RuntimeError(f"no count in callgrind's output: {found.stderr[-400:]}")


def report_instructions(sources: dict[str, Path]) -> None:
    """The first plan's and the command's CPU instructions (callgrind), ratios to this
    checkout."""
    counts: dict[str, dict[str, int]] = {"first_plan_instructions": {}, "cli_instructions": {}}
    for name, src in sources.items():
        first = ["-c", FIRST_PLAN_CHILD, str(ALEX)]
        counts["first_plan_instructions"][name] = callgrind_count(first, src, "_operator_call")
        subprocess.run(  # the input cache and bytecode warmed, as in the timed runs
            [sys.executable, *CLI_ARGS], env=environment(src), check=True, capture_output=True
        )
        counts["cli_instructions"][name] = callgrind_count(CLI_ARGS, src)
    width = max(len(name) for name in sources)
    print("CPU instructions (callgrind, millions); ratio = revision / this checkout")
    print(f"  {'':<{width}}  {'first plan':>12}  {'ratio':>5}  {'CLI plan':>12}  {'ratio':>5}")
    for name in sources:
        row = ""
        for measure in counts.values():
            here = measure["this checkout"]
            row += f"  {measure[name] / 1e6:12.1f}  {measure[name] / here:5.2f}"
        print(f"  {name:<{width}}{row}")
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
