"""Fitting a week's sessions to their time budgets (our heuristic [D], science.md "Heuristics").

Decided for the week as a whole, in passes that only ever shorten a session: accessories to
`Rules.min_trimmed_accessory_sets` (2), main lifts to `min_trimmed_main_sets` (3), then calves,
single-leg work and plyometrics to `min_trimmed_accessory_sets`, and only then are exercises left
out, those whose category the week also covers elsewhere first (`trim_covered_categories_first`).
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple, Protocol

from runstrong.domain.budget import TimedGroup, group_seconds, minutes_of
from runstrong.domain.drafts import Draft
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import Prescription, Role
from runstrong.domain.rules import Rules


class Memo(Protocol):
    """What trimming asks of the planner, which remembers the answers (the same sessions and
    prescriptions recur week after week)."""

    def timed_groups(self, exercises: tuple[Prescription, ...]) -> list[TimedGroup]: ...

    def with_sets(self, p: Prescription, sets: int) -> Prescription: ...


# With `Rules.trim_covered_categories_first`, an exercise whose category the week's other session
# covers goes before any that would leave a gap in the week: this bonus on its trim rank only has
# to be larger than the spread of the templates' trim ranks (templates.py).
COVERED_ELSEWHERE_TRIM_BONUS = 10
# The accessories that go down to `min_trimmed_accessory_sets` first, before the main lifts: those
# from the lateral hip down the templates' trim order (templates.py).
MIN_TRIM_RANK_FOR_FEWER_SETS = 4


class Budget(NamedTuple):
    """A session's time limit and whose it is: the athlete's (`yours`), or the shorter time kept
    for `maintenance` or the `taper`'s last heavy session."""

    minutes: int
    kind: str

    def left_out(self, names: tuple[str, ...]) -> Reason:
        return reason(
            RuleId.LEFT_OUT_TO_FIT, exercises=names, budget_minutes=self.minutes, budget=self.kind
        )

    def sets_cut(self, sets: int, before: int, names: tuple[str, ...]) -> Reason:
        return reason(
            RuleId.SETS_CUT_TO_FIT,
            sets=sets,
            before=before,
            exercises=names,
            budget_minutes=self.minutes,
            budget=self.kind,
        )


class Trimmed(NamedTuple):
    """A session fitted to its time."""

    draft: Draft  # with its cut sets, and notes on every cut
    minutes: int
    notes_for_deload: tuple[Reason, ...]  # the draft's own notes and the exercises left out


def trim(
    drafts: list[Draft],
    limits: list[int],
    budgets: list[Budget],
    memo: Memo,
    rules: Rules,
) -> list[Trimmed]:
    fits = _fitted(drafts, limits, budgets, memo, rules)
    return [Trimmed(f.result(), f.minutes, (*f.original.notes, *f.drop_notes)) for f in fits]


def _fitted(
    drafts: list[Draft],
    limits: list[int],
    budgets: list[Budget],
    memo: Memo,
    rules: Rules,
) -> list[Fitting]:
    """Fit every session to its time budget, deciding for the week as a whole: first
    accessories go down to `min_trimmed_accessory_sets` (2), then main lifts to
    `min_trimmed_main_sets` (3), then calves, single-leg work and plyometrics to
    `min_trimmed_accessory_sets`, and only then are exercises left out, those whose category
    another exercise of the week also covers first (unless `trim_covered_categories_first` is
    off), so no category is lost while a duplicate stays. The main lifts stay."""
    min_accessory, min_main = rules.min_trimmed_accessory_sets, rules.min_trimmed_main_sets
    bonus = COVERED_ELSEWHERE_TRIM_BONUS if rules.trim_covered_categories_first else 0
    fits = [
        Fitting(d, limit, budget, memo, rules)
        for d, limit, budget in zip(drafts, limits, budgets, strict=True)
    ]
    if not any(f.over for f in fits):
        return fits
    # Each pass only ever shortens a session, so a session that fits stays fitting and the
    # passes run one after the other; within a pass the highest trim rank goes first.
    accessories = [
        (rank, i, k)
        for i, f in enumerate(fits)
        for k, rank in enumerate(f.ranks)
        if rank >= MIN_TRIM_RANK_FOR_FEWER_SETS and f.sets[k] > min_accessory
    ]
    for _, i, k in sorted(accessories, reverse=True):
        if fits[i].over:
            fits[i].set_sets(k, min_accessory)
    for f in fits:
        for k, p in enumerate(f.exercises):
            while p.role is Role.MAIN and f.over and f.sets[k] > min_main:
                f.set_sets(k, f.sets[k] - 1)
    rest = [
        (rank, i, k)
        for i, f in enumerate(fits)
        for k, (rank, p) in enumerate(zip(f.ranks, f.exercises, strict=True))
        if p.role is not Role.MAIN and f.sets[k] > min_accessory
    ]
    for _, i, k in sorted(rest, reverse=True):
        if fits[i].over:
            fits[i].set_sets(k, min_accessory)
    while True:
        over = [i for i, f in enumerate(fits) if f.over]
        if not over:
            return fits
        counts = Counter(c for f in fits for c in f.coverage)
        droppable = [
            (trim_priority(fits[i], k, counts, bonus), i, k)
            for i in over
            for k, p in enumerate(fits[i].exercises)
            if p.role is not Role.MAIN
        ]
        if not droppable:
            return fits
        _, i, k = max(droppable)
        fits[i].leave_out(k)


