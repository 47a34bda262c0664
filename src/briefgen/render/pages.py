"""Page templates: running head, "Page 3 of 12" footer, DRAFT stamp, print marks, outline and TOC hooks."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, FrameBreak, PageBreak, PageTemplate
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.tableofcontents import TableOfContents

from briefgen.render.cjk_paragraph import draw_line
from briefgen.model.document import has_chinese
from briefgen.render.faces import face_for
from briefgen.render.keep import KeepWithFirstLines
from briefgen.render.styles import ACCENT, DRAFT_GREY, MUTED, RULE, Geometry
from briefgen.render.tagging import Recorder, Tag, TaggingFrame, artifact, attach, discard_drawing, marked

MARK_LENGTH = 6 * mm


@dataclass(frozen=True)
class PageWords:
    """The words printed on every page, already in the edition's language."""

    running_head: str
    running_date: str
    footer: str  # "Page {page} of {pages}" translated, with those two fields
    draft: str  # "" for a complete edition
    draft_note: str
    font: str  # the sans face of the edition
    cover_note: str = ""  # credits and source, at the foot of the cover
    latin_font: str = ""  # the bilingual edition's face for a line with no Chinese (its English credits)


def _opens(flowable: Flowable) -> float:
    """The level a flowable opens: 0 a part (its title, kicker or break), 1 a section; else infinite."""
    if isinstance(flowable, (PageBreak, CondPageBreak)):
        return -1
    outline = getattr(flowable, "_outline", None)
    level = getattr(flowable, "_opens", outline[1] if outline else None)
    return float("inf") if level is None else level


def mark_heading(flowable: Flowable, title: str, level: int, key: str, toc: bool = True) -> Flowable:
    """Tag a flowable so it gets a PDF bookmark (and, with toc, a contents entry)."""
    flowable._outline = (title, level, key, toc)  # type: ignore[attr-defined]
    return flowable


