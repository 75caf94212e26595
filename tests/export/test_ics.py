"""iCalendar export: every example plan reads in two parsers; re-exports update events in place."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import ics
import pytest
import recurring_ical_events
from icalendar import Calendar, Event

from builders import EXAMPLES, percent_of, plan_from_file
from runstrong import services
from runstrong.domain.engine import generate_plan
from runstrong.domain.errors import InputError
from runstrong.domain.plan import Plan, Session
from runstrong.export.ics import export_ics
from runstrong.render.dose_text import position_labels
from runstrong.render.messages import cited
from runstrong.render.resolved import resolve

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
LATER = datetime(2027, 1, 15, 20, 45, 12, tzinfo=UTC)
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.toml"))
ALEX = EXAMPLES / "alex-marathon.toml"


@cache
def example(path: Path) -> services.PlanResult:
    return plan_from_file(path, TODAY)


@cache
def exported(path: Path) -> bytes:
    """The example's plan exported at NOW with no alarm and no previous file."""
    return export(example(path))


def export(
    result: services.PlanResult,
    plan: Plan | None = None,
    *,
    now: datetime = NOW,
    previous: bytes | None = None,
    alarm_minutes: int | None = None,
    today: date | None = None,
) -> bytes:
    athlete, library = result.profile.athlete, result.library
    return export_ics(
        resolve(plan or result.plan, athlete, library),
        now=now,
        previous=previous,
        alarm_minutes=alarm_minutes,
        today=today,
    )


def events(data: bytes) -> list[Event]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def session_events(data: bytes) -> list[Event]:
    """Timed events (the sessions), in the order they happen (same start: by title)."""
    timed = [e for e in events(data) if isinstance(e["DTSTART"].dt, datetime)]
    return sorted(timed, key=lambda e: (e["DTSTART"].dt, str(e["SUMMARY"])))


def in_time_order(plan: Plan) -> list[Session]:
    return sorted(plan.sessions, key=lambda s: (s.date, s.time, s.title))


def uid_at(data: bytes, start: datetime) -> str:
    [uid] = [str(e["UID"]) for e in session_events(data) if e["DTSTART"].dt == start]
    return uid


def change_session(plan: Plan, week: int, number: int, **changes: object) -> Plan:
    """The plan with session `number` of week `week` (both 0-based) changed."""
    old = plan.weeks[week]
    sessions = list(old.sessions)
    sessions[number] = replace(sessions[number], **changes)  # type: ignore[arg-type]
    weeks = list(plan.weeks)
    weeks[week] = replace(old, sessions=tuple(sessions))
    return replace(plan, weeks=tuple(weeks))


def description_lines(event: Event) -> list[str]:
    return [line.strip() for line in str(event["DESCRIPTION"]).split("\n")]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_both_parsers_read_one_event_per_session_race_and_deload_week(path: Path) -> None:
    result = example(path)
    data = exported(path)
    expected = (
        len(result.plan.sessions)
        + len(result.profile.athlete.races)
        + sum(w.deload for w in result.plan.weeks)
    )
    assert len(events(data)) == expected
    assert len(ics.Calendar(data.decode("utf-8")).events) == expected


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_sessions_start_at_their_local_time_in_the_athlete_zone_and_last_their_minutes(
    path: Path,
) -> None:
    result = example(path)
    zone = ZoneInfo(result.profile.athlete.timezone)
    data = exported(path)
    by_icalendar = session_events(data)
    by_ics = sorted(
        (e for e in ics.Calendar(data.decode("utf-8")).events if not e.all_day),
        key=lambda e: (e.begin, e.name),
    )
    sessions = in_time_order(result.plan)
    assert len(by_icalendar) == len(by_ics) == len(sessions)
    for session, event, other in zip(sessions, by_icalendar, by_ics, strict=True):
        wanted = datetime.combine(session.date, session.time, tzinfo=zone)
        assert event["DTSTART"].params["TZID"] == result.profile.athlete.timezone
        assert event["DTSTART"].dt.replace(tzinfo=None) == wanted.replace(tzinfo=None)
        assert event["DTSTART"].dt.utcoffset() == wanted.utcoffset()
        assert other.begin.datetime == wanted  # the same instant, read from our VTIMEZONE
        assert other.end.datetime - other.begin.datetime == timedelta(minutes=session.est_minutes)
        assert str(event["SUMMARY"]) == session.title == other.name


