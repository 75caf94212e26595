"""A coach's pinned edits from the session page, as a browser posts them: a swap and a dose
change pinned, kept through the athlete's profile update (a re-plan), shown read-only to the
owner, removed by the coach; the owner may not pin (403), another account sees nothing (404), a
mistake is shown beside its field (422) with nothing stored; on SQLite and PostgreSQL."""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from litestar.testing import TestClient

from page_client import log_in, post_form, signed_up
from web_client import Clock, client, coached, profile_json

OWNER = "owner@example.org"
COACH = "coach@example.org"
NOTE = "Back tight after the long run: one leg at a time this block."
SWAP = "single_leg_romanian_deadlift"  # a hinge on dumbbells or none, as Alex's kit allows


def as_account(web: TestClient[Any], email: str) -> None:
    web.cookies.clear()
    assert log_in(web, email).status_code == 303


def plan_of(web: TestClient[Any], athlete: str, auth: dict[str, str]) -> dict[str, Any]:
    answer = web.get(f"/api/v1/athletes/{athlete}/plan", headers=auth)
    assert answer.status_code == 200, answer.text
    plan: dict[str, Any] = json.loads(answer.content)
    return plan


def first_session(plan: dict[str, Any]) -> dict[str, Any]:
    """The plan's first session with a main lift and another exercise dosed in reps."""
    return next(
        s
        for w in plan["weeks"]
        for s in w["sessions"]
        if s["exercises"][0]["role"] == "main"
        and any(x["reps"] is not None for x in s["exercises"][1:])
    )


def exercise_of(plan: dict[str, Any], exercise_id: str) -> dict[str, Any]:
    return next(
        x
        for w in plan["weeks"]
        for s in w["sessions"]
        for x in s["exercises"]
        if x["id"] == exercise_id
    )


def session_url(athlete: str, session: dict[str, Any]) -> str:
    return f"/athletes/{athlete}/sessions/{session['id'].split('/', 1)[1]}"


def no_inline_script_or_style(text: str) -> bool:
    """What the CSP refuses (as test_pages_today's check): an inline script, style or handler."""
    return not re.search(r"<script(?![^>]*\bsrc=)", text) and not re.search(
        r"<style|\sstyle=|\son[a-z]+=", text
    )


