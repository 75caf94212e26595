"""CSV export: one row per planned set, and per side for one-sided work."""

from __future__ import annotations

import csv
import io
from datetime import date, time, timedelta
from functools import cache

import pytest

from builders import EXAMPLES, GYM, library, make_athlete, make_prescription
from runstrong import services
from runstrong.domain.athlete import Weekday
from runstrong.domain.plan import LowerBodyLoad, Phase, Plan, Prescription, Session, Week
from runstrong.export.plan_csv import export_csv

TODAY = date(2026, 11, 26)
MONDAY = date(2027, 1, 4)
HEADER = (
    "date,time,week,phase,session,exercise_slug,exercise,set_number,reps,seconds,contacts,"
    "side,load_kg,percent_1rm,rir,tempo,rest_s"
)
EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.toml"))


@cache
def example(name: str) -> services.PlanResult:
    return services.make_plan(EXAMPLES / f"{name}.toml", today=TODAY)


@cache
def example_csv(name: str) -> bytes:
    result = example(name)
    return export_csv(result.plan, result.profile.athlete, result.library)


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def prescription(slug: str, name: str, **changes: object) -> Prescription:
    fields: dict[str, object] = {"sets": 2, "reps": 5, "rest_s": 180, "why": ""}
    return make_prescription(slug, name=name, **(fields | changes))


def tiny_plan() -> Plan:
    day = MONDAY + timedelta(days=1)
    exercises = (
        prescription("back_squat", "Back squat", percent_1rm=83, tempo="3-1-1-0"),
        prescription("side_plank", "Side plank", sets=1, reps=None, seconds=30, per_side=True),
        prescription("pogo_hops", "Pogo hops", sets=1, reps=None, contacts=20, rir=None),
    )
    session = Session(
        date=day,
        weekday=Weekday.of(day),
        time=time(7, 30),
        title='Strength A: squat, "pogo" & plank – Zoë',
        after_run=False,
        lower_body_load=LowerBodyLoad.HEAVY,
        plyo_contacts=20,
        est_minutes=30,
        exercises=exercises,
        reasons=(),
        warnings=(),
    )
    week = Week(1, MONDAY, Phase.BUILD, False, "Power.", (session,))
    return Plan(athlete="Test Runner", start=MONDAY, weeks=(week,), warnings=())


def test_a_small_plan_exports_exactly_these_rows() -> None:
    athlete = make_athlete(equipment=GYM, maxes={"back_squat": 100.0})
    data = export_csv(tiny_plan(), athlete, library())
    # 83% of a 100 kg max is 83 kg, rounded down to the 2.5 kg barbell step: 82.5 kg.
    session = '2027-01-05,07:30,1,build,"Strength A: squat, ""pogo"" & plank – Zoë"'
    assert data.decode("utf-8") == "\n".join(
        [
            HEADER,
            f"{session},back_squat,Back squat,1,5,,,,82.5,83,2,3-1-1-0,180",
            f"{session},back_squat,Back squat,2,5,,,,82.5,83,2,3-1-1-0,180",
            f"{session},side_plank,Side plank,1,,30,,left,,,2,,180",
            f"{session},side_plank,Side plank,1,,30,,right,,,2,,180",
            f"{session},pogo_hops,Pogo hops,1,,,20,,,,,,180",
            "",
        ]
    )


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_there_is_a_row_per_set_and_two_for_a_per_side_set(name: str) -> None:
    plan = example(name).plan
    expected = sum(p.sets * (2 if p.per_side else 1) for s in plan.sessions for p in s.exercises)
    assert len(rows(example_csv(name))) == expected


def test_the_header_is_exact_and_lines_end_with_a_bare_newline() -> None:
    data = example_csv("alex-marathon")
    text = data.decode("utf-8")
    assert text.split("\n", 1)[0] == HEADER
    assert "\r" not in text
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    assert not data.startswith(b"\xef\xbb\xbf")


def test_a_sample_of_the_alex_rows_matches_the_plan() -> None:
    result = example("alex-marathon")
    week = result.plan.weeks[2]
    session = week.sessions[-1]
    per_side = next(p for p in session.exercises if p.per_side)
    found = [
        r
        for r in rows(example_csv("alex-marathon"))
        if r["date"] == session.date.isoformat() and r["exercise_slug"] == per_side.slug
    ]
    assert [(r["set_number"], r["side"]) for r in found] == [
        (str(n), side) for n in range(1, per_side.sets + 1) for side in ("left", "right")
    ]
    first = found[0]
    assert first["week"] == "3"
    assert first["phase"] == str(week.phase)
    assert first["session"] == session.title
    assert first["time"] == session.time.strftime("%H:%M")
    assert first["exercise"] == per_side.name
    assert first["reps"] == ("" if per_side.reps is None else str(per_side.reps))
    assert first["rir"] == ("" if per_side.rir is None else str(per_side.rir))
    assert first["rest_s"] == str(per_side.rest_s)


def test_loads_come_from_the_athletes_maxes() -> None:
    marco = rows(example_csv("marco-marathon-gym"))
    squats = [r for r in marco if r["exercise_slug"] == "back_squat" and r["percent_1rm"]]
    assert squats
    assert all(float(r["load_kg"]) > 0 for r in squats)
    assert all(r["load_kg"] == "" for r in marco if not r["percent_1rm"])


def test_the_csv_is_the_same_bytes_every_time() -> None:
    result = example("marco-marathon-gym")
    again = export_csv(result.plan, result.profile.athlete, result.library)
    assert again == example_csv("marco-marathon-gym")
