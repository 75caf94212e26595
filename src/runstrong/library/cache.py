"""A cache of the validated library, so that every command does not parse 120+ TOML files.

Parsing the files is most of the library's load time (tomllib is pure Python). The cache key is a
SHA-256 of the package version, the library code and every data file's name and bytes, so any
edit, in the built-in data or in a coach's folder, misses the cache and reloads; a library with
errors is never cached. Where: RUNSTRONG_CACHE_DIR, else $XDG_CACHE_HOME/runstrong, else
~/.cache/runstrong. RUNSTRONG_NO_CACHE=1 turns it off. A cache that cannot be read or written is
ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from runstrong.domain.catalogue import ExerciseLibrary

CACHE_DIR_ENV = "RUNSTRONG_CACHE_DIR"
NO_CACHE_ENV = "RUNSTRONG_NO_CACHE"
_CODE = ("schema.py", "loader.py", "cache.py", "fit_profile.py")
_DOMAIN_CODE = ("exercise.py", "muscles.py", "catalogue.py")


def cached(
    folders: Sequence[Path], data_files: Sequence[Path], load: Callable[[], ExerciseLibrary]
) -> ExerciseLibrary:
    """`load()` once per distinct content of `folders` and `data_files`."""
    if os.environ.get(NO_CACHE_ENV) or not all(f.is_dir() for f in folders):
        return load()
    path = cache_dir() / f"library-{_key(folders, data_files)}.pickle"
    try:
        with path.open("rb") as fh:
            library = pickle.load(fh)
        if isinstance(library, ExerciseLibrary):
            return library
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError):
        pass
    library = load()
    _store(path, library)
    return library


def cache_dir() -> Path:
    if explicit := os.environ.get(CACHE_DIR_ENV):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "runstrong"


def _key(folders: Sequence[Path], data_files: Sequence[Path]) -> str:
    from runstrong import __version__

    digest = hashlib.sha256(__version__.encode())
    here = Path(__file__).parent
    domain = here.parent / "domain"
    code = [here / name for name in _CODE] + [domain / name for name in _DOMAIN_CODE]
    for path in [*code, *data_files]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for folder in folders:
        digest.update(str(folder.resolve()).encode() + b"\0")
        for path in sorted(folder.glob("*.toml")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:32]


def _store(path: Path, library: ExerciseLibrary) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".library-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(library, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
