"""The server's secret key: it signs the browser-session cookie and the CSRF cookie, and the
second factors' TOTP secrets are derived with it (second_factor_service): a new key file ends
every session and every second factor (`runstrong user two-factor-off EMAIL` then lets the
account sign in with its password and set one up again).

One key for every worker of a server: `runstrong serve` makes the key file before it starts
them (in the data folder, or RUNSTRONG_KEY_FILE), and each worker reads it. A key made here is
32 random bytes, written once with owner-only permissions; a file that appeared meanwhile (another
process made it first) is read instead, so no two workers ever sign with different keys."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from runstrong.domain.errors import InputError

KEY_BYTES = 32
KEY_FILE_NAME = "web-secret.key"
_PROCESS_KEY = secrets.token_bytes(KEY_BYTES)  # for a server without a key file: one process


def default_key_file() -> Path:
    """The key file beside the default database, in the user's data folder (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("runstrong", appauthor=False)) / KEY_FILE_NAME


def server_key(key_file: Path | None) -> bytes:
    """The key in `key_file`, made there first if there is none; None: this process's own."""
    if key_file is None:
        return _PROCESS_KEY
    try:
        return _read(key_file)
    except FileNotFoundError:
        pass
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    # written whole to a file of its own, then linked into place: a reader never sees half a key
    draft = key_file.with_name(f".{key_file.name}.{secrets.token_hex(8)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.write(key.hex() + "\n")
    try:
        os.link(draft, key_file)
    except FileExistsError:
        return _read(key_file)
    finally:
        draft.unlink()
    return key


def _read(key_file: Path) -> bytes:
    text = key_file.read_text("ascii").strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) < KEY_BYTES:
        raise InputError(str(key_file), "", f"is not a key: {KEY_BYTES * 2} hex digits expected")
    return key


def derived_key(key: bytes, purpose: str) -> bytes:
    """A key of its own for each use of the server key (cookies, CSRF, second factors)."""
    return hmac.new(key, purpose.encode("ascii"), hashlib.sha256).digest()
