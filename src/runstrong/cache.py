"""A cache of validated inputs (the exercise library, runner profiles), so that a command run
again on the same files skips parsing and validating them, and never imports pydantic.

Each entry is a pickle named by a SHA-256 of everything its value depends on: the package
version, the build (pure Python or the mypyc-compiled domain, whose classes differ), the code that
builds it, and the bytes of its input files. Any edit misses the cache and
validates again; input with errors is never cached. Where: RUNSTRONG_CACHE_DIR, else
$XDG_CACHE_HOME/runstrong, else ~/.cache/runstrong. RUNSTRONG_NO_CACHE=1 turns it off. A cache
that cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

CACHE_DIR_ENV = "RUNSTRONG_CACHE_DIR"
NO_CACHE_ENV = "RUNSTRONG_NO_CACHE"
MAX_ENTRIES = 64  # per kind (library, profile): the least recently used go first

T = TypeVar("T")


def enabled() -> bool:
    return not os.environ.get(NO_CACHE_ENV)


def cache_dir() -> Path:
    if explicit := os.environ.get(CACHE_DIR_ENV):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "runstrong"


def digest(code: Iterable[Path], parts: Iterable[bytes]) -> str:
    """The key of a value built by the `code` files from `parts` (each named, so that moving
    bytes from one part to the next changes the key)."""
    from runstrong import __version__

    h = hashlib.sha256(__version__.encode() + b"\0" + build().encode())
    for path in code:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for part in parts:
        h.update(len(part).to_bytes(8, "big") + part)
    return h.hexdigest()[:32]


def build() -> str:
    """ "pure" when runstrong.domain runs as Python source, "compiled" when it is the wheel's
    mypyc-compiled extension modules."""
    from runstrong.domain import plan

    return "pure" if plan.__file__ and plan.__file__.endswith(".py") else "compiled"


def cached(kind: str, key: Callable[[], str], load: Callable[[], T], expected: type[T]) -> T:
    """`load()` once per key: later calls read the value back (if it is still an `expected`).
    Anything wrong with the cache (unreadable code files for the key, a corrupt or foreign
    entry, a folder that cannot be written) only costs the time of `load()`."""
    if not enabled():
        return load()
    try:
        path = cache_dir() / f"{kind}-{key()}.pickle"
    except OSError:
        return load()
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)
        if isinstance(value, expected):
            _touch(path)
            return value
    except Exception:
        pass
    value = load()
    _store(path, value)
    _prune(path.parent, kind)
    return value


def _touch(path: Path) -> None:
    """Mark an entry as used, so pruning keeps it."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _prune(folder: Path, kind: str) -> None:
    """Keep the MAX_ENTRIES most recently used entries of a kind (every edit of a profile makes
    a new one)."""
    try:
        entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-MAX_ENTRIES]:
            old.unlink()
    except OSError:
        pass


def _store(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            _Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        os.replace(tmp, path)
    except OSError:
        pass


class _Pickler(pickle.Pickler):
    """Dataclasses are pickled as a call of their class with their fields. The default, setting
    each attribute on an empty instance, fails for mypyc-compiled frozen dataclasses."""

    def reducer_override(self, obj: Any) -> Any:
        names = _init_fields(type(obj))
        if names is None:
            return NotImplemented
        return type(obj), tuple(getattr(obj, name) for name in names)


_INIT_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _init_fields(cls: type) -> tuple[str, ...] | None:
    """The fields a dataclass is made from, in order (None for any other class)."""
    if cls not in _INIT_FIELDS:
        is_dataclass = dataclasses.is_dataclass(cls)
        found = [f.name for f in dataclasses.fields(cls) if f.init] if is_dataclass else None
        _INIT_FIELDS[cls] = None if found is None else tuple(found)
    return _INIT_FIELDS[cls]
