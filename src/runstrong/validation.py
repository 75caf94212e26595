"""pydantic's validation errors as runstrong's one-line errors: file, field path, what is wrong.

Shared by every loader that validates a file with pydantic (exercise files, profiles, workout
files). Imported only when a file is validated: a cached library or profile never needs pydantic.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Sequence
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, ValidationError
from pydantic_core import ErrorDetails

from runstrong.domain.dates import (
    FIRST_DATE,
    LAST_DATE,
    LAST_PLANNED_DATE,
    date_problem,
    out_of_range,
)
from runstrong.domain.errors import SHOWN_VALUE_MAX_CHARS, InputError, cut, field_path


def validation_errors(
    where: str, exc: ValidationError, model: type[BaseModel] | None = None
) -> list[InputError]:
    """One InputError per pydantic error, with the field path (list items counted from 1:
    running.week[6].type) and the offending value, said once.

    A misspelled key is one line, "strength_dayz: unknown key; did you mean 'strength_days'?",
    not two (the unknown key and the missing one): the suggestion comes from the missing fields
    next to it, else from `model`'s fields at that place.
    """
    errors = [(_path(err["loc"]), err) for err in exc.errors(include_url=False)]
    missing = {path: err for path, err in errors if err["type"] == "missing"}
    used: set[tuple[str | int, ...]] = set()
    out: list[tuple[tuple[str | int, ...], InputError]] = []
    for path, err in errors:
        field = field_path(*path) or "(file)"
        if err["type"] == "extra_forbidden" and path:
            parent, key = path[:-1], str(path[-1])
            nearby = [str(p[-1]) for p in missing if p[:-1] == parent and p not in used]
            guess = _close(key, nearby) or _close(key, _field_names(model, parent))
            if guess is not None and (*parent, guess) in missing:
                used.add((*parent, guess))
            hint = f"; did you mean '{guess}'?" if guess else ""
            out.append((path, InputError(where, field, f"unknown key{hint}")))
        else:
            out.append((path, InputError(where, field, _message(err))))
    return [error for path, error in out if path not in used]


def _path(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """pydantic's location without its validator and dict-key markers: running, week, 1, day."""
    return tuple(p for p in loc if not str(p).startswith("function-") and p != "[key]")


LISTED_CHOICES_MAX = 12  # an error lists the allowed values when there are at most this many


def _message(err: ErrorDetails) -> str:
    kind, value = err["type"], err["input"]
    if kind == "missing":
        return "missing"
    if kind in {"model_type", "dict_type"}:
        return f"should be a table (an object in JSON), not {shown(value)}"
    if kind == "too_long":  # a list's or a table's items: counted, not echoed
        ctx = err.get("ctx", {})
        count = ctx.get("actual_length") or (len(value) if isinstance(value, dict | list) else 0)
        return f"should have at most {ctx.get('max_length')} items" + (
            f", not {count}" if count else ""
        )
    bound = err.get("ctx", {}).get("ge", err.get("ctx", {}).get("le"))
    if kind in {"greater_than_equal", "less_than_equal"} and str(bound) in _PLAN_DATE_BOUNDS:
        return f"{out_of_range()} (got {shown(value)})"  # a PlanDate
    message = err["msg"].removeprefix("Value error, ")
    expected = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
    guess = _close(str(value), expected) if kind in {"enum", "literal_error"} else None
    hint = f"did you mean '{guess}'?" if guess else ""
    if len(expected) > LISTED_CHOICES_MAX:  # not every one of 60 rule ids in one line
        message = f"should be one of {len(expected)} known values"
    if "[key]" in err["loc"]:
        return "unknown key; " + (hint or message.replace("Input should be", "should be", 1))
    if isinstance(value, dict | list) or (isinstance(value, str) and repr(value) in message):
        return message
    return f"{message} (got {shown(value)}{'; ' + hint if hint else ''})"


def shown(value: object) -> str:
    """`value` as an error line echoes it, cut to SHOWN_VALUE_MAX_CHARS: a date or a time as
    the file wrote it (2026-12-07, 18:00:00), anything else as its repr."""
    if isinstance(value, dt.date | dt.time):
        return cut(value.isoformat())
    return cut(repr(value))


def _close(word: str, candidates: Sequence[str]) -> str | None:
    """The candidate `word` was meant to be: the same but for case, the only one it begins, or
    a close spelling ('tues' -> 'tue', 'half' -> 'half_marathon')."""
    folded = word.casefold()
    same = [c for c in candidates if c.casefold() == folded]
    begun = [c for c in candidates if folded and c.casefold().startswith(folded)]
    if same or len(begun) == 1:
        return (same or begun)[0]
    by_folded = {c.casefold(): c for c in candidates}
    matches = difflib.get_close_matches(folded, list(by_folded), n=1, cutoff=0.6)
    return by_folded[matches[0]] if matches else None


def _field_names(model: type[BaseModel] | None, path: tuple[str | int, ...]) -> list[str]:
    """The keys `model` allows at `path` (a nested model's fields), or [] when unknown."""
    kind: Any = model
    for part in path:
        kind = _child(kind, part)
    found = _models(kind)
    if not found:
        return []
    return [f.alias or name for name, f in found[0].model_fields.items()]  # "from", not "from_"


def _child(kind: Any, part: str | int) -> Any:
    for model in _models(kind):
        if isinstance(part, str) and part in model.model_fields:
            return model.model_fields[part].annotation
    for option in _options(kind):
        args = typing.get_args(option)
        if typing.get_origin(option) in (list, tuple, set, frozenset) and args:
            return args[0]
        if typing.get_origin(option) is dict and len(args) == 2:
            return args[1]
    return None


def _options(kind: Any) -> list[Any]:
    """`kind` without Annotated, split into the members of a union (X | None)."""
    if typing.get_origin(kind) is typing.Annotated:
        return _options(typing.get_args(kind)[0])
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        return [o for arg in typing.get_args(kind) for o in _options(arg)]
    return [kind]


def _models(kind: Any) -> list[type[BaseModel]]:
    return [o for o in _options(kind) if isinstance(o, type) and issubclass(o, BaseModel)]


# An IANA zone name: area/location words of letters, digits, "_", "+" and "-", at most 64
# characters (the longest in the database is 32). Checked before zoneinfo looks for the file,
# which for "Europe" (a folder) or a very long name raises OS errors rather than saying no.
_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}")
ZONE_NAME_MAX_CHARS = 64


def check_zone(value: str) -> str:
    """`value` if it names a time zone zoneinfo knows; else a ValueError saying so."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    named = f" '{value}'" if len(value) <= SHOWN_VALUE_MAX_CHARS else ""  # else shown cut
    unknown = ValueError(f"unknown time zone{named} (use an IANA name like Europe/London)")
    if len(value) > ZONE_NAME_MAX_CHARS or not _ZONE_NAME.fullmatch(value):
        raise unknown
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise unknown from None
    return value


def check_saved_date(value: dt.date) -> dt.date:
    """`value` if a saved plan can hold it: a date runstrong plans, or a later day of a plan
    that starts on the last of them."""
    problem = date_problem(value, LAST_PLANNED_DATE)
    if problem:
        raise ValueError(problem)
    return value


# A date a user gives, in range: checked by pydantic's core (a Python validator for each date
# of a profile costs more), the error worded as runstrong's by _message.
PlanDate = Annotated[dt.date, Field(ge=FIRST_DATE, le=LAST_DATE)]
_PLAN_DATE_BOUNDS = {FIRST_DATE.isoformat(), LAST_DATE.isoformat()}
SavedDate = Annotated[dt.date, AfterValidator(check_saved_date)]
