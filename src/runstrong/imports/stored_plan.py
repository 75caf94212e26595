"""A stored plan version (the training log's plan JSON) read through the input cache
(runstrong.cache): a plan read again, by `heatmap --athlete`, a week's page or a session's
watch file, is unpickled (about 5 ms for Alex's 21 weeks) rather than validated again (about
80 ms, most of a week page's time; bench/plan_pages.py). Keyed, as the profile reader's cache
is, on the code, the bytes and the library's slugs (all that reading a plan takes from the
library); a plan with an error is never cached, and pydantic is loaded only on a miss."""

from __future__ import annotations

from pathlib import Path

from runstrong.domain.athlete import Athlete
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.plan import Plan


def read_stored_plan(
    raw: bytes, library: ExerciseLibrary, *, where: str, cache_dir: Path | None
) -> tuple[Plan, Athlete]:
    """`imports.plan_json.read_plan`, once per plan, library and build in `cache_dir` (None:
    every time)."""
    from runstrong import cache

    def key() -> str:
        slugs = "\n".join(sorted(ex.slug for ex in library)).encode()
        return cache.digest([b"plan", raw, slugs])

    def load() -> tuple[Plan, Athlete]:
        from runstrong.imports.plan_json import read_plan

        return read_plan(raw, library, where=where)

    plan, athlete = cache.cached(cache_dir, "plan", key, load, tuple)
    return plan, athlete
