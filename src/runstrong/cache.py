"""A cache of validated inputs (the exercise library, runner profiles), so that a command run
again on the same files skips parsing and validating them, and never imports pydantic.

Each entry is a pickle named by a SHA-256 of everything its value depends on: the package version,
the build (pure Python or the mypyc-compiled domain, whose classes differ), the source of every
module of the runstrong package (`code_digest`: no hand-kept list of the modules that matter),
and the bytes of its input files. Any edit misses the cache and validates again; input with
errors is never cached. The folder is the caller's (runstrong.settings: the CLI reads
RUNSTRONG_CACHE_DIR and RUNSTRONG_NO_CACHE once at its start); None turns the cache off.

Safe under threads and processes: an entry is written to a temporary file of its own and renamed
into place, so a reader sees a whole entry or none, and two writers of one key write the same
value. A cache that cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

MAX_ENTRIES = 64  # per kind (library, profile): the least recently used go first

T = TypeVar("T")


def digest(parts: Iterable[bytes]) -> str:
    """The key of a value built by runstrong's code from `parts` (each named, so that moving
    bytes from one part to the next changes the key)."""
    h = hashlib.sha256(code_digest().encode())
    for part in parts:
        h.update(len(part).to_bytes(8, "big") + part)
    return h.hexdigest()[:32]


_CODE_DIGEST: list[str] = []
_CODE_LOCK = threading.Lock()


def code_digest() -> str:
    """A SHA-256 of the package version, the build and every .py file of the runstrong package
    (by path, size and modification time, as Python checks its own bytecode cache), computed
    once a process (about 0.3 ms). The compiled build ships the sources it was compiled from
    beside its modules, so they name its code too."""
    with _CODE_LOCK:
        if not _CODE_DIGEST:
            _CODE_DIGEST.append(package_digest(Path(__file__).parent))
        return _CODE_DIGEST[0]


def package_digest(root: Path) -> str:
    """The digest of the package in `root`: version, build, and each .py file's path, size and
    modification time in nanoseconds: an edit changes them, as Python's own bytecode cache
    assumes. (os.scandir, not pathlib and not the files' bytes: this runs at every
    command's start; reading and hashing every file took 1.3 ms of it.)"""
    from runstrong import __version__

    h = hashlib.sha256(f"{__version__}\0{build()}\0".encode())
    _digest_folder(h, str(root), len(str(root)) + 1)
    return h.hexdigest()


def _digest_folder(h: Any, folder: str, top: int) -> None:
    """Each .py file of `folder` and its subfolders (but __pycache__ and data) into `h`, in name
    order (os.scandir: its entries carry their paths, cheaper than os.walk's joins)."""
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda e: e.name)
    for entry in entries:
        if entry.name.endswith(".py") and entry.is_file():
            info = entry.stat()
            h.update(f"{entry.path[top:]}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    for entry in entries:
        if entry.name not in ("__pycache__", "data") and entry.is_dir():
            _digest_folder(h, entry.path, top)


def build() -> str:
    """ "pure" when runstrong.domain runs as Python source, "compiled" when it is the wheel's
    mypyc-compiled extension modules."""
    from runstrong.domain import plan

    return "pure" if plan.__file__ and plan.__file__.endswith(".py") else "compiled"


def cached(
    folder: Path | None, kind: str, key: Callable[[], str], load: Callable[[], T], expected: type[T]
) -> T:
    """`load()` once per key: later calls read the value back from `folder` (if it is still an
    `expected`); no folder, no cache. Anything wrong with the cache (unreadable code files for
    the key, a corrupt or foreign entry, a folder that cannot be written) only costs the time of
    `load()`."""
    if folder is None:
        return load()
    try:
        path = folder / f"{kind}-{key()}.pickle"
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
    a new one). An entry another thread or process removed first is skipped."""
    entries: list[tuple[int, Path]] = []
    for entry in folder.glob(f"{kind}-*.pickle"):
        with contextlib.suppress(OSError):
            entries.append((entry.stat().st_mtime_ns, entry))
    for _, old in sorted(entries)[:-MAX_ENTRIES]:
        with contextlib.suppress(OSError):
            old.unlink()


def _store(path: Path, value: object) -> None:
    """Write the entry to a temporary file of its own, then rename it into place (atomic)."""
    import tempfile  # only when an entry is written: a cached run never loads it (nor `random`)

    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            _Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


class _Pickler(pickle.Pickler):
    """Dataclasses are pickled as a call of their class with their fields, unless the class has
    its own `__reduce__` (Rules: its own `__init__` takes the values by name). The default,
    setting each attribute on an empty instance, fails for mypyc-compiled frozen dataclasses."""

    def reducer_override(self, obj: Any) -> Any:
        names = _init_fields(type(obj))
        if names is None:
            return NotImplemented
        return type(obj), tuple(getattr(obj, name) for name in names)


_INIT_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _init_fields(cls: type) -> tuple[str, ...] | None:
    """The fields a dataclass is made from, in order (None for any other class). Threads may
    compute one class's fields twice; they get the same answer."""
    if cls not in _INIT_FIELDS:
        is_dataclass = dataclasses.is_dataclass(cls) and "__reduce__" not in vars(cls)
        found = [f.name for f in dataclasses.fields(cls) if f.init] if is_dataclass else None
        _INIT_FIELDS[cls] = None if found is None else tuple(found)
    return _INIT_FIELDS[cls]
