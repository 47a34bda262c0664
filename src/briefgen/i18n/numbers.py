"""Format numbers, quantities, metrics and dates the way each edition's language writes them.

Chinese scales by 万/亿/万亿 and English by million/billion/trillion (the words come from
Babel's CLDR compact formats). The digits shown are exactly the value's significant digits:
source figures are never rounded. Only the metric equivalents English adds for Chinese units
(斤 -> tonnes, 亩 -> hectares) are rounded, to three significant digits.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from decimal import ROUND_HALF_UP, Decimal, localcontext

from babel.dates import format_date as _babel_date
from babel.numbers import (
    format_compact_decimal,
    format_decimal,
    get_minus_sign_symbol,
    get_plus_sign_symbol,
)

from briefgen.content.model import Metric
from briefgen.i18n.interface import Interface, interface
from briefgen.units import UNITS, Unit

BABEL_LOCALES = {"zh": "zh_Hans_CN", "en": "en_US"}
SOURCE_LOCALE = "zh"

# (smallest value written in compact form, CLDR compact style) per locale; others use "en".
_COMPACT: dict[str, tuple[Decimal, Literal["short", "long"]]] = {
    "zh": (Decimal(10_000), "short"), "en": (Decimal(1_000_000), "long")}
_EQUIVALENT_DIGITS = 3  # significant digits of a metric equivalent
# A bound in words, per the edition's language (interface catalog, context "bound"): zh
# "{figure}以上", "超过{figure}", "{figure}左右", "{figure}以内"; en "at least {figure}" ...
BOUND_WORDS = {"min": "at least {figure}", "over": "over {figure}", "approx": "about {figure}",
               "max": "at most {figure}"}


@dataclass(frozen=True)
class Figure:
    """A figure in the pieces a layout may set apart: the one spelling of a number and its unit
    that text, cover and charts share. `str(figure)` is the whole figure as prose writes it."""

    locale: str
    number: str  # with an attached symbol: "4.1%", "1324.9亿", "132.49 billion"
    unit: str = ""  # a unit written apart: "斤", "jin", "households"; "" for none or "%"
    equivalent: str = ""  # English metric equivalent: "66.2 million tonnes"
    before: str = ""  # bound words before the figure: "超过", "at least"
    after: str = ""  # bound words after it: "以上", "左右"

    def __str__(self) -> str:
        if self.locale == SOURCE_LOCALE:  # no spaces: the typesetter adds the Han-Latin gaps
            return self.before + self.number + self.unit + self.after
        words = " ".join(w for w in (self.before, self.number, self.unit) if w)
        extra = f" ({self.equivalent})" if self.equivalent else ""
        return words + extra + (" " + self.after if self.after else "")

    @property
    def quantity(self) -> str:
        """The number and its unit, without bound words or equivalent: "132.49 billion jin"."""
        joiner = "" if self.locale == SOURCE_LOCALE or not self.unit else " "
        return self.number + joiner + self.unit


def babel_locale(locale: str) -> str:
    """The Babel locale of a briefgen locale id ("zh" -> "zh_Hans_CN"); any other id -> en_US.

    Unknown ids (such as a test pseudo-locale "xx") are formatted as English.
    """
    return BABEL_LOCALES.get(locale, BABEL_LOCALES["en"])


def format_number(value: Decimal, locale: str) -> str:
    """`value` scaled for reading: zh 1324.9亿, 1094万, 9262; en 132.49 billion, 9,262."""
    threshold, style = _COMPACT.get(locale, _COMPACT["en"])
    target = babel_locale(locale)
    if abs(value) >= threshold:
        return _compact(value, target, style)
    grouped = locale != "zh"  # Chinese writes 9262, not 9,262
    return format_decimal(value, locale=target, decimal_quantization=False, group_separator=grouped)


def format_quantity(
    value: Decimal,
    unit_id: str,
    locale: str,
    *,
    number_only: bool = False,
    ui: Interface | None = None,
) -> str:
    """`value` in base units of `unit_id`: zh 1324.9亿斤, en 132.49 billion jin (66.2 million t).

    English adds a metric equivalent where the unit has one; `number_only` gives the number alone.
    """
    return format_unit_quantity(value, UNITS[unit_id], locale, number_only=number_only, ui=ui)


def format_unit_quantity(
    value: Decimal,
    unit: Unit,
    locale: str,
    *,
    number_only: bool = False,
    ui: Interface | None = None,
    units: Mapping[str, Unit] = UNITS,
) -> str:
    """`value` in `unit`, built in or declared by a brief: zh 3.2万亿美元, en 3.2 trillion US dollars.

    `units` resolves the unit an English reader also gets (jin -> tonne); a brief passes its own table.
    """
    if number_only:
        return format_number(value, locale)
    return str(figure(value, unit, locale, ui=ui, units=units))


def figure(
    value: Decimal,
    unit: Unit,
    locale: str,
    *,
    bound: str | None = None,
    ui: Interface | None = None,
    units: Mapping[str, Unit] = UNITS,
) -> Figure:
    """The one formatter of a quantity, in pieces (see Figure); `bound` adds its words."""
    number = format_number(value, locale)
    ui = ui or interface(locale)
    before, after = _bound_words(bound, ui)
    attached = not unit.spaced  # 4.1%: the sign is part of the number
    if locale == SOURCE_LOCALE:
        return Figure(locale, number + unit.zh if attached else number, "" if attached else unit.zh,
                      before=before, after=after)
    noun = unit_noun(unit, value, ui)
    equivalent = ""
    if unit.metric_unit is not None and unit.metric_unit in units:
        amount = _round_significant(value * unit.metric_factor, _EQUIVALENT_DIGITS)
        equivalent = format_unit_quantity(amount, units[unit.metric_unit], locale, ui=ui, units=units)
    return Figure(locale, number + noun if attached else number, "" if attached else noun, equivalent,
                  before, after)


def format_metric(
    metric: Metric, locale: str, *, number_only: bool = False, ui: Interface | None = None
) -> str:
    """A metric's value with its unit; a growth shows its magnitude (the text says 下降/fell)."""
    value = abs(metric.value) if metric.kind == "growth" else metric.value
    return format_quantity(value, metric.unit, locale, number_only=number_only, ui=ui)


