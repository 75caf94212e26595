"""The server-rendered pages, gathered for the app (app.py): each module's router, and what a
page's errors become. A new module of pages adds its router to PAGE_ROUTERS."""

from __future__ import annotations

from typing import Any

from litestar import Router
from litestar.exceptions import HTTPException

from runstrong.access_service import ForbiddenError
from runstrong.domain.errors import UnknownAthleteError
from runstrong.web import (
    pages_account,
    pages_athletes,
    pages_care,
    pages_coaching,
    pages_downloads,
    pages_load,
    pages_pins,
    pages_plan,
    pages_privacy,
    pages_today,
    pages_two_factor,
)
from runstrong.web.browser import LoginRequired, login_redirect
from runstrong.web.templating import (
    forbidden_page,
    http_error_page,
    server_error_page,
    static_router,
    unknown_athlete_page,
)

PAGE_ROUTERS: list[Router] = [
    pages_account.router,
    pages_athletes.router,
    pages_today.router,
    pages_plan.router,
    pages_pins.router,
    pages_load.router,
    pages_downloads.router,
    pages_care.router,
    pages_coaching.router,
    pages_two_factor.router,
    pages_privacy.router,
]

# App-wide (a CSRF failure is raised before any route): pages get HTML, /api its JSON.
PAGE_ERROR_HANDLERS: dict[type[Exception] | int, Any] = {
    HTTPException: http_error_page,
    Exception: server_error_page,
}

# On the pages' routers only: the API answers these its own way (errors.py).
PAGE_ROUTER_HANDLERS: dict[type[Exception] | int, Any] = {
    LoginRequired: login_redirect,
    UnknownAthleteError: unknown_athlete_page,
    ForbiddenError: forbidden_page,
}


def page_routers() -> list[Router]:
    """Every page router, with the pages' own error handlers, and the static files."""
    routers = [
        Router(path="/", route_handlers=[r], exception_handlers=PAGE_ROUTER_HANDLERS,
               include_in_schema=False)
        for r in PAGE_ROUTERS
    ]  # fmt: skip
    return [*routers, static_router()]
