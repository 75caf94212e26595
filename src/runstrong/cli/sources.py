"""A command's SOURCE file -> the plan it holds: read at the edge, then handed to the services."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from runstrong.cli.errors import worded
from runstrong.cli.options import current_settings

if TYPE_CHECKING:
    from runstrong.services import PlanResult


def open_source(source: Path, exercises: Sequence[Path] = ()) -> PlanResult:
    """A profile's plan (made now, from the settings' today), a saved plan, or a workout."""
    from runstrong import services
    from runstrong.imports.source import read_source

    settings = current_settings(exercises)
    library = services.open_library(settings)
    held = read_source(source, library, cache_dir=settings.cache_dir)
    with worded(source):
        return services.open_plan(held, library, settings)
