"""Locale formatting of numbers, quantities, metrics and dates, over the seed brief's figures."""
from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from briefgen.content.model import Metric, Text
from briefgen.errors import Location
from briefgen.i18n import numbers
from briefgen.i18n.interface import Interface, catalog_path, load_catalog
from briefgen.i18n.numbers import (
    Figure,
    bound_text,
    figure,
    format_date,
    format_metric,
    format_number,
    format_quantity,
    format_signed_percent,
    plural_count,
)
from briefgen.units import UNITS, Unit

# (value in base units, unit, Chinese as the seed writes it, English, English number only)
SEED_FIGURES = [
    pytest.param("132490000000", "jin", "1324.9亿斤",
                 "132.49 billion jin (66.2 million tonnes)", "132.49 billion", id="grain-output"),
    pytest.param("10940000", "household", "1094万户",
                 "10.94 million households", "10.94 million", id="market-entities"),
    pytest.param("9262", "item", "9262个", "9,262", "9,262", id="projects"),
    pytest.param("6800000000000", "yuan", "6.8万亿元",
                 "6.8 trillion yuan", "6.8 trillion", id="project-investment"),
    pytest.param("61480000000", "jin", "614.8亿斤",
                 "61.48 billion jin (30.7 million tonnes)", "61.48 billion", id="autumn-grain"),
    pytest.param("1960000000", "jin", "19.6亿斤",
                 "1.96 billion jin (980,000 tonnes)", "1.96 billion", id="autumn-grain-increase"),
    pytest.param("1000000", "mu", "100万亩",
                 "1 million mu (66,700 hectares)", "1 million", id="farmland-gain"),
    pytest.param("102000", "mu", "10.2万亩",
                 "102,000 mu (6,800 hectares)", "102,000", id="mines-restored"),
    pytest.param("23000", "mu", "2.3万亩", "23,000 mu (1,530 hectares)", "23,000", id="wetland"),
    pytest.param("701000", "mu", "70.1万亩",
                 "701,000 mu (46,700 hectares)", "701,000", id="soil-erosion"),
    pytest.param("1193000", "person", "119.3万人",
                 "1.193 million people", "1.193 million", id="urban-jobs"),
    pytest.param("489000", "person", "48.9万人", "489,000 people", "489,000", id="rural-jobs"),
    pytest.param("4287000", "person_time", "428.7万人次",
                 "4.287 million person-times", "4.287 million", id="training"),
    pytest.param("3288000", "person", "328.8万人",
                 "3.288 million people", "3.288 million", id="skilled-workers"),
    pytest.param("389000", "household", "38.9万户",
                 "389,000 households", "389,000", id="old-housing"),
    pytest.param("135000", "item", "13.5万个", "135,000", "135,000", id="kindergarten-places"),
    pytest.param("12000", "entity", "1.2万家", "12,000", "12,000", id="hitech-firms"),
    pytest.param("26000", "entity", "2.6万家", "26,000", "26,000", id="tech-smes"),
    pytest.param("2785", "entity", "2785家", "2,785", "2,785", id="new-industrial-firms"),
    pytest.param("30000", "entity", "3万家", "30,000", "30,000", id="cloud-firms"),
    pytest.param("16", "entity", "16家", "16", "16", id="provincial-labs"),
    pytest.param("1000000", "vehicle", "100万辆",
                 "1 million vehicles", "1 million", id="vehicle-output"),
    pytest.param("5.9", "day", "5.9天", "5.9 days", "5.9", id="good-air-days"),
    pytest.param("4.1", "percent", "4.1%", "4.1%", "4.1", id="gdp-growth"),
    pytest.param("130000000000", "jin", "1300亿斤",
                 "130 billion jin (65 million tonnes)", "130 billion", id="grain-target"),
    pytest.param("1100000", "person", "110万人", "1.1 million people", "1.1 million", id="jobs-target"),
    pytest.param("160000000", "mu", "1.6亿亩",
                 "160 million mu (10.7 million hectares)", "160 million", id="sown-area"),
    pytest.param("4500000", "mu", "450万亩",
                 "4.5 million mu (300,000 hectares)", "4.5 million", id="high-standard-farmland"),
    pytest.param("10000000000", "jin", "100亿斤",
                 "10 billion jin (5 million tonnes)", "10 billion", id="grain-capacity"),
    pytest.param("14000000", "tonne", "1400万吨",
                 "14 million tonnes", "14 million", id="greenhouse-vegetables"),
    pytest.param("1880000", "tonne", "188万吨", "1.88 million tonnes", "1.88 million", id="fungi"),
    pytest.param("100000", "tonne", "10万吨", "100,000 tonnes", "100,000", id="fishery"),
    pytest.param("1000000000", "person_time", "10亿人次",
                 "1 billion person-times", "1 billion", id="tourist-visits"),
    pytest.param("1000000000000", "yuan", "1万亿元",
                 "1 trillion yuan", "1 trillion", id="tourism-revenue"),
    pytest.param("216000", "item", "21.6万个", "216,000", "216,000", id="5g-stations"),
    pytest.param("200000", "rack", "20万架", "200,000 racks", "200,000", id="data-racks"),
    pytest.param("7000000000000", "yuan", "7万亿元",
                 "7 trillion yuan", "7 trillion", id="industry-scale"),
    pytest.param("1500000000000", "yuan", "1.5万亿元",
                 "1.5 trillion yuan", "1.5 trillion", id="zhengzhou-gdp"),
    pytest.param("4000", "km", "4000公里", "4,000 km", "4,000", id="pipe-renewal"),
    pytest.param("35000000", "person", "3500万人",
                 "35 million people", "35 million", id="water-supply"),
    pytest.param("1530000", "mu", "153万亩",
                 "1.53 million mu (102,000 hectares)", "1.53 million", id="afforestation"),
    pytest.param("1250", "km2", "1250平方公里", "1,250 km²", "1,250", id="erosion-control"),
    pytest.param("3500", "train", "3500列", "3,500 train trips", "3,500", id="china-europe-trains"),
    pytest.param("5000", "entity", "5000家", "5,000", "5,000", id="specialized-smes"),
    pytest.param("300000", "event", "30万场次", "300,000 events", "300,000", id="stage-shows"),
    pytest.param("380000", "item", "38万个", "380,000", "380,000", id="childcare-places"),
    pytest.param("168", "institution", "168所", "168", "168", id="universities"),
    pytest.param("49", "line", "49条", "49", "49", id="cargo-routes"),
    pytest.param("6", "member", "6位", "6", "6", id="academicians"),
    pytest.param("7", "measure", "7项", "7", "7", id="micro-reforms"),
]


