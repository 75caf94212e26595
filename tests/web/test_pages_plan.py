"""The plan pages for a signed-in browser: each shows what the command line gives for the same
athlete (the plan `runstrong plan` makes, the balance and heat map of `runstrong balance` and
`heatmap --athlete`, the CLI's own error lines); another account's athlete is 404 on every one.

Signed in the way a browser is: an account made through the API, then the log-in form with its
CSRF token (page_client), the session cookie kept by the test client."""

from __future__ import annotations

import html
import io
import json
import re
import tomllib
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from litestar.testing import TestClient
from sqlalchemy import create_engine, text

from builders import EXAMPLES, ok, run_in_process
from page_client import log_in, post_form
from web_client import NOW, account, add_athlete, client, profile_json

TODAY = NOW.date().isoformat()
ALEX = EXAMPLES / "alex-marathon.toml"
OWNER = "owner@example.org"
CITATIONS = Path(__file__).parents[2] / "src/runstrong/library/data/citations.toml"


# -- builders ---------------------------------------------------------------------------------


def sign_in(web: TestClient[Any], email: str) -> None:
    """Log in through the log-in form, as a browser does: its session cookie kept by `web`."""
    web.cookies.clear()
    answer = log_in(web, email)
    assert answer.status_code == 303, answer.text


@contextmanager
def owner_signed_in(database_url: str) -> Iterator[tuple[TestClient[Any], str, dict[str, str]]]:
    """A client signed in as the owner of Alex (added through the API), Alex's id, and the
    owner's bearer header for the API."""
    with client(database_url) as web:
        auth = account(web, OWNER)
        athlete = add_athlete(web, auth)
        sign_in(web, OWNER)
        yield web, athlete, auth


@pytest.fixture
def sqlite_url(tmp_path: Path) -> Iterator[str]:
    from runstrong.storage import database

    url = f"sqlite:///{tmp_path / 'pages.sqlite3'}"
    yield url
    database.close(url)


def cli(*args: str, db: str | None = None) -> str:
    return ok(run_in_process("--today", TODAY, *args, db=db))


def planned(profile: Path = ALEX) -> dict[str, Any]:
    """The plan `runstrong plan` makes of `profile` on the test clock's day (each week with its
    Sunday, `end_sunday`, for the tests)."""
    found: dict[str, Any] = json.loads(cli("plan", str(profile), "--format", "json"))
    for week in found["weeks"]:
        week["end_sunday"] = (date.fromisoformat(week["start"]) + timedelta(days=6)).isoformat()
    return found


def words(answer: Any) -> str:
    """A page's HTML with its entities read back (an apostrophe is &#39; in the HTML)."""
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/html")
    return html.unescape(answer.text)


def part(page: str, pattern: str) -> str:
    found = re.search(pattern, page, re.DOTALL)
    assert found is not None, pattern
    return found.group(0)


def week_article(page: str, index: int) -> str:
    return part(page, rf'<article class="card week[^"]*" id="week-{index}">.*?</article>')


def session_path(session_id: str) -> str:
    return session_id.split("/", 1)[1]


# -- the calendar -----------------------------------------------------------------------------


def test_the_calendar_shows_each_week_its_phase_marks_and_sessions_by_day(sqlite_url: str) -> None:
    plan = planned()
    with owner_signed_in(sqlite_url) as (web, athlete, _):
        page = words(web.get(f"/athletes/{athlete}/plan"))
    bands = re.findall(r'<li class="band phase-(\w+)">', page)
    phases = [w["phase"] for w in plan["weeks"]]
    assert bands == [p for i, p in enumerate(phases) if i == 0 or phases[i - 1] != p]
    for week in plan["weeks"]:
        article = week_article(page, week["index"])
        assert week["start"] in article
        assert week["goal"] in article
        marks = set(re.findall(r'class="badge mark-(\w+)"', article))
        assert ("deload" in marks) == week["deload"], week["index"]
        assert ("taper" in marks) == (week["phase"] == "taper"), week["index"]
        for s in week["sessions"]:
            link = f'href="/athletes/{athlete}/sessions/{session_path(s["id"])}">{s["title"]}</a>'
            assert link in article
    race = plan["races"][0]
    (race_week,) = [w for w in plan["weeks"] if w["start"] <= race["date"] <= w["end_sunday"]]
    article = week_article(page, race_week["index"])
    assert f"Race: <strong>{race['name']}</strong>" in article
    assert 'class="badge mark-race"' in article


