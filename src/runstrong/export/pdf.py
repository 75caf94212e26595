"""HTML -> PDF with WeasyPrint: the printable plan (`runstrong.render.report`) on A4 pages.

Deterministic: the same HTML gives the same bytes on the same machine. What we checked:

- WeasyPrint writes no creation or modification date unless the document has a
  `<meta name="dcterms.created">` (the report has none) and no random file identifier unless
  `pdf_identifier` is given.
- The embedded fonts are subsets. Without HarfBuzz-subset (>= 4.1) WeasyPrint subsets with
  fontTools, which stamps each subset's `head.modified` with the current time (or
  SOURCE_DATE_EPOCH from the environment). A finisher, run on the PDF's objects before they
  are written, sets every embedded font's `modified` back to its `created` (`_fixed_fonts`):
  the bytes depend on neither the clock nor the environment, and nothing process-wide changes
  during a call (threads may export at once).

Fonts come from the machine (the report names system font stacks only), so two machines with
different fonts installed make different files; one machine always makes the same file.
"""

from __future__ import annotations

import io
import warnings
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from runstrong.export.exporter import ExportOptions
    from runstrong.render.resolved import ResolvedPlan


def export(resolved: ResolvedPlan, options: ExportOptions) -> bytes:
    """The `Exporter` of the printable plan as PDF (export.exporter), with what the log says
    under each session for a stored athlete (`options.outcomes`)."""
    from runstrong.export.html import printable_html

    return export_pdf(printable_html(resolved, options.outcomes, options.training_load))


def export_pdf(html: str) -> bytes:
    """Render a self-contained HTML document to PDF bytes. No base URL: nothing is fetched."""
    weasyprint = _weasyprint()
    pdf: bytes = weasyprint.HTML(string=html, base_url=None).write_pdf(finisher=_fixed_fonts)
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


def _fixed_fonts(_document: Any, pdf: Any) -> None:
    """WeasyPrint's finisher: each embedded font file (a stream with /Length1, TrueType, or
    /Subtype /OpenType) gets `head.modified` = `head.created`."""
    import pydyf

    for obj in pdf.objects:
        if not isinstance(obj, pydyf.Stream) or len(obj.stream) != 1:
            continue
        extra = obj.extra
        if "Length1" not in extra and extra.get("Subtype") != "/OpenType":
            continue
        data = obj.stream[0]
        if isinstance(data, bytes):
            fixed = fixed_font_timestamp(data)
            obj.stream[0] = fixed
            if "Length1" in extra:
                extra["Length1"] = len(fixed)


def fixed_font_timestamp(font: bytes) -> bytes:
    """An OpenType or TrueType font's bytes with its `modified` time set to its `created` time
    (the table's checksums made again); anything unreadable as a font, unchanged."""
    from fontTools.ttLib import TTFont

    try:
        ttfont = TTFont(io.BytesIO(font), recalcTimestamp=False, recalcBBoxes=False)
        head = ttfont["head"]
        if head.modified == head.created:
            return font
        head.modified = head.created
        out = io.BytesIO()
        ttfont.save(out)
    except Exception:  # not a font fontTools reads: kept as WeasyPrint wrote it
        return font
    return out.getvalue()
