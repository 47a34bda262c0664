"""The localized brief: every string in the edition's language, every figure formatted.

This is what charts and the renderer consume. It holds no ReportLab or matplotlib objects.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.i18n.numbers import Figure


@dataclass(frozen=True)
class Span:
    """A run of text with its emphasis; `script` is "sub" or "sup" for PM2.5-style marks."""

    text: str
    bold: bool = False
    script: str | None = None
    is_figure: bool = False  # came from a metric: render in the figure face


BREAK = Span("\n")


@dataclass(frozen=True)
class Para:
    """A paragraph: an optional bold topic sentence, then the body, as spans."""

    body: tuple[Span, ...]
    topic: tuple[Span, ...] = ()

    def plain(self) -> str:
        return "".join(s.text for s in self.topic + self.body)


@dataclass(frozen=True)
class Datum:
    """One figure as a chart needs it: a label, a number to draw and the text to print."""

    metric: str
    label: str
    value: float  # in the unit the chart draws (base units)
    display: str  # formatted for the locale, with unit: "1324.9亿斤", "132.49 billion jin"
    number: str  # formatted without unit: "1324.9亿", "132.49 billion"
    unit: str  # unit id
    unit_label: str  # the unit word for axis titles: "斤", "jin"
    kind: str
    year: int | None = None
    bound: str | None = None
    base: str | None = None  # a change figure: the metric id it is the change of
    vs: int | None = None  # a change figure: the year compared with (None: the year before)
    caption: str = ""  # on the cover: the label, its year, and whether it is a target
    figure: Figure | None = None  # the figure in pieces, bound words included (cover, charts)
    change: str = ""  # a change figure in the text's words: 比上年增加5000亿元, up 500 billion


@dataclass(frozen=True)
class ChartData:
    """A chart declaration resolved for one locale."""

    id: str
    kind: str
    locale: str
    title: str
    description: str
    source: str
    data: tuple[Datum, ...] = ()
    pairs: tuple[tuple[Datum, Datum], ...] = ()
    items: tuple[str, ...] = ()
    words: dict[str, str] | None = None  # interface words: "actual", "target", "goal", "source"
    item_metrics: tuple[tuple[str, ...], ...] = ()  # per item, the metric ids its text names
    scale: str = "chart"  # bars and compare: one scale for the chart, or "row": one per row
    chinese_terms: tuple[str, ...] = ()  # the brief's glossary in Chinese: a label never breaks inside one

    def item_of(self, d: Datum) -> int | None:
        """The item whose text names `d`'s metric (a timeline draws `d` over it); None if no
        item does. Without item_metrics (a chart made by hand) data[i] belongs to items[i]."""
        if not self.item_metrics:
            i = self.data.index(d)
            return i if i < len(self.items) else None
        return next((i for i, ids in enumerate(self.item_metrics) if d.metric in ids), None)

    def alt_text(self) -> str:
        """What a screen reader says for the chart: its title, description and every figure it shows."""
        chinese = self.locale == "zh"
        colon, semicolon, stop = ("：", "；", "。") if chinese else (": ", "; ", ". ")
        shown = [f"{d.label}{colon}{d.display}" for d in self.data]
        shown += [f"{a.label}{colon}{a.display}{' / ' if not chinese else '，'}{b.label}{colon}{b.display}"
                  for a, b in self.pairs]
        shown += list(self.items)
        parts = [self.title, self.description.rstrip("。.")] + ([semicolon.join(shown)] if shown else [])
        return stop.join(p for p in parts if p) + stop.strip()


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    paragraphs: tuple[Para, ...]
    keyword: str | None = None
    headline: tuple[Span, ...] = ()
    chart: ChartData | None = None


@dataclass(frozen=True)
class Part:
    id: str
    title: str
    kicker: str | None
    intro: tuple[Para, ...]
    sections: tuple[Section, ...]
    chart: ChartData | None = None


@dataclass(frozen=True)
class Document:
    """One edition of one brief, ready to typeset."""

    brief_id: str
    locale: str
    title: str
    subtitle: str
    dateline: str
    date_text: str
    lead: tuple[Para, ...]
    source: str
    credits: str
    author: str
    version: str
    cover: tuple[Datum, ...]
    parts: tuple[Part, ...]
    glossary_terms: tuple[str, ...] = ()  # subject keywords for PDF metadata
    chinese_terms: tuple[str, ...] = ()  # the brief's glossary in Chinese: never broken inside
    missing: tuple[str, ...] = ()  # message contexts that fell back to the source text
    lang: str = ""  # BCP 47 language of the edition for the PDF's /Lang: zh-CN, en-US, en-GB

    @property
    def draft(self) -> bool:
        return bool(self.missing)

    def charts(self) -> list[ChartData]:
        found = [p.chart for p in self.parts] + [s.chart for p in self.parts for s in p.sections]
        return [c for c in found if c is not None]

    def has_chinese(self) -> bool:
        """True when any string of the edition holds Chinese (a fallback, a name, a quote)."""
        return has_chinese(repr(self))


_CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")  # Han, CJK and full-width marks


def has_chinese(text: str) -> bool:
    """True when text holds Chinese characters or marks (a Latin face would draw them as boxes)."""
    return bool(_CHINESE.search(text))
