"""A stored profile changed by a command (a niggle check-in, the running week the runs imply):
its text read as data, one part changed, written back as a JSON profile with everything else as
it was (TOML dates and times as ISO text, as the JSON profile takes them)."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from typing import Any


def profile_data(content: str, fmt: str) -> dict[str, Any]:
    """A stored profile's text (`.json` or `.toml`) as data."""
    data: dict[str, Any] = json.loads(content) if fmt == ".json" else tomllib.loads(content)
    return data


def profile_json(data: dict[str, Any]) -> str:
    """Profile data as the text of a JSON profile."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=_iso) + "\n"


def _iso(value: object) -> str:
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON: {value!r}")
