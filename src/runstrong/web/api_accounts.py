"""/api/v1/users and /api/v1/tokens: sign up, exchange an email and password for a token, and
look after the account (password, export, deletion); an administrator's users, roles and
password-reset links."""

from __future__ import annotations

from typing import Annotated, Any, cast

from litestar import Request, Response, Router, delete, get, post, put
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.params import JSONBody, PathParameter
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from runstrong import account_service
from runstrong.access_service import require_role
from runstrong.account_service import Role
from runstrong.second_factor_service import require_for_admin
from runstrong.settings import Settings
from runstrong.web.auth import (
    CHALLENGE,
    bearer_token,
    client_address,
    config_of,
    library_of,
    signed_in,
    totp_key,
)
from runstrong.web.schemas import (
    Credentials,
    Me,
    PasswordChange,
    PasswordConfirm,
    PasswordReset,
    RoleIn,
    SecretIssued,
    SignUp,
    TokenIssued,
    UserCreated,
    UserList,
    UserOut,
)

JSON = "application/json"
UserId = Annotated[str, PathParameter(max_length=64, description="The account's id.")]

WRONG_PAIR = "wrong email or password"  # one answer for every wrong pair


@post("/users", status_code=HTTP_201_CREATED, sync_to_thread=True)
def sign_up(request: Request[Any, Any, Any], data: JSONBody[SignUp]) -> UserCreated:
    """Make an athlete's (or a coach's) account while sign-up is on. An email that has an
    account gets the same answer, and nothing changes: the answer does not tell who has one."""
    config = config_of(request)
    if not config.signup:
        raise PermissionDeniedException("sign-up is off: ask the administrator for an account")
    made = account_service.sign_up(
        data.email, data.password, config.settings(), role=Role(data.role)
    )
    return UserCreated(made)


@post("/tokens", status_code=HTTP_201_CREATED, sync_to_thread=True)
def issue_token(request: Request[Any, Any, Any], data: JSONBody[Credentials]) -> TokenIssued:
    """A bearer token for the account; 401 with one body for any wrong pair, 429 past the
    limit of failed log-ins for the email or the address. An account with a second factor
    sends its authenticator's `code` too: without it, or with a wrong one (counted as a failed
    log-in), 401 on `code`."""
    address = request.client.host if request.client else ""
    token = account_service.issue_token(
        data.email, data.password, address, config_of(request).settings(), code=data.code,
        key=totp_key(request),
    )  # fmt: skip
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


@get("/users/me", sync_to_thread=True)
def me(request: Request[Any, Any, Any]) -> Me:
    account = signed_in(request)
    return Me(account.id, account.email, str(account.role))


@put("/users/me/password", status_code=HTTP_204_NO_CONTENT, sync_to_thread=True)
def change_password(request: Request[Any, Any, Any], data: JSONBody[PasswordChange]) -> None:
    """A new password after the old one; every other token of the account is revoked."""
    account_service.change_password(
        signed_in(request), data.old_password, data.new_password, bearer_token(request),
        client_address(request), config_of(request).settings(),
    )  # fmt: skip


@get("/users/me/export", sync_to_thread=True, media_type=JSON)
def export_data(request: Request[Any, Any, Any]) -> Response[dict[str, Any]]:
    """Everything of the account as one JSON document: its athletes' profiles, plans, logs."""
    from runstrong.account_export_service import export_account

    body = export_account(signed_in(request), library_of(request), config_of(request).settings())
    headers = {"Content-Disposition": 'attachment; filename="runstrong-export.json"'}
    return Response(cast(Any, body), media_type=JSON, headers=headers)


@post("/users/me/deletion", status_code=HTTP_204_NO_CONTENT, sync_to_thread=True)
def delete_account(request: Request[Any, Any, Any], data: JSONBody[PasswordConfirm]) -> None:
    """Delete the account, after its password: its athletes and all their data, its tokens,
    its links as a coach and its pins. Nothing of it is kept."""
    account_service.delete_account(
        signed_in(request), data.password, client_address(request), config_of(request).settings()
    )


@get("/users", sync_to_thread=True)
def list_users(request: Request[Any, Any, Any]) -> UserList:
    """Every account (administrators only)."""
    settings = _admin(request)
    return UserList(
        [
            UserOut(u.id, u.email, str(u.role), u.created_at)
            for u in account_service.list_users(settings)
        ]
    )


@put("/users/{user_id:str}/role", sync_to_thread=True)
def set_role(request: Request[Any, Any, Any], user_id: UserId, data: JSONBody[RoleIn]) -> UserOut:
    """An account's role (administrators only)."""
    u = account_service.set_role(user_id, Role(data.role), _admin(request))
    return UserOut(u.id, u.email, str(u.role), u.created_at)


@delete("/users/{user_id:str}", status_code=HTTP_204_NO_CONTENT, sync_to_thread=True)
def remove_user(request: Request[Any, Any, Any], user_id: UserId) -> None:
    """Remove an account with everything of it (administrators only)."""
    account_service.remove_user(user_id, _admin(request))


@post("/users/{user_id:str}/password-resets", status_code=HTTP_201_CREATED, sync_to_thread=True)
def issue_reset(request: Request[Any, Any, Any], user_id: UserId) -> SecretIssued:
    """A one-time password-reset secret for the account (administrators only), to hand over:
    there is no mail server. It works for a day."""
    made = account_service.issue_reset(user_id, _admin(request))
    return SecretIssued(made.token, made.expires_at)


@post("/password-resets", status_code=HTTP_204_NO_CONTENT, sync_to_thread=True)
def reset_password(request: Request[Any, Any, Any], data: JSONBody[PasswordReset]) -> None:
    """A new password by a reset secret (no token needed); every token of the account is
    revoked."""
    account_service.reset_password(data.token, data.password, config_of(request).settings())


def _admin(request: Request[Any, Any, Any]) -> Settings:
    """An administrator's request: its token's sign-in passed the second factor (ASVS 4.3.1),
    else 403 saying to set one up."""
    account = signed_in(request)
    require_role(account, Role.ADMIN)
    settings = config_of(request).settings()
    require_for_admin(account, bearer_token(request), settings)
    return settings


router = Router(
    path="/",
    route_handlers=[
        sign_up, issue_token, revoke_current_token, me, change_password, export_data,
        delete_account, list_users, set_role, remove_user, issue_reset, reset_password,
    ],
)  # fmt: skip
