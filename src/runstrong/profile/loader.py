"""Read a runner's profile (TOML or JSON) into a validated domain Profile.

Validation (runstrong.profile.parse, with pydantic) runs once per distinct profile when the
caller gives a cache folder: the result is cached (runstrong.cache) under a digest of the file's
bytes, runstrong's code and the library's slugs, so commands run again on the same profile start
fast.
"""

from __future__ import annotations

from pathlib import Path

from runstrong import cache
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.profile import Profile


def load_profile(path: Path, library: ExerciseLibrary, *, cache_dir: Path | None = None) -> Profile:
    from runstrong.input_files import PROFILE_MAX_BYTES, read_input

    raw = read_input(path, PROFILE_MAX_BYTES)
    return profile_from_bytes(raw, path.suffix, library, str(path), cache_dir=cache_dir)


def profile_from_bytes(
    raw: bytes,
    suffix: str,
    library: ExerciseLibrary,
    where: str,
    *,
    cache_dir: Path | None = None,
) -> Profile:
    """A profile file's bytes (JSON if `suffix` is .json, else TOML), validated; `where` names
    the file in error lines."""
    suffix = suffix.lower()

    def parse() -> Profile:
        from runstrong.profile.parse import parse_bytes

        return parse_bytes(raw, suffix, library, where)

    def key() -> str:
        # The only thing validation reads from the library: which slugs exist.
        slugs = "\n".join(sorted(ex.slug for ex in library)).encode()
        return cache.digest([suffix.encode(), raw, slugs])

    return cache.cached(cache_dir, "profile", key, parse, Profile)
