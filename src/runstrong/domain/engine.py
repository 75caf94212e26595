"""generate_plan: the athlete's profile and the exercise library -> a periodised strength plan.

Pure and deterministic: time comes in as arguments (`start`, `today`), nothing is random, and the
same input gives the same plan. The steps: periodise the weeks (periodisation.py), decide each
week's sessions by phase and level, fill their slots (selection.py) and dose them
(prescription.py), fit them to the time budget (budget.py), place them on the right days
(scheduling.py), and fit each placed session to its day (day_fit.py: moderate legs where the day
cannot hold heavy ones). Every decision carries its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple

from runstrong.domain import day_fit, supersets
from runstrong.domain.assumed_kit import assumption_notes, with_assumed_kit
from runstrong.domain.athlete import Athlete, RacePriority, Severity, Weekday
from runstrong.domain.budget import TimedGroup, minutes_for, timed_groups
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.categories import EVERY_CATEGORY, Category, categories_of, missing
from runstrong.domain.drafts import ContentKey, Draft, Pick
from runstrong.domain.exercise import (
    Exercise,
    Level,
    LoadType,
    NiggleSite,
    PlyoIntensity,
    display_name,
)
from runstrong.domain.identity import places, session_id
from runstrong.domain.load_ceiling import load_limit
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.niggles import leg_niggle_sites, plyo_contacts
from runstrong.domain.periodisation import (
    BEGINNER_BUILD_GOAL_EASY_JUMPS,
    BEGINNER_BUILD_GOAL_WITHOUT_JUMPS,
    BEGINNER_GOALS,
    BUILD_GOAL_EASY_JUMPS,
    BUILD_GOAL_WITHOUT_JUMPS,
    LOADING_PHASES,
    WeekFrame,
    periodise,
    plan_length_weeks,
)
from runstrong.domain.plan import (
    Contacts,
    LowerBodyLoad,
    Phase,
    Plan,
    Prescription,
    Role,
    Session,
    Week,
)
from runstrong.domain.prescription import (
    MAINTENANCE_PHASES,
    Context,
    contacts_of,
    deloaded,
    dose_context,
    prescribe,
)
from runstrong.domain.profile import Profile
from runstrong.domain.progression import Progress, more_contacts
from runstrong.domain.race_window import b_race_dates, b_race_draft, days_to_b_race
from runstrong.domain.reasons import phase_reason
from runstrong.domain.rules import Rules
from runstrong.domain.running_calendar import RunningCalendar, change_note
from runstrong.domain.scheduling import (
    Placement,
    Scheduler,
    SessionNeeds,
    no_heavy_days_after,
)
from runstrong.domain.shared_memo import shared_memo
from runstrong.domain.spacing import Placed, leaves_out_plyo, moderates_legs
from runstrong.domain.start_estimates import related_1rm
from runstrong.domain.templates import ACT, PLYO, PLYO_LOW, POWER, REC, A, B, M, T, Template, W
from runstrong.domain.trimming import Budget, Trimmed, keep_only, trim

LOWER_LEG_SITES = frozenset(
    {
        NiggleSite.ACHILLES,
        NiggleSite.CALF,
        NiggleSite.SHIN,
        NiggleSite.PLANTAR_FASCIA,
        NiggleSite.KNEE,
    }
)
SQUAT_SLUGS = ("back_squat", "front_squat")
WITHOUT_PLYOMETRICS = tuple(c for c in EVERY_CATEGORY if c is not Category.PLYOMETRIC)
UNLOADED = frozenset({LoadType.BODYWEIGHT_REPS, LoadType.BAND, LoadType.TIMED_HOLD})
# The roles of the lifts that make a session heavy on the legs.
LEG_STRENGTH_ROLES = frozenset({Role.MAIN, Role.SECONDARY})
# Enum members read in inner loops, bound once (why: prescription.py).
MAIN, PLYOMETRIC, POWER_ROLE = Role.MAIN, Role.PLYOMETRIC, Role.POWER  # POWER: the slot


def kit_judges(role: Role) -> bool:
    """Does the light-kit check (light_kit.py) judge a dose of `role`? Not the explosive lift's,
    light and fast by design (science.md §2.7)."""
    return role is not POWER_ROLE


class Ready(NamedTuple):
    """A drafted, trimmed session with what placement and the plan need to know about it."""

    draft: Draft
    needs: SessionNeeds
    minutes: int
    load: LowerBodyLoad
    exercises: tuple[Prescription, ...]  # in the order they are done, supersets labelled
    plyo_contacts: int
    # What a deload of this week keeps of its notes: the block's and the exercises left out,
    # not the sets cut to fit the time.
    notes_for_deload: tuple[Reason, ...] = ()


def generate_plan(
    profile: Profile,
    library: ExerciseLibrary,
    *,
    start: date | None = None,
    today: date | None = None,
    weeks: int | None = None,
    calendar: RunningCalendar | None = None,
) -> Plan:
    """The strength plan for `profile`. `start` beats the profile's start; without either, the
    plan starts the Monday after `today`. `calendar`: the runs of each date and the dates
    strength may go on, by default the profile's (its usual week with its dated changes)."""
    rules = profile.rules
    athlete = with_assumed_kit(profile.athlete, rules)  # weights the profile leaves out
    first_day = plan_start(profile, start=start, today=today)
    n_weeks = weeks or profile.weeks or plan_length_weeks(first_day, athlete.races, rules)
    frames, warnings = periodise(
        first_day, n_weeks, athlete.races, rules, athlete.running.recovery_week_every
    )
    if calendar is None:
        calendar = RunningCalendar.of(athlete)
    planner = _WeekPlanner(athlete, library, rules, first_day, frames, calendar)
    built = [planner.week(frame) for frame in frames]
    in_plan = {p.slug for week in built for s in week.sessions for p in s.exercises}
    mains = {p.slug for week in built for s in week.sessions for p in s.exercises if p.role is MAIN}
    estimated = _estimated_loads(athlete, library, rules, mains)
    warnings = (
        _profile_warnings(athlete)
        + assumption_notes(profile.athlete, rules, estimated)
        + _unused_maxes(athlete, library, rules, in_plan, mains)
        + warnings
    )
    return Plan(
        athlete=athlete.name,
        start=first_day,
        weeks=tuple(built),
        warnings=tuple(warnings),
        id=athlete.key,
    )