@pytest.mark.parametrize(("value", "unit", "zh", "en", "en_number"), SEED_FIGURES)
def test_seed_figures_zh(value: str, unit: str, zh: str, en: str, en_number: str) -> None:
    assert format_quantity(Decimal(value), unit, "zh") == zh


@pytest.mark.parametrize(("value", "unit", "zh", "en", "en_number"), SEED_FIGURES)
def test_seed_figures_en(value: str, unit: str, zh: str, en: str, en_number: str) -> None:
    assert format_quantity(Decimal(value), unit, "en") == en


@pytest.mark.parametrize(("value", "unit", "zh", "en", "en_number"), SEED_FIGURES)
def test_number_only(value: str, unit: str, zh: str, en: str, en_number: str) -> None:
    assert format_quantity(Decimal(value), unit, "en", number_only=True) == en_number
    assert format_quantity(Decimal(value), unit, "zh", number_only=True) == zh.removesuffix(
        UNITS[unit].zh
    )


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        pytest.param("9262", "9262", "9,262", id="below-wan"),
        pytest.param("12000", "1.2万", "12,000", id="wan"),
        pytest.param("216000", "21.6万", "216,000", id="wan-below-million"),
        pytest.param("701000", "70.1万", "701,000", id="below-million"),
        pytest.param("1193000", "119.3万", "1.193 million", id="million"),
        pytest.param("10940000", "1094万", "10.94 million", id="ten-million"),
        pytest.param("160000000", "1.6亿", "160 million", id="yi"),
        pytest.param("132490000000", "1324.9亿", "132.49 billion", id="billion"),
        pytest.param("6800000000000", "6.8万亿", "6.8 trillion", id="wan-yi"),
        pytest.param("0", "0", "0", id="zero"),
        pytest.param("0.5", "0.5", "0.5", id="fraction"),
        pytest.param("1.23456", "1.23456", "1.23456", id="no-rounding-of-decimals"),
        pytest.param("132491234567", "1324.91234567亿", "132.491234567 billion", id="all-digits"),
        pytest.param("99999999", "9999.9999万", "99.999999 million", id="no-carry"),
        pytest.param("1.2E+4", "1.2万", "12,000", id="exponent-form"),
        pytest.param("12000.00", "1.2万", "12,000", id="trailing-zeros"),
        pytest.param("-1193000", "-119.3万", "-1.193 million", id="negative"),
    ],
)
def test_format_number(value: str, zh: str, en: str) -> None:
    assert format_number(Decimal(value), "zh") == zh
    assert format_number(Decimal(value), "en") == en


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        pytest.param("1", "household", "1 household", id="one-household"),
        pytest.param("2", "household", "2 households", id="two-households"),
        pytest.param("0", "household", "0 households", id="zero-households"),
        pytest.param("1000000", "household", "1 million households", id="one-million-households"),
        pytest.param("1", "day", "1 day", id="one-day"),
        pytest.param("1.5", "day", "1.5 days", id="fractional-days"),
        pytest.param("1", "person", "1 person", id="one-person"),
        pytest.param("3", "person", "3 people", id="people"),
        pytest.param("1", "train", "1 train trip", id="one-train-trip"),
        pytest.param("1", "jin", "1 jin (0.0005 tonnes)", id="one-jin"),
        pytest.param("2000", "jin", "2,000 jin (1 tonne)", id="equivalent-singular"),
    ],
)
def test_english_plurals(value: str, unit: str, expected: str) -> None:
    assert format_quantity(Decimal(value), unit, "en") == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        pytest.param("132490000000", "jin", "(66.2 million tonnes)", id="three-significant-digits"),
        pytest.param("2490000", "jin", "(1,250 tonnes)", id="rounds-half-up"),
        pytest.param("15", "mu", "(1 hectare)", id="exact-hectare"),
        pytest.param("10", "mu", "(0.667 hectares)", id="small-area"),
        pytest.param("160000000", "mu", "(10.7 million hectares)", id="scaled-like-the-figure"),
    ],
)
def test_metric_equivalents(value: str, unit: str, expected: str) -> None:
    assert format_quantity(Decimal(value), unit, "en").endswith(f" {expected}")


