"""Charts of an athlete's log: the data from the log and the imported runs, the spec from
runstrong.charts, the bytes from vl-convert. `CHART_KINDS` lists them: e1rm (each lift's
estimated 1RM), load (weekly load by running and lifting, with the acute:chronic ratio and its
caveat), monotony (monotony and strain) and compliance (plan against done)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from runstrong.charts.e1rm import e1rm_points, e1rm_spec
from runstrong.charts.render import render_chart
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError
from runstrong.domain.training_log import HistoryRow, Units
from runstrong.settings import Settings

if TYPE_CHECKING:
    from runstrong.render.load_section import Figure

CHART_KINDS = ("e1rm", "load", "monotony", "compliance")
WEEKLY_KINDS = ("load", "monotony", "compliance")
DEFAULT_WEEKS = 12  # a weekly chart without --from: the 12 weeks up to this one
MAX_WEEKS = 104  # as `runstrong load --weeks`


def e1rm_chart(
    handle: str, rows: Sequence[HistoryRow], units: Units, library: ExerciseLibrary, fmt: str
) -> tuple[bytes, int]:
    """The e1RM chart of `rows` of `handle`'s history as `fmt`, and how many points it has. No
    set with an e1RM is an InputError: an empty chart says nothing."""
    names = {ex.slug: ex.name for ex in library}
    points = e1rm_points(rows, names, units)
    lifts = sorted({r.logged.set.slug for r in rows})
    if not points:
        what = f"no {lifts[0]} set" if len(lifts) == 1 else "no set"
        raise InputError(
            "--kind e1rm", "", f"{what} of {handle}'s log gives an e1RM (a load, at most "
            "10 reps to failure): nothing to chart",
        )  # fmt: skip
    title = f"{handle}: estimated 1RM"
    if len(lifts) == 1:
        title += f", {names.get(lifts[0], lifts[0])}"
    return render_chart(e1rm_spec(points, title, units), fmt), len(points)


def weeks_from(first: date | None, today: date) -> int:
    """The weeks from the week of `first` to this one (DEFAULT_WEEKS without it), at most
    MAX_WEEKS."""
    if first is None:
        return DEFAULT_WEEKS
    if first > today:
        raise InputError("--from", "", f"{first.isoformat()} is after today ({today.isoformat()})")
    this_monday = today - timedelta(days=today.weekday())
    first_monday = first - timedelta(days=first.weekday())
    return min(MAX_WEEKS, (this_monday - first_monday).days // 7 + 1)


@dataclass(frozen=True, slots=True)
class WeeklySpec:
    kind: str
    spec: dict[str, Any]
    weeks: int


def weekly_spec(kind: str, handle: str, first: date | None, settings: Settings) -> WeeklySpec:
    """The Vega-Lite spec of a weekly chart of `handle` from the week of `first`; weeks with
    nothing to show in all of them is an InputError."""
    if kind == "compliance":
        from runstrong.charts.compliance import compliance_spec
        from runstrong.compliance_service import compliance

        found = compliance(handle, first, settings).weeks
        if all(w.compliance_pct is None for w in found):
            raise InputError("--kind compliance", "", f"{handle}'s plan has nothing planned in "
                             "these weeks: nothing to chart")  # fmt: skip
        spec = compliance_spec(found, f"{handle}: plan against done")
        return WeeklySpec(kind, spec, len(found))
    from runstrong.charts.load import load_spec, monotony_spec
    from runstrong.runs_service import training_load

    weeks = training_load(handle, weeks_from(first, settings.today), settings).weeks
    if not any(w.total_au for w in weeks):
        raise InputError(f"--kind {kind}", "", f"no run or strength session with minutes in "
                         f"{handle}'s log in these weeks: nothing to chart")  # fmt: skip
    if kind == "load":
        return WeeklySpec(kind, load_spec(weeks, f"{handle}: weekly training load"), len(weeks))
    return WeeklySpec(kind, monotony_spec(weeks, f"{handle}: monotony and strain"), len(weeks))


def weekly_chart(
    kind: str, handle: str, first: date | None, settings: Settings, fmt: str
) -> tuple[bytes, int]:
    """A weekly chart (load, monotony or compliance) as `fmt`, and how many weeks it shows."""
    found = weekly_spec(kind, handle, first, settings)
    return render_chart(found.spec, fmt), found.weeks


def first_plan_start(handle: str, settings: Settings) -> date:
    """The day the athlete's first plan starts: where the weekly charts begin."""
    from runstrong.storage.repository import repository

    with repository(settings, readonly=True) as repo:
        return min(start for _, start, _ in repo.plan_spans(handle))


PRINTED_CAPTIONS = {
    "load": "Weekly load by running and lifting, and the acute:chronic ratio with its caveat",
    "monotony": "Monotony and strain a week",
    "compliance": "Plan against done: strength sets and running minutes",
}


def printable_charts(handle: str, settings: Settings) -> tuple[Figure, ...]:
    """The weekly charts of `handle` for the printable plan, from the first plan's start to
    this week (at most MAX_WEEKS), as SVG; a chart with nothing to show is left out, and so is
    every chart before the plan has started."""
    from runstrong.render.load_section import Figure

    first = first_plan_start(handle, settings)
    if first > settings.today:
        return ()
    figures = []
    for kind in WEEKLY_KINDS:
        try:
            found = weekly_spec(kind, handle, first, settings)
        except InputError:
            continue
        svg = render_chart(found.spec, "svg").decode("utf-8")
        figures.append(Figure(PRINTED_CAPTIONS[kind], svg))
    return tuple(figures)
