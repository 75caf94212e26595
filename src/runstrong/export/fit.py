"""Plan -> FIT workout files for watches, plus a FIT schedule of the next sessions.

One session is one FIT workout file (file type `workout`, sport `training`, sub-sport
`strength_training`; /work/shared/delivery.md). Its steps, by `message_index`:

    0        warm-up: `Rules.warm_up_minutes` as a timed step (open, ended by the lap key, if None)
    per exercise, from index i:
    i        work: reps (contacts count as reps) or a hold in ms, exercise category/name ids,
             the load in kg when the resolved plan has one, the dose in the notes
    i + 1    rest: `rest_s` in ms, intensity rest (left out when `rest_s` is 0)
    i + 2    repeat: back to step i, `target_value` = sets (written for one set too, so every
             exercise has the same shape on the watch and in the tests)
    per superset (consecutive prescriptions sharing a `superset` letter), from index i:
    i        work of the first member
    i + 1    work of the second member
    i + 2    rest: the larger `rest_s` of the two (left out when both are 0)
    i + 3    repeat: back to step i, `target_value` = the smaller `sets` of the two

When the members' sets differ (a 3-set calf raise with a 2-set side plank is common), the one
with more sets does its remaining sets alone, right after the loop, as a block of the single
shape with its own rest: every exercise gets exactly its planned sets, and the sets it does
alternately are the ones the printed plan alternates ("one set of B1, one of B2, then the rest,
until all sets are done"). Written as one rule: in round r (from 1) every member with at least r
sets does one set, in plan order, and the round ends with the larger rest of those members;
rounds with the same members are one repeat loop. Main lifts and plyometrics are never in a
superset (domain/supersets.py), so their rests are untouched.

Step names lead with the exercise's position label from the printed plan (`render.resolved`:
"A Back squat", "B1 Seated calf raise", "B2 Side plank"),
so the watch and the paper say the same thing; `exercise_title` keeps the plain name.

Per-side exercises. A timed hold (a side plank, 3 x 30 s per side) is two timed work steps in
the set's repeat, "... left" then "... right", so the watch times both sides; the second starts
when the first ends. Reps (and contacts) per side are one work step named "... per side" whose
count is one side's: the athlete does both sides, then presses lap. A watch shows the exercise's
title and the step's notes more readily than a long step name, so the notes lead with the side
("Left side", "Right side", "Each side"), and a cut step name keeps its side: the exercise name
is shortened, never the side.

Names (our own choice [D]). `wkt_name` is "Tue 08 Dec Strength A": the date leads so a watch
that shows few characters still tells sessions apart; the full title goes in `wkt_description`.
FIT strings have no length in the profile: a field is at most 255 bytes, its NUL included.
Garmin's C SDK (config.csv) allocates 16 bytes for names, 50 for notes and 200 for exercise
titles; we keep notes and titles to those and let names run to 51 bytes: a position label and a
space ("B1 ") before the longest exercise name plus " per side" (48). Text is cut on a UTF-8
character boundary (a word boundary where there is one) and ends with "…" when cut. Notes hold
the side, the dose the watch has no field for (contacts, %1RM and RIR, tempo) and the first cue;
the dose is kept whole and the cue is cut to the room left, or left out when less than
`MIN_CUE_BYTES` is left.

Identity. A device keys a workout by (type, manufacturer, product, serial, time_created). The
serial is a 32-bit hash of the session's id (docs/formats.md, "Identities"; `session_serials`),
and `time_created` is the session's own start (its date and time in the athlete's timezone),
never the export time: exporting the same plan twice gives the same bytes, and a session
re-planned to the same day and time replaces its old file on the watch.

Schedule. `schedule.fit` (file type `schedules`) lists the next `MAX_SCHEDULED_WORKOUTS` = 30
sessions from today (or from the plan's start when that is later; `today` is an argument):
watches keep only about 30 future scheduled workouts (delivery.md), so we export a
rolling window and the user re-exports to move it on. Each entry repeats its workout's
manufacturer, product, serial and time_created, which is how the device finds the workout.

Encoding. fit-tool encodes every message and definition; this module only decides which records
go where. A message is a tuple of (FIT field or sub-field name, value) pairs, written with
fit-tool's `Field.set_value` into one fit-tool message reused for every message of its local type
(a new fit-tool message builds ~20 field objects, and a plan has hundreds of steps). Local types:
file_id 0, workout 1, warm-up and work steps 2, rest steps 3, repeat steps 4, exercise_title 5,
schedule 6, so steps of one shape share a definition. A definition record (fit-tool's
`DefinitionMessage.from_data_message`) goes before a message only when the message's layout (its
fields and their sizes) differs from the last definition written for its local type in that file.
Warm-up and work steps size their strings to at least 52 bytes (fit-tool's `min_string_size`: the
name's 51 bytes and a NUL), so names and notes of any length up to their caps share one
definition; other strings take their own size. The records of each message are cached by value
for the whole export: the same step at the same index in another week costs a dictionary look-up.
A file is fit-tool's 12-byte header, the records, and the CRC of both (fit-tool's `crc16`), as
`FitFileBuilder.build_bytes` writes it.

fit-tool notes: `duration_value` and `target_value` have sub-fields chosen by `duration_type`;
we write them by sub-field name (`duration_time` in seconds, which fit-tool scales to ms;
`duration_reps`; `duration_step`; `repeat_steps`) beside the matching `duration_type`, so the
scale is the right one; other fields get the sub-field fit-tool's own setters would pick.
`exercise_weight` is kg (scale 100), `weight_display_unit` kilogram. A field a message does not
set is cleared (size 0), so it is left out of the definition and decoders read it as absent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from fit_tool.base_type import BaseType
from fit_tool.definition_message import DefinitionMessage
from fit_tool.fit_file_header import FitFileHeader
from fit_tool.profile.messages.exercise_title_message import ExerciseTitleMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.schedule_message import ScheduleMessage
from fit_tool.profile.messages.workout_message import WorkoutMessage
from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage
from fit_tool.profile.profile_type import (
    ExerciseCategory,
    FileType,
    FitBaseUnit,
    Intensity,
    Manufacturer,
    Schedule,
    Sport,
    SubSport,
    WorkoutStepDuration,
    WorkoutStepTarget,
)
from fit_tool.record import Record
from fit_tool.utils.crc import crc16
from fit_tool.validation import validate_definition

from runstrong.domain.athlete import Athlete
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.identity import serial32
from runstrong.domain.plan import Contacts, Dose, Hold, Plan, Prescription, Session
from runstrong.domain.rules import Rules
from runstrong.export.exporter import ExportOptions
from runstrong.render.dose_text import effort
from runstrong.render.resolved import (
    ResolvedExercise,
    ResolvedPlan,
    ResolvedSession,
    resolve_session,
)

PRODUCT_ID = 0x5253  # "RS": our product id under manufacturer `development` (255)
MAX_SCHEDULED_WORKOUTS = 30  # watches keep about 30 future scheduled workouts (delivery.md)
DEFAULT_WARM_UP_MINUTES: int = Rules().warm_up_minutes
SCHEDULE_FILE_NAME = "schedule.fit"
FILE_NAME_SLUG_CHARS = 60  # of a session's title in its file name (a watch shows about 20)

WKT_NAME_MAX_BYTES = 48
STEP_NAME_MAX_BYTES = 51  # "B1 " and the longest name plus " per side"
NOTES_MAX_BYTES = 49  # Garmin C SDK: notes[50], NUL included
MIN_CUE_BYTES = 16  # less room than this after the dose: the notes leave the cue out
EXERCISE_TITLE_MAX_BYTES = 199  # Garmin C SDK: exercise_title.wkt_step_name[200]
DESCRIPTION_MAX_BYTES = 254  # the FIT field limit: 255 bytes with the NUL
# warm-up and work step strings, NUL included
STEP_STRING_BYTES = max(STEP_NAME_MAX_BYTES, NOTES_MAX_BYTES) + 1

_ELLIPSIS = "…"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FIT_EPOCH_LOCAL = datetime(1989, 12, 31)
_UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_WARM_UP_CATEGORY = ExerciseCategory.WARM_UP.value
_WARM_UP_NOTES = "Easy cardio and mobility, then a light first set"
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # Unicode category Cc, all 65 of them
# Per-side work: (step name suffix, notes prefix) of each work step of one set.
_SIDES_HELD = ((" left", "Left side"), (" right", "Right side"))  # a timed hold: one step a side
_SIDES_COUNTED = ((" per side", "Each side"),)  # reps or contacts: one step, one side's count
_NO_SIDE = (("", ""),)

# A message: (FIT field or sub-field name, value) pairs; enums as their numbers (cheap to hash).
_Values = tuple[tuple[str, Any], ...]


def session_workout(
    session: ResolvedSession,
    *,
    serial: int,
    timezone: str,
    warm_up_minutes: int | None = DEFAULT_WARM_UP_MINUTES,
) -> bytes:
    """One FIT workout file for `session`; `serial` is its file_id serial (`session_serials`),
    `timezone` the athlete's (its time_created is the session's start there)."""
    return _Export(timezone).workout(session, serial, warm_up_minutes)


def file_name(session: Session) -> str:
    """The workout's file name: "2026-12-08_strength-a.fit"."""
    return f"{session.date.isoformat()}_{_slug(short_title(session))}.fit"


