"""English paragraphs set by the Knuth–Plass engine in english, drawn run by run like Chinese ones."""
from __future__ import annotations

from typing import Sequence

from briefgen.render.english import Setting, typeset
from briefgen.render.linebreak import Line, Span
from briefgen.render.paragraph import SetParagraph, TextStyle, measure


class EnglishParagraph(SetParagraph):
    """A paragraph of English: total-fit justified (or ragged, or balanced for headings)."""

    def __init__(self, spans: Sequence[Span], style: TextStyle, hyphenate: bool = True,
                 balance: bool = False) -> None:
        super().__init__(spans, style)
        self.setting = Setting(style.align, hyphenate, balance)

    def _piece(self, spans: tuple[Span, ...], style: TextStyle) -> EnglishParagraph:
        return EnglishParagraph(spans, style, self.setting.hyphenate, self.setting.balance)

    def options(self) -> tuple[object, ...]:
        return (self.style.first_indent, self.setting)

    def typeset(self, width: float) -> list[Line]:
        return typeset(self.spans, width, measure, self.style.first_indent, self.setting)
