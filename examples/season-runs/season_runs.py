"""Marco's 12-week season with its runs: the strength log of examples/season/ (replayed with
each session's planned minutes) and 12 weeks of runs written here as FIT (fit-tool) and GPX
(the standard library) files by the tests' own writers, imported, then the load, the compliance
and the charts. `README.md` beside this file says what to read in them.

    python examples/season-runs/season_runs.py -o out/season-runs [--db URL]

It prints the report (the runs by week and kind, `runstrong load` and `runstrong compliance`)
and writes load, monotony and compliance charts as PNG and SVG into the folder.
tests/cli/test_season_runs_example.py replays it on SQLite and PostgreSQL and compares the
report with season-runs.golden.txt.
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

HERE = Path(__file__).parent
EXAMPLES = HERE.parent
sys.path.insert(0, str(EXAMPLES.parent / "tests"))
from activity_files import LapSpec, fit_bytes, gpx_bytes  # noqa: E402

Run = Callable[[list[str]], str]  # runstrong ARGS (with --today) -> its standard output
START = date(2026, 12, 7)  # Monday of week 1
WEEKS = 12
ZONE = ZoneInfo("Europe/Rome")
ANCHORS = "\n[anchors]\ncritical_power_w = 300\nmax_hr = 188\nresting_hr = 48\n"
CHART_KINDS = ("load", "monotony", "compliance")
TODAY = START + timedelta(weeks=WEEKS) - timedelta(days=1)  # the last Sunday


@dataclass(frozen=True, slots=True)
class SeasonRun:
    """A run of the season: its label (what kind it is meant to be), day, local start time,
    laps, and the formats it was recorded in (two: a watch and a phone)."""

    label: str
    day: date
    at: time
    laps: list[LapSpec]
    formats: tuple[str, ...] = ("fit",)


def steady(minutes: float, speed: float, watts: float, hr: float, climb: float = 0.0) -> LapSpec:
    return (minutes * 60, minutes * 60 * speed, hr, watts, climb)


def laps_of(label: str, minutes: int) -> list[LapSpec]:
    """A run of `label` lasting about `minutes`: 5-minute laps at the run's pace, work laps
    between easier ones for intervals and hills."""
    if label == "intervals":
        work = [steady(4, 4.6, 345, 172), steady(2, 2.6, 170, 150)] * 6
        return [steady(15, 3.2, 210, 132), *work, steady(minutes - 51, 3.1, 200, 135)]
    if label == "hills":
        work = [steady(1.5, 2.8, 340, 170, 30), steady(2, 3.0, 150, 140)] * 8
        return [steady(15, 3.2, 210, 132, 10), *work, steady(minutes - 43, 3.1, 200, 135, 5)]
    if label == "tempo":
        return [steady(15, 3.2, 210, 132), steady(30, 4.0, 285, 165),
                steady(minutes - 45, 3.1, 200, 135)]  # fmt: skip
    if label == "race":  # a parkrun: 5 km in about 19:23
        return [steady(1000 / 4.3 / 60, 4.3, 320, 178, 2)] * 5
    speed, watts, hr = {"easy": (3.2, 215, 135), "recovery": (3.0, 195, 125),
                        "long": (3.2, 225, 140)}[label]  # fmt: skip
    laps = [steady(5, speed, watts, hr, 3)] * (minutes // 5)
    return laps + ([steady(minutes % 5, speed, watts, hr)] if minutes % 5 else [])


USUAL_WEEK = (  # Marco's running week (examples/marco-marathon-gym.toml), with its start times
    ("easy", 50, time(6, 30)), ("intervals", 70, time(6, 30)), ("easy", 60, time(6, 30)),
    ("tempo", 60, time(6, 30)), ("recovery", 40, time(6, 30)), ("easy", 45, time(8)),
    ("long", 150, time(7, 30)),
)  # fmt: skip


def season_runs() -> list[SeasonRun]:
    """Twelve weeks of the usual week, with what happened: hills for the tempo in weeks 3 and
    5, a bigger week 6 (a 180-minute long run), travel in week 7 (three runs), a parkrun for
    Saturday's easy run in week 9, a cold in week 10 (Tuesday to Thursday off), lighter runs
    in the recovery weeks 4, 8 and 12 (80 % of the minutes). The Saturday easy runs come from
    a phone (GPX); the long runs of weeks 2 and 11 were recorded by both (FIT and GPX)."""
    runs: list[SeasonRun] = []
    for week in range(1, WEEKS + 1):
        monday = START + timedelta(weeks=week - 1)
        for weekday, (label, minutes, at) in enumerate(USUAL_WEEK):
            day = monday + timedelta(days=weekday)
            if week == 7 and weekday in (1, 2, 3, 4):  # travel
                continue
            if week == 10 and weekday in (1, 2, 3):  # a cold
                continue
            if week in (3, 5) and label == "tempo":
                label = "hills"
            if week == 6 and label == "long":
                minutes = 180
            if week == 9 and weekday == 5:
                label = "race"
            if week % 4 == 0 and label != "race":
                minutes = minutes * 4 // 5
            formats: tuple[str, ...] = ("fit",)
            if weekday == 5 and label != "race":
                formats = ("gpx",)
            elif label == "long" and week in (2, 11):
                formats = ("fit", "gpx")
            runs.append(SeasonRun(label, day, at, laps_of(label, minutes), formats))
    return runs


def write_runs(folder: Path) -> list[SeasonRun]:
    """The season's runs as files in `folder`, named by day and kind."""
    folder.mkdir(parents=True, exist_ok=True)
    runs = season_runs()
    for r in runs:
        start = datetime.combine(r.day, r.at, ZONE).astimezone(UTC)
        seconds = sum(x[0] for x in r.laps)
        for fmt in r.formats:
            name = folder / f"{r.day.isoformat()}-{r.label}.{fmt}"
            if fmt == "fit":
                name.write_bytes(fit_bytes(start, r.laps))
            else:
                hr = round(sum(x[0] * (x[2] or 0) for x in r.laps) / seconds)
                name.write_bytes(gpx_bytes(start, seconds, hr=hr))
    return runs


