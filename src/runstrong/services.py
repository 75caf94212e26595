"""Use cases: the one place that wires the library, the engine, renderers and exporters together."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from runstrong.domain.athlete import Athlete
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.engine import generate_plan, plan_start
from runstrong.domain.errors import InputError
from runstrong.domain.plan import Plan, Session
from runstrong.domain.profile import Profile
from runstrong.domain.rules import Rules
from runstrong.imports.plan_json import read_plan

if TYPE_CHECKING:
    from runstrong.domain.balance import BalanceReport


def open_library(extra_dirs: Sequence[Path] = ()) -> ExerciseLibrary:
    """The built-in library, then the RUNSTRONG_EXERCISES folders, then `extra_dirs`."""
    from runstrong.library.loader import extra_dirs_from_env, load_library  # pydantic: lazy

    return load_library([*extra_dirs_from_env(), *extra_dirs])


@dataclass(frozen=True, slots=True)
class PlanResult:
    plan: Plan
    athlete: Athlete
    library: ExerciseLibrary
    rules: Rules = field(default_factory=Rules)
    is_workout: bool = False  # a one-session workout file, not a plan

    @property
    def profile(self) -> Profile:
        """The athlete and rules the plan was made with (a saved plan: default rules)."""
        return Profile(athlete=self.athlete, rules=self.rules)


def make_plan(
    profile_path: Path,
    *,
    today: date,
    start: date | None = None,
    weeks: int | None = None,
    extra_dirs: Sequence[Path] = (),
) -> PlanResult:
    from runstrong.profile.loader import check_races_after_start, load_profile

    library = open_library(extra_dirs)
    profile = load_profile(profile_path, library)
    first_day = plan_start(profile, start=start, today=today)
    check_races_after_start(
        profile, first_day, str(profile_path), start_option=None if start is None else "--start"
    )
    plan = generate_plan(profile, library, start=first_day, weeks=weeks)
    return PlanResult(plan, profile.athlete, library, profile.rules)


def open_plan(
    source: Path,
    *,
    today: date,
    start: date | None = None,
    weeks: int | None = None,
    extra_dirs: Sequence[Path] = (),
) -> PlanResult:
    """A plan from a profile (TOML or JSON), a plan saved with `runstrong plan --format json`,
    or a one-session workout file."""
    if source.suffix.lower() == ".toml" and _is_workout(source):
        from runstrong.imports.workout import load_workout

        library = open_library(extra_dirs)
        plan = load_workout(source, library)
        return PlanResult(plan, _workout_athlete(plan), library, is_workout=True)
    if source.suffix.lower() == ".json":
        try:
            data = json.loads(source.read_bytes())
        except OSError as exc:
            raise InputError(str(source), "", f"cannot be read ({exc.strerror})") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(str(source), "", f"is not valid JSON ({exc})") from None
        if isinstance(data, dict) and "weeks" in data:
            if start or weeks:
                raise InputError("--start/--weeks", "", "apply to profiles, not to a saved plan")
            library = open_library(extra_dirs)
            plan, athlete = read_plan(data, library, where=str(source))
            return PlanResult(plan, athlete, library)
    return make_plan(source, today=today, start=start, weeks=weeks, extra_dirs=extra_dirs)


def _is_workout(path: Path) -> bool:
    """A TOML file with a [workout] table (checked on the text: it is validated when loaded)."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return any(line.strip() == "[workout]" for line in text.splitlines())


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


# -- exports ----------------------------------------------------------------------------------

EXPORT_FORMATS = ("json", "csv", "ics", "html", "pdf", "fit")
ALL_FILE_NAMES = {
    "json": "plan.json",
    "csv": "plan.csv",
    "ics": "plan.ics",
    "html": "plan.html",
    "pdf": "plan.pdf",
    "fit": "fit",
}


@dataclass(frozen=True, slots=True)
class ExportOptions:
    now: datetime
    previous_ics: bytes | None = None
    alarm_minutes: int | None = None
    fit_from: date | None = None


def export_one(fmt: str, result: PlanResult, options: ExportOptions) -> bytes | dict[str, bytes]:
    """One format's bytes (FIT: a folder of files by name). Heavy exporters load on first use."""
    plan, athlete, library = result.plan, result.athlete, result.library
    if fmt == "json":
        from runstrong.export import plan_json

        return plan_json.export(plan, athlete, library)
    if fmt == "csv":
        from runstrong.export import plan_csv

        return plan_csv.export_csv(plan, athlete, library)
    if fmt == "ics":
        from runstrong.export import ics

        return ics.export_ics(
            plan,
            athlete,
            library,
            now=options.now,
            previous=options.previous_ics,
            alarm_minutes=options.alarm_minutes,
        )
    if fmt == "fit":
        from runstrong.export import fit

        warm_up = result.rules.warm_up_minutes
        return fit.export_fit(
            plan, athlete, library, from_date=options.fit_from, warm_up_minutes=warm_up
        )
    if fmt in ("html", "pdf"):
        from runstrong.domain.balance import balance_report
        from runstrong.render.report import render_html

        heatmaps = week_heatmaps(result)
        gaps = {w.index: balance_report(w, library).flags for w in plan.weeks if w.sessions}
        html = render_html(plan, athlete, library, heatmaps=heatmaps, balance=gaps)
        if fmt == "html":
            return html.encode("utf-8")
        from runstrong.export import pdf

        return pdf.export_pdf(html)
    raise InputError("format", "", f"unknown format '{fmt}' (one of {', '.join(EXPORT_FORMATS)})")


