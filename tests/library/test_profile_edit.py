"""The profile's key fields written into its text (profile.edit): the values changed, everything
else kept as written (TOML's comments and layout), and what a form sends read as the profile's
values."""

from __future__ import annotations

import json
import tomllib
from datetime import time
from typing import Any

import pytest

from builders import EXAMPLES
from runstrong.domain.errors import InputError
from runstrong.profile.edit import KEY_FIELDS, form_value, key_values, with_values

ALEX = (EXAMPLES / "alex-marathon.toml").read_text("utf-8")
FIELDS = {f.path: f for f in KEY_FIELDS}


def test_the_key_fields_of_the_example() -> None:
    data = tomllib.loads(ALEX)
    found = key_values(ALEX, ".toml")
    assert found["athlete.strength_level"] == data["athlete"]["strength_level"]
    assert found["availability.strength_days"] == data["availability"]["strength_days"]
    assert found["availability.session_minutes"] == data["availability"]["session_minutes"]
    assert found["athlete.body_mass_kg"] == data["athlete"]["body_mass_kg"]


def test_changed_values_are_written_and_every_other_line_stays() -> None:
    values = {
        "availability.session_minutes": 30,
        "availability.strength_days": ["tue", "fri"],
        "availability.sessions_per_week": None,  # the cap left out
        "athlete.strength_level": "intermediate",  # unchanged
    }
    edited = with_values(ALEX, ".toml", values, "profile")
    expected = tomllib.loads(ALEX)
    expected["availability"].update(session_minutes=30, strength_days=["tue", "fri"])
    del expected["availability"]["sessions_per_week"]
    assert tomllib.loads(edited) == expected
    changed = {"session_minutes", "strength_days", "sessions_per_week"}
    kept = [line for line in ALEX.splitlines() if line.split("=")[0].strip() not in changed]
    assert [line for line in edited.splitlines() if line in kept] == kept  # comments, order


def test_nothing_changed_is_the_same_text() -> None:
    same = key_values(ALEX, ".toml")
    assert with_values(ALEX, ".toml", same, "profile") == ALEX


def test_a_missing_table_is_made_and_json_is_written_indented() -> None:
    text = json.dumps({"schema_version": 1, "athlete": {"name": "Kim"}})
    edited = with_values(text, ".json", {"availability.session_minutes": 40}, "profile")
    assert json.loads(edited) == {
        "schema_version": 1, "athlete": {"name": "Kim"}, "availability": {"session_minutes": 40}
    }  # fmt: skip
    assert '\n  "athlete": {\n' in edited


def test_a_toml_time_reads_as_the_form_writes_it() -> None:
    text = ALEX.replace('preferred_time = "18:00"', "preferred_time = 18:00:00")
    assert tomllib.loads(text)["availability"]["preferred_time"] == time(18)
    assert key_values(text, ".toml")["availability.preferred_time"] == "18:00"
    assert with_values(text, ".toml", {"availability.preferred_time": "18:00"}, "p") == text


@pytest.mark.parametrize(
    ("path", "sent", "value"),
    [
        ("availability.session_minutes", "30", 30),
        ("athlete.body_mass_kg", " 64.5 ", 64.5),
        ("athlete.body_mass_kg", "sixty", "sixty"),  # for the reader to refuse by name
        ("athlete.body_mass_kg", "", None),
        ("availability.sessions_per_week", "2", 2),
        ("availability.sessions_per_week", "", None),
        ("availability.strength_days", ["mon", "thu"], ["mon", "thu"]),
        ("availability.strength_days", "sat", ["sat"]),
        ("availability.strength_days", "", []),
        ("availability.preferred_time", "07:30", "07:30"),
    ],
)
def test_what_a_form_sends(path: str, sent: str | list[str], value: Any) -> None:
    assert form_value(FIELDS[path], sent) == value


def test_a_profile_that_is_not_toml_is_an_input_error() -> None:
    with pytest.raises(InputError, match="profile: not TOML"):
        with_values(
            "[athlete\nname = 1", ".toml", {"athlete.strength_level": "advanced"}, "profile"
        )
