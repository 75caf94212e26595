"""The exercise library: data files -> validated domain objects."""

from runstrong.library.loader import load_library

__all__ = ["load_library"]
