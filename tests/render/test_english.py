"""The English engine: words survive every width, wrapping twice changes nothing, hyphens are rare."""
from __future__ import annotations

import pytest

from briefgen.render.english import SOFT_HYPHEN, Setting, typeset
from briefgen.render.english_paragraph import EnglishParagraph
from briefgen.i18n.typography import typeset_english
from briefgen.render.faces import LATIN_FACES
from briefgen.runtime import default_font_dir
from briefgen.render.fonts import register_fonts
from briefgen.render.linebreak import Line, Span
from briefgen.render.paragraph import TextStyle, measure

TEXT = (
    "Over the past year, in the face of a profoundly changing external environment and arduous development "
    "tasks, Henan followed General Secretary Xi Jinping's earnest instruction to \"strive to excel\". "
    "We deepened university-enterprise cooperation, high-quality development and large-scale equipment "
    "renewal, ran a trade-in programme for consumer goods, cared for ex-service personnel, and opened the "
    "Zhengzhou–Kaifeng intercity railway. Grain output reached 132.49 billion jin and the 2021-2035 plan "
    "was approved; the Chinese Academy of Sciences and Professor Yuan Shuai's Xiangtao laboratory, "
    "internationalization, responsibilities and characteristically comprehensive reorganization followed."
)
WIDTHS = [float(w) for w in range(90, 480, 13)]


@pytest.fixture(scope="module", autouse=True)
def fonts() -> None:
    register_fonts(default_font_dir(), LATIN_FACES)


def spans(text: str = TEXT) -> list[Span]:
    return [Span(typeset_english(text), "LatinSerif", 10.5)]


def copied(lines: list[Line] | tuple[Line, ...]) -> str:
    """The text a reader copies out: soft hyphens dropped, lines joined by their own spaces."""
    out = ""
    for line in lines:
        text = "".join(g.text for g in line.glyphs)
        out += text[:-1] if text.endswith(SOFT_HYPHEN) else text
    return out


@pytest.mark.parametrize("align", ["justify", "left"])
@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w:g}pt")
def test_every_word_survives_every_width(width: float, align: str) -> None:
    lines = typeset(spans(), width, measure, 0.0, Setting(align))
    assert copied(lines) == typeset_english(TEXT).replace("\u00a0", " ")


def test_compounds_break_only_after_their_own_hyphen() -> None:
    ends = [line.glyphs[-1].text for w in WIDTHS for line in typeset(spans(), w, measure)]
    broken = [e for e in ends if e.endswith(SOFT_HYPHEN)]
    assert broken and not [e for e in broken if "-" in e or "–" in e]
    starts = {line.glyphs[0].text.split(" ")[0] for w in WIDTHS for line in typeset(spans(), w, measure)}
    assert "enterprise" in starts and "Kaifeng" in starts  # university-|enterprise, Zhengzhou–|Kaifeng


def test_no_hyphen_in_pinyin_names_or_before_the_last_line() -> None:
    names = ("Xiangtao", "Zhengzhou", "Kaifeng", "Henan", "Jinping", "Shuai")
    for width in WIDTHS:
        lines = typeset(spans(), width, measure)
        hyphenated = [copied([line]).split(" ")[-1] for line in lines if line.hyphen]
        assert not [w for w in hyphenated if any(n.startswith(w) for n in names)], width
        assert not lines[-2].hyphen if len(lines) > 1 else True


def test_never_three_hyphens_in_a_row() -> None:
    for width in WIDTHS:
        flags = [line.hyphen for line in typeset(spans(" ".join([TEXT] * 3)), width, measure)]
        assert not any(all(flags[i:i + 3]) for i in range(len(flags) - 2)), width


def test_justified_spaces_and_letters_stay_within_bounds_at_body_width() -> None:
    space = measure(" ", "LatinSerif", 10.5)
    for line in typeset(spans(" ".join([TEXT] * 2)), 357.0, measure)[:-1]:  # 34 em of 10.5 pt
        gaps = [b.x - (a.x + a.width + (len(a.text) - 2) * a.spacing)
                for a, b in zip(line.glyphs, line.glyphs[1:]) if a.text.endswith(" ")]
        assert gaps and max(gaps) <= 2.4 * space + 1e-6 and min(gaps) >= 0.8 * space - 1e-6
        assert all(-0.004 * 10.5 - 1e-9 <= g.spacing <= 0.02 * 10.5 + 1e-9 for g in line.glyphs)


