"""A consistent copy of a SQLite database while it is in use: SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from runstrong.domain.errors import InputError
from runstrong.settings import Settings
from runstrong.storage.database import engine_for

BACKUP_PAGES_PER_STEP = 1024  # pages copied at a time, so writers can go on between steps


def backup_sqlite(settings: Settings, target: Path) -> int:
    """Copy the settings' SQLite database (its schema brought up to date first) to `target`,
    written beside it and renamed into place; return the number of pages copied."""
    engine = engine_for(settings)
    if target.exists() and not target.is_file():
        raise InputError(str(target), "", "is not a regular file")
    partial = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        raw = engine.raw_connection()
        try:
            destination = sqlite3.connect(partial)
            try:
                raw.driver_connection.backup(destination, pages=BACKUP_PAGES_PER_STEP)  # type: ignore[union-attr]
                pages = destination.execute("PRAGMA page_count").fetchone()[0]
                destination.execute("PRAGMA journal_mode = DELETE")
            finally:
                destination.close()
        finally:
            raw.close()
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InputError(str(target), "", f"cannot write ({exc.strerror})") from None
    return int(pages)
