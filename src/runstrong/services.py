"""Use cases: the one place that wires the library, the engine, renderers and exporters together.

Services take domain objects (a Profile, a saved plan, an ExerciseLibrary) and the front end's
`Settings`; they read no paths, environment or clock. Their errors are domain errors
(runstrong.domain.errors) that each front end words in its own terms. Reading files is the
adapters' work (runstrong.imports.source, runstrong.profile, runstrong.library), called by the
front end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import import_module
from typing import TYPE_CHECKING, Any, NamedTuple

from runstrong.domain.athlete import Athlete, Run
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.dates import date_problem
from runstrong.domain.engine import generate_plan, plan_start
from runstrong.domain.errors import (
    InputError,
    NoRunningWeekError,
    NoSessionOnError,
    NotAWeekError,
    OutsideDatesError,
    RaceBeforeStartError,
    RangeBackwardsError,
    StartForSavedPlanError,
    UnknownExerciseError,
)
from runstrong.domain.exercise import Exercise
from runstrong.domain.plan import Plan, Session
from runstrong.domain.profile import Profile
from runstrong.domain.rules import Rules
from runstrong.imports.source import SavedPlan, Source, Workout
from runstrong.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Mapping

    from runstrong.domain.balance import BalanceReport
    from runstrong.domain.lived_plan import SessionOutcome
    from runstrong.export.exporter import Exporter
    from runstrong.export.exporter import ExportOptions as ExportOptions  # export_one's options
    from runstrong.render.resolved import ResolvedPlan


def __getattr__(name: str) -> Any:
    """`services.ExportOptions`, imported when first asked for: a plan that is not exported
    never loads the exporters' module (a command's start)."""
    if name == "ExportOptions":
        from runstrong.export.exporter import ExportOptions

        return ExportOptions
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_library(settings: Settings) -> ExerciseLibrary:
    """The built-in library, then the settings' exercise folders (cached in its cache folder)."""
    from runstrong.library.loader import load_library  # pydantic: lazy

    return load_library(settings.exercise_dirs, cache_dir=settings.cache_dir)


@dataclass(frozen=True, slots=True)
class PlanResult:
    """A plan with what renders and exports it: the athlete, the library and the rules."""

    plan: Plan
    athlete: Athlete
    library: ExerciseLibrary
    rules: Rules = field(default_factory=Rules)
    is_workout: bool = False  # a one-session workout file, not a plan
    # The resolved plan once made (`resolved`): a list, so a frozen result can keep it. No lock:
    # two threads that resolve at once make equal views, and the first kept serves both after.
    _resolved: list[ResolvedPlan] = field(
        default_factory=list, init=False, repr=False, compare=False
    )

    @property
    def profile(self) -> Profile:
        """The athlete and rules the plan was made with (a saved plan: default rules)."""
        return Profile(athlete=self.athlete, rules=self.rules)

    @property
    def resolved(self) -> ResolvedPlan:
        """The plan resolved for its athlete (loads, labels, rest texts, notes), which every
        renderer and exporter reads: made on first use, once for all the formats of an export."""
        if not self._resolved:
            from runstrong.render.resolved import resolve

            self._resolved.append(resolve(self.plan, self.athlete, self.library, self.rules))
        return self._resolved[0]


def make_plan(
    profile: Profile,
    library: ExerciseLibrary,
    settings: Settings,
    *,
    start: date | None = None,
    weeks: int | None = None,
    past_races: bool = False,
) -> PlanResult:
    """The plan for `profile`: from `start`, else the profile's start, else the Monday after
    the settings' today. A race before that day is a `RaceBeforeStartError`, unless
    `past_races` (a re-plan: races run are history, their recovery kept where it reaches)."""
    first_day = plan_start(profile, start=start, today=settings.today)
    if date_problem(first_day):  # a start or a today past the dates a plan can reach
        raise OutsideDatesError("the plan start", first_day)
    if not past_races:
        check_races_after_start(profile, first_day, start_given=start is not None)
    plan = generate_plan(profile, library, start=first_day, weeks=weeks)
    return PlanResult(plan, profile.athlete, library, profile.rules)


def check_races_after_start(profile: Profile, start: date, *, start_given: bool) -> None:
    """A race before the plan's first day is a mistake in the profile, or in the start the
    caller gave (`start_given`)."""
    for i, race in enumerate(profile.athlete.races):
        if race.date < start:
            raise RaceBeforeStartError(i, race.name, race.date, start, start_given=start_given)


def open_plan(
    source: Source,
    library: ExerciseLibrary,
    settings: Settings,
    *,
    start: date | None = None,
    weeks: int | None = None,
) -> PlanResult:
    """The plan a source holds: a profile's plan made now, a saved plan as saved (a start or a
    length for it is a `StartForSavedPlanError`), or a workout's one session."""
    if isinstance(source, Workout):
        return PlanResult(source.plan, _workout_athlete(source.plan), library, is_workout=True)
    if isinstance(source, SavedPlan):
        if start is not None or weeks is not None:
            raise StartForSavedPlanError(start, weeks)
        return PlanResult(source.plan, source.athlete, library)
    return make_plan(source, library, settings, start=start, weeks=weeks)


