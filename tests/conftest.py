"""Shared test helpers. Builders, not global fixtures: each test says what it needs."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def _input_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("input-cache"))


@pytest.fixture(autouse=True)
def _no_extra_exercise_dirs(monkeypatch: pytest.MonkeyPatch, _input_cache_dir: str) -> None:
    """Tests see only the built-in library unless they set RUNSTRONG_EXERCISES themselves, and
    cache validated inputs in a folder of their own, never the user's."""
    monkeypatch.delenv("RUNSTRONG_EXERCISES", raising=False)
    monkeypatch.delenv("RUNSTRONG_NO_CACHE", raising=False)
    monkeypatch.setenv("RUNSTRONG_CACHE_DIR", _input_cache_dir)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output instead of comparing.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
