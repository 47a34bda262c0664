"""Every chart kind, in both editions: deterministic SVG and PNG, clean layout, known glyphs."""
from __future__ import annotations

import re
import struct
from functools import cache
from pathlib import Path

import pytest
from matplotlib.ft2font import FT2Font

from briefgen.charts import (
    KINDS,
    check_layout,
    draw,
    drawn_characters,
    render_png,
    render_svg,
    texts,
)
from briefgen.charts.kinds.pictogram import _round_amount
from briefgen.charts.labels import value_text, word
from briefgen.charts.style import FONT_FILES, MAX_HEIGHT, MIN_HEIGHT, WIDTH, font_paths
from briefgen.charts.typeset import Typesetter, tokens
from briefgen.model.document import ChartData
from briefgen.runtime import bundled_font_dir
from tests.charts.chart_samples import GROWTH_2023, all_samples, datum, stress_samples

ROOT = Path(__file__).resolve().parents[2]
FONTS = bundled_font_dir()
SAMPLES = all_samples()
IDS = [c.id for c in SAMPLES]
STRESS = stress_samples()


@cache
def cmap() -> set[str]:
    """Characters both bundled faces can draw."""
    maps = [FT2Font(str(FONTS / name)).get_charmap() for name in FONT_FILES.values()]
    return {chr(c) for c in set(maps[0]) & set(maps[1])}


def test_every_kind_has_samples_in_both_locales() -> None:
    covered = {(c.kind, c.locale) for c in SAMPLES}
    assert covered == {(k, loc) for k in KINDS for loc in ("zh", "en")}


@pytest.mark.parametrize("chart", SAMPLES, ids=IDS)
def test_svg_is_deterministic_outlines(chart: ChartData) -> None:
    data = render_svg(chart, FONTS)
    assert data.startswith(b"<?xml") and b"<svg" in data
    assert b"<text" not in data  # text drawn as paths: no fonts needed
    assert b"opacity" not in data  # the PDF replay and many SVG tools ignore it: tints are pre-mixed
    assert render_svg(chart, FONTS) == data


@pytest.mark.parametrize("chart", SAMPLES, ids=IDS)
def test_png_is_wide_and_deterministic(chart: ChartData) -> None:
    data = render_png(chart, FONTS)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == 1600 and width >= 1200
    assert MIN_HEIGHT <= height / width * WIDTH <= MAX_HEIGHT + 0.01
    assert render_png(chart, FONTS) == data


@pytest.mark.parametrize("chart", SAMPLES, ids=IDS)
def test_layout_has_no_clipped_or_overlapping_text(chart: ChartData) -> None:
    assert check_layout(chart, FONTS) == []


@pytest.mark.parametrize("chart", SAMPLES, ids=IDS)
def test_every_character_is_in_the_font(chart: ChartData) -> None:
    missing = drawn_characters(chart, FONTS) - cmap()
    assert not missing


@pytest.mark.parametrize("chart", SAMPLES, ids=IDS)
def test_no_text_below_7pt_and_no_title(chart: ChartData) -> None:
    fig = draw(chart, FONTS)
    assert min(t.get_fontsize() for t in texts(fig)) >= 7
    assert fig.get_size_inches()[0] == pytest.approx(WIDTH)
    drawn = " ".join(t.get_text() for t in texts(fig))
    assert chart.title not in drawn and chart.source not in drawn


@pytest.mark.parametrize("chart", STRESS, ids=[c.id for c in STRESS])
def test_edge_cases_lay_out_cleanly(chart: ChartData) -> None:
    assert check_layout(chart, FONTS) == []
    fig = draw(chart, FONTS)
    assert min(t.get_fontsize() for t in texts(fig)) >= 7
    assert MIN_HEIGHT <= fig.get_size_inches()[1] <= MAX_HEIGHT


def test_png_width_follows_request() -> None:
    data = render_png(SAMPLES[0], FONTS, width_px=1234)
    assert struct.unpack(">I", data[16:20])[0] == 1234


def test_unknown_kind_is_an_error() -> None:
    chart = ChartData(id="x", kind="radar", locale="en", title="", description="", source="")
    with pytest.raises(ValueError, match="radar"):
        draw(chart, FONTS)


def test_empty_chart_is_an_error() -> None:
    chart = ChartData(id="x", kind="compare", locale="en", title="", description="", source="")
    with pytest.raises(ValueError, match="needs pairs"):
        draw(chart, FONTS)


def test_missing_font_dir_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="chart font missing"):
        font_paths(tmp_path)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("PM2.5浓度下降", ["PM2.5", "浓", "度", "下", "降"], id="latin-run-whole"),
        pytest.param("企业，增长", ["企", "业，", "增", "长"], id="comma-sticks-back"),
        pytest.param("“小巨人”", ["“小", "巨", "人”"], id="quotes-stick-in"),
        pytest.param("up 4.1%", ["up ", "4.1%"], id="english-words"),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_wrap_balances_and_breaks_long_words() -> None:
    type = Typesetter(font_paths(FONTS), "en")
    retail = type.wrap("Retail sales of consumer goods", 1.3, 8.5)
    assert retail == ["Retail sales of", "consumer goods"]
    assert type.wrap("Pingdingshan-Luohe-Zhoukou", 0.9, 8.5)[0].endswith("-")
    grain = type.wrap("≥130 billion jin (65 million tonnes)", 1.4, 9)
    assert grain == ["≥130 billion jin", "(65 million tonnes)"]
    assert type.wrap("“three batches”", 3, 8.5) == ['"three batches"']


