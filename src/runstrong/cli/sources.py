"""A command's SOURCE file -> the plan it holds: read at the edge, then handed to the services.
Or, with `--athlete H`, a stored athlete's current plan as lived (runstrong.athlete_plan)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from runstrong.cli.errors import worded
from runstrong.cli.options import current_settings
from runstrong.domain.errors import InputError

if TYPE_CHECKING:
    from runstrong.athlete_plan import AthletePlan
    from runstrong.domain.lived_plan import SessionOutcome
    from runstrong.services import PlanResult

athlete_option = click.option(
    "--athlete",
    "athlete",
    metavar="HANDLE",
    help="Instead of SOURCE: a stored athlete's current plan, beside what the log says was done.",
)


def open_source(source: Path, exercises: Sequence[Path] = ()) -> PlanResult:
    """A profile's plan (made now, from the settings' today), a saved plan, or a workout."""
    from runstrong import services
    from runstrong.imports.source import read_source

    settings = current_settings(exercises)
    library = services.open_library(settings)
    held = read_source(source, library, cache_dir=settings.cache_dir)
    with worded(source):
        return services.open_plan(held, library, settings)


@dataclass(frozen=True, slots=True)
class Opened:
    """What a command exports: one plan for every format (a SOURCE), or a stored athlete's plan
    as lived, whose calendar and watch formats leave out the sessions dropped (`athlete`)."""

    source: PlanResult | None = None
    athlete: AthletePlan | None = None
    where: str = field(default="")

    def for_format(self, fmt: str) -> PlanResult:
        if self.athlete is not None:
            return self.athlete.for_format(fmt)
        assert self.source is not None
        return self.source

    @property
    def outcomes(self) -> dict[str, SessionOutcome] | None:
        return None if self.athlete is None else self.athlete.outcomes

    @property
    def planned(self) -> PlanResult:
        """The plan before the log moved anything (a SOURCE: the plan itself)."""
        return self.for_format("") if self.athlete is None else self.athlete.planned


def open_source_or_athlete(
    source: Path | None, athlete: str | None, exercises: Sequence[Path] = ()
) -> Opened:
    """SOURCE's plan, or `--athlete`'s (exactly one of them: else one error line)."""
    if (source is None) == (athlete is None):
        said = "both given" if source is not None else "neither given"
        raise InputError(
            "SOURCE", "", f"give a profile or saved plan, or --athlete HANDLE ({said})"
        )
    if source is not None:
        return Opened(source=open_source(source, exercises), where=str(source))
    assert athlete is not None
    from runstrong import services
    from runstrong.athlete_plan import athlete_plan
    from runstrong.cli.log_errors import worded_log_errors

    settings = current_settings(exercises)
    library = services.open_library(settings)
    with worded_log_errors():
        return Opened(athlete=athlete_plan(athlete, library, settings), where=athlete)
