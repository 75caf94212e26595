"""Stored plans as the API sends them: a plan version's JSON encoded once per worker (as it is,
and gzipped) and kept by its row id, which names bytes that never change; each request costs one
indexed query (storage.plan_reads) for the newest version's id."""

from __future__ import annotations

from runstrong.settings import Settings
from runstrong.web.stored_bytes import Encoded, StoredBytes

plans = StoredBytes()


def stored_plan(settings: Settings, handle: str) -> Encoded:
    """The athlete's newest plan JSON, encoded (UnknownAthleteError: not the owner's)."""
    from runstrong.storage import plan_reads
    from runstrong.storage.database import engine_for

    engine = engine_for(settings)
    plan_id, _ = plan_reads.newest_plan(engine, settings.owner, handle)
    key = (settings.database_url, plan_id)  # row ids are per database
    return plans.get(key) or plans.put(key, plan_reads.plan_json(engine, plan_id))