def test_summer_sessions_are_an_hour_ahead_of_utc_in_london() -> None:
    data = exported(ALEX)
    april = [e for e in session_events(data) if e["DTSTART"].dt.date() >= date(2027, 4, 1)]
    december = [e for e in session_events(data) if e["DTSTART"].dt.month == 12]
    assert april
    assert december
    assert {e["DTSTART"].dt.utcoffset() for e in april} == {timedelta(hours=1)}
    assert {e["DTSTART"].dt.utcoffset() for e in december} == {timedelta(0)}
    window = recurring_ical_events.of(Calendar.from_ical(data)).between(
        datetime(2027, 4, 24, 16, 59, tzinfo=UTC), datetime(2027, 4, 24, 17, 1, tzinfo=UTC)
    )
    assert [str(e["SUMMARY"]) for e in window] == ["Recovery: light strength"]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_description_holds_each_exercise_with_its_sets_cues_why_and_the_days_reasons(
    path: Path,
) -> None:
    result = example(path)
    data = exported(path)
    for session, event in zip(in_time_order(result.plan), session_events(data), strict=True):
        lines = description_lines(event)
        text = str(event["DESCRIPTION"])
        for label, p in zip(position_labels(session.exercises), session.exercises, strict=True):
            at = lines.index(f"{label}. {p.name}")
            assert lines[at + 1].startswith(f"{p.sets} × "), lines[at + 1]
            assert "per side" in lines[at + 1] if p.per_side else "per side" not in lines[at + 1]
            for cue in result.library.get(p.slug).cues:
                assert f"- {cue}" in lines
            assert f"Why: {p.why}" in lines
        assert "Why this day:" in lines
        assert all(f"- {cited(reason)}" in lines for reason in session.reasons)
        assert ("Warnings:" in lines) == bool(session.warnings)
        assert all(cited(warning) in text for warning in session.warnings)


def test_a_superset_is_labelled_as_on_paper_and_explained_once_before_its_first_member() -> None:
    result = example(ALEX)
    session = result.plan.weeks[0].sessions[0]
    squat, first, second, *_, last = session.exercises
    exercises = (
        replace(squat, superset=None),
        replace(first, superset="A", sets=3, rest_s=90),
        replace(second, superset="A", sets=1, rest_s=120),
        replace(last, superset=None),
    )
    plan = change_session(result.plan, 0, 0, exercises=exercises)
    event = session_events(export(result, plan))[0]
    lines = description_lines(event)
    assert [line for line in lines if re.match(r"[A-Z]\d?\. |Superset", line)] == [
        f"A. {squat.name}",
        "Superset: alternate B1 and B2, then rest 2:00. Then B1's last 2 sets alone.",
        f"B1. {first.name}",
        f"B2. {second.name}",
        f"C. {last.name}",
    ]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_superset_of_an_example_plan_is_explained_once_with_the_larger_rest(
    path: Path,
) -> None:
    result = example(path)
    pairs = 0
    timed = session_events(exported(path))
    for session, event in zip(in_time_order(result.plan), timed, strict=True):
        lines = description_lines(event)
        ex = session.exercises
        labels = position_labels(ex)
        said = [line for line in lines if line.startswith(("Superset:", "Circuit:"))]
        expected = []
        for i in range(len(ex) - 1):
            if ex[i].superset is None or (i and ex[i - 1].superset == ex[i].superset):
                continue  # not the first member of a superset or circuit
            end = i + 1
            while end < len(ex) and ex[end].superset == ex[i].superset:
                end += 1
            if end == i + 1:
                continue
            group, names = ex[i:end], labels[i:end]
            letter = names[0][0]
            assert names == [f"{letter}{n}" for n in range(1, len(names) + 1)]  # B1, B2 ...
            rest_s = max(p.rest_s for p in group)
            rest = f"{rest_s // 60}:{rest_s % 60:02d}" if rest_s >= 60 else f"{rest_s} s"
            listed = f"{', '.join(names[:-1])} and {names[-1]}"
            kind = "Superset: alternate" if len(group) == 2 else "Circuit: one after the other,"
            line = f"{kind} {listed}, then rest {rest}."
            assert lines[lines.index(f"{names[0]}. {group[0].name}") - 1].startswith(line)
            expected.append(line)
        assert [line.split(".")[0] + "." for line in said] == expected
        pairs += len(expected)
    assert pairs > 0  # guards the checks above: every example plan has supersets


