"""Render one edition to PDF bytes: fonts, page templates, story, metadata, two or more passes."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from briefgen.i18n.interface import interface
from briefgen.model.document import Document
from briefgen.render.fonts import register_fonts
from briefgen.render.pages import BriefDocTemplate, PageCounter, PageWords
from briefgen.render.story import StoryBuilder
from briefgen.render.styles import geometry, typography

PDF_LANG = {"zh": "zh-CN", "en": "en-US"}


@dataclass(frozen=True)
class RenderOptions:
    font_dir: Path
    paper: str = "a4"
    print_marks: bool = False
    stamp: str = ""  # the build stamp on the back page, already localized


def render_pdf(document: Document, charts: dict[str, bytes], options: RenderOptions) -> bytes:
    """The edition as PDF bytes; identical inputs give identical bytes."""
    register_fonts(options.font_dir)
    ui = interface(document.locale)
    typo = typography(document.locale)
    geo = geometry(options.paper, typo.body.size, options.print_marks)
    words = PageWords(
        running_head=f"{document.title} · {document.subtitle}" if document.locale == "zh" else document.title,
        running_date=document.date_text, footer=ui.gettext("Page {page} of {pages}"),
        draft=ui.gettext("DRAFT") if document.draft else "",
        draft_note=ui.gettext("Draft — incomplete translation") if document.draft else "", font=typo.sans,
        cover_note=f"{document.credits}\n{ui.format('Source: {source}', source=document.source)}",
    )
    buffer = io.BytesIO()
    counter = PageCounter()
    template = BriefDocTemplate(
        buffer, geo, words, counter, title=document.title, author=document.author, subject=document.subtitle,
        keywords=", ".join(document.glossary_terms[:12]), creator="briefgen", producer="briefgen (ReportLab)",
        lang=PDF_LANG.get(document.locale, document.locale),
    )
    story = StoryBuilder(document, charts, typo, ui, geo.text_width, options.stamp).story()
    template.multiBuild([counter, *story], maxPasses=6)
    return buffer.getvalue()
