"""HTML -> PDF with WeasyPrint: the printable plan (`runstrong.render.report`) on A4 pages.

Deterministic: the same HTML gives the same bytes on the same machine. What we checked:

- WeasyPrint writes no creation or modification date unless the document has a
  `<meta name="dcterms.created">` (the report has none) and no random file identifier unless
  `pdf_identifier` is given.
- The embedded fonts are subsets. Without HarfBuzz-subset (>= 4.1) WeasyPrint subsets with
  fontTools, which stamps each subset's `head.modified` with the current time, unless
  `SOURCE_DATE_EPOCH` is set (the reproducible-builds convention). We set it to
  `FONT_TIMESTAMP_EPOCH_S` for the duration of the call when the caller has not set it.

Fonts come from the machine (the report names system font stacks only), so two machines with
different fonts installed make different files; one machine always makes the same file.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

FONT_TIMESTAMP_EPOCH_S = 0
_ENV_LOCK = threading.Lock()


def export_pdf(html: str) -> bytes:
    """Render a self-contained HTML document to PDF bytes. No base URL: nothing is fetched."""
    weasyprint = _weasyprint()
    with _fixed_font_timestamps():
        pdf: bytes = weasyprint.HTML(string=html, base_url=None).write_pdf()
    return pdf


def _weasyprint() -> ModuleType:
    """WeasyPrint, imported on first use (it takes about a second to load Pango).

    Without the system's HarfBuzz-subset library WeasyPrint warns at import that future versions
    will need it; it works today (falling back on fontTools), so that warning is not ours to raise.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="HarfBuzz-Subset will be required", category=DeprecationWarning
        )
        import weasyprint
    module: ModuleType = weasyprint
    return module


@contextmanager
def _fixed_font_timestamps() -> Iterator[None]:
    with _ENV_LOCK:
        if "SOURCE_DATE_EPOCH" in os.environ:
            yield
            return
        os.environ["SOURCE_DATE_EPOCH"] = str(FONT_TIMESTAMP_EPOCH_S)
        try:
            yield
        finally:
            del os.environ["SOURCE_DATE_EPOCH"]