def format_signed_percent(value: Decimal, locale: str, *, ui: Interface | None = None) -> str:
    """A percentage change with its sign, for chart labels: +4.1%, -5%, 0%."""
    return _sign(value, locale) + format_quantity(abs(value), "percent", locale, ui=ui)


def metric_figure(
    metric: Metric, unit: Unit, locale: str, *, ui: Interface | None = None, units: Mapping[str, Unit] = UNITS
) -> Figure:
    """A metric as cover and charts print it: the prose figure (format_brief_metric) in pieces,
    its bound in words; a change figure carries its sign (+5000亿元). Beside a big number English
    prints a declared unit's symbol (kWh) where prose has its noun (kilowatt-hours)."""
    value = abs(metric.value) if metric.kind in ("growth", "change") else metric.value
    f = figure(value, unit, locale, bound=metric.bound, ui=ui, units=units)
    if locale != SOURCE_LOCALE and unit.symbol and f.unit:
        f = Figure(f.locale, f.number, unit.symbol, f.equivalent, f.before, f.after)
    if metric.kind == "change":
        return Figure(f.locale, _sign(metric.value, locale) + f.number, f.unit, f.equivalent, f.before, f.after)
    return f


def bound_text(text: str, bound: str | None, locale: str, ui: Interface | None = None) -> str:
    """`text` with the bound's words of `locale`: "1300亿斤以上", "at least 130 billion jin"."""
    template = (ui or interface(locale)).pgettext("bound", BOUND_WORDS[bound]) if bound else "{figure}"
    return template.replace("{figure}", text)


def _bound_words(bound: str | None, ui: Interface) -> tuple[str, str]:
    """The words before and after a bounded figure: ("超过", ""), ("", "以上"), ("at least", "")."""
    if not bound:
        return "", ""
    before, _, after = ui.pgettext("bound", BOUND_WORDS[bound]).partition("{figure}")
    return before.strip(), after.strip()


def format_date(d: _dt.date, locale: str) -> str:
    """A long date: zh 2024年1月28日, en January 28, 2024."""
    return _babel_date(d, format="long", locale=babel_locale(locale))


def plural_count(value: Decimal) -> int:
    """The integer gettext chooses a plural form by; a fraction counts as 2 (1.5 days)."""
    magnitude = abs(value)
    if magnitude == magnitude.to_integral_value():
        return int(magnitude)
    return 2


def _sign(value: Decimal, locale: str) -> str:
    """The locale's plus or minus sign for a nonzero `value`, "" for zero."""
    if value == 0:
        return ""
    target = babel_locale(locale)
    return get_plus_sign_symbol(target) if value > 0 else get_minus_sign_symbol(target)


