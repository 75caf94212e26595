"""Benchmarks of the runs in the plan (issue 17), on SQLite and on PostgreSQL: Alex with 16 weeks
of runs in his plan's dates (96 FIT runs, six a week), then the plan as lived with and without
them (athlete_plan.read_athlete_plan: what `export --athlete`, `heatmap --athlete` and `today`
read), `today` in a week with runs and in one without, `running infer` over 4 weeks and the
anchors the runs give. Medians, in process. Run with `.venv/bin/python -m bench.runs_plan`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.__main__ import ALEX, ROOT
from bench.training_log import postgres_schema
from runstrong.settings import Settings
from runstrong.storage.database import close

sys.path.insert(0, str(ROOT / "tests"))
from activity_files import LapSpec, fit_bytes  # type: ignore[import-not-found]

RUNS = 7
WEEKS = 16
FIRST = datetime(2026, 12, 7, 7, tzinfo=UTC)  # Alex's plan starts Monday 7 December 2026
EASY: list[LapSpec] = [(1200.0, 3600.0, 145.0, 200.0, 0.0)] * 2
# Monday easy, Wednesday intervals (planned Tuesday), Thursday tempo, Saturday easy, Sunday long
WEEK: dict[int, list[LapSpec]] = {
    0: EASY,
    1: EASY,
    2: [(600.0, 1800.0, 140.0, 200.0, 0.0),
        *[(180.0, 700.0, 170.0, 330.0, 0.0), (120.0, 300.0, 150.0, 180.0, 0.0)] * 4,
        (600.0, 1800.0, 140.0, 200.0, 0.0)],
    3: [(600.0, 1800.0, 140.0, 200.0, 0.0), (1800.0, 6200.0, 165.0, 280.0, 0.0),
        (600.0, 1800.0, 140.0, 200.0, 0.0)],
    5: [(1800.0, 5400.0, 140.0, 200.0, 0.0)],
    6: [(1800.0, 5400.0, 145.0, 210.0, 0.0)] * 4,
}  # fmt: skip


def write_runs(folder: Path) -> Path:
    runs = folder / "runs"
    runs.mkdir()
    for week in range(WEEKS):
        for weekday, laps in WEEK.items():
            start = FIRST + timedelta(days=7 * week + weekday)
            (runs / f"{start:%Y-%m-%d}.fit").write_bytes(fit_bytes(start, laps))
    return runs


def median_ms(call: Callable[[], object]) -> float:
    call()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def backend_rows(name: str, url: str, runs: Path) -> list[tuple[str, float]]:
    from runstrong import anchors_service, log_service, running_week_service, services
    from runstrong.athlete_plan import athlete_plan

    base = [sys.executable, "-m", "runstrong", "--db", url]
    subprocess.run([*base, "--today", "2026-12-07", "athlete", "add", str(ALEX), "--handle",
                    "alex"], check=True, capture_output=True)  # fmt: skip
    week_of_runs = date(2027, 1, 12)  # a Tuesday: this week's runs move the intervals
    settings = Settings(today=week_of_runs, database_url=url)
    library = services.open_library(settings)
    rows = [
        (f"{name}: plan as lived, no runs", median_ms(
            lambda: athlete_plan("alex", library, settings))),
        (f"{name}: today, no runs", median_ms(
            lambda: log_service.day_session("alex", week_of_runs, library, settings))),
    ]  # fmt: skip
    last = FIRST + timedelta(weeks=WEEKS)
    subprocess.run([*base, "--today", f"{last:%Y-%m-%d}", "import", "runs", str(runs),
                    "--athlete", "alex"], check=True, capture_output=True)  # fmt: skip
    later = Settings(today=last.date(), database_url=url)
    no_runs_week = date(2027, 4, 6)  # a Tuesday, the week after the week after the last runs
    rows += [
        (f"{name}: plan as lived, {WEEKS * len(WEEK)} runs", median_ms(
            lambda: athlete_plan("alex", library, later))),
        (f"{name}: today, a week with runs", median_ms(
            lambda: log_service.day_session("alex", week_of_runs, library, settings))),
        (f"{name}: today, a week without runs", median_ms(
            lambda: log_service.day_session("alex", no_runs_week, library, later))),
        (f"{name}: running infer, 4 weeks", median_ms(
            lambda: running_week_service.infer_running("alex", 4, library, later))),
        (f"{name}: anchors, 12 weeks", median_ms(
            lambda: anchors_service.anchors_report("alex", later))),
    ]  # fmt: skip
    close(url)
    return rows


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        runs = write_runs(Path(folder))
        rows += backend_rows("SQLite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}", runs)
        with postgres_schema() as url:
            rows += backend_rows("PostgreSQL", url, runs)
    width = max(len(n) for n, _ in rows)
    print(f"runstrong runs-in-the-plan benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
          f"medians of {RUNS}")  # fmt: skip
    for n, value in rows:
        print(f"  {n:<{width}}  {value:9.1f} ms")


if __name__ == "__main__":
    main()
