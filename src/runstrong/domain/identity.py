"""Identities: the ids that the calendar, the watch, the database and the API share.

The rule (docs/formats.md, "Identities"):
- an athlete's id is the profile's `athlete.id`, else one derived from the name: lower case,
  every run of other characters than letters and digits made one hyphen ("Alex Morgan" ->
  "alex-morgan");
- a plan's id is its athlete's id; its version is a hash of its content, so two plans with the
  same version are the same plan;
- a session's id is the athlete's id, the Monday of its week and its place in the week's
  template: `A` or `B` (the heavy sessions), `W` (the one whole-body session of a base or build
  week with a single strength day), `M` (maintenance; `M2` for a second), `T` (the
  taper's last heavy session), `ACT` (light activation), `REC` (recovery). A session keeps its
  id through a re-plan while it stays that session of that week (a new day, time or content
  keeps it); it changes when the week no longer holds it;
- a prescription's id is its session's and its role in the session (`Session.exercise_ids`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def athlete_id_from_name(name: str) -> str:
    """The id of an athlete without one: the name in lower case ASCII, words joined by hyphens
    ("Zoë Ó Briain" -> "zoe-o-briain"); when nothing is left ("李小龍", "!!!"), "athlete-" and 8
    hex digits of a hash of the name, so that two such names keep apart."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = _SEPARATORS.sub("-", ascii_name.lower()).strip("-")[:64].strip("-")
    if slug:
        return slug
    import hashlib

    return "athlete-" + hashlib.sha256(name.encode()).hexdigest()[:8]


def session_id(athlete_id: str, monday: date, place: str) -> str:
    return f"{athlete_id}/{monday.isoformat()}/{place}"


def places(template_keys: list[str]) -> list[str]:
    """Each session's place in its week: its template's key, with a count for a key that comes
    again (`M`, `M2`)."""
    seen: dict[str, int] = {}
    out = []
    for key in template_keys:
        n = seen[key] = seen.get(key, 0) + 1
        out.append(key if n == 1 else f"{key}{n}")
    return out


def content_version(canonical: bytes) -> str:
    """A version from a plan's canonical content: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(canonical).hexdigest()[:16]


def serial32(text: str, taken: set[int]) -> int:
    """A 32-bit number from `text` (its SHA-256), never 0 and not in `taken`: on a collision the
    text is hashed again with a count (`text#1`, `text#2` ...), so each id in a plan gets its
    own number, the same every time for the same plan."""
    attempt = 0
    while True:
        seed = text if attempt == 0 else f"{text}#{attempt}"
        value = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:4], "big")
        if value and value not in taken:
            taken.add(value)
            return value
        attempt += 1
