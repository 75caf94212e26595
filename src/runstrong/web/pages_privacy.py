"""/privacy: what the server keeps of its users and for how long (OWASP ASVS 4.0.3 8.3.3), open
to anyone, signed in or not, and linked from every page's footer. The text is the template's
(templates/privacy.html), written from the database's tables (docs/formats.md); the numbers it
gives are the services' own constants."""

from __future__ import annotations

from typing import Any

from litestar import Request, Router, get
from litestar.response import Template

from runstrong.account_service import LOGIN_WINDOW_S, RESET_TTL_S, TOKEN_LIFETIME_S
from runstrong.web.templating import page

PRIVACY_PATH = "/privacy"


@get(PRIVACY_PATH, sync_to_thread=True)
def privacy_page(request: Request[Any, Any, Any]) -> Template:
    context = {"login_window_min": LOGIN_WINDOW_S // 60, "token_days": TOKEN_LIFETIME_S // 86_400,
               "reset_hours": RESET_TTL_S // 3600}  # fmt: skip
    return page("privacy.html", context, request)


router = Router(path="/", route_handlers=[privacy_page], include_in_schema=False)