def test_loads_from_a_one_rep_max_are_shown_in_kilograms_near_the_percentage() -> None:
    result = example(EXAMPLES / "kim-no-race.toml")
    maxes = result.profile.athlete.one_rep_max_kg
    data = export(result)
    checked = 0
    for session, event in zip(in_time_order(result.plan), session_events(data), strict=True):
        lines = description_lines(event)
        for label, p in zip(position_labels(session.exercises), session.exercises, strict=True):
            percent = percent_of(p)
            if percent is None or p.slug not in maxes:
                continue
            dose = lines[lines.index(f"{label}. {p.name}") + 1]
            found = re.search(rf"@ ([\d.]+) kg, {percent}% 1RM", dose)
            assert found, dose
            assert abs(float(found[1]) - maxes[p.slug] * percent / 100) <= 2.5
            checked += 1
    assert checked > 0


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_uids_are_unique_and_ours(path: Path) -> None:
    uids = [str(e["UID"]) for e in events(exported(path))]
    assert len(set(uids)) == len(uids)
    assert all(re.fullmatch(r"[0-9a-f-]{36}@runstrong", uid) for uid in uids)


@pytest.mark.parametrize(
    "who",
    [{"name": "Alex's training partner"}, {"name": "Alex", "id": "alex-from-the-club"}],
    ids=["another-name", "same-name-own-id"],
)
def test_two_athletes_with_the_same_plan_and_race_never_share_a_uid(who: dict[str, str]) -> None:
    """A coach may import several runners' calendars into one: no event may replace another's.
    Each runner's plan is made from their own profile (session ids, so UIDs, start with the
    athlete's id); two runners of one name need `athlete.id` to tell them apart."""
    result = example(ALEX)
    twin = replace(result.profile.athlete, **who)
    profile = replace(result.profile, athlete=twin)
    weeks = len(result.plan.weeks)
    plan = generate_plan(profile, result.library, start=result.plan.start, weeks=weeks)
    assert [s.date for s in plan.sessions] == [s.date for s in result.plan.sessions]
    partner = export_ics(resolve(plan, twin, result.library), now=NOW)
    alex = {str(e["UID"]) for e in events(exported(ALEX))}
    assert len(events(partner)) == len(alex)
    assert not alex & {str(e["UID"]) for e in events(partner)}


def test_calendar_header_names_the_athlete_zone_and_product() -> None:
    calendar = Calendar.from_ical(exported(ALEX))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//runstrong//runstrong plan//EN"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["X-WR-CALNAME"]) == "Strength plan: Alex"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/London"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_a_vtimezone_for_the_athlete_zone_comes_before_the_events(path: Path) -> None:
    result = example(path)
    data = exported(path)
    calendar = Calendar.from_ical(data)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [
        result.profile.athlete.timezone
    ]
    assert calendar.get_missing_tzids() == set()
    assert data.index(b"BEGIN:VTIMEZONE") < data.index(b"BEGIN:VEVENT")


def test_a_utc_athlete_gets_utc_times_and_no_vtimezone() -> None:
    result = example(ALEX)
    athlete = replace(result.profile.athlete, timezone="UTC")
    data = export_ics(resolve(result.plan, athlete, result.library), now=NOW)
    assert b"BEGIN:VTIMEZONE" not in data
    first = session_events(data)[0]["DTSTART"].dt
    session = in_time_order(result.plan)[0]
    assert first == datetime.combine(session.date, session.time, tzinfo=UTC)
    assert re.search(rb"\r\nDTSTART:\d{8}T\d{6}Z\r\n", data)


