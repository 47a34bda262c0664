"""Render one edition to PDF bytes: fonts, page templates, story, metadata, two or more passes."""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
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


@dataclass(frozen=True)
class Prepared:
    """An edition's story, made (and its text set, by set_ahead) before its render."""

    geometry: Geometry
    words: PageWords
    story: list[Flowable]


def render_pdf(document: Document, charts: dict[str, Picture], options: RenderOptions,
               prepared: Prepared | None = None) -> bytes:
    """The edition as PDF bytes; identical inputs give identical bytes."""
    with _edition_context([document]):
        register_fonts(options.font_dir, faces_for([document.locale], document.has_chinese()))
        made = prepared or _single_story(document, charts, options)
        return _build(document, made.geometry, made.words, made.story,
                      document.lang or PDF_LANG.get(document.locale, document.locale), options)


def _single_story(document: Document, charts: dict[str, Picture], options: RenderOptions) -> Prepared:
    ui, typo = interface(document.locale), typography(document.locale)
    geo = geometry(options.paper, typo.body.size, options.print_marks, typo.measure_em)
    words = _words(document, ui, typo.sans, ui.gettext("Page {page} of {pages}"))
    return Prepared(geo, words, StoryBuilder(document, charts, typo, ui, geo.text_width, options.stamp).story())


def render_parallel_pdf(chinese: Document, english: Document, charts: dict[str, Picture],
                        options: RenderOptions, stamps: tuple[str, str],
                        english_charts: dict[str, Picture] | None = None, prepared: Prepared | None = None) -> bytes:
    """The bilingual edition: Chinese left, English right, columns sized to the two texts; each
    chart in both languages (the Chinese drawing twice when no English pictures are given)."""
    with _edition_context([chinese, english]):
        register_fonts(options.font_dir, faces_for(["zh", english.locale], True))
        en_charts = charts if english_charts is None else english_charts
        made = prepared or _parallel_story(chinese, english, (charts, en_charts), options, stamps)
        return _build(chinese, made.geometry, made.words, made.story, "zh-CN", options, english)


def _parallel_story(chinese: Document, english: Document, charts: tuple[dict[str, Picture], dict[str, Picture]],
                    options: RenderOptions, stamps: tuple[str, str]) -> Prepared:
    zh_ui, en_ui = interface("zh"), interface("en")
    zh_typo, en_typo = typography("zh"), typography("en", column=True)
    geo = geometry(options.paper, zh_typo.body.size, options.print_marks)
    footer = f"{zh_ui.gettext('Page {page} of {pages}')}  ·  {en_ui.gettext('Page {page} of {pages}')}"
    words = replace(_words(chinese, zh_ui, zh_typo.sans, footer, english), latin_font=en_typo.sans)

    def builders(column: float) -> tuple[StoryBuilder, StoryBuilder]:
        return column_builders(chinese, english, charts, geo.text_width, stamps, column)

    column = balanced_column(*builders(geo.text_width / 2), geo.text_width, zh_typo.body.size)
    full = StoryBuilder(chinese, charts[0], zh_typo, zh_ui, geo.text_width, stamps[0], key_prefix="c")
    return Prepared(geo, words, ParallelStoryBuilder(full, *builders(column), column).story())


@contextmanager
def _edition_context(documents: list[Document]) -> Iterator[None]:
    """While an edition's story is made and laid out: en-GB text is tagged en-GB, and the
    glossary's Chinese terms are not broken inside."""
    other = documents[-1]
    with languages({other.locale: other.lang}), known_words(documents[0].chinese_terms):
        yield


def set_ahead(documents: list[Document], charts: Sequence[dict[str, Picture]], options: RenderOptions,
              stamps: Sequence[str]) -> Prepared:
    """The story of the edition of these documents (one, or the bilingual pair), made and its
    text set at the widths its layout will ask for, no chart looked at: for a thread, while an
    earlier edition waits for its charts. The render given it finds the settings made (they
    are shared, see paragraph.layout). The fonts must be registered first."""
    with _edition_context(documents):
        if len(documents) == 2:
            made = _parallel_story(documents[0], documents[1], (charts[0], charts[1]), options,
                                   (stamps[0], stamps[1]))
        else:
            made = _single_story(documents[0], charts[0], replace(options, stamp=stamps[0]))
        _set_paragraphs(made.story, made.geometry.text_width)
        return made


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
