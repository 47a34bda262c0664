"""Chinese paragraphs and one-line Chinese text (running heads), set by linebreak by the clreq rules."""
from __future__ import annotations

from functools import lru_cache

from reportlab.pdfgen.canvas import Canvas

from briefgen.render.linebreak import Line, Span, typeset
from briefgen.render.paragraph import SQUEEZED_SCALE, SetParagraph, TextStyle, drawn_at, measure, split_point
from briefgen.i18n.words import word_starts

CJKStyle = TextStyle
__all__ = ["CJKParagraph", "CJKStyle", "draw_line", "measure", "split_point"]


class CJKParagraph(SetParagraph):
    """A Chinese paragraph: justified by clreq rules, split with no lone line at a page edge."""

    def typeset(self, width: float) -> list[Line]:
        """Justified text breaks between any two characters, as Chinese does; ragged text
        (headings, captions) that needs more than a line is balanced and broken between words."""
        indent, align = self.style.first_indent, self.style.align
        lines = typeset(self.spans, width, measure, indent, align)
        if align == "justify" or len(lines) <= self.getPlainText().rstrip("\n").count("\n") + 1:
            return lines
        return typeset(self.spans, width, measure, indent, align, words=word_starts)


def draw_line(canv: Canvas, text: str, font: str, size: float, x: float, y: float, anchor: str = "left") -> None:
    """One line of Chinese on a page (running head, footer) with the paragraph's spacing rules:
    ¼-em Han–Latin gaps and compressed marks. `anchor` is where x is: left, center or right."""
    line = _one_line(text, font, size)
    shift = {"left": 0.0, "center": line.width / 2, "right": line.width}[anchor]
    out = canv.beginText()
    for glyph in line.glyphs:
        out.setFont(glyph.font, glyph.size)
        out.setHorizScale(SQUEEZED_SCALE if glyph.tracking < 0 else 100.0)
        out.setTextOrigin(x - shift + drawn_at(glyph), y)
        out.textOut(glyph.text)
    canv.drawText(out)


@lru_cache(maxsize=256)
def _one_line(text: str, font: str, size: float) -> Line:
    """A running head or footer, set once per process: every page draws it again."""
    return typeset([Span(text, font, size)], 10_000.0, measure, 0.0, "left")[0]
