"""The library cache saves time and never serves stale or invalid data."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import ROOT
from runstrong.domain.errors import InputErrors
from runstrong.library.loader import load_library

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
