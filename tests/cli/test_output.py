"""Writing a folder of files: every target is checked before the first file is written."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from runstrong.domain.errors import InputError
from runstrong.output import write_files, write_output

FILES = {"a.txt": b"a", "plan.pdf": b"%PDF", "fit/one.fit": b"1", "fit/two.fit": b"2"}


def test_every_file_is_written_and_sub_folders_are_made(tmp_path: Path) -> None:
    write_files(tmp_path / "out", FILES)
    written = {
        str(p.relative_to(tmp_path / "out")): p.read_bytes()
        for p in (tmp_path / "out").rglob("*")
        if p.is_file()
    }
    assert written == FILES


def test_a_folder_where_a_file_goes_stops_everything_before_any_write(tmp_path: Path) -> None:
    (tmp_path / "plan.pdf").mkdir()
    with pytest.raises(InputError) as info:
        write_files(tmp_path, FILES)
    assert info.value.where == str(tmp_path / "plan.pdf")
    assert "is a folder" in info.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_a_file_where_a_sub_folder_goes_stops_everything_before_any_write(tmp_path: Path) -> None:
    (tmp_path / "fit").write_bytes(b"not a folder")
    with pytest.raises(InputError) as info:
        write_files(tmp_path, FILES)
    assert info.value.where == str(tmp_path / "fit")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fit"]


def test_an_output_folder_whose_parent_is_missing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        write_files(tmp_path / "missing" / "out", FILES)
    assert "does not exist" in info.value.message
    assert list(tmp_path.iterdir()) == []


def test_binary_data_is_not_written_to_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    main, secondary = os.openpty()  # a real terminal
    terminal = io.TextIOWrapper(os.fdopen(secondary, "wb"))
    monkeypatch.setattr(sys, "stdout", terminal)
    try:
        with pytest.raises(InputError, match="will not write a binary file"):
            write_output("-", b"%PDF-1.7\n\xe2\xe3\xcf\xd3")
        write_output("-", "plain text, é\n".encode())  # text is fine
        terminal.flush()
        assert os.read(main, 100).replace(b"\r", b"") == "plain text, é\n".encode()
    finally:
        terminal.close()
        os.close(main)
