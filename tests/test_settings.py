"""Settings are made once, at the entry point, from the environment and the entry point's
options; nothing below the entry points reads the environment or the clock, or flips a
process-wide switch."""

from __future__ import annotations

import ast
import os
from datetime import UTC, date, datetime
from pathlib import Path

from builders import ROOT
from runstrong.settings import Settings, from_environment

SRC = ROOT / "src" / "runstrong"
# The entry points: the settings module itself, the command line, and the web app's factory
# (its workers' config from the environment) and config (the clock of each request), `make run`'s
# example server, and the process that makes a PDF or a calendar (make_file.py).
ENTRY_POINTS = (
    "settings.py", "cli/", "web/app.py", "web/config.py", "web/example.py", "make_file.py",
)  # fmt: skip
# The command line's own choice for its short-lived process (cli/__init__.py).
GC_ALLOWED = ("cli/__init__.py",)

ENVIRONMENT = {"environ", "getenv", "putenv", "unsetenv", "getenvb", "environb"}
CLOCK = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("time", "time")}
GC_SWITCHES = {"disable", "enable", "freeze", "unfreeze", "set_threshold"}


def reads_of_the_world(source: str) -> set[str]:
    """What `source` uses of the environment (os.environ, os.getenv ...), the clock
    (date.today(), datetime.now() ...) and the garbage collector's switches, by name."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "os":
            found |= {f"os.{a.name}" for a in node.names if a.name in ENVIRONMENT}
        if not isinstance(node, ast.Attribute) or not isinstance(node.value, ast.Name):
            continue
        owner, name = node.value.id, node.attr
        if owner == "os" and name in ENVIRONMENT:
            found.add(f"os.{name}")
        elif (owner, name) in CLOCK:
            found.add(f"{owner}.{name}")
        elif owner == "gc" and name in GC_SWITCHES:
            found.add(f"gc.{name}")
    return found


def test_nothing_below_the_entry_points_reads_the_environment_or_the_clock() -> None:
    offenders = {}
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        found = reads_of_the_world(path.read_text("utf-8"))
        if name.startswith(ENTRY_POINTS):
            found = {f for f in found if f.startswith("gc.")}
        if name in GC_ALLOWED:
            found = {f for f in found if not f.startswith("gc.")}
        if found:
            offenders[name] = found
    assert offenders == {}


def test_the_check_finds_each_kind_of_read() -> None:
    source = (
        "import os, gc\nfrom os import environ\nfrom datetime import date, datetime\n"
        "a = os.environ.get('X')\nb = os.getenv('Y')\nc = date.today()\n"
        "d = datetime.now()\ngc.disable()\nos.environ['Z'] = '1'\n"
    )
    assert reads_of_the_world(source) == {
        "os.environ",
        "os.getenv",
        "date.today",
        "datetime.now",
        "gc.disable",
    }


def test_the_exercise_folders_come_from_the_environment_then_the_options(tmp_path: Path) -> None:
    environ = {"RUNSTRONG_EXERCISES": f"/one{os.pathsep}{os.pathsep}/two"}
    settings = from_environment(environ, exercise_dirs=[tmp_path])
    assert settings.exercise_dirs == (Path("/one"), Path("/two"), tmp_path)


def test_the_cache_folder_is_the_named_one_else_the_xdg_one_else_the_home_one() -> None:
    assert from_environment({"RUNSTRONG_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x"}).cache_dir == (
        Path("/c")
    )
    assert from_environment({"XDG_CACHE_HOME": "/x", "HOME": "/h"}).cache_dir == Path(
        "/x/runstrong"
    )
    assert from_environment({"HOME": "/h"}).cache_dir == Path("/h/.cache/runstrong")


def test_no_cache_turns_the_cache_off_whatever_folder_is_named() -> None:
    environ = {"RUNSTRONG_NO_CACHE": "1", "RUNSTRONG_CACHE_DIR": "/c"}
    assert from_environment(environ).cache_dir is None
    assert from_environment({"RUNSTRONG_NO_CACHE": "", "RUNSTRONG_CACHE_DIR": "/c"}).cache_dir == (
        Path("/c")
    )


def test_a_given_today_fixes_the_date_and_the_time_stamp() -> None:
    settings = from_environment({}, today=date(2027, 1, 4))
    assert settings.today == date(2027, 1, 4)
    assert settings.timestamp == datetime(2027, 1, 4, tzinfo=UTC)


def test_without_a_given_today_the_clock_gives_both_in_whole_seconds() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    settings = from_environment({})
    after = datetime.now(UTC)
    assert before <= settings.timestamp <= after
    assert settings.timestamp.microsecond == 0
    assert settings.today in {date.today(), before.date(), after.date()}


def test_settings_made_in_code_need_only_today() -> None:
    settings = Settings(today=date(2027, 1, 4))
    assert (settings.exercise_dirs, settings.cache_dir) == ((), None)
    assert settings.timestamp == datetime(2027, 1, 4, tzinfo=UTC)