def test_a_coach_pins_a_swap_and_a_dose_keeps_them_through_a_re_plan_and_removes_one(
    database_url: str,
) -> None:
    with client(database_url) as web:
        owner, coach, athlete, _ = coached(web, database_url)
        planned_plan = plan_of(web, athlete, owner)
        session = first_session(planned_plan)
        main = session["exercises"][0]
        other = next(x for x in session["exercises"][1:] if x["reps"] is not None)
        assert main["slug"] == "dumbbell_romanian_deadlift"  # Alex's first main lift, a hinge
        url = session_url(athlete, session)

        as_account(web, COACH)
        before = web.get(url)
        swap = post_form(web, f"{url}/pins", {
            "exercise_id": main["id"], "slug": SWAP, "sets": "4", "reps": "8",
            "rir": "", "note": NOTE,
        })  # fmt: skip
        dose = post_form(web, f"{url}/pins", {
            "exercise_id": other["id"], "slug": "", "sets": "2", "reps": "", "rir": "4",
            "note": "",
        })  # fmt: skip
        pinned_page = web.get(url)
        pinned = plan_of(web, athlete, owner)

        # the owner updates the profile: the re-plan keeps both pins
        put = web.put(
            f"/api/v1/athletes/{athlete}",
            content=profile_json(),
            headers={**owner, "content-type": "application/json"},
        )
        assert put.status_code == 200, put.text
        kept = plan_of(web, athlete, owner)
        as_account(web, OWNER)
        owner_page = web.get(url)
        owner_pins = web.get(f"/api/v1/athletes/{athlete}/pins", headers=owner).json()["items"]
        owner_pin = post_form(web, f"{url}/pins", {"exercise_id": main["id"], "sets": "3"})
        owner_remove = post_form(web, f"{url}/pins/{owner_pins[0]['id']}/remove", {})

        as_account(web, COACH)
        page = web.get(url).text
        remove = re.search(rf'action="({re.escape(url)}/pins/(\d+)/remove)"', page)
        assert remove is not None, page
        removed = post_form(web, remove.group(1), {})
        again = post_form(web, remove.group(1), {})
        after = plan_of(web, athlete, owner)
        left = web.get(f"/api/v1/athletes/{athlete}/pins", headers=coach).json()["items"]

    assert "Pin an edit" in before.text
    offered = re.findall(r'<option value="([a-z_]+)"', before.text.split('id="pin-main-slug"')[1])
    assert SWAP in offered  # a hinge the kit allows
    assert "romanian_deadlift" not in offered  # a barbell's: Alex has none
    assert "goblet_squat" not in offered  # a squat, not a hinge
    assert main["slug"] not in offered
    assert (swap.status_code, dose.status_code) == (303, 303)
    assert swap.headers["location"] == f"{url}#pin-{main['id'].rsplit('/', 1)[1]}"

    swapped = exercise_of(pinned, main["id"])
    assert (swapped["slug"], swapped["sets"], swapped["reps"]) == (SWAP, 4, 8)
    assert swapped["notes"][-1]["rule"] == "coach_pinned"
    dosed = exercise_of(pinned, other["id"])
    assert (dosed["slug"], dosed["sets"], dosed["reps"], dosed["rir"]) == (
        other["slug"], 2, other["reps"], 4,
    )  # fmt: skip

    assert put.json()["profile_version"] == 2
    swapped_kept = exercise_of(kept, main["id"])
    assert (swapped_kept["slug"], swapped_kept["sets"], swapped_kept["reps"]) == (
        SWAP, 4, 8,
    )  # fmt: skip
    dosed_kept = exercise_of(kept, other["id"])
    assert (dosed_kept["sets"], dosed_kept["rir"]) == (2, 4)

    text = html.unescape(pinned_page.text)
    assert "Pinned by the coach" in text
    assert NOTE in text
    assert "swapped for Single-leg Romanian deadlift, 4 sets, 8 reps" in text
    assert "2 sets, RIR 4" in text
    assert pinned_page.text.count('/remove"') == 2

    owner_text = html.unescape(owner_page.text)
    assert "Pinned by the coach" in owner_text
    assert COACH in owner_text
    assert NOTE in owner_text
    assert "/remove" not in owner_page.text  # read-only
    assert "Pin an edit" not in owner_page.text
    assert f'action="{url}/pins"' not in owner_page.text
    assert (owner_pin.status_code, owner_remove.status_code) == (403, 403)
    assert len(owner_pins) == 2

    assert removed.status_code == 303
    assert again.status_code == 404
    assert len(left) == 1
    removed_id = int(remove.group(2))
    assert removed_id not in {p["id"] for p in left}
    back = {x["id"]: x for x in (exercise_of(after, main["id"]), exercise_of(after, other["id"]))}
    still = left[0]["exercise_id"]
    gone = main["id"] if still == other["id"] else other["id"]
    original = main if gone == main["id"] else other
    assert (back[gone]["slug"], back[gone]["sets"], back[gone]["reps"]) == (
        original["slug"], original["sets"], original["reps"],
    )  # fmt: skip
    assert all(n["rule"] != "coach_pinned" for n in back[gone]["notes"])
    assert any(n["rule"] == "coach_pinned" for n in back[still]["notes"])
    for shown in (before.text, pinned_page.text, owner_page.text):
        assert no_inline_script_or_style(shown)


