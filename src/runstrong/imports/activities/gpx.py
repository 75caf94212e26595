"""GPX tracks (gpxpy): the start and duration from the track points' times, distance along
the track, the ascent from the points' elevations, and heart rate and power from the Garmin
TrackPointExtension (hr) and a power extension (power), where the device wrote them. GPX has
no laps. The sport is the track's <type> (Strava and Garmin write "running"; a number as Strava
writes for its own types is taken as running); without one, a run."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from runstrong.domain.activity import Activity, ActivitySource
from runstrong.imports.activities import ActivityFileError
from runstrong.imports.activities.tcx import ascent

STRAVA_RUN_TYPES = {"9": "running"}  # Strava's numeric activity type of a run


def read_gpx(data: bytes, where: str, source: ActivitySource) -> Activity:
    import gpxpy
    import gpxpy.gpx

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        _check_no_entities(data)
    try:
        gpx = gpxpy.parse(data.decode("utf-8", errors="replace"))
    except (gpxpy.gpx.GPXException, ValueError) as err:
        raise ActivityFileError(f"is not readable GPX ({str(err)[:100]})") from None
    points = [p for t in gpx.tracks for s in t.segments for p in s.points]
    if not points:
        raise ActivityFileError("is a GPX file without track points (a route, not an activity)")
    times = [p.time for p in points if p.time is not None]
    if len(times) < 2:
        raise ActivityFileError("is a GPX track without times: when it was run is unknown")
    start, end = _utc(min(times)), _utc(max(times))
    kind = (gpx.tracks[0].type or "running").strip().lower()
    hrs = _extension_values(points, "hr")
    watts = _extension_values(points, "power")
    return Activity(
        start=start,
        seconds=(end - start).total_seconds(),
        sport=STRAVA_RUN_TYPES.get(kind, kind),
        source=source,
        source_name=where,
        meters=gpx.length_3d() or None,
        avg_hr=sum(hrs) / len(hrs) if hrs else None,
        max_hr=max(hrs) if hrs else None,
        avg_power_w=sum(watts) / len(watts) if watts else None,
        ascent_m=ascent([p.elevation for p in points]),
        name=gpx.tracks[0].name,
    )


def _check_no_entities(data: bytes) -> None:
    """A GPX that declares a DTD or entities (an "XML bomb" among them) is refused, by
    defusedxml, before gpxpy's parser sees it."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        fromstring(data)
    except DefusedXmlException:
        raise ActivityFileError("declares XML entities (refused)") from None
    except ParseError as err:
        raise ActivityFileError(f"is not readable GPX ({str(err)[:100]})") from None


def _extension_values(points: list[Any], tag: str) -> list[float]:
    """The numbers of every extension element whose local name is `tag`, at any depth."""
    out: list[float] = []
    for p in points:
        for ext in p.extensions:
            for element in ext.iter():
                if element.tag.rsplit("}", 1)[-1].lower() == tag and element.text:
                    try:
                        out.append(float(element.text))
                    except ValueError:
                        raise ActivityFileError(
                            f"has {element.text[:30]!r} as a {tag} value"
                        ) from None
    return out


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
