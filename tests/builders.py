"""Builders for tests: make_athlete(level="beginner"), make_profile(...), the library once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from datetime import date, time
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from runstrong.domain import messages
from runstrong.domain.athlete import (
    Athlete,
    Availability,
    EquipmentSet,
    Niggle,
    Race,
    RaceDistance,
    RacePriority,
    Run,
    RunningWeek,
    RunType,
    Severity,
    Weekday,
)
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.exercise import (
    Equipment,
    Exercise,
    FitExercise,
    Laterality,
    Level,
    LoadType,
    NiggleSite,
    Pattern,
    Why,
)
from runstrong.domain.muscles import Muscle
from runstrong.domain.plan import ByPercent, ByRir, Contacts, Hold, Prescription, Reps, Role
from runstrong.domain.profile import Profile
from runstrong.domain.rules import Rules
from runstrong.library.loader import load_library
from runstrong.profile.loader import load_profile
from runstrong.services import PlanResult, make_plan
from runstrong.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
# Example runners whose plans do not yet meet a rule the engine is to keep: the tests of that rule
# expect them to fail (strict: a fix makes the test say so, and the entry goes). None today.
KNOWN_PLAN_GAPS: dict[str, str] = {}


def example_params(gaps: tuple[str, ...] = tuple(KNOWN_PLAN_GAPS)) -> list[Any]:
    """Every example profile as a pytest param, those in `gaps` expected to fail for now."""
    import pytest

    return [
        pytest.param(
            path,
            id=path.stem,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_PLAN_GAPS[path.stem])]
            if path.stem in gaps
            else [],
        )
        for path in sorted(EXAMPLES.glob("*.toml"))
    ]


GYM = frozenset(Equipment)
HOME = frozenset(
    {
        Equipment.RESISTANCE_BAND,
        Equipment.MINI_BAND,
        Equipment.DUMBBELLS,
        Equipment.BENCH,
        Equipment.STABILITY_BALL,
    }
)
W = Weekday


@cache
def library() -> ExerciseLibrary:
    return load_library()


def plan_from_file(path: Path, today: date) -> PlanResult:
    """A profile file's plan, made as the CLI makes it on `today`."""
    return make_plan(load_profile(path, library()), library(), Settings(today=today))


def standard_week() -> RunningWeek:
    return RunningWeek(
        runs=(
            Run(W.MON, RunType.EASY, 40, time(7, 0)),
            Run(W.TUE, RunType.INTERVALS, 60, time(7, 0)),
            Run(W.WED, RunType.EASY, 45, time(7, 0)),
            Run(W.THU, RunType.TEMPO, 50, time(7, 0)),
            Run(W.SAT, RunType.EASY, 30, time(8, 0)),
            Run(W.SUN, RunType.LONG, 120, time(8, 0)),
        ),
        recovery_week_every=4,
    )


def make_athlete(
    *,
    level: str = "intermediate",
    equipment: frozenset[Equipment] = HOME,
    strength_days: tuple[str, ...] = ("mon", "tue", "thu", "sat"),
    sessions_per_week: int | None = None,
    session_minutes: int = 45,
    running: RunningWeek | None = None,
    races: tuple[Race, ...] = (),
    maxes: dict[str, float] | None = None,
    niggles: tuple[tuple[str, str], ...] = (),
    body_mass_kg: float | None = 64.0,
    **equipment_options: Any,
) -> Athlete:
    return Athlete(
        name="Test Runner",
        level=Level(level),
        equipment=EquipmentSet(items=equipment, **equipment_options),
        availability=Availability(
            strength_days=tuple(Weekday(d) for d in strength_days),
            sessions_per_week=sessions_per_week,
            session_minutes=session_minutes,
            preferred_time=time(18, 0),
        ),
        running=running or standard_week(),
        body_mass_kg=body_mass_kg,
        races=races,
        one_rep_max_kg=maxes or {},
        niggles=tuple(Niggle(NiggleSite(s), Severity(v)) for s, v in niggles),
    )


def make_race(
    day: date, priority: str = "A", distance: str = "marathon", name: str = "Race"
) -> Race:
    return Race(name, day, RaceDistance(distance), RacePriority(priority))


def make_profile(
    athlete: Athlete | None = None, *, rules: Rules | None = None, **kw: Any
) -> Profile:
    return Profile(athlete=athlete or make_athlete(**kw), rules=rules or Rules())


