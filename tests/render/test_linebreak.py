"""Unit tests of the pure Chinese line breaker, with a monospace fake font."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefgen.render import linebreak
from briefgen.render.linebreak import CANNOT_END, CANNOT_START, Glyph, Line, Span, typeset

SIZE = 10.0
EM = SIZE

REVIEW = ("全年生产总值增长4.1%，一般公共预算收入增长6.2%，粮食产量1324.9亿斤，经营主体1094万户，"
          "“三个一批”产业项目9262个、总投资6.8万亿元。济郑高铁全线贯通——率先在全国建成“米”字形"
          "高铁网……细颗粒物（PM2.5）浓度下降，5G基站新增3.6万个，COVID-19之后消费“回暖”明显。"
          "《河南省国土空间规划（2021—2035年）》获批实施，“十大战略”深入实施。")
INNOVATION = ("全社会研发投入强度突破2%，技术合同成交额增长33.4%。形成中原科技城、中原医学科学城、"
              "中原农谷“三足鼎立”科技创新大格局。5个学科进入ESI全球前1‰，80个学科进入前1%，"
              "上海交通大学、北京理工大学郑州研究院揭牌运行。")
PUNCTUATED = ("他说：“‘稳’是大局。”（见《报告》）——这是共识……“双一流”“两个确保”、"
              "“十大战略”！？《规划（草案）》【附件】「注」。")


def measure(text: str, font: str, size: float) -> float:
    """Full-width (U+2000 and up) is 1 em, everything else ½ em."""
    return sum(size if ord(ch) >= 0x2000 else size / 2 for ch in text)


def setting(text: str, width_em: float, align: str = "justify",
            indent_em: float = 2.0) -> list[Line]:
    return typeset([Span(text, "F", SIZE)], width_em * EM, measure, indent_em * EM, align)


def texts(lines: list[Line]) -> list[str]:
    return ["".join(g.text for g in line.glyphs) for line in lines]


def right_edge(glyph: Glyph) -> float:
    return glyph.x + glyph.width


CASES = [pytest.param(text, width, id=f"{name}-{width}em")
         for name, text in (("review", REVIEW), ("innovation", INNOVATION),
                            ("punctuated", PUNCTUATED))
         for width in (7, 9.5, 13, 20, 26, 33, 40)]


@pytest.mark.parametrize(("text", "width"), CASES)
def test_text_comes_back_whole_and_in_order(text: str, width: float) -> None:
    assert "".join(texts(setting(text, width))) == text


@pytest.mark.parametrize(("text", "width"), CASES)
def test_no_forbidden_line_start_or_end(text: str, width: float) -> None:
    for line in texts(setting(text, width)):
        assert line[0] not in CANNOT_START or line.startswith(("——", "……")), line
        assert line[-1] not in CANNOT_END, line


@pytest.mark.parametrize(("text", "width"), CASES)
def test_units_never_split(text: str, width: float) -> None:
    lines = texts(setting(text, width))
    for before, after in zip(lines, lines[1:]):
        assert not (before[-1] == after[0] and before[-1] in "—…"), (before, after)
        assert not re.search(r"[A-Za-z0-9.,]$", before) or not re.match(r"[A-Za-z0-9.%]", after)


@pytest.mark.parametrize(("text", "width"), CASES)
def test_justified_lines_fill_the_width_exactly(text: str, width: float) -> None:
    lines = setting(text, width)
    for line in lines[:-1]:
        assert line.width == pytest.approx(width * EM, abs=0.01)
    assert lines[-1].last and not any(line.last for line in lines[:-1])
    assert lines[-1].width <= width * EM + 0.01


@pytest.mark.parametrize(("text", "width"), CASES)
def test_nothing_hangs_past_the_margin(text: str, width: float) -> None:
    for line in setting(text, width):
        last = line.glyphs[-1]
        overhang = right_edge(last) - width * EM
        assert overhang <= 0.01 or (last.text[-1] in "，。、；：！？”’）》」』】" and overhang <= EM / 2 + 0.01)


@pytest.mark.parametrize(("text", "width"), CASES)
def test_no_single_character_last_line(text: str, width: float) -> None:
    last = texts(setting(text, width))[-1]
    assert len(last.strip("，。、；：！？”’）》」』】")) >= 2, last


@pytest.mark.parametrize(("text", "word"), [
    pytest.param("新增5G基站和PM2.5监测站点，增长4.1%，粮食1324.9亿斤，突破COVID-19影响。" * 3, word,
                 id=word)
    for word in ("5G", "PM2.5", "4.1%", "1324.9", "COVID-19")])
@pytest.mark.parametrize("width", [8, 11.5, 17, 25])
def test_latin_words_drawn_as_one_run(text: str, word: str, width: float) -> None:
    """Justification never letterspaces inside a word or number: it stays one glyph run."""
    lines = setting(text, width)
    for line, line_text in zip(lines, texts(lines)):
        assert line_text.count(word) == sum(g.text.count(word) for g in line.glyphs), line_text
    assert sum(line_text.count(word) for line_text in texts(lines)) == 3


def char_positions(line: Line) -> list[tuple[str, float]]:
    """Every character of the line with the x where it is drawn."""
    return [(ch, g.x + measure(g.text[:i], g.font, g.size))
            for g in line.glyphs for i, ch in enumerate(g.text)]


def gap_between(line: Line, left: str, right: str) -> float:
    """White space between the advance of left and the origin of right."""
    chars = char_positions(line)
    for (ch, x), (ch2, x2) in zip(chars, chars[1:]):
        if (ch, ch2) == (left, right):
            return x2 - (x + measure(ch, "F", SIZE))
    raise AssertionError(f"{left}{right} not on one line")


@pytest.mark.parametrize(("text", "left", "right", "gap"), [
    pytest.param("一月28日", "月", "2", EM / 4, id="han-digit"),
    pytest.param("一月28日", "8", "日", EM / 4, id="digit-han"),
    pytest.param("增长4.1%以上", "%", "以", EM / 4, id="percent-han"),
    pytest.param("新增5G基站", "G", "基", EM / 4, id="latin-han"),
    pytest.param("增长，5G", "，", "5", 0.0, id="none-after-comma"),
    pytest.param("“5G”", "G", "”", 0.0, id="none-before-quote"),
    pytest.param("（PM2.5）", "（", "P", 0.0, id="none-after-bracket"),
])
def test_han_latin_gap(text: str, left: str, right: str, gap: float) -> None:
    line = setting(text, 30, align="left", indent_em=0)[0]
    assert gap_between(line, left, right) == pytest.approx(gap)
    assert " " not in "".join(texts([line]))


@pytest.mark.parametrize("width", [6, 7, 8, 9, 10])
def test_no_gap_at_line_start_or_end(width: float) -> None:
    lines = setting("一二三四五12345六七八九十ABCDE一二三四五678九十" * 2, width, indent_em=0)
    for line in lines[:-1]:
        assert line.glyphs[0].x == pytest.approx(0.0)
        assert right_edge(line.glyphs[-1]) == pytest.approx(width * EM)


@pytest.mark.parametrize(("text", "pair", "advance"), [
    pytest.param("好。”他说", "。”", 1.5, id="stop-closing-quote"),
    pytest.param("说，“好", "，“", 1.5, id="comma-opening-quote"),
    pytest.param("（甲）、乙", "）、", 1.5, id="bracket-enumeration"),
    pytest.param("见“《规划》", "“《", 1.5, id="opening-opening"),
])
def test_adjacent_marks_compress_to_one_and_a_half_em(text: str, pair: str, advance: float) -> None:
    """From the end of the character before the pair to the origin of the one after: 1.5 em, not 2."""
    chars = char_positions(setting(text, 30, align="left", indent_em=0)[0])
    at = text.index(pair)
    (_, x0), (_, x2) = chars[at - 1], chars[at + 2]
    assert x2 - (x0 + EM) == pytest.approx(advance * EM), chars


@pytest.mark.parametrize("width", [7, 9.5, 13, 20])
def test_a_squeezed_mark_gives_up_its_blank_half_not_its_ink(width: float) -> None:
    """A closing mark's blank is on its right, an opening mark's on its left: squeezed, a
    closing mark keeps its origin and an opening one keeps its right edge where the next
    character begins (“百, not a quote drawn over 百); in a pair of opening marks the second's
    blank half lies over the first."""
    squeezed = 0
    for line in setting(PUNCTUATED + REVIEW, width, indent_em=0):
        for before, glyph, after in zip((None, *line.glyphs), line.glyphs, (*line.glyphs[1:], None)):
            if glyph.tracking >= 0:
                continue
            squeezed += 1
            if glyph.text in linebreak.FULLWIDTH_OPENING and after is not None:
                pair = after.text[0] in linebreak.FULLWIDTH_OPENING  # “《: the next one's blank lies over it
                start = after.x - (after.tracking if after.shifted else 0.0)  # where its blank half begins
                assert right_edge(glyph) + (glyph.tracking if pair else 0.0) == pytest.approx(start), (glyph, after)
            if glyph.text in linebreak.FULLWIDTH_CLOSING and before is not None:
                squeezed_closing = before.text in linebreak.FULLWIDTH_CLOSING
                end = right_edge(before) + (before.tracking if squeezed_closing else 0.0)
                assert glyph.x == pytest.approx(end), (before, glyph)
    assert squeezed > 0


def test_line_final_mark_takes_half_an_em_before_anything_is_pushed_out() -> None:
    """Push in first: ten characters and a full stop fit a 10.5-em line."""
    lines = setting("一二三四五六七八九十。一二三四五六七八九十", 10.5, indent_em=0)
    assert texts(lines)[0] == "一二三四五六七八九十。"
    assert lines[0].width == pytest.approx(10.5 * EM)


def test_number_with_its_unit_is_kept_together_when_cheap() -> None:
    """Compressing the line's commas makes room for the unit (clreq: compress first)."""
    text = "各，" * 13 + "1324.9亿斤" + "的水平" * 12
    lines = texts(setting(text, 30, indent_em=0))
    assert not any(line.endswith("1324.9") for line in lines), lines


