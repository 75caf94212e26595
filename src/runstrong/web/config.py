"""What a server decides once, at its start: the database, the exercise folders, the cache,
whether anyone may sign up, where the browser sessions' key is kept and whether their cookies
are sent over TLS only. Passed to the workers as JSON (runstrong serve starts them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import msgspec

from runstrong.input_files import PROFILE_MAX_BYTES
from runstrong.settings import Settings

CONFIG_ENV = "RUNSTRONG_WEB_CONFIG"  # `serve` hands its WebConfig to the workers through this
REQUEST_MAX_BYTES = PROFILE_MAX_BYTES  # the largest body: the profile reader's own limit


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class WebConfig:
    """`clock`: the moment of a request (the tests fix it); every request's Settings take
    their today and now from it."""

    database_url: str
    exercise_dirs: tuple[Path, ...] = ()
    cache_dir: Path | None = None
    signup: bool = True
    # The file of the key that signs browser-session and CSRF cookies (web/keys.py), shared by
    # every worker; None: a key of this process only (one process: the tests).
    key_file: Path | None = None
    secure_cookies: bool = False  # behind a TLS proxy: cookies sent over HTTPS only
    clock: Callable[[], datetime] = field(default=utc_now, compare=False)

    def settings(self, owner: str | None = None) -> Settings:
        now = self.clock()
        return Settings(
            today=now.date(),
            now=now,
            exercise_dirs=self.exercise_dirs,
            cache_dir=self.cache_dir,
            database_url=self.database_url,
            owner=owner,
        )

    def to_json(self) -> str:
        return msgspec.json.encode(
            {
                "database_url": self.database_url,
                "exercise_dirs": [str(p) for p in self.exercise_dirs],
                "cache_dir": None if self.cache_dir is None else str(self.cache_dir),
                "signup": self.signup,
                "key_file": None if self.key_file is None else str(self.key_file),
                "secure_cookies": self.secure_cookies,
            }
        ).decode()

    @classmethod
    def from_json(cls, text: str) -> WebConfig:
        data = msgspec.json.decode(text)
        return cls(
            database_url=data["database_url"],
            exercise_dirs=tuple(Path(p) for p in data["exercise_dirs"]),
            cache_dir=None if data["cache_dir"] is None else Path(data["cache_dir"]),
            signup=bool(data["signup"]),
            key_file=None if data.get("key_file") is None else Path(data["key_file"]),
            secure_cookies=bool(data.get("secure_cookies", False)),
        )
