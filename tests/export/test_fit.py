"""FIT workout and schedule files, read back with Garmin's own decoder (garmin_fit_sdk, test-only).

Numbers below are the FIT profile's own values (delivery.md), not fit-tool's, so a wrong enum in
the exporter cannot agree with itself here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

import pytest
from garmin_fit_sdk import Decoder, Stream
from hypothesis import given
from hypothesis import strategies as st

from builders import (
    EXAMPLES,
    GYM,
    HOME,
    library,
    make_athlete,
    make_prescription,
    make_profile,
    make_race,
    percent_of,
    plan_from_file,
    rir_of,
)
from runstrong import services
from runstrong.domain.assumed_kit import with_assumed_kit
from runstrong.domain.athlete import Athlete, Race, Weekday
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.engine import generate_plan
from runstrong.domain.loads import resolve_load
from runstrong.domain.plan import (
    ByPercent,
    ByRir,
    Contacts,
    Hold,
    LowerBodyLoad,
    Phase,
    Plan,
    Prescription,
    Reps,
    Role,
    Session,
    Week,
)
from runstrong.domain.rules import Rules
from runstrong.export.fit import (
    MAX_SCHEDULED_WORKOUTS,
    export_fit,
    file_name,
    fit_text,
    schedule_file,
    session_serials,
    session_workout,
)
from runstrong.render.dose_text import position_labels
from runstrong.render.resolved import resolve, resolve_session

TODAY = date(2026, 11, 26)
# FIT profile values
FILE_WORKOUT, FILE_SCHEDULES = 5, 7
MANUFACTURER_DEVELOPMENT = 255
SPORT_TRAINING, SUB_SPORT_STRENGTH_TRAINING = 10, 20
TIME, OPEN, REPEAT_UNTIL_STEPS_CMPLT, REPS = 0, 5, 6, 29
ACTIVE, REST, WARMUP = 0, 1, 2
CATEGORY_WARM_UP = 31
KILOGRAM = 1
SCHEDULE_WORKOUT = 0
FIT_EPOCH_LOCAL = datetime(1989, 12, 31)


# Decoding -----------------------------------------------------------------------------------


def decode(data: bytes, *, strings: bool = False) -> dict[str, list[dict[str, Any]]]:
    """Garmin's decoder: the CRC holds, no errors; enums as numbers unless `strings`."""
    assert Decoder(Stream.from_byte_array(bytearray(data))).check_integrity()
    messages: Any
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
        convert_types_to_strings=strings
    )
    assert errors == []
    return dict(messages)


@dataclass(frozen=True)
class Work:
    """One work step: what one set of one exercise is on the watch."""

    label: str  # the position label the step name starts with
    category: int
    name: int | None
    duration_type: int
    amount: int | None  # reps, or ms for a hold
    weight_kg: float | None


@dataclass(frozen=True)
class Block:
    """Work steps done in turn, then a rest, `rounds` times: one exercise or a superset."""

    works: tuple[Work, ...]
    rest_ms: int | None
    rounds: int


Set = tuple[Work, int | None]  # one set as done, and the rest after it (None: straight on)


def expected_sets(s: Session, athlete: Athlete, lib: ExerciseLibrary) -> list[Set]:
    """Every set of the session in the order the printed plan says to do them.

    A single exercise: its sets, each followed by its rest. A superset (consecutive exercises
    with one letter): one set of each member in turn, then the larger rest, while both have sets
    left; then the member with more sets does the rest of them, each followed by its own rest.
    A hold per side is two timed sets in a row, left then right, with no rest between.
    """
    labels = position_labels(s.exercises)
    groups: list[list[tuple[str, Prescription]]] = []
    for i, (label, p) in enumerate(zip(labels, s.exercises, strict=True)):
        if i and p.superset is not None and s.exercises[i - 1].superset == p.superset:
            groups[-1].append((label, p))
        else:
            groups.append([(label, p)])
    done: list[Set] = []
    for group in groups:
        for round_ in range(max(p.sets for _, p in group)):
            active = [(label, p) for label, p in group if p.sets > round_]
            rest_ms = max(p.rest_s for _, p in active) * 1000 or None
            works = [
                work
                for label, p in active
                for work in [planned_work(label, p, athlete, lib)] * sides(p)
            ]
            done += [(w, rest_ms if n == len(works) else None) for n, w in enumerate(works, 1)]
    return done


