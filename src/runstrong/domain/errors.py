"""Errors the user can cause and fix. Each renders as one line: where, what field, what is wrong."""

from __future__ import annotations

from datetime import date

from runstrong.domain.dates import out_of_range


def field_path(*parts: str | int) -> str:
    """A field's path as errors print it: table keys dotted, list items counted from 1.

    field_path("running", "week", 5, "type") == "running.week[6].type" (the sixth run).
    """
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            key = cut(part if part.isprintable() and part else repr(part))  # as the file wrote it
            out += f".{key}" if out else key
    return out


SHOWN_VALUE_MAX_CHARS = 80  # a value echoed in an error line, cut: a 50 MB name is not repeated


def printable(text: str) -> str:
    """`text` with every character that is not printable (a line or page break, a tab, a
    control or direction mark) written as its escape: an error stays one line, and says what
    the file holds."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def cut(text: str) -> str:
    """`text` if it is at most SHOWN_VALUE_MAX_CHARS long, else its start and its length."""
    if len(text) <= SHOWN_VALUE_MAX_CHARS:
        return text
    return f"{text[: SHOWN_VALUE_MAX_CHARS - 3]}... ({len(text):,} characters)"


class RunstrongError(Exception):
    """Base for every error caused by input (files, options): the CLI prints it and exits 2."""

    def lines(self) -> list[str]:
        """The error as the lines a front end prints: one, whatever its text holds."""
        return [printable(str(self))]


class InputError(RunstrongError):
    """A problem in one field of one input (a file, a profile, an option)."""

    def __init__(self, where: str, field: str, message: str) -> None:
        self.where = where
        self.field = field
        self.message = message
        if len(where) > MAX_WHERE_CHARS:  # a long path: its start and its end say which
            half = MAX_WHERE_CHARS // 2
            where = f"{where[:half]}…{where[-half:]}"
        line = printable(f"{where}: {field}: {message}" if field else f"{where}: {message}")
        if len(line) > MAX_ERROR_LINE_CHARS:  # a long list in a message: the line stays short
            line = line[: MAX_ERROR_LINE_CHARS - 1] + "…"
        super().__init__(line)


MAX_ERROR_LINE_CHARS = 400
MAX_WHERE_CHARS = 160
MAX_ERROR_LINES_PER_INPUT = 10  # then one line "and N more": 30,000 bad runs are not 30,000 lines


class InputErrors(RunstrongError):  # noqa: N818 (a list of InputError)
    """Several independent input problems, reported together, one per line: at most
    MAX_ERROR_LINES_PER_INPUT for each input, then one line saying how many more (`errors` keeps
    them all)."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = errors
        lines: list[str] = []
        said: dict[str, int] = {}
        more: dict[str, int] = {}
        for error in errors:
            if said.get(error.where, 0) < MAX_ERROR_LINES_PER_INPUT:
                said[error.where] = said.get(error.where, 0) + 1
                lines.append(str(error))
            else:
                more[error.where] = more.get(error.where, 0) + 1
        lines += [printable(f"{where}: and {count:,} more") for where, count in more.items()]
        self._lines = lines
        super().__init__("\n".join(lines))

    def lines(self) -> list[str]:
        return self._lines


# -- errors of a use case's arguments: fields for each front end to word in its own terms -------


class RaceBeforeStartError(RunstrongError):
    """A race of the profile falls before the plan's first day: a mistake in the profile, or in
    the start the caller gave (`start_given`)."""

    def __init__(
        self, race_index: int, race_name: str, race_date: date, start: date, *, start_given: bool
    ) -> None:
        self.race_index = race_index
        self.race_name = race_name
        self.race_date = race_date
        self.start = start
        self.start_given = start_given
        self.field = field_path("races", race_index, "date")
        super().__init__(
            f"{self.field}: {race_date.isoformat()} ({race_name}) is before the plan start "
            f"{start.isoformat()}"
        )


