"""Using the command line wrongly: the usage and one clear message, exit code 2, no traceback;
and every help text reads well."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from builders import EXAMPLES, run_cli

ALEX = str(EXAMPLES / "alex-marathon.toml")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, columns=120)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan"], "Missing argument 'PROFILE'"),
        (["frobnicate"], "No such command 'frobnicate'"),
        (["export", "pdf", ALEX], "Missing option '-o'"),
        (["plan", ALEX, "--wekks", "3"], "No such option '--wekks'"),
        (["plan", ALEX, "--weeks", "0"], "'--weeks'"),
        (["plan", ALEX, "--format", "pdf"], "'pdf' is not one of"),
        (["balance", ALEX, "--week", "0"], "'--week'"),
        (["export", "ics", ALEX, "--alarm", "-5"], "'--alarm'"),
        (["library", "list", "--equipment", "kettlebel"], "'kettlebel' is not one of"),
    ],
    ids=lambda v: " ".join(v).replace(ALEX, "PROFILE") if isinstance(v, list) else None,
)
def test_a_usage_mistake_is_the_usage_and_one_message_with_exit_2(
    args: list[str], message: str
) -> None:
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "Usage: runstrong" in result.stderr
    assert message in result.stderr
    assert result.stdout == ""


def test_a_file_given_as_the_fit_output_folder_is_a_usage_error(tmp_path: Path) -> None:
    existing = tmp_path / "watch"
    existing.write_bytes(b"")
    result = run("export", "fit", ALEX, "-o", str(existing))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "is a file" in result.stderr


@pytest.mark.parametrize(
    "args", [[], ["export"], ["library"]], ids=["runstrong", "export", "library"]
)
def test_a_command_group_alone_prints_its_help_and_exits_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Usage: runstrong" in result.stdout
    assert "Commands" in result.stdout


def test_debug_after_the_command_shows_the_traceback() -> None:
    result = run("plan", "nobody.toml", "--debug")
    assert "Traceback" in result.stderr
    assert "nobody.toml: cannot be read" in result.stderr


def test_without_debug_the_same_mistake_is_one_error_line() -> None:
    result = run("plan", "nobody.toml")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: nobody.toml: cannot be read (No such file or directory)"
    ]


def test_debug_before_the_command_still_runs_the_command() -> None:
    result = run("--debug", "rules", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.lstrip().startswith("[")


COMMANDS = [
    ["plan"], ["rules"], ["heatmap"], ["balance"],
    ["library"], ["library", "list"], ["library", "show"], ["library", "validate"],
    ["export"], ["export", "json"], ["export", "csv"], ["export", "ics"], ["export", "html"],
    ["export", "pdf"], ["export", "fit"], ["export", "all"],
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_help_text_has_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert f"Example: runstrong {command[0]}" in result.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_options_name_their_values_by_what_they_are_not_by_python_types(
    command: list[str],
) -> None:
    options = run(*command, "--help").stdout.partition("Options")[2]
    for python_type in ("<str>", "<list[Path]>", "<path>", "<int range>", "<int>"):
        assert python_type not in options


def test_the_rules_help_shows_the_rules_table_name() -> None:
    assert "in a profile's [rules] table" in run("rules", "--help").stdout


def test_the_rules_table_says_on_and_off_for_switches() -> None:
    result = run("rules")
    assert result.returncode == 0, result.stderr
    switch = next(line for line in result.stdout.splitlines() if "superset_accessories" in line)
    assert " on " in switch or " off " in switch
    assert "True" not in result.stdout
    assert "False" not in result.stdout


def test_the_rules_table_keeps_each_rule_on_one_line_where_it_fits() -> None:
    result = run_cli("rules", columns=140)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if "peak_weeks" in line)
    assert "weeks of peak before taper" in line
    assert "bazyler2015 (D)" in line


def test_the_rules_on_a_narrow_terminal_are_a_list_with_whole_names() -> None:
    """At 80 columns a four-column table would cut the rule names; each rule gets its own lines,
    its name and default first, then what it is, indented, with no line wider than the terminal."""
    result = run_cli("rules", columns=80)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert all(line == line.rstrip() for line in lines)
    at = lines.index("penalty_day_before_key_run_points = 36  runstrong_heuristic")
    assert lines[at + 1].startswith("    penalty points (dimensionless): a heavy session")
    assert "min_loading_weeks_before_deload = 2  runstrong_heuristic" in lines


def test_rules_piped_to_a_file_get_the_wide_table() -> None:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    result = subprocess.run(
        [sys.executable, "-m", "runstrong", "rules"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert "┃ name" in result.stdout  # a table, 120 columns wide
    assert max(len(line) for line in result.stdout.splitlines()) == 120
