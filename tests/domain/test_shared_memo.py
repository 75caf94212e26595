"""Plans of the same athlete share what no date changes (shared_memo.py): choices, load limits
and doses. A plan made after another that shares its memo is the plan made from a fresh start."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from builders import EXAMPLES, library, make_race
from runstrong.domain import shared_memo
from runstrong.domain.athlete import Run, RunningWeek, RunType, Weekday
from runstrong.domain.engine import generate_plan
from runstrong.domain.profile import Profile
from runstrong.export import plan_json
from runstrong.profile import load_profile
from runstrong.render.resolved import resolve

START = date(2026, 12, 7)


def plan_bytes(profile: Profile, start: date = START) -> bytes:
    plan = generate_plan(profile, library(), start=start)
    return plan_json.export_json(resolve(plan, profile.athlete, library()))


def other_weeks(profile: Profile) -> Profile:
    """The same athlete (level, kit, niggles, maxes, body mass) running another week, with
    another race and other strength days: what the shared memo does not depend on."""
    week = RunningWeek(
        (
            Run(Weekday.WED, RunType.INTERVALS, 50, time(6)),
            Run(Weekday.SAT, RunType.LONG, 100, time(8)),
        )
    )
    race = make_race(START + timedelta(weeks=20), "A", "half_marathon", name="Autumn Half")
    availability = profile.athlete.availability._replace(strength_days=(Weekday.MON, Weekday.THU))
    athlete = replace(
        profile.athlete, name="Other", running=week, races=(race,), availability=availability
    )
    return replace(profile, athlete=athlete)


RUNNERS = ["alex-marathon", "jo-ultra-achilles", "rui-advanced-knee-back", "tom-beginner-25min"]


@pytest.mark.parametrize("example", RUNNERS)
def test_a_plan_made_after_one_sharing_its_memo_is_the_plan_made_from_a_fresh_start(
    example: str,
) -> None:
    first = load_profile(EXAMPLES / f"{example}.toml", library())
    second = other_weeks(first)
    shared_memo.clear()
    fresh = plan_bytes(second)
    shared_memo.clear()
    plan_bytes(first, START - timedelta(weeks=3))  # fills the memo the second plan then reads
    assert plan_bytes(second) == fresh


def test_the_memo_is_shared_by_the_same_athlete_and_not_by_another_body_mass() -> None:
    profile = load_profile(EXAMPLES / "alex-marathon.toml", library())
    athlete, rules = profile.athlete, profile.rules
    one = shared_memo.shared_memo(athlete, library(), rules)
    assert shared_memo.shared_memo(other_weeks(profile).athlete, library(), rules) is one
    heavier = replace(athlete, body_mass_kg=(athlete.body_mass_kg or 60.0) + 10)
    assert shared_memo.shared_memo(heavier, library(), rules) is not one
    assert (
        shared_memo.shared_memo(
            athlete, library(), replace(rules, accessory_sets=rules.accessory_sets + 1)
        )
        is not one
    )
