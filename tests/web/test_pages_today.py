"""The athletes' pages and the today page, posted as a browser posts them: an athlete added from
a profile (with the command line's field errors for a wrong one), the day's session with its
loads and reasons, its sets logged per side in the athlete's units, skipped or moved, another
account's athlete never seen; on SQLite and PostgreSQL for the whole flow."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from litestar.testing import TestClient

from builders import EXAMPLES, run_in_process
from page_client import alert, form_fields, log_in, post_form, rows_of, signed_up
from web_client import Clock, bearer, client

SESSION_DAY = "2026-12-08"  # Alex's first session (the plan starts on Monday 7 December)
ON_SESSION_DAY = datetime(2026, 12, 8, 17, 0, tzinfo=UTC)
ATHLETE_TODAY = re.compile(r"/athletes/(a_[A-Za-z0-9_-]+)/today")  # by the API's opaque id
LB_IN_KG = 0.45359237  # the international pound


def added_alex(web: TestClient[Any], **form: str) -> str:
    """Alex's example profile uploaded on the add page; the page it leads to."""
    raw = (EXAMPLES / "alex-marathon.toml").read_bytes()
    made = web.post(
        "/athletes/new",
        files={"profile_file": ("alex-marathon.toml", raw, "application/toml")},
        data={**form, "_csrf_token": web.cookies["rs_csrf"]},
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    return str(made.headers["location"])


@contextmanager
def on_alex_session_day(database_url: str, **form: str) -> Iterator[tuple[TestClient[Any], str]]:
    """Alex added by his account on 2 December, then the clock on his first session's day;
    and his today page."""
    clock = Clock()
    with client(database_url, clock=clock) as web:
        signed_up(web, "alex@example.org")
        today = added_alex(web, **form)
        clock.now = ON_SESSION_DAY
        yield web, today


def history(web: TestClient[Any], email: str, today: str) -> list[dict[str, Any]]:
    """The sets logged for the athlete of the `today` page, read back through the API (the
    account's own token), by the same id."""
    athlete = ATHLETE_TODAY.fullmatch(today)
    assert athlete is not None, today
    found = web.get(f"/api/v1/athletes/{athlete.group(1)}/history", headers=bearer(web, email))
    assert found.status_code == 200
    sets: list[dict[str, Any]] = found.json()["sets"]
    return sets


def ticked(fields: dict[str, str], keys: list[int]) -> dict[str, str]:
    return {**fields, **{f"r{k}_done": "1" for k in keys}}


def test_a_session_is_logged_per_side_from_the_today_page(database_url: str) -> None:
    clock = Clock()
    with client(database_url, clock=clock) as web:
        signed_up(web, "alex@example.org")
        today = added_alex(web)
        assert ATHLETE_TODAY.fullmatch(today), today
        clock.now = ON_SESSION_DAY
        day = web.get(today)
        assert day.status_code == 200
        assert "Strength A" in day.text
        fields = form_fields(day.text, f"{today}/log")
        split_squat = rows_of(fields, "bulgarian_split_squat")
        skipping = rows_of(fields, "skipping")
        assert [fields[f"r{k}_side"] for k in split_squat] == ["left", "right"] * 3
        form = ticked(fields, split_squat[:2] + skipping[:1])
        form[f"r{split_squat[0]}_load"] = "12,5"  # a decimal comma, as phones type it
        form[f"r{split_squat[1]}_amount"] = "7"
        form |= {"rpe": "7", "minutes": "40"}
        logged = post_form(web, f"{today}/log", form)
        assert logged.status_code == 303
        assert logged.headers["location"] == f"{today}?date={SESSION_DAY}&saved=done"
        after = web.get(logged.headers["location"])
        sets = history(web, "alex@example.org", today)
    assert "Saved. Logged: done, 3 sets." in after.text
    shown = form_fields(after.text, f"{today}/log")  # the form as the log fills it in
    first, second, third = (f"r{k}_" for k in split_squat[:3])
    assert (shown[f"{first}done"], shown[f"{first}load"]) == ("1", "12.5")
    assert (shown[f"{second}done"], shown[f"{second}amount"]) == ("1", "7")
    assert f"{third}done" not in shown
    planned_reps = int(fields[f"r{split_squat[0]}_amount"])
    assert [(s["slug"], s["side"], s["reps"], s["kg"], s["contacts"]) for s in sets] == [
        ("skipping", "left", None, None, int(fields[f"r{skipping[0]}_amount"])),  # in page order
        ("bulgarian_split_squat", "left", planned_reps, 12.5, None),
        ("bulgarian_split_squat", "right", 7, float(fields[f"r{split_squat[1]}_load"]), None),
    ]
    assert {s["date"] for s in sets} == {SESSION_DAY}


def test_loads_are_typed_and_shown_in_the_athletes_units(tmp_path: Path) -> None:
    with on_alex_session_day(f"sqlite:///{tmp_path / 'lb.sqlite3'}", units="lb") as (web, today):
        day = web.get(today)
        fields = form_fields(day.text, f"{today}/log")
        press = rows_of(fields, "dumbbell_overhead_press")
        form = ticked(fields, press[:1]) | {f"r{press[0]}_load": "50"}
        assert post_form(web, f"{today}/log", form).status_code == 303
        sets = history(web, "alex@example.org", today)
    assert '<th scope="col">lb</th>' in day.text
    assert abs(sets[0]["kg"] - 50 * LB_IN_KG) < 0.01


def test_the_why_of_each_exercise_is_one_tap_away(tmp_path: Path) -> None:
    with on_alex_session_day(f"sqlite:///{tmp_path / 'why.sqlite3'}") as (web, today):
        day = web.get(today).text
    sections = re.findall(r'<section class="card exercise".*?</section>', day, re.S)
    assert len(sections) == len(set(re.findall(r'name="r\d+_slug" value="([^"]+)"', day)))
    for section in sections:
        why = re.search(r'<details class="why">\s*<summary>Why</summary>(.*?)</details>', section,
                        re.S)  # fmt: skip
        assert why is not None
        assert "Sources: " in why.group(1)  # the exercise's citations (docs/science.md)


def test_a_form_with_mistakes_logs_nothing_and_says_where(tmp_path: Path) -> None:
    with on_alex_session_day(f"sqlite:///{tmp_path / 'bad.sqlite3'}") as (web, today):
        fields = form_fields(web.get(today).text, f"{today}/log")
        rows = rows_of(fields, "bulgarian_split_squat")
        nothing = post_form(web, f"{today}/log", fields)
        heavy = post_form(
            web, f"{today}/log", ticked(fields, rows[:2]) | {f"r{rows[1]}_load": "heavy"}
        )
        rpe = post_form(web, f"{today}/log", ticked(fields, rows[:1]) | {"rpe": "11"})
        sets = history(web, "alex@example.org", today)
    assert (nothing.status_code, heavy.status_code, rpe.status_code) == (422, 422, 422)
    assert "Sets: tick each set you did" in alert(nothing.text)
    assert re.search(r"Set 1 R load: should be a number from 0 to 1000</p>", heavy.text)  # its row
    assert "Bulgarian split squat, Set 1 R load: should be a number from 0 to 1000" in alert(
        heavy.text
    )  # and the list at the top
    assert f'name="r{rows[1]}_load" aria-label="Bulgarian split squat Set 1 R kg"' in heavy.text
    assert 'value="heavy" aria-invalid="true"' in heavy.text  # kept, and marked
    assert "Session RPE: should be a whole number from 0 to 10" in alert(rpe.text)
    assert sets == []


def test_a_logged_day_is_replaced_only_when_asked(tmp_path: Path) -> None:
    with on_alex_session_day(f"sqlite:///{tmp_path / 'again.sqlite3'}") as (web, today):
        fields = form_fields(web.get(today).text, f"{today}/log")
        rows = rows_of(fields, "bulgarian_split_squat")
        assert post_form(web, f"{today}/log", ticked(fields, rows)).status_code == 303
        again = post_form(web, f"{today}/log", ticked(fields, rows[:1]))
        assert again.status_code == 422
        assert "is logged already (done): tick Replace" in alert(again.text)
        assert len(history(web, "alex@example.org", today)) == len(rows)
        replaced = post_form(web, f"{today}/log", ticked(fields, rows[:1]) | {"replace": "1"})
        assert replaced.status_code == 303
        assert len(history(web, "alex@example.org", today)) == 1


def test_a_session_skipped_or_moved_says_so_on_its_day(tmp_path: Path) -> None:
    with on_alex_session_day(f"sqlite:///{tmp_path / 'moves.sqlite3'}") as (web, today):
        form = form_fields(web.get(today).text, f"{today}/move")
        same_day = post_form(web, f"{today}/move", form | {"moved_to": SESSION_DAY})
        moved = post_form(web, f"{today}/move", form | {"moved_to": "2026-12-09"})
        on_new_day = web.get(f"{today}?date=2026-12-09")
        skip_form = form_fields(on_new_day.text, f"{today}/skip")
        skipped = post_form(web, f"{today}/skip", skip_form | {"reason": "travel"})
        after = web.get(skipped.headers["location"])
    assert same_day.status_code == 422
    assert "is the session's own day" in html.unescape(same_day.text)
    assert moved.status_code == 303
    assert "Wednesday 9 December 2026" in on_new_day.text  # the moved session, on its new day
    assert skip_form["date"] == "2026-12-09"
    assert "Session logged as skipped." in after.text
    # skipped, the session is placed again by the plan as lived (or dropped): not on that day
    assert "Wednesday 9 December" not in after.text


def test_another_accounts_athlete_is_not_found_and_never_written(database_url: str) -> None:
    with on_alex_session_day(database_url) as (web, today):
        fields = form_fields(web.get(today).text, f"{today}/log")
        rows = rows_of(fields, "bulgarian_split_squat")
        post_form(web, "/logout", {})
        signed_up(web, "other@example.org")
        seen = web.get(today)
        written = post_form(web, f"{today}/log", ticked(fields, rows))
        skipped = post_form(web, f"{today}/skip", fields)
        listed = web.get("/athletes")
        post_form(web, "/logout", {})
        assert log_in(web, "alex@example.org").status_code == 303
        sets = history(web, "alex@example.org", today)
        own = web.get(today)
    assert (seen.status_code, written.status_code, skipped.status_code) == (404, 404, 404)
    assert "No such athlete." in seen.text
    assert today.removesuffix("today") not in listed.text
    assert sets == []
    assert "Logged:" not in own.text


def test_the_athletes_page_lists_the_accounts_athletes(tmp_path: Path) -> None:
    with client(f"sqlite:///{tmp_path / 'list.sqlite3'}") as web:
        signed_up(web, "coach@example.org")
        empty = web.get("/athletes")
        today = added_alex(web, handle="alex-2027")
        listed = web.get("/athletes")
    assert "No athletes yet" in empty.text
    assert ATHLETE_TODAY.fullmatch(today), today  # by its public id, not its handle
    assert f'href="{today}"' in listed.text
    assert '<span class="muted">alex-2027</span>' in listed.text
    assert "Plan 7 Dec 2026 to" in listed.text


def test_a_wrong_profile_shows_the_command_lines_errors_on_their_fields(tmp_path: Path) -> None:
    profile = tmp_path / "wrong.toml"
    text = (EXAMPLES / "alex-marathon.toml").read_text("utf-8")
    text = text.replace('name = "Alex"', "name = 3", 1).replace("schema_version", "schema_versio")
    profile.write_text(text, "utf-8")
    cli = run_in_process("athlete", "add", str(profile), db=f"sqlite:///{tmp_path / 'cli.db'}")
    with client(f"sqlite:///{tmp_path / 'pages.sqlite3'}") as web:
        signed_up(web, "alex@example.org")
        page = post_form(web, "/athletes/new", {"profile_text": text, "handle": "al"})
        listed = web.get("/athletes")
    assert page.status_code == 422
    expected = [line.removeprefix(f"error: {profile}: ") for line in cli.stderr.splitlines()]
    assert len(expected) >= 2
    for line in expected:
        field, message = line.split(": ", 1)
        assert f"<li><code>{field}</code>: {message}</li>" in html.unescape(page.text)
    assert text[:60] in html.unescape(page.text)  # what was pasted, kept to be corrected
    assert 'value="al"' in page.text
    assert "No athletes yet" in listed.text


def test_a_taken_handle_is_an_error_on_its_field(tmp_path: Path) -> None:
    with client(f"sqlite:///{tmp_path / 'handle.sqlite3'}") as web:
        signed_up(web, "alex@example.org")
        added_alex(web, handle="alex")
        text = (EXAMPLES / "alex-marathon.toml").read_text("utf-8")
        taken = post_form(web, "/athletes/new", {"profile_text": text, "handle": "alex"})
        bad = post_form(web, "/athletes/new", {"profile_text": text, "handle": "Alex!"})
    assert (taken.status_code, bad.status_code) == (422, 422)
    assert "<code>handle</code>" in taken.text
    assert "<code>handle</code>" in bad.text


def test_pages_carry_no_inline_script_or_style(tmp_path: Path) -> None:
    """The CSP forbids inline script and style: a page that had them would break in browsers."""
    clock = Clock()
    with client(f"sqlite:///{tmp_path / 'csp.sqlite3'}", clock=clock) as web:
        pages = [web.get("/login").text, web.get("/signup").text]
        signed_up(web, "alex@example.org")
        pages += [web.get("/athletes").text, web.get("/athletes/new").text]
        today = added_alex(web)
        clock.now = ON_SESSION_DAY
        day = web.get(today)
        pages.append(day.text)
        pages.append(web.get("/athletes/nobody/today").text)
    assert "script-src 'self'" in day.headers["content-security-policy"]
    for text in pages:
        assert not re.search(r"<script(?![^>]*\bsrc=)", text)
        assert not re.search(r"<style|\sstyle=|\son[a-z]+=", text)


def test_the_rest_timer_times_the_rest_the_page_states(tmp_path: Path) -> None:
    """A superset's member goes straight on (no timer); after the pair, and after any other
    exercise, the timer runs the rest its dose line says."""
    with on_alex_session_day(f"sqlite:///{tmp_path / 'rest.sqlite3'}") as (web, today):
        day = web.get(today).text
    sections = re.findall(r'<section class="card exercise".*?</section>', day, re.S)
    straight = 0
    for section in sections:
        timed = set(re.findall(r'data-rest-s="(\d+)"', section))
        said = re.search(
            r'class="muted">· (then straight to|rest (\d+):(\d\d)|rest (\d+) s)', section
        )
        assert said is not None
        minutes, seconds, only_seconds = said.group(2, 3, 4)
        if said.group(1) == "then straight to":
            straight += 1
            assert timed == {"0"}
        elif only_seconds:
            assert timed == {only_seconds}
        else:
            assert timed == {str(int(minutes) * 60 + int(seconds))}
    assert straight >= 1  # Alex's session has a superset


def test_the_next_session_is_one_link_away_and_a_day_past_the_plan_has_none(
    tmp_path: Path,
) -> None:
    with on_alex_session_day(f"sqlite:///{tmp_path / 'days.sqlite3'}") as (web, today):
        day = web.get(today).text
        link = re.search(r'<a href="([^"]+)">Next session →</a>', day)
        assert link is not None
        following = web.get(html.unescape(link.group(1)))
        past = web.get(f"{today}?date=2031-01-01")
        not_a_day = web.get(f"{today}?date=tomorrow")
    assert html.unescape(link.group(1)) == f"{today}?date=2026-12-09"
    assert following.status_code == 200
    when = re.search(r'class="when">Alex · (\w+ \d+ \w+ 2026)', following.text)
    assert when is not None
    assert when.group(1) != "Tuesday 8 December"  # a later session
    assert past.status_code == 404
    assert "<h1>No session</h1>" in past.text
    assert not_a_day.status_code == 422
    assert "The date is not a day" in not_a_day.text