class OutsideDatesError(RunstrongError):
    """A date outside the dates runstrong plans (runstrong.domain.dates)."""

    def __init__(self, what: str, day: date) -> None:
        self.what = what
        self.day = day
        super().__init__(f"{what}: {out_of_range()} (got {day.isoformat()})")


class StartForSavedPlanError(RunstrongError):
    """A start or a length was given with a saved plan: they shape a plan made from a profile."""

    def __init__(self, start: date | None, weeks: int | None) -> None:
        self.start = start
        self.weeks = weeks
        super().__init__("a start or a number of weeks applies to a profile, not a saved plan")


class NotAWeekError(RunstrongError):
    """A week number outside the plan (weeks count from 1)."""

    def __init__(self, week: int, weeks: int) -> None:
        self.week = week
        self.weeks = weeks
        super().__init__(f"{week} is not a week of this plan (1-{weeks})")


class NoSessionOnError(RunstrongError):
    """No strength session on the day asked for."""

    def __init__(self, day: date) -> None:
        self.day = day
        super().__init__(f"no session on {day.isoformat()}")


class RangeBackwardsError(RunstrongError):
    """A date range whose last day comes before its first."""

    def __init__(self, first: date, last: date) -> None:
        self.first = first
        self.last = last
        super().__init__(f"{last.isoformat()} is before {first.isoformat()}")


class NoRunningWeekError(RunstrongError):
    """The running layer was asked of a plan without the runner's running week (a workout)."""

    def __init__(self) -> None:
        super().__init__("no running week: the running layer needs the runner's profile")


class UnknownExerciseError(RunstrongError):
    """No exercise has this slug or name; `suggestions` are the nearest slugs, best first."""

    def __init__(self, name: str, suggestions: tuple[str, ...]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {suggestions[0]}?" if suggestions else ""
        super().__init__(f"no exercise '{name}'{hint}")


# -- the training log ------------------------------------------------------------------------


class UnknownAthleteError(RunstrongError):
    """No athlete has this handle; `handles` are the owner's handles."""

    def __init__(self, handle: str, handles: tuple[str, ...]) -> None:
        self.handle = handle
        self.handles = handles
        import difflib

        close = difflib.get_close_matches(handle, handles, n=1)
        self.suggestion = close[0] if close else None
        hint = f"; did you mean {close[0]}?" if close else ""
        super().__init__(f"no athlete '{handle}'{hint}")


class HandleTakenError(RunstrongError):
    def __init__(self, handle: str) -> None:
        self.handle = handle
        super().__init__(f"'{handle}' is taken by another athlete")


class BadHandleError(RunstrongError):
    def __init__(self, handle: str) -> None:
        self.handle = handle
        super().__init__(
            f"'{handle[:80]}' is not a handle: lower-case letters, digits and hyphens, at most "
            "64, starting with a letter or digit"
        )


class NoPlannedSessionError(RunstrongError):
    """No session of the athlete's plan on `day` (nor one moved to it); `first` and `last`: the
    dates the plans cover (None: the day is inside them), `nearest`: planned days close by."""

    def __init__(
        self,
        handle: str,
        day: date,
        span: tuple[date, date] | None,
        nearest: tuple[date, ...] = (),
    ) -> None:
        self.handle = handle
        self.day = day
        self.span = span
        self.nearest = nearest
        if span is not None:
            message = (
                f"{day.isoformat()} is outside {handle}'s plan "
                f"({span[0].isoformat()} to {span[1].isoformat()})"
            )
        else:
            near = ", ".join(d.isoformat() for d in nearest)
            message = f"no session of {handle}'s plan on {day.isoformat()}" + (
                f" (sessions nearby: {near})" if near else ""
            )
        super().__init__(message)


class AlreadyLoggedError(RunstrongError):
    """The day already has a log: replacing it must be asked for."""

    def __init__(self, handle: str, day: date, status: str) -> None:
        self.handle = handle
        self.day = day
        self.status = status
        super().__init__(f"{handle} has a log on {day.isoformat()} already ({status})")
