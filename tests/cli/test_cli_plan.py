"""`runstrong plan` end to end: formats, files, and errors as one line with exit code 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from builders import EXAMPLES, ROOT, run_cli
from runstrong.domain.messages import RuleId, reason
from runstrong.render import messages

ALEX = str(EXAMPLES / "alex-marathon.toml")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd)


def test_plan_json_is_versioned_and_has_the_documented_fields() -> None:
    result = run("plan", ALEX, "--format", "json")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["schema_version"] == 2
    assert {"id", "version"} <= set(plan)
    week = plan["weeks"][0]
    assert {"index", "start", "phase", "deload", "goal", "notes", "sessions"} <= set(week)
    session = week["sessions"][0]
    assert {
        "id", "date", "weekday", "time", "title", "after_run", "lower_body_load", "plyo_contacts",
        "est_minutes", "reasons", "warnings", "exercises",
    } <= set(session)  # fmt: skip
    exercise = session["exercises"][0]
    assert {
        "id", "slug", "name", "sets", "reps", "seconds", "contacts", "per_side", "rir",
        "percent_1rm", "load_kg", "rest_s", "tempo", "why", "citations", "load_note", "notes",
    } <= set(exercise)  # fmt: skip
    assert isinstance(plan["warnings"], list)
    # every reason, warning and note: its rule id, sources and parameters, and its words
    for record in (*plan["warnings"], *session["reasons"], *session["warnings"]):
        assert set(record) == {"rule", "citations", "params", "text"}
        assert isinstance(record["params"], dict)
    assert session["reasons"]


def test_the_json_plan_is_byte_identical_across_runs() -> None:
    first = run("plan", ALEX, "--format", "json").stdout
    second = run("plan", ALEX, "--format", "json").stdout
    assert first == second


def test_plan_table_reads_as_a_calendar() -> None:
    result = run("plan", ALEX, "--weeks", "3")
    assert result.returncode == 0, result.stderr
    assert "Week 1" in result.stdout
    assert "Goblet squat" in result.stdout or "squat" in result.stdout.lower()


def test_plan_markdown_writes_a_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    result = run("plan", ALEX, "--format", "markdown", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text("utf-8")
    assert text.startswith("# Strength plan for Alex")
    assert "## Week 1" in text


def test_start_and_weeks_options_shape_the_plan() -> None:
    result = run("plan", ALEX, "--format", "json", "--start", "2027-01-04", "--weeks", "5")
    plan = json.loads(result.stdout)
    assert plan["start"] == "2027-01-04"
    assert len(plan["weeks"]) == 5


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            'schema_version = 1\n[athlete]\nname = "A"\nstrength_level = "expert"\n',
            "athlete.strength_level",
        ),
        ("schema_version = 2\n", "schema_version"),
        ("not toml at all [", "is not valid TOML"),
    ],
)
def test_a_bad_profile_is_one_line_exit_2_and_nothing_written(
    tmp_path: Path, content: str, expected: str
) -> None:
    profile = tmp_path / "bad.toml"
    profile.write_text(content, "utf-8")
    for out in (tmp_path / "plan.json", tmp_path / "new" / "deeper" / "plan.json"):
        result = run("plan", str(profile), "--format", "json", "-o", str(out))
        assert result.returncode == 2
        assert expected in result.stderr
        assert "Traceback" not in result.stderr
        assert all(line.startswith("error: ") for line in result.stderr.strip().splitlines())
    assert list(tmp_path.iterdir()) == [profile]


def test_a_race_before_the_start_option_blames_the_option() -> None:
    result = run("plan", ALEX, "--start", "2027-06-07")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: --start: 2027-06-07 is after the race Spring Marathon on 2027-04-18 "
        f"({ALEX}: races[1].date); start on or before it"
    )


def test_values_that_differ_only_in_case_make_the_same_plan(tmp_path: Path) -> None:
    text = Path(ALEX).read_text("utf-8")
    slips = [
        ('strength_level = "intermediate"', 'strength_level = "Intermediate"'),
        ('"mon", "tue", "thu", "sat"]', '"Mon", "TUE", "thu", "Sat"]'),
        ('type = "tempo"', 'type = "Tempo"'),
        ('distance = "marathon"', 'distance = "MARATHON"'),
        ('priority = "A"', 'priority = "a"'),
        ('"stability_ball"', '"Stability_Ball"'),
        ('site = "achilles"', 'site = "Achilles"'),
        ('severity = "mild"', 'severity = "Mild"'),
    ]
    for old, new in slips:
        assert old in text, old
        text = text.replace(old, new)
    slipped = tmp_path / "alex.toml"
    slipped.write_text(text, "utf-8")
    result = run("plan", str(slipped), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout == run("plan", ALEX, "--format", "json").stdout


def test_missing_output_folders_are_made_like_mkdir_p(tmp_path: Path) -> None:
    target = tmp_path / "some" / "new" / "dir" / "plan.json"
    result = run("plan", ALEX, "--format", "json", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text("utf-8"))["weeks"]


def test_an_output_folder_that_cannot_be_made_is_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_bytes(b"")
    target = tmp_path / "blocker" / "new" / "plan.json"
    result = run("plan", ALEX, "--format", "json", "-o", str(target))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {target.parent}: cannot create the folder: {tmp_path / 'blocker'} is a file, "
        "not a folder"
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["blocker"]


def test_a_missing_profile_is_one_line_exit_2(tmp_path: Path) -> None:
    result = run("plan", str(tmp_path / "nobody.toml"))
    assert result.returncode == 2
    assert "nobody.toml" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_piped_plan_table_is_not_squeezed_into_80_columns() -> None:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    piped = subprocess.run(
        [sys.executable, "-m", "runstrong", "plan", ALEX, "--weeks", "1"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert max(len(line) for line in piped.stdout.splitlines()) == 120
    narrow = run_cli("plan", ALEX, "--weeks", "1", columns=90)  # COLUMNS still rules
    assert max(len(line) for line in narrow.stdout.splitlines()) == 90


def test_a_load_capped_by_the_barbell_says_so_in_the_markdown_plan(tmp_path: Path) -> None:
    """Marco's 160 kg deadlift with a barbell loaded to 140 kg at most: his heaviest deadlifts
    (3 reps at 90%, 144 kg: 5 x 3 in base, 3 x 3 in build) are capped, and the dose line says
    what share of his max the load really is; lighter ones are not."""
    text = (EXAMPLES / "marco-marathon-gym.toml").read_text("utf-8")
    profile = tmp_path / "marco.toml"
    profile.write_text(text.replace("[equipment]\n", "[equipment]\nbarbell_max_kg = 140\n"))
    result = run("plan", str(profile), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    deadlifts = [line for line in result.stdout.splitlines() if "| Deadlift |" in line]
    capped_at = reason(
        RuleId.LOAD_CAPPED,
        kit="barbell",
        held=1,
        load_kg=140.0,
        share=88,  # 140 of 160 kg
        advice="more_in_reserve",
    )
    capped = [line for line in deadlifts if f"({messages.text(capped_at)})" in line]
    assert capped
    # 5 x 3 at the top of the base wave, 3 x 3 in build: 3 reps at 90%, capped at 140 kg
    assert all(" × 3 @ 140 kg, 90% 1RM" in line for line in capped)
    assert {"5 × 3 @ 140 kg", "3 × 3 @ 140 kg"} <= {line.split(", 90%")[0][-14:] for line in capped}
    assert len(capped) == sum("90% 1RM" in line for line in deadlifts)
    # the plan's records: the 90% deadlifts carry the cap, the lighter ones no load note
    saved = json.loads(run("plan", str(profile), "--format", "json").stdout)
    notes = [
        (x["percent_1rm"], x["load_note"])
        for week in saved["weeks"]
        for session in week["sessions"]
        for x in session["exercises"]
        if x["slug"] == "deadlift"
    ]
    assert {p for p, note in notes if note is not None} == {90}
    assert all(
        note["rule"] == str(RuleId.LOAD_CAPPED) and note["params"]["share"] == 88
        for p, note in notes
        if note is not None
    )
    assert all("capped" not in line for line in deadlifts if "90% 1RM" not in line)


def with_rules(tmp_path: Path, table: str) -> Path:
    profile = tmp_path / "alex.toml"
    profile.write_text(Path(ALEX).read_text("utf-8") + "\n[rules]\n" + table, "utf-8")
    return profile


def test_a_profile_sets_the_calf_tempo_by_its_rule_name(tmp_path: Path) -> None:
    default = json.loads(run("plan", ALEX, "--format", "json", "--weeks", "2").stdout)
    profile = with_rules(tmp_path, "calf_lowering_seconds = 4\n")
    result = run("plan", str(profile), "--format", "json", "--weeks", "2")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)

    def calf_tempos(p: dict[str, Any]) -> set[str]:
        return {
            e["tempo"]
            for w in p["weeks"]
            for s in w["sessions"]
            for e in s["exercises"]
            if e["role"] == "calf" and e["tempo"]
        }

    assert "3-0-3-0" in calf_tempos(default)  # an exercise's own tempo stays its own
    assert calf_tempos(plan) == calf_tempos(default) - {"3-0-3-0"} | {"4-0-3-0"}


def test_a_dose_rule_outside_its_limits_is_one_line_exit_2(tmp_path: Path) -> None:
    profile = with_rules(tmp_path, "calf_lowering_seconds = 12\nscore_loaded_points = -1\n")
    result = run("plan", str(profile))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: {profile}: rules.calf_lowering_seconds: must be at most 9 (got 12)",
        f"error: {profile}: rules.score_loaded_points: must not be negative (got -1)",
    ]


def test_the_rules_command_lists_the_selection_weights_and_dose_numbers() -> None:
    listed = {r["name"]: r for r in json.loads(run("rules", "--format", "json").stdout)}
    assert listed["score_primary_pattern_points"]["default"] == 3.0
    assert listed["score_main_known_max_points"]["default"] == 4.0
    assert listed["plyo_rest_seconds"]["default"] == 90
    assert listed["plyo_rest_seconds"]["cite"] == "nsca2016"
    assert listed["calf_lowering_seconds"]["most"] == 9


PRIYA = str(EXAMPLES / "priya-half-home.toml")


def test_a_profiles_dated_changes_show_in_the_plan() -> None:
    """Priya's profile: no strength over Christmas (24-27 Dec), and a ski trip (25-31 Jan)
    with two easy runs and the hotel gym on Saturday only."""
    result = run("plan", PRIYA, "--format", "json")
    assert result.returncode == 0, result.stderr
    weeks = {w["start"]: w for w in json.loads(result.stdout)["weeks"]}
    christmas = weeks["2026-12-21"]
    assert [s["date"] for s in christmas["sessions"]] == ["2026-12-21", "2026-12-23"]
    [note] = [n for n in christmas["notes"] if n["rule"] == "dated_change"]
    assert note["params"] == {
        "kind": "no_strength",
        "first_date": "2026-12-24",
        "last_date": "2026-12-27",
        "label": "Christmas with family",
        "days": [],
    }
    ski = weeks["2027-01-25"]
    assert [s["date"] for s in ski["sessions"]] == ["2027-01-30"]
    assert ski["sessions"][0]["warnings"] == []  # no long run on the Sunday of the trip
    assert {"rule": "sessions_exception", "count": 1, "planned": 2} in [
        {"rule": n["rule"], **n["params"]} for n in ski["notes"]
    ]


def test_a_bad_dated_change_is_one_line_exit_2_and_nothing_written(tmp_path: Path) -> None:
    text = Path(PRIYA).read_text("utf-8").replace("to = 2027-01-31\nruns", "to = 2027-01-21\nruns")
    profile = tmp_path / "priya.toml"
    profile.write_text(text, "utf-8")
    out = tmp_path / "plan.json"
    result = run("plan", str(profile), "--format", "json", "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {profile}: running.overrides[1].to: 2027-01-21 is before from (2027-01-25)"
    ]
    assert not out.exists()


@pytest.mark.parametrize("race_day", ["2027-05-03", "2027-05-05", "2027-05-09"])
def test_a_race_in_the_first_week_plans_a_race_week_then_recovery(
    tmp_path: Path, race_day: str
) -> None:
    """Alex's marathon moved into the first week of a plan starting Monday 3 May: on the
    start day, on day 3 and on day 7."""
    text = Path(ALEX).read_text("utf-8")
    text = text.replace("date = 2027-04-18", f"date = {race_day}")
    text = text.replace("start = 2026-12-07", "start = 2027-05-03")
    profile = tmp_path / "alex.toml"
    profile.write_text(text, "utf-8")
    result = run("plan", str(profile), "--format", "json")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert [w["phase"] for w in plan["weeks"]] == ["taper", "recovery", "recovery"]
    for s in plan["weeks"][0]["sessions"]:
        if s["date"] < race_day:
            assert s["title"] == "Activation: light and crisp"
        else:
            assert s["title"] == "Recovery: light strength"


def test_a_race_before_the_start_in_the_first_week_stays_an_error(tmp_path: Path) -> None:
    text = Path(ALEX).read_text("utf-8").replace("start = 2026-12-07", "start = 2027-04-19")
    text = text.replace("date = 2027-04-18", "date = 2027-04-20").replace(
        "start = 2027-04-19", "start = 2027-04-21"
    )
    profile = tmp_path / "alex.toml"
    profile.write_text(text, "utf-8")
    result = run("plan", str(profile))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"error: {profile}: races[1].date: 2027-04-20 (Spring Marathon) is before the plan "
        "start 2027-04-21"
    )
