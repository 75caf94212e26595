"""Fitting a week's sessions to their time budgets (our heuristic [D], science.md "Heuristics").

Decided for the week as a whole, in passes that only ever shorten a session: fewer sets first,
then what the week can spare, then a circuit, then one set of each accessory and fewer
plyometric sets; only then does an exercise that takes a category from the week go (`_fitted`).
Fewer sets of every category beat a missing one (science.md §2.7, "Every category").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import NamedTuple, Protocol

from runstrong.domain.budget import TimedGroup, group_seconds, minutes_of
from runstrong.domain.categories import Category
from runstrong.domain.drafts import Draft
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import Prescription, Role
from runstrong.domain.rules import Rules

# Enum members read in inner loops, bound once (why: prescription.py).
MAIN = Role.MAIN


class Memo(Protocol):
    """What trimming asks of the planner, which remembers the answers (the same sessions and
    prescriptions recur week after week)."""

    def timed_groups(
        self, exercises: tuple[Prescription, ...], circuit: bool = False
    ) -> list[TimedGroup]: ...

    def categories(self, p: Prescription) -> frozenset[Category]: ...

    def with_sets(self, p: Prescription, sets: int) -> Prescription: ...


# An exercise the week can spare (its categories covered by another) goes before any that would
# leave a gap in the week: this bonus on its trim rank only has to be larger than the spread of
# the templates' trim ranks (templates.py).
SPARE_TRIM_BONUS = 10
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

    def circuit(self) -> Reason:
        return reason(RuleId.CIRCUIT_TO_FIT, budget_minutes=self.minutes, budget=self.kind)

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
    """Fit every session to its time budget, deciding for the week as a whole, in passes that
    only ever shorten a session (a session that fits stays fitting):

    1. accessories go down to `min_trimmed_accessory_sets` (2), then main lifts to
       `min_trimmed_main_sets` (3), then calves and single-leg work to 2;
    2. exercises the week can spare are left out: those that bring no category of the week
       (categories.py) or only categories another exercise of the week also brings
       (`trim_covered_categories_first`); plyometrics are never spare, their contacts add up;
    3. the accessories, upper body and trunk become one circuit (`circuit_to_fit`);
    4. every accessory goes down to `min_category_sets` (1), then the plyometrics;
    5. only then are exercises left out that take a category from the week, the highest trim
       rank first. The main lifts stay;
    6. last, the main lifts go down to `min_main_sets_short_of_time` (2) sets."""
    min_accessory, min_main = rules.min_trimmed_accessory_sets, rules.min_trimmed_main_sets
    fits = [
        Fitting(d, limit, budget, memo, rules)
        for d, limit, budget in zip(drafts, limits, budgets, strict=True)
    ]
    least = rules.min_category_sets
    # Within a pass the highest trim rank goes first. Each pass only shortens sessions still
    # over their time, so once none is over the passes left would change nothing: skipped.
    passes: list[Callable[[], None]] = [
        lambda: _fewer_sets(fits, min_accessory, EVERY_ROLE, MIN_TRIM_RANK_FOR_FEWER_SETS),
        lambda: _fewer_main_sets(fits, min_main),
        lambda: _fewer_sets(fits, min_accessory, ACCESSORY_ROLES),
    ]
    if rules.trim_covered_categories_first:
        passes.append(lambda: _leave_out(fits, spare_only=True))
    if rules.circuit_to_fit:
        passes.append(lambda: _circuits(fits))
    passes += [
        lambda: _fewer_sets(fits, least, ACCESSORY_ROLES),
        lambda: _fewer_sets(fits, least, PLYO_AND_POWER),
        lambda: _leave_out(fits, spare_only=False),
        # the last resort: fewer sets of the main lifts
        lambda: _main_sets_to(fits, rules.min_main_sets_short_of_time),
    ]
    for cut in passes:
        if not any(f.over for f in fits):
            break
        cut()
    for f in fits:
        f.give_back()
    return fits


def _circuits(fits: list[Fitting]) -> None:
    """Sessions still over their time do their accessories, upper body and trunk as a circuit."""
    for f in fits:
        if f.over:
            f.make_circuit()


def _fewer_main_sets(fits: list[Fitting], sets: int) -> None:
    """The main lifts of sessions still over their time, a set at a time down to `sets`."""
    for f in fits:
        for k, p in enumerate(f.exercises):
            while p.role is MAIN and f.over and f.sets[k] > sets:
                f.set_sets(k, f.sets[k] - 1)


def _main_sets_to(fits: list[Fitting], sets: int) -> None:
    """The main lifts of sessions still over their time straight down to `sets`."""
    for f in fits:
        for k, p in enumerate(f.exercises):
            if p.role is MAIN and f.over and f.sets[k] > sets:
                f.set_sets(k, sets)


# Roles whose sets the accessory passes leave alone: the main lifts (cut by their own pass), the
# plyometrics (a dose of contacts for the week) and the explosive lift (cut last).
PLYO_AND_POWER = frozenset({Role.PLYOMETRIC, Role.POWER})
KEPT_ROLES = frozenset({Role.MAIN, Role.PLYOMETRIC, Role.POWER})
EVERY_ROLE = frozenset(Role)
ACCESSORY_ROLES = EVERY_ROLE - KEPT_ROLES


def _fewer_sets(fits: list[Fitting], sets: int, roles: frozenset[Role], min_rank: int = 0) -> None:
    """Exercises of `roles` and of at least `min_rank` go down to `sets` sets in sessions still
    over their time, the highest trim rank first."""
    chosen = [
        (rank, i, k)
        for i, f in enumerate(fits)
        for k, (rank, p, n) in enumerate(zip(f.ranks, f.exercises, f.sets, strict=True))
        if n > sets and rank >= min_rank and p.role in roles
    ]
    for _, i, k in sorted(chosen, reverse=True):
        if fits[i].over:
            fits[i].set_sets(k, sets)


def _leave_out(fits: list[Fitting], *, spare_only: bool) -> None:
    """Leave exercises out of sessions still over their time, one at a time, the highest trim
    rank first; with `spare_only`, only those the week can spare (`Fitting.spare`)."""
    while True:
        over = [i for i, f in enumerate(fits) if f.over]
        if not over:
            return
        counts: Counter[Category] = Counter(c for f in fits for cs in f.categories for c in cs)
        best: tuple[int, int, int] | None = None
        for i in over:
            fit = fits[i]
            for k, p in enumerate(fit.exercises):
                if p.role is MAIN:
                    continue
                spare = fit.spare(k, counts)
                if spare_only and not spare:
                    continue
                # the higher, the sooner it goes: its trim rank, more if the week can spare it
                candidate = (fit.ranks[k] + SPARE_TRIM_BONUS * spare, i, k)
                if best is None or candidate > best:
                    best = candidate
        if best is None:
            return
        fits[best[1]].leave_out(best[2])


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
        # Each exercise's categories, worked out only when a pass leaves exercises out (few do).
        self._categories: list[frozenset[Category]] | None = None
        self.circuit = draft.circuit
        # The exercises cut, in the order of their first cut, and those left out. Notes are
        # worded only when asked for, from each exercise's sets before and after.
        self._touched: dict[int, Prescription] = {}  # by id: in order, compared by identity
        self._left_out: list[Prescription] = []
        self._regroup()

    @property
    def categories(self) -> list[frozenset[Category]]:
        """Each exercise's categories (categories.py), in the order of `exercises`."""
        if self._categories is None:
            self._categories = [self.memo.categories(p) for p in self.exercises]
        return self._categories

    @property
    def over(self) -> bool:
        return self.minutes > self.limit

    def _regroup(self) -> None:
        self.groups = self.memo.timed_groups(tuple(self.exercises), self.circuit)
        self.group_of = {i: g for g, group in enumerate(self.groups) for i in group.members}
        self.seconds = [group_seconds(g, self.sets, self.rules) for g in self.groups]
        self.minutes = minutes_of(self.seconds, self.rules)

    def set_sets(self, k: int, sets: int) -> None:
        p = self.exercises[k]
        if id(p) not in self._touched:
            self._touched[id(p)] = p
        self.sets[k] = sets
        g = self.group_of[k]  # only this exercise's group changes
        self.seconds[g] = group_seconds(self.groups[g], self.sets, self.rules)
        self.minutes = minutes_of(self.seconds, self.rules)

    def leave_out(self, k: int) -> None:
        gone = self.exercises.pop(k)
        del self.sets[k], self.ranks[k], self.coverage[k]
        if self._categories is not None:
            del self._categories[k]
        if id(gone) not in self._touched:
            self._touched[id(gone)] = gone
        self._left_out.append(gone)
        self._regroup()

    def make_circuit(self) -> None:
        """Do the accessories, upper body and trunk as one circuit (supersets.py)."""
        if not self.circuit:
            self.circuit = True
            self._regroup()

    def give_back(self) -> None:
        """Sets cut by the passes (which only ever shorten) back where the session still fits,
        the exercises cut last first (main lifts, then plyometrics ... trunk); a superset or
        circuit gets its rounds back whole, a set of each member that lost one."""
        if not self._touched:
            return
        # Only groups with a member short of its sets have any to get back.
        short_groups = {
            self.group_of[k]
            for k, (p, n) in enumerate(zip(self.exercises, self.sets, strict=True))
            if n < p.sets
        }
        order = sorted(
            short_groups,
            key=lambda g: (min(self.ranks[k] for k in self.groups[g].members), g),
        )
        for g in order:
            group = self.groups[g]
            while True:
                short = [k for k in group.members if self.sets[k] < self.exercises[k].sets]
                if not short:
                    break
                for k in short:  # tried in place: only this group's seconds change
                    self.sets[k] += 1
                before = self.seconds[g]
                self.seconds[g] = group_seconds(group, self.sets, self.rules)
                minutes = minutes_of(self.seconds, self.rules)
                if minutes > self.limit:
                    for k in short:
                        self.sets[k] -= 1
                    self.seconds[g] = before
                    break
                self.minutes = minutes

    def spare(self, k: int, counts: Counter[Category]) -> bool:
        """The week can spare the k-th exercise: no plyometric, and every category it brings
        (if any) another exercise of the week brings too (`counts`: the week's exercises per
        category)."""
        if self.exercises[k].role in PLYO_AND_POWER:
            return False
        return all(counts[c] > 1 for c in self.categories[k])

    @property
    def drop_notes(self) -> list[Reason]:
        """The exercises left out, one note each (what a deload keeps: the block's, not the
        week's cuts)."""
        left_out = [self.budget.left_out((p.name,)) for p in self._left_out]
        return [*self._circuit_note, *left_out]

    @property
    def _circuit_note(self) -> list[Reason]:
        """The note that the session became a circuit to fit its time (if it did)."""
        return [self.budget.circuit()] if self.circuit and not self.original.circuit else []

    @property
    def notes(self) -> list[Reason]:
        """One line per kind of cut, naming every exercise it hit, in the order the cuts were
        first made: "2 sets instead of 3 to fit your 45 minutes: Plank, Side plank"."""
        names: dict[tuple[int, int], list[str]] = {}  # (sets, before) -> exercises; (0, 0) left out
        now = {id(p): n for p, n in zip(self.exercises, self.sets, strict=True)}
        for p in self._touched.values():
            sets = now.get(id(p), 0)
            if sets < p.sets:
                key = (sets, p.sets) if sets else (0, 0)
                names.setdefault(key, []).append(p.name)
        return [
            *self._circuit_note,
            *(
                self.budget.sets_cut(sets, before, tuple(cut))
                if sets
                else self.budget.left_out(tuple(cut))
                for (sets, before), cut in names.items()
            ),
        ]

    def result(self) -> Draft:
        if not self._touched and self.circuit == self.original.circuit:
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
            self.circuit,
        )


def keep_only(draft: Draft, slugs: frozenset[str], circuit: bool, budget: Budget) -> Draft:
    """`draft` with only the exercises of `slugs`, done as a `circuit` if asked (the block's
    exercises and form, engine.py), with a note on each change."""
    keep = [i for i, p in enumerate(draft.exercises) if p.slug in slugs]
    to_circuit = circuit and not draft.circuit
    if len(keep) == len(draft.exercises) and not to_circuit:
        return draft
    left_out = [p for p in draft.exercises if p.slug not in slugs]
    notes: tuple[Reason, ...] = (
        (budget.left_out(tuple(p.name for p in left_out)),) if left_out else ()
    )
    if to_circuit:
        notes = (budget.circuit(), *notes)
    return draft._replace(
        circuit=draft.circuit or circuit,
        notes=draft.notes + notes,
        exercises=tuple(draft.exercises[i] for i in keep),
        trim_ranks=tuple(draft.trim_ranks[i] for i in keep),
        coverage=tuple(draft.coverage[i] for i in keep),
    )
