"""Errors the user can cause and fix. Each renders as one line: where, what field, what is wrong."""

from __future__ import annotations


def field_path(*parts: str | int) -> str:
    """A field's path as errors print it: table keys dotted, list items counted from 1.

    field_path("running", "week", 5, "type") == "running.week[6].type" (the sixth run).
    """
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else part
    return out


class RunstrongError(Exception):
    """Base for every error caused by input (files, options): the CLI prints it and exits 2."""


class InputError(RunstrongError):
    """A problem in one field of one input (a file, a profile, an option)."""

    def __init__(self, where: str, field: str, message: str) -> None:
        self.where = where
        self.field = field
        self.message = message
        super().__init__(f"{where}: {field}: {message}" if field else f"{where}: {message}")


class InputErrors(RunstrongError):  # noqa: N818 (a list of InputError)
    """Several independent input problems, reported together, one per line."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
