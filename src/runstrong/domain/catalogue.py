"""ExerciseLibrary: the validated set of exercises the engine chooses from."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from runstrong.domain.exercise import Equipment, Exercise, Level, Pattern


@dataclass(frozen=True, slots=True)
class ExerciseLibrary:
    """An immutable, slug-indexed collection of exercises, sorted by slug."""

    exercises: Mapping[str, Exercise]
    citations: Mapping[str, str] = field(default_factory=dict)
    _pattern_index: dict[Pattern, tuple[Exercise, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises.values())

    def __len__(self) -> int:
        return len(self.exercises)

    def __contains__(self, slug: object) -> bool:
        return slug in self.exercises

    def get(self, slug: str) -> Exercise:
        return self.exercises[slug]

    def ladder(
        self, ex: Exercise, way: Literal["progression", "regression"], most: int
    ) -> Iterator[Exercise]:
        """The rungs above (`progression`) or below (`regression`) `ex` on its ladder, nearest
        first, at most `most` of them."""
        slug = ex.progression if way == "progression" else ex.regression
        for _ in range(most):
            if slug is None or slug not in self.exercises:
                return
            rung = self.exercises[slug]
            yield rung
            slug = rung.progression if way == "progression" else rung.regression

    def with_pattern(self, pattern: Pattern) -> tuple[Exercise, ...]:
        """Exercises that train `pattern` (indexed on first use)."""
        index = self._index()
        return index.get(pattern, ())

    def _index(self) -> dict[Pattern, tuple[Exercise, ...]]:
        cached = self._pattern_index
        if not cached:
            groups: dict[Pattern, list[Exercise]] = {}
            for ex in self:
                for pattern in ex.patterns:
                    groups.setdefault(pattern, []).append(ex)
            cached.update({p: tuple(exs) for p, exs in groups.items()})
        return cached

    def select(
        self,
        *,
        pattern: Pattern | None = None,
        equipment: Iterable[Equipment] | None = None,
        max_level: Level | None = None,
    ) -> list[Exercise]:
        """Exercises with the pattern, doable with the equipment, at or below the level."""
        have = frozenset(equipment) if equipment is not None else None
        return [
            ex
            for ex in self
            if (pattern is None or pattern in ex.patterns)
            and (have is None or ex.fits(have))
            and (max_level is None or ex.level.rank <= max_level.rank)
        ]
