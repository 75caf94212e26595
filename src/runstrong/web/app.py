"""The app factory: the routes under /api/v1, the OpenAPI document at /api/openapi.json, one
error shape, the server-rendered pages (web/pages.py) with CSRF protection of their forms,
security headers on every answer, and bodies no larger than the profile reader reads."""

from __future__ import annotations

import os

from litestar import Litestar, Router
from litestar.datastructures import State
from litestar.enums import ScopeType
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from runstrong import __version__, services
from runstrong.web import (
    api_accounts,
    api_athletes,
    api_coaching,
    browser,
    feeds,
    pages,
    templating,
)
from runstrong.web.config import CONFIG_ENV, REQUEST_MAX_BYTES, WebConfig
from runstrong.web.errors import HANDLERS
from runstrong.web.kept_lane import kept_lane
from runstrong.web.keys import server_key
from runstrong.web.security import ENCODED_SECURITY_HEADERS


def create_app(config: WebConfig) -> Litestar:
    """The app on `config`'s database, its schema brought up to date now (a database that
    cannot be opened fails here, not on the first request)."""
    from runstrong.storage.database import engine_for
    from runstrong.web.framework import RunstrongApp

    engine_for(config.settings())
    library = services.open_library(config.settings())
    key = server_key(config.key_file)
    api = Router(
        path="/api/v1",
        route_handlers=[
            api_accounts.router,
            api_athletes.router,
            api_coaching.router,
            feeds.api_router,
        ],
    )
    return RunstrongApp(
        route_handlers=[api, feeds.calendar_feed, *pages.page_routers()],
        state=State({"config": config, "library": library, "server_key": key}),
        exception_handlers={**HANDLERS, **pages.PAGE_ERROR_HANDLERS},
        csrf_config=browser.csrf_config(config, key),
        template_config=templating.template_config(),
        middleware=[security_headers],
        request_max_body_size=REQUEST_MAX_BYTES,
        openapi_config=OpenAPIConfig(
            title="runstrong",
            version=__version__,
            path="/api",
            render_plugins=[JsonRenderPlugin()],
        ),
        debug=False,
        logging_config=None,  # uvicorn's (runstrong serve), not a second setup
    )


def app_from_environment() -> ASGIApp:
    """The app of a worker started by `runstrong serve` (its WebConfig in RUNSTRONG_WEB_CONFIG),
    behind the lane of kept answers (web/kept_lane.py)."""
    config = WebConfig.from_json(os.environ[CONFIG_ENV])
    return kept_lane(create_app(config), config)


def security_headers(app: ASGIApp) -> ASGIApp:
    """Every answer, errors included, with SECURITY_HEADERS (those it set itself kept)."""

    async def with_headers(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in ENCODED_SECURITY_HEADERS if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await app(scope, receive, sending)

    return with_headers
