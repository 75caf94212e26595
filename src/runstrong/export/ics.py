"""Plan -> iCalendar (RFC 5545): one event per session, all-day events for races and deload weeks.

Calendars must update, not duplicate, when a plan is exported again:
- UIDs are uuid5 of `UID_NAMESPACE` and a key that survives content changes: a session's id
  (docs/formats.md, "Identities"), a race's or deload week's athlete id and date, so a re-import
  replaces the old event.
- Each event carries `X-RUNSTRONG-FINGERPRINT`, a sha256 of its meaningful content. Given the bytes
  of the previous export (`previous`), an unchanged event keeps its DTSTAMP and SEQUENCE, a changed
  one gets SEQUENCE + 1 and DTSTAMP = `now`, a new one SEQUENCE 0 and DTSTAMP = `now`. Exporting an
  unchanged plan against its previous file gives the same bytes.
- An event of the previous export whose UID this export lacks (a session the plan no longer has,
  a race taken out of the profile) is written again as cancelled (STATUS:CANCELLED, same UID,
  SEQUENCE + 1, DTSTAMP = `now`), so that calendars which imported the file drop it, until its
  last day is before `today`; then it is left out. An event already cancelled in the previous
  file is copied as it is. A cancelled event carries no fingerprint, so a session that comes
  back later is a change (SEQUENCE + 1 again). Which events count is decided by UID alone.
Times are local to the athlete's zone (TZID + VTIMEZONE built from zoneinfo; UTC is written as Z).
Pure: no I/O; the caller reads the previous file and writes the result.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TypeGuard
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from runstrong.domain.athlete import Athlete, Race, Weekday
from runstrong.domain.errors import InputError
from runstrong.domain.plan import Plan, Prescription, Week
from runstrong.export.exporter import ExportOptions
from runstrong.render.dose_text import dose_text, rest
from runstrong.render.messages import cited
from runstrong.render.resolved import ResolvedExercise, ResolvedPlan, ResolvedSession

PRODID = "-//runstrong//runstrong plan//EN"
UID_NAMESPACE = uuid.UUID("399ef41c-6f3e-4a2f-b471-019e239d485c")
UID_DOMAIN = "runstrong"
FINGERPRINT_PROPERTY = "X-RUNSTRONG-FINGERPRINT"
CANCELLED = "CANCELLED"
CANCELLED_DESCRIPTION = "Cancelled: no longer in the plan."
# The properties a cancelled event keeps from its previous version (besides UID, DTSTAMP and
# SEQUENCE, which are set).
_KEPT_WHEN_CANCELLED = ("DTSTART", "DTEND", "SUMMARY", "CATEGORIES", "TRANSP")
STRENGTH_CATEGORY = "strength"
DELOAD_CATEGORY = "deload"
RACE_CATEGORY = "race"
WEEK_DAYS = 7
# The VTIMEZONE covers the plan's years and the next one, so events a user moves stay correct.
TIMEZONE_MARGIN_YEARS = 1
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class _Entry:
    """One event's content, before it is stamped (DTSTAMP, SEQUENCE) against the previous export."""

    key: str
    start: date | datetime
    end: date | datetime
    summary: str
    description: str
    categories: tuple[str, ...]
    all_day: bool
    alarm_minutes: int | None = None

    @property
    def uid(self) -> str:
        return f"{uuid.uuid5(UID_NAMESPACE, self.key)}@{UID_DOMAIN}"

    @property
    def sort_key(self) -> tuple[date, bool, str, str]:
        day = self.start.date() if isinstance(self.start, datetime) else self.start
        clock = self.start.strftime("%H:%M") if isinstance(self.start, datetime) else ""
        return (day, not self.all_day, clock, self.uid)

    @property
    def fingerprint(self) -> str:
        content = {
            "start": _local_text(self.start),
            "end": _local_text(self.end),
            "summary": self.summary,
            "description": self.description,
            "categories": list(self.categories),
            "all_day": self.all_day,
            "alarm_minutes": self.alarm_minutes,
        }
        data = json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class _Stamp:
    dtstamp: datetime | None
    sequence: int
    fingerprint: str | None


# An event and where it goes in the file (`_Entry.sort_key`'s order).
_Placed = tuple[tuple[date, bool, str, str], Event]


