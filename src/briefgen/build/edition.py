"""Build one edition (a brief in one language): localize, draw its charts, render, write atomically."""
from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.content.model import Brief
from briefgen.errors import Problem
from briefgen.build.pictures import ChartPictures, OnChart, start_chart_sets, story_order
from briefgen.files import atomic_write, sha256_bytes
from briefgen.i18n.catalog import load_translations
from briefgen.i18n.interface import interface
from briefgen.i18n.numbers import format_brief_date
from briefgen.model.document import Document
from briefgen.model.localize import localize
from briefgen.runtime import build_date

if TYPE_CHECKING:
    from briefgen.render.pdf import Prepared, RenderOptions

log = logging.getLogger(__name__)
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


class Languages:
    """Each language's document and the pictures of its charts, started on first use.

    `start` localizes the languages given and starts all their charts at once: in the background
    one chart process draws them, language after language, while the first edition is laid out.
    A build of several editions in one process shares one Languages, so no chart is drawn twice
    (the bilingual edition finds both sets). `finish` waits for the chart processes to end, every
    chart cached; `close` (always, in a finally) stops any still running."""

    def __init__(self, brief: Brief, cache: Path, font_dir: Path, version: str, background: bool) -> None:
        self.brief, self.cache, self.font_dir, self.version, self.background = brief, cache, font_dir, version, background
        self.started: dict[str, tuple[Document, ChartPictures]] = {}
        self.counted: set[str] = set()  # languages whose drawn charts an edition has reported

    def start(self, locales: list[str], on_chart: Callable[[str], OnChart | None] = lambda _: None) -> None:
        new = [loc for loc in dict.fromkeys(locales) if loc not in self.started]
        if not new:
            return
        documents = {loc: localized(self.brief, loc) for loc in new}
        sets = start_chart_sets({loc: story_order(documents[loc]) for loc in new}, self.cache, self.font_dir,
                                self.version, self.background, {loc: on_chart(loc) for loc in new})
        self.started.update({loc: (documents[loc], sets[loc]) for loc in new})

    def get(self, locale: str) -> tuple[Document, ChartPictures]:
        self.start([locale])
        return self.started[locale]

    def drawn(self, locale: str) -> int:
        """How many of the language's charts were drawn, not cached: told to the first edition that asks."""
        if locale in self.counted:
            return 0
        self.counted.add(locale)
        return self.started[locale][1].finish()

    def finish(self) -> None:
        """Wait until every chart process has drawn and cached all it was given (or raise its error)."""
        for stream in dict.fromkeys(s.stream for _, s in self.started.values() if s.stream is not None):
            stream.finish()

    def close(self) -> None:
        for _, charts in self.started.values():
            charts.close()


def render_edition(edition: Edition, on_chart: OnChart | None = None, shared: Languages | None = None,
                   prepared: Prepared | None = None) -> tuple[EditionResult, bytes]:
    """The edition's PDF (not yet written) and what it is.

    With a spare core the charts are drawn in a second process while this one loads ReportLab,
    registers the fonts and lays out the text; each figure waits only for its own chart (ReportLab
    asks for it when it first measures the figure). `shared` holds the languages of a build of
    several editions (its charts already started); without it the edition starts its own.
    `prepared` is its story, made ahead (made_ahead, SetAhead).
    """
    languages = shared or Languages(edition.brief, edition.cache, edition.font_dir, edition.code_version,
                                    edition.spare_core)
    counts: dict[int, tuple[int, int]] = {}  # charts ready and in all, per language, for on_chart
    locales = edition_locales(edition.locale)
    try:
        # the first language's charts are the edition's: drawn first
        languages.start(locales, lambda loc: _counter(on_chart, locales.index(loc), counts))
        documents, sets = zip(*(languages.get(loc) for loc in locales))
        pdf = _render(list(documents), list(sets), edition, prepared)
        drawn = sum(languages.drawn(loc) for loc in locales)  # every chart drawn, or the chart process's error
        if shared is None:
            languages.finish()  # and cached
    except BaseException:
        for _, s in languages.started.values():
            s.reraise()  # ReportLab re-raises an error met in a figure as a new, renamed exception
        raise
    finally:
        if shared is None:
            languages.close()
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


