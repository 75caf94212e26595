"""Answers a worker keeps by the athlete's revision (storage: 0008_athlete_revision): today's
session, the history, the plan, the calendar, each encoded once (gzipped when that shrinks it,
with an ETag) and sent again while the athlete's data is unchanged.

The key holds the database, the athlete's row id, its revision when the request began, what was
asked and the day it was asked on; the revision rises in the database whenever any writer
(another worker, the command line) changes the athlete's data, so a kept answer is never stale,
and a change makes the next request miss and make the answer afresh. An answer made while a
write lands is kept under the older revision, which no later request reads."""

from __future__ import annotations

from collections.abc import Hashable

from runstrong.access_service import AthleteRef
from runstrong.settings import Settings
from runstrong.web.stored_bytes import StoredBytes

ANSWERS_BUDGET_BYTES = 8 * 1024 * 1024  # per worker, beside stored_bytes' plans and files

answers = StoredBytes(ANSWERS_BUDGET_BYTES)


def answer_key(settings: Settings, ref: AthleteRef, *asked: Hashable) -> tuple[Hashable, ...]:
    """The key of an answer about `ref` at its revision: what was `asked`, on `settings`' day."""
    return (settings.database_url, ref.athlete_row, ref.revision, settings.today, *asked)


def feed_answer_key(settings: Settings, athlete_row: int, revision: int) -> tuple[Hashable, ...]:
    """The key of an athlete's calendar feed at `revision`, on `settings`' day."""
    return ("feed", settings.database_url, athlete_row, revision, settings.today)
