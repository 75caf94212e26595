"""`runstrong export ...` end to end: real processes, real files, errors as one line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import icalendar
import pytest
from garmin_fit_sdk import Decoder, Stream

from builders import EXAMPLES, run_cli

ALEX = str(EXAMPLES / "alex-marathon.toml")
SAM = str(EXAMPLES / "sam-5k-beginner.toml")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)


def test_export_all_writes_every_format_and_says_where(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("export", "all", SAM, "-o", str(out))
    assert result.returncode == 0, result.stderr
    names = {p.name for p in out.iterdir()}
    assert names == {"plan.json", "plan.csv", "plan.ics", "plan.html", "plan.pdf", "fit"}
    plan = json.loads((out / "plan.json").read_text("utf-8"))
    sessions = sum(len(w["sessions"]) for w in plan["weeks"])
    assert len(list((out / "fit").glob("*.fit"))) == sessions + 1  # + schedule.fit
    assert (out / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert str(out / "plan.pdf") in result.stderr
    calendar = icalendar.Calendar.from_ical((out / "plan.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) >= sessions
    assert oct((out / "plan.json").stat().st_mode & 0o777) != oct(0o600)


def test_a_saved_plan_exports_the_same_watch_files_as_its_profile(tmp_path: Path) -> None:
    saved = tmp_path / "plan.json"
    assert run("plan", ALEX, "--format", "json", "-o", str(saved)).returncode == 0
    assert run("export", "fit", ALEX, "-o", str(tmp_path / "a")).returncode == 0
    assert run("export", "fit", str(saved), "-o", str(tmp_path / "b")).returncode == 0
    a = {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()}
    b = {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    assert a == b
    assert len(a) > 30


def test_the_saved_plan_round_trips_through_export_json(tmp_path: Path) -> None:
    saved = tmp_path / "plan.json"
    run("plan", ALEX, "--format", "json", "-o", str(saved))
    again = run("export", "json", str(saved))
    assert again.returncode == 0, again.stderr
    assert again.stdout == saved.read_text("utf-8")


def test_re_exporting_the_calendar_to_the_same_file_gives_identical_bytes(tmp_path: Path) -> None:
    ics = tmp_path / "plan.ics"
    assert run("export", "ics", ALEX, "-o", str(ics)).returncode == 0
    first = ics.read_bytes()
    assert run("export", "ics", ALEX, "-o", str(ics)).returncode == 0
    assert ics.read_bytes() == first


def test_csv_has_a_row_per_set(tmp_path: Path) -> None:
    result = run("export", "csv", SAM)
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.strip().splitlines()
    assert header.startswith("date,")
    assert len(rows) > 100


def test_export_all_makes_missing_output_folders_like_mkdir_p(tmp_path: Path) -> None:
    out = tmp_path / "out" / "NAME"
    result = run("export", "all", SAM, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "plan.json").is_file()
    assert any((out / "fit").glob("*.fit"))


def test_an_output_folder_that_cannot_be_made_is_one_line_and_writes_nothing(
    tmp_path: Path,
) -> None:
    (tmp_path / "blocker").write_bytes(b"")
    target = tmp_path / "blocker" / "deeper" / "out"
    for command in ("all", "fit"):
        result = run("export", command, SAM, "-o", str(target))
        assert result.returncode == 2
        assert result.stderr.strip().splitlines() == [
            f"error: {target}: cannot create the folder: {tmp_path / 'blocker'} is a file, "
            "not a folder"
        ]
    assert [p.name for p in tmp_path.iterdir()] == ["blocker"]


@pytest.mark.parametrize("out", ["out", "new/deeper/out"])
def test_a_bad_profile_field_stops_the_export_before_anything_is_written(
    tmp_path: Path, out: str
) -> None:
    profile = tmp_path / "bad.toml"
    text = (
        Path(SAM)
        .read_text("utf-8")
        .replace('strength_level = "beginner"', 'strength_level = "pro"')
    )
    profile.write_text(text, "utf-8")
    result = run("export", "all", str(profile), "-o", str(tmp_path / out))
    assert result.returncode == 2
    assert "athlete.strength_level" in result.stderr
    assert "'pro'" in result.stderr
    assert list(tmp_path.iterdir()) == [profile]


def test_a_broken_saved_plan_names_the_field(tmp_path: Path) -> None:
    saved = tmp_path / "plan.json"
    run("plan", ALEX, "--format", "json", "-o", str(saved))
    data = json.loads(saved.read_text("utf-8"))
    data["weeks"][2]["sessions"][0]["exercises"][0]["slug"] = "moon_squat"
    saved.write_text(json.dumps(data), "utf-8")
    for out in ("fit", "new/deeper/fit"):
        result = run("export", "fit", str(saved), "-o", str(tmp_path / out))
        assert result.returncode == 2
        assert "weeks[3].sessions[1].exercises[1].slug" in result.stderr
    assert list(tmp_path.iterdir()) == [saved]


def test_single_file_exports_make_missing_folders_and_not_on_a_bad_profile(
    tmp_path: Path,
) -> None:
    target = tmp_path / "new" / "deeper" / "plan.csv"
    result = run("export", "csv", SAM, "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text("utf-8").startswith("date,")
    bad = tmp_path / "bad.toml"
    bad.write_text(Path(SAM).read_text("utf-8").replace("beginner", "pro"), "utf-8")
    result = run("export", "pdf", str(bad), "-o", str(tmp_path / "other" / "sub" / "plan.pdf"))
    assert result.returncode == 2
    assert "'pro'" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml", "new"]


def test_export_all_writes_nothing_when_one_target_is_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "plan.pdf").mkdir(parents=True)
    result = run("export", "all", SAM, "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {out / 'plan.pdf'}: is a folder, not a file (move it away or write elsewhere)"
    ]
    assert [p.name for p in out.iterdir()] == ["plan.pdf"]
    assert list((out / "plan.pdf").iterdir()) == []


def test_export_fit_warns_about_older_fit_files_and_keeps_them(tmp_path: Path) -> None:
    watch = tmp_path / "watch"
    watch.mkdir()
    (watch / "2026-01-05-old-session.fit").write_bytes(b"old")
    (watch / "notes.txt").write_bytes(b"mine")
    result = run("export", "fit", SAM, "-o", str(watch))
    assert result.returncode == 0, result.stderr
    assert (
        f"warning: 1 older .fit file in {watch} is not part of this plan; "
        "delete it before copying the folder to the watch"
    ) in result.stderr
    assert (watch / "2026-01-05-old-session.fit").read_bytes() == b"old"


def test_re_exporting_fit_to_the_same_folder_gives_no_warning(tmp_path: Path) -> None:
    assert run("export", "fit", SAM, "-o", str(tmp_path / "watch")).returncode == 0
    again = run("export", "fit", SAM, "-o", str(tmp_path / "watch"))
    assert again.returncode == 0, again.stderr
    assert "warning" not in again.stderr


def test_export_fit_from_after_the_last_session_warns_the_schedule_is_empty(
    tmp_path: Path,
) -> None:
    result = run("export", "fit", SAM, "-o", str(tmp_path / "watch"), "--from", "2031-01-01")
    assert result.returncode == 0, result.stderr
    [warning] = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warning.startswith("warning: --from 2031-01-01 is after the plan's last session (")
    assert warning.endswith("): schedule.fit is empty")
    assert (tmp_path / "watch" / "schedule.fit").exists()


def test_export_fit_of_a_plan_that_is_over_warns_the_schedule_is_empty(tmp_path: Path) -> None:
    kim = str(EXAMPLES / "kim-no-race.toml")
    saved = tmp_path / "plan.json"
    made = run("plan", kim, "--start", "2020-01-06", "--format", "json", "-o", str(saved))
    assert made.returncode == 0, made.stderr
    result = run("export", "fit", str(saved), "-o", str(tmp_path / "watch"))
    assert result.returncode == 0, result.stderr
    [warning] = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warning.startswith("warning: the plan's last session (2020-")
    assert warning.endswith(
        "is before today: schedule.fit is empty (--from DATE schedules from another day)"
    )
    schedule = (tmp_path / "watch" / "schedule.fit").read_bytes()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(schedule))).read()
    assert errors == []
    assert "schedule_mesgs" not in messages
    assert len(list((tmp_path / "watch").glob("*.fit"))) > 1  # the workouts are all written


def test_export_fit_from_within_the_plan_does_not_warn(tmp_path: Path) -> None:
    plan = json.loads(run("plan", SAM, "--format", "json").stdout)
    last = plan["weeks"][-1]["sessions"][-1]["date"]
    result = run("export", "fit", SAM, "-o", str(tmp_path / "watch"), "--from", last)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr


def test_an_output_name_that_does_not_match_the_format_is_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    result = run("export", "csv", SAM, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"warning: {out} does not end in .csv; writing CSV to it all the same" in result.stderr
    assert out.read_text("utf-8").startswith("date,")


def test_a_matching_output_name_gives_no_warning(tmp_path: Path) -> None:
    result = run("export", "html", SAM, "-o", str(tmp_path / "plan.htm"))
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
