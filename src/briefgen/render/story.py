"""Step 5 - Lay out a localized document as a ReportLab story: cover, contents, parts, back page."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, NextPageTemplate, PageBreak, Spacer, TableStyle

from briefgen.i18n.interface import Interface
from briefgen.model.picture import Picture
from briefgen.model.document import BREAK, ChartData, Datum, Document, Para, Part, Section, Span
from briefgen.render.paragraph import ASCENT
from briefgen.render.contents import Contents
from briefgen.render.faces import face_for
from briefgen.render.figure import figure
from briefgen.render.keep import AtFoot, PartBreak
from briefgen.render.pages import mark_heading
from briefgen.render.styles import ACCENT, MUTED, RULE, TINT, Type, Typography
from briefgen.render.tagging import OrderMark, TaggedTable, tag
from briefgen.render.text import plain_block, text_block


FIGURE_SIZES = (22.0, 20.0, 18.0, 16.0, 14.0)  # cover figures, largest first
PART_ROOM = 1 / 3  # a part runs on after the previous one when a third of the page is left
PART_GAP = 36.0  # space above a part that runs on


def baseline_drop(flowable: Flowable, type_: Type) -> float:
    """How much higher this one-line text sets its baseline than Chinese text of the same type
    (the em box centred in the line): a Latin line is moved down by that much beside Chinese."""
    chinese = (type_.leading - type_.size) / 2 + ASCENT * type_.size
    own = getattr(flowable, "first_baseline", None)
    return chinese - (float(own()) if callable(own) else type_.size)  # ReportLab: a font size below the top


class StoryBuilder:
    """Builds the flowables of one edition."""

    def __init__(self, document: Document, charts: dict[str, Picture], typo: Typography, ui: Interface,
                 text_width: float, stamp: str, figure_width: float | None = None, key_prefix: str = "h"):
        self.doc = document
        self.charts = charts
        self.typo = typo
        self.ui = ui
        self.width = text_width
        self.figure_width = figure_width or text_width  # charts span the page in the bilingual edition
        self.key_prefix = key_prefix
        self.body_align = "justify"  # ragged right for English in the bilingual edition's narrow column
        self.banner_label = True  # the bilingual edition labels its banners once, in Chinese
        self.stamp = stamp
        self.locale = document.locale
        self.figures = 0
        self.keys = 0
        self.unit_gap = "" if self.locale == "zh" else " "  # 1324.9亿斤; 132.49 billion jin

    def story(self) -> list[Flowable]:
        out = list(self.cover())
        out += [OrderMark(), NextPageTemplate("body"), PageBreak()]
        out += list(self.contents())
        for n, part in enumerate(self.doc.parts):
            out += [*self.part_break(n), *self.part(part)]
        out.append(AtFoot(list(self.back_page())))  # the colophon at the foot of the last page
        return out

    def part_break(self, n: int) -> list[Flowable]:
        """The first part opens a page after the contents; a later one runs on when the page has room."""
        return [PageBreak()] if n == 0 else [PartBreak(PART_ROOM)]

    def key(self) -> str:
        self.keys += 1
        return f"{self.key_prefix}{self.keys}"

    # --- cover -------------------------------------------------------------------------
    def cover(self) -> Iterator[Flowable]:
        yield Spacer(0, 96)
        yield self.dateline()
        yield Spacer(0, 14)
        yield from self.titles()
        yield Spacer(0, 22)
        yield HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceAfter=16)
        if self.doc.cover:
            yield self.figures_heading()
            yield self.cover_figures(self.doc.cover)
            yield Spacer(0, 26)
        for para in self.doc.lead:
            yield self.paragraph(para)

    def dateline(self, stacked: bool = False) -> Flowable:
        """Where and when, on one line (· between) or, in a narrow column, on two."""
        type_ = Type(self.typo.sans, 10.5, 16, MUTED)
        if stacked:
            return text_block([Span(self.doc.dateline), BREAK, Span(self.doc.date_text)], type_, self.locale,
                              align="left")
        return plain_block(f"{self.doc.dateline}  ·  {self.doc.date_text}", type_, self.locale, align="left")

    def titles(self) -> Iterator[Flowable]:
        """The title (bookmarked) and the subtitle."""
        t = self.typo
        yield mark_heading(plain_block(self.doc.title, t.title, self.locale, align="left"), self.doc.title, 0,
                           self.key(), toc=False)
        yield Spacer(0, 8)
        yield plain_block(self.doc.subtitle, t.subtitle, self.locale, align="left")

    def figures_heading(self) -> Flowable:
        return plain_block(self.ui.gettext("Key figures"), Type(f"{self.typo.sans}-Bold", 10, 16, ACCENT), self.locale,
                           align="left", space_after=8)

    def cover_figures(self, data: tuple[Datum, ...], columns: int | None = None) -> Flowable:
        columns = columns or (2 if len(data) == 4 else len(data))
        room = self.width / columns - 12
        size = next((s for s in FIGURE_SIZES if all(self.headline_width(d, s) <= room for d in data)), FIGURE_SIZES[-1])
        cells = [self.figure_cell(d, size) for d in data]
        rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
        table = TaggedTable(rows, colWidths=[self.width / columns] * columns)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 12), ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ("FONT", (0, 0), (-1, -1), self.typo.sans, 9),
        ]))
        return table

    def figure_text(self, datum: Datum) -> tuple[str, str, str]:
        """Bound words before, the big number, and the unit and words after it, spelt by the one
        formatter (Datum.figure): ("", "4.1%", ""), ("", "1324.9亿", "斤"), ("超过", "2%", "")."""
        f = datum.figure
        if f is None:
            return "", datum.display, ""
        gap = self.unit_gap
        after = gap.join(w for w in (f.unit, f.after) if w)
        return (f.before + gap if f.before else ""), f.number, (gap + after if after else "")

    def headline_width(self, datum: Datum, size: float) -> float:
        """Width of a headline figure at `size` with its unit, a quarter em spare for the Han–Latin gap."""
        before, number, unit = self.figure_text(datum)
        face = face_for(before + number + unit, self.typo.figure.font)
        return stringWidth(before + number + unit, face, size) + size / 4

    def figure_cell(self, datum: Datum, size: float) -> list[Flowable]:
        """A headline figure: the number large, its unit beside it, its label and year below;
        all figures of the cover share the largest size at which each fits its column."""
        before, number, unit = self.figure_text(datum)
        label = datum.caption or (self.ui.format("{label} ({year})", label=datum.label, year=datum.year)
                                  if datum.year else datum.label)
        figure = replace(self.typo.figure, size=size, leading=size * 1.2)
        return [
            text_block([Span(before), Span(number, bold=True), Span(unit)], figure, self.locale, align="left"),
            plain_block(label, self.typo.label, self.locale, align="left"),
        ]

    # --- contents ------------------------------------------------------------------------
    def contents(self) -> Iterator[Flowable]:
        title = self.ui.gettext("Contents")
        yield mark_heading(plain_block(title, self.typo.h1, self.locale, align="left", space_after=18), title, 0,
                           self.key(), toc=False)
        yield self.toc(self.contents_title)

    def toc(self, title: Callable[[str, int], Flowable]) -> Flowable:
        return tag(Contents(title, self.contents_number, self.typo.serif), "TOC", (0,))

    def contents_title(self, text: str, level: int) -> Flowable:
        type_ = self.typo.h3 if level == 0 else Type(self.typo.serif, 10.5, 16)
        return plain_block(text, type_, self.locale, align="left")

    def contents_number(self, page: str, level: int) -> Flowable:
        type_ = self.typo.h3 if level == 0 else Type(self.typo.serif, 10.5, 16)
        return plain_block(page, type_, self.locale, align="right")

    # --- parts -------------------------------------------------------------------------
    def part(self, part: Part) -> Iterator[Flowable]:
        t = self.typo
        if part.kicker:
            kicker = plain_block(part.kicker, t.kicker, self.locale, align="left", space_before=PART_GAP,
                                 space_after=4, keep_with_next=True)
            kicker._kicker = part.kicker  # type: ignore[attr-defined]  # the bilingual edition sets it once
            kicker._opens = 0  # type: ignore[attr-defined]  # a waiting figure goes before it
            yield kicker
        title = plain_block(part.title, t.h1, self.locale, align="left", space_before=0 if part.kicker else PART_GAP,
                            space_after=14, keep_with_next=True)
        yield mark_heading(title, part.title, 0, self.key())
        yield from (self.paragraph(p) for p in part.intro)
        if part.chart and part.intro:
            yield self.chart(part.chart, 0)
        for section in part.sections:
            yield from self.area(section) if section.keyword else self.section(section)
        if part.chart and not part.intro:
            yield self.chart(part.chart, 0)

    def section(self, section: Section) -> Iterator[Flowable]:
        yield mark_heading(plain_block(section.title, self.typo.h2, self.locale, align="left", space_before=14,
                                       space_after=8, keep_with_next=True), section.title, 1, self.key())
        yield from self.body(section)

    def area(self, section: Section) -> Iterator[Flowable]:
        yield Spacer(0, 12)
        yield mark_heading(self.banner(section.keyword or section.title), section.title, 1, self.key())
        if section.headline:
            yield text_block(section.headline, self.typo.h2, self.locale, align="left", space_before=8,
                             space_after=10, keep_with_next=True)
        yield from self.body(section)

    def body(self, section: Section) -> Iterator[Flowable]:
        """The paragraphs, the chart after the first: from there it floats to where it fits (here,
        or the top of the next page) with the rest of its section's text around it."""
        for n, para in enumerate(section.paragraphs):
            yield self.paragraph(para)
            if n == 0 and section.chart:
                yield self.chart(section.chart)
        if section.chart and not section.paragraphs:
            yield self.chart(section.chart)

    def banner(self, keyword: str) -> Flowable:
        bold = f"{self.typo.sans}-Bold"
        label = plain_block(self.ui.gettext("Key work area"), Type(bold, 10, 14, TINT), self.locale, align="center")
        word_type = Type(bold, 13, 18, ACCENT)
        word = plain_block(keyword, word_type, self.locale, align="left")
        drop = baseline_drop(word, word_type)  # the keyword's baseline where a Chinese one sits
        label_width = (68 if self.locale == "zh" else 100) if self.banner_label else 0.0  # beside 关键词: none
        table = TaggedTable([[label if label_width else "", word]], colWidths=[label_width, self.width - label_width])
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (0, 0), ACCENT), ("BACKGROUND", (1, 0), (1, 0), TINT),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (1, 0), (1, 0), 5 + drop), ("BOTTOMPADDING", (1, 0), (1, 0), 6 - drop),
            ("FONT", (0, 0), (-1, -1), self.typo.sans, 10),
        ]))
        table.keepWithNext = 1
        return table

    def paragraph(self, para: Para) -> Flowable:
        t = self.typo
        topic = tuple(Span(s.text, True, s.script, s.is_figure) for s in para.topic)
        gap = (Span(" "),) if topic and para.body and self.locale != "zh" else ()
        indent = t.first_indent_em * t.body.size
        return text_block(topic + gap + para.body, t.body, self.locale, first_indent=indent, align=self.body_align,
                          bold_font=t.topic_font, space_after=0 if self.locale == "zh" else 6, hyphenate=True)

    def chart(self, chart: ChartData, level: int = 1) -> Flowable:
        """A figure that floats within the part (level 0) or section (level 1) it belongs to."""
        self.figures += 1
        label = self.ui.format("Figure {n}", n=self.figures)
        source = self.ui.format("Source: {source}", source=chart.source)

        def picture() -> Picture:  # asked for at layout, when the chart may still be drawing
            return self.charts[chart.id]
        placed = figure(chart, picture, self.figure_width, self.typo, label, source)
        placed._float = level  # type: ignore[attr-defined]
        return placed

    # --- back page -------------------------------------------------------------------
    def back_page(self) -> Iterator[Flowable]:
        t = self.typo
        title = self.ui.gettext("About this brief")
        yield mark_heading(plain_block(title, t.h1, self.locale, align="left", space_after=14), title, 0, self.key())
        lines = [
            self.ui.format("Source: {source}", source=self.doc.source),
            f"{self.ui.gettext('Credits')}{'：' if self.locale == 'zh' else ': '}{self.doc.credits}",
            self.ui.format("Content version {version}", version=self.doc.version),
            self.stamp,
        ]
        for line in lines:
            yield plain_block(line, Type(t.sans, 10, 17, MUTED), self.locale, align="left")
        yield Spacer(0, 12)
        yield HRFlowable(width="100%", thickness=0.5, color=RULE, spaceAfter=8)
        yield plain_block(self.ui.gettext("Set in Noto Serif and Noto Sans (SIL Open Font License 1.1)."), t.note,
                          self.locale, align="left")
