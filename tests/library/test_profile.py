"""Profiles: the documented example loads; each mistake is one line naming field and value."""

from __future__ import annotations

import datetime as dt
import json
import math
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from builders import EXAMPLES, library
from runstrong.domain.athlete import RaceDistance, RacePriority, RunType, Severity, Weekday
from runstrong.domain.errors import InputErrors, RaceBeforeStartError, RunstrongError
from runstrong.domain.exercise import Equipment, Level, NiggleSite
from runstrong.profile import load_profile
from runstrong.profile.parse import parse_profile
from runstrong.services import check_races_after_start

ALEX = EXAMPLES / "alex-marathon.toml"


def alex() -> dict[str, Any]:
    return tomllib.loads(ALEX.read_text("utf-8"))


def error_lines(data: dict[str, Any]) -> list[str]:
    with pytest.raises(RunstrongError) as info:
        parse_profile(data, library(), where="p.toml")
    err = info.value
    return [str(e) for e in err.errors] if isinstance(err, InputErrors) else [str(err)]


def test_the_documented_example_is_accepted_as_written() -> None:
    profile = load_profile(ALEX, library())
    assert profile.athlete.level is Level.INTERMEDIATE
    assert profile.start == date(2026, 12, 7)
    assert profile.athlete.one_rep_max_kg == {"back_squat": 80, "romanian_deadlift": 90}
    assert len(profile.athlete.running.runs) == 6


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_every_example_profile_loads(path: Path) -> None:
    load_profile(path, library())


def test_the_same_profile_in_json_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "alex.json"
    path.write_text(json.dumps(alex(), default=str), "utf-8")
    assert load_profile(path, library()).athlete.name == "Alex"


def test_an_unknown_key_is_named() -> None:
    data = alex()
    data["athlete"]["shoe_size"] = 42
    assert error_lines(data) == ["p.toml: athlete.shoe_size: unknown key"]


def test_an_unknown_day_is_named_with_its_value() -> None:
    data = alex()
    data["availability"]["strength_days"] = ["mon", "funday"]
    [line] = error_lines(data)
    assert line.startswith("p.toml: availability.strength_days[2]:")
    assert "'funday'" in line


def test_unknown_equipment_is_named() -> None:
    data = alex()
    data["equipment"]["items"].append("rowing_machine")
    [line] = error_lines(data)
    assert "equipment.items[8]" in line
    assert "'rowing_machine'" in line


def test_an_unknown_run_type_is_named() -> None:
    data = alex()
    data["running"]["week"][0]["type"] = "fartlek"
    [line] = error_lines(data)
    assert "running.week[1].type" in line
    assert "'fartlek'" in line


def test_an_unknown_slug_in_known_maxes_is_named() -> None:
    data = alex()
    data["strength"]["one_rep_max_kg"]["moon_squat"] = 50
    assert error_lines(data) == [
        "p.toml: strength.one_rep_max_kg.moon_squat: no exercise has the slug 'moon_squat'"
    ]


def test_no_strength_day_is_an_error() -> None:
    data = alex()
    data["availability"]["strength_days"] = []
    [line] = error_lines(data)
    assert "availability.strength_days" in line


def test_minutes_out_of_range_are_an_error() -> None:
    data = alex()
    data["running"]["week"][1]["minutes"] = 2000
    [line] = error_lines(data)
    assert "running.week[2].minutes" in line
    assert "2000" in line


@pytest.mark.parametrize("sessions", [3, 4, 0])
def test_a_sessions_cap_the_engine_would_ignore_is_an_error(sessions: int) -> None:
    data = alex()
    data["availability"]["sessions_per_week"] = sessions
    assert error_lines(data) == [
        "p.toml: availability.sessions_per_week: must be 1 or 2: runstrong plans at most 2 "
        f"strength sessions a week (got {sessions})"
    ]


@pytest.mark.parametrize("sessions", [1, 2])
def test_a_sessions_cap_of_one_or_two_is_kept(sessions: int) -> None:
    data = alex()
    data["availability"]["sessions_per_week"] = sessions
    assert parse_profile(data, library()).athlete.availability.sessions_per_week == sessions


