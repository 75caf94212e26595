"""Re-plans seen by a calendar that imported the last export: an event per session id, kept
through the edit; sessions the new plan no longer has cancelled under their UID."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from builders import library, make_athlete, make_profile, make_race
from runstrong.domain.athlete import Athlete, Weekday
from runstrong.domain.engine import generate_plan
from runstrong.domain.plan import Plan
from runstrong.export.ics import UID_DOMAIN, UID_NAMESPACE, export_ics
from runstrong.render.resolved import resolve

START = date(2027, 1, 4)
RACE_DAY = START + timedelta(weeks=17, days=6)
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def athlete(**changes: object) -> Athlete:
    base = make_athlete(races=(make_race(RACE_DAY, "A"),))
    return replace(base, **changes) if changes else base


def plan_for(a: Athlete) -> Plan:
    return generate_plan(make_profile(a), library(), start=START)


def uid(session_id: str) -> str:
    """The UID docs/formats.md promises: a UUID 5 of the session id."""
    return f"{uuid.uuid5(UID_NAMESPACE, session_id)}@{UID_DOMAIN}"


def events(data: bytes) -> dict[str, dict[str, object]]:
    out = {}
    for event in Calendar.from_ical(data).walk("VEVENT"):
        out[str(event["UID"])] = {
            "status": str(event.get("STATUS", "")),
            "sequence": int(event.get("SEQUENCE", 0)),
        }
    return out


def replan(before: Athlete, after: Athlete) -> tuple[Plan, Plan, dict[str, dict[str, object]]]:
    old, new = plan_for(before), plan_for(after)
    first = export_ics(resolve(old, before, library()), now=NOW, today=NOW.date())
    second = export_ics(
        resolve(new, after, library()), now=LATER, previous=first, today=LATER.date()
    )
    return old, new, events(second)


def test_a_moved_race_cancels_the_sessions_its_old_weeks_no_longer_hold() -> None:
    later = athlete(races=(make_race(RACE_DAY + timedelta(weeks=1), "A"),))
    old, new, seen = replan(athlete(), later)
    gone = {s.id for s in old.sessions} - {s.id for s in new.sessions}
    assert gone, "the taper's sessions move with the race"
    for sid in gone:
        assert seen[uid(sid)]["status"] == "CANCELLED"
        assert seen[uid(sid)]["sequence"] == 1
    kept = {s.id: s for s in new.sessions}
    for s in old.sessions:
        if s.id in kept and s == kept[s.id]:
            assert seen[uid(s.id)] == {"status": "", "sequence": 0}


def test_fewer_minutes_cancel_nothing_and_raise_the_sequence_of_what_changed() -> None:
    shorter = athlete()
    shorter = replace(shorter, availability=shorter.availability._replace(session_minutes=25))
    old, new, seen = replan(athlete(), shorter)
    assert not [u for u, e in seen.items() if e["status"] == "CANCELLED"]
    before = {s.id: s for s in old.sessions}
    changed = [s for s in new.sessions if s != before[s.id]]
    assert changed
    assert all(seen[uid(s.id)]["sequence"] == 1 for s in changed)


def test_a_strength_day_dropped_moves_sessions_under_their_own_uids() -> None:
    fewer = athlete()
    days = (Weekday.MON, Weekday.THU, Weekday.SAT)
    old, new, seen = replan(
        athlete(), replace(fewer, availability=fewer.availability._replace(strength_days=days))
    )
    on_tuesday = [s for s in old.sessions if s.weekday is Weekday.TUE]
    assert on_tuesday
    new_ids = {s.id for s in new.sessions}
    for s in on_tuesday:
        if s.id in new_ids:
            assert seen[uid(s.id)]["status"] == ""
        else:
            assert seen[uid(s.id)]["status"] == "CANCELLED"
