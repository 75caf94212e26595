"""Only regular files are read as input, and never more than their kind allows: a folder, a
named pipe with no writer, a device or a link to one, or a file too large, is one error line
with exit 2, at once (issue 13's unbounded reads)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from builders import EXAMPLES, run_cli

ALEX = EXAMPLES / "alex-marathon.toml"


def one_error(done: subprocess.CompletedProcess[str], where: Path, says: str) -> None:
    assert done.returncode == 2
    err = done.stderr
    assert err.count("\n") == 1, err
    assert err.startswith(f"error: {where}: "), err
    assert says in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [["plan"], ["export", "csv"], ["heatmap"], ["balance"]])
def test_a_folder_given_as_the_profile_is_one_error_line(
    tmp_path: Path, command: list[str]
) -> None:
    args = [*command, str(tmp_path)]
    if command == ["heatmap"]:
        args += ["-o", str(tmp_path / "map.svg")]
    one_error(run_cli(*args), tmp_path, "is a folder, not a file to read")


def test_a_named_pipe_with_no_writer_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "profile.toml"
    os.mkfifo(pipe)
    one_error(run_cli("plan", str(pipe)), pipe, "is a named pipe, not a file to read")


def test_a_link_to_an_endless_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    link = tmp_path / "profile.toml"
    link.symlink_to("/dev/zero")
    one_error(run_cli("plan", str(link)), link, "is a device, not a file to read")


def test_a_profile_larger_than_a_megabyte_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(ALEX.read_bytes() + b"\n# " + b"x" * 1_000_000 + b"\n")
    one_error(run_cli("plan", str(big)), big, "more than 1 MB")


def test_a_profile_in_json_larger_than_a_megabyte_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_text('{"athlete": {"name": "' + "x" * 1_200_000 + '"}}', "utf-8")
    one_error(run_cli("plan", str(big)), big, "is more than 1 MB for a profile")


def test_a_utf8_byte_order_mark_before_valid_toml_is_accepted(tmp_path: Path) -> None:
    marked = tmp_path / "alex.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + ALEX.read_bytes())
    done = run_cli("plan", str(marked), "--format", "json", "--weeks", "2")
    assert done.returncode == 0, done.stderr
    assert '"schema_version": 2' in done.stdout


def test_an_exercise_folder_holding_a_pipe_is_one_line_for_that_file(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    os.mkfifo(folder / "odd.toml")
    done = run_cli("library", "validate", str(folder))
    one_error(done, folder / "odd.toml", "is a named pipe, not a file to read")


@pytest.mark.parametrize(
    "zone",
    ["Europe", "Europe/", "x" * 256, "../../etc/passwd", "Europe/London/", "/etc/localtime", ""],
)
def test_a_time_zone_that_is_a_folder_a_path_or_too_long_is_one_error_line(
    tmp_path: Path, zone: str
) -> None:
    profile = tmp_path / "alex.toml"
    text = ALEX.read_text("utf-8").replace('timezone = "Europe/London"', f'timezone = "{zone}"')
    profile.write_text(text, "utf-8")
    done = run_cli("plan", str(profile))
    one_error(done, profile, "athlete.timezone: unknown time zone")
    assert "x" * 100 not in done.stderr  # a long value is shown cut, once


def test_a_saved_plan_with_an_unknown_time_zone_is_one_error_line(tmp_path: Path) -> None:
    saved = tmp_path / "plan.json"
    done = run_cli("plan", str(ALEX), "--format", "json", "-o", str(saved))
    assert done.returncode == 0, done.stderr
    saved.write_text(saved.read_text("utf-8").replace('"Europe/London"', '"Europe"'), "utf-8")
    one_error(run_cli("export", "ics", str(saved)), saved, "athlete.timezone: unknown time zone")