def test_an_unknown_rule_override_is_an_error() -> None:
    data = alex()
    data["rules"] = {"last_heavy_days_before_a_race": 8, "magic": 1}
    assert error_lines(data) == ["p.toml: rules.magic: unknown rule (see: runstrong rules)"]


def test_a_rule_override_changes_the_rule() -> None:
    data = alex()
    data["rules"] = {"last_heavy_days_before_a_race": 8}
    profile = parse_profile(data, library())
    assert profile.rules.last_heavy_days_before_a_race == 8


def test_placement_trimming_and_rotation_rules_can_be_overridden() -> None:
    data = alex()
    data["rules"] = {
        "penalty_light_session_on_hard_day_points": 41,
        "min_trimmed_main_sets": 2,
        "rotation_score_window_points": 0.5,
        "trim_covered_categories_first": False,
    }
    rules = parse_profile(data, library()).rules
    assert rules.penalty_light_session_on_hard_day_points == 41
    assert rules.min_trimmed_main_sets == 2
    assert rules.rotation_score_window_points == 0.5
    assert not rules.trim_covered_categories_first


@pytest.mark.parametrize(
    ("name", "value", "line"),
    [
        (
            "min_trimmed_main_sets",
            0,
            "p.toml: rules.min_trimmed_main_sets: must be at least 1 (got 0)",
        ),
        (
            "rotation_max_exercises",
            0,
            "p.toml: rules.rotation_max_exercises: must be at least 1 (got 0)",
        ),
        (
            "penalty_session_left_out_points",
            -10,
            "p.toml: rules.penalty_session_left_out_points: must not be negative (got -10)",
        ),
        (
            "penalty_before_run_points",
            2.5,
            "p.toml: rules.penalty_before_run_points: must be a whole number (got 2.5)",
        ),
        (
            "trim_covered_categories_first",
            2,
            "p.toml: rules.trim_covered_categories_first: must be true or false (got 2)",
        ),
        (
            "superset_accessories",
            "off",
            'p.toml: rules.superset_accessories: must be true or false (got "off")',
        ),
        ("peak_weeks", True, "p.toml: rules.peak_weeks: must be a whole number (got true)"),
        (
            "key_run_buffer_hours",
            "48h",
            'p.toml: rules.key_run_buffer_hours: must be a number (got "48h")',
        ),
        (
            "latest_session_hour",
            30,
            "p.toml: rules.latest_session_hour: must be at most 23 (got 30)",
        ),
        (
            "deload_sets_cut_pct",
            150,
            "p.toml: rules.deload_sets_cut_pct: must be at most 100 (got 150)",
        ),
        (
            "sessions_per_week_base_build",
            3,
            "p.toml: rules.sessions_per_week_base_build: must be at most 2 (got 3)",
        ),
        (
            "sessions_per_week_maintenance",
            0,
            "p.toml: rules.sessions_per_week_maintenance: must be at least 1 (got 0)",
        ),
        (
            "rir_min",
            5,
            "p.toml: rules.rir_min: rir_min (5) must not be more than rir_max (4)",
        ),
        (
            "preferred_hours_run_to_strength",
            2,
            "p.toml: rules.preferred_hours_run_to_strength: min_hours_run_to_strength (3) must "
            "not be more than preferred_hours_run_to_strength (2)",
        ),
        # TOML dates, times, inf and nan reach the rules table too
        (
            "rir_min",
            dt.date(1979, 5, 27),
            'p.toml: rules.rir_min: must be a whole number (got "1979-05-27")',
        ),
        (
            "key_run_buffer_hours",
            dt.time(7, 32),
            'p.toml: rules.key_run_buffer_hours: must be a number (got "07:32:00")',
        ),
        (
            "key_run_buffer_hours",
            math.inf,
            "p.toml: rules.key_run_buffer_hours: must be a finite number (got inf)",
        ),
        (
            "min_hours_run_to_strength",
            math.nan,
            "p.toml: rules.min_hours_run_to_strength: must be a finite number (got nan)",
        ),
        (
            "key_run_buffer_hours",
            1e6,
            "p.toml: rules.key_run_buffer_hours: must be at most 96 (got 1000000.0)",
        ),
        (
            "deload_every_weeks",
            2,
            "p.toml: rules.deload_every_weeks: min_loading_weeks_before_deload (2) must be less "
            "than deload_every_weeks (2)",
        ),
        # the light-kit rules (science.md §2.8): the %1RM table ends at 12 reps, a tempo digit
        # at 9 s, reps in reserve at 5, a share at 100 %
        (
            "light_load_max_reps",
            13,
            "p.toml: rules.light_load_max_reps: must be at most 12 (got 13)",
        ),
        (
            "light_load_max_reps",
            0,
            "p.toml: rules.light_load_max_reps: must be at least 1 (got 0)",
        ),
        (
            "light_load_lowering_seconds",
            10,
            "p.toml: rules.light_load_lowering_seconds: must be at most 9 (got 10)",
        ),
        (
            "light_load_lowering_seconds",
            0,
            "p.toml: rules.light_load_lowering_seconds: must be at least 1 (got 0)",
        ),
        (
            "load_rir_slack_reps",
            6,
            "p.toml: rules.load_rir_slack_reps: must be at most 5 (got 6)",
        ),
        (
            "est_single_leg_1rm_pct",
            101,
            "p.toml: rules.est_single_leg_1rm_pct: must be at most 100 (got 101)",
        ),
        (
            "est_bilateral_1rm_per_kg_intermediate",
            -0.5,
            "p.toml: rules.est_bilateral_1rm_per_kg_intermediate: must not be negative (got -0.5)",
        ),
    ],
)
def test_a_bad_rule_value_is_one_line_naming_the_rule_and_value(
    name: str, value: object, line: str
) -> None:
    data = alex()
    data["rules"] = {name: value}
    assert error_lines(data) == [line]


