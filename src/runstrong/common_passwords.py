"""Whether a password is a common or leaked one (OWASP ASVS 4.0.3 2.1.7), offline.

The list is zxcvbn's `passwords` frequency list (the 30,000 most common passwords of leaked
password sets), which that package ships. Importing zxcvbn costs a web worker about 13 MB of
RSS (its lists are one Python module of 0.8 MB of strings), so the worker never imports it: a
short-lived child process (`python -m runstrong.common_passwords FILE`) writes the list once,
case-folded, one entry a line, sorted by its UTF-8 bytes, into the cache folder under a name
that carries zxcvbn's version; the worker maps that file (mmap) and looks a password up by a
binary search, touching a few pages of it (COMMON_LIST_NAME).

A password is common when, case-folded, it is on the list, or its core is (the password
without the digits, punctuation and spaces at its ends: `Password2024!`), or it is one string
repeated (`qwertyqwerty`) whose unit is.
"""

from __future__ import annotations

import mmap
import string
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

LIST_PACKAGE = "zxcvbn"  # whose frequency list is read; its version names the file
LIST_NAME = "passwords"  # the frequency list of leaked passwords (zxcvbn's key)
COMMON_LIST_NAME = "common-passwords-zxcvbn-{version}.txt"
BUILD_TIMEOUT_S = 60  # the child process that writes the file (about 0.1 s here)
_PADDING = string.digits + string.punctuation + string.whitespace

_lock = threading.Lock()
_maps: dict[Path, mmap.mmap] = {}
_list_version: list[str] = []
_private_folder: list[Path] = []  # without a cache folder: one of this process, made once


def is_common(password: str, cache_dir: Path | None) -> bool:
    """Whether the password, or its core or repeated unit, is on the list of common passwords
    (module docstring). The list's file is written on first use if it is missing."""
    found = _mapped(list_file(cache_dir))
    return any(_contains(found, word.encode("utf-8", "surrogatepass")) for word in forms(password))


def forms(password: str) -> set[str]:
    """The strings of a password that are looked up: itself case-folded, its core without the
    digits, punctuation and spaces at its ends, and the unit of either when it is one string
    repeated."""
    folded = password.casefold()
    found = {folded, folded.strip(_PADDING)}
    found |= {_unit(word) for word in found}
    return {word for word in found if word}


def list_file(cache_dir: Path | None) -> Path:
    """The file of the list for the installed zxcvbn, written now (by a child process) if it
    is missing; in `cache_dir`, else (none, or one it cannot write) in a folder of this
    process's own."""
    folder = cache_dir if cache_dir is not None else _private()
    path = folder / COMMON_LIST_NAME.format(version=_version())
    if path not in _maps and not path.is_file():
        with _lock:
            try:
                if not path.is_file():
                    folder.mkdir(parents=True, exist_ok=True)
                    _write_in_child(path)
            except (OSError, subprocess.CalledProcessError):
                if cache_dir is None:
                    raise
                unwritable = True
            else:
                unwritable = False
        if unwritable:  # a cache folder it cannot write: a folder of its own (lock let go)
            return list_file(None)
    return path


def _write_in_child(path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", __name__, str(path)],
        check=True,
        timeout=BUILD_TIMEOUT_S,
        capture_output=True,
    )


def write_list(path: Path) -> int:
    """Write the list's file (in the child process): a temporary file renamed, so readers
    never see half of it. Gives the number of entries."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    entries = sorted({w.casefold().encode("utf-8") for w in FREQUENCY_LISTS[LIST_NAME] if w})
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as out:
        out.write(b"".join(entry + b"\n" for entry in entries))
    Path(out.name).replace(path)
    return len(entries)


def _unit(word: str) -> str:
    """The shortest string `word` repeats (`abcabc` -> `abc`), else `word`."""
    size = len(word)
    for length in range(1, size // 2 + 1):
        if size % length == 0 and word[:length] * (size // length) == word:
            return word[:length]
    return word


def _contains(lines: mmap.mmap, word: bytes) -> bool:
    """Whether `word` is a line of the sorted file mapped in `lines`: a binary search between
    line starts `low` and `high` (the file ends with a newline)."""
    low, high = 0, len(lines)
    while low < high:
        start = lines.rfind(b"\n", low, (low + high) // 2) + 1 or low
        end = lines.find(b"\n", start)
        line = lines[start:end]
        if line == word:
            return True
        if line < word:
            low = end + 1
        else:
            high = start
    return False


def _mapped(path: Path) -> mmap.mmap:
    found = _maps.get(path)
    if found is None:
        with path.open("rb") as file:
            found = _maps.setdefault(path, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))
    return found


def _version() -> str:
    """The installed zxcvbn's version (read from its metadata once; zxcvbn is not imported)."""
    if not _list_version:
        from importlib.metadata import version

        _list_version.append(version(LIST_PACKAGE))
    return _list_version[0]


def _private() -> Path:
    with _lock:
        if not _private_folder:
            _private_folder.append(Path(tempfile.mkdtemp(prefix="runstrong-passwords-")))
    return _private_folder[0]


if __name__ == "__main__":
    write_list(Path(sys.argv[1]))
