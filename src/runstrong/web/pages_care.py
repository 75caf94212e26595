"""The account's own care: a new password after the old one (account_service.change_password:
the old one is checked as a log-in is, counted and limited; every token but this session's is
revoked, so the account's other browsers and API clients are signed out); and the strength
meter of the forms' new passwords (/password-strength)."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, Router, get, post
from litestar.concurrency import sync_to_thread
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_200_OK,
    HTTP_422_UNPROCESSABLE_ENTITY,
    HTTP_429_TOO_MANY_REQUESTS,
)

from runstrong import account_service
from runstrong.account_service import TooManyLoginsError, WrongPasswordError
from runstrong.domain.errors import InputError
from runstrong.web.auth import client_address, config_of
from runstrong.web.browser import LoginRequired, page_account, session_token, signed_in_page
from runstrong.web.templating import page

PASSWORD_PATH = "/account/password"
STRENGTH_PATH = "/password-strength"  # the meter of the forms' new passwords (signed out too)
FIELD_MAX_CHARS = account_service.PASSWORD_MAX_CHARS + 1  # longer: refused by the service
CHANGED = "Your password is changed: your other sessions and API tokens are signed out."


@get(PASSWORD_PATH, sync_to_thread=True, guards=[signed_in_page])
def password_form(request: Request[Any, Any, Any]) -> Template:
    changed = CHANGED if request.query_params.get("changed") == "1" else None
    return _password_page(request, notice=changed)


@post(PASSWORD_PATH, guards=[signed_in_page])
async def change_password(request: Request[Any, Any, Any]) -> Response[Any]:
    """The new password after the old one; a mistake: the form again with its field's error."""
    form = await request.form()
    old = str(form.get("old_password", ""))[:FIELD_MAX_CHARS]
    new = str(form.get("new_password", ""))[:FIELD_MAX_CHARS]
    account = page_account(request)
    if account is None:
        raise LoginRequired("sign in first")
    settings = config_of(request).settings()
    token, address = session_token(request), client_address(request)
    try:
        await sync_to_thread(
            account_service.change_password, account, old, new, token, address, settings
        )
    except WrongPasswordError as err:
        return _password_page(request, errors={"old_password": str(err)})
    except InputError as err:  # the new one: too short or too long
        return _password_page(request, errors={"new_password": err.message})
    except TooManyLoginsError as err:
        return _password_page(request, errors={"old_password": str(err)},
                              status_code=HTTP_429_TOO_MANY_REQUESTS)  # fmt: skip
    return Redirect(f"{PASSWORD_PATH}?changed=1", status_code=303)


def _password_page(
    request: Request[Any, Any, Any],
    *,
    errors: dict[str, str] | None = None,
    notice: str | None = None,
    status_code: int | None = None,
) -> Template:
    context = {"errors": errors or {}, "notice": notice,
               "password_min": account_service.PASSWORD_MIN_CHARS}  # fmt: skip
    status = status_code or (HTTP_422_UNPROCESSABLE_ENTITY if errors else 200)
    return page("account/password.html", context, request, status_code=status)


@post(STRENGTH_PATH, status_code=HTTP_200_OK)
async def password_strength(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """The strength meter's answer for a password being typed (static/password.js posts it,
    with the form's CSRF token): {score, max, words}. Nothing is stored."""
    from runstrong.password_strength import STRENGTH_MAX, strength

    form = await request.form()
    typed = str(form.get("password", ""))[:FIELD_MAX_CHARS]
    cache_dir = config_of(request).cache_dir
    found = await sync_to_thread(strength, typed, account_service.PASSWORD_MIN_CHARS, cache_dir)
    return {"score": found.score, "max": STRENGTH_MAX, "words": found.words}


router = Router(
    path="/",
    route_handlers=[password_form, change_password, password_strength],
    include_in_schema=False,
)