@pytest.mark.parametrize("unit", ["jin", "mu"])
def test_no_metric_equivalent_in_chinese(unit: str) -> None:
    assert "(" not in format_quantity(Decimal(1000), unit, "zh")


@pytest.mark.parametrize("unit", ["tonne", "hectare", "yuan", "percent", "household"])
def test_no_metric_equivalent_for_other_units(unit: str) -> None:
    assert "(" not in format_quantity(Decimal(1000), unit, "en")


def _metric(value: str, unit: str, kind: str) -> Metric:
    label = Text("标签", "metrics/x/label", Location.unknown())
    return Metric("x", Decimal(value), unit, kind, label)


@pytest.mark.parametrize(
    ("value", "unit", "kind", "zh", "en"),
    [
        pytest.param("132490000000", "jin", "level", "1324.9亿斤",
                     "132.49 billion jin (66.2 million tonnes)", id="level"),
        pytest.param("4.1", "percent", "growth", "4.1%", "4.1%", id="growth"),
        pytest.param("-5", "percent", "growth", "5%", "5%", id="negative-growth-magnitude"),
        pytest.param("-4.5", "percent", "growth", "4.5%", "4.5%", id="energy-intensity-fell"),
        pytest.param("70.9", "percent", "share", "70.9%", "70.9%", id="share"),
        pytest.param("9262", "item", "count", "9262个", "9,262", id="count"),
    ],
)
def test_format_metric(value: str, unit: str, kind: str, zh: str, en: str) -> None:
    metric = _metric(value, unit, kind)
    assert format_metric(metric, "zh") == zh
    assert format_metric(metric, "en") == en


def test_format_metric_number_only() -> None:
    metric = _metric("10940000", "household", "level")
    assert format_metric(metric, "en", number_only=True) == "10.94 million"
    assert format_metric(metric, "zh", number_only=True) == "1094万"


@pytest.mark.parametrize(
    ("day", "zh", "en"),
    [
        pytest.param(dt.date(2024, 1, 28), "2024年1月28日", "January 28, 2024", id="opening-day"),
        pytest.param(dt.date(2023, 12, 1), "2023年12月1日", "December 1, 2023", id="december"),
        pytest.param(dt.date(2025, 7, 4), "2025年7月4日", "July 4, 2025", id="single-digits"),
    ],
)
def test_format_date(day: dt.date, zh: str, en: str) -> None:
    assert format_date(day, "zh") == zh
    assert format_date(day, "en") == en


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("4.1", "+4.1%", id="rise"),
        pytest.param("-5", "-5%", id="fall"),
        pytest.param("0", "0%", id="flat"),
    ],
)
@pytest.mark.parametrize("locale", ["zh", "en"])
def test_format_signed_percent(value: str, expected: str, locale: str) -> None:
    assert format_signed_percent(Decimal(value), locale) == expected


