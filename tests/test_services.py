"""The services take domain objects and Settings, raise domain errors with fields, and are safe to
call from many threads at once: no process-wide switch is thrown during a call."""

from __future__ import annotations

import gc
import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from builders import EXAMPLES, library, make_profile, make_race
from runstrong import services
from runstrong.domain.errors import (
    NoRunningWeekError,
    NoSessionOnError,
    NotAWeekError,
    RaceBeforeStartError,
    RangeBackwardsError,
    StartForSavedPlanError,
    UnknownExerciseError,
)
from runstrong.export import plan_json
from runstrong.imports.source import SavedPlan, Workout, read_source
from runstrong.profile import load_profile
from runstrong.render.resolved import resolve
from runstrong.settings import Settings

TODAY = date(2026, 11, 26)  # a Thursday
SETTINGS = Settings(today=TODAY)
ALEX = EXAMPLES / "alex-marathon.toml"
WORKOUT = EXAMPLES / "workouts" / "founding-workout.toml"


def alex_plan(weeks: int | None = None) -> services.PlanResult:
    return services.make_plan(load_profile(ALEX, library()), library(), SETTINGS, weeks=weeks)


def test_a_plan_without_a_start_begins_the_monday_after_the_settings_today() -> None:
    result = services.make_plan(make_profile(), library(), SETTINGS)
    assert result.plan.start == date(2026, 11, 30)
    later = services.make_plan(make_profile(), library(), Settings(today=date(2027, 1, 6)))
    assert later.plan.start == date(2027, 1, 11)


def test_a_race_before_a_given_start_is_a_domain_error_that_says_the_start_was_given() -> None:
    profile = make_profile(races=(make_race(date(2027, 3, 1), name="Spring 10k"),))
    with pytest.raises(RaceBeforeStartError) as info:
        services.make_plan(profile, library(), SETTINGS, start=date(2027, 3, 8))
    err = info.value
    assert (err.race_name, err.race_date, err.start, err.start_given) == (
        "Spring 10k",
        date(2027, 3, 1),
        date(2027, 3, 8),
        True,
    )


def test_a_saved_plan_is_opened_as_saved_and_refuses_a_start_or_a_length(tmp_path: Path) -> None:
    made = alex_plan(weeks=3)
    saved = tmp_path / "plan.json"
    saved.write_bytes(plan_json.export_json(made.resolved))
    source = read_source(saved, library())
    assert isinstance(source, SavedPlan)
    opened = services.open_plan(source, library(), SETTINGS)
    assert (
        plan_json.export_json(resolve(opened.plan, opened.athlete, library())) == saved.read_bytes()
    )
    with pytest.raises(StartForSavedPlanError) as info:
        services.open_plan(source, library(), SETTINGS, weeks=4)
    assert (info.value.start, info.value.weeks) == (None, 4)


def test_a_workout_file_is_a_one_session_plan_without_a_running_week() -> None:
    source = read_source(WORKOUT, library())
    assert isinstance(source, Workout)
    result = services.open_plan(source, library(), SETTINGS)
    assert result.is_workout
    assert len(result.plan.sessions) == 1
    with pytest.raises(NoRunningWeekError):
        services.heatmap_svg(result, services.Span(), "running")


def test_a_span_outside_the_plan_is_a_domain_error_with_its_numbers() -> None:
    result = alex_plan(weeks=3)
    with pytest.raises(NotAWeekError) as week:
        services.balance(result, 4)
    assert (week.value.week, week.value.weeks) == (4, 3)
    week_one = [result.plan.start + timedelta(days=i) for i in range(7)]
    rest_day = next(d for d in week_one if d not in {s.date for s in result.plan.sessions})
    with pytest.raises(NoSessionOnError) as session:
        services.select(result.plan, services.Span(session=rest_day))
    assert session.value.day == rest_day
    backwards = services.Span(start=date(2027, 1, 10), end=date(2027, 1, 3))
    with pytest.raises(RangeBackwardsError) as span:
        services.select(result.plan, backwards)
    assert (span.value.first, span.value.last) == (date(2027, 1, 10), date(2027, 1, 3))


@pytest.mark.parametrize(
    "name",
    [
        "bulgarian_split_squat",
        "bulgarian-split-squat",
        "Bulgarian split squat",
        "BULGARIAN SPLIT SQUAT",
        "  bulgarian  split-squat ",
    ],
)
def test_an_exercise_is_found_by_slug_hyphens_or_its_name_in_any_case(name: str) -> None:
    assert services.find_exercise(library(), name).slug == "bulgarian_split_squat"


