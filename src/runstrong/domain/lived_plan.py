"""The plan as lived: the planned sessions with what the log says became of each.

A session logged done is on the day it was done. A session missed (logged skipped, or moved with
a day to move to) is placed again within its own week by the engine's placement rules
(scheduling.Scheduler.place_on, spacing.py): on the day the athlete moved it to if that day holds
it (any day of the week: their choice), else on the best free strength day after the day it was
missed; never on a day that would make
it moderate (the day before a key run, long run or race, or too close to heavy legs), so never two
heavy days back to back. Where no day of the week holds it, it is dropped, and the week's notes say
why. `Rules.move_missed_sessions` off: every missed session is dropped.

Imported runs (lived_runs.py) replace the running week for the dates they cover, and the key runs
they move change the days still to come: the sessions are placed against the runs as run. A heavy
session (or one with hard plyometrics) still to come whose day is now the day before a key run
moves to a day of its week that holds it as planned, else stays and is made moderate on the legs
(day_fit.py), each with its reason.

Pure: the plan, the athlete, the rules, the library, the log and the runs in; the lived plan out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from runstrong.domain.athlete import Athlete, Weekday
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.day_fit import is_hard_plyo, moderated_dose
from runstrong.domain.exercise import Exercise
from runstrong.domain.lived_runs import LivedRuns
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import Contacts, LowerBodyLoad, Plan, Role, Session, Week
from runstrong.domain.prescription import contacts_of
from runstrong.domain.rules import Rules
from runstrong.domain.scheduling import Placement, Scheduler, SessionNeeds
from runstrong.domain.spacing import Placed
from runstrong.domain.training_log import LogStatus, SessionLog, Side

# Why a session moves: the log missed it ("skipped", "moved"), or it is heavy on the legs the day
# before or after a heavy session done (a session the log moved and the athlete did), or a key
# run is now the day after it (lived_runs.py).
HEAVY_BESIDE = "heavy_beside"
KEY_RUN_MOVED = "key_run_moved"
# The templates whose session must stay before the race of its week (scheduling.SessionNeeds).
_BEFORE_RACE_PLACES = ("T", "ACT")


class Outcome(StrEnum):
    """What became of a planned session."""

    PLANNED = "planned"  # nothing logged yet
    DONE = "done"  # logged done (on its day, or on the day it moved to)
    MOVED = "moved"  # missed and placed again, not yet done
    DROPPED = "dropped"  # missed, and no day of its week holds it


@dataclass(frozen=True, slots=True)
class SessionOutcome:
    """A planned session's fate: the day it was planned, the day it is on now (None: dropped),
    why the log missed it (skipped or moved; None: not missed) and the log of the day it was done
    (with its sets), if it was."""

    session_id: str
    planned_on: date
    on: date | None
    outcome: Outcome
    missed: LogStatus | None = None
    done: SessionLog | None = None
    missed_log: SessionLog | None = None
    for_run: bool = False  # moved or eased for a key run the imported runs moved


@dataclass(frozen=True, slots=True)
class LivedPlan:
    """The plan with each session on the day it now holds (dropped ones taken out, a reason in
    their week's notes), the same with the dropped sessions back on their planned days (`shown`:
    what a printed plan shows beside the log) and each planned session's outcome, by id."""

    plan: Plan
    shown: Plan
    outcomes: dict[str, SessionOutcome]


