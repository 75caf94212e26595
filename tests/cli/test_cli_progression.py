"""The log drives the next session, end to end through the CLI on SQLite and PostgreSQL:
`today` gives loads, reps, contacts from what was done with a reason for each change, the
session's signals, `niggle` check-ins re-plan, and athlete units from the profile. Expected
values worked out by hand from docs/science.md §2.6 and §2.6a."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builders import EXAMPLES, Ran, ok, one_error_line, run_in_process

ALEX = str(EXAMPLES / "alex-marathon.toml")  # A on Tuesdays, B on Thursdays from 7 December
TODAY = "2026-12-02"


def rs(db: str, *args: str, today: str = TODAY) -> Ran:
    return run_in_process("--today", today, *args, db=db)


@pytest.fixture
def alex(database_url: str) -> str:
    ok(rs(database_url, "athlete", "add", ALEX))
    return database_url


def today(db: str, day: str) -> dict[str, object]:
    found: dict[str, object] = json.loads(
        ok(rs(db, "today", "alex", "--date", day, "--format", "json"))
    )
    return found


def exercise(day: dict[str, object], slug: str) -> dict[str, object]:
    session = day["session"]
    assert isinstance(session, dict)
    found: dict[str, object] = next(x for x in session["exercises"] if x["slug"] == slug)
    return found


def rules(items: object) -> list[str]:
    assert isinstance(items, list)
    return [r["rule"] for r in items]


def log_week_one(db: str, *extra: str) -> None:
    split = [a for side in "LR" for a in ("--set", f"bulgarian_split_squat 8x20@2/{side}")] * 3
    ok(rs(db, "log", "alex", "--date", "2026-12-08", *split, "--set", "skipping 10c", *extra))


def test_the_next_session_comes_from_what_was_done(alex: str) -> None:
    before = exercise(today(alex, "2026-12-15"), "bulgarian_split_squat")
    # before any log: the plan's dose, its load estimated from the profile (light kit, §2.8)
    assert (before["reps"], before["rir"], before["load_from"]) == (7, 2, "profile")
    assert before["e1rm_kg"] is None
    assert before["reasons"] == []
    log_week_one(alex)
    day = today(alex, "2026-12-15")
    split = exercise(day, "bulgarian_split_squat")
    # both dumbbells: 40 kg x (1 + (8 + 2)/30) = 53.3 each side; the plan's 7 reps at RIR 2:
    # 53.3 / (1 + 9/30) = 41.0, 20.5 each, to 2 kg dumbbells: 20
    assert split["e1rm_kg_by_side"] == {"left": 53.3, "right": 53.3}
    assert (split["reps"], split["rir"], split["load_kg"], split["load_from"]) == (
        7,
        2,
        20.0,
        "log",
    )
    assert rules(split["reasons"]) == ["log_load"]
    skipping = exercise(day, "skipping")  # 10 done of 20: 11 (10 + 10 %)
    assert (skipping["contacts"], rules(skipping["reasons"])) == (11, ["plyo_contacts_rise_pct"])
    assert skipping["planned"] == {
        "reps": None, "seconds": None, "contacts": 20, "rir": None, "percent_1rm": None,
        "load_kg": None,
    }  # fmt: skip
    table = ok(rs(alex, "today", "alex", "--date", "2026-12-15"))
    assert "log e1RM 53.3" in table
    assert "20 kg for 7 reps at RIR 2, as the 20 kg of 2026-12-08 (done as planned)" in table


def test_a_week_of_high_session_rpe_leaves_more_in_reserve(alex: str) -> None:
    log_week_one(alex, "--rpe", "9")
    ok(rs(alex, "log", "alex", "--date", "2026-12-10", "--set", "push_up 10@1", "--rpe", "8"))
    day = today(alex, "2026-12-15")
    session = day["session"]
    assert isinstance(session, dict)
    assert rules(session["signals"]) == ["high_rpe_session_rpe"]
    split = exercise(day, "bulgarian_split_squat")
    # 7 reps at RIR 3: 53.3 / (1 + 10/30) = 40.0, 20 each, to 2 kg: 20
    assert (split["reps"], split["rir"], split["load_kg"]) == (7, 3, 20.0)
    assert exercise(day, "band_dead_bug")["rir"] == 4  # no load: one more in reserve too


def test_missed_sessions_make_the_loads_lighter(alex: str) -> None:
    log_week_one(alex)
    ok(rs(alex, "log", "alex", "--date", "2026-12-10", "--skipped", "--reason", "ill"))
    day = today(alex, "2026-12-17")  # 15 December planned and never logged: 2 missed
    session = day["session"]
    assert isinstance(session, dict)
    assert rules(session["signals"]) == ["missed_sessions_for_reentry"]
    no_miss = today(alex, "2026-12-15")["session"]
    assert isinstance(no_miss, dict)
    assert no_miss["signals"] == []  # one missed
    ok(rs(alex, "log", "alex", "--date", "2026-12-17", "--set", "push_up 10@2"))
    back = today(alex, "2026-12-22")["session"]  # the first session back eased; not the next
    assert isinstance(back, dict)
    assert back["signals"] == []


def severity_after(db: str, pain: int, day: str, site: str = "knee") -> str:
    return ok(rs(db, "niggle", "alex", "--site", site, "--pain", str(pain), today=day))


def profile_version(db: str) -> int:
    shown = json.loads(ok(rs(db, "athlete", "show", "alex", "--format", "json")))
    version: int = shown["profile_version"]
    return version


def test_niggle_check_ins_set_the_severity_and_re_plan(alex: str) -> None:
    assert "from no niggle to severe" in severity_after(alex, 6, "2026-12-02")
    assert profile_version(alex) == 2
    slugs = {x["slug"] for x in today(alex, "2026-12-08")["session"]["exercises"]}  # type: ignore[index]
    assert "bulgarian_split_squat" not in slugs  # a severe knee: no single-leg knee work
    assert "stays severe" in severity_after(alex, 1, "2026-12-09")
    assert "stays severe" in severity_after(alex, 1, "2026-12-16")  # a week at 2 or less
    assert "from severe to moderate" in severity_after(alex, 2, "2026-12-23")  # two weeks
    assert "stays moderate" in severity_after(alex, 1, "2026-12-26")  # a level a week at most
    assert "from moderate to mild" in severity_after(alex, 0, "2026-12-30")
    assert "from mild to no niggle" in severity_after(alex, 0, "2027-01-06")
    assert profile_version(alex) == 5  # one new version for each change
    assert "from no niggle to moderate" in severity_after(alex, 4, "2027-01-07")
    # the profile's own niggle (a mild Achilles) is kept through every change
    assert "stays mild" in severity_after(alex, 2, "2027-01-07", site="achilles")


def test_a_bad_check_in_is_one_error_line_and_writes_nothing(alex: str) -> None:
    assert "did you mean alex?" in one_error_line(
        rs(alex, "niggle", "alx", "--site", "knee", "--pain", "3")
    )
    bad = rs(alex, "niggle", "alex", "--site", "knee", "--pain", "11")
    assert bad.returncode == 2
    assert profile_version(alex) == 1


def test_units_come_from_the_profile(database_url: str, tmp_path: Path) -> None:
    text = Path(ALEX).read_text("utf-8").replace("[athlete]", '[athlete]\nunits = "lb"', 1)
    profile = tmp_path / "alex-lb.toml"
    profile.write_text(text, "utf-8")
    ok(rs(database_url, "athlete", "add", str(profile)))
    shown = json.loads(ok(rs(database_url, "athlete", "show", "alex", "--format", "json")))
    assert shown["units"] == "lb"
    sides = ("--set", "bulgarian_split_squat 8x44@2/L", "--set", "bulgarian_split_squat 8x44@2/R")
    ok(rs(database_url, "log", "alex", "--date", "2026-12-08", *sides))
    day = json.loads(ok(rs(database_url, "today", "alex", "--date", "2026-12-15",
                           "--format", "json")))  # fmt: skip
    split = exercise(day, "bulgarian_split_squat")
    # 44 lb = 19.958 kg each: e1RM 39.92 x 4/3 = 53.2; 7 at RIR 2: 40.9, 20.5 each, to 2 kg: 20
    assert (split["load_kg"], split["load"]) == (20.0, 44.1)  # 20 / 0.45359237 = 44.1 lb
    assert split["reasons"][0]["text"].startswith("44.1 lb for 7 reps at RIR 2, up from the 44 lb")
    ok(rs(database_url, "athlete", "update", "alex", ALEX))  # a profile without units: kept
    again = json.loads(ok(rs(database_url, "athlete", "show", "alex", "--format", "json")))
    assert again["units"] == "lb"
    kg = tmp_path / "alex-kg.toml"
    kg.write_text(text.replace('units = "lb"', 'units = "kg"'), "utf-8")
    ok(rs(database_url, "athlete", "update", "alex", str(kg)))
    last = json.loads(ok(rs(database_url, "athlete", "show", "alex", "--format", "json")))
    assert last["units"] == "kg"
