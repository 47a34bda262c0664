"""Cross-checks a loaded brief: references resolve, ids are unique, charts have what they need."""
from __future__ import annotations

import re
from decimal import Decimal
from collections.abc import Iterable, Iterator

from briefgen.content.inline import references
from briefgen.content.model import Brief, Chart, Paragraph, Text
from briefgen.content.schema import Problems
from briefgen.content.spelling import misspellings
from briefgen.errors import Location

LOCALE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]+)?\Z")

# kind: (field, fewest, most)
CHART_NEEDS: dict[str, tuple[str, int, int]] = {
    "bars": ("metrics", 2, 8),
    "tiles": ("metrics", 1, 6),  # one figure alone is a big-number tile
    "progress": ("pairs", 1, 4),
    "compare": ("pairs", 2, 8),
    "share": ("metrics", 1, 4),
    "pictogram": ("metrics", 1, 3),
    "timeline": ("items", 2, 8),
    "diagram": ("items", 2, 8),
}


MAX_VALUE = Decimal(10) ** 15  # a thousand trillion base units: more than any economy's output in yuan
MAX_SIGNIFICANT = 15  # what a chart's float carries exactly
MAX_DECIMALS = 6
SIGNED_UNITS = ("yuan", "percent")  # a balance or a rate may be below zero; a count of people may not
UNSIGNED_KINDS = ("share", "count")
YEARS = (1000, 9999)


def value_problems(value: Decimal, unit: str, kind: str, signed: bool) -> list[tuple[str, str]]:
    """(field, message) for a metric value no brief can mean: too large, too precise, or
    negative where the quantity cannot be (a fall is a 'growth' or 'change' below zero; only an
    amount of money or a percentage, signed, may be a negative level)."""
    if abs(value) > MAX_VALUE:
        return [("value", f"'value' {value:E} is out of range: a figure may be at most 10^15 in its base unit")]
    digits = value.normalize().as_tuple()
    exponent = digits.exponent if isinstance(digits.exponent, int) else 0
    if -exponent > MAX_DECIMALS:
        return [("value", f"'value' {value} has {-exponent} decimal places; at most {MAX_DECIMALS} can be printed")]
    if len(digits.digits) > MAX_SIGNIFICANT:
        return [("value", f"'value' {value} has {len(digits.digits)} significant digits; at most {MAX_SIGNIFICANT}")]
    if value < 0 and kind not in ("growth", "change") and (not signed or kind in UNSIGNED_KINDS):
        return [("value", f"'value' {value} is negative, but a {kind} in {unit} cannot be; "
                          "a decline is kind 'growth' with a negative value")]
    if kind == "share" and unit == "percent" and value > 100:
        return [("value", f"'value' {value} is more than 100, but a share is a part of a whole")]
    return []


def year_problems(year: int) -> list[tuple[str, str]]:
    """(field, message) for a year outside four digits."""
    low, high = YEARS
    return [] if low <= year <= high else [("year", f"'year' {year} is not a year between {low} and {high}")]


def check_brief(brief: Brief, problems: Problems) -> None:
    """Add a problem for every broken reference or rule; warnings for unused metrics."""
    used = _check_references(brief, problems)
    _check_unique_ids(brief, problems)
    _check_areas(brief, problems)
    for chart in brief.charts():
        used |= _check_chart(brief, chart, problems)
    for metric_id, where in _placed(brief.cover_metrics, brief.cover_places, _brief_file(brief)):
        _check_metric_exists(brief, metric_id, where, problems)
        used.add(metric_id)
    _check_locales(brief, problems)
    _check_accessible(brief, problems)
    _check_changes(brief, problems)
    _check_glossary_spelling(brief, problems)
    for metric in brief.metrics.values():
        if metric.id not in used:
            problems.add(metric.where, f"metric {metric.id!r} is not used in any text or chart", "warning")


def _check_accessible(brief: Brief, problems: Problems) -> None:
    """What a screen reader needs: a document title, headings with words, a description per chart.

    Heading levels follow from the format (part H1, section H2), so none can be skipped."""
    needed = [(brief.title, "the brief needs a title (it is the PDF's title for screen readers)")]
    needed += [(p.title, "a part needs a title (it is a heading)") for p in brief.parts]
    needed += [(c.description, "a chart needs a description (it is the figure's text for screen readers)")
               for c in brief.charts()]
    for text, message in needed:
        if text is not None and not text.source.strip():
            problems.add(text.where, message)