def test_a_misspelling_in_another_case_still_gets_a_suggestion() -> None:
    data = alex()
    data["availability"]["strength_days"] = ["mon", "Tues"]
    (line,) = error_lines(data)
    assert line.startswith("p.toml: availability.strength_days[2]: ")
    assert line.endswith("did you mean 'tue'?)")


def test_two_rests_on_one_day_are_accepted() -> None:
    data = alex()
    data["running"]["week"] += [{"day": "fri", "type": "rest"}, {"day": "fri", "type": "rest"}]
    assert parse_profile(data, library()).athlete.running.runs


def test_a_rule_may_be_set_to_its_least_value() -> None:
    data = alex()
    data["rules"] = {"min_trimmed_accessory_sets": 1, "penalty_light_session_on_hard_day_points": 0}
    rules = parse_profile(data, library()).rules
    assert (rules.min_trimmed_accessory_sets, rules.penalty_light_session_on_hard_day_points) == (
        1,
        0,
    )


@pytest.mark.parametrize("start_given", [True, False])
def test_a_race_before_the_start_is_an_error_that_says_which_race_and_whose_start(
    start_given: bool,
) -> None:
    profile = load_profile(ALEX, library())
    with pytest.raises(RaceBeforeStartError) as info:
        check_races_after_start(profile, date(2027, 5, 1), start_given=start_given)
    err = info.value
    assert (err.race_index, err.race_name, err.race_date) == (
        0,
        "Spring Marathon",
        date(2027, 4, 18),
    )
    assert (err.start, err.start_given, err.field) == (
        date(2027, 5, 1),
        start_given,
        "races[1].date",
    )


def test_a_misspelled_required_key_is_one_line_with_a_suggestion() -> None:
    data = alex()
    data["availability"]["strength_dayz"] = data["availability"].pop("strength_days")
    assert error_lines(data) == [
        "p.toml: availability.strength_dayz: unknown key; did you mean 'strength_days'?"
    ]


def test_a_misspelled_optional_key_is_matched_against_the_profile_format() -> None:
    data = alex()
    data["availability"]["prefered_time"] = "07:00"
    assert error_lines(data) == [
        "p.toml: availability.prefered_time: unknown key; did you mean 'preferred_time'?"
    ]


def test_a_misspelled_key_in_a_list_of_runs_names_the_run_by_its_index() -> None:
    data = alex()
    data["running"]["week"][1]["minuts"] = data["running"]["week"][1].pop("minutes")
    assert error_lines(data) == [
        "p.toml: running.week[2].minuts: unknown key; did you mean 'minutes'?"
    ]


