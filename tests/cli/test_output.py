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


def test_missing_parent_folders_are_created_like_mkdir_p(tmp_path: Path) -> None:
    write_files(tmp_path / "new" / "deeper" / "out", FILES)
    assert (tmp_path / "new" / "deeper" / "out" / "fit" / "two.fit").read_bytes() == b"2"
    write_output(tmp_path / "other" / "sub" / "plan.json", b"{}")
    assert (tmp_path / "other" / "sub" / "plan.json").read_bytes() == b"{}"


def test_a_file_in_the_way_of_a_missing_folder_is_refused_before_any_folder_is_made(
    tmp_path: Path,
) -> None:
    (tmp_path / "blocker").write_bytes(b"a file")
    with pytest.raises(InputError) as info:
        write_files(tmp_path / "blocker" / "new" / "out", FILES)
    assert str(info.value) == (
        f"{tmp_path / 'blocker' / 'new' / 'out'}: cannot create the folder: "
        f"{tmp_path / 'blocker'} is a file, not a folder"
    )
    with pytest.raises(InputError, match="is a file, not a folder"):
        write_output(tmp_path / "blocker" / "new" / "plan.json", b"{}")
    assert [p.name for p in tmp_path.iterdir()] == ["blocker"]
    assert (tmp_path / "blocker").read_bytes() == b"a file"


TOO_LONG = "x" * 300 + ".json"  # longer than any file system allows a name to be


def test_a_file_that_cannot_be_written_leaves_no_new_folder_behind(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="File name too long"):
        write_output(tmp_path / "new" / "sub" / TOO_LONG, b"{}")
    with pytest.raises(InputError, match="File name too long"):
        write_files(tmp_path / "out" / "new", {"fit/one.fit": b"1", TOO_LONG: b"{}"})
    with pytest.raises(InputError, match="cannot create the folder"):
        write_files(tmp_path / "new" / TOO_LONG, FILES)
    assert list(tmp_path.iterdir()) == []


def test_a_name_too_long_for_an_existing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        write_output(tmp_path / TOO_LONG, b"{}")
    assert info.value.where == str(tmp_path / TOO_LONG)
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


def test_a_linked_file_in_an_output_folder_keeps_its_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"old")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt").symlink_to(elsewhere)
    write_files(tmp_path / "out", FILES)
    assert (tmp_path / "out" / "a.txt").is_symlink()
    assert elsewhere.read_bytes() == b"a"


def test_a_pipe_in_an_output_folder_is_written_into(tmp_path: Path) -> None:
    import stat
    import threading

    (tmp_path / "out").mkdir()
    pipe = tmp_path / "out" / "a.txt"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_files(tmp_path / "out", FILES)
    reader.join(timeout=30)
    assert received == [b"a"]
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