def short_title(session: Session) -> str:
    """The session's title up to its first colon: "Strength A"."""
    return session.title.split(":", 1)[0].strip() or session.title


def workout_name(session: Session) -> str:
    """The FIT workout name: "Tue 08 Dec Strength A"."""
    day = session.date
    label = f"{session.weekday.full_name[:3]} {day.day:02d} {_MONTHS[day.month - 1]}"
    return fit_text(f"{label} {short_title(session)}", WKT_NAME_MAX_BYTES)


def session_serials(sessions: Sequence[Session]) -> tuple[int, ...]:
    """Each session's file serial: a 32-bit hash of its id (docs/formats.md, "Identities"), so a
    session keeps its serial through re-plans; two ids of one plan that hash alike are told
    apart (`identity.serial32`)."""
    taken: set[int] = set()
    return tuple(serial32(s.id or f"{s.date.isoformat()}/{s.title}", taken) for s in sessions)


def schedule_file(
    sessions: Sequence[Session], *, serials: Sequence[int], timezone: str = "UTC"
) -> bytes:
    """A FIT schedules file for the first `MAX_SCHEDULED_WORKOUTS` sessions in date order.

    `serials[i]` is the serial of `sessions[i]`'s workout file; `timezone` is the athlete's, the
    one their workout files' time_created was computed in.
    """
    return _schedule_file(_Messages(), sessions, serials, timezone)


