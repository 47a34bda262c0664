"""Hand-built ChartData for every chart kind, in Chinese and English, from the 2024 Henan report."""
from __future__ import annotations

from briefgen.model.document import ChartData, Datum

WORDS = {
    "zh": {"actual": "2023年实际", "target": "2024年目标", "goal": "2025年目标", "source": "来源"},
    "en": {"actual": "2023 actual", "target": "2024 target", "goal": "2025 goal", "source": "Source"},
}

# metric, unit, kind, year, bound, value, (zh label, display, number, unit label), (en ...)
Row = tuple[str, str, str, int | None, str | None, float, tuple[str, str, str, str], tuple[str, str, str, str]]

GROWTH_2023: list[Row] = [
    ("gdp", "percent", "growth", 2023, None, 4.1, ("生产总值", "4.1%", "4.1", "%"), ("Gross domestic product", "4.1%", "4.1", "%")),
    ("revenue", "percent", "growth", 2023, None, 6.2, ("一般公共预算收入", "6.2%", "6.2", "%"), ("General public budget revenue", "6.2%", "6.2", "%")),
    ("ind_inv", "percent", "growth", 2023, None, 8.9, ("工业投资", "8.9%", "8.9", "%"), ("Industrial investment", "8.9%", "8.9", "%")),
    ("tech_inv", "percent", "growth", 2023, None, 17.4, ("技改投资", "17.4%", "17.4", "%"), ("Investment in technological upgrading", "17.4%", "17.4", "%")),
    ("retail", "percent", "growth", 2023, None, 6.5, ("社会消费品零售总额", "6.5%", "6.5", "%"), ("Retail sales of consumer goods", "6.5%", "6.5", "%")),
    ("income", "percent", "growth", 2023, None, 6.1, ("居民人均可支配收入", "6.1%", "6.1", "%"), ("Per capita disposable income", "6.1%", "6.1", "%")),
]

INNOVATION: list[Row] = [
    ("labs", "entity", "count", 2023, None, 16, ("省实验室", "16家", "16", "家"), ("Provincial laboratories", "16", "16", "")),
    ("institutes", "entity", "count", 2023, None, 40, ("产业研究院", "40家", "40", "家"), ("Industrial research institutes", "40", "40", "")),
    ("pilot", "entity", "count", 2023, None, 36, ("中试基地", "36家", "36", "家"), ("Pilot-scale testing bases", "36", "36", "")),
    ("platforms", "entity", "count", 2023, None, 172, ("国家级创新平台", "172家", "172", "家"), ("National innovation platforms", "172", "172", "")),
    ("hightech", "entity", "count", 2023, None, 12000, ("高新技术企业", "1.2万家", "1.2万", "家"), ("High-tech enterprises", "12,000", "12,000", "")),
    ("sme", "entity", "count", 2023, None, 26000, ("科技型中小企业", "2.6万家", "2.6万", "家"), ("Technology-based small and medium-sized enterprises", "26,000", "26,000", "")),
]

ECONOMY: list[Row] = [
    ("grain", "jin", "level", 2023, None, 132490000000, ("粮食产量", "1324.9亿斤", "1324.9亿", "斤"), ("Grain output", "132.49 billion jin (66.2 million tonnes)", "132.49 billion", "jin")),
    ("entities", "household", "level", 2023, None, 10940000, ("经营主体", "1094万户", "1094万", "户"), ("Market entities", "10.94 million households", "10.94 million", "households")),
    ("projects_inv", "yuan", "level", 2023, None, 6.8e12, ("“三个一批”项目总投资", "6.8万亿元", "6.8万亿", "元"), ("Total investment in “three batches” projects", "6.8 trillion yuan", "6.8 trillion", "yuan")),
]