def test_a_misspelled_table_name_is_one_line() -> None:
    data = alex()
    data["availabilty"] = data.pop("availability")
    assert error_lines(data) == ["p.toml: availabilty: unknown key; did you mean 'availability'?"]


def test_a_missing_required_key_says_missing() -> None:
    data = alex()
    del data["athlete"]["strength_level"]
    assert error_lines(data) == ["p.toml: athlete.strength_level: missing"]


def test_a_near_miss_value_suggests_the_allowed_one() -> None:
    data = alex()
    data["availability"]["strength_days"] = ["mon", "tues"]
    [line] = error_lines(data)
    assert line.startswith("p.toml: availability.strength_days[2]: ")
    assert line.endswith("(got 'tues'; did you mean 'tue'?)")


def test_a_table_where_a_value_is_expected_says_table() -> None:
    data = alex()
    data["athlete"] = "Alex"
    assert error_lines(data) == [
        "p.toml: athlete: should be a table (an object in JSON), not 'Alex'"
    ]


def test_list_items_are_counted_from_one_in_brackets() -> None:
    data = alex()
    data["running"]["week"][5]["type"] = "fartlek"
    assert error_lines(data) == [
        "p.toml: running.week[6].type: Input should be 'easy', 'recovery', 'long', 'tempo', "
        "'intervals', 'hills', 'race' or 'rest' (got 'fartlek')"
    ]


def test_a_bad_time_says_the_value_once() -> None:
    data = alex()
    data["availability"]["preferred_time"] = "7pm"
    assert error_lines(data) == [
        "p.toml: availability.preferred_time: '7pm' is not a time like 18:00"
    ]


def test_an_unknown_time_zone_says_the_value_once() -> None:
    data = alex()
    data["athlete"]["timezone"] = "Mars/Olympus"
    assert error_lines(data) == [
        "p.toml: athlete.timezone: unknown time zone 'Mars/Olympus' "
        "(use an IANA name like Europe/London)"
    ]


def test_enum_values_are_read_in_any_case() -> None:
    data = alex()
    data["athlete"]["strength_level"] = "Advanced"
    data["equipment"]["items"] = ["Dumbbells", "BENCH"]
    data["availability"]["strength_days"] = ["Mon", "THU"]
    data["running"]["week"] = [{"day": "Tue", "type": "Intervals", "minutes": 60}]
    data["races"] = [
        {"name": "City 10K", "date": date(2027, 4, 18), "distance": "10K", "priority": "b"},
        {"name": "Half", "date": date(2027, 5, 2), "distance": "Half_Marathon"},
    ]
    data["niggles"] = [{"site": "Low_Back", "severity": "Moderate"}]
    athlete = parse_profile(data, library()).athlete
    assert athlete.level is Level.ADVANCED
    assert athlete.equipment.items == {Equipment.DUMBBELLS, Equipment.BENCH}
    assert athlete.availability.strength_days == (Weekday.MON, Weekday.THU)
    assert [(r.day, r.type) for r in athlete.running.runs] == [(Weekday.TUE, RunType.INTERVALS)]
    assert [(r.distance, r.priority) for r in athlete.races] == [
        (RaceDistance.K10, RacePriority.B),
        (RaceDistance.HALF_MARATHON, RacePriority.A),
    ]
    assert [(n.site, n.severity) for n in athlete.niggles] == [
        (NiggleSite.LOW_BACK, Severity.MODERATE)
    ]


def test_a_misspelled_value_is_still_rejected_with_a_suggestion() -> None:
    data = alex()
    data["races"][0]["distance"] = "10km"
    assert error_lines(data) == [
        "p.toml: races[1].distance: Input should be '5k', '10k', 'half_marathon', 'marathon', "
        "'ultra' or 'other' (got '10km'; did you mean '10k'?)"
    ]


def test_the_beginning_of_one_value_suggests_that_value() -> None:
    data = alex()
    data["races"][0]["distance"] = "Half"
    [line] = error_lines(data)
    assert line.startswith("p.toml: races[1].distance: ")
    assert line.endswith("(got 'Half'; did you mean 'half_marathon'?)")


