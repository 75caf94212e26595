"""Authentication in one place: the bearer token of a request and its account. Authorisation on
athletes is runstrong.access_service's: it gives each route the athlete's owner, whose Settings
the services take (an athlete the account may not see is unknown, 404, never forbidden)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from litestar import Request
from litestar.exceptions import NotAuthorizedException

from runstrong.access_service import Action, AthleteRef, athlete_of_token
from runstrong.account_service import Account, account_for_token
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.settings import Settings
from runstrong.web.config import WebConfig

if TYPE_CHECKING:
    from runstrong.web.planner import Planner

BEARER = "bearer "
MAX_TOKEN_CHARS = 200
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="runstrong"'}


def config_of(request: Request[Any, Any, Any]) -> WebConfig:
    found: WebConfig = request.app.state.config
    return found


def planner_of(request: Request[Any, Any, Any]) -> Planner:
    """This worker's planner process, where re-plans are made (web/planner.py)."""
    from runstrong.web.planner import planner_for

    return planner_for(config_of(request))


def totp_key(request: Request[Any, Any, Any]) -> bytes:
    """The key the second factors' TOTP secrets are derived with (second_factor_service), of
    the server key (web/keys.py)."""
    from runstrong.web.keys import derived_key

    return derived_key(request.app.state.server_key, "totp")


def library_of(request: Request[Any, Any, Any]) -> ExerciseLibrary:
    """The exercise library, loaded once when the app starts."""
    found: ExerciseLibrary = request.app.state.library
    return found


def bearer_token(request: Request[Any, Any, Any]) -> str | None:
    return token_of_header(request.headers.get("authorization", ""))


def token_of_header(header: str) -> str | None:
    """The token of an Authorization header's value, if it is a bearer token of a length a
    token may have."""
    if header[: len(BEARER)].lower() != BEARER:
        return None
    token = header[len(BEARER) :].strip()
    return token if 0 < len(token) <= MAX_TOKEN_CHARS else None


def signed_in(request: Request[Any, Any, Any]) -> Account:
    """The account of the request's token; no token, or one unknown or revoked: 401."""
    token = bearer_token(request)
    account = None if token is None else account_for_token(token, config_of(request).settings())
    if account is None:
        raise NotAuthorizedException("a valid bearer token is needed", headers=CHALLENGE)
    return account


def signed_in_athlete(
    request: Request[Any, Any, Any], athlete_id: str, action: Action
) -> tuple[AthleteRef, Settings]:
    """The athlete of `athlete_id` if the request's token may take `action` on it, and the
    services' Settings for it: one query for both (access_service.athlete_of_token). No valid
    token: 401; an athlete the account may not see: 404; an action it may not take: 403."""
    token = bearer_token(request)
    settings = config_of(request).settings()
    found = None if token is None else athlete_of_token(token, athlete_id, action, settings)
    if found is None:
        raise NotAuthorizedException("a valid bearer token is needed", headers=CHALLENGE)
    ref = found[1]
    return ref, ref.settings(settings)


def account_settings(request: Request[Any, Any, Any]) -> Settings:
    """The Settings of a signed-in request for the account's own athletes (owner: the account)."""
    return config_of(request).settings(owner=signed_in(request).id)


def account_of(request: Request[Any, Any, Any]) -> Account:
    """The signed-in account (401 without one): a dependency of the routes."""
    return signed_in(request)


def request_settings(request: Request[Any, Any, Any]) -> Settings:
    """The Settings of the request's moment, for no account in particular: the routes on an
    athlete take its owner's from access_service.AthleteRef.settings."""
    return config_of(request).settings()


def client_address(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else ""