def export(resolved: ResolvedPlan, options: ExportOptions) -> dict[str, bytes]:
    """The `Exporter` of FIT files (export.exporter), with the profile's warm-up."""
    return export_fit(
        resolved,
        today=options.day,
        from_date=options.fit_from,
        warm_up_minutes=resolved.rules.warm_up_minutes,
    )


def export_fit(
    resolved: ResolvedPlan,
    *,
    today: date,
    from_date: date | None = None,
    warm_up_minutes: int | None = DEFAULT_WARM_UP_MINUTES,
) -> dict[str, bytes]:
    """Every session's workout file by file name, then "schedule.fit" for the next 30 sessions
    from `from_date`, by default from `today` or the plan's start, whichever is later."""
    plan, athlete = resolved.plan, resolved.athlete
    sessions = plan.sessions
    serials = session_serials(sessions)
    export = _Export(athlete.timezone)
    files: dict[str, bytes] = {}
    for session, serial in zip(resolved.sessions, serials, strict=True):
        name = _unique(file_name(session.session), files)
        files[name] = export.workout(session, serial, warm_up_minutes)
    first_day = from_date or schedule_start(plan, today)
    upcoming = [(s, n) for s, n in zip(sessions, serials, strict=True) if s.date >= first_day]
    files[SCHEDULE_FILE_NAME] = _schedule_file(
        export.messages,
        [s for s, _ in upcoming],
        [n for _, n in upcoming],
        athlete.timezone,
    )
    return files