def _workout_athlete(plan: Plan) -> Athlete:
    from runstrong.domain.athlete import Availability, EquipmentSet, RunningWeek
    from runstrong.domain.exercise import Level

    return Athlete(
        name=plan.athlete,
        level=Level.INTERMEDIATE,
        equipment=EquipmentSet(items=frozenset()),
        availability=Availability(strength_days=()),
        running=RunningWeek(runs=()),
    )


def find_exercise(library: ExerciseLibrary, name: str) -> Exercise:
    """The exercise `name` means: its slug (hyphens or spaces for underscores), its display name
    or an alias, in any case. Else an `UnknownExerciseError` with the nearest slugs."""
    import difflib

    from runstrong.library.names import fold, name_index

    folded = fold(name)
    by_name = name_index(library)
    if folded in by_name:
        return library.get(by_name[folded])
    close = difflib.get_close_matches(folded, list(by_name), n=3, cutoff=0.6)
    raise UnknownExerciseError(name, tuple(dict.fromkeys(by_name[c] for c in close)))


# -- exports ----------------------------------------------------------------------------------

# Each format's exporter: the `export` of its module (an `Exporter`), imported on first use
# (WeasyPrint, behind the PDF, takes about a second to load).
EXPORTERS: dict[str, str] = {
    "json": "runstrong.export.plan_json",
    "csv": "runstrong.export.plan_csv",
    "ics": "runstrong.export.ics",
    "html": "runstrong.export.html",
    "pdf": "runstrong.export.pdf",
    "fit": "runstrong.export.fit",
}
EXPORT_FORMATS = tuple(EXPORTERS)
ALL_FILE_NAMES = {
    "json": "plan.json",
    "csv": "plan.csv",
    "ics": "plan.ics",
    "html": "plan.html",
    "pdf": "plan.pdf",
    "fit": "fit",
}
if TYPE_CHECKING:  # mypy checks that every module in EXPORTERS has an Exporter
    from runstrong.export import fit, html, ics, pdf, plan_csv, plan_json

    _EXPORTERS: tuple[Exporter, ...] = (
        plan_json.export,
        plan_csv.export,
        ics.export,
        html.export,
        pdf.export,
        fit.export,
    )


def exporter(fmt: str) -> Exporter:
    """The exporter of format `fmt` (one of `EXPORT_FORMATS`)."""
    module = EXPORTERS.get(fmt)
    if module is None:
        choices = ", ".join(EXPORT_FORMATS)
        raise InputError("format", "", f"unknown format '{fmt}' (one of {choices})")
    found: Exporter = import_module(module).export
    return found


def export_one(fmt: str, result: PlanResult, options: ExportOptions) -> bytes | dict[str, bytes]:
    """One format's bytes (FIT: a folder of files by name), from the plan resolved once
    (`PlanResult.resolved`) whatever the number of formats exported."""
    return exporter(fmt)(result.resolved, options)


def week_heatmaps(result: PlanResult) -> dict[int, str]:
    """An SVG heat map of each week's strength work, laid out for the printable plan, on one
    colour scale (`export.html.week_heatmaps`)."""
    from runstrong.export.html import week_heatmaps as heatmaps

    return heatmaps(result.plan, result.library)


# -- heat maps and balance --------------------------------------------------------------------


# Small values as NamedTuples, not frozen dataclasses: every command imports this module, and a
# frozen dataclass costs about twice a NamedTuple's instructions to define (3.8M against 1.8M,
# callgrind; render/resolved.py measured the same).
class Span(NamedTuple):
    """Which part of a plan: one week, one session's day, or a date range (inclusive)."""

    week: int | None = None
    session: date | None = None
    start: date | None = None
    end: date | None = None


def select(plan: Plan, span: Span) -> tuple[list[Session], str, float]:
    """The sessions in the span, a label for it, and how many weeks of running it covers."""
    if span.session is not None:
        sessions = [s for s in plan.sessions if s.date == span.session]
        if not sessions:
            raise NoSessionOnError(span.session)
        return sessions, f"session of {span.session:%a %d %b %Y}", 1 / 7
    if span.start is not None or span.end is not None:
        first = span.start or plan.start
        last = span.end or plan.end
        if last < first:
            raise RangeBackwardsError(first, last)
        sessions = [s for s in plan.sessions if first <= s.date <= last]
        return sessions, f"{first:%d %b} to {last:%d %b %Y}", ((last - first).days + 1) / 7
    index = span.week or 1
    if not 1 <= index <= len(plan.weeks):
        raise NotAWeekError(index, len(plan.weeks))
    week = plan.weeks[index - 1]
    return list(week.sessions), f"week {index}, {week.phase}, from {week.start:%d %b %Y}", 1.0


