"""Hostile and extreme input, end to end (issue 13): dates at the calendar's edges, times with an
offset or as a number, deep nesting, thousands of problems, standard input. Every case ends in
a plan or in short `error:` lines with exit 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from builders import EXAMPLES, run_cli

ALEX = EXAMPLES / "alex-marathon.toml"
PRIYA = EXAMPLES / "priya-half-home.toml"
WORKOUT = EXAMPLES / "workouts" / "founding-workout.toml"
RANGE = "must be from 1990-01-01 to 2099-12-31, the dates runstrong plans"


def edited(tmp_path: Path, source: Path, old: str, new: str, name: str = "") -> Path:
    text = source.read_text("utf-8")
    assert old in text
    path = tmp_path / (name or source.name)
    path.write_text(text.replace(old, new), "utf-8")
    return path


def error_lines(done: subprocess.CompletedProcess[str]) -> list[str]:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines
    assert all(line.startswith("error: ") for line in lines), done.stderr
    return lines


def one_error(done: subprocess.CompletedProcess[str], says: str) -> str:
    (line,) = error_lines(done)
    assert says in line, line
    return line


# -- dates at the edges of the calendar -----------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("start = 2026-12-07", "start = 0001-01-01", "plan.start: "),
        ("start = 2026-12-07", "start = 9999-12-27", "plan.start: "),
        ("date = 2027-04-18", "date = 9999-12-31", "races[1].date: "),
        ("start = 2026-12-07", "start = 1989-12-31", "plan.start: "),
    ],
)
@pytest.mark.parametrize("command", [["plan"], ["export", "ics"], ["heatmap"], ["balance"]])
def test_a_date_outside_the_planned_range_is_one_error_line_for_every_command(
    tmp_path: Path, old: str, new: str, field: str, command: list[str]
) -> None:
    profile = edited(tmp_path, ALEX, old, new)
    args = [*command, str(profile)]
    if command == ["heatmap"]:
        args += ["-o", str(tmp_path / "map.svg")]
    line = one_error(run_cli(*args), RANGE)
    assert line.startswith(f"error: {profile}: {field}")
    assert not list(tmp_path.glob("map.svg"))  # nothing half-written


@pytest.mark.parametrize(
    ("old", "field"),
    [
        ("from = 2026-12-24", "availability.exceptions[1].from: "),
        ('label = "Ski trip"\nfrom = 2027-01-25', "running.overrides[1].from: "),
    ],
)
def test_a_dated_change_at_the_end_of_time_is_one_error_line(
    tmp_path: Path, old: str, field: str
) -> None:
    profile = edited(tmp_path, PRIYA, old, old.replace("from = 20", "from = 99"))
    assert field in one_error(run_cli("plan", str(profile)), RANGE)


def test_the_last_plannable_dates_plan_and_export_to_the_calendar_and_the_watch(
    tmp_path: Path,
) -> None:
    """A 104-week plan from the last start runstrong plans reaches 2101: it plans, and its
    calendar and watch files are written (the FIT clock runs to 2126)."""
    profile = edited(tmp_path, ALEX, "date = 2027-04-18", "date = 2099-12-31")
    profile = edited(
        tmp_path, profile, "start = 2026-12-07", "start = 2099-12-28\nweeks = 104", "late.toml"
    )
    saved = tmp_path / "plan.json"
    done = run_cli("--today", "2099-12-28", "plan", str(profile), "-o", str(saved))
    assert done.returncode == 0, done.stderr
    assert json.loads(saved.read_text("utf-8"))["end"] > "2101-12-01"
    ics = run_cli("--today", "2099-12-28", "export", "ics", str(saved), "-o", f"{tmp_path}/p.ics")
    assert ics.returncode == 0, ics.stderr
    assert "DTSTART;TZID=Europe/London:2101" in (tmp_path / "p.ics").read_text("utf-8")
    fit = run_cli("--today", "2099-12-28", "export", "fit", str(saved), "-o", f"{tmp_path}/fit")
    assert fit.returncode == 0, fit.stderr
    assert len(list((tmp_path / "fit").glob("*.fit"))) > 100


@pytest.mark.parametrize("option", ["--today", "--start"])
@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "2100-01-01"])
def test_a_date_option_outside_the_range_is_one_error_line(option: str, value: str) -> None:
    args = [option, value, "plan", str(ALEX)] if option == "--today" else ["plan", str(ALEX)]
    if option == "--start":
        args += [option, value]
    line = one_error(run_cli(*args), RANGE)
    assert line.startswith(f"error: {option}: ")


def test_today_near_the_end_of_time_without_a_start_is_one_error_line(tmp_path: Path) -> None:
    """No plan.start: the plan begins the Monday after --today, which is past the range."""
    profile = edited(tmp_path, EXAMPLES / "kim-no-race.toml", "start = ", "# start = ")
    done = run_cli("--today", "2099-12-31", "plan", str(profile))
    one_error(done, "the plan would start on 2100-01-04, after 2099-12-31")
    assert "set plan.start or --start" in done.stderr


def test_a_saved_plan_edited_to_the_end_of_time_is_one_error_line(tmp_path: Path) -> None:
    saved = tmp_path / "plan.json"
    assert run_cli("plan", str(ALEX), "--format", "json", "-o", str(saved)).returncode == 0
    text = saved.read_text("utf-8").replace('"start": "2026-12-07"', '"start": "9999-12-27"', 1)
    saved.write_text(text, "utf-8")
    for command, out in ((["export", "ics"], "p.ics"), (["export", "fit"], "fit")):
        line = one_error(run_cli(*command, str(saved), "-o", str(tmp_path / out)), "2102-12-31")
        assert line.startswith(f"error: {saved}: start: ")


def test_a_workout_dated_in_year_one_is_one_error_line(tmp_path: Path) -> None:
    workout = edited(
        tmp_path, WORKOUT, 'name = "The founding workout"', 'name = "W"\ndate = 0001-01-01'
    )
    one_error(run_cli("heatmap", str(workout), "-o", str(tmp_path / "w.svg")), RANGE)


# -- times are local wall-clock times -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ('"18:00+02:00"', "without an offset"),
        ('"07:00Z"', "without an offset"),
        ("64800", 'should be a local time like "18:00" (got 64800)'),
        ("1979-05-27T07:32:00Z", 'should be a local time like "18:00"'),
        ("2026-12-07", 'should be a local time like "18:00"'),
        ("true", 'should be a local time like "18:00"'),
    ],
)
def test_a_time_with_an_offset_or_as_a_number_is_one_error_line(
    tmp_path: Path, value: str, says: str
) -> None:
    profile = edited(tmp_path, ALEX, 'preferred_time = "18:00"', f"preferred_time = {value}")
    line = one_error(run_cli("plan", str(profile)), says)
    assert "availability.preferred_time: " in line


def test_a_run_time_with_an_offset_is_one_error_line(tmp_path: Path) -> None:
    profile = edited(
        tmp_path, ALEX, 'minutes = 40, time = "07:00"', 'minutes = 40, time = "07:00Z"'
    )
    line = one_error(run_cli("plan", str(profile)), "without an offset")
    assert "running.week[1].time: " in line


def test_a_toml_local_time_is_a_time(tmp_path: Path) -> None:
    profile = edited(tmp_path, ALEX, 'preferred_time = "18:00"', "preferred_time = 17:30:00")
    done = run_cli("plan", str(profile), "--format", "json", "--weeks", "1")
    assert done.returncode == 0, done.stderr
    times = {s["time"] for w in json.loads(done.stdout)["weeks"] for s in w["sessions"]}
    assert "17:30" in times


# -- nesting --------------------------------------------------------------------------------


def deep_toml(depth: int) -> str:
    return ALEX.read_text("utf-8") + "\n[extra]\nvalue = " + "[" * depth + "]" * depth + "\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("arrays.toml", deep_toml(500)),
        ("unclosed.toml", deep_toml(500).rstrip("]\n")),
        ("tables.toml", ALEX.read_text("utf-8") + "\nx = " + "{a = " * 300 + "1" + "}" * 300),
        (
            "dotted.toml",
            ALEX.read_text("utf-8")
            + "\n[rules]\nmin_hours_run_to_strength"
            + ".a" * 3000
            + " = 1\n",
        ),
        ("arrays.json", '{"athlete": ' + "[" * 1000 + "]" * 1000 + "}"),
        ("unclosed.json", '{"athlete": ' + "[" * 5000),
        ("objects.json", '{"a": ' * 2000 + "1" + "}" * 2000),
    ],
)
def test_nesting_deeper_than_64_is_one_error_line(tmp_path: Path, name: str, text: str) -> None:
    profile = tmp_path / name
    profile.write_text(text, "utf-8")
    line = one_error(run_cli("plan", str(profile)), "nests arrays or tables more than 64 deep")
    assert line.startswith(f"error: {profile}: ")


def test_brackets_inside_strings_and_comments_do_not_count_as_nesting(tmp_path: Path) -> None:
    brackets = "[" * 100 + "{" * 100
    text = ALEX.read_text("utf-8").replace(
        'name = "Alex"', f'name = "Alex"  # {brackets}\n# {brackets}'
    )
    text = text.replace('name = "Spring Marathon"', 'name = """Spring [[[ {{{ Marathon"""')
    profile = tmp_path / "alex.toml"
    profile.write_text(text, "utf-8")
    done = run_cli("plan", str(profile), "--weeks", "1")
    assert done.returncode == 0, done.stderr


def test_an_exercise_file_nested_too_deep_is_one_line_for_that_file(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "deep.toml").write_text("x = " + "[" * 400 + "]" * 400 + "\n", "utf-8")
    done = run_cli("library", "validate", str(folder))
    one_error(done, f"{folder / 'deep.toml'}: nests arrays or tables more than 64 deep")


# -- errors stay short ----------------------------------------------------------------------


def test_thousands_of_problems_are_ten_lines_and_a_count(tmp_path: Path) -> None:
    runs = '{ day = "mon", type = "easy" },' * 3000
    profile = edited(tmp_path, ALEX, "week = [", f"week = [{runs}")
    lines = error_lines(run_cli("plan", str(profile)))
    assert len(lines) == 11
    assert lines[-1] == f"error: {profile}: and 2,989 more"


def test_a_long_value_or_key_is_echoed_cut_to_80_characters(tmp_path: Path) -> None:
    profile = edited(
        tmp_path, ALEX, 'strength_level = "intermediate"', f'strength_level = "{"x" * 500_000}"'
    )
    profile = edited(tmp_path, profile, "[athlete]", f"[athlete]\n{'k' * 5000} = 1")
    lines = error_lines(run_cli("plan", str(profile)))
    assert len(lines) == 2
    assert all(len(line) < 400 for line in lines), lines
    assert "(500,002 characters)" in lines[1] or "(500,002 characters)" in lines[0]


# -- standard input -------------------------------------------------------------------------


def test_a_profile_on_standard_input_plans() -> None:
    done = run_cli("plan", "-", "--format", "json", "--weeks", "2", stdin=ALEX.read_text("utf-8"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["athlete"]["name"] == "Alex"


def test_a_saved_plan_on_standard_input_exports(tmp_path: Path) -> None:
    saved = run_cli("plan", str(ALEX), "--format", "json", "--weeks", "3")
    done = run_cli("export", "ics", "-", "-o", str(tmp_path / "p.ics"), stdin=saved.stdout)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "p.ics").read_text("utf-8").startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    ("stdin", "says"),
    [
        ("", "error: stdin: is empty"),
        ("schema_version = 1\n", "error: stdin: athlete: missing"),
        ("{" * 3000, "error: stdin: nests arrays or tables more than 64 deep"),
    ],
)
def test_bad_standard_input_is_named_stdin(stdin: str, says: str) -> None:
    lines = error_lines(run_cli("plan", "-", stdin=stdin))
    assert lines[0].startswith(says), lines


def test_control_characters_in_keys_and_values_stay_on_one_line(tmp_path: Path) -> None:
    """A key or a slug holding a line break, a page break or a line separator is shown escaped:
    each problem is still one line."""
    profile = edited(
        tmp_path,
        ALEX,
        "[athlete]",
        '[athlete]\n"a\\rb" = 1\n"\\f" = 2\n"line\\u2028sep" = 3',
    )
    lines = error_lines(run_cli("plan", str(profile)))
    assert len(lines) == 3, lines
    assert "athlete.'a\\rb': unknown key" in lines[0]
    assert "athlete.'line\\u2028sep': unknown key" in lines[2]
    slug = edited(tmp_path, ALEX, "back_squat = 80", '"back\\nsquat" = 80', "slug.toml")
    line = one_error(run_cli("plan", str(slug)), "no exercise has the slug 'back\\nsquat'")
    assert "strength.one_rep_max_kg.'back\\nsquat'" in line


# -- found by an adversarial run of 2,800 inputs --------------------------------------------


def saved_plan(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    path = tmp_path / "plan.json"
    done = run_cli("plan", str(ALEX), "--format", "json", "--weeks", "2", "-o", str(path))
    assert done.returncode == 0, done.stderr
    return path, json.loads(path.read_text("utf-8"))


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("sets", 10_000_000, "exercises[1].sets: Input should be less than or equal to 10"),
        ("rest_s", 4_294_968, "exercises[1].rest_s: Input should be less than or equal to 600"),
        ("reps", 2**64, "exercises[1].reps: "),
    ],
)
def test_a_saved_plan_asking_for_an_impossible_dose_is_one_error_line(
    tmp_path: Path, field: str, value: int, says: str
) -> None:
    path, plan = saved_plan(tmp_path)
    exercise = plan["weeks"][0]["sessions"][0]["exercises"][0]  # type: ignore[index]
    exercise[field] = value
    exercise.update({"seconds": None, "contacts": None})
    if field == "reps":
        exercise.update({"rir": None, "percent_1rm": None})
    path.write_text(json.dumps(plan), "utf-8")
    one_error(run_cli("export", "fit", str(path), "-o", str(tmp_path / "fit")), says)
    assert not (tmp_path / "fit").exists()


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({}, "params do not fit the rule"),
        ({"replaced": []}, "params do not fit the rule"),
        ({f"k{i}": 1 for i in range(1000)}, "should have at most 30 items, not 1000"),
    ],
)
def test_a_saved_plan_reason_the_catalogue_cannot_word_is_one_error_line(
    tmp_path: Path, params: dict[str, object], says: str
) -> None:
    path, plan = saved_plan(tmp_path)
    reasons = plan["weeks"][0]["sessions"][0]["reasons"]  # type: ignore[index]
    reasons[0]["params"] = params
    path.write_text(json.dumps(plan), "utf-8")
    line = one_error(run_cli("export", "ics", str(path), "-o", str(tmp_path / "p.ics")), says)
    assert "weeks[1].sessions[1].reasons[1]" in line


def test_a_saved_plan_of_more_than_104_weeks_is_one_error_line(tmp_path: Path) -> None:
    path, plan = saved_plan(tmp_path)
    plan["weeks"] = plan["weeks"] * 53  # type: ignore[operator]
    path.write_text(json.dumps(plan), "utf-8")
    one_error(
        run_cli("export", "all", str(path), "-o", str(tmp_path / "out")),
        "weeks: should have at most 104 items, not 106",
    )


def test_a_long_session_title_gives_a_short_watch_file_name(tmp_path: Path) -> None:
    path, plan = saved_plan(tmp_path)
    plan["weeks"][0]["sessions"][0]["title"] = "Strength " + "x" * 400  # type: ignore[index]
    path.write_text(json.dumps(plan), "utf-8")
    done = run_cli("export", "fit", str(path), "-o", str(tmp_path / "fit"))
    assert done.returncode == 0, done.stderr
    assert max(len(p.name) for p in (tmp_path / "fit").iterdir()) <= 80


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (
            "[[niggles]]",
            '[[niggles]]\nsite = "achilles"\n[[niggles]]',
            "niggles: a site is listed twice",
        ),
        (
            "[plan]",
            "[rules]\naccessory_sets_light = 100000\n[plan]",
            "rules.accessory_sets_light: must be at most 10 (got 100000)",
        ),
        (
            "dumbbell_max_kg = 30",
            "dumbbell_max_kg = 1" + "0" * 4300,
            "holds a number of more than 4,300 digits",
        ),
    ],
)
def test_profiles_asking_for_unbounded_work_are_one_error_line(
    tmp_path: Path, old: str, new: str, says: str
) -> None:
    one_error(run_cli("plan", str(edited(tmp_path, ALEX, old, new))), says)


def test_more_than_60_races_is_one_error_line(tmp_path: Path) -> None:
    race = (
        '[[races]]\nname = "Parkrun {}"\ndate = 2027-03-{:02d}\ndistance = "5k"\npriority = "C"\n'
    )
    races = "".join(race.format(i, 1 + i % 28) for i in range(61))
    profile = edited(tmp_path, ALEX, "[[races]]", races + "[[races]]")
    one_error(run_cli("plan", str(profile)), "races: should have at most 60 items, not 62")


def test_a_workout_of_more_than_20_exercises_is_one_error_line(tmp_path: Path) -> None:
    items = '{ slug = "side_plank", sets = 1, seconds = 30 },\n' * 27
    workout = tmp_path / "w.toml"
    workout.write_text(
        f'schema_version = 1\n[workout]\nname = "w"\nexercises = [\n{items}]\n', "utf-8"
    )
    one_error(
        run_cli("export", "csv", str(workout)),
        "workout.exercises: should have at most 20 items, not 27",
    )


def test_library_validate_of_a_folder_without_exercise_files_says_so(tmp_path: Path) -> None:
    one_error(run_cli("library", "validate", str(tmp_path)), "holds no exercise files")