def session_file(
    plan: Plan, athlete: Athlete, library: ExerciseLibrary, rules: Rules, session_id: str
) -> tuple[str, bytes] | None:
    """The workout file of one session of `plan` (None: no session has this id), byte for byte
    the one `export_fit` writes for it (its serial among the plan's, the same warm-up), with
    only that session resolved."""
    sessions = plan.sessions
    for session, serial in zip(sessions, session_serials(sessions), strict=True):
        if session.id == session_id:
            resolved = resolve_session(session, athlete, library, rules)
            data = _Export(athlete.timezone).workout(resolved, serial, rules.warm_up_minutes)
            return file_name(session), data
    return None


def schedule_start(plan: Plan, today: date) -> date:
    """The first day schedule.fit lists by default: today, or the plan's start when later."""
    return max(today, plan.start)


def fit_text(text: str, max_bytes: int) -> str:
    """`text` within `max_bytes` of UTF-8, cut on a character (and, where it can, a word)
    boundary, "…" marking the cut."""
    clean = _CONTROL_CHARS.sub("", text).strip()
    raw = clean.encode("utf-8")
    if len(raw) <= max_bytes:
        return clean
    room = max_bytes - len(_ELLIPSIS.encode("utf-8"))
    cut = raw[: max(room, 0)].decode("utf-8", errors="ignore")
    if not clean[len(cut)].isspace() and " " in cut:  # the cut fell inside a word: drop it
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + _ELLIPSIS


# Encoding -----------------------------------------------------------------------------------


class _LocalType:
    """One local message type: a fit-tool message reused for every message of this type, the
    definitions it needed by layout, and the records it encoded by values."""

    def __init__(self, message: Any, *, min_string_size: int = 0) -> None:
        self._message = message
        self._min_string_size = min_string_size
        # FIT field names, and sub-field names ("duration_time") with the field they write
        self._fields: dict[str, tuple[Any, Any]] = {}
        for field in message.fields:
            self._fields[field.name] = (field, None)
            for sub_field in field.sub_fields:
                self._fields.setdefault(sub_field.name, (field, sub_field))
        self._set: list[Any] = []
        self._definitions: dict[tuple[tuple[int, int], ...], tuple[Any, bytes]] = {}
        self._records: dict[_Values, tuple[bytes, bytes]] = {}

    def records(self, values: _Values) -> tuple[bytes, bytes]:
        """The definition record and the data record of a message with `values`."""
        records = self._records.get(values)
        if records is None:
            records = self._records[values] = self._encode(values)
        return records

    def _encode(self, values: _Values) -> tuple[bytes, bytes]:
        message = self._message
        for field in self._set:  # the last message's fields: size 0, out of the layout
            field.clear()
        self._set = []
        for name, value in values:
            field, sub_field = self._fields[name]
            if sub_field is None and field.sub_fields:  # what fit-tool's own setters pass
                sub_field = field.get_valid_sub_field(message.fields)
            field.set_value(0, value, sub_field)
            self._set.append(field)
        definition, definition_record = self._definition()
        message.set_definition_message(definition)  # pads strings to their defined size
        return definition_record, Record.from_message(message).to_bytes()

    def _definition(self) -> tuple[Any, bytes]:
        """fit-tool's definition of the message's set fields, built once per layout."""
        message, min_size = self._message, self._min_string_size
        layout = tuple(  # the sizes FieldDefinition.from_field gives
            (f.field_id, max(f.size, min_size) if f.base_type is BaseType.STRING else f.size)
            for f in message.fields
            if f.is_valid()
        )
        known = self._definitions.get(layout)
        if known is None:
            message.definition_message = None  # or from_data_message returns the old one
            definition = DefinitionMessage.from_data_message(message, min_string_size=min_size)
            validate_definition(definition)
            known = self._definitions[layout] = (
                definition,
                Record.from_message(definition).to_bytes(),
            )
        return known