def test_the_beginning_of_two_values_suggests_neither() -> None:
    data = alex()
    data["availability"]["strength_days"] = ["t"]
    [line] = error_lines(data)
    assert line.startswith("p.toml: availability.strength_days[1]: ")
    assert line.endswith("(got 't')")


def test_a_rest_on_a_day_with_a_run_names_both_entries() -> None:
    data = alex()
    data["running"]["week"].append({"day": "thu", "type": "rest"})
    assert error_lines(data) == [
        "p.toml: running.week[7]: a rest on thu, the day of the tempo run running.week[4]; "
        "keep one of them"
    ]


def test_a_rest_on_a_day_without_a_run_is_accepted() -> None:
    data = alex()
    data["running"]["week"].append({"day": "fri", "type": "rest"})
    runs = parse_profile(data, library()).athlete.running.runs
    assert (Weekday.FRI, RunType.REST) in [(r.day, r.type) for r in runs]


def test_two_runs_at_one_time_name_both_entries() -> None:
    data = alex()
    data["running"]["week"].append({"day": "sat", "type": "long", "time": "08:00"})
    assert error_lines(data) == [
        "p.toml: running.week[7]: a second run on sat at the same time as running.week[5]; "
        "give one of them another time"
    ]


# Dated changes: running.overrides and availability.exceptions -------------------------------

PRIYA = EXAMPLES / "priya-half-home.toml"


def with_dated(
    overrides: list[dict[str, Any]] | None = None, exceptions: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    data = alex()
    if overrides is not None:
        data["running"]["overrides"] = overrides
    if exceptions is not None:
        data["availability"]["exceptions"] = exceptions
    return data


def span(first: str, last: str, **fields: Any) -> dict[str, Any]:
    return {"from": date.fromisoformat(first), "to": date.fromisoformat(last), **fields}


def test_the_example_with_dated_changes_reads_them_as_written() -> None:
    athlete = load_profile(PRIYA, library()).athlete
    [trip] = athlete.running.overrides
    assert (trip.first, trip.last, trip.label) == (date(2027, 1, 25), date(2027, 1, 31), "Ski trip")
    assert [(r.day, r.type, r.minutes) for r in trip.runs] == [
        (Weekday.TUE, RunType.EASY, 30),
        (Weekday.SAT, RunType.EASY, 45),
    ]
    christmas, gym = athlete.availability.exceptions
    assert (christmas.first, christmas.last, christmas.strength_days) == (
        date(2026, 12, 24),
        date(2026, 12, 27),
        (),
    )
    assert gym.strength_days == (Weekday.SAT,)


def test_dated_changes_in_json_take_iso_date_strings(tmp_path: Path) -> None:
    data = with_dated(
        [{"from": "2027-01-11", "to": "2027-01-17", "runs": []}],
        [{"from": "2027-01-11", "to": "2027-01-16", "strength_days": ["Sat", "mon"]}],
    )
    path = tmp_path / "alex.json"
    path.write_text(json.dumps(data, default=str), "utf-8")
    athlete = load_profile(path, library()).athlete
    assert athlete.running.overrides[0].runs == ()
    assert athlete.availability.exceptions[0].strength_days == (Weekday.SAT, Weekday.MON)


def test_dates_outside_the_plan_are_accepted() -> None:
    data = with_dated([span("2019-01-01", "2019-01-07", runs=[])])
    assert parse_profile(data, library()).athlete.running.overrides[0].first == date(2019, 1, 1)


def test_a_span_that_ends_before_it_begins_is_named() -> None:
    data = with_dated(exceptions=[span("2027-01-17", "2027-01-11", no_strength=True)])
    assert error_lines(data) == [
        "p.toml: availability.exceptions[1].to: 2027-01-11 is before from (2027-01-17)"
    ]


def test_overlapping_overrides_name_both() -> None:
    data = with_dated(
        [span("2027-01-11", "2027-01-17", runs=[]), span("2027-01-17", "2027-01-20", runs=[])]
    )
    assert error_lines(data) == [
        "p.toml: running.overrides[2]: 2027-01-17 to 2027-01-20 overlaps running.overrides[1] "
        "(2027-01-11 to 2027-01-17): a date can have only one running week"
    ]


def test_overlapping_exceptions_name_both() -> None:
    data = with_dated(
        exceptions=[
            span("2027-01-11", "2027-01-17", no_strength=True),
            span("2027-01-01", "2027-01-11", strength_days=["sat"]),
        ]
    )
    assert error_lines(data) == [
        "p.toml: availability.exceptions[2]: 2027-01-01 to 2027-01-11 overlaps "
        "availability.exceptions[1] (2027-01-11 to 2027-01-17): a date can have only one exception"
    ]


def test_an_override_and_an_exception_may_share_dates() -> None:
    data = with_dated(
        [span("2027-01-11", "2027-01-17", runs=[])],
        [span("2027-01-11", "2027-01-17", no_strength=True)],
    )
    athlete = parse_profile(data, library()).athlete
    assert len(athlete.running.overrides) == 1
    assert len(athlete.availability.exceptions) == 1


def test_an_unknown_weekday_in_an_exception_suggests_the_nearest() -> None:
    data = with_dated(exceptions=[span("2027-01-11", "2027-01-17", strength_days=["satur"])])
    [line] = error_lines(data)
    assert line.startswith("p.toml: availability.exceptions[1].strength_days[1]: ")
    assert line.endswith("(got 'satur'; did you mean 'sat'?)")


def test_a_misspelled_from_suggests_from() -> None:
    data = with_dated(exceptions=[{"form": date(2027, 1, 11), "to": date(2027, 1, 17)}])
    assert error_lines(data) == [
        "p.toml: availability.exceptions[1].form: unknown key; did you mean 'from'?"
    ]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {},
            "availability.exceptions[1]",
            "give no_strength = true (no strength on these dates) or strength_days (only these "
            'days, e.g. ["sat"])',
        ),
        (
            {"no_strength": True, "strength_days": ["sat"]},
            "availability.exceptions[1].no_strength",
            "give no_strength or strength_days, not both",
        ),
        (
            {"no_strength": False},
            "availability.exceptions[1].no_strength",
            "false changes nothing: give no_strength = true, or strength_days",
        ),
    ],
)
def test_an_exception_says_exactly_one_of_no_strength_and_strength_days(
    fields: dict[str, Any], field: str, message: str
) -> None:
    data = with_dated(exceptions=[span("2027-01-11", "2027-01-17", **fields)])
    assert error_lines(data) == [f"p.toml: {field}: {message}"]