GOALS: list[tuple[Row, Row]] = [
    (("sme_now", "entity", "level", 2023, None, 3000, ("专精特新企业", "3000家", "3000", "家"), ("Specialized, refined, distinctive and innovative SMEs", "3,000", "3,000", "")),
     ("sme_goal", "entity", "target", 2025, None, 5000, ("专精特新企业", "5000家", "5000", "家"), ("Specialized, refined, distinctive and innovative SMEs", "5,000", "5,000", ""))),
    (("5g_now", "item", "level", 2023, None, 189000, ("5G基站", "18.9万个", "18.9万", "个"), ("5G base stations", "189,000", "189,000", "")),
     ("5g_goal", "item", "target", 2024, None, 216000, ("5G基站", "21.6万个", "21.6万", "个"), ("5G base stations", "216,000", "216,000", ""))),
    (("tourists_now", "person_time", "level", 2023, None, 995000000, ("游客接待量", "9.95亿人次", "9.95亿", "人次"), ("Tourist visits", "995 million person-times", "995 million", "person-times")),
     ("tourists_goal", "person_time", "target", 2024, None, 1000000000, ("游客接待量", "10亿人次", "10亿", "人次"), ("Tourist visits", "1 billion person-times", "1 billion", "person-times"))),
    (("childcare_now", "item", "level", 2023, None, 300000, ("托位数", "30万个", "30万", "个"), ("Childcare places", "300,000", "300,000", "")),
     ("childcare_goal", "item", "target", 2024, None, 380000, ("托位数", "38万个", "38万", "个"), ("Childcare places", "380,000", "380,000", ""))),
]

TARGETS: list[tuple[Row, Row]] = [
    (("gdp_23", "percent", "growth", 2023, None, 4.1, ("经济增长", "4.1%", "4.1", "%"), ("Economic growth", "4.1%", "4.1", "%")),
     ("gdp_24", "percent", "target", 2024, None, 5.5, ("经济增长", "5.5%", "5.5", "%"), ("Economic growth", "5.5%", "5.5", "%"))),
    (("rd_23", "percent", "share", 2023, "over", 2.0, ("研发经费投入强度", "2%", "2", "%"), ("R&D spending as a share of GDP", "2%", "2", "%")),
     ("rd_24", "percent", "target", 2024, None, 2.1, ("研发经费投入强度", "2.1%", "2.1", "%"), ("R&D spending as a share of GDP", "2.1%", "2.1", "%"))),
    (("retail_23", "percent", "growth", 2023, None, 6.5, ("社会消费品零售总额增长", "6.5%", "6.5", "%"), ("Growth in retail sales of consumer goods", "6.5%", "6.5", "%")),
     ("retail_24", "percent", "target", 2024, None, 7.0, ("社会消费品零售总额增长", "7%", "7", "%"), ("Growth in retail sales of consumer goods", "7%", "7", "%"))),
    (("rev_23", "percent", "growth", 2023, None, 6.2, ("一般公共预算收入增长", "6.2%", "6.2", "%"), ("Growth in general public budget revenue", "6.2%", "6.2", "%")),
     ("rev_24", "percent", "target", 2024, None, 5.0, ("一般公共预算收入增长", "5%", "5", "%"), ("Growth in general public budget revenue", "5%", "5", "%"))),
    (("jobs_23", "person", "level", 2023, None, 1193000, ("城镇新增就业", "119.3万人", "119.3万", "人"), ("New urban jobs", "1.193 million people", "1.193 million", "people")),
     ("jobs_24", "person", "target", 2024, "min", 1100000, ("城镇新增就业", "110万人", "110万", "人"), ("New urban jobs", "1.1 million people", "1.1 million", "people"))),
    (("grain_23", "jin", "level", 2023, None, 132490000000, ("粮食产量", "1324.9亿斤", "1324.9亿", "斤"), ("Grain output", "132.49 billion jin (66.2 million tonnes)", "132.49 billion", "jin")),
     ("grain_24", "jin", "target", 2024, "min", 130000000000, ("粮食产量", "1300亿斤", "1300亿", "斤"), ("Grain output", "130 billion jin (65 million tonnes)", "130 billion", "jin"))),
]

SHARES: list[Row] = [
    ("five_share", "percent", "share", 2023, "over", 46, ("五大主导产业占规上工业比重", "46%", "46", "%"), ("Five leading industries' share of large industrial firms' value added", "46%", "46", "%")),
    ("rd_cover", "percent", "share", 2023, None, 70.9, ("规上工业企业研发活动覆盖率", "70.9%", "70.9", "%"), ("Large industrial firms doing R&D", "70.9%", "70.9", "%")),
    ("grad_jobs", "percent", "share", 2023, None, 90.2, ("高校毕业生综合就业率", "90.2%", "90.2", "%"), ("Employment rate of college graduates", "90.2%", "90.2", "%")),
    ("clean_freight", "percent", "target", 2025, None, 80, ("重点行业大宗货物清洁运输比例", "80%", "80", "%"), ("Bulk freight of key industries moved by clean transport (2025 goal)", "80%", "80", "%")),
]

