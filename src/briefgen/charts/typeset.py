"""Measure and wrap chart text with the bundled font's own advance widths."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from matplotlib import font_manager
from matplotlib.ft2font import LoadFlags

from briefgen.charts.style import LINESPACING
from briefgen.i18n.typography import typeset_english
from briefgen.i18n.words import word_starts
from briefgen.model.document import has_chinese

SLACK = 1.01  # safety margin over the raw advances (matplotlib lays text out unhinted, see RC)
NO_START = set("，。、；：！？）》」』”’%‰,.;:!?)]}")  # clreq: may not begin a line
NO_END = set("（《「『“‘([{")  # may not end a line
_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_BREAKABLE = r"[^\S\u00a0]"  # white space a line may break at: not the no-break space of "6.8 trillion"
_TOKEN = re.compile(rf"(?:[^\s{_CJK}]|\u00a0)+{_BREAKABLE}*|[{_CJK}]{_BREAKABLE}*|{_BREAKABLE}+")
_HYPHENATED = re.compile(r"[^-]+-+|[^-]+$|-+")
# Noto Sans SC draws curly quotes full-width (CJK style): English text in it gets straight ones.
_LATIN_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
# K4 as the text applies it (render.linebreak): a gap between Han and Latin letters, digits and
# these signs. A chart draws it as a space (Noto Sans SC's is 0.22 em, the text's gap 0.25 em),
# so the numbers copy out of chart and text alike: "1324.9 亿斤".
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff〇"
_LATIN = "0-9A-Za-z\u00c0-\u024f%‰‱°′″$£€#"
_IS_HAN = re.compile(f"[{_HAN}]")
_K4 = re.compile(rf"(?<=[{_HAN}])(?=[{_LATIN}])|(?<=[{_LATIN}])(?=[{_HAN}])")


class Typesetter:
    """Text metrics in inches for the regular and bold faces of one font, in one locale."""

    def __init__(self, paths: dict[bool, Path], locale: str = "zh", latin: dict[bool, Path] | None = None) -> None:
        self.paths = paths
        self.locale = locale
        self.latin = latin  # the Latin faces of an English chart; Chinese text keeps `paths`
        self._widths: dict[tuple[str, float, bool], float] = {}

    def path(self, text: str, bold: bool = False) -> Path:
        """The font file `text` is set in: the Latin face when there is one and the text holds
        no Chinese, else the Chinese one."""
        if self.latin is not None and not has_chinese(text):
            return self.latin[bold]
        return self.paths[bold]

    def linespacing(self, path: Path) -> float:
        """matplotlib's line spacing for `path` that gives every face the pitch height() assumes
        (LINESPACING x size): matplotlib spaces lines by the font's own box, and Noto Sans's
        is 1.36 times Noto Sans SC's."""
        return LINESPACING / _line_box(path)

    @staticmethod
    def spaced(text: str) -> str:
        """`text` with a space at each Han-Latin boundary (K4): "增长 4.1%", "1324.9 亿斤"."""
        return _K4.sub(" ", text)

    def printed(self, text: str) -> str:
        """`text` as the chart draws it: Han-Latin gaps, and English in a Latin face set as the
        body text is (curly quotes, en dashes in ranges, no-break spaces in figures and names)."""
        text = self.spaced(text)
        if self.locale == "zh":
            return text
        if self.latin is None or has_chinese(text):
            return text.translate(_LATIN_QUOTES)
        return typeset_english(text)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Width in inches of the widest line of `text` at `size` points."""
        key = (text, size, bold)  # before printed(): the wrapper asks for the same pieces many times
        if key not in self._widths:
            self._widths[key] = self._measure(self.printed(text), size, bold)
        return self._widths[key]

    def _measure(self, text: str, size: float, bold: bool) -> float:
        font = font_manager.get_font(self.path(text, bold))
        font.set_size(size, 72)
        widest = 0.0
        for line in text.split("\n"):
            font.set_text(line, 0.0, flags=LoadFlags.NO_HINTING)
            widest = max(widest, font.get_width_height()[0] / 64)
        return widest * SLACK / 72

    def first_baseline(self, text: str, size: float, bold: bool = False) -> float:
        """Inches from the top of a block of `text`'s lines to its first baseline: the face's
        ascender-to-descender box centred in the line's pitch, whatever letters the line has."""
        return line_slot(self.path(self.printed(text), bold), size)[0] / 72

    @staticmethod
    def height(lines: int, size: float) -> float:
        """Height in inches of a block of `lines` lines (matplotlib's text extent)."""
        return lines * LINESPACING * size / 72

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """`text` in lines no wider than `width`, as even as the line count allows: English
        breaks at spaces and hyphens (a parenthesis starts a line), Chinese between words."""
        text = self.printed(text)
        if self.width(text, size, bold) > width:
            text = text.replace(" (", "\n(")
        lines: list[str] = []
        for paragraph in text.split("\n"):
            parts = [p for t in _keep_scales(tokens(paragraph)) for p in self._split(t, width, size, bold)]
            broken = self._balance(parts, width, size, bold)
            if has_chinese(paragraph) and len(broken) > 1:
                parts = [p for t in _whole_words(paragraph, parts) for p in self._too_wide(t, width, size, bold)]
                broken = self._by_phrase(parts, self._balance(parts, width, size, bold), width, size, bold)
            lines.extend(broken)
        return lines

    def _by_phrase(self, parts: list[str], anywhere: list[str], width: float, size: float, bold: bool) -> list[str]:
        """Chinese broken between phrases (after a pause mark, at a Han-Latin gap) wherever one
        fits, between its words only when it is wider than the line: 2024 年：| 更新改造老旧管网,
        not 更新改造老|旧管网. Kept unless it costs more than one extra line."""
        pieces: list[str] = []
        for phrase in _phrases(parts):
            whole = "".join(phrase)
            fits = self.width(whole.rstrip(), size, bold) <= width
            pieces += [whole] if fits else [NEW_LINE, *phrase]  # a long phrase starts a line
        lines = self._balance(pieces, width, size, bold)
        return lines if len(lines) <= len(anywhere) + 1 else anywhere

    def _split(self, token: str, width: float, size: float, bold: bool) -> list[str]:
        """A word too wide for the line, broken after its hyphens (Pingdingshan-Luohe-Zhoukou)."""
        if "-" not in token.strip("-") or self.width(token.rstrip(), size, bold) <= width:
            return [token]
        return _HYPHENATED.findall(token)

    def _too_wide(self, word: str, width: float, size: float, bold: bool) -> list[str]:
        """A Chinese word wider than the line, in characters again."""
        return [word] if len(word) == 1 or self.width(word.rstrip(), size, bold) <= width else tokens(word)

    def _balance(self, parts: list[str], width: float, size: float, bold: bool) -> list[str]:
        """The narrowest fill with as few lines as a fill to `width` (no short last line)."""
        lines = self._fill(parts, width, size, bold)
        low, high = 0.0, width
        for _ in range(7):
            middle = (low + high) / 2
            if len(self._fill(parts, middle, size, bold)) <= len(lines):
                high = middle
            else:
                low = middle
        return self._fill(parts, high, size, bold) if len(lines) > 1 else lines

    def _fill(self, parts: list[str], width: float, size: float, bold: bool) -> list[str]:
        lines: list[str] = []
        line = ""
        for part in parts:
            if part == NEW_LINE:
                if line:
                    lines.append(line.rstrip())
                line = ""
                continue
            candidate = line + part
            if line and self.width(candidate.rstrip(), size, bold) > width:
                lines.append(line.rstrip())
                candidate = part.lstrip()
            line = candidate
        return lines + [line.rstrip()]


