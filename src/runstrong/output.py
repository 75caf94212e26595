"""Writing results: to stdout for "-", else atomically (temporary file, then rename)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from runstrong.domain.errors import InputError


def write_output(target: str | Path, data: bytes) -> None:
    if str(target) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_atomically(Path(target), data)


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
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(str(path), "", f"cannot write ({exc.strerror})") from None
