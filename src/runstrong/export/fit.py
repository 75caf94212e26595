"""Plan -> FIT workout files for watches, plus a FIT schedule of the next sessions.

One session is one FIT workout file (file type `workout`, sport `training`, sub-sport
`strength_training`; /work/shared/delivery.md). Its steps, by `message_index`:

    0        warm-up: `Rules.warm_up_minutes` as a timed step (open, ended by the lap key, if None)
    per exercise, from index i:
    i        work: reps (contacts count as reps) or a hold in ms, exercise category/name ids,
             the load in kg when `resolve_load` gives one, the dose in the notes
    i + 1    rest: `rest_s` in ms, intensity rest (left out when `rest_s` is 0)
    i + 2    repeat: back to step i, `target_value` = sets (written for one set too, so every
             exercise has the same shape on the watch and in the tests)

Per-side exercises are one work step named "... per side" whose reps or seconds count one side:
the athlete does both sides, then presses lap. Two steps (left, right) would double the work
steps and the lap presses for no information the plan has: it doses both sides alike.

Names (our own choice [D]). `wkt_name` is "Tue 08 Dec Strength A": the date leads so a watch
that shows few characters still tells sessions apart; the full title goes in `wkt_description`.
FIT strings have no length in the profile: a field is at most 255 bytes, its NUL included.
Garmin's C SDK (config.csv) allocates 16 bytes for names, 50 for notes and 200 for exercise
titles; we keep notes and titles to those and let names run to 48 bytes, the longest exercise
name plus " per side". Text is cut on a UTF-8 character boundary (a word boundary where there
is one) and ends with "…" when cut.

Identity. A device keys a workout by (type, manufacturer, product, serial, time_created). The
serial is the session's date as YYYYMMDD followed by its place in that day (0-9), and
`time_created` is the session's own start (its date and time in the athlete's timezone), never
the export time: exporting the same plan twice gives the same bytes, and a re-planned session on
the same day and time replaces its old file on the watch.

Schedule. `schedule.fit` (file type `schedules`) lists the next `MAX_SCHEDULED_WORKOUTS` = 30
sessions: watches keep only about 30 future scheduled workouts (delivery.md), so we export a
rolling window and the user re-exports to move it on. Each entry repeats its workout's
manufacturer, product, serial and time_created, which is how the device finds the workout.

fit-tool notes: `duration_value` and `target_value` have sub-fields chosen by `duration_type`;
we write them through the sub-field setters (`duration_time` in seconds, which fit-tool scales
to ms; `duration_reps`; `duration_step`; `target_repeat_steps`) after setting the type, so the
scale is the right one. `exercise_weight` is kg (scale 100), `weight_display_unit` kilogram.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from fit_tool.fit_file_builder import FitFileBuilder
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

from runstrong.domain.athlete import Athlete
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.loads import resolve_load
from runstrong.domain.plan import Plan, Prescription, Session
from runstrong.domain.rules import Rules
from runstrong.render.dose_text import effort

PRODUCT_ID = 0x5253  # "RS": our product id under manufacturer `development` (255)
MAX_SCHEDULED_WORKOUTS = 30  # watches keep about 30 future scheduled workouts (delivery.md)
MAX_SESSIONS_PER_DAY = 10  # the serial's last digit
DEFAULT_WARM_UP_MINUTES: int = Rules().warm_up_minutes
SCHEDULE_FILE_NAME = "schedule.fit"

WKT_NAME_MAX_BYTES = 48
STEP_NAME_MAX_BYTES = 48
NOTES_MAX_BYTES = 49  # Garmin C SDK: notes[50], NUL included
EXERCISE_TITLE_MAX_BYTES = 199  # Garmin C SDK: exercise_title.wkt_step_name[200]
DESCRIPTION_MAX_BYTES = 254  # the FIT field limit: 255 bytes with the NUL

_ELLIPSIS = "…"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FIT_EPOCH_LOCAL = datetime(1989, 12, 31)
_UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_WARM_UP_CATEGORY = ExerciseCategory.WARM_UP.value
_WARM_UP_NOTES = "Easy cardio and mobility, then a light first set"
# Local message numbers: one per message type, so definitions are reused where fields match.
_LOCAL_FILE_ID, _LOCAL_WORKOUT, _LOCAL_STEP, _LOCAL_TITLE, _LOCAL_SCHEDULE = 0, 1, 2, 3, 4


def session_workout(
    session: Session,
    athlete: Athlete,
    library: ExerciseLibrary,
    *,
    serial: int,
    warm_up_minutes: int | None = DEFAULT_WARM_UP_MINUTES,
) -> bytes:
    """One FIT workout file for `session`; `serial` is its file_id serial (`session_serials`)."""
    steps = [_warm_up_step(warm_up_minutes)]
    titles: dict[tuple[int, int], str] = {}
    for p in session.exercises:
        steps.extend(_exercise_steps(p, athlete, library, first_index=len(steps)))
        fit = library.get(p.slug).fit
        if fit.name_id is not None:
            titles.setdefault((fit.category_id, fit.name_id), p.name)
    builder = FitFileBuilder(auto_define=True)
    builder.add(_file_id(FileType.WORKOUT, serial, _time_created_ms(session, athlete.timezone)))
    builder.add(_workout(session, num_steps=len(steps)))
    for index, step in enumerate(steps):
        step.message_index = index
        builder.add(step)
    for index, ((category, name), title) in enumerate(titles.items()):
        builder.add(_exercise_title(index, category, name, title))
    return bytes(builder.build_bytes())


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
    """Serial numbers, unique per session: YYYYMMDD and the session's place in its day (0-9)."""
    seen: dict[date, int] = {}
    serials = []
    for s in sessions:
        k = seen.get(s.date, 0)
        if k >= MAX_SESSIONS_PER_DAY:
            raise ValueError(f"more than {MAX_SESSIONS_PER_DAY} sessions on {s.date}")
        seen[s.date] = k + 1
        serials.append((s.date.year * 10_000 + s.date.month * 100 + s.date.day) * 10 + k)
    return tuple(serials)


