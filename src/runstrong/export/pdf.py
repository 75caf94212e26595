"""HTML -> PDF with WeasyPrint: the printable plan (`runstrong.render.report`) as A4 pages.

Deterministic: the same HTML gives the same bytes. WeasyPrint writes no creation or modification
date unless the document asks for one (`<meta name="dcterms.created">`, which the report does not
use) and writes no random file identifier unless `pdf_identifier` is given, so nothing in the file
depends on the clock. Fonts come from the machine (the report names system font stacks only), so
the bytes can differ between machines with different fonts installed, never between two runs on
one machine.
"""

from __future__ import annotations

import logging

import weasyprint


def export_pdf(html: str) -> bytes:
    """Render a self-contained HTML document to PDF bytes. No base URL: nothing is fetched."""
    _quiet_weasyprint()
    document = weasyprint.HTML(string=html, base_url=None)
    pdf: bytes = document.write_pdf(pdf_identifier=None, uncompressed_pdf=False)
    return pdf


def _quiet_weasyprint() -> None:
    """WeasyPrint logs unsupported CSS at WARNING level; keep the CLI's output clean."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
