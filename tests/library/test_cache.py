"""The caches of validated inputs (library, profiles) save time and never serve stale or invalid
data."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from builders import ROOT, library
from runstrong import cache
from runstrong.domain.errors import InputErrors
from runstrong.domain.profile import Profile
from runstrong.library.loader import load_library
from runstrong.profile import load_profile

SIDE_PLANK = ROOT / "src/runstrong/library/data/exercises/side_plank.toml"


def test_a_second_load_comes_from_the_cache(tmp_path: Path) -> None:
    first = load_library(cache_dir=tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("library-*.pickle"))) == 1
    assert load_library(cache_dir=tmp_path / "cache") == first


def test_without_a_cache_folder_nothing_is_cached(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "side_plank.toml").write_text(SIDE_PLANK.read_text("utf-8"), "utf-8")
    load_library([folder])
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["mine", "side_plank.toml"]


def test_an_edited_coach_file_is_reloaded(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "side_plank.toml").write_text(SIDE_PLANK.read_text("utf-8"), "utf-8")
    assert load_library([folder], cache_dir=cache_dir).get("side_plank").name == "Side plank"
    text = SIDE_PLANK.read_text("utf-8").replace('name = "Side plank"', 'name = "Side bridge"')
    (folder / "side_plank.toml").write_text(text, "utf-8")
    assert load_library([folder], cache_dir=cache_dir).get("side_plank").name == "Side bridge"


def test_a_broken_file_is_reported_even_after_a_good_load(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "side_plank.toml").write_text(SIDE_PLANK.read_text("utf-8"), "utf-8")
    load_library([folder], cache_dir=tmp_path / "cache")
    (folder / "side_plank.toml").write_text("slug = \n", "utf-8")
    with pytest.raises(InputErrors):
        load_library([folder], cache_dir=tmp_path / "cache")


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    assert len(load_library(cache_dir=blocker)) >= 100


# -- the key: every module of the package, found without a list ------------------------------


def copy_of_the_package(tmp_path: Path) -> Path:
    package = Path(cache.__file__).parent
    copy = tmp_path / "runstrong"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "data"))
    return copy


@pytest.mark.parametrize(
    "module", ["domain/periodisation.py", "domain/engine.py", "imports/plan_json.py", "new.py"]
)
def test_an_edit_to_any_module_of_the_package_changes_every_key(
    tmp_path: Path, module: str
) -> None:
    """The old key listed the modules a value depended on by hand, and missed some (a profile's
    Rules defaults come from periodisation's constants too). Now any edit counts."""
    copy = copy_of_the_package(tmp_path)
    before = cache.package_digest(copy)
    assert cache.package_digest(copy) == before
    with (copy / module).open("a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert cache.package_digest(copy) != before


def test_a_module_moved_to_another_folder_changes_the_key(tmp_path: Path) -> None:
    copy = copy_of_the_package(tmp_path)
    before = cache.package_digest(copy)
    (copy / "output.py").rename(copy / "export" / "output.py")
    assert cache.package_digest(copy) != before


def test_the_running_packages_key_is_its_own_sources() -> None:
    assert cache.code_digest() == cache.package_digest(Path(cache.__file__).parent)


# -- threads ------------------------------------------------------------------------------------


def test_threads_filling_the_cache_at_once_all_get_the_same_profile_and_leave_one_whole_entry(
    tmp_path: Path,
) -> None:
    cache_dir = tmp_path / "cache"
    path = write_profile(tmp_path, ALEX.read_text("utf-8"))
    expected = load_profile(path, library())  # validated without the cache
    barrier = threading.Barrier(8)

    def load() -> Profile:
        barrier.wait()
        return load_profile(path, library(), cache_dir=cache_dir)

    with ThreadPoolExecutor(8) as pool:
        profiles = list(pool.map(lambda _: load(), range(8)))
    assert all(p == expected for p in profiles)
    assert [p.name for p in cache_dir.iterdir()] == [
        next(cache_dir.glob("profile-*.pickle")).name
    ]  # no temporary file left behind
    assert load_profile(path, library(), cache_dir=cache_dir) == expected


# -- profiles ---------------------------------------------------------------------------------
ALEX = ROOT / "examples/alex-marathon.toml"


def write_profile(folder: Path, text: str) -> Path:
    path = folder / "runner.toml"
    path.write_text(text, "utf-8")
    return path


def test_a_profile_is_validated_once(tmp_path: Path) -> None:
    path = write_profile(tmp_path, ALEX.read_text("utf-8"))
    first = load_profile(path, library(), cache_dir=tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("profile-*.pickle"))) == 1
    assert load_profile(path, library(), cache_dir=tmp_path / "cache") == first
    assert first.athlete.name == "Alex"


def test_an_edited_profile_is_validated_again(
    tmp_path: Path,
) -> None:
    cache_dir = tmp_path / "cache"
    text = ALEX.read_text("utf-8")
    path = write_profile(tmp_path, text)
    load_profile(path, library(), cache_dir=cache_dir)
    write_profile(tmp_path, text.replace('name = "Alex"', 'name = "Alexa"'))
    assert load_profile(path, library(), cache_dir=cache_dir).athlete.name == "Alexa"
    write_profile(tmp_path, text.replace("session_minutes = 45", "session_minutes = 4500"))
    with pytest.raises(InputErrors, match="session_minutes"):
        load_profile(path, library(), cache_dir=cache_dir)


def test_a_profile_max_for_a_coach_exercise_needs_the_coach_folder(
    tmp_path: Path,
) -> None:
    """The same profile bytes are valid with one library and not with another."""
    cache_dir = tmp_path / "cache"
    folder = tmp_path / "mine"
    folder.mkdir()
    plank = SIDE_PLANK.read_text("utf-8").replace('slug = "side_plank"', 'slug = "coach_plank"')
    (folder / "coach_plank.toml").write_text(plank, "utf-8")
    text = ALEX.read_text("utf-8").replace(
        "one_rep_max_kg = {", "one_rep_max_kg = { coach_plank = 20, "
    )
    path = write_profile(tmp_path, text)
    assert (
        load_profile(path, load_library([folder]), cache_dir=cache_dir).athlete.one_rep_max_kg[
            "coach_plank"
        ]
        == 20
    )
    with pytest.raises(InputErrors, match="coach_plank"):
        load_profile(path, library(), cache_dir=cache_dir)


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
    tmp_path: Path,
) -> None:
    cache_dir = tmp_path / "cache"
    text = ALEX.read_text("utf-8")
    path = write_profile(tmp_path, text)
    first = load_profile(path, library(), cache_dir=cache_dir)
    for i in range(cache.MAX_ENTRIES + 5):
        write_profile(tmp_path, f"{text}\n# edit {i}\n")
        load_profile(path, library(), cache_dir=cache_dir)
        if i % 10 == 0:  # the first profile is used again now and then
            write_profile(tmp_path, text)
            assert load_profile(path, library(), cache_dir=cache_dir) == first
    entries = list((tmp_path / "cache").glob("profile-*.pickle"))
    assert len(entries) == cache.MAX_ENTRIES
    pickled = [pickle.loads(p.read_bytes()) for p in entries]
    assert first in pickled


@pytest.mark.parametrize("garbage", [b"", b"\x80\x04\x95garbage", b"not a pickle at all" * 50])
def test_a_corrupt_cache_entry_only_costs_time(tmp_path: Path, garbage: bytes) -> None:
    cache_dir = tmp_path / "cache"
    path = write_profile(tmp_path, ALEX.read_text("utf-8"))
    first = load_profile(path, library(), cache_dir=cache_dir)
    for entry in (tmp_path / "cache").glob("profile-*.pickle"):
        entry.write_bytes(garbage)
    assert load_profile(path, library(), cache_dir=cache_dir) == first