@lru_cache(maxsize=None)
def line_slot(path: Path, size: float) -> tuple[float, float]:
    """How far a line's share of its block reaches above and below its baseline, in points: the
    face's ascender-to-descender box centred in a pitch of LINESPACING x size."""
    ascent, descent = _em_box(path)
    above = ((LINESPACING - ascent - descent) / 2 + ascent) * size
    return above, LINESPACING * size - above


@lru_cache(maxsize=None)
def _em_box(path: Path) -> tuple[float, float]:
    """The face's ascent and descent in ems, from the tables matplotlib reads them from."""
    font = font_manager.get_font(path)
    head, typo, hhea = font.get_sfnt_table("head"), font.get_sfnt_table("OS/2"), font.get_sfnt_table("hhea")
    assert head is not None and (typo or hhea), f"{path} has no head, OS/2 or hhea table"
    em = head["unitsPerEm"]
    if typo is not None:
        return typo["sTypoAscender"] / em, -typo["sTypoDescender"] / em
    assert hhea is not None
    return hhea["ascent"] / em, -hhea["descent"] / em


@lru_cache(maxsize=None)
def _line_box(path: Path) -> float:
    """The height of one line set at line spacing 1, in ems of the type size, as matplotlib
    lays it out (the same in every backend). Kept per face: asking lays out a whole figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    fig = Figure(figsize=(1, 1), dpi=72)
    FigureCanvasAgg(fig)
    text = fig.text(0, 0, "lp", fontproperties=FontProperties(fname=path, size=100), linespacing=1.0)
    return float(text.get_window_extent(fig.canvas.get_renderer()).height) / 100  # type: ignore[attr-defined]


_SCALE = re.compile(r"(thousand|million|billion|trillion)\b")
_NUMBER_END = re.compile(r"\d[\d.,]*\s$")
NEW_LINE = "\0"  # a piece that starts a new line
PHRASE_END = set("，。、；：！？）》」』”’,;:!?)")  # a phrase ends after these (and at a space)


def _keep_scales(parts: list[str]) -> list[str]:
    """A number and its scale word in one piece: "1.5 trillion" never breaks (TYPOGRAPHY.md)."""
    kept: list[str] = []
    for part in parts:
        if kept and _NUMBER_END.search(kept[-1]) and _SCALE.match(part):
            kept[-1] += part
        else:
            kept.append(part)
    return kept


def _phrases(parts: list[str]) -> list[list[str]]:
    """Tokens grouped into phrases: one ends after a pause or closing mark, or at a space
    that is not the Han-Latin gap between a number and its unit (4000 公里 stays one phrase)."""
    phrases: list[list[str]] = [[]]
    for i, part in enumerate(parts):
        phrases[-1].append(part)
        following = parts[i + 1] if i + 1 < len(parts) else ""
        unit_follows = part.rstrip()[-1:].isdigit() and has_chinese(following[:1])
        if part.rstrip()[-1:] in PHRASE_END or (part[-1:].isspace() and not unit_follows):
            phrases.append([])
    return [p for p in phrases if p]


def _whole_words(paragraph: str, parts: list[str]) -> list[str]:
    """The Han characters of one word (by the segmenter) in one piece: 推进绿色, not 推进绿|色."""
    if "".join(parts) != paragraph:
        return parts
    starts, pos = set(word_starts(paragraph)), 0
    joined: list[str] = []
    for part in parts:
        if joined and pos not in starts and _IS_HAN.match(paragraph[pos - 1]) and _IS_HAN.match(part):
            joined[-1] += part
        else:
            joined.append(part)
        pos += len(part)
    return joined


def tokens(text: str) -> list[str]:
    """Unbreakable pieces: Latin words and numbers, single Han characters, with closing
    punctuation attached before and opening punctuation after."""
    parts: list[str] = []
    for token in _TOKEN.findall(text):
        if parts and (token[0] in NO_START or parts[-1].rstrip()[-1:] in NO_END):
            parts[-1] += token
        else:
            parts.append(token)
    return parts
