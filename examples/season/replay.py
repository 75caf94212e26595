"""Replay a season of training-log entries through the runstrong command line and print what
`today` said before each session: the dose and load of the lifts followed, where the load came
from, the e1RM, the signals and reasons. `examples/season/README.md` says how to read it.

    python examples/season/replay.py examples/season/marco-season.toml [--db URL]

Without --db it uses a new SQLite file in a temporary folder. The test
tests/cli/test_season_example.py replays the same file on SQLite and PostgreSQL and compares
the output with marco-season.golden.txt.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[[list[str]], str]  # runstrong ARGS (with --db and --today) -> its standard output


def replay(season: Path, run: Run) -> str:
    data = tomllib.loads(season.read_text("utf-8"))
    handle, follow = data["handle"], data["follow"]
    profile = str((season.parent / data["profile"]).resolve())
    run(["--today", data["today"], "athlete", "add", profile, "--handle", handle])
    lines = [f"# {data['title']}", f"# following: {', '.join(follow)}"]
    for entry in data["entry"]:
        day = entry["date"]
        if "niggle" in entry:
            n = entry["niggle"]
            said = run(["--today", day, "niggle", handle, "--site", n["site"],
                        "--pain", str(n["pain"])])  # fmt: skip
            # the new plan's content hash changes with every engine change: left out
            said = re.sub(r"plan [0-9a-f]{16}, ", "a new plan, ", said)
            lines += [f"{day} check-in: {line}" for line in said.splitlines()]
            continue
        if entry.get("skipped"):
            run(["--today", day, "log", handle, "--date", day, "--skipped",
                 "--reason", entry.get("reason", "")])  # fmt: skip
            lines.append(f"{day} skipped: {entry.get('reason', '')}")
            continue
        shown = json.loads(
            run(["--today", day, "today", handle, "--date", day, "--format", "json"])
        )
        lines += session_lines(day, shown, follow)
        args = ["--today", day, "log", handle, "--date", day]
        for spec in entry["sets"]:
            args += ["--set", spec]
        if "rpe" in entry:
            args += ["--rpe", str(entry["rpe"])]
        run(args)
    return "\n".join(lines) + "\n"


def session_lines(day: str, shown: dict[str, Any], follow: list[str]) -> list[str]:
    s = shown["session"]
    signals = ", ".join(r["rule"] for r in s["signals"]) or "-"
    out = [f"{day} {s['id']} signals: {signals}"]
    for x in s["exercises"]:
        if x["slug"] not in follow:
            continue
        dose = x["reps"] or x["seconds"] or x["contacts"]
        effort = f" @{x['rir']}" if x["rir"] is not None else ""
        load = f" {x['load_kg']:g} kg" if x["load_kg"] is not None else ""
        source = f" ({x['load_from']}" if x["load_from"] else ""
        if x["e1rm_kg"] is not None:
            source += f", e1RM {x['e1rm_kg']:g}"
        source += ")" if source else ""
        why = "; ".join(r["text"] for r in x["reasons"] if r["rule"] not in _SIGNALS)
        out.append(
            f"  {x['slug']} {x['sets']}x{dose}{effort}{load}{source}{': ' + why if why else ''}"
        )
    return out


_SIGNALS = {"high_rpe_session_rpe", "missed_sessions_for_reentry"}


def _subprocess_runner(db: str) -> Run:
    import subprocess

    def run(args: list[str]) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "runstrong", "--db", db, *args],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"runstrong {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    return run


def main(argv: list[str]) -> int:
    import tempfile

    season = Path(argv[0])
    with tempfile.TemporaryDirectory() as folder:
        db = argv[argv.index("--db") + 1] if "--db" in argv else f"sqlite:///{folder}/season.db"
        sys.stdout.write(replay(season, _subprocess_runner(db)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