PEOPLE: list[Row] = [
    ("urban_jobs", "person", "level", 2023, None, 1193000, ("城镇新增就业", "119.3万人", "119.3万", "人"), ("New urban jobs", "1.193 million people", "1.193 million", "people")),
    ("rural_jobs", "person", "level", 2023, None, 489000, ("农村劳动力转移就业", "48.9万人", "48.9万", "人"), ("Rural workers moved into off-farm jobs", "489,000 people", "489,000", "people")),
    ("skilled", "person", "level", 2023, None, 3288000, ("新增技能人才", "328.8万人", "328.8万", "人"), ("New skilled workers", "3.288 million people", "3.288 million", "people")),
]

MIXED_COUNTS: list[Row] = [
    ("training", "person_time", "level", 2023, None, 4287000, ("职业技能培训", "428.7万人次", "428.7万", "人次"), ("Vocational skills training", "4.287 million person-times", "4.287 million", "person-times")),
    ("old_housing", "household", "level", 2023, None, 389000, ("新改造老旧小区", "38.9万户", "38.9万", "户"), ("Homes in old residential compounds renovated", "389,000 households", "389,000", "households")),
]

CHINA_EUROPE: list[Row] = [
    ("trains_total", "train", "level", 2023, "over", 10000, ("累计", "1万列", "1万", "列"), ("Cumulative", "10,000 train trips", "10,000", "train trips")),
    ("trains_2024", "train", "target", 2024, "min", 3500, ("2024年", "3500列", "3500", "列"), ("2024", "3,500 train trips", "3,500", "train trips")),
]

TIMELINE_ITEMS = {
    "zh": ("2023年 中欧班列累计开行突破1万列", "2024年 确保开行3500列以上", "拓展线路布局，优化省内二级节点", "2025年 郑州国际陆港具备年开行“万列千万吨”能力"),
    "en": ("2023: cumulative China-Europe Railway Express trips pass 10,000", "2024: at least 3,500 trips", "More routes; better second-tier hubs in the province", "2025: Zhengzhou International Land Port able to run 10,000 trains and 10 million tonnes a year"),
}

RAIL_ITEMS = {
    "zh": ("济郑高铁全线贯通", "“米”字形高铁网建成", "郑许市域铁路通车", "建成菏泽至兰考高铁", "加快建设雄商高铁、平漯周高铁", "开工建设济洛平高铁", "开工建设南信合高铁", "推进郑州机场三期扩建工程"),
    "en": ("Jinan-Zhengzhou high-speed railway completed", "“米”-shaped high-speed rail network finished", "Zhengzhou-Xuchang suburban railway opens", "Heze-Lankao high-speed railway completed", "Faster work on Xiong'an-Shangqiu and Pingdingshan-Luohe-Zhoukou lines", "Work starts on Jinan-Luoyang-Pingdingshan line", "Work starts on Nanyang-Xinyang-Hefei line", "Third phase of Zhengzhou airport expansion"),
}

SAFETY = {
    "zh": ("防范化解经济金融风险", "防范化解安全生产风险", "防范化解自然灾害风险", "加强和创新社会治理"),
    "en": ("Defuse economic and financial risks", "Prevent workplace safety risks", "Prevent natural disaster risks", "Strengthen and innovate social governance"),
}

CLUSTERS = {
    "zh": ("新材料", "新能源汽车", "电子信息", "先进装备", "现代医药", "现代食品", "现代轻纺"),
    "en": ("New materials", "New energy vehicles", "Electronic information", "Advanced equipment", "Modern medicine", "Modern food", "Modern light industry and textiles"),
}

LOCALES = ("zh", "en")


# A part of an amount (share of a whole, any unit): (part, whole)
AMOUNT_SHARES: list[tuple[Row, Row]] = [
    (("bonds", "yuan", "level", 2024, None, 3e11, ("新增专项债券用于项目建设", "3000亿元", "3000亿", "元"), ("New special-purpose bonds for projects", "300 billion yuan", "300 billion", "yuan")),
     ("investment", "yuan", "level", 2024, None, 1.3e12, ("省重点项目投资", "1.3万亿元", "1.3万亿", "元"), ("Investment in key provincial projects", "1.3 trillion yuan", "1.3 trillion", "yuan"))),
]


