"""The account pages: sign up, log in, log out, and the front door (/).

Sign-up ends on the log-in page whether the email was new or not, so the page tells nobody who
has an account (as the API's sign-up); log-in has one message for every wrong pair, and the same
limit of failed log-ins as the API's tokens (account_service)."""

from __future__ import annotations

from functools import partial
from typing import Any

from litestar import Request, Response, Router, get, post
from litestar.concurrency import sync_to_thread
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_401_UNAUTHORIZED,
    HTTP_403_FORBIDDEN,
    HTTP_422_UNPROCESSABLE_ENTITY,
    HTTP_429_TOO_MANY_REQUESTS,
)

from runstrong import account_service
from runstrong.account_service import TooManyLoginsError
from runstrong.domain.errors import InputError
from runstrong.second_factor_service import SecondFactorNeededError
from runstrong.web.auth import config_of, totp_key
from runstrong.web.browser import end_session, page_account, safe_next, start_session
from runstrong.web.pages_two_factor import code_page
from runstrong.web.templating import page

HOME = "/athletes"
WRONG_PAIR = "Wrong email or password."  # one answer for every wrong pair
SIGNUP_OFF = "Sign-up is off on this server: ask its administrator for an account."
SIGNED_UP = "If this email was new, its account is ready: log in with it."
FIELD_MAX_CHARS = account_service.PASSWORD_MAX_CHARS  # longer values are cut, never echoed


@get("/", sync_to_thread=True)
def front_door(request: Request[Any, Any, Any]) -> Redirect:
    return Redirect(HOME if page_account(request) else "/login", status_code=303)


@get("/login", sync_to_thread=True)
def login_form(request: Request[Any, Any, Any]) -> Response[Any]:
    back = request.query_params.get("next")
    if page_account(request) is not None:
        return Redirect(safe_next(back, HOME), status_code=303)
    notice = SIGNED_UP if request.query_params.get("signed_up") == "1" else None
    return _login_page(request, back=back, notice=notice)


@post("/login")
async def log_in(request: Request[Any, Any, Any]) -> Response[Any]:
    form = await request.form()
    email = str(form.get("email", ""))[:FIELD_MAX_CHARS]
    password = str(form.get("password", ""))[:FIELD_MAX_CHARS]
    back = str(form.get("next", ""))
    address = request.client.host if request.client else ""
    settings = config_of(request).settings()
    try:
        token = await sync_to_thread(
            partial(account_service.issue_token, key=totp_key(request)),
            email, password, address, settings,
        )  # fmt: skip
    except SecondFactorNeededError as err:  # the password was right: the code next
        return code_page(request, err.name, back)
    except TooManyLoginsError as err:
        return _login_page(request, back=back, email=email, error=str(err).capitalize() + ".",
                           status_code=HTTP_429_TOO_MANY_REQUESTS)  # fmt: skip
    if token is None:
        return _login_page(request, back=back, email=email, error=WRONG_PAIR,
                           status_code=HTTP_401_UNAUTHORIZED)  # fmt: skip
    return start_session(Redirect(safe_next(back, HOME), status_code=303), token, request)


def _login_page(
    request: Request[Any, Any, Any],
    *,
    back: str | None,
    email: str = "",
    error: str | None = None,
    notice: str | None = None,
    status_code: int = 200,
) -> Template:
    context = {"next": safe_next(back, ""), "email": email, "error": error, "notice": notice,
               "signup": config_of(request).signup}  # fmt: skip
    return page("account/login.html", context, request, status_code=status_code)


@post("/logout", sync_to_thread=True)
def log_out(request: Request[Any, Any, Any]) -> Response[Any]:
    return end_session(Redirect("/login", status_code=303), request)


@get("/signup", sync_to_thread=True)
def signup_form(request: Request[Any, Any, Any]) -> Template:
    return _signup_page(request)


@post("/signup")
async def sign_up(request: Request[Any, Any, Any]) -> Response[Any]:
    config = config_of(request)
    if not config.signup:
        return _signup_page(request, status_code=HTTP_403_FORBIDDEN)
    form = await request.form()
    email = str(form.get("email", ""))[:FIELD_MAX_CHARS]
    password = str(form.get("password", ""))[: FIELD_MAX_CHARS + 1]
    try:
        await sync_to_thread(account_service.sign_up, email, password, config.settings())
    except InputError as err:
        return _signup_page(request, email=email, errors={err.field: err.message},
                            status_code=HTTP_422_UNPROCESSABLE_ENTITY)  # fmt: skip
    return Redirect("/login?signed_up=1", status_code=303)


def _signup_page(
    request: Request[Any, Any, Any],
    *,
    email: str = "",
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Template:
    signup = config_of(request).signup
    context = {"email": email, "errors": errors or {}, "signup": signup,
               "signup_off": None if signup else SIGNUP_OFF,
               "password_min": account_service.PASSWORD_MIN_CHARS}  # fmt: skip
    if not signup and status_code == 200:
        status_code = HTTP_403_FORBIDDEN
    return page("account/signup.html", context, request, status_code=status_code)


router = Router(
    path="/",
    route_handlers=[front_door, login_form, log_in, log_out, signup_form, sign_up],
    include_in_schema=False,
)
