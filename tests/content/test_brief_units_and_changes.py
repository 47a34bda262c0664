"""A brief's own units, change figures, targets on the cover and its English variant."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.content.loader import load_brief, read_brief
from briefgen.i18n.catalog import Translations
from briefgen.model.localize import localize
from tests.conftest import TINY, write_brief

USD = "usd: {zh: 美元, en: US dollar, en_plural: US dollars, kind: money}\n"


def brief_with(tmp_path: Path, **files: str) -> Path:
    merged = dict(TINY)
    for name, text in files.items():
        merged[name.replace("__", "/").replace("_yaml", ".yaml")] = text
    return write_brief(tmp_path / "content", merged)


def check_lines(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--content", str(root.parent)])
    return code, [line for line in capsys.readouterr().err.splitlines() if line.strip()]


def prose(root: Path, locale: str, translation: str) -> str:
    """How the first paragraph prints in `locale`: zh its source, else `translation` of it."""
    brief = load_brief(root)
    text = brief.parts[0].sections[0].paragraphs[0].text
    assert text is not None
    document = localize(brief, Translations(locale, {(text.context, text.source): translation}))
    return document.parts[0].sections[0].paragraphs[0].plain()


def test_declared_unit_prints_in_both_languages(tmp_path: Path) -> None:
    metrics = TINY["metrics.yaml"] + "reserves: {value: 3200000000000, unit: usd, kind: level, year: 2024, label: 外汇储备}\n"
    root = brief_with(tmp_path, units_yaml=USD, metrics_yaml=metrics)
    (root / "parts/main.yaml").write_text(TINY["parts/main.yaml"].replace("增长{growth}。", "增长{growth}，外汇储备{reserves}。"),
                                          encoding="utf-8")
    assert "外汇储备3.2万亿美元" in prose(root, "zh", "")
    assert prose(root, "en", "Reserves of {reserves}.") == "Reserves of 3.2 trillion US dollars."


def test_declared_count_unit_is_bare_in_english_prose_and_named_in_charts(tmp_path: Path) -> None:
    units = "berth: {zh: 个泊位, en: berth, en_plural: berths, kind: count}\n"
    metrics = TINY["metrics.yaml"].replace("unit: yuan", "unit: berth")
    root = brief_with(tmp_path, units_yaml=units, metrics_yaml=metrics)
    assert prose(root, "en", "{output} new berths.") == "1.2 billion new berths."
    document = localize(load_brief(root), Translations("en", {}))
    tile = document.parts[0].sections[0].chart.data[0]  # type: ignore[union-attr]
    assert (tile.display, tile.unit_label) == ("1.2 billion berths", "berths")


def test_declared_unit_with_a_conversion(tmp_path: Path) -> None:
    units = "dan: {zh: 担, en: dan, kind: measure, convert: {to: tonne, factor: 0.05}}\n"
    metrics = TINY["metrics.yaml"].replace("value: 1200000000, unit: yuan", "value: 2000, unit: dan")
    root = brief_with(tmp_path, units_yaml=units, metrics_yaml=metrics)
    assert prose(root, "en", "{output}") == "2,000 dan (100 tonnes)"
    assert "2000担" in prose(root, "zh", "")


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        pytest.param("yuan: {zh: 元, en: yuan}\n", "units.yaml:1:1: error: unit 'yuan' is built in", id="clash"),
        pytest.param("usd: {zh: 美元, en: US dollar, knd: money}\n", "units.yaml:1:30: error: unknown key 'knd'", id="misspelt"),
        pytest.param("usd: {zh: 美元, en: US dollar, kind: cash}\n", "units.yaml:1:36: error: 'kind' is 'cash'", id="kind"),
        pytest.param("usd: {zh: 美元, en: US dollar, convert: {to: euro, factor: 0.9}}\n",
                     "units.yaml:1:39: error: unit 'usd' converts to 'euro', which is not another unit", id="convert"),
    ],
)
def test_unit_mistakes_are_located(tmp_path: Path, capsys: pytest.CaptureFixture[str], units: str, expected: str) -> None:
    metrics = TINY["metrics.yaml"].replace("unit: yuan", "unit: usd") if "usd" in units else TINY["metrics.yaml"]
    root = brief_with(tmp_path, units_yaml=units, metrics_yaml=metrics)
    code, lines = check_lines(root, capsys)
    assert code == 1
    assert any(expected in line for line in lines), lines


CHANGE = TINY["metrics.yaml"] + "output_up: {change_of: output, vs: 2023, value: 200000000, label: 比上年增加}\n"


def with_change(tmp_path: Path, metrics: str = CHANGE) -> Path:
    root = brief_with(tmp_path, metrics_yaml=metrics)
    (root / "parts/main.yaml").write_text(
        TINY["parts/main.yaml"].replace("全年产值{output}，", "全年产值{output}，{output_up}，"), encoding="utf-8")
    return root


def test_change_figure_reads_from_data(tmp_path: Path) -> None:
    root = with_change(tmp_path)
    change = load_brief(root).metrics["output_up"]
    assert (change.unit, change.year, change.kind, change.change_of) == ("yuan", 2024, "change", "output")
    assert prose(root, "zh", "").startswith("全年产值12亿元，比上年增加2亿元，")
    assert prose(root, "en", "Output of {output}, {output_up}.") == "Output of 1.2 billion yuan, up 200 million."


@pytest.mark.parametrize(
    ("fields", "zh", "en"),
    [
        pytest.param("value: -200000000", "比上年减少2亿元", "down 200 million", id="fall"),
        pytest.param("value: 200000000, vs: 2020", "比2020年增加2亿元", "up 200 million from 2020", id="named-year"),
        pytest.param("value: 0", "与上年持平", "unchanged", id="zero"),
    ],
)
def test_change_words(tmp_path: Path, fields: str, zh: str, en: str) -> None:
    metrics = TINY["metrics.yaml"] + f"output_up: {{change_of: output, {fields}, label: 变化}}\n"
    root = with_change(tmp_path, metrics)
    assert zh in prose(root, "zh", "")
    assert prose(root, "en", "{output_up}") == en


def test_change_of_a_percentage_is_in_points(tmp_path: Path) -> None:
    metrics = TINY["metrics.yaml"] + "growth_up: {change_of: growth, value: 0.5, label: 增速提高}\n"
    root = brief_with(tmp_path, metrics_yaml=metrics)
    (root / "parts/main.yaml").write_text(TINY["parts/main.yaml"].replace("增长{growth}", "增长{growth}，{growth_up}"),
                                          encoding="utf-8")
    assert "增长4.5%，比上年提高0.5个百分点" in prose(root, "zh", "")
    assert prose(root, "en", "{growth_up}") == "up 0.5 percentage points"


def test_change_figure_in_a_chart_is_signed_and_knows_its_base(tmp_path: Path) -> None:
    root = with_change(tmp_path)
    (root / "parts/main.yaml").write_text(
        (root / "parts/main.yaml").read_text(encoding="utf-8").replace("[output, growth]", "[output, output_up]"),
        encoding="utf-8")
    datum = localize(load_brief(root), Translations("zh", {})).parts[0].sections[0].chart.data[1]  # type: ignore[union-attr]
    assert (datum.display, datum.base, datum.kind) == ("+2亿元", "output", "change")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("output_up: {change_of: ouput, value: 2, label: 增加}\n", "unknown metric 'ouput'", id="unknown-base"),
        pytest.param("output_up: {change_of: output, value: 2, unit: percent, label: 增加}\n",
                     "'output_up' is in 'percent' but its base 'output' is in 'yuan'", id="unit"),
        pytest.param("output_up: {change_of: output, vs: 2024, value: 2, label: 增加}\n",
                     "'vs' is 2024, not earlier than the figure's year 2024", id="vs"),
        pytest.param("output_up: {value: 2, unit: yuan, kind: change, label: 增加}\n",
                     "has kind change: name its base with 'change_of'", id="no-base"),
    ],
)
def test_change_mistakes_are_located(tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, expected: str) -> None:
    root = with_change(tmp_path, TINY["metrics.yaml"] + line)
    code, lines = check_lines(root, capsys)
    assert code == 1
    assert any(line.startswith(str(root / "metrics.yaml") + ":3:") and expected in line for line in lines), lines


@pytest.mark.parametrize(
    ("locale", "label", "caption"),
    [
        pytest.param("zh", "产值", "产值（2025年目标）", id="zh"),
        pytest.param("en", "产值", "产值 (2025 target)", id="en"),
        pytest.param("zh", "产值目标", "产值目标（2025年）", id="zh-says-it-already"),
    ],
)
def test_cover_marks_a_target(tmp_path: Path, locale: str, label: str, caption: str) -> None:
    metrics = TINY["metrics.yaml"].replace("kind: level, year: 2024, label: 产值", f"kind: target, year: 2025, label: {label}")
    root = brief_with(tmp_path, metrics_yaml=metrics)
    document = localize(load_brief(root), Translations(locale, {}))
    assert document.cover[0].caption == caption


def test_cover_figure_that_is_not_a_target_keeps_its_year(tmp_path: Path) -> None:
    document = localize(load_brief(brief_with(tmp_path)), Translations("en", {}))
    assert document.cover[0].caption == "产值 (2024)"


@pytest.mark.parametrize(
    ("variant", "date", "lang"),
    [pytest.param(None, "March 1, 2025", "en-US", id="default"),
     pytest.param("en-US", "March 1, 2025", "en-US", id="us"),
     pytest.param("en-GB", "1 March 2025", "en-GB", id="gb")],
)
def test_en_variant_sets_dates_and_language(tmp_path: Path, variant: str | None, date: str, lang: str) -> None:
    brief_yaml = TINY["brief.yaml"] + (f"en_variant: {variant}\n" if variant else "")
    document = localize(load_brief(brief_with(tmp_path, brief_yaml=brief_yaml)), Translations("en", {}))
    assert (document.date_text, document.lang) == (date, lang)
    assert localize(load_brief(brief_with(tmp_path, brief_yaml=brief_yaml)), Translations("zh", {})).lang == "zh-CN"


@pytest.mark.parametrize(
    ("variant", "glossary", "expected"),
    [
        pytest.param("en-US", "以旧换新: trade-in programme\n", "'programme' in 'trade-in programme' is not en-US spelling; write 'program'", id="gb-in-us"),
        pytest.param("en-GB", "乡村振兴: rural revitalization\n", "'revitalization' in 'rural revitalization' is not en-GB spelling; write 'revitalisation'", id="us-in-gb"),
    ],
)
def test_glossary_spelling_follows_the_variant(tmp_path: Path, capsys: pytest.CaptureFixture[str], variant: str,
                                               glossary: str, expected: str) -> None:
    root = brief_with(tmp_path, brief_yaml=TINY["brief.yaml"] + f"en_variant: {variant}\n", glossary_yaml=glossary)
    code, lines = check_lines(root, capsys)
    assert code == 0 and any(expected in line and "warning" in line for line in lines), lines
    assert main(["check", "--strict", "--content", str(root.parent)]) == 1


def test_glossary_in_the_variant_spelling_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = brief_with(tmp_path, brief_yaml=TINY["brief.yaml"] + "en_variant: en-GB\n",
                      glossary_yaml="以旧换新: trade-in programme\n乡村振兴: rural revitalisation\n")
    assert check_lines(root, capsys) == (0, [])


def test_unknown_variant_is_an_error(tmp_path: Path) -> None:
    _, problems = read_brief(brief_with(tmp_path, brief_yaml=TINY["brief.yaml"] + "en_variant: en-AU\n"))
    assert any("'en_variant' is 'en-AU'; expected one of en-US, en-GB" in p.message for p in problems.errors())


def test_numbers_are_the_same_in_both_variants() -> None:
    """CLDR writes en-GB and en-US numbers alike (1,234.5; 3.2 trillion): only dates differ."""
    from babel.numbers import format_compact_decimal, format_decimal

    for value in (Decimal("9262.5"), Decimal("3200000000000")):
        assert format_decimal(value, locale="en_GB") == format_decimal(value, locale="en_US")
        assert format_compact_decimal(value, format_type="long", locale="en_GB", fraction_digits=3) == \
            format_compact_decimal(value, format_type="long", locale="en_US", fraction_digits=3)


def test_symbol_stands_beside_big_numbers_and_the_noun_in_prose(tmp_path: Path) -> None:
    units = "kwh: {zh: 千瓦时, en: kilowatt-hour, en_plural: kilowatt-hours, symbol: kWh}\n"
    metrics = TINY["metrics.yaml"].replace("unit: yuan", "unit: kwh")
    root = brief_with(tmp_path, units_yaml=units, metrics_yaml=metrics)
    document = localize(load_brief(root), Translations("en", {}))
    assert (document.cover[0].number, document.cover[0].unit_label) == ("1.2 billion", "kWh")
    assert prose(root, "en", "{output}") == "1.2 billion kilowatt-hours"
    assert localize(load_brief(root), Translations("zh", {})).cover[0].unit_label == "千瓦时"
