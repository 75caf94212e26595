"""Reading an input file safely: only a regular file, at most a given size, never blocking.

A path that names a folder, a named pipe (FIFO), a device or a socket, a symbolic link to one
(`/dev/zero`), or a file larger than its kind allows is one error line, read no further: a
profile can never hang a command or fill the memory. The file is opened without blocking (a FIFO
with no writer would wait for ever) and checked on the open descriptor, so what is read is what
was checked. A UTF-8 byte-order mark, which Windows editors write, is dropped.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from runstrong.domain.errors import InputError

PROFILE_MAX_BYTES = 1_000_000  # a profile, a workout or an exercise file: 1 MB
SAVED_PLAN_MAX_BYTES = 20_000_000  # a saved plan: 20 MB (a 104-week plan is about 2 MB)
UTF8_BOM = b"\xef\xbb\xbf"
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK_BYTES = 1 << 20


def read_input(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file `path`, at most `max_bytes` of them, without a leading
    UTF-8 byte-order mark."""
    where = str(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise InputError(where, "", f"cannot be read ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(where, "", f"is {_kind(info.st_mode)}, not a file to read")
        if info.st_size > max_bytes:
            raise InputError(where, "", f"is {_size(info.st_size)}, more than {_size(max_bytes)}")
        data = _read_at_most(fd, max_bytes + 1)
    except OSError as exc:
        raise InputError(where, "", f"cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grown since it was checked
        raise InputError(where, "", f"is more than {_size(max_bytes)}")
    return data.removeprefix(UTF8_BOM)


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    got = 0
    while got < limit:
        chunk = os.read(fd, min(_CHUNK_BYTES, limit - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _size(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n:,} bytes"