def test_alarm_is_a_display_reminder_the_asked_minutes_before_each_session() -> None:
    result = example(ALEX)
    with_alarm = export(result, alarm_minutes=45)
    for event in session_events(with_alarm):
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == timedelta(minutes=-45)
    assert b"BEGIN:VALARM" not in export(result)
    ics_alarms = [
        e.alarms for e in ics.Calendar(with_alarm.decode("utf-8")).events if not e.all_day
    ]
    assert all(a[0].trigger == timedelta(minutes=-45) for a in ics_alarms)


def test_races_and_deload_weeks_are_all_day_events() -> None:
    result = example(EXAMPLES / "marco-marathon-gym.toml")
    data = export(result)
    all_day = {
        str(e["SUMMARY"]): e for e in events(data) if not isinstance(e["DTSTART"].dt, datetime)
    }
    race = all_day["Race: Spring Marathon (marathon, A race)"]
    assert race["DTSTART"].dt == date(2027, 4, 25)
    assert race["DTEND"].dt == date(2027, 4, 26)
    assert "Race: Half Marathon tune-up (half marathon, B race)" in all_day
    deloads = sorted(
        (e for e in events(data) if str(e["SUMMARY"]) == "Deload week"),
        key=lambda e: e["DTSTART"].dt,
    )
    weeks = [w for w in result.plan.weeks if w.deload]
    assert [e["DTSTART"].dt for e in deloads] == [w.start for w in weeks]
    for event in deloads:
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert start.weekday() == 0  # Monday
        assert end - start == timedelta(days=7)  # DTEND is exclusive: through Sunday
        assert str(event["TRANSP"]) == "TRANSPARENT"


def test_categories_name_the_phase_the_deload_and_strength() -> None:
    result = example(ALEX)
    by_start = {e["DTSTART"].dt: e for e in session_events(exported(ALEX))}
    assert len(by_start) == len(result.plan.sessions)
    for week in result.plan.weeks:
        for session in week.sessions:
            start = datetime.combine(session.date, session.time, tzinfo=ZoneInfo("Europe/London"))
            event = by_start[start]
            categories = set(event["CATEGORIES"].cats)
            wanted = {str(week.phase), "strength"} | ({"deload"} if week.deload else set())
            assert categories == wanted


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_reexporting_the_same_plan_over_its_previous_file_gives_the_same_bytes(path: Path) -> None:
    result = example(path)
    first = export(result, alarm_minutes=30)
    again = export(result, now=LATER, previous=first, alarm_minutes=30)
    assert again == first


def test_the_same_input_gives_the_same_bytes_with_crlf_lines() -> None:
    result = example(ALEX)
    data = export(result)
    assert export(result) == data
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_events_are_written_in_the_order_they_happen_then_by_uid(path: Path) -> None:
    def when(event: Event) -> tuple[date, str]:
        start = event["DTSTART"].dt
        if isinstance(start, datetime):
            return (start.date(), start.strftime("%H:%M"))
        return (start, "")  # all-day events first on their day

    written = [(when(e), str(e["UID"])) for e in events(exported(path))]
    assert written == sorted(written)


def test_changing_a_session_keeps_its_uid_raises_its_sequence_and_restamps_only_it() -> None:
    result = example(ALEX)
    first = export(result)
    session = result.plan.weeks[1].sessions[0]
    changed = change_session(result.plan, 1, 0, exercises=session.exercises[:-1])
    second = export(result, changed, now=LATER, previous=first)

    start = datetime.combine(session.date, session.time, tzinfo=ZoneInfo("Europe/London"))
    uid = uid_at(first, start)
    assert uid_at(second, start) == uid
    after = {str(e["UID"]): e for e in events(second)}
    assert after[uid]["SEQUENCE"] == 1
    assert after[uid]["DTSTAMP"].dt == LATER
    gone = f". {session.exercises[-1].name}"  # its labelled line (the reasons may name it)
    before = {str(e["UID"]): e for e in events(first)}
    assert any(line.endswith(gone) for line in description_lines(before[uid]))
    assert not any(line.endswith(gone) for line in description_lines(after[uid]))
    others = [e for u, e in after.items() if u != uid]
    assert {e["SEQUENCE"] for e in others} == {0}
    assert {e["DTSTAMP"].dt for e in others} == {NOW}

    third = export(result, change_session(changed, 1, 0, est_minutes=50), previous=second)
    assert {str(e["UID"]): e for e in events(third)}[uid]["SEQUENCE"] == 2