def sides(p: Prescription) -> int:
    """Work steps a set has: a hold per side is timed on each side, anything else counted once."""
    return 2 if p.per_side and isinstance(p.dose, Hold) else 1


def planned_work(label: str, p: Prescription, athlete: Athlete, lib: ExerciseLibrary) -> Work:
    ex = lib.get(p.slug)
    dose = p.dose
    kind, amount = (TIME, dose.seconds * 1000) if isinstance(dose, Hold) else (REPS, dose.count)
    planned_for = with_assumed_kit(athlete, Rules())  # the kit the plan assumed (assumed_kit.py)
    load = resolve_load(
        p, ex, athlete.one_rep_max_kg, planned_for.equipment, athlete=planned_for, rules=Rules()
    ).load_kg
    return Work(label, ex.fit.category_id, ex.fit.name_id, kind, amount, load)


def decoded_blocks(steps: list[dict[str, Any]]) -> list[Block]:
    """Walk the steps after the warm-up as blocks: work steps (one exercise, a superset's two or
    a circuit's few, each a step or a timed step a side), a rest or none, and a repeat that
    loops back to the block's first work step."""
    assert [s["message_index"] for s in steps] == list(range(len(steps)))
    assert steps[0]["intensity"] == WARMUP
    blocks, i = [], 1
    while i < len(steps):
        first, works = i, []
        while steps[i].get("intensity") == ACTIVE:
            works.append(decoded_work(steps[i]))
            i += 1
        assert works, f"step {first}: no work step in a block"
        rest = steps[i] if steps[i].get("intensity") == REST else None
        i += 1 if rest else 0
        repeat = steps[i]
        assert repeat["duration_type"] == REPEAT_UNTIL_STEPS_CMPLT
        assert repeat["duration_value"] == first
        blocks.append(
            Block(tuple(works), rest["duration_value"] if rest else None, repeat["target_value"])
        )
        i += 1
    return blocks


def decoded_work(step: dict[str, Any]) -> Work:
    weight = step.get("exercise_weight")
    if weight is not None:
        assert step["weight_display_unit"] == KILOGRAM
    return Work(
        step["wkt_step_name"].split(" ", 1)[0],
        step["exercise_category"],
        step.get("exercise_name"),
        step["duration_type"],
        step.get("duration_value"),
        round(weight, 2) if weight is not None else None,
    )


def performed(blocks: list[Block]) -> list[Set]:
    """The sets as the watch runs them: each block's work steps in turn, then its rest, for as
    many rounds as its repeat says."""
    done: list[Set] = []
    for block in blocks:
        for _ in range(block.rounds):
            *first, last = block.works
            done += [(work, None) for work in first] + [(last, block.rest_ms)]
    return done


def assert_round_trip(s: Session, athlete: Athlete, lib: ExerciseLibrary, data: bytes) -> None:
    messages = decode(data)
    (workout,) = messages["workout_mesgs"]
    assert workout["sport"] == SPORT_TRAINING
    assert workout["sub_sport"] == SUB_SPORT_STRENGTH_TRAINING
    steps = messages["workout_step_mesgs"]
    assert workout["num_valid_steps"] == len(steps)
    assert performed(decoded_blocks(steps)) == expected_sets(s, athlete, lib)


# Sessions built by hand ---------------------------------------------------------------------


def rx(slug: str, **kw: Any) -> Prescription:
    return make_prescription(slug, **({"name": library().get(slug).name} | kw))


def fit_workout(s: Session, athlete: Athlete, **kw: Any) -> bytes:
    """`session_workout` of `s` resolved for `athlete`, in the athlete's time zone."""
    resolved = resolve_session(s, athlete, library())
    return session_workout(resolved, timezone=athlete.timezone, **kw)


def session(*exercises: Prescription, day: date = date(2026, 12, 8), **kw: Any) -> Session:
    fields: dict[str, Any] = {
        "date": day,
        "weekday": Weekday.of(day),
        "time": time(18, 0),
        "title": "Strength A: squat, single leg, calves",
        "after_run": False,
        "lower_body_load": LowerBodyLoad.HEAVY,
        "plyo_contacts": 0,
        "est_minutes": 40,
        "exercises": exercises or (rx("goblet_squat"),),
        "reasons": (),
        "warnings": (),
    }
    return Session(**(fields | kw))


