"""Writing results: to stdout for "-", else to a file.

A regular file (new or not) is written atomically: a temporary file in its folder, then a rename
over it; through a symbolic link, the link stays and the file it points to is replaced so. Anything
else (a character or block device such as /dev/null, a named pipe) is written through, opened
and written like `>` does in a shell: a rename would put a regular file in its place.

Missing output folders are created, like `mkdir -p`, only once every target has been checked and
right before the first write; a write that fails removes the folders it created."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from itertools import takewhile
from pathlib import Path

from runstrong.domain.errors import InputError


def write_output(target: str | Path, data: bytes) -> None:
    """Write `data` to stdout ("-") or to the file `target`, making its missing folders."""
    if str(target) == "-":
        if sys.stdout.isatty() and not _is_text(data):
            raise InputError(
                "-o -",
                "",
                "will not write a binary file (PDF, PNG, FIT) to the terminal: "
                "give a file name, or pipe the output",
            )
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    check_file(path)
    if writes_through(path):
        write_through(path, data)
        return
    destination = _destination(path)
    created = _make_folders([destination.parent], path)
    try:
        write_atomically(destination, data)
    except InputError:
        _remove_folders(created)
        raise


def _destination(path: Path) -> Path:
    """The file a write to `path` replaces: the file a symbolic link points to, else `path`."""
    try:
        return path.resolve() if path.is_symlink() else path
    except (OSError, RuntimeError):  # a loop of links: replaced like a file
        return path


def writes_through(path: Path) -> bool:
    """Whether `path` (through any symbolic links) is something other than a regular file or a
    folder: a device or a pipe is written in place, never replaced."""
    try:
        mode = path.stat().st_mode
    except OSError:  # nothing there yet (or a link to nothing): a new regular file
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_through(path: Path, data: bytes) -> None:
    """Write `data` into what `path` is (a device, a pipe), as `cat > path` does."""
    try:
        with path.open("wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise InputError(str(path), "", f"cannot write ({exc.strerror})") from None


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_FILE_MODE = 0o666  # less the user's umask, which the system applies: 0644 for most
_TEMPORARY_NAME_TRIES = 100
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def write_atomically(path: Path, data: bytes) -> None:
    """Write `path` in its folder, which must exist: into a new temporary file beside it, then
    renamed over it. The temporary file is made with the user's umask applied by the system
    (never by changing the process's umask, which other threads share), under a random name,
    created exclusively (no tempfile module: it loads `random` at every command's start)."""
    folder = path.parent if str(path.parent) else Path(".")
    for _ in range(_TEMPORARY_NAME_TRIES):
        tmp = folder / f".{path.name}.{os.urandom(6).hex()}.tmp"
        try:
            fd = os.open(tmp, _CREATE, _FILE_MODE)
        except FileExistsError:
            continue
        except OSError as exc:
            raise InputError(str(path), "", f"cannot write here ({exc.strerror})") from None
        break
    else:
        raise InputError(str(path), "", "cannot write here (no free temporary file name)")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(str(path), "", f"cannot write ({exc.strerror})") from None


def _missing(folder: Path) -> list[Path]:
    """`folder` and those of its ancestors that do not exist yet, outermost first."""
    missing = list(takewhile(lambda p: not p.exists(), (folder, *folder.parents)))
    return missing[::-1]


@contextmanager
def _path_errors() -> Iterator[None]:
    """A path the system refuses to look at (a name too long, ...) is one error line."""
    try:
        yield
    except OSError as exc:
        raise InputError(str(exc.filename), "", f"cannot write here ({exc.strerror})") from None


def check_folder(folder: Path) -> None:
    """Fail early (before any work) when `folder` cannot be, or be made, an output folder:
    it or an ancestor is a file, or the nearest existing one is not writable."""
    with _path_errors():
        existing = next(p for p in (folder, *folder.parents) if p.exists())
        is_folder = existing.is_dir()
    if existing == folder and not is_folder:
        raise InputError(str(folder), "", "is a file, not a folder")
    if not is_folder:
        raise InputError(
            str(folder), "", f"cannot create the folder: {existing} is a file, not a folder"
        )
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(str(existing), "", "cannot write here (permission denied)")


def check_targets(folder: Path, names: Iterable[str]) -> None:
    """Fail before writing anything when one of the files under `folder` cannot be written:
    a target that is an existing folder, or a sub-folder in its way that is a file."""
    check_folder(folder)
    for name in sorted(names):
        target = folder / name
        with _path_errors():
            if target.is_dir():
                raise InputError(
                    str(target), "", "is a folder, not a file (move it away or write elsewhere)"
                )
            for parent in reversed(target.relative_to(folder).parents):
                if (folder / parent).exists() and not (folder / parent).is_dir():
                    raise InputError(str(folder / parent), "", "is a file, not a folder")


def check_file(path: Path) -> None:
    """Fail early (before any work) when the file `path` cannot be written ("-" is stdout): a
    device or pipe needs write permission on itself, a file (or the file a link points to)
    a folder it can be written in."""
    if str(path) == "-":
        return
    with _path_errors():
        through = writes_through(path)
    if through:
        if not os.access(path, os.W_OK):
            raise InputError(str(path), "", "cannot write here (permission denied)")
        return
    destination = _destination(path)
    check_targets(destination.parent, [destination.name])


def _make_folders(folders: Iterable[Path], where: Path) -> list[Path]:
    """Create the missing `folders` and their missing parents (`mkdir -p`); return what was
    created, outermost first. If one cannot be created, none is left behind."""
    created: list[Path] = []
    for folder in folders:
        for missing in _missing(folder):
            try:
                missing.mkdir()
            except OSError as exc:
                _remove_folders(created)
                which = "" if missing == where else f" {missing}"
                raise InputError(
                    str(where), "", f"cannot create the folder{which} ({exc.strerror})"
                ) from None
            created.append(missing)
    return created


def _remove_folders(created: list[Path]) -> None:
    """Undo `_make_folders`: remove the folders it created, innermost first, if still empty."""
    for folder in reversed(created):
        with suppress(OSError):
            folder.rmdir()


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Write every file under `folder` (created with its missing parents), each atomically.

    All bytes are ready, and every target checked, before the first folder is created or file
    written, so a bad input or a folder in the way never leaves half an export. Should a write
    still fail, the files and folders this call added are removed again (a file it replaced
    keeps its new content).
    """
    check_targets(folder, files)
    subfolders = sorted({folder / Path(n).parent for n in files} | {folder})
    created = _make_folders(subfolders, folder)
    added: list[Path] = []
    try:
        for name, data in sorted(files.items()):
            target = folder / name
            if writes_through(target):
                write_through(target, data)
                continue
            is_new = not os.path.lexists(target)
            write_atomically(_destination(target), data)
            if is_new:
                added.append(target)
    except InputError:
        for path in added:
            path.unlink(missing_ok=True)
        _remove_folders(created)
        raise
