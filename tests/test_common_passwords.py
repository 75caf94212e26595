"""The list of common and leaked passwords (ASVS 2.1.7): zxcvbn's own list, every entry found
through the file a child process writes and the worker maps, no other string found; the forms
of a password that are looked up; a web worker never importing zxcvbn."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from builders import ROOT
from runstrong.common_passwords import COMMON_LIST_NAME, forms, is_common, list_file


def zxcvbn_passwords() -> list[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return list(FREQUENCY_LISTS["passwords"])


def test_every_password_of_zxcvbns_list_is_common_and_other_strings_are_not(
    tmp_path: Path,
) -> None:
    listed = zxcvbn_passwords()
    assert len(listed) == 30_000  # zxcvbn 4.5.0's list of leaked passwords
    assert all(is_common(word, tmp_path) for word in listed)
    assert all(is_common(word.upper(), tmp_path) for word in listed[:500])  # case-folded
    known = set(listed)
    others = [w + "zq" for w in listed[:2000]] + [
        "correct horse battery",
        "é" * 12,
        "\U0001f3c3" * 12,
    ]
    assert not known & set(others)
    assert not any(is_common(word, tmp_path) for word in others)


def test_the_file_is_named_by_zxcvbns_version_sorted_and_written_once(tmp_path: Path) -> None:
    path = list_file(tmp_path)
    assert path == tmp_path / COMMON_LIST_NAME.format(version=version("zxcvbn"))
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b""  # every entry ends with a newline
    assert lines[:-1] == sorted(set(lines[:-1]))
    assert {w.decode() for w in lines[:-1]} == {w.casefold() for w in zxcvbn_passwords()}
    made = path.stat().st_mtime_ns
    assert list_file(tmp_path).stat().st_mtime_ns == made  # not written again


@pytest.mark.parametrize(
    ("password", "looked_up"),
    [
        ("Password2024!", {"password2024!", "password"}),
        ("qwertyqwerty", {"qwertyqwerty", "qwerty"}),
        ("2024 abcabc 2024", {"2024 abcabc 2024", "abcabc", "abc"}),
        ("!!!!!!!!!!!!", {"!!!!!!!!!!!!", "!"}),
    ],
)
def test_a_password_is_looked_up_with_its_core_and_repeated_unit(
    password: str, looked_up: set[str]
) -> None:
    assert forms(password) == looked_up


@pytest.mark.parametrize(
    "password", ["Password2024!", "QWERTYQWERTY", "iloveyou1234", "dragondragon!!", "1qaz2wsx3edc"]
)
def test_a_common_password_padded_or_repeated_is_common(tmp_path: Path, password: str) -> None:
    assert is_common(password, tmp_path)


@pytest.mark.parametrize(
    "password", ["correct horse battery", "two workers, one port", "a longer new passphrase"]
)
def test_passphrases_of_uncommon_words_are_not_common(tmp_path: Path, password: str) -> None:
    assert not is_common(password, tmp_path)


CHECKED = """
import sys
from pathlib import Path
from runstrong.web.app import create_app
from runstrong.web.config import WebConfig

def rss_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])

folder = Path(sys.argv[1])
app = create_app(WebConfig(database_url=f"sqlite:///{folder / 'w.sqlite3'}"))
before = rss_kib()
from runstrong.common_passwords import is_common

words = ("Password2024!", "correct horse battery", *(f"runner{n:06}" for n in range(1000)))
found = [is_common(p, folder) for p in words][:2]
print(found, "zxcvbn" in sys.modules, rss_kib() - before)
"""
CHECK_RSS_MAX_KIB = 1024  # what checking passwords may add to a worker (zxcvbn: about 13 MB)


def test_a_worker_checks_passwords_without_importing_zxcvbn(tmp_path: Path) -> None:
    ran = subprocess.run(
        [sys.executable, "-c", CHECKED, str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    found, imported, grown = ran.stdout.rsplit(" ", 2)
    assert (found, imported) == ("[True, False]", "False")
    assert int(grown) <= CHECK_RSS_MAX_KIB


def test_a_cache_folder_that_cannot_be_written_gives_way_to_the_processs_own(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    path = list_file(blocked / "cache")
    assert not path.is_relative_to(tmp_path)
    assert is_common("Password2024!", blocked / "cache")
