"""The caches of validated inputs (library, profiles) save time and never serve stale or invalid
data."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from builders import ROOT, library
from runstrong import cache
from runstrong.domain.errors import InputErrors
from runstrong.library.loader import load_library
from runstrong.profile import load_profile

SIDE_PLANK = ROOT / "src/runstrong/library/data/exercises/side_plank.toml"


def test_a_second_load_comes_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RUNSTRONG_CACHE_DIR", str(tmp_path / "cache"))
    first = load_library()
    assert len(list((tmp_path / "cache").glob("library-*.pickle"))) == 1
    assert load_library() == first


def test_an_edited_coach_file_is_reloaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUNSTRONG_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "side_plank.toml").write_text(SIDE_PLANK.read_text("utf-8"), "utf-8")
    assert load_library([folder]).get("side_plank").name == "Side plank"
    text = SIDE_PLANK.read_text("utf-8").replace('name = "Side plank"', 'name = "Side bridge"')
    (folder / "side_plank.toml").write_text(text, "utf-8")
    assert load_library([folder]).get("side_plank").name == "Side bridge"


def test_a_broken_file_is_reported_even_after_a_good_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RUNSTRONG_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "side_plank.toml").write_text(SIDE_PLANK.read_text("utf-8"), "utf-8")
    load_library([folder])
    (folder / "side_plank.toml").write_text("slug = \n", "utf-8")
    with pytest.raises(InputErrors):
        load_library([folder])


def test_an_unwritable_cache_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    monkeypatch.setenv("RUNSTRONG_CACHE_DIR", str(blocker))
    assert len(load_library()) >= 100


# -- profiles ---------------------------------------------------------------------------------
ALEX = ROOT / "examples/alex-marathon.toml"


def write_profile(folder: Path, text: str) -> Path:
    path = folder / "runner.toml"
    path.write_text(text, "utf-8")
    return path


def test_a_profile_is_validated_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUNSTRONG_CACHE_DIR", str(tmp_path / "cache"))
    path = write_profile(tmp_path, ALEX.read_text("utf-8"))
    first = load_profile(path, library())
    assert len(list((tmp_path / "cache").glob("profile-*.pickle"))) == 1
    assert load_profile(path, library()) == first
    assert first.athlete.name == "Alex"


def test_an_edited_profile_is_validated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RUNSTRONG_CACHE_DIR", str(tmp_path / "cache"))
    text = ALEX.read_text("utf-8")
    path = write_profile(tmp_path, text)
    load_profile(path, library())
    write_profile(tmp_path, text.replace('name = "Alex"', 'name = "Alexa"'))
    assert load_profile(path, library()).athlete.name == "Alexa"
    write_profile(tmp_path, text.replace("session_minutes = 45", "session_minutes = 4500"))
    with pytest.raises(InputErrors, match="session_minutes"):
        load_profile(path, library())


def test_a_profile_max_for_a_coach_exercise_needs_the_coach_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same profile bytes are valid with one library and not with another."""
    monkeypatch.setenv("RUNSTRONG_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "mine"
    folder.mkdir()
    plank = SIDE_PLANK.read_text("utf-8").replace('slug = "side_plank"', 'slug = "coach_plank"')
    (folder / "coach_plank.toml").write_text(plank, "utf-8")
    text = ALEX.read_text("utf-8").replace(
        "one_rep_max_kg = {", "one_rep_max_kg = { coach_plank = 20, "
    )
    path = write_profile(tmp_path, text)
    assert load_profile(path, load_library([folder])).athlete.one_rep_max_kg["coach_plank"] == 20
    with pytest.raises(InputErrors, match="coach_plank"):
        load_profile(path, library())


def test_a_second_plan_from_the_same_profile_does_not_import_pydantic(tmp_path: Path) -> None:
    """Validation is what needs pydantic (and most of the start-up time): a profile and library
    seen before come from the cache."""
    env = {**os.environ, "RUNSTRONG_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-X", "importtime", "-m", "runstrong", "plan", str(ALEX)]
    command += ["--format", "json"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    again = subprocess.run(command, capture_output=True, text=True, env=env, check=True)

    def imported(run: subprocess.CompletedProcess[str]) -> set[str]:
        return {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines()}

    assert "pydantic" in imported(first)
    assert "pydantic" not in imported(again)
    assert again.stdout == first.stdout


def test_the_cache_keeps_the_most_recently_used_profiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RUNSTRONG_CACHE_DIR", str(tmp_path / "cache"))
    text = ALEX.read_text("utf-8")
    path = write_profile(tmp_path, text)
    first = load_profile(path, library())
    for i in range(cache.MAX_ENTRIES + 5):
        write_profile(tmp_path, f"{text}\n# edit {i}\n")
        load_profile(path, library())
        if i % 10 == 0:  # the first profile is used again now and then
            write_profile(tmp_path, text)
            assert load_profile(path, library()) == first
    entries = list((tmp_path / "cache").glob("profile-*.pickle"))
    assert len(entries) == cache.MAX_ENTRIES
    pickled = [pickle.loads(p.read_bytes()) for p in entries]
    assert first in pickled


@pytest.mark.parametrize("garbage", [b"", b"\x80\x04\x95garbage", b"not a pickle at all" * 50])
def test_a_corrupt_cache_entry_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, garbage: bytes
) -> None:
    monkeypatch.setenv("RUNSTRONG_CACHE_DIR", str(tmp_path / "cache"))
    path = write_profile(tmp_path, ALEX.read_text("utf-8"))
    first = load_profile(path, library())
    for entry in (tmp_path / "cache").glob("profile-*.pickle"):
        entry.write_bytes(garbage)
    assert load_profile(path, library()) == first