class PageCounter(TableOfContents):
    """Counts pages at the end of each pass; not satisfied until the count stops changing.

    A TableOfContents subclass only so that multiBuild treats it as an indexing flowable.
    """

    def __init__(self) -> None:
        super().__init__()
        self.previous = -1
        self.total = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def drawOn(self, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        pass

    def isSatisfied(self) -> bool:  # noqa: N802
        return self.previous == self.total

    def beforeBuild(self) -> None:  # noqa: N802
        self.previous, self.total = self.total, 0

    def counting(self) -> bool:
        """The first pass, which only counts: it is never satisfied (previous is 0, the count is not)."""
        return self.previous <= 0

    def pages(self, current: int) -> int:
        """The total to print: last pass's count (the next pass corrects a change)."""
        return self.previous if self.previous > 0 else current

    def count(self, pages: int) -> None:
        self.total = pages


class BriefDocTemplate(BaseDocTemplate):
    """Cover and body page templates on a sheet that may carry bleed and crop marks."""

    def __init__(self, target: Any, geometry: Geometry, words: PageWords, counter: PageCounter,
                 recorder: Recorder | None = None, **kw: Any):
        self.recorder = recorder
        self.cover_note_tag: Tag | None = None  # set once the story is numbered
        self.geometry = geometry
        self.words = words
        self.counter = counter
        super().__init__(target, pagesize=geometry.sheet, leftMargin=0, rightMargin=0, topMargin=0,
                         bottomMargin=0, invariant=1, initialFontName=words.font,
                         keepTogetherClass=KeepWithFirstLines, **kw)  # a heading keeps the first lines after it
        g = geometry
        frame = TaggingFrame(g.offset + g.margin_left, g.offset + g.margin_bottom, g.text_width, g.text_height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([
            PageTemplate("cover", [frame], onPage=self.decorate_cover),
            PageTemplate("body", [frame], onPage=self.decorate_body),
        ])

    def handle_documentBegin(self) -> None:  # noqa: N802
        super().handle_documentBegin()
        self.canv.setPageCompression(1)
        discard_drawing(self.canv, self.counter.counting())  # never the last pass: its canvas is not saved
        if self.recorder is not None:  # marked content of this pass only
            self.recorder.reset()
            attach(self.canv, self.recorder)
        self.floats: list[Flowable] = []  # figures waiting for the top of the next page
        self.float_page = 0

    def handle_flowable(self, flowables: list[Flowable]) -> None:  # noqa: N802
        """Float a figure that does not fit to the top of the next page while the text runs on.

        A figure (marked `_float` with the level of the heading it belongs under) that does not fit
        in what is left of the page waits; the text after it fills the page; at the next page's
        top the figure comes first. It never passes a heading of its own level or above (nor a
        page or part break): there it is placed if the page now has room (after the last of its
        section's text), else the page ends, so that the figure stays in its section.
        """
        if flowables is self._hanging or not flowables:
            super().handle_flowable(flowables)
            return
        f = flowables[0]
        if self.floats:
            if self.page > self.float_page and self.frame._atTop:
                flowables[0:0], self.floats = self.floats, []
            elif _opens(f) <= min(getattr(w, "_float", 0) for w in self.floats):
                ready = self.frame._atTop or all(self._fits(w) for w in self.floats[:1]) and len(self.floats) == 1
                flowables[0:0], self.floats = [*([] if ready else [FrameBreak()]), *self.floats], []
            elif getattr(f, "_float", None) is not None:
                self.floats.append(flowables.pop(0))  # figures keep their order
                return
        elif getattr(f, "_float", None) is not None and not self.frame._atTop and not self._fits(f):
            self.floats.append(flowables.pop(0))
            self.float_page = self.page
            return
        super().handle_flowable(flowables)

    def _fits(self, flowable: Flowable) -> bool:
        frame = self.frame
        room = frame._y - frame._y1p - flowable.getSpaceBefore()
        height = flowable.wrapOn(self.canv, frame._getAvailableWidth(), room)[1]
        return getattr(flowable, "_H", height) <= room  # a KeepTogether answers "too tall" and keeps its height in _H

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        outline = getattr(flowable, "_outline", None)
        if outline is None:
            return
        title, level, key, toc = outline
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
        if toc:
            self.notify("TOCEntry", (level, title, self.page, key))

    def afterPage(self) -> None:  # noqa: N802
        self.counter.count(self.page)

    def decorate_cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._sheet(canv)
        g = self.geometry
        canv.saveState()
        canv.setFillColor(ACCENT)
        band = 14 * mm
        with artifact(canv):
            canv.rect(g.offset - g.bleed, g.offset + g.trim_height - band, g.trim_width + 2 * g.bleed,
                      band + g.bleed, stroke=0, fill=1)
        canv.setFillColor(MUTED)
        with marked(canv, self.cover_note_tag):
            lines = self.words.cover_note.split("\n")
            for n, line in enumerate(lines):  # top line first, so it also reads first
                self._text(canv, line, 9, g.offset + g.margin_left, g.offset + g.margin_bottom + (len(lines) - 1 - n) * 14)
        canv.restoreState()
        self._draft(canv)

    def decorate_body(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._sheet(canv)
        g = self.geometry
        left, right = g.offset + g.margin_left, g.offset + g.margin_left + g.text_width
        head_y = g.offset + g.trim_height - g.margin_top + 7 * mm
        with artifact(canv, "Pagination"):
            self._running(canv, left, right, head_y)
        self._draft(canv)

    def _running(self, canv: Canvas, left: float, right: float, head_y: float) -> None:
        g = self.geometry
        canv.saveState()
        canv.setFillColor(MUTED)
        self._text(canv, self.words.running_head, 8, left, head_y + 2)
        self._text(canv, self.words.running_date, 8, right, head_y + 2, "right")
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(left, head_y - 2, right, head_y - 2)
        total = self.counter.pages(self.page)
        footer = self.words.footer.format(page=self.page, pages=total)
        self._text(canv, footer, 8, (left + right) / 2, g.offset + g.margin_bottom - 11 * mm, "center")
        canv.restoreState()

    def _text(self, canv: Canvas, text: str, size: float, x: float, y: float, anchor: str = "left") -> None:
        """Draw a page string in the edition's sans face; Chinese by the paragraph's spacing rules."""
        font = face_for(text, self.words.font)
        if self.words.latin_font and not has_chinese(text):
            font = self.words.latin_font
        if has_chinese(text):
            draw_line(canv, text, font, size, x, y, anchor)
            return
        canv.setFont(font, size)
        {"left": canv.drawString, "center": canv.drawCentredString, "right": canv.drawRightString}[anchor](x, y, text)

    def _sheet(self, canv: Canvas) -> None:
        """Trim and bleed boxes and crop marks, when printing with marks."""
        if canv.getPageNumber() == 1:  # one range: labels 1..n, as the footers print them
            canv.addPageLabel(0, style="D", start=1)
        g = self.geometry
        if not g.offset:
            return
        x0, y0 = g.offset, g.offset
        x1, y1 = x0 + g.trim_width, y0 + g.trim_height
        canv.setTrimBox((x0, y0, x1, y1))
        canv.setBleedBox((x0 - g.bleed, y0 - g.bleed, x1 + g.bleed, y1 + g.bleed))
        with artifact(canv, "Pagination"):
            self._crop_marks(canv, x0, y0, x1, y1)

    def _crop_marks(self, canv: Canvas, x0: float, y0: float, x1: float, y1: float) -> None:
        g = self.geometry
        canv.saveState()
        canv.setLineWidth(0.25)
        canv.setStrokeColorCMYK(1, 1, 1, 1)
        gap = g.bleed + 1 * mm
        for x in (x0, x1):
            for y, direction in ((y0, -1), (y1, 1)):
                canv.line(x, y + direction * gap, x, y + direction * (gap + MARK_LENGTH))
        for y in (y0, y1):
            for x, direction in ((x0, -1), (x1, 1)):
                canv.line(x + direction * gap, y, x + direction * (gap + MARK_LENGTH), y)
        canv.restoreState()

    def _draft(self, canv: Canvas) -> None:
        """An incomplete translation is stamped DRAFT on every page."""
        if not self.words.draft:
            return
        with artifact(canv, "Pagination", "Watermark"):
            self._draft_marks(canv)

    def _draft_marks(self, canv: Canvas) -> None:
        g = self.geometry
        canv.saveState()
        canv.setFillColor(DRAFT_GREY)
        canv.setFont(face_for(self.words.draft, f"{self.words.font}-Bold"), 96)
        canv.translate(g.offset + g.trim_width / 2, g.offset + g.trim_height / 2)
        canv.rotate(40)
        canv.drawCentredString(0, -30, self.words.draft)
        canv.restoreState()
        canv.saveState()
        canv.setFont(face_for(self.words.draft_note, f"{self.words.font}-Bold"), 8)
        canv.setFillColor(ACCENT)
        canv.drawCentredString(g.offset + g.trim_width / 2, g.offset + g.trim_height - 8 * mm, self.words.draft_note)
        canv.restoreState()