def schedule_file(
    sessions: Sequence[Session], *, serials: Sequence[int], timezone: str = "UTC"
) -> bytes:
    """A FIT schedules file for the first `MAX_SCHEDULED_WORKOUTS` sessions in date order.

    `serials[i]` is the serial of `sessions[i]`'s workout file; `timezone` is the athlete's, the
    one their workout files' time_created was computed in.
    """
    if len(serials) != len(sessions):
        raise ValueError(f"{len(sessions)} sessions but {len(serials)} serials")
    ordered = sorted(zip(sessions, serials, strict=True), key=lambda pair: _local(pair[0]))
    window = ordered[:MAX_SCHEDULED_WORKOUTS]
    builder = FitFileBuilder(auto_define=True)
    if window:
        first, first_serial = window[0]
        builder.add(_file_id(FileType.SCHEDULES, first_serial, _time_created_ms(first, timezone)))
    else:
        builder.add(_file_id(FileType.SCHEDULES, 1, None))
    for session, serial in window:
        builder.add(_schedule(session, serial, timezone))
    return bytes(builder.build_bytes())


def export_fit(
    plan: Plan,
    athlete: Athlete,
    library: ExerciseLibrary,
    *,
    from_date: date | None = None,
    warm_up_minutes: int | None = DEFAULT_WARM_UP_MINUTES,
) -> dict[str, bytes]:
    """Every session's workout file by file name, then "schedule.fit" for the next 30 sessions
    from `from_date` (the plan's start by default)."""
    sessions = plan.sessions
    serials = session_serials(sessions)
    files: dict[str, bytes] = {}
    for session, serial in zip(sessions, serials, strict=True):
        name = _unique(file_name(session), files)
        files[name] = session_workout(
            session, athlete, library, serial=serial, warm_up_minutes=warm_up_minutes
        )
    first_day = from_date or plan.start
    upcoming = [(s, n) for s, n in zip(sessions, serials, strict=True) if s.date >= first_day]
    files[SCHEDULE_FILE_NAME] = schedule_file(
        [s for s, _ in upcoming], serials=[n for _, n in upcoming], timezone=athlete.timezone
    )
    return files


def fit_text(text: str, max_bytes: int) -> str:
    """`text` within `max_bytes` of UTF-8, cut on a character (and, where it can, a word)
    boundary, "…" marking the cut."""
    clean = "".join(ch for ch in text if unicodedata.category(ch) != "Cc").strip()
    raw = clean.encode("utf-8")
    if len(raw) <= max_bytes:
        return clean
    room = max_bytes - len(_ELLIPSIS.encode("utf-8"))
    cut = raw[: max(room, 0)].decode("utf-8", errors="ignore")
    if not clean[len(cut)].isspace() and " " in cut:  # the cut fell inside a word: drop it
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + _ELLIPSIS


# Steps --------------------------------------------------------------------------------------


def _warm_up_step(minutes: int | None) -> WorkoutStepMessage:
    step = _step("Warm-up", Intensity.WARMUP)
    _set_duration(step, seconds=minutes * 60 if minutes else None)
    step.exercise_category = _WARM_UP_CATEGORY
    step.notes = fit_text(_WARM_UP_NOTES, NOTES_MAX_BYTES)
    return step


