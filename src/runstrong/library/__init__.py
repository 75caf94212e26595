"""The exercise library: data files -> validated domain objects."""

from runstrong.library.loader import EXTRA_DIRS_ENV, load_library

__all__ = ["EXTRA_DIRS_ENV", "load_library"]