def _render(documents: list[Document], charts: list[ChartPictures], edition: Edition,
            prepared: Prepared | None = None) -> bytes:
    """The PDF of one or two (bilingual) documents; a chart still drawing is waited for when laid out."""
    from briefgen.render.pdf import render_parallel_pdf, render_pdf  # ReportLab only here and below

    _register_fonts(documents, edition.font_dir)  # the slow part of ReportLab's start, while charts draw
    options, stamps = _render_options(documents, edition)
    if len(documents) == 2:
        return render_parallel_pdf(documents[0], documents[1], charts[0], options, (stamps[0], stamps[1]), charts[1],
                                   prepared)
    return render_pdf(documents[0], charts[0], options, prepared)


def _render_options(documents: list[Document], edition: Edition) -> tuple[RenderOptions, list[str]]:
    from briefgen.render.pdf import RenderOptions

    variant = edition.brief.en_variant
    stamps = [interface(d.locale).format("Built {date}", date=format_brief_date(build_date(), d.locale, variant))
              for d in documents]
    return RenderOptions(edition.font_dir, edition.paper, edition.print_marks, stamps[0]), stamps


def _register_fonts(documents: list[Document], font_dir: Path) -> None:
    from briefgen.render.faces import faces_for
    from briefgen.render.fonts import register_fonts

    register_fonts(font_dir, faces_for([d.locale for d in documents], any(d.has_chinese() for d in documents)))


def _languages_of(edition: Edition, languages: Languages) -> tuple[list[Document], list[ChartPictures]]:
    pairs = [languages.get(loc) for loc in edition_locales(edition.locale)]
    return [d for d, _ in pairs], [s for _, s in pairs]


def made_ahead(edition: Edition, languages: Languages) -> Prepared:
    """The edition's story made and its text set, no chart looked at (render.pdf.set_ahead):
    what to do while its charts are still being drawn, before its render."""
    documents, sets = _languages_of(edition, languages)
    _register_fonts(documents, edition.font_dir)
    return _set_ahead(edition, documents, sets)


def _set_ahead(edition: Edition, documents: list[Document], sets: list[ChartPictures]) -> Prepared:
    from briefgen.render.pdf import set_ahead

    options, stamps = _render_options(documents, edition)
    return set_ahead(documents, sets, options, stamps)


class SetAhead:
    """The stories of editions still to come, made and their text set in a thread while the first
    is laid out: that one mostly waits for its charts, and the later ones then start from a
    story made and set (`take`, after `wait`).

    Their languages are started and their fonts registered here, before the thread starts:
    neither Languages nor ReportLab's font registry is for two threads. An error in the thread
    is left for the edition's own render to meet and report."""

    def __init__(self, editions: list[Edition], languages: Languages) -> None:
        work = []
        for edition in editions:
            documents, sets = _languages_of(edition, languages)
            _register_fonts(documents, edition.font_dir)
            work.append((edition, documents, sets))
        self.prepared: dict[Path, Prepared] = {}
        self.thread = threading.Thread(target=self._run, args=(work,), name="briefgen-set-ahead", daemon=True)
        self.thread.start()

    def _run(self, work: list[tuple[Edition, list[Document], list[ChartPictures]]]) -> None:
        for edition, documents, sets in work:
            try:
                self.prepared[edition.output] = _set_ahead(edition, documents, sets)
            except Exception:  # noqa: BLE001 - the edition's render makes its story again and reports the error
                log.debug("setting %s ahead failed", edition.locale, exc_info=True)

    def wait(self) -> None:
        self.thread.join()

    def take(self, edition: Edition) -> Prepared | None:
        return self.prepared.pop(edition.output, None)