def test_letter_spacing_is_worse_than_parting_a_number_from_its_unit() -> None:
    """Keeping 1324.9亿斤 together would space 26 characters 0.16 em apart: it breaks instead."""
    text = "各" * 26 + "1324.9亿斤" + "的水平" * 12
    lines = setting(text, 30, indent_em=0)
    assert all(line.spacing <= 0.03 * EM for line in lines if not line.last), [line.spacing for line in lines]


def test_narrow_column_may_break_number_from_unit() -> None:
    lines = texts(setting("产量" + "1324.9亿斤" * 3, 5, indent_em=0))
    assert "".join(lines) == "产量" + "1324.9亿斤" * 3


def test_first_line_is_indented() -> None:
    lines = setting(REVIEW, 20, indent_em=2)
    assert lines[0].glyphs[0].x == pytest.approx(2 * EM)
    assert lines[1].glyphs[0].x == pytest.approx(0)


def test_hard_line_break() -> None:
    spans = [Span("河南省人民政府办公厅", "F", SIZE), Span("\n", "F", SIZE),
             Span("二〇二四年一月二十八日", "F", SIZE)]
    lines = typeset(spans, 30 * EM, measure)
    assert texts(lines) == ["河南省人民政府办公厅", "二〇二四年一月二十八日"]
    assert [line.last for line in lines] == [False, True]
    assert lines[0].width == pytest.approx(10 * EM)  # ragged, not stretched
    assert lines[1].start == 11