def live_plan(
    plan: Plan,
    athlete: Athlete,
    rules: Rules,
    library: ExerciseLibrary,
    logs: Sequence[SessionLog],
    runs: LivedRuns | None = None,
) -> LivedPlan:
    """`plan` as the log `logs` and the imported `runs` have lived it (the module's doc)."""
    sessions = {s.id: s for s in plan.sessions}
    done = {g.session_id: g for g in logs if g.status is LogStatus.DONE and g.session_id}
    missed = {
        g.session_id: g
        for g in sorted(logs, key=lambda g: g.date)
        if g.status is not LogStatus.DONE and g.session_id in sessions
    }
    days: dict[str, date] = {}
    for sid, s in sessions.items():
        if sid in done:
            days[sid] = done[sid].date
        elif sid not in missed:
            days[sid] = s.date
    scheduler = Scheduler(athlete, rules, plan.start, None if runs is None else runs.calendar)
    outcomes: dict[str, SessionOutcome] = {}
    moved_reasons: dict[str, Reason] = {}
    dropped: dict[int, list[Reason]] = {}
    place = _Placer(sessions, days, scheduler, rules, library)

    def settle(session: Session, why: str, after: date, log: SessionLog | None) -> None:
        """Place `session` again within its week, or drop it with its reason."""
        sid = session.id
        status = None if log is None else log.status
        wanted = None if log is None else log.moved_to
        found = place(session, after, wanted, log.date if log is not None else None)
        if found is None:
            week = _week_of(plan, session)
            dropped.setdefault(week.index, []).append(_dropped_reason(session, why, after))
            outcomes[sid] = SessionOutcome(
                sid, session.date, None, Outcome.DROPPED, status, missed_log=log
            )
            return
        days[sid] = found.day
        moved_reasons[sid] = _moved_reason(session, why, after, wanted, found.day)
        outcomes[sid] = SessionOutcome(
            sid, session.date, found.day, Outcome.MOVED, status, missed_log=log
        )

    for sid, log in sorted(missed.items(), key=lambda item: sessions[item[0]].date):
        if sid not in done:
            settle(sessions[sid], str(log.status), log.date, log)
    done_heavy = {days[sid] for sid in done if sid in sessions and _heavy(sessions[sid])}
    for sid, s in sessions.items():  # a planned heavy session beside a heavy day done
        if sid in done or sid in outcomes or not _heavy(s):
            continue
        beside = sorted(done_heavy & {s.date - timedelta(days=1), s.date + timedelta(days=1)})
        if beside:
            del days[sid]
            settle(s, HEAVY_BESIDE, beside[-1], None)
    eased: dict[str, Session] = {}
    if runs is not None and runs.through is not None:
        for s in sorted(sessions.values(), key=lambda s: s.date):
            if s.id in done or s.id in outcomes or s.date < runs.through:
                continue
            if not runs.covers(s.date):
                continue
            key_day = _key_run_next_day(s, days[s.id], scheduler, library)
            if key_day is None:
                continue
            del days[s.id]
            found = place(s, runs.through - timedelta(days=1), None, None)
            if found is not None:
                days[s.id] = found.day
                moved_reasons[s.id] = _moved_reason(
                    s, KEY_RUN_MOVED, key_day, None, found.day, run_date=key_day
                )
                outcomes[s.id] = SessionOutcome(s.id, s.date, found.day, Outcome.MOVED,
                                                for_run=True)  # fmt: skip
                continue
            days[s.id] = s.date
            eased[s.id] = _eased(s, key_day, scheduler, rules, library)
            outcomes[s.id] = SessionOutcome(s.id, s.date, s.date, Outcome.PLANNED, for_run=True)
    for sid, s in sessions.items():
        if sid in outcomes:
            continue
        g = missed.get(sid)
        status = None if g is None else g.status
        if sid in done:
            outcomes[sid] = SessionOutcome(
                sid, s.date, days[sid], Outcome.DONE, status, done[sid], missed_log=g
            )
        else:
            outcomes[sid] = SessionOutcome(sid, s.date, s.date, Outcome.PLANNED)
    notes = {} if runs is None else runs.notes
    weeks = tuple(
        _lived_week(
            replace(w, sessions=tuple(eased.get(s.id, s) for s in w.sessions)),
            days, moved_reasons, (*notes.get(w.start, ()), *dropped.get(w.index, ())),
        )
        for w in plan.weeks
    )  # fmt: skip
    gone = {sid for sid, o in outcomes.items() if o.outcome is Outcome.DROPPED}
    shown = tuple(
        replace(w, sessions=_by_date((*w.sessions, *(s for s in p.sessions if s.id in gone))))
        for w, p in zip(weeks, plan.weeks, strict=True)
    )
    return LivedPlan(replace(plan, weeks=weeks), replace(plan, weeks=shown), outcomes)


def _by_date(sessions: Sequence[Session]) -> tuple[Session, ...]:
    return tuple(sorted(sessions, key=lambda s: s.date))


def session_needs(session: Session, library: ExerciseLibrary) -> SessionNeeds:
    """What placement must know of a planned session, read from the session itself."""
    place = session.id.rsplit("/", 1)[-1]
    return SessionNeeds(
        label=place,
        demanding_legs=session.lower_body_load.rank >= LowerBodyLoad.MODERATE.rank,
        heavy_legs=session.lower_body_load is LowerBodyLoad.HEAVY,
        plyo=session.plyo_contacts > 0,
        hard_plyo=any(
            isinstance(p.dose, Contacts) and p.slug in library and is_hard_plyo(p.slug, library)
            for p in session.exercises
        ),
        before_race=place in _BEFORE_RACE_PLACES,
    )


def _heavy(session: Session) -> bool:
    return session.lower_body_load is LowerBodyLoad.HEAVY


