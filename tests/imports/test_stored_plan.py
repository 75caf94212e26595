"""A stored plan read through the input cache: the same plan as read_plan gives, read back from
the cache the second time, never cached with an error, and read again for another library."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from builders import EXAMPLES, ok, run_in_process
from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError
from runstrong.imports.plan_json import read_plan
from runstrong.imports.stored_plan import read_stored_plan
from runstrong.library.loader import load_library


def alex_plan() -> bytes:
    args = (
        "--today",
        "2026-12-02",
        "plan",
        str(EXAMPLES / "alex-marathon.toml"),
        "--format",
        "json",
    )
    return ok(run_in_process(*args)).encode("utf-8")


def test_a_stored_plan_is_read_once_then_from_the_cache(tmp_path: Path) -> None:
    raw, library = alex_plan(), load_library()
    first = read_stored_plan(raw, library, where="plan", cache_dir=tmp_path)
    assert first == read_plan(raw, library, where="plan")
    (entry,) = tmp_path.glob("plan-*.pickle")
    entry.write_bytes(pickle.dumps(("from", "the cache")))  # what a hit would give back
    assert read_stored_plan(raw, library, where="plan", cache_dir=tmp_path) == ("from", "the cache")
    assert read_stored_plan(raw, library, where="plan", cache_dir=None) == first


def test_a_plan_with_an_error_is_never_cached(tmp_path: Path) -> None:
    data = json.loads(alex_plan())
    data["weeks"][0]["deload"] = "false"
    with pytest.raises(InputError, match=r"weeks\[1\]\.deload"):
        read_stored_plan(
            json.dumps(data).encode(), load_library(), where="plan", cache_dir=tmp_path
        )
    assert list(tmp_path.iterdir()) == []


def test_another_library_reads_the_plan_again(tmp_path: Path) -> None:
    """The key holds the library's slugs: a library without one of the plan's exercises is
    an error, never the plan cached for the full library."""
    raw, library = alex_plan(), load_library()
    read_stored_plan(raw, library, where="plan", cache_dir=tmp_path)
    slug = json.loads(raw)["weeks"][0]["sessions"][0]["exercises"][0]["slug"]
    smaller = ExerciseLibrary({ex.slug: ex for ex in library if ex.slug != slug}, library.citations)
    with pytest.raises(InputError, match=f"no exercise '{slug}'"):
        read_stored_plan(raw, smaller, where="plan", cache_dir=tmp_path)
