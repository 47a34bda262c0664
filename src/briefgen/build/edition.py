"""Build one edition (a brief in one language): localize, draw its charts, render, write atomically."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefgen.content.model import Brief
from briefgen.errors import Problem
from briefgen.build.pictures import ChartPictures, OnChart, start_charts, story_order
from briefgen.files import atomic_write, sha256_bytes
from briefgen.i18n.catalog import load_translations
from briefgen.i18n.interface import interface
from briefgen.i18n.numbers import format_brief_date
from briefgen.model.document import Document
from briefgen.model.localize import localize
from briefgen.runtime import build_date

PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")  # not /Pages, not /PageLabel


@dataclass(frozen=True)
class Edition:
    """What a worker needs to build one PDF."""

    brief: Brief
    locale: str  # the edition: a locale, or "zh-en" for the bilingual edition
    output: Path
    cache: Path  # folder of cached chart Pictures
    font_dir: Path
    paper: str
    print_marks: bool
    code_version: str  # changes whenever briefgen's own code or catalogs change
    spare_core: bool = False  # a core is free: draw charts in a second process


@dataclass(frozen=True)
class EditionResult:
    output: Path
    sha256: str
    pages: int
    size: int  # bytes
    charts_drawn: int
    draft: bool
    warnings: tuple[Problem, ...] = ()  # e.g. a damaged chart cache file, ignored


def localized(brief: Brief, locale: str) -> Document:
    return localize(brief, load_translations(brief, locale), interface(locale))


def edition_locales(name: str) -> list[str]:
    """The languages of an edition: "zh" -> [zh]; the bilingual "zh-en" -> [zh, en]."""
    return name.split("-")


def build_edition(edition: Edition, on_chart: OnChart | None = None) -> EditionResult:
    """Render the edition's PDF and replace the old one only once the new one is complete."""
    result, pdf = render_edition(edition, on_chart)
    atomic_write(edition.output, pdf)
    return result


def render_edition(edition: Edition, on_chart: OnChart | None = None) -> tuple[EditionResult, bytes]:
    """The edition's PDF (not yet written) and what it is.

    With a spare core the charts are drawn in a second process while this one loads ReportLab,
    registers the fonts and lays out the text; each figure waits only for its own chart (ReportLab
    asks for it when it first measures the figure).
    """
    first, *others = edition_locales(edition.locale)
    documents = [localized(edition.brief, first)]  # its charts are the edition's: start them first
    counts: dict[int, tuple[int, int]] = {}  # charts ready and in all, per language, for on_chart
    charts = start_charts(story_order(documents[0]), edition.cache, edition.font_dir, edition.code_version,
                          background=edition.spare_core, on_chart=_counter(on_chart, 0, counts))
    sets = [charts]  # the bilingual edition shows every chart in both languages: a set per language
    try:
        documents += [localized(edition.brief, locale) for locale in others]
        sets += [start_charts(story_order(d), edition.cache, edition.font_dir, edition.code_version,
                              background=edition.spare_core, on_chart=_counter(on_chart, n, counts))
                 for n, d in enumerate(documents[1:], 1)]
        pdf = _render(documents, sets, edition)
        drawn = sum(s.finish() for s in sets)  # every chart drawn and cached, or the chart process's error raised
    except BaseException:
        for s in sets:
            s.reraise()  # ReportLab re-raises an error met in a figure as a new, renamed exception
        raise
    finally:
        for s in sets:
            s.close()
    draft = any(d.draft for d in documents)
    warnings = tuple(w for s in sets for w in s.warnings)
    result = EditionResult(edition.output, sha256_bytes(pdf), len(PAGE.findall(pdf)), len(pdf), drawn, draft, warnings)
    return result, pdf


def _counter(on_chart: OnChart | None, n: int, counts: dict[int, tuple[int, int]]) -> OnChart | None:
    """on_chart told the sum over an edition's chart sets (one per language) as set n reports."""
    if on_chart is None:
        return None

    def report(ready: int, total: int) -> None:
        counts[n] = (ready, total)
        on_chart(sum(r for r, _ in counts.values()), sum(t for _, t in counts.values()))

    return report


def _render(documents: list[Document], charts: list[ChartPictures], edition: Edition) -> bytes:
    """The PDF of one or two (bilingual) documents; a chart still drawing is waited for when laid out."""
    from briefgen.render.faces import faces_for
    from briefgen.render.fonts import register_fonts  # ReportLab only here
    from briefgen.render.pdf import RenderOptions, render_parallel_pdf, render_pdf

    faces = faces_for([d.locale for d in documents], any(d.has_chinese() for d in documents))
    register_fonts(edition.font_dir, faces)  # the slow part of ReportLab's start, while charts draw
    variant = edition.brief.en_variant
    stamps = [interface(d.locale).format("Built {date}", date=format_brief_date(build_date(), d.locale, variant))
              for d in documents]
    options = RenderOptions(edition.font_dir, edition.paper, edition.print_marks, stamps[0])
    if len(documents) == 2:
        return render_parallel_pdf(documents[0], documents[1], charts[0], options, (stamps[0], stamps[1]), charts[1])
    return render_pdf(documents[0], charts[0], options)