def export(resolved: ResolvedPlan, options: ExportOptions) -> bytes:
    """The `Exporter` of iCalendar files (export.exporter)."""
    return export_ics(
        resolved,
        now=options.now,
        previous=options.previous_ics,
        alarm_minutes=options.alarm_minutes,
        today=options.day,
    )


def export_ics(
    resolved: ResolvedPlan,
    *,
    now: datetime,
    previous: bytes | None = None,
    alarm_minutes: int | None = None,
    today: date | None = None,
) -> bytes:
    """The plan as an iCalendar file; `previous` is the last export's bytes, `today` (default:
    `now`'s date in the athlete's zone) the day before which cancelled events are left out (see
    module doc)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    if alarm_minutes is not None and alarm_minutes < 0:
        raise ValueError("alarm_minutes must be zero or more")
    plan, athlete = resolved.plan, resolved.athlete
    stamp_now = now.astimezone(UTC).replace(microsecond=0)
    zone = ZoneInfo(athlete.timezone)
    entries = [
        *_session_entries(resolved, zone, alarm_minutes),
        *_race_entries(athlete),
        *_deload_entries(plan, athlete),
    ]
    prior = _previous_events(previous) if previous is not None else []
    stamps = _previous_stamps(prior)
    placed: list[_Placed] = [
        (entry.sort_key, _event(entry, stamps.get(entry.uid), stamp_now)) for entry in entries
    ]
    live = {entry.uid for entry in entries}
    day = today if today is not None else stamp_now.astimezone(zone).date()
    placed += _cancelled_events(prior, live, day, stamp_now)
    placed.sort(key=lambda pair: pair[0])
    calendar = _calendar(plan, athlete)
    for _, event in placed:
        calendar.add_component(event)
    if placed:
        first, last = placed[0][0][0], placed[-1][0][0]
        calendar.add_missing_timezones(
            first_date=date(first.year - TIMEZONE_MARGIN_YEARS, 1, 1),
            last_date=date(last.year + TIMEZONE_MARGIN_YEARS + 1, 1, 1),
        )
    data: bytes = calendar.to_ical()
    return data


def workout_text(resolved: ResolvedSession, *, week: Week | None = None) -> str:
    """The whole session as plain text: exercises with dose, cues and why; reasons; warnings.

    Exercises carry the printed plan's position labels (A, B1, B2, C ...); a superset's first
    member is preceded by one line saying how to do the pair. The title is left out: calendars
    show it as the event's summary.
    """
    session = resolved.session
    facts = [f"about {session.est_minutes} min"]
    if week is not None:
        deload = ", deload" if week.deload else ""
        facts.insert(0, f"Week {week.index}, {week.phase} phase{deload}")
    if session.after_run:
        facts.append("after your run")
    line = " · ".join(facts)
    blocks = [line[0].upper() + line[1:]]
    exercises = session.exercises
    labels = [x.label for x in resolved.exercises]
    for i, (x, p) in enumerate(zip(resolved.exercises, exercises, strict=True)):
        text = _exercise_text(x)
        starts_superset = p.superset is not None and (
            i == 0 or exercises[i - 1].superset != p.superset
        )
        if starts_superset:
            end = i + 1
            while end < len(exercises) and exercises[end].superset == p.superset:
                end += 1
            if end - i > 1:
                text = _superset_text(labels[i:end], exercises[i:end]) + "\n" + text
        blocks.append(text)
    if session.reasons:
        blocks.append("\n".join(["Why this day:", *(f"- {cited(r)}" for r in session.reasons)]))
    if session.warnings:
        blocks.append("\n".join(["Warnings:", *(f"- {cited(w)}" for w in session.warnings)]))
    return "\n\n".join(blocks)


def _superset_text(labels: Sequence[str], members: Sequence[Prescription]) -> str:
    """ "Superset: alternate B1 and B2, then rest 1:30." (a circuit of three or more: "Circuit:
    one after the other, D1, D2 and D3, ...") and, when their sets differ, which one
    does its last sets alone (as the FIT workout runs it)."""
    names = f"{', '.join(labels[:-1])} and {labels[-1]}"
    longest = max(members, key=lambda p: p.rest_s)
    then = f"then rest {rest(longest)}" if longest.rest_s > 0 else "with no rest between rounds"
    kind = "Superset: alternate" if len(members) == 2 else "Circuit: one after the other,"
    text = f"{kind} {names}, {then}."
    fewest = min(p.sets for p in members)
    extra = [(label, p.sets - fewest) for label, p in zip(labels, members, strict=True)]
    alone = [f"{label}'s last {_sets_text(n)}" for label, n in extra if n > 0]
    if alone:
        text += f" Then {' and '.join(alone)} alone."
    return text


def _sets_text(n: int) -> str:
    return "set" if n == 1 else f"{n} sets"


def _exercise_text(x: ResolvedExercise) -> str:
    p, cues = x.prescription, x.exercise.cues
    dose = dose_text(p, x.load_kg, x.rest_text, estimated=x.load_estimated)
    lines = [f"{x.label}. {p.name}", f"   {dose}"]
    if cues:
        lines.append("   Cues:")
        lines += [f"   - {cue}" for cue in cues]
    lines.append(f"   Why: {p.why}")
    lines += [f"   Note: {cited(note)}" for note in x.notes]
    return "\n".join(lines)


def _session_entries(
    resolved: ResolvedPlan, zone: ZoneInfo, alarm_minutes: int | None
) -> Iterator[_Entry]:
    for resolved_week in resolved.weeks:
        week = resolved_week.week
        in_order = sorted(resolved_week.sessions, key=lambda s: (s.session.date, s.session.time))
        for resolved_session in in_order:
            session = resolved_session.session
            start = datetime.combine(session.date, session.time, tzinfo=zone)
            categories = [str(week.phase), *([DELOAD_CATEGORY] if week.deload else [])]
            yield _Entry(
                key=session.id,
                start=start,
                end=start + timedelta(minutes=session.est_minutes),
                summary=session.title,
                description=workout_text(resolved_session, week=week),
                categories=(*categories, STRENGTH_CATEGORY),
                all_day=False,
                alarm_minutes=alarm_minutes,
            )


def _race_entries(athlete: Athlete) -> Iterator[_Entry]:
    for race in athlete.races:
        distance = str(race.distance).replace("_", " ")
        yield _Entry(
            key=f"{athlete.key}|race|{race.name}|{race.date.isoformat()}",
            start=race.date,
            end=race.date + timedelta(days=1),
            summary=f"Race: {race.name} ({distance}, {race.priority} race)",
            description=_race_text(race, distance),
            categories=(RACE_CATEGORY,),
            all_day=True,
        )


def _race_text(race: Race, distance: str) -> str:
    return (
        f"{race.name}: {distance}, {race.priority} race, {_day_text(race.date)} {race.date.year}."
    )


def _deload_entries(plan: Plan, athlete: Athlete) -> Iterator[_Entry]:
    for week in plan.weeks:
        if not week.deload:
            continue
        days = [f"- {_day_text(s.date)} {s.time:%H:%M}: {s.title}" for s in week.sessions]
        text = [f"Week {week.index}, {week.phase} phase. {week.goal}", *map(cited, week.notes)]
        if days:
            text += ["", "Sessions this week:", *days]
        yield _Entry(
            key=f"{athlete.key}|deload|{week.start.isoformat()}",
            start=week.start,
            end=week.start + timedelta(days=WEEK_DAYS),
            summary="Deload week",
            description="\n".join(text),
            categories=(str(week.phase), DELOAD_CATEGORY, STRENGTH_CATEGORY),
            all_day=True,
        )


def _calendar(plan: Plan, athlete: Athlete) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Strength plan: {athlete.name}")
    calendar.add("x-wr-timezone", athlete.timezone)
    if plan.warnings:
        calendar.add("x-wr-caldesc", " ".join(map(cited, plan.warnings)))  # one line: X- property
    return calendar


def _event(entry: _Entry, previous: _Stamp | None, now: datetime) -> Event:
    fingerprint = entry.fingerprint
    if previous is not None and previous.fingerprint == fingerprint and previous.dtstamp:
        dtstamp, sequence = previous.dtstamp, previous.sequence
    elif previous is not None:
        dtstamp, sequence = now, previous.sequence + 1
    else:
        dtstamp, sequence = now, 0
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", dtstamp)
    event.add("sequence", sequence)
    event.add("dtstart", entry.start)
    event.add("dtend", entry.end)
    event.add("summary", entry.summary)
    event.add("description", entry.description)
    event.add("categories", list(entry.categories))
    event.add("transp", "TRANSPARENT" if entry.all_day else "OPAQUE")
    event.add(FINGERPRINT_PROPERTY, fingerprint)
    if entry.alarm_minutes is not None:
        event.add_component(
            Alarm.new_display(
                description=entry.summary, trigger=timedelta(minutes=-entry.alarm_minutes)
            )
        )
    return event


def _previous_events(previous: bytes) -> list[Event]:
    """The events (with a UID) of the previous export."""
    try:
        calendar = Calendar.from_ical(previous)
    except ValueError as exc:
        raise InputError("previous calendar", "", f"not an iCalendar file ({exc})") from None
    if calendar.name != "VCALENDAR":
        raise InputError("previous calendar", "", "not an iCalendar file (no VCALENDAR)")
    return [
        event
        for event in calendar.walk("VEVENT")
        if isinstance(event, Event) and event.get("UID") is not None
    ]


def _previous_stamps(events: Sequence[Event]) -> dict[str, _Stamp]:
    """UID -> (DTSTAMP, SEQUENCE, fingerprint) of each event in the previous export."""
    stamps = {}
    for event in events:
        fingerprint = event.get(FINGERPRINT_PROPERTY)
        stamps[str(event["UID"])] = _Stamp(
            dtstamp=_dtstamp(event),
            sequence=_int_or_zero(event.get("SEQUENCE")),
            fingerprint=str(fingerprint) if fingerprint is not None else None,
        )
    return stamps


def _dtstamp(event: Event) -> datetime | None:
    raw = event.get("DTSTAMP")
    value = raw.dt if raw is not None else None
    return value.astimezone(UTC) if _is_aware(value) else None


def _cancelled_events(
    previous: Sequence[Event], live: set[str], today: date, now: datetime
) -> list[_Placed]:
    """The previous export's events that this one lacks, as cancelled events, while their last
    day is today or later (see module doc)."""
    out: list[_Placed] = []
    for old in previous:
        uid = str(old["UID"])
        moment = _moment(old, "DTSTART")
        if uid in live or moment is None or _last_day(old, moment) < today:
            continue
        dtstamp = _dtstamp(old)
        sequence = _int_or_zero(old.get("SEQUENCE"))
        if str(old.get("STATUS", "")).upper() != CANCELLED or dtstamp is None:
            dtstamp, sequence = now, sequence + 1
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", dtstamp)
        event.add("sequence", sequence)
        for name in _KEPT_WHEN_CANCELLED:
            if name in old:
                event[name] = old[name]
        event.add("description", CANCELLED_DESCRIPTION)
        event.add("status", CANCELLED)
        if isinstance(moment, datetime):
            out.append(((moment.date(), True, moment.strftime("%H:%M"), uid), event))
        else:
            out.append(((moment, False, "", uid), event))
    return out


def _moment(event: Event, name: str) -> date | datetime | None:
    """A DTSTART or DTEND as a date (all day) or a datetime; None when missing or not a time."""
    value = event.decoded(name, None)
    return value if isinstance(value, date) else None


def _last_day(event: Event, start: date | datetime) -> date:
    """The event's last day: its end's date (an all-day end is the day after), else its start's."""
    end = _moment(event, "DTEND")
    if isinstance(end, datetime):
        return end.date()
    if end is not None:
        return end - timedelta(days=1)
    return start.date() if isinstance(start, datetime) else start


def _is_aware(value: object) -> TypeGuard[datetime]:
    return isinstance(value, datetime) and value.utcoffset() is not None


def _int_or_zero(value: object) -> int:
    try:
        return int(str(value)) if value is not None else 0
    except ValueError:
        return 0


def _day_text(day: date) -> str:
    """ "Tue 29 Dec", in English whatever the process locale (strftime's %a and %b follow it)."""
    return f"{Weekday.of(day).full_name[:3]} {day.day} {_MONTHS[day.month - 1]}"


def _local_text(moment: date | datetime) -> str:
    """A start or end as written in the calendar: local wall time and zone name, or a date."""
    if isinstance(moment, datetime):
        return f"{moment:%Y-%m-%dT%H:%M} {moment.tzinfo}"
    return moment.isoformat()
