"""Register the bundled Noto SC faces with ReportLab (embedded, subset) as Serif and Sans."""
from __future__ import annotations

import os
from pathlib import Path

from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FACES: dict[str, str] = {
    "Serif": "NotoSerifSC_400Regular.ttf",
    "Serif-Bold": "NotoSerifSC_700Bold.ttf",
    "Sans": "NotoSansSC_400Regular.ttf",
    "Sans-Bold": "NotoSansSC_700Bold.ttf",
}
DRAWING_FONT = "Sans"  # what charts start with instead of unembedded Helvetica


def default_font_dir() -> Path:
    """The repository's fonts/ folder, or $BRIEFGEN_FONTS when set."""
    override = os.environ.get("BRIEFGEN_FONTS")
    return Path(override) if override else Path(__file__).parents[3] / "fonts"


def register_fonts(font_dir: Path) -> None:
    """Register the four faces and their bold families; calling it again does nothing."""
    known = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in FACES.items():
        if name not in known:
            pdfmetrics.registerFont(TTFont(name, str(font_dir / filename)))
    for family in ("Serif", "Sans"):
        _register_family(family, f"{family}-Bold")
    STATE_DEFAULTS["fontName"] = DRAWING_FONT


def _register_family(regular: str, bold: str) -> None:
    """<b> selects the bold face; italic maps to upright (K7: never oblique CJK)."""
    pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=regular,
                                  boldItalic=bold)
