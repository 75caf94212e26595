"""Niggles by severity (docs/science.md §1.2a, "Training with a niggle"): a niggle changes the
variant and the dose before it removes a pattern.

- Mild and moderate: an exercise stays when its file says it is fine with a niggle that bad at
  that site (`Exercise.tolerated_with`); mild keeps the pattern's usual variants with care (range
  to a box, a slow tempo, lighter loads), moderate swaps the aggravating ones for tolerated
  variants of the same pattern. Plyometric contacts are cut with a niggle of the leg. Tendon
  niggles keep slow, heavy loading of their muscle: it is the treatment [beyer2015],
  [kongsgaard2009].
- Severe: the patterns that load the site go (`SEVERE_REMOVES`, and every exercise that loads
  it), and the plan says to see a clinician.
"""

from __future__ import annotations

from collections.abc import Iterable

from runstrong.domain.athlete import Niggle
from runstrong.domain.exercise import Exercise, LoadType, NiggleSite, Pattern, Severity
from runstrong.domain.messages import Reason, RuleId, reason
from runstrong.domain.plan import Role
from runstrong.domain.rules import Rules

# Enum members read in inner loops, bound once (why: prescription.py).
TIMED_HOLD = LoadType.TIMED_HOLD
SEVERE = Severity.SEVERE

S, P = NiggleSite, Pattern
# Niggles of the leg: plyometric contacts are cut while one is mild or moderate.
LEG_SITES = frozenset({S.KNEE, S.HIP, S.HAMSTRING, S.CALF, S.ACHILLES, S.SHIN, S.PLANTAR_FASCIA})
# The patterns a severe niggle removes whatever an exercise file says: the movements that load
# the site (docs/science.md, "Niggles by site") [runstrong_heuristic].
SEVERE_REMOVES: dict[NiggleSite, frozenset[Pattern]] = {
    S.KNEE: frozenset({P.KNEE_DOMINANT_BILATERAL, P.KNEE_DOMINANT_UNILATERAL, P.PLYOMETRIC}),
    S.ACHILLES: frozenset({P.CALF_ANKLE, P.PLYOMETRIC}),
    S.CALF: frozenset({P.CALF_ANKLE, P.PLYOMETRIC}),
    S.HAMSTRING: frozenset({P.KNEE_FLEXION, P.HIP_HINGE, P.PLYOMETRIC}),
    S.HIP: frozenset({P.HIP_ADDUCTION, P.HIP_FLEXION, P.PLYOMETRIC}),
    S.LOW_BACK: frozenset({P.HIP_HINGE}),
    S.PLANTAR_FASCIA: frozenset({P.CALF_ANKLE, P.PLYOMETRIC}),
    S.SHIN: frozenset({P.CALF_ANKLE, P.PLYOMETRIC}),
    S.SHOULDER: frozenset({P.UPPER_PUSH, P.UPPER_PULL}),
}
# Tendon niggles whose slow, heavy loading is the treatment: the site, the role and pattern of
# that loading, and its sources (science.md §1.2a).
TENDON_LOADING: dict[NiggleSite, tuple[Role, Pattern, tuple[str, ...]]] = {
    S.ACHILLES: (Role.CALF, P.CALF_ANKLE, ("beyer2015", "bohm2015")),
    S.KNEE: (Role.MAIN, P.KNEE_DOMINANT_BILATERAL, ("kongsgaard2009", "bohm2015")),
}


def rules_out(niggle: Niggle, ex: Exercise) -> bool:
    """The niggle rules `ex` out: the exercise is not fine with a niggle that bad at its site,
    or the niggle is severe and `ex` has a pattern it removes."""
    if not ex.tolerates(niggle.site, niggle.severity):
        return True
    return niggle.severity is SEVERE and not SEVERE_REMOVES[niggle.site].isdisjoint(ex.patterns)


def ruling_out(ex: Exercise, niggles: Iterable[Niggle]) -> tuple[str, ...]:
    """The sites of the niggles that rule `ex` out, sorted (none: it is fine with them all)."""
    return tuple(sorted({str(n.site) for n in niggles if rules_out(n, ex)}))


def leg_niggle_sites(niggles: Iterable[Niggle]) -> tuple[str, ...]:
    """The sites of mild or moderate niggles of the leg (plyometric contacts are cut for them)."""
    return tuple(
        sorted({str(n.site) for n in niggles if n.site in LEG_SITES and n.severity is not SEVERE})
    )


def plyo_contacts(budget: int, niggles: Iterable[Niggle], rules: Rules) -> int:
    """A session's plyometric contacts with the athlete's niggles: fewer with a mild or moderate
    niggle of the leg (`Rules.niggle_plyo_contacts_pct`)."""
    if not leg_niggle_sites(niggles):
        return budget
    return budget * rules.niggle_plyo_contacts_pct // 100


def care_notes(
    ex: Exercise, role: Role, niggles: Iterable[Niggle], rules: Rules
) -> tuple[Reason, ...]:
    """What a chosen exercise says for the niggles it loads and is fine with: how to do it with
    the niggle and the pain that is fine [silbernagel2007]; for a tendon niggle, that its slow,
    heavy loading is the treatment and rises as it allows; for plyometrics, the fewer contacts."""
    niggles = tuple(niggles)
    if ex.is_plyometric:
        sites = leg_niggle_sites(niggles)
        if not sites or rules.niggle_plyo_contacts_pct >= 100:
            return ()
        percent = rules.niggle_plyo_contacts_pct
        return (reason(RuleId.NIGGLE_FEWER_CONTACTS, niggle_sites=sites, percent=percent),)
    notes: list[Reason] = []
    for niggle in sorted(niggles, key=lambda n: n.site):
        if niggle.site not in ex.loads_sites or rules_out(niggle, ex):
            continue
        tendon = TENDON_LOADING.get(niggle.site)
        treats = (
            tendon is not None
            and role is tendon[0]
            and tendon[1] in ex.patterns
            and ex.load_type is not TIMED_HOLD  # slow reps, loaded as they get easier
        )
        rule = RuleId.NIGGLE_CARE
        cite: tuple[str, ...] = ("silbernagel2007",)
        if tendon is not None and treats:  # the treatment: one note says it, and the pain rule
            rule, cite = RuleId.NIGGLE_TENDON_LOADING, tendon[2]
        notes.append(
            reason(
                rule,
                *cite,
                site=str(niggle.site),
                severity=str(niggle.severity),
                safe_pain=rules.niggle_pain_safe_max,
                acceptable_pain=rules.niggle_pain_acceptable_max,
            )
        )
    return tuple(notes)


def severe_removal(
    candidates: Iterable[Exercise], niggles: Iterable[Niggle], coverage: str
) -> Reason | None:
    """The note for a slot left empty by severe niggles: the kit and level allow `candidates`,
    and every one of them is ruled out, at least one by a severe niggle (None otherwise)."""
    niggles = tuple(niggles)
    severe = tuple(n for n in niggles if n.severity is SEVERE)
    candidates = tuple(candidates)
    if not severe or not candidates:
        return None
    if any(not ruling_out(ex, niggles) for ex in candidates):
        return None
    sites = tuple(sorted({str(n.site) for n in severe for ex in candidates if rules_out(n, ex)}))
    if not sites:
        return None
    return reason(RuleId.NIGGLE_PATTERN_REMOVED, niggle_sites=sites, pattern=coverage)
