"""What a re-plan changed in a session: sessions of plan JSON written out by hand, each change a
test, and the example's plan made twice by the command line (45 and 30 minutes a session)."""

from __future__ import annotations

import copy
import json
import tomllib
from typing import Any

from builders import EXAMPLES, ok, run_in_process
from runstrong.domain.training_log import ProfileText, Units
from runstrong.replan_changes import (
    ChangeKind,
    ProfileChange,
    find_session,
    profile_changes,
    session_changes,
)


def exercise(xid: str, slug: str, name: str, **dose: Any) -> dict[str, Any]:
    found = {
        "id": xid, "slug": slug, "name": name, "sets": 3, "reps": 8, "seconds": None,
        "contacts": None, "per_side": False, "rir": 2, "percent_1rm": None, "load_kg": None,
        "load_estimated": False, "notes": [], "load_note": None,
    }  # fmt: skip
    found.update(dose)
    return found


def reason(rule: str, *citations: str, **params: Any) -> dict[str, Any]:
    return {"rule": rule, "citations": list(citations), "params": params, "text": f"{rule} words"}


def session() -> dict[str, Any]:
    return {
        "id": "alex/2026-12-07/A",
        "date": "2026-12-08",
        "time": "18:00",
        "est_minutes": 45,
        "reasons": [reason("phase_week", week=1), reason("after_run", "doma2013", hours=10.0)],
        "warnings": [],
        "exercises": [
            exercise("alex/2026-12-07/A/main", "back_squat", "Back squat", load_kg=60.0),
            exercise("alex/2026-12-07/A/calf", "calf_raise", "Calf raise", per_side=True),
        ],
    }


def test_an_unchanged_session_has_no_changes_and_no_new_reasons() -> None:
    found = session_changes(session(), session(), Units.KG)
    assert found.changes == ()
    assert found.new_reasons == found.gone_reasons == ()


def test_a_session_the_previous_version_lacked_is_new() -> None:
    found = session_changes(None, session(), Units.KG)
    assert [(c.kind, c.after) for c in found.changes] == [(ChangeKind.NEW, "2026-12-08")]


def test_a_moved_session_names_both_days_and_its_new_reason() -> None:
    after = session()
    after["date"], after["time"] = "2026-12-10", "07:00"
    after["reasons"].append(reason("missed_moved", why="skipped", from_date="2026-12-08"))
    found = session_changes(session(), after, Units.KG)
    assert [(c.kind, c.before, c.after) for c in found.changes] == [
        (ChangeKind.DATE, "2026-12-08", "2026-12-10"),
        (ChangeKind.TIME, "18:00", "07:00"),
    ]
    assert [r["rule"] for r in found.new_reasons] == ["missed_moved"]
    assert found.gone_reasons == ()


def test_a_swapped_exercise_keeps_its_slot_and_says_what_it_replaced() -> None:
    after = session()
    after["exercises"][0] = exercise(
        "alex/2026-12-07/A/main", "goblet_squat", "Goblet squat",
        notes=[reason("niggle_swap", "lauersen2018", site="knee")],
    )  # fmt: skip
    found = session_changes(session(), after, Units.KG)
    assert [(c.kind, c.subject, c.before, c.after) for c in found.changes] == [
        (ChangeKind.SWAPPED, "Goblet squat", "Back squat", "Goblet squat")
    ]
    assert [(r["rule"], r["citations"]) for r in found.new_reasons] == [
        ("niggle_swap", ["lauersen2018"])
    ]


def test_dose_and_load_changes_are_told_apart_and_loads_are_in_the_athletes_units() -> None:
    after = session()
    after["exercises"][0].update(sets=4, reps=5, percent_1rm=80, load_kg=68.0)
    found = session_changes(session(), after, Units.LB)
    assert [(c.kind, c.before, c.after) for c in found.changes] == [
        (ChangeKind.DOSE, "3 × 8, RIR 2", "4 × 5, RIR 2, 80% 1RM"),
        (ChangeKind.LOAD, f"{60 / 0.45359237:.1f} lb", f"{68 / 0.45359237:.1f} lb"),
    ]