def test_the_calendar_marks_the_sessions_the_log_says_were_done_or_skipped(
    sqlite_url: str,
) -> None:
    week = planned()["weeks"][0]
    done, skipped = week["sessions"][:2]
    logs = [
        {"date": done["date"], "sets": [{"slug": "back_squat", "reps": 5, "kg": 70, "rir": 2}]},
        {"date": skipped["date"], "sets": [], "status": "skipped", "reason": "travel"},
    ]
    with owner_signed_in(sqlite_url) as (web, athlete, auth):
        for log in logs:
            made = web.post(f"/api/v1/athletes/{athlete}/logs", json=log, headers=auth)
            assert made.status_code == 201, made.text
        page = words(web.get(f"/athletes/{athlete}/plan"))
        session_page = web.get(f"/athletes/{athlete}/sessions/{session_path(done['id'])}")
        skipped_page = web.get(f"/athletes/{athlete}/sessions/{session_path(skipped['id'])}")
    article = week_article(page, 1)
    for session, status in ((done, "done"), (skipped, "skipped")):
        link = f"{session['title']}</a>"
        assert re.search(rf"{re.escape(link)}\s*<span class=\"badge logged-{status}\">", article)
    assert page.count('class="badge logged-') == 2
    assert "Logged done: 1 set." in words(session_page)
    assert "Logged skipped (travel)." in words(skipped_page)


# -- a session --------------------------------------------------------------------------------


def test_a_session_shows_exercises_doses_loads_reasons_and_their_sources(sqlite_url: str) -> None:
    plan = planned()
    session = plan["weeks"][0]["sessions"][0]
    references = tomllib.loads(CITATIONS.read_text("utf-8"))
    with owner_signed_in(sqlite_url) as (web, athlete, _):
        page = words(web.get(f"/athletes/{athlete}/sessions/{session_path(session['id'])}"))
    assert f"<h1>{session['title']}</h1>" in page
    cited = set()
    for x in session["exercises"]:
        article = part(page, rf'<article class="card exercise" id="{x["role"]}">.*?</article>')
        assert x["name"] in article
        each = x["reps"] or (f"{x['seconds']} s" if x["seconds"] else f"{x['contacts']} contacts")
        assert f"{x['sets']} × {each}" in article
        if x["load_kg"] is not None:
            assert f"{x['load_kg']:g} kg" in article
        assert x["why"] in article
        for note in x["notes"]:
            assert note["text"] in article
        cited.update(x["citations"], *(n["citations"] for n in x["notes"]))
    for r in session["reasons"]:
        assert f'{r["text"]} <span class="rule muted">({r["rule"]})</span>' in page
        cited.update(r["citations"])
    assert cited
    for key in cited:
        assert f'<dt id="ref-{key}">' in page
        assert references[key]["ref"] in page
    assert "not been re-planned" in part(page, r'<section class="card replan".*?</section>')


def test_weeks_goes_to_the_week_of_today(sqlite_url: str) -> None:
    """The test clock's day (2 December) is before Alex's plan (from 7 December): week 1; a
    month on, the week that holds that day."""
    from web_client import Clock

    clock = Clock()
    with client(sqlite_url, clock=clock) as web:
        athlete = add_athlete(web, account(web, OWNER))
        sign_in(web, OWNER)
        before = web.get(f"/athletes/{athlete}/weeks", follow_redirects=False)
        clock.now = clock.now.replace(day=31)  # Thursday 31 December: the plan's week 4
        during = web.get(f"/athletes/{athlete}/weeks", follow_redirects=False)
    assert before.headers["location"] == f"/athletes/{athlete}/weeks/1"
    assert during.headers["location"] == f"/athletes/{athlete}/weeks/4"


