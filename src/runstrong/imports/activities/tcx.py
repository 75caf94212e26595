"""TCX files (Garmin Training Center XML v2), parsed with defusedxml: each Activity's Sport and
Id (its start), each Lap's time, distance, heart rate and power (the LX extension's AvgWatts),
and the ascent summed from the track points' altitudes. One activity a file."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import UTC, datetime
from xml.etree.ElementTree import Element

from runstrong.domain.activity import Activity, ActivitySource, Lap
from runstrong.imports.activities import ActivityFileError

NS = {
    "t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2",
    "x": "http://www.garmin.com/xmlschemas/ActivityExtension/v2",
}


def read_tcx(data: bytes, where: str, source: ActivitySource) -> Activity:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data)
    except DefusedXmlException:
        raise ActivityFileError("declares XML entities (refused)") from None
    except (ParseError, ValueError) as err:
        raise ActivityFileError(f"is not well-formed TCX ({str(err)[:100]})") from None
    activities = root.findall("t:Activities/t:Activity", NS)
    if not activities:
        raise ActivityFileError("is a TCX file without an activity")
    if len(activities) > 1:
        raise ActivityFileError(f"holds {len(activities)} activities (give one a file)")
    activity = activities[0]
    start = parse_time(activity.findtext("t:Id", None, NS))
    laps_xml = activity.findall("t:Lap", NS)
    if start is None or not laps_xml:
        raise ActivityFileError("is a TCX activity without a start time (Id) or laps")
    laps = tuple(_lap(x) for x in laps_xml)
    seconds = sum(x.seconds for x in laps)
    meters = [x.meters for x in laps if x.meters is not None]
    hrs = [float(v) for v in _all_numbers(activity, "t:Lap/t:MaximumHeartRateBpm/t:Value")]
    return Activity(
        start=start,
        seconds=seconds,
        sport=(activity.get("Sport") or "").lower(),
        source=source,
        source_name=where,
        meters=sum(meters) if meters else None,
        avg_hr=time_weighted(laps, "avg_hr"),
        max_hr=max(hrs) if hrs else None,
        avg_power_w=time_weighted(laps, "avg_power_w"),
        ascent_m=ascent(
            list(_all_numbers(activity, "t:Lap/t:Track/t:Trackpoint/t:AltitudeMeters"))
        ),
        laps=laps if len(laps) > 1 else (),
        name=activity.findtext("t:Notes", None, NS),
    )


def _lap(lap: Element) -> Lap:
    points = lap.findall("t:Track/t:Trackpoint", NS)
    return Lap(
        seconds=_float(lap.findtext("t:TotalTimeSeconds", None, NS)) or 0.0,
        meters=_float(lap.findtext("t:DistanceMeters", None, NS)),
        avg_hr=_float(lap.findtext("t:AverageHeartRateBpm/t:Value", None, NS)),
        avg_power_w=_float(lap.findtext("t:Extensions/x:LX/x:AvgWatts", None, NS))
        or _mean(_all_numbers(lap, "t:Track/t:Trackpoint/t:Extensions/x:TPX/x:Watts")),
        ascent_m=ascent([_float(p.findtext("t:AltitudeMeters", None, NS)) for p in points]),
    )


def _all_numbers(element: Element, path: str) -> list[float]:
    found = (_float(e.text) for e in element.findall(path, NS))
    return [v for v in found if v is not None]


def _float(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ActivityFileError(f"has {text[:30]!r} where a number belongs") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ActivityFileError(f"has {text[:30]!r} where a number belongs")
    return value


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def parse_time(text: str | None) -> datetime | None:
    """An ISO 8601 time as UTC (no zone: taken as UTC); None if there is none."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ActivityFileError(f"has {text[:40]!r} where a time belongs") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def ascent(altitudes: Sequence[float | None]) -> float | None:
    """Metres climbed: the sum of the rises between successive altitudes (no smoothing)."""
    known = [a for a in altitudes if a is not None]
    if len(known) < 2:
        return None
    return sum(max(0.0, b - a) for a, b in itertools.pairwise(known))


def time_weighted(laps: tuple[Lap, ...], name: str) -> float | None:
    """A lap value's mean over the activity, each lap weighted by its time."""
    pairs = [(getattr(x, name), x.seconds) for x in laps if getattr(x, name) is not None]
    total = sum(s for _, s in pairs)
    if not pairs or total <= 0:
        return None
    return float(sum(v * s for v, s in pairs) / total)