class _Messages:
    """The local message types of one export (created on first use; one fit-tool message each)."""

    def __init__(self) -> None:
        self._types: dict[int, _LocalType] = {}

    def _get(self, local_id: int, make: type[Any], min_string_size: int = 0) -> _LocalType:
        kind = self._types.get(local_id)
        if kind is None:
            message = make(local_id=local_id)
            kind = self._types[local_id] = _LocalType(message, min_string_size=min_string_size)
        return kind

    @property
    def file_id(self) -> _LocalType:
        return self._get(0, FileIdMessage)

    @property
    def workout(self) -> _LocalType:
        return self._get(1, WorkoutMessage)

    @property
    def exercise_step(self) -> _LocalType:
        return self._get(2, WorkoutStepMessage, STEP_STRING_BYTES)

    @property
    def rest_step(self) -> _LocalType:
        return self._get(3, WorkoutStepMessage)

    @property
    def repeat_step(self) -> _LocalType:
        return self._get(4, WorkoutStepMessage)

    @property
    def exercise_title(self) -> _LocalType:
        return self._get(5, ExerciseTitleMessage)

    @property
    def schedule(self) -> _LocalType:
        return self._get(6, ScheduleMessage)


def _fit_file(messages: Iterable[tuple[_LocalType, _Values]]) -> bytes:
    """Header, records (a definition where a local type's layout changes) and CRC."""
    records: list[bytes] = []
    defined: dict[_LocalType, bytes] = {}
    for kind, values in messages:
        definition, data = kind.records(values)
        if defined.get(kind) != definition:
            defined[kind] = definition
            records.append(definition)
        records.append(data)
    body = b"".join(records)
    header: bytes = FitFileHeader(records_size=len(body)).to_bytes()
    crc: int = crc16(body, crc=crc16(header))
    return header + body + crc.to_bytes(2, "little")


# Workouts -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _ExerciseSteps:
    """A prescription's work steps of one set (two for a hold per side: left, right) without
    their message_index; `title` is its exercise_title."""

    works: tuple[_Values, ...]
    rest_s: int
    sets: int
    title: tuple[int, int, str] | None  # exercise category, exercise name, title text


class _Export:
    """One export for one athlete: the reused messages and each prescription's steps."""

    def __init__(self, timezone: str) -> None:
        self.timezone = timezone
        self.messages = _Messages()
        self._steps: dict[tuple[Prescription, str], _ExerciseSteps] = {}

    def workout(self, resolved: ResolvedSession, serial: int, warm_up_minutes: int | None) -> bytes:
        m = self.messages
        steps: list[tuple[_LocalType, _Values]] = [(m.exercise_step, _warm_up(warm_up_minutes))]
        titles: dict[tuple[int, int], str] = {}
        session = resolved.session
        for group in _groups(session.exercises):
            members = [self._exercise_steps(resolved.exercises[i]) for i in group]
            for active, rounds in _rounds(members):
                first = len(steps)
                steps += [(m.exercise_step, work) for e in active for work in e.works]
                rest_s = max(e.rest_s for e in active)
                if rest_s > 0:
                    steps.append((m.rest_step, _rest(rest_s)))
                steps.append((m.repeat_step, _repeat(first, rounds)))
                for e in active:
                    if e.title is not None:
                        category, name, title = e.title
                        titles.setdefault((category, name), title)
        created = _time_created_ms(session, self.timezone)
        return _fit_file(
            [
                (m.file_id, _file_id(FileType.WORKOUT, serial, created)),
                (m.workout, _workout(session, num_steps=len(steps))),
                *((kind, (("message_index", i), *v)) for i, (kind, v) in enumerate(steps)),
                *(
                    (m.exercise_title, _exercise_title(i, category, name, title))
                    for i, ((category, name), title) in enumerate(titles.items())
                ),
            ]
        )

    def _exercise_steps(self, x: ResolvedExercise) -> _ExerciseSteps:
        """The steps of `x`, made once per prescription and label (its load and library entry
        follow from the prescription: one athlete, one library)."""
        key = (x.prescription, x.label)
        steps = self._steps.get(key)
        if steps is None:
            steps = self._steps[key] = _exercise_steps(x)
        return steps


def _groups(exercises: Sequence[Prescription]) -> list[range]:
    """Indexes of the exercises done together: a single, or a superset's consecutive members."""
    groups: list[range] = []
    start = 0
    for i in range(1, len(exercises) + 1):
        letter = exercises[i - 1].superset
        if i == len(exercises) or letter is None or exercises[i].superset != letter:
            groups.append(range(start, i))
            start = i
    return groups