def test_moving_a_session_to_another_time_updates_the_same_event() -> None:
    result = example(ALEX)
    first = export(result)
    session = result.plan.weeks[2].sessions[1]
    moved = change_session(result.plan, 2, 1, time=time(7, 30))
    second = export(result, moved, now=LATER, previous=first)
    zone = ZoneInfo("Europe/London")
    uid = uid_at(first, datetime.combine(session.date, session.time, tzinfo=zone))
    assert uid_at(second, datetime.combine(session.date, time(7, 30), tzinfo=zone)) == uid
    assert len(events(second)) == len(events(first))


def test_events_new_since_the_previous_export_start_at_sequence_zero_stamped_now() -> None:
    result = example(ALEX)
    short = replace(result.plan, weeks=result.plan.weeks[:6])
    first = export(result, short)
    second = export(result, now=LATER, previous=first)
    known = {str(e["UID"]) for e in events(first)}
    new = [e for e in events(second) if str(e["UID"]) not in known]
    kept = [e for e in events(second) if str(e["UID"]) in known]
    assert new
    assert kept
    assert {(e["SEQUENCE"], e["DTSTAMP"].dt) for e in new} == {(0, LATER)}
    assert {(e["SEQUENCE"], e["DTSTAMP"].dt) for e in kept} == {(0, NOW)}


def test_turning_the_alarm_on_counts_as_a_change() -> None:
    result = example(ALEX)
    first = export(result)
    second = export(result, now=LATER, previous=first, alarm_minutes=10)
    assert {e["SEQUENCE"] for e in session_events(second)} == {1}


def test_now_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        export(example(ALEX), now=datetime(2026, 11, 26, 9, 30))


@pytest.mark.parametrize(
    "junk", [b"", b"not a calendar", b"BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n"]
)
def test_a_previous_file_that_is_not_a_calendar_is_an_input_error(junk: bytes) -> None:
    with pytest.raises(InputError, match="previous calendar"):
        export(example(ALEX), previous=junk)


def test_an_exported_file_on_disk_reads_back_the_same(tmp_path: Path) -> None:
    result = example(ALEX)
    target = tmp_path / "alex.ics"
    target.write_bytes(export(result))
    with target.open(encoding="utf-8", newline="") as fh:
        calendar = ics.Calendar(fh.read())
    assert len(calendar.events) == len(events(target.read_bytes()))


# Sessions the plan no longer has -----------------------------------------------------------


def drop_session(plan: Plan, week: int, number: int) -> Plan:
    """The plan without session `number` of week `week` (both 0-based): a strength day given up."""
    old = plan.weeks[week]
    sessions = tuple(s for i, s in enumerate(old.sessions) if i != number % len(old.sessions))
    weeks = list(plan.weeks)
    weeks[week] = replace(old, sessions=sessions)
    return replace(plan, weeks=tuple(weeks))


def by_uid(data: bytes) -> dict[str, Event]:
    return {str(e["UID"]): e for e in events(data)}


def ics_by_uid(data: bytes) -> dict[str, ics.Event]:
    """The other parser's reading of the same file."""
    return {e.uid: e for e in ics.Calendar(data.decode("utf-8")).events}


def dropped_session() -> tuple[services.PlanResult, Session, bytes, bytes]:
    """Alex's plan exported at NOW, then again at LATER without week 3's last session (the last:
    so no other session of the week changes its place, whatever a UID is made from)."""
    result = example(ALEX)
    first = export(result)
    gone = result.plan.weeks[2].sessions[-1]
    second = export(
        result, drop_session(result.plan, 2, -1), now=LATER, previous=first, today=TODAY
    )
    return result, gone, first, second


def start_of(result: services.PlanResult, session: Session) -> datetime:
    zone = ZoneInfo(result.profile.athlete.timezone)
    return datetime.combine(session.date, session.time, tzinfo=zone)