def plan_start(profile: Profile, *, start: date | None, today: date | None) -> date:
    """`start` if given, else the profile's start, else the Monday after `today`."""
    if start or profile.start:
        return start or profile.start  # type: ignore[return-value]
    if today is None:
        raise ValueError("generate_plan needs start, profile.start or today")
    return today + timedelta(days=7 - today.weekday())


def _profile_warnings(athlete: Athlete) -> list[Reason]:
    warnings = [
        reason(RuleId.SEVERE_NIGGLE, site=str(niggle.site))
        for niggle in athlete.niggles
        if niggle.severity is Severity.SEVERE
    ]
    if athlete.niggles:
        warnings.append(reason(RuleId.NOT_MEDICAL_ADVICE))
    return warnings


def _estimated_loads(
    athlete: Athlete, library: ExerciseLibrary, rules: Rules, mains: set[str]
) -> bool:
    """Any main lift with external load and no known max, its own or a related lift's: its load
    is our estimate from body mass (loads.py, start_estimates.py)."""
    maxes = athlete.one_rep_max_kg
    return any(
        slug not in maxes
        and library.get(slug).load_type is LoadType.EXTERNAL_LOAD
        and related_1rm(slug, maxes, rules) is None
        for slug in mains
    )


def _unused_maxes(
    athlete: Athlete,
    library: ExerciseLibrary,
    rules: Rules,
    in_plan: set[str],
    mains: set[str],
) -> list[Reason]:
    """Say so when a known max cannot turn into kilograms, or its exercise is not in the plan
    and no main lift of the plan (`mains`) is estimated from it (rule 10: never ignore input
    silently)."""
    out = []
    kit = athlete.equipment.available
    maxes = athlete.one_rep_max_kg
    seeds = {
        found.source
        for slug in mains
        if slug not in maxes and (found := related_1rm(slug, maxes, rules)) is not None
    }
    for slug in sorted(athlete.one_rep_max_kg):
        ex = library.get(slug)
        if not ex.percent_1rm and load_limit(ex, athlete, rules) is not None:
            out.append(
                reason(RuleId.MAX_CHECKS_KIT, exercise=ex.name, in_plan=int(slug in in_plan))
            )
        elif not ex.percent_1rm:
            out.append(reason(RuleId.MAX_UNUSED_BY_RIR, exercise=ex.name))
        elif not ex.fits(kit) and slug not in seeds:
            out.append(reason(RuleId.MAX_UNUSED_KIT, exercise=ex.name))
        elif slug not in in_plan and slug not in seeds:
            out.append(reason(RuleId.MAX_UNUSED_NOT_IN_PLAN, exercise=ex.name))
    return out


NO_PROGRESS = Progress(0, 0, 0, 1)


def _progress(frame: WeekFrame) -> Progress:
    """Where the week stands in its progression (progression.py); the same for every week of a
    phase that does not progress (peak, taper, race season, recovery), so that their sessions
    are drafted once."""
    if frame.phase not in LOADING_PHASES:
        return NO_PROGRESS
    return Progress(
        frame.week_in_block, frame.block_in_phase, frame.loading_block, frame.block_loading_weeks
    )


def _dose_context(
    level: Level,
    phase: Phase,
    progress: Progress,
    reduced: bool,
    plyo_contacts: int,
    activation: bool,
) -> Context:
    week, block, loading_block, block_weeks = progress
    return Context(
        level, phase, week, reduced, plyo_contacts, activation, block, loading_block, block_weeks
    )


