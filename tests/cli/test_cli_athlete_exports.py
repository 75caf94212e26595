"""Every export, `heatmap` and `balance` of a stored athlete (`--athlete H`), end to end on SQLite
and PostgreSQL: the plan as the log has lived it (missed sessions moved within their week or
dropped), what was done beside what was planned, and the calendar and watch files following.

Alex's plan (examples/alex-marathon.toml) starts on Monday 7 December 2026: A on Tuesdays, B on
Thursdays, both heavy on the legs in the base weeks and moderate in the deload of week 4 (from 28
December). Alex's strength days are Monday, Tuesday, Thursday and Saturday; the long run is on
Sunday, intervals on Tuesday, tempo on Thursday, easy runs on Monday, Wednesday and Saturday.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from pathlib import Path

import pytest
from icalendar import Calendar

from builders import EXAMPLES, Ran, library, ok, one_error_line, run_in_process
from runstrong.domain.muscles import Muscle
from runstrong.export.ics import UID_DOMAIN, UID_NAMESPACE

ALEX = str(EXAMPLES / "alex-marathon.toml")
TODAY = "2026-12-02"
A1, B1 = "alex/2026-12-07/A", "alex/2026-12-07/B"  # Tue 8 Dec, Thu 10 Dec
A2 = "alex/2026-12-14/A"  # Tue 15 Dec
A4, B4 = "alex/2026-12-28/A", "alex/2026-12-28/B"  # the deload: Tue 29 Dec, Thu 31 Dec


def rs(db: str, *args: str) -> Ran:
    return run_in_process("--today", TODAY, *args, db=db)


@pytest.fixture
def alex(database_url: str) -> str:
    ok(rs(database_url, "athlete", "add", ALEX))
    return database_url


def uid(session_id: str) -> str:
    return f"{uuid.uuid5(UID_NAMESPACE, session_id)}@{UID_DOMAIN}"


def sessions_of(plan: dict[str, object]) -> dict[str, dict[str, object]]:
    weeks = plan["weeks"]
    assert isinstance(weeks, list)
    return {s["id"]: s for w in weeks for s in w["sessions"]}


def events(path: Path) -> dict[str, tuple[str, int, str]]:
    """UID -> (STATUS, SEQUENCE, the day of DTSTART)."""
    out = {}
    for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
        start = e.decoded("DTSTART")
        out[str(e["UID"])] = (
            str(e.get("STATUS", "")), int(e.get("SEQUENCE", 0)), start.strftime("%Y-%m-%d")
        )  # fmt: skip
    return out


def test_a_skipped_heavy_session_with_no_day_left_is_dropped_everywhere(
    alex: str, tmp_path: Path
) -> None:
    # Tuesday's A skipped: Thursday holds B, Saturday is the day before the long run (heavy legs
    # would have to be moderate), Wednesday, Friday and Sunday are not strength days.
    ok(rs(alex, "log", "alex", "--date", "2026-12-08", "--skipped", "--reason", "ill"))
    ok(rs(alex, "export", "json", "--athlete", "alex", "-o", str(tmp_path / "plan.json")))
    plan = json.loads((tmp_path / "plan.json").read_text("utf-8"))
    shown = sessions_of(plan)
    assert shown[A1]["log"] == {
        "outcome": "dropped", "planned_date": "2026-12-08", "date": None, "missed": "skipped",
        "missed_on": "2026-12-08", "moved_to": None, "reason": "ill", "rpe": None,
        "minutes": None, "note": None, "sets": [],
    }  # fmt: skip
    assert shown[B1]["log"]["outcome"] == "planned"
    assert shown[B1]["date"] == "2026-12-10"
    [note] = [n for n in plan["weeks"][0]["notes"] if n["rule"] == "missed_dropped"]
    assert note["params"]["from_date"] == "2026-12-08"
    # the calendar, written for the first time: A cancelled under its UID, B as it was
    ok(rs(alex, "export", "ics", "--athlete", "alex", "-o", str(tmp_path / "plan.ics")))
    seen = events(tmp_path / "plan.ics")
    assert seen[uid(A1)] == ("CANCELLED", 1, "2026-12-08")
    assert seen[uid(B1)] == ("", 0, "2026-12-10")
    assert seen[uid(A2)] == ("", 0, "2026-12-15")
    # the watch: no workout for A; every other session of the plan has one
    ok(rs(alex, "export", "fit", "--athlete", "alex", "-o", str(tmp_path / "watch")))
    names = {p.name for p in (tmp_path / "watch").iterdir()}
    assert "2026-12-08_strength-a.fit" not in names
    assert "2026-12-10_strength-b.fit" in names
    ok(rs(alex, "export", "fit", ALEX, "-o", str(tmp_path / "planned")))
    planned = {p.name for p in (tmp_path / "planned").iterdir()}
    assert planned - names == {"2026-12-08_strength-a.fit"}


def test_a_skipped_session_moves_to_a_free_day_that_holds_it_and_the_calendar_follows(
    alex: str, tmp_path: Path
) -> None:
    ics = tmp_path / "plan.ics"
    ok(rs(alex, "export", "ics", "--athlete", "alex", "-o", str(ics)))
    before = events(ics)
    # The deload's A (moderate legs) skipped on Tuesday 29 Dec: Thursday holds B; Saturday 2 Jan,
    # the day before the long run, may hold moderate legs.
    ok(rs(alex, "log", "alex", "--date", "2026-12-29", "--skipped"))
    ok(rs(alex, "export", "ics", "--athlete", "alex", "-o", str(ics)))
    after = events(ics)
    assert after[uid(A4)] == ("", before[uid(A4)][1] + 1, "2027-01-02")
    assert after[uid(B4)] == before[uid(B4)]
    assert {u for u, e in after.items() if e[0] == "CANCELLED"} == set()
    out = tmp_path / "plan.json"
    ok(rs(alex, "export", "json", "--athlete", "alex", "-o", str(out)))
    a4 = sessions_of(json.loads(out.read_text("utf-8")))[A4]
    assert (a4["date"], a4["weekday"], a4["log"]["outcome"]) == ("2027-01-02", "sat", "moved")
    assert a4["reasons"][-1]["rule"] == "missed_moved"
    assert a4["reasons"][-1]["params"]["to_date"] == "2027-01-02"


def test_a_move_to_a_day_that_cannot_hold_heavy_legs_goes_elsewhere_or_is_dropped(
    alex: str, tmp_path: Path
) -> None:
    # A skipped on Tuesday, B moved from Thursday to Saturday (the day before the long run):
    # A takes Thursday, the day B left; Saturday cannot hold heavy B, so B is dropped.
    ok(rs(alex, "log", "alex", "--date", "2026-12-08", "--skipped"))
    ok(rs(alex, "log", "alex", "--date", "2026-12-10", "--moved-to", "2026-12-12"))
    out = tmp_path / "plan.json"
    ok(rs(alex, "export", "json", "--athlete", "alex", "-o", str(out)))
    shown = sessions_of(json.loads(out.read_text("utf-8")))
    assert (shown[A1]["date"], shown[A1]["log"]["outcome"]) == ("2026-12-10", "moved")
    assert shown[B1]["log"]["outcome"] == "dropped"
    assert shown[B1]["log"]["moved_to"] == "2026-12-12"
    ics = tmp_path / "plan.ics"
    ok(rs(alex, "export", "ics", "--athlete", "alex", "-o", str(ics)))
    seen = events(ics)
    assert seen[uid(A1)] == ("", 1, "2026-12-10")
    assert seen[uid(B1)] == ("CANCELLED", 1, "2026-12-10")


def test_csv_and_the_printed_plan_show_the_sets_done_beside_the_planned(
    alex: str, tmp_path: Path
) -> None:
    ok(rs(
        alex, "log", "alex", "--date", "2026-12-15", "--set", "bulgarian_split_squat 8x20@2/L",
        "--set", "bulgarian_split_squat 8x22@1/R", "--set", "push_up 12@2", "--rpe", "7",
    ))  # fmt: skip
    out = tmp_path / "plan.csv"
    ok(rs(alex, "export", "csv", "--athlete", "alex", "-o", str(out)))
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    a2 = [r for r in rows if r["session_id"] == A2]
    assert {r["outcome"] for r in a2} == {"done"}
    split = [r for r in a2 if r["exercise_slug"] == "bulgarian_split_squat"]
    assert [(r["set_number"], r["side"]) for r in split[:2]] == [("1", "left"), ("1", "right")]
    assert [(r["done_side"], r["done_reps"], r["done_kg"], r["done_rir"]) for r in split[:2]] == [
        ("left", "8", "20", "2"), ("right", "8", "22", "1"),
    ]  # fmt: skip
    assert all(r["done_reps"] == "" for r in split[2:])  # sets 2 and 3 not logged
    # push-ups are not in A: a row of their own after the session's rows, no planned cells
    [extra] = [r for r in a2 if r["exercise_slug"] == "push_up"]
    assert a2[-1] == extra
    assert (extra["exercise"], extra["reps"], extra["done_reps"]) == ("", "", "12")
    assert {r["outcome"] for r in rows if r["session_id"] == B1} == {"planned"}
    assert next(iter(csv.reader(io.StringIO(out.read_text("utf-8")))))[-9:] == [
        "session_id", "planned_date", "outcome", "done_side", "done_reps", "done_kg",
        "done_seconds", "done_contacts", "done_rir",
    ]  # fmt: skip
    html = tmp_path / "plan.html"
    ok(rs(alex, "export", "html", "--athlete", "alex", "-o", str(html)))
    text = html.read_text("utf-8")
    assert "Done Tue 15 Dec, session RPE 7: bulgarian_split_squat 8 × 20 kg @ RIR 2, left" in text
    assert text.count('<p class="logged">') == 1


def test_heatmap_and_balance_show_the_sets_done(alex: str, tmp_path: Path) -> None:
    ok(rs(alex, "log", "alex", "--date", "2026-12-15", "--set", "push_up 12@2", "--set",
          "push_up 10@1"))  # fmt: skip
    report = json.loads(
        ok(rs(alex, "balance", "--athlete", "alex", "--week", "2", "--format", "json"))
    )
    chest = next(m for m in report["muscles"] if m["muscle"] == "pectoralis")
    planned = json.loads(ok(rs(alex, "balance", ALEX, "--week", "2", "--format", "json")))
    assert chest["weighted_sets"] == next(
        m["weighted_sets"] for m in planned["muscles"] if m["muscle"] == "pectoralis"
    )
    # two sets of push-ups, each weighted by the push-up's pectoralis weight in its file
    weight = library().get("push_up").muscle_weights[Muscle.PECTORALIS]
    assert chest["done_weighted_sets"] == round(2 * weight, 2)
    quads = next(m for m in report["muscles"] if m["muscle"] == "quadriceps")
    assert quads["done_weighted_sets"] == 0
    assert report["sessions"] == [
        {"id": A2, "outcome": "done"}, {"id": "alex/2026-12-14/B", "outcome": "planned"},
    ]  # fmt: skip
    svg = tmp_path / "week2.svg"
    ok(rs(alex, "heatmap", "--athlete", "alex", "--week", "2", "-o", str(svg)))
    text = svg.read_text("utf-8")
    assert "Done, from the log" in text
    assert 'data-layer="done"' in text


def test_export_all_and_a_saved_plan_json_with_the_log_opens_again(
    alex: str, tmp_path: Path
) -> None:
    ok(rs(alex, "log", "alex", "--date", "2026-12-08", "--skipped"))
    ok(rs(alex, "export", "all", "--athlete", "alex", "-o", str(tmp_path / "all")))
    assert events(tmp_path / "all" / "plan.ics")[uid(A1)][0] == "CANCELLED"
    assert not (tmp_path / "all" / "fit" / "2026-12-08_strength-a.fit").exists()
    again = rs(alex, "export", "csv", str(tmp_path / "all" / "plan.json"), "-o", "-")
    assert "Strength A" in ok(again)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["export", "csv", "-o", "x.csv"], "error: SOURCE: give a profile or saved plan, or "
         "--athlete HANDLE (neither given)"),
        (["export", "csv", ALEX, "--athlete", "alex", "-o", "x.csv"], "error: SOURCE: give a "
         "profile or saved plan, or --athlete HANDLE (both given)"),
        (["export", "ics", "--athlete", "nobody", "-o", "x.ics"], "error: athlete: no athlete "
         "'nobody' (see: runstrong athlete list)"),
        (["balance", "--athlete", "nobody"], "error: athlete: no athlete 'nobody' (see: "
         "runstrong athlete list)"),
    ],
)  # fmt: skip
def test_a_wrong_athlete_or_source_is_one_line_and_nothing_written(
    alex: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], says: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    assert one_error_line(rs(alex, *args)) == says
    assert list(out.iterdir()) == []


def test_a_session_the_plan_moved_is_logged_on_its_new_day(alex: str, tmp_path: Path) -> None:
    # the deload's A skipped on Tuesday 29 Dec goes to Saturday 2 Jan (as above); `today` on the
    # Friday shows it there, and a log of that Saturday, a day the stored plan has no session
    # on, is for A
    ok(rs(alex, "log", "alex", "--date", "2026-12-29", "--skipped"))
    friday = json.loads(ok(rs(alex, "today", "alex", "--date", "2027-01-01", "--format", "json")))
    assert (friday["session"]["id"], friday["session"]["date"]) == (A4, "2027-01-02")
    logged = ok(rs(alex, "log", "alex", "--date", "2027-01-02", "--set", "push_up 12@2"))
    assert logged == f"logged alex 2027-01-02 ({A4}): 1 set\n"
    out = tmp_path / "plan.json"
    ok(rs(alex, "export", "json", "--athlete", "alex", "-o", str(out)))
    a4 = sessions_of(json.loads(out.read_text("utf-8")))[A4]
    assert (a4["date"], a4["log"]["outcome"], a4["log"]["missed"]) == (
        "2027-01-02",
        "done",
        "skipped",
    )
    # a day with no session, planned or moved, is still one error line
    line = one_error_line(rs(alex, "log", "alex", "--date", "2027-01-01", "--set", "push_up 12"))
    assert line.startswith("error: --date: ")
