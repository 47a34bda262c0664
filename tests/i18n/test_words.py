"""The Chinese word segmenter that headings, captions and chart labels break by."""
from __future__ import annotations

from briefgen.i18n.words import word_starts


def test_words_of_a_heading() -> None:
    starts = word_starts("深化污染防治攻坚，推进绿色低碳转型")
    assert {0, 2, 9, 11, 13}.issubset(starts)  # 深化 污染 … ， 推进 绿色 低碳
    assert not {1, 3, 12}.intersection(starts)  # inside 深化, 污染, 绿色


def test_every_character_belongs_to_a_word_in_order() -> None:
    text = "图3  2024年创新高地建设主要目标（PM2.5）\n正文使用 Noto Serif SC"
    starts = word_starts(text)
    assert starts[0] == 0 and list(starts) == sorted(set(starts)) and starts[-1] < len(text)
    assert text.index("2024") in starts and text.index("Noto") in starts