def test_a_session_the_plan_no_longer_has_is_cancelled_under_its_uid_with_a_higher_sequence() -> (
    None
):
    result, gone, first, second = dropped_session()
    uid = uid_at(first, start_of(result, gone))
    cancelled = by_uid(second)[uid]
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled["SEQUENCE"] == 1
    assert cancelled["DTSTAMP"].dt == LATER
    assert cancelled["DTSTART"].dt == start_of(result, gone)
    assert str(cancelled["SUMMARY"]) == gone.title
    other = ics_by_uid(second)[uid]
    assert other.status == "CANCELLED"
    assert other.begin == start_of(result, gone)
    # every other event is as it was, and none of them is cancelled
    live = [e for u, e in by_uid(second).items() if u != uid]
    assert len(live) == len(events(first)) - 1
    assert {(e["SEQUENCE"], e.get("STATUS")) for e in live} == {(0, None)}
    assert [e for e in ics_by_uid(second).values() if e.status == "CANCELLED"] == [other]


def test_a_cancelled_event_stays_as_it_is_when_the_plan_is_exported_again() -> None:
    result, _, _, second = dropped_session()
    plan = drop_session(result.plan, 2, -1)
    third = export(result, plan, now=LATER + timedelta(days=1), previous=second, today=TODAY)
    assert third == second


def test_a_cancelled_session_that_comes_back_is_a_change_with_a_higher_sequence() -> None:
    result, gone, first, second = dropped_session()
    uid = uid_at(first, start_of(result, gone))
    later = LATER + timedelta(days=1)
    third = export(result, now=later, previous=second, today=TODAY)
    back = by_uid(third)[uid]
    assert back.get("STATUS") is None
    assert (back["SEQUENCE"], back["DTSTAMP"].dt) == (2, later)
    assert ics_by_uid(third)[uid].status is None


def test_a_removed_session_whose_day_has_passed_is_left_out() -> None:
    result = example(ALEX)
    first = export(result)
    gone = result.plan.weeks[2].sessions[-1]
    plan = drop_session(result.plan, 2, -1)
    uid = uid_at(first, start_of(result, gone))
    on_the_day = export(result, plan, now=LATER, previous=first, today=gone.date)
    assert by_uid(on_the_day)[uid]["STATUS"] == "CANCELLED"
    after = export(result, plan, now=LATER, previous=first, today=gone.date + timedelta(days=1))
    assert uid not in by_uid(after)
    assert uid not in ics_by_uid(after)
    assert len(events(after)) == len(events(first)) - 1


def test_today_defaults_to_nows_date_in_the_athletes_zone() -> None:
    result = example(ALEX)
    first = export(result)
    gone = result.plan.weeks[2].sessions[-1]
    plan = drop_session(result.plan, 2, -1)
    uid = uid_at(first, start_of(result, gone))
    zone = ZoneInfo(result.profile.athlete.timezone)
    that_evening = datetime.combine(gone.date, time(23, 30), tzinfo=zone)
    assert uid in by_uid(export(result, plan, now=that_evening, previous=first))
    next_morning = that_evening + timedelta(hours=1)
    assert uid not in by_uid(export(result, plan, now=next_morning, previous=first))


def test_a_shorter_plan_cancels_every_later_session_and_deload_week() -> None:
    result = example(ALEX)
    first = export(result)
    short = replace(result.plan, weeks=result.plan.weeks[:6])
    second = export(result, short, now=LATER, previous=first, today=TODAY)
    kept = {str(e["UID"]) for e in events(export(result, short))}
    cancelled = {u for u, e in by_uid(second).items() if e.get("STATUS") == "CANCELLED"}
    assert cancelled == set(by_uid(first)) - kept
    later_sessions = [s for w in result.plan.weeks[6:] for s in w.sessions]
    later_deloads = [w for w in result.plan.weeks[6:] if w.deload]
    assert len(cancelled) == len(later_sessions) + len(later_deloads)
    assert {u for u, e in ics_by_uid(second).items() if e.status == "CANCELLED"} == cancelled

    # in the order they happen, with the live events
    def when(event: Event) -> tuple[date, str]:
        start = event["DTSTART"].dt
        if isinstance(start, datetime):
            return (start.date(), start.strftime("%H:%M"))
        return (start, "")

    written = [(when(e), str(e["UID"])) for e in events(second)]
    assert written == sorted(written)