def _rounds(members: Sequence[_ExerciseSteps]) -> list[tuple[tuple[_ExerciseSteps, ...], int]]:
    """The repeat loops of a group: (the members in the loop, its rounds), in order.

    Round r has every member with at least r sets; rounds with the same members are one loop. A
    single exercise is one loop of its sets; a superset is one loop of its smaller sets, then the
    other member's remaining sets alone.
    """
    loops = []
    done = 0
    for sets in sorted({e.sets for e in members}):
        if sets > done:
            loops.append((tuple(e for e in members if e.sets > done), sets - done))
            done = sets
    return loops


def _schedule_file(
    messages: _Messages, sessions: Sequence[Session], serials: Sequence[int], timezone: str
) -> bytes:
    if len(serials) != len(sessions):
        raise ValueError(f"{len(sessions)} sessions but {len(serials)} serials")
    ordered = sorted(zip(sessions, serials, strict=True), key=lambda pair: _local(pair[0]))
    window = ordered[:MAX_SCHEDULED_WORKOUTS]
    if window:
        first, first_serial = window[0]
        file_id = _file_id(FileType.SCHEDULES, first_serial, _time_created_ms(first, timezone))
    else:
        file_id = _file_id(FileType.SCHEDULES, 1, None)
    return _fit_file(
        [
            (messages.file_id, file_id),
            *((messages.schedule, _schedule(s, serial, timezone)) for s, serial in window),
        ]
    )


# Steps --------------------------------------------------------------------------------------


def _warm_up(minutes: int | None) -> _Values:
    return (
        *_step("Warm-up", Intensity.WARMUP.value),
        *_duration(seconds=minutes * 60 if minutes else None),
        ("exercise_category", _WARM_UP_CATEGORY),
        ("notes", fit_text(_WARM_UP_NOTES, NOTES_MAX_BYTES)),
    )


# The watch shows a weight as a number: the note says when it is our estimate (no known max).
ESTIMATED_WEIGHT = "weight estimated: adjust after set 1"


def _exercise_steps(x: ResolvedExercise) -> _ExerciseSteps:
    p, ex, label, load_kg = x.prescription, x.exercise, x.label, x.load_kg
    sides: tuple[tuple[str, str], ...] = _NO_SIDE
    if p.per_side:
        sides = _SIDES_HELD if isinstance(p.dose, Hold) else _SIDES_COUNTED
    works = []
    for suffix, side in sides:
        room = STEP_NAME_MAX_BYTES - len(label.encode()) - 1 - len(suffix.encode())
        work = [
            *_step(f"{label} {fit_text(p.name, room)}{suffix}", Intensity.ACTIVE.value),
            *_dose_duration(p.dose),
            ("exercise_category", ex.fit.category_id),
        ]
        if ex.fit.name_id is not None:
            work.append(("exercise_name", ex.fit.name_id))
        if load_kg is not None:
            work.append(("exercise_weight", load_kg))
            work.append(("weight_display_unit", FitBaseUnit.KILOGRAM.value))
        if notes := _notes(p, ex.cues, side, x.load_estimated):
            work.append(("notes", notes))
        works.append(tuple(work))
    title = None
    if ex.fit.name_id is not None:
        title = (ex.fit.category_id, ex.fit.name_id, fit_text(p.name, EXERCISE_TITLE_MAX_BYTES))
    return _ExerciseSteps(tuple(works), p.rest_s, p.sets, title)


def _dose_duration(dose: Dose) -> _Values:
    """A hold's seconds, or the reps (contacts count as reps) of one set."""
    if isinstance(dose, Hold):
        return _duration(seconds=dose.seconds)
    return _duration(reps=dose.count)


def _rest(seconds: int) -> _Values:
    return (*_step("Rest", Intensity.REST.value), *_duration(seconds=seconds))


def _step(name: str, intensity: int) -> _Values:
    return (
        ("wkt_step_name", name),
        ("intensity", intensity),
        ("target_type", WorkoutStepTarget.OPEN.value),
    )