def test_wrap_chinese_never_starts_a_line_with_a_pause_mark() -> None:
    type = Typesetter(font_paths(FONTS), "zh")
    for width in (0.3, 0.45, 0.6, 0.75):
        lines = type.wrap("新设外资企业增长，进出口规模居全国第一。", width, 8.5)
        assert all(line[0] not in "，。" for line in lines)
        assert all(type.width(line, 8.5) <= width for line in lines if len(tokens(line)) > 1)


@pytest.mark.parametrize(
    "raw, amount", [(0.4, 1), (3, 5), (12000, 20000), (65760, 100000), (100000, 100000)]
)
def test_icon_amounts_are_round(raw: float, amount: float) -> None:
    assert _round_amount(raw) == amount


def test_value_text_writes_the_bound_in_words_of_the_chart_language() -> None:
    row = GROWTH_2023[0]
    assert value_text(datum(row, "zh"), "zh") == "4.1%"
    for locale, expected in (("en", "at least 4.1%"), ("zh", "4.1%以上")):
        bounded = datum(row[:4] + ("min",) + row[5:], locale)  # type: ignore[arg-type]
        assert value_text(bounded, locale) == expected
    over = datum(row[:4] + ("over",) + row[5:], "zh")  # type: ignore[arg-type]
    assert value_text(over, "zh") == "超过4.1%"


def test_matplotlib_is_imported_only_in_charts() -> None:
    src = ROOT / "src" / "briefgen"
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(from|import) matplotlib", text, re.M):
            assert path.is_relative_to(src / "charts"), path
        assert "pyplot" not in text, path  # slow to import, and global state


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        pytest.param("2024年：更新改造老旧管网4000公里以上", 1.45, ["2024 年：", "更新改造老旧管网", "4000 公里以上"], id="at-phrases"),
        pytest.param("2025年：郑州都市圈经济总量大幅提升", 1.45, ["2025 年：", "郑州都市圈", "经济总量大幅提升"], id="long-phrase-starts-a-line"),
        pytest.param("全社会研发投入强度突破百分之二", 0.75, ["全社会研发", "投入强度突破", "百分之二"], id="between-words"),
        pytest.param("全社会研发投入强度", 3.0, ["全社会研发投入强度"], id="fits"),
    ],
)
def test_chinese_labels_break_between_phrases(text: str, width: float, lines: list[str]) -> None:
    """At a pause mark or a Han-Latin gap where a phrase fits, else between words (经济|总量,
    强度|突破: filled without a dictionary they broke 经济总|量, 强度突|破)."""
    assert Typesetter(font_paths(FONTS), "zh").wrap(text, width, 8.5) == lines


def test_english_numbers_keep_their_scale_word_and_nothing_is_hyphenated() -> None:
    type = Typesetter(font_paths(FONTS), "en", font_paths(FONTS, latin=True))
    lines = type.wrap("over 1.5 trillion yuan of investment in upgrading", 1.2, 12, True)
    assert "1.5\u00a0trillion" in " | ".join(lines) and not any(line.endswith("-") for line in lines)


def test_english_labels_are_set_as_the_text_is() -> None:
    """Chart labels go through the body text's typography: curly quotes and apostrophes, a
    no-break space that wrapping keeps, an en dash in a range; measured as drawn."""
    type = Typesetter(font_paths(FONTS), "en", font_paths(FONTS, latin=True))
    label = 'Zhengzhou\'s "Three Batches" projects, 2021-2025, worth 6.8 trillion yuan'
    assert type.printed(label) == "Zhengzhou’s “Three Batches” projects, 2021–2025, worth 6.8\u00a0trillion\u00a0yuan"
    lines = type.wrap(label, 1.0, 9)
    assert "6.8\u00a0trillion" in lines or any(line.endswith("6.8\u00a0trillion") or line.startswith("6.8") for line in lines)
    assert not any(line.endswith("6.8") for line in lines)
    assert type.width("“Three”", 9) == type.width('"Three"', 9)


def test_english_labels_with_chinese_keep_straight_quotes() -> None:
    """Noto Sans SC draws curly quotes full width: English mixed with Chinese keeps straight ones."""
    type = Typesetter(font_paths(FONTS), "en", font_paths(FONTS, latin=True))
    assert type.printed('"Three Batches" 三个一批') == '"Three Batches" 三个一批'


def _bar_widths(chart: ChartData) -> list[float]:
    from matplotlib.patches import Rectangle

    from briefgen.charts.style import BLUE, GREY

    fig = draw(chart, FONTS)
    colours = {matplotlib_colour(BLUE), matplotlib_colour(GREY)}
    bars = [p for p in fig.axes[0].patches if isinstance(p, Rectangle) and tuple(p.get_facecolor()) in colours
            and p.get_height() < 0.1]
    return [p.get_width() for p in bars]


def matplotlib_colour(hex_colour: str) -> tuple[float, ...]:
    from matplotlib.colors import to_rgba

    return tuple(to_rgba(hex_colour))


def test_compare_rows_share_one_scale_unless_the_chart_asks_for_row_scales() -> None:
    from dataclasses import replace

    chart = next(c for c in all_samples() if c.kind == "compare" and c.locale == "zh")
    same = replace(chart, pairs=tuple(p for p in chart.pairs if p[0].unit == "percent"), scale="chart")
    values = [d.value for pair in same.pairs for d in pair]
    widths = _bar_widths(same)
    assert len(widths) == len(values)
    assert [w / max(widths) for w in widths] == pytest.approx([v / max(values) for v in values], abs=0.01)
    assert word(same, "row_scale") not in " ".join(t.get_text() for t in texts(draw(same, FONTS)))
    rows = replace(same, scale="row")
    assert word(rows, "row_scale") in " ".join(t.get_text() for t in texts(draw(rows, FONTS)))
    assert max(_bar_widths(rows)[2:4]) == pytest.approx(max(widths), abs=0.01)  # each row to its own maximum
