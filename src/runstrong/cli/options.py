"""Options shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class TableOrJson(StrEnum):
    TABLE = "table"
    JSON = "json"


ExerciseDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--exercises",
        metavar="DIR",
        help="Extra folder of exercise files (repeatable); also set by RUNSTRONG_EXERCISES.",
        file_okay=False,
    ),
]
