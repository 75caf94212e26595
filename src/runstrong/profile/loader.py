"""Read a runner's profile (TOML or JSON) into a validated domain Profile.

Validation (runstrong.profile.parse, with pydantic) runs once per distinct profile: the result is
cached (runstrong.cache) under a digest of the file's bytes, the code that validates it and the
library's slugs, so commands run again on the same profile start fast.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from runstrong import cache
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError, field_path
from runstrong.domain.profile import Profile

# The code a cached Profile depends on: the validation, and the domain classes it pickles.
_DOMAIN_CODE = ("athlete.py", "exercise.py", "muscles.py", "profile.py", "rules.py")


def load_profile(path: Path, library: ExerciseLibrary) -> Profile:
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(where, "", f"cannot be read ({exc.strerror})") from None
    suffix = path.suffix.lower()

    def parse() -> Profile:
        from runstrong.profile.parse import parse_bytes

        return parse_bytes(raw, suffix, library, where)

    def key() -> str:
        slugs = "\n".join(sorted(ex.slug for ex in library)).encode()
        return cache.digest(_code(), [suffix.encode(), raw, slugs])

    return cache.cached("profile", key, parse, Profile)


def _code() -> list[Path]:
    here = Path(__file__).parent
    domain = here.parent / "domain"
    return [
        *sorted(here.glob("*.py")),
        here.parent / "validation.py",
        here.parent / "cache.py",
        *(domain / name for name in _DOMAIN_CODE),
    ]


def check_races_after_start(
    profile: Profile, start: date, where: str, *, start_option: str | None = None
) -> None:
    """A race before the plan's first day is a mistake in the profile, or in the option that set
    the start (`start_option`, "--start"): the error line blames that one."""
    for i, race in enumerate(profile.athlete.races):
        if race.date < start:
            field = field_path("races", i, "date")
            if start_option is not None:
                raise InputError(
                    start_option,
                    "",
                    f"{start.isoformat()} is after the race {race.name} on "
                    f"{race.date.isoformat()} ({where}: {field}); start on or before it",
                )
            raise InputError(
                where,
                field,
                f"{race.date.isoformat()} ({race.name}) is before the plan start "
                f"{start.isoformat()}",
            )