@pytest.mark.parametrize(("align", "left_em"), [
    pytest.param("left", 0.0, id="left"),
    pytest.param("center", 5.5, id="center"),
    pytest.param("right", 11.0, id="right"),
])
def test_alignment(align: str, left_em: float) -> None:
    """Eight characters and a stop: 8.5 em once the stop's blank half is trimmed."""
    line = setting("政府工作报告摘编。", 19.5, align=align, indent_em=0)[0]
    assert line.glyphs[0].x == pytest.approx(left_em * EM)


def test_rise_and_font_runs_are_kept() -> None:
    spans = [Span("细颗粒物PM", "F", SIZE), Span("2.5", "F", 7.0, -2.0), Span("浓度", "B", SIZE)]
    runs = typeset(spans, 30 * EM, measure)[0].glyphs
    assert [(g.text, g.size, g.rise, g.font) for g in runs] == [
        ("细颗粒物", SIZE, 0.0, "F"), ("PM", SIZE, 0.0, "F"), ("2.5", 7.0, -2.0, "F"),
        ("浓度", SIZE, 0.0, "B")]


def test_overlong_word_is_broken_rather_than_overflowing() -> None:
    lines = setting("网址" + "x" * 40 + "结束", 8, indent_em=0)
    assert all(line.width <= 8 * EM + 0.01 for line in lines)


