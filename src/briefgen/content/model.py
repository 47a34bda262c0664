"""The content model: what staff write in YAML, as frozen records in the source language.

Nothing here knows about ReportLab, matplotlib or a target locale. Every record keeps the
location of the YAML value it came from, so later stages can point at the user's file.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from briefgen.errors import Location
from briefgen.units import UNITS, Unit


@dataclass(frozen=True)
class Text:
    """A translatable string: its source text, its stable message context and its location."""

    source: str
    context: str  # path in the content, e.g. "parts/review/sections/economy/paragraphs/0"
    where: Location


@dataclass(frozen=True)
class Metric:
    """A figure stored as data, in base units (1324.9亿斤 -> 132490000000 jin)."""

    id: str
    value: Decimal
    unit: str  # a key of the brief's unit table: a built-in unit or one from units.yaml
    kind: str  # level | growth | share | target | count
    label: Text
    year: int | None = None
    bound: str | None = None  # min (以上) | over (突破/超过) | approx (左右) | max (以内) | None
    where: Location = field(default_factory=Location.unknown)
    change_of: str | None = None  # a change figure: the id of the metric it is the change of
    vs: int | None = None  # a change figure: the year it is compared with (default: the year before)

    @property
    def is_change(self) -> bool:
        return self.change_of is not None


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; `topic` is the bold topic sentence that opens it, when there is one."""

    text: Text | None
    topic: Text | None = None


@dataclass(frozen=True)
class Chart:
    """An infographic declaration: which kind, which metrics, and its words."""

    id: str
    kind: str
    title: Text
    description: Text
    source: Text
    metrics: tuple[str, ...] = ()
    items: tuple[Text, ...] = ()  # non-numeric labels (diagram nodes, timeline steps)
    pairs: tuple[tuple[str, str], ...] = ()  # (actual, target) metric ids; share: (part, whole)
    scale: str = "chart"  # bars and compare: "chart" (one scale) or "row" (each row its own)
    where: Location = field(default_factory=Location.unknown)
    metric_places: tuple[Location, ...] = ()  # where each of metrics is written
    pair_places: tuple[tuple[Location, Location], ...] = ()  # where each id of pairs is written


@dataclass(frozen=True)
class Section:
    """A titled section; with a `keyword` it is a key work area and carries a chart."""

    id: str
    title: Text
    paragraphs: tuple[Paragraph, ...]
    keyword: Text | None = None
    headline: Text | None = None
    chart: Chart | None = None
    where: Location = field(default_factory=Location.unknown)

    @property
    def is_area(self) -> bool:
        return self.keyword is not None


@dataclass(frozen=True)
class Part:
    """A top-level part of the brief (the review, the targets, the key work areas)."""

    id: str
    title: Text
    kicker: Text | None  # the large label above the title, e.g. "2023"
    intro: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    chart: Chart | None = None
    where: Location = field(default_factory=Location.unknown)


@dataclass(frozen=True)
class GlossaryEntry:
    """A fixed term and its official English rendering."""

    zh: str
    en: str
    note: str = ""
    where: Location = field(default_factory=Location.unknown)


@dataclass(frozen=True)
class Brief:
    """One brief: metadata, parts in order, metrics by id, and the glossary."""

    id: str
    root: Path
    title: Text
    subtitle: Text
    dateline: Text
    date: _dt.date
    lead: tuple[Paragraph, ...]
    source: Text
    credits: Text
    author: Text
    version: str
    locales: tuple[str, ...]
    cover_metrics: tuple[str, ...]
    parts: tuple[Part, ...]
    metrics: dict[str, Metric]
    glossary: tuple[GlossaryEntry, ...]
    files: tuple[Path, ...] = ()  # every YAML file read, for the manifest and the cache
    locale_places: tuple[Location, ...] = ()  # where each of locales is written
    cover_places: tuple[Location, ...] = ()  # where each of cover_metrics is written
    units: dict[str, Unit] = field(default_factory=lambda: dict(UNITS))  # built-in and units.yaml
    en_variant: str = "en-US"  # en-US | en-GB: dates, /Lang and glossary spelling of English

    def unit_of(self, metric: Metric) -> Unit:
        return self.units[metric.unit]

    def base_of(self, metric: Metric) -> Metric | None:
        """The metric a change figure is the change of (None for any other metric)."""
        return self.metrics.get(metric.change_of) if metric.change_of else None

    def sections(self) -> list[Section]:
        return [s for p in self.parts for s in p.sections]

    def areas(self) -> list[Section]:
        return [s for s in self.sections() if s.is_area]

    def charts(self) -> list[Chart]:
        found = [p.chart for p in self.parts] + [s.chart for s in self.sections()]
        return [c for c in found if c is not None]
