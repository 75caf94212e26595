"""What the plan pages show, worked out from the stored plan JSON (docs/formats.md, "Plan JSON"):
the phase bands, each week's days, a session's exercises with their doses and loads in the
athlete's units, and the sources its reasons cite. Pure: plan JSON dicts in, plain values out,
for the templates (templates/plan/)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from runstrong.domain.training_log import Units
from runstrong.replan_changes import dose_summary, load_summary

JsonDict = Mapping[str, Any]
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LIGHT_PHASES = ("taper", "recovery")  # marked on the calendar beside the deloads


@dataclass(frozen=True, slots=True)
class Day:
    date: date
    sessions: tuple[JsonDict, ...]


@dataclass(frozen=True, slots=True)
class WeekView:
    week: JsonDict
    days: tuple[Day, ...]  # Monday to Sunday
    races: tuple[JsonDict, ...]  # the plan's races in this week
    current: bool  # today is in this week

    @property
    def marks(self) -> tuple[str, ...]:
        """deload, taper, recovery, race: what the calendar marks on the week."""
        found = ["deload"] if self.week["deload"] else []
        if self.week["phase"] in LIGHT_PHASES:
            found.append(str(self.week["phase"]))
        if self.races:
            found.append("race")
        return tuple(found)


@dataclass(frozen=True, slots=True)
class Band:
    """Consecutive weeks of one phase."""

    phase: str
    weeks: tuple[WeekView, ...] = field(default_factory=tuple)

    @property
    def first(self) -> int:
        return int(self.weeks[0].week["index"])

    @property
    def last(self) -> int:
        return int(self.weeks[-1].week["index"])


def calendar(plan: JsonDict, today: date) -> list[Band]:
    """The plan's weeks, each with its days and races, grouped in phase bands."""
    bands: list[Band] = []
    for week in plan["weeks"]:
        view = week_view(week, plan["races"], today)
        if bands and bands[-1].phase == week["phase"]:
            bands[-1] = Band(week["phase"], (*bands[-1].weeks, view))
        else:
            bands.append(Band(week["phase"], (view,)))
    return bands


def week_view(week: JsonDict, races: Iterable[JsonDict], today: date) -> WeekView:
    monday = date.fromisoformat(week["start"])
    sunday = monday + timedelta(days=6)
    by_day: dict[date, list[JsonDict]] = {}
    for s in week["sessions"]:
        by_day.setdefault(date.fromisoformat(s["date"]), []).append(s)
    days = tuple(
        Day(monday + timedelta(days=i), tuple(by_day.get(monday + timedelta(days=i), ())))
        for i in range(7)
    )
    in_week = tuple(r for r in races if monday <= date.fromisoformat(r["date"]) <= sunday)
    return WeekView(week, days, in_week, monday <= today <= sunday)


def session_path(session_id: str) -> str:
    """A session's id without the athlete's ("2026-12-07/A"): the end of its page's address."""
    return session_id.split("/", 1)[1]


@dataclass(frozen=True, slots=True)
class ExerciseView:
    exercise: JsonDict
    label: str  # A, B1, B2 ... as the printed plan numbers them
    dose: str
    load: str  # in the athlete's units; "" without a load


def exercises(session: JsonDict, units: Units) -> list[ExerciseView]:
    found = session["exercises"]
    return [
        ExerciseView(x, label, dose_summary(x), load_summary(x, units))
        for x, label in zip(found, position_labels(found), strict=True)
    ]


@dataclass(frozen=True, slots=True)
class _Slot:  # what render.dose_text.position_labels reads of an exercise
    superset: str | None


def position_labels(found: Sequence[JsonDict]) -> list[str]:
    """Gym notation, as the printed plan numbers a session: A, B1, B2, C ..."""
    from runstrong.render.dose_text import position_labels as labels

    return labels([_Slot(x["superset"]) for x in found])


def cited(session: JsonDict, *more: Iterable[JsonDict]) -> list[str]:
    """Every citation key of the session (its reasons, warnings, exercises and their notes) and
    of the `more` reasons, in order of first use."""
    keys: dict[str, None] = {}
    reasons: list[JsonDict] = [*session["reasons"], *session["warnings"]]
    for x in session["exercises"]:
        keys.update(dict.fromkeys(x["citations"]))
        reasons += x["notes"]
        if x.get("load_note"):
            reasons.append(x["load_note"])
    for extra in more:
        reasons += extra
    for r in reasons:
        keys.update(dict.fromkeys(r["citations"]))
    return list(keys)
