"""Register the bundled Noto faces with ReportLab (embedded, subset): SC faces as Serif and Sans, Latin ones as LatinSerif and LatinSans."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FACES: dict[str, str] = {
    "Serif": "NotoSerifSC_400Regular.ttf",
    "Serif-Bold": "NotoSerifSC_700Bold.ttf",
    "Sans": "NotoSansSC_400Regular.ttf",
    "Sans-Bold": "NotoSansSC_700Bold.ttf",
    "LatinSerif": "NotoSerif_400Regular.ttf",
    "LatinSerif-Bold": "NotoSerif_700Bold.ttf",
    "LatinSans": "NotoSans_400Regular.ttf",
    "LatinSans-Bold": "NotoSans_700Bold.ttf",
}
CJK_FACES = ("Serif", "Serif-Bold", "Sans", "Sans-Bold")
LATIN_FACES = ("LatinSerif", "LatinSerif-Bold", "LatinSans", "LatinSans-Bold")


def cjk_face(font: str) -> str:
    """The Chinese face standing in for a Latin one (LatinSerif-Bold -> Serif-Bold)."""
    return font.removeprefix("Latin")


def has_han(text: str) -> bool:
    """True when text holds Chinese characters (a Latin face would draw them as boxes)."""
    return any("\u3400" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" for ch in text)


def face_for(text: str, font: str) -> str:
    """font, or its Chinese stand-in when the text needs one."""
    return cjk_face(font) if has_han(text) else font
DRAWING_FONT = "Sans"  # what charts start with instead of unembedded Helvetica


def default_font_dir() -> Path:
    """The repository's fonts/ folder, or $BRIEFGEN_FONTS when set."""
    override = os.environ.get("BRIEFGEN_FONTS")
    return Path(override) if override else Path(__file__).parents[3] / "fonts"


def faces_for(locales: Iterable[str], chinese_text: bool) -> tuple[str, ...]:
    """The faces an edition draws with: Chinese ones for Chinese text (a DRAFT's fallback too),
    Latin ones for other languages; chart labels always use the Chinese sans."""
    chinese = any(loc == "zh" for loc in locales) or chinese_text
    latin = any(loc != "zh" for loc in locales)
    return (CJK_FACES if chinese else ("Sans", "Sans-Bold")) + (LATIN_FACES if latin else ())


def register_fonts(font_dir: Path, faces: Iterable[str] = tuple(FACES)) -> None:
    """Register faces (parsing a CJK font takes a while: only those needed) and their bold
    families; calling it again does nothing."""
    known = set(pdfmetrics.getRegisteredFontNames())
    for name in faces:
        filename = FACES[name]
        if name not in known:
            pdfmetrics.registerFont(TTFont(name, str(font_dir / filename)))
    for family in ("Serif", "Sans", "LatinSerif", "LatinSans"):
        _register_family(family, f"{family}-Bold")
    STATE_DEFAULTS["fontName"] = DRAWING_FONT


def _register_family(regular: str, bold: str) -> None:
    """<b> selects the bold face; italic maps to upright (K7: never oblique CJK)."""
    pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=regular,
                                  boldItalic=bold)
