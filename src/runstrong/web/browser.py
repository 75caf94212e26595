"""Browser sessions for the server-rendered pages: who is signed in, and the guard of a page.

A browser session is an API token of the account (account_service.issue_token: the same
password check, the same log-in limit counted in the database) kept in a signed cookie:
HttpOnly, SameSite=Lax, Secure when the server is behind TLS (WebConfig.secure_cookies). The
token is checked against the database on every request, so logging out (the token revoked)
ends the session in every worker, and a password change that revokes tokens ends it too. The
cookie also carries when it was issued; past SESSION_MAX_AGE_S it is not accepted, and its
token is revoked when it comes back.

Every form is protected by Litestar's CSRF middleware (double-submit cookie, signed with the
server key): a form sends `{{ csrf_input | safe }}`. The API under /api is exempt: it takes
bearer tokens only, which a browser never sends by itself.

A page of the signed-in account:

    @get("/athletes/{athlete_id:str}/plan", guards=[signed_in_page], sync_to_thread=True)
    def plan_page(request: Request[Any, Any, Any], athlete_id: str) -> Template:
        handle, settings = page_athlete(request, athlete_id, Action.READ)
        return page("plan/calendar.html", ...) # runstrong.web.templating

A page addresses an athlete by the same opaque public id as the API, and asks access_service
whether the account may see it (else the 404 page, whatever the reason) and take the page's
action on it (else the 403 page): an accepted coach opens the athlete's pages as its owner does.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any
from urllib.parse import quote

from litestar import Request, Response
from litestar.config.csrf import CSRFConfig
from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException
from litestar.handlers.base import BaseRouteHandler

from runstrong.access_service import COACH_MAY, OWNER_MAY, Action, AthleteRef, athlete_for
from runstrong.account_service import Account, account_for_token, revoke_token
from runstrong.settings import Settings
from runstrong.web.config import WebConfig
from runstrong.web.keys import derived_key

SESSION_COOKIE = "rs_session"
CSRF_COOKIE = "rs_csrf"
# Behind TLS (secure cookies) both cookies take the __Host- prefix (OWASP ASVS 4.0.3 3.4.4): a
# browser keeps such a cookie only if it is Secure, has Path=/ and no Domain, so neither a
# subdomain nor plain HTTP can set or shadow it. Plain HTTP on one's own machine cannot set one:
# there the names stay plain.
HOST_PREFIX = "__Host-"
SESSION_MAX_AGE_S = 30 * 24 * 3600  # our own choice: a phone stays signed in for a month
LOGIN_PATH = "/login"
_ACCOUNT_KEY = "page_account"  # the request's account, looked up once (scope state)
_SIGNED_OUT = object()
MAX_ATHLETE_ID_CHARS = 64  # an athlete's public id in a page's path, as the API's


class LoginRequired(NotAuthorizedException):
    """A page that needs a signed-in account, asked for without one: sent to the log-in page."""


Connection = ASGIConnection[Any, Any, Any, Any]  # a request, or what a guard is given


def cookie_name(name: str, config: WebConfig) -> str:
    """The name a cookie takes on this server: `name`, with HOST_PREFIX when cookies are
    Secure."""
    return HOST_PREFIX + name if config.secure_cookies else name


def csrf_config(config: WebConfig, key: bytes) -> CSRFConfig:
    """CSRF protection of every form (every unsafe method outside /api and /feeds), signed
    with `key` (the server key: web/keys.py)."""
    secret = derived_key(key, "csrf").hex()
    return CSRFConfig(
        secret=secret,
        cookie_name=cookie_name(CSRF_COOKIE, config),
        cookie_path="/",
        cookie_secure=config.secure_cookies,
        cookie_httponly=True,
        cookie_samesite="lax",
        exclude=["^/api/", "^/feeds/"],  # bearer tokens and secret URLs: no cookies, no forms
    )


def page_account(request: Connection) -> Account | None:
    """The account signed in by the request's session cookie, else None."""
    found = request.scope.get("state", {}).get(_ACCOUNT_KEY)
    if found is None:
        token = session_token(request)
        account = None
        if token is not None:
            account = account_for_token(token, _config(request).settings())
        found = account or _SIGNED_OUT
        request.scope.setdefault("state", {})[_ACCOUNT_KEY] = found
    return found if isinstance(found, Account) else None


def signed_in_page(connection: Connection, _: BaseRouteHandler) -> None:
    """The guard of a page: signed out, the browser goes to the log-in page (and back after)."""
    if page_account(connection) is None:
        raise LoginRequired("sign in first")


