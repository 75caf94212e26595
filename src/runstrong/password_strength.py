"""A password's strength as the forms' meter shows it (OWASP ASVS 4.0.3 2.1.8): a score from 0
to STRENGTH_MAX and its words. Too short or common (runstrong.common_passwords) scores 0, as
the server refuses it; otherwise a rough estimate of the bits an attacker guessing at random
among the kinds of characters used would need, counting a character repeated beyond twice the
distinct characters as nothing (`aaaaaaaaaaab`). It advises; only the length and the list are
rules."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from runstrong.common_passwords import is_common

STRENGTH_MAX = 4
# The kinds of characters and how many each holds (what a guesser would try).
LOWER_CHARS, UPPER_CHARS, DIGIT_CHARS, SYMBOL_CHARS, OTHER_CHARS = 26, 26, 10, 33, 100
# The estimated bits at which a password is fair, good, strong (below the first: weak). Our
# own bands: 50 bits is about a random 11-letter lower-case string.
FAIR_BITS, GOOD_BITS, STRONG_BITS = 50, 70, 90


@dataclass(frozen=True, slots=True)
class Strength:
    score: int  # 0 (refused) to STRENGTH_MAX
    words: str


def strength(password: str, min_chars: int, cache_dir: Path | None) -> Strength:
    if len(password) < min_chars:
        return Strength(0, f"too short: at least {min_chars} characters")
    if is_common(password, cache_dir):
        return Strength(0, "a common or leaked password: choose another")
    bits = estimated_bits(password)
    if bits < FAIR_BITS:
        return Strength(1, "weak: longer, or more kinds of characters")
    if bits < GOOD_BITS:
        return Strength(2, "fair")
    return Strength(3, "good") if bits < STRONG_BITS else Strength(STRENGTH_MAX, "strong")


def estimated_bits(password: str) -> float:
    """log2 of the characters of the kinds used, times the length counted (module docstring)."""
    pool = 0
    kinds = (
        (str.islower, LOWER_CHARS), (str.isupper, UPPER_CHARS), (str.isdigit, DIGIT_CHARS),
        (lambda c: c.isascii() and not c.isalnum(), SYMBOL_CHARS),
        (lambda c: not c.isascii(), OTHER_CHARS),
    )  # fmt: skip
    for test, size in kinds:
        if any(test(c) for c in password):
            pool += size
    counted = min(len(password), 2 * len(set(password)))
    return counted * math.log2(pool) if pool else 0.0
