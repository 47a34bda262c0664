"""The words a chart prints besides its data: value texts, interface words, icon legends."""
from __future__ import annotations

from decimal import Decimal

from briefgen.i18n.numbers import bound_mark, format_number, format_quantity
from briefgen.model.document import ChartData, Datum
from briefgen.units import UNITS

# Used only when the model passes no word of its own (ChartData.words).
_DEFAULT_WORDS = {
    "zh": {"actual": "实际", "target": "目标", "goal": "目标", "per_icon": "每个{icon}代表{n}"},
    "en": {"actual": "actual", "target": "target", "goal": "goal", "per_icon": "Each {icon} = {n}"},
}


def value_text(d: Datum) -> str:
    """The printed figure with its bound sign: "≥1300亿斤", "4.1%"."""
    return _bounded(d.display, d)


def number_text(d: Datum) -> str:
    """The figure without its unit, with its bound sign: "≥1300亿"."""
    return _bounded(d.number, d)


def _bounded(text: str, d: Datum) -> str:
    mark = bound_mark(d.bound)
    return text if text.startswith(mark) else mark + text


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
