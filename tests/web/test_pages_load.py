"""The training load page (issue 17 in the web app): the weeks of `runstrong load` and
`runstrong compliance` as a table, and the weekly charts as SVG images of their own routes;
before the plan starts it says so; another account's athlete is 404."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from builders import EXAMPLES, ok, run_in_process
from page_client import log_in
from web_client import NOW, Clock, account, add_athlete, client

OWNER = "owner@example.org"
STRANGER = "stranger@example.org"
THURSDAY = datetime(2026, 12, 10, 20, 0, tzinfo=UTC)  # Alex's plan starts on Monday 7 December
RPE, MINUTES = 7, 50  # Foster's session load: 7 x 50 = 350 AU


@pytest.fixture
def sqlite_url(tmp_path: Path) -> Iterator[str]:
    from runstrong.storage import database

    url = f"sqlite:///{tmp_path / 'load.sqlite3'}"
    yield url
    database.close(url)


def first_session_day() -> str:
    """The day of Alex's first session, as `runstrong plan` places it."""
    import json

    plan = json.loads(
        ok(
            run_in_process(
                "--today", NOW.date().isoformat(), "plan",
                str(EXAMPLES / "alex-marathon.toml"), "--format", "json",
            )
        )
    )  # fmt: skip
    day: str = plan["weeks"][0]["sessions"][0]["date"]
    assert date.fromisoformat(day) <= THURSDAY.date()
    return day


def row_of(page: str, monday: str) -> list[str]:
    """The cells of the table's row of the week of `monday`."""
    found = re.search(rf"<tr>\s*<td>{monday}</td>(.*?)</tr>", page, re.S)
    assert found, f"no row for the week of {monday}"
    return [c.strip() for c in re.findall(r"<td>(.*?)</td>", found.group(1), re.S)]


def test_the_load_page_shows_a_logged_sessions_load_and_the_weekly_charts(
    sqlite_url: str,
) -> None:
    clock = Clock()
    with client(sqlite_url, clock=clock) as web:
        auth = account(web, OWNER)
        athlete = add_athlete(web, auth)
        assert log_in(web, OWNER).status_code == 303
        before = web.get(f"/athletes/{athlete}/load")
        clock.now = THURSDAY
        log = {
            "date": first_session_day(),
            "sets": [{"slug": "bulgarian_split_squat", "reps": 8, "kg": 14, "rir": 2}],
            "rpe": RPE,
            "minutes": MINUTES,
        }
        assert (
            web.post(f"/api/v1/athletes/{athlete}/logs", json=log, headers=auth).status_code == 201
        )
        page = web.get(f"/athletes/{athlete}/load")
        charts = {k: web.get(f"/athletes/{athlete}/load/{k}.svg") for k in ("load", "monotony")}
        unknown = web.get(f"/athletes/{athlete}/load/pie.svg")
    assert before.status_code == 200
    assert "The plan has not started yet" in before.text
    assert page.status_code == 200
    running, lifting, total = row_of(page.text, "2026-12-07")[:3]
    assert (running, lifting, total) == ("0", str(RPE * MINUTES), str(RPE * MINUTES))
    assert 'src="/athletes/' + athlete + '/load/load.svg"' in page.text
    assert "does not predict injury" in page.text
    for answer in charts.values():
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"].startswith("image/svg+xml")
        assert answer.text.lstrip().startswith("<svg")
    assert "Lifting" in charts["load"].text
    assert unknown.status_code == 404


def test_another_accounts_athlete_has_no_load_page(sqlite_url: str) -> None:
    clock = Clock(THURSDAY)
    with client(sqlite_url, clock=clock) as web:
        athlete = add_athlete(web, account(web, OWNER))
        account(web, STRANGER)
        web.cookies.clear()
        assert log_in(web, STRANGER).status_code == 303
        page = web.get(f"/athletes/{athlete}/load")
        chart = web.get(f"/athletes/{athlete}/load/load.svg")
    assert (page.status_code, chart.status_code) == (404, 404)