def datum(row: Row, locale: str) -> Datum:
    metric, unit, kind, year, bound, value, zh, en = row
    label, display, number, unit_label = zh if locale == "zh" else en
    return Datum(metric, label, value, display, number, unit, unit_label, kind, year, bound)


def chart(id: str, kind: str, locale: str, **fields: object) -> ChartData:
    title = f"{id}: 图表标题" if locale == "zh" else f"{id}: chart title"
    base = dict(id=f"{id}-{locale}", kind=kind, locale=locale, title=title, description=title, source="河南日报")
    return ChartData(**base, words=WORDS[locale], **fields)  # type: ignore[arg-type]


def samples(locale: str) -> list[ChartData]:
    """One chart of every kind (some kinds twice, to stress the layout) in `locale`."""
    def data(rows: list[Row]) -> tuple[Datum, ...]:
        return tuple(datum(r, locale) for r in rows)

    def pairs(rows: list[tuple[Row, Row]]) -> tuple[tuple[Datum, Datum], ...]:
        return tuple((datum(a, locale), datum(b, locale)) for a, b in rows)

    return [
        chart("overview", "bars", locale, data=data(GROWTH_2023)),
        chart("innovation", "tiles", locale, data=data(INNOVATION)),
        chart("economy", "tiles", locale, data=data(ECONOMY)),
        chart("goals", "progress", locale, pairs=pairs(GOALS)),
        chart("targets", "compare", locale, pairs=pairs(TARGETS)),
        chart("industry", "share", locale, data=data(SHARES)),
        chart("fund", "share", locale, pairs=pairs(AMOUNT_SHARES)),
        chart("headline", "tiles", locale, data=data(ECONOMY[:1])),
        chart("livelihood", "pictogram", locale, data=data(PEOPLE)),
        chart("housing", "pictogram", locale, data=data(MIXED_COUNTS)),
        chart("opening", "timeline", locale, items=TIMELINE_ITEMS[locale], data=data(CHINA_EUROPE)),
        chart("rail", "timeline", locale, items=RAIL_ITEMS[locale]),
        chart("safety", "diagram", locale, items=SAFETY[locale]),
        chart("clusters", "diagram", locale, items=CLUSTERS[locale]),
    ]


def all_samples() -> list[ChartData]:
    return [c for locale in LOCALES for c in samples(locale)]


def stress_samples() -> list[ChartData]:
    """Edge cases: fewest and most items, a negative bar, an overshot goal, no interface words."""
    en = "en"
    bars = [datum(r, en) for r in GROWTH_2023]
    fell = Datum("energy", "Energy use per unit of industrial value added", -4.5, "4.5%", "4.5", "percent", "%", "growth", 2023)
    many = tuple(bars + [fell, datum(GROWTH_2023[0], en)])
    over = ((datum(GOALS[1][1], en), datum(GOALS[1][0], en)),)  # current above the goal
    tiny = Datum("tiny", "A very small count", 3, "3", "3", "item", "", "count", 2023)
    return [
        chart("bars-negative", "bars", en, data=many),
        chart("bars-two", "bars", "zh", data=tuple(datum(r, "zh") for r in GROWTH_2023[:2])),
        chart("tiles-two", "tiles", en, data=tuple(datum(r, en) for r in ECONOMY[:2])),
        chart("tiles-four", "tiles", "zh", data=tuple(datum(r, "zh") for r in INNOVATION[:4])),
        chart("tiles-five", "tiles", en, data=tuple(datum(r, en) for r in (INNOVATION[:3] + ECONOMY[:2]))),
        chart("share-one", "share", en, data=(datum(SHARES[3], en),)),
        chart("progress-over", "progress", en, pairs=over),
        chart("pictogram-tiny", "pictogram", en, data=(tiny, datum(PEOPLE[0], en))),
        chart("timeline-two", "timeline", "zh", items=TIMELINE_ITEMS["zh"][:2]),
        chart("timeline-eight-data", "timeline", en, items=RAIL_ITEMS[en], data=tuple(bars)),
        chart("diagram-two", "diagram", "zh", items=SAFETY["zh"][:2]),
        chart("diagram-eight", "diagram", en, items=CLUSTERS[en] + ("Future industries",)),
        ChartData(id="no-words", kind="compare", locale="zh", title="", description="", source="",
                  pairs=tuple((datum(a, "zh"), datum(b, "zh")) for a, b in TARGETS[:2])),
    ]
