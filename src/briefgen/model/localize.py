"""Step 3 - Localize a brief: translate every text, resolve every metric, for one edition."""
from __future__ import annotations

from dataclasses import replace

from briefgen.content.inline import Break, Ref, Run, Script, parse_inline, references
from briefgen.content.model import Brief, Chart, Metric, Paragraph, Part, Section, Text
from briefgen.i18n.catalog import SOURCE_LOCALE, Translations
from briefgen.i18n.interface import Interface, interface
from briefgen.i18n.numbers import (
    format_brief_date, format_brief_metric, format_change, language_tag, metric_figure, unit_noun,
)
from briefgen.model import document as doc


class Localizer:
    """Turns content records into document records for one locale, noting what fell back."""

    def __init__(self, brief: Brief, translations: Translations, ui: Interface | None = None):
        self.brief = brief
        self.locale = translations.locale
        self.translations = translations
        self.ui = ui or interface(self.locale)
        self.missing: list[str] = []

    def document(self) -> doc.Document:
        b = self.brief
        parts = tuple(self.part(p) for p in b.parts)
        return doc.Document(
            brief_id=b.id, locale=self.locale, title=self.plain(b.title), subtitle=self.plain(b.subtitle),
            dateline=self.plain(b.dateline), date_text=format_brief_date(b.date, self.locale, b.en_variant),
            lead=tuple(self.para(p) for p in b.lead), source=self.plain(b.source),
            credits=self.plain(b.credits), author=self.plain(b.author), version=b.version,
            cover=tuple(self.cover_datum(b.metrics[m]) for m in b.cover_metrics),
            parts=parts, glossary_terms=self.keywords(), chinese_terms=self.chinese_terms(),
            missing=tuple(dict.fromkeys(self.missing)),
            lang=language_tag(self.locale, b.en_variant),
        )

    def chinese_terms(self) -> tuple[str, ...]:
        """The glossary's Chinese terms: Chinese text (a DRAFT's fallback too) keeps them whole."""
        return tuple(e.zh for e in self.brief.glossary)

    def keywords(self) -> tuple[str, ...]:
        if self.locale == SOURCE_LOCALE:
            return tuple(e.zh for e in self.brief.glossary)
        return tuple(e.en for e in self.brief.glossary)

    def translate(self, text: Text) -> str:
        if self.locale == SOURCE_LOCALE or not text.source:
            return text.source
        found = self.translations.get(text.context, text.source)
        if found is None:
            self.missing.append(text.context)
            return text.source
        return found

    def spans(self, text: Text | None, bold: bool = False) -> tuple[doc.Span, ...]:
        if text is None:
            return ()
        out: list[doc.Span] = []
        for node in parse_inline(self.translate(text)):
            if isinstance(node, Run):
                out.append(doc.Span(node.text, bold or node.bold))
            elif isinstance(node, Script):
                out.append(doc.Span(node.text, bold or node.bold, node.position))
            elif isinstance(node, Ref):
                out += self.reference(node.metric, bold or node.bold)
            elif isinstance(node, Break):
                out.append(doc.BREAK)
        return tuple(out)

    def plain(self, text: Text | None) -> str:
        return "".join(s.text for s in self.spans(text))

    def reference(self, metric_id: str, bold: bool) -> list[doc.Span]:
        """The spans of a {metric} in text: the figure, or for a change figure its words and figure
        (比上年增加|5000亿元, up |500 billion); only the figure is set in the figure face."""
        metric = self.brief.metrics[metric_id]
        if not metric.is_change:
            return [doc.Span(self.prose_figure(metric_id), bold, is_figure=True)]
        before, figure, after = self.change(metric)
        spans = [doc.Span(before, bold), doc.Span(figure, bold, is_figure=True), doc.Span(after, bold)]
        return [span for span in spans if span.text]

    def prose_figure(self, metric_id: str) -> str:
        """In English prose a unit of measure or money prints (132.49 billion jin, 3.2 trillion US
        dollars); a count is a bare number and the sentence names what is counted (10.94 million
        market entities)."""
        metric = self.brief.metrics[metric_id]
        counted = self.locale != SOURCE_LOCALE and not self.brief.unit_of(metric).measure
        return self.figure(metric_id, number_only=counted)

    def figure(self, metric_id: str, number_only: bool = False) -> str:
        metric = self.brief.metrics[metric_id]
        return format_brief_metric(metric, self.brief.unit_of(metric), self.locale, number_only=number_only,
                                   ui=self.ui, units=self.brief.units)

    def para(self, paragraph: Paragraph) -> doc.Para:
        return doc.Para(body=self.spans(paragraph.text), topic=self.spans(paragraph.topic, bold=True))

    def part(self, part: Part) -> doc.Part:
        return doc.Part(
            id=part.id, title=self.plain(part.title), kicker=self.plain(part.kicker) or None,
            intro=tuple(self.para(p) for p in part.intro),
            sections=tuple(self.section(s) for s in part.sections),
            chart=self.chart(part.chart) if part.chart else None,
        )

    def section(self, section: Section) -> doc.Section:
        return doc.Section(
            id=section.id, title=self.plain(section.title),
            paragraphs=tuple(self.para(p) for p in section.paragraphs),
            keyword=self.plain(section.keyword) or None, headline=self.spans(section.headline),
            chart=self.chart(section.chart) if section.chart else None,
        )

    def datum(self, metric: Metric) -> doc.Datum:
        unit = self.brief.unit_of(metric)
        if self.locale == SOURCE_LOCALE:
            unit_label = unit.zh
        else:
            unit_label = unit.symbol or unit_noun(unit, metric.value, self.ui)
        return doc.Datum(
            metric=metric.id, label=self.plain(metric.label), value=float(metric.value),
            display=self.figure(metric.id), number=self.figure(metric.id, number_only=True),
            unit=metric.unit, unit_label=unit_label, kind=metric.kind, year=metric.year, bound=metric.bound,
            base=metric.change_of, vs=metric.vs,
            figure=metric_figure(metric, unit, self.locale, ui=self.ui, units=self.brief.units),
            change=self.change_words(metric),
        )

    def change_words(self, metric: Metric) -> str:
        """A change figure as the text words it after its base: 比上年增加5000亿元, up 500 billion."""
        return "".join(self.change(metric)) if metric.is_change else ""

    def change(self, metric: Metric) -> tuple[str, str, str]:
        """A change figure's words before its figure, the figure, and the words after it."""
        return format_change(metric.value, self.brief.unit_of(metric), self.locale, vs=metric.vs,
                             year=metric.year, ui=self.ui, units=self.brief.units)

    def cover_datum(self, metric: Metric) -> doc.Datum:
        """A cover figure, its caption saying what it is: 生产总值增长（2025年目标）, GDP growth (2025 target)."""
        datum = self.datum(metric)
        if metric.kind != "target" or _ends_with(datum.label, self.ui.gettext("Target")):  # 岸线修复目标（2025年）
            caption = self.ui.format("{label} ({year})", label=datum.label, year=metric.year) if metric.year \
                else datum.label
        elif metric.year:
            caption = self.ui.format("{label} ({year} target)", label=datum.label, year=metric.year)
        else:
            caption = self.ui.format("{label} (target)", label=datum.label)
        return replace(datum, caption=caption)

    def chart(self, chart: Chart) -> doc.ChartData:
        metrics = self.brief.metrics
        pairs = tuple((self.datum(metrics[a]), self.datum(metrics[b])) for a, b in chart.pairs)
        return doc.ChartData(
            id=chart.id, kind=chart.kind, locale=self.locale, title=self.plain(chart.title),
            description=self.plain(chart.description), source=self.plain(chart.source),
            data=tuple(self.datum(metrics[m]) for m in chart.metrics), pairs=pairs,
            items=tuple(self.plain(item) for item in chart.items), words=self.chart_words(pairs),
            item_metrics=tuple(tuple(references(item.source)) for item in chart.items), scale=chart.scale,
            chinese_terms=self.chinese_terms(),
        )

    def chart_words(self, pairs: tuple[tuple[doc.Datum, doc.Datum], ...]) -> dict[str, str]:
        first, second = (pairs[0][0].year, pairs[0][1].year) if pairs else (None, None)
        return {
            "actual": self.ui.format("{year} actual", year=first) if first else self.ui.gettext("Actual"),
            "target": self.ui.format("{year} target", year=second) if second else self.ui.gettext("Target"),
            "goal": self.ui.format("{year} goal", year=second) if second else self.ui.gettext("Target"),
            "row_scale": self.ui.gettext("Each row is drawn to its own scale"),
            "of_whole": self.ui.gettext("of {whole}"),
        }


def _ends_with(text: str, word: str) -> bool:
    return text.lower().endswith(word.lower())


def localize(brief: Brief, translations: Translations, ui: Interface | None = None) -> doc.Document:
    """The brief in the translations' locale; untranslated texts fall back to the source."""
    return Localizer(brief, translations, ui).document()