def test_spaces_break_latin_phrases_and_vanish_at_line_edges() -> None:
    lines = texts(setting("采用Made in China and Made in Henan标准" * 2, 9, indent_em=0))
    assert all(line == line.strip() for line in lines)
    assert "".join(lines).replace(" ", "") == ("采用MadeinChinaandMadeinHenan标准" * 2)


def test_empty_text_sets_no_lines() -> None:
    assert typeset([Span("", "F", SIZE)], 100, measure) == []


def test_unknown_alignment_is_refused() -> None:
    with pytest.raises(ValueError, match="alignment"):
        typeset([Span("字", "F", SIZE)], 100, measure, align="justified")


def test_the_breaker_does_not_import_reportlab() -> None:
    import ast
    import briefgen.render.linebreak as module

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
             for alias in node.names}
    names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name.startswith("reportlab") for name in names), names


def whole_setting(figure: str, width: float, whole: bool, before: str = "粮食总产量达到") -> list[str]:
    spans = [Span(before, "F", SIZE), Span(figure, "F", SIZE, whole=whole), Span("，再创新高。" * 3, "F", SIZE)]
    lines = texts(typeset(spans, width * EM, measure, 0.0, "justify"))
    assert "".join(lines) == before + figure + "，再创新高。" * 3
    return lines


def test_a_whole_span_is_kept_when_compressing_marks_makes_room() -> None:
    """Plain text breaks 1.4万亿|斤 at 11.5 em; kept whole, the figure fits on the first line by
    compressing its four commas (clreq's first remedy), which costs less than breaking it."""
    figure, before = "1.4万亿斤", "一，二，三，四，"
    assert not any(figure in line for line in whole_setting(figure, 11.5, False, before=before))
    assert figure in whole_setting(figure, 11.5, True, before=before)[0]


def test_a_whole_span_is_never_broken_more_often_than_plain_text() -> None:
    figure = "1.4万亿斤"
    widths = range(7, 20)
    plain = {w for w in widths if not any(figure in line for line in whole_setting(figure, w, False))}
    whole = {w for w in widths if not any(figure in line for line in whole_setting(figure, w, True))}
    assert whole <= plain


def test_a_whole_span_gives_way_to_a_very_loose_line() -> None:
    """Kept whole, 1.86万平方公里 would leave 清河流域面积 alone on a 13-em line, 7 ems of stretch
    over 5 gaps: the figure breaks instead (a cost, not a rule)."""
    lines = whole_setting("1.86万平方公里", 13, True, before="清河流域面积")
    assert len(lines[0]) > len("清河流域面积")


