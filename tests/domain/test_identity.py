"""Identities: ids that survive re-plans while a session stays the same session (docs/formats.md,
"Identities")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from builders import library, make_athlete, make_profile, make_race
from runstrong.domain.athlete import Athlete, Run, RunningOverride, RunType, Weekday
from runstrong.domain.engine import generate_plan
from runstrong.domain.identity import athlete_id_from_name, places, serial32, session_id
from runstrong.domain.plan import Plan, Session
from runstrong.domain.profile import Profile

START = date(2027, 1, 4)  # a Monday
RACE_DAY = START + timedelta(weeks=17, days=6)


def plan_for(athlete: Athlete) -> Plan:
    return generate_plan(make_profile(athlete), library(), start=START)


def base_athlete(**changes: object) -> Athlete:
    athlete = make_athlete(
        races=(make_race(RACE_DAY, "A"),), strength_days=("mon", "tue", "thu", "sat")
    )
    return replace(athlete, **changes) if changes else athlete


def by_id(plan: Plan) -> dict[str, Session]:
    return {s.id: s for s in plan.sessions}


def test_an_athlete_without_an_id_takes_one_from_the_name() -> None:
    assert athlete_id_from_name("Alex Morgan") == "alex-morgan"
    assert athlete_id_from_name("  Zoë Ó'Briain ") == "zoe-o-briain"
    assert athlete_id_from_name("李").startswith("athlete-")
    assert athlete_id_from_name("李") != athlete_id_from_name("李小龍")  # they keep apart
    assert athlete_id_from_name("李") == athlete_id_from_name("李")
    assert make_athlete().key == "test-runner"
    assert replace(make_athlete(), id="club-0042").key == "club-0042"


def test_a_session_id_is_the_athlete_the_monday_and_the_place_in_the_week() -> None:
    assert session_id("alex", date(2027, 3, 1), "A") == "alex/2027-03-01/A"
    assert places(["M", "M"]) == ["M", "M2"]
    assert places(["A", "B"]) == ["A", "B"]


def test_every_session_and_prescription_of_a_plan_has_its_own_id() -> None:
    plan = plan_for(base_athlete())
    ids = [s.id for s in plan.sessions]
    assert len(set(ids)) == len(ids)
    pattern = re.compile(r"^test-runner/(\d{4}-\d\d-\d\d)/(A|B|M2?|T|ACT|REC)$")
    for week in plan.weeks:
        for s in week.sessions:
            found = pattern.match(s.id)
            assert found, s.id
            assert found.group(1) == week.start.isoformat()
    exercise_ids = [i for s in plan.sessions for i in s.exercise_ids]
    assert len(set(exercise_ids)) == len(exercise_ids)
    assert plan.id == "test-runner"


def test_a_32_bit_serial_is_stable_never_zero_and_steps_past_a_collision() -> None:
    first = serial32("alex/2027-03-01/A", set())
    assert first == serial32("alex/2027-03-01/A", set())
    assert 0 < first < 2**32
    taken = {first}
    second = serial32("alex/2027-03-01/A", taken)
    assert second != first
    assert taken == {first, second}


def test_fewer_minutes_keep_every_id_and_change_the_content() -> None:
    before = plan_for(base_athlete())
    shorter = base_athlete()
    shorter = replace(shorter, availability=shorter.availability._replace(session_minutes=25))
    after = plan_for(shorter)
    assert by_id(after).keys() == by_id(before).keys()
    changed = [i for i, s in by_id(after).items() if s.exercises != by_id(before)[i].exercises]
    assert changed, "25 minutes should change some sessions"


def test_a_strength_day_dropped_keeps_the_ids_of_the_sessions_that_stay() -> None:
    before = plan_for(base_athlete())
    fewer = base_athlete()
    days = (Weekday.MON, Weekday.THU, Weekday.SAT)
    after = plan_for(replace(fewer, availability=fewer.availability._replace(strength_days=days)))
    old, new = by_id(before), by_id(after)
    moved = [i for i in new.keys() & old.keys() if new[i].date != old[i].date]
    assert moved, "Tuesday's sessions move to another day and keep their ids"
    for i in moved:
        assert new[i].date.weekday() != Weekday.TUE.number


def test_a_race_moved_keeps_the_ids_of_the_weeks_it_does_not_reach() -> None:
    before = plan_for(base_athlete())
    later = base_athlete(races=(make_race(RACE_DAY + timedelta(weeks=1), "A"),))
    after = plan_for(later)
    old, new = by_id(before), by_id(after)
    early = [i for i in old if old[i].date < START + timedelta(weeks=6)]
    assert early
    assert all(i in new for i in early)
    taper = [i for i in new if i.endswith("/T")]
    assert taper
    assert all(i not in old for i in taper), "the taper week moved with the race"


DAYS = [d.value for d in Weekday]


@given(
    minutes=st.sampled_from([25, 35, 45, 60]),
    days=st.lists(st.sampled_from(DAYS), min_size=1, max_size=4, unique=True),
    shift_weeks=st.integers(-3, 3),
)
def test_a_session_unchanged_by_an_edit_keeps_its_id_and_no_two_sessions_share_one(
    minutes: int, days: list[str], shift_weeks: int
) -> None:
    before = plan_for(base_athlete())
    edited = base_athlete(races=(make_race(RACE_DAY + timedelta(weeks=shift_weeks), "A"),))
    availability = edited.availability._replace(
        session_minutes=minutes,
        strength_days=tuple(Weekday(d) for d in days),
    )
    after = plan_for(replace(edited, availability=availability))
    ids = [s.id for s in after.sessions]
    assert len(set(ids)) == len(ids)
    old = {(s.date, s.time, s.title, s.exercises): s.id for s in before.sessions}
    for s in after.sessions:
        same = old.get((s.date, s.time, s.title, s.exercises))
        if same is not None:
            assert s.id == same


def test_a_profile_id_names_every_session() -> None:
    profile: Profile = make_profile(replace(base_athlete(), id="club-7"))
    plan = generate_plan(profile, library(), start=START)
    assert plan.id == "club-7"
    assert all(s.id.startswith("club-7/") for s in plan.sessions)


def test_a_travel_week_changes_only_its_own_sessions_and_they_keep_their_ids() -> None:
    before = plan_for(base_athlete())
    monday = START + timedelta(weeks=2)
    trip = RunningOverride(
        monday, monday + timedelta(days=6), (Run(Weekday.WED, RunType.EASY, 30, time(7, 0)),)
    )
    usual = base_athlete()
    after = plan_for(replace(usual, running=usual.running._replace(overrides=(trip,))))
    old, new = by_id(before), by_id(after)
    assert old.keys() == new.keys()
    in_trip = [i for i in new if monday <= new[i].date <= monday + timedelta(days=6)]
    assert in_trip
    assert any(new[i].reasons != old[i].reasons for i in in_trip), "the trip changes its week"
    outside = [i for i in new if new[i].date < monday - timedelta(days=7)]
    assert outside
    assert all(new[i] == old[i] for i in outside)
