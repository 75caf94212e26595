"""Benchmarks of imported runs (issue 17), on SQLite and on PostgreSQL: importing a two-year
Strava export of 1,000 runs (a third each FIT, GPX and TCX, gzipped, as Strava packs them), and
the weekly load of those two years, in process and from the command line; plan against done
(compliance) and the weekly load chart of the two years (SVG, after a first chart has started
the chart engine). Medians. Run with `.venv/bin/python -m bench.runs`.

The activity files are written by the tests' own writers (tests/activity_files.py: fit-tool and
the standard library), so what is measured is what the tests check.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete

from bench.__main__ import ALEX, ROOT
from bench.training_log import postgres_schema
from runstrong.settings import Settings
from runstrong.storage.database import close
from runstrong.storage.models import RunRow

sys.path.insert(0, str(ROOT / "tests"))
from activity_files import (  # type: ignore[import-not-found]
    fit_bytes,
    gpx_bytes,
    strava_row,
    tcx_bytes,
    write_strava_zip,
)

ACTIVITIES = 1_000
RUNS = 3
TODAY = "2026-12-02"
FIRST = datetime(2024, 12, 2, 6, 30, tzinfo=UTC)


def export(folder: Path) -> Path:
    """A Strava export zip of ACTIVITIES runs over two years: laps of 5 minutes with heart rate
    and power, 30 to 100 minutes each."""
    rows, files = [], {}
    for i in range(ACTIVITIES):
        start = FIRST + timedelta(hours=17 * i + (i % 5))
        laps = [(300.0, 900.0 + 10 * (i % 7), 140.0 + i % 20, 220.0 + i % 40, float(i % 9))
                for _ in range(6 + i % 15)]  # fmt: skip
        seconds = sum(x[0] for x in laps)
        kind = ("fit", "gpx", "tcx")[i % 3]
        name = f"activities/{i}.{kind}.gz"
        if kind == "fit":
            data = fit_bytes(start, laps)
        elif kind == "tcx":
            data = tcx_bytes(start, laps)
        else:
            data = gpx_bytes(start, seconds, hr=145)
        files[name] = data
        rows.append(strava_row(i, start, "Run", seconds, sum(x[1] for x in laps), name))
    zipped: Path = write_strava_zip(folder / "export.zip", rows, files)
    return zipped


def backend_rows(name: str, url: str, zipped: Path) -> list[tuple[str, float]]:
    from runstrong import runs_service

    base = [sys.executable, "-m", "runstrong", "--db", url, "--today", TODAY]
    subprocess.run([*base, "athlete", "add", str(ALEX), "--handle", "alex"], check=True,
                   capture_output=True)  # fmt: skip
    settings = Settings(today=date.fromisoformat(TODAY), database_url=url)
    imports, loads, cli, compliances, charts = [], [], [], [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        summary = runs_service.import_runs("alex", [zipped], settings)
        imports.append(time.perf_counter() - start)
        assert len(summary.imported) == ACTIVITIES or not imports[:-1], summary.rejected[:3]
        with runs_service.runs_store(settings) as store:  # the next round imports them again
            store.session.execute(delete(RunRow))
    runs_service.import_runs("alex", [zipped], settings)
    for _ in range(RUNS):
        start = time.perf_counter()
        runs_service.training_load("alex", 104, settings)
        loads.append(time.perf_counter() - start)
    from runstrong.chart_service import weekly_chart
    from runstrong.compliance_service import compliance

    first = FIRST.date()
    weekly_chart("load", "alex", first, settings, "svg")  # starts the chart engine
    for _ in range(RUNS):
        start = time.perf_counter()
        weeks = compliance("alex", first, settings).weeks
        compliances.append(time.perf_counter() - start)
        start = time.perf_counter()
        weekly_chart("load", "alex", first, settings, "svg")
        charts.append(time.perf_counter() - start)
    close(url)
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([*base, "load", "alex", "--weeks", "104", "--format", "json"], check=True,
                       capture_output=True)  # fmt: skip
        cli.append(time.perf_counter() - start)
    ms = 1000
    return [
        (f"{name}: import {ACTIVITIES:,} runs (Strava zip, in process)",
         statistics.median(imports) * ms),
        (f"{name}: weekly load, 104 weeks (in process)", statistics.median(loads) * ms),
        (f"{name}: CLI load --weeks 104 --format json", statistics.median(cli) * ms),
        (f"{name}: compliance, {len(weeks)} weeks (in process)",
         statistics.median(compliances) * ms),
        (f"{name}: chart --kind load, 104 weeks, SVG (in process)",
         statistics.median(charts) * ms),
    ]  # fmt: skip


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        zipped = export(Path(folder))
        made = time.perf_counter() - start
        size = zipped.stat().st_size / 2**20
        rows += backend_rows("SQLite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}", zipped)
        with postgres_schema() as url:
            rows += backend_rows("PostgreSQL", url, zipped)
    width = max(len(n) for n, _ in rows)
    print(f"runstrong runs benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, medians of {RUNS}")
    print(f"  the export: {ACTIVITIES:,} runs, {size:.1f} MB zipped, written in {made:.1f} s")
    for n, value in rows:
        print(f"  {n:<{width}}  {value:9.1f} ms")


if __name__ == "__main__":
    main()
