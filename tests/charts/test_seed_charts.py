"""The seed brief's own charts, as the PDFs carry them: eleven per language, clean layouts,
every character in the font, numbers equal to the metrics they come from."""
from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.ft2font import FT2Font

from briefgen.build.edition import localized
from briefgen.charts import check_layout, drawn_characters, text_sizes
from briefgen.content.loader import load_brief
from briefgen.model.document import ChartData
from briefgen.runtime import bundled_font_dir
from tests.conftest import ROOT

FONTS = bundled_font_dir()
BRIEF = load_brief(ROOT / "content" / "henan-2024")
CHARTS = [c for locale in ("zh", "en") for c in localized(BRIEF, locale).charts()]


def test_eleven_charts_per_language_nine_for_the_areas() -> None:
    for locale in ("zh", "en"):
        charts = [c for c in CHARTS if c.locale == locale]
        assert len(charts) == 11
        assert len({c.kind for c in charts}) >= 6
    areas = [s.chart for s in BRIEF.areas()]
    assert len(areas) == 9 and all(areas)
    kinds = [c.kind for c in areas if c]
    assert all(a != b for a, b in zip(kinds, kinds[1:])), kinds


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: f"{c.id}-{c.locale}")
def test_no_text_is_clipped_or_overlapping(chart: ChartData) -> None:
    assert check_layout(chart, FONTS) == []


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: f"{c.id}-{c.locale}")
def test_every_character_is_in_the_chart_font(chart: ChartData) -> None:
    charmap = FT2Font(str(FONTS / "NotoSansSC_400Regular.ttf")).get_charmap()
    assert {c for c in drawn_characters(chart, FONTS) if ord(c) not in charmap} == set()
    assert min(text_sizes(chart, FONTS)) >= 7


def test_chart_numbers_come_from_the_metrics() -> None:
    by_id = {(c.id, c.locale): c for c in CHARTS}
    grain = next(d for d in by_id[("overview", "zh")].data if d.metric == "grain_output_2023")
    assert grain.value == float(BRIEF.metrics["grain_output_2023"].value) == 132_490_000_000
    assert grain.display == "1324.9亿斤"
    english = next(d for d in by_id[("overview", "en")].data if d.metric == "grain_output_2023")
    assert english.display == "132.49 billion jin (66.2 million tonnes)"
    assert english.display in drawn_text(by_id[("overview", "en")]) or english.number in drawn_text(by_id[("overview", "en")])


def drawn_text(chart: ChartData) -> str:
    from briefgen.charts import draw, texts

    return " ".join(t.get_text() for t in texts(draw(chart, FONTS))).replace("\u00a0", " ")  # as copied


TIMELINES = CHARTS + [c for locale in ("zh", "en") for c in localized(
    load_brief(ROOT / "tests" / "fixtures" / "briefs" / "river-2025"), locale).charts()]


@pytest.mark.parametrize("chart", [c for c in TIMELINES if c.kind == "timeline" and c.data],
                         ids=lambda c: f"{c.id}-{c.locale}")
def test_every_timeline_figure_stands_over_the_step_that_names_it(chart: ChartData) -> None:
    """Positions as the renderer lays them out: the figure's centre lies over the label whose
    text holds the same number, and over no other label."""
    from briefgen.charts import blocks, draw
    from briefgen.charts.labels import value_text

    boxes = dict(blocks(draw(chart, FONTS)))
    flat = {_bare(s): box for s, box in boxes.items()}
    labels = {item: flat[_bare(item)] for item in chart.items}
    for d in chart.data:
        figure = flat[_bare(value_text(d, chart.locale))]
        centre = (figure.x0 + figure.x1) / 2
        under = [item for item, box in labels.items() if box.x0 <= centre <= box.x1]
        assert len(under) == 1, (d.metric, under)
        assert d.metric in chart.item_metrics[chart.items.index(under[0])]
        assert _bare(d.number) in _bare(under[0])


def _bare(text: str) -> str:
    """Text without its spaces, line breaks and quote shapes (wrapping, Han-Latin gaps and the
    curly quotes a chart prints aside)."""
    return "".join(text.replace('"', "").replace("“", "").replace("”", "").replace("’", "'").split())


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_a_change_shown_with_its_base_stands_in_the_base_tile(locale: str) -> None:
    """4.4万亿元 / 比上年增加5000亿元: one tile, the change in the text's words, not a tile of its own."""
    from briefgen.charts.render import render_picture

    nation = load_brief(ROOT / "tests" / "fixtures" / "briefs" / "nation-2025")
    chart = next(c for c in localized(nation, locale).charts() if c.id == "key_figures")
    change = next(d for d in chart.data if d.base)
    picture = render_picture(chart, FONTS)
    assert len(picture.readings) == len(chart.data) - 1
    words = {"zh": "比上年增加 5000 亿元", "en": "up 500 billion"}[locale]
    (tile,) = [r for r in picture.readings if words in r]
    assert tile.startswith({"zh": "4.4 万亿元", "en": "4.4 trillion yuan"}[locale]) and change.change
    assert not any(op.text.startswith("+") for op in picture.texts())


@pytest.mark.parametrize("chart", [c for c in CHARTS if c.locale == "zh"], ids=lambda c: c.id)
def test_no_chart_line_breaks_inside_a_glossary_term(chart: ChartData) -> None:
    """航空港区 is in the glossary, not in the segmenter's dictionary (航空港|区): a wrapped
    label keeps every glossary term on one line."""
    from briefgen.charts import blocks, draw

    assert "航空港区" in chart.chinese_terms
    for text, _ in blocks(draw(chart, FONTS)):
        lines = text.replace(" ", "").split("\n")
        for term in chart.chinese_terms:
            joined = "".join(lines)
            for at in range(len(joined)):
                if joined.startswith(term, at):
                    ends = [sum(map(len, lines[:k + 1])) for k in range(len(lines) - 1)]
                    assert not [e for e in ends if at < e < at + len(term)], (term, lines)
