"""The validated library, cached (runstrong.cache), so that every command does not parse 120+
TOML files: parsing them is most of the library's load time (tomllib is pure Python).

The key covers runstrong's code, the citation and FIT tables, and every exercise file's name and
bytes in every folder, so an edit in the built-in data or in a coach's folder reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from runstrong import cache
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError
from runstrong.input_files import PROFILE_MAX_BYTES, read_input


def cached(
    folders: Sequence[Path],
    data_files: Sequence[Path],
    load: Callable[[], ExerciseLibrary],
    cache_dir: Path | None,
) -> ExerciseLibrary:
    """`load()` once per distinct content of `folders` and `data_files` (no `cache_dir`: every
    time)."""
    if cache_dir is None or not all(f.is_dir() for f in folders):
        return load()
    try:
        key = cache.digest(_parts(folders, data_files))
    except InputError:  # a file that cannot be read as one: the loader says which, one line each
        return load()
    return cache.cached(cache_dir, "library", lambda: key, load, ExerciseLibrary)


def _parts(folders: Sequence[Path], data_files: Sequence[Path]) -> Iterator[bytes]:
    for path in data_files:
        yield path.name.encode()
        yield path.read_bytes()
    for folder in folders:
        yield str(folder.resolve()).encode()
        for path in sorted(folder.glob("*.toml")):
            yield path.name.encode()
            yield read_input(path, PROFILE_MAX_BYTES)  # never a pipe or a device
