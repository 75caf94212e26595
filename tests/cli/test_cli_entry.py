"""The command line's edges: --today, -o into devices, pipes and links, the format told by -o's
name, `plan` given a saved plan, and exercises found by name. Every bad input: one line, exit 2,
nothing written."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from builders import EXAMPLES, run_cli

ALEX = str(EXAMPLES / "alex-marathon.toml")
SAM = str(EXAMPLES / "sam-5k-beginner.toml")
WORKOUT = str(EXAMPLES / "workouts" / "founding-workout.toml")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env=env)


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


# -- --today --------------------------------------------------------------------------------------


def sam_without_a_start(folder: Path) -> str:
    text = Path(SAM).read_text("utf-8")
    path = folder / "sam.toml"
    path.write_text(text[: text.index("[plan]")], "utf-8")
    return str(path)


def test_today_sets_the_day_a_plan_without_a_start_begins_after(tmp_path: Path) -> None:
    sam = sam_without_a_start(tmp_path)
    result = run("--today", "2027-01-06", "plan", sam, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["start"] == "2027-01-11"  # the Monday after
    later = run("--today", "2027-01-13", "plan", sam, "--format", "json")
    assert json.loads(later.stdout)["start"] == "2027-01-18"


@pytest.mark.parametrize(
    "where", ["before", "after", "equals"], ids=["before the command", "after it", "--today=DATE"]
)
def test_today_is_taken_before_or_after_the_command(tmp_path: Path, where: str) -> None:
    sam = sam_without_a_start(tmp_path)
    command = ["plan", sam, "--format", "json"]
    args = {
        "before": ["--today", "2027-01-06", *command],
        "after": [*command, "--today", "2027-01-06"],
        "equals": [*command[:2], "--today=2027-01-06", *command[2:]],
    }[where]
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["start"] == "2027-01-11"


def test_today_after_a_double_dash_is_left_alone() -> None:
    from runstrong.cli.errors import today_first

    assert today_first(["plan", "p.toml", "--today", "2027-01-06", "--", "--today", "x"]) == [
        "--today",
        "2027-01-06",
        "plan",
        "p.toml",
        "--",
        "--today",
        "x",
    ]


def test_today_fixes_the_calendars_time_stamp(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    result = run("--today", "2027-01-06", "export", "ics", SAM, "-o", str(out))
    assert result.returncode == 0, result.stderr
    stamps = {line for line in out.read_text("utf-8").splitlines() if line.startswith("DTSTAMP")}
    assert stamps == {"DTSTAMP:20270106T000000Z"}


def test_two_runs_on_the_same_today_write_the_same_bytes(tmp_path: Path) -> None:
    for name in ("a", "b"):
        result = run("--today", "2027-01-06", "export", "all", SAM, "-o", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
    for path in sorted((tmp_path / "a").rglob("*.*")):
        if path.suffix != ".pdf":  # the PDF's fonts are the machine's: same machine, same bytes
            assert (
                path.read_bytes()
                == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()
            )


def test_a_bad_today_is_one_line_naming_the_option(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    line = one_error_line(run("--today", "6 Jan 2027", "plan", SAM, "-o", str(out)))
    assert line == "error: --today: '6 Jan 2027' is not a date like 2026-12-07"
    assert not out.exists()


# -- -o into what is not a regular file -----------------------------------------------------------


def test_a_named_pipe_given_to_o_is_written_into_and_stays_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run("plan", ALEX, "--weeks", "2", "--format", "json", "-o", str(fifo))
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(received[0])["start"] == "2026-12-07"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary file left


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_character_device_given_to_o_stays_a_device(tmp_path: Path) -> None:
    """As /dev/null: runstrong plan X -o /dev/null once turned it into a regular file."""
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    result = run("plan", ALEX, "--weeks", "2", "-o", str(null))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert os.major(null.lstat().st_rdev) == 1
    result = run("export", "json", ALEX, "-o", str(null))
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr  # a device has no file name ending to check
    assert stat.S_ISCHR(null.lstat().st_mode)


def test_a_symbolic_link_given_to_o_stays_a_link_and_its_file_gets_the_output(
    tmp_path: Path,
) -> None:
    target = tmp_path / "real" / "plan.md"
    target.parent.mkdir()
    target.write_text("old", "utf-8")
    link = tmp_path / "plan.md"
    link.symlink_to(target)
    result = run("plan", ALEX, "--weeks", "2", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert link.readlink() == target
    assert target.read_text("utf-8").startswith("# Strength plan for Alex")
    assert sorted(p.name for p in target.parent.iterdir()) == ["plan.md"]


def test_a_link_to_a_file_not_there_yet_makes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    link = tmp_path / "plan.json"
    link.symlink_to(target)
    result = run("plan", ALEX, "--weeks", "2", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert json.loads(target.read_text("utf-8"))["start"] == "2026-12-07"


# -- the format from -o's name --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("plan.json", "{"),
        ("plan.md", "# Strength plan for Alex"),
        ("plan.MARKDOWN", "# Strength plan for Alex"),
        ("plan.txt", "Strength plan for Alex"),
    ],
)
def test_plan_takes_its_format_from_the_output_name(tmp_path: Path, name: str, starts: str) -> None:
    out = tmp_path / name
    result = run("plan", ALEX, "--weeks", "2", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text("utf-8").startswith(starts)


def test_an_explicit_format_beats_the_output_name(tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    result = run("plan", ALEX, "--weeks", "2", "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text("utf-8"))["start"] == "2026-12-07"


@pytest.mark.parametrize(
    ("args", "choices"),
    [
        (["plan", ALEX], ".json, .md, .markdown, .txt, or give --format table|json|markdown"),
        (["rules"], ".json, .txt, or give --format table|json"),
        (["library", "list"], ".json, .txt, or give --format table|json"),
        (["library", "show", "side_plank"], ".json, .txt, or give --format table|json"),
        (["balance", ALEX], ".json, .txt, or give --format table|json"),
    ],
    ids=["plan", "rules", "library list", "library show", "balance"],
)
@pytest.mark.parametrize("name", ["out.pdf", "out", "out.md"])
def test_an_output_name_that_tells_no_format_is_one_line_naming_the_choices(
    tmp_path: Path, args: list[str], choices: str, name: str
) -> None:
    if name == "out.md" and args[0] == "plan":
        return  # markdown is a plan's format
    out = tmp_path / "sub" / name
    line = one_error_line(run(*args, "-o", str(out)))
    assert line == f"error: {out}: cannot tell the format from the file name: end it in {choices}"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [["rules"], ["library", "list"], ["library", "show", "side_plank"], ["balance", ALEX]],
    ids=["rules", "library list", "library show", "balance"],
)
def test_tables_and_json_go_to_the_file_o_names(tmp_path: Path, args: list[str]) -> None:
    as_json, as_table = tmp_path / "out.json", tmp_path / "out.txt"
    assert run(*args, "-o", str(as_json)).returncode == 0
    assert run(*args, "-o", str(as_table)).returncode == 0
    on_stdout = run(*args, "--format", "json")
    assert json.loads(as_json.read_text("utf-8")) == json.loads(on_stdout.stdout)
    table = as_table.read_text("utf-8")
    assert "\x1b[" not in table  # plain text, no terminal colours
    assert max(len(line) for line in table.splitlines()) <= 120


# -- plan given what is not a profile -------------------------------------------------------------


def test_plan_given_a_saved_plan_says_to_use_export_and_writes_nothing(tmp_path: Path) -> None:
    saved = tmp_path / "saved.json"
    assert run("plan", ALEX, "--weeks", "2", "-o", str(saved)).returncode == 0
    out = tmp_path / "again.md"
    line = one_error_line(run("plan", str(saved), "-o", str(out)))
    assert line.startswith(f"error: {saved}: is a saved plan, not a profile")
    assert "runstrong export" in line
    assert not out.exists()


def test_plan_given_a_workout_says_what_reads_it() -> None:
    line = one_error_line(run("plan", WORKOUT))
    assert line.startswith(f"error: {WORKOUT}: is a workout file, not a profile")
    assert "runstrong heatmap" in line


# -- library show by name -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["bulgarian_split_squat", "bulgarian-split-squat", "Bulgarian split squat"]
)
def test_library_show_takes_a_slug_with_hyphens_or_the_display_name(name: str) -> None:
    result = run("library", "show", name, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["slug"] == "bulgarian_split_squat"


def test_library_show_of_a_misspelt_name_suggests_the_nearest_exercise(tmp_path: Path) -> None:
    out = tmp_path / "ex.json"
    line = one_error_line(run("library", "show", "bulgarian split sqat", "-o", str(out)))
    assert line == (
        "error: library: slug: no exercise 'bulgarian split sqat'; did you mean "
        "bulgarian_split_squat (Bulgarian split squat)? (see: runstrong library list)"
    )
    assert not out.exists()
