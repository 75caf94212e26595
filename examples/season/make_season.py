"""How marco-season.toml was made: a simulated athlete whose true strength rises through the
season does each session as `today` gives it and reports the reps in reserve that strength
leaves (the Epley formula read the other way), with two sessions missed and a knee niggle.
Run once; the season file is the log it wrote, replayed as it is by replay.py.

    python examples/season/make_season.py > examples/season/marco-season.toml
"""

from __future__ import annotations

import json
import math
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from replay import _subprocess_runner

START = date(2026, 12, 7)
TRUE_1RM = {"back_squat": 135.0, "deadlift": 165.0, "romanian_deadlift": 125.0}
GAIN_PER_WEEK = {"back_squat": 1.5, "deadlift": 2.0, "romanian_deadlift": 1.5}
SPLIT_1RM = 70.0  # barbell Bulgarian split squat, per side
SPLIT_GAIN = 1.0
MISSED = {date(2027, 1, 19): "travel", date(2027, 1, 21): "travel"}
NIGGLE = {date(2027, 2, 3): 4, date(2027, 2, 10): 2, date(2027, 2, 17): 1, date(2027, 2, 24): 1}
HARD_WEEK = 6  # both sessions at session RPE 9


def reserve(one_rm: float, kg: float, reps: int) -> int:
    """The reps in reserve a lifter of `one_rm` reports after `reps` at `kg` (0-4)."""
    possible = 30 * (one_rm / kg - 1)
    return max(0, min(4, math.floor(possible - reps)))


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        run = _subprocess_runner(f"sqlite:///{folder}/make.db")
        profile = str(Path(__file__).parent.parent / "marco-marathon-gym.toml")
        run(["--today", "2026-12-02", "athlete", "add", profile, "--handle", "marco"])
        out = ['title = "Marco: 12 weeks logged, two sessions missed, a knee niggle"',
               'handle = "marco"', 'profile = "../marco-marathon-gym.toml"',
               'today = "2026-12-02"  # when Marco was added',
               'follow = ["back_squat", "deadlift", "romanian_deadlift", '
               '"barbell_bulgarian_split_squat", "broad_jump", "lateral_bound"]', ""]  # fmt: skip
        day = START
        while day < START + timedelta(weeks=12):
            week = (day - START).days // 7 + 1
            if day in NIGGLE:
                run(["--today", day.isoformat(), "niggle", "marco", "--site", "knee",
                     "--pain", str(NIGGLE[day])])  # fmt: skip
                out += ["[[entry]]", f'date = "{day}"',
                        f'niggle = {{ site = "knee", pain = {NIGGLE[day]} }}', ""]  # fmt: skip
            shown = json.loads(run(["--today", day.isoformat(), "today", "marco", "--date",
                                    day.isoformat(), "--format", "json"]))  # fmt: skip
            session = shown["session"]
            if session["date"] != day.isoformat():
                day += timedelta(days=1)
                continue
            if day in MISSED:
                run(["--today", day.isoformat(), "log", "marco", "--date", day.isoformat(),
                     "--skipped"])  # fmt: skip
                out += ["[[entry]]", f'date = "{day}"', "skipped = true",
                        f'reason = "{MISSED[day]}"', ""]  # fmt: skip
                day += timedelta(days=1)
                continue
            sets: list[str] = []
            for x in session["exercises"]:
                slug, n = x["slug"], x["sets"]
                if slug in TRUE_1RM and x["load_kg"]:
                    one_rm = TRUE_1RM[slug] + GAIN_PER_WEEK[slug] * (week - 1)
                    rir = reserve(one_rm, x["load_kg"], x["reps"])
                    sets += [f"{slug} {x['reps']}x{x['load_kg']:g}@{rir}"] * n
                elif slug == "barbell_bulgarian_split_squat":
                    kg = x["load_kg"] or 40.0
                    rir = reserve(SPLIT_1RM + SPLIT_GAIN * (week - 1), kg, x["reps"])
                    sets += [f"{slug} {x['reps']}x{kg:g}@{rir}/{side}" for side in "LR"] * n
                elif x["contacts"]:
                    sets += [f"{slug} {x['contacts']}c"] * n
            rpe = 9 if week == HARD_WEEK else 7
            run(["--today", day.isoformat(), "log", "marco", "--date", day.isoformat(),
                 *[a for s in sets for a in ("--set", s)], "--rpe", str(rpe)])  # fmt: skip
            out += ["[[entry]]", f'date = "{day}"', f"rpe = {rpe}", "sets = ["]
            out += [f'  "{s}",' for s in sets]
            out += ["]", ""]
            day += timedelta(days=1)
    sys.stdout.write("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