def make_exercise(
    slug: str = "test_exercise",
    *,
    muscles: dict[Muscle, float] | None = None,
    laterality: Laterality = Laterality.BILATERAL,
) -> Exercise:
    """An Exercise built in code, for tests that must not depend on the library files."""
    weights = muscles if muscles is not None else {Muscle.QUADRICEPS: 1.0}
    return Exercise(
        slug=slug,
        name=slug.replace("_", " ").capitalize(),
        aliases=(),
        patterns=(Pattern.KNEE_DOMINANT_BILATERAL,),
        equipment=frozenset(),
        equipment_any=frozenset({Equipment.DUMBBELLS}),
        level=Level.BEGINNER,
        laterality=laterality,
        load_type=LoadType.EXTERNAL_LOAD,
        percent_1rm=False,
        muscles=tuple(weights.items()),
        plyometric=None,
        progression=None,
        regression=None,
        substitutes=(),
        fit=FitExercise(category_id=28, category="squat"),
        cues=("Stand tall",),
        why=Why(text="Test exercise.", benefits=(), citations=()),
        tolerated_with=(),
        seconds_per_rep=3.0,
    )


def run_cli(
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
    columns: int = 140,
    stdin: str = "",
) -> subprocess.CompletedProcess[str]:
    """`runstrong ARGS` in a real process, as a user runs it, with `stdin` as its input."""
    return subprocess.run(
        [sys.executable, "-m", "runstrong", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": str(columns), **(env or {})},
        cwd=cwd,
        check=False,
    )


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def run_in_process(*args: str, db: str | None = None, stdin: str = "") -> Ran:
    """`runstrong [--db DB] ARGS` through the same entry (run_safely) in this process: the
    commands that use the database, tested many times over, without a process's start each."""
    import contextlib
    import io

    from runstrong.cli.app import app
    from runstrong.cli.errors import run_safely

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    err = io.StringIO()
    argv = [*(("--db", db) if db else ()), *args]
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run_safely(app, argv)
    finally:
        sys.stdin = saved
    return Ran(code, out.buffer.getvalue().decode("utf-8"), err.getvalue())  # type: ignore[attr-defined]


def ok(result: Ran) -> str:
    """The output of a command that must have succeeded."""
    assert result.returncode == 0, result.stderr
    return result.stdout


def one_error_line(result: Ran) -> str:
    """The one `error:` line of a command that must have failed on its input (exit code 2)."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def make_prescription(slug: str, **fields: Any) -> Prescription:
    """A Prescription built in code; every field can be given, the rest have plain defaults."""
    defaults: dict[str, Any] = {
        "name": slug,
        "role": Role.MAIN,
        "sets": 3,
        "dose": Reps(8, ByRir(2)),
        "per_side": False,
        "rest_s": 90,
        "tempo": None,
        "why": "test",
        "citations": (),
    }
    return Prescription(slug=slug, **(defaults | fields))


def reps_of(p: Prescription) -> int | None:
    """The reps a set of `p` asks for (None: a hold or contacts)."""
    return p.dose.count if isinstance(p.dose, Reps) else None


def rir_of(p: Prescription) -> int | None:
    """The reps in reserve of `p`'s dose (None: a hold, contacts, or reps without an effort)."""
    return None if p.effort is None else p.effort.rir


def percent_of(p: Prescription) -> int | None:
    """The %1RM of `p`'s dose (None: an effort by reps in reserve alone, or none)."""
    return p.effort.percent_1rm if isinstance(p.effort, ByPercent) else None


def work_of(p: Prescription) -> Hold | Contacts | int:
    """What a set of `p` does: its hold, its contacts, or its count of reps (without effort)."""
    return p.dose.count if isinstance(p.dose, Reps) else p.dose


def with_rule(
    reasons: Iterable[messages.Reason], rule: messages.RuleId, **params: messages.Param
) -> list[messages.Reason]:
    """The reasons of rule `rule` whose parameters include `params` (tests check rule ids and
    parameters, never wording)."""
    return [r for r in reasons if r.rule is rule and all(r.get(k) == v for k, v in params.items())]


def example_module(path: Path, name: str) -> Any:
    """An example's script (examples/*/NAME.py) imported as module `name`."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


ANCHORS_TOML = "\n[anchors]\ncritical_power_w = 300\nmax_hr = 190\nresting_hr = 50\n"


def add_alex(db: str, folder: Path, today: str, anchors: str = ANCHORS_TOML) -> None:
    """Alex (examples/alex-marathon.toml) stored in `db` with `anchors` added to the profile."""
    profile = folder / "alex.toml"
    profile.write_text((EXAMPLES / "alex-marathon.toml").read_text() + anchors)
    ok(run_in_process("--today", today, "athlete", "add", str(profile), db=db))


def on_day(today: str) -> Callable[..., Ran]:
    """`runstrong --today TODAY ARGS` against a database, in process: on_day(T)(db, *args)."""

    def run(db: str, *args: str) -> Ran:
        return run_in_process("--today", today, *args, db=db)

    return run
