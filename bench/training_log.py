"""Benchmarks of the training log, on SQLite and on PostgreSQL: importing 10,000 sets (in process,
and a Strong CSV export of 10,000 sets through `runstrong import strong`, new and again), and
the commands `athlete add`, `log`, `today`, `history` and `chart` (two years of one athlete) and
`export json --athlete` (beside the same export of the profile) from the command line, beside
`python -c pass`. Run with `.venv/bin/python -m bench.training_log` (`make bench`).

PostgreSQL: the server of RUNSTRONG_BENCH_POSTGRES (default postgresql+psycopg://postgres@
127.0.0.1:5432/test), in a schema of its own that is dropped afterwards.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.__main__ import ALEX, Command, cli_medians, print_rows
from runstrong.domain.training_log import LogStatus, SessionLog, SetLog, Side
from runstrong.settings import Settings
from runstrong.storage.database import close
from runstrong.storage.repository import repository

RUNS = 7
TODAY = "2026-12-02"  # Alex's plan starts on Monday 7 December
IMPORT_SETS = 10_000
SETS_A_SESSION = 12
TWO_YEARS_SESSIONS = 2 * 52 * 2  # two a week
POSTGRES = os.environ.get(
    "RUNSTRONG_BENCH_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
SPECS = ("back_squat 5x100@2", "push_up 12@2", "side_plank 30s/L")
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
STRONG_LIFTS = ("Squat (Barbell)", "Deadlift (Barbell)", "Bench Press (Dumbbell)",
                "Lunge (Dumbbell)")  # fmt: skip


def strong_export(path: Path, sets: int, first: date) -> None:
    """A Strong CSV export of `sets` sets, 12 a workout, a workout every other day."""
    lines = [STRONG_HEADER]
    for i in range(sets):
        day = first + timedelta(days=2 * (i // SETS_A_SESSION))
        lift = STRONG_LIFTS[i % SETS_A_SESSION // 3]
        lines.append(f'{day} 07:00:00,"Strength",1h 5m,"{lift}",{i % 3 + 1},{60 + i % 40},5,0,0,'
                     f'"","",8')  # fmt: skip
    path.write_text("\n".join(lines) + "\n", "utf-8")


class FreshAthlete:
    """Before each timed import: a new athlete, whose handle the command's last argument takes
    (an import into an athlete that has the file's days already writes nothing)."""

    def __init__(self, base: list[str], args: list[str]) -> None:
        self.base, self.args, self.count = base, args, 0

    def __call__(self) -> None:
        import subprocess
        import sys

        self.count += 1
        handle = f"fresh-{self.count}"
        subprocess.run([sys.executable, *self.base, "athlete", "add", str(ALEX), "--handle",
                        handle], check=True, capture_output=True)  # fmt: skip
        self.args[-1] = handle


def season(handle: str, sessions: int, first: date) -> Iterator[SessionLog]:
    """`sessions` logged days from `first`, every third or fourth day, 12 sets each."""
    for i in range(sessions):
        day = first + timedelta(days=i * 7 // 2)
        sets = tuple(
            SetLog("back_squat", Side.BOTH, reps=5, kg=80.0 + i % 20, rir=2)
            for _ in range(SETS_A_SESSION)
        )
        yield SessionLog(day, f"{handle}/{day.isoformat()}/A", LogStatus.DONE, sets)


def store(url: str, handle: str, sessions: int, first: date) -> float:
    """Store the season in one transaction; return the seconds it took."""
    settings = Settings(today=date.fromisoformat(TODAY), database_url=url)
    now = datetime.now(UTC)
    start = time.perf_counter()
    with repository(settings) as repo:
        for log in season(handle, sessions, first):
            repo.put_log(handle, log, now)
    return time.perf_counter() - start


@contextmanager
def postgres_schema() -> Iterator[str]:
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(POSTGRES)
    dsn = f"host={url.host} port={url.port or 5432} user={url.username} dbname={url.database}"
    schema = f"bench_{uuid.uuid4().hex}"
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


def backend_rows(name: str, url: str, folder: Path) -> list[tuple[str, float, str]]:
    import subprocess
    import sys

    base = ["-m", "runstrong", "--db", url, "--today", TODAY]
    for handle in ("alex", "alex-2"):  # the athletes: a season of 10,000 sets, two years
        subprocess.run([sys.executable, *base, "athlete", "add", str(ALEX), "--handle", handle],
                       check=True, capture_output=True)  # fmt: skip
    imported = store(url, "alex", IMPORT_SETS // SETS_A_SESSION + 1, date(2024, 1, 1))
    store(url, "alex-2", TWO_YEARS_SESSIONS, date(2024, 12, 7))
    close(url)
    sets = [arg for spec in SPECS for arg in ("--set", spec)] * 4
    export = folder / "strong.csv"
    strong_export(export, IMPORT_SETS, date(2020, 1, 1))
    new_import = [*base, "import", "strong", str(export), "--athlete", "alex"]
    subprocess.run([sys.executable, *new_import], check=True, capture_output=True)
    fresh = new_import.copy()  # the handle, its last argument, new for each run
    chart = folder / "e1rm.svg"
    cli = cli_medians(
        {
            "import": Command(fresh, FreshAthlete(base, fresh)),
            "reimport": Command([*base, "import", "strong", str(export), "--athlete", "alex"]),
            "chart": Command([*base, "chart", "alex-2", "--kind", "e1rm", "-o", str(chart)]),
            "bare": Command(["-c", "pass"]),
            "add": Command([*base, "athlete", "add", str(ALEX)]),
            "log": Command([*base, "log", "alex-2", "--date", "2026-12-08", "--replace", *sets]),
            "today": Command([*base, "today", "alex-2", "--date", "2026-12-14"]),
            "history": Command([*base, "history", "alex-2", "--format", "json"]),
            "history_table": Command([*base, "history", "alex-2", "-o", os.devnull]),
            "export_profile": Command([*base, "export", "json", str(ALEX), "-o", os.devnull]),
            "export_athlete": Command(
                [*base, "export", "json", "--athlete", "alex-2", "-o", os.devnull]
            ),
        },
        RUNS,
    )
    bare = cli["bare"]
    rows = [(f"{name}: python -c pass (reference)", bare, "")]
    rows.append((f"{name}: import {IMPORT_SETS:,} sets (one transaction, in process)",
                 imported * 1000, ""))  # fmt: skip
    for key, label in (
        ("add", "CLI: athlete add ALEX"),
        ("log", "CLI: log, 12 sets"),
        ("today", "CLI: today"),
        (
            "history",
            f"CLI: history, two years ({TWO_YEARS_SESSIONS * SETS_A_SESSION:,} sets), JSON",
        ),
        ("history_table", "  the same as a table (JSON above)"),
        ("export_profile", "CLI: export json ALEX (the profile's plan, no database)"),
        ("export_athlete", "CLI: export json --athlete (the stored plan as lived, its log)"),
        ("import", f"CLI: import strong, {IMPORT_SETS:,} sets (a new athlete)"),
        ("reimport", "  the same file again (nothing new to write)"),
        ("chart", "CLI: chart e1rm of the two years, SVG"),
    ):
        rows.append((f"{name}: {label}", cli[key], f"{cli[key] / bare:.1f} x python start"))
    return rows


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        rows += backend_rows("SQLite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}", Path(folder))
    with postgres_schema() as url, tempfile.TemporaryDirectory() as folder:
        rows += backend_rows("PostgreSQL", url, Path(folder))
    print_rows("runstrong training log benchmarks", rows)


if __name__ == "__main__":
    main()