def test_an_empty_list_of_strength_days_is_an_error() -> None:
    data = with_dated(exceptions=[span("2027-01-11", "2027-01-17", strength_days=[])])
    [line] = error_lines(data)
    assert line.startswith("p.toml: availability.exceptions[1].strength_days: ")


def test_a_day_a_short_span_does_not_contain_is_named() -> None:
    """11-13 Jan 2027 is Monday to Wednesday: a Friday run or a Saturday session is a slip."""
    data = with_dated(
        [span("2027-01-11", "2027-01-13", runs=[{"day": "fri", "type": "easy"}])],
        [span("2027-01-11", "2027-01-13", strength_days=["mon", "sat"])],
    )
    assert error_lines(data) == [
        "p.toml: running.overrides[1].runs[1].day: 'fri': 2027-01-11 to 2027-01-13 has no Friday",
        "p.toml: availability.exceptions[1].strength_days[2]: 'sat': 2027-01-11 to 2027-01-13 "
        "has no Saturday",
    ]


def test_an_overrides_runs_are_checked_like_the_usual_week() -> None:
    runs = [{"day": "tue", "type": "easy"}, {"day": "tue", "type": "rest"}]
    data = with_dated([span("2027-01-11", "2027-01-17", runs=runs)])
    assert error_lines(data) == [
        "p.toml: running.overrides[1].runs[2]: a rest on tue, the day of the easy run "
        "running.overrides[1].runs[1]; keep one of them"
    ]


def test_an_override_must_say_its_runs() -> None:
    data = with_dated([span("2027-01-11", "2027-01-17", label="Travel")])
    assert error_lines(data) == ["p.toml: running.overrides[1].runs: missing"]
