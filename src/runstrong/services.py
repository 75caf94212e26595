"""Use cases: the one place that wires the library, the engine, renderers and exporters together."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.library.loader import extra_dirs_from_env, load_library


def open_library(extra_dirs: Sequence[Path] = ()) -> ExerciseLibrary:
    """The built-in library plus folders from RUNSTRONG_EXERCISES and `extra_dirs`, in that order."""
    return load_library([*extra_dirs_from_env(), *extra_dirs])
