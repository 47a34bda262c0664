"""The bundled faces by role, and which an edition needs; no ReportLab here, so a build can
know its fonts before it pays for importing the PDF library."""
from __future__ import annotations

from collections.abc import Iterable

from briefgen.model.document import has_chinese

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


def face_for(text: str, font: str) -> str:
    """font, or its Chinese stand-in when the text needs one."""
    return cjk_face(font) if has_chinese(text) else font


def faces_for(locales: Iterable[str], chinese_text: bool) -> tuple[str, ...]:
    """The faces an edition draws with: Chinese ones for Chinese text (a DRAFT's fallback too),
    Latin ones for other languages; chart labels always use the Chinese sans."""
    chinese = any(loc == "zh" for loc in locales) or chinese_text
    latin = any(loc != "zh" for loc in locales)
    return (CJK_FACES if chinese else ("Sans", "Sans-Bold")) + (LATIN_FACES if latin else ())
