"""Render one edition to PDF bytes: fonts, page templates, story, metadata, two or more passes."""
from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether

from briefgen.i18n.interface import Interface, interface
from briefgen.i18n.words import known_words
from briefgen.model.picture import Picture
from briefgen.model.document import Document
from briefgen.render.accessible import DocumentFacts, finish
from briefgen.render.faces import faces_for
from briefgen.render.fonts import register_fonts
from briefgen.render.pages import BriefDocTemplate, PageCounter, PageWords
from briefgen.render.keep import AtFoot
from briefgen.render.paragraph import SetParagraph
from briefgen.render.parallel import GAP, ParallelStoryBuilder, SideBySide, balanced_column
from briefgen.render.story import StoryBuilder
from briefgen.render.styles import Geometry, geometry, typography
from briefgen.render.tagging import BCP47 as PDF_LANG
from briefgen.render.tagging import Numbering, OrderMark, Recorder, languages, tag_of

CHART_SCALE = 0.8  # the bilingual edition's charts: labels at 80% size, still above 7 pt


@dataclass(frozen=True)
class RenderOptions:
    font_dir: Path
    paper: str = "a4"
    print_marks: bool = False
    stamp: str = ""  # the build stamp on the back page, already localized


def render_pdf(document: Document, charts: dict[str, Picture], options: RenderOptions) -> bytes:
    """The edition as PDF bytes; identical inputs give identical bytes."""
    # en-GB text is tagged en-GB; the glossary's Chinese terms are not broken inside
    with languages({document.locale: document.lang}), known_words(document.chinese_terms):
        register_fonts(options.font_dir, faces_for([document.locale], document.has_chinese()))
        geo, words, story = _single_story(document, charts, options)
        return _build(document, geo, words, story, document.lang or PDF_LANG.get(document.locale, document.locale),
                      options)


def _single_story(document: Document, charts: dict[str, Picture],
                  options: RenderOptions) -> tuple[Geometry, PageWords, list[Flowable]]:
    ui, typo = interface(document.locale), typography(document.locale)
    geo = geometry(options.paper, typo.body.size, options.print_marks, typo.measure_em)
    words = _words(document, ui, typo.sans, ui.gettext("Page {page} of {pages}"))
    return geo, words, StoryBuilder(document, charts, typo, ui, geo.text_width, options.stamp).story()


def render_parallel_pdf(chinese: Document, english: Document, charts: dict[str, Picture],
                        options: RenderOptions, stamps: tuple[str, str],
                        english_charts: dict[str, Picture] | None = None) -> bytes:
    """The bilingual edition: Chinese left, English right, columns sized to the two texts; each
    chart in both languages (the Chinese drawing twice when no English pictures are given)."""
    with languages({english.locale: english.lang}), known_words(chinese.chinese_terms):
        register_fonts(options.font_dir, faces_for(["zh", english.locale], True))
        en_charts = charts if english_charts is None else english_charts
        geo, words, story = _parallel_story(chinese, english, (charts, en_charts), options, stamps)
        return _build(chinese, geo, words, story, "zh-CN", options, english)


def _parallel_story(chinese: Document, english: Document, charts: tuple[dict[str, Picture], dict[str, Picture]],
                    options: RenderOptions, stamps: tuple[str, str]) -> tuple[Geometry, PageWords, list[Flowable]]:
    zh_ui, en_ui = interface("zh"), interface("en")
    zh_typo, en_typo = typography("zh"), typography("en", column=True)
    geo = geometry(options.paper, zh_typo.body.size, options.print_marks)
    footer = f"{zh_ui.gettext('Page {page} of {pages}')}  ·  {en_ui.gettext('Page {page} of {pages}')}"
    words = replace(_words(chinese, zh_ui, zh_typo.sans, footer, english), latin_font=en_typo.sans)

    def builders(column: float) -> tuple[StoryBuilder, StoryBuilder]:
        return column_builders(chinese, english, charts, geo.text_width, stamps, column)

    column = balanced_column(*builders(geo.text_width / 2), geo.text_width, zh_typo.body.size)
    full = StoryBuilder(chinese, charts[0], zh_typo, zh_ui, geo.text_width, stamps[0], key_prefix="c")
    return geo, words, ParallelStoryBuilder(full, *builders(column), column).story()