def test_an_unknown_exercise_suggests_the_nearest_slugs_best_first() -> None:
    with pytest.raises(UnknownExerciseError) as info:
        services.find_exercise(library(), "bulgarian split sqat")
    assert info.value.name == "bulgarian split sqat"
    assert info.value.suggestions[0] == "bulgarian_split_squat"
    with pytest.raises(UnknownExerciseError) as nothing_near:
        services.find_exercise(library(), "xyzzy")
    assert nothing_near.value.suggestions == ()


# -- threads and process-wide state -----------------------------------------------------------


def test_eight_threads_planning_at_once_get_byte_identical_plans() -> None:
    profiles = [load_profile(p, library()) for p in sorted(EXAMPLES.glob("*.toml"))]

    def planned(profile: Any) -> bytes:
        result = services.make_plan(profile, library(), SETTINGS)
        return plan_json.export_json(resolve(result.plan, result.athlete, library()))

    alone = [planned(p) for p in profiles]
    barrier = threading.Barrier(8)

    def all_of_them(_: int) -> list[bytes]:
        barrier.wait()
        return [planned(p) for p in profiles]

    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(all_of_them, range(8)))
    assert all(plans == alone for plans in together)


_RECORDING = threading.Event()
_SEEN: list[str] = []
_HOOKED: list[bool] = []


def _audit(event: str, _args: tuple[object, ...]) -> None:
    if _RECORDING.is_set() and event in ("os.putenv", "os.unsetenv"):
        _SEEN.append(event)


def _watch_the_environment() -> None:
    """An audit hook (for the life of the process: it records only while asked), added once."""
    if not _HOOKED:
        sys.addaudithook(_audit)
        _HOOKED.append(True)


_GC_SWITCHES = {
    gc.disable: "gc.disable",
    gc.enable: "gc.enable",
    gc.freeze: "gc.freeze",
    gc.set_threshold: "gc.set_threshold",
}


def _profile(_frame: Any, event: str, arg: Any) -> None:
    if event == "c_call" and arg in _GC_SWITCHES:
        _SEEN.append(_GC_SWITCHES[arg])


def test_no_process_wide_switch_is_thrown_while_planning_and_exporting() -> None:
    """Neither the environment (an audit hook sees every change) nor the garbage collector (a
    profile hook sees every call of its switches) changes during a plan and its exports."""
    _watch_the_environment()
    options = services.ExportOptions(now=datetime(2026, 11, 26, tzinfo=UTC))
    _SEEN.clear()
    _RECORDING.set()
    try:
        sys.setprofile(_profile)
        try:
            result = alex_plan(weeks=2)
            for fmt in ("json", "csv", "ics", "fit", "html"):
                services.export_one(fmt, result, options)
        finally:
            sys.setprofile(None)
        pdf = services.export_one("pdf", result, options)  # slow under a profile hook
    finally:
        _RECORDING.clear()
    assert isinstance(pdf, bytes)
    assert pdf.startswith(b"%PDF")
    assert _SEEN == []


def test_the_switch_detectors_see_a_switch() -> None:
    import os

    _watch_the_environment()
    was_enabled = gc.isenabled()
    _SEEN.clear()
    _RECORDING.set()
    try:
        sys.setprofile(_profile)
        try:
            gc.disable()
        finally:
            sys.setprofile(None)
            if was_enabled:
                gc.enable()
        os.environ["RUNSTRONG_TEST_SWITCH"] = "1"
        del os.environ["RUNSTRONG_TEST_SWITCH"]
    finally:
        _RECORDING.clear()
    assert _SEEN == ["gc.disable", "os.putenv", "os.unsetenv"]


def test_a_plan_made_here_is_the_plan_the_cli_writes(tmp_path: Path) -> None:
    from builders import run_cli

    made = alex_plan()
    cli = run_cli("--today", TODAY.isoformat(), "plan", str(ALEX), "--format", "json")
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout) == json.loads(
        plan_json.export_json(resolve(made.plan, made.athlete, library()))
    )


def test_every_format_exports_from_its_own_exporter_and_an_unknown_one_is_an_error() -> None:
    """The registry gives each format the `export` of its module, called with the plan resolved
    once; a format it does not know is an InputError naming the choices."""
    from runstrong.domain.errors import InputError
    from runstrong.export import plan_csv

    result = alex_plan(weeks=2)
    options = services.ExportOptions(now=datetime(2026, 11, 26, tzinfo=UTC))
    assert services.exporter("csv") is plan_csv.export
    assert services.export_one("csv", result, options) == plan_csv.export_csv(result.resolved)
    assert services.export_one("json", result, options) == plan_json.export_json(
        resolve(result.plan, result.athlete, result.library)
    )
    with pytest.raises(InputError, match=r"unknown format 'docx' \(one of json, csv, ics"):
        services.export_one("docx", result, options)
