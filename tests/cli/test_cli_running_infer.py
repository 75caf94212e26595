"""`runstrong running infer` end to end on SQLite and PostgreSQL: a month of runs imported from
FIT files, in which Alex (intervals on Tuesday in his profile) runs them on Wednesday and no
longer runs on Saturday; the change is shown with its evidence, and --apply makes a new profile
version whose plan keys on Wednesday's intervals."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from activity_files import LapSpec, fit_bytes
from builders import add_alex, ok, on_day, one_error_line

TODAY = "2026-12-13"  # Sunday: the 4 weeks read are those of 9 November to 30 November
MONDAYS = [date(2026, 11, 9) + timedelta(weeks=w) for w in range(4)]


def laps(*parts: tuple[float, float]) -> list[LapSpec]:
    """Laps of (minutes, watts) at 3 m/s."""
    return [(60 * m, 180 * m, None, w, 0.0) for m, w in parts]


EASY = laps((20, 200), (20, 200))  # 40 min at 67 % of critical power
# 4 x (3 min at 110 %, 2 min easy) between 10 minutes easy: four work laps, 40 minutes
INTERVALS = laps((10, 200), *[(3, 330), (2, 180)] * 4, (10, 200))
TEMPO = laps((10, 200), (30, 280), (10, 200))  # 30 minutes at 93 %
LONG = laps((30, 210), (30, 210), (30, 210), (30, 210))  # 120 minutes
WEEK = {0: EASY, 1: EASY, 2: INTERVALS, 3: TEMPO, 6: LONG}  # Saturday: no run


rs = on_day(TODAY)


@pytest.fixture
def alex(database_url: str, tmp_path: Path) -> str:
    add_alex(database_url, tmp_path, TODAY)
    return database_url


def import_weeks(db: str, folder: Path, mondays: list[date]) -> None:
    folder.mkdir()
    for monday in mondays:
        for weekday, spec in WEEK.items():
            day = monday + timedelta(days=weekday)
            start = datetime(day.year, day.month, day.day, 7, tzinfo=UTC)  # London: UTC
            (folder / f"{day}.fit").write_bytes(fit_bytes(start, spec))
    ok(rs(db, "import", "runs", str(folder), "--athlete", "alex"))


def infer(db: str, *more: str) -> dict[str, object]:
    found: dict[str, object] = json.loads(
        ok(rs(db, "running", "infer", "alex", "--weeks", "4", "--format", "json", *more))
    )
    return found


def test_the_week_the_runs_imply_is_shown_as_a_change_with_its_evidence(
    alex: str, tmp_path: Path
) -> None:
    import_weeks(alex, tmp_path / "runs", MONDAYS)
    found = infer(alex)
    assert found["weeks"] == [m.isoformat() for m in MONDAYS]
    assert found["changes"] == [
        {"day": "tue", "before": {"day": "tue", "type": "intervals", "minutes": 60,
                                  "time": "07:00"},
         "after": {"day": "tue", "type": "easy", "minutes": 40, "time": "07:00"}},
        {"day": "wed", "before": {"day": "wed", "type": "easy", "minutes": 45, "time": "07:00"},
         "after": {"day": "wed", "type": "intervals", "minutes": 40, "time": "07:00"}},
        {"day": "sat", "before": {"day": "sat", "type": "easy", "minutes": 30, "time": "08:00"},
         "after": None},
    ]  # fmt: skip
    wed = found["days"][2]  # type: ignore[index]
    assert [e["date"] for e in wed["evidence"]] == [
        (m + timedelta(days=2)).isoformat() for m in MONDAYS
    ]
    assert wed["reason"]["rule"] == "infer_run_day"
    assert found["applied"] is False
    table = ok(rs(alex, "running", "infer", "alex", "--weeks", "4"))
    assert "- wed: easy 45 min at 07:00\n+ wed: intervals 40 min at 07:00\n" in table
    assert "wed: intervals in 4 of 4 weeks (2026-11-11, 2026-11-18, 2026-11-25, 2026-12-02)" in (
        table
    )
    assert "sat: rest, a run in 0 of 4 weeks (fewer than 50 %)" in table
    # nothing is written without --apply
    assert infer(alex)["changes"] == found["changes"]


def test_applied_the_profile_gets_a_new_version_and_the_plan_keys_on_wednesday(
    alex: str, tmp_path: Path
) -> None:
    import_weeks(alex, tmp_path / "runs", MONDAYS)
    before = json.loads(ok(rs(alex, "export", "json", "--athlete", "alex")))
    assert "wed:intervals" not in json.dumps(before)
    found = infer(alex, "--apply")
    assert found["applied"] is True
    assert found["plan"]["profile_version"] == 2  # type: ignore[index]
    assert found["week"] == [
        {"day": "mon", "type": "easy", "minutes": 40, "time": "07:00"},
        {"day": "tue", "type": "easy", "minutes": 40, "time": "07:00"},
        {"day": "wed", "type": "intervals", "minutes": 40, "time": "07:00"},
        {"day": "thu", "type": "tempo", "minutes": 50, "time": "07:00"},
        {"day": "sun", "type": "long", "minutes": 120, "time": "08:00"},
    ]  # fmt: skip
    after = json.dumps(json.loads(ok(rs(alex, "export", "json", "--athlete", "alex"))))
    assert "wed:intervals" in after
    assert "tue:intervals" not in after
    again = infer(alex)
    assert again["changes"] == []
    assert "already matches" in ok(rs(alex, "running", "infer", "alex", "--weeks", "4"))


def test_weeks_without_runs_are_left_out_and_too_few_are_one_error(
    alex: str, tmp_path: Path
) -> None:
    import_weeks(alex, tmp_path / "runs", [MONDAYS[0], MONDAYS[2]])
    found = infer(alex)
    assert found["left_out"] == [MONDAYS[1].isoformat(), MONDAYS[3].isoformat()]
    assert [c["day"] for c in found["changes"]] == ["tue", "wed", "sat"]  # type: ignore[union-attr]
    ran = rs(alex, "running", "infer", "alex", "--weeks", "1")
    assert "alex has runs in 0 of the 1 weeks before this one: 2 needed" in one_error_line(ran)


def test_an_unknown_athlete_is_one_error(alex: str) -> None:
    assert "nobody" in one_error_line(rs(alex, "running", "infer", "nobody"))