class _Placer:
    """Finds the day a session moves to within its week, beside the sessions on their days."""

    def __init__(
        self,
        sessions: dict[str, Session],
        days: dict[str, date],
        scheduler: Scheduler,
        rules: Rules,
        library: ExerciseLibrary,
    ) -> None:
        self.sessions = sessions
        self.days = days  # each session's day so far (changed by the caller as it places)
        self.scheduler = scheduler
        self.rules = rules
        self.library = library

    def __call__(
        self, session: Session, after: date, wanted: date | None, missed_on: date | None
    ) -> Placement | None:
        """The athlete's day `wanted` if it holds the session, else the best free strength day of
        its week after `after`; None where none does (or `move_missed_sessions` is off)."""
        if not self.rules.move_missed_sessions:
            return None
        need = session_needs(session, self.library)
        monday = session.date - timedelta(days=session.date.weekday())
        others = [
            (self.sessions[sid], day)
            for sid, day in self.days.items()
            if sid != session.id and sid in self.sessions
        ]
        taken = {day for _, day in others} | ({missed_on} if missed_on is not None else set())
        placed = [
            Placed(datetime.combine(day, s.time), _heavy(s), s.plyo_contacts > 0)
            for s, day in others
        ]
        heavy_days = {day for s, day in others if _heavy(s)}
        week = [monday + timedelta(days=i) for i in range(7)]
        candidates = ([wanted] if wanted is not None else []) + [d for d in week if d > after]
        best: Placement | None = None
        for day in candidates:
            if day in taken or day not in week:
                continue
            if need.heavy_legs and heavy_days & {day - timedelta(days=1), day + timedelta(days=1)}:
                continue  # never two heavy days back to back
            found = self.scheduler.place_on(day, need, placed, any_day=day == wanted)
            if found is None or found.fit:  # the day would make it moderate: not this session
                continue
            if day == wanted:
                return found
            if best is None or found.penalty < best.penalty:
                best = found
        return best


def _week_of(plan: Plan, session: Session) -> Week:
    return next(w for w in plan.weeks if session in w.sessions)


def _lived_week(
    week: Week, days: dict[str, date], moved: dict[str, Reason], dropped: tuple[Reason, ...]
) -> Week:
    sessions = []
    for s in week.sessions:
        day = days.get(s.id)
        if day is None:
            continue
        if day != s.date:
            extra = (moved[s.id],) if s.id in moved else ()
            s = replace(s, date=day, weekday=Weekday.of(day), reasons=(*s.reasons, *extra))
        sessions.append(s)
    return replace(week, sessions=_by_date(sessions), notes=(*week.notes, *dropped))


def _moved_reason(
    session: Session,
    why: str,
    after: date,
    wanted: date | None,
    day: date,
    run_date: date | None = None,
) -> Reason:
    more = {} if run_date is None else {"run_date": run_date.isoformat()}
    return reason(
        RuleId.MISSED_MOVED,
        "runstrong_heuristic",
        why=why,
        from_date=session.date.isoformat(),
        to_date=day.isoformat(),
        asked_date="" if wanted is None or wanted == day else wanted.isoformat(),
        after_date=after.isoformat(),
        **more,
    )


def _key_run_next_day(
    session: Session, day: date, scheduler: Scheduler, library: ExerciseLibrary
) -> date | None:
    """The day after `day` when it now holds a key run, long run or race that heavy legs or
    hard plyometrics must not come the day before (the session is one of those), else None."""
    need = session_needs(session, library)
    if not (need.heavy_legs or need.hard_plyo):
        return None
    found = scheduler.place_on(day, need, (), any_day=True)
    if found is None or not found.fit:
        return None
    tomorrow = day + timedelta(days=1)
    if not any(e.protected for e in scheduler.runs_on(tomorrow)):
        return None  # made moderate for another reason (a race's days): as planned
    return tomorrow


def _eased(
    session: Session, key_day: date, scheduler: Scheduler, rules: Rules, library: ExerciseLibrary
) -> Session:
    """`session` made moderate on the legs for the key run now the day after it (day_fit.py)."""
    kept = []
    for p in session.exercises:
        if p.role is Role.PLYOMETRIC and p.slug in library and is_hard_plyo(p.slug, library):
            continue
        if p.slug in library and library.get(p.slug).is_lower_body:
            p = moderated_dose(p, library.get(p.slug).max_reps, rules)
        kept.append(p)
    run = next(e.label for e in scheduler.runs_on(key_day) if e.protected)
    why = reason(RuleId.EASED_FOR_MOVED_RUN, "doma2019", run=run, run_date=key_day.isoformat())
    return replace(
        session,
        lower_body_load=LowerBodyLoad.MODERATE,
        plyo_contacts=sum(contacts_of(p) for p in kept),
        exercises=tuple(kept),
        reasons=(*session.reasons, why),
    )


def _dropped_reason(session: Session, why: str, after: date) -> Reason:
    return reason(
        RuleId.MISSED_DROPPED,
        "runstrong_heuristic",
        why=why,
        title=session.title,
        from_date=session.date.isoformat(),
        after_date=after.isoformat(),
    )


def done_items(
    sessions: Sequence[Session],
    outcomes: Mapping[str, SessionOutcome],
    library: ExerciseLibrary,
) -> list[tuple[Exercise, float]]:
    """(exercise, sets) of the sets logged done for `sessions`, as balance.session_items counts
    planned ones: a set of one side is half of a per-side set; a set of an exercise the library
    does not know (a custom one from an import) is left out."""
    items: list[tuple[Exercise, float]] = []
    for session in sessions:
        found = outcomes.get(session.id)
        if found is None or found.done is None:
            continue
        for logged in found.done.sets:
            if logged.slug not in library:
                continue
            exercise = library.get(logged.slug)
            one_side = logged.side is not Side.BOTH and exercise.per_side
            items.append((exercise, 0.5 if one_side else 1.0))
    return items
