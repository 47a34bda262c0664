"""Text flowables: Chinese through briefgen's own line breaker, English through ReportLab's Paragraph."""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from xml.sax.saxutils import escape

import pyphen
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from briefgen.model.document import Span, has_chinese
from briefgen.render import linebreak
from briefgen.render.cjk_paragraph import CJKParagraph, CJKStyle
from briefgen.render.faces import cjk_face
from briefgen.render.styles import Type
from briefgen.render.tagging import in_language

SCRIPT_SCALE = 0.7
_ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def text_block(spans: Sequence[Span], type_: Type, locale: str, *, align: str = "justify",
               first_indent: float = 0.0, bold_font: str | None = None, space_before: float = 0.0,
               space_after: float = 0.0, keep_with_next: bool = False, hyphenate: bool | None = None) -> Flowable:
    """A paragraph of spans in the edition's language; English body text hyphenates (headings,
    labels and centred lines do not unless asked)."""
    bold = bold_font or _bold(type_.font)
    if locale == "zh" or any(has_chinese(s.text) for s in spans):  # Chinese, or a DRAFT's untranslated text
        style = CJKStyle(leading=type_.leading, first_indent=first_indent, align=align, color=type_.color,
                         space_before=space_before, space_after=space_after, keep_with_next=keep_with_next)
        return in_language(CJKParagraph([_cjk_span(s, type_, bold) for s in spans], style), "zh")
    style = ParagraphStyle(
        f"{type_.font}-{type_.size}-{align}", fontName=type_.font, fontSize=type_.size, leading=type_.leading,
        textColor=type_.color, alignment=_ALIGN[align], firstLineIndent=first_indent,
        spaceBefore=space_before, spaceAfter=space_after, keepWithNext=int(keep_with_next),
        hyphenationLang=english_hyphenation if (align == "justify" if hyphenate is None else hyphenate) else "",
        embeddedHyphenation=1, uriWasteReduce=0.3,
        allowWidows=0, allowOrphans=0, splitLongWords=0,
    )
    return in_language(Paragraph(markup(spans, bold), style), locale)


@lru_cache(maxsize=1)
def _pyphen() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US", left=3, right=3)


def english_hyphenation(word: str) -> list[tuple[str, str]]:
    """Break points for ReportLab, longest head first: a compound only at its own hyphens.

    ReportLab appends a hyphen to each head unless it already ends in one, and pyphen splits
    compounds badly (custom|s-railway, high|-tech): a hyphenated word breaks after a hyphen.
    """
    if "-" in word.strip("-"):
        cuts = [i + 1 for i, ch in enumerate(word) if ch == "-" and 0 < i < len(word) - 1]
        return [(word[:cut], word[cut:]) for cut in reversed(cuts)]
    return list(_pyphen().iterate(word))


def plain_block(text: str, type_: Type, locale: str, **options: object) -> Flowable:
    """A paragraph of plain text (no emphasis)."""
    return text_block([Span(text)], type_, locale, **options)  # type: ignore[arg-type]


def markup(spans: Sequence[Span], bold_font: str) -> str:
    """ReportLab paragraph markup for spans; every character of text is escaped."""
    parts: list[str] = []
    for span in spans:
        if span.text == "\n":
            parts.append("<br/>")
            continue
        text = escape(span.text)
        if span.script:
            tag = "sub" if span.script == "sub" else "super"
            text = f"<{tag}>{text}</{tag}>"
        if span.bold:
            text = f'<font name="{bold_font}">{text}</font>'
        parts.append(text)
    return "".join(parts)


def _cjk_span(span: Span, type_: Type, bold_font: str) -> linebreak.Span:
    """A figure (from a metric) is set whole, its unit with it: 1.4万亿斤, never 1.4万|亿斤."""
    font = cjk_face(bold_font if span.bold else type_.font)
    if span.script == "sub":
        return linebreak.Span(span.text, font, type_.size * SCRIPT_SCALE, -0.12 * type_.size)
    if span.script == "sup":
        return linebreak.Span(span.text, font, type_.size * SCRIPT_SCALE, 0.38 * type_.size)
    return linebreak.Span(span.text, font, type_.size, whole=span.is_figure)


def _bold(font: str) -> str:
    return font if font.endswith("-Bold") else f"{font}-Bold"
