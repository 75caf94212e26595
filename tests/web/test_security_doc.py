"""docs/security.md names the tests that cover each requirement: every one it names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# `test_x.py::test_name` names a file of tests/web and a test (`tests/.../test_x.py::test_name`
# one elsewhere); a following `::test_other` the same file.
NAMED = re.compile(r"`(?:((?:tests/(?:[a-z_]+/)*)?test_[a-z_]+\.py))?::(test_[a-z0-9_]+)`")


def test_every_test_the_security_document_names_exists() -> None:
    text = (ROOT / "docs" / "security.md").read_text("utf-8")
    named: list[tuple[str, str]] = []
    for line in text.splitlines():
        current = None
        for file, test in NAMED.findall(line):
            current = file or current
            assert current is not None, f"'::{test}' without its file: {line[:60]}"
            named.append((current, test))
    assert len(named) >= 30
    missing = [
        (file, test)
        for file, test in named
        if f"def {test}(" not in _test_file(file).read_text("utf-8")
    ]
    assert missing == []


def _test_file(name: str) -> Path:
    return ROOT / name if name.startswith("tests/") else ROOT / "tests" / "web" / name
