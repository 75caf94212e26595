"""Every name an exercise answers to (its slug, display name and aliases, in any case, with
spaces, hyphens or underscores), and the names other apps give lifts: "Squat (Barbell)" is the
library's "barbell squat"."""

from __future__ import annotations

import re

from runstrong.domain.catalogue import ExerciseLibrary

CUSTOM_PREFIX = "custom:"  # the slug of an exercise the library does not know (an import's)


def fold(name: str) -> str:
    """A name as compared: lower case, hyphens and underscores as spaces, single spaces."""
    return " ".join(name.casefold().replace("-", " ").replace("_", " ").split())


def name_index(library: ExerciseLibrary) -> dict[str, str]:
    """Each folded name (slug, display name, alias) and the slug it names; a name two
    exercises share goes to the first."""
    found: dict[str, str] = {}
    for ex in library:
        for known in (ex.slug, ex.name, *ex.aliases):
            found.setdefault(fold(known), ex.slug)
    return found


_EQUIPMENT = re.compile(r"^(?P<name>.+?)\s*\((?P<kit>[^()]+)\)$")


def app_slug(name: str, index: dict[str, str]) -> str | None:
    """The slug an app's exercise name means: as it is, or "NAME (KIT)" as "KIT NAME" (Strong's
    and Hevy's way: "Deadlift (Barbell)") then as NAME alone; None if the library has none."""
    candidates = [name]
    found = _EQUIPMENT.match(name.strip())
    if found:
        candidates += [f"{found['kit']} {found['name']}", found["name"]]
    for candidate in candidates:
        slug = index.get(fold(candidate))
        if slug is not None:
            return slug
    return None


def custom_slug(name: str) -> str:
    """The slug kept for an exercise the library does not know: `custom:` and its name, folded
    ("custom:lunge_dumbbell" for "Lunge (Dumbbell)")."""
    words = re.sub(r"[^\w]+", " ", name.casefold()).split()
    return CUSTOM_PREFIX + "_".join(words)
