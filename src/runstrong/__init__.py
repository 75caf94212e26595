"""runstrong: a periodised strength-training planner for runners.

The public API, imported lazily so that `runstrong --version` stays fast:

    from runstrong import load_library, load_profile, generate_plan
    library = load_library()
    plan = generate_plan(load_profile(path, library), library, today=date.today())
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Exercise": "runstrong.domain.exercise",
    "ExerciseLibrary": "runstrong.domain.catalogue",
    "Plan": "runstrong.domain.plan",
    "Profile": "runstrong.domain.profile",
    "Rules": "runstrong.domain.rules",
    "generate_plan": "runstrong.domain.engine",
    "load_library": "runstrong.library.loader",
    "load_profile": "runstrong.profile.loader",
}
__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'runstrong' has no attribute {name!r}")
