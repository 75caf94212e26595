"""Reading an input file safely: only a regular file, at most a given size, never blocking.

A path that names a folder, a named pipe (FIFO), a device or a socket, a symbolic link to one
(`/dev/zero`), or a file larger than its kind allows is one error line, read no further: a
profile can never hang a command or fill the memory. The file is opened without blocking (a FIFO
with no writer would wait for ever) and checked on the open descriptor, so what is read is what
was checked. A UTF-8 byte-order mark, which Windows editors write, is dropped.

Nesting is bounded too, before and after parsing (check_nesting, check_depth): arrays and
tables deeper than MAX_NESTING are one error line, never a parser's RecursionError.
"""

from __future__ import annotations

import os
import re
import stat
from itertools import accumulate
from pathlib import Path
from typing import Any

from runstrong.domain.errors import InputError

PROFILE_MAX_BYTES = 1_000_000  # a profile, a workout or an exercise file: 1 MB
SAVED_PLAN_MAX_BYTES = 20_000_000  # a saved plan: 20 MB (a 104-week plan is about 2 MB)
UTF8_BOM = b"\xef\xbb\xbf"
STDIN_NAME = "stdin"  # what error lines call standard input
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


def read_stdin(max_bytes: int) -> bytes:
    """Standard input's bytes, at most `max_bytes` of them (read to its end: a pipe, a file or a
    terminal until Ctrl-D), without a leading UTF-8 byte-order mark."""
    import sys

    where = STDIN_NAME
    try:
        data = _read_at_most(sys.stdin.fileno(), max_bytes + 1)
    except (OSError, ValueError) as exc:  # closed, or not a file descriptor
        raise InputError(where, "", f"cannot be read ({exc})") from None
    if len(data) > max_bytes:
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
    return f"{n / 1_000_000:.1f} MB".replace(".0 MB", " MB") if n >= 1_000_000 else f"{n:,} bytes"


def parse_toml(raw: bytes, where: str) -> dict[str, Any]:
    """TOML bytes as data, or one InputError: not UTF-8, not TOML, or nested too deep."""
    import tomllib

    check_nesting(raw, where, json=False)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(where, "", f"is not valid TOML ({exc})") from None
    except ValueError:  # an integer of more digits than Python converts
        raise InputError(where, "", TOO_MANY_DIGITS) from None
    except RecursionError:  # nesting check_nesting missed: still one line
        raise too_deep(where) from None
    if raw.count(b"[") + raw.count(b"{") + raw.count(b".") >= MAX_NESTING:
        check_depth(data, where)  # dotted keys (a.b.c = 1) may nest deeper than brackets
    return data


def parse_json(raw: bytes, where: str) -> Any:
    """JSON bytes as data, or one InputError: not UTF-8 JSON, or nested too deep."""
    import json

    check_nesting(raw, where, json=True)
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(where, "", f"is not valid JSON ({exc})") from None
    except ValueError:  # an integer of more digits than Python converts
        raise InputError(where, "", TOO_MANY_DIGITS) from None
    except RecursionError:
        raise too_deep(where) from None


TOO_MANY_DIGITS = "holds a number of more than 4,300 digits"
MAX_NESTING = 64  # arrays and tables (objects) inside one another: a profile needs 4
_OPENERS_AND_CLOSERS = b"[]{}"
_NOT_BRACKETS = bytes(b for b in range(256) if b not in _OPENERS_AND_CLOSERS)
_BRACKET_STEP = [0] * 256
_BRACKET_STEP[ord("[")] = _BRACKET_STEP[ord("{")] = 1
_BRACKET_STEP[ord("]")] = _BRACKET_STEP[ord("}")] = -1
# What may hold a bracket that does not nest: strings (and TOML's comments), which are cut out
# before the brackets are counted. TOML's multi-line strings may end in up to two more quotes.
# Compiled when first needed: most inputs have too few brackets to need them.
_JSON_STRINGS = rb'"(?:[^"\\]|\\.)*"'
_TOML_STRINGS = (
    rb'"""(?:[^\\]|\\.)*?"""(?:"{1,2})?'
    rb"|'''.*?'''(?:'{1,2})?"
    rb'|"(?:[^"\\\n]|\\.)*"'
    rb"|'[^'\n]*'"
    rb"|#[^\n]*"
)


def check_nesting(raw: bytes, where: str, *, json: bool) -> None:
    """An InputError if the JSON (`json`) or TOML text `raw` nests arrays and tables deeper than
    MAX_NESTING, counted before it is parsed: brackets outside strings and comments, an opener
    one deeper, a closer one less (unclosed openers count: a parser goes as deep)."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_NESTING:
        return  # too few to nest that deep: the usual profile stops here
    text = re.sub(_JSON_STRINGS if json else _TOML_STRINGS, b"", raw, flags=re.DOTALL)
    brackets = text.translate(None, _NOT_BRACKETS)
    if brackets and max(accumulate(map(_BRACKET_STEP.__getitem__, brackets))) > MAX_NESTING:
        raise too_deep(where)


def check_depth(data: object, where: str) -> None:
    """An InputError if parsed `data` nests lists and dicts deeper than MAX_NESTING (TOML's
    dotted keys, a.b.c = 1, nest tables without a bracket)."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        for child in item.values() if isinstance(item, dict) else item:  # type: ignore[attr-defined]
            if isinstance(child, dict | list):
                if depth >= MAX_NESTING:
                    raise too_deep(where)
                stack.append((child, depth + 1))


def too_deep(where: str) -> InputError:
    return InputError(where, "", f"nests arrays or tables more than {MAX_NESTING} deep")