def test_no_break_spaces_hold_figures_and_names_together() -> None:
    for width in WIDTHS:
        for line in typeset(spans(), width, measure):
            text = copied([line]).rstrip()
            assert not text.endswith(("132.49", "Xi", "Yuan")), (width, text)


def test_wrapping_twice_at_different_widths_equals_wrapping_once() -> None:
    style = TextStyle(leading=14.7)
    once = EnglishParagraph(spans(), style)
    once.wrap(300.0, 1000.0)
    twice = EnglishParagraph(spans(), style)
    for width in (200.0, 460.0, 300.0):
        twice.wrap(width, 1000.0)
    assert twice.lines == once.lines
    assert copied(twice.lines) == copied(EnglishParagraph(spans(), style).layout(200.0))


def test_equal_paragraphs_share_one_setting_and_float_noise_in_a_width_does_not_matter() -> None:
    """The bilingual edition sets its paragraphs while choosing the columns and again in its
    story, at widths computed two ways (frame less column, column sum less column)."""
    style = TextStyle(leading=14.7)
    first = EnglishParagraph(spans(), style).layout(276.0)
    again = EnglishParagraph(spans(), style).layout(462.0 - 168.0 - 18.0 + 1e-13)
    assert again is first
    unhyphenated = EnglishParagraph(spans(), style, hyphenate=False).layout(276.0)
    assert unhyphenated is not first
    assert not any(line.hyphen for line in unhyphenated)


def test_a_split_keeps_its_lines_and_every_word() -> None:
    style = TextStyle(leading=14.7)
    para = EnglishParagraph(spans(), style)
    _, height = para.wrap(240.0, 1000.0)
    head, tail = para.split(240.0, height / 2)
    head.wrap(240.0, 1000.0)
    tail.wrap(240.0, 1000.0)
    assert [line.glyphs for line in head.lines + tail.lines] == [line.glyphs for line in para.lines]
    assert not head.lines[-1].hyphen  # no hyphen at the foot of a page
    assert copied(head.lines) + copied(tail.lines) == copied(para.lines)


def test_balanced_heading_lines() -> None:
    heading = [Span("Taking high-quality development to a new level in every county", "LatinSans-Bold", 16)]
    lines = typeset(heading, 300.0, measure, setting=Setting("left", hyphenate=False, balance=True))
    widths = [line.width for line in lines]
    assert len(lines) == 2 and min(widths) > 0.6 * max(widths), widths


@pytest.mark.parametrize(("plain", "typeset"), [
    pytest.param('the "Ten Strategies"', "the “Ten Strategies”", id="double"),
    pytest.param("Henan's 'two' aims", "Henan’s ‘two’ aims", id="single"),
    pytest.param("in the '90s", "in the ’90s", id="decade"),
    pytest.param("(2021-2035)", "(2021–2035)", id="range"),
    pytest.param("COVID-19 and 5-year", "COVID-19 and 5-year", id="not-range"),
    pytest.param("6.8 trillion yuan", "6.8\u00a0trillion\u00a0yuan", id="scale-and-unit"),
    pytest.param("6.8 trillion in", "6.8\u00a0trillion in", id="scale"),
    pytest.param("1 million mu, a million people", "1\u00a0million\u00a0mu, a million people", id="unit-after-scale"),
    pytest.param("300,000 hectares", "300,000\u00a0hectares", id="unit"),
    pytest.param("Xi Jinping said", "Xi\u00a0Jinping said", id="name"),
    pytest.param("He Said", "He Said", id="not-name"),
])
def test_english_text_normalisation(plain: str, typeset: str) -> None:
    assert typeset_english(plain) == typeset
    assert len(typeset_english(plain)) == len(plain)


def test_a_scale_word_is_never_hyphenated() -> None:
    """A proofreader marked "(65 mil-|lion tonnes)": a scale word belongs to its figure."""
    from briefgen.render.hyphenation import points

    assert points("million") == () and points("billion,") == () and points("trillion") == ()
    assert points("development") != ()
