"""What a re-plan changed in one session, and why: the session as the newest plan version holds
it against the same session (by its id, which survives re-plans: docs/formats.md, "Identities")
in the version before, and the profile keys whose values changed between the two.

`session_changes` and `profile_changes` are pure (plan JSON dicts and profile versions in,
records out); `read_replan` reads the two newest versions in one transaction. The records name what
changed (`ChangeKind`) and carry the values; the web page words them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import orjson

from runstrong.domain.training_log import PlanRecord, ProfileText, Units
from runstrong.settings import Settings

JsonDict = Mapping[str, Any]
MAX_PROFILE_CHANGES = 40  # profile keys the page lists; a rewritten profile is not a page of them


class ChangeKind(StrEnum):
    NEW = "new"  # the previous version had no such session
    DATE = "date"  # the session moved to another day
    TIME = "time"
    MINUTES = "minutes"  # its estimated length
    ADDED = "added"  # an exercise slot the previous version did not have
    REMOVED = "removed"  # a slot it had
    SWAPPED = "swapped"  # the same slot, another exercise
    DOSE = "dose"  # sets, reps, seconds, contacts, RIR or %1RM
    LOAD = "load"  # the kilograms (a new max, another week's dose)


@dataclass(frozen=True, slots=True)
class Change:
    """One change: its kind, the exercise it is about ("": the session) and the values before
    and after, as text ("" where there is none: an exercise added has no before)."""

    kind: ChangeKind
    subject: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class SessionChanges:
    """A session's changes from the previous plan version, the reasons (plan JSON reason dicts:
    rule, citations, params, text) the new version gives that the old did not (`new_reasons`)
    and those it no longer gives (`gone_reasons`)."""

    changes: tuple[Change, ...]
    new_reasons: tuple[JsonDict, ...]
    gone_reasons: tuple[JsonDict, ...]


@dataclass(frozen=True, slots=True)
class Replan:
    """The newest plan version and the one before (None: never re-planned), with the profile
    texts each was made from."""

    newest: PlanRecord
    newest_profile: ProfileText
    previous: PlanRecord | None
    previous_profile: ProfileText | None


def session_changes(before: JsonDict | None, after: JsonDict, units: Units) -> SessionChanges:
    """The changes from `before` (a session of plan JSON; None: there was none) to `after`, the
    same session in the newer version; loads in `units`."""
    if before is None:
        return SessionChanges((Change(ChangeKind.NEW, "", "", after["date"]),), (), ())
    found: list[Change] = []
    for kind, key in ((ChangeKind.DATE, "date"), (ChangeKind.TIME, "time")):
        if before[key] != after[key]:
            found.append(Change(kind, "", str(before[key]), str(after[key])))
    if before["est_minutes"] != after["est_minutes"]:
        found.append(
            Change(ChangeKind.MINUTES, "", str(before["est_minutes"]), str(after["est_minutes"]))
        )
    old = {x["id"]: x for x in before["exercises"]}
    new = {x["id"]: x for x in after["exercises"]}
    for x in after["exercises"]:
        was = old.get(x["id"])
        if was is None:
            found.append(Change(ChangeKind.ADDED, x["name"], "", dose_summary(x)))
        else:
            found += _exercise_changes(was, x, units)
    found += [
        Change(ChangeKind.REMOVED, x["name"], dose_summary(x), "")
        for x in before["exercises"]
        if x["id"] not in new
    ]
    old_reasons, new_reasons = _reasons(before), _reasons(after)
    return SessionChanges(
        tuple(found),
        tuple(r for key, r in new_reasons.items() if key not in old_reasons),
        tuple(r for key, r in old_reasons.items() if key not in new_reasons),
    )


def _exercise_changes(was: JsonDict, now: JsonDict, units: Units) -> list[Change]:
    if was["slug"] != now["slug"]:
        return [Change(ChangeKind.SWAPPED, now["name"], was["name"], now["name"])]
    found = []
    if dose_summary(was) != dose_summary(now):
        found.append(Change(ChangeKind.DOSE, now["name"], dose_summary(was), dose_summary(now)))
    if was["load_kg"] != now["load_kg"]:
        found.append(
            Change(ChangeKind.LOAD, now["name"], load_summary(was, units), load_summary(now, units))
        )
    return found


def dose_summary(x: JsonDict) -> str:
    """An exercise's dose of plan JSON in one line: "3 × 5 per side, RIR 2, 80% 1RM"."""
    if x["seconds"] is not None:
        each = f"{x['seconds']} s"
    elif x["contacts"] is not None:
        each = f"{x['contacts']} contacts"
    else:
        each = str(x["reps"])
    text = f"{x['sets']} × {each}" + (" per side" if x["per_side"] else "")
    if x["rir"] is not None:
        text += f", RIR {x['rir']}"
    if x["percent_1rm"] is not None:
        text += f", {x['percent_1rm']}% 1RM"
    return text


