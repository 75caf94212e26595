"""Plan JSON schema 2: every plan reads back as the plan it was; schema 1 still reads; the reader
takes nothing on trust."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from builders import EXAMPLES, ROOT, library, run_cli
from runstrong.domain.athlete import Athlete
from runstrong.domain.engine import generate_plan
from runstrong.domain.errors import InputError, InputErrors, RunstrongError
from runstrong.domain.messages import RuleId
from runstrong.domain.plan import Plan
from runstrong.export import plan_json
from runstrong.imports.plan_json import read_plan
from runstrong.profile.loader import load_profile
from runstrong.render.resolved import resolve

TODAY = date(2026, 11, 30)
EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.toml"))
V1_FILE = ROOT / "tests" / "data" / "alex-marathon.plan-v1.json"


@cache
def planned(name: str) -> tuple[Plan, Athlete, bytes]:
    profile = load_profile(EXAMPLES / f"{name}.toml", library())
    plan = generate_plan(profile, library(), today=TODAY)
    return plan, profile.athlete, plan_json.export_json(resolve(plan, profile.athlete, library()))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_plan_reads_back_as_the_same_plan(name: str) -> None:
    plan, _, data = planned(name)
    again, _ = read_plan(data, library(), where="plan.json")
    assert again == plan


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_a_plan_read_back_writes_the_same_bytes(name: str) -> None:
    _, _, data = planned(name)
    again, athlete = read_plan(data, library(), where="plan.json")
    assert plan_json.export_json(resolve(again, athlete, library())) == data


def test_the_plan_json_carries_ids_a_version_and_reasons_as_records_with_their_words() -> None:
    plan, _, data = planned("alex-marathon")
    doc = json.loads(data)
    assert doc["schema_version"] == 2
    assert doc["id"] == "alex" == plan.id
    assert len(doc["version"]) == 16
    assert int(doc["version"], 16) >= 0
    session = doc["weeks"][0]["sessions"][0]
    assert session["id"] == plan.weeks[0].sessions[0].id
    assert session["id"].startswith("alex/" + doc["weeks"][0]["start"] + "/")
    assert [e["id"] for e in session["exercises"]] == list(plan.weeks[0].sessions[0].exercise_ids)
    first = session["reasons"][0]
    assert set(first) == {"rule", "citations", "params", "text"}
    assert first["rule"] in {r.value for r in RuleId}
    assert first["text"]
    assert "{" not in first["text"]


def test_the_version_changes_with_the_content_and_only_with_it() -> None:
    _, _, data = planned("alex-marathon")
    doc = json.loads(data)
    plan, athlete = read_plan(data, library(), where="plan.json")
    assert plan_json.plan_version(resolve(plan, athlete, library())) == doc["version"]
    shorter = Plan(plan.athlete, plan.start, plan.weeks[:-1], plan.warnings, id=plan.id)
    assert plan_json.plan_version(resolve(shorter, athlete, library())) != doc["version"]


# -- schema 1 -----------------------------------------------------------------------------------


def test_a_schema_1_plan_still_reads_with_its_words_kept_and_ids_by_place() -> None:
    raw = V1_FILE.read_bytes()
    old = json.loads(raw)
    plan, athlete = read_plan(raw, library(), where=V1_FILE.name)
    assert athlete.name == old["athlete"]["name"]
    assert len(plan.weeks) == len(old["weeks"])
    first_old = old["weeks"][0]["sessions"][0]
    first = plan.weeks[0].sessions[0]
    assert [r.rule for r in first.reasons] == [RuleId.TEXT] * len(first_old["reasons"])
    assert [r.get("text") for r in first.reasons] == first_old["reasons"]
    assert first.id == f"alex/{old['weeks'][0]['start']}/S1"
    ids = [s.id for s in plan.sessions]
    assert len(set(ids)) == len(ids)


def test_a_schema_1_plan_saves_again_as_schema_2() -> None:
    plan, athlete = read_plan(V1_FILE.read_bytes(), library(), where=V1_FILE.name)
    doc = json.loads(plan_json.export_json(resolve(plan, athlete, library())))
    assert doc["schema_version"] == 2
    again, _ = read_plan(
        plan_json.export_json(resolve(plan, athlete, library())), library(), where="x"
    )
    assert again == plan


# -- strict reading -----------------------------------------------------------------------------


def _edited(edit: Any) -> bytes:
    doc = json.loads(planned("alex-marathon")[2])
    edit(doc)
    return json.dumps(doc).encode()


def _error(raw: bytes) -> str:
    with pytest.raises(RunstrongError) as caught:
        read_plan(raw, library(), where="plan.json")
    assert isinstance(caught.value, InputError | InputErrors)
    return str(caught.value)


def _first_exercise(doc: dict[str, Any]) -> dict[str, Any]:
    exercise: dict[str, Any] = doc["weeks"][0]["sessions"][0]["exercises"][0]
    return exercise


def test_a_deload_written_as_text_is_an_error_not_true() -> None:
    message = _error(_edited(lambda d: d["weeks"][0].update(deload="false")))
    assert message.startswith("plan.json: weeks[1].deload: ")
    assert "\n" not in message


def test_sets_that_are_not_a_whole_number_are_an_error_not_rounded() -> None:
    message = _error(_edited(lambda d: _first_exercise(d).update(sets=3.9)))
    assert message.startswith("plan.json: weeks[1].sessions[1].exercises[1].sets: ")
    assert "3.9" in message


def test_an_unknown_key_an_unknown_rule_and_two_amounts_are_each_named() -> None:
    assert "weeks[1].colour: unknown key" in _error(
        _edited(lambda d: d["weeks"][0].update(colour=1))
    )
    rule = _error(_edited(lambda d: d["warnings"][0].update(rule="no_such_rule")))
    assert rule.startswith("plan.json: warnings[1].rule: ")
    both = _error(_edited(lambda d: _first_exercise(d).update(seconds=30)))
    assert "weeks[1].sessions[1].exercises[1]" in both
    assert "exactly one of" in both


def _exercise_with(doc: dict[str, Any], key: str) -> dict[str, Any]:
    """The first exercise of the plan whose `key` (reps, seconds, contacts) is set."""
    return next(
        e for w in doc["weeks"] for s in w["sessions"] for e in s["exercises"] if e[key] is not None
    )


@pytest.mark.parametrize(
    ("key", "changes", "words"),
    [
        ("seconds", {"rir": 2}, "take no rir or percent_1rm"),
        ("reps", {"reps": None, "contacts": 20, "rir": 2}, "contacts take no rir"),
        ("reps", {"rir": None, "percent_1rm": 80}, "needs the rir"),
    ],
)
def test_a_dose_no_prescription_can_have_is_an_error_naming_the_exercise(
    key: str, changes: dict[str, int | None], words: str
) -> None:
    """RIR and %1RM belong to reps alone, and a %1RM comes with the RIR it leaves."""
    doc = json.loads(planned("alex-marathon")[2])
    _exercise_with(doc, key).update(changes)
    message = _error(json.dumps(doc).encode())
    assert message.startswith("plan.json: weeks[")
    assert ".exercises[" in message
    assert words in message
    assert "\n" not in message


def test_a_session_time_with_an_offset_is_an_error() -> None:
    message = _error(_edited(lambda d: d["weeks"][0]["sessions"][0].update(time="18:00:00+02:00")))
    assert message.startswith("plan.json: weeks[1].sessions[1].time: ")


def test_an_exercise_the_library_does_not_have_is_named() -> None:
    message = _error(_edited(lambda d: _first_exercise(d).update(slug="moon_squat")))
    assert message == (
        "plan.json: weeks[1].sessions[1].exercises[1].slug: no exercise 'moon_squat' in the library"
    )


def test_a_bad_saved_plan_on_the_command_line_is_one_line_and_writes_nothing(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "plan.json"
    bad.write_bytes(_edited(lambda d: d["weeks"][0].update(deload="false")))
    out = tmp_path / "out.csv"
    done = run_cli("export", "csv", str(bad), "-o", str(out))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"error: {bad}: weeks[1].deload: ")
    assert "Traceback" not in done.stderr
    assert not out.exists()


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_file_is_what_the_standard_library_would_write(name: str) -> None:
    plan, athlete, data = planned(name)
    body = plan_json.plan_to_dict(resolve(plan, athlete, library()))
    assert data.decode("utf-8") == json.dumps(body, indent=2, ensure_ascii=False) + "\n"
    without = {k: v for k, v in body.items() if k != "version"} | {"version": ""}
    canonical = json.dumps(without, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert hashlib.sha256(canonical.encode()).hexdigest()[:16] == body["version"]