def set_ahead(documents: list[Document], options: RenderOptions, stamps: Sequence[str]) -> None:
    """Set the paragraphs of the edition of these documents (one, or the bilingual pair) at the
    widths its layout will ask for, charts aside: its render then finds them set (settings are
    shared, see paragraph.layout). For a thread, while an earlier edition waits for its charts;
    the fonts must be registered first."""
    with known_words(documents[0].chinese_terms):
        if len(documents) == 2:
            geo, _, story = _parallel_story(documents[0], documents[1], ({}, {}), options, (stamps[0], stamps[1]))
        else:
            geo, _, story = _single_story(documents[0], {}, replace(options, stamp=stamps[0]))
        _set_paragraphs(story, geo.text_width)


def _set_paragraphs(flowables: Iterable[Flowable], width: float) -> None:
    for flowable in flowables:
        if isinstance(flowable, SetParagraph):
            flowable.layout(width)
        elif isinstance(flowable, SideBySide):
            left, right = flowable._widths(width)
            _set_paragraphs([flowable.left], left)
            _set_paragraphs([flowable.right], right)
        elif isinstance(flowable, KeepTogether):
            _set_paragraphs(flowable._content, width)
        elif isinstance(flowable, AtFoot):
            _set_paragraphs(flowable.content, width)


def column_builders(chinese: Document, english: Document, charts: tuple[dict[str, Picture], dict[str, Picture]],
                    text_width: float, stamps: tuple[str, str], column: float) -> tuple[StoryBuilder, StoryBuilder]:
    """The bilingual edition's builders: Chinese in a column this wide, English beside it."""
    zh_typo, en_typo = typography("zh"), typography("en", column=True)
    chart_width = CHART_SCALE * text_width  # two drawings of each chart, one above the other
    left = StoryBuilder(chinese, charts[0], zh_typo, interface("zh"), column, stamps[0], chart_width, key_prefix="z")
    right = StoryBuilder(english, charts[1], en_typo, interface("en"), text_width - column - GAP, stamps[1],
                         chart_width, key_prefix="e")
    # a narrow English column justifies with rivers: ragged right with hyphens; banners labelled once, on the left
    right.body_align, right.banner_label = "left", False
    return left, right


def _words(document: Document, ui: Interface, font: str, footer: str, other: Document | None = None) -> PageWords:
    draft = document.draft or (other is not None and other.draft)
    head = f"{document.title} · {other.title if other else document.subtitle}" if document.locale == "zh" else document.title
    draft_ui = interface(other.locale) if other is not None and other.draft else ui
    return PageWords(
        running_head=head, running_date=document.date_text, footer=footer,
        draft=draft_ui.gettext("DRAFT") if draft else "",
        draft_note=draft_ui.gettext("Draft — incomplete translation") if draft else "", font=font,
        cover_note="\n".join(_credits(d) for d in (document, other) if d is not None),
    )


def _credits(document: Document) -> str:
    """The credits and source lines at the foot of the cover, in the document's language."""
    return f"{document.credits}\n{interface(document.locale).format('Source: {source}', source=document.source)}"


def _build(document: Document, geo: Geometry, words: PageWords, story: list[Flowable], lang: str,
           options: RenderOptions, other: Document | None = None) -> bytes:
    """Two or more layout passes (contents and page total settle), then the tagged PDF bytes."""
    buffer = io.BytesIO()
    counter = PageCounter()
    recorder = Recorder()
    title = f"{document.title} / {other.title}" if other else document.title
    terms = document.glossary_terms + (other.glossary_terms if other else ())
    facts = DocumentFacts(title, document.author, document.subtitle, ", ".join(terms[:12]), lang,
                          archival=not options.print_marks)
    template = BriefDocTemplate(
        buffer, geo, words, counter, recorder, title=facts.title, author=facts.author, subject=facts.subject,
        keywords=facts.keywords, creator="briefgen", producer="briefgen (ReportLab, pikepdf)", lang=lang,
    )
    Numbering(lang).story(story)
    template.cover_note_tag = next((tag_of(f) for f in story if isinstance(f, OrderMark)), None)
    template.multiBuild([counter, *story], maxPasses=6)
    return finish(buffer.getvalue(), recorder, facts)
