"""The Chinese word segmenter that headings, captions and chart labels break by."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.i18n import words
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


def test_a_text_seen_before_is_answered_without_loading_the_dictionary(tmp_path: Path) -> None:
    """Loading rjieba's dictionary takes about 0.2 s a process: the second build reads the answer."""
    program = ("import sys; from briefgen.i18n.words import word_starts; "
               "print(list(word_starts('推进绿色低碳转型')), 'rjieba' in sys.modules)")
    env = {**os.environ, "BRIEFGEN_CACHE": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", program], env=env, check=True, capture_output=True,
                           text=True).stdout.split() for _ in range(2)]
    assert runs[0] == ["[0,", "2,", "4,", "6]", "True"]
    assert runs[1] == ["[0,", "2,", "4,", "6]", "False"]


@pytest.mark.parametrize("stored", ['{"text": "推进绿色低碳转型", "starts": [0, 3]}', '{"text": "别的", "starts": [0, 2, 4, 6]}',
                                    '{"text": "推进绿色低碳转型", "starts": [1, 2]}', "not json"])
def test_a_wrong_or_broken_entry_is_ignored_and_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         stored: str) -> None:
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path))
    text = "推进绿色低碳转型"
    words.clear_memory()
    words.word_starts(text)
    (entry,) = tmp_path.rglob("*.json")
    entry.write_text(stored.replace("[0, 3]", "[0, 3, 9]"), encoding="utf-8")
    words.clear_memory()
    assert words.word_starts(text) == words.segment(text) == (0, 2, 4, 6)
    assert json.loads(entry.read_text(encoding="utf-8"))["starts"] == [0, 2, 4, 6]


def test_a_known_word_is_kept_whole_and_only_within_its_context() -> None:
    """The segmenter splits the glossary's 航空港区 (航空港|区); a brief's own terms are words."""
    text = "全面提速航空港区开发建设"
    assert 7 in word_starts(text)  # 航空港|区, as the dictionary has it
    with words.known_words(["航空港区", "区"]):  # a one-character term means nothing
        starts = word_starts(text)
    assert 7 not in starts and {4, 8} <= set(starts)
    assert 7 in word_starts(text)
