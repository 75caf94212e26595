"""Use cases of an athlete's calendar subscription: make (or rotate) its secret feed token,
revoke it, say whether it has one, and find the feed of a token.

A feed token is 32 random bytes (URL-safe), of which only the SHA-256 is stored, like an API
token (account_service): the feed's URL is the secret, so it is shown once, when made. Making a
new one revokes the old: its URL answers 404 from then on."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from runstrong.settings import Settings
from runstrong.storage.feeds import FeedState

FEED_TOKEN_BYTES = 32
FEED_TOKEN_PREFIX = "rsf_"
FEED_TOKEN_MAX_CHARS = 100  # a longer path segment is no token of ours


def feed_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def make_feed(handle: str, settings: Settings) -> tuple[str, int]:
    """A new feed token for the athlete (the old one revoked) and the athlete's row id."""
    from runstrong.storage import feeds
    from runstrong.storage.repository import repository

    token = FEED_TOKEN_PREFIX + secrets.token_urlsafe(FEED_TOKEN_BYTES)
    with repository(settings) as repo:
        athlete_id = repo.athlete_row_id(handle)
        feeds.add_feed(repo.session, athlete_id, feed_digest(token), settings.timestamp)
    return token, athlete_id


def revoke_feed(handle: str, settings: Settings) -> bool:
    """Revoke the athlete's feed token; False: it had none."""
    from runstrong.storage import feeds
    from runstrong.storage.repository import repository

    with repository(settings) as repo:
        return feeds.revoke_feeds(repo.session, repo.athlete_row_id(handle), settings.timestamp) > 0


def feed_since(handle: str, settings: Settings) -> datetime | None:
    """When the athlete's live feed token was made; None: it has none."""
    from runstrong.storage import feeds
    from runstrong.storage.repository import repository

    with repository(settings, readonly=True) as repo:
        return feeds.live_feed_since(repo.session, repo.athlete_row_id(handle))


def feed_of_token(token: str, settings: Settings) -> FeedState | None:
    """The state of the live feed of `token` (one indexed query); None: unknown or revoked."""
    from runstrong.storage import feeds
    from runstrong.storage.database import engine_for

    digest = _feed_token_digest(token)
    if digest is None:
        return None
    return feeds.feed_state(engine_for(settings), digest, settings.today)


async def feed_revision(token: str, settings: Settings) -> tuple[int, int] | None:
    """The athlete (row id) of the live feed of `token` and its data's revision: one indexed
    query, read without blocking the event loop (storage.fast_reads.first_row_async), what a
    worker checks its kept calendar against; None: unknown or revoked."""
    from runstrong.storage.access_reads import feed_athlete
    from runstrong.storage.database import engine_for

    digest = _feed_token_digest(token)
    return None if digest is None else await feed_athlete(engine_for(settings), digest)


def _feed_token_digest(token: str) -> str | None:
    """What is stored of `token` if it has a feed token's shape, else None (no query made)."""
    if not token.startswith(FEED_TOKEN_PREFIX) or len(token) > FEED_TOKEN_MAX_CHARS:
        return None
    return feed_digest(token)