def test_exercises_added_and_removed_and_the_minutes() -> None:
    after = session()
    after["est_minutes"] = 30
    gone = after["exercises"].pop(1)
    after["exercises"].append(
        exercise("alex/2026-12-07/A/trunk", "dead_bug", "Dead bug", reps=None, seconds=30, rir=None)
    )
    found = session_changes(session(), after, Units.KG)
    assert [(c.kind, c.subject, c.before, c.after) for c in found.changes] == [
        (ChangeKind.MINUTES, "", "45", "30"),
        (ChangeKind.ADDED, "Dead bug", "", "3 × 30 s"),
        (ChangeKind.REMOVED, gone["name"], "3 × 8 per side, RIR 2", ""),
    ]


def test_a_reason_with_other_parameters_is_a_new_reason_and_the_old_one_is_gone() -> None:
    after = copy.deepcopy(session())
    after["reasons"][1] = reason("after_run", "doma2013", hours=9.0)
    found = session_changes(session(), after, Units.KG)
    assert found.changes == ()
    assert [r["params"] for r in found.new_reasons] == [{"hours": 9.0}]
    assert [r["params"] for r in found.gone_reasons] == [{"hours": 10.0}]


def toml(text: str) -> ProfileText:
    return ProfileText(1, ".toml", text)


def test_the_profile_keys_changed_added_and_taken_out() -> None:
    before = toml(
        '[athlete]\nname = "Alex"\n[availability]\nsession_minutes = 45\n'
        'strength_days = ["mon", "thu"]\nsessions_per_week = 2\n'
    )
    after = toml(
        '[athlete]\nname = "Alex"\nbody_mass_kg = 64.0\n[availability]\nsession_minutes = 30\n'
        'strength_days = ["tue", "fri"]\n'
    )
    assert profile_changes(before, after) == (
        ProfileChange("athlete.body_mass_kg", "", "64.0"),
        ProfileChange("availability.session_minutes", "45", "30"),
        ProfileChange("availability.strength_days", '["mon", "thu"]', '["tue", "fri"]'),
        ProfileChange("availability.sessions_per_week", "2", ""),
    )
    assert profile_changes(before, before) == ()


def test_the_same_profile_in_json_changes_nothing_and_list_items_count_from_one() -> None:
    """The API stores JSON on one line; the editor may write it indented, or as TOML."""
    text = (EXAMPLES / "alex-marathon.toml").read_text("utf-8")
    data = tomllib.loads(text)
    as_json = ProfileText(2, ".json", json.dumps(data, default=str))
    assert profile_changes(toml(text), as_json) == ()
    data["races"][0]["priority"] = "B"
    changed = ProfileText(3, ".json", json.dumps(data, default=str, indent=2))
    assert profile_changes(as_json, changed) == (ProfileChange("races[1].priority", '"A"', '"B"'),)


def test_a_profile_that_does_not_parse_gives_no_changes() -> None:
    assert profile_changes(toml("[athlete\n"), toml('name = "Alex"\n')) == ()


def test_the_example_at_30_minutes_a_session_against_45(tmp_path: Any) -> None:
    """Alex's plan made at 45 and at 30 minutes by `runstrong plan`: the exercises the shorter
    session lost are the removals, and the reasons it gives for them are new."""
    profile = (EXAMPLES / "alex-marathon.toml").read_text("utf-8")
    shorter = tmp_path / "alex-30.toml"
    shorter.write_text(profile.replace("session_minutes = 45", "session_minutes = 30"), "utf-8")
    plans = [
        json.loads(ok(run_in_process("--today", "2026-12-02", "plan", str(p), "--format", "json")))
        for p in (EXAMPLES / "alex-marathon.toml", shorter)
    ]
    before_plan, after_plan = plans
    after = after_plan["weeks"][1]["sessions"][0]
    before = find_session(before_plan, after["id"])
    assert before is not None
    kept = {x["id"] for x in after["exercises"]}
    lost = [x["name"] for x in before["exercises"] if x["id"] not in kept]
    found = session_changes(before, after, Units.KG)
    assert lost
    assert [c.subject for c in found.changes if c.kind is ChangeKind.REMOVED] == lost
    minutes = [(c.before, c.after) for c in found.changes if c.kind is ChangeKind.MINUTES]
    assert minutes == [(str(before["est_minutes"]), str(after["est_minutes"]))]
    assert after["est_minutes"] <= 30 < before["est_minutes"]
    assert "left_out_to_fit" in {r["rule"] for r in found.new_reasons}