def _compact(value: Decimal, locale: str, style: Literal["short", "long"]) -> str:
    """Babel's compact form with every significant digit kept (1324.9亿, 10.94 million)."""
    exponent = value.normalize().as_tuple().exponent
    digits = max(0, -exponent) + 16 if isinstance(exponent, int) else 0  # 16 >= any CLDR scale
    with localcontext() as ctx:  # Babel rounds to `digits` places: make that exact
        ctx.prec = 80
        return format_compact_decimal(
            value, format_type=style, locale=locale, fraction_digits=digits
        )


def _round_significant(value: Decimal, digits: int) -> Decimal:
    """`value` rounded half up to `digits` significant digits (66245000 -> 6.62E+7)."""
    if value == 0:
        return value
    quantum = Decimal(1).scaleb(value.adjusted() - digits + 1)
    return value.quantize(quantum, rounding=ROUND_HALF_UP)


def unit_noun(unit: Unit, value: Decimal, ui: Interface) -> str:
    """The English noun of `unit` for `value`: a built-in's from the catalog, a declared one's own."""
    if not unit.en_one:
        return ""
    if unit.declared:
        return unit.en_one if plural_count(value) == 1 else unit.en_many
    return ui.npgettext("unit", unit.en_one, unit.en_many, plural_count(value))


EN_VARIANTS = {"en-US": "en_US", "en-GB": "en_GB"}
DEFAULT_EN_VARIANT = "en-US"
_LANG_TAGS = {"zh": "zh-CN"}


def format_brief_date(d: _dt.date, locale: str, en_variant: str = DEFAULT_EN_VARIANT) -> str:
    """A long date in the brief's English variant: en-US January 28, 2024; en-GB 28 January 2024."""
    if locale == "en":
        return _babel_date(d, format="long", locale=EN_VARIANTS.get(en_variant, "en_US"))
    return format_date(d, locale)


def language_tag(locale: str, en_variant: str = DEFAULT_EN_VARIANT) -> str:
    """The BCP 47 tag of an edition's language, for the PDF's /Lang: zh-CN, en-GB, en-US."""
    if locale == "en":
        return en_variant if en_variant in EN_VARIANTS else DEFAULT_EN_VARIANT
    return _LANG_TAGS.get(locale, locale)


def format_change(
    change: Decimal,
    unit: Unit,
    locale: str,
    *,
    vs: int | None = None,
    year: int | None = None,
    ui: Interface | None = None,
    units: Mapping[str, Unit] = UNITS,
) -> tuple[str, str, str]:
    """A change against an earlier year as (words before, figure, words after), from the catalog.

    zh ("比上年增加", "5000亿元", ""), en ("up ", "500 billion", ""). A change of a percentage is in
    points: ("比上年提高", "0.5个百分点", "") / ("up ", "0.5 percentage points", ""). English leaves
    out a unit of money or measure (the base figure just before names it) and names the year only
    when it is not the one before: "up 500 billion from 2020". No change: 与上年持平 / unchanged.
    """
    ui = ui or interface(locale)
    previous = vs is None or year is None or vs == year - 1
    if change == 0:
        return (ui.gettext("unchanged") if previous else ui.format("unchanged from {year}", year=vs)), "", ""
    magnitude = abs(change)
    if unit.id == "percent":
        noun = ui.npgettext("unit", "percentage point", "percentage points", plural_count(magnitude))
        figure = format_number(magnitude, locale) + ("" if locale == SOURCE_LOCALE else " ") + noun
    elif unit.measure and locale != SOURCE_LOCALE:
        figure = format_number(magnitude, locale)
    else:
        figure = format_unit_quantity(magnitude, unit, locale, ui=ui, units=units)
    msgid = ("up {figure}" if change > 0 else "down {figure}") + ("" if previous else " from {year}")
    context = "change of a percentage" if unit.id == "percent" else "change"
    template = ui.pgettext(context, msgid)
    before, _, after = template.partition("{figure}")
    return before.format(year=vs), figure, after.format(year=vs)


def format_brief_metric(
    metric: Metric,
    unit: Unit,
    locale: str,
    *,
    number_only: bool = False,
    ui: Interface | None = None,
    units: Mapping[str, Unit] = UNITS,
) -> str:
    """format_metric for any unit a brief knows; a change figure carries its sign (+5000亿元)."""
    value = abs(metric.value) if metric.kind in ("growth", "change") else metric.value
    text = format_unit_quantity(value, unit, locale, number_only=number_only, ui=ui, units=units)
    return (_sign(metric.value, locale) + text) if metric.kind == "change" else text
