"""The units a metric may carry: built-in ones and those a brief declares in its units.yaml.

The English nouns of built-in units are msgids of the package's interface catalog (context
"unit"), so the words a reader sees come from a catalog like every other string; a brief's own
units carry their English singular and plural themselves. An empty English noun marks a
Chinese classifier (个, 家, 所 ...): English prose names the thing counted itself.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

UNIT_KINDS = ("money", "measure", "count")  # money and measure print in English prose; a count does not


@dataclass(frozen=True)
class Unit:
    id: str
    zh: str  # written after the number in Chinese: 1324.9亿斤
    en_one: str  # English singular; "" for a classifier
    en_many: str  # English plural
    metric_unit: str | None = None  # a unit id readers of English need as well
    metric_factor: Decimal = Decimal(1)  # one of this unit in metric_unit
    spaced: bool = True  # English: "132.49 billion jin"; False for "4.1%"
    measure: bool = False  # a unit of measure (or money), printed in English prose; else a count noun
    kind: str = ""  # a declared unit's kind from units.yaml: money | measure | count
    symbol: str = ""  # a short English mark for the cover and chart tiles, instead of the noun
    declared: bool = False  # from a brief's units.yaml: nouns are its own, not catalog msgids


UNITS: dict[str, Unit] = {
    u.id: u
    for u in [
        Unit("percent", "%", "%", "%", spaced=False, measure=True),
        Unit("yuan", "元", "yuan", "yuan", measure=True),
        Unit("jin", "斤", "jin", "jin", "tonne", Decimal("0.0005"), measure=True),
        Unit("mu", "亩", "mu", "mu", "hectare", Decimal(1) / Decimal(15), measure=True),
        Unit("tonne", "吨", "tonne", "tonnes", measure=True),
        Unit("hectare", "公顷", "hectare", "hectares", measure=True),
        Unit("km", "公里", "km", "km", measure=True),
        Unit("km2", "平方公里", "km²", "km²", measure=True),
        Unit("day", "天", "day", "days", measure=True),
        Unit("household", "户", "household", "households"),
        Unit("business", "户", "", ""),  # 户 counting market entities: no English noun
        Unit("person", "人", "person", "people"),
        Unit("person_time", "人次", "person-time", "person-times"),
        Unit("event", "场次", "event", "events"),
        Unit("item", "个", "", ""),
        Unit("entity", "家", "", ""),
        Unit("institution", "所", "", ""),
        Unit("line", "条", "", ""),
        Unit("train", "列", "train trip", "train trips"),
        Unit("vehicle", "辆", "vehicle", "vehicles"),
        Unit("rack", "架", "rack", "racks"),
        Unit("measure", "项", "", ""),
        Unit("member", "位", "", ""),
    ]
}

KINDS = ("level", "growth", "share", "target", "count", "change")
BOUNDS = ("min", "over", "approx", "max")


def declared_unit(
    unit_id: str, zh: str, en: str, en_plural: str = "", *, kind: str = "measure", symbol: str = "",
    convert_to: str | None = None, factor: Decimal = Decimal(1),
) -> Unit:
    """A brief's own unit: `usd: {zh: 美元, en: US dollar, en_plural: US dollars, kind: money}`."""
    return Unit(unit_id, zh, en, en_plural or en, convert_to, factor, spaced=True,
                measure=kind != "count", kind=kind, symbol=symbol, declared=True)


def unit_table(declared: Mapping[str, Unit] = {}) -> dict[str, Unit]:
    """The built-in units with a brief's own added (a clash is a check error, so none overrides)."""
    return {**declared, **UNITS}
