"""The server-rendered pages' HTML: Jinja2 templates (autoescaped) in web/templates, the
stylesheet and scripts in web/static (served at /static), and errors as pages.

Every template extends base.html and fills its blocks `title` and `content`; a form carries
`{{ csrf_input | safe }}`. No inline script or style: the CSP (app.py) forbids them; a page
that needs behaviour links a script of web/static in its block `scripts`.

    return page("plan/calendar.html", {"weeks": weeks}, request)   # status 200
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from litestar import Request, Response, Router
from litestar.exceptions import HTTPException
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.static_files import create_static_files_router
from litestar.status_codes import (
    HTTP_403_FORBIDDEN,
    HTTP_404_NOT_FOUND,
    HTTP_500_INTERNAL_SERVER_ERROR,
)
from litestar.template.config import TemplateConfig

from runstrong.access_service import ForbiddenError
from runstrong.domain.errors import UnknownAthleteError
from runstrong.web.browser import page_account

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
STATIC_PATH = "/static"
STATIC_MAX_AGE_S = 3600  # an hour: a release's new stylesheet is seen within it


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    return TemplateConfig(directory=TEMPLATES, engine=JinjaTemplateEngine)


def static_router() -> Router:
    from litestar.datastructures import CacheControlHeader

    return create_static_files_router(
        path=STATIC_PATH,
        directories=[STATIC],
        cache_control=CacheControlHeader(max_age=STATIC_MAX_AGE_S),
    )


def page(
    name: str,
    context: Mapping[str, Any],
    request: Request[Any, Any, Any],
    *,
    status_code: int = 200,
) -> Template:
    """The template `name` with `context`, `account` (the signed-in one, or None) for the
    page's header, and `athlete_id`: the public id of the athlete of the page's path (what its
    links use), unless `context` gives one."""
    athlete_id = request.path_params.get("athlete_id")
    return Template(
        template_name=name,
        context={"account": page_account(request), "athlete_id": athlete_id, **context},
        status_code=status_code,
    )


# -- errors as pages (the API under /api keeps its JSON: errors.py) ---------------------------


def is_page(request: Request[Any, Any, Any]) -> bool:
    return not request.url.path.startswith("/api")


def error_page(request: Request[Any, Any, Any], status_code: int, message: str) -> Template:
    return page("error.html", {"status": status_code, "message": message}, request,
                status_code=status_code)  # fmt: skip


def http_error_page(request: Request[Any, Any, Any], err: HTTPException) -> Response[Any]:
    """An HTTP error of a page (a form without its CSRF token: 403) as a page."""
    from runstrong.web.errors import http_error

    if not is_page(request):
        return http_error(request, err)
    message = {
        403: "This form has expired or did not come from this site: go back, reload the page "
        "and send it again.",
        404: "There is no such page.",
    }.get(err.status_code, str(err.detail))
    return error_page(request, err.status_code, message)


def unknown_athlete_page(request: Request[Any, Any, Any], _: UnknownAthleteError) -> Template:
    """Another account's athlete, or none: not found, never forbidden (nothing tells it exists)."""
    return error_page(request, HTTP_404_NOT_FOUND, "No such athlete.")


def forbidden_page(request: Request[Any, Any, Any], err: ForbiddenError) -> Template:
    """An action the account's relation to an athlete does not allow (a coach's log form)."""
    return error_page(request, HTTP_403_FORBIDDEN, f"{str(err).capitalize()}.")


def server_error_page(request: Request[Any, Any, Any], err: Exception) -> Response[Any]:
    from runstrong.web.errors import server_error

    answer = server_error(request, err)  # logged there
    if not is_page(request):
        return answer
    return error_page(request, HTTP_500_INTERNAL_SERVER_ERROR, "Something went wrong on our "
                      "side; it has been logged.")  # fmt: skip
