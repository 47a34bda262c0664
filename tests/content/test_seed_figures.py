"""The Henan brief is faithful to its source: every figure of the seed is a metric with the right
value and unit, and rendering the Chinese text gives back every sentence of the seed.

The figures below were typed in from /work/shared/seeds/000_5e20c90e839245d8.txt, in the
order they occur there (repeats included). Years, dates, ordinals (第三届, 二期), names
(PM2.5, 5G, ESI前1%) and named slogans (十大战略, 三个一批, 万列千万吨 ...) are text, not figures.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from briefgen.content.loader import load_brief
from briefgen.content.model import Brief, Metric, Paragraph
from briefgen.units import UNITS

ROOT = Path(__file__).resolve().parents[2]
BRIEF = ROOT / "content" / "henan-2024"
SEED = Path("/work/shared/seeds/000_5e20c90e839245d8.txt")

D = Decimal
YI = 100_000_000
WAN = 10_000

# (test id, the figure as written in the seed, value in base units, unit id)
_FIGURES: list[tuple[str, str, Decimal, str]] = [
    # -- 2023 review: 经济运行整体向好
    ("gdp_growth_2023", "4.1%", D("4.1"), "percent"),
    ("fiscal_revenue_growth_2023", "6.2%", D("6.2"), "percent"),
    ("industrial_investment_growth", "8.9%", D("8.9"), "percent"),
    ("tech_upgrade_investment_growth", "17.4%", D("17.4"), "percent"),
    ("retail_sales_growth_2023", "6.5%", D("6.5"), "percent"),
    ("income_growth", "6.1%", D("6.1"), "percent"),
    ("grain_output_2023", "1324.9亿斤", D("1324.9") * YI, "jin"),
    ("market_entities", "1094万户", D(1094 * WAN), "business"),  # 户 of market entities: no English noun
    ("three_batches_projects", "9262个", D(9262), "item"),
    ("three_batches_investment", "6.8万亿元", D("6.8") * WAN * YI, "yuan"),
    # -- 创新能力明显提升
    ("rd_intensity_2023", "2%", D(2), "percent"),
    ("tech_contract_growth", "33.4%", D("33.4"), "percent"),
    ("invention_patent_growth", "20.3%", D("20.3"), "percent"),
    ("provincial_labs", "16家", D(16), "entity"),
    ("industry_research_institutes", "40家", D(40), "entity"),
    ("pilot_bases", "36家", D(36), "entity"),
    ("innovation_consortia", "28家", D(28), "entity"),
    ("national_key_labs", "13家", D(13), "entity"),
    ("national_innovation_platforms", "172家", D(172), "entity"),
    ("rd_activity_coverage", "70.9%", D("70.9"), "percent"),
    ("esi_top_disciplines", "5个", D(5), "item"),
    ("esi_disciplines", "80个", D(80), "item"),
    ("new_academicians", "6位", D(6), "member"),
    # -- 产业升级步伐加快
    ("clusters_2023", "7个", D(7), "item"),
    ("key_chains_2023", "28个", D(28), "item"),
    ("emerging_industry_growth", "10.3%", D("10.3"), "percent"),
    ("hitech_manufacturing_growth", "11.7%", D("11.7"), "percent"),
    ("pillar_industries_growth", "10.9%", D("10.9"), "percent"),
    ("pillar_industries_share", "46%", D(46), "percent"),
    ("little_giants", "394家", D(394), "entity"),
    ("hitech_firms", "1.2万家", D("1.2") * WAN, "entity"),
    ("tech_smes", "2.6万家", D("2.6") * WAN, "entity"),
    ("new_industrial_firms", "2785家", D(2785), "entity"),
    ("cloud_firms", "3万家", D(3 * WAN), "entity"),
    ("smart_factories", "186个", D(186), "item"),
    ("vehicle_output", "100万辆", D(100 * WAN), "vehicle"),
    # -- 乡村振兴有力推进
    ("autumn_grain_output", "614.8亿斤", D("614.8") * YI, "jin"),
    ("autumn_grain_increase", "19.6亿斤", D("19.6") * YI, "jin"),
    ("farmland_net_gain", "100万亩", D(100 * WAN), "mu"),
    ("modern_agri_parks", "12个", D(12), "item"),
    ("agri_clusters", "7个", D(7), "item"),
    ("revitalization_counties", "5个", D(5), "item"),
    ("governance_towns", "6个", D(6), "item"),
    ("governance_villages", "60个", D(60), "item"),
    ("poverty_income_growth", "13.1%", D("13.1"), "percent"),
    # -- 改革开放深化拓展
    ("certificate_free_items", "175个", D(175), "item"),
    ("mobile_service_items", "7195个", D(7195), "item"),
    ("cargo_routes", "49条", D(49), "line"),
    ("china_europe_trains", "1万列", D(WAN), "train"),
    ("sea_rail_growth", "78.1%", D("78.1"), "percent"),
    ("yutong_bus_exports", "万辆", D(WAN), "vehicle"),
    ("trading_firms", "1.1万家", D("1.1") * WAN, "entity"),
    ("foreign_firms_growth", "40.9%", D("40.9"), "percent"),
    # -- 生态环境不断改善
    ("pm25_decline_2023", "5%", D(5), "percent"),
    ("good_air_days_increase", "5.9天", D("5.9"), "day"),
    ("mines_restored", "10.2万亩", D("10.2") * WAN, "mu"),
    ("wetlands_restored", "2.3万亩", D("2.3") * WAN, "mu"),
    ("soil_erosion_2023", "70.1万亩", D("70.1") * WAN, "mu"),
    ("green_factories_2023", "198个", D(198), "item"),
    ("energy_intensity_decline_2023", "4.5%", D("4.5"), "percent"),
    # -- 民生事业全面进步
    ("urban_jobs_2023", "119.3万人", D("119.3") * WAN, "person"),
    ("rural_labor_2023", "48.9万人", D("48.9") * WAN, "person"),
    ("graduate_employment_rate", "90.2%", D("90.2"), "percent"),
    ("skills_training_2023", "428.7万人次", D("428.7") * WAN, "person_time"),
    ("skilled_workers_2023", "328.8万人", D("328.8") * WAN, "person"),
    ("old_communities", "38.9万户", D("38.9") * WAN, "household"),
    ("convenience_measures", "7项", D(7), "measure"),
    ("universities", "168所", D(168), "institution"),
    ("boarding_schools", "150所", D(150), "institution"),
    ("kindergarten_places", "13.5万个", D("13.5") * WAN, "item"),
    # -- 2024 targets
    ("gdp_growth_target", "5.5%", D("5.5"), "percent"),
    ("rd_intensity_target", "2.1%", D("2.1"), "percent"),
    ("industrial_value_added_target", "6.5%", D("6.5"), "percent"),
    ("fixed_investment_target", "7%", D(7), "percent"),
    ("retail_sales_target", "7%", D(7), "percent"),
    ("fiscal_revenue_target", "5%", D(5), "percent"),
    ("unemployment_target", "5.5%", D("5.5"), "percent"),
    ("urban_jobs_target", "110万人", D(110 * WAN), "person"),
    ("cpi_target", "3%", D(3), "percent"),
    ("grain_output_target", "1300亿斤", D(1300 * YI), "jin"),
    ("energy_intensity_target", "3%", D(3), "percent"),
    # -- 关键词：创新高地建设
    ("zz_research_institutes_headline", "10家", D(10), "entity"),
    ("zz_research_institutes", "10家", D(10), "entity"),
    ("seed_firms", "15家", D(15), "entity"),
    ("enterprise_rd_growth", "20%", D(20), "percent"),
    ("key_chains_union_funds", "28个", D(28), "item"),
    ("transfer_bases", "5个", D(5), "item"),
    ("joint_rd_centers", "1000个", D(1000), "item"),
    ("new_hitech_firms", "1500家", D(1500), "entity"),
    ("scholar_workstations", "30家", D(30), "entity"),
    ("leading_talents", "180人", D(180), "person"),
    # -- 关键词：新型工业化
    ("clusters_2024", "7个", D(7), "item"),
    ("key_chains_2024", "28个", D(28), "item"),
    ("industry_scale_2025", "7万亿元", D(7) * WAN * YI, "yuan"),
    ("transformation_zones", "20个", D(20), "item"),
    ("specialized_smes_2025", "5000家", D(5000), "entity"),
    ("industrial_firms_2025", "3万家", D(3 * WAN), "entity"),
    # -- 关键词：扩大投资
    ("tourist_visits", "10亿人次", D(10 * YI), "person_time"),
    ("tourism_revenue", "1万亿元", D(WAN * YI), "yuan"),
    ("tourism_routes", "10条", D(10), "line"),
    ("project_investment_growth", "10%", D(10), "percent"),
    ("tech_upgrade_investment_target", "20%", D(20), "percent"),
    ("key_project_investment", "1万亿元", D(WAN * YI), "yuan"),
    ("infrastructure_investment_growth", "10%", D(10), "percent"),
    ("base_stations_5g", "21.6万个", D("21.6") * WAN, "item"),
    ("data_center_racks", "20万架", D(20 * WAN), "rack"),
    ("internet_platforms", "10个", D(10), "item"),
    # -- 关键词：乡村振兴
    ("grain_area", "1.6亿亩", D("1.6") * YI, "mu"),
    ("farmland_demo", "450万亩", D(450 * WAN), "mu"),
    ("grain_capacity_2025", "100亿斤", D(100 * YI), "jin"),
    ("vegetable_output", "1400万吨", D(1400 * WAN), "tonne"),
    ("mushroom_output", "188万吨", D(188 * WAN), "tonne"),
    ("fishery_output", "10万吨", D(10 * WAN), "tonne"),
    # -- 关键词：区域协调发展
    ("zz_gdp_2025", "1.5万亿元", D("1.5") * WAN * YI, "yuan"),
    ("old_pipelines", "4000公里", D(4000), "km"),
    # -- 关键词：改革开放
    ("intl_passenger_routes_2025", "50条", D(50), "line"),
    ("top_cargo_airports", "20位", D(20), "member"),
    ("china_europe_trains_target", "3500列", D(3500), "train"),
    # -- 关键词：污染防治
    ("water_beneficiaries", "3500万人", D(3500 * WAN), "person"),
    ("afforestation", "153万亩", D(153 * WAN), "mu"),
    ("soil_erosion_target", "1250平方公里", D(1250), "km2"),
    ("pm25_decline_2025", "10%", D(10), "percent"),
    ("energy_saving_projects", "200个", D(200), "item"),
    ("green_factories_target", "100个", D(100), "item"),
    ("clean_transport_2025", "80%", D(80), "percent"),
    # -- 关键词：改善民生
    ("rural_labor_target", "40万人", D(40 * WAN), "person"),
    ("returnee_entrepreneurs", "15万人", D(15 * WAN), "person"),
    ("skills_training_target", "200万人次", D(200 * WAN), "person_time"),
    ("skilled_workers_target", "150万人", D(150 * WAN), "person"),
    ("high_skilled_workers", "90万人", D(90 * WAN), "person"),
    ("county_medical_subcenters", "100个", D(100), "item"),
    ("cultural_events", "30万场次", D(30 * WAN), "event"),
    ("cultural_spaces", "100个", D(100), "item"),
    ("new_childcare_places", "8万个", D(8 * WAN), "item"),
    ("childcare_places_total", "38万个", D(38 * WAN), "item"),
]

FIGURES = [pytest.param(written, value, unit, id=name) for name, written, value, unit in _FIGURES]

# The fixes made to the seed's wording in the content (see content/henan-2024): page breaks
# joined, a doubled character removed, half-width punctuation made full-width, and 万辆
# written 1万辆 because the figure is a metric now.
PAGE_BREAKS = ["商业航\n\n天", "土壤污\n\n染", "前沿创新、\n\n国际交往", "增长5%,\n\n城镇调查"]
FIXES = [
    ("为为主线", "为主线"),
    ("在野企业", "在孵企业"),  # typo: firms in incubation (孵化) at the Smart Island incubators
    ("智能传感建设", "智能传感谷建设"),  # the project is China (Zhengzhou) Intelligent Sensor Valley
    ("满意度,获得感", "满意度、获得感"),
    ("出口突破万辆", "出口突破1万辆"),
    ("2024年 主要预期目标", "2024年主要预期目标"),
    (",", "，"), (":", "："), ("(", "（"), (")", "）"),
]


@pytest.fixture(scope="module")
def brief() -> Brief:
    return load_brief(BRIEF)


FIGURE = re.compile(
    r"(?P<number>\d+(?:\.\d+)?)(?:万亿|亿|万)?"
    r"(?:平方公里|公里|人次|场次|%|个|家|户|斤|亩|吨|元|人|所|条|列|辆|架|项|位|天)"
)


needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"the seed text {SEED} is not here")


@needs_seed
def test_figure_list_matches_the_seed() -> None:
    """The list above holds every figure of the seed, no more, no fewer (repeats counted)."""
    text = SEED.read_text(encoding="utf-8")
    in_seed = Counter(
        m.group(0) for m in FIGURE.finditer(text)
        if not (m.group(0) == "1%" and text[m.start() - 1] == "前")  # ESI全球前1%: a name
    )
    in_seed["万辆"] += text.count("突破万辆")  # 宇通客车出口突破万辆: a figure without digits
    listed = Counter(written for _, written, _, _ in _FIGURES)
    assert (in_seed - listed, listed - in_seed) == (Counter(), Counter())


@pytest.mark.parametrize(("written", "value", "unit"), FIGURES)
def test_seed_figure_is_a_metric(brief: Brief, written: str, value: Decimal, unit: str) -> None:
    matches = [m.id for m in brief.metrics.values() if m.value == value and m.unit == unit]
    assert matches, f"no metric holds {written} ({value} {unit})"


def zh_number(metric: Metric) -> str:
    """The metric as the seed writes it: 1324.9亿斤, 6.8万亿元, 1094万户, 4.1%."""
    value = metric.value
    for scale, word in ((D(10) ** 12, "万亿"), (D(10) ** 8, "亿"), (D(10) ** 4, "万")):
        if abs(value) >= scale:
            value, suffix = value / scale, word
            break
    else:
        suffix = ""
    digits = format(value.normalize(), "f")
    return f"{digits}{suffix}{UNITS[metric.unit].zh}"


def render(text: str, brief: Brief) -> str:
    return re.sub(r"\{([a-z][a-z0-9_]*)\}", lambda m: zh_number(brief.metrics[m.group(1)]), text)


def _paragraphs(paragraphs: tuple[Paragraph, ...]) -> list[str]:
    return [t.source for p in paragraphs for t in (p.topic, p.text) if t is not None]


def rendered_brief(brief: Brief) -> str:
    """The brief's Chinese text in reading order, metrics written out, whitespace removed."""
    texts = [brief.title.source, brief.subtitle.source, *_paragraphs(brief.lead)]
    for part in brief.parts:
        texts += [t.source for t in (part.kicker, part.title) if t is not None]
        texts += _paragraphs(part.intro)
        for section in part.sections:
            texts += [t.source for t in (section.keyword, section.headline) if t is not None]
            if not section.is_area:
                texts.append(section.title.source)
            texts += _paragraphs(section.paragraphs)
    texts.append(brief.credits.source)
    return re.sub(r"\s+", "", "".join(render(t, brief) for t in texts))


def seed_sentences() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    for split in PAGE_BREAKS:
        text = text.replace(split, split.replace("\n", ""))
    for old, new in FIXES:
        text = text.replace(old, new)
    sentences = []
    for line in text.splitlines():
        line = re.sub(r"\s+", "", line.removeprefix("关键词："))
        sentences += re.findall(r"[^。]+。?", line)
    return sentences


@needs_seed
def test_rendered_text_gives_back_every_seed_sentence(brief: Brief) -> None:
    rendered = rendered_brief(brief)
    missing = [s for s in seed_sentences() if s not in rendered]
    assert missing == [], "sentences of the seed not in the rendered brief:\n" + "\n".join(missing)