class RunsDone(NamedTuple):
    """A stored athlete's imported runs of the dates a heat map shows, up to `through` (today):
    each run as the running layer counts one (its day, kind and minutes)."""

    runs: tuple[tuple[date, Run], ...]
    through: date


# The imported runs of the dates first to last, or None when the athlete has imported none.
DoneRuns = Callable[[date, date], RunsDone | None]


def heatmap_svg(
    result: PlanResult,
    span: Span,
    layer: str,
    outcomes: Mapping[str, SessionOutcome] | None = None,
    done_runs: DoneRuns | None = None,
) -> str:
    """The span's heat map; with `outcomes` (a stored athlete's plan) the sets logged done for
    its sessions beside the planned ones, on one scale (domain.lived_plan.done_items); with
    `done_runs` (a stored athlete who imported runs) the running layer of the days up to today
    from the runs done, and of the days after from the profile's running week."""
    from runstrong.domain.balance import session_items
    from runstrong.domain.muscle_load import muscle_loads
    from runstrong.domain.running_load import runs_muscle_minutes
    from runstrong.render.heatmap import render_heatmap_svg

    sessions, label, weeks = select(result.plan, span)
    items = [item for s in sessions for item in session_items(s, result.library)]
    running = None
    running_label = "Running (minutes-weighted)"
    if layer in ("running", "both"):
        # The runs of the dates shown (their own running week where the profile changes it);
        # a session's day: a seventh of its week.
        first, last = _span_dates(result.plan, span)
        done = None if done_runs is None else done_runs(first, last)
        if done is None and not result.athlete.running.runs:
            raise NoRunningWeekError()
        runs, running_label = _running_of(result.athlete, first, last, done)
        scale = weeks if span.session is not None else 1.0
        running = {m: v * scale for m, v in runs_muscle_minutes(runs).items()}
    n = len(sessions)
    if result.is_workout:
        title, subtitle = result.plan.athlete, f"{len(items)} exercises"
    else:
        title = result.plan.athlete
        subtitle = f"{label[0].upper()}{label[1:]}: {n} strength session{'s' if n != 1 else ''}"
    done_sets = None
    if outcomes is not None:
        from runstrong.domain.lived_plan import done_items

        done_sets = muscle_loads(done_items(sessions, outcomes, result.library))
    return render_heatmap_svg(
        muscle_loads(items), title=title, subtitle=subtitle, running=running,
        strength=layer != "running", done=done_sets, running_label=running_label,
    )  # fmt: skip


def _running_of(
    athlete: Athlete, first: date, last: date, done: RunsDone | None
) -> tuple[list[Run], str]:
    """The runs of the dates `first` to `last` and the running panel's label: the runs done
    up to `done.through`, the profile's running week after it."""
    from runstrong.domain.running_calendar import RunningCalendar

    calendar = RunningCalendar.of(athlete)
    if done is None or done.through < first:
        return list(calendar.runs_between(first, last)), "Running (minutes-weighted)"
    runs = [run for day, run in done.runs if first <= day <= min(last, done.through)]
    label = f"Running done, {len(runs)} imported (minutes-weighted)"
    if done.through < last:
        planned = calendar.runs_between(done.through + timedelta(days=1), last)
        label = f"Running: {len(runs)} done to {done.through:%-d %b}, {len(planned)} planned after"
        runs += planned
    return runs, label


def _span_dates(plan: Plan, span: Span) -> tuple[date, date]:
    """The dates whose running a heat map shows: the week, the range, or a session's week."""
    if span.session is not None:
        monday = span.session - timedelta(days=span.session.weekday())
        return monday, monday + timedelta(days=6)
    if span.start is not None or span.end is not None:
        return span.start or plan.start, span.end or plan.end
    week = plan.weeks[(span.week or 1) - 1]
    return week.start, week.start + timedelta(days=6)


def balance(result: PlanResult, week: int) -> BalanceReport:
    from runstrong.domain.balance import balance_report

    select(result.plan, Span(week=week))  # checks the week exists
    return balance_report(result.plan.weeks[week - 1], result.library)


class WeekDone(NamedTuple):
    """What the log says of a week of a stored athlete's plan: each session's outcome (by its
    planned day's order) and the weighted sets done per muscle (the mean of both sides)."""

    outcomes: tuple[tuple[str, str], ...]  # (session id, outcome)
    muscles: dict[str, float]


def week_done(result: PlanResult, week: int, outcomes: Mapping[str, SessionOutcome]) -> WeekDone:
    from runstrong.domain.lived_plan import done_items
    from runstrong.domain.muscle_load import muscle_loads, total_by_muscle

    sessions = result.plan.weeks[week - 1].sessions
    loads = total_by_muscle(muscle_loads(done_items(sessions, outcomes, result.library)))
    return WeekDone(
        tuple((s.id, str(outcomes[s.id].outcome)) for s in sessions if s.id in outcomes),
        {str(m): v for m, v in loads.items()},
    )