def test_a_mistake_is_shown_beside_its_field_and_nothing_is_stored(database_url: str) -> None:
    with client(database_url) as web:
        owner, coach, athlete, _ = coached(web, database_url)
        plan = plan_of(web, athlete, owner)
        session = first_session(plan)
        main = session["exercises"][0]
        url = session_url(athlete, session)
        as_account(web, COACH)
        cases = {
            "sets": ({"sets": "40"}, "should be from 1 to 20"),
            "reps": ({"reps": "eight"}, "should be a whole number (got 'eight')"),
            "slug": ({"slug": "no_such_lift"}, "no exercise 'no_such_lift' in the library"),
            "seconds": ({"seconds": "30"}, "this exercise is dosed in reps, not seconds"),
            "exercise_id": (
                {"exercise_id": "nobody/2026-12-07/Z/main"}, "is not an exercise of this session",
            ),
        }  # fmt: skip
        answers = {
            field: post_form(web, f"{url}/pins", {"exercise_id": main["id"], **sent})
            for field, (sent, _) in cases.items()
        }
        pins = web.get(f"/api/v1/athletes/{athlete}/pins", headers=coach).json()["items"]
        after = plan_of(web, athlete, owner)

    for field, (_, message) in cases.items():
        answer = answers[field]
        assert answer.status_code == 422, (field, answer.text[:300])
        said = f'<code class="field">{field}</code>: <span class="message-text">{message}</span>'
        assert said in html.unescape(answer.text), field
        assert no_inline_script_or_style(answer.text)
    sets = html.unescape(answers["sets"].text)
    slot = main["id"].rsplit("/", 1)[1]
    assert f'<p class="field-error" id="pin-{slot}-sets-error">should be from 1 to 20</p>' in sets
    block = sets.split(f'id="pin-{slot}"', 1)[1].split('class="pin"', 1)[0]
    assert f'name="exercise_id" value="{main["id"]}"' in block
    assert re.search(r'name="sets" [^>]*value="40"', block)  # as typed, to correct
    assert 'aria-invalid="true"' in block
    assert 'id="pin-errors"' not in sets  # beside its own form, not at the top
    assert pins == []
    assert after["version"] == plan["version"]  # no re-plan stored


def test_another_account_sees_no_pin_form_and_may_not_post_one(database_url: str) -> None:
    with client(database_url) as web:
        owner, _, athlete, _ = coached(web, database_url)
        session = first_session(plan_of(web, athlete, owner))
        url = session_url(athlete, session)
        web.cookies.clear()
        signed_up(web, "stranger@example.org")
        seen = web.get(url)
        pinned = post_form(web, f"{url}/pins", {
            "exercise_id": session["exercises"][0]["id"], "sets": "3",
        })  # fmt: skip
        removed = post_form(web, f"{url}/pins/1/remove", {})
        pins = web.get(f"/api/v1/athletes/{athlete}/pins", headers=owner).json()["items"]
    assert [a.status_code for a in (seen, pinned, removed)] == [404, 404, 404]
    assert "No such athlete." in pinned.text
    assert pins == []


def test_a_session_before_this_week_offers_no_pin_form(tmp_path: Path) -> None:
    """A re-plan makes the plan from the Monday of today's week: an older session cannot be
    pinned, so its page offers no form (its pins would still show)."""
    url = f"sqlite:///{tmp_path / 'past.sqlite3'}"
    clock = Clock()
    with client(url, clock=clock) as web:
        owner, _, athlete, _ = coached(web, url)
        plan = plan_of(web, athlete, owner)
        first, later = plan["weeks"][0]["sessions"][0], plan["weeks"][1]["sessions"][0]
        as_account(web, COACH)
        clock.now = datetime.fromisoformat(plan["weeks"][1]["start"]).replace(hour=9, tzinfo=UTC)
        past = web.get(session_url(athlete, first))
        coming = web.get(session_url(athlete, later))
    assert (past.status_code, coming.status_code) == (200, 200)
    assert "Pin an edit" not in past.text
    assert "Pin an edit" in coming.text
