"""A QR code of a second factor's otpauth:// URI, as SVG, for the set-up page to show once.

segno draws it, in a short-lived child process (`python -m runstrong.web.qr_code`, the URI on
standard input, the SVG on standard output): importing segno costs a worker 1.3 MB of RSS that
it would keep for a page an account sees once. The child takes about 0.1 s."""

from __future__ import annotations

import subprocess
import sys

QR_TIMEOUT_S = 30
QR_SCALE = 4  # pixels per module: about 180 px for a TOTP URI, a phone's camera reads it


def qr_svg(uri: str) -> bytes:
    """The SVG of `uri`'s QR code (drawn by a child process)."""
    made = subprocess.run(
        [sys.executable, "-m", __name__],
        input=uri.encode("utf-8"),
        capture_output=True,
        check=True,
        timeout=QR_TIMEOUT_S,
    )
    return made.stdout


def _draw() -> None:
    import segno

    uri = sys.stdin.buffer.read().decode("utf-8")
    segno.make(uri, error="m").save(sys.stdout.buffer, kind="svg", scale=QR_SCALE, xmldecl=False)


if __name__ == "__main__":
    _draw()