def test_loads_are_shown_in_the_athletes_units(sqlite_url: str) -> None:
    plan = planned()
    session = plan["weeks"][0]["sessions"][0]
    loaded = [x for x in session["exercises"] if x["load_kg"] is not None]
    assert loaded
    with client(sqlite_url) as web:
        auth = account(web, OWNER)
        made = web.post(
            "/api/v1/athletes?units=lb",
            content=profile_json(),
            headers={**auth, "content-type": "application/json"},
        )
        assert made.status_code == 201, made.text
        sign_in(web, OWNER)
        page = words(
            web.get(f"/athletes/{made.json()['id']}/sessions/{session_path(session['id'])}")
        )
    for x in loaded:
        pounds = round(x["load_kg"] / 0.45359237, 1)
        assert f"{pounds:g} lb" in page, x["name"]
        assert f"{x['load_kg']:g} kg</span>" not in page


def test_a_session_not_in_the_plan_is_404(sqlite_url: str) -> None:
    with owner_signed_in(sqlite_url) as (web, athlete, _):
        assert web.get(f"/athletes/{athlete}/sessions/2026-12-07/ZZ").status_code == 404
        assert web.get(f"/athletes/{athlete}/weeks/99").status_code == 404


def save_profile(web: TestClient[Any], athlete: str, profile: str, fmt: str = "toml") -> Any:
    return post_form(web, f"/athletes/{athlete}/profile", {"profile": profile, "format": fmt})


def test_a_re_plan_shows_what_changed_in_a_session_and_why(
    database_url: str, tmp_path: Path
) -> None:
    """Alex from 45 to 30 minutes a session, through the profile editor: the session page names
    the exercises the shorter session lost (as `runstrong plan` makes both plans), the new
    reasons, and the profile line behind them."""
    profile = ALEX.read_text("utf-8")
    shorter = profile.replace("session_minutes = 45", "session_minutes = 30")
    (tmp_path / "alex-30.toml").write_text(shorter, "utf-8")
    before_plan, after_plan = planned(), planned(tmp_path / "alex-30.toml")
    after = after_plan["weeks"][1]["sessions"][0]
    before = next(s for w in before_plan["weeks"] for s in w["sessions"] if s["id"] == after["id"])
    kept = {x["id"] for x in after["exercises"]}
    lost = [x["name"] for x in before["exercises"] if x["id"] not in kept]
    assert lost
    with owner_signed_in(database_url) as (web, athlete, auth):
        assert save_profile(web, athlete, profile).status_code == 303  # version 2: as the TOML
        saved = save_profile(web, athlete, shorter)
        assert saved.status_code == 303
        assert saved.headers["location"] == f"/athletes/{athlete}/profile?saved=3"
        assert (
            web.get(f"/api/v1/athletes/{athlete}", headers=auth).json()["plan_version"]
            == (after_plan["version"])
        )
        page = words(web.get(f"/athletes/{athlete}/sessions/{session_path(after['id'])}"))
    assert '<a href="#replan">The last re-plan changed this session</a>' in page
    replan = part(page, r'<section class="card replan".*?</section>')
    for name in lost:
        assert f"Removed <strong>{name}</strong>" in replan
    assert f"About {before['est_minutes']} → {after['est_minutes']} minutes." in replan
    assert "(left_out_to_fit)" in replan
    assert "<code>availability.session_minutes</code>: 45 → 30" in replan


# -- the profile editor -----------------------------------------------------------------------


def test_the_profile_editor_shows_the_stored_profile_and_saves_a_new_version(
    sqlite_url: str,
) -> None:
    with owner_signed_in(sqlite_url) as (web, athlete, auth):
        page = words(web.get(f"/athletes/{athlete}/profile"))
        stored = json.loads(part(page, r"(?<=>)\{.*\}(?=</textarea>)"))
        assert stored == json.loads(profile_json())  # as the API stored it, on one line
        assert '\n  "athlete": {\n' in page  # shown indented
        assert 'value="json" checked' in page
        toml = ALEX.read_text("utf-8").replace(
            'strength_level = "intermediate"', 'strength_level = "advanced"'
        )
        answer = save_profile(web, athlete, toml)
        assert answer.status_code == 303
        shown = words(web.get(answer.headers["location"]))
        assert "Saved as profile version 2" in shown
        assert 'strength_level = "advanced"' in shown
        assert web.get(f"/api/v1/athletes/{athlete}", headers=auth).json()["profile_version"] == 2


