"""The validated library, cached (runstrong.cache), so that every command does not parse 120+
TOML files: parsing them is most of the library's load time (tomllib is pure Python).

The key covers the library code, the citation and FIT tables, and every exercise file's name and
bytes in every folder, so an edit in the built-in data or in a coach's folder reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from runstrong import cache
from runstrong.domain.catalogue import ExerciseLibrary

_CODE = ("schema.py", "loader.py", "cache.py", "fit_profile.py")
_DOMAIN_CODE = ("exercise.py", "muscles.py", "catalogue.py")


def cached(
    folders: Sequence[Path], data_files: Sequence[Path], load: Callable[[], ExerciseLibrary]
) -> ExerciseLibrary:
    """`load()` once per distinct content of `folders` and `data_files`."""
    if not cache.enabled() or not all(f.is_dir() for f in folders):
        return load()
    here = Path(__file__).parent
    code = [here / name for name in _CODE] + [here.parent / "domain" / n for n in _DOMAIN_CODE]
    return cache.cached(
        "library", lambda: cache.digest(code, _parts(folders, data_files)), load, ExerciseLibrary
    )


def _parts(folders: Sequence[Path], data_files: Sequence[Path]) -> Iterator[bytes]:
    for path in data_files:
        yield path.name.encode()
        yield path.read_bytes()
    for folder in folders:
        yield str(folder.resolve()).encode()
        for path in sorted(folder.glob("*.toml")):
            yield path.name.encode()
            yield path.read_bytes()
