"""Measure and wrap chart text with the bundled font's own advance widths."""
from __future__ import annotations

import re
from pathlib import Path

from matplotlib import font_manager
from matplotlib.ft2font import LoadFlags

from briefgen.charts.style import LINESPACING

SLACK = 1.01  # safety margin over the raw advances (matplotlib lays text out unhinted, see RC)
NO_START = set("，。、；：！？）》」』”’%‰,.;:!?)]}")  # clreq: may not begin a line
NO_END = set("（《「『“‘([{")  # may not end a line
_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_TOKEN = re.compile(rf"[^\s{_CJK}]+\s*|[{_CJK}]\s*|\s+")
_HYPHENATED = re.compile(r"[^-]+-+|[^-]+$|-+")
# Noto Sans SC draws curly quotes full-width (CJK style): English text gets straight ones.
_LATIN_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


class Typesetter:
    """Text metrics in inches for the regular and bold faces of one font, in one locale."""

    def __init__(self, paths: dict[bool, Path], locale: str = "zh") -> None:
        self.paths = paths
        self.locale = locale
        self._widths: dict[tuple[str, float, bool], float] = {}

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Width in inches of the widest line of `text` at `size` points."""
        key = (text, size, bold)
        if key not in self._widths:
            self._widths[key] = self._measure(text, size, bold)
        return self._widths[key]

    def _measure(self, text: str, size: float, bold: bool) -> float:
        font = font_manager.get_font(self.paths[bold])
        font.set_size(size, 72)
        widest = 0.0
        for line in text.split("\n"):
            font.set_text(line, 0.0, flags=LoadFlags.NO_HINTING)
            widest = max(widest, font.get_width_height()[0] / 64)
        return widest * SLACK / 72

    @staticmethod
    def height(lines: int, size: float) -> float:
        """Height in inches of a block of `lines` lines (matplotlib's text extent)."""
        return lines * LINESPACING * size / 72

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """`text` in lines no wider than `width`, as even as the line count allows: English
        breaks at spaces and hyphens (a parenthesis starts a line), Chinese anywhere."""
        if self.locale != "zh":
            text = text.translate(_LATIN_QUOTES)
        if self.width(text, size, bold) > width:
            text = text.replace(" (", "\n(")
        lines: list[str] = []
        for paragraph in text.split("\n"):
            parts = [p for t in tokens(paragraph) for p in self._split(t, width, size, bold)]
            lines.extend(self._balance(parts, width, size, bold))
        return lines

    def _split(self, token: str, width: float, size: float, bold: bool) -> list[str]:
        """A word too wide for the line, broken after its hyphens (Pingdingshan-Luohe-Zhoukou)."""
        if "-" not in token.strip("-") or self.width(token.rstrip(), size, bold) <= width:
            return [token]
        return _HYPHENATED.findall(token)

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
            candidate = line + part
            if line and self.width(candidate.rstrip(), size, bold) > width:
                lines.append(line.rstrip())
                candidate = part.lstrip()
            line = candidate
        return lines + [line.rstrip()]


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