def page_settings(request: Request[Any, Any, Any]) -> Settings:
    """The Settings of a signed-in page: the services see the account's athletes only."""
    account = page_account(request)
    if account is None:
        raise LoginRequired("sign in first")
    return _config(request).settings(owner=account.id)


def page_athlete(
    request: Request[Any, Any, Any], athlete_id: str, action: Action
) -> tuple[str, Settings]:
    """The handle and the services' Settings of the athlete of public id `athlete_id`, if the
    signed-in account may see it (else UnknownAthleteError: the 404 page) and take `action` on
    it (else access_service.ForbiddenError: the 403 page)."""
    ref, settings = page_athlete_ref(request, athlete_id, action)
    return ref.handle, settings


def page_athlete_ref(
    request: Request[Any, Any, Any], athlete_id: str, action: Action
) -> tuple[AthleteRef, Settings]:
    """page_athlete's athlete as access_service found it (whether the account coaches it)."""
    account = page_account(request)
    if account is None:
        raise LoginRequired("sign in first")
    base = _config(request).settings()
    ref = athlete_for(account, athlete_id[:MAX_ATHLETE_ID_CHARS], action, base)
    return ref, ref.settings(base)


def may(ref: AthleteRef, action: Action) -> bool:
    """Whether the account that found `ref` may also take `action` on it (a page shows or hides
    its forms by this; the form's route asks access_service again)."""
    return action in (COACH_MAY if ref.as_coach else OWNER_MAY)


def login_redirect(request: Request[Any, Any, Any], _: LoginRequired) -> Response[Any]:
    """To the log-in page, with the page asked for to come back to."""
    from litestar.response import Redirect

    path = request.url.path
    query = request.url.query
    back = path + (f"?{query}" if query else "")
    target = LOGIN_PATH if back in ("/", LOGIN_PATH) else f"{LOGIN_PATH}?next={quote(back)}"
    return Redirect(target, status_code=303)


def safe_next(value: str | None, default: str) -> str:
    """A page of this site to go to after logging in: a local path, never another site (not
    `//host`, nor `/\\host` or `/<tab>/host`, which browsers read as `//host`)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return default
    if any(c.isspace() or not c.isprintable() for c in value):
        return default
    return value


# -- the session cookie ---------------------------------------------------------------------


def start_session(
    response: Response[Any], token: str, request: Request[Any, Any, Any]
) -> Response[Any]:
    """`response` setting the session cookie of `token` (a token just issued for the account)."""
    config = _config(request)
    issued = int(config.clock().timestamp())
    value = f"{token}.{issued}"
    _set_session_cookie(
        response, f"{value}.{_signature(value, request)}", SESSION_MAX_AGE_S, config
    )
    return response


def end_session(response: Response[Any], request: Request[Any, Any, Any]) -> Response[Any]:
    """`response` clearing the session cookie, its token revoked."""
    token = session_token(request)
    if token is not None:
        revoke_token(token, _config(request).settings())
    _set_session_cookie(response, "", 0, _config(request))  # deleted: a __Host- one needs Secure
    return response


def _set_session_cookie(
    response: Response[Any], value: str, max_age_s: int, config: WebConfig
) -> None:
    response.set_cookie(
        cookie_name(SESSION_COOKIE, config),
        value,
        max_age=max_age_s,
        expires=0 if max_age_s == 0 else None,
        path="/",
        secure=config.secure_cookies,
        httponly=True,
        samesite="lax",
    )


def session_token(request: Connection) -> str | None:
    """The token of a well-signed, unexpired session cookie, else None."""
    cookie = request.cookies.get(cookie_name(SESSION_COOKIE, _config(request)))
    if not cookie or cookie.count(".") != 2:
        return None
    token, issued, signature = cookie.split(".")
    if not hmac.compare_digest(signature, _signature(f"{token}.{issued}", request)):
        return None
    if not issued.isdigit():
        return None
    config = _config(request)
    age = config.clock().timestamp() - int(issued)
    if age > SESSION_MAX_AGE_S:  # its token is an API token too: it ends with the session
        revoke_token(token, config.settings())
    return token if 0 <= age <= SESSION_MAX_AGE_S else None


def _config(connection: Connection) -> WebConfig:
    found: WebConfig = connection.app.state.config
    return found


def _signature(value: str, connection: Connection) -> str:
    key = derived_key(connection.app.state.server_key, "session-cookie")
    digest = hmac.new(key, value.encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")