def replay(run: Run, folder: Path) -> str:
    """Marco added (his profile with [anchors]), the strength log of examples/season/ with
    each session's planned minutes, the runs imported; the report."""
    season = tomllib.loads((EXAMPLES / "season" / "marco-season.toml").read_text("utf-8"))
    profile = folder / "marco.toml"
    profile.write_text((EXAMPLES / "marco-marathon-gym.toml").read_text("utf-8") + ANCHORS)
    run(["--today", season["today"], "athlete", "add", str(profile), "--handle", "marco"])
    for entry in season["entry"]:
        day = entry["date"]
        if "niggle" in entry:
            n = entry["niggle"]
            run(["--today", day, "niggle", "marco", "--site", n["site"], "--pain", str(n["pain"])])
            continue
        if entry.get("skipped"):
            run(["--today", day, "log", "marco", "--date", day, "--skipped"])
            continue
        shown = json.loads(run(["--today", day, "today", "marco", "--date", day,
                                "--format", "json"]))  # fmt: skip
        done = [*entry["sets"], *rest_as_planned(shown["session"], entry["sets"])]
        sets = [a for s in done for a in ("--set", s)]
        run(["--today", day, "log", "marco", "--date", day, *sets, "--rpe", str(entry["rpe"]),
             "--minutes", str(shown["session"]["est_minutes"])])  # fmt: skip
    runs = write_runs(folder / "runs")
    today = ["--today", TODAY.isoformat()]
    lines = [run([*today, "import", "runs", str(folder / "runs"), "--athlete", "marco"])
             .splitlines()[0]]  # fmt: skip
    listed = json.loads(run([*today, "runs", "list", "marco", "--format", "json"]))["runs"]
    lines += kinds_by_week(runs, listed)
    lines += ["", run([*today, "load", "marco", "--weeks", str(WEEKS)]).rstrip()]
    lines += ["", run([*today, "compliance", "marco"]).rstrip()]
    return "\n".join(lines) + "\n"


def rest_as_planned(session: dict[str, Any], logged: list[str]) -> list[str]:
    """The sets of the session's exercises that the season file does not log (it logs the
    lifts it follows), done as planned: each set of a per-side exercise on both sides."""
    followed = {spec.split()[0] for spec in logged}
    out = []
    for x in session["exercises"]:
        if x["slug"] in followed:
            continue
        if x["contacts"]:
            dose = f"{x['contacts']}c"
        elif x["seconds"]:
            dose = f"{x['seconds']}s"
        else:
            load = f"x{x['load_kg']:g}" if x["load_kg"] else ""
            dose = f"{x['reps']}{load}" + (f"@{x['rir']}" if x["rir"] is not None else "")
        sides = ("/L", "/R") if x["per_side"] else ("",)
        out += [f"{x['slug']} {dose}{side}" for _ in range(x["sets"]) for side in sides]
    return out


def kinds_by_week(runs: list[SeasonRun], listed: list[dict[str, object]]) -> list[str]:
    """Each week's runs as classified, and those whose kind is not the one meant."""
    meant = {r.day.isoformat(): "easy" if r.label == "recovery" else r.label for r in runs}
    out = []
    for week in range(WEEKS):
        monday = START + timedelta(weeks=week)
        days = {(monday + timedelta(days=i)).isoformat() for i in range(7)}
        kinds = [str(x["kind"]) for x in listed if x["day"] in days]
        wrong = [f"{x['day']} {x['kind']} (meant {meant[str(x['day'])]})" for x in listed
                 if x["day"] in days and x["kind"] != meant[str(x["day"])]]  # fmt: skip
        out.append(f"week {week + 1:2} {monday}: {' '.join(kinds)}"
                   + (f"  MISCLASSIFIED: {', '.join(wrong)}" if wrong else ""))  # fmt: skip
    return out


def charts(run: Run, out: Path, suffixes: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """The season's load, monotony and compliance charts in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    today = ["--today", TODAY.isoformat()]
    written = []
    for kind in CHART_KINDS:
        for suffix in suffixes:
            path = out / f"marco-{kind}.{suffix}"
            run([*today, "chart", "marco", "--kind", kind, "--from", START.isoformat(),
                 "-o", str(path)])  # fmt: skip
            written.append(path)
    return written


def _subprocess_runner(db: str) -> Run:
    import subprocess

    def run(args: list[str]) -> str:
        done = subprocess.run([sys.executable, "-m", "runstrong", "--db", db, *args],
                              capture_output=True, text=True, check=False)  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"runstrong {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    return run


def main(argv: list[str]) -> int:
    import tempfile

    out = Path(argv[argv.index("-o") + 1]) if "-o" in argv else Path("season-runs")
    with tempfile.TemporaryDirectory() as folder:
        db = argv[argv.index("--db") + 1] if "--db" in argv else f"sqlite:///{folder}/runs.db"
        run = _subprocess_runner(db)
        sys.stdout.write(replay(run, Path(folder)))
        for path in charts(run, out):
            print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