def steps_of(data: bytes, *, strings: bool = False) -> list[dict[str, Any]]:
    return decode(data, strings=strings)["workout_step_mesgs"]


def example(name: str) -> services.PlanResult:
    return plan_from_file(EXAMPLES / f"{name}.toml", TODAY)


@cache
def exported(name: str) -> tuple[services.PlanResult, dict[str, bytes]]:
    """An example's plan and its FIT files, made once per test run (both are immutable)."""
    result = example(name)
    return result, export_fit(result.resolved, today=TODAY)


EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.toml"))


# The example plans --------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_session_of_every_example_plan_reads_back_as_planned(name: str) -> None:
    result, files = exported(name)
    athlete = result.profile.athlete
    assert len(files) == len(result.plan.sessions) + 1
    for s in result.plan.sessions:
        assert_round_trip(s, athlete, result.library, files[file_name(s)])


def test_the_gym_example_plan_has_loads_and_holds_to_check() -> None:
    """Guards the round-trip test against passing on plans with no weights or holds at all."""
    _, files = exported("marco-marathon-gym")
    steps = [st for name, d in files.items() if name != "schedule.fit" for st in steps_of(d)]
    assert any(s.get("exercise_weight") for s in steps)
    assert any(s["duration_type"] == TIME and s.get("intensity") == ACTIVE for s in steps)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_schedule_lists_the_next_thirty_sessions_in_date_order_by_their_files(
    name: str,
) -> None:
    result, files = exported(name)
    messages = decode(files["schedule.fit"])
    assert messages["file_id_mesgs"][0]["type"] == FILE_SCHEDULES
    entries = messages.get("schedule_mesgs", [])
    sessions = result.plan.sessions
    assert len(entries) == min(MAX_SCHEDULED_WORKOUTS, len(sessions))
    times = [FIT_EPOCH_LOCAL + timedelta(seconds=e["scheduled_time"]) for e in entries]
    assert times == sorted(times)
    for entry, s, when in zip(entries, sessions, times, strict=False):
        assert when == datetime.combine(s.date, s.time)
        (file_id,) = decode(files[file_name(s)])["file_id_mesgs"]
        assert entry["type"] == SCHEDULE_WORKOUT
        for key in ("manufacturer", "product", "serial_number", "time_created"):
            assert entry[key] == file_id[key], key


def schedule_days(files: dict[str, bytes]) -> list[date]:
    entries = decode(files["schedule.fit"]).get("schedule_mesgs", [])
    return [(FIT_EPOCH_LOCAL + timedelta(seconds=e["scheduled_time"])).date() for e in entries]


def test_the_schedule_starts_today_when_the_plan_has_begun() -> None:
    result = example("alex-marathon")
    today = result.plan.start + timedelta(weeks=3, days=2)  # a Wednesday, weeks in
    files = export_fit(result.resolved, today=today)
    days = schedule_days(files)
    upcoming = sorted(s.date for s in result.plan.sessions if s.date >= today)
    assert days[0] == upcoming[0]
    assert days[0] > result.plan.start
    assert min(days) >= today
    assert len(days) == min(MAX_SCHEDULED_WORKOUTS, len(upcoming))
    # every workout file is still written, the past ones too
    assert len(files) == len(result.plan.sessions) + 1


def test_the_schedule_includes_a_session_on_today() -> None:
    result = example("alex-marathon")
    today = result.plan.sessions[5].date
    days = schedule_days(export_fit(result.resolved, today=today))
    assert days[0] == today


def test_the_schedule_starts_at_the_plan_start_when_that_is_later_than_today() -> None:
    result = example("alex-marathon")
    assert result.plan.start > TODAY
    files = export_fit(result.resolved, today=TODAY)
    assert schedule_days(files)[0] == min(s.date for s in result.plan.sessions)


def test_the_schedule_of_a_plan_that_is_over_is_empty() -> None:
    result = example("alex-marathon")
    after = result.plan.end + timedelta(days=1)
    files = export_fit(result.resolved, today=after)
    assert schedule_days(files) == []


