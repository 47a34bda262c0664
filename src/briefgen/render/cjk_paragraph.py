"""A ReportLab flowable that draws a paragraph set by linebreak, placing every glyph run itself."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from reportlab.lib.colors import Color, black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from briefgen.render.linebreak import ALIGNMENTS, Line, Span, typeset

ASCENT = 0.88  # top of the ideographic em box above the baseline, in em (Noto CJK: 880/1000)
SQUEEZED_SCALE = 95.0  # % width of a squeezed mark (see draw)
MIN_LINES_APART = 2  # K5: lines kept together at a page bottom and at the next page's top


@dataclass(frozen=True)
class CJKStyle:
    """How a paragraph is set; sizes in points."""

    leading: float
    first_indent: float = 0.0
    align: str = "justify"  # justify | left | center | right
    color: Color = black
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False

    def __post_init__(self) -> None:
        if self.align not in ALIGNMENTS:
            raise ValueError(f"unknown alignment {self.align!r}; use one of {ALIGNMENTS}")
        if self.leading <= 0:
            raise ValueError("leading must be positive")


@lru_cache(maxsize=None)
def measure(text: str, font: str, size: float) -> float:
    """Advance width of text in a registered font, as the PDF viewer will place it."""
    return stringWidth(text, font, size)


class CJKParagraph(Flowable):
    """A Chinese paragraph: justified by clreq rules, split with no lone line at a page edge."""

    def __init__(self, spans: Sequence[Span], style: CJKStyle) -> None:
        super().__init__()
        self.spans = tuple(spans)
        self.style = style
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.keepWithNext = style.keep_with_next
        self._fixed: tuple[Line, ...] | None = None  # the lines of a piece cut by split()
        self._layouts: dict[float, tuple[Line, ...]] = {}
        self.lines: tuple[Line, ...] = ()

    def __repr__(self) -> str:
        return f"CJKParagraph({self.getPlainText()[:20]!r}…)"

    def getPlainText(self) -> str:  # noqa: N802 (ReportLab's name)
        """The source text, for bookmarks and the table of contents."""
        return "".join(span.text for span in self.spans)

    def layout(self, width: float) -> tuple[Line, ...]:
        """The lines at this width (cached: platypus wraps a flowable more than once)."""
        if self._fixed is not None:
            return self._fixed
        if width not in self._layouts:
            lines = typeset(self.spans, width, measure, self.style.first_indent, self.style.align)
            self._layouts[width] = tuple(lines)
        return self._layouts[width]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.lines = self.layout(availWidth)
        self.width, self.height = availWidth, len(self.lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Two pieces with at least two lines each, or [] to move the paragraph whole."""
        lines = self.layout(availWidth)
        fits = int((availHeight + 1e-6) // self.style.leading)
        if fits >= len(lines):
            return [self]
        cut = split_point(len(lines), fits)
        if cut == 0 or self._fixed is not None:
            return []
        return [self._head(lines[:cut]), self._tail(lines[cut].start)]

    def _head(self, lines: tuple[Line, ...]) -> CJKParagraph:
        head = CJKParagraph(_slice(self.spans, 0, lines[-1].end),
                            replace(self.style, space_after=0.0, keep_with_next=False))
        head._fixed = lines
        return head

    def _tail(self, start: int) -> CJKParagraph:
        style = replace(self.style, first_indent=0.0, space_before=0.0)
        return CJKParagraph(_slice(self.spans, start, None), style)

    def draw(self) -> None:
        """One text object; each glyph run placed by its own text matrix.

        A squeezed mark (K3) is drawn 5% narrower: its box then overlaps the next glyph by
        less than ½ em, which pdftotext still reads as one line (at ½ em it may not).
        """
        text = self.canv.beginText()
        text.setFillColor(self.style.color)
        state: tuple[str, float, float, float] | None = None
        for n, line in enumerate(self.lines):
            y = self.height - n * self.style.leading - self._baseline()
            for glyph in line.glyphs:
                if state != (glyph.font, glyph.size, glyph.rise, glyph.tracking):
                    state = (glyph.font, glyph.size, glyph.rise, glyph.tracking)
                    text.setFont(glyph.font, glyph.size)
                    text.setRise(glyph.rise)
                    text.setHorizScale(SQUEEZED_SCALE if glyph.tracking < 0 else 100.0)
                text.setTextOrigin(glyph.x, y)
                text.textOut(glyph.text)
        self.canv.drawText(text)

    def first_baseline(self) -> float:
        """Distance from the top of the paragraph to its first baseline (to align it with another)."""
        return self._baseline()

    def _baseline(self) -> float:
        """Distance from the top of a line box to its baseline: the em box centred in it."""
        size = max((s.size for s in self.spans if not s.rise), default=0.0)
        return (self.style.leading - size) / 2 + ASCENT * size


def split_point(total: int, fits: int) -> int:
    """Lines to keep on this page: 0 means move the paragraph whole (K5 widows and orphans)."""
    if total < 2 * MIN_LINES_APART:
        return 0
    keep = min(fits, total - MIN_LINES_APART)
    return keep if keep >= MIN_LINES_APART else 0


def _slice(spans: tuple[Span, ...], start: int, stop: int | None) -> tuple[Span, ...]:
    """The spans covering text[start:stop] of the paragraph."""
    out, pos = [], 0
    for span in spans:
        end = pos + len(span.text)
        lo, hi = max(start, pos), end if stop is None else min(stop, end)
        if lo < hi:
            out.append(replace(span, text=span.text[lo - pos:hi - pos]))
        pos = end
    return tuple(out)


def draw_line(canv: Canvas, text: str, font: str, size: float, x: float, y: float, anchor: str = "left") -> None:
    """One line of Chinese on a page (running head, footer) with the paragraph's spacing rules:
    ¼-em Han–Latin gaps and compressed marks. `anchor` is where x is: left, center or right."""
    line = typeset([Span(text, font, size)], 10_000.0, measure, 0.0, "left")[0]
    shift = {"left": 0.0, "center": line.width / 2, "right": line.width}[anchor]
    out = canv.beginText()
    for glyph in line.glyphs:
        out.setFont(glyph.font, glyph.size)
        out.setHorizScale(SQUEEZED_SCALE if glyph.tracking < 0 else 100.0)
        out.setTextOrigin(x - shift + glyph.x, y)
        out.textOut(glyph.text)
    canv.drawText(out)
