"""runstrong: a periodised strength-training planner for runners."""

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.exercise import Exercise
from runstrong.library.loader import load_library

__version__ = "0.1.0"
__all__ = ["Exercise", "ExerciseLibrary", "__version__", "load_library"]
