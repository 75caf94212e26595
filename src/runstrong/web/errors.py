"""Every error of the API as one JSON shape, `{"errors": [{"field": ..., "message": ...}]}`:
input mistakes 422 with the profile reader's own field paths and words, no token 401, an
athlete the account cannot see 404 (never 403: nothing tells it exists), an action the role may
not take on an athlete it sees 403, a day already logged 409, too many log-ins 429. Nothing
else of a failure (no traceback, no SQL) reaches the client."""

from __future__ import annotations

import logging
import re
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.status_codes import (
    HTTP_401_UNAUTHORIZED,
    HTTP_403_FORBIDDEN,
    HTTP_404_NOT_FOUND,
    HTTP_409_CONFLICT,
    HTTP_422_UNPROCESSABLE_ENTITY,
    HTTP_429_TOO_MANY_REQUESTS,
    HTTP_500_INTERNAL_SERVER_ERROR,
)

from runstrong.access_service import ForbiddenError
from runstrong.account_service import (
    EmailTakenError,
    TooManyLoginsError,
    UnknownUserError,
    WrongCodeError,
    WrongPasswordError,
)
from runstrong.coaching_service import UnknownItemError
from runstrong.domain.errors import (
    AlreadyLoggedError,
    BadHandleError,
    HandleTakenError,
    InputError,
    InputErrors,
    NoPlannedSessionError,
    RunstrongError,
    UnknownAthleteError,
)
from runstrong.second_factor_service import SecondFactorNeededError
from runstrong.web.schemas import Errors, FieldError

log = logging.getLogger("runstrong.web")
NOT_FOUND = "no such athlete"


def errors(
    status: int, *items: tuple[str, str], headers: dict[str, str] | None = None
) -> Response[Errors]:
    body = Errors([FieldError(field, message) for field, message in items])
    return Response(body, status_code=status, headers=headers)


def field_errors(err: RunstrongError) -> list[tuple[str, str]]:
    """An input error's fields and messages, as the CLI words them (without the file name)."""
    if isinstance(err, InputErrors):
        return [(e.field, e.message) for e in err.errors]
    if isinstance(err, InputError):
        return [(err.field, err.message)]
    return [(str(getattr(err, "field", "")), str(err))]


def runstrong_error(request: Request[Any, Any, Any], err: RunstrongError) -> Response[Errors]:
    from runstrong.storage.database import DatabaseError

    if isinstance(err, DatabaseError):  # the server's failure, not the request's mistake
        return server_error(request, err)
    if isinstance(err, UnknownAthleteError):
        return errors(HTTP_404_NOT_FOUND, ("", NOT_FOUND))
    if isinstance(err, ForbiddenError):
        return errors(HTTP_403_FORBIDDEN, ("", str(err)))
    if isinstance(err, UnknownUserError | UnknownItemError):
        return errors(HTTP_404_NOT_FOUND, ("", str(err)))
    if isinstance(err, WrongPasswordError):
        return errors(HTTP_422_UNPROCESSABLE_ENTITY, (err.field, str(err)))
    if isinstance(err, WrongCodeError | SecondFactorNeededError):  # the password was right
        challenge = {"WWW-Authenticate": 'Bearer realm="runstrong"'}
        return errors(HTTP_401_UNAUTHORIZED, ("code", str(err)), headers=challenge)
    if isinstance(err, AlreadyLoggedError):
        return errors(HTTP_409_CONFLICT, ("date", f"{err}: send replace: true to replace it"))
    if isinstance(err, HandleTakenError | BadHandleError):
        return errors(
            HTTP_409_CONFLICT if isinstance(err, HandleTakenError) else 422, ("handle", str(err))
        )
    if isinstance(err, NoPlannedSessionError):
        return errors(HTTP_422_UNPROCESSABLE_ENTITY, ("date", str(err)))
    if isinstance(err, TooManyLoginsError):
        headers = {"Retry-After": str(err.retry_after_s)}
        return errors(HTTP_429_TOO_MANY_REQUESTS, ("", str(err)), headers=headers)
    if isinstance(err, EmailTakenError):  # never raised by sign-up, which tells nothing
        return errors(HTTP_422_UNPROCESSABLE_ENTITY, ("email", "cannot be used"))
    return errors(HTTP_422_UNPROCESSABLE_ENTITY, *field_errors(err))


def validation_error(
    _request: Request[Any, Any, Any], err: ValidationException
) -> Response[Errors]:
    """A body or parameter that does not fit its struct (msgspec's words, its JSON path)."""
    found = err.extra if isinstance(err.extra, list) else []
    items = [
        (counted_from_one(str(e.get("key", ""))), str(e.get("message", "")))
        for e in found
        if isinstance(e, dict)
    ]
    return errors(HTTP_422_UNPROCESSABLE_ENTITY, *(items or [("", str(err.detail))]))


def counted_from_one(path: str) -> str:
    """msgspec's path (`sets[0].reps`) as the CLI writes field paths: items counted from 1."""
    return _INDEX.sub(lambda m: f"[{int(m.group(1)) + 1}]", path.removeprefix("$."))


_INDEX = re.compile(r"\[(\d+)\]")


def http_error(_request: Request[Any, Any, Any], err: HTTPException) -> Response[Errors]:
    return errors(err.status_code, ("", str(err.detail)), headers=err.headers)


def server_error(request: Request[Any, Any, Any], err: Exception) -> Response[Errors]:
    log.exception("%s %s failed", request.method, request.url.path, exc_info=err)
    return errors(HTTP_500_INTERNAL_SERVER_ERROR, ("", "internal error"))


HANDLERS: dict[type[Exception] | int, Any] = {
    RunstrongError: runstrong_error,
    ValidationException: validation_error,
    HTTPException: http_error,
    Exception: server_error,
}