def load_summary(x: JsonDict, units: Units) -> str:
    """An exercise's load in `units` ("62.5 kg", "about 20 kg" when estimated; "": none)."""
    if x["load_kg"] is None:
        return ""
    shown = f"{units.from_kg(x['load_kg']):g} {units}"
    return f"about {shown}" if x.get("load_estimated") else shown


def _reasons(session: JsonDict) -> dict[bytes, JsonDict]:
    """Every reason of a session (its reasons, warnings, and each exercise's notes and load
    note), keyed on its record (rule, params, citations; not its words), in order."""
    found = [*session["reasons"], *session["warnings"]]
    for x in session["exercises"]:
        found += x["notes"]
        if x.get("load_note"):
            found.append(x["load_note"])
    return {_record_key(r): r for r in found}


def _record_key(reason: JsonDict) -> bytes:
    record = {k: reason[k] for k in ("rule", "params", "citations")}
    return orjson.dumps(record, option=orjson.OPT_SORT_KEYS)


@dataclass(frozen=True, slots=True)
class ProfileChange:
    """A key of the profile (its dotted path, list items counted from 1 as the reader's errors
    count them) and its value before and after, as text ("": not given)."""

    path: str
    before: str
    after: str


def profile_changes(before: ProfileText, after: ProfileText) -> tuple[ProfileChange, ...]:
    """The keys whose values differ between two profile versions, in the newer one's order
    (then those it left out): by value, so that the same profile written again in another
    format or layout changes nothing. A version that does not parse (never stored: the reader
    checked it) gives none."""
    try:
        old, new = _flat(before), _flat(after)
    except ValueError:
        return ()
    found = [ProfileChange(p, old.get(p, ""), v) for p, v in new.items() if old.get(p) != v]
    found += [ProfileChange(p, v, "") for p, v in old.items() if p not in new]
    return tuple(found)


def _flat(profile: ProfileText) -> dict[str, str]:
    import tomllib

    try:
        if profile.format == ".json":
            data = json.loads(profile.content)
        else:
            data = tomllib.loads(profile.content)
    except tomllib.TOMLDecodeError as err:
        raise ValueError(str(err)) from None
    found: dict[str, str] = {}
    _flatten(data, "", found)
    return found


def _flatten(value: Any, path: str, found: dict[str, str]) -> None:
    """Tables by key, lists of tables by item (`races[1].date`); any other value is a leaf,
    a list of plain values too (`availability.strength_days`)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            _flatten(item, f"{path}.{key}" if path else str(key), found)
    elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
        for i, item in enumerate(value, 1):
            _flatten(item, f"{path}[{i}]", found)
    else:
        found[path] = _value_text(value)


def _value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value_text(v) for v in value) + "]"
    if hasattr(value, "isoformat"):  # a TOML date as JSON writes it: the same profile
        return json.dumps(value.isoformat())
    return str(value)


def find_session(plan: JsonDict, session_id: str) -> JsonDict | None:
    """The session of plan JSON with this id, if the plan has it."""
    for week in plan["weeks"]:
        for s in week["sessions"]:
            if s["id"] == session_id:
                found: JsonDict = s
                return found
    return None


def read_replan(handle: str, settings: Settings) -> Replan:
    """The athlete's two newest plan versions and their profiles, in one transaction."""
    from runstrong.storage.repository import repository

    with repository(settings, readonly=True) as repo:
        newest = repo.latest_plan(handle)
        previous = repo.previous_plan(handle)
        return Replan(
            newest,
            repo.profile(handle, newest.profile_version),
            previous,
            None if previous is None else repo.profile(handle, previous.profile_version),
        )
