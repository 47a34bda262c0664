"""Text flowables: Chinese through the clreq line breaker, English through the Knuth–Plass one."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

from briefgen.i18n.typography import typeset_english
from briefgen.model.document import Span, has_chinese
from briefgen.render import linebreak
from briefgen.render.cjk_paragraph import CJKParagraph
from briefgen.render.english_paragraph import EnglishParagraph
from briefgen.render.faces import cjk_face
from briefgen.render.paragraph import TextStyle
from briefgen.render.styles import Type
from briefgen.render.tagging import in_language

SCRIPT_SCALE = 0.7


def text_block(spans: Sequence[Span], type_: Type, locale: str, *, align: str = "justify",
               first_indent: float = 0.0, bold_font: str | None = None, space_before: float = 0.0,
               space_after: float = 0.0, keep_with_next: bool = False, hyphenate: bool | None = None) -> Flowable:
    """A paragraph of spans in the edition's language; English body text hyphenates (headings,
    labels and centred lines do not unless asked)."""
    bold = bold_font or _bold(type_.font)
    style = TextStyle(leading=type_.leading, first_indent=first_indent, align=align, color=type_.color,
                      space_before=space_before, space_after=space_after, keep_with_next=keep_with_next)
    if locale == "zh" or any(has_chinese(s.text) for s in spans):  # Chinese, or a DRAFT's untranslated text
        return in_language(CJKParagraph([_cjk_span(s, type_, bold) for s in spans], style), "zh")
    hyphens = align == "justify" if hyphenate is None else hyphenate
    return in_language(EnglishParagraph(english_spans(spans, type_, bold), style, hyphenate=hyphens,
                                        balance=not hyphens and align != "justify"), locale)


def english_spans(spans: Sequence[Span], type_: Type, bold_font: str) -> list[linebreak.Span]:
    """Spans in the Latin faces, their text as a typesetter prints it (quotes, dashes, no-break spaces).

    Normalised as one string, so a quote opened in a bold topic closes in the body.
    """
    text = typeset_english("".join(s.text for s in spans))
    out, pos = [], 0
    for span in spans:
        piece = text[pos:pos + len(span.text)]
        pos += len(span.text)
        out.append(_span(Span(piece, span.bold, span.script, span.is_figure), type_, bold_font))
    return out


def plain_block(text: str, type_: Type, locale: str, **options: object) -> Flowable:
    """A paragraph of plain text (no emphasis)."""
    return text_block([Span(text)], type_, locale, **options)  # type: ignore[arg-type]


def _cjk_span(span: Span, type_: Type, bold_font: str) -> linebreak.Span:
    """A figure (from a metric) is set whole, its unit with it: 1.4万亿斤, never 1.4万|亿斤."""
    return _span(span, type_, bold_font, cjk_face)


def _span(span: Span, type_: Type, bold_font: str, face: Callable[[str], str] = str) -> linebreak.Span:
    font = face(bold_font if span.bold else type_.font)
    if span.script == "sub":
        return linebreak.Span(span.text, font, type_.size * SCRIPT_SCALE, -0.12 * type_.size)
    if span.script == "sup":
        return linebreak.Span(span.text, font, type_.size * SCRIPT_SCALE, 0.38 * type_.size)
    return linebreak.Span(span.text, font, type_.size, whole=span.is_figure)


def _bold(font: str) -> str:
    return font if font.endswith("-Bold") else f"{font}-Bold"