def _exercise_steps(
    p: Prescription, athlete: Athlete, library: ExerciseLibrary, *, first_index: int
) -> list[WorkoutStepMessage]:
    ex = library.get(p.slug)
    load_kg = resolve_load(p, ex, athlete.one_rep_max_kg, athlete.equipment).load_kg
    name = f"{p.name} per side" if p.per_side else p.name
    work = _step(fit_text(name, STEP_NAME_MAX_BYTES), Intensity.ACTIVE)
    _set_duration(work, seconds=p.seconds, reps=p.reps if p.reps is not None else p.contacts)
    work.exercise_category = ex.fit.category_id
    if ex.fit.name_id is not None:
        work.exercise_name = ex.fit.name_id
    if load_kg is not None:
        work.exercise_weight = load_kg
        work.weight_display_unit = FitBaseUnit.KILOGRAM.value
    if notes := _notes(p, ex.cues):
        work.notes = notes
    steps = [work]
    if p.rest_s > 0:
        rest = _step("Rest", Intensity.REST)
        _set_duration(rest, seconds=p.rest_s)
        steps.append(rest)
    repeat = WorkoutStepMessage(local_id=_LOCAL_STEP)
    repeat.duration_type = WorkoutStepDuration.REPEAT_UNTIL_STEPS_CMPLT
    repeat.duration_step = first_index
    repeat.target_repeat_steps = p.sets
    steps.append(repeat)
    return steps


def _step(name: str, intensity: Intensity) -> WorkoutStepMessage:
    step = WorkoutStepMessage(local_id=_LOCAL_STEP)
    step.workout_step_name = name
    step.intensity = intensity
    step.target_type = WorkoutStepTarget.OPEN
    return step


def _set_duration(
    step: WorkoutStepMessage, *, seconds: int | None = None, reps: int | None = None
) -> None:
    """Time (the sub-field takes seconds and writes ms), reps, or open (until lap)."""
    if seconds is not None:
        step.duration_type = WorkoutStepDuration.TIME
        step.duration_time = seconds
    elif reps is not None:
        step.duration_type = WorkoutStepDuration.REPS
        step.duration_reps = reps
    else:
        step.duration_type = WorkoutStepDuration.OPEN


def _notes(p: Prescription, cues: tuple[str, ...]) -> str:
    """The dose the watch cannot show in a field: contacts, RIR, %1RM, tempo, the first cue."""
    parts = []
    if p.contacts is not None and p.reps is None and p.seconds is None:
        parts.append(f"{p.contacts} contacts")
    if dose := effort(p, None):  # the kilograms are in exercise_weight
        parts.append(dose)
    if p.tempo:
        parts.append(f"tempo {p.tempo}")
    if cues:
        parts.append(cues[0])
    return fit_text("; ".join(parts), NOTES_MAX_BYTES)


# Messages -----------------------------------------------------------------------------------


def _file_id(kind: FileType, serial: int, time_created_ms: int | None) -> FileIdMessage:
    message = FileIdMessage(local_id=_LOCAL_FILE_ID)
    message.type = kind
    message.manufacturer = Manufacturer.DEVELOPMENT.value
    message.product = PRODUCT_ID
    message.serial_number = serial
    if time_created_ms is not None:
        message.time_created = time_created_ms
    return message


def _workout(session: Session, *, num_steps: int) -> WorkoutMessage:
    message = WorkoutMessage(local_id=_LOCAL_WORKOUT)
    message.workout_name = workout_name(session)
    message.sport = Sport.TRAINING
    message.sub_sport = SubSport.STRENGTH_TRAINING
    message.num_valid_steps = num_steps
    message.workout_description = fit_text(session.title, DESCRIPTION_MAX_BYTES)
    return message


def _exercise_title(index: int, category: int, name: int, title: str) -> ExerciseTitleMessage:
    message = ExerciseTitleMessage(local_id=_LOCAL_TITLE)
    message.message_index = index
    message.exercise_category = category
    message.exercise_name = name
    message.workout_step_name = fit_text(title, EXERCISE_TITLE_MAX_BYTES)
    return message


def _schedule(session: Session, serial: int, timezone: str) -> ScheduleMessage:
    message = ScheduleMessage(local_id=_LOCAL_SCHEDULE)
    message.manufacturer = Manufacturer.DEVELOPMENT.value
    message.product = PRODUCT_ID
    message.serial_number = serial
    message.time_created = _time_created_ms(session, timezone)
    message.completed = False
    message.type = Schedule.WORKOUT
    message.scheduled_time = (_local(session) - _FIT_EPOCH_LOCAL) // timedelta(seconds=1)
    return message


# Time and names -----------------------------------------------------------------------------


def _local(session: Session) -> datetime:
    return datetime.combine(session.date, session.time.replace(tzinfo=None))


def _time_created_ms(session: Session, timezone: str) -> int:
    """The session's start in the athlete's timezone, as ms since 1970 (fit-tool's unit)."""
    start = _local(session).replace(tzinfo=ZoneInfo(timezone))
    return (start - _UNIX_EPOCH) // timedelta(seconds=1) * 1000


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "session"


def _unique(name: str, taken: dict[str, bytes]) -> str:
    stem, n = name.removesuffix(".fit"), 2
    while name in taken:
        name, n = f"{stem}-{n}.fit", n + 1
    return name
