"""A profile's key fields read from its text and written back into it, the rest of the text kept
as written: TOML through tomlkit (its comments, order and layout stay), JSON indented. What is
written is only text: the profile reader (profile.loader) validates it afterwards, so a bad value
gets the reader's own error, with its field path.

The key fields are those a runner changes most between seasons; `KEY_FIELDS` lists them with
their dotted paths (docs/formats.md, "Profile")."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any

from runstrong.domain.errors import InputError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class KeyField:
    """`kind`: choice (one of `choices`; "" leaves the key out), number, days (any of
    WEEKDAYS) or time ("HH:MM")."""

    path: str
    label: str
    kind: str
    choices: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The form's name of the field."""
        return self.path.replace(".", "-")


KEY_FIELDS = (
    KeyField("athlete.strength_level", "Strength level", "choice",
             ("beginner", "intermediate", "advanced")),
    KeyField("athlete.body_mass_kg", "Body mass (kg)", "number"),
    KeyField("availability.strength_days", "Days you can lift", "days", WEEKDAYS),
    KeyField("availability.sessions_per_week", "Strength sessions a week (at most)", "choice",
             ("", "1", "2")),
    KeyField("availability.session_minutes", "Minutes a session", "number"),
    KeyField("availability.preferred_time", "Preferred time", "time"),
)  # fmt: skip


def key_values(text: str, fmt: str) -> dict[str, Any]:
    """The key fields' values in a profile's text (a field not given: absent). A text that
    does not parse gives none: the reader says why when it is saved."""
    try:
        data = _parsed(text, fmt)
    except ValueError:
        return {}
    found = {}
    for field in KEY_FIELDS:
        value: Any = data
        for part in field.path.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        if isinstance(value, time):  # TOML's 18:00:00, as the form writes it
            value = value.strftime("%H:%M")
        if value is not None:
            found[field.path] = value
    return found


def form_value(field: KeyField, sent: str | list[str]) -> Any:
    """What a form sent for `field`, as the profile's value: a number when it reads as one (else
    the text, for the reader to refuse by name), the days as a list, "" as None (left out)."""
    if field.kind == "days":
        return list(sent) if isinstance(sent, list) else ([sent] if sent else [])
    text = sent[-1] if isinstance(sent, list) else sent
    text = text.strip()
    if not text:
        return None
    if field.kind == "number" or (field.kind == "choice" and text.isdigit()):
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() else number
    return text


def with_values(text: str, fmt: str, values: Mapping[str, Any], where: str) -> str:
    """`text` with each path of `values` set to its value (None: the key left out); a value
    equal to the one there leaves its line as it is. A text that does not parse is an
    InputError of `where`."""
    changed = {p: v for p, v in values.items() if key_values(text, fmt).get(p) != v}
    if not changed:
        return text
    if fmt == ".json":
        try:
            data = _parsed(text, fmt)
        except ValueError as err:
            raise InputError(where, "", f"not JSON: {err}") from None
        for path, value in changed.items():
            _put(data, path, value, dict)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    import tomlkit
    from tomlkit.exceptions import ParseError

    try:
        document = tomlkit.parse(text)
    except ParseError as err:
        raise InputError(where, "", f"not TOML: {err}") from None
    for path, value in changed.items():
        _put(document, path, value, tomlkit.table)
    return tomlkit.dumps(document)


def _put(data: Any, path: str, value: Any, new_table: Any) -> None:
    *tables, key = path.split(".")
    for name in tables:
        if name not in data:
            data[name] = new_table()
        data = data[name]
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value


def _parsed(text: str, fmt: str) -> dict[str, Any]:
    import tomllib

    if fmt == ".json":
        data = json.loads(text)
    else:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise ValueError(str(err)) from None
    if not isinstance(data, dict):
        raise ValueError("not a table")
    return data
