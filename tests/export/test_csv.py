"""CSV export: one row per planned set, and per side for one-sided work, in the order done."""

from __future__ import annotations

import csv
import io
from datetime import date, time, timedelta
from functools import cache

import pytest

from builders import (
    EXAMPLES,
    GYM,
    library,
    make_athlete,
    make_prescription,
    plan_from_file,
    reps_of,
    rir_of,
)
from runstrong import services
from runstrong.domain.athlete import Weekday
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
from runstrong.export.plan_csv import export_csv
from runstrong.render.resolved import resolve

TODAY = date(2026, 11, 26)
MONDAY = date(2027, 1, 4)
HEADER = (
    "date,time,week,phase,deload,session,position,exercise_slug,exercise,set_number,reps,"
    "seconds,contacts,side,load_kg,load_estimated,percent_1rm,rir,tempo,rest_s"
)
EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.toml"))


@cache
def example(name: str) -> services.PlanResult:
    return plan_from_file(EXAMPLES / f"{name}.toml", TODAY)


@cache
def example_csv(name: str) -> bytes:
    result = example(name)
    return export_csv(result.resolved)


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def prescription(slug: str, name: str, **changes: object) -> Prescription:
    fields: dict[str, object] = {"sets": 2, "dose": Reps(5, ByRir(2)), "rest_s": 180, "why": ""}
    return make_prescription(slug, name=name, **(fields | changes))


def tiny_plan(superset: str | None = "A") -> Plan:
    """A deload week's one session: a main lift, a calf raise (3 sets) and a per-side dead bug
    (2 sets) in superset `superset`, a per-side hold and hops."""
    day = MONDAY + timedelta(days=1)
    exercises = (
        prescription("back_squat", "Back squat", dose=Reps(5, ByPercent(83, 2)), tempo="3-1-1-0"),
        prescription(
            "seated_calf_raise",
            "Seated calf raise",
            role=Role.CALF,
            sets=3,
            dose=Reps(12, ByRir(2)),
            rest_s=60,
            superset=superset,
        ),
        prescription(
            "dead_bug",
            "Dead bug",
            role=Role.TRUNK,
            dose=Reps(8, ByRir(2)),
            per_side=True,
            rest_s=90,
            superset=superset,
        ),
        prescription("side_plank", "Side plank", sets=1, dose=Hold(30), per_side=True),
        prescription("pogo_hops", "Pogo hops", sets=1, dose=Contacts(20)),
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
    week = Week(1, MONDAY, Phase.BUILD, True, "Power.", (session,))
    return Plan(athlete="Test Runner", start=MONDAY, weeks=(week,), warnings=())


def test_a_small_plan_exports_exactly_these_rows() -> None:
    athlete = make_athlete(equipment=GYM, maxes={"back_squat": 100.0})
    data = export_csv(resolve(tiny_plan(), athlete, library()))
    # 83% of a 100 kg max is 83 kg, rounded down to the 2.5 kg barbell step: 82.5 kg.
    # B1 and B2 alternate for two rounds, each ending with the longer rest (90 s); B1's third
    # set is alone, with its own rest. A per-side set rests after the right side only.
    session = '2027-01-05,07:30,1,build,true,"Strength A: squat, ""pogo"" & plank – Zoë"'
    assert data.decode("utf-8") == "\n".join(
        [
            HEADER,
            f"{session},A,back_squat,Back squat,1,5,,,,82.5,false,83,2,3-1-1-0,180",
            f"{session},A,back_squat,Back squat,2,5,,,,82.5,false,83,2,3-1-1-0,180",
            f"{session},B1,seated_calf_raise,Seated calf raise,1,12,,,,,,,2,,0",
            f"{session},B2,dead_bug,Dead bug,1,8,,,left,,,,2,,0",
            f"{session},B2,dead_bug,Dead bug,1,8,,,right,,,,2,,90",
            f"{session},B1,seated_calf_raise,Seated calf raise,2,12,,,,,,,2,,0",
            f"{session},B2,dead_bug,Dead bug,2,8,,,left,,,,2,,0",
            f"{session},B2,dead_bug,Dead bug,2,8,,,right,,,,2,,90",
            f"{session},B1,seated_calf_raise,Seated calf raise,3,12,,,,,,,2,,60",
            f"{session},C,side_plank,Side plank,1,,30,,left,,,,,,0",
            f"{session},C,side_plank,Side plank,1,,30,,right,,,,,,180",
            f"{session},D,pogo_hops,Pogo hops,1,,,20,,,,,,,180",
            "",
        ]
    )


def test_without_supersets_each_exercise_s_sets_follow_one_another() -> None:
    athlete = make_athlete(equipment=GYM, maxes={"back_squat": 100.0})
    found = rows(export_csv(resolve(tiny_plan(superset=None), athlete, library())))
    assert [(r["position"], r["set_number"], r["side"], r["rest_s"]) for r in found[2:7]] == [
        ("B", "1", "", "60"),
        ("B", "2", "", "60"),
        ("B", "3", "", "60"),
        ("C", "1", "left", "0"),
        ("C", "1", "right", "90"),
    ]


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
    assert first["deload"] == "false"
    assert first["session"] == session.title
    assert first["time"] == session.time.strftime("%H:%M")
    assert first["exercise"] == per_side.name
    assert first["reps"] == ("" if reps_of(per_side) is None else str(reps_of(per_side)))
    assert first["rir"] == ("" if rir_of(per_side) is None else str(rir_of(per_side)))
    assert {r["rest_s"] for r in found if r["side"] == "left"} == {"0"}


def test_alex_goes_straight_from_the_nordic_curl_to_its_partner_and_rests_after_the_pair() -> None:
    # The trial report: week 1's first session, superset D (plan text: "D1 Band-assisted Nordic
    # hamstring curl ... then straight to D2", "D2 Banded dead bug ... rest 1:30 after the pair";
    # it was superset C before the mild Achilles niggle kept skipping in the session).
    found = [
        (r["position"], r["exercise"], r["set_number"], r["side"], r["rest_s"])
        for r in rows(example_csv("alex-marathon"))
        if r["date"] == "2026-12-08" and r["position"] in {"D1", "D2"}
    ]
    nordic, dead_bug = "Band-assisted Nordic hamstring curl", "Banded dead bug"
    assert found == [
        ("D1", nordic, "1", "", "0"),
        ("D2", dead_bug, "1", "left", "0"),
        ("D2", dead_bug, "1", "right", "90"),
        ("D1", nordic, "2", "", "0"),
        ("D2", dead_bug, "2", "left", "0"),
        ("D2", dead_bug, "2", "right", "90"),
    ]


def test_the_deload_column_marks_alex_s_deload_weeks() -> None:
    deload_weeks = {r["week"] for r in rows(example_csv("alex-marathon")) if r["deload"] == "true"}
    assert deload_weeks == {"4", "8", "12"}
    assert {r["deload"] for r in rows(example_csv("alex-marathon"))} == {"true", "false"}


def test_loads_come_from_the_athletes_maxes() -> None:
    marco = rows(example_csv("marco-marathon-gym"))
    squats = [r for r in marco if r["exercise_slug"] == "back_squat" and r["percent_1rm"]]
    assert squats
    assert all(float(r["load_kg"]) > 0 for r in squats)
    assert all(r["load_kg"] == "" for r in marco if not r["percent_1rm"])


def test_the_csv_is_the_same_bytes_every_time() -> None:
    result = example("marco-marathon-gym")
    again = export_csv(result.resolved)
    assert again == example_csv("marco-marathon-gym")
