"""An athlete's training load page (issue 17 in the web app): the weekly charts of `runstrong
chart --kind load|monotony|compliance` as SVG images of their own routes, and beside them the
weeks as a table (the numbers of `runstrong load` and `runstrong compliance`), from the week the
first plan started to this one (at most chart_service.MAX_WEEKS).

Thin as the CLI commands it mirrors: runs_service.training_load and compliance_service."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from litestar import Request, Response, Router, get
from litestar.exceptions import NotFoundException
from litestar.params import PathParameter
from litestar.response import Template

from runstrong import athlete_service
from runstrong.access_service import Action
from runstrong.domain.errors import InputError
from runstrong.settings import Settings
from runstrong.web.browser import page_athlete, signed_in_page
from runstrong.web.templating import page

SVG = "image/svg+xml"
ATHLETE = "/athletes/{athlete_id:str}"
AthleteId = Annotated[str, PathParameter(max_length=64)]
ChartName = Annotated[str, PathParameter(max_length=20)]  # KIND.svg
CAPTIONS = {  # the charts, in the order the page shows them
    "load": "Weekly load by running and lifting (session RPE × minutes, or from power or heart "
    "rate where a run has no RPE), and the acute:chronic ratio with its caveat.",
    "monotony": "Monotony (mean daily load ÷ its standard deviation) and strain (weekly load × "
    "monotony) a week.",
    "compliance": "Plan against done: the share of the planned strength sets and running "
    "minutes done.",
}


def _first_monday(handle: str, settings: Settings) -> date | None:
    """The Monday of the week the athlete's first plan starts, None before it has started."""
    from runstrong.chart_service import first_plan_start

    first = first_plan_start(handle, settings)
    return None if first > settings.today else first - timedelta(days=first.weekday())


@get(f"{ATHLETE}/load", sync_to_thread=True)
def load_page(request: Request[Any, Any, Any], athlete_id: AthleteId) -> Template:
    """The weekly charts and the weeks' numbers; before the plan starts, a line saying so."""
    from runstrong.chart_service import weeks_from
    from runstrong.compliance_service import compliance
    from runstrong.render.messages import cited
    from runstrong.runs_service import training_load

    handle, settings = page_athlete(request, athlete_id, Action.READ)
    record = athlete_service.check_athlete(handle, settings)
    first = _first_monday(handle, settings)
    weeks: list[Any] = []
    done: dict[date, Any] = {}
    notes: list[str] = []
    if first is not None:
        report = training_load(handle, weeks_from(first, settings.today), settings)
        weeks = report.weeks[::-1]
        notes = [cited(n) for n in report.notes]
        done = {w.monday: w for w in compliance(handle, first, settings).weeks}
    has_load = any(w.total_au for w in weeks)
    has_compliance = any(c.compliance_pct is not None for c in done.values())
    context = {
        "athlete": record,
        "started": first is not None,
        "charts": [k for k in CAPTIONS if (has_compliance if k == "compliance" else has_load)],
        "captions": CAPTIONS,
        "weeks": weeks,
        "done": done,
        "notes": notes,
    }
    return page("plan/load.html", context, request)


@get(f"{ATHLETE}/load/{{name:str}}", sync_to_thread=True)
def load_chart(
    request: Request[Any, Any, Any], athlete_id: AthleteId, name: ChartName
) -> Response[bytes]:
    """One weekly chart, KIND.svg, as `runstrong chart --kind KIND -o F.svg` draws it (a path
    parameter is a whole segment: the name is read here)."""
    from runstrong.chart_service import weekly_chart

    kind = name.removesuffix(".svg")
    if kind not in CAPTIONS or not name.endswith(".svg"):
        raise NotFoundException(f"no chart '{name}'")
    handle, settings = page_athlete(request, athlete_id, Action.READ)
    first = _first_monday(handle, settings)
    if first is None:
        raise NotFoundException("the plan has not started: nothing to chart")
    try:
        svg, _ = weekly_chart(kind, handle, first, settings, "svg")
    except InputError:  # nothing to chart in these weeks
        raise NotFoundException("nothing to chart") from None
    return Response(svg, media_type=SVG)


router = Router(path="/", route_handlers=[load_page, load_chart], guards=[signed_in_page])