def test_the_schedule_starts_at_from_date() -> None:
    result = example("alex-marathon")
    later = result.plan.start + timedelta(weeks=10)
    files = export_fit(result.resolved, today=TODAY, from_date=later)
    entries = decode(files["schedule.fit"])["schedule_mesgs"]
    first = FIT_EPOCH_LOCAL + timedelta(seconds=entries[0]["scheduled_time"])
    upcoming = [s for s in result.plan.sessions if s.date >= later]
    assert first == datetime.combine(upcoming[0].date, upcoming[0].time)
    assert len(entries) == min(MAX_SCHEDULED_WORKOUTS, len(upcoming))


def test_serials_are_unique_within_a_plan_and_the_same_on_every_export() -> None:
    result, files = exported("marco-marathon-gym")
    serials = session_serials(result.plan.sessions)
    assert len(set(serials)) == len(result.plan.sessions)
    again = example("marco-marathon-gym")
    assert session_serials(again.plan.sessions) == serials
    ids = [decode(d)["file_id_mesgs"][0]["serial_number"] for d in files.values()]
    assert len(set(ids[:-1])) == len(ids) - 1


def test_the_same_plan_exports_the_same_bytes() -> None:
    first = exported("alex-marathon")[1]
    again = example("alex-marathon")  # planned afresh, exported afresh
    assert export_fit(again.resolved, today=TODAY) == first


# One workout --------------------------------------------------------------------------------


def test_the_workout_reads_as_a_dated_strength_session_on_the_watch() -> None:
    athlete = make_athlete()
    messages = decode(fit_workout(session(), athlete, serial=7), strings=True)
    (workout,) = messages["workout_mesgs"]
    assert workout["wkt_name"] == "Tue 08 Dec Strength A"
    assert (workout["sport"], workout["sub_sport"]) == ("training", "strength_training")
    (file_id,) = messages["file_id_mesgs"]
    assert file_id["type"] == "workout"
    assert file_id["manufacturer"] == "development"
    assert file_id["serial_number"] == 7


@pytest.mark.parametrize(
    ("timezone", "day", "utc_hour"),
    [("UTC", date(2026, 12, 8), 18), ("Europe/Berlin", date(2027, 7, 6), 16)],
)
def test_time_created_is_the_session_start_in_the_athletes_timezone(
    timezone: str, day: date, utc_hour: int
) -> None:
    athlete = replace(make_athlete(), timezone=timezone)
    data = fit_workout(session(day=day), athlete, serial=1)
    (file_id,) = decode(data)["file_id_mesgs"]
    assert file_id["time_created"] == datetime.combine(day, time(utc_hour), tzinfo=UTC)


def test_the_warm_up_comes_first_and_lasts_the_given_minutes() -> None:
    data = fit_workout(session(), make_athlete(), serial=1, warm_up_minutes=10)
    warm_up = steps_of(data)[0]
    assert warm_up["exercise_category"] == CATEGORY_WARM_UP
    assert (warm_up["duration_type"], warm_up["duration_value"]) == (TIME, 600_000)


def test_without_warm_up_minutes_the_warm_up_ends_at_the_lap_key() -> None:
    data = fit_workout(session(), make_athlete(), serial=1, warm_up_minutes=None)
    warm_up = steps_of(data)[0]
    assert warm_up["duration_type"] == OPEN
    assert "duration_value" not in warm_up


def test_a_step_carries_the_exercise_ids_reps_sets_and_rest() -> None:
    squat = rx("goblet_squat", sets=4, dose=Reps(6, ByRir(2)), rest_s=120)
    data = fit_workout(session(squat), make_athlete(), serial=1)
    work, rest, repeat = steps_of(data)[1:]
    assert (work["exercise_category"], work["exercise_name"]) == (28, 37)  # squat/goblet_squat
    assert (work["duration_type"], work["duration_value"]) == (REPS, 6)
    assert (rest["intensity"], rest["duration_type"], rest["duration_value"]) == (
        REST,
        TIME,
        120_000,
    )
    assert (repeat["duration_value"], repeat["target_value"]) == (1, 4)