def week_heatmaps(result: PlanResult) -> dict[int, str]:
    """An SVG heat map of each week's strength work, laid out for the printable plan. All share
    one colour scale, so a taper week looks as light as it is next to a base week."""
    from runstrong.domain.balance import week_items
    from runstrong.domain.muscle_load import muscle_loads
    from runstrong.render.printed_heatmap import render_printed_heatmap_svg, shared_scale_max

    loads = {
        week.index: muscle_loads(week_items(week, result.library))
        for week in result.plan.weeks
        if week.sessions
    }
    top = shared_scale_max(loads.values())
    return {
        index: render_printed_heatmap_svg(
            week_loads,
            title=f"Week {index}: muscles trained (weighted sets per side)",
            scale_max=top,
        )
        for index, week_loads in loads.items()
    }


# -- heat maps and balance --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """Which part of a plan: one week, one session's day, or a date range (inclusive)."""

    week: int | None = None
    session: date | None = None
    start: date | None = None
    end: date | None = None


def select(plan: Plan, span: Span, where: str) -> tuple[list[Session], str, float]:
    """The sessions in the span, a label for it, and how many weeks of running it covers."""
    if span.session is not None:
        sessions = [s for s in plan.sessions if s.date == span.session]
        if not sessions:
            raise InputError(
                "--session", "", f"no session on {span.session.isoformat()} in {where}"
            )
        return sessions, f"session of {span.session:%a %d %b %Y}", 1 / 7
    if span.start is not None or span.end is not None:
        first = span.start or plan.start
        last = span.end or plan.end
        if last < first:
            raise InputError("--to", "", f"{last.isoformat()} is before --from {first.isoformat()}")
        sessions = [s for s in plan.sessions if first <= s.date <= last]
        return sessions, f"{first:%d %b} to {last:%d %b %Y}", ((last - first).days + 1) / 7
    index = span.week or 1
    if not 1 <= index <= len(plan.weeks):
        raise InputError("--week", "", f"{index} is not a week of this plan (1-{len(plan.weeks)})")
    week = plan.weeks[index - 1]
    return list(week.sessions), f"week {index}, {week.phase}, from {week.start:%d %b %Y}", 1.0


def heatmap_svg(result: PlanResult, span: Span, layer: str, where: str) -> str:
    from runstrong.domain.balance import session_items
    from runstrong.domain.muscle_load import muscle_loads
    from runstrong.domain.running_calendar import RunningCalendar
    from runstrong.domain.running_load import runs_muscle_minutes
    from runstrong.render.heatmap import render_heatmap_svg

    sessions, label, weeks = select(result.plan, span, where)
    items = [item for s in sessions for item in session_items(s, result.library)]
    running = None
    if layer in ("running", "both"):
        if not result.athlete.running.runs:
            raise InputError(
                where, "", "has no running week: the running layer needs the runner's profile"
            )
        # The runs of the dates shown (their own running week where the profile changes it);
        # a session's day: a seventh of its week.
        first, last = _span_dates(result.plan, span)
        runs = RunningCalendar.of(result.athlete).runs_between(first, last)
        scale = weeks if span.session is not None else 1.0
        running = {m: v * scale for m, v in runs_muscle_minutes(runs).items()}
    n = len(sessions)
    if result.is_workout:
        title, subtitle = result.plan.athlete, f"{len(items)} exercises"
    else:
        title = result.plan.athlete
        subtitle = f"{label[0].upper()}{label[1:]}: {n} strength session{'s' if n != 1 else ''}"
    return render_heatmap_svg(
        muscle_loads(items), title=title, subtitle=subtitle, running=running,
        strength=layer != "running",
    )  # fmt: skip


def _span_dates(plan: Plan, span: Span) -> tuple[date, date]:
    """The dates whose running a heat map shows: the week, the range, or a session's week."""
    if span.session is not None:
        monday = span.session - timedelta(days=span.session.weekday())
        return monday, monday + timedelta(days=6)
    if span.start is not None or span.end is not None:
        return span.start or plan.start, span.end or plan.end
    week = plan.weeks[(span.week or 1) - 1]
    return week.start, week.start + timedelta(days=6)


def balance(result: PlanResult, week: int, where: str) -> BalanceReport:
    from runstrong.domain.balance import balance_report

    select(result.plan, Span(week=week), where)  # checks the week exists
    return balance_report(result.plan.weeks[week - 1], result.library)