@pytest.mark.parametrize(
    ("bound", "zh", "en"),
    [
        pytest.param("min", "1300亿斤以上", "at least 130 billion jin (65 million tonnes)", id="min"),
        pytest.param("over", "超过1300亿斤", "over 130 billion jin (65 million tonnes)", id="over"),
        pytest.param("approx", "1300亿斤左右", "about 130 billion jin (65 million tonnes)", id="approx"),
        pytest.param("max", "1300亿斤以内", "at most 130 billion jin (65 million tonnes)", id="max"),
        pytest.param(None, "1300亿斤", "130 billion jin (65 million tonnes)", id="none"),
    ],
)
def test_a_bound_is_written_in_words_of_the_language(bound: str | None, zh: str, en: str) -> None:
    value = Decimal(130_000_000_000)
    assert str(figure(value, UNITS["jin"], "zh", bound=bound)) == zh
    assert str(figure(value, UNITS["jin"], "en", bound=bound)) == en
    assert bound_text(format_quantity(value, "jin", "zh"), bound, "zh") == zh


@pytest.mark.parametrize(
    ("value", "unit", "locale", "parts"),
    [
        pytest.param("4.1", "percent", "zh", ("4.1%", ""), id="zh-percent-attached"),
        pytest.param("4.1", "percent", "en", ("4.1%", ""), id="en-percent-attached"),
        pytest.param("132490000000", "jin", "zh", ("1324.9亿", "斤"), id="zh-jin"),
        pytest.param("132490000000", "jin", "en", ("132.49 billion", "jin"), id="en-jin"),
        pytest.param("10940000", "business", "en", ("10.94 million", ""), id="en-classifier"),
    ],
)
def test_figure_pieces_rebuild_the_prose_figure(value: str, unit: str, locale: str, parts: tuple[str, str]) -> None:
    f = figure(Decimal(value), UNITS[unit], locale)
    assert isinstance(f, Figure) and (f.number, f.unit) == parts
    assert str(f) == format_quantity(Decimal(value), unit, locale)


@pytest.mark.parametrize(
    ("value", "count"),
    [("1", 1), ("2", 2), ("0", 0), ("1.0", 1), ("1.5", 2), ("0.5", 2), ("-1", 1), ("1E+6", 10**6)],
)
def test_plural_count(value: str, count: int) -> None:
    assert plural_count(Decimal(value)) == count


def test_unknown_locale_formats_as_english() -> None:
    assert format_quantity(Decimal("10940000"), "household", "xx") == "10.94 million households"
    assert format_date(dt.date(2024, 1, 28), "xx") == "January 28, 2024"


def test_english_unit_nouns_come_from_the_catalog() -> None:
    catalog = Catalog(locale="en")
    catalog.add(("household", "households"), ("HOUSEHOLD", "HOUSEHOLDS"), context="unit")
    shouting = Interface.from_catalog("en", catalog)
    assert format_quantity(Decimal(2), "household", "en", ui=shouting) == "2 HOUSEHOLDS"
    assert format_quantity(Decimal(1), "household", "en", ui=shouting) == "1 HOUSEHOLD"


@pytest.mark.parametrize("unit", [u for u in UNITS.values() if u.en_one], ids=lambda u: u.id)
def test_every_unit_noun_is_in_the_catalogs(unit: Unit) -> None:
    zh = load_catalog(catalog_path("zh")).get(unit.en_one, context="unit")
    en = load_catalog(catalog_path("en")).get(unit.en_one, context="unit")
    assert zh is not None and zh.id == (unit.en_one, unit.en_many) and zh.string == (unit.zh,)
    assert en is not None and en.id == (unit.en_one, unit.en_many)
    assert en.string == (unit.en_one, unit.en_many)


@pytest.mark.parametrize("unit", [u for u in UNITS.values() if not u.en_one], ids=lambda u: u.id)
def test_classifiers_have_a_chinese_symbol_and_no_english_noun(unit: Unit) -> None:
    assert unit.zh and not unit.en_many and unit.metric_unit is None


@pytest.mark.parametrize("unit", list(UNITS))
@pytest.mark.parametrize("locale", ["zh", "en"])
def test_every_unit_formats(unit: str, locale: str) -> None:
    text = format_quantity(Decimal(12000), unit, locale)
    assert text.startswith("1.2万" if locale == "zh" else "12,000")


def test_no_rendering_imports() -> None:
    tree = ast.parse(Path(numbers.__file__).read_text(encoding="utf-8"))
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for name in ([a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""])
    }
    assert not imported & {"reportlab", "matplotlib"}
