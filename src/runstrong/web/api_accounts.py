"""/api/v1/users and /api/v1/tokens: sign up, and exchange an email and password for a token."""

from __future__ import annotations

from typing import Any

from litestar import Request, Router, delete, post
from litestar.di import Provide
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.params import JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from runstrong import account_service
from runstrong.web.auth import CHALLENGE, bearer_token, config_of, signed_in
from runstrong.web.schemas import Credentials, TokenIssued, UserCreated

WRONG_PAIR = "wrong email or password"  # one answer for every wrong pair


@post("/users", status_code=HTTP_201_CREATED, sync_to_thread=True)
def sign_up(request: Request[Any, Any, Any], data: JSONBody[Credentials]) -> UserCreated:
    """Make an athlete account while sign-up is on. An email that has an account gets the same
    answer, and nothing changes: the answer does not tell who has one."""
    config = config_of(request)
    if not config.signup:
        raise PermissionDeniedException("sign-up is off: ask the administrator for an account")
    return UserCreated(account_service.sign_up(data.email, data.password, config.settings()))


@post("/tokens", status_code=HTTP_201_CREATED, sync_to_thread=True)
def issue_token(request: Request[Any, Any, Any], data: JSONBody[Credentials]) -> TokenIssued:
    """A bearer token for the account; 401 with one body for any wrong pair, 429 past the
    limit of failed log-ins for the email or the address."""
    address = request.client.host if request.client else ""
    token = account_service.issue_token(
        data.email, data.password, address, config_of(request).settings()
    )
    if token is None:
        raise NotAuthorizedException(WRONG_PAIR, headers=CHALLENGE)
    return TokenIssued(token)


@delete("/tokens/current", status_code=HTTP_204_NO_CONTENT, sync_to_thread=True)
def revoke_current_token(request: Request[Any, Any, Any]) -> None:
    """Revoke the token this request carries (log out of the API)."""
    signed_in(request)
    token = bearer_token(request)
    assert token is not None
    account_service.revoke_token(token, config_of(request).settings())


router = Router(
    path="/", route_handlers=[sign_up, issue_token, revoke_current_token], dependencies={}
)
_ = Provide  # the athletes' routes use dependencies; these read the request themselves
