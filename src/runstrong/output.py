"""Writing results: to stdout for "-", else atomically (temporary file, then rename)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from runstrong.domain.errors import InputError


def write_output(target: str | Path, data: bytes) -> None:
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
    write_atomically(Path(target), data)


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_FILE_MODE = 0o666


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(str(path), "", f"cannot write: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(str(path), "", f"cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, _FILE_MODE & ~_umask())  # mkstemp makes 0600; a user's files are 0644
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(str(path), "", f"cannot write ({exc.strerror})") from None


def check_folder(folder: Path) -> None:
    """Fail early (before any work) when `folder` cannot be an output folder."""
    if folder.exists() and not folder.is_dir():
        raise InputError(str(folder), "", "is a file, not a folder")
    if not folder.exists() and str(folder.parent) and not folder.parent.is_dir():
        raise InputError(
            str(folder), "", f"cannot write: the folder {folder.parent} does not exist"
        )


def check_targets(folder: Path, names: Iterable[str]) -> None:
    """Fail before writing anything when one of the files under `folder` cannot be written:
    a target that is an existing folder, or a sub-folder in its way that is a file."""
    check_folder(folder)
    for name in sorted(names):
        target = folder / name
        if target.is_dir():
            raise InputError(
                str(target), "", "is a folder, not a file (move it away or write elsewhere)"
            )
        for parent in reversed(target.relative_to(folder).parents):
            if (folder / parent).exists() and not (folder / parent).is_dir():
                raise InputError(str(folder / parent), "", "is a file, not a folder")
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(str(existing), "", "cannot write here (permission denied)")


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Write every file under `folder` (created if its parent exists), each atomically.

    All bytes are ready, and every target checked, before the first write, so a bad input or a
    folder in the way never leaves half an export.
    """
    check_targets(folder, files)
    try:
        for name in {str(Path(n).parent) for n in files} | {"."}:
            (folder / name).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(str(folder), "", f"cannot create the folder ({exc.strerror})") from None
    for name, data in sorted(files.items()):
        write_atomically(folder / name, data)
