"""Type sizes, faces, colours and page geometry of the brief, per edition language (K5-K7)."""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm

INK = HexColor("#1a1a1a")
ACCENT = HexColor("#0b4f8a")  # the brief's blue: banners, rules, headings' marks
MUTED = HexColor("#5c5c5c")
RULE = HexColor("#b8c4d0")
TINT = HexColor("#e8eef5")
DRAFT_GREY = HexColor("#d9d9d9")

PAPERS = {"a4": A4, "letter": LETTER}
BLEED = 3 * mm
SLUG = 10 * mm  # room outside the bleed for crop marks
ENGLISH_MEASURE_EM = 34  # at 11 pt, about 68 characters of Noto Serif


@dataclass(frozen=True)
class Type:
    """One text role: face, size and leading in points."""

    font: str
    size: float
    leading: float
    color: Color = INK


@dataclass(frozen=True)
class Typography:
    serif: str
    sans: str
    body: Type
    topic_font: str
    h1: Type
    h2: Type
    h3: Type
    kicker: Type
    caption: Type
    note: Type
    label: Type
    title: Type
    subtitle: Type
    figure: Type
    first_indent_em: float
    measure_em: int = 0  # the text block's width in body ems; 0: as wide as the margins allow


def typography(locale: str, column: bool = False) -> Typography:
    """Chinese: 10.5 pt (五号) Song at 1.7 leading, Hei headings 16/13/11.5 (K6, K7).

    English: Noto Serif and Noto Sans; the SC faces draw quotes full-width. Body 11 pt on a
    34-em measure: about 68 characters a line (Bringhurst's 66; 60-75 is the range books use).
    In the bilingual edition's column (`column`), English body text stays 10.5 pt, the column's width
    set by the two texts' lengths (render/parallel.py).
    """
    chinese = locale == "zh"
    serif, sans = ("Serif", "Sans") if chinese else ("LatinSerif", "LatinSans")
    return Typography(
        serif=serif, sans=sans,
        body=Type(serif, 10.5, 17.85) if chinese else Type(serif, 10.5, 14.7) if column else Type(serif, 11, 15.6),
        topic_font=f"{sans}-Bold" if chinese else f"{serif}-Bold",
        h1=Type(f"{sans}-Bold", 16, 24, ACCENT),
        h2=Type(f"{sans}-Bold", 13, 19.5),
        h3=Type(f"{sans}-Bold", 11.5, 17),
        kicker=Type(f"{sans}-Bold", 40, 44, ACCENT),
        caption=Type(sans, 9, 13.5, INK),
        note=Type(sans, 8, 12, MUTED),
        label=Type(sans, 9.5, 14, MUTED),
        title=Type(f"{sans}-Bold", 30 if chinese else 26, 40 if chinese else 32, ACCENT),
        subtitle=Type(f"{serif}-Bold" if chinese else serif, 16, 24),
        figure=Type(f"{sans}-Bold", 22, 26, ACCENT),
        first_indent_em=2.0 if chinese else 0.0,
        measure_em=0 if chinese else ENGLISH_MEASURE_EM,
    )


@dataclass(frozen=True)
class Geometry:
    """The trimmed page, the sheet around it (bleed and slug for print marks) and the text block."""

    trim_width: float
    trim_height: float
    margin_top: float
    margin_bottom: float
    margin_left: float
    text_width: float
    offset: float  # trim box origin on the sheet: 0, or bleed + slug with print marks
    bleed: float

    @property
    def sheet(self) -> tuple[float, float]:
        return self.trim_width + 2 * self.offset, self.trim_height + 2 * self.offset

    @property
    def text_height(self) -> float:
        return self.trim_height - self.margin_top - self.margin_bottom


def geometry(paper: str, body_size: float, print_marks: bool, measure_em: int = 0) -> Geometry:
    """A text block a whole number of body ems wide (K5), at most `measure_em`, centred on the page."""
    width, height = PAPERS[paper]
    ems = int((width - 2 * 22 * mm) // body_size)
    ems = min(ems, measure_em) if measure_em else ems
    text_width = ems * body_size
    offset = BLEED + SLUG if print_marks else 0.0
    return Geometry(width, height, 24 * mm, 22 * mm, (width - text_width) / 2, text_width, offset,
                    BLEED if print_marks else 0.0)
