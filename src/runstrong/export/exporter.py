"""What every exporter shares: the options of an export and the one call each format answers.

Each export module (plan_json, plan_csv, ics, html, pdf, fit) has an `export(resolved, options)`
that is an `Exporter`: the resolved plan (`render.resolved`) and the options in, the file's bytes
out (FIT: a folder of files, by name). `services.export_one` finds a format's exporter by name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from runstrong.domain.lived_plan import SessionOutcome
    from runstrong.render.load_section import Figure
    from runstrong.render.resolved import ResolvedPlan


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """`now` stamps what changed (ICS DTSTAMP); `today` (default: `now`'s date) starts the FIT
    schedule and ends the calendar's cancelled events. `outcomes` (a stored athlete's plan:
    what the log says became of each session, by id) adds what was done beside what was
    planned to the JSON, CSV, HTML and PDF; `training_load` (a stored athlete's charts) is the
    printable plan's "Training load" section."""

    now: datetime
    previous_ics: bytes | None = None
    alarm_minutes: int | None = None
    fit_from: date | None = None
    today: date | None = None
    outcomes: Mapping[str, SessionOutcome] | None = None
    training_load: tuple[Figure, ...] = ()

    @property
    def day(self) -> date:
        return self.today or self.now.date()


class Exporter(Protocol):
    def __call__(
        self, resolved: ResolvedPlan, options: ExportOptions, /
    ) -> bytes | dict[str, bytes]: ...