def _duration(*, seconds: int | None = None, reps: int | None = None) -> _Values:
    """Time (the sub-field takes seconds and writes ms), reps, or open (until lap)."""
    if seconds is not None:
        return (("duration_type", WorkoutStepDuration.TIME.value), ("duration_time", seconds))
    if reps is not None:
        return (("duration_type", WorkoutStepDuration.REPS.value), ("duration_reps", reps))
    return (("duration_type", WorkoutStepDuration.OPEN.value),)


def _repeat(first_index: int, sets: int) -> _Values:
    return (
        ("duration_type", WorkoutStepDuration.REPEAT_UNTIL_STEPS_CMPLT.value),
        ("duration_step", first_index),
        ("repeat_steps", sets),
    )


def _notes(p: Prescription, cues: tuple[str, ...], side: str = "", estimated: bool = False) -> str:
    """The side, then the dose the watch cannot show in a field (contacts, %1RM and RIR, tempo,
    whether the weight is our estimate), whole, then the first cue, cut to the room left (left
    out when it does not fit and less than MIN_CUE_BYTES is left)."""
    parts = [side] if side else []
    if isinstance(p.dose, Contacts):
        parts.append(f"{p.dose.count} contacts")
    if dose := effort(p, None):  # the kilograms are in exercise_weight
        parts.append(dose)
    if p.tempo:
        parts.append(f"tempo {p.tempo}")
    if estimated:
        parts.append(ESTIMATED_WEIGHT)
    text = "; ".join(parts)
    if cues:
        room = NOTES_MAX_BYTES - len(text.encode("utf-8")) - (len("; ") if text else 0)
        cue = fit_text(cues[0], room)
        cut = cue.endswith(_ELLIPSIS) and not cues[0].endswith(_ELLIPSIS)
        if cue and (not cut or room >= MIN_CUE_BYTES):
            text = f"{text}; {cue}" if text else cue
    return fit_text(text, NOTES_MAX_BYTES)


# Messages -----------------------------------------------------------------------------------


def _file_id(kind: FileType, serial: int, time_created_ms: int | None) -> _Values:
    values: _Values = (
        ("type", kind.value),
        ("manufacturer", Manufacturer.DEVELOPMENT.value),
        ("product", PRODUCT_ID),
        ("serial_number", serial),
    )
    if time_created_ms is not None:
        values += (("time_created", time_created_ms),)
    return values


def _workout(session: Session, *, num_steps: int) -> _Values:
    return (
        ("wkt_name", workout_name(session)),
        ("sport", Sport.TRAINING.value),
        ("sub_sport", SubSport.STRENGTH_TRAINING.value),
        ("num_valid_steps", num_steps),
        ("wkt_description", fit_text(session.title, DESCRIPTION_MAX_BYTES)),
    )


def _exercise_title(index: int, category: int, name: int, title: str) -> _Values:
    return (
        ("message_index", index),
        ("exercise_category", category),
        ("exercise_name", name),
        ("wkt_step_name", title),
    )


def _schedule(session: Session, serial: int, timezone: str) -> _Values:
    return (
        ("manufacturer", Manufacturer.DEVELOPMENT.value),
        ("product", PRODUCT_ID),
        ("serial_number", serial),
        ("time_created", _time_created_ms(session, timezone)),
        ("completed", False),
        ("type", Schedule.WORKOUT.value),
        ("scheduled_time", (_local(session) - _FIT_EPOCH_LOCAL) // timedelta(seconds=1)),
    )


# Time and names -----------------------------------------------------------------------------


def _local(session: Session) -> datetime:
    return datetime.combine(session.date, session.time.replace(tzinfo=None))


def _time_created_ms(session: Session, timezone: str) -> int:
    """The session's start in the athlete's timezone, as ms since 1970 (fit-tool's unit)."""
    start = _local(session).replace(tzinfo=ZoneInfo(timezone))
    return (start - _UNIX_EPOCH) // timedelta(seconds=1) * 1000


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:FILE_NAME_SLUG_CHARS]
    return slug.strip("-") or "session"


def _unique(name: str, taken: dict[str, bytes]) -> str:
    stem, n = name.removesuffix(".fit"), 2
    while name in taken:
        name, n = f"{stem}-{n}.fit", n + 1
    return name
