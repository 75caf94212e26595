"""Settings: what a front end decides once for all the work it asks of runstrong.

A front end (the CLI's root command now, a web app's factory later) builds one `Settings` at its
start, from the environment and its own options, and hands it to the services. Nothing below
reads the environment or the clock: the same Settings and inputs give the same outputs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

# The environment variables the CLI reads (docs/cli.md, "Settings").
EXERCISES_ENV = "RUNSTRONG_EXERCISES"  # extra exercise folders, separated like PATH
CACHE_DIR_ENV = "RUNSTRONG_CACHE_DIR"
NO_CACHE_ENV = "RUNSTRONG_NO_CACHE"
DATABASE_URL_ENV = "RUNSTRONG_DATABASE_URL"  # the training log's database (runstrong.storage)


@dataclass(frozen=True, slots=True)
class Settings:
    """`today`: the day every use case takes as today (a plan without a start begins the Monday
    after it). `now`: the moment written into files that record one (a calendar's DTSTAMP),
    timezone-aware; None: `today` at 00:00 UTC. `exercise_dirs`: folders of exercise files added
    to the built-in library, in order (a later folder's slug replaces an earlier one).
    `cache_dir`: where validated inputs are cached; None: no cache. `database_url`: the training
    log's database, a SQLAlchemy URL (`sqlite:///path`, `postgresql+psycopg://...`); None: the
    SQLite file in the user's data folder (runstrong.storage.database.default_url). `owner`: the
    account whose athletes the training log's use cases see (its public id, users.name); None:
    the command line's local user. The web app gives each request the signed-in account's."""

    today: date
    now: datetime | None = None
    exercise_dirs: tuple[Path, ...] = ()
    cache_dir: Path | None = None
    database_url: str | None = None
    owner: str | None = None

    @property
    def timestamp(self) -> datetime:
        """`now`, or the start of `today` in UTC, in whole seconds."""
        moment = self.now or datetime.combine(self.today, time(0), UTC)
        return moment.astimezone(UTC).replace(microsecond=0)


def from_environment(
    environ: Mapping[str, str],
    *,
    today: date | None = None,
    exercise_dirs: Sequence[Path] = (),
    database_url: str | None = None,
) -> Settings:
    """Settings from `environ` (the process environment, read by the caller) and the caller's
    options. `today` fixes the date (and the time stamp: that day at 00:00 UTC), else the
    clock gives both. `exercise_dirs` come after RUNSTRONG_EXERCISES's folders. `database_url`
    (the --db option) wins over RUNSTRONG_DATABASE_URL."""
    if today is None:
        now: datetime | None = datetime.now(UTC)
        today = date.today()
    else:
        now = None
    from_env = [Path(p) for p in environ.get(EXERCISES_ENV, "").split(os.pathsep) if p]
    return Settings(
        today=today,
        now=now,
        exercise_dirs=(*from_env, *exercise_dirs),
        cache_dir=cache_dir(environ),
        database_url=database_url or environ.get(DATABASE_URL_ENV) or None,
    )


def cache_dir(environ: Mapping[str, str]) -> Path | None:
    """RUNSTRONG_CACHE_DIR, else $XDG_CACHE_HOME/runstrong, else ~/.cache/runstrong; None when
    RUNSTRONG_NO_CACHE is set (to anything but the empty string)."""
    if environ.get(NO_CACHE_ENV):
        return None
    if explicit := environ.get(CACHE_DIR_ENV):
        return Path(explicit)
    if xdg := environ.get("XDG_CACHE_HOME"):
        return Path(xdg) / "runstrong"
    home = Path(environ["HOME"]) if environ.get("HOME") else Path.home()
    return home / ".cache" / "runstrong"