class Fitting:
    """A session while it is trimmed for time: set counts change and exercises leave in place,
    the minutes are recounted from the timed groups, and the draft is built once at the end."""

    def __init__(
        self,
        draft: Draft,
        limit: int,
        budget: Budget,
        memo: Memo,
        rules: Rules,
    ) -> None:
        self.original = draft
        self.limit = limit
        self.budget = budget  # the limit, for the notes
        self.memo = memo
        self.rules = rules
        self.exercises = list(draft.exercises)
        self.sets = [p.sets for p in draft.exercises]
        self.ranks = list(draft.trim_ranks)
        self.coverage = list(draft.coverage)
        # What happened, in order: (exercise, sets it went down to, sets before), or
        # (exercise, 0, 0) for one left out. Notes are worded only when asked for.
        self._events: list[tuple[Prescription, int, int]] = []
        self.hard_plyo = draft.hard_plyo
        self._regroup()

    @property
    def over(self) -> bool:
        return self.minutes > self.limit

    def _regroup(self) -> None:
        self.groups = self.memo.timed_groups(tuple(self.exercises))
        self.group_of = {i: g for g, group in enumerate(self.groups) for i in group.members}
        self.seconds = [group_seconds(g, self.sets, self.rules) for g in self.groups]
        self.minutes = minutes_of(self.seconds, self.rules)

    def set_sets(self, k: int, sets: int) -> None:
        self._events.append((self.exercises[k], sets, self.sets[k]))
        self.sets[k] = sets
        g = self.group_of[k]  # only this exercise's group changes
        self.seconds[g] = group_seconds(self.groups[g], self.sets, self.rules)
        self.minutes = minutes_of(self.seconds, self.rules)

    def leave_out(self, k: int) -> None:
        gone = self.exercises.pop(k)
        del self.sets[k], self.ranks[k], self.coverage[k]
        # Its sets no longer matter: keep only the note that it is left out.
        self._events = [e for e in self._events if e[0] is not gone] + [(gone, 0, 0)]
        self.hard_plyo = self.hard_plyo and gone.role is not Role.PLYOMETRIC
        self._regroup()

    @property
    def drop_notes(self) -> list[Reason]:
        """The exercises left out, one note each (what a deload keeps: the block's, not the
        week's cuts)."""
        return [self.budget.left_out((p.name,)) for p, sets, _ in self._events if not sets]

    @property
    def notes(self) -> list[Reason]:
        """One line per kind of cut, naming every exercise it hit, in the order the cuts were
        first made: "2 sets instead of 3 to fit your 45 minutes: Plank, Side plank"."""
        names: dict[tuple[int, int], list[str]] = {}  # (sets, before) -> exercises; (0, 0) left out
        for p, sets, before in self._events:
            names.setdefault((sets, before), []).append(p.name)
        return [
            self.budget.sets_cut(sets, before, tuple(cut))
            if sets
            else self.budget.left_out(tuple(cut))
            for (sets, before), cut in names.items()
        ]

    def result(self) -> Draft:
        if not self._events:
            return self.original
        return Draft(
            self.original.template,
            tuple(
                p if n == p.sets else self.memo.with_sets(p, n)
                for p, n in zip(self.exercises, self.sets, strict=True)
            ),
            tuple(self.ranks),
            tuple(self.coverage),
            (*self.original.notes, *self.notes),
            self.hard_plyo,
        )


def trim_priority(fit: Fitting, k: int, counts: Counter[str], bonus: int) -> int:
    """The higher, the sooner the exercise is left out: its trim rank, plus `bonus` when another
    exercise of the week covers its category."""
    covered_elsewhere = counts[fit.coverage[k]] > 1
    return fit.ranks[k] + bonus * covered_elsewhere


def keep_only(draft: Draft, slugs: frozenset[str], budget: Budget) -> Draft:
    keep = [i for i, p in enumerate(draft.exercises) if p.slug in slugs]
    if len(keep) == len(draft.exercises):
        return draft
    left_out = [p for p in draft.exercises if p.slug not in slugs]
    notes = (budget.left_out(tuple(p.name for p in left_out)),) if left_out else ()
    return draft._replace(
        notes=draft.notes + notes,
        exercises=tuple(draft.exercises[i] for i in keep),
        trim_ranks=tuple(draft.trim_ranks[i] for i in keep),
        coverage=tuple(draft.coverage[i] for i in keep),
        # the session's hard plyometrics, if any, were its plyometric slot's exercise
        hard_plyo=draft.hard_plyo and all(p.role is not Role.PLYOMETRIC for p in left_out),
    )