def all_texts(brief: Brief) -> Iterator[Text]:
    """Every translatable text of the brief, in reading order."""
    yield from (brief.title, brief.subtitle, brief.dateline)
    yield from _paragraph_texts(brief.lead)
    yield from (brief.source, brief.credits, brief.author)
    for part in brief.parts:
        yield from filter(None, (part.kicker, part.title))
        yield from _paragraph_texts(part.intro)
        if part.chart:
            yield from _chart_texts(part.chart)
        for section in part.sections:
            yield from filter(None, (section.keyword, section.title, section.headline))
            yield from _paragraph_texts(section.paragraphs)
            if section.chart:
                yield from _chart_texts(section.chart)
    yield from (m.label for m in brief.metrics.values())


def _paragraph_texts(paragraphs: tuple[Paragraph, ...]) -> Iterator[Text]:
    for p in paragraphs:
        yield from filter(None, (p.topic, p.text))


def _chart_texts(chart: Chart) -> Iterator[Text]:
    yield from (chart.title, chart.description, chart.source)
    yield from chart.items


def _check_references(brief: Brief, problems: Problems) -> set[str]:
    used: set[str] = set()
    for text in all_texts(brief):
        for metric_id in references(text.source):
            _check_metric_exists(brief, metric_id, text.where, problems)
            used.add(metric_id)
    return used


def _check_metric_exists(brief: Brief, metric_id: str, where: Location, problems: Problems) -> None:
    if metric_id not in brief.metrics:
        problems.add(where, f"unknown metric {metric_id!r} (not in metrics.yaml){_nearest(metric_id, brief)}")


