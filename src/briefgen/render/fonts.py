"""Register the bundled Noto faces with ReportLab (embedded, subset): SC faces as Serif and Sans, Latin ones as LatinSerif and LatinSans."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.pdfbase import pdfmetrics

from briefgen.render.faces import FACES
from briefgen.render.fontcache import load_font

DRAWING_FONT = "Sans"  # what charts start with instead of unembedded Helvetica


def register_fonts(font_dir: Path, faces: Iterable[str] = tuple(FACES)) -> None:
    """Register faces (parsing a CJK font takes a while: only those needed) and their bold
    families; calling it again does nothing."""
    known = set(pdfmetrics.getRegisteredFontNames())
    for name in faces:
        filename = FACES[name]
        if name not in known:
            pdfmetrics.registerFont(load_font(name, font_dir / filename))
    for family in ("Serif", "Sans", "LatinSerif", "LatinSans"):
        _register_family(family, f"{family}-Bold")
    STATE_DEFAULTS["fontName"] = DRAWING_FONT


def _register_family(regular: str, bold: str) -> None:
    """<b> selects the bold face; italic maps to upright (K7: never oblique CJK)."""
    pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=regular,
                                  boldItalic=bold)