def test_the_profile_editor_rejects_bad_values_with_the_clis_field_paths_and_stores_nothing(
    sqlite_url: str, tmp_path: Path
) -> None:
    bad = (
        ALEX.read_text("utf-8")
        .replace('strength_level = "intermediate"', 'strength_level = "expert"')
        .replace('{ day = "tue", type = "intervals"', '{ day = "tues", type = "intervals"')
    )
    (tmp_path / "bad.toml").write_text(bad, "utf-8")
    said = run_in_process("plan", str(tmp_path / "bad.toml"))
    assert said.returncode == 2
    lines = [
        line.removeprefix(f"error: {tmp_path / 'bad.toml'}: ") for line in said.stderr.splitlines()
    ]
    fields = dict(line.split(": ", 1) for line in lines)
    assert set(fields) == {"athlete.strength_level", "running.week[2].day"}
    with owner_signed_in(sqlite_url) as (web, athlete, auth):
        first = web.get(f"/api/v1/athletes/{athlete}", headers=auth).json()
        answer = save_profile(web, athlete, bad)
        assert answer.status_code == 422
        page = html.unescape(answer.text)
        errors = part(page, r'<div class="error" id="profile-errors".*?</div>')
        for field, message in fields.items():
            assert (
                f'<code class="field">{field}</code>: <span class="message-text">{message}</span>'
                in errors
            )
        assert part(page, r"(?<=spellcheck).*?</textarea>").count('strength_level = "expert"') == 1
        assert web.get(f"/api/v1/athletes/{athlete}", headers=auth).json() == first
    engine = create_engine(sqlite_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM profile_versions")).scalar() == 1
        assert connection.execute(text("SELECT count(*) FROM plan_versions")).scalar() == 1
    engine.dispose()


def key_fields(**changes: Any) -> dict[str, Any]:
    """The key-fields form as a browser sends it for Alex's profile, with `changes` (by path)."""
    from runstrong.profile.edit import KEY_FIELDS, key_values

    values = key_values(ALEX.read_text("utf-8"), ".toml") | {
        path.replace("__", "."): value for path, value in changes.items()
    }
    return {f.name: values.get(f.path, "") for f in KEY_FIELDS}


def test_the_key_fields_are_written_into_the_profile_and_a_bad_one_is_refused_beside_it(
    sqlite_url: str, tmp_path: Path
) -> None:
    toml = ALEX.read_text("utf-8")
    (tmp_path / "bad.toml").write_text(
        toml.replace("body_mass_kg = 64.0", 'body_mass_kg = "sixty"')
    )
    said = run_in_process("plan", str(tmp_path / "bad.toml"))
    (line,) = said.stderr.splitlines()
    message = line.removeprefix(f"error: {tmp_path / 'bad.toml'}: athlete.body_mass_kg: ")
    assert message != line
    with owner_signed_in(sqlite_url) as (web, athlete, auth):
        assert save_profile(web, athlete, toml).status_code == 303  # version 2, in TOML
        path = f"/athletes/{athlete}/profile/fields"
        form = key_fields(availability__session_minutes="30",
                          availability__strength_days=["mon", "thu"])  # fmt: skip
        saved = post_form(web, path, form)
        assert saved.status_code == 303, saved.text
        assert saved.headers["location"].endswith("?saved=3")
        page = words(web.get(f"/athletes/{athlete}/profile"))
        stored = part(page, r"(?<=spellcheck).*?</textarea>")
        assert "session_minutes = 30\n" in stored
        assert 'strength_days = ["mon", "thu"]' in stored
        assert "# Alex: an intermediate marathoner training at home and in a small gym." in stored
        bad = key_fields(athlete__body_mass_kg="sixty")
        refused = post_form(web, path, bad)
        assert refused.status_code == 422
        beside = part(
            html.unescape(refused.text), r'<div id="error-athlete-body_mass_kg">.*?</div>'
        )
        assert f'<p class="field-error">{message}</p>' in beside
        assert 'value="sixty" aria-invalid="true"' in html.unescape(refused.text)
        assert web.get(f"/api/v1/athletes/{athlete}", headers=auth).json()["profile_version"] == 3


# -- the week: heat map and balance -----------------------------------------------------------


def test_a_weeks_heat_map_and_balance_are_those_of_the_command_line(
    sqlite_url: str, tmp_path: Path
) -> None:
    cli("athlete", "add", str(ALEX), db=sqlite_url)  # the CLI's own Alex, in the same database
    balance = json.loads(
        cli("balance", "--athlete", "alex", "--week", "2", "--format", "json", db=sqlite_url)
    )
    cli(
        "heatmap", "--athlete", "alex", "--week", "2", "-o", str(tmp_path / "w2.svg"), db=sqlite_url
    )
    with owner_signed_in(sqlite_url) as (web, athlete, _):
        page = words(web.get(f"/athletes/{athlete}/weeks/2"))
        image = web.get(f"/athletes/{athlete}/weeks/2/heatmap.svg")
        both = web.get(f"/athletes/{athlete}/weeks/2/heatmap.svg?layer=both")
    assert image.headers["content-type"] == "image/svg+xml"
    assert image.content == (tmp_path / "w2.svg").read_bytes()
    assert both.status_code == 200
    assert both.content != image.content
    assert f'src="/athletes/{athlete}/weeks/2/heatmap.svg?layer=strength"' in page
    for m in balance["muscles"]:
        name, sets = m["muscle"].replace("_", " "), f"{m['weighted_sets']:.1f}"
        assert re.search(rf"<td>{name}</td>\s*<td>{re.escape(sets)}</td>", page), m
    for flag in balance["flags"]:
        assert flag in page


# -- history ----------------------------------------------------------------------------------


def test_the_history_lists_the_sets_logged_and_charts_their_e1rm(sqlite_url: str) -> None:
    log = {"date": "2026-12-08", "sets": [
        {"slug": "back_squat", "reps": 5, "kg": 70, "rir": 2},
        {"slug": "back_squat", "reps": 5, "kg": 72.5, "rir": 1},
    ]}  # fmt: skip
    with owner_signed_in(sqlite_url) as (web, athlete, auth):
        empty = words(web.get(f"/athletes/{athlete}/history"))
        assert "Nothing logged yet" in empty
        assert "e1rm.svg" not in empty
        assert web.get(f"/athletes/{athlete}/history/e1rm.svg").status_code == 404
        made = web.post(f"/api/v1/athletes/{athlete}/logs", json=log, headers=auth)
        assert made.status_code == 201, made.text
        history = web.get(f"/api/v1/athletes/{athlete}/history", headers=auth).json()
        page = words(web.get(f"/athletes/{athlete}/history"))
        chart = web.get(f"/athletes/{athlete}/history/e1rm.svg?exercise=back_squat")
    rows = re.findall(r"<tr>\s*<td>2026-12-08</td>.*?</tr>", page, re.DOTALL)
    assert len(rows) == 2
    for row, logged in zip(rows, reversed(history["sets"]), strict=True):
        cells = re.findall(r"<td>([^<]*)</td>", row)
        assert cells[1] == "Back squat"  # its name in the library
        assert cells[3] == "5"
        assert cells[4] == f"{logged['kg']:g}"
        assert cells[6] == f"{round(logged['e1rm_kg'], 1):g}"
    assert chart.headers["content-type"] == "image/svg+xml"
    svg = ElementTree.fromstring(chart.content)
    assert svg.tag.endswith("svg")
    assert "Back squat" in "".join(svg.itertext())


# -- downloads --------------------------------------------------------------------------------


def test_downloads_are_the_apis_exports_and_each_session_is_the_zips_file(sqlite_url: str) -> None:
    plan = planned()
    with owner_signed_in(sqlite_url) as (web, athlete, auth):
        page = words(web.get(f"/athletes/{athlete}/downloads"))
        for fmt in ("pdf", "ics", "fit", "csv", "json"):
            assert f'href="/athletes/{athlete}/exports/{fmt}"' in page
        for fmt in ("csv", "ics", "json"):
            mine = web.get(f"/athletes/{athlete}/exports/{fmt}")
            api = web.get(f"/api/v1/athletes/{athlete}/exports/{fmt}", headers=auth)
            assert mine.status_code == 200
            assert mine.content == api.content
            assert "attachment" in mine.headers["content-disposition"]
        archive = zipfile.ZipFile(io.BytesIO(web.get(f"/athletes/{athlete}/exports/fit").content))
        first = plan["weeks"][0]["sessions"][0]
        one = web.get(f"/athletes/{athlete}/exports/fit/{session_path(first['id'])}")
    sessions = [s for w in plan["weeks"] for s in w["sessions"]]
    for s in sessions:
        assert f'href="/athletes/{athlete}/exports/fit/{session_path(s["id"])}"' in page
    name = re.search(r'filename="([^"]+)"', one.headers["content-disposition"])
    assert name is not None
    assert name.group(1).startswith(first["date"])
    assert one.content == archive.read(name.group(1))


# -- who sees what ----------------------------------------------------------------------------

PAGES = (
    "plan", "sessions/2026-12-07/A", "weeks", "weeks/1", "weeks/1/heatmap.svg", "history",
    "history/e1rm.svg", "downloads", "profile", "exports/csv", "exports/json", "exports/ics",
    "exports/fit", "exports/fit/2026-12-07/A",
)  # fmt: skip


def test_another_account_gets_404_on_every_page_and_cannot_save_the_profile(
    sqlite_url: str,
) -> None:
    log = {"date": "2026-12-08", "sets": [{"slug": "back_squat", "reps": 5, "kg": 70, "rir": 2}]}
    with owner_signed_in(sqlite_url) as (web, athlete, auth):
        assert (
            web.post(f"/api/v1/athletes/{athlete}/logs", json=log, headers=auth).status_code == 201
        )
        for path in PAGES:  # the owner's: every one there
            assert web.get(f"/athletes/{athlete}/{path}").status_code == 200, path
        account(web, "other@example.org")
        sign_in(web, "other@example.org")
        for path in PAGES:
            answer = web.get(f"/athletes/{athlete}/{path}")
            assert answer.status_code == 404, path
            assert "Alex" not in answer.text
        refused = save_profile(web, athlete, ALEX.read_text("utf-8"))
        assert refused.status_code == 404
        fields = f"/athletes/{athlete}/profile/fields"
        assert post_form(web, fields, key_fields()).status_code == 404
        assert web.get(f"/api/v1/athletes/{athlete}", headers=auth).json()["profile_version"] == 1


def test_the_pages_hold_no_script_and_no_inline_style(sqlite_url: str) -> None:
    """What the CSP (script-src 'self', style-src 'self') would refuse: none on these pages,
    which read as they are without JavaScript."""
    with owner_signed_in(sqlite_url) as (web, athlete, _):
        for path in ("plan", "sessions/2026-12-07/A", "weeks/1", "history", "downloads", "profile"):
            page = web.get(f"/athletes/{athlete}/{path}").text
            assert "<script" not in page, path
            assert not re.search(r"\sstyle=|<style|\son[a-z]+=", page), path


def test_signed_out_every_page_sends_the_browser_to_log_in(sqlite_url: str) -> None:
    with owner_signed_in(sqlite_url) as (web, athlete, _):
        web.cookies.clear()
        for path in PAGES:
            answer = web.get(f"/athletes/{athlete}/{path}", follow_redirects=False)
            assert answer.status_code == 303, path
            assert answer.headers["location"].startswith("/login?next=")
