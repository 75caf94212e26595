"""Fuzzing the profile reader as an attacker or a careless user would (issue 13): mutations of the
example profiles (wrong types, values out of range, dates at the calendar's edges, times with
offsets or as numbers, odd time zones, unicode, huge strings, deep nesting, repeated entries)
run through `runstrong plan` in process. Each ends in a plan (exit 0) or in at most 11 short
`error:` lines with exit 2: never a traceback, never a warning (-W error).

The suite runs the same 140 examples each time (derandomized, about 10 s); for a longer hunt
with fresh examples: RUNSTRONG_FUZZ_EXAMPLES=5000 pytest tests/cli/test_fuzz_profiles.py."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import os
import tempfile
import tomllib
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import EXAMPLES
from runstrong.cli.app import app
from runstrong.cli.errors import run_safely

PROFILES = [tomllib.loads(p.read_text("utf-8")) for p in sorted(EXAMPLES.glob("*.toml"))]
MAX_ERROR_LINES = 11  # ten problems, then "and N more"
MAX_LINE_CHARS = 500

EDGE_DATES = [
    dt.date(1, 1, 1),
    dt.date(1, 1, 3),
    dt.date(1989, 12, 31),
    dt.date(1990, 1, 1),
    dt.date(2099, 12, 31),
    dt.date(2100, 1, 1),
    dt.date(9999, 12, 20),
    dt.date(9999, 12, 31),
]
ODD_STRINGS = [
    "",
    " ",
    "18:00+02:00",
    "07:00Z",
    "25:00",
    "18:00:00.5",
    "Europe",
    "Europe/",
    "../../etc/passwd",
    "x" * 256,
    "0001-01-01",
    "9999-12-31",
    "MON",
    "Tempo",
    "half",
    "\u202eevil",
    "🏃‍♀️",
    "nan",
    "a\x00b",
    "x" * 3000,
]
ZONES = [None, dt.UTC, dt.timezone(dt.timedelta(hours=2)), dt.timezone(-dt.timedelta(hours=11))]

scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0, -1, 1, 2, 7, 8, 104, 105, 64800, 10**12]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(ODD_STRINGS),
    st.dates(),
    st.sampled_from(EDGE_DATES),
    st.times(timezones=st.sampled_from(ZONES)),
    st.datetimes(timezones=st.sampled_from(ZONES)),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=8,
)


def deeply_nested(depth: int) -> Any:
    value: Any = 1
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


@st.composite
def mutated_profiles(draw: st.DrawFn) -> dict[str, Any]:
    profile = copy.deepcopy(draw(st.sampled_from(PROFILES)))
    for _ in range(draw(st.integers(1, 4))):
        parent, key = _somewhere(draw, profile)
        kind = draw(st.sampled_from(["replace", "replace", "delete", "add", "repeat", "nest"]))
        if kind == "replace":
            parent[key] = draw(values)
        elif kind == "delete":
            del parent[key]
        elif kind == "add":
            name = draw(st.sampled_from(["x", "weeks", "start", "date", "time", "k" * 500]))
            target = parent[key] if isinstance(parent[key], dict) else parent
            if isinstance(target, dict):
                target[name] = draw(values)
        elif kind == "repeat" and isinstance(parent[key], list):
            parent[key] = parent[key] * draw(st.sampled_from([2, 50, 3000]))
        else:
            parent[key] = deeply_nested(draw(st.sampled_from([10, 63, 70, 300])))
    return profile


def _somewhere(draw: st.DrawFn, profile: dict[str, Any]) -> tuple[Any, Any]:
    """A (container, key or index) inside `profile`, reached by a random walk from the top."""
    parent: Any = profile
    while True:
        keys = list(parent) if isinstance(parent, dict) else list(range(len(parent)))
        key = draw(st.sampled_from(keys))
        child = parent[key]
        if not isinstance(child, dict | list) or not child or draw(st.booleans()):
            return parent, key
        parent = child


def as_toml(profile: dict[str, Any]) -> str:
    return tomli_w.dumps(_toml_safe(profile))


def _toml_safe(value: Any) -> Any:
    """TOML has no null and no time with an offset: written as strings, as a user would."""
    if isinstance(value, dict):
        return {k: _toml_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_toml_safe(v) for v in value]
    if isinstance(value, dt.time) and value.tzinfo is not None:
        return value.isoformat()
    if isinstance(value, float) and value != value:
        return "nan"
    return value


def run(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = run_safely(app, ["--today", "2026-12-07", *args])
    return code, err.getvalue()


def assert_a_plan_or_a_short_error(code: int, err: str) -> None:
    assert code in (0, 2), err[:2000]
    lines = err.splitlines()
    if code == 2:
        assert 1 <= len(lines) <= MAX_ERROR_LINES, err[:2000]
        assert all(line.startswith("error: ") for line in lines), err[:2000]
    assert all(len(line) <= MAX_LINE_CHARS for line in lines), err[:2000]
    assert "Traceback" not in err


HUNT_EXAMPLES = int(os.environ.get("RUNSTRONG_FUZZ_EXAMPLES", "0"))


@settings(
    max_examples=HUNT_EXAMPLES or 140,
    deadline=None,
    derandomize=not HUNT_EXAMPLES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(profile=mutated_profiles(), as_json=st.booleans())
def test_a_mutated_profile_plans_or_fails_in_a_few_short_lines(
    profile: dict[str, Any], as_json: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("p.json" if as_json else "p.toml")
        if as_json:
            path.write_text(json.dumps(profile, default=str), "utf-8")
        else:
            path.write_text(as_toml(profile), "utf-8")
        code, err = run("plan", str(path), "--format", "json", "-o", str(Path(folder) / "o.json"))
        assert_a_plan_or_a_short_error(code, err)
        if code == 0:  # the saved plan goes on to the calendar and the watch
            saved = str(Path(folder) / "o.json")
            assert_a_plan_or_a_short_error(*run("export", "ics", saved, "-o", f"{folder}/p.ics"))
            assert_a_plan_or_a_short_error(*run("export", "fit", saved, "-o", f"{folder}/fit"))
