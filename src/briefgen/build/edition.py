"""Build one edition (a brief in one language): localize, draw its charts, render, write atomically."""
from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import pickle
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from briefgen.content.model import Brief
from briefgen.files import atomic_write, sha256_bytes
from briefgen.i18n.catalog import load_translations
from briefgen.i18n.interface import interface
from briefgen.i18n.numbers import format_date
from briefgen.model.document import ChartData, Document
from briefgen.model.localize import localize
from briefgen.model.picture import Picture

PAGE = re.compile(rb"/Type /Page(?!s)")
PICKLE_PROTOCOL = 5  # fixed, so that the same Picture always caches as the same bytes


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
    charts_drawn: int
    draft: bool


def build_date() -> dt.date:
    """SOURCE_DATE_EPOCH's date when set (reproducible builds), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return now.date()


def localized(brief: Brief, locale: str) -> Document:
    return localize(brief, load_translations(brief, locale), interface(locale))


def edition_locales(name: str) -> list[str]:
    """The languages of an edition: "zh" -> [zh]; the bilingual "zh-en" -> [zh, en]."""
    return name.split("-")


def build_edition(edition: Edition) -> EditionResult:
    """Render the edition's PDF and replace the old one only once the new one is complete."""
    from briefgen.render.pdf import RenderOptions, render_parallel_pdf, render_pdf  # ReportLab only here

    from briefgen.render.fonts import faces_for, register_fonts

    documents = [localized(edition.brief, locale) for locale in edition_locales(edition.locale)]
    pending = _start_charts(documents[0].charts(), edition.cache, edition.font_dir, edition.code_version,
                            background=edition.spare_core)
    faces = faces_for([d.locale for d in documents], any(d.has_chinese() for d in documents))
    register_fonts(edition.font_dir, faces)  # the slow part of ReportLab's start, while charts draw
    charts, drawn = pending()
    stamps = [interface(d.locale).format("Built {date}", date=format_date(build_date(), d.locale)) for d in documents]
    options = RenderOptions(edition.font_dir, edition.paper, edition.print_marks, stamps[0])
    if len(documents) == 2:
        pdf = render_parallel_pdf(documents[0], documents[1], charts, options, (stamps[0], stamps[1]))
    else:
        pdf = render_pdf(documents[0], charts, options)
    atomic_write(edition.output, pdf)
    draft = any(d.draft for d in documents)
    return EditionResult(edition.output, sha256_bytes(pdf), len(PAGE.findall(pdf)), drawn, draft)


def chart_pictures(
    charts: list[ChartData], cache: Path, font_dir: Path, version: str
) -> tuple[dict[str, Picture], int]:
    """Each chart's Picture, from the cache when its data and the chart code are unchanged: a
    warm build never imports matplotlib."""
    return _start_charts(charts, cache, font_dir, version, background=False)()


def _start_charts(charts: list[ChartData], cache: Path, font_dir: Path, version: str,
                  background: bool) -> Callable[[], tuple[dict[str, Picture], int]]:
    """Load cached pictures and start drawing the missing ones; call the result to collect them.

    In the background (a forked process) the drawing overlaps the parent's font loading.
    """
    paths = {c.id: cache / f"{c.locale}-{c.id}-{sha256_bytes((version + repr(c)).encode())[:16]}.pickle"
             for c in charts}
    found = {c.id: p for c in charts if (p := _cached_picture(paths[c.id])) is not None}
    missing = [c for c in charts if c.id not in found]
    if not missing:
        return lambda: (found, 0)
    jobs = [(c, paths[c.id], font_dir) for c in missing]
    if not background:
        return lambda: ({**found, **dict(map(_draw_picture, jobs))}, len(missing))
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    future = pool.submit(_draw_pictures, jobs)

    def collect() -> tuple[dict[str, Picture], int]:
        with pool:
            return {**found, **dict(future.result())}, len(missing)
    return collect


def _draw_pictures(jobs: list[tuple[ChartData, Path, Path]]) -> list[tuple[str, Picture]]:
    return [_draw_picture(job) for job in jobs]


def _draw_picture(job: tuple[ChartData, Path, Path]) -> tuple[str, Picture]:
    """Draw one chart and cache it (matplotlib is imported only when a chart must be drawn)."""
    from briefgen.charts.render import render_picture

    chart, path, font_dir = job
    picture = render_picture(chart, font_dir)
    atomic_write(path, pickle.dumps(picture, protocol=PICKLE_PROTOCOL))
    return chart.id, picture


def _cached_picture(path: Path) -> Picture | None:
    """The Picture pickled at `path` by an earlier build (our own cache folder), else None."""
    if not path.is_file():
        return None
    try:
        picture = pickle.loads(path.read_bytes())
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None  # written by another briefgen: draw the chart again
    return picture if isinstance(picture, Picture) else None
