"""A ReportLab flowable for a paragraph set by briefgen's own engines: every glyph run placed, split with no lone line."""
from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from reportlab.lib.colors import Color, black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from briefgen.i18n.words import current_terms
from briefgen.render.linebreak import ALIGNMENTS, Glyph, Line, Span
from briefgen.render.tagging import discarded

ASCENT = 0.88  # top of the em box above the baseline, in em (Noto: 880/1000)
SQUEEZED_SCALE = 95.0  # % width of a squeezed Chinese mark (see draw)
MIN_LINES_APART = 2  # K5: lines kept together at a page bottom and at the next page's top


@dataclass(frozen=True)
class TextStyle:
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


WIDTH_DIGITS = 6  # a width is rounded to a millionth of a point before it is set
SHARED_LAYOUTS = 8192  # paragraph settings kept (the seed's three editions make about 1,500)


@lru_cache(maxsize=None)
def measure(text: str, font: str, size: float) -> float:
    """Advance width of text in a registered font, as the PDF viewer will place it."""
    return stringWidth(text, font, size)


class SetParagraph(Flowable):
    """A paragraph whose lines an engine sets (`typeset`); split with no lone line at a page edge.

    Every wrap starts from the paragraph's own spans, never from lines set before, and a
    piece cut by split() keeps the lines it was cut from: wrapping twice changes nothing.
    """

    def __init__(self, spans: Sequence[Span], style: TextStyle) -> None:
        super().__init__()
        self.spans = tuple(spans)
        self.style = style
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.keepWithNext = style.keep_with_next
        self._fixed: tuple[Line, ...] | None = None  # the lines of a head cut by split()
        self._layouts: dict[float, tuple[Line, ...]] = {}
        self.lines: tuple[Line, ...] = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.getPlainText()[:20]!r}…)"

    def getPlainText(self) -> str:  # noqa: N802 (ReportLab's name)
        """The source text, for bookmarks and the table of contents."""
        return "".join(span.text for span in self.spans)

    def typeset(self, width: float) -> list[Line]:
        """The paragraph's lines at this width (each engine's own)."""
        raise NotImplementedError

    def options(self) -> tuple[object, ...]:
        """Everything besides spans and width that typeset() depends on (hashable): settings are
        shared between paragraphs whose type, spans, options and width are equal, so a subclass
        with state of its own that changes its lines must add it here."""
        return (self.style.first_indent, self.style.align)

    def layout(self, width: float) -> tuple[Line, ...]:
        """The lines at this width: platypus wraps a flowable more than once, and the bilingual
        edition sets the same paragraphs while it chooses its columns and again in its story, so
        settings are kept per instance and shared between equal paragraphs."""
        if self._fixed is not None:
            return self._fixed
        width = round(width, WIDTH_DIGITS)  # 276.00000000000006, from a frame less a column, is 276
        if width not in self._layouts:
            self._layouts[width] = _shared_layout(self, width)
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
        if cut and lines[cut - 1].hyphen:  # no word hyphenated across pages: a line less, or none
            cut = cut - 1 if cut > MIN_LINES_APART else 0
        if cut == 0 or self._fixed is not None:
            return []
        return [self._head(lines[:cut]), self._tail(lines[cut:], availWidth)]

    def _head(self, lines: tuple[Line, ...]) -> SetParagraph:
        head = self._piece(_slice(self.spans, 0, lines[-1].end),
                           replace(self.style, space_after=0.0, keep_with_next=False))
        head._fixed = lines
        return head

    def _tail(self, lines: tuple[Line, ...], width: float) -> SetParagraph:
        start = lines[0].start
        tail = self._piece(_slice(self.spans, start, None),
                           replace(self.style, first_indent=0.0, space_before=0.0))
        moved = tuple(replace(line, start=line.start - start, end=line.end - start) for line in lines)
        tail._layouts[round(width, WIDTH_DIGITS)] = moved  # the same lines, not a new setting
        return tail

    def _piece(self, spans: tuple[Span, ...], style: TextStyle) -> SetParagraph:
        """A paragraph of the same kind and setting (not its bookmark) holding part of the text."""
        return type(self)(spans, style)

    def draw(self) -> None:
        """One text object; each glyph run placed by its own text matrix.

        A squeezed mark (K3) is drawn 5% narrower (see drawn_at).
        """
        if discarded(self.canv):
            return
        text = self.canv.beginText()
        text.setFillColor(self.style.color)
        state: tuple[str, float, float, float, float] | None = None
        baseline = self._baseline()
        for n, line in enumerate(self.lines):
            y = self.height - n * self.style.leading - baseline
            for glyph in line.glyphs:
                if state != (glyph.font, glyph.size, glyph.rise, glyph.tracking, glyph.spacing):
                    if state is None or state[4] != glyph.spacing:
                        text.setCharSpace(glyph.spacing)
                    state = (glyph.font, glyph.size, glyph.rise, glyph.tracking, glyph.spacing)
                    text.setFont(glyph.font, glyph.size)
                    text.setRise(glyph.rise)
                    text.setHorizScale(SQUEEZED_SCALE if glyph.tracking < 0 else 100.0)
                text.setTextOrigin(drawn_at(glyph), y)
                text.textOut(glyph.text)
        self.canv.drawText(text)

    def first_baseline(self) -> float:
        """Distance from the top of the paragraph to its first baseline (to align it with another)."""
        return self._baseline()

    def _baseline(self) -> float:
        """Distance from the top of a line box to its baseline: the em box centred in it."""
        size = max((s.size for s in self.spans if not s.rise), default=0.0)
        return (self.style.leading - size) / 2 + ASCENT * size


def drawn_at(glyph: Glyph) -> float:
    """Where a glyph run's origin goes. A squeezed mark (K3) is drawn 5% narrower: its box then
    overlaps its neighbour by less than ½ em, which pdftotext still reads as one line (at ½ em
    it may not); a shifted opening mark stays flush with the character after it."""
    if glyph.shifted:
        return glyph.x + glyph.width * (1 - SQUEEZED_SCALE / 100)
    return glyph.x


_LAYOUTS: dict[tuple[object, ...], tuple[Line, ...]] = {}
_LAYOUTS_LOCK = threading.Lock()  # a thread may set paragraphs ahead of the layout (render.pdf.set_ahead)


def _shared_layout(paragraph: SetParagraph, width: float) -> tuple[Line, ...]:
    """The paragraph's lines, set once per process for equal text, setting, width and known
    words (the glossary's terms change where Chinese words break); the oldest settings go
    first past SHARED_LAYOUTS."""
    key = (type(paragraph), paragraph.spans, paragraph.options(), width, current_terms())
    found = _LAYOUTS.get(key)
    if found is None:
        found = tuple(paragraph.typeset(width))
        with _LAYOUTS_LOCK:
            _LAYOUTS[key] = found
            if len(_LAYOUTS) > SHARED_LAYOUTS:
                del _LAYOUTS[next(iter(_LAYOUTS))]
    return found


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
