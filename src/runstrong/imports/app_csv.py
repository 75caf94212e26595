"""Reading another app's CSV export safely: its bytes bounded, its delimiter (comma or
semicolon) from the header, its columns by name, and every value checked, a mistake one error
line naming the file, the line and the column (docs/formats.md, "Imports")."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from runstrong.domain.errors import InputError, cut
from runstrong.domain.log_import import RPE_SCALE_MAX, RPE_SCALE_MIN, rir_from_rpe
from runstrong.domain.rules import MAX_HOLD_SECONDS, MAX_REPS, MAX_SESSION_MINUTES
from runstrong.input_files import read_input

if TYPE_CHECKING:
    from _csv import Reader

APP_CSV_MAX_BYTES = 50_000_000  # an export of years of training is a few MB
MAX_KG = 1000.0  # heavier than any lift ever made: a wrong column, not a set
MAX_ROWS = 500_000
MAX_NAME_CHARS = 100  # an exercise's name as another app gives it


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the file: its number (the header is line 1) and its values by column."""

    line: int
    values: Mapping[str, str]


class AppCsv:
    """A CSV export read whole: its header's columns and its rows, each value read through the
    methods below, which name the file, line and column in any error."""

    def __init__(self, path: Path, required: Sequence[str]) -> None:
        self.where = str(path)
        raw = read_input(path, APP_CSV_MAX_BYTES)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(self.where, "", f"is not UTF-8 text (byte {err.start + 1})") from None
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        # newline="": a quoted note may span lines; line numbers are the reader's
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        try:
            header = [h.strip() for h in next(reader, [])]
        except csv.Error as err:
            raise InputError(self.where, "line 1", str(err)) from None
        self.columns = frozenset(header)
        missing = [c for c in required if c not in self.columns]
        if missing:
            raise InputError(
                self.where, "line 1", f"no column {', '.join(map(repr, missing))} "
                f"(the header has {cut(', '.join(header))!r})",
            )  # fmt: skip
        self.rows = list(self._rows(reader, header))

    def _rows(self, reader: Reader, header: list[str]) -> Iterator[Row]:
        while True:
            try:
                values = next(reader, None)
            except csv.Error as err:
                raise InputError(self.where, f"line {reader.line_num}", str(err)) from None
            if values is None:
                return
            line = reader.line_num
            if line > MAX_ROWS:
                raise InputError(self.where, "", f"has more than {MAX_ROWS:,} lines")
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise InputError(
                    self.where, f"line {line}",
                    f"{len(values)} values for the header's {len(header)} columns",
                )  # fmt: skip
            yield Row(line, dict(zip(header, (v.strip() for v in values), strict=True)))

    def error(self, row: Row, column: str, message: str) -> InputError:
        return InputError(self.where, f"line {row.line}, {column}", message)

    def text(self, row: Row, column: str) -> str:
        """A column's text; '' where the file has no such column."""
        return row.values.get(column, "")

    def name(self, row: Row, column: str) -> str:
        value = self.text(row, column)
        if not value:
            raise self.error(row, column, "is empty: name the exercise")
        if len(value) > MAX_NAME_CHARS:
            raise self.error(row, column, f"is longer than {MAX_NAME_CHARS} characters")
        return value

    def number(self, row: Row, column: str, most: float) -> float | None:
        """A number from 0 to `most`; None for an empty value (or a column the file lacks)."""
        value = self.text(row, column)
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            raise self.error(row, column, f"{cut(value)!r} is not a number") from None
        if not 0 <= number <= most:  # also NaN
            raise self.error(row, column, f"{value} is not within 0-{most:g}")
        return number

    def whole(self, row: Row, column: str, most: int) -> int | None:
        """A whole number from 0 to `most` (written 8 or 8.0); None for empty or 0, which the
        apps write for 'not recorded'."""
        number = self.number(row, column, most)
        if number is None or number == 0:
            return None
        if number != int(number):
            raise self.error(row, column, f"{number:g} is not a whole number")
        return int(number)

    def reps(self, row: Row, column: str) -> int | None:
        return self.whole(row, column, MAX_REPS * 10)  # an app may log 100 reps of anything

    def seconds(self, row: Row, column: str) -> int | None:
        return self.whole(row, column, MAX_HOLD_SECONDS * 24)  # a cardio row of hours is read

    def kg(self, row: Row, column: str, kg_per_unit: float) -> float | None:
        """A load in the file's unit as kilograms (to the gram); None for empty or 0 (body
        weight)."""
        number = self.number(row, column, MAX_KG / kg_per_unit)
        if number is None or number == 0:
            return None
        return number if kg_per_unit == 1 else round(number * kg_per_unit, 3)

    def rir(self, row: Row, column: str) -> int | None:
        """Reps in reserve from the set's RPE (1-10, halves allowed) [zourdos2016]."""
        value = self.text(row, column)
        if not value:
            return None
        rpe = self.number(row, column, RPE_SCALE_MAX)
        if rpe is None or rpe < RPE_SCALE_MIN:
            raise self.error(row, column, f"{value} is not an RPE of 1-10")
        return rir_from_rpe(rpe)

    def day(self, row: Row, column: str) -> dt.date:
        """The day of a date and time: 2024-05-01 09:30:00 (Strong), 1 May 2024, 09:30 (Hevy)."""
        value = self.text(row, column)
        found = _ISO_DAY.match(value)
        try:
            if found:
                return dt.date.fromisoformat(found.group(0))
            return dt.datetime.strptime(value.split(",")[0].strip(), "%d %b %Y").date()
        except ValueError:
            raise self.error(
                row, column, f"{cut(value)!r} is not a date (2024-05-01 or 1 May 2024)"
            ) from None

    def minutes(self, row: Row, column: str) -> int | None:
        """A workout's length as Strong writes it (1h 5m, 45m, 50s) or in seconds; None if
        empty."""
        value = self.text(row, column)
        if not value:
            return None
        if value.isdigit():
            seconds = int(value)
        else:
            parts = _DURATION.fullmatch(value.replace(" ", ""))
            if parts is None:
                raise self.error(row, column, f"{cut(value)!r} is not a length (1h 5m)")
            h, m, s = (int(p or 0) for p in parts.groups())
            seconds = h * 3600 + m * 60 + s
        if seconds > MAX_SESSION_MINUTES * 60 * 4:
            raise self.error(row, column, f"{value} is longer than any one workout")
        return round(seconds / 60)


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m(?:in)?)?(?:(\d+)s)?")