def calf_and_plank(calf_sets: int, plank_sets: int) -> Session:
    """A squat, then a superset: seated calf raise (rest 60 s) with a side plank (rest 45 s)."""
    return session(
        rx("goblet_squat", sets=3, rest_s=120),
        rx(
            "seated_calf_raise",
            role=Role.CALF,
            sets=calf_sets,
            dose=Reps(12, ByRir(2)),
            rest_s=60,
            superset="A",
        ),
        rx(
            "side_plank",
            role=Role.TRUNK,
            sets=plank_sets,
            dose=Hold(30),
            per_side=True,
            rest_s=45,
            superset="A",
        ),
    )


def layout(steps: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Each step after the warm-up as (name, reps or ms), or ("repeat", to step, rounds)."""
    out: list[tuple[Any, ...]] = []
    for step in steps[1:]:
        if step["duration_type"] == "repeat_until_steps_cmplt":
            out.append(("repeat", step["duration_value"], step["target_value"]))
        else:
            out.append((step["wkt_step_name"], step["duration_value"]))
    return out


def test_a_superset_is_its_work_steps_one_rest_and_one_repeat_labelled_as_on_paper() -> None:
    data = fit_workout(calf_and_plank(3, 3), make_athlete(), serial=1)
    assert layout(steps_of(data, strings=True)) == [
        ("A Goblet squat", 8),
        ("Rest", 120_000),
        ("repeat", 1, 3),
        ("B1 Seated calf raise", 12),
        ("B2 Side plank left", 30_000),  # a hold per side: each side timed
        ("B2 Side plank right", 30_000),
        ("Rest", 60_000),  # the larger of the two rests, once per round
        ("repeat", 4, 3),
    ]


def test_the_superset_member_with_more_sets_does_its_extra_sets_alone_after_the_loop() -> None:
    data = fit_workout(calf_and_plank(3, 2), make_athlete(), serial=1)
    assert layout(steps_of(data, strings=True))[3:] == [
        ("B1 Seated calf raise", 12),
        ("B2 Side plank left", 30_000),
        ("B2 Side plank right", 30_000),
        ("Rest", 60_000),
        ("repeat", 4, 2),
        ("B1 Seated calf raise", 12),
        ("Rest", 60_000),
        ("repeat", 9, 1),
    ]
    data = fit_workout(calf_and_plank(2, 4), make_athlete(), serial=1)
    assert layout(steps_of(data, strings=True))[8:] == [
        ("B2 Side plank left", 30_000),
        ("B2 Side plank right", 30_000),
        ("Rest", 45_000),  # alone, the plank keeps its own rest
        ("repeat", 9, 2),
    ]


def test_a_superset_with_no_rest_loops_straight_back_to_its_first_exercise() -> None:
    s = calf_and_plank(2, 2)
    s = replace(s, exercises=tuple(replace(p, rest_s=0) for p in s.exercises))
    steps = steps_of(fit_workout(s, make_athlete(), serial=1), strings=True)
    assert layout(steps)[2:] == [
        ("B1 Seated calf raise", 12),
        ("B2 Side plank left", 30_000),
        ("B2 Side plank right", 30_000),
        ("repeat", 3, 2),
    ]


def test_superset_sessions_read_back_as_planned() -> None:
    athlete = make_athlete()
    for calf, plank in [(3, 3), (3, 2), (2, 3), (1, 4)]:
        s = calf_and_plank(calf, plank)
        data = fit_workout(s, athlete, serial=1)
        assert_round_trip(s, athlete, library(), data)


def test_the_example_plans_have_supersets_with_unequal_sets_to_check() -> None:
    """Guards the round-trip tests against passing on plans without the superset shapes."""
    result, _ = exported("nia-ultra-tue-wed")
    pairs = [
        (a, b)
        for s in result.plan.sessions
        for a, b in zip(s.exercises, s.exercises[1:], strict=False)
        if a.superset is not None and a.superset == b.superset
    ]
    assert pairs
    assert any(a.sets != b.sets for a, b in pairs)


def test_a_hold_is_written_in_milliseconds() -> None:
    hold = rx("side_plank", dose=Hold(40))
    work = steps_of(fit_workout(session(hold), make_athlete(), serial=1))[1]
    assert (work["duration_type"], work["duration_value"]) == (TIME, 40_000)
    assert work["wkt_step_name"] == "A Side plank"


def test_a_hold_per_side_is_two_timed_steps_left_then_right_inside_the_sets_repeat() -> None:
    """Side plank, 3 x 30 s per side: the watch times the left side, then the right, 3 times."""
    hold = rx("side_plank", sets=3, dose=Hold(30), per_side=True, rest_s=45)
    steps = steps_of(fit_workout(session(hold), make_athlete(), serial=1))
    left, right, rest, repeat = steps[1:]
    for work in (left, right):
        assert (work["intensity"], work["duration_type"]) == (ACTIVE, TIME)
        assert work["duration_value"] == 30_000
        assert (work["exercise_category"], work["exercise_name"]) == (19, 66)  # plank/side_plank
    assert (left["wkt_step_name"], right["wkt_step_name"]) == (
        "A Side plank left",
        "A Side plank right",
    )
    assert left["notes"].startswith("Left side")
    assert right["notes"].startswith("Right side")
    assert (rest["intensity"], rest["duration_value"]) == (REST, 45_000)
    assert (repeat["duration_value"], repeat["target_value"]) == (1, 3)


def test_reps_per_side_are_one_step_whose_name_and_notes_say_each_side() -> None:
    lunge = rx("bulgarian_split_squat", dose=Reps(8, ByRir(2)), per_side=True)
    steps = steps_of(fit_workout(session(lunge), make_athlete(), serial=1))
    work, _rest, _repeat = steps[1:]
    assert (work["duration_type"], work["duration_value"]) == (REPS, 8)
    assert work["wkt_step_name"] == "A Bulgarian split squat per side"
    assert work["notes"].startswith("Each side; RIR 2")


def test_a_long_name_per_side_is_shortened_before_its_side() -> None:
    name = "Single-leg Romanian deadlift on a wobbly cushion, slowly"  # 56 bytes
    held = rx("side_plank", name=name, dose=Hold(30), per_side=True)
    counted = rx("single_leg_romanian_deadlift", name=name, dose=Reps(8, ByRir(2)), per_side=True)
    for p, ends in [(held, (" left", " right")), (counted, (" per side",))]:
        steps = steps_of(fit_workout(session(p), make_athlete(), serial=1))
        names = [s["wkt_step_name"] for s in steps if s.get("intensity") == ACTIVE]
        assert [n.rsplit("…", 1)[1] for n in names] == list(ends)
        assert all(n.startswith("A Single-leg Romanian") for n in names)
        assert all(len(n.encode("utf-8")) <= 51 for n in names)


def test_notes_keep_the_dose_whole_and_cut_the_cue_first() -> None:
    """The dose (side, %1RM and RIR, tempo) fits the 49 bytes; the cue takes what is left."""
    athlete = make_athlete(equipment=GYM, maxes={"back_squat": 100.0})
    squat = rx("back_squat", dose=Reps(3, ByPercent(85, 1)), tempo="2-0-X-0")
    notes = steps_of(fit_workout(session(squat), athlete, serial=1))[1]["notes"]
    cue = library().get("back_squat").cues[0]
    assert notes.startswith("85% 1RM, RIR 1; tempo 2-0-X-0; ")
    assert notes.endswith("…")
    assert cue.startswith(notes.split("; ")[-1].removesuffix("…"))  # the cue, cut
    assert len(notes.encode("utf-8")) <= 49


def test_a_cue_that_would_be_cut_to_a_word_or_two_is_left_out() -> None:
    """40 bytes of dose leave 7 for the cue: "Each side; ...; tempo 2-0-X-0; Stand…" would say
    nothing, so the notes are the dose alone."""
    athlete = make_athlete(equipment=GYM, maxes={"bulgarian_split_squat": 60.0})
    lunge = rx(
        "bulgarian_split_squat", dose=Reps(3, ByPercent(85, 1)), tempo="2-0-X-0", per_side=True
    )
    notes = steps_of(fit_workout(session(lunge), athlete, serial=1))[1]["notes"]
    assert notes == "Each side; 85% 1RM, RIR 1; tempo 2-0-X-0"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_note_of_every_example_plan_holds_its_whole_dose(name: str) -> None:
    result, files = exported(name)
    for s in result.plan.sessions:
        labels = position_labels(s.exercises)
        steps = [st for st in steps_of(files[file_name(s)]) if st.get("intensity") == ACTIVE]
        works = [(label, p) for label, p in zip(labels, s.exercises, strict=True)]
        expected = [(label, p) for label, p in works for _ in range(sides(p))]
        # each exercise's first set's steps come first in its block: check them in order
        named = [st for st in steps if st["wkt_step_name"].split(" ", 1)[0] in dict(works)]
        for label, p in expected:
            step = next(st for st in named if st["wkt_step_name"].split(" ", 1)[0] == label)
            named.remove(step)
            notes = step.get("notes", "")
            assert len(notes.encode("utf-8")) <= 49
            if rir_of(p) is not None:
                assert f"RIR {rir_of(p)}" in notes
            if percent_of(p) is not None:
                assert f"{percent_of(p)}% 1RM" in notes
            if p.tempo is not None:
                assert f"tempo {p.tempo}" in notes
            if p.per_side:
                assert notes.split(";")[0] in ("Left side", "Right side", "Each side")


def test_the_example_plans_have_holds_per_side_and_tempos_to_check() -> None:
    """Guards the notes test against passing on plans without the long doses."""
    rxs = [p for n in EXAMPLE_NAMES for s in exported(n)[0].plan.sessions for p in s.exercises]
    assert any(p.per_side and isinstance(p.dose, Hold) for p in rxs)
    assert any(p.per_side and p.tempo is not None and rir_of(p) is not None for p in rxs)
    assert any(percent_of(p) is not None and p.tempo is not None for p in rxs)


def test_plyometric_contacts_count_as_reps_and_the_notes_say_contacts() -> None:
    hops = rx("pogo_hops", dose=Contacts(20))
    work = steps_of(fit_workout(session(hops), make_athlete(), serial=1))[1]
    assert (work["duration_type"], work["duration_value"]) == (REPS, 20)
    assert work["exercise_category"] == 20  # plyo
    assert "exercise_name" not in work  # pogo hops have no FIT name
    assert work["notes"].startswith("20 contacts")


def test_a_load_from_the_athletes_max_is_written_in_kilograms() -> None:
    athlete = make_athlete(equipment=GYM, maxes={"back_squat": 100.0})
    squat = rx("back_squat", dose=Reps(5, ByPercent(75, 2)), tempo="2-0-1-0")
    work = steps_of(fit_workout(session(squat), athlete, serial=1))[1]
    assert work["exercise_weight"] == 75.0
    assert work["weight_display_unit"] == KILOGRAM
    assert work["notes"].startswith("75% 1RM, RIR 2; tempo 2-0-1-0; Bar across")


def test_without_a_known_max_no_weight_is_written() -> None:
    squat = rx("back_squat", dose=Reps(8, ByPercent(75, 2)))
    work = steps_of(fit_workout(session(squat), make_athlete(equipment=GYM), serial=1))[1]
    assert "exercise_weight" not in work
    assert "weight_display_unit" not in work


def test_each_category_and_name_pair_gets_one_exercise_title() -> None:
    s = session(rx("goblet_squat"), rx("pogo_hops", dose=Contacts(10)), rx("goblet_squat"))
    messages = decode(fit_workout(s, make_athlete(), serial=1))
    titles = [
        (t["exercise_category"], t["exercise_name"], t["wkt_step_name"])
        for t in messages["exercise_title_mesgs"]
    ]
    assert titles == [(28, 37, "Goblet squat")]


def test_long_names_and_notes_are_cut_on_a_character_boundary() -> None:
    long_name = "Ü" + "é" * 60  # one word: the cut has to fall between two characters
    s = session(rx("goblet_squat", name=long_name, tempo="3-1-1-0"), title="Kraft " + "ü" * 300)
    messages = decode(fit_workout(s, make_athlete(), serial=1))
    work = messages["workout_step_mesgs"][1]
    assert work["wkt_step_name"].startswith("A Üéé")
    assert work["wkt_step_name"].endswith("…")
    assert len(work["wkt_step_name"].encode("utf-8")) <= 51
    assert len(work["notes"].encode("utf-8")) <= 49
    assert len(messages["workout_mesgs"][0]["wkt_name"].encode("utf-8")) <= 48


@pytest.mark.parametrize("limit", [4, 5, 6, 7, 20])
def test_fit_text_never_splits_a_character(limit: int) -> None:
    cut = fit_text("ééééééééééé", limit)
    assert len(cut.encode("utf-8")) <= limit
    assert cut.endswith("…")


def test_fit_text_prefers_to_cut_between_words() -> None:
    assert fit_text("Hold one dumbbell or kettlebell", 25) == "Hold one dumbbell or…"


def test_file_names_say_the_date_and_the_session() -> None:
    assert file_name(session()) == "2026-12-08_strength-a.fit"


def test_two_sessions_with_the_same_name_on_one_day_get_two_files() -> None:
    s = session()
    plan = Plan(
        athlete="T",
        start=date(2026, 12, 7),
        weeks=(Week(0, date(2026, 12, 7), Phase.BASE, False, "", (s, s)),),
        warnings=(),
    )
    files = export_fit(resolve(plan, make_athlete(), library()), today=date(2026, 12, 1))
    assert sorted(files) == [
        "2026-12-08_strength-a-2.fit",
        "2026-12-08_strength-a.fit",
        "schedule.fit",
    ]
    serials = [decode(d)["file_id_mesgs"][0]["serial_number"] for d in files.values()]
    assert serials[0] != serials[1]


# Schedule -----------------------------------------------------------------------------------


def test_the_schedule_keeps_the_thirty_earliest_sessions_given_in_any_order() -> None:
    days = [date(2026, 12, 7) + timedelta(days=i) for i in range(40)]
    sessions = [session(day=d) for d in reversed(days)]
    data = schedule_file(sessions, serials=session_serials(sessions))
    entries = decode(data)["schedule_mesgs"]
    got = [(FIT_EPOCH_LOCAL + timedelta(seconds=e["scheduled_time"])).date() for e in entries]
    assert got == days[:30]


def test_an_empty_schedule_is_still_a_valid_file() -> None:
    messages = decode(schedule_file([], serials=[]))
    assert messages["file_id_mesgs"][0]["type"] == FILE_SCHEDULES
    assert "schedule_mesgs" not in messages


def test_a_schedule_needs_one_serial_per_session() -> None:
    with pytest.raises(ValueError, match="serials"):
        schedule_file([session()], serials=[])


# Property: any generated plan reads back as planned ------------------------------------------

START = date(2026, 12, 7)  # a Monday
MAXES = {"back_squat": 100.0, "deadlift": 130.0, "romanian_deadlift": 90.0, "hip_thrust": 110.0}


@st.composite
def generated_plans(draw: st.DrawFn) -> tuple[Plan, Athlete]:
    race_weeks = draw(st.none() | st.integers(min_value=1, max_value=24))
    races: tuple[Race, ...] = ()
    if race_weeks is not None:
        races = (
            make_race(
                START + timedelta(weeks=race_weeks, days=6),
                priority=draw(st.sampled_from(["A", "B", "C"])),
                distance=draw(st.sampled_from(["5k", "10k", "half_marathon", "marathon", "ultra"])),
            ),
        )
    days = draw(st.lists(st.sampled_from([d.value for d in Weekday]), min_size=1, unique=True))
    athlete = make_athlete(
        level=draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        equipment=draw(st.sampled_from([frozenset(), HOME, GYM])),
        strength_days=tuple(days),
        session_minutes=draw(st.sampled_from([20, 30, 45, 60, 90])),
        races=races,
        maxes=draw(st.sampled_from([{}, MAXES])),
    )
    weeks = draw(st.integers(min_value=1, max_value=12))
    plan = generate_plan(make_profile(athlete), library(), start=START, weeks=weeks)
    return plan, athlete


@given(generated_plans())
def test_every_session_of_a_generated_plan_reads_back_as_planned(
    generated: tuple[Plan, Athlete],
) -> None:
    plan, athlete = generated
    serials = session_serials(plan.sessions)
    for s, serial in zip(plan.sessions, serials, strict=True):
        assert_round_trip(s, athlete, library(), fit_workout(s, athlete, serial=serial))
