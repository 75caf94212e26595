"""Coaching in the browser, end to end: a coach makes an invitation link on its dashboard, the
athlete's account takes it for its athlete and accepts the coach (pending until then: the coach
sees nothing), the dashboard lists the athlete, and leaving ends the coach's sight; on SQLite
and PostgreSQL."""

from __future__ import annotations

import html
import re
from pathlib import Path

from litestar.testing import TestClient

from page_client import log_in, post_form, signed_up
from web_client import PASSWORD, account, add_athlete, client, coach_account

OWNER = "owner@example.org"
COACH = "coach@example.org"


def as_account(web: TestClient[object], email: str) -> None:
    post_form(web, "/logout", {})
    assert log_in(web, email, PASSWORD).status_code == 303


def test_an_invitation_taken_accepted_and_left_through_the_pages(database_url: str) -> None:
    with client(database_url) as web:
        owner = account(web, OWNER)
        athlete = add_athlete(web, owner)
        coach_account(web, database_url, COACH)
        as_account(web, COACH)
        empty = web.get("/coach")
        made = post_form(web, "/coach/invitations", {})
        link = re.search(r'id="invitation-link" type="text" readonly value="([^"]+)"', made.text)
        assert link is not None, made.text
        invitation = html.unescape(link.group(1)).removeprefix("http://testserver.local")

        as_account(web, OWNER)
        choice = web.get(invitation)
        taken = post_form(web, f"/athletes/{athlete}/coaches", {"token": invitation.split("/")[-1]})
        pending = web.get(taken.headers["location"])
        coach_id = re.search(rf'action="/athletes/{athlete}/coaches/([^"]+)"', pending.text)
        assert coach_id is not None, pending.text

        as_account(web, COACH)
        while_pending = (web.get(f"/athletes/{athlete}/plan"), web.get("/coach"))

        as_account(web, OWNER)
        status = f"/athletes/{athlete}/coaches/{coach_id.group(1)}"
        accepted = post_form(web, status, {"status": "accepted"})
        as_account(web, COACH)
        dashboard = web.get("/coach")
        plan = web.get(f"/athletes/{athlete}/plan")

        as_account(web, OWNER)
        left = post_form(web, status, {"status": "left"})
        after_leaving = web.get(left.headers["location"])
        as_account(web, COACH)
        gone = (web.get(f"/athletes/{athlete}/plan"), web.get("/coach"))

    assert "No athlete has accepted you" in empty.text
    assert invitation.startswith("/invitations/ri_")
    assert "it is shown only this once" in made.text
    assert f'action="/athletes/{athlete}/coaches"' in choice.text  # Alex takes it
    assert taken.status_code == 303
    assert "Invitation taken" in pending.text
    assert f'{COACH}</span> <span class="tag">pending</span>' in pending.text
    assert while_pending[0].status_code == 404  # pending: nothing seen
    assert "No athlete has accepted you" in while_pending[1].text
    assert accepted.status_code == 303
    assert f'<a href="/athletes/{athlete}/plan">Alex</a>' in dashboard.text
    assert "0 done, 0 skipped of 0 due" in dashboard.text  # Wed 2 Dec: the plan starts on 7 Dec
    assert plan.status_code == 200
    assert left.status_code == 303
    assert "Coach left" in after_leaving.text
    assert gone[0].status_code == 404  # left: nothing seen
    assert "No athlete has accepted you" in gone[1].text


def test_invitation_mistakes_and_roles(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'roles.sqlite3'}"
    with client(url) as web:
        owner = account(web, OWNER)
        athlete = add_athlete(web, owner)
        coach_account(web, url, COACH)
        as_account(web, OWNER)
        not_a_coach = (web.get("/coach"), post_form(web, "/coach/invitations", {}))
        wrong = post_form(web, f"/athletes/{athlete}/coaches", {"token": "ri_not-a-real-one"})
        as_account(web, COACH)
        coach_takes = post_form(web, f"/athletes/{athlete}/coaches", {"token": "ri_x"})
        post_form(web, "/logout", {})
        signed_up(web, "stranger@example.org")
        stranger = web.get(f"/athletes/{athlete}/coaches")
    assert [p.status_code for p in not_a_coach] == [403, 403]
    assert wrong.status_code == 422
    assert "The invitation is not an invitation that can be taken" in wrong.text
    assert 'value="ri_not-a-real-one"' in wrong.text  # kept, to correct
    assert coach_takes.status_code == 404  # not its athlete: unknown
    assert stranger.status_code == 404
