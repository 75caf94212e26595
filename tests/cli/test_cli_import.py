"""`runstrong import strong|hevy FILE --athlete H` end to end, on SQLite and PostgreSQL: files
written by hand from the apps' real headers (docs/formats.md, "Imports"); loads kept in
kilograms, names matched to the library or kept as custom, a file imported twice written once,
every mistake one error line that writes nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from builders import EXAMPLES, Ran, ok, one_error_line, run_in_process

ALEX = str(EXAMPLES / "alex-marathon.toml")
TODAY = "2026-12-02"  # Alex's plan starts on Monday 7 December: A on Tuesdays
FILES = Path(__file__).parents[1] / "data" / "imports"
NONE = {"reps": None, "kg": None, "seconds": None, "contacts": None, "rir": None}


def rs(db: str, *args: str) -> Ran:
    return run_in_process("--today", TODAY, *args, db=db)


def sets(db: str) -> list[dict[str, object]]:
    shown = ok(rs(db, "history", "alex", "--format", "json"))
    found: list[dict[str, object]] = json.loads(shown)["sets"]
    for s in found:
        s.pop("e1rm_kg")
    return found


def one_set(day: str, session: str, slug: str, **done: object) -> dict[str, object]:
    return {"date": day, "session_id": session, "slug": slug, "side": "both", **NONE, **done}


@pytest.fixture
def alex(database_url: str) -> str:
    ok(rs(database_url, "athlete", "add", ALEX))
    return database_url


def test_a_strong_export_becomes_the_days_of_the_log(alex: str) -> None:
    out = ok(rs(alex, "import", "strong", str(FILES / "strong.csv"), "--athlete", "alex"))
    assert out.splitlines() == [
        f"imported {FILES / 'strong.csv'} into alex's log: 2 days, 7 sets (1 on planned sessions)",
        "  warm-up sets left out: 1",
        "  not in the library, kept as custom exercises: 'Lunge (Dumbbell)' as "
        "custom:lunge_dumbbell",
    ]
    before, tuesday = "strong:2026-11-20", "alex/2026-12-07/A"  # no plan yet; Tuesday's A
    assert sets(alex) == [
        one_set("2026-11-20", before, "deadlift", reps=3, kg=140.0, rir=1),  # RPE 9
        one_set("2026-11-20", before, "push_up", reps=15),  # weight 0: body weight
        one_set("2026-12-08", tuesday, "back_squat", reps=5, kg=100.0, rir=2),  # RPE 8
        one_set("2026-12-08", tuesday, "back_squat", reps=5, kg=100.0, rir=1),  # 8.5: 1-2 RIR
        one_set("2026-12-08", tuesday, "custom:lunge_dumbbell", reps=10, kg=16.0),
        one_set("2026-12-08", tuesday, "custom:lunge_dumbbell", reps=12, kg=16.0, rir=0),  # F
        one_set("2026-12-08", tuesday, "plank", seconds=45),
    ]


def test_the_workouts_title_and_length_are_the_days_note_and_minutes(alex: str) -> None:
    from runstrong.log_service import existing_log
    from runstrong.settings import Settings

    ok(rs(alex, "import", "strong", str(FILES / "strong.csv"), "--athlete", "alex"))
    settings = Settings(today=date(2026, 12, 2), database_url=alex)
    tuesday = existing_log("alex", date(2026, 12, 8), settings)
    assert tuesday is not None
    assert (tuesday.minutes, tuesday.note) == (65, "Legs A")  # Duration 1h 5m


def test_importing_the_same_file_again_adds_nothing(alex: str) -> None:
    path = str(FILES / "strong.csv")
    ok(rs(alex, "import", "strong", path, "--athlete", "alex"))
    first = sets(alex)
    again = ok(rs(alex, "import", "strong", path, "--athlete", "alex")).splitlines()
    assert again[0].endswith(": 0 days, 0 sets (0 on planned sessions)")
    assert again[1] == "  already imported, left as they are: 2 days"
    assert sets(alex) == first


def test_the_older_strong_export_gives_each_rows_unit(alex: str) -> None:
    path = str(FILES / "strong-semicolon.csv")
    ok(rs(alex, "import", "strong", path, "--athlete", "alex"))
    day = "2026-11-18"
    assert sets(alex) == [
        one_set(day, f"strong:{day}", "deadlift", reps=5, kg=102.058),  # 225 lb x 0.45359237
        one_set(day, f"strong:{day}", "romanian_deadlift", reps=8, kg=60.0, rir=3),  # RPE 7
    ]
    said = one_error_line(rs(alex, "import", "strong", path, "--athlete", "alex", "--unit", "kg"))
    assert said == f"error: --unit: {path} gives each set's unit (column 'Weight Unit')"


def test_a_strong_file_without_units_is_read_in_the_unit_given(alex: str) -> None:
    ok(rs(alex, "import", "strong", str(FILES / "strong.csv"), "--athlete", "alex",
          "--unit", "lb"))  # fmt: skip
    deadlift = sets(alex)[0]
    assert deadlift["kg"] == pytest.approx(63.503, abs=0.0005)  # 140 lb


def test_a_hevy_export_in_kilograms(alex: str) -> None:
    out = ok(rs(alex, "import", "hevy", str(FILES / "hevy-kg.csv"), "--athlete", "alex"))
    assert "1 day, 5 sets (1 on planned sessions)" in out
    assert "'Cable Crunch' as custom:cable_crunch" in out
    tuesday = ("2026-12-08", "alex/2026-12-07/A")
    assert sets(alex) == [
        one_set(*tuesday, "back_squat", reps=5, kg=102.5, rir=2),
        one_set(*tuesday, "back_squat", reps=6, kg=102.5, rir=0),  # failure, no RPE
        one_set(*tuesday, "bulgarian_split_squat", reps=8, kg=20.0, rir=3),
        one_set(*tuesday, "side_plank", seconds=30),
        one_set(*tuesday, "custom:cable_crunch", reps=12, kg=35.0),  # a drop set, logged
    ]


def test_a_hevy_export_in_pounds_says_so_in_its_header(alex: str) -> None:
    path = str(FILES / "hevy-lbs.csv")
    ok(rs(alex, "import", "hevy", path, "--athlete", "alex"))
    [bench] = sets(alex)
    assert (bench["slug"], bench["kg"], bench["rir"]) == ("dumbbell_bench_press", 22.68, 2)
    said = one_error_line(rs(alex, "import", "hevy", path, "--athlete", "alex", "--unit", "kg"))
    assert said == f"error: --unit: kg, but {path} gives its loads in weight_lbs"


def test_a_day_logged_otherwise_is_kept_unless_replace_is_given(alex: str) -> None:
    ok(rs(alex, "log", "alex", "--date", "2026-12-08", "--set", "back_squat 5x90@3"))
    path = str(FILES / "hevy-kg.csv")
    kept = ok(rs(alex, "import", "hevy", path, "--athlete", "alex"))
    assert "logged otherwise, kept: 2026-12-08 (--replace takes the file's)" in kept
    assert [s["kg"] for s in sets(alex)] == [90.0]
    ok(rs(alex, "import", "hevy", path, "--athlete", "alex", "--replace"))
    assert [s["kg"] for s in sets(alex)] == [102.5, 102.5, 20.0, None, 35.0]


BROKEN = [
    ("Date,Exercise Name,Weight\n",
     "line 1: no column 'Reps' (the header has 'Date, Exercise Name, Weight')"),
    ("Date,Exercise Name,Weight,Reps\n2026-12-08,Squat (Barbell),100,5\n"
     "2026-12-09,Squat (Barbell),heavy,5\n", "line 3, Weight: 'heavy' is not a number"),
    ("Date,Exercise Name,Weight,Reps\n2026-12-08,Squat (Barbell),100,5.5\n",
     "line 2, Reps: 5.5 is not a whole number"),
    ("Date,Exercise Name,Weight,Reps\n08/12/2026,Squat (Barbell),100,5\n",
     "line 2, Date: '08/12/2026' is not a date (2024-05-01 or 1 May 2024)"),
    ("Date,Exercise Name,Weight,Reps,RPE\n2026-12-08,Squat (Barbell),100,5,11\n",
     "line 2, RPE: 11 is not within 0-10"),
    ("Date,Exercise Name,Weight,Reps\n2026-12-08,Squat (Barbell),100\n",
     "line 2: 3 values for the header's 4 columns"),
    ("Date,Exercise Name,Weight,Reps\n2026-12-08,,100,5\n",
     "line 2, Exercise Name: is empty: name the exercise"),
    ("Date,Exercise Name,Weight,Reps\n2026-12-08,Squat,-5,5\n",
     "line 2, Weight: -5 is not within 0-1000"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "said"), BROKEN)
def test_a_broken_strong_file_is_one_line_and_writes_nothing(
    alex: str, tmp_path: Path, text: str, said: str
) -> None:
    path = tmp_path / "broken.csv"
    path.write_text(text, "utf-8")
    line = one_error_line(rs(alex, "import", "strong", str(path), "--athlete", "alex"))
    assert line == f"error: {path}: {said}"
    assert sets(alex) == []


def test_a_hevy_file_with_an_unknown_set_type_is_one_line(alex: str, tmp_path: Path) -> None:
    text = (FILES / "hevy-kg.csv").read_text("utf-8").replace('"failure"', '"heavy"')
    path = tmp_path / "hevy.csv"
    path.write_text(text, "utf-8")
    line = one_error_line(rs(alex, "import", "hevy", str(path), "--athlete", "alex"))
    assert line == (
        f"error: {path}: line 4, set_type: 'heavy' is not one of normal, warmup, dropset, failure"
    )
    assert sets(alex) == []


def test_an_unknown_handle_is_one_line(alex: str) -> None:
    line = one_error_line(
        rs(alex, "import", "strong", str(FILES / "strong.csv"), "--athlete", "bob")
    )
    assert line == "error: athlete: no athlete 'bob' (see: runstrong athlete list)"


def test_a_note_over_two_lines_is_read_and_later_lines_keep_their_numbers(
    alex: str, tmp_path: Path
) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(
        "Date,Exercise Name,Weight,Reps,Notes\n"
        '2026-12-08,Squat (Barbell),100,5,"felt heavy\nknee fine"\n'
        "2026-12-09,Squat (Barbell),lots,5,\n",
        "utf-8",
    )
    line = one_error_line(rs(alex, "import", "strong", str(path), "--athlete", "alex"))
    assert line == f"error: {path}: line 4, Weight: 'lots' is not a number"
    path.write_text(path.read_text("utf-8").replace("lots", "100"), "utf-8")
    ok(rs(alex, "import", "strong", str(path), "--athlete", "alex"))
    assert [s["date"] for s in sets(alex)] == ["2026-12-08", "2026-12-09"]


def test_a_long_history_is_imported_and_replaced_whole(alex: str, tmp_path: Path) -> None:
    """600 days: more than one statement's worth of days to replace (500)."""
    from datetime import timedelta

    first = date(2023, 1, 1)
    path = tmp_path / "years.csv"

    def export(kg: int) -> None:
        rows = [f"{first + timedelta(days=i)},Squat (Barbell),{kg},5" for i in range(600)]
        path.write_text("Date,Exercise Name,Weight,Reps\n" + "\n".join(rows) + "\n", "utf-8")

    export(100)
    out = ok(rs(alex, "import", "strong", str(path), "--athlete", "alex"))
    assert out.startswith(f"imported {path} into alex's log: 600 days, 600 sets")
    export(105)
    kept = ok(rs(alex, "import", "strong", str(path), "--athlete", "alex")).splitlines()
    assert kept[1].endswith("and 595 more (--replace takes the file's)")
    ok(rs(alex, "import", "strong", str(path), "--athlete", "alex", "--replace"))
    found = sets(alex)
    assert len(found) == 600
    assert {s["kg"] for s in found} == {105.0}