class _WeekPlanner:
    def __init__(
        self,
        athlete: Athlete,
        library: ExerciseLibrary,
        rules: Rules,
        start: date,
        frames: Sequence[WeekFrame],
        calendar: RunningCalendar,
    ) -> None:
        self.athlete = athlete
        self.athlete_id = athlete.key  # derived from the name: made once
        self.b_races = b_race_dates(athlete.races)  # their last days keep lighter doses
        self.start = start
        self.calendar = calendar
        self.library = library
        self.rules = rules
        # The progression steps each block lifts in (a deload repeats one of them): the block's
        # exercises must fit the longest of these.
        self.block_progress: dict[tuple[int, Phase], set[Progress]] = {}
        for frame in frames:
            if not frame.deload:
                step = _progress(frame)
                self.block_progress.setdefault((frame.block, frame.phase), set()).add(step)
        # Choices, load limits and doses: shared by the plans of the same athlete (shared_memo.py)
        memo = shared_memo(athlete, library, rules)
        self.chooser, self.kit = memo.chooser, memo.kit
        self.scheduler = Scheduler(athlete, rules, start, calendar)
        self.history: list[Placed] = []
        # A block's exercises per session: (block, phase, template, place in the week).
        # ... and whether it is done as a circuit (trimming.py) in every week of the block.
        self.block_slugs: dict[tuple[int, Phase, str, int], tuple[frozenset[str], bool]] = {}
        self._last_loading: ContentKey | None = None  # the key of the last loading week
        self._last_placed: dict[str, int] = {}  # each template's last week on the calendar
        # Weeks with equal content keys get equal sessions: each is drafted once.
        self._drafted: dict[ContentKey, list[Draft]] = {}
        self._ready: dict[ContentKey, list[Ready]] = {}
        # Light sessions for heavy ones left out: activation, or recovery just after a race.
        self._stand_ins: dict[tuple[ContentKey, Template], Ready] = {}
        self._prescribed = memo.prescribed
        self._categories = memo.categories
        self._wanted: dict[Phase, tuple[Category, ...]] = {}
        self._revised = memo.revised
        self._trimmed: dict[tuple[Draft, ...], list[Trimmed]] = {}
        self._lower_body = memo.lower_body
        # Sessions fitted to their day (day_fit.py), by week, template and kind of fit.
        self._fitted: dict[tuple[ContentKey, Template, bool, bool, Weekday | None], Ready] = {}
        # Heavy sessions given a moderated session's explosive lift, by week and its day.
        self._powered: dict[tuple[ContentKey, Template, Weekday], Ready] = {}
        self._budgets: dict[Template, Budget] = {}
        self._names = memo.names
        self._picked: dict[
            tuple[Template, Phase, int, frozenset[str]],
            tuple[tuple[Pick, ...], tuple[Reason, ...]],
        ] = {}

    # -- which sessions ---------------------------------------------------------------------
    def templates(self, frame: WeekFrame) -> tuple[Template, ...]:
        avail = self.athlete.availability
        cap = min(avail.sessions_per_week or 7, len(avail.strength_days))
        if frame.phase in (Phase.BASE, Phase.BUILD, Phase.TRANSITION):
            n = min(cap, self.rules.sessions_per_week_base_build)
            if n >= 2 and self._b_race_ahead(frame):
                return (A, ACT)  # mini-taper: one heavy session early, then activation
            return (A, B)[:n] if n >= 2 else (W,)
        if frame.phase in (Phase.PEAK, Phase.MAINTENANCE):
            return (M,) * min(cap, self.rules.sessions_per_week_maintenance)
        if frame.phase is Phase.TAPER:
            return (T,)
        return (REC,)

    def _race_just_before(self, frame: WeekFrame) -> bool:
        """An A or B race in the days before the week starts that keep heavy legs away
        (`no_heavy_days_after`): a light session then is recovery, not activation (C races are
        trained through)."""
        return any(
            0 < (frame.start - r.date).days <= no_heavy_days_after(r, self.rules)
            and r.priority is not RacePriority.C
            for r in self.athlete.races
        )

    def _b_race_ahead(self, frame: WeekFrame) -> bool:
        """A B race this week or early next week, inside the heavy-session cut-off."""
        horizon = frame.start + timedelta(days=6 + self.rules.last_heavy_days_before_b_race)
        return any(
            r.priority is RacePriority.B and frame.start < r.date <= horizon
            for r in self.athlete.races
        )

    def content_key(self, frame: WeekFrame) -> ContentKey:
        """What the week's sessions depend on. A deload repeats the loading week before it
        (its phase, block, dose and volume), with its sets cut (science.md §3.4)."""
        before = self._last_loading
        if frame.deload and before and (before.block, before.phase) == (frame.block, frame.phase):
            return before._replace(templates=self.templates(frame), deload=True)
        level = self.athlete.level
        return ContentKey(
            templates=self.templates(frame),
            phase=frame.phase,
            block=frame.block,
            progress=_progress(frame),
            deload=frame.deload,
            reduced=(
                level is Level.BEGINNER and frame.index <= self.rules.beginner_reduced_volume_weeks
            ),
        )

    # -- one week ---------------------------------------------------------------------------
    def week(self, frame: WeekFrame) -> Week:
        key = self.content_key(frame)
        if not frame.deload:
            self._last_loading = key  # the week a following deload repeats
        ready = self._ready_sessions(key)
        placements, notes = self.scheduler.place_week(
            frame.start, [r.needs for r in ready], self.history
        )
        if None in placements and (turned := self._in_turn(ready)) != ready:
            ready = turned  # the one left out before goes first
            placements, notes = self.scheduler.place_week(
                frame.start, [r.needs for r in ready], self.history
            )
        placed_before = sum(p is not None for p in placements)
        placements, ready, stand_in = self._fallback_to_activation(key, frame, ready, placements)
        light = "recovery" if stand_in and stand_in.draft.template is REC else "activation"
        if stand_in is not None and placed_before:
            notes = [*notes, reason(RuleId.STAND_IN, light=light)]
        elif stand_in is not None:
            notes = [reason(RuleId.STAND_IN_ONLY, "runstrong_heuristic", light=light)]
        sessions = []
        ids = [
            session_id(self.athlete_id, frame.start, place)
            for place in places([r.draft.template.key for r in ready])
        ]
        moves = self._power_moves(key, ready, placements)  # explosive lifts to heavy days
        for i, (session_ready, placement, sid) in enumerate(
            zip(ready, placements, ids, strict=True)
        ):
            if placement is None:
                continue
            stand = session_ready is stand_in
            if placement.fit:  # dose by place: moderate legs, or no jumps, where the day asks
                to = placements[moves[i]] if i in moves else None
                session_ready = self._fit_to_day(
                    session_ready, key, placement.fit, Weekday.of(to.day) if to else None
                )
            for giver in (g for g, j in moves.items() if j == i):
                day = placements[giver]
                assert day is not None
                session_ready = self._with_power(session_ready, key, ready[giver], day.day)
            days = days_to_b_race(placement.day, self.b_races, self.rules) if self.b_races else None
            if days is not None:  # the last days before a B race: lighter doses
                session_ready = self._b_race_dosed(session_ready, key.deload, days)
            session = self._session(frame, session_ready, placement, stand, sid)
            sessions.append(session)
            self._last_placed[session_ready.draft.template.key] = frame.index
            self.history.append(
                Placed(
                    datetime.combine(session.date, session.time),
                    session_ready.needs.heavy_legs,
                    session.plyo_contacts > 0,
                )
            )
        sessions.sort(key=lambda s: s.date)
        goal = frame.goal
        beginner = self.athlete.level is Level.BEGINNER
        if (
            frame.phase is Phase.BUILD
            and not frame.deload
            and self.athlete.niggle_sites & LOWER_LEG_SITES
            and not any(s.plyo_contacts for s in sessions)
        ):  # the niggle ruled the jumps out
            goal = BEGINNER_BUILD_GOAL_WITHOUT_JUMPS if beginner else BUILD_GOAL_WITHOUT_JUMPS
        elif (
            frame.phase is Phase.BUILD
            and not frame.deload
            and leg_niggle_sites(self.athlete.niggles)
            and any(s.plyo_contacts for s in sessions)
        ):  # the niggle keeps only easy jumps, fewer of them
            goal = BEGINNER_BUILD_GOAL_EASY_JUMPS if beginner else BUILD_GOAL_EASY_JUMPS
        elif beginner and not frame.deload:
            goal = BEGINNER_GOALS.get(frame.phase, goal)
        return Week(
            index=frame.index,
            start=frame.start,
            phase=frame.phase,
            deload=frame.deload,
            goal=goal,
            sessions=tuple(sessions),
            notes=frame.notes
            + self._calendar_notes(frame)
            + tuple(notes)
            + self._missing_categories(frame, sessions),
        )

    def _missing_categories(self, frame: WeekFrame, sessions: list[Session]) -> tuple[Reason, ...]:
        """One note on a loading week of base or build that lacks a category (categories.py):
        which ones. Plyometrics are wanted only where the level, phase and niggles allow one."""
        if frame.deload or frame.phase not in (Phase.BASE, Phase.BUILD) or not sessions:
            return ()
        held = [self.categories(p) for s in sessions for p in s.exercises]
        gone = missing(held, self._wanted_categories(frame.phase))
        return (reason(RuleId.CATEGORY_MISSING, categories=gone),) if gone else ()

    def _wanted_categories(self, phase: Phase) -> tuple[Category, ...]:
        """Every category, plyometrics only where a drill suits the level, phase and niggles
        (remembered per phase)."""
        found = self._wanted.get(phase)
        if found is None:
            most = self._max_plyo(phase)
            plyo = most is not None and any(
                self.chooser.allows(ex) for ex, _ in self.chooser.ranked(PLYO, most)
            )
            found = EVERY_CATEGORY if plyo else WITHOUT_PLYOMETRICS
            self._wanted[phase] = found
        return found

    def _calendar_notes(self, frame: WeekFrame) -> tuple[Reason, ...]:
        """The profile's dated changes (another running week, other strength days) that cover
        the week's dates in the plan."""
        if self.calendar.weekly:
            return ()
        first = max(frame.start, self.start)
        changes = self.calendar.changes(first, frame.start + timedelta(days=6))
        return tuple(change_note(change) for change in changes)

    def _in_turn(self, ready: list[Ready]) -> list[Ready]:
        """The week's heavy sessions, the one placed longest ago first (else in template order),
        for a week with room for fewer than planned: the one left out before gets its turn, so
        no session comes twice while another waits. A week with a light session (a B race's
        mini-taper: heavy early, then light) keeps its order."""
        if any(r.draft.template.light for r in ready):
            return ready
        return sorted(ready, key=lambda r: self._last_placed.get(r.draft.template.key, 0))

    def _ready_sessions(self, key: ContentKey) -> list[Ready]:
        """The week's sessions drafted, kept to the block's exercises and fitted to the time; a
        deload week's are its loading week's, deloaded."""
        if key not in self._ready:
            if key.deload:
                loading = self._ready_sessions(key._replace(deload=False))
                self._ready[key] = [
                    self._prepare(self._deloaded(r, len(loading)), True) for r in loading
                ]
            else:
                fits = self._trim(self._block_exercises(key, self._drafts(key)))
                self._ready[key] = [
                    self._prepare(t.draft, False, t.minutes, t.notes_for_deload) for t in fits
                ]
        return self._ready[key]

    def _deloaded(self, loading: Ready, sessions: int) -> Draft:
        """The loading week's session with every dose deloaded: the same exercises, so always
        the lighter week (science.md §3.4). In a week of one session, body-weight and band work
        deloads by effort alone (`deload_by_effort_once_a_week`). Its notes on cut sets no
        longer apply."""
        draft = loading.draft
        once = sessions == 1 and self.rules.deload_by_effort_once_a_week
        return draft._replace(
            exercises=tuple(
                deloaded(p, self.rules, by_effort=once and self._unloaded(p.slug))
                for p in draft.exercises
            ),
            notes=loading.notes_for_deload,
        )

    def _unloaded(self, slug: str) -> bool:
        """Body-weight or band work, or a hold: no load to take off."""
        return self.library.get(slug).load_type in UNLOADED

    def _limit(self, draft: Draft) -> int:
        """The session's time budget: short sessions in peak, race season and taper."""
        limit = self.athlete.availability.session_minutes
        if draft.template in (M, T):
            return min(limit, self.rules.maintenance_session_max_minutes)
        return limit

    def _budget(self, draft: Draft) -> Budget:
        """The session's time budget, for the notes on what was cut to fit it: the athlete's
        minutes, or the shorter time kept for maintenance or the taper's last heavy session
        (one per template)."""
        found = self._budgets.get(draft.template)
        if found is None:
            limit = self._limit(draft)
            if limit < self.athlete.availability.session_minutes:
                found = Budget(limit, "taper" if draft.template is T else "maintenance")
            else:
                found = Budget(limit, "yours")
            self._budgets[draft.template] = found
        return found

    def _minutes(self, draft: Draft) -> int:
        groups = self.timed_groups(draft.exercises, draft.circuit)
        return minutes_for(groups, [p.sets for p in draft.exercises], self.rules)

    def _drafts(self, key: ContentKey) -> list[Draft]:
        if key not in self._drafted:
            used: set[str] = set()  # one exercise appears once a week: variety across sessions
            before: dict[Template, frozenset[str]] = {}  # what was used before each template
            drafts = []
            for t in key.templates:
                if t in before:  # the same session twice a week: the same exercises again
                    drafts.append(self.draft(t, key, set(before[t])))
                else:
                    before[t] = frozenset(used)
                    drafts.append(self.draft(t, key, used))
            self._drafted[key] = drafts
        return self._drafted[key]

    def _block_exercises(self, key: ContentKey, drafts: list[Draft]) -> list[Draft]:
        """Exercises stay the same for a whole block, deload included: those that fit the time
        budget in every week the block lifts in, at full volume (a beginner's reduced first
        weeks are lighter still)."""
        keys = [(key.block, key.phase, t.key, i) for i, t in enumerate(key.templates)]
        if any(k not in self.block_slugs for k in keys):
            weeks = self.block_progress.get((key.block, key.phase)) or {key.progress}
            full = [key._replace(deload=False, reduced=False, progress=w) for w in sorted(weeks)]
            # Week by week of the block, each fitted from what the weeks before kept: a week
            # that must leave out more leaves out from the same exercises, so two weeks that
            # each keep one of two trunk exercises never add up to none.
            # A session that is a circuit in one week of the block is one in all of them.
            kept: list[frozenset[str]] | None = None
            circuits = [False] * len(keys)
            for week in full:
                drafts_k = self._drafts(week)
                if kept is not None:
                    drafts_k = [
                        keep_only(d, slugs, False, self._budget(d))
                        for d, slugs in zip(drafts_k, kept, strict=True)
                    ]
                trimmed = self._trim(drafts_k)
                kept = [frozenset(p.slug for p in t.draft.exercises) for t in trimmed]
                circuits = [c or t.draft.circuit for c, t in zip(circuits, trimmed, strict=True)]
            for place, slugs, circuit in zip(keys, kept or (), circuits, strict=True):
                self.block_slugs.setdefault(place, (slugs, circuit))
        return [
            keep_only(d, *self.block_slugs[k], self._budget(d))
            for d, k in zip(drafts, keys, strict=True)
        ]

    def _fallback_to_activation(
        self,
        key: ContentKey,
        frame: WeekFrame,
        ready: list[Ready],
        placements: list[Placement | None],
    ) -> tuple[list[Placement | None], list[Ready], Ready | None]:
        """Heavy sessions left out (no day allows them, or only by breaking rules) give way to
        one light activation session, if it fits and the week has no light session yet. Returns
        the placed sessions, and the stand-in if there is one."""
        kept = [(r, p) for r, p in zip(ready, placements, strict=True) if p is not None]
        placed: tuple[list[Placement | None], list[Ready]] = (
            [p for _, p in kept],
            [r for r, _ in kept],
        )
        heavy_left_out = any(
            not r.draft.template.light for r, p in zip(ready, placements, strict=True) if p is None
        )
        if not heavy_left_out or any(r.draft.template.light for r, _ in kept):
            return *placed, None
        template = REC if self._race_just_before(frame) else ACT
        history = self.history + [Placed(p.at, False, False) for _, p in kept]
        light = self._stand_in(key, template)
        retry, _ = self.scheduler.place_week(frame.start, [light.needs], history)
        if retry[0] is None and template is ACT and self._race_in_week(frame):
            # activation only comes before the race: after it, the week's light session is
            # the race's recovery
            light = self._stand_in(key, REC)
            retry, _ = self.scheduler.place_week(frame.start, [light.needs], history)
        if retry[0] is None:
            return *placed, None
        return [*placed[0], retry[0]], [*placed[1], light], light

    def _stand_in(self, key: ContentKey, template: Template) -> Ready:
        """The light session (activation or recovery) for a week whose heavy ones do not fit."""
        light = self._stand_ins.get((key, template))
        if light is None:
            light = self._prepare(self.draft(template, key, set()), key.deload)
            self._stand_ins[key, template] = light
        return light

    @staticmethod
    def _race_in_week(frame: WeekFrame) -> bool:
        """An A or B race this week (C races are trained through)."""
        return any(r.priority is not RacePriority.C for r in frame.races)

    def draft(self, template: Template, key: ContentKey, used: set[str]) -> Draft:
        """The template's session for the week: its exercises chosen, then dosed."""
        picks, notes = self._pick(template, key.phase, key.block, used)
        ctx = self._context(template, key)
        exercises: list[Prescription] = []
        kept: list[Pick] = []
        for slot, ex, subs in picks:
            if slot is not PLYO_LOW:
                exercises.append(self._prescribe(ex, slot.role, ctx, subs))
                kept.append((slot, ex, subs))
                continue
            # the session's contacts the hard drill left, within the level's cap
            left = ctx.plyo_contacts - sum(contacts_of(p) for p in exercises)
            p = self._prescribe(ex, slot.role, ctx._replace(plyo_contacts=max(left, 0)), subs)
            while p.sets > 1 and contacts_of(p) > left:
                p = self.with_sets(p, p.sets - 1)
            if 0 < contacts_of(p) <= left:
                exercises.append(p)
                kept.append((slot, ex, subs))
        picks = tuple(kept)
        return Draft(
            template,
            tuple(exercises),
            tuple(slot.trim_rank for slot, _, _ in picks),
            tuple(slot.coverage for slot, _, _ in picks),
            notes,
        )

    def _pick(
        self, template: Template, phase: Phase, block: int, used: set[str]
    ) -> tuple[tuple[Pick, ...], tuple[Reason, ...]]:
        """The exercise for each of the template's slots (the same all block), and notes on
        slots left empty. Adds the chosen slugs to `used`."""
        key = (template, phase, block, frozenset(used))
        if key not in self._picked:
            max_plyo = self._max_plyo(phase)
            picks: list[Pick] = []
            notes: list[Reason] = []
            chosen = set(used)
            for slot in template.slots:
                if slot.role is PLYOMETRIC and not self._plyo_wanted(template, phase):
                    continue
                if slot.role is POWER_ROLE and not self._power_wanted(phase):
                    continue
                most = max_plyo
                if slot is PLYO_LOW:
                    if not self._reactive_wanted(phase, picks):
                        continue
                    most = PlyoIntensity.LOW
                ex, subs = self.chooser.choose(slot, block=block, used=chosen, max_plyo=most)
                if ex is None and slot is PLYO_LOW:
                    continue
                if ex is None and slot.fallback and self.rules.single_leg_hip_fallback:
                    empty, slot = slot, slot.fallback
                    ex, subs = self.chooser.choose(slot, block=block, used=chosen, max_plyo=None)
                    sites = self.chooser.why_empty(empty)
                    subs = (*subs, reason(RuleId.SINGLE_LEG_HIP, niggle_sites=sites))
                if ex is None:
                    if (removed := self.chooser.severe_removal(slot)) is not None:
                        notes.append(removed)  # a severe niggle: see a clinician
                    elif (
                        slot.role is Role.PLYOMETRIC and self.athlete.niggle_sites & LOWER_LEG_SITES
                    ):
                        notes.append(reason(RuleId.NO_PLYO_NIGGLE))
                    elif slot.role is Role.SECONDARY:
                        sites = self.chooser.why_empty(slot)
                        notes.append(reason(RuleId.NO_SINGLE_LEG, niggle_sites=sites))
                    continue
                if not template.light and kit_judges(slot.role) and self.kit.limit(ex) is not None:
                    # light kit: a harder variant the kit can load (science.md §2.8)
                    doses = self._block_doses(template, phase, block)
                    ex, heavier = self.kit.heavier(ex, slot.role, doses, chosen)
                    subs += heavier
                subs += self.chooser.care(ex, slot.role)  # the niggles it loads (niggles.py)
                chosen.add(ex.slug)
                picks.append((slot, ex, subs))
            self._picked[key] = (tuple(picks), tuple(notes))
        picks_, notes_ = self._picked[key]
        used.update(ex.slug for _, ex, _ in picks_)
        return picks_, notes_

    def _block_doses(self, template: Template, phase: Phase, block: int) -> tuple[Context, ...]:
        """The dose contexts of every week the block lifts in (its exercises must suit all)."""
        dose_phase = Phase.PEAK if template is T else phase
        weeks = sorted(self.block_progress.get((block, phase)) or {NO_PROGRESS})
        level = self.athlete.level
        return tuple(_dose_context(level, dose_phase, w, False, 0, False) for w in weeks)

    def _prescribe(
        self, ex: Exercise, role: Role, ctx: Context, notes: tuple[Reason, ...]
    ) -> Prescription:
        """The dose (computed once per exercise, role, dose context and notes on the choice),
        named for the athlete's equipment."""
        key = (ex.slug, role, dose_context(ex, role, ctx, self.rules), notes)
        found = self._prescribed.get(key)
        if found is None:
            if ex.slug not in self._names:
                self._names[ex.slug] = display_name(ex, self.athlete.equipment.available)
            name = self._names[ex.slug]
            known = ex.slug in self.athlete.one_rep_max_kg
            found = self._prescribed[key] = prescribe(
                ex,
                role,
                ctx,
                self.rules,
                name=name,
                notes=notes,
                known_max=known,
                limit=self.kit.limit(ex) if kit_judges(role) else None,
            )
        return found

    def _context(self, template: Template, key: ContentKey) -> Context:
        return _dose_context(
            self.athlete.level,
            Phase.PEAK if template is T else key.phase,
            key.progress,
            key.reduced,
            self._plyo_budget(key.phase, key.reduced, key.progress),
            template.light,
        )

    def _plyo_wanted(self, template: Template, phase: Phase) -> bool:
        """Base: plyometrics in session A only; build: in both, 48 h apart (science.md §3.1)."""
        if template in (A, M, T, W):
            return True
        return template is B and phase is Phase.BUILD and self.athlete.level is not Level.BEGINNER

    def _reactive_wanted(self, phase: Phase, picks: Sequence[Pick]) -> bool:
        """A low-intensity drill after a harder one in build, for intermediate and advanced
        runners (the contacts it may add are decided with the dose, `draft`)."""
        if phase is not Phase.BUILD or self.athlete.level is Level.BEGINNER:
            return False
        drills = [ex.plyometric for _, ex, _ in picks if ex.plyometric is not None]
        return bool(drills) and drills[-1].intensity is not PlyoIntensity.LOW

    def _power_wanted(self, phase: Phase) -> bool:
        """An explosive lift in build for intermediate and advanced runners (science.md §3.1)."""
        return (
            phase is Phase.BUILD
            and self.athlete.level is not Level.BEGINNER
            and self.rules.explosive_lift_in_build
        )

    def _max_plyo(self, phase: Phase) -> PlyoIntensity | None:
        severe_leg = any(
            n.severity is Severity.SEVERE and n.site in LOWER_LEG_SITES
            for n in self.athlete.niggles
        )
        if severe_leg:
            return None
        level = self.athlete.level
        if level is Level.BEGINNER or phase in MAINTENANCE_PHASES:
            return PlyoIntensity.LOW if level is not Level.ADVANCED else PlyoIntensity.MODERATE
        if level is Level.INTERMEDIATE:
            return PlyoIntensity.MODERATE if phase is Phase.BUILD else PlyoIntensity.LOW
        if phase is Phase.BUILD and self._cleared_for_high_plyo():
            return PlyoIntensity.HIGH
        return PlyoIntensity.MODERATE

    def _cleared_for_high_plyo(self) -> bool:
        """Squat 1RM >= 1.5 x body mass before high-intensity plyometrics [nsca2016]."""
        mass = self.athlete.body_mass_kg
        squat = max((self.athlete.one_rep_max_kg.get(s, 0.0) for s in SQUAT_SLUGS), default=0.0)
        return bool(mass) and squat >= self.rules.high_plyo_min_squat_bw_ratio * (mass or 1.0)

    def _plyo_budget(self, phase: Phase, reduced: bool, progress: Progress) -> int:
        rules = self.rules
        if phase in MAINTENANCE_PHASES:
            budget = rules.plyo_contacts_maintenance
        else:
            budget, most = {
                Level.BEGINNER: (rules.plyo_contacts_beginner, rules.plyo_contacts_most_beginner),
                Level.INTERMEDIATE: (
                    rules.plyo_contacts_intermediate,
                    rules.plyo_contacts_most_intermediate,
                ),
                Level.ADVANCED: (rules.plyo_contacts_advanced, rules.plyo_contacts_most_advanced),
            }[self.athlete.level]
            budget = more_contacts(budget, most, progress, rules)  # progression.py
        if reduced:
            budget //= 2
        return plyo_contacts(budget, self.athlete.niggles, rules)

    # -- time budget ------------------------------------------------------------------------
    def _trim(self, drafts: list[Draft]) -> list[Trimmed]:
        """The week's sessions fitted to their time (remembered: each week of a block is
        trimmed first to fix its exercises, then again as a week of the plan)."""
        key = tuple(drafts)
        found = self._trimmed.get(key)
        if found is None:
            limits = [self._limit(d) for d in drafts]
            budgets = [self._budget(d) for d in drafts]
            found = self._trimmed[key] = trim(drafts, limits, budgets, self, self.rules)
        return found

    def with_sets(self, p: Prescription, sets: int) -> Prescription:
        """`p` with another number of sets (trimming makes the same cuts often)."""
        return self._revision(p, "sets", sets)

    def _revision(self, p: Prescription, name: str, value: object) -> Prescription:
        """`p` with its field `name` set to `value`, made once per prescription and change."""
        key = (p, name, value)
        found = self._revised.get(key)
        if found is None:
            found = self._revised[key] = p.revised(**{name: value})
        return found

    def timed_groups(
        self, exercises: tuple[Prescription, ...], circuit: bool = False
    ) -> list[TimedGroup]:
        """The session's groups with their work and rest. Not remembered: most sessions are
        timed once, and hashing their prescriptions for a memo cost more than it saved."""
        return timed_groups(exercises, self.library, self.rules, circuit)

    def categories(self, p: Prescription) -> frozenset[Category]:
        """The week's categories `p` brings (categories.py), remembered per exercise."""
        found = self._categories.get(p.slug)
        if found is None:
            found = self._categories[p.slug] = categories_of(self.library.get(p.slug))
        return found

    # -- placing and finishing --------------------------------------------------------------
    def _prepare(
        self,
        draft: Draft,
        deload: bool,
        minutes: int | None = None,
        notes_for_deload: tuple[Reason, ...] = (),
    ) -> Ready:
        """The session with what placement and the plan need; `minutes` if already counted."""
        load = self._lower_body_load(draft, deload)
        needs = SessionNeeds(
            label=draft.template.key,
            demanding_legs=load.rank >= LowerBodyLoad.MODERATE.rank,
            heavy_legs=load is LowerBodyLoad.HEAVY
            or (not draft.template.light and self._heavy_sets(draft.exercises)),
            plyo=any(isinstance(p.dose, Contacts) for p in draft.exercises),
            # from what is left: trimming may leave out an easy drill and keep a hard one
            hard_plyo=any(
                p.role is PLYOMETRIC and day_fit.is_hard_plyo(p.slug, self.library)
                for p in draft.exercises
            ),
            last_heavy=draft.template is T,
            before_race=draft.template is T or draft.template is ACT,
        )
        return Ready(
            draft=draft,
            needs=needs,
            minutes=self._minutes(draft) if minutes is None else minutes,
            load=load,
            exercises=supersets.label(
                supersets.group(draft.exercises, self.rules.superset_accessories, draft.circuit),
                self._mark,
            ),
            plyo_contacts=sum(contacts_of(p) for p in draft.exercises),
            notes_for_deload=notes_for_deload,
        )

    def _heavy_sets(self, exercises: tuple[Prescription, ...]) -> bool:
        """Any heavy lower-body set (a deload's 4 x 4 at RIR 3 is one)."""
        return day_fit.has_heavy_legs(exercises, self.library, self.rules)

    def _fit_to_day(
        self,
        ready: Ready,
        key: ContentKey,
        fit: tuple[Reason, ...],
        power_to: Weekday | None = None,
    ) -> Ready:
        """`ready` fitted to a day that cannot hold all of it (day_fit.py): moderate on the legs,
        or without its plyometrics, as the placement's `fit` reasons ask, its explosive lift
        moved to the week's heavy day (`power_to`) or made light (`_power_for_day`); then fitted
        to its time again: a loading week's session from all its drafted exercises, so that the
        minutes the lighter legs free keep its upper body and trunk work; a deload's as it was
        (made once per week's content, session and kind of fit)."""
        template = ready.draft.template
        legs, plyo = moderates_legs(fit), leaves_out_plyo(fit)
        found = self._fitted.get((key, template, legs, plyo, power_to))
        if found is None:
            if key.deload:
                draft = day_fit.fitted(ready.draft, legs, plyo, self.library, self.rules)
                if legs:
                    draft = self._power_for_day(draft, key, power_to)
                fitted = self._prepare(draft, True)
            else:
                full = next(d for d in self._drafts(key) if d.template is template)
                week = self._context(template, key)
                draft = day_fit.fitted(full, legs, plyo, self.library, self.rules, week)
                if legs:
                    draft = self._power_for_day(draft, key, power_to)
                if legs and not plyo:
                    draft = self._easy_drill_for(draft, full, key)
                trimmed = self._trim([draft])[0]
                fitted = self._prepare(
                    trimmed.draft, False, trimmed.minutes, trimmed.notes_for_deload
                )
            if legs:
                load = min(fitted.load, LowerBodyLoad.MODERATE, key=lambda lo: lo.rank)
                needs = fitted.needs._replace(heavy_legs=False, hard_plyo=False)
                fitted = fitted._replace(load=load, needs=needs)
            found = self._fitted[key, template, legs, plyo, power_to] = fitted
        return found

    def _power_moves(
        self, key: ContentKey, ready: list[Ready], placements: list[Placement | None]
    ) -> dict[int, int]:
        """Sessions made moderate on the legs whose explosive lift loads the legs, each with the
        week's first heavy session (placed as it is, so on a day that allows heavy legs) that
        has none to take it (science.md §3.3). A deload week has no heavy session: its
        explosive lift is made light or left out."""
        if key.phase is not Phase.BUILD:  # the explosive lift is build's
            return {}
        givers = [
            i
            for i, (r, p) in enumerate(zip(ready, placements, strict=True))
            if p is not None
            and moderates_legs(p.fit)
            and day_fit.leg_power(self._source(r, key), self.library) is not None
        ]
        heavy = [
            j
            for j, (r, p) in enumerate(zip(ready, placements, strict=True))
            if p is not None
            and not p.fit
            and r.load is LowerBodyLoad.HEAVY  # placed where heavy legs may go
            and not any(q.role is POWER_ROLE for q in r.draft.exercises)
        ]
        return {i: heavy[0] for i in givers if heavy}

    def _source(self, ready: Ready, key: ContentKey) -> Draft:
        """What `_fit_to_day` fits: a loading week's session as drafted, a deload's as it is."""
        if key.deload:
            return ready.draft
        return next(d for d in self._drafts(key) if d.template is ready.draft.template)

    def _power_for_day(self, draft: Draft, key: ContentKey, to: Weekday | None) -> Draft:
        """`draft`, made moderate on the legs, without an explosive lift that loads them: moved
        to the week's heavy day `to`, else a light throw in its place (the best one the kit and
        niggles allow, not in the week yet), else left out; each with a note."""
        p = day_fit.leg_power(draft, self.library)
        if p is None:
            return draft
        if to is not None:
            return day_fit.without(draft, p, day_fit.power_note("moved", p.name, day=str(to)))
        used = {q.slug for d in self._drafts(key) for q in d.exercises}
        light = next(
            (
                ex
                for ex, _ in self.chooser.ranked(POWER, None)
                if not day_fit.loads_the_legs(ex)
                and ex.slug not in used
                and self.chooser.allows(ex)
            ),
            None,
        )
        if light is None:
            return day_fit.without(draft, p, day_fit.power_note("left_out", p.name))
        care = self.chooser.care(light, Role.POWER)
        new = self._prescribe(light, Role.POWER, self._context(draft.template, key), care)
        if key.deload:
            new = deloaded(new, self.rules)
        note = day_fit.power_note("swapped", p.name, instead=new.name)
        return day_fit.replaced(draft, p, new, note)

    def _with_power(self, ready: Ready, key: ContentKey, giver: Ready, day: date) -> Ready:
        """`ready`, the week's heavy session (placed as it is), with the explosive lift of
        `giver`, a session made moderate on the legs on `day` (its dose as drafted); a loading
        week's fitted to its time again from the block's exercises."""
        weekday = Weekday.of(day)
        template = ready.draft.template
        cache = (key, template, weekday)
        found = self._powered.get(cache)
        if found is None:
            p = day_fit.leg_power(self._source(giver, key), self.library)
            assert p is not None
            note = day_fit.power_note("received", p.name, day=str(weekday))
            if key.deload:
                draft = day_fit.with_power(ready.draft, p, POWER.trim_rank, POWER.coverage, note)
                found = self._prepare(draft, True)
            else:
                kept = self._block_exercises(key, self._drafts(key))
                full = next(d for d in kept if d.template is template)
                draft = day_fit.with_power(full, p, POWER.trim_rank, POWER.coverage, note)
                trimmed = self._trim([draft])[0]
                found = self._prepare(
                    trimmed.draft, False, trimmed.minutes, trimmed.notes_for_deload
                )
            self._powered[cache] = found
        return found

    def _easy_drill_for(self, draft: Draft, full: Draft, key: ContentKey) -> Draft:
        """A session made moderate for its day that lost its only drill (a hard one) gets a
        low-intensity drill in its place, dosed for the week, so its jumps are not lost with the
        heavy legs (science.md §3.3); unchanged when a drill is left or none suits."""
        drills = [p for p in full.exercises if p.role is Role.PLYOMETRIC]
        if not drills or any(p.role is Role.PLYOMETRIC for p in draft.exercises):
            return draft
        used = {p.slug for d in self._drafts(key) for p in d.exercises}
        ex, subs = self.chooser.choose(PLYO, block=key.block, used=used, max_plyo=PlyoIntensity.LOW)
        if ex is None:
            return draft
        subs += self.chooser.care(ex, Role.PLYOMETRIC)
        easy = self._prescribe(ex, Role.PLYOMETRIC, self._context(full.template, key), subs)
        return draft._replace(
            exercises=(easy, *draft.exercises),
            trim_ranks=(PLYO.trim_rank, *draft.trim_ranks),
            coverage=(PLYO.coverage, *draft.coverage),
        )

    def _b_race_dosed(self, ready: Ready, deload: bool, days: int) -> Ready:
        """`ready` within the B-race limits, `days` before the race (race_window.py)."""
        draft = b_race_draft(ready.draft, days, self.rules)
        if draft is ready.draft:
            return ready
        dosed = self._prepare(draft, deload)
        load = min(dosed.load, ready.load, key=lambda lo: lo.rank)
        return dosed._replace(load=load)

    def _mark(self, p: Prescription, letter: str) -> Prescription:
        """`p` as a member of superset `letter` (the same few pairs recur week after week)."""
        return self._revision(p, "superset", letter)

    def _lower_body_load(self, draft: Draft, deload: bool) -> LowerBodyLoad:
        lower = [p for p in draft.exercises if self._is_lower_body(p.slug)]
        if not lower:
            return LowerBodyLoad.NONE
        if draft.template.light:
            return LowerBodyLoad.LIGHT
        if not any(p.role in LEG_STRENGTH_ROLES for p in lower):
            return LowerBodyLoad.LIGHT
        if (self.athlete.level is Level.BEGINNER or deload) and not self._heavy_sets(tuple(lower)):
            return LowerBodyLoad.MODERATE  # a deload that keeps a heavy set is heavy on the legs
        return LowerBodyLoad.HEAVY

    def _is_lower_body(self, slug: str) -> bool:
        found = self._lower_body.get(slug)
        if found is None:
            found = self._lower_body[slug] = self.library.get(slug).is_lower_body
        return found

    def _session(
        self, frame: WeekFrame, ready: Ready, placement: Placement, stand_in: bool, sid: str
    ) -> Session:
        draft = ready.draft
        why = phase_reason(
            frame, draft, self.rules, b_race_ahead=self._b_race_ahead(frame), stand_in=stand_in
        )
        reasons = [why, *placement.fit, *placement.reasons, *draft.notes]
        warnings = list(placement.warnings)
        budget = self.athlete.availability.session_minutes
        if ready.minutes > budget:
            warnings.append(reason(RuleId.OVER_TIME, minutes=ready.minutes, budget_minutes=budget))
        return Session(
            date=placement.day,
            weekday=Weekday.of(placement.day),
            time=placement.start,
            title=draft.template.title_for(draft.coverage, {p.role for p in draft.exercises}),
            after_run=placement.after_run,
            lower_body_load=ready.load,
            plyo_contacts=ready.plyo_contacts,
            est_minutes=ready.minutes,
            exercises=ready.exercises,
            reasons=tuple(reasons),
            warnings=tuple(warnings),
            id=sid,
        )
