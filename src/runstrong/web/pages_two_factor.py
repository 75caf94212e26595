"""The second factor on the pages (second_factor_service): setting it up at /account/two-factor
(a secret shown once, as text, a link and a QR code, confirmed by a code), and the log-in's
second step for an account that has one (/login/code).

Between the two steps of a log-in the browser holds a ticket, not the password: the account's
public id and the moment its password was right, signed with a key of the server key's, good for
LOGIN_TICKET_TTL_S. The code page posts it back with the code; a wrong code is counted as a
failed log-in (the same limits as a wrong password)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

from litestar import Request, Response, Router, get, post
from litestar.concurrency import sync_to_thread
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_401_UNAUTHORIZED,
    HTTP_422_UNPROCESSABLE_ENTITY,
    HTTP_429_TOO_MANY_REQUESTS,
)

from runstrong import account_service, second_factor_service
from runstrong.account_service import Role, TooManyLoginsError, WrongCodeError
from runstrong.second_factor_service import (
    CODE_MAX_CHARS,
    ENROL_PATH,
    TOTP_DIGITS,
    AlreadyEnrolledError,
)
from runstrong.web.auth import client_address, config_of, totp_key
from runstrong.web.browser import (
    LoginRequired,
    page_account,
    safe_next,
    session_token,
    signed_in_page,
    start_session,
)
from runstrong.web.keys import derived_key
from runstrong.web.qr_code import qr_svg
from runstrong.web.templating import page

CODE_PATH = "/login/code"
LOGIN_TICKET_TTL_S = 300  # the code is asked within 5 minutes of the right password
TICKET_MAX_CHARS = 200
HOME = "/athletes"
ADMIN_NEEDS = (
    "Administrators need a second factor: the administration API refuses an administrator's "
    "token whose log-in did not pass one. Set it up here, then log in again with its code."
)
ON = "Two-factor sign-in is on: each log-in asks a code from your authenticator app."


def code_page(
    request: Request[Any, Any, Any],
    name: str,
    back: str | None,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> Template:
    """The log-in's second step for the account of public id `name`, whose password was right."""
    context = {"ticket": _ticket(name, request), "next": safe_next(back, ""), "error": error,
               "digits": TOTP_DIGITS, "code_max": CODE_MAX_CHARS}  # fmt: skip
    return page("account/login_code.html", context, request, status_code=status_code)


@post(CODE_PATH)
async def log_in_with_code(request: Request[Any, Any, Any]) -> Response[Any]:
    form = await request.form()
    code = str(form.get("code", ""))[:CODE_MAX_CHARS]
    back = str(form.get("next", ""))
    name = _ticket_name(str(form.get("ticket", ""))[:TICKET_MAX_CHARS], request)
    if name is None:  # forged, or older than LOGIN_TICKET_TTL_S: the password again
        return Redirect("/login", status_code=303)
    settings, key = config_of(request).settings(), totp_key(request)
    address = client_address(request)
    try:
        token = await sync_to_thread(
            account_service.issue_token_by_code, name, code, address, key, settings
        )
    except WrongCodeError as err:
        return code_page(request, name, back, error=f"The code {err}.",
                         status_code=HTTP_401_UNAUTHORIZED)  # fmt: skip
    except TooManyLoginsError as err:
        return code_page(request, name, back, error=str(err).capitalize() + ".",
                         status_code=HTTP_429_TOO_MANY_REQUESTS)  # fmt: skip
    if token is None:  # the second factor was removed meanwhile: the password again
        return Redirect("/login", status_code=303)
    return start_session(Redirect(safe_next(back, HOME), status_code=303), token, request)


@get(ENROL_PATH, sync_to_thread=True, guards=[signed_in_page])
def two_factor_page(request: Request[Any, Any, Any]) -> Template:
    return _two_factor_page(request)


@post(ENROL_PATH, guards=[signed_in_page], sync_to_thread=True)
def start_enrolment(request: Request[Any, Any, Any]) -> Template:
    """A new secret, shown once on the page that answers, with the form of its first code."""
    account = _account(request)
    try:
        made = second_factor_service.start_enrolment(
            account, totp_key(request), config_of(request).settings()
        )
    except AlreadyEnrolledError:
        return _two_factor_page(request)
    qr = base64.b64encode(qr_svg(made.uri)).decode("ascii")
    return _two_factor_page(request, enrolment=made, qr=qr)


@post(ENROL_PATH + "/confirm", guards=[signed_in_page])
async def confirm_enrolment(request: Request[Any, Any, Any]) -> Response[Any]:
    form = await request.form()
    code = str(form.get("code", ""))[:CODE_MAX_CHARS]
    account = _account(request)
    args = (account, code, session_token(request), client_address(request), totp_key(request),
            config_of(request).settings())  # fmt: skip
    try:
        await sync_to_thread(second_factor_service.confirm_enrolment, *args)
    except WrongCodeError as err:  # the secret stays being set up: a new one to start again
        return _two_factor_page(request, error=f"The code {err}: set it up again.",
                                status_code=HTTP_422_UNPROCESSABLE_ENTITY)  # fmt: skip
    except TooManyLoginsError as err:
        return _two_factor_page(request, error=str(err).capitalize() + ".",
                                status_code=HTTP_429_TOO_MANY_REQUESTS)  # fmt: skip
    return Redirect(ENROL_PATH, status_code=303)


def _two_factor_page(
    request: Request[Any, Any, Any],
    *,
    enrolment: second_factor_service.Enrolment | None = None,
    qr: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Template:
    account = _account(request)
    factor = second_factor_service.second_factor(account, config_of(request).settings())
    on = factor.confirmed_at is not None
    secret = None if enrolment is None else " ".join(
        enrolment.secret[i : i + 4] for i in range(0, len(enrolment.secret), 4)
    )  # fmt: skip
    context = {"on": ON if on else None, "since": factor.confirmed_at, "error": error,
               "admin_needs": ADMIN_NEEDS if account.role is Role.ADMIN and not on else None,
               "secret": secret, "uri": None if enrolment is None else enrolment.uri, "qr": qr,
               "digits": TOTP_DIGITS, "code_max": CODE_MAX_CHARS}  # fmt: skip
    return page("account/two_factor.html", context, request, status_code=status_code)


def _account(request: Request[Any, Any, Any]) -> account_service.Account:
    account = page_account(request)
    if account is None:
        raise LoginRequired("sign in first")
    return account


# -- the ticket between the log-in's two steps ------------------------------------------------


def _ticket(name: str, request: Request[Any, Any, Any]) -> str:
    issued = int(config_of(request).clock().timestamp())
    value = f"{name}.{issued}"
    return f"{value}.{_signature(value, request)}"


def _ticket_name(ticket: str, request: Request[Any, Any, Any]) -> str | None:
    """The account's public id of a well-signed ticket issued within LOGIN_TICKET_TTL_S."""
    if ticket.count(".") != 2:
        return None
    name, issued, signature = ticket.split(".")
    if not hmac.compare_digest(signature, _signature(f"{name}.{issued}", request)):
        return None
    age = config_of(request).clock().timestamp() - int(issued) if issued.isdigit() else -1
    return name if 0 <= age <= LOGIN_TICKET_TTL_S else None


def _signature(value: str, request: Request[Any, Any, Any]) -> str:
    key = derived_key(request.app.state.server_key, "login-ticket")
    digest = hmac.new(key, value.encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


router = Router(
    path="/",
    route_handlers=[log_in_with_code, two_factor_page, start_enrolment, confirm_enrolment],
    include_in_schema=False,
)
