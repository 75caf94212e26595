"""docs/security.md names the tests that cover each requirement: every one it names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# `test_x.py::test_name` names a file and a test; a following `::test_other` the same file.
NAMED = re.compile(r"`(?:(test_[a-z_]+\.py))?::(test_[a-z0-9_]+)`")


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
        if f"def {test}(" not in (ROOT / "tests" / "web" / file).read_text("utf-8")
    ]
    assert missing == []