def _nearest(metric_id: str, brief: Brief) -> str:
    import difflib

    close = difflib.get_close_matches(metric_id, list(brief.metrics), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _check_unique_ids(brief: Brief, problems: Problems) -> None:
    seen: dict[str, Location] = {}
    for section in brief.sections():
        if section.id in seen:
            problems.add(section.where, f"duplicate section id {section.id!r} (first at {seen[section.id]})")
        seen.setdefault(section.id, section.where)
    charts: dict[str, Location] = {}
    for chart in brief.charts():
        if chart.id in charts:
            problems.add(chart.where, f"duplicate chart id {chart.id!r} (first at {charts[chart.id]})")
        charts.setdefault(chart.id, chart.where)


def _check_areas(brief: Brief, problems: Problems) -> None:
    for section in brief.areas():
        if section.chart is None:
            problems.add(section.where, f"key work area {section.id!r} needs a 'chart'")


def _check_chart(brief: Brief, chart: Chart, problems: Problems) -> set[str]:
    field, fewest, most = CHART_NEEDS[chart.kind]
    if chart.kind == "share" and chart.pairs and not chart.metrics:
        field = "pairs"  # parts of amounts: [[part, whole], ...]
    count = len(getattr(chart, field))
    if not fewest <= count <= most:
        problems.add(chart.where, f"a {chart.kind} chart needs {fewest} to {most} {field}, not {count}")
    ids = list(chart.metrics) + [m for pair in chart.pairs for m in pair]
    places = list(chart.metric_places) + [w for pair in chart.pair_places for w in pair]
    for metric_id, where in _placed(ids, places, chart.where):
        _check_metric_exists(brief, metric_id, where, problems)
    _check_chart_units(brief, chart, problems)
    _check_timeline_figures(chart, problems)
    _check_scale(brief, chart, problems)
    return set(ids)


def _check_scale(brief: Brief, chart: Chart, problems: Problems) -> None:
    """One scale for a chart whose rows share a unit; rows of different units must say
    `scale: row` (the chart then says so), and only a compare chart has rows to scale."""
    if chart.scale == "row" and chart.kind != "compare":
        problems.add(chart.where, f"'scale: row' is for compare charts; a {chart.kind} chart has one scale")
    if chart.kind != "compare" or chart.scale == "row":
        return
    units = {brief.metrics[m].unit for pair in chart.pairs for m in pair if m in brief.metrics}
    if len(units) > 1:
        problems.add(chart.where, f"the rows of this compare chart mix units ({' and '.join(sorted(units))}): "
                                  "one scale cannot hold them; add 'scale: row' to draw each row to its own")


def _check_timeline_figures(chart: Chart, problems: Problems) -> None:
    """A timeline draws each figure over the step whose text names its metric: one must."""
    if chart.kind != "timeline":
        return
    for metric_id in chart.metrics:
        naming = [item for item in chart.items if metric_id in references(item.source)]
        if not naming:
            problems.add(chart.where, f"timeline metric {metric_id!r} is named by no item: write "
                                      f"{{{metric_id}}} in the text of the step it belongs to")


def _check_chart_units(brief: Brief, chart: Chart, problems: Problems) -> None:
    metrics = [brief.metrics[m] for m in chart.metrics if m in brief.metrics]
    if chart.kind in ("bars", "share") and len({m.unit for m in metrics}) > 1:
        problems.add(chart.where, f"a {chart.kind} chart compares figures of one unit; these mix {_units(metrics)}")
    if chart.kind == "share" and any(m.unit != "percent" for m in metrics):
        problems.add(chart.where, "a share chart shows percentages; for a part of an amount use "
                                  "pairs: [[part, whole]] (of one unit)")
    if chart.kind == "share" and chart.metrics and chart.pairs:
        problems.add(chart.where, "a share chart takes 'metrics' (percentages) or 'pairs' (part, whole), not both")
    for part, whole in chart.pairs if chart.kind == "share" else ():
        if part in brief.metrics and whole in brief.metrics and brief.metrics[part].value > brief.metrics[whole].value:
            problems.add(chart.where, f"the part {part!r} is larger than its whole {whole!r}")
    for before, after in chart.pairs:
        pair = [brief.metrics.get(before), brief.metrics.get(after)]
        if None not in pair and pair[0].unit != pair[1].unit:  # type: ignore[union-attr]
            problems.add(chart.where, f"the pair [{before}, {after}] mixes units {_units(pair)}")  # type: ignore[arg-type]


def _units(metrics: list) -> str:
    return " and ".join(sorted({m.unit for m in metrics}))


def _check_locales(brief: Brief, problems: Problems) -> None:
    if not brief.locales:
        problems.add(_brief_file(brief), "'locales' must list at least the source language, zh")
    seen: set[str] = set()
    for locale, where in _placed(brief.locales, brief.locale_places, _brief_file(brief)):
        if not LOCALE.match(locale):
            problems.add(where, f"{locale!r} is not a locale name like zh or en")
        elif locale in seen:
            problems.add(where, f"locale {locale!r} is listed twice")
        seen.add(locale)


def _brief_file(brief: Brief) -> Location:
    return Location.of(brief.root / "brief.yaml")


def _placed(names: Iterable[str], places: Iterable[Location], fallback: Location) -> Iterator[tuple[str, Location]]:
    """Each name with where it is written (fallback for records built without places)."""
    places = list(places)
    for index, name in enumerate(names):
        yield name, places[index] if index < len(places) else fallback


def _check_changes(brief: Brief, problems: Problems) -> None:
    """A change figure names an existing base of the same unit, and an earlier year."""
    for metric in brief.metrics.values():
        if metric.kind == "change" and not metric.is_change:
            problems.add(metric.where, f"metric {metric.id!r} has kind change: name its base with 'change_of'")
        if not metric.is_change:
            continue
        base = brief.base_of(metric)
        if base is None:
            _check_metric_exists(brief, metric.change_of or "", metric.where, problems)
            continue
        if base.is_change:
            problems.add(metric.where, f"{metric.id!r} is the change of {base.id!r}, itself a change figure")
        if metric.kind != "change":
            problems.add(metric.where, f"a change figure has kind change (or none), not {metric.kind!r}")
        if metric.unit != base.unit:
            problems.add(metric.where, f"{metric.id!r} is in {metric.unit!r} but its base {base.id!r} is in "
                                       f"{base.unit!r}; a change is in its base's unit (leave 'unit' out)")
        year = metric.year or base.year
        if metric.vs is not None and year is not None and metric.vs >= year:
            problems.add(metric.where, f"'vs' is {metric.vs}, not earlier than the figure's year {year}")


def _check_glossary_spelling(brief: Brief, problems: Problems) -> None:
    """The glossary's English is spelt as the brief's en_variant spells it (programme / program)."""
    for entry in brief.glossary:
        for wrong, right in misspellings(entry.en, brief.en_variant):
            problems.add(entry.where, f"{wrong!r} in {entry.en!r} is not {brief.en_variant} spelling; write "
                                      f"{right!r} (or set en_variant in brief.yaml)", "warning")
