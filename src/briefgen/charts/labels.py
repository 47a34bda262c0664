"""The words a chart prints besides its data: value texts, interface words, icon legends."""
from __future__ import annotations

from decimal import Decimal

from briefgen.i18n.numbers import Figure, bound_text, format_number, format_quantity
from briefgen.model.document import ChartData, Datum
from briefgen.units import UNITS

# Used only when the model passes no word of its own (ChartData.words).
_DEFAULT_WORDS = {
    "zh": {"actual": "实际", "target": "目标", "goal": "目标", "per_icon": "每个{icon}代表{n}",
           "row_scale": "各行按各自比例绘制", "of_whole": "共{whole}"},
    "en": {"actual": "actual", "target": "target", "goal": "goal", "per_icon": "Each {icon} = {n}",
           "row_scale": "Each row is drawn to its own scale", "of_whole": "of {whole}"},
}


def figure_of(d: Datum, locale: str) -> Figure:
    """The datum's figure in pieces, as the text and cover print it (i18n.numbers.figure).

    A Datum made by hand, without one, is split from its display text and unit word."""
    if d.figure is not None:
        return d.figure
    unit = UNITS.get(d.unit)
    attached = unit is not None and not unit.spaced
    number = d.number + d.unit_label if attached else d.number
    before, _, after = bound_text("\0", d.bound, locale).partition("\0")
    return Figure(locale, number, "" if attached else d.unit_label, before=before.strip(), after=after.strip())


def value_text(d: Datum, locale: str) -> str:
    """The printed figure with its bound in words: "1300亿斤以上", "at least 1.1 million people"."""
    figure = figure_of(d, locale)
    if d.figure is None:  # made by hand: its display is the whole figure
        return bound_text(d.display, d.bound, locale)
    return str(figure)


def word(chart: ChartData, key: str) -> str:
    """An interface word from the chart, else the built-in default of its locale."""
    if chart.words and key in chart.words:
        return chart.words[key]
    defaults = _DEFAULT_WORDS.get(chart.locale, _DEFAULT_WORDS["en"])
    return defaults[key]


def quantity_text(value: float, d: Datum, locale: str) -> str:
    """A round amount in `d`'s unit, for legends: "10万人", "100,000 people"."""
    amount = Decimal(int(value)) if value == int(value) else Decimal(str(value))
    unit = UNITS.get(d.unit)
    if unit is not None and unit.metric_unit is None:
        return format_quantity(amount, d.unit, locale)
    number = format_number(amount, locale)
    joiner = "" if locale == "zh" or not d.unit_label else " "
    return number + joiner + d.unit_label


def icon_legend(chart: ChartData) -> tuple[str, str]:
    """The legend text before and after the icon: ("每个", "代表{n}") or ("Each ", " = {n}")."""
    before, _, after = word(chart, "per_icon").partition("{icon}")
    return before, after