@pytest.mark.parametrize("width_em", [25, 30, 44])
def test_punctuation_is_compressed_before_letters_are_spaced(width_em: int) -> None:
    """clreq order: a line a little too long fits by compressing its marks' blank halves, so
    full lines are letter-spaced by at most 0.03 em; no line passes the measure."""
    from tests.render.test_cjk_paragraph import PARAGRAPHS
    squeezed_alone = 0
    for text in PARAGRAPHS[:4]:
        lines = setting(text, width_em, indent_em=2)
        assert all(line.spacing <= 0.03 * EM + 1e-9 for line in lines if not line.last)
        assert all(line.width <= width_em * EM + 1e-6 for line in lines)
        for line in lines:
            for g, after in zip(line.glyphs, line.glyphs[1:]):
                marks = linebreak.FULLWIDTH_CLOSING + linebreak.FULLWIDTH_OPENING
                squeezed_alone += g.tracking < 0 and after.text[0] not in marks  # not a pair (K3)
    assert squeezed_alone > 0


def test_last_line_of_two_characters_is_avoided_within_the_spacing_limit() -> None:
    """81 characters at 40 em: 40 + 39 + 2 would end on two characters; one more character
    pushed down spaces a 39-character line by 1/38 em, inside the limit, so it is done."""
    lines = setting("推动高质量发展" * 11 + "成效显著", 40, indent_em=0)
    assert [len(t) for t in texts(lines)] == [39, 39, 3]
    assert all(line.spacing <= 0.03 * EM + 1e-9 for line in lines)


def test_spacing_limit_outranks_a_two_character_last_line() -> None:
    """At 10 em, avoiding the two-character last line would space a nine-character line by
    1/8 em, four times the 0.03 em a full line may take: the short last line is the lesser fault."""
    lines = setting("一二三，四五六七八九" * 3 + "一二", 10, indent_em=0)
    assert texts(lines)[-1] == "一二"
    assert all(line.spacing <= 0.03 * EM + 1e-9 for line in lines)


def segmenter(*words: str) -> linebreak.WordStarts:
    """A word segmenter that knows one text, cut into these words."""
    starts = tuple(sum(len(w) for w in words[:k]) for k in range(len(words)))

    def word_starts(text: str) -> tuple[int, ...]:
        assert text == "".join(words)
        return starts
    return word_starts


HEADING = ("深化", "污染", "防治", "攻坚", "，", "推进", "绿色", "低碳", "转型")


def test_a_ragged_heading_breaks_after_its_pause_mark_not_inside_a_word() -> None:
    text = "".join(HEADING)
    assert texts(setting(text, 12, "left", indent_em=0)) == ["深化污染防治攻坚，推进绿", "色低碳转型"]
    lines = typeset([Span(text, "F", SIZE)], 12 * EM, measure, 0.0, "left", words=segmenter(*HEADING))
    assert texts(lines) == ["深化污染防治攻坚，", "推进绿色低碳转型"]


def test_a_ragged_heading_breaks_between_words_and_keeps_a_one_character_word_with_the_next() -> None:
    """推动高质量发展|再上新台阶: not 推动高质量发|展 (inside a word), nor 再|上 (再 belongs with 上),
    nor 推动高质量|发展再上新台阶 (lines shorten downwards)."""
    words = ("推动", "高质量", "发展", "再", "上", "新台阶")
    lines = typeset([Span("".join(words), "F", SIZE)], 10 * EM, measure, 0.0, "left", words=segmenter(*words))
    assert texts(lines) == ["推动高质量发展", "再上新台阶"]


def test_a_particle_stays_with_the_word_before_it() -> None:
    words = ("激发", "有", "潜能", "的", "消费", "扩大", "有", "效益", "的", "投资")
    lines = typeset([Span("".join(words), "F", SIZE)], 9 * EM, measure, 0.0, "left", words=segmenter(*words))
    assert texts(lines) == ["激发有潜能的消费", "扩大有效益的投资"]


def test_justified_text_breaks_anywhere_whatever_the_words() -> None:
    text = "".join(HEADING) * 3
    plain = typeset([Span(text, "F", SIZE)], 12 * EM, measure, 0.0, "justify")
    assert typeset([Span(text, "F", SIZE)], 12 * EM, measure, 0.0, "justify", words=segmenter(*HEADING * 3)) == plain
