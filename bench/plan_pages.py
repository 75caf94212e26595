"""The plan pages (web/pages_plan.py) in one process: Alex added through the API on a SQLite
file, three days logged, a browser session from the log-in form, then each page asked for in
turn through Litestar's test client (no network, no server): the median and 90th percentile
milliseconds of each after a warm-up, without the input cache and with it (as `runstrong serve`
runs). Run with `.venv/bin/python -m bench.plan_pages`.

What it shows: where a page's time goes (the stored plan read as JSON for the calendar and a
session; the plan as lived, the stored plan validated again unless cached, for a week's heat map
and balance and a session's watch file; the e1RM chart drawn by vl-convert), not a server's
throughput (bench/web_api.py).
"""

from __future__ import annotations

import json
import re
import statistics
import tempfile
import time
import tomllib
from datetime import UTC, date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from litestar.testing import TestClient

from bench.__main__ import ALEX
from runstrong.web.app import create_app
from runstrong.web.config import WebConfig

REQUESTS = 30
WARM_UP = 3
PASSWORD = "bench password"
NOW = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
PAGES = (
    "plan", "sessions/2026-12-07/A", "weeks/2", "weeks/2/heatmap.svg", "history",
    "history/e1rm.svg", "downloads", "profile", "exports/fit/2026-12-07/A",
)  # fmt: skip


def _iso(value: object) -> str:
    if isinstance(value, date | clock_time | datetime):
        return value.isoformat()
    raise TypeError(type(value))


def signed_in(web: TestClient[Any]) -> str:
    """An account with Alex and a logged session, signed in by the log-in form: Alex's id."""
    email = "bench@example.org"
    assert web.post("/api/v1/users", json={"email": email, "password": PASSWORD}).is_success
    token = web.post("/api/v1/tokens", json={"email": email, "password": PASSWORD}).json()
    auth = {"Authorization": f"Bearer {token['token']}", "content-type": "application/json"}
    body = json.dumps(tomllib.loads(ALEX.read_text("utf-8")), default=_iso)
    athlete = str(web.post("/api/v1/athletes", content=body, headers=auth).json()["id"])
    sets = [{"slug": "back_squat", "reps": 5, "kg": 70 + i, "rir": 2} for i in range(3)]
    for day in ("2026-12-08", "2026-12-15", "2026-12-22"):
        log = {"date": day, "sets": sets}
        assert web.post(f"/api/v1/athletes/{athlete}/logs", json=log, headers=auth).is_success
    form = web.get("/login").text
    csrf = re.search(r'name="_csrf_token" value="([^"]+)"', form)
    assert csrf is not None
    data = {"email": email, "password": PASSWORD, "_csrf_token": csrf.group(1)}
    assert web.post("/login", data=data, follow_redirects=False).status_code == 303
    return athlete


def medians(folder: Path, cache_dir: Path | None) -> dict[str, tuple[float, float]]:
    """Each page's median and 90th percentile ms, on a database of its own in `folder`."""
    url = f"sqlite:///{folder / ('cached' if cache_dir else 'uncached')}.sqlite3"
    config = WebConfig(database_url=url, cache_dir=cache_dir, clock=lambda: NOW)
    found = {}
    with TestClient(app=create_app(config)) as web:
        athlete = signed_in(web)
        for page in PAGES:
            path = f"/athletes/{athlete}/{page}"
            seconds = []
            for i in range(WARM_UP + REQUESTS):
                start = time.perf_counter()
                answer = web.get(path)
                took = time.perf_counter() - start
                assert answer.status_code == 200, (path, answer.status_code)
                if i >= WARM_UP:
                    seconds.append(took * 1000)
            found[page] = (statistics.median(seconds), statistics.quantiles(seconds, n=10)[-1])
    return found


def main() -> None:
    """Each page without the input cache (WebConfig.cache_dir None) and with it, as `runstrong
    serve` runs (the user's cache folder): stored plans read again are unpickled."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        without = medians(folder, None)
        cached = medians(folder, folder / "cache")
    print(f"{'page':28} {'no cache: median':>16} {'p90':>6} {'cache: median':>14} {'p90':>6} ratio")
    for page in PAGES:
        (a, a90), (b, b90) = without[page], cached[page]
        print(f"{page:28} {a:16.1f} {a90:6.1f} {b:14.1f} {b90:6.1f} {a / b:5.1f}")


if __name__ == "__main__":
    main()
