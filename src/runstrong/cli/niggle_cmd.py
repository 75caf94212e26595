"""`runstrong niggle`: a niggle check-in that sets the niggle's severity for the plan from
today (docs/science.md §1.2a, "Niggle check-ins")."""

from __future__ import annotations

from pathlib import Path

import click

from runstrong.cli.log_errors import LogCommand
from runstrong.cli.options import current_settings, exercises_option
from runstrong.domain.exercise import NiggleSite


@click.command("niggle", cls=LogCommand)
@click.argument("handle", metavar="HANDLE", help="The athlete's handle.")
@click.option(
    "--site",
    required=True,
    type=click.Choice([s.value for s in NiggleSite], case_sensitive=False),
    help="Where it hurts.",
)
@click.option(
    "--pain",
    required=True,
    type=click.IntRange(0, 10),
    help="Pain during training, 0 (none) to 10 (worst).",
)
@exercises_option
def niggle(handle: str, site: str, pain: int, exercises: tuple[Path, ...]) -> None:
    """Check in on a niggle: the pain sets its severity for the plan from today (0-2 mild or
    none, 3-5 moderate, above 5 severe; two weeks at 2 or less step it down a level a week). A
    change stores a new profile version and re-plans from this week, as `athlete update` does.

    Example: runstrong niggle alex --site knee --pain 4
    """
    from runstrong import services
    from runstrong.athlete_service import check_athlete
    from runstrong.checkin_service import record_check_in
    from runstrong.render.messages import cited

    settings = current_settings(exercises)
    check_athlete(handle, settings)
    library = services.open_library(settings)
    found = record_check_in(handle, NiggleSite(site.lower()), pain, library, settings)
    click.echo(f"{handle} {found.check_in.date.isoformat()}: {cited(found.reason)}")
    plan = found.plan
    if plan is not None:
        click.echo(
            f"{handle}: profile version {plan.profile_version}, plan {plan.version}, "
            f"{plan.start.isoformat()} to {plan.end.isoformat()}"
        )
